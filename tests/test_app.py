"""Pilot tests of the reading app: every key, search, filters and the sidebar."""

from __future__ import annotations

import re

import pytest

from conftest import CROWD, FOUR, ROOT, article, crowd_text, four_app, lines, long_text, screen_text, speaker_index, wait_until

from reader.app import ReaderApp
from reader.app.help_screen import HelpScreen
from reader.app.search_screen import QuoteSearchScreen
from reader.app.sidebar import Sidebar
from reader.app.speaker_bar import SpeakerBar
from reader.document import analyse, load_document


# --------------------------------------------------------------------------- layout


class TestLayout:
    async def test_title_standfirst_headings_and_paragraphs(self):
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            text = "\n".join(lines(app))
            assert "River Park Plan Splits Council" in text
            assert "Four voices on the new park beside the river" in text
            assert "HARTWELL, May 2." in text
            assert "Funding" in text
            rows = lines(app)
            assert rows[0].strip() == "City"
            assert set(rows[3].strip()) == {"━"}  # the rule under the title

    async def test_paragraphs_rewrapped_to_a_comfortable_width(self):
        app = ReaderApp(analyse(long_text()))
        async with app.run_test(size=(160, 40)) as pilot:
            await pilot.pause()
            widths = [len(line.strip()) for line in lines(app)]
            assert max(widths) <= 80
            assert max(widths) >= 70  # filled, not left at the file's line breaks

    async def test_text_is_literal_never_markup(self):
        text = FOUR.replace("The vote is expected", "The vote \x1b[31mis\x07 expected")
        app = ReaderApp(analyse(text))
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            await pilot.press("G")
            shown = "\n".join(lines(app))
            assert "[bold]heron nests[/bold]" in shown
            assert "\u241b[31mis\u2407" in shown  # ESC and BEL drawn as control pictures
            assert "\x1b" not in shown

    async def test_quotes_are_coloured_by_speaker_and_mentions_are_not(self):
        text = FOUR.replace("The vote is expected next week.", 'The vote on the "green corridor" is next week.')
        app = ReaderApp(analyse(text))
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            view = article(app)
            colours = {}
            for y in range(view.scrollable_content_region.height):
                for seg in view.render_line(y):
                    if seg.style and seg.style.color and "park next spring" in seg.text:
                        colours["berg"] = seg.style.color
                    if seg.style and seg.style.color and "far too thin" in seg.text:
                        colours["haddad"] = seg.style.color
                    if "green corridor" in seg.text:
                        colours["mention"] = seg.style.color if seg.style else None
            assert colours["berg"] != colours["haddad"]
            mention_colour = colours.get("mention")
            assert mention_colour not in (colours["berg"], colours["haddad"])

    async def test_empty_document(self):
        app = ReaderApp(analyse(""))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert any("This document is empty" in line for line in lines(app))
            for key in ("j", "k", "G", "g", "n", "p", "right_square_bracket", "left_square_bracket", "1", "0", "t"):
                await pilot.press(key)
            await pilot.press("slash", "a", "enter", "escape")
            await pilot.pause()
            assert "This document is empty" in screen_text(app)

    async def test_sizes_and_resizing_never_crash(self):
        app = four_app()
        async with app.run_test(size=(40, 12)) as pilot:
            await pilot.pause()
            await pilot.press("G", "n", "right_square_bracket", "1", "t")
            for size in ((20, 6), (41, 13), (80, 24), (200, 60), (10, 4), (120, 40)):
                await pilot.resize_terminal(*size)
                await pilot.pause()
                await pilot.press("j", "n", "p", "right_square_bracket")
            assert "Filtered" in app.status.plain
            assert app.is_running

    async def test_position_kept_on_resize(self):
        app = ReaderApp(analyse(long_text()))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for _ in range(3):
                await pilot.press("n")
            assert lines(app)[0].strip() == "Part 3"
            await pilot.resize_terminal(70, 20)
            await pilot.pause()
            assert lines(app)[0].strip() == "Part 3"


# --------------------------------------------------------------------------- keys


