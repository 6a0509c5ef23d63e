"""Finding the structure of a text: kicker, title, standfirst, dateline, headings, paragraphs.

``parse_structure(text)`` works on the decoded, newline-normalised text and returns
spans into it; it never changes the text.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

from reader.model import PRE, PROSE, Block, Paragraph, Section
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
    form: str = PROSE  # PRE: kept line by line (a table, columns of figures, verse)

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


def _unit(lines: list[tuple[int, int]], form: str = PROSE, text: str | None = None) -> _Unit:
    # A block kept line by line starts at its first line's start: its indent is part of the layout.
    start = lines[0][0] if text is None else text.rfind("\n", 0, lines[0][0]) + 1
    return _Unit(start, lines[-1][1], lines if len(lines) > 1 else None, form)


@dataclass(frozen=True)
class Structure:
    paragraphs: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    kicker: Block | None
    title: Block | None
    standfirst: Block | None
    dateline: Block | None
    chapter_headings: int = 0  # BOOK / PART / CHAPTER headings: a book, most likely
    byline: str | None = None  # the author a Project Gutenberg header names


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


# Two runs of three blanks or tabs between words: a line of aligned columns (prose has a
# double space after a full stop at most).
_COLUMNS = re.compile(r"\S(?: {3,}|\t)\S.*?\S(?: {3,}|\t)\S")


def _indent(text: str, start: int) -> int:
    return start - (text.rfind("\n", 0, start) + 1)


def _split_block(text: str, unit: _Unit, width: int, tables: bool = True) -> list[_Unit]:
    """Split a block into paragraphs: runs of lines in aligned columns (a table, figures)
    kept as they are; a line that starts with an indent in a block whose other lines do
    not opens a paragraph (wire copy, many books); verse (every line indented and short) kept
    line by line; else one paragraph per line unless the lines are hard-wrapped."""
    lines = unit.lines
    if len(lines) == 1:
        return [unit]
    # Columns need three blanks or a tab: a block without either (most prose) has none.
    gap = tables and (text.find("   ", lines[0][0], lines[-1][1]) >= 0 or text.find("\t", lines[0][0], lines[-1][1]) >= 0)
    columns = [bool(_COLUMNS.search(text, s, e)) for s, e in lines] if gap else []
    if gap and sum(columns) >= 2:
        out: list[_Unit] = []
        k = 0
        while k < len(lines):
            j = k
            while j < len(lines) and columns[j] == columns[k]:
                j += 1
            # A lone line without columns between two of them (a note under a table row) stays in the table.
            if columns[k] and j < len(lines) and j + 1 < len(lines) and columns[j + 1]:
                j += 1
                while j < len(lines) and columns[j]:
                    j += 1
            if columns[k] and j - k >= 2 and any(c.isdigit() for c in text[lines[k][0] : lines[j - 1][1]]):
                out.append(_unit(lines[k:j], PRE, text))
            else:
                out.extend(_split_block(text, _unit(lines[k:j]), width, tables=False))
            k = j
        return out
    indents = [_indent(text, s) for s, _ in lines]
    if min(indents) >= 2 and max(e - s for s, e in lines) <= 60 and len(lines) >= 2 and width:
        return [_unit(lines, PRE, text)]  # verse: every line set in, none as long as prose
    indented = [k for k in range(1, len(lines)) if indents[k] >= 2 and indents[k] > indents[k - 1]]
    if indented and sum(1 for i in indents if i >= 2) < len(lines):
        out = []
        first = 0
        for k in indented + [len(lines)]:
            if k > first:
                out.extend(_split_block(text, _unit(lines[first:k]), width) if k - first > 1 else [_unit(lines[first:k])])
            first = k
        return out
    if not width:
        return [_Unit(s, e) for s, e in unit.lines]
    # A line ends its paragraph when the next line's first word would have fitted on it (the
    # text was not wrapped there) and it ends a sentence or is a heading.
    limit = width * 0.75
    out = []
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


# Roman numerals as chapter headings: "IV", "IV.", "II. The Mail" (in a text that has at least two).
_NUMERAL_HEADING = re.compile(r"^(?P<n>[IVXLC]{1,7})(?:\.|\.?$)(?:\s+[A-Z0-9\"'“‘].{0,70})?$")
# What a web page leaves in text pasted from it: share buttons, "Read more", captions and credits.
_DEBRIS = re.compile(
    r"""^(?:(?:facebook|twitter|pinterest|linkedin|whatsapp|reddit|messenger|email|e-mail|share|print|tweet|
        copy\ link|flipboard|tumblr)(?:[\s,|/·•]+|$))+$
      | ^(?:read\ more|related(?:\ (?:articles?|stories|coverage|content|links?|topics))?|advertisement|advertising|
        sponsored(?:\ content)?|more\ on\ this\ story|skip\ advertisement|continue\ reading|you\ may\ also\ like|
        recommended(?:\ for\ you)?|most\ (?:read|popular)|image\ (?:caption|copyright)|media\ caption|
        (?:story|article)\ continues\ below|sign\ up|subscribe|follow\ us)\b
      | (?:^|[\s(])(?:photograph|photo|picture|image|illustration|credit|video)s?(?:\ by)?\s*:
      | \((?:photo|picture|image)s?\ by\b | ^(?:photo|picture)\ by\b
      | (?:/|\b)(?:getty\ images|afp|reuters|ap\ photo|epa|shutterstock|pa\ wire|alamy)\)?$
    """, re.I | re.X)
# A kicker written on the title's line: "Analysis | Kanye West and ...".
_KICKER_IN_TITLE = re.compile(r"^(?P<kicker>[^|]{1,30}?)\s+[|]\s+(?P<title>\S.*)$")


def _is_heading_line(line: str, numerals: bool = False) -> bool:
    """A short line without closing punctuation: a candidate section heading. Never web
    debris, nor a line that runs on with a dash or a colon."""
    line = line.strip()
    if not line or len(line) > 90 or _words(line) > 12:
        return False
    if _BOOK_HEADING.match(line) or _CHAPTER_HEADING.match(line) or numerals and _NUMERAL_HEADING.match(line):
        return True
    if line.endswith(("--", "—", "–", ":-")):
        return False  # "as follows:--": the sentence goes on
    if _TERMINAL.search(line) and not line.endswith(("?", "!")):
        return False
    if line.endswith(("?", "!")) and _words(line) > 8:
        return False
    if _QUOTE_START.match(line) or TRANSCRIPT_LABEL.match(line):
        return False
    first = line[0]
    # Web debris last: its search tries every character of the line, the tests above one each.
    return (first.isupper() or first.isdigit()) and not _DEBRIS.search(line)


def _heading_level(line: str, numerals: int = 0) -> int | None:
    """1 for a book or part, 2 for a chapter; a roman numeral heading (when ``numerals``
    is 2 or 3, the level it is read at) is a chapter, or a section of a chapter in a book
    that has CHAPTER headings too."""
    if _BOOK_HEADING.match(line):
        return 1
    if _CHAPTER_HEADING.match(line):
        return 2
    if numerals and _NUMERAL_HEADING.match(line):
        return numerals
    return None


def _numerals(text: str, units: list[_Unit]) -> int:
    """The level roman numeral headings are read at in this text, or 0: they are headings
    when at least two stand alone on their lines, one of them I."""
    found = [m.group("n") for u in units if u.several is None and (m := _NUMERAL_HEADING.match(text[u.start : u.end]))]
    if len(found) < 2 or "I" not in found:
        return 0
    chapters = any(u.several is None and _CHAPTER_HEADING.match(text[u.start : u.end]) for u in units)
    return 3 if chapters else 2


# (The three stars first, then the look at the character before them (a line's start): the
# search skips from star to star instead of trying every character of every text.)
_GUTENBERG_START = re.compile(r"\*\*\*(?<![^\n]\*\*\*)\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK.*$",
                              re.M | re.I)
_GUTENBERG_END = re.compile(r"^\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK.*$|"
                            r"^End of (?:the )?Project Gutenberg'?s? .*$", re.M | re.I)
_HEADER_FIELD = re.compile(r"^(?P<key>Title|Author):[ \t]*(?P<value>\S[^\n]*?)[ \t]*$", re.M)
_CONTENTS = re.compile(r"^(?:table of )?contents\.?$", re.I)


def _gutenberg(text: str) -> tuple[int, int, Block | None, str | None]:
    """A Project Gutenberg text: where the book starts and ends (its licence header and
    footer aside), and the title and author its header gives. (0, len, None, None) otherwise."""
    start = _GUTENBERG_START.search(text, 0, min(len(text), 100_000))
    if start is None:
        return 0, len(text), None, None
    end = _GUTENBERG_END.search(text, start.end())
    title = author = None
    for m in _HEADER_FIELD.finditer(text, 0, start.start()):
        if m.group("key") == "Title" and title is None:
            title = Block(m.start("value"), m.end("value"), m.group("value"))
        elif m.group("key") == "Author" and author is None:
            author = m.group("value")
    return start.end(), end.start() if end else len(text), title, author


def _contents(text: str, units: list[_Unit]) -> list[_Unit]:
    """A table of contents (a CONTENTS line and the short lines under it) made one
    paragraph kept line by line: it is not a list of sections."""
    for k, u in enumerate(units[:400]):
        if u.several is None and _CONTENTS.match(text[u.start : u.end]):
            j = k + 1
            first = None
            while j < len(units):
                v = units[j]
                lines = v.lines
                if any(e - s > 80 or _words(text[s:e]) > 12 for s, e in lines):
                    break  # prose: the contents have ended
                key = " ".join(text[v.start : v.end].split()[:6]).lower()
                if first is None:
                    first = key
                elif key == first:
                    break  # the first entry again: the book itself begins
                j += 1
            if j - (k + 1) >= 2:
                lines = [line for v in units[k + 1 : j] for line in v.lines]
                return units[: k + 1] + [_unit(lines, PRE, text)] + units[j:]
            return units
    return units


def _is_title_case(s: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", s) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def parse_structure(text: str, markdown: bool = False) -> Structure:
    """The structure of a plain text; of a Markdown text, as its parser reads it (reader.markdown)."""
    if markdown:
        from reader.markdown import read_markdown

        return structure_from_parts(text, read_markdown(text).parts)
    begin, end, book_title, author = _gutenberg(text)
    units = _blocks(text, begin)
    if end < len(text):
        units = [u for u in units if u.start < end]
    width = _wrap_width(units)
    units = [p for u in units for p in _split_block(text, u, width)]
    units = _contents(text, units)
    numerals = _numerals(text, units)

    kicker = title = standfirst = dateline = None
    i = 0
    first_text = lambda u: text[u.start : u.end]  # noqa: E731

    # Kicker and title.
    if book_title is not None:
        title = book_title
    elif units and len(units[0].lines) == 1 and (m := _KICKER_IN_TITLE.match(first_text(units[0]))) \
            and _words(m.group("kicker")) <= 3 and len(units) > 1:
        s0 = units[0].start
        kicker = Block(s0 + m.start("kicker"), s0 + m.end("kicker"), m.group("kicker"))
        title = Block(s0 + m.start("title"), s0 + m.end("title"), m.group("title"))
        i = 1
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
    pre: set[int] = set()  # paragraphs kept line by line
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
        1 for u in body_units if len(u.lines) == 1 and _heading_level(text[u.start : u.end], numerals) is not None)
    chaptered = chapter_headings >= 2
    for k, u in enumerate(body_units):
        t = first_text(u)
        level: int | None = None
        heading_text = t
        hs, he = u.start, u.end
        if len(u.lines) == 1 and u.form == PROSE and _is_heading_line(t, bool(numerals)):
            explicit = _heading_level(t, numerals)
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
            if not book_mode and level >= 2:
                level -= 1
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
        if u.form == PRE:
            pre.add(len(para_start))
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
    made = tuple(Paragraph(n, start, end, section - offset, PRE if n in pre else PROSE)
                 for n, (start, end, section) in enumerate(zip(para_start, para_end, para_section)))
    return Structure(made, tuple(out_sections), kicker, title, standfirst, dateline, chapter_headings, author)


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
