"""Quote search: type words or a speaker; the list shows ``Speaker — quote text``, ranked."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.app.layout import visible
from reader.app.list_screen import ListScreen, list_bindings
from reader.model import MENTION, Document
from reader.search import Hit, fold, parse_query, search_quotes, words

MAX_RESULTS = 40  # more than a screen holds; each shown result costs a render


def break_ties(hits: list[Hit], query: str, doc: Document | None = None) -> list[Hit]:
    """Among equally ranked quotations, the one where the typed phrase comes first wins
    ("specific parameters" finds "When specific parameters are clear…" before a quote
    that mentions them at its end)."""
    _, rest = parse_query(query, doc)
    phrase = fold(" ".join(rest.split()))
    if not phrase:
        return hits

    def where(hit: Hit) -> int:
        pos = fold(" ".join(hit.quote.text.split())).find(phrase)
        return pos if pos >= 0 else 1 << 30

    head = hits[: 2 * MAX_RESULTS]  # only the results that can be shown
    return sorted(head, key=lambda h: (-h.score, where(h), h.quote.index)) + hits[len(head):]


class QuoteSearchScreen(ListScreen[int | None]):
    """Dismisses with the chosen quotation's index, or None on Escape."""

    DEFAULT_CSS = """
    QuoteSearchScreen { align: center top; background: $background; }
    QuoteSearchScreen > Vertical {
        width: 90%;
        max-width: 110;
        height: 80%;
        margin-top: 1;
    }
    """

    BINDINGS = list_bindings("search", "result")

    def __init__(self, doc: Document, colours: dict[int, str], query: str = "") -> None:
        super().__init__()
        self.doc = doc
        self.colours = colours
        self.initial_query = query
        self.hits: list[Hit] = []
        self.query_text = ""
        self.shown_query: str | None = None  # the query whose results are on screen
        self._pool = [q for q in doc.quotes if q.kind != MENTION]
        self._cache: dict[str, tuple[list[Hit], int]] = {}
        self._first = [Hit(q, 0.0) for q in self._pool[:MAX_RESULTS]]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(value=self.initial_query, placeholder="Search quotations: words, a speaker, or speaker:NAME words",
                        id="search-input")
            yield Static("", id="search-count", classes="count")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.run_search(self.initial_query)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    def run_search(self, query: str) -> None:
        self.query_text = query
        cached = self._cache.get(query)
        speaker_part, rest = parse_query(query, self.doc)
        if cached is None and not words(speaker_part or "") and not words(rest):
            cached = (self._first, None)  # nothing typed: the first quotations, no count
        if cached is None:
            # The document's words are indexed on the first search: a novel answers in milliseconds.
            cached = self._remember(query, break_ties(search_quotes(self.doc, query, self._pool), query, self.doc))
        self._show(query, *cached)

    def _remember(self, query: str, hits: list[Hit]) -> tuple[list[Hit], int]:
        if len(self._cache) > 64:
            self._cache.pop(next(iter(self._cache)))
        self._cache[query] = (hits[:MAX_RESULTS], len(hits))
        return self._cache[query]

    def _show(self, query: str, hits: list[Hit], total: int | None) -> None:
        if query != self.query_text:
            return  # an older answer
        self.hits = hits
        self.shown_query = query
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(self._prompt(h), id=str(h.quote.index)) for h in hits])
        if hits:
            options.highlighted = 0
        count = self.query_one("#search-count", Static)
        if total is None:
            text = f"{len(self._pool)} quotations · type words or a speaker"
        elif not total:
            text = "No matching quotations"
        else:
            shown = f"{total}" if total <= len(hits) else f"the best {len(hits)} of {total}"
            text = f"{shown} quotation{'' if total == 1 else 's'} · Enter jumps · Esc closes"
        count.update(text)

    def _prompt(self, hit: Hit) -> Text:
        q = hit.quote
        spk = self.doc.speaker_of(q)
        t = Text(no_wrap=True, overflow="ellipsis")
        if spk is not None:
            t.append(visible(spk.name), style=f"bold {self.colours.get(spk.index, '')}".strip())
        else:
            t.append("(unknown speaker)", style="italic")
        t.append(" — ")
        body = visible(q.text)
        t.append(body[:150] + ("…" if len(body) > 150 else ""))
        return t

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None or not options.option_count:
            return
        option = options.get_option_at_index(options.highlighted)
        self.dismiss(int(option.id or 0))

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