class TestScrollKeys:
    async def test_every_scroll_key(self):
        app = ReaderApp(analyse(long_text()))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            view = article(app)
            for key in ("j", "down", "space", "pagedown", "G", "end"):
                await pilot.press("g")
                before = lines(app)
                await pilot.press(key)
                assert view.scroll_y > 0, key
                assert lines(app) != before, key
            for key in ("k", "up", "b", "pageup", "g", "home"):
                await pilot.press("pagedown", "pagedown")
                y = view.scroll_y
                before = lines(app)
                await pilot.press(key)
                assert view.scroll_y < y, key
                assert lines(app) != before, key

    async def test_line_and_page_amounts(self):
        app = ReaderApp(analyse(long_text()))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            view = article(app)
            await pilot.press("j")
            assert view.scroll_y == 1
            await pilot.press("k")
            assert view.scroll_y == 0
            await pilot.press("space")
            page = view.scroll_y
            assert page >= view.scrollable_content_region.height - 2
            await pilot.press("b")
            assert view.scroll_y == 0

    async def test_top_and_bottom(self):
        app = ReaderApp(analyse(long_text()))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("G")
            view = article(app)
            assert view.scroll_y == view.max_scroll_y > 0
            assert "Paragraph 6.7." in "\n".join(lines(app))
            assert lines(app)[-1].strip().endswith("paths once more.")
            assert app.status.plain.endswith("100%")
            await pilot.press("g")
            assert view.scroll_y == 0
            assert lines(app)[0].strip() == "A Long Report"


class TestSections:
    async def test_next_and_previous_section(self):
        app = ReaderApp(analyse(long_text()))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            view = article(app)
            await pilot.press("n")
            assert lines(app)[0].strip() == "Part 1"
            await pilot.press("n")
            assert lines(app)[0].strip() == "Part 2"
            assert app.doc.sections[view.current_section].title == "Part 2"
            await pilot.press("p")
            assert lines(app)[0].strip() == "Part 1"

    async def test_sidebar_highlights_section_in_view(self):
        app = ReaderApp(analyse(long_text()))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            sidebar = app.query_one(Sidebar)
            part4 = next(s.index for s in app.doc.sections if s.title == "Part 4")
            await pilot.press("n", "n", "n", "n")
            await pilot.pause()
            assert sidebar.highlighted_section == part4
            await pilot.press("j", "j")  # scrolling within the section keeps it
            await pilot.pause()
            assert sidebar.highlighted_section == part4
            await pilot.press("g")
            await pilot.pause()
            assert sidebar.highlighted_section == app.doc.sections[0].index

    async def test_last_section_reached_even_when_short(self):
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("n", "n")
            await pilot.pause()
            assert "Next steps" in "\n".join(lines(app))
            assert app.query_one(Sidebar).highlighted_section == 2

    async def test_sidebar_lists_sections_with_quote_counts(self):
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            text = screen_text(app)
            sidebar_rows = [row[:30] for row in text.splitlines()]
            assert any("River Park Plan" in r and r.rstrip().endswith("4") for r in sidebar_rows)
            assert any("Funding" in r and r.rstrip().endswith("3") for r in sidebar_rows)
            assert any("Next steps" in r and r.rstrip().endswith("1") for r in sidebar_rows)

    async def test_sidebar_click_jumps(self):
        app = ReaderApp(analyse(long_text()))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            sidebar = app.query_one(Sidebar)
            line = next(i for i, row in enumerate(screen_text(app).splitlines()) if row[:30].lstrip("├└│ ").startswith("Part 5"))
            await pilot.click(Sidebar, offset=(3, line))
            await pilot.pause()
            assert lines(app)[0].strip() == "Part 5"
            assert sidebar.highlighted_section == next(s.index for s in app.doc.sections if s.title == "Part 5")

    async def test_sidebar_enter_jumps(self):
        app = ReaderApp(analyse(long_text()))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            sidebar = app.query_one(Sidebar)
            sidebar.focus()
            await pilot.press("down", "down", "down")
            chosen = app.doc.sections[sidebar.highlighted_section].title
            assert chosen.startswith("Part ") and chosen != "Part 1"
            await pilot.press("enter")
            await pilot.pause()
            assert lines(app)[0].strip() == chosen

    async def test_t_toggles_sidebar(self):
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            sidebar = app.query_one(Sidebar)
            width = article(app).size.width
            assert sidebar.display
            await pilot.press("t")
            await pilot.pause()
            assert not sidebar.display
            assert article(app).size.width > width
            assert "Funding" not in screen_text(app).splitlines()[0]
            await pilot.press("t")
            await pilot.pause()
            assert sidebar.display

    async def test_sidebar_starts_hidden_when_narrow(self):
        app = four_app()
        async with app.run_test(size=(40, 12)) as pilot:
            await pilot.pause()
            assert not app.query_one(Sidebar).display
            await pilot.press("t")
            await pilot.pause()
            assert app.query_one(Sidebar).display


