"""Web pages and book chapters to text: the article as a browser's reader mode shows it.

``extract_page(html)`` finds the article of a web page with trafilatura (navigation, ads,
scripts, comments and cookie banners left out) and lays it out as text: the title, then
each heading, paragraph, list item, quoted passage and table as a block, blocks separated
by a blank line. ``Blocks`` collects blocks from any markup tree; an EPUB book's chapters
(``reader.epub``) go through it too. The libraries are imported only when a page is read:
plain text starts without them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.model import BLOCKQUOTE, ITEM, PRE, PROSE
from reader.structure import HEADING_PART, PARAGRAPH_PART, TITLE_PART, Part

_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u200b]+")


@dataclass
class Extracted:
    """The text made from markup, its blocks, and what the page or book says of itself."""

    text: str
    parts: list[Part]
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    warnings: list[str] = field(default_factory=list)


# Tag names of the markup read, HTML's and trafilatura's own (head, list, item, quote, lb ...).
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SKIPPED = frozenset("script style noscript template title meta link nav button form select "
                     "input textarea iframe svg math canvas video audio object embed graphic img figure-img "
                     "aside".split())
_BLOCK = frozenset("p div section article main header footer body html figure figcaption center "
                   "address details summary dl dt dd hgroup fieldset legend".split())
_LISTS = frozenset(("ul", "ol", "list", "menu", "dir"))
_ITEMS = frozenset(("li", "item"))
_QUOTES = frozenset(("blockquote", "quote"))
_PRE = frozenset(("pre", "code", "listing", "xmp", "plaintext"))
_TABLES = frozenset(("table",))
_BREAKS = frozenset(("br", "lb"))
_INLINE_BLOCKS = _BLOCK | _LISTS | _ITEMS | _QUOTES | _PRE | _TABLES | frozenset(_HEADINGS) | {"head", "hr"}


def _tag(el) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""  # a comment or processing instruction
    return tag.rsplit("}", 1)[-1].lower()


class Blocks:
    """Text built block by block; each block a Part of it."""

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.parts: list[Part] = []
        self.length = 0
        # id attribute -> the index of the first part made at or after the element that has it
        self.anchors: dict[str, int] = {}
        self._pending_ids: list[str] = []

    @property
    def text(self) -> str:
        return "".join(self.chunks)

    def add(self, kind: str, content: str, level: int = 1, form: str = PROSE) -> None:
        """A block of text: runs of spaces made one (line breaks kept where ``form`` is PRE
        or the text has them), nothing added when it has no letters or digits at all."""
        if form == PRE:
            lines = [line.rstrip() for line in content.split("\n")]
            while lines and not lines[0].strip():
                lines.pop(0)
            while lines and not lines[-1].strip():
                lines.pop()
            content = "\n".join(lines)
        else:
            content = "\n".join(" ".join(_SPACES.split(line)).strip() for line in content.split("\n"))
            content = re.sub(r"\n{2,}", "\n", content).strip("\n ")
        if not content.strip() or not any(c.isalnum() for c in content):
            return
        if self.chunks:
            self.chunks.append("\n\n")
            self.length += 2
        for anchor in self._pending_ids:
            self.anchors.setdefault(anchor, len(self.parts))
        self._pending_ids.clear()
        start = self.length
        self.chunks.append(content)
        self.length += len(content)
        self.parts.append(Part(kind, start, self.length, level, form))

    def anchor(self, name: str) -> None:
        self._pending_ids.append(name)

    # ------------------------------------------------------------------ a markup tree

    def walk(self, el, heading_levels: dict[int, int] | None = None) -> None:
        """Blocks from an element's content, in document order."""
        levels = heading_levels or {}
        self._walk(el, levels)

    def _walk(self, el, levels: dict[int, int]) -> None:
        tag = _tag(el)
        if tag in _SKIPPED or not tag:
            return
        self._note_id(el)
        if tag in _HEADINGS or tag == "head":
            level = _HEADINGS.get(tag) or _HEADINGS.get((el.get("rend") or "h2").lower(), 2)
            self.add(HEADING_PART, _inline(el), levels.get(level, level))
            return
        if tag in _PRE:
            self.add(PARAGRAPH_PART, "".join(el.itertext()), form=PRE)
            return
        if tag in _TABLES:
            self.add(PARAGRAPH_PART, _table(el), form=PRE)
            return
        if tag in _LISTS:
            ordered = tag == "ol" or (el.get("rend") or "").lower() == "ol"
            number = _start(el)
            for child in el:
                ctag = _tag(child)
                if ctag in _ITEMS:
                    self._note_id(child)
                    bullet = f"{number}." if ordered else "•"
                    self._item(child, bullet, levels)
                    number += 1
                elif ctag:
                    self._walk(child, levels)
            return
        if tag in _QUOTES:
            before = len(self.parts)
            self._container(el, levels)
            self.parts[before:] = [Part(p.kind, p.start, p.end, p.level, BLOCKQUOTE if p.kind == PARAGRAPH_PART
                                        and p.form == PROSE else p.form) for p in self.parts[before:]]
            return
        self._container(el, levels)

    def _note_id(self, el) -> None:
        ident = el.get("id")
        if ident:
            self.anchor(ident)
        if _tag(el) == "a" and el.get("name"):
            self.anchor(el.get("name"))

    def _item(self, el, bullet: str, levels: dict[int, int]) -> None:
        """A list item: its own text as one block with the bullet, nested lists after it."""
        text, rest = _leading_inline(el)
        if text.strip():
            self.add(PARAGRAPH_PART, f"{bullet} {text.strip()}", form=ITEM)
            bullet = ""
        for child in rest:
            if _tag(child) in _LISTS | _QUOTES | _PRE | _TABLES or _tag(child) in _HEADINGS:
                self._walk(child, levels)
            else:
                inner, _ = _leading_inline(child) if _tag(child) in _BLOCK else (_inline(child), [])
                if inner.strip():
                    self.add(PARAGRAPH_PART, f"{bullet} {inner.strip()}".strip(), form=ITEM)
                    bullet = ""
                self._walk_children_blocks(child, levels)

    def _walk_children_blocks(self, el, levels) -> None:
        for child in el:
            if _tag(child) in _INLINE_BLOCKS:
                self._walk(child, levels)

    def _container(self, el, levels: dict[int, int]) -> None:
        """An element holding text and blocks: runs of inline content between its block
        children are paragraphs; a paragraph with line breaks in it is kept line by line
        (verse, an address)."""
        run: list[str] = [el.text or ""]
        breaks = 0

        def flush() -> None:
            nonlocal run, breaks
            content = "".join(run)
            if content.strip():
                lines = [line for line in content.split("\n") if line.strip()]
                form = PRE if breaks and len(lines) > 1 else PROSE
                if form == PRE:
                    content = "\n".join(" ".join(_SPACES.split(line)).strip() for line in lines)
                else:
                    content = content.replace("\n", " ")
                self.add(PARAGRAPH_PART, content, form=form)
            run, breaks = [], 0

        for child in el:
            ctag = _tag(child)
            if ctag in _INLINE_BLOCKS and ctag not in ("code",) or ctag in _SKIPPED or ctag in ("hr",):
                flush()
                if ctag not in _SKIPPED:
                    self._walk(child, levels)
            elif ctag in _BREAKS:
                run.append("\n")
                breaks += 1
            elif ctag:
                self._note_id(child)
                piece, nested_breaks, blocks = _inline_with_breaks(child)
                if blocks:
                    run.append(piece)
                    flush()
                    self._walk_children_blocks(child, levels)
                else:
                    run.append(piece)
                    breaks += nested_breaks
            # text after the child, whatever it was
            tail = child.tail or ""
            # Newlines in the markup's source are spaces; only <br> breaks a line.
            run.append(tail.replace("\n", " ") if tail else "")
        if run and run[0]:
            run[0] = run[0].replace("\n", " ")
        flush()


