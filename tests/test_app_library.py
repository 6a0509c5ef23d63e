"""The library in the app (``reader DIR``): the list of articles, sorting, filtering, opening
an article and coming back, quotations searched across the library, the people in it, the
index filling while the list shows, and what goes wrong (a damaged or locked index, a file
that cannot be read). Every wait is for a state of the app, never a fixed delay."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from conftest import ROOT, screen_text, wait_until

from reader.app import ReaderApp
from reader.app.help_screen import HelpScreen
from reader.app.library_screen import ArticleTable, IndexProgress, LibraryScreen
from reader.app.library_search import LibraryQuotesScreen, PeopleScreen

ARTICLES = {
    "geneva.txt": "Talks in Geneva\n\nGENEVA, March 3, 2024 - Russian Foreign Minister Sergey Lavrov spoke to "
                  "reporters on Monday.\n\n\"We are ready to talk about the wall,\" Lavrov said.\n\n"
                  "\"The door is not closed,\" Lavrov added.\n",
    "moscow.txt": "Moscow replies\n\n\"The door is open,\" said Sergey Lavrov.\n\n\"Nothing has changed,\" Lavrov added.\n",
    "news/budget.txt": "[bold]Budget[/bold] row\n\nLONDON, May 5, 2023 - The council met on Friday.\n\n\"The budget is sound,\" said John Smith, the "
                       "treasurer.\n\n\"It is not,\" said Jane Smith, who leads the opposition.\n\n"
                       "\"We will vote against it,\" Jane Smith said.\n",
    "news/deep/[red]brief.txt": "\"We will see,\" Lavrov told reporters.\n",
}
BINARY = b"\x00\x01\x02\x03binary\x00\xff" * 50


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "news"
    for name, text in ARTICLES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "broken.txt").write_bytes(BINARY)
    return root


def library_app(folder) -> ReaderApp:
    return ReaderApp(library=[str(folder)], index_jobs=1)  # one process: no pool of workers in a test


def screen_of(app) -> LibraryScreen:
    return app.get_screen("library")


def table(app) -> ArticleTable:
    return screen_of(app).query_one(ArticleTable)


def titles(app) -> list[str]:
    return [r.title for r in table(app).rows]


def indexed(app) -> bool:
    return app.feed is not None and not app.feed.running and not screen_of(app).indexing


def table_text(app) -> list[str]:
    """The table as drawn: its header and rows, right spaces cut."""
    t = table(app)
    return [("".join(s.text for s in t.render_line(y))).rstrip() for y in range(len(t.rows) + 1)]


async def test_the_list_shows_every_article_with_title_date_file_quotes_and_speakers(folder):
    app = library_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: indexed(app) and len(table(app).rows) == 5)
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert table_text(app) == [
            "Title                                      Date        File ▲                     Quotes  Main speakers",
            "broken.txt                                             broken.txt                         not a text file",
            "Talks in Geneva                            2024-03-03  geneva.txt                      2  Sergey Lavrov",
            "Moscow replies                                         moscow.txt                      2  Sergey Lavrov",
            "[bold]Budget[/bold] row                    2023-05-05  news/budget.txt                 3  Jane Smith, John Smith",
            "[red]brief.txt                                         news/deep/[red]brief.t…         1  Lavrov",
        ]
        text = screen_text(app)  # what the terminal shows: the markup of the files literally
        assert "[bold]Budget[/bold] row" in text and "news/deep/[red]brief.t…" in text
        assert "5 articles" in screen_of(app).status.plain and "Sorted by file" in screen_of(app).status.plain


async def test_sorting_by_title_date_and_quotations(folder):
    app = library_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: indexed(app) and len(table(app).rows) == 5)
        await pilot.press("c")
        assert [r.quotes for r in table(app).rows][:4] == [3, 2, 2, 1]
        assert "Quotes ▼" in table(app).header_text()
        await pilot.press("c")  # again: the other way
        assert [r.quotes for r in table(app).rows if not r.error] == [1, 2, 2, 3]
        await pilot.press("t")
        assert titles(app) == ["[bold]Budget[/bold] row", "[red]brief.txt", "broken.txt", "Moscow replies",
                               "Talks in Geneva"]
        await pilot.press("d")  # newest first; the undated after
        assert titles(app)[:2] == ["Talks in Geneva", "[bold]Budget[/bold] row"]
        assert "Sorted by date, newest first" in screen_of(app).status.plain


async def test_filter_as_you_type_and_esc_clears_it(folder):
    app = library_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: indexed(app) and len(table(app).rows) == 5)
        await pilot.press("f", *"lavrov")
        assert titles(app) == ["Talks in Geneva", "Moscow replies", "[red]brief.txt"]
        await pilot.press(*["backspace"] * 6, *"smith")
        assert titles(app) == ["[bold]Budget[/bold] row"]
        assert "1 of 5 articles" in screen_of(app).status.plain
        await pilot.press("escape")
        assert len(table(app).rows) == 5 and table(app).has_focus


async def test_enter_opens_the_article_and_esc_comes_back_to_the_same_row(folder):
    app = library_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: indexed(app) and len(table(app).rows) == 5)
        await pilot.press("j", "j", "j")
        chosen = table(app).current
        assert chosen.title == "[bold]Budget[/bold] row"
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.ready and app.path == chosen.path)
        assert not isinstance(app.screen, LibraryScreen)
        assert app.doc.title.text == "[bold]Budget[/bold] row"
        assert "[bold]Budget[/bold] row" in screen_text(app)  # the article screen, markup shown as written
        await pilot.press("right_square_bracket")  # the article's own keys work
        assert app.cursor_quote == 0
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        assert table(app).current == chosen and table(app).cursor == 3
        await pilot.press("k", "enter")  # and another, then back with backspace
        await wait_until(pilot, lambda: app.ready and app.doc.title.text == "Moscow replies")
        await pilot.press("right_curly_bracket")  # } : the next article of the list
        await wait_until(pilot, lambda: app.ready and app.path == chosen.path)
        await pilot.press("backspace")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        assert table(app).current == chosen


async def test_an_unreadable_file_is_a_row_with_its_error_and_never_opens(folder):
    app = library_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: indexed(app) and len(table(app).rows) == 5)
        assert table(app).current.title == "broken.txt" and table(app).current.error
        await pilot.press("enter")
        assert isinstance(app.screen, LibraryScreen)
        assert "broken.txt: not a text file" in screen_of(app).status.plain


async def test_a_file_gone_since_it_was_indexed_is_said_in_the_list(folder):
    app = library_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: indexed(app) and len(table(app).rows) == 5)
        (folder / "moscow.txt").unlink()
        await pilot.press("j", "j", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen) and screen_of(app).message is not None)
        assert "moscow.txt" in screen_of(app).status.plain and "no such file" in screen_of(app).status.plain


async def test_search_across_the_library_opens_the_article_at_the_quotation(folder):
    app = library_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: indexed(app) and len(table(app).rows) == 5)
        await pilot.press("slash", *"speaker:lavrov door")
        search = app.screen
        assert isinstance(search, LibraryQuotesScreen)
        await wait_until(pilot, lambda: search.shown_query == "speaker:lavrov door")
        assert [f.text for f in search.results] == ["The door is not closed,", "The door is open,"]
        text = screen_text(app)
        assert "Sergey Lavrov — The door is not closed," in text and "Talks in Geneva · geneva.txt" in text
        assert "2 quotations" in text
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: app.ready and app.doc.title.text == "Moscow replies")
        q = app.doc.quotes[app.cursor_quote]
        assert q.text == "The door is open," and app.article.cursor_on_screen
        await pilot.press("escape")  # back to the list, on that article
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen))
        assert table(app).current.title == "Moscow replies"


async def test_people_across_the_library_and_one_persons_quotations(folder):
    app = library_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: indexed(app) and len(table(app).rows) == 5)
        await pilot.press("s")
        people = app.screen
        assert isinstance(people, PeopleScreen)
        await pilot.pause()
        text = screen_text(app)
        assert "Sergey Lavrov — 5 quotations in 3 articles" in text
        assert "Jane Smith — 2 quotations in 1 article" in text and "John Smith — 1 quotation in 1 article" in text
        await pilot.press(*"smi")
        assert [people.people[i].name for i in people.shown] == ["Jane Smith", "John Smith"]
        await pilot.press("enter")
        quotes = app.screen
        assert isinstance(quotes, LibraryQuotesScreen) and quotes.person.name == "Jane Smith"
        await wait_until(pilot, lambda: quotes.shown_query == "")
        assert [f.text for f in quotes.results] == ["It is not,", "We will vote against it,"]
        await pilot.press(*"vote")
        await wait_until(pilot, lambda: quotes.shown_query == "vote")
        assert [f.text for f in quotes.results] == ["We will vote against it,"]
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.ready and app.doc.title.text == "[bold]Budget[/bold] row")
        assert app.doc.quotes[app.cursor_quote].text == "We will vote against it,"


@pytest.fixture
def held_index(monkeypatch):
    """The index's update analyses two files, then waits for ``release`` (set it to go on);
    every file is written and reported at once."""
    import reader.app.library_feed as feed
    import reader.library as library

    release = threading.Event()
    real = library.analyse_entry
    calls = []

    def analyse(job):
        calls.append(job)
        if len(calls) == 3:
            release.wait(30)
        return real(job)

    monkeypatch.setattr(library, "analyse_entry", analyse)
    monkeypatch.setattr(feed, "EVERY", 0.0)
    yield release
    release.set()


async def test_progress_while_the_index_fills_and_rows_appear(folder, held_index):
    app = library_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        progress = screen_of(app).query_one(IndexProgress)
        await wait_until(pilot, lambda: progress.progress is not None and progress.progress.files_done == 2
                         and len(table(app).rows) == 2)
        await pilot.pause()
        line = screen_text(app)
        assert "Indexing" in line and "2/5 files" in line and "MB/s" in line
        assert "2 articles · indexing" in screen_of(app).status.plain
        await pilot.press("c", "f", *"lav")  # usable meanwhile: sort, filter
        assert titles(app) == ["Talks in Geneva"]
        await pilot.press("escape")
        held_index.set()
        await wait_until(pilot, lambda: indexed(app) and len(table(app).rows) == 5)
        assert progress.progress is None and not progress.has_class("-shown")
        assert "Indexed 5 files" in screen_of(app).status.plain


@pytest.mark.parametrize("key, status", [("q", 0), ("ctrl+c", 130)])
async def test_quitting_while_the_index_fills_ends_at_once(folder, held_index, key, status):
    app = library_app(folder)
    start = None
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: len(table(app).rows) == 2)  # the update is held on the third file
        start = time.monotonic()
        await pilot.press(key)
    assert time.monotonic() - start < 2  # no wait for the update
    assert app.return_code == status
    assert app.feed.running  # still held; a daemon thread, told to stop
    held_index.set()
    app.feed.thread.join(10)
    assert not app.feed.running


async def test_a_damaged_index_is_made_again_with_one_line(folder):
    from reader.library import index_path

    path = index_path([str(folder)])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    app = library_app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: indexed(app) and len(table(app).rows) == 5)
        await pilot.pause()
        status = screen_of(app).status.left.plain  # the line stays until a key is pressed
        assert "is damaged (file is not a database); starting it again" in status
        assert len(app.library.articles()) == 5


async def test_a_locked_index_is_made_again_with_one_line(folder, monkeypatch):
    import reader.library as library

    path = library.index_path([str(folder)])
    library.Library([str(folder)]).close()  # made, nothing in it yet
    monkeypatch.setattr(library, "LOCK_WAIT", 0.2)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program keeps it locked
    try:
        app = library_app(folder)
        async with app.run_test(size=(120, 30)) as pilot:
            await wait_until(pilot, lambda: screen_of(app).message is not None
                             and "locked" in screen_of(app).message.plain)
            assert "was locked for more than 0.2 s; starting it again" in screen_of(app).status.left.plain
            await wait_until(pilot, lambda: indexed(app) and len(table(app).rows) == 5)
    finally:
        holder.close()


async def test_help_lists_the_librarys_keys(folder):
    from reader.app.keys import LIBRARY_KEYS

    app = library_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: indexed(app))
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = screen_text(app)
        for key in LIBRARY_KEYS:
            assert key.keys in text and " ".join(key.what.split()[:3]) in text, key
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_the_palette_on_the_list_offers_the_lists_commands(folder):
    from textual.command import CommandList, CommandPalette

    from reader.app.keys import library_palette_commands

    app = library_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: indexed(app))
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette) and app.screen.query(CommandList))

        def listed() -> set[str]:
            options = app.screen.query(CommandList).first()
            return {str(options.get_option_at_index(i).prompt).split("\n")[0] for i in range(options.option_count)}

        wanted = {c.command for c in library_palette_commands()}
        await wait_until(pilot, lambda: wanted <= listed())
        assert "Jump to section" not in " ".join(listed())
        await pilot.press(*"sort by quotations", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen) and screen_of(app).sort == ("quotes", True))


def test_every_key_of_the_list_is_in_its_table_and_the_readme():
    from reader.app.keys import KEY_NAMES, LIBRARY_KEYS, readme_keys, shown_keys

    named = shown_keys(LIBRARY_KEYS)
    for binding in (*LibraryScreen.BINDINGS, *ArticleTable.BINDINGS):
        for key in binding.key.split(","):
            assert KEY_NAMES.get(key, key) in named, key
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table_rows = readme[readme.index("| library key | action |"):].split("\n\n")[0].splitlines()[2:]
    rows = [tuple(cell.strip() for cell in row.strip("|").split(" | ")) for row in table_rows]
    assert rows == [(readme_keys(k.keys), k.what) for k in LIBRARY_KEYS]


def test_snapshot_of_the_list_sorted_by_quotations(folder, snap_compare):
    app = library_app(folder)

    async def indexed_and_sorted(pilot):
        await wait_until(pilot, lambda: indexed(app) and len(table(app).rows) == 5)
        await pilot.press("c")  # a key clears the message that says how long the index took
        await pilot.pause()

    assert snap_compare(app, run_before=indexed_and_sorted, terminal_size=(100, 16))