class TestQuoteCursor:
    async def test_next_and_previous_quote_show_speaker_and_cue(self):
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            view = article(app)
            await pilot.press("right_square_bracket")
            assert view.cursor_quote == 0
            assert "Quote: Anna Berg (said) · 1 of 8" in app.status.plain
            await pilot.press("right_square_bracket", "right_square_bracket")
            assert view.cursor_quote == 2
            assert "Omar Haddad (said)" in app.status.plain
            await pilot.press("left_square_bracket")
            assert view.cursor_quote == 1

    async def test_cursor_quote_is_drawn_reversed(self):
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("right_square_bracket")
            view = article(app)
            marked = [seg.text for y in range(20) for seg in view.render_line(y) if seg.style and seg.style.reverse]
            assert any("park next spring" in t for t in marked)

    async def test_next_quote_scrolls_into_view(self):
        app = ReaderApp(analyse(long_text()))
        async with app.run_test(size=(100, 20)) as pilot:
            await pilot.pause()
            for _ in range(7):  # two quotations a section
                await pilot.press("right_square_bracket")
            assert "Section 4 is finished" in "\n".join(lines(app))


class TestFilters:
    async def test_chips_numbered_most_quoted_first(self):
        app = four_app()
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            chips = app.query_one(SpeakerBar).chip_texts
            assert chips == ["1 Berg 4", "2 Haddad 2", "3 Ferreira 1", "4 Novak 1"]
            assert "1 Berg 4" in screen_text(app)

    async def test_number_filters_and_again_restores(self):
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            all_lines = "\n".join(lines(app))
            await pilot.press("2")
            shown = "\n".join(lines(app))
            assert app.speaker_filter == {speaker_index(app, "Haddad")}
            assert "far too thin" in shown and "checked the sums" in shown
            assert "park next spring" not in shown
            assert "Funding" in shown  # the heading of a section with a shown paragraph
            assert "Next steps" not in shown  # no Haddad there
            assert "Filtered: Haddad · 2 of 9 paragraphs" in app.status.plain
            assert "Filtered: Haddad · 2 of 9 paragraphs" in screen_text(app)
            await pilot.press("2")
            assert not app.speaker_filter
            assert "\n".join(lines(app)) == all_lines
            assert "Filtered" not in app.status.plain

    async def test_two_speakers_and_zero_clears(self):
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("3", "4")
            assert app.status.plain.startswith("Filtered: Ferreira, Novak · 2 of 9 paragraphs")
            await pilot.press("0")
            assert not app.speaker_filter
            assert "park next spring" in "\n".join(lines(app))

    async def test_quote_keys_follow_the_filter(self):
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("2", "right_square_bracket")
            assert app.doc.quotes[article(app).cursor_quote].speaker == speaker_index(app, "Haddad")
            await pilot.press("right_square_bracket")
            assert article(app).cursor_quote == 5
            await pilot.press("right_square_bracket")  # no more Haddad quotes: stays
            assert article(app).cursor_quote == 5

    async def test_chip_click_toggles(self):
        app = four_app()
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            bar = app.query_one(SpeakerBar)
            x = bar.chip_spans[3][0] + 3 + bar.styles.padding.left
            await pilot.click(SpeakerBar, offset=(x, 0))
            await pilot.pause()
            assert app.speaker_filter == {speaker_index(app, "Novak")}
            assert speaker_index(app, "Novak") in bar.speaker_filter
            await pilot.click(SpeakerBar, offset=(x, 0))
            await pilot.pause()
            assert not app.speaker_filter

    async def test_unused_number_does_nothing(self):
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("9")
            assert not app.speaker_filter

    async def test_footer_key_hints_visible(self):
        app = four_app()
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            last = screen_text(app).splitlines()[-1]
            assert "Search" in last and "Quit" in last and "Help" in last


