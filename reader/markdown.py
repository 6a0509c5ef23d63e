"""Markdown: read with a real parser (markdown-it-py), drawn as a Markdown viewer draws it.

``read_markdown(text)`` gives

- the structure: the title (the first line's ``#`` heading, else the front matter's
  ``title:``), headings from ``#`` and from setext underlines, and paragraphs, list items,
  block quotes, code blocks and tables, the last two kept line by line;
- the rendering: the characters of markup that are not shown (``**``, a link's target,
  ``<br>``, ``{{ … }}``, a code fence, a list's marker, a block quote's ``>``), the
  bullets and numbers shown in their place, and the styled spans (emphasis, strong,
  code, links with their targets);
- the masked text: the text with its markup, HTML tags, template tags and code blanked out
  (spaces, line breaks kept), which is what the quotation and speaker finders read. Every
  offset stays an offset into the file's text.

``rendered(doc)`` applies a document's rendering: the document as the app shows it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from itertools import accumulate

from reader.model import BLOCKQUOTE, ITEM, PRE, PROSE, Block, Document, Rendering, Styled
from reader.structure import HEADING_PART, PARAGRAPH_PART, TITLE_PART, Part

_FRONT_MATTER = re.compile(r"\A(?:---[ \t]*\n(?:.*?\n)?---|\+\+\+[ \t]*\n(?:.*?\n)?\+\+\+)[ \t]*(?:\n|\Z)", re.S)
_FRONT_TITLE = re.compile(r"""^title[ \t]*[:=][ \t]*(?P<q>["']?)(?P<value>.*?)(?P=q)[ \t]*$""", re.M)
_FRONT_FIELD = re.compile(r"""^(?P<key>author|date)[ \t]*[:=][ \t]*(?P<q>["']?)(?P<value>[^\n]*?)(?P=q)[ \t]*$""", re.M)
_TEMPLATE = re.compile(r"\{\{.{0,500}?\}\}|\{%.{0,500}?%\}", re.S)
_HTML_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][^<>]{0,2000}>|<![A-Za-z][^<>]*>", re.S)
_FENCE = re.compile(r"[ \t]*(?:`{3,}|~{3,})")

_STYLES = {"em_open": "emphasis", "strong_open": "strong", "link_open": "link", "s_open": "strike"}


@dataclass
class MarkdownText:
    parts: list[Part]
    rendering: Rendering
    masked: str
    byline: str | None = None  # the front matter's author
    date: str | None = None  # the front matter's date


def front_matter_end(text: str) -> int:
    """Offset after the front matter (YAML between ``---`` lines, TOML between ``+++``
    lines) at the very start of a file; 0 if there is none."""
    m = _FRONT_MATTER.match(text)
    return m.end() if m else 0


def _blank(text: str, start: int, end: int) -> str:
    """The characters of text[start:end] made spaces, its line breaks kept."""
    piece = text[start:end]
    if "\n" not in piece:
        return " " * len(piece)  # (most markup: no line break in it)
    return "\n".join(" " * len(line) for line in piece.split("\n"))


