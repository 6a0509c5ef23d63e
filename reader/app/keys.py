"""Every key of the app and every command of its palette, in one table.

The help screen shows this table, the command palette offers its commands, and the README's
key table is this table (a test holds the three together). A key is written as the help
shows it: ``j/k`` for two keys of one kind, ``, `` between alternatives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Key:
    keys: str  # as shown: "j/k, ↓/↑"
    what: str
    command: str | None = None  # its name in the command palette, if it is offered there
    action: str | None = None  # the app's action the command runs
    help: str = ""  # the palette's line under the command


KEYS: tuple[Key, ...] = (
    Key("j/k, ↓/↑", "scroll a line"),
    Key("space/b, PgDn/PgUp", "scroll a page (in the sidebar too)"),
    Key("g/G, Home/End", "top / bottom of the article", "Go to the top", "top", "Scroll to the top"),
    Key("n/p", "next / previous section"),
    Key("]/[", "next / previous quotation (of the filtered speakers)"),
    Key("/", "search quotations: words, a name, speaker:NAME words", "Search quotations", "search",
        "Find a quotation by its speaker or its words"),
    Key("ctrl+f, n/N, F3/shift+F3", "find text (all highlighted); next / previous match; esc clears",
        "Find in the text", "find", "Find words anywhere in the article, like less"),
    Key("1–9, 0", "filter by a speaker chip (again to undo); clear the filters"),
    Key("s", "every speaker: type to narrow, enter toggles a filter", "List of speakers", "speakers",
        "Every speaker with their count, to filter by any of them"),
    Key("ctrl+o, backspace, ctrl+n", "back before the last jump (then to the library's list); forward again", "Go back", "back", "Return to where you were before the last jump"),
    Key("y", "copy the quotation under the cursor, with speaker and source", "Copy quotation", "copy_quote",
        "Copy the quotation under the cursor to the clipboard"),
    Key("e", "export the quotations shown to a Markdown file", "Export quotations", "export",
        "Write the quotations shown (the filtered ones, or all) to a file you name"),
    Key("}/{", "next / previous file named on the command line (or in the library's list)", "Next file",
        "next_file", "Open the next file named on the command line"),
    Key("esc", "in a library: back to its list, on this article (once a find is cleared)"),
    Key("t, tab, esc", "show or hide the sidebar; into it; back to the article", "Toggle sidebar",
        "toggle_sidebar", "Show or hide the sections"),
    Key("ctrl+p", "commands: sections, speakers, theme, files"),
    Key("?", "help", "Help", "help", "Every key and what it does"),
    Key("q", "quit", "Quit", "quit", "Quit reader"),
    Key("ctrl+c", "quit at any moment, even while a text is still being read"),
)

# The keys of the library's list (``reader DIR``): its help, and its table in the README.
LIBRARY_KEYS: tuple[Key, ...] = (
    Key("j/k, ↓/↑", "move the cursor a row"),
    Key("space/b, PgDn/PgUp", "a page down / up"),
    Key("g/G, Home/End", "first / last row"),
    Key("enter", "open the article (esc or backspace comes back to the list)", "Open the article", "open",
        "Open the article under the cursor"),
    Key("t, d, c", "sort by title, date, number of quotations (again: the other way)", "Sort by title",
        "sort('title')", "A to Z; again for Z to A"),
    Key("f, ctrl+f, esc", "filter as you type (title, file, date, speakers); enter or ↓ back to the list; esc clears",
        "Filter the list", "filter", "Keep the articles whose title, file, date or speakers hold the words"),
    Key("/", "search quotations across the library: words, a name, speaker:NAME words; enter opens the "
        "article at the quotation", "Search quotations", "search", "Every article's quotations, ranked"),
    Key("s", "every person quoted in the library, with counts: type to narrow, enter lists their quotations",
        "People", "people", "Everyone quoted, across the articles"),
    Key("ctrl+p", "commands"),
    Key("?", "help", "Help", "help", "Every key and what it does"),
    Key("q", "quit", "Quit", "app.quit", "Quit reader"),
    Key("ctrl+c", "quit at any moment, even while the index is being made"),
)

# Palette commands of the library that share a line of its table with another key.
LIBRARY_COMMANDS_WITHOUT_KEYS: tuple[Key, ...] = (
    Key("", "", "Sort by date", "sort('date')", "Newest first; again for oldest first"),
    Key("", "", "Sort by quotations", "sort('quotes')", "Most quoted first; again for fewest first"),
)

# Commands of the palette whose key shares a line of the table with another, or that have none.
COMMANDS_WITHOUT_KEYS: tuple[Key, ...] = (
    Key("", "", "Go to the bottom", "bottom", "Scroll to the end"),
    Key("", "", "Next match", "find_next", "Go to the next match of the find"),
    Key("", "", "Previous match", "find_previous", "Go to the previous match of the find"),
    Key("", "", "Go forward", "forward", "Undo going back"),
    Key("", "", "Previous file", "previous_file", "Open the previous file named on the command line"),
    Key("", "", "Jump to section…", "pick_section", "Choose a section to jump to"),
    Key("", "", "Filter by speaker…", "pick_speaker", "Choose a speaker to show only their paragraphs"),
    Key("", "", "Change theme", "change_theme", "Pick a colour theme"),
)


def palette_commands() -> list[Key]:
    """Every command the palette offers, in the order of the help."""
    return [k for k in KEYS if k.command] + list(COMMANDS_WITHOUT_KEYS)


def library_palette_commands() -> list[Key]:
    """Every command the palette offers on the library's list."""
    return [k for k in LIBRARY_KEYS if k.command] + list(LIBRARY_COMMANDS_WITHOUT_KEYS)


def readme_keys(keys: str) -> str:
    """How the README writes a key entry: every key in backticks (``j`/`k``, …)."""
    return ", ".join("`/`" if part == "/" else "/".join(f"`{k}`" for k in part.split("/"))
                     for part in keys.split(", "))


# The names Textual gives keys, as the table writes them.
KEY_NAMES = {
    "down": "↓", "up": "↑", "pagedown": "PgDn", "pageup": "PgUp", "home": "Home", "end": "End",
    "right_square_bracket": "]", "left_square_bracket": "[", "slash": "/", "question_mark": "?",
    "right_curly_bracket": "}", "left_curly_bracket": "{", "f3": "F3", "shift+f3": "shift+F3",
    "escape": "esc", "space": "space", "enter": "enter",
}


def shown_keys(keys: tuple[Key, ...] = KEYS) -> set[str]:
    """Every single key the table names."""
    out: set[str] = set()
    for k in keys:
        for part in re.split(r", ", k.keys):
            if "–" in part:
                a, b = part.split("–")
                out.update(str(n) for n in range(int(a), int(b) + 1))
            else:
                out.update(part.split("/") if len(part) > 1 and part != "/" else [part])
    return out