class TestSearch:
    async def test_search_lists_speaker_first_and_enter_jumps(self):
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("slash")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, QuoteSearchScreen)
            await pilot.press(*"haddad")
            await pilot.pause()
            hits = screen.hits
            assert [app.doc.speaker_of(h.quote).name for h in hits[:2]] == ["Omar Haddad", "Omar Haddad"]
            assert "Omar Haddad — The budget is far too thin for this," in screen_text(app)
            await pilot.press("down", "enter")
            await pilot.pause()
            assert not isinstance(app.screen, QuoteSearchScreen)
            assert article(app).cursor_quote == hits[1].quote.index
            assert "Quote: Omar Haddad" in app.status.plain

    async def test_search_by_words_tolerates_misspelling(self):
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("slash", *"heron nets")
            await pilot.pause()
            assert app.screen.hits[0].quote.text.startswith("This plan protects")

    async def test_escape_closes_where_you_were(self):
        app = ReaderApp(analyse(long_text()))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("n", "n")
            y = article(app).scroll_y
            await pilot.press("slash", *"section", "escape")
            await pilot.pause()
            assert not isinstance(app.screen, QuoteSearchScreen)
            assert article(app).scroll_y == y
            assert article(app).cursor_quote is None

    @pytest.mark.parametrize("typed", ['speaker:"Anna Berg"', "speaker:'anna berg' money", "speaker:-"])
    async def test_speaker_queries_typed_key_by_key(self, typed):
        """Every prefix of the query is searched as it is typed: a quotation mark or a dash
        right after ``speaker:`` narrows nothing; a full name finds that speaker's quotations."""
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: app.ready)
            await pilot.press("slash", *typed)
            await wait_until(pilot, lambda: app.screen.shown_query == typed)
            assert app.is_running and app.return_code is None
            speakers = {app.doc.speaker_of(h.quote).name for h in app.screen.hits}
            if "Berg" in typed or "berg" in typed:
                assert speakers == {"Anna Berg"}
                assert len(app.screen.hits) == (1 if "money" in typed else 4)
            else:
                assert len(app.screen.hits) == len(app.screen._pool)

    async def test_search_result_hidden_by_filter_clears_filter(self):
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("4", "slash", *"speaker:berg money", "enter")
            await pilot.pause()
            assert not app.speaker_filter
            assert article(app).cursor_quote == 3


class TestOtherKeys:
    async def test_help_screen(self):
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            assert "next / previous quotation" in screen_text(app)
            await pilot.press("escape")
            assert not isinstance(app.screen, HelpScreen)

    async def test_q_quits(self):
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("q")
            await pilot.pause()
            assert app._exit  # noqa: SLF001

    @pytest.mark.parametrize("where", ["loading", "search", "help"])
    async def test_ctrl_c_quits_at_any_moment_as_interrupted(self, where):
        import threading

        release = threading.Event()
        app = ReaderApp(path="long.txt", load=lambda: release.wait(30) and analyse(FOUR)) if where == "loading" \
            else four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            if where != "loading":
                await pilot.press("slash" if where == "search" else "question_mark")
                await pilot.pause()
                assert len(app.screen_stack) == 2
            await pilot.press("ctrl+c")
            await pilot.pause()
            release.set()
        assert app.return_code == 130

    async def test_help_and_readme_name_ctrl_c(self):
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("question_mark")
            await pilot.pause()
            assert "ctrl+c" in screen_text(app) and "quit at any moment" in screen_text(app)
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        assert "| `ctrl+c` | quit at any moment" in readme

    def test_every_binding_has_an_id(self):
        for binding in ReaderApp.BINDINGS:
            assert binding.id, binding
        for binding in HelpScreen.BINDINGS + QuoteSearchScreen.BINDINGS:
            assert binding.id, binding

    async def test_command_palette_filter_and_jump(self):
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"filter novak")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert app.speaker_filter == {speaker_index(app, "Novak")}
            await pilot.press("0", "ctrl+p", *"jump steps")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert "Next steps" in "\n".join(lines(app))
            assert app.query_one(Sidebar).highlighted_section == 2