def read_markdown(text: str) -> MarkdownText:
    from markdown_it import MarkdownIt  # only a Markdown file needs it

    n = len(text)
    hidden: list[tuple[int, int]] = []
    # What the parser reads: the text with front matter and template tags blanked out.
    chars = list(text) if ("{{" in text or "{%" in text) else None
    fm_end = front_matter_end(text)
    title_part: Part | None = None
    if fm_end:
        hidden.append((0, fm_end))
        m = _FRONT_TITLE.search(text, 0, fm_end)
        if m and m.group("value").strip():
            title_part = Part(TITLE_PART, m.start("value"), m.end("value"))
        fields = {}
        for m in _FRONT_FIELD.finditer(text, 0, fm_end):
            fields.setdefault(m.group("key"), m.group("value").strip() or None)
        byline, date = fields.get("author"), fields.get("date")
    else:
        byline = date = None
    source = text if not fm_end else _blank(text, 0, fm_end) + text[fm_end:]
    if chars is not None:
        pieces = []
        last = 0
        for m in _TEMPLATE.finditer(source):
            pieces.append(source[last : m.start()])
            # A mark the parser reads as text (blanks would indent the line into a code block)
            pieces.append(re.sub(r"[^\n]", "\u2060", source[m.start() : m.end()]))
            hidden.append(m.span())
            last = m.end()
        pieces.append(source[last:])
        source = "".join(pieces)

    source = source.replace("\x00", "\ufffd")  # as the parser would: the text keeps its length
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.disable("text_join")  # entities and escapes stay tokens of their own: their source differs
    # A link's target made safe to hand to the terminal by percent-encoding what a URL may not
    # hold: a quarter of the parser's time went to its full URL normalisation (a changelog
    # has a link every few words), and the targets are only shown, never fetched.
    md.normalizeLink = _link_target
    tokens = md.parse(source)
    line_starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def line_start(i: int) -> int:
        return line_starts[i] if i < len(line_starts) else n

    def line_end(i: int) -> int:  # the end of line i, its newline excluded
        return (line_starts[i + 1] - 1) if i + 1 < len(line_starts) else n

    parts: list[Part] = []
    inserted: list[tuple[int, str]] = []
    styles: list[Styled] = []
    code: list[tuple[int, int]] = []  # code blanked out for the finders
    lists: list[list] = []  # [ordered, next number] for each open list
    item_fresh: list[bool] = []  # whether the open list item has had its first block
    quotes = 0
    first_block = True

    def first_char(start: int, end: int) -> int:
        while start < end and source[start] in " \t":
            start += 1
        return start

    def trimmed_end(start: int, end: int) -> int:
        while end > start and source[end - 1] in " \t\n":
            end -= 1
        return end

    def bullet_for_item(at: int) -> None:
        if item_fresh and item_fresh[-1]:
            item_fresh[-1] = False
            ordered, number = lists[-1][0], lists[-1][1]
            indent = "  " * (len(lists) - 1)
            inserted.append((at, f"{indent}{number}. " if ordered else f"{indent}• "))

    def form() -> str:
        return ITEM if item_fresh else BLOCKQUOTE if quotes else PROSE

    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start_number = int(tok.attrGet("start") or 1) if kind == "ordered_list_open" else 1
            lists.append([kind == "ordered_list_open", start_number])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            item_fresh.append(True)
        elif kind == "list_item_close":
            item_fresh.pop()
            lists[-1][1] += 1
        elif kind == "blockquote_open":
            quotes += 1
        elif kind == "blockquote_close":
            quotes -= 1
        elif kind in ("paragraph_open", "heading_open") and tok.map:
            inline = tokens[i + 1]
            l0, l1 = tok.map
            span_start = first_char(line_start(l0), line_end(l0))
            if kind == "heading_open" and tok.markup not in ("=", "-"):
                span_end = trimmed_end(span_start, line_end(l0))
            elif kind == "heading_open":
                span_end = trimmed_end(span_start, line_end(l1 - 2))  # the underline aside
            else:
                span_end = trimmed_end(span_start, line_end(l1 - 1))
            shown = _align(source, inline.children or [], span_start, span_end, hidden, styles, inserted, code)
            if kind == "heading_open":
                level = int(tok.tag[1:])
                hs, he = shown if shown else (span_start, span_end)
                if he > hs:
                    # The underline of a setext heading: not shown.
                    if tok.markup in ("=", "-"):
                        hidden.append((line_start(l1 - 1), line_end(l1 - 1)))
                    else:
                        hidden.append((span_start, hs))
                        hidden.append((he, span_end))
                    if first_block and level == 1 and not item_fresh and not quotes:
                        parts.append(Part(TITLE_PART, hs, he))
                        title_part = None
                    else:
                        parts.append(Part(HEADING_PART, hs, he, level))
                first_block = False
            elif span_end > span_start and shown is not None:  # markup alone ({% … %}) is no paragraph
                bullet_for_item(span_start)
                parts.append(Part(PARAGRAPH_PART, span_start, span_end, form=form()))
                first_block = False
            i += 3
            continue
        elif kind in ("fence", "code_block") and tok.map:
            l0, l1 = tok.map
            start, end = line_start(l0), trimmed_end(line_start(l0), line_end(l1 - 1))
            if kind == "fence":
                hidden.append((start, min(end, line_end(l0) + 1)))  # the opening fence line
                last = line_start(l1 - 1)
                if l1 - 1 > l0 and _FENCE.match(source, last):
                    hidden.append((max(last - 1, start), end))  # the closing one
                content_start = min(line_end(l0) + 1, end)
            else:
                content_start = start
            code.append((content_start, end))
            if end > start:
                bullet_for_item(start)
                parts.append(Part(PARAGRAPH_PART, start, end, form=PRE))
                first_block = False
        elif kind == "html_block" and tok.map:
            l0, l1 = tok.map
            start, end = first_char(line_start(l0), line_end(l0)), trimmed_end(line_start(l0), line_end(l1 - 1))
            tags = [m.span() for m in _HTML_TAG.finditer(source, start, end)]
            hidden.extend(tags)
            left = source[start:end]
            for s, e in reversed(tags):
                left = left[: s - start] + " " * (e - s) + left[e - start :]
            if any(c.isalnum() for c in left):
                bullet_for_item(start)
                parts.append(Part(PARAGRAPH_PART, start, end, form=form()))
                first_block = False
        elif kind == "table_open" and tok.map:
            l0, l1 = tok.map
            start, end = first_char(line_start(l0), line_end(l0)), trimmed_end(line_start(l0), line_end(l1 - 1))
            if end > start:
                parts.append(Part(PARAGRAPH_PART, start, end, form=PRE))
                first_block = False
            while i < len(tokens) and tokens[i].type != "table_close":
                i += 1
        i += 1

    if title_part is not None:
        parts.insert(0, title_part)
        # The front matter is not shown, but for the title taken from it.
        hidden.remove((0, fm_end))
        hidden += [(0, title_part.start), (title_part.end, fm_end)]
    hidden = _merge(hidden, text)
    masked = _masked(text, hidden + code)
    return MarkdownText(parts, Rendering(tuple(hidden), tuple(sorted(inserted)), tuple(styles)), masked, byline,
                        date[:10] if date and re.match(r"\d{4}-\d\d-\d\d", date) else date)


