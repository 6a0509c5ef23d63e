"""The help screen: every key and what it does."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.app.keys import KEYS, Key


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; background: $background 60%; }
    HelpScreen > VerticalScroll {
        width: 110;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        background: $surface;
        border: tall $primary;
        border-title-color: $text;
        padding: 0 1;
    }
    HelpScreen Static { width: 100%; }
    """

    BINDINGS = [
        Binding("escape", "close", "Close", id="help.close"),
        Binding("question_mark", "close", "Close", show=False, id="help.close_question"),
        Binding("q", "close", "Close", show=False, id="help.close_q"),
    ]

    def __init__(self, keys: tuple[Key, ...] = KEYS, title: str = "Keys",
                 note: str = "Quotations are coloured by speaker. Esc closes this help.") -> None:
        super().__init__()
        self.keys = keys
        self.title_text = title
        self.note = note

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2), expand=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)
        for key in self.keys:
            table.add_row(Text(key.keys), Text(key.what))
        with VerticalScroll() as scroll:
            scroll.border_title = self.title_text
            yield Static(table)
            yield Static(Text("\n" + self.note, style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