class TestThemes:
    async def test_palette_offers_theme_switcher(self):
        from textual.command import CommandPalette

        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+p", *"change theme")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause(0.3)
            assert isinstance(app.screen, CommandPalette)  # the theme picker
            await pilot.press("escape")

    async def test_light_theme_recolours_quotes(self):
        app = four_app()
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            view = article(app)
            dark = view.speaker_colour(0)
            app.theme = "textual-light"
            await pilot.pause()
            assert view.speaker_colour(0) != dark
            colours = {str(seg.style.color) for y in range(20) for seg in view.render_line(y) if seg.style and seg.style.color}
            assert any(view.speaker_colour(0).lstrip("#") in c for c in colours)


class TestSampleArticle:
    async def test_harbour_bridge(self, sample_article):
        path = sample_article
        doc = load_document(str(path))
        app = ReaderApp(doc, path=str(path))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert "Harbour Bridge" in "\n".join(lines(app))
            assert len(app.query_one(SpeakerBar).chip_texts) >= 4
            await pilot.press("1")
            shown, total = article(app).paragraph_count
            assert 0 < shown < total
            await pilot.press("1")
            assert article(app).paragraph_count == (total, total)


class TestSeedArticle:
    """The checks a person makes on the first article the project was shown."""

    PATH = ROOT.parent / "shared" / "articles" / "seed-tass-lavrov.txt"

    async def test_must_hold(self):
        if not self.PATH.exists():
            pytest.skip("seed article missing")
        doc = load_document(str(self.PATH))
        app = ReaderApp(doc, path=str(self.PATH))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "Lavrov stresses any 'on the ground' action" in text
            assert "Cooperation potential of B" in text and "Next Astana conference on" in text
            assert "Lavrov" in text.splitlines()[-2]  # the speaker bar
            await pilot.press("n", "n")
            assert "Next Astana conference" in "\n".join(lines(app))
            await pilot.press("g")
            assert article(app).scroll_y == 0
            await pilot.press("slash", *"specific parameters")
            await pilot.pause()
            assert app.screen.hits[0].quote.text.startswith("When specific parameters are clear")
            await pilot.press("enter")
            await pilot.pause()
            assert "When specific" in "\n".join(lines(app))
            assert app.doc.quotes[article(app).cursor_quote].text.startswith("When specific parameters")
            await pilot.press("q")
            await pilot.pause()
            assert app._exit  # noqa: SLF001


class TestAnalysedWhileShowing:
    """A long text opens with the app's frame at once and the article when it is analysed."""

    async def test_frame_first_then_the_article(self):
        import threading

        from reader.app.app import ReaderApp
        from reader.document import analyse

        release = threading.Event()

        def load():
            release.wait(5)
            return analyse('A headline\n\n"We will build it," said Ana Ferreira.\n')

        app = ReaderApp(path="long.txt", load=load)
        async with app.run_test(size=(80, 20)) as pilot:
            await pilot.pause()
            assert app.doc is None
            assert "Reading long.txt" in str(app.query_one("#loading").render())
            await pilot.press("j", "n", "1")  # kept while analysing, no crash
            assert len(app.screen_stack) == 1 and not app.speaker_filter
            release.set()
            await wait_until(pilot, lambda: app.ready)
            assert app.doc is not None
            assert app.speaker_for_number(1) == 0
            assert app.speaker_filter == frozenset({0})  # the 1 pressed while analysing
            await pilot.press("1")
            assert app.speaker_filter == frozenset()

    async def test_a_key_pressed_while_the_text_is_prepared_is_applied_once_shown(self):
        import threading

        release = threading.Event()

        def load():
            release.wait(30)
            return analyse(long_text(sections=12))

        app = ReaderApp(path="long.txt", load=load)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("G")
            assert app.doc is None
            release.set()
            await wait_until(pilot, lambda: app.ready)
            await pilot.pause()
            view = article(app)
            assert view.max_scroll_y > 0 and view.scroll_y == view.max_scroll_y
            assert "Paragraph 12.7." in "\n".join(lines(app))

    async def test_a_failed_analysis_closes_the_app_and_keeps_the_error(self):
        from reader.app.app import ReaderApp

        def load():
            raise RuntimeError("boom")

        app = ReaderApp(path="bad.txt", load=load)
        async with app.run_test(size=(80, 20)) as pilot:
            await wait_until(pilot, lambda: app.internal_error is not None)
        error, what = app.internal_error
        assert isinstance(error, RuntimeError)
        assert what == "analysing bad.txt"
        assert app.return_code == 70