def _link_target(url: str) -> str:
    if _URL_AS_IS.fullmatch(url):
        return url  # (most links: nothing to percent-encode)
    from urllib.parse import quote

    return quote(url, safe="%/:=&?~#+!$,;'@()*[]-._")


# The characters a link target keeps as they are (letters, digits and the safe marks above).
_URL_AS_IS = re.compile(r"[A-Za-z0-9%/:=&?~#+!$,;'@()*\[\]\-._]*")


def _align(source: str, children, start: int, end: int, hidden: list, styles: list, inserted: list,
           code: list) -> tuple[int, int] | None:
    """Find each inline token's text in the source between start and end: what lies between
    them is markup, not shown. Returns the span from the first shown character to the last."""
    pos = start
    first = last = None
    open_styles: list[tuple[str, str | None, int | None]] = []

    def gap(a: int, b: int) -> None:
        # Markup between two pieces of text (the blanks inside it too), but for a line break.
        k = a
        while k < b:
            j = source.find("\n", k, b)
            if j < 0:
                j = b
            if j > k:
                hidden.append((k, j))
            k = j + 1

    def shown(a: int, b: int) -> None:
        nonlocal first, last
        if first is None:
            first = a
        last = b
        for k, (style, target, began) in enumerate(open_styles):
            if began is None:
                open_styles[k] = (style, target, a)

    for tok in children:
        kind = tok.type
        if kind in ("text", "code_inline", "image"):
            content = tok.content
            if not content:
                continue
            found = source.find(content, pos, end)
            if found < 0:
                continue  # not where it was expected: leave the rest as it is
            gap(pos, found)
            if content.strip().strip("\u2060"):  # not a template tag alone
                shown(found, found + len(content))
            if kind == "code_inline":
                styles.append(Styled(found, found + len(content), "code"))
                code.append((found, found + len(content)))
            pos = found + len(content)
        elif kind == "text_special":  # an entity or an escaped character: shown as what it stands for
            found = source.find(tok.markup, pos, end)
            if found < 0:
                continue
            gap(pos, found)
            hidden.append((found, found + len(tok.markup)))
            inserted.append((found, tok.content))
            shown(found, found + len(tok.markup))
            pos = found + len(tok.markup)
        elif kind in ("softbreak", "hardbreak"):
            found = source.find("\n", pos, end)
            if found >= 0:
                gap(pos, found)
                pos = found + 1
        elif kind == "html_inline":
            found = source.find(tok.content, pos, end)
            if found >= 0:
                gap(pos, found)
                hidden.append((found, found + len(tok.content)))
                pos = found + len(tok.content)
        elif kind in _STYLES:
            open_styles.append((_STYLES[kind], tok.attrGet("href") if kind == "link_open" else None, None))
        elif kind.endswith("_close") and open_styles:
            style, target, began = open_styles.pop()
            if began is not None and last is not None and last > began:
                styles.append(Styled(began, last, style, _safe_target(target)))
    gap(pos, end)
    return (first, last) if first is not None else None


