"""SVG snapshots of the app: the main screen, a filter on, the search open, the help screen, a find,
the speaker list."""

from __future__ import annotations

from conftest import four_app

from reader.app import ReaderApp
from reader.document import analyse

SIZE = (100, 30)


def test_main_screen(snap_compare):
    assert snap_compare(four_app(), terminal_size=SIZE)


def test_filter_on(snap_compare):
    assert snap_compare(four_app(), press=["2"], terminal_size=SIZE)


def test_quote_cursor(snap_compare):
    assert snap_compare(four_app(), press=["right_square_bracket", "right_square_bracket"], terminal_size=SIZE)


def test_search_open(snap_compare):
    assert snap_compare(four_app(), press=["slash", *"haddad"], terminal_size=SIZE)


def test_help_screen(snap_compare):
    assert snap_compare(four_app(), press=["question_mark"], terminal_size=SIZE)


def test_small_terminal(snap_compare):
    assert snap_compare(four_app(), terminal_size=(40, 12))


def test_empty_document(snap_compare):
    assert snap_compare(ReaderApp(analyse("")), terminal_size=(60, 16))


def test_light_theme(snap_compare):
    app = four_app()

    async def light(pilot):
        app.theme = "textual-light"
        await pilot.press("2")
        await pilot.pause()

    assert snap_compare(app, run_before=light, terminal_size=SIZE)


def test_find_highlights(snap_compare):
    assert snap_compare(four_app(), press=["ctrl+f", *"twice", "enter"], terminal_size=SIZE)


def test_speaker_list(snap_compare):
    assert snap_compare(four_app(), press=["s", "down", "enter"], terminal_size=SIZE)
