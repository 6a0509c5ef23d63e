"""Where every screen row of the article comes from: the wrapping index.

The article is a sequence of *items* (kicker, title, headings, paragraphs, blank rows).
For a given text width each item wraps into rows; a row is a span ``[start, end)`` of the
document text. ``item_first_row`` is sorted, so finding the item under a row, or the row
of a paragraph or a quotation, is a ``bisect``, not a scan.

This module knows nothing of Textual: it only turns a Document into row spans.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass

from reader.model import MENTION, PRE, Document
from reader.safe_text import escaped, one_for_one, picture

# Item kinds.
KICKER = "kicker"
TITLE = "title"
RULE = "rule"
STANDFIRST = "standfirst"
DATELINE = "dateline"
HEADING = "heading"
PARAGRAPH = "paragraph"
BLANK = "blank"

MAX_TEXT_WIDTH = 80

# Characters that do not take exactly one terminal cell: wide East Asian text, emoji,
# combining marks. Paragraphs without any are wrapped by counting characters. The class is
# compiled the first time a text holds a character beyond Latin and general punctuation
# (compiling it costs milliseconds at start-up that most texts never need).
_BEYOND_LATIN = re.compile("[^\x00-\u02ff\u2000-\u206f]")
_NOT_ONE_CELL = (
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0900-\u0903\u093a-\u094f"
    "\u1100-\u115f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf"
    "\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe00-\ufe0f\ufe20-\ufe2f\ufe30-\ufe4f"
    "\uff00-\uff60\uffe0-\uffe6\U0001f000-\U0001faff\U00020000-\U0003fffd]"
)


def _all_one_cell(text: str, start: int, end: int) -> bool:
    """Whether every character of ``text[start:end]`` takes one terminal cell."""
    beyond = _BEYOND_LATIN.search(text, start, end)
    return beyond is None or _not_one_cell().search(text, beyond.start(), end) is None


@functools.cache
def _not_one_cell() -> re.Pattern[str]:
    return re.compile(_NOT_ONE_CELL)


def display_text(text: str) -> str:
    """The document text as it is drawn: newlines and tabs as spaces, control and
    direction-changing characters as visible symbols (one for one, offsets unchanged)."""
    return one_for_one(text)


def visible(s: str) -> str:
    """A short piece of file text (a name, a title) made safe to draw on one line."""
    return display_text(" ".join(s.split()))


def file_label(path: str) -> str:
    """A file name as the app shows it: on one line, every control character (newlines
    and tabs too) and direction-changing character made visible (``a\nb`` -> ``a␊b``)."""
    return re.sub("[\t\n]", lambda m: picture(m.group()), escaped(path))


def _cell_width(ch: str) -> int:
    from rich.cells import get_character_cell_size

    return get_character_cell_size(ch)


_ROW_PATTERNS: dict[int, re.Pattern[str]] = {}


def _row_pattern(width: int) -> re.Pattern[str]:
    pattern = _ROW_PATTERNS.get(width)
    if pattern is None:
        n = width - 1
        pattern = _ROW_PATTERNS[width] = re.compile(rf"[^ ](?:.{{0,{n}}}(?= |$)|.{{0,{n}}})")
    return pattern


def wrap_span(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]`` (already display text) to ``width`` cells.

    Returns row spans; runs of spaces at a break are dropped. Always at least one row.
    """
    width = max(1, width)
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    if start >= end:
        return [(start, start)]
    rows: list[tuple[int, int]] = []
    if end - start <= width and _all_one_cell(text, start, end):
        return [(start, end)]
    if _all_one_cell(text, start, end):
        # One regex match per row: the longest run of at most ``width`` characters that
        # ends before a space or at the end, else a hard break of ``width`` characters.
        for m in _row_pattern(width).finditer(text, start, end):
            s, e = m.span()
            while e > s and text[e - 1] == " ":
                e -= 1
            rows.append((s, e))
        return rows
    # Slow path: count cells character by character.
    s = start
    cells = 0
    last_space = -1
    i = start
    while i < end:
        ch = text[i]
        w = _cell_width(ch)
        if ch == " ":
            last_space = i
        if cells + w > width and i > s:
            if last_space > s:
                e = last_space
                while e > s and text[e - 1] == " ":
                    e -= 1
                rows.append((s, e))
                i = last_space + 1
            else:
                rows.append((s, i))
            while i < end and text[i] == " ":
                i += 1
            s = i
            cells = 0
            last_space = -1
            continue
        cells += w
        i += 1
    rows.append((s, end))
    return rows


