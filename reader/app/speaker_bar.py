"""The speaker bar: one chip per speaker, most quoted first, with its number key and count.

One widget draws every chip (a widget per chip costs start-up time for nothing); a click
is mapped back to its chip by column.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

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


class SpeakerBar(Widget):
    """``1 Lavrov 18   2 Ahmed 3 …``: number keys and clicks toggle a speaker's filter."""

    COMPONENT_CLASSES = {"speaker-bar--chip", "speaker-bar--selected", "speaker-bar--label"}

    DEFAULT_CSS = """
    SpeakerBar {
        height: 1;
        background: $panel;
        padding: 0 1;
    }
    SpeakerBar > .speaker-bar--chip { background: $boost; }
    SpeakerBar > .speaker-bar--selected { text-style: bold; }
    SpeakerBar > .speaker-bar--label { color: $text-muted; }
    """

    class ChipClicked(Message):
        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

    def __init__(self, doc: Document, colours: dict[int, str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.doc = doc
        self.chip_speakers: list[int] = speaker_ranks(doc)[:MAX_CHIPS]  # number n is chip_speakers[n - 1]
        self.labels = chip_labels([doc.speakers[s] for s in self.chip_speakers])
        self.colours = colours
        self.selected: frozenset[int] = frozenset()
        self.chip_spans: list[tuple[int, int]] = []  # columns of each chip, for clicks

    @property
    def chip_texts(self) -> list[str]:
        """``1 Lavrov 18`` for every chip."""
        return [
            f"{n} {label} {self.doc.speakers[s].quote_count}"
            for n, (s, label) in enumerate(zip(self.chip_speakers, self.labels), 1)
        ]

    def render(self) -> Text:
        line = Text(no_wrap=True, overflow="crop", end="")
        self.chip_spans = []
        if not self.chip_speakers:
            line.append("No attributed quotations", style=self.get_component_rich_style("speaker-bar--label"))
            return line
        chip_style = self.get_component_rich_style("speaker-bar--chip")
        selected_style = self.get_component_rich_style("speaker-bar--selected", partial=True)
        for n, (spk, label) in enumerate(zip(self.chip_speakers, self.labels), 1):
            start = line.cell_len
            colour = _colour(self.colours.get(spk, ""))
            if spk in self.selected:  # the whole chip in the speaker's colour
                style = chip_style + colour + selected_style + Style(reverse=True)
                line.append(f" {n} {label} {self.doc.speakers[spk].quote_count} ", style=style)
            else:
                line.append(f" {n} ", style=chip_style + _bold)
                line.append(label, style=chip_style + _bold + colour)
                line.append(f" {self.doc.speakers[spk].quote_count} ", style=chip_style)
            self.chip_spans.append((start, line.cell_len))
            line.append(" ")
        more = len(self.doc.speakers) - len(self.chip_speakers)
        if more > 0:
            line.append(f"+{more} more (ctrl+p)", style=self.get_component_rich_style("speaker-bar--label"))
        return line

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for n, (start, end) in enumerate(self.chip_spans, 1):
            if start <= offset.x < end:
                self.post_message(self.ChipClicked(n))
                return

    def speaker_for_number(self, number: int) -> int | None:
        return self.chip_speakers[number - 1] if 1 <= number <= len(self.chip_speakers) else None

    def show_selection(self, selected: frozenset[int]) -> None:
        self.selected = selected
        self.refresh()

    def set_colours(self, colours: dict[int, str]) -> None:
        self.colours = colours
        self.refresh()


_bold = Style(bold=True)


def _colour(colour: str) -> Style:
    return Style(color=colour) if colour else Style()