# --------------------------------------------------------------------------- text from the file


def doc_with(payload: str) -> "Document":
    """A document whose heading, speaker name and quotation hold ``payload`` as it came
    from a file (built by hand: the engine would not take every payload as a name).

    The last section has no quotation, so a speaker filter hides it."""
    from reader.model import PERSON, SPEECH, Block, Document, Paragraph, Quote, Section, Speaker

    heading, name, quote = f"Part {payload}", f"Ann {payload}", f"We said {payload} twice,"
    text = f"Title\n\nOther part\n\n\"{quote}\" said {name}.\n\n{heading}\n\nNothing is quoted here.\n"
    h0, p0 = text.index("Other part"), text.index('"We')
    h1, p1 = text.index(heading), text.index("Nothing")
    paragraphs = (Paragraph(0, p0, text.index("\n", p0), 0), Paragraph(1, p1, len(text) - 1, 1))
    sections = (Section(0, "Other part", 1, Block(h0, h0 + len("Other part"), "Other part"), 0, 1),
                Section(1, heading, 1, Block(h1, h1 + len(heading), heading), 1, 1))
    quotes = (Quote(0, p0 + 1, p0 + 1 + len(quote), quote, SPEECH, 0, 0, 0, "said"),)
    speakers = (Speaker(0, name, PERSON, (name,), 1),)
    return Document(text, paragraphs, sections, quotes, speakers, title=Block(0, 5, "Title"))


PAYLOADS = ["[@click=app.quit]", "[on red]x[/]", "Budget [/] plans", "run([options])", "[PHOTOS]",
            "[link=https://e.com]x[/link]"]


class TestTextFromTheFile:
    """Nothing from the file is ever read as markup: not in the palette, the pickers, the
    notifications, the search list, the sidebar, the status line, the speaker bar or the
    title; every payload is shown as it is written and the app keeps running."""

    @pytest.mark.parametrize("payload", PAYLOADS)
    async def test_shown_literally_everywhere(self, payload):
        from textual.command import CommandPalette
        from textual.widgets import Input

        app = ReaderApp(doc_with(payload), path=f"{payload}.txt")
        heading, name = f"Part {payload}", f"Ann {payload}"

        async def palette(query: str, expect: str, *keys: str) -> None:
            """Type ``query`` into the palette open (or opened by ``keys``) and wait for ``expect``."""
            await pilot.press(*keys)
            await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
            app.screen.query_one(Input).value = query
            await wait_until(pilot, lambda: expect in screen_text(app))

        async with app.run_test(size=(120, 30), notifications=True, tooltips=True) as pilot:
            await wait_until(pilot, lambda: app.ready)
            assert app.sub_title == f"{payload}.txt"
            text = screen_text(app)
            assert heading in "\n".join(lines(app))  # the article
            assert heading[:25] in text.splitlines()[2]  # the sidebar, under its header
            await pilot.press("n", "n")
            await wait_until(pilot, lambda: heading in app.status.plain)
            assert heading in screen_text(app)  # the status line
            label = app.speaker_bar.labels[0]
            assert label.startswith(name[:10]) and f" 1 {label} 1 " in text  # the speaker bar

            # The main palette's search, then the two pickers, with and without a query.
            await palette("part", f"Jump to section: {heading}", "ctrl+p")
            await palette("jump", "Jump to section…")
            await pilot.press("enter")
            await palette("", heading)
            await palette("par", heading)
            await pilot.press("escape", "ctrl+p")
            await palette("filt", "Filter by speaker…")
            await pilot.press("enter")
            await palette("", f"{name} (1)")
            await pilot.press("enter")  # the speaker's filter
            await wait_until(pilot, lambda: not isinstance(app.screen, CommandPalette))
            assert app.speaker_filter == {0}
            assert f"Filtered: {label} · 1 of 2 paragraphs" in screen_text(app)

            app.jump_to_section(1)  # hidden by the filter: the status line names it
            await pilot.pause()
            assert f"“{heading}” is hidden by the speaker filter" in app.status.plain
            assert "is hidden by the" in screen_text(app).splitlines()[-3]

            await pilot.press("0", "right_square_bracket")  # the quotation under the cursor
            assert f"Quote: {name} (said)" in app.status.plain

            await pilot.press("slash")  # the search list
            app.screen.query_one(Input).value = "twice"
            await wait_until(pilot, lambda: f"{name} — We said {payload} twice" in screen_text(app))
            await pilot.press("escape", "question_mark")
            await wait_until(pilot, lambda: "next / previous quotation" in screen_text(app))
            await pilot.press("escape")
            assert app.is_running

    async def test_a_newline_in_the_file_name_is_shown_on_one_line(self):
        import threading

        release = threading.Event()

        def load():
            release.wait(30)
            raise RuntimeError("boom")

        name = "two\nlines\t\x1b[31m.txt"
        shown = "two␊lines␉␛[31m.txt"
        app = ReaderApp(analyse(FOUR), path=name)
        async with app.run_test(size=(80, 20)):
            assert app.sub_title == shown == app.file_name
        app = ReaderApp(path=name, load=load)
        async with app.run_test(size=(80, 20)) as pilot:
            assert str(app.query_one("#loading").render()) == f"Reading {shown}…"
            release.set()
            await wait_until(pilot, lambda: app.internal_error is not None)
        assert app.internal_error[1] == f"analysing {shown}"  # the message of the command line


