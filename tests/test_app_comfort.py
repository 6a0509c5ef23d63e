"""Pilot tests of reading for a long time: the speaker list, find, going back, copy and export,
the place and theme remembered, the status line, the sidebar, small screens, several files,
and the table of keys that the help, the palette and the README share."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import CROWD, ROOT, article, crowd_text, four_app, lines, long_text, screen_text, speaker_index, wait_until

from reader.app import ReaderApp
from reader.document import analyse, load_document



def long_app(**kwargs) -> ReaderApp:
    return ReaderApp(analyse(long_text()), path="long.txt", **kwargs)


def status_row(app) -> str:
    return screen_text(app).splitlines()[-3]


# --------------------------------------------------------------------------- the app's state, once


async def test_the_state_is_the_apps_and_bound_down():
    app = four_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        view, bar = article(app), app.speaker_bar
        await pilot.press("2")
        haddad = speaker_index(app, "Haddad")
        assert app.speaker_filter == view.speaker_filter == bar.speaker_filter == {haddad}
        app.cursor_quote = 5  # set on the app: the article marks it and brings it into view
        await pilot.pause()
        assert view.cursor_quote == 5 and "Quote: Omar Haddad" in app.status.plain
        app.theme = "textual-light"
        await pilot.pause()
        assert view.colours == bar.colours == app.colours
        assert view.speaker_colour(haddad) == app.colours[haddad]


# --------------------------------------------------------------------------- the speaker list


async def test_speaker_list_shows_everyone_filters_by_typing_and_toggles():
    from textual.widgets import OptionList

    from reader.app.speaker_list import SpeakerListScreen

    app = ReaderApp(analyse(crowd_text()), path="crowd.txt")
    async with app.run_test(size=(80, 30)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        assert app.speaker_bar.shown_chips < len(CROWD)
        assert re.search(r"\+\d+ more  s$", screen_text(app).splitlines()[-2].rstrip())
        await pilot.press("s")
        await wait_until(pilot, lambda: isinstance(app.screen, SpeakerListScreen))
        screen = app.screen
        assert [app.doc.speakers[s].name for s in screen.shown] == CROWD  # everyone, most quoted first
        assert f"{len(CROWD)} speakers" in screen_text(app) and "Bo Li  2" in screen_text(app)
        await pilot.press(*"bo")
        await wait_until(pilot, lambda: [app.doc.speakers[s].name for s in screen.shown] == ["Bo Li"])
        await pilot.press("enter")  # toggles the filter; the list stays open
        bo = speaker_index(app, "Bo Li")
        assert app.speaker_filter == {bo} and "● Bo Li" in screen_text(app)
        await pilot.press("backspace", "backspace", *"owen", "down", "tab")
        assert screen.query_one(OptionList).has_focus
        await pilot.press("space")  # space in the list toggles too: Jane Owen, the second Owen
        assert app.speaker_filter == {bo, speaker_index(app, "Jane Owen")}
        await pilot.press("enter")
        assert app.speaker_filter == {bo}
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, SpeakerListScreen))
        assert app.status.plain.startswith("Filtered: Li · ")


async def test_the_more_summary_opens_the_speaker_list():
    from reader.app.speaker_list import SpeakerListScreen

    app = ReaderApp(analyse(crowd_text()), path="crowd.txt")
    async with app.run_test(size=(80, 30)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        bar = app.speaker_bar
        await pilot.click("#speakers", offset=(bar.more_span[0] + 2 + bar.styles.padding.left, 0))
        await wait_until(pilot, lambda: isinstance(app.screen, SpeakerListScreen))


# --------------------------------------------------------------------------- find


async def test_find_highlights_every_match_and_n_steps_through_them():
    app = long_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        view = article(app)
        await pilot.press("ctrl+f", *"IS  finished", "enter")  # any case, any run of spaces
        assert len(app.found) == 6 and app.found_current == 0
        assert "Find “IS finished” 1 of 6" in app.status.plain
        assert app.doc.text[app.found[0][0]:app.found[0][1]] == "is finished"
        marked = [seg for y in range(view.scrollable_content_region.height) for seg in view.render_line(y)
                  if seg.style and seg.style.bgcolor and "is finished" == seg.text]
        assert marked  # drawn highlighted
        await pilot.press("n")
        assert app.found_current == 1 and "Section 2 is finished" in "\n".join(lines(app))
        await pilot.press("f3", "f3")
        assert app.found_current == 3
        await pilot.press("N")
        assert app.found_current == 2 and "Find “IS finished” 3 of 6" in app.status.plain
        await pilot.press("shift+f3")
        assert app.found_current == 1
        await pilot.press("escape")  # the find cleared: n is the next section again
        assert app.found == () and "Find" not in app.status.plain
        section = view.current_section
        await pilot.press("n")
        assert view.current_section == section + 1


async def test_find_of_nothing_says_so_and_ignores_accents():
    text = "Title\n\nThe Schérer salon opened at nine.\n\nAnother paragraph.\n"
    app = ReaderApp(analyse(text), path="s.txt")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.press("ctrl+f", *"scherer", "enter")
        assert len(app.found) == 1 and app.doc.text[slice(*app.found[0])] == "Schérer"
        await pilot.press("ctrl+f")
        app.find_input.value = "zebra"
        await pilot.press("enter")
        assert app.found == () and "“zebra” not found" in status_row(app)
        await pilot.press("ctrl+f", "escape")  # Esc closes the box without finding
        assert app.find_input.has_class("-hidden") and article(app).has_focus


# --------------------------------------------------------------------------- back and forward


async def test_back_and_forward_after_jumps():
    app = long_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        view = article(app)
        await pilot.press("ctrl+o")
        assert "Nothing to go back to" in app.status.plain
        await pilot.press("G")  # a jump
        bottom = view.scroll_y
        assert bottom > 0
        await pilot.press("ctrl+o")
        assert view.scroll_y == 0
        await pilot.press("ctrl+n")
        assert view.scroll_y == bottom
        app.jump_to_section(next(s.index for s in app.doc.sections if s.title == "Part 4"))  # as the palette does
        await pilot.pause()
        assert lines(app)[0].strip() == "Part 4"
        await pilot.press("backspace")
        assert view.scroll_y == bottom
        await pilot.press("slash", *"section 2 is finished", "enter")  # a search result
        await wait_until(pilot, lambda: app.cursor_quote is not None)
        assert "Section 2 is finished" in "\n".join(lines(app))
        await pilot.press("ctrl+o")
        assert view.scroll_y == bottom


# --------------------------------------------------------------------------- copy and export


async def test_y_copies_the_quotation_under_the_cursor_with_speaker_and_source():
    app = four_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.press("y")
        assert app.clipboard == "" and "No quotation under the cursor" in status_row(app)
        await pilot.press("right_square_bracket", "y")
        assert app.clipboard == "“We will open the park next spring,” — Anna Berg, River Park Plan Splits Council"
        assert "Copied" in app.status.plain


async def test_e_exports_the_quotations_shown_as_markdown(tmp_path, monkeypatch):
    from textual.widgets import Input

    from reader.app.prompt_screen import ExportScreen

    monkeypatch.chdir(tmp_path)
    app = four_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.press("2", "e")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen))
        assert app.screen.query_one(Input).value == "four-quotes.md"
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, ExportScreen))
        written = (tmp_path / "four-quotes.md").read_text(encoding="utf-8")
        assert written.startswith("# Quotations: River Park Plan Splits Council\n")
        assert written.count("> — Omar Haddad") == 2 and "Anna Berg" not in written
        assert f"Exported 2 quotations to {tmp_path / 'four-quotes.md'}" in app.status.plain
        await pilot.press("0", "e", "enter")  # the file exists: replaced only on a second Enter
        assert "exists: Enter again replaces it" in screen_text(app)
        assert (tmp_path / "four-quotes.md").read_text(encoding="utf-8") == written
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, ExportScreen))
        assert (tmp_path / "four-quotes.md").read_text(encoding="utf-8").count("> — ") == 8
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen))
        app.screen.query_one(Input).value = str(tmp_path / "no" / "such" / "folder.md")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Could not write" in app.status.plain)
        assert app.is_running


# --------------------------------------------------------------------------- where you were


async def _read_and_quit(path, keys=(), theme=None) -> tuple[str, str]:
    """Open ``path``, press ``keys``, quit: the top line shown when it opened, and the theme."""
    app = ReaderApp(load_document(str(path)), path=str(path))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        first = lines(app)[0].strip()
        opened_theme = app.theme
        await pilot.press(*keys)
        if theme:
            app.theme = theme
        await pilot.press("q")
    return first, opened_theme


async def test_reopening_returns_to_where_you_were_and_keeps_the_theme(tmp_path, state_home):
    book = tmp_path / "report.txt"
    book.write_text(long_text(), encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    assert (await _read_and_quit(book, ("n", "n", "n"), theme="textual-light"))[0] == "A Long Report"
    assert await _read_and_quit(book) == ("Part 3", "textual-light")
    moved = tmp_path / "moved.txt"  # the same text under another name
    shutil.move(book, moved)
    assert (await _read_and_quit(moved, ("n",)))[0] == "Part 3"
    edited = long_text().replace("A Long Report", "A Long Report\n\nA new paragraph at the top.")
    moved.write_text(edited, encoding="utf-8")  # edited in place: the same words found further down
    assert (await _read_and_quit(moved))[0] == "Part 4"
    moved.write_text(edited.replace("Part 4", "Part Four"), encoding="utf-8")  # the place is gone: the top
    assert (await _read_and_quit(moved))[0] == "A Long Report"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["moved.txt" if n == "report.txt" else n
                                                                 for n in before])  # nothing written beside
    assert (state_home / "reader" / "places.json").exists() and (state_home / "reader" / "settings.json").exists()


async def test_an_unreadable_memory_is_no_memory(tmp_path, state_home):
    (state_home / "reader").mkdir(parents=True)
    (state_home / "reader" / "places.json").write_text("{not json", encoding="utf-8")
    (state_home / "reader" / "settings.json").write_text('{"theme": "no-such-theme"}', encoding="utf-8")
    book = tmp_path / "report.txt"
    book.write_text(long_text(), encoding="utf-8")
    assert await _read_and_quit(book, ("n",)) == ("A Long Report", "textual-dark")
    assert (await _read_and_quit(book))[0] == "Part 1"


# --------------------------------------------------------------------------- the status line


async def test_the_status_line_shows_the_quotation_only_while_the_cursor_is_on_it():
    app = long_app()
    async with app.run_test(size=(100, 20)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.press("right_square_bracket")
        assert "Quote: Clara Moss" in app.status.plain
        await pilot.press("G")  # the cursor's quotation scrolled away
        assert "Quote:" not in app.status.plain
        await pilot.press("ctrl+o")
        assert "Quote: Clara Moss" in app.status.plain


@pytest.mark.parametrize("width", [30, 40, 60, 80])
async def test_with_a_filter_the_counts_stay_at_every_width(width):
    app = four_app()
    async with app.run_test(size=(width, 20)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.press("1", "right_square_bracket")
        row = status_row(app)
        assert "3 of 9 paragraphs" in row, row
        assert len(row.rstrip()) <= width


# --------------------------------------------------------------------------- the sidebar


async def test_sidebar_header_and_counts_aligned_at_every_depth():
    book = ("BOOK ONE\n\nCHAPTER I\n\n" + '"Well," said Anna.\n\n' * 12 + "CHAPTER II\n\n\"No,\" said Anna.\n\n"
            "BOOK TWO\n\nCHAPTER I\n\nThe end came.\n")
    app = ReaderApp(analyse(book), path="book.txt")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        bar = app.sidebar
        rows = [strip.crop(bar.region.x, bar.region.right - 2).text.rstrip()
                for strip in app.screen._compositor.render_strips()[:6]]
        assert rows[0].split() == ["Sections", "quotes"]
        assert [r.split()[-1] for r in rows[1:4]] == ["13", "12", "1"]  # BOOK ONE, its chapters
        assert len({len(r) for r in rows[:4]}) == 1  # one column for every count, and the header's


async def test_tab_into_the_sidebar_then_esc_back_and_space_pages_the_article():
    app = long_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        view = article(app)
        await pilot.press("tab")
        assert app.sidebar.has_focus
        await pilot.press("space")
        assert view.scroll_y > 0 and app.sidebar.has_focus
        await pilot.press("b")
        assert view.scroll_y == 0
        await pilot.press("escape")
        assert view.has_focus


# --------------------------------------------------------------------------- small screens


@pytest.mark.parametrize("width", [60, 80])
async def test_key_hints_are_never_cut(width):
    from reader.app.key_hints import HINTS

    app = four_app()
    async with app.run_test(size=(width, 20)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        row = screen_text(app).splitlines()[-1].strip()
        shown = row.split("  ")
        assert shown[0] == "? Help"
        assert set(shown) <= {f"{k} {label}" for k, label, _ in HINTS}  # each one whole
        assert len(shown) >= 3


async def test_the_sidebar_hides_itself_when_narrow_and_comes_back():
    app = four_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        assert app.sidebar.display
        await pilot.resize_terminal(60, 30)
        await wait_until(pilot, lambda: not app.sidebar.display)
        await pilot.resize_terminal(100, 30)
        await wait_until(pilot, lambda: app.sidebar.display)
        await pilot.press("t")  # hidden by hand: it stays hidden
        await pilot.resize_terminal(60, 30)
        await pilot.resize_terminal(110, 30)
        await pilot.pause()
        assert not app.sidebar.display


# --------------------------------------------------------------------------- telling the user


async def test_a_digit_without_a_chip_is_said_in_the_status_line():
    app = four_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.press("7")
        assert "No speaker chip 7: chips 1–4 are shown" in status_row(app)
        await pilot.press("j")  # the next key clears it
        assert "No speaker chip" not in app.status.plain


async def test_the_palette_offers_one_theme_command():
    from textual.command import CommandList, CommandPalette
    from textual.widgets import Input

    app = four_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        app.screen.query_one(Input).value = "theme"

        def listed() -> list[str]:
            found = app.screen.query(CommandList)
            options = found.first() if found else None
            return [] if options is None else [str(options.get_option_at_index(i).prompt).split("\n")[0]
                                               for i in range(options.option_count)]

        await wait_until(pilot, lambda: "Change theme" in listed())
        await pilot.pause(0.2)
        assert [x for x in listed() if "theme" in x.lower()] == ["Change theme"]


# --------------------------------------------------------------------------- several files


async def test_several_files_from_key_and_palette(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text('Harbour News\n\n"The ferry sails at noon," said Ann Lee.\n', encoding="utf-8")
    app = ReaderApp(analyse(long_text()), path="long.txt", more=[(str(other), lambda: load_document(str(other)))])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.press("n", "n", "right_curly_bracket")
        await wait_until(pilot, lambda: app.ready and app.doc.title is not None and app.doc.title.text == "Harbour News")
        assert "other.txt (2 of 2)" in app.status.plain and not app.speaker_filter
        await pilot.press("left_curly_bracket")
        await wait_until(pilot, lambda: app.ready and app.file_index == 0)
        assert lines(app)[0].strip() == "Part 2"  # where it was left
        app.call_later(app.choices("everything").command(len(app.choices("everything")) - 1))  # "Open file: …"
        await wait_until(pilot, lambda: app.ready and app.file_index == 1)
        assert app.choices("everything").labels[-1] == f"Open file: {other}"


async def test_one_file_says_there_is_no_other():
    app = four_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.press("right_curly_bracket")
        assert "Only one file is open" in app.status.plain


# --------------------------------------------------------------------------- one table of keys


def test_the_readme_key_table_is_the_help():
    from reader.app.keys import KEYS, readme_keys

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| key | action |"):].split("\n\n")[0].splitlines()[2:]
    rows = [tuple(cell.strip() for cell in row.strip("|").split(" | ")) for row in table]
    assert rows == [(readme_keys(k.keys), k.what) for k in KEYS]


def test_every_binding_is_in_the_table_and_every_command_in_the_palette():
    from reader.app.app import ReaderApp
    from reader.app.keys import KEY_NAMES, palette_commands, shown_keys

    named = shown_keys()
    for binding in ReaderApp.BINDINGS:
        for key in binding.key.split(","):
            assert KEY_NAMES.get(key, key) in named, key
    actions = {b.action.partition("(")[0] for b in ReaderApp.BINDINGS}
    for command in palette_commands():
        assert command.action in actions or hasattr(ReaderApp, f"action_{command.action}"), command


async def test_the_help_and_the_palette_list_them():
    from textual.command import CommandList, CommandPalette

    from reader.app.help_screen import HelpScreen
    from reader.app.keys import KEYS, palette_commands

    app = ReaderApp(analyse(FOUR_FILES[0]), path="a.txt", more=[("b.txt", lambda: analyse(FOUR_FILES[1]))])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = screen_text(app)
        for key in KEYS:
            assert f"{key.keys}" in text and key.what in text, key
        await pilot.press("escape", "ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette) and app.screen.query(CommandList))

        def listed() -> set[str]:
            options = app.screen.query(CommandList).first()
            return {str(options.get_option_at_index(i).prompt).split("\n")[0] for i in range(options.option_count)}

        wanted = {c.command for c in palette_commands()}
        await wait_until(pilot, lambda: wanted <= listed())


FOUR_FILES = ('First\n\n"One," said Ann Lee.\n', 'Second\n\n"Two," said Bo Li.\n')
