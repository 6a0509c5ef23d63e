"""The document model: what the engine finds in a text, as plain frozen dataclasses.

All offsets are character offsets into ``Document.text``: the decoded text with line
endings normalised to ``\\n``. Spans are half-open ``[start, end)``.

A document can hold hundreds of thousands of paragraphs and quotations, so the records made
for each have ``__slots__`` (no per-instance dictionary).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Kinds of quotation.
SPEECH = "speech"  # someone's words
PARTIAL = "partial"  # a quoted fragment inside reported speech
MENTION = "mention"  # a title, nickname or scare quote: not speech

# Kinds of speaker.
PERSON = "person"
ORGANISATION = "organisation"

# Forms of paragraph: how it is laid out.
PROSE = ""  # reflowed to the width of the screen
PRE = "pre"  # kept line by line: a table, a column of figures, a poem, code
ITEM = "item"  # an item of a list
BLOCKQUOTE = "blockquote"  # a quoted passage set off from the text


@dataclass(frozen=True, slots=True)
class Block:
    """A single piece of text with a role: the kicker, title, standfirst or dateline."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of body text: ``Document.text[start:end]`` (hard wraps kept).

    The first paragraph of a news story may begin with the dateline.
    """

    index: int
    start: int
    end: int
    section: int  # index into Document.sections
    form: str = PROSE  # PROSE, PRE, ITEM or BLOCKQUOTE

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Section:
    """A section of the document: a heading and the paragraphs under it.

    ``level`` is 1 for a top-level heading (a book, a Markdown ``#``), deeper for nested
    headings. ``parent`` is the index of the enclosing section or ``None``. The first
    section of a document may have no heading in the text (``heading`` is ``None``);
    its ``title`` is then a name for the reader.
    """

    index: int
    title: str
    level: int
    heading: Block | None
    first_paragraph: int  # index of its first paragraph
    paragraph_count: int  # paragraphs directly under this heading (subsections excluded)
    parent: int | None = None

    @property
    def paragraphs(self) -> range:
        return range(self.first_paragraph, self.first_paragraph + self.paragraph_count)


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation span: the content between the marks (marks excluded).

    A quotation interrupted by its attribution (``"A," she said, "B."``) or running over
    several paragraphs is several ``Quote`` records sharing one ``group``.
    """

    index: int
    start: int
    end: int
    text: str
    kind: str  # SPEECH, PARTIAL or MENTION
    paragraph: int  # index of the paragraph that holds the start
    group: int  # quotes of one utterance share a group number
    speaker: int | None = None  # index into Document.speakers
    cue: str | None = None  # the verb or phrase that attributed it: "said", "according to"
    # The words in the text that named the speaker ("he", "the minister", "Lavrov") and where
    # they stand; None when turn-taking or a continuation attributed it.
    mention: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None


@dataclass(frozen=True, slots=True)
class Speaker:
    """A person or organisation quoted in the document."""

    index: int
    name: str  # canonical: the fullest form used in the text
    kind: str  # PERSON or ORGANISATION
    mentions: tuple[str, ...]  # every form that referred to them, in order of first use
    quote_count: int = 0


@dataclass(frozen=True)
class Origin:
    """Where a document's text came from."""

    format: str = "text"  # text, markdown, html or epub
    file: str | None = None  # the file read ("-" for standard input), None for a URL
    url: str | None = None  # the address fetched, after redirects
    extracted: bool = False  # the text was extracted from markup (a web page, a book), not the file as it is
    encoding: str | None = None  # the encoding the bytes were decoded from

    @property
    def as_read(self) -> bool:
        """A plain text file read as it is, in UTF-8 (or ASCII): nothing to say about it."""
        return (self.format == "text" and self.url is None and not self.extracted
                and self.encoding in (None, "utf-8", "ascii"))


@dataclass(frozen=True, slots=True)
class Styled:
    """A span of the text drawn in a style: ``emphasis``, ``strong``, ``code`` or ``link``
    (``target`` holds the link's address)."""

    start: int
    end: int
    style: str
    target: str | None = None


@dataclass(frozen=True)
class Rendering:
    """How a marked-up text (Markdown) is drawn: the characters of markup left out, the
    characters shown that the text does not have (a list's bullet), and the styled spans.
    Offsets are into ``Document.text``; ``reader.markdown.rendered`` applies it."""

    hidden: tuple[tuple[int, int], ...] = ()  # sorted, disjoint [start, end) ranges not shown
    inserted: tuple[tuple[int, str], ...] = ()  # (offset, text shown before the character there)
    styles: tuple[Styled, ...] = ()


@dataclass(frozen=True)
class Document:
    text: str
    paragraphs: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    quotes: tuple[Quote, ...]
    speakers: tuple[Speaker, ...]
    kicker: Block | None = None
    title: Block | None = None
    standfirst: Block | None = None
    dateline: Block | None = None
    warnings: tuple[str, ...] = field(default=())
    origin: Origin = field(default_factory=Origin)
    byline: str | None = None  # the author, as the page or book names them
    date: str | None = None  # the date of publication, as YYYY-MM-DD when known
    rendering: Rendering | None = None  # how to draw a marked-up text; None: as it is
    styles: tuple[Styled, ...] = ()  # styled spans of the text as drawn

    def paragraph_text(self, index: int) -> str:
        p = self.paragraphs[index]
        return self.text[p.start : p.end]

    def speaker_of(self, quote: Quote) -> Speaker | None:
        return None if quote.speaker is None else self.speakers[quote.speaker]

    def section_of_paragraph(self, index: int) -> Section:
        return self.sections[self.paragraphs[index].section]

    def section_counts(self) -> list[tuple[int, int]]:
        """Paragraphs and quotations (speech and partial) in each section, subsections included."""
        paragraphs = [s.paragraph_count for s in self.sections]
        quotes = [0] * len(self.sections)
        for q in self.quotes:
            if q.kind != MENTION:
                quotes[self.paragraphs[q.paragraph].section] += 1
        for sec in reversed(self.sections):  # subsections come after their parents
            if sec.parent is not None:
                paragraphs[sec.parent] += paragraphs[sec.index]
                quotes[sec.parent] += quotes[sec.index]
        return list(zip(paragraphs, quotes))

    @property
    def is_empty(self) -> bool:
        return not self.paragraphs and self.title is None