class TestWideCharacters:
    async def test_sidebar_counts_stay_at_the_right_of_chinese_japanese_and_emoji_titles(self):
        titles = ["北京市人民代表大会常务委员会关于城市规划的决定", "東京都議会の予算委員会における討論の記録",
                  "🎉🎉🎉 Harbour bridge opening day celebrations 🎉", "Plain English heading"]
        text = "\n".join(f"# {t}\n\n\"We will see it {i} times,\" said Ann Lee.\n" for i, t in enumerate(titles))
        app = ReaderApp(analyse(text, markdown=True))
        async with app.run_test(size=(100, 20)) as pilot:
            await wait_until(pilot, lambda: app.ready)
            bar = app.sidebar
            rows = [strip.crop(bar.region.x, bar.region.right - 2).text  # the label, not the border
                    for strip in app.screen._compositor.render_strips()[1 : len(titles) + 1]]  # under the header
            from rich.cells import cell_len

            for title, row in zip(titles, rows):
                assert row.rstrip().endswith(" 1"), row  # the count, not cut off
                assert row.lstrip().startswith(title[:4])
            assert len({cell_len(row.rstrip()) for row in rows}) == 1  # one column for the counts


# --------------------------------------------------------------------------- chips that fit



class TestChipsThatFit:
    async def test_only_whole_chips_are_numbered_and_the_rest_are_counted(self):
        app = ReaderApp(analyse(crowd_text()), path="crowd.txt")
        rings = []
        app.bell = lambda: rings.append(1)
        seen = {}
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await wait_until(pilot, lambda: app.ready)
            bar = app.speaker_bar
            for width, sidebar in ((100, True), (100, False), (80, False), (80, True)):
                await pilot.resize_terminal(width, 30)
                if app.sidebar.has_class("-hidden") == sidebar:
                    await pilot.press("t")
                await pilot.pause()
                row = screen_text(app).splitlines()[-2]  # the speaker bar
                chips = bar.chip_texts
                k = len(chips)
                seen[(width, sidebar)] = k
                assert k >= 1
                for chip in chips:
                    assert f" {chip} " in row  # every chip drawn in full
                assert re.search(rf" \+{len(CROWD) - k} more(  s)?$", row.rstrip())  # and the summary
                assert f" {k + 1} " not in row

                await pilot.press(str(k + 1))  # no such chip on screen
                assert not app.speaker_filter and len(rings) == 1
                await wait_until(pilot, lambda: f"No speaker chip {k + 1}" in screen_text(app))
                rings.clear()
                app.clear_notifications()

                await pilot.press(str(k))  # the last chip shown
                assert app.speaker_filter == {bar.chip_speakers[k - 1]}
                await pilot.press("0")
            # Recomputed at every width: more room, more chips.
            assert seen[(100, False)] > seen[(100, True)] and seen[(80, False)] > seen[(80, True)]

    async def test_labels_tell_people_apart_on_chips_and_in_the_status_line(self):
        app = ReaderApp(analyse(crowd_text()), path="crowd.txt")
        async with app.run_test(size=(200, 30)) as pilot:
            await wait_until(pilot, lambda: app.ready)
            assert app.speaker_bar.chip_texts[2:4] == ["3 B. Owen 11", "4 J. Owen 10"]
            await pilot.press("4")
            assert app.status.plain.startswith("Filtered: J. Owen · ")
            app.toggle_speaker(next(s.index for s in app.doc.speakers if s.name == "Bo Li"))  # no chip
            await pilot.pause()
            assert app.status.plain.startswith("Filtered: J. Owen, Li · ")


