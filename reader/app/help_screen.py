"""The help screen: every key and what it does."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = (
    ("j / k, ↓ / ↑", "scroll a line"),
    ("space / b, PgDn / PgUp", "scroll a page"),
    ("g / G, Home / End", "top / bottom of the article"),
    ("n / p", "next / previous section"),
    ("] / [", "next / previous quotation (of the filtered speakers)"),
    ("/", "search quotations: words, a name, speaker:NAME words"),
    ("1 – 9", "show only that speaker's paragraphs; again to undo"),
    ("0", "clear the speaker filter"),
    ("t", "show or hide the sections sidebar"),
    ("ctrl+p", "jump to section, filter by speaker, theme"),
    ("?", "this help"),
    ("q", "quit"),
    ("ctrl+c", "quit at any moment, even while a long text is still being read"),
)


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; background: $background 60%; }
    HelpScreen > VerticalScroll {
        width: 84;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        background: $surface;
        border: tall $primary;
        border-title-color: $text;
        padding: 1 2;
    }
    HelpScreen Static { width: 100%; }
    """

    BINDINGS = [
        Binding("escape", "close", "Close", id="help.close"),
        Binding("question_mark", "close", "Close", show=False, id="help.close_question"),
        Binding("q", "close", "Close", show=False, id="help.close_q"),
    ]

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2), expand=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)
        for keys, what in KEYS:
            table.add_row(Text(keys), Text(what))
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys"
            yield Static(table)
            yield Static(Text("\nQuotations are coloured by speaker. Esc closes this help.", style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
