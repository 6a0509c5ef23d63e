"""The status line under the article: the filter, the quotation under the cursor, the position."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widget import Widget


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        background: $panel;
        color: $text-muted;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.left = Text()
        self.right = Text()

    def set(self, left: Text, right: Text) -> None:
        if left == self.left and right == self.right:
            return
        self.left = left
        self.right = right
        self.refresh()

    @property
    def plain(self) -> str:
        return f"{self.left.plain}  {self.right.plain}".strip()

    def render(self) -> Table:
        grid = Table.grid(expand=True)
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(no_wrap=True, justify="right")
        grid.add_row(self.left, self.right)
        return grid
