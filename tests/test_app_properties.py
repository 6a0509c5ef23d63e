"""Properties of the app under arbitrary use (hypothesis, through the pilot).

- Whatever is typed into the quote search box, on several documents, the app answers and
  keeps running (no internal error).
- Any sequence of keys, on the sample article and on a large document, leaves the app
  running with no internal error.

The suite runs a few examples (each starts the app); the long run, documented in the README::

    READER_PROPERTY_EXAMPLES=20000 uv run pytest tests/test_app_properties.py
"""

from __future__ import annotations

import asyncio
import os
from functools import lru_cache

from conftest import SAMPLE, long_text, wait_until
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.app import ReaderApp
from reader.document import analyse, load_document

EXAMPLES = int(os.environ.get("READER_PROPERTY_EXAMPLES", "200"))


def _settings(share: int):
    """``EXAMPLES // share`` examples (at least 3): an app is started for each."""
    return settings(max_examples=max(3, EXAMPLES // share), deadline=None, suppress_health_check=list(HealthCheck))


@lru_cache(maxsize=None)
def document(name: str):
    if name == "sample":
        return load_document(str(SAMPLE))
    if name == "large":  # 120 sections, 960 paragraphs, 120 quotations
        return analyse(long_text(sections=120))
    if name == "crowd":
        return analyse("\n\n".join(f'"Point {k}," said {who}.' for k in range(3)
                                   for who in ("Ann Lee", "Bo Li", "Helena Saraiva", "Jean-Luc O'Brien", "Zoë Ångström")))
    return analyse("")


def _healthy(app: ReaderApp) -> None:
    assert app.internal_error is None, app.internal_error
    assert app._exception is None, app._exception  # noqa: SLF001


# --------------------------------------------------------------------------- the search box

QUERY_TOKENS = ["speaker:", "SPEAKER:", '"', "'", "-", " ", "Helena", "Saraiva", "Saraiva bridge", "sar", "Ann",
                "the", "ferry", "Zoë", "ångström", "\\", "[b]", "*", "—", "\u202e", "\x00", "\t"]
queries = st.lists(st.one_of(st.sampled_from(QUERY_TOKENS), st.text(max_size=4)), max_size=6).map("".join)


@_settings(20)
@given(name=st.sampled_from(["sample", "crowd", "empty"]), typed=st.lists(queries, min_size=1, max_size=8))
@example(name="sample", typed=['speaker:"', 'speaker:"Helena Saraiva"', "speaker:-", "speaker:'", "speaker:Helena Saraiva"])
def test_the_search_box_answers_whatever_is_typed(name, typed):
    from textual.widgets import Input

    from reader.app.search_screen import QuoteSearchScreen

    async def drive() -> None:
        app = ReaderApp(document(name), path=f"{name}.txt")
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: app.ready)
            await pilot.press("slash")
            await wait_until(pilot, lambda: isinstance(app.screen, QuoteSearchScreen))
            screen = app.screen
            for query in typed:
                screen.query_one(Input).value = query
                await wait_until(pilot, lambda: screen.shown_query == query or not app.is_running)
                _healthy(app)
                assert len(screen.hits) <= len(screen._pool)  # noqa: SLF001
            await pilot.press("enter")
            await pilot.pause()
            _healthy(app)
            assert app.is_running

    asyncio.run(drive())


# --------------------------------------------------------------------------- any keys

KEYS = ["j", "k", "down", "up", "space", "b", "pagedown", "pageup", "g", "G", "home", "end", "n", "N", "p",
        "right_square_bracket", "left_square_bracket", "slash", "ctrl+f", "f3", "shift+f3", "escape", "enter",
        "tab", "backspace", "ctrl+o", "ctrl+n", "s", "y", "e", "t", "question_mark", "right_curly_bracket",
        "left_curly_bracket", "ctrl+p", "0", "1", "2", "3", "4", "9", "a", "r", "x", "quotation_mark",
        "apostrophe", "minus", "colon"]
keys = st.lists(st.sampled_from(KEYS), min_size=1, max_size=30)


async def _press_all(name: str, pressed: list[str], size: tuple[int, int]) -> None:
    app = ReaderApp(document(name), path=f"{name}.txt")
    async with app.run_test(size=size) as pilot:
        await wait_until(pilot, lambda: app.ready)
        for key in pressed:
            await pilot.press(key)
            _healthy(app)
        await pilot.pause()
        _healthy(app)
        assert app.is_running or app.return_code == 0  # the palette's own quit is a way out


@_settings(40)
@given(pressed=keys, size=st.sampled_from([(100, 30), (60, 20), (40, 12)]))
@example(pressed=["s", *"bo", "enter", "space", "escape", "e", "enter", "enter"], size=(60, 20))
@example(pressed=["ctrl+f", "n", "enter", "n", "N", "ctrl+o", "ctrl+n", "escape", "n"], size=(40, 12))
def test_any_keys_on_the_sample_article(pressed, size, tmp_path_factory, monkeypatch):
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))  # where an export or a screenshot may be written
    asyncio.run(_press_all("sample", pressed, size))


@_settings(100)
@given(pressed=keys)
@example(pressed=["G", "ctrl+f", "p", "a", "r", "t", "enter", "N", "N", "1", "n", "0", "ctrl+o"])
def test_any_keys_on_a_large_document(pressed, tmp_path_factory, monkeypatch):
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))
    asyncio.run(_press_all("large", pressed, (100, 30)))
