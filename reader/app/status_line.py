"""The status line under the article: the filter, the quotation under the cursor, the position."""

from __future__ import annotations

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

    def render(self) -> Text:
        width = self.content_region.width
        right = self.right.copy()
        room = max(0, width - right.cell_len - 2)
        left = self.left.copy()
        if left.cell_len > room:
            left.truncate(max(0, room - 1))
            left.append("…")
        line = Text(no_wrap=True, overflow="crop")
        line.append_text(left)
        line.append(" " * max(1, width - left.cell_len - right.cell_len))
        line.append_text(right)
        return line
