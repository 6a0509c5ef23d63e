"""The library screen: one row per article, sorted and filtered as the reader asks.

The rows are the library index's list of articles (``Library.articles()``, one SELECT), each
shown with its title (the file's name when it has none), its date (or dateline), its file
(relative to the folder opened), its number of quotations and its main speakers. The table
draws only the rows on screen (the Line API), so two thousand rows cost no more than twenty;
sorting and filtering are done on the rows held. Everything shown comes from the files and is
drawn as plain text, never read as markup.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.screen import ModalScreen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input, Static

from reader.app.key_hints import KeyHints
from reader.app.layout import file_label, visible
from reader.app.status_line import StatusLine, piece
from reader.library import Article, Progress, iter_progress_line
from reader.search import fold

# How each column sorts: its label, and whether its first sort is descending (newest, most).
SORTS = {"title": ("title", False), "date": ("date", True), "file": ("file", False), "quotes": ("quotations", True)}
DIRECTIONS = {
    "title": ("A to Z", "Z to A"),
    "date": ("oldest first", "newest first"),
    "file": ("in order", "reversed"),
    "quotes": ("fewest first", "most first"),
}

# The key hints of the library (key, label, action): "screen." actions are the library's own.
LIBRARY_HINTS = (
    ("?", "Help", "screen.help"),
    ("⏎", "Open", "screen.open"),
    ("/", "Search", "screen.search"),
    ("s", "People", "screen.people"),
    ("f", "Filter", "screen.filter"),
    ("t/d/c", "Sort", "screen.sort('title')"),
    ("q", "Quit", "app.quit"),
    ("^p", "Commands", "app.command_palette"),
)


@dataclass(frozen=True, slots=True)
class Row:
    """One article as the list shows it."""

    path: str  # its real path: what the article is known by
    file: str  # as shown: relative to the folder opened, on one line
    title: str  # as shown: the title, else the file's name
    titled: bool
    date: str  # as shown: the date (YYYY-MM-DD), else the dateline, else nothing
    sort_date: str  # the date, or "" when none was found
    quotes: int
    speakers: str  # the main speakers, as shown
    error: str | None
    haystack: str  # what a filter is matched against: title, file, date and speakers (folded when filtering)


def library_base(roots: Iterable[str]) -> str:
    """The folder the files' names are shown relative to: the folder opened, or the one that
    holds every folder and file opened."""
    places = [os.path.realpath(r) if os.path.isdir(r) else os.path.dirname(os.path.realpath(r)) for r in roots]
    try:
        return os.path.commonpath(places)
    except ValueError:  # nothing in common (another drive)
        return os.sep


def library_name(roots: list[str]) -> str:
    """What the library is called on screen: the folder's name, or the number of files."""
    if len(roots) == 1:
        return file_label(os.path.basename(os.path.realpath(roots[0])) or roots[0])
    return f"{len(roots)} files and folders"


# Folding (lower case, no accents) is most of the cost of a row: done when a filter or a sort
# by title first needs it, and kept.
_folded = lru_cache(maxsize=1 << 16)(fold)


def relative(path: str, base: str) -> str:
    """``path`` relative to the folder ``base`` when it is under it (the index holds real paths)."""
    prefix = base.rstrip(os.sep) + os.sep
    return path[len(prefix):] if path.startswith(prefix) else path


def make_rows(articles: Iterable[Article], base: str) -> list[Row]:
    rows = []
    for a in articles:
        file = file_label(relative(a.path, base))
        title = visible(a.title) if a.title and a.title.strip() else file_label(os.path.basename(a.path))
        date = a.date or (visible(a.dateline) if a.dateline else "")
        speakers = ", ".join(visible(s) for s in a.main_speakers)
        if a.error:
            speakers = visible(a.error.removeprefix(a.path + ": "))
        rows.append(Row(a.path, file, title, bool(a.title and a.title.strip()), date, a.date or "", a.quotes,
                        speakers, a.error, f"{title}\n{file}\n{date}\n{speakers}"))
    return rows


