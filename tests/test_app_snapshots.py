"""SVG snapshots of the app: the main screen, a filter on, the search open, the help screen."""

from __future__ import annotations

import os
from pathlib import Path

os.environ["TEXTUAL_ANIMATIONS"] = "none"

from reader.app import ReaderApp  # noqa: E402
from reader.document import analyse  # noqa: E402

FOUR = (Path(__file__).parent / "test_app.py").read_text(encoding="utf-8").split('FOUR = """', 1)[1].split('"""', 1)[0]
SIZE = (100, 30)


def four_app() -> ReaderApp:
    return ReaderApp(analyse(FOUR), path="four.txt")


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
