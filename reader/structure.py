"""Finding the structure of a text: kicker, title, standfirst, dateline, headings, paragraphs.

``parse_structure(text)`` works on the decoded, newline-normalised text and returns
spans into it; it never changes the text.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

from reader.model import Block, Paragraph, Section
from reader.quotes import TRANSCRIPT_LABEL

OPENING_SECTION = "Opening"

_TERMINAL = re.compile(r"[.!?:;,…\"'”’»)\]]\s*$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*\s*$|[\"”’»]\s*$")
_QUOTE_START = re.compile(r"^\s*[\"'“‘«„‹]")
_NUMBER_WORDS = (
    "ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|ELEVEN|TWELVE|THIRTEEN|FOURTEEN|FIFTEEN|"
    "SIXTEEN|SEVENTEEN|EIGHTEEN|NINETEEN|TWENTY|FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|"
    "EIGHTH|NINTH|TENTH|LAST|FINAL"
)
_NUMBER = rf"(?:[IVXLCDM]+|\d+|(?:{_NUMBER_WORDS})(?:[- ](?:{_NUMBER_WORDS}))?)"
_BOOK_HEADING = re.compile(
    rf"^(?:BOOK|Book|PART|Part|VOLUME|Volume|EPILOGUE|Epilogue|FIRST EPILOGUE|SECOND EPILOGUE)"
    rf"(?:\s+(?i:{_NUMBER}))?\b(?:[.:\s—–-].*)?$"
)
_CHAPTER_HEADING = re.compile(rf"^(?:CHAPTER|Chapter|STAVE|Stave)\s+(?i:{_NUMBER})\b(?:[.:\s—–-].*)?$")
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_PLACE = r"[A-Z][A-Z'.\-]+(?:[ ][A-Z][A-Z'.\-]+){0,3}"
_DATELINE = re.compile(
    rf"""^(?:
        {_PLACE}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?,\s*{_MONTHS}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?\.?
            (?:\s*/[A-Za-z-]+/\.?|\s*\((?:[A-Za-z][\w .&-]{{0,30}})\)\s*[-—–]{{1,2}})?
      | {_PLACE}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?\s*\((?:[A-Za-z][\w .&-]{{0,30}})\)\s*[-—–]{{1,2}}
      | {_PLACE}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?\s*[—–]
      | {_PLACE}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?\s+--?(?=\s)
      | {_PLACE}\s*\.\s*/[A-Za-z-]+/\.?
    )(?=\s)""",
    re.VERBOSE,
)
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")


@dataclass(slots=True)
class _Unit:
    """A run of non-blank lines: a paragraph or a heading candidate."""

    start: int
    end: int
    several: list[tuple[int, int]] | None = None  # the lines when there are several (a text of
    # a million one-line paragraphs must not hold a list and a tuple for each)

    @property
    def lines(self) -> list[tuple[int, int]]:
        """(start, end) of each line, trailing blanks trimmed."""
        return [(self.start, self.end)] if self.several is None else self.several


@dataclass(slots=True)
class _Open:
    """A section while the text is read: its heading and how many paragraphs it has so far."""

    title: str
    level: int
    heading: Block | None
    first: int  # index of its first paragraph
    count: int
    parent: int | None


def _unit(lines: list[tuple[int, int]]) -> _Unit:
    return _Unit(lines[0][0], lines[-1][1], lines if len(lines) > 1 else None)


@dataclass(frozen=True)
class Structure:
    paragraphs: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    kicker: Block | None
    title: Block | None
    standfirst: Block | None
    dateline: Block | None
    chapter_headings: int = 0  # BOOK / PART / CHAPTER headings: a book, most likely


# Leading blanks: any whitespace but a newline (ideographic and em spaces, \x1c-\x1f too), BOM, ZWSP.
_CONTENT_LINE = re.compile(r"^(?:[^\S\n]|[\ufeff\u200b])*([^\s\ufeff\u200b][^\n]*)", re.M)


def _blocks(text: str, begin: int = 0) -> list[_Unit]:
    """Split the text into blocks of non-blank lines (each line's spaces trimmed)."""
    units: list[_Unit] = []
    current: list[tuple[int, int]] = []
    prev_end = begin
    for m in _CONTENT_LINE.finditer(text, begin):
        start, end = m.start(1), m.end(1)
        while text[end - 1] in " \t\f\v\u00a0":
            end -= 1
        if current and text.count("\n", prev_end, start) > 1:
            units.append(_unit(current))
            current = []
        current.append((start, end))
        prev_end = end
    if current:
        units.append(_unit(current))
    return units


def _wrap_width(units: list[_Unit]) -> int:
    """The width at which the text is hard-wrapped, or 0 when lines are not wrapped."""
    lengths: list[int] = []
    for u in units:
        if len(u.lines) > 1:
            lengths.extend(e - s for s, e in u.lines[:-1])
            if len(lengths) > 20_000:  # plenty to tell the width by
                break
    lengths.sort()
    if len(lengths) < 3:
        return 0
    width = lengths[int(len(lengths) * 0.95)]
    return width if width <= 100 else 0


def _split_block(text: str, unit: _Unit, width: int) -> list[_Unit]:
    """Split a block into paragraphs: one per line unless the lines are hard-wrapped."""
    if len(unit.lines) == 1:
        return [unit]
    if not width:
        return [_Unit(s, e) for s, e in unit.lines]
    # A line ends its paragraph when the next line's first word would have fitted on it (the
    # text was not wrapped there) and it ends a sentence or is a heading.
    limit = width * 0.75
    lines = unit.lines
    out: list[_Unit] = []
    first = 0
    for i in range(len(lines) - 1):
        s, e = lines[i]
        if e - s + 2 > limit:
            continue  # a full line: the paragraph goes on
        nxt_s, nxt_e = lines[i + 1]
        space = text.find(" ", nxt_s, nxt_e)
        nxt_word = (space if space >= 0 else nxt_e) - nxt_s
        if e - s + 1 + nxt_word <= limit:
            line = text[s:e]
            if _SENTENCE_END.search(line) or _is_heading_line(line):
                out.append(_unit(lines[first : i + 1]))
                first = i + 1
    out.append(_unit(lines[first:]))
    return out


def _words(s: str) -> int:
    return len(s.split())


def _is_heading_line(line: str) -> bool:
    """A short line without closing punctuation: a candidate section heading."""
    line = line.strip()
    if not line or len(line) > 90 or _words(line) > 12:
        return False
    if _BOOK_HEADING.match(line) or _CHAPTER_HEADING.match(line):
        return True
    if _TERMINAL.search(line) and not line.endswith(("?", "!")):
        return False
    if line.endswith(("?", "!")) and _words(line) > 8:
        return False
    if _QUOTE_START.match(line) or TRANSCRIPT_LABEL.match(line):
        return False
    first = line[0]
    return first.isupper() or first.isdigit()


def _heading_level(line: str) -> int | None:
    if _BOOK_HEADING.match(line):
        return 1
    if _CHAPTER_HEADING.match(line):
        return 2
    return None


def _is_title_case(s: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", s) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _front_matter_end(text: str) -> int:
    """Offset after YAML front matter at the very start of a Markdown file (0 if none)."""
    m = re.match(r"\A---[ \t]*\n(?:.*?\n)?---[ \t]*(?:\n|\Z)", text, re.S)
    return m.end() if m else 0


def parse_structure(text: str, markdown: bool = False) -> Structure:
    begin = _front_matter_end(text) if markdown else 0
    units = _blocks(text, begin)
    if markdown:
        units = _markdown_units(text, units)
        width = 0
    else:
        width = _wrap_width(units)
        units = [p for u in units for p in _split_block(text, u, width)]

    kicker = title = standfirst = dateline = None
    i = 0
    first_text = lambda u: text[u.start : u.end]  # noqa: E731

    def md_heading(u: _Unit) -> re.Match[str] | None:
        return _MD_HEADING.match(first_text(u)) if markdown and len(u.lines) == 1 else None

    # Kicker and title.
    if markdown:
        if i < len(units) and (m := md_heading(units[i])) and len(m.group(1)) == 1:
            s = units[i].start + m.start(2)
            title = Block(s, s + len(m.group(2)), m.group(2))
            i += 1
    elif len(units) >= 2:
        u0, u1 = units[0], units[1]
        t0, t1 = first_text(u0), first_text(u1)
        if (
            len(u0.lines) == 1
            and _words(t0) <= 3
            and not _TERMINAL.search(t0)
            and len(u1.lines) == 1
            and _words(t1) <= 30
            and not _SENTENCE_END.search(t1)
            and not t1.endswith(":")
            and not _heading_level(t0)
            and len(units) >= 3
        ):
            kicker = Block(u0.start, u0.end, t0)
            i = 1
        u = units[i]
        t = first_text(u)
        if (
            len(units) > i + 1
            and len(u.lines) <= 2
            and _words(t) <= 25
            and len(t) <= 220
            and not _heading_level(t)
            and not _DATELINE.match(t)
            and not _QUOTE_START.match(t)
            and not t.endswith(":")
            and (not _SENTENCE_END.search(t) or _is_title_case(t))
        ):
            title = Block(u.start, u.end, t)
            i += 1
            # A standfirst: a summary line under the title, typically without a full stop.
            if len(units) > i + 1:
                u = units[i]
                t = first_text(u)
                if (
                    len(u.lines) <= 3
                    and 6 <= _words(t) <= 70
                    and not _SENTENCE_END.search(t)
                    and not _DATELINE.match(t)
                    and not _heading_level(t)
                ):
                    standfirst = Block(u.start, u.end, t)
                    i += 1

    # Body: headings and paragraphs.
    # (start, end, section) of each paragraph, made Paragraphs at the end: 24 bytes each until then.
    para_start, para_end, para_section = array("q"), array("q"), array("q")
    sections: list[_Open | None] = [
        _Open(title=title.text if title else OPENING_SECTION, level=1, heading=None, first=0, count=0, parent=None)
    ]
    stack: list[int] = []  # indices of open sections by nesting
    book_mode = False
    last_was_heading = False
    body_units = units[i:]
    # A book with chapter headings has no other headings: a short line in it is a line of verse,
    # a letter's signature or a cry ("JULIE", "Who still is thinking but of thee!").
    chapter_headings = 0 if markdown else sum(
        1 for u in body_units if len(u.lines) == 1 and _heading_level(text[u.start : u.end]) is not None)
    chaptered = chapter_headings >= 2
    for k, u in enumerate(body_units):
        t = first_text(u)
        level: int | None = None
        heading_text = t
        hs, he = u.start, u.end
        if markdown:
            m = md_heading(u)
            if m:
                level = len(m.group(1))
                heading_text = m.group(2)
                hs = u.start + m.start(2)
                he = hs + len(heading_text)
        elif len(u.lines) == 1 and _is_heading_line(t):
            explicit = _heading_level(t)
            following = body_units[k + 1] if k + 1 < len(body_units) else None
            if explicit is not None:
                level = explicit
                book_mode = book_mode or explicit == 1
            elif following is None:
                pass  # a short last line is a paragraph, not a heading
            elif (last_was_heading and sections[-1].count == 0 and _merge_subtitle(sections[-1])
                  and not t.endswith((".", "?", "!"))):
                # A chapter's own title on the line under "CHAPTER I": part of that heading.
                sec = sections[-1]
                sec.title = f"{sec.title} — {t}"
                sec.heading = Block(sec.heading.start, u.end, text[sec.heading.start : u.end])
                continue
            elif not chaptered:
                level = 1
        if level is not None:
            if not book_mode and level == 2 and not markdown:
                level = 1
            while stack and sections[stack[-1]].level >= level:
                stack.pop()
            parent = stack[-1] if stack else None
            sections.append(
                _Open(title=heading_text, level=level, heading=Block(hs, he, heading_text), first=len(para_start),
                     count=0, parent=parent)
            )
            stack.append(len(sections) - 1)
            last_was_heading = True
            continue
        last_was_heading = False
        if not para_start and dateline is None and not markdown:
            m = _DATELINE.match(t)
            if m:
                dateline = Block(u.start, u.start + m.end(), m.group(0))
        para_start.append(u.start)
        para_end.append(u.end)
        para_section.append(len(sections) - 1)
        sections[-1].count += 1

    del units, body_units  # let the blocks go before the sections and paragraphs are made
    # Drop the opening section when it is empty: the text starts with a heading.
    offset = 1 if len(sections) > 1 and sections[0].count == 0 else 0
    out_sections: list[Section] = []
    for idx in range(offset, len(sections)):
        s, sections[idx] = sections[idx], None  # each let go once its Section is made
        parent = s.parent - offset if s.parent is not None and s.parent >= offset else None
        out_sections.append(Section(idx - offset, s.title, s.level, s.heading, s.first, s.count, parent))
    made = tuple(Paragraph(n, start, end, section - offset)
                 for n, (start, end, section) in enumerate(zip(para_start, para_end, para_section)))
    return Structure(made, tuple(out_sections), kicker, title, standfirst, dateline, chapter_headings)


def _merge_subtitle(section: _Open) -> bool:
    """Whether a heading line right under this section's heading is its subtitle."""
    return section.heading is not None and bool(
        _CHAPTER_HEADING.match(section.heading.text) or _BOOK_HEADING.match(section.heading.text)
    )


def _markdown_units(text: str, units: list[_Unit]) -> list[_Unit]:
    """Markdown: a heading line is always its own unit; fenced code stays one unit."""
    out: list[_Unit] = []
    for u in units:
        current: list[tuple[int, int]] = []
        for s, e in u.lines:
            if _MD_HEADING.match(text[s:e]):
                if current:
                    out.append(_unit(current))
                    current = []
                out.append(_Unit(s, e))
            else:
                current.append((s, e))
        if current:
            out.append(_unit(current))
    return out