def test_speaker_labels_are_always_distinct():
    from reader.app.speaker_bar import speaker_labels
    from reader.model import ORGANISATION, PERSON, Speaker

    def people(*names, kind=PERSON):
        return [Speaker(i, n, kind, (n,), 1) for i, n in enumerate(names)]

    assert list(speaker_labels(people("Bill Owen", "Jane Owen", "Owen Price")).values()) == \
        ["B. Owen", "J. Owen", "Price"]
    assert list(speaker_labels(people("Owen", "Owen", "Bill Owen")).values()) == ["Owen", "Owen (2)", "B. Owen"]
    assert list(speaker_labels(people("Bill Owen", "Bob Owen")).values()) == ["Bill Owen", "Bob Owen"]
    long = "Konstantinos Alexandropoulos-Papadopoulos"
    labels = list(speaker_labels(people(f"A {long}", f"B {long}", long)).values())
    assert len(set(labels)) == 3
    orgs = speaker_labels(people("Ministry of Infrastructure and Transport", "Ministry of Infrastructure and Trade",
                                 kind=ORGANISATION))
    assert len(set(orgs.values())) == 2


# --------------------------------------------------------------------------- very large documents


class TestHugeDocuments:
    async def test_palette_and_pickers_on_a_hundred_thousand_headings(self):
        from textual.command import CommandList, CommandPalette

        from reader.app.commands import MAX_SHOWN

        text = "\n".join(f"# Heading number {i}\n" for i in range(100_000))
        app = ReaderApp(analyse(text, markdown=True), path="huge.md")
        target = next(s.index for s in app.doc.sections if s.title == "Heading number 4242")

        def listed() -> list[str]:
            found = app.screen.query(CommandList) if isinstance(app.screen, CommandPalette) else []
            if not found:  # no palette, or not composed yet
                return []
            options = found.first()
            return [str(options.get_option_at_index(i).prompt).split("\n")[0] for i in range(options.option_count)]

        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: app.ready, timeout=120)
            await pilot.press("ctrl+p", *"jump", "enter")
            await wait_until(pilot, lambda: len(listed()) == MAX_SHOWN + 1, timeout=60)  # the first 100, counted
            assert listed()[0] == "Heading number 0" or listed()[0] == "Heading number 1"
            assert listed()[-1] == f"… {len(app.doc.sections) - MAX_SHOWN:,} more: type to narrow the list"
            await pilot.press(*"4242")  # every key a new search over all the headings
            await wait_until(pilot, lambda: listed()[:1] == ["Heading number 4242"], timeout=60)
            assert len(listed()) <= MAX_SHOWN + 1
            await pilot.press("enter")
            await wait_until(pilot, lambda: not isinstance(app.screen, CommandPalette))
            assert article(app).current_section == target

            await pilot.press("ctrl+p", *"4241")  # the main palette searches the headings too
            await wait_until(pilot, lambda: listed()[:1] == ["Jump to section: Heading number 4241"], timeout=60)
            assert len(listed()) <= MAX_SHOWN + 1 + 3  # and a few of Textual's own commands
            await pilot.press("escape")


def test_palette_matching_ranks_the_closest_first():
    import asyncio

    from reader.app.commands import Choices, match

    assert match("number 99", "heading number 99")[0] > match("number 99", "heading number 99000")[0]
    assert match("jump steps", "jump to section: next steps")[1] == [(0, 4), (22, 27)]  # the words, in order
    assert match("jmp", "jump to section…")[1] == [(0, 1), (2, 4)]  # else the letters, in order
    assert match("xyz", "jump to section…") is None
    labels = ["Budget plans", "The budget", "Budgets", "Bud get", "Nothing here"]
    best, total = asyncio.run(Choices(labels, lambda i: None).best("budget", limit=3))
    assert [labels[i] for _, i, _ in best] == ["Budgets", "Budget plans", "The budget"] and total == 4