def _start(el) -> int:
    try:
        return int(el.get("start") or 1)
    except ValueError:
        return 1


def _inline(el) -> str:
    """The text of an element, its line breaks as spaces (a heading, a cell)."""
    parts: list[str] = []

    def walk(node) -> None:
        tag = _tag(node)
        if tag in _SKIPPED:
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            ctag = _tag(child)
            if ctag in _BREAKS:
                parts.append(" ")
            elif ctag:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    if el.text:
        parts.append(el.text)
    for child in el:
        if _tag(child) in _BREAKS:
            parts.append(" ")
        elif _tag(child):
            walk(child)
        if child.tail:
            parts.append(child.tail)
    return " ".join(_SPACES.split("".join(parts))).strip()


def _inline_with_breaks(el) -> tuple[str, int, bool]:
    """The text of an inline element with its <br> as line breaks, how many there were, and
    whether it holds blocks (a <span> around paragraphs)."""
    parts: list[str] = []
    breaks = 0
    blocks = False

    def walk(node) -> None:
        nonlocal breaks, blocks
        if node.text:
            parts.append(node.text.replace("\n", " "))
        for child in node:
            ctag = _tag(child)
            if ctag in _BREAKS:
                parts.append("\n")
                breaks += 1
            elif ctag in _SKIPPED:
                pass
            elif ctag in _INLINE_BLOCKS and ctag != "code":
                blocks = True
                return
            elif ctag:
                walk(child)
            if child.tail:
                parts.append(child.tail.replace("\n", " "))

    walk(el)
    return "".join(parts), breaks, blocks


