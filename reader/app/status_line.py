"""The status line under the article: a message, the filter, the quotation under the cursor,
the section, and the position.

What is shown is a list of fields, each made of pieces; a piece with a priority may be cut
(the lowest priority first, down to nothing), a piece without one is always shown. So at
any width the counts stay ("2 of 9 paragraphs", "3 of 8") and the names give way, then the
position at the right, then whole fields, the least important first (``ranks``: the
filter's field has the highest and is the last to go).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.widget import Widget

SEPARATOR = "  │  "


@dataclass(frozen=True)
class Piece:
    text: Text
    priority: int | None = None  # None: always shown; else cut, lowest first


def piece(text: str | Text, priority: int | None = None, style: str = "") -> Piece:
    return Piece(text if isinstance(text, Text) else Text(text, style=style), priority)


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
        self.fields: list[list[Piece]] = []
        self.ranks: list[int] = []
        self.right = Text()

    def set(self, fields: list[list[Piece]], right: Text, ranks: list[int] | None = None) -> None:
        ranks = ranks if ranks is not None else list(range(len(fields), 0, -1))
        if fields == self.fields and right == self.right and ranks == self.ranks:
            return
        self.fields = fields
        self.ranks = ranks
        self.right = right
        self.refresh()

    @property
    def left(self) -> Text:
        """Everything on the left, uncut."""
        return Text(SEPARATOR).join(Text("").join(p.text for p in field) for field in self.fields)

    @property
    def plain(self) -> str:
        return f"{self.left.plain}  {self.right.plain}".strip()

    def fitted(self, width: int) -> tuple[Text, Text]:
        """The left and right parts cut to fit ``width`` cells: first the labels go (the
        pieces of priority below 3), then the least important fields (below rank 4: the
        find, the quotation, the section), then the names and the message are cut, then the
        position at the right goes, then every field but the filter's."""
        texts = [[p.text.copy() for p in field] for field in self.fields]
        priorities = [[p.priority for p in field] for field in self.fields]
        right = self.right.copy()

        def length() -> int:
            shown = [field for field in texts if any(t.cell_len for t in field)]
            left = sum(t.cell_len for field in shown for t in field) + cell_len(SEPARATOR) * max(0, len(shown) - 1)
            return left + (right.cell_len + 2 if right.cell_len else 0)

        def cut(below: int) -> None:
            order = sorted(((pr, f, i) for f, field in enumerate(priorities) for i, pr in enumerate(field)
                            if pr is not None and pr < below), key=lambda t: t[0])
            for _, f, i in order:
                over = length() - width
                if over <= 0:
                    return
                if not texts[f]:  # the field was dropped
                    continue
                t = texts[f][i]
                keep = t.cell_len - over
                texts[f][i] = Text("") if keep < 3 else Text(set_cell_size(t.plain, keep - 1).rstrip() + "…",
                                                              style=t.style)

        def drop(below: int) -> None:
            for rank, f in sorted((rank, f) for f, rank in enumerate(self.ranks) if rank < below):
                if length() <= width:
                    return
                texts[f] = []

        cut(3)
        drop(4)
        cut(100)
        if length() > width:
            right = Text("")
        drop(5)
        left = Text(SEPARATOR).join(Text("").join(field) for field in texts if any(t.cell_len for t in field))
        return left, right

    def render(self) -> Text:
        width = self.content_region.width
        left, right = self.fitted(width)
        line = Text(no_wrap=True, overflow="crop")
        line.append_text(left)
        line.append(" " * max(1, width - left.cell_len - right.cell_len))
        line.append_text(right)
        return line
