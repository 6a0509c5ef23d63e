"""Finding the structure of a text: kicker, title, standfirst, dateline, headings, paragraphs.

``parse_structure(text)`` works on the decoded, newline-normalised text and returns
spans into it; it never changes the text.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

from reader.model import PROSE, Block, Paragraph, Section
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


def parse_structure(text: str, markdown: bool = False) -> Structure:
    """The structure of a plain text; of a Markdown text, as its parser reads it (reader.markdown)."""
    if markdown:
        from reader.markdown import read_markdown

        return structure_from_parts(text, read_markdown(text).parts)
    units = _blocks(text)
    width = _wrap_width(units)
    units = [p for u in units for p in _split_block(text, u, width)]

    kicker = title = standfirst = dateline = None
    i = 0
    first_text = lambda u: text[u.start : u.end]  # noqa: E731

    # Kicker and title.
    if len(units) >= 2:
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
    chapter_headings = sum(
        1 for u in body_units if len(u.lines) == 1 and _heading_level(text[u.start : u.end]) is not None)
    chaptered = chapter_headings >= 2
    for k, u in enumerate(body_units):
        t = first_text(u)
        level: int | None = None
        heading_text = t
        hs, he = u.start, u.end
        if len(u.lines) == 1 and _is_heading_line(t):
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
            if not book_mode and level == 2:
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
        if not para_start and dateline is None:
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


# ---------------------------------------------------------------------------------------
# Structure given by markup (a web page, a book, Markdown)

TITLE_PART = "title"
HEADING_PART = "heading"
PARAGRAPH_PART = "paragraph"


@dataclass(frozen=True, slots=True)
class Part:
    """A block of a text whose structure the markup gives: the title, a heading (with its
    level, 1 the highest) or a paragraph (with its form). ``[start, end)`` in the text."""

    kind: str
    start: int
    end: int
    level: int = 1
    form: str = PROSE


def structure_from_parts(text: str, parts: list[Part], book: bool = False) -> Structure:
    """The structure of a text whose blocks are known: headings nest by level, paragraphs
    belong to the heading above them. ``book``: the headings are a book's chapters."""
    title = None
    sections: list[_Open] = []
    paragraphs: list[Paragraph] = []
    stack: list[int] = []
    headings = 0
    for part in parts:
        if part.kind == TITLE_PART and title is None and not paragraphs and len(sections) == 0:
            title = Block(part.start, part.end, text[part.start : part.end])
            continue
        if part.kind in (HEADING_PART, TITLE_PART):
            level = max(1, part.level)
            while stack and sections[stack[-1]].level >= level:
                stack.pop()
            heading = Block(part.start, part.end, text[part.start : part.end])
            sections.append(_Open(" ".join(heading.text.split()), level, heading, len(paragraphs), 0, stack[-1] if stack else None))
            stack.append(len(sections) - 1)
            headings += 1
            continue
        if not sections:
            sections.append(_Open(title.text if title else OPENING_SECTION, 1, None, 0, 0, None))
        paragraphs.append(Paragraph(len(paragraphs), part.start, part.end, len(sections) - 1, part.form))
        sections[-1].count += 1
    made = tuple(Section(i, s.title, s.level, s.heading, s.first, s.count, s.parent) for i, s in enumerate(sections))
    return Structure(tuple(paragraphs), made, None, title, None, None, headings if book else 0)