_SAFE_TARGET = re.compile(r"[!-~]{1,2000}")


def _safe_target(target: str | None) -> str | None:
    """A link's address as the terminal may be given it: printable ASCII without spaces."""
    if target and _SAFE_TARGET.fullmatch(target):
        return target
    return None


def _merge(ranges: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Sorted, disjoint ranges; a range of markup inside a line that leaves two blanks side by
    side takes one of them too ("a {{ x }} b" shows as "a b")."""
    out: list[list[int]] = []
    for s, e in sorted(r for r in ranges if r[1] > r[0]):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    n = len(text)
    for r in out:
        s, e = r
        if 0 < s and e < n and text[s - 1] in " \t" and text[e] in " \t":
            r[1] = e + 1
    merged: list[tuple[int, int]] = []
    for s, e in out:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _masked(text: str, ranges: list[tuple[int, int]]) -> str:
    if not ranges:
        return text
    pieces = []
    last = 0
    for s, e in sorted(ranges):
        s = max(s, last)
        if e <= s:
            continue
        pieces.append(text[last:s])
        pieces.append(_blank(text, s, e))
        last = e
    pieces.append(text[last:])
    return "".join(pieces)


# ---------------------------------------------------------------------------------------
# The document as shown


def rendered(doc: Document) -> Document:
    """The document as a Markdown viewer shows it: its markup left out, bullets and numbers
    in place of list markers, every offset (paragraphs, headings, quotations, styles) moved
    into the text shown. A document without a rendering is returned as it is."""
    r = doc.rendering
    if r is None:
        return doc
    text = doc.text
    starts = [s for s, _ in r.hidden]
    ends = [e for _, e in r.hidden]
    cumulative = [0, *accumulate(e - s for s, e in r.hidden)]
    ins_at = [o for o, _ in r.inserted]
    ins_cumulative = [0, *accumulate(len(t) for _, t in r.inserted)]

    def moved(o: int) -> int:
        k = bisect_right(starts, o - 1)  # hidden ranges that start before o
        gone = cumulative[k]
        if k and ends[k - 1] > o:  # o lies inside the last of them
            gone -= ends[k - 1] - o
        return o - gone + ins_cumulative[bisect_left(ins_at, o)]

    pieces: list[str] = []
    last = 0
    events = sorted([(s, 1, e) for s, e in r.hidden] + [(o, 0, t) for o, t in r.inserted], key=lambda x: (x[0], x[1]))
    for offset, what, value in events:
        if offset > last:
            pieces.append(text[last:offset])
            last = offset
        if what == 0:
            pieces.append(value)
        else:
            last = max(last, value)
    pieces.append(text[last:])
    shown = "".join(pieces)

    def block(b: Block | None) -> Block | None:
        if b is None:
            return None
        s, e = moved(b.start), moved(b.end)
        return Block(s, e, shown[s:e])

    paragraphs = tuple(replace(p, start=moved(p.start), end=max(moved(p.end), moved(p.start))) for p in doc.paragraphs)
    sections = []
    for sec in doc.sections:
        heading = block(sec.heading)
        title = " ".join(heading.text.split()) if heading is not None else sec.title
        if heading is None and doc.title is not None and sec.title == doc.title.text:
            title = " ".join(block(doc.title).text.split())
        sections.append(replace(sec, heading=heading, title=title or sec.title))
    quotes = tuple(replace(q, start=moved(q.start), end=moved(q.end), text=shown[moved(q.start) : moved(q.end)],
                           mention_start=None if q.mention_start is None else moved(q.mention_start),
                           mention_end=None if q.mention_end is None else moved(q.mention_end))
                   for q in doc.quotes)
    styles = tuple(Styled(moved(s.start), moved(s.end), s.style, s.target) for s in r.styles
                   if moved(s.end) > moved(s.start))
    return replace(doc, text=shown, paragraphs=paragraphs, sections=tuple(sections), quotes=quotes,
                   kicker=block(doc.kicker), title=block(doc.title), standfirst=block(doc.standfirst),
                   dateline=block(doc.dateline), rendering=None, styles=styles)
