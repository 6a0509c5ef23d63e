"""The speaker bar: one chip per speaker, most quoted first, with its number key and count."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Static

from reader.app.colours import speaker_ranks
from reader.app.layout import visible
from reader.model import ORGANISATION, Document, Speaker

MAX_CHIPS = 9


def short_name(speaker: Speaker, limit: int = 18) -> str:
    """A name that fits on a chip: a person's surname, an organisation's name."""
    name = visible(speaker.name)
    words = name.split()
    if speaker.kind != ORGANISATION and len(words) > 1 and words[0][:1].isupper() and words[-1][:1].isupper():
        name = words[-1]
    if len(name) > limit:
        name = name[: limit - 1] + "…"
    return name


def chip_labels(speakers: list[Speaker]) -> list[str]:
    """Short names, or full names where two short names would be the same."""
    short = [short_name(s) for s in speakers]
    return [
        short_name(s, 24) if short.count(label) == 1 else visible(s.name)[:24]
        for s, label in zip(speakers, short)
    ]


class SpeakerChip(Static):
    """``1 Lavrov 18``: click to toggle the speaker's filter."""

    DEFAULT_CSS = """
    SpeakerChip {
        width: auto;
        height: 1;
        padding: 0 1;
        margin: 0 1 0 0;
        background: $boost;
        &:hover { background: $primary 30%; }
        &.-selected { background: $primary; color: $text; text-style: bold; }
    }
    """

    def __init__(self, number: int, speaker: Speaker, colour: str, label: str) -> None:
        super().__init__(classes="speaker-chip", id=f"chip-{number}")
        self.label = label
        self.number = number
        self.speaker = speaker
        self.colour = colour

    def render(self) -> Text:
        t = Text()
        t.append(str(self.number), style="bold")
        t.append(" ")
        t.append(self.label, style=f"bold {self.colour}")
        t.append(f" {self.speaker.quote_count}")
        return t

    def on_click(self) -> None:
        self.post_message(SpeakerBar.ChipClicked(self.number))


class SpeakerBar(Horizontal):
    """The bar of speaker chips above the key hints."""

    DEFAULT_CSS = """
    SpeakerBar {
        height: 1;
        background: $panel;
        overflow: hidden hidden;
        padding: 0 1;
    }
    SpeakerBar > .speaker-bar--label { width: auto; color: $text-muted; margin: 0 1 0 0; }
    """

    class ChipClicked(Message):
        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

    def __init__(self, doc: Document, colours: dict[int, str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.doc = doc
        ranked = speaker_ranks(doc)
        self.chip_speakers: list[int] = ranked[:MAX_CHIPS]  # number n is chip_speakers[n - 1]
        self._colours = colours

    def compose(self) -> ComposeResult:
        if not self.chip_speakers:
            yield Static("No attributed quotations", classes="speaker-bar--label")
            return
        labels = chip_labels([self.doc.speakers[s] for s in self.chip_speakers])
        for n, spk in enumerate(self.chip_speakers, 1):
            yield SpeakerChip(n, self.doc.speakers[spk], self._colours.get(spk, "#888888"), labels[n - 1])
        more = len(self.doc.speakers) - len(self.chip_speakers)
        if more > 0:
            yield Static(f"+{more} more (ctrl+p)", classes="speaker-bar--label")

    def speaker_for_number(self, number: int) -> int | None:
        return self.chip_speakers[number - 1] if 1 <= number <= len(self.chip_speakers) else None

    def show_selection(self, selected: frozenset[int]) -> None:
        for chip in self.query(SpeakerChip):
            chip.set_class(chip.speaker.index in selected, "-selected")

    def set_colours(self, colours: dict[int, str]) -> None:
        self._colours = colours
        for chip in self.query(SpeakerChip):
            chip.colour = colours.get(chip.speaker.index, "#888888")
            chip.refresh()
