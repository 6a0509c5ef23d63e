"""A screen over the article that is a box with a text field and a list under it (the
quotation search, the speaker list, the library's search and people): the box's look, the keys
that move the list's highlight while the field keeps the focus, and Esc to close."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import ModalScreen, ScreenResultType
from textual.widgets import OptionList


def list_bindings(prefix: str, item: str = "") -> list[Binding]:
    """Esc closes; up and down (a page with PgUp and PgDn) move the highlight. Binding ids
    start with ``prefix``."""
    noun = f" {item}" if item else ""
    return [
        Binding("escape", "close", "Close", id=f"{prefix}.close"),
        Binding("down", "cursor(1)", f"Next{noun}", show=False, id=f"{prefix}.down"),
        Binding("up", "cursor(-1)", f"Previous{noun}", show=False, id=f"{prefix}.up"),
        Binding("pagedown", "cursor(10)", "", show=False, id=f"{prefix}.pagedown"),
        Binding("pageup", "cursor(-10)", "", show=False, id=f"{prefix}.pageup"),
    ]


class ListScreen(ModalScreen[ScreenResultType]):
    """The box's look is here; its size and place are each screen's own CSS. The line under
    the field that counts what is listed has the class ``count``."""

    DEFAULT_CSS = """
    ListScreen > Vertical {
        background: $surface;
        border: tall $primary;
        border-title-color: $text;
        padding: 0 1;
    }
    ListScreen Input { margin: 0 0 1 0; }
    ListScreen OptionList { height: 1fr; border: none; padding: 0; background: $surface; }
    ListScreen .count { color: $text-muted; height: 1; }
    """

    def action_cursor(self, step: int) -> None:
        options = self.query_one(OptionList)
        if not options.option_count:
            return
        current = options.highlighted if options.highlighted is not None else -1
        options.highlighted = max(0, min(options.option_count - 1, current + step))

    def action_close(self) -> None:
        self.dismiss(None)