def arrange(rows: list[Row], sort: str, descending: bool, query: str) -> list[Row]:
    """The rows that hold every word of ``query`` (anywhere in the title, file, date or
    speakers; case and accents ignored), sorted; equal ones in file order. Articles without a
    date come after those with one, whichever way the dates go."""
    typed = fold(query).split()
    kept = [r for r in rows if all(w in _folded(r.haystack) for w in typed)] if typed else list(rows)
    kept.sort(key=lambda r: r.path)
    if sort == "file":
        return kept[::-1] if descending else kept
    if sort == "title":
        kept.sort(key=lambda r: _folded(r.title), reverse=descending)
    elif sort == "quotes":
        kept.sort(key=lambda r: r.quotes, reverse=descending)
    elif sort == "date":
        dated = [r for r in kept if r.sort_date]
        dated.sort(key=lambda r: r.sort_date, reverse=descending)
        kept = dated + [r for r in kept if not r.sort_date]
    return kept


# --------------------------------------------------------------------------- the table


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    x: int
    width: int
    right: bool = False


GAP = 2


def columns(width: int, file_width: int) -> list[Column]:
    """The columns at ``width`` cells: the title takes what the others leave; at narrow widths
    the speakers go first, then the file, then the date."""
    show_speakers, show_file, show_date = width >= 60, width >= 44, width >= 28
    date_w = 10 if show_date else 0
    quotes_w = 8  # "Quotes ▼"
    file_w = min(max(4, file_width), max(12, width // 5)) if show_file else 0
    fixed = date_w + quotes_w + file_w + GAP * (1 + show_date + show_file + show_speakers)
    rest = max(1, width - fixed)
    title_w = max(1, rest * 3 // 5 if show_speakers else rest)
    speakers_w = rest - title_w if show_speakers else 0
    out, x = [], 0
    for key, label, w, right in (("title", "Title", title_w, False), ("date", "Date", date_w, False),
                                 ("file", "File", file_w, False), ("quotes", "Quotes", quotes_w, True),
                                 ("speakers", "Main speakers", speakers_w, False)):
        if w <= 0:
            continue
        out.append(Column(key, label, x, w, right))
        x += w + GAP
    return out


def _cell(text: str, width: int, right: bool = False) -> str:
    """``text`` in exactly ``width`` cells: cut with an ellipsis, padded."""
    if cell_len(text) > width:
        text = set_cell_size(text, max(0, width - 1)) + "…" if width > 1 else set_cell_size(text, width)
    pad = " " * (width - cell_len(text))
    return pad + text if right else text + pad


class ArticleTable(ScrollView, can_focus=True):
    """The rows, under a header that stays: ``j``/``k`` move the cursor, ``enter`` (or a click
    on the row under the cursor) opens it, a click on a header sorts by that column."""

    COMPONENT_CLASSES = {
        "article-table--header",
        "article-table--header-sorted",
        "article-table--cursor",
        "article-table--untitled",
        "article-table--error",
        "article-table--muted",
        "article-table--empty",
    }

    DEFAULT_CSS = """
    ArticleTable {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        background: $surface;
        padding: 0 1;
    }
    ArticleTable > .article-table--header { color: $text-muted; text-style: bold; background: $panel; }
    ArticleTable > .article-table--header-sorted { color: $text; text-style: bold; background: $panel; }
    ArticleTable > .article-table--cursor {
        color: $block-cursor-blurred-foreground;
        background: $block-cursor-blurred-background;
    }
    ArticleTable:focus > .article-table--cursor {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    ArticleTable > .article-table--untitled { color: $text-muted; text-style: italic; }
    ArticleTable > .article-table--error { color: $text-warning; }
    ArticleTable > .article-table--muted { color: $text-muted; }
    ArticleTable > .article-table--empty { color: $text-muted; text-style: italic; }
    """

    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False, id="library.down"),
        Binding("up,k", "move(-1)", "Up", show=False, id="library.up"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="library.page_down"),
        Binding("pageup,b", "page(-1)", "Page up", show=False, id="library.page_up"),
        Binding("home,g", "first", "First", show=False, id="library.first"),
        Binding("end,G", "last", "Last", show=False, id="library.last"),
        Binding("enter", "open", "Open", show=False, id="library.open"),
    ]

    class Opened(Message):
        """The reader chose the row under the cursor."""

        def __init__(self, row: Row) -> None:
            super().__init__()
            self.row = row

    class SortChosen(Message):
        """A click on a column's header."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    class Moved(Message):
        """The cursor moved."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Row] = []
        self.cursor = 0
        self.sort = ("file", False)
        self.empty_message = ""
        self.file_width = 4  # the longest file name of the library, so that filtering keeps the columns
        self._columns: tuple[int, list[Column]] | None = None

    # -- the rows ------------------------------------------------------------------

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def set_rows(self, rows: list[Row], keep: str | None = None, sort: tuple[str, bool] | None = None) -> None:
        """Show ``rows``, the cursor on the article ``keep`` if it is among them (else on the
        first row)."""
        self.rows = rows
        if sort is not None:
            self.sort = sort
        at = next((i for i, r in enumerate(rows) if r.path == keep), None) if keep is not None else None
        self.cursor = at if at is not None else 0
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows) + 1)
        self._columns = None
        self.refresh()
        self.call_after_refresh(self.scroll_to_cursor)

    def move_to(self, index: int) -> None:
        if not self.rows:
            return
        index = max(0, min(len(self.rows) - 1, index))
        if index != self.cursor:
            self.cursor = index
            self.refresh()
            self.post_message(self.Moved())
        self.scroll_to_cursor()

    @property
    def page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def scroll_to_cursor(self) -> None:
        top, page = int(self.scroll_y), self.page_rows
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True, force=True)
        elif self.cursor >= top + page:
            self.scroll_to(y=self.cursor - page + 1, animate=False, immediate=True, force=True)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows) + 1)
        self._columns = None
        self.scroll_to_cursor()

    # -- keys and the mouse --------------------------------------------------------

    def action_move(self, step: int) -> None:
        self.move_to(self.cursor + step)

    def action_page(self, pages: int) -> None:
        self.move_to(self.cursor + pages * self.page_rows)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self.rows) - 1)

    def action_open(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Opened(row))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            for column in self.current_columns():
                if column.x <= offset.x < column.x + column.width + GAP and column.key in SORTS:
                    self.post_message(self.SortChosen(column.key))
                    return
            return
        index = int(self.scroll_y) + offset.y - 1
        if not 0 <= index < len(self.rows):
            return
        if index == self.cursor or event.chain >= 2:
            self.move_to(index)
            self.action_open()
        else:
            self.move_to(index)

    # -- drawing -------------------------------------------------------------------

    def current_columns(self) -> list[Column]:
        width = self.scrollable_content_region.width
        if self._columns is None or self._columns[0] != width:
            self._columns = (width, columns(width, self.file_width))
        return self._columns[1]

    def header_text(self) -> str:
        """The header as drawn, for tests and the screen reader in us all."""
        return "".join(s.text for s in self.render_line(0)).rstrip()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            return self._header(width).apply_style(base)
        index = int(self.scroll_y) + y - 1
        if not self.rows:
            if y == max(1, self.scrollable_content_region.height // 2 - 1) and self.empty_message:
                message = _cell(self.empty_message, width)
                left = max(0, (width - cell_len(self.empty_message)) // 2)
                style = self.get_component_rich_style("article-table--empty")
                text = " " * left + self.empty_message
                return Strip([Segment(_cell(text, width), style)]).apply_style(base) if message else Strip.blank(width)
            return Strip.blank(width, base)
        if index >= len(self.rows):
            return Strip.blank(width, base)
        return self._row(self.rows[index], width, index == self.cursor).apply_style(base)

    def _header(self, width: int) -> Strip:
        style = self.get_component_rich_style("article-table--header")
        sorted_style = self.get_component_rich_style("article-table--header-sorted")
        key, descending = self.sort
        segments = []
        for column in self.current_columns():
            label = column.label
            if column.key == key:
                label += " ▼" if descending else " ▲"
            segments.append(Segment(_cell(label, column.width, column.right), sorted_style if column.key == key else style))
            segments.append(Segment(" " * GAP, style))
        return Strip(segments).adjust_cell_length(width, style)

    def _row(self, row: Row, width: int, cursor: bool) -> Strip:
        muted = self.get_component_rich_style("article-table--muted")
        segments = []
        for column in self.current_columns():
            style = Style()
            if column.key == "title":
                text = row.title
                if not row.titled:
                    style = self.get_component_rich_style("article-table--untitled")
            elif column.key == "date":
                text = row.date
            elif column.key == "file":
                text, style = row.file, muted
            elif column.key == "quotes":
                text = "" if row.error else str(row.quotes)
            else:
                text = row.speakers
                if row.error:
                    style = self.get_component_rich_style("article-table--error")
            segments.append(Segment(_cell(text, column.width, column.right), style))
            segments.append(Segment(" " * GAP))
        strip = Strip(segments).adjust_cell_length(width)
        if cursor:
            strip = strip.apply_style(self.get_component_rich_style("article-table--cursor"))
        return strip


# --------------------------------------------------------------------------- the screen


def progress_text(p: Progress, width: int) -> Text:
    """``Indexing ━━━━━╺━━━ 120/504 files · 3.1/9.8 MB · 1.2 MB/s · 0:35 left``, fitted."""
    words = iter_progress_line(p).removeprefix("indexing ")
    label = "Indexing "
    bar_w = max(0, min(30, width - cell_len(label) - cell_len(words) - 2))
    done = round(bar_w * p.bytes_done / p.bytes_total) if p.bytes_total else 0
    line = Text(label, style="bold", no_wrap=True, overflow="ellipsis")
    if bar_w >= 5:
        line.append("━" * done, style="$accent")
        line.append("━" * (bar_w - done), style="dim")
        line.append(" ")
    line.append(words)
    return line


class IndexProgress(Static):
    DEFAULT_CSS = """
    IndexProgress { height: 1; padding: 0 1; background: $panel; display: none; }
    IndexProgress.-shown { display: block; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.progress: Progress | None = None

    def show(self, progress: Progress | None) -> None:
        self.progress = progress
        self.set_class(progress is not None, "-shown")
        self.refresh()

    def render(self) -> Text:
        if self.progress is None:
            return Text("")
        text = progress_text(self.progress, self.content_region.width or 80)
        # The accent of the bar, in the theme's colours.
        accent = self.app.current_theme.accent or "cyan"
        for span in list(text.spans):
            if span.style == "$accent":
                text.spans[text.spans.index(span)] = span._replace(style=accent)
        return text


class LibraryScreen(ModalScreen[None]):
    """The list of the library's articles. The app feeds it (``reload``, ``show_progress``,
    ``indexed``, ``say``) and opens what the reader chooses. It stays installed while an
    article is read, so coming back finds it as it was left (sort, filter, cursor).

    Modal, so that the article's keys (kept by the app) never act from here; opaque, so
    that nothing of the article shows through."""

    DEFAULT_CSS = """
    LibraryScreen { layout: vertical; background: $background; }
    LibraryScreen #library-filter { height: 1; border: none; padding: 0 1; background: $boost; }
    LibraryScreen #library-filter:focus { background: $boost; }
    """

    BINDINGS = [
        Binding("slash", "search", "Search", id="library.search"),
        Binding("s", "people", "People", id="library.people"),
        Binding("t", "sort('title')", "Sort by title", show=False, id="library.sort_title"),
        Binding("d", "sort('date')", "Sort by date", show=False, id="library.sort_date"),
        Binding("c", "sort('quotes')", "Sort by quotations", show=False, id="library.sort_quotes"),
        Binding("f,ctrl+f", "filter", "Filter", id="library.filter"),
        Binding("escape", "escape", "Clear the filter", show=False, id="library.escape"),
        Binding("down", "to_list", "To the list", show=False, id="library.to_list"),
        Binding("question_mark", "help", "Help", id="library.help"),
        Binding("q", "app.quit", "Quit", id="library.quit"),
    ]

    def __init__(self, name: str, base: str) -> None:
        super().__init__()
        self.library_name = name
        self.base = base
        self.all_rows: list[Row] = []
        self.titles: dict[str, str] = {}  # path -> title as shown
        self.sort = ("file", False)
        self.query_text = ""
        self.message: Text | None = None
        self.indexing = False
        self.analysed: int | None = None  # how many the last update analysed, once it is done

    def compose(self) -> ComposeResult:
        yield Input(placeholder="f filters the list: words of a title, file, date or speaker", id="library-filter")
        yield ArticleTable(id="library-table")
        yield IndexProgress(id="library-progress")
        yield StatusLine(id="library-status")
        yield KeyHints(LIBRARY_HINTS, id="library-keys")

    @property
    def table(self) -> ArticleTable:
        return self.query_one(ArticleTable)

    @property
    def filter_box(self) -> Input:
        return self.query_one("#library-filter", Input)

    @property
    def status(self) -> StatusLine:
        return self.query_one("#library-status", StatusLine)

    def on_mount(self) -> None:
        self.table.focus()
        self.reload()

    # -- the rows --------------------------------------------------------------------

    def reload(self) -> None:
        """The rows again from the index (it has grown, or changed)."""
        articles = self.app.library_articles()  # type: ignore[attr-defined]
        if articles is None:
            return
        self.all_rows = make_rows(articles, self.base)
        self.titles = {r.path: r.title for r in self.all_rows}
        self.table.file_width = max((cell_len(r.file) for r in self.all_rows), default=4)
        self.arrange_rows()

    def arrange_rows(self, keep: str | None = None) -> None:
        """Sort and filter the rows as asked, the cursor staying on its article."""
        table = self.table
        if keep is None and table.current is not None:
            keep = table.current.path
        shown = arrange(self.all_rows, *self.sort, self.query_text)
        table.empty_message = self._empty_message()
        table.set_rows(shown, keep, self.sort)
        self.update_status()

    def _empty_message(self) -> str:
        if self.all_rows:
            return f"No article matches “{visible(self.query_text)}”: esc clears the filter"
        if self.indexing:
            return "Reading the articles: they appear here as they are indexed"
        return f"No article files in {self.library_name} (text, Markdown, HTML or EPUB)"

    def order(self) -> list[str]:
        """The articles in the order shown (for ``}`` and ``{`` in an article)."""
        return [r.path for r in self.table.rows if not r.error]

    def select(self, path: str) -> None:
        """The cursor on this article, if it is shown."""
        for i, r in enumerate(self.table.rows):
            if r.path == path:
                self.table.move_to(i)
                return

    # -- what the app says -------------------------------------------------------------

    def show_progress(self, progress: Progress | None) -> None:
        self.indexing = progress is not None or self.indexing
        self.query_one(IndexProgress).show(progress)

    def indexed(self, analysed: int | None, reload: bool = True) -> None:
        """The update is over (``analysed`` files analysed; None when it was stopped); the
        rows are read again if it changed anything."""
        self.indexing = False
        self.analysed = analysed
        self.query_one(IndexProgress).show(None)
        if reload:
            self.reload()
        else:
            self.arrange_rows()  # the count, without "indexing"

    def say(self, message: str, warning: bool = False, unless_warned: bool = False) -> None:
        """A message in the status line, until the next key; ``unless_warned``: not over a
        warning said before it."""
        if unless_warned and self.message is not None and self.message.style == "bold":
            return
        self.message = Text(message, style="bold" if warning else "")
        if warning:
            self.app.bell()
        self.update_status()

    def update_status(self) -> None:
        table = self.table
        total, shown = len(self.all_rows), len(table.rows)
        fields, ranks = [], []
        if self.message is not None:
            fields.append([piece(self.message, 6)])
            ranks.append(4)
        count = f"{total:,} article{'s' if total != 1 else ''}"
        if self.query_text.strip():
            count = f"{shown:,} of {count}"
            fields.append([piece(count), piece(" · filter ", 2), piece(f"“{visible(self.query_text)}”", 3)])
        else:
            fields.append([piece(count)])
        if self.indexing:
            fields[-1].append(piece(" · indexing", 1))
        ranks.append(5)
        label, descending = SORTS[self.sort[0]][0], self.sort[1]
        fields.append([piece("Sorted by ", 1), piece(f"{label}, {DIRECTIONS[self.sort[0]][descending]}", 2)])
        ranks.append(3)
        right = Text()
        right.append(f"{self.library_name}  ", style="dim")
        if shown:
            right.append(f"{table.cursor + 1}/{shown}")
        self.status.set(fields, right, ranks)

    # -- keys --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_list":
            return self.filter_box.has_focus
        return True

    def on_key(self, event: events.Key) -> None:
        if event.key != "escape" and self.message is not None and event.is_printable:
            self.message = None  # a message stays until the next key
            self.update_status()

    def action_sort(self, key: str) -> None:
        self.message = None
        current, descending = self.sort
        self.sort = (key, not descending) if key == current else (key, SORTS[key][1])
        self.arrange_rows()

    def action_filter(self) -> None:
        self.filter_box.focus()

    def action_to_list(self) -> None:
        self.table.focus()

    def action_escape(self) -> None:
        """Esc: out of the filter box, or clears the filter."""
        self.message = None
        box = self.filter_box
        if box.value:
            box.value = ""  # Input.Changed arranges the rows
        if box.has_focus:
            self.table.focus()
        self.update_status()

    def action_open(self) -> None:
        self.table.action_open()

    def title_of(self, path: str) -> str:
        """An article as a search result names it: its title and file."""
        file = file_label(relative(path, self.base))
        title = self.titles.get(path)
        return f"{title} · {file}" if title and title != os.path.basename(file) else file

    def action_search(self) -> None:
        from reader.app.library_search import LibraryQuotesScreen

        self.app.push_screen(LibraryQuotesScreen(self.app.library_finder, self.title_of),  # type: ignore[attr-defined]
                             self._quotation_chosen)

    def action_people(self) -> None:
        from reader.app.library_search import PeopleScreen

        people = self.app.library_people()  # type: ignore[attr-defined]
        if people is None:
            return
        self.app.push_screen(PeopleScreen(people, self.app.library_finder, self.title_of,  # type: ignore[attr-defined]
                                          indexing=self.indexing), self._quotation_chosen)

    def _quotation_chosen(self, chosen: tuple[str, int] | None) -> None:
        if chosen is not None:
            path, start = chosen
            self.select(path)
            self.app.open_article(path, self.order(), start)  # type: ignore[attr-defined]

    def action_help(self) -> None:
        from reader.app.help_screen import HelpScreen
        from reader.app.keys import LIBRARY_KEYS

        self.app.push_screen(HelpScreen(LIBRARY_KEYS, "Library keys",
                                        "In an article, ? lists the article's keys; esc or backspace comes back "
                                        "to this list. Esc closes this help."))

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.message = None
        self.query_text = event.value
        self.arrange_rows()

    @on(Input.Submitted, "#library-filter")
    def _filter_submitted(self) -> None:
        self.table.focus()

    def on_article_table_opened(self, event: ArticleTable.Opened) -> None:
        row = event.row
        if row.error:
            self.say(f"{row.file}: {row.speakers}", warning=True)
            return
        self.app.open_article(row.path, self.order())  # type: ignore[attr-defined]

    def on_article_table_sort_chosen(self, event: ArticleTable.SortChosen) -> None:
        self.action_sort(event.key)

    def on_article_table_moved(self) -> None:
        self.update_status()
