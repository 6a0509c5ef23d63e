"""A long text: its beginning analysed on its own and shown at once, the whole in its place
when analysed, where the reader is and with the colours the beginning had."""

from __future__ import annotations

import threading

from conftest import article, lines, wait_until

from reader.app import ReaderApp
from reader.document import PREVIEW_CHARS, Source, analyse

FILLER = "The committee sat late into the evening and talked about the harbour, the roads and the rates. " * 3


def novel(chapters: int = 100) -> str:
    parts = ["A Long Book", ""]
    for c in range(1, chapters + 1):
        parts += [f"CHAPTER {c}", ""]
        for p in range(12):
            if p % 4 == 1:
                parts += [f'"Chapter {c} goes on," said Clara Moss. "{FILLER[:60]}"', ""]
            elif p % 4 == 3:
                parts += [f'"I do not agree about {c}," said Tom Reed.', ""]
            else:
                parts += [f"Paragraph {c}.{p}. {FILLER}", ""]
    return "\n".join(parts)


def test_the_beginning_is_a_prefix_cut_at_a_paragraph_break():
    text = novel()
    assert len(text) > 3 * PREVIEW_CHARS
    source = Source(text, False)
    begin = source.preview()
    cut = len(begin.text)
    assert PREVIEW_CHARS <= cut < 2 * PREVIEW_CHARS
    assert text[:cut] == begin.text and text[cut:cut + 2] == "\n\n"
    whole = source.analyse()
    # Every quotation of the beginning is one of the whole text, at the same offsets.
    assert {(q.start, q.end) for q in begin.quotes} <= {(q.start, q.end) for q in whole.quotes}
    assert {begin.speakers[q.speaker].name for q in begin.quotes if q.speaker is not None} == {"Clara Moss", "Tom Reed"}


def test_a_text_not_much_longer_than_the_beginning_has_none():
    assert Source("Short\n\n" + "word " * 1000, False).preview() is None
    assert Source("x" * (4 * PREVIEW_CHARS), False).preview() is None  # no paragraph break to cut at


class TestBeginningFirst:
    def app(self, release: threading.Event, text: str | None = None):
        text = text or novel()
        source = Source(text, False)

        def load():
            release.wait(30)
            return source.analyse()

        return ReaderApp(path="book.txt", load=load, preview=source.preview(), text=text)

    async def test_shown_and_scrolled_at_once_and_the_rest_said_to_be_read(self):
        release = threading.Event()
        app = self.app(release)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: article(app).laid_out)
            assert app.partial and not app.ready
            assert "A Long Book" in "\n".join(lines(app))
            assert "Reading the rest of book.txt" in app.status.plain
            await pilot.press("space", "space")  # reading on works
            assert article(app).scroll_y > 0
            release.set()
            await wait_until(pilot, lambda: app.ready)
            assert not app.partial
            assert "Reading the rest" not in app.status.plain

    async def test_the_whole_takes_its_place_where_the_reader_is_with_the_same_colours(self):
        release = threading.Event()
        app = self.app(release)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: article(app).laid_out)
            await pilot.press("space", "space", "space")
            top = article(app).offset_at_top
            before = lines(app)
            colour_of = {app.doc.speakers[s].name: c for s, c in app.colours.items()}
            release.set()
            await wait_until(pilot, lambda: app.ready)
            await pilot.pause()
            assert len(app.doc.text) > len(before) and article(app).offset_at_top == top
            assert lines(app) == before  # nothing moved
            assert {app.doc.speakers[s].name: c for s, c in app.colours.items()
                    if app.doc.speakers[s].name in colour_of} == colour_of

    async def test_keys_for_the_whole_text_wait_for_it(self):
        release = threading.Event()
        app = self.app(release)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: article(app).laid_out)
            await pilot.press("G")  # the end of the whole book, not of its beginning
            assert article(app).scroll_y == 0
            release.set()
            await wait_until(pilot, lambda: app.ready)
            await pilot.pause()
            view = article(app)
            assert view.scroll_y == view.max_scroll_y > 0
            assert "Paragraph 100.10." in "\n".join(lines(app))


def test_a_short_text_needs_no_beginning():
    doc = analyse('A headline\n\n"Fine," said Ann Lee.\n')
    app = ReaderApp(doc, path="short.txt")
    assert not app.partial


class TestFinishedUnderAnotherScreen:
    """The whole text analysed while help or the search covers the article: it takes the
    beginning's place in the article's screen when the reader comes back, never in the one
    on top."""

    async def test_help_open_when_the_rest_is_read(self):
        release = threading.Event()
        text = novel()
        source = Source(text, False)
        app = ReaderApp(path="book.txt", load=lambda: (release.wait(30), source.analyse())[1],
                        preview=source.preview(), text=text)
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: article(app).laid_out)
            await pilot.press("question_mark")
            await wait_until(pilot, lambda: len(app.screen_stack) == 2)
            help_screen = app.screen
            release.set()
            await wait_until(pilot, lambda: app._analysed_later is not None)  # noqa: SLF001
            assert app.screen is help_screen and app.partial  # the help is left as it was
            assert not help_screen.query("ArticleView")
            await pilot.press("escape")
            await wait_until(pilot, lambda: app.ready)
            assert not app.partial and len(app.screen_stack) == 1
            assert len(app.doc.quotes) == len(source.analyse().quotes)
            assert "Reading the rest" not in app.status.plain
