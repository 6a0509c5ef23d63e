"""The speaker bar: one chip per speaker, most quoted first, with its number key and count.

One widget draws every chip (a widget per chip costs start-up time for nothing); a click
is mapped back to its chip by column. Only the chips that fit in full are drawn, numbered
1..k, with room kept for ``+N more  s`` (``s`` opens the list of every speaker); a number
key beyond them is no chip at all. The chips are counted again at every width, so resizing
or the sidebar changes them. The chosen speakers and the colours are the app's, bound down.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from reader.app.colours import speaker_ranks
from reader.app.layout import visible
from reader.model import ORGANISATION, Document, Speaker

MAX_CHIPS = 9
SHORT_LABEL = 18  # cells: a surname or an organisation's name
LONG_LABEL = 24  # cells: a full name, where the short ones are alike


def _cut(name: str, limit: int) -> str:
    """``name`` cut to ``limit`` cells, with an ellipsis when it was longer."""
    if cell_len(name) <= limit:
        return name
    return set_cell_size(name, limit - 1).rstrip() + "…"


def _is_named_person(speaker: Speaker, words: list[str]) -> bool:
    return speaker.kind != ORGANISATION and len(words) > 1 and words[0][:1].isupper() and words[-1][:1].isupper()


def short_name(speaker: Speaker, limit: int = SHORT_LABEL) -> str:
    """A name that fits on a chip: a person's surname, an organisation's name."""
    name = visible(speaker.name)
    words = name.split()
    if _is_named_person(speaker, words):
        name = words[-1]
    return _cut(name, limit)


def _initialled(speaker: Speaker) -> str:
    """``B. Owen`` for Bill Owen; the full name for anyone else."""
    name = visible(speaker.name)
    words = name.split()
    if _is_named_person(speaker, words):
        return _cut(f"{words[0][0]}. {words[-1]}", LONG_LABEL)
    return _cut(name, LONG_LABEL)


def speaker_labels(speakers: list[Speaker]) -> dict[int, str]:
    """A label for every speaker (by index), no two alike: the short name; where two
    short names are alike, the initial and surname; then the full name; then the full
    name numbered. ``speakers`` come most quoted first: the first of a clash keeps the
    plain name when only a number tells them apart."""
    forms = (short_name, _initialled, lambda s: _cut(visible(s.name), LONG_LABEL))
    level = {s.index: 0 for s in speakers}
    labels = {s.index: short_name(s) for s in speakers}
    for _ in range(len(forms) - 1):
        clashes = _clashing(labels)
        if not clashes:
            return labels
        for s in speakers:
            if s.index in clashes:
                level[s.index] = min(level[s.index] + 1, len(forms) - 1)
                labels[s.index] = forms[level[s.index]](s)
    taken: set[str] = set()
    for s in speakers:  # the same name for two people: number them
        label, n = labels[s.index], 1
        while label.casefold() in taken:
            n += 1
            label = f"{_cut(labels[s.index], LONG_LABEL - 4)} ({n})"
        taken.add(label.casefold())
        labels[s.index] = label
    return labels


def _clashing(labels: dict[int, str]) -> set[int]:
    seen: dict[str, list[int]] = {}
    for index, label in labels.items():
        seen.setdefault(label.casefold(), []).append(index)
    return {i for group in seen.values() if len(group) > 1 for i in group}


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

    # The app's state, bound down: the speakers filtered on, and every speaker's colour.
    speaker_filter: reactive[frozenset[int]] = reactive(frozenset)
    colours: reactive[dict[int, str]] = reactive(dict)

    class ChipClicked(Message):
        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

    class MoreClicked(Message):
        """The ``+N more`` summary was clicked: the list of every speaker is wanted."""

    def __init__(self, doc: Document, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.doc = doc
        ranked = speaker_ranks(doc)
        self.chip_speakers: list[int] = ranked[:MAX_CHIPS]  # number n is chip_speakers[n - 1], if shown
        # Every speaker's label, the same on the chips and in the status line.
        self.labels: dict[int, str] = speaker_labels([doc.speakers[s] for s in ranked])
        self.chip_spans: list[tuple[int, int]] = []  # columns of each chip drawn, for clicks
        self.more_span: tuple[int, int] | None = None  # columns of the summary

    def _chip_text(self, n: int, speaker: int) -> str:
        return f"{n} {self.labels[speaker]} {self.doc.speakers[speaker].quote_count}"

    def fit(self, width: int) -> tuple[int, str]:
        """How many chips fit in full in ``width`` cells with room kept after them for
        ``+N more`` (the speakers without a chip), and that summary, with the key of the
        speaker list (``s``) when there is room for it too."""
        widths = [cell_len(self._chip_text(n, s)) + 3 for n, s in enumerate(self.chip_speakers, 1)]
        total = len(self.doc.speakers)
        for k in range(len(widths), -1, -1):
            room = width - sum(widths[:k])
            more = total - k
            if not more:
                if room >= 0:
                    return k, ""
                continue
            for summary in (f"+{more} more  s", f"+{more} more"):
                if cell_len(summary) <= room:
                    return k, summary
        return 0, ""

    @property
    def shown_chips(self) -> int:
        """The number of chips on screen at the bar's width now."""
        return self.fit(self.content_region.width)[0]

    @property
    def chip_texts(self) -> list[str]:
        """``1 Lavrov 18`` for every chip on screen."""
        return [self._chip_text(n, s) for n, s in enumerate(self.chip_speakers[: self.shown_chips], 1)]

    def render(self) -> Text:
        line = Text(no_wrap=True, overflow="crop", end="")
        self.chip_spans = []
        self.more_span = None
        if not self.chip_speakers:
            line.append("No attributed quotations", style=self.get_component_rich_style("speaker-bar--label"))
            return line
        shown, summary = self.fit(self.content_region.width)
        chip_style = self.get_component_rich_style("speaker-bar--chip")
        selected_style = self.get_component_rich_style("speaker-bar--selected", partial=True)
        for n, spk in enumerate(self.chip_speakers[:shown], 1):
            label = self.labels[spk]
            start = line.cell_len
            colour = _colour(self.colours.get(spk, ""))
            if spk in self.speaker_filter:  # the whole chip in the speaker's colour
                style = chip_style + colour + selected_style + Style(reverse=True)
                line.append(f" {n} {label} {self.doc.speakers[spk].quote_count} ", style=style)
            else:
                line.append(f" {n} ", style=chip_style + _bold)
                line.append(label, style=chip_style + _bold + colour)
                line.append(f" {self.doc.speakers[spk].quote_count} ", style=chip_style)
            self.chip_spans.append((start, line.cell_len))
            line.append(" ")
        if summary:
            self.more_span = (line.cell_len, line.cell_len + cell_len(summary))
            line.append(summary, style=self.get_component_rich_style("speaker-bar--label"))
        return line

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for n, (start, end) in enumerate(self.chip_spans, 1):
            if start <= offset.x < end:
                self.post_message(self.ChipClicked(n))
                return
        if self.more_span is not None and self.more_span[0] <= offset.x < self.more_span[1]:
            self.post_message(self.MoreClicked())

    def on_resize(self) -> None:
        self.refresh()


_bold = Style(bold=True)


def _colour(colour: str) -> Style:
    return Style(color=colour) if colour else Style()
