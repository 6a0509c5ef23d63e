"""Every speaker of the document with their quotation count: type to narrow the list,
Enter (or space in the list) toggles that speaker's filter; Esc closes.

The list shows the app's filter as it is (``●`` marks a speaker filtered on) and changes
it through the app, so the article behind follows at once.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.app.colours import speaker_ranks
from reader.app.layout import visible
from reader.app.list_screen import ListScreen, list_bindings
from reader.model import Document
from reader.search import words


class SpeakerOptions(OptionList):
    """The list: space toggles the highlighted speaker, as Enter does."""

    BINDINGS = [Binding("space", "select", "Toggle", show=False, id="speakers.toggle")]


class SpeakerListScreen(ListScreen[None]):
    DEFAULT_CSS = """
    SpeakerListScreen { align: center middle; background: $background 60%; }
    SpeakerListScreen > Vertical {
        width: 70;
        max-width: 95%;
        height: 80%;
    }
    """

    BINDINGS = list_bindings("speakers")

    def __init__(self, doc: Document, colours: dict[int, str], chosen: frozenset[int]) -> None:
        super().__init__()
        self.doc = doc
        self.colours = colours
        self.chosen = chosen
        self.ranked = speaker_ranks(doc)
        self._names = {s.index: [words(n) for n in (s.name, *s.mentions)] for s in doc.speakers}
        self.shown: list[int] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Speakers"
            yield Input(placeholder="Type part of a name to narrow the list", id="speaker-filter")
            yield Static("", id="speaker-count", classes="count")
            yield SpeakerOptions(id="speaker-options")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.show("")

    def matches(self, query: str) -> list[int]:
        """The speakers, most quoted first, whose names or mentions hold every typed word
        at the start of one of their words."""
        typed = words(query)
        if not typed:
            return list(self.ranked)
        return [s for s in self.ranked
                if any(all(any(w.startswith(t) for w in form) for t in typed) for form in self._names[s])]

    def show(self, query: str) -> None:
        options = self.query_one(OptionList)
        keep = options.highlighted
        self.shown = self.matches(query)
        options.clear_options()
        options.add_options([Option(self._prompt(s), id=str(s)) for s in self.shown])
        if self.shown:
            options.highlighted = min(keep or 0, len(self.shown) - 1)
        total = len(self.doc.speakers)
        count = self.query_one("#speaker-count", Static)
        chosen = f" · {len(self.chosen)} filtered on" if self.chosen else ""
        if not total:
            count.update("No quotation is attributed to anyone")
        elif len(self.shown) == total:
            count.update(f"{total} speaker{'s' if total != 1 else ''}{chosen} · Enter toggles · Esc closes")
        else:
            count.update(f"{len(self.shown)} of {total} speakers{chosen} · Enter toggles · Esc closes")

    def _prompt(self, speaker: int) -> Text:
        s = self.doc.speakers[speaker]
        t = Text(no_wrap=True, overflow="ellipsis")
        t.append("● " if speaker in self.chosen else "  ", style="bold")
        t.append(visible(s.name), style=f"bold {self.colours.get(speaker, '')}".strip())
        t.append(f"  {s.quote_count}", style="dim")
        return t

    @on(Input.Changed, "#speaker-filter")
    def _changed(self, event: Input.Changed) -> None:
        self.show(event.value)

    def toggle_highlighted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None or not options.option_count:
            return
        speaker = int(options.get_option_at_index(options.highlighted).id or 0)
        self.app.toggle_speaker(speaker)  # type: ignore[attr-defined]
        self.chosen = self.app.speaker_filter  # type: ignore[attr-defined]
        self.show(self.query_one(Input).value)

    @on(Input.Submitted, "#speaker-filter")
    def _submitted(self) -> None:
        self.toggle_highlighted()

    @on(OptionList.OptionSelected, "#speaker-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.toggle_highlighted()