def wrap_lines(text: str, source: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Rows of a paragraph kept line by line (a table, a poem, code): each line of
    ``source[start:end]`` its own row, its leading blanks kept; a line wider than ``width``
    goes on in the rows under it."""
    rows: list[tuple[int, int]] = []
    width = max(1, width)
    s = start
    while s <= end:
        e = source.find("\n", s, end)
        if e < 0:
            e = end
        if not _all_one_cell(text, s, e):
            rows.extend(wrap_span(text, s, e, width))
        elif e - s <= width:
            rows.append((s, e))
        else:
            rows.extend((k, min(k + width, e)) for k in range(s, e, width))
        s = e + 1
    return rows or [(start, start)]


@dataclass(frozen=True)
class Item:
    kind: str
    start: int = 0
    end: int = 0
    paragraph: int = -1  # for PARAGRAPH
    section: int = -1  # for HEADING and PARAGRAPH
    level: int = 1  # for HEADING
    form: str = ""  # for PARAGRAPH: its form (model.PRE: kept line by line)


def speech_quotes_by_paragraph(doc: Document) -> dict[int, list[int]]:
    """Quote indices (speech and partial, not mentions) for each paragraph."""
    out: dict[int, list[int]] = {}
    for q in doc.quotes:
        if q.kind != MENTION:
            out.setdefault(q.paragraph, []).append(q.index)
    return out


def build_items(doc: Document, shown: set[int] | None = None) -> list[Item]:
    """The article as items, top to bottom. ``shown``: only these paragraphs (a filter),
    with the headings of their sections and of those sections' ancestors."""
    items: list[Item] = []

    def block(kind: str, b) -> None:
        if b is not None and b.end > b.start:
            items.append(Item(kind, b.start, b.end))
            if kind == TITLE:
                items.append(Item(RULE, b.start, b.end))
            items.append(Item(BLANK))

    block(KICKER, doc.kicker)
    block(TITLE, doc.title)
    block(STANDFIRST, doc.standfirst)
    dateline_inside = doc.dateline is not None and any(
        p.start <= doc.dateline.start < p.end for p in doc.paragraphs[:3]
    )
    if not dateline_inside:
        block(DATELINE, doc.dateline)

    wanted_sections: set[int] | None = None
    if shown is not None:
        wanted_sections = set()
        for pi in shown:
            si = doc.paragraphs[pi].section
            while si is not None and si not in wanted_sections:
                wanted_sections.add(si)
                si = doc.sections[si].parent
    sections = doc.sections if wanted_sections is None else [doc.sections[i] for i in sorted(wanted_sections)]
    for sec in sections:
        if sec.heading is not None and sec.heading.end > sec.heading.start:
            if items and items[-1].kind != BLANK:
                items.append(Item(BLANK))
            items.append(Item(HEADING, sec.heading.start, sec.heading.end, section=sec.index, level=sec.level))
            items.append(Item(BLANK))
        own = sec.paragraphs if shown is None else [pi for pi in sec.paragraphs if pi in shown]
        for pi in own:
            p = doc.paragraphs[pi]
            items.append(Item(PARAGRAPH, p.start, p.end, paragraph=pi, section=sec.index, form=p.form))
            items.append(Item(BLANK))
    while items and items[-1].kind == BLANK:
        items.pop()
    return items


@dataclass
class Prepared:
    """What the article view needs of a document, made before the view is: for a long text,
    in the thread that analysed it, so that showing it costs the app no time."""

    text: str  # the document text as drawn (display_text)
    items: list[Item]
    layout: Layout | None = None  # wrapped to ``layout.width``


def prepare(doc: Document, width: int | None = None) -> Prepared:
    """The drawn text and items of a document, and its layout at ``width`` when given."""
    text = display_text(doc.text)
    items = build_items(doc)
    layout = None
    if width:
        lead = 0 if doc.sections and doc.sections[0].heading is None else None
        layout = Layout(text, items, width, {}, lead_section=lead, source=doc.text)
    return Prepared(text, items, layout)


class Layout:
    """The rows of a list of items wrapped to one width."""

    def __init__(self, text: str, items: list[Item], width: int, cache: dict | None = None,
                 lead_section: int | None = None, source: str | None = None) -> None:
        """``source``: the text with its line breaks (``text`` is drawn with them as spaces),
        for the paragraphs kept line by line."""
        self.text = text
        # A section without a heading that opens the document owns the rows above the first heading.
        self.lead_section = lead_section
        self.items = items
        self.width = max(1, width)
        # Wrapped rows of a span, kept across filter changes (same width).
        self._wraps: dict[tuple[int, int], list[tuple[int, int]]] = cache if cache is not None else {}
        self.item_first_row: list[int] = []
        self.row_spans: list[tuple[int, int]] = []
        self.paragraph_item: dict[int, int] = {}
        self.section_item: dict[int, int] = {}  # heading item, or first paragraph item
        self._text_items: list[int] = []  # items with text, in document order
        self._text_ends: list[int] = []  # their end offsets
        rows = self.row_spans
        wraps = self._wraps
        for i, item in enumerate(items):
            self.item_first_row.append(len(rows))
            kind = item.kind
            if kind == BLANK:
                rows.append((0, 0))
            elif kind == RULE:
                rows.append((item.start, item.end))
            else:
                self._text_items.append(i)
                self._text_ends.append(max(item.end, item.start + 1))
                key = (item.start, item.end)
                spans = wraps.get(key)
                if spans is None:
                    if item.form == PRE:
                        spans = wrap_lines(text, source or text, item.start, item.end, self.width)
                    else:
                        spans = wrap_span(text, item.start, item.end, self.width)
                    wraps[key] = spans
                rows.extend(spans)
                if kind == PARAGRAPH:
                    self.paragraph_item[item.paragraph] = i
                    self.section_item.setdefault(item.section, i)
                elif kind == HEADING:
                    self.section_item[item.section] = i

    @property
    def cache(self) -> dict:
        return self._wraps

    @property
    def height(self) -> int:
        return len(self.row_spans)

    def item_at_row(self, row: int) -> int:
        """Index of the item drawn on ``row`` (-1 if there are no items)."""
        if not self.items:
            return -1
        return max(0, bisect_right(self.item_first_row, row) - 1)

    def item_at_offset(self, offset: int) -> int:
        """The first item with text that holds ``offset`` or comes after it (-1: none)."""
        k = bisect_right(self._text_ends, offset)
        return self._text_items[k] if k < len(self._text_items) else -1

    def row_of_offset(self, item_index: int, offset: int) -> int:
        """The row of an item that holds the character at ``offset``."""
        first = self.item_first_row[item_index]
        last = self.item_first_row[item_index + 1] if item_index + 1 < len(self.items) else len(self.row_spans)
        best = first
        for r in range(first, last):
            if self.row_spans[r][0] <= offset:
                best = r
            else:
                break
        return best

    def rows_of_item(self, item_index: int) -> range:
        first = self.item_first_row[item_index]
        last = self.item_first_row[item_index + 1] if item_index + 1 < len(self.items) else len(self.row_spans)
        return range(first, last)

    def section_rows(self) -> list[tuple[int, int]]:
        """(row, section index) for every section shown, top to bottom."""
        out = [(self.item_first_row[i], s) for s, i in self.section_item.items()]
        out.sort()
        if out and self.items[self.section_item[out[0][1]]].kind != HEADING:
            # The opening section has no heading: it starts with the article.
            out[0] = (0, out[0][1])
        elif self.lead_section is not None and (not out or out[0][0] > 0):
            out.insert(0, (0, self.lead_section))
        return out
