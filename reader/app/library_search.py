"""Across a library: its quotations searched, and the people quoted in it.

``LibraryQuotesScreen`` searches every article's quotations as one article's search does
(``Library.quotes``: words, a name, ``speaker:NAME words``), or lists one person's; each
result shows the speaker, the quotation and the article, and Enter dismisses with the
article's path and the quotation's offset, for the app to open it there. ``PeopleScreen``
lists everyone quoted in the library with their counts; Enter lists that person's
quotations.

A search of a common word reads thousands of records, so the index is asked in a thread
(with a connection of its own, ``QuoteFinder``), the newest query wins, and the answers are
kept for the queries typed again (backspace). Everything shown comes from the files and is
drawn as plain text.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.app.layout import visible
from reader.app.list_screen import ListScreen, list_bindings
from reader.library import Library, PersonEntry, QuoteEntry
from reader.output import counted_people
from reader.search import words

MAX_RESULTS = 100  # the best shown; the others counted
MAX_PEOPLE = 300  # people listed at once; type to narrow


@dataclass(frozen=True, slots=True)
class Found:
    """A quotation found: where it is, and what is shown of it."""

    path: str
    start: int
    speaker: str | None
    text: str


class QuoteFinder:
    """The library's quotations asked from any thread, one question at a time, on a
    connection of its own (opened on first use)."""

    def __init__(self, roots: list[str], path=None) -> None:
        self.roots = roots
        self.path = path
        self._lock = threading.Lock()
        self._library: Library | None = None

    def find(self, search: str | None, person: int | None = None) -> tuple[list[Found], int]:
        """The best MAX_RESULTS quotations (best first; a person's in the order of the files)
        and how many there are."""
        with self._lock:
            if self._library is None:
                self._library = Library(self.roots, path=self.path)
            entries = self._library.quotes(search=search or None, person=person)
        if search:
            order = sorted(range(len(entries)), key=lambda i: (-entries[i].score, i))
            entries = [entries[i] for i in order]
        return [_found(e) for e in entries[:MAX_RESULTS]], len(entries)

    def reopen(self) -> None:
        """The index was made again from nothing: the next question opens the new one."""
        with self._lock:
            if self._library is not None:
                self._library.close()
                self._library = None


def _found(entry: QuoteEntry) -> Found:
    r = entry.record
    return Found(r["file"], int(r.get("start", 0)), entry.person or r.get("speaker"), r.get("text", ""))


class LibraryQuotesScreen(ListScreen["tuple[str, int] | None"]):
    """Every article's quotations searched, or one person's (``person``) narrowed by words.
    Dismisses with (path, offset) of the chosen quotation, or None."""

    DEFAULT_CSS = """
    LibraryQuotesScreen { align: center top; background: $background; }
    LibraryQuotesScreen > Vertical {
        width: 95%;
        max-width: 130;
        height: 90%;
        margin-top: 1;
    }
    """

    BINDINGS = list_bindings("library_search", "result")

    def __init__(self, finder: QuoteFinder, titles: Callable[[str], str], person: PersonEntry | None = None) -> None:
        super().__init__()
        self.finder = finder
        self.titles = titles
        self.person = person
        self.query_text = ""
        self.shown_query: str | None = None  # the query whose results are on screen
        self.results: list[Found] = []
        self._cache: dict[str, tuple[list[Found], int]] = {}

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            if self.person is None:
                box.border_title = "Search the library"
                hint = "Search every article's quotations: words, a name, or speaker:NAME words"
            else:
                box.border_title = f"Quotations of {visible(self.person.name)}"
                hint = "Type words to narrow their quotations"
            yield Input(placeholder=hint, id="library-search-input")
            yield Static("", id="library-search-count", classes="count")
            yield OptionList(id="library-search-results")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.run_query("")

    @on(Input.Changed, "#library-search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.run_query(event.value)

    def run_query(self, query: str) -> None:
        self.query_text = query
        if self.person is None and not words(query.replace("speaker:", " ")):
            self._show(query, [], None)
            return
        cached = self._cache.get(query)
        if cached is not None:
            self._show(query, *cached)
            return
        self.query_one("#library-search-count", Static).update("Searching…")
        self._ask(query)

    @work(thread=True, exclusive=True, group="library-search")
    def _ask(self, query: str) -> None:
        person = self.person.id if self.person is not None else None
        found, total = self.finder.find(query.strip() or None, person)
        if get_current_worker().is_cancelled:
            return
        self.app.call_from_thread(self._answered, query, found, total)

    def _answered(self, query: str, found: list[Found], total: int) -> None:
        if len(self._cache) > 64:
            self._cache.pop(next(iter(self._cache)))
        self._cache[query] = (found, total)
        self._show(query, found, total)

    def _show(self, query: str, found: list[Found], total: int | None) -> None:
        if query != self.query_text or not self.is_attached:
            return  # an older answer
        self.results = found
        self.shown_query = query
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(self._prompt(f), id=str(i)) for i, f in enumerate(found)])
        if found:
            options.highlighted = 0
        count = self.query_one("#library-search-count", Static)
        if total is None:
            count.update("Type words, a name, or speaker:NAME words · Esc closes")
        elif not total:
            count.update("No matching quotations")
        else:
            which = "best" if query.strip() else "first"
            shown = f"{total:,}" if total <= len(found) else f"the {which} {len(found)} of {total:,}"
            count.update(f"{shown} quotation{'' if total == 1 else 's'} · Enter opens the article there · Esc closes")

    def _prompt(self, found: Found) -> Text:
        t = Text(no_wrap=True, overflow="ellipsis")
        if found.speaker:
            t.append(visible(found.speaker), style="bold")
        else:
            t.append("(unknown speaker)", style="italic")
        t.append(" — ")
        body = visible(found.text)
        t.append(body[:200] + ("…" if len(body) > 200 else ""))
        t.append("\n    ")
        t.append(self.titles(found.path), style="dim italic")
        return t

    def _choose(self, index: int | None) -> None:
        if index is None or not 0 <= index < len(self.results):
            return
        found = self.results[index]
        self.dismiss((found.path, found.start))

    @on(Input.Submitted, "#library-search-input")
    def _submitted(self) -> None:
        self._choose(self.query_one(OptionList).highlighted)

    @on(OptionList.OptionSelected, "#library-search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)



def person_line(person: PersonEntry) -> str:
    """``Sergey Lavrov — 214 quotations in 37 articles``, as ``reader speakers --library`` says it."""
    return f"{visible(person.name)} — {counted_people(person.quotes, person.articles)}"


class PeopleScreen(ListScreen["tuple[str, int] | None"]):
    """Everyone quoted in the library, most quoted first: type to narrow, Enter lists that
    person's quotations (and dismisses with the one chosen there)."""

    DEFAULT_CSS = """
    PeopleScreen { align: center middle; background: $background 60%; }
    PeopleScreen > Vertical {
        width: 80;
        max-width: 95%;
        height: 85%;
    }
    """

    BINDINGS = list_bindings("people")

    def __init__(self, people: list[PersonEntry], finder: QuoteFinder, titles: Callable[[str], str],
                 indexing: bool = False) -> None:
        super().__init__()
        self.people = people
        self.finder = finder
        self.titles = titles
        self.indexing = indexing
        self._names = [[words(n) for n in (p.name, *p.names)] for p in people]
        self.shown: list[int] = []

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "People in the library"
            yield Input(placeholder="Type part of a name to narrow the list", id="people-filter")
            yield Static("", id="people-count", classes="count")
            yield OptionList(id="people-options")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.show("")

    def matches(self, query: str) -> list[int]:
        """The people (most quoted first) one of whose names holds every typed word at the
        start of one of its words."""
        typed = words(query)
        if not typed:
            return list(range(len(self.people)))
        return [i for i, forms in enumerate(self._names)
                if any(all(any(w.startswith(t) for w in form) for t in typed) for form in forms)]

    def show(self, query: str) -> None:
        options = self.query_one(OptionList)
        matched = self.matches(query)
        self.shown = matched[:MAX_PEOPLE]
        options.clear_options()
        options.add_options([Option(Text(person_line(self.people[i]), no_wrap=True, overflow="ellipsis"), id=str(i))
                             for i in self.shown])
        if self.shown:
            options.highlighted = 0
        total = len(self.people)
        more = f" (the first {len(self.shown)}: type to narrow)" if len(matched) > len(self.shown) else ""
        later = " · more when the index is made" if self.indexing else ""
        if not total:
            text = "No one is quoted yet" + (": the index is being made" if self.indexing else "")
        elif len(matched) == total:
            text = f"{total:,} {'people' if total != 1 else 'person'}{more}{later} · Enter lists their quotations"
        else:
            text = f"{len(matched):,} of {total:,} people{more} · Enter lists their quotations"
        self.query_one("#people-count", Static).update(text)

    @on(Input.Changed, "#people-filter")
    def _changed(self, event: Input.Changed) -> None:
        self.show(event.value)

    def _open(self, index: int | None) -> None:
        if index is None or not 0 <= index < len(self.shown):
            return
        person = self.people[self.shown[index]]

        def chosen(result: tuple[str, int] | None) -> None:
            if result is not None:
                self.dismiss(result)

        self.app.push_screen(LibraryQuotesScreen(self.finder, self.titles, person), chosen)

    @on(Input.Submitted, "#people-filter")
    def _submitted(self) -> None:
        self._open(self.query_one(OptionList).highlighted)

    @on(OptionList.OptionSelected, "#people-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option_index)



__all__ = ["LibraryQuotesScreen", "PeopleScreen", "QuoteFinder", "person_line"]
