"""A one-line question at the foot of the screen: the file to export to."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.safe_text import escaped_line


class ExportScreen(ModalScreen[Path | None]):
    """Asks for a file name; dismisses with the path (``~`` expanded), or None on Escape.
    A file that exists is replaced only when Enter is pressed a second time."""

    DEFAULT_CSS = """
    ExportScreen { align: center bottom; background: $background 40%; }
    ExportScreen > Vertical {
        width: 100%;
        height: auto;
        background: $surface;
        border-top: tall $primary;
        padding: 0 1;
    }
    ExportScreen #export-note { color: $text-muted; height: auto; }
    """

    BINDINGS = [Binding("escape", "close", "Close", id="export.close")]

    def __init__(self, default: str, what: str) -> None:
        super().__init__()
        self.default = default
        self.what = what
        self._confirm: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"Export {self.what} as Markdown to (Enter writes, Esc cancels):"), id="export-note")
            yield Input(value=self.default, id="export-path")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed, "#export-path")
    def _changed(self) -> None:
        if self._confirm is not None:
            self._confirm = None
            self.query_one("#export-note", Static).update(
                Text(f"Export {self.what} as Markdown to (Enter writes, Esc cancels):"))

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        typed = event.value.strip()
        note = self.query_one("#export-note", Static)
        if not typed:
            note.update(Text("Type the name of a file to write (Esc cancels)"))
            return
        path = Path(typed).expanduser()
        if path.is_dir():
            note.update(Text(f"{escaped_line(str(path))} is a folder: type the name of a file in it"))
            return
        if path.exists() and self._confirm != path:
            self._confirm = path
            note.update(Text(f"{escaped_line(str(path))} exists: Enter again replaces it, Esc cancels"))
            return
        self.dismiss(path)

    def action_close(self) -> None:
        self.dismiss(None)
