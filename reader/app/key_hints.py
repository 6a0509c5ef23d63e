"""The key hints at the foot of the screen: as many as fit in whole, never one cut in the middle.

``? Help`` is always first; the others follow in order of use, and those that do not fit
at the width are left out (the help lists them all). A click on a hint runs its action.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widget import Widget

# (key, label, action), most wanted first after help.
HINTS = (
    ("?", "Help", "help"),
    ("/", "Search", "search"),
    ("s", "Speakers", "speakers"),
    ("n/p", "Section", "next_section"),
    ("]/[", "Quote", "next_quote"),
    ("^f", "Find", "find"),
    ("q", "Quit", "quit"),
    ("1-9", "Filter", "toggle_number(1)"),
    ("^o", "Back", "back"),
    ("y", "Copy", "copy_quote"),
    ("e", "Export", "export"),
    ("t", "Sidebar", "toggle_sidebar"),
    ("^p", "Commands", "command_palette"),
)
GAP = 2


class KeyHints(Widget):
    COMPONENT_CLASSES = {"key-hints--key", "key-hints--label"}
    DEFAULT_CSS = """
    KeyHints { height: 1; background: $footer-background; padding: 0 1; }
    KeyHints > .key-hints--key { color: $footer-key-foreground; text-style: bold; }
    KeyHints > .key-hints--label { color: $footer-description-foreground; }
    """

    def __init__(self, hints=HINTS, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hints = hints
        self.spans: list[tuple[int, int, str]] = []  # the columns of each hint drawn, and its action

    def fitting(self, width: int) -> list[tuple[str, str, str]]:
        """The hints that fit in whole in ``width`` cells: help always, then in order."""
        out, used = [], 0
        for hint in self.hints:
            size = cell_len(f"{hint[0]} {hint[1]}") + (GAP if out else 0)
            if used + size > width and out:
                continue
            out.append(hint)
            used += size
        return out

    def render(self) -> Text:
        line = Text(no_wrap=True, overflow="crop", end="")
        key_style = self.get_component_rich_style("key-hints--key")
        label_style = self.get_component_rich_style("key-hints--label")
        self.spans = []
        for key, label, action in self.fitting(self.content_region.width):
            if line.cell_len:
                line.append(" " * GAP)
            start = line.cell_len
            line.append(key, style=key_style)
            line.append(" " + label, style=label_style)
            self.spans.append((start, line.cell_len, action))
        return line

    def on_resize(self) -> None:
        self.refresh()

    async def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for start, end, action in self.spans:
            if start <= offset.x < end:
                await self.app.run_action(action)
                return
