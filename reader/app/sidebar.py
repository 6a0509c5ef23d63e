"""The sections sidebar: the section tree with quote counts; the section in view is highlighted."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from reader.app.layout import visible
from reader.model import Document


class Sidebar(Tree[int]):
    """The section tree. Selecting a section (click or Enter) posts ``Sidebar.SectionChosen``."""

    DEFAULT_CSS = """
    Sidebar {
        width: 32;
        max-width: 40%;
        border-right: vkey $foreground 20%;
        border-top: blank $panel;
        border-title-color: $text-muted;
        border-title-align: left;
        background: $panel;
        padding: 0 1 0 0;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        &.-hidden { display: none; }
    }
    """

    BINDINGS = [
        Binding("escape", "app.focus_article", "Back to the article", show=False, id="sidebar.escape"),
        Binding("space", "app.page(1)", "Page down", show=False, id="sidebar.page_down"),
        Binding("b", "app.page(-1)", "Page up", show=False, id="sidebar.page_up"),
    ]

    LABEL_WIDTH = 29
    _label_width = LABEL_WIDTH  # less room for a scrollbar, once mounted

    class SectionChosen(Message):
        def __init__(self, section: int) -> None:
            super().__init__()
            self.section = section

    def __init__(self, doc: Document, *, id: str | None = None) -> None:
        super().__init__("Sections", id=id)
        self.doc = doc
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self._section_nodes: dict[int, TreeNode[int]] = {}
        self._label_width = self.LABEL_WIDTH

    def on_mount(self) -> None:
        counts = [quotes for _paragraphs, quotes in self.doc.section_counts()]
        # A long tree gets a scrollbar: leave room for it so that the counts are not cut.
        self._label_width = self.LABEL_WIDTH - (2 if len(self.doc.sections) > max(self.app.size.height - 4, 10) else 0)
        depth: dict[int, int] = {}
        sections = self.doc.sections
        for sec in sections:
            depth[sec.index] = 1 if sec.parent is None else depth.get(sec.parent, 0) + 1
            parent = self.root if sec.parent is None else self._section_nodes.get(sec.parent, self.root)
            has_children = sec.index + 1 < len(sections) and sections[sec.index + 1].parent == sec.index
            # What the tree draws before the label: the guides of the levels above, and the
            # expand icon of a section with subsections.
            prefix = self.guide_depth * (depth[sec.index] - 1) + (cell_len(self.ICON_NODE) if has_children else 0)
            label = self._label(sec.title, counts[sec.index], prefix)
            if has_children:
                node = parent.add(label, data=sec.index, expand=True)
            else:
                node = parent.add_leaf(label, data=sec.index)
            self._section_nodes[sec.index] = node
        # The header, over the counts: what they count.
        header = Text("Sections", no_wrap=True)
        header.append(" " * max(1, self._label_width - 1 - len("Sections") - len("quotes")))
        header.append("quotes")
        self.border_title = header

    def _label(self, title: str, count: int, prefix: int) -> Text:
        """The title cut to fit, and the quote count at the right, every count ending in the
        same column whatever the depth. Measured in screen cells: a Chinese character or an
        emoji takes two."""
        count_text = f" {count}" if count else ""
        room = max(4, self._label_width - prefix - len(count_text))
        name = visible(title)
        if cell_len(name) > room:
            name = set_cell_size(name, room - 1) + "…"
        if count_text:
            name += " " * (room - cell_len(name))
        label = Text(name, no_wrap=True)
        label.append(count_text, style="bold")
        return label

    def process_label(self, label) -> Text:
        # Never markup (Tree reads a str as markup); the labels are already one line.
        return label if isinstance(label, Text) else Text(str(label))

    def get_label_width(self, node: TreeNode[int]) -> int:
        # Tree measures every row by drawing it, at every change; the labels are built to
        # fit this width (and the tree never scrolls sideways), so no row need be measured:
        # a document may have a hundred thousand sections.
        return self._label_width + cell_len(self.ICON_NODE)

    def highlight_section(self, section: int | None) -> None:
        """Move the highlight to the section in view (without choosing it)."""
        if section is None:
            return
        node = self._section_nodes.get(section)
        if node is None or self.cursor_node is node:
            return
        self.move_cursor(node, animate=False)

    def on_tree_node_selected(self, event: Tree.NodeSelected[int]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.SectionChosen(event.node.data))

    @property
    def highlighted_section(self) -> int | None:
        node = self.cursor_node
        return None if node is None else node.data