def _leading_inline(el) -> tuple[str, list]:
    """The inline text at the start of an element, and the children from its first block on."""
    parts = [el.text or ""]
    children = list(el)
    for i, child in enumerate(children):
        ctag = _tag(child)
        if ctag in _INLINE_BLOCKS and ctag != "code":
            return " ".join(_SPACES.split("".join(parts))), children[i:]
        if ctag in _BREAKS:
            parts.append(" ")
        elif ctag and ctag not in _SKIPPED:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return " ".join(_SPACES.split("".join(parts))), []


def _table(el) -> str:
    """A table as aligned columns of text, one row a line."""
    rows: list[list[str]] = []
    for row in el.iter():
        if _tag(row) not in ("tr", "row"):
            continue
        cells = [_inline(c) for c in row if _tag(c) in ("td", "th", "cell")]
        if any(cells):
            rows.append(cells)
    if not rows:
        return _inline(el)
    columns = max(len(r) for r in rows)
    widths = [max((len(r[k]) for r in rows if k < len(r)), default=0) for k in range(columns)]
    return "\n".join("  ".join(c.ljust(widths[k]) for k, c in enumerate(r)).rstrip() for r in rows)


# ---------------------------------------------------------------------------------------
# Web pages


def looks_like_html(text: str) -> bool:
    """Whether a text is an HTML page, whatever its file is called: it starts (after blanks
    and comments) with a doctype or an <html>, <head> or <body> tag."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    while head.startswith("<!--"):
        end = head.find("-->")
        if end < 0:
            return False
        head = head[end + 3 :].lstrip()
    if head.startswith("<?xml"):
        head = head[head.find("?>") + 2 :].lstrip() if "?>" in head else ""
    return bool(re.match(r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", head, re.I))


def extract_page(html: str, url: str | None = None) -> Extracted:
    """The article of a web page as text: title, then headings and paragraphs."""
    import trafilatura  # only a web page needs it

    found = trafilatura.bare_extraction(html, url=url, include_comments=False, favor_precision=True,
                                        with_metadata=True, include_tables=True)
    if found is None or found.body is None or not "".join(found.body.itertext()).strip():
        # Nothing that looks like an article: take everything the page says, for a page
        # that is all one table or a list (better some text than none).
        found = trafilatura.bare_extraction(html, url=url, include_comments=False, favor_recall=True,
                                            with_metadata=True, include_tables=True)
    blocks = Blocks()
    title = _page_title(found) if found is not None else _bare_title(html)
    if title:
        blocks.add(TITLE_PART, title)
    if found is not None and found.body is not None:
        body = found.body
        # A heading at the top that repeats the title is the title.
        first = next(iter(body), None)
        if first is not None and _tag(first) in ("head", "h1", "h2") and title and _same(_inline(first), title):
            body.remove(first)
        blocks.walk(body, _heading_levels(body))
    byline = getattr(found, "author", None) if found is not None else None
    date = getattr(found, "date", None) if found is not None else None
    return Extracted(blocks.text, blocks.parts, title, byline or None, date or None)


def _same(a: str, b: str) -> bool:
    norm = lambda s: " ".join(re.findall(r"\w+", s.lower()))  # noqa: E731
    return norm(a) == norm(b)


def _page_title(found) -> str | None:
    """The page's title without the site's name (``… | The Daily Post``, ``… - Site``)."""
    title = " ".join((found.title or "").split())
    site = " ".join((found.sitename or "").split())
    if not title:
        return None
    if site:
        for sep in (" | ", " - ", " – ", " — ", " :: ", " · "):
            if title.endswith(sep + site) and len(title) > len(sep + site):
                return title[: -len(sep + site)].strip()
            if title.startswith(site + sep) and len(title) > len(site + sep):
                return title[len(site + sep) :].strip()
    return title


def _bare_title(html: str) -> str | None:
    m = re.search(r"<title[^>]*>(.*?)</title>", html, re.I | re.S)
    if not m:
        return None
    import html as html_module

    return " ".join(html_module.unescape(m.group(1)).split()) or None


def _heading_levels(body) -> dict[int, int]:
    """Heading levels made to start at 1: a page whose article uses h2 and h3 nests them as 1 and 2."""
    used = set()
    for el in body.iter():
        tag = _tag(el)
        if tag in _HEADINGS:
            used.add(_HEADINGS[tag])
        elif tag == "head":
            used.add(_HEADINGS.get((el.get("rend") or "h2").lower(), 2))
    return {level: rank + 1 for rank, level in enumerate(sorted(used))}
