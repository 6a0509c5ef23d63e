"""The article: one ScrollView drawn row by row with the Line API.

Nothing here mounts a widget per paragraph. For the current width the article is wrapped
once into a row index (``reader.app.layout.Layout``); ``render_line`` looks up the row,
styles its spans (quotes in their speaker's colour, the matches of a find) and caches the
finished strip.

What the view shows is the app's state, bound down to it (``data_bind``): the speaker
filter, the quotation under the cursor, the speakers' colours and the matches of a find.
The view never changes them; it answers questions about positions (the quotation after the
top row, the row of an offset) and moves its own scroll position.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.app.layout import (
    BLANK,
    DATELINE,
    HEADING,
    KICKER,
    MAX_TEXT_WIDTH,
    PARAGRAPH,
    RULE,
    STANDFIRST,
    TITLE,
    Layout,
    Prepared,
    build_items,
    display_text,
    speech_quotes_by_paragraph,
)
from reader.model import BLOCKQUOTE, MENTION, Document

EMPTY_MESSAGE = "This document is empty"
_INLINE_STYLES = {"emphasis": Style(italic=True), "strong": Style(bold=True), "strike": Style(strike=True)}
_BLOCKQUOTE_STYLE = Style(italic=True, dim=True)
_QUOTE_MARKS = set("\"'“”‘’«»„‚‹›「」『』")


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """The article text, wrapped to the pane, with every quotation in its speaker's colour."""

    COMPONENT_CLASSES = {
        "article-view--kicker",
        "article-view--title",
        "article-view--rule",
        "article-view--standfirst",
        "article-view--dateline",
        "article-view--heading",
        "article-view--subheading",
        "article-view--empty",
        "article-view--match",
        "article-view--match-current",
    }

    DEFAULT_CSS = """
    ArticleView {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        background: $surface;
        &:focus { background-tint: 0%; }
    }
    ArticleView > .article-view--kicker { color: $accent; text-style: bold; }
    ArticleView > .article-view--title { color: $text; text-style: bold; }
    ArticleView > .article-view--rule { color: $primary; }
    ArticleView > .article-view--standfirst { color: $text-muted; text-style: italic; }
    ArticleView > .article-view--dateline { color: $text; text-style: bold; }
    ArticleView > .article-view--heading { color: $primary; text-style: bold; }
    ArticleView > .article-view--subheading { color: $secondary; text-style: bold; }
    ArticleView > .article-view--empty { color: $text-muted; text-style: italic; }
    ArticleView > .article-view--match { background: $warning 40%; }
    ArticleView > .article-view--match-current { background: $warning; color: $background; text-style: bold; }
    """

    # The app's state, bound down (see the module's docstring).
    speaker_filter: var[frozenset[int]] = var(frozenset)
    cursor_quote: var[int | None] = var(None)
    colours: var[dict[int, str]] = var(dict)
    found: var[tuple[tuple[int, int], ...]] = var(tuple)  # the matches of a find, in text order
    found_current: var[int | None] = var(None)  # the match last gone to

    class Scrolled(Message):
        """The view moved: the section at the top may have changed."""

        def __init__(self, section: int | None) -> None:
            super().__init__()
            self.section = section

    def __init__(self, doc: Document, *, prepared: Prepared | None = None, name: str | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        """``prepared``: the drawn text, items and layout made beforehand (layout.prepare)."""
        super().__init__(name=name, id=id, classes=classes)
        self.doc = doc
        prepared = prepared or Prepared(display_text(doc.text), build_items(doc))
        self.text = prepared.text
        self._speech_by_paragraph = speech_quotes_by_paragraph(doc)
        self._paragraphs_by_speaker: dict[int, list[int]] = {}
        for q in doc.quotes:
            if q.kind != MENTION and q.speaker is not None:
                lst = self._paragraphs_by_speaker.setdefault(q.speaker, [])
                if not lst or lst[-1] != q.paragraph:
                    lst.append(q.paragraph)
        self.shown_paragraphs: set[int] | None = None
        self._found_starts: list[int] = []
        self._items = self._full_items = prepared.items
        self._full_layout: Layout | None = prepared.layout  # the unfiltered article at the last width
        self._layout: Layout | None = None
        self._wrap_caches: dict[int, dict] = {} if prepared.layout is None else {
            prepared.layout.width: prepared.layout.cache}
        self._strips: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self._style_cache: dict[tuple[int | None, bool], Style] = {}
        self._inline_styles: dict[tuple[str, str | None], Style] = {}
        self._dark = True
        self._pinned_section: int | None = None
        self._last_section: int | None = None
        self._quote_pool: list[int] = []
        self._full_pool: tuple[list[int], list[int]] | None = None
        self._quote_pool_starts: list[int] = []
        self._rebuild_quote_pool()
        # Styled spans (rendered Markdown), sorted, for the rows that draw them.
        self._styled = sorted(doc.styles, key=lambda st: st.start)
        self._styled_starts = [st.start for st in self._styled]
        self._longest_styled = max((st.end - st.start for st in self._styled), default=0)

    # ------------------------------------------------------------------ setup

    def watch_colours(self) -> None:
        self._style_cache.clear()
        self._inline_styles.clear()
        self._strips.clear()
        self.refresh()

    def watch_found(self, found: tuple[tuple[int, int], ...]) -> None:
        self._found_starts = [a for a, _ in found]
        self._strips.clear()
        self.refresh()

    def watch_found_current(self) -> None:
        self._strips.clear()
        self.refresh()

    def speaker_colour(self, speaker: int) -> str:
        return self.colours.get(speaker, "#888888")

    @property
    def layout_index(self) -> Layout | None:
        return self._layout

    @property
    def laid_out(self) -> bool:
        """Whether the article has been wrapped to the pane (its rows and height are known)."""
        return self._layout is not None and self.size.width > 0

    @property
    def text_width(self) -> int:
        # Room for the scrollbar is always kept, so that the wrapping does not change
        # when the scrollbar appears.
        width = self.content_region.width - self.styles.scrollbar_size_vertical
        margin = 2 if width >= 30 else 1 if width >= 10 else 0
        return max(1, min(MAX_TEXT_WIDTH, width - 2 * margin))

    def on_resize(self) -> None:
        if self._layout is None or self._layout.width != self.text_width:
            self._relayout()
        else:
            self.virtual_size = Size(self.scrollable_content_region.width, self._layout.height)

    def _relayout(self, keep_position: bool = True) -> None:
        """Wrap the items to the current width, keeping the text at the top in view."""
        anchor = self._anchor() if keep_position and self._layout is not None else None
        width = self.text_width
        cache = self._wrap_caches.setdefault(width, {})
        if len(self._wrap_caches) > 3:  # keep only a few widths
            for w in list(self._wrap_caches)[:-3]:
                if w != width:
                    del self._wrap_caches[w]
        lead = 0 if self.doc.sections and self.doc.sections[0].heading is None else None
        full = self._full_layout
        if self._items is self._full_items and full is not None and full.width == width:
            self._layout = full
        else:
            self._layout = Layout(self.text, self._items, width, cache, lead_section=lead, source=self.doc.text)
            if self._items is self._full_items:
                self._full_layout = self._layout
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, self._layout.height)
        if anchor is not None:
            self._restore_anchor(anchor)
        self.refresh()

    def _anchor(self) -> tuple[int, int] | None:
        """A width-independent position: (document offset of the top row, item kind rank)."""
        layout = self._layout
        if layout is None or not layout.items:
            return None
        top = int(self.scroll_y)
        if top <= 0:
            return None
        i = layout.item_at_row(top)
        while i < len(layout.items) and layout.items[i].kind in (BLANK, RULE):
            i += 1
        if i >= len(layout.items):
            return (len(self.text), 0)
        item = layout.items[i]
        row = max(top, layout.item_first_row[i])
        return (layout.row_spans[row][0] if row < layout.height else item.start, i)

    def _restore_anchor(self, anchor: tuple[int, int]) -> None:
        """Scroll to the row holding the anchor's offset, or the first row after it."""
        layout = self._layout
        assert layout is not None
        offset = anchor[0]
        i = layout.item_at_offset(offset)
        if i < 0:
            row = layout.height
        else:
            item = layout.items[i]
            row = layout.row_of_offset(i, offset) if item.start <= offset else layout.item_first_row[i]
        self._scroll_to_row(row)

    # ------------------------------------------------------------------ filters

    def watch_speaker_filter(self, speakers: frozenset[int]) -> None:
        """Show only paragraphs holding quotations by these speakers (empty: everything)."""
        anchor = self._anchor() if self._layout is not None else None
        if speakers:
            shown: set[int] = set()
            for s in speakers:
                shown.update(self._paragraphs_by_speaker.get(s, ()))
            self.shown_paragraphs = shown
            self._items = build_items(self.doc, shown)
        else:
            self.shown_paragraphs = None
            self._items = self._full_items
        self._rebuild_quote_pool()
        self._pinned_section = None
        if self.size.width:
            self._layout = None
            self._relayout(keep_position=False)
            if anchor is not None:
                self._restore_anchor(anchor)
            else:
                self._scroll_to_row(0)
        self._post_scrolled(force=True)

    def _rebuild_quote_pool(self) -> None:
        if not self.speaker_filter and self._full_pool is not None:
            self._quote_pool, self._quote_pool_starts = self._full_pool
            return
        doc = self.doc
        pool = []
        for q in doc.quotes:
            if q.kind == MENTION:
                continue
            if self.speaker_filter and q.speaker not in self.speaker_filter:
                continue
            if self.shown_paragraphs is not None and q.paragraph not in self.shown_paragraphs:
                continue
            pool.append(q.index)
        pool.sort(key=lambda i: doc.quotes[i].start)
        self._quote_pool = pool
        self._quote_pool_starts = [doc.quotes[i].start for i in pool]
        if not self.speaker_filter:
            self._full_pool = (pool, self._quote_pool_starts)

    @property
    def paragraph_count(self) -> tuple[int, int]:
        """(paragraphs shown, paragraphs in the document)."""
        total = len(self.doc.paragraphs)
        return (total if self.shown_paragraphs is None else len(self.shown_paragraphs), total)

    # ------------------------------------------------------------------ positions

    @property
    def top_row(self) -> int:
        return int(self.scroll_y)

    def _scroll_to_row(self, row: int) -> None:
        # Forced: right after the first layout the scrollbar may not be shown yet, and an
        # unforced scroll would be ignored (a key pressed while the article was prepared).
        self.scroll_to(y=max(0, row), animate=False, immediate=True, force=True)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._post_scrolled()

    def _post_scrolled(self, force: bool = False) -> None:
        if not self._jumping:
            self._pinned_section = None
        self.post_message(self.Scrolled(self.current_section))

    _jumping = False

    @property
    def current_section(self) -> int | None:
        """The section at the top of the view (or the one just jumped to)."""
        layout = self._layout
        if layout is None or not layout.items:
            return None
        if self._pinned_section is not None:
            return self._pinned_section
        secs = layout.section_rows()
        if not secs:
            return None
        pos = bisect_right([r for r, _ in secs], self.top_row + 1) - 1
        return secs[max(0, pos)][1]

    def row_of_section(self, section: int) -> int | None:
        layout = self._layout
        if layout is None:
            return None
        item = layout.section_item.get(section)
        if item is None:
            # A section without paragraphs of its own: the next section shown after it.
            for s in range(section + 1, len(self.doc.sections)):
                if s in layout.section_item:
                    item = layout.section_item[s]
                    break
        if item is None:
            return None
        row = layout.item_first_row[item]
        # Start at the blank row above a heading, if the view is scrolled to its top.
        return row

    def jump_to_section(self, section: int) -> None:
        row = self.row_of_section(section)
        if row is None:
            return
        self._jumping = True
        try:
            self._scroll_to_row(row if row > 1 else 0)
            self._pinned_section = section if int(self.scroll_y) < row - 1 else None
        finally:
            self._jumping = False
        self.post_message(self.Scrolled(self.current_section))

    def _section_position(self) -> tuple[list[tuple[int, int]], int]:
        layout = self._layout
        if layout is None:
            return [], -1
        secs = layout.section_rows()
        if self._pinned_section is not None:
            for i, (_, s) in enumerate(secs):
                if s == self._pinned_section:
                    return secs, i
        pos = bisect_right([r for r, _ in secs], self.top_row + 1) - 1
        return secs, pos

    def next_section(self) -> None:
        secs, pos = self._section_position()
        if pos + 1 < len(secs):
            self.jump_to_section(secs[pos + 1][1])

    def previous_section(self) -> None:
        secs, pos = self._section_position()
        if not secs:
            return
        if pos < 0:
            self.jump_to_section(secs[0][1])
            return
        row, sec = secs[pos]
        at_start = self._pinned_section is not None or self.top_row <= row + 1
        target = pos - 1 if at_start else pos
        if target >= 0:
            self.jump_to_section(secs[target][1])
        else:
            self.scroll_home_now()

    def scroll_home_now(self) -> None:
        self._scroll_to_row(0)

    def scroll_end_now(self) -> None:
        self._scroll_to_row(self.max_scroll_y)

    def scroll_rows(self, rows: int) -> None:
        self._scroll_to_row(int(self.scroll_y) + rows)

    def scroll_pages(self, pages: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        self.scroll_rows(pages * height)

    # ------------------------------------------------------------------ quotes

    @property
    def quote_pool(self) -> list[int]:
        """The quotations ``]``/``[`` step through, top to bottom."""
        return self._quote_pool

    def row_of_quote(self, quote: int) -> int | None:
        layout = self._layout
        if layout is None:
            return None
        q = self.doc.quotes[quote]
        item = layout.paragraph_item.get(q.paragraph)
        if item is None:
            return None
        return layout.row_of_offset(item, q.start)

    def _offset_at_top(self) -> int:
        layout = self._layout
        if layout is None or not layout.items:
            return 0
        i = layout.item_at_row(self.top_row)
        while i < len(layout.items) and layout.items[i].kind in (BLANK, RULE):
            i += 1
        if i >= len(layout.items):
            return len(self.text)
        row = max(self.top_row, layout.item_first_row[i])
        return layout.row_spans[row][0] if row < layout.height else layout.items[i].start

    def _cursor_on_screen(self) -> bool:
        if self.cursor_quote is None or self.cursor_quote not in self._quote_pool:
            return False
        row = self.row_of_quote(self.cursor_quote)
        height = self.scrollable_content_region.height
        return row is not None and self.top_row <= row < self.top_row + max(1, height)

    def next_quote(self) -> int | None:
        pool = self._quote_pool
        if not pool:
            return None
        if self._cursor_on_screen():
            pos = pool.index(self.cursor_quote) + 1  # type: ignore[arg-type]
        else:
            pos = bisect_left(self._quote_pool_starts, self._offset_at_top())
        if pos >= len(pool):
            return None
        return pool[pos]

    def previous_quote(self) -> int | None:
        pool = self._quote_pool
        if not pool:
            return None
        if self._cursor_on_screen():
            pos = pool.index(self.cursor_quote) - 1  # type: ignore[arg-type]
        else:
            pos = bisect_left(self._quote_pool_starts, self._offset_at_top()) - 1
            if pos < 0 and self.top_row == 0:
                pos = 0
        if pos < 0:
            return None
        return pool[pos]

    def watch_cursor_quote(self, quote: int | None) -> None:
        """The cursor on a quotation: drawn reversed, and brought into view."""
        self._strips.clear()
        if quote is not None and self._layout is not None:
            q = self.doc.quotes[quote]
            self.bring_into_view(q.start, max(q.start, q.end - 1))
        self.refresh()
        self.post_message(self.Scrolled(self.current_section))

    @property
    def cursor_on_screen(self) -> bool:
        """Whether the quotation under the cursor is in view (not scrolled away, nor hidden)."""
        return self._cursor_on_screen()

    # ------------------------------------------------------------------ offsets

    def row_of_text_offset(self, offset: int) -> int | None:
        """The row showing the character at ``offset``; None when it is not shown (a filter
        hides it, or it lies between the pieces of text)."""
        layout = self._layout
        if layout is None:
            return None
        i = layout.item_at_offset(offset)
        if i < 0 or layout.items[i].start > offset:
            return None
        return layout.row_of_offset(i, offset)

    def bring_into_view(self, start: int, last: int) -> None:
        """Scroll, if need be, so that the rows from ``start`` to ``last`` (offsets) are in view."""
        row = self.row_of_text_offset(start)
        if row is None:
            return
        end_row = self.row_of_text_offset(last)
        end_row = row if end_row is None else end_row
        height = max(1, self.scrollable_content_region.height)
        if row < self.top_row or end_row >= self.top_row + height:
            self._scroll_to_row(max(0, row - height // 3))

    @property
    def offset_at_top(self) -> int:
        """The document offset of the text at the top of the view: where the reader is."""
        return self._offset_at_top()

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll the text at ``offset`` (or the first shown after it) to the top."""
        if self._layout is None:
            return
        if offset <= 0:
            self.scroll_home_now()
        else:
            self._restore_anchor((offset, 0))
        self._post_scrolled()

    # ------------------------------------------------------------------ drawing

    def render_line(self, y: int) -> Strip:
        if self._layout is None and self.size.width:
            self._relayout(keep_position=False)  # the first paint comes before the first resize
        width = self.scrollable_content_region.width
        row = int(self.scroll_y) + y
        key = (row, width)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(row, width)
            self._strips.set(key, strip)
        return strip

    def _render_row(self, row: int, width: int) -> Strip:
        base = self.rich_style
        layout = self._layout
        if layout is None or not layout.items:
            if self.doc.is_empty and row == max(0, self.scrollable_content_region.height // 2 - 1):
                msg = EMPTY_MESSAGE[: max(0, width)]
                left = max(0, (width - cell_len(msg)) // 2)
                style = self.get_component_rich_style("article-view--empty")
                return Strip([Segment(" " * left), Segment(msg, style)]).adjust_cell_length(width).apply_style(base)
            return Strip.blank(width, base)
        if row >= layout.height:
            return Strip.blank(width, base)
        item = layout.items[layout.item_at_row(row)]
        text_width = layout.width
        left = max(0, (width - text_width) // 2)
        segments = [Segment(" " * left)] if left else []
        kind = item.kind
        if kind == BLANK:
            return Strip.blank(width, base)
        if kind == RULE:
            title_rows = layout.rows_of_item(layout.item_at_row(row) - 1)
            length = max((cell_len(self.text[s:e]) for s, e in (layout.row_spans[r] for r in title_rows)), default=0)
            segments.append(Segment("━" * min(length, text_width), self.get_component_rich_style("article-view--rule")))
        else:
            s, e = layout.row_spans[row]
            if kind == PARAGRAPH:
                segments.extend(self._with_matches(self._paragraph_segments(item.paragraph, s, e), s, e))
            else:
                name = {
                    KICKER: "article-view--kicker",
                    TITLE: "article-view--title",
                    STANDFIRST: "article-view--standfirst",
                    DATELINE: "article-view--dateline",
                    HEADING: "article-view--heading" if item.level <= 1 else "article-view--subheading",
                }.get(kind, "article-view--title")
                segments.extend(self._with_matches([Segment(self.text[s:e], self.get_component_rich_style(name))], s, e))
        return Strip(segments).adjust_cell_length(width).apply_style(base)

    def _with_matches(self, segments: list[Segment], s: int, e: int) -> list[Segment]:
        """The segments of the text ``[s, e)`` with the matches of a find marked on them."""
        starts = self._found_starts
        if not starts:
            return segments
        found = self.found
        k = max(0, bisect_left(starts, s) - 1)
        spans = []
        while k < len(found) and found[k][0] < e:
            a, b = found[k]
            if b > s:
                spans.append((max(a, s), min(b, e), k == self.found_current))
            k += 1
        if not spans:
            return segments
        match = self.get_component_rich_style("article-view--match", partial=True)
        current = self.get_component_rich_style("article-view--match-current", partial=True)
        out: list[Segment] = []
        pos = s
        for seg in segments:
            seg_start, seg_end = pos, pos + len(seg.text)
            pos = seg_end
            cut = seg_start
            for a, b, is_current in spans:
                if b <= cut or a >= seg_end:
                    continue
                a = max(a, cut)
                b = min(b, seg_end)
                if a > cut:
                    out.append(Segment(seg.text[cut - seg_start : a - seg_start], seg.style))
                extra = current if is_current else match
                out.append(Segment(seg.text[a - seg_start : b - seg_start], (seg.style or Style()) + extra))
                cut = b
            if cut < seg_end:
                out.append(Segment(seg.text[cut - seg_start :], seg.style))
        return out

    def _paragraph_segments(self, paragraph: int, s: int, e: int) -> list[Segment]:
        """One row of a paragraph: its styled spans (emphasis, links …), the dateline and the
        quotations in their speakers' colours, drawn over one another in that order."""
        text = self.text
        doc = self.doc
        layers: list[tuple[int, int, Style]] = []
        if doc.paragraphs[paragraph].form == BLOCKQUOTE:
            layers.append((s, e, _BLOCKQUOTE_STYLE))
        if self._styled:
            first = bisect_left(self._styled_starts, s - self._longest_styled)
            for k in range(first, bisect_left(self._styled_starts, e)):
                st = self._styled[k]
                if st.end > s and st.start < e:
                    layers.append((max(s, st.start), min(e, st.end), self._inline_style(st.style, st.target)))
        dl = doc.dateline
        if dl is not None and dl.start < e and dl.end > s and dl.start >= doc.paragraphs[paragraph].start:
            layers.append((max(s, dl.start), min(e, dl.end), self.get_component_rich_style("article-view--dateline")))
        for qi in self._speech_by_paragraph.get(paragraph, ()):
            q = doc.quotes[qi]
            a, b = q.start, q.end
            if a > 0 and text[a - 1] in _QUOTE_MARKS:
                a -= 1
            if b < len(text) and text[b] in _QUOTE_MARKS:
                b += 1
            if a >= e or b <= s:
                continue
            layers.append((max(s, a), min(e, b), self._quote_style(qi)))
        if not layers:
            return [Segment(text[s:e])]
        if len(layers) == 1 or all(layers[k][1] <= layers[k + 1][0] for k in range(len(layers) - 1)):
            out: list[Segment] = []  # spans one after another: the common case
            pos = s
            for a, b, style in layers:
                if a < pos:
                    a = pos
                if a >= b:
                    continue
                if a > pos:
                    out.append(Segment(text[pos:a]))
                out.append(Segment(text[a:b], style))
                pos = b
            if pos < e:
                out.append(Segment(text[pos:e]))
            return out
        points = sorted({s, e, *(a for a, _, _ in layers), *(b for _, b, _ in layers)})
        out = []
        for x, y in zip(points, points[1:]):
            style = None
            for a, b, layer in layers:
                if a <= x and y <= b:
                    style = layer if style is None else style + layer
            out.append(Segment(text[x:y], style))
        return out

    def _inline_style(self, kind: str, target: str | None) -> Style:
        key = (kind, target)
        style = self._inline_styles.get(key)
        if style is None:
            if kind == "code":
                style = Style(bgcolor="#3a3a3a" if self._dark else "#e4e4e4")
            elif kind == "link":
                style = Style(underline=True, link=target)
            else:
                style = _INLINE_STYLES.get(kind, Style())
            self._inline_styles[key] = style
        return style

    def _quote_style(self, quote: int) -> Style:
        q = self.doc.quotes[quote]
        key = (q.speaker, quote == self.cursor_quote)
        style = self._style_cache.get(key)
        if style is None:
            cursor = key[1]
            if q.speaker is None:
                style = Style(italic=True, reverse=cursor, bold=cursor)
            else:
                style = Style(color=self.speaker_colour(q.speaker), reverse=cursor, bold=cursor)
            self._style_cache[key] = style
        return style

    # ------------------------------------------------------------------ for tests and tools

    def visible_lines(self) -> list[str]:
        """The text of the rows on screen, as drawn."""
        height = self.scrollable_content_region.height
        return [self.render_line(y).text for y in range(height)]
