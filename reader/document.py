"""From a file or an address to a Document: reading, then structure, quotations and speakers."""

from __future__ import annotations

import _thread
import gc
import re
from dataclasses import dataclass

from reader.model import MENTION, Document, Origin, Quote, Rendering, Speaker
from reader.quotes import find_quotes
from reader.speakers import attribute_speakers
from reader.structure import Part, parse_structure, structure_from_parts
from reader.textio import InputError, decode_bytes, read_bytes

# A text this long, or one with book and chapter headings, is read as fiction.
_FICTION_LENGTH = 60_000
# How much of a long text is analysed first, for the app to show while the rest is: more than
# _FICTION_LENGTH, so that the beginning is read as the whole is (as fiction).
PREVIEW_CHARS = 64_000


# While a text is analysed the collector looks at new objects after 50,000 of them instead of
# 700: the analysis makes millions of small objects that hold no reference cycles (a
# collection finds nothing) and that a collection would walk again and again.
_YOUNG_THRESHOLD = 50_000
_gc_lock = _thread.allocate_lock()
_gc_analyses = 0  # analyses running now (threads); the first sets the threshold, the last restores it
_gc_saved: tuple[int, ...] = ()


def _hold_collections(start: bool) -> None:
    global _gc_analyses, _gc_saved
    with _gc_lock:
        if start:
            _gc_analyses += 1
            if _gc_analyses == 1:
                _gc_saved = gc.get_threshold()
                if _gc_saved[0]:  # 0: collection is off, and stays off
                    gc.set_threshold(max(_gc_saved[0], _YOUNG_THRESHOLD), *_gc_saved[1:])
        else:
            _gc_analyses -= 1
            if _gc_analyses == 0:
                gc.set_threshold(*_gc_saved)


def analyse(text: str, markdown: bool = False, warnings: tuple[str, ...] = (), *,
            parts: list[Part] | None = None, book: bool = False, origin: Origin | None = None,
            byline: str | None = None, date: str | None = None) -> Document:
    """Analyse decoded, newline-normalised text. ``parts``: its structure, when markup gave
    it (a web page, a book); ``book``: its headings are a book's chapters. A Markdown text is
    read through its markup: the structure from the parser, quotations and speakers from the
    text with the markup blanked out (``reader.markdown``), offsets into the text itself."""
    _hold_collections(True)
    try:
        return _analyse(text, markdown, warnings, parts, book, origin, byline, date)
    finally:
        _hold_collections(False)


def _analyse(text: str, markdown: bool, warnings: tuple[str, ...], parts: list[Part] | None, book: bool,
             origin: Origin | None, byline: str | None, date: str | None) -> Document:
    rendering: Rendering | None = None
    scan = text  # what the quotation and speaker finders read: the same length as the text
    if markdown:
        from reader.markdown import read_markdown

        md = read_markdown(text)
        parts, rendering, scan = md.parts, md.rendering, md.masked
        byline, date = byline or md.byline, date or md.date
    st = parse_structure(text) if parts is None else structure_from_parts(text, parts, book=book)
    spans = find_quotes(scan, st.paragraphs)
    fiction = book or st.chapter_headings > 0 or len(text) > _FICTION_LENGTH
    attributions, entities = attribute_speakers(scan, st.paragraphs, spans, fiction=fiction)

    # Only entities that speak become speakers; renumber them by first quotation.
    order: dict[int, int] = {}
    for a, s in zip(attributions, spans):
        if a.speaker is not None and s.kind != MENTION and a.speaker not in order:
            order[a.speaker] = len(order)
    counts = [0] * len(order)
    quotes: list[Quote] = []
    group = -1
    prev = None
    for idx in range(len(spans)):
        # Each span and attribution is let go once its Quote is made: the peak memory of a
        # text made of nothing but short quotations holds one of the two, not both.
        a, s = attributions[idx], spans[idx]
        attributions[idx] = spans[idx] = None
        spk = order.get(a.speaker) if a.speaker is not None and s.kind != MENTION else None
        cue, mention = (a.cue, a.mention) if spk is not None else (None, None)
        if spk is None and s.continued and prev is not None and prev[1].paragraph == s.paragraph and prev[0] is not None:
            spk = prev[0]  # the next quotation of a run (`"A. "B."`): the same speaker goes on
        if spk is not None:
            counts[spk] += 1
        same_utterance = (
            prev is not None
            and s.kind != MENTION
            and prev[1].kind != MENTION
            and (s.continued or (s.paragraph == prev[1].paragraph and spk is not None and spk == prev[0]))
        )
        if not same_utterance:
            group += 1
        spoken = s.kind != MENTION and spk is not None
        quotes.append(
            Quote(idx, s.start, s.end, text[s.start : s.end], s.kind, s.paragraph, group, spk,
                  cue if spoken else None, mention if spoken else None,
                  a.mention_start if spoken and mention else None, a.mention_end if spoken and mention else None)
        )
        prev = (spk, s)
    speakers = []
    for ent_index, spk in sorted(order.items(), key=lambda kv: kv[1]):
        e = entities[ent_index]
        speakers.append(Speaker(spk, e.display, e.kind, tuple(e.mentions), counts[spk]))
    return Document(
        text=text,
        paragraphs=st.paragraphs,
        sections=st.sections,
        quotes=tuple(quotes),
        speakers=tuple(speakers),
        kicker=st.kicker,
        title=st.title,
        standfirst=st.standfirst,
        dateline=st.dateline,
        warnings=warnings,
        origin=origin or Origin(format="markdown" if markdown else "text"),
        byline=byline or st.byline,
        date=date,
        rendering=rendering,
    )


@dataclass(frozen=True)
class Source:
    """An input's text, read, decoded (and extracted from its markup), not yet analysed."""

    text: str
    markdown: bool
    warnings: tuple[str, ...] = ()
    origin: Origin = Origin()
    parts: list[Part] | None = None  # the structure, when markup gave it
    byline: str | None = None
    date: str | None = None

    def analyse(self) -> Document:
        return analyse(self.text, markdown=self.markdown, warnings=self.warnings, parts=self.parts,
                       book=self.origin.format == "epub", origin=self.origin, byline=self.byline, date=self.date)

    def preview(self, about: int = PREVIEW_CHARS) -> Document | None:
        """The beginning of a long text analysed on its own: the text up to the first paragraph
        break at or after ``about`` characters, so its offsets are the whole text's. What the app
        shows while the whole is analysed. None when the text is not much longer than that."""
        text = self.text
        if len(text) < 3 * about:
            return None
        cut = text.find("\n\n", about)
        if cut < 0 or cut > 2 * about:
            return None
        parts = None if self.parts is None else [p for p in self.parts if p.end <= cut]
        return analyse(text[:cut], markdown=self.markdown, warnings=self.warnings, parts=parts,
                       book=self.origin.format == "epub", origin=self.origin, byline=self.byline, date=self.date)


_URL = re.compile(r"\Ahttps?://", re.I)
_MARKDOWN_NAMES = (".md", ".markdown", ".mdown", ".mkd")
_HTML_NAMES = (".html", ".htm", ".xhtml", ".shtml")


def is_url(name: str) -> bool:
    return bool(_URL.match(name))


def read_source(path: str) -> Source:
    """Read an input: a file (``-`` for standard input) or an http(s) address; a web page
    or an EPUB book has its text extracted. Raises textio.InputError with one line."""
    if is_url(path):
        from reader.web import fetch

        page = fetch(path)
        return _from_bytes(page.data, path, Origin(file=None, url=page.url), page.kind, page.charset)
    name = "standard input" if path == "-" else path
    data = read_bytes(path, allow_zip=True)
    return _from_bytes(data, name, Origin(file=path), None, None)


def source_from_bytes(data: bytes, path: str) -> Source:
    """The text of a file's bytes, already read, as read_source reads the file."""
    return _from_bytes(data, path, Origin(file=path), None, None)


def _from_bytes(data: bytes, name: str, origin: Origin, kind: str | None, charset: str | None) -> Source:
    """The text of an input's bytes: ``kind`` is what the server said it is (html, epub,
    markdown, text), None for a file (told by its name and its bytes)."""
    from dataclasses import replace

    lower = (origin.file or "").lower()
    if kind == "epub" or data.startswith(b"PK\x03\x04"):
        from reader.epub import read_epub

        book = read_epub(data, name)
        return Source(book.text, False, tuple(book.warnings), replace(origin, format="epub", extracted=True),
                      book.parts, book.byline, book.date)
    from reader.extract import looks_like_html

    html = kind == "html" or kind is None and (lower.endswith(_HTML_NAMES) or looks_like_html(data[:4096].decode("latin-1")))
    decoded = _decode(data, name, charset, html)
    if html or kind is None and looks_like_html(decoded.text):
        from reader.extract import extract_page

        page = extract_page(decoded.text, origin.url)
        return Source(page.text, False, decoded.warnings, replace(origin, format="html", extracted=True,
                      encoding=decoded.encoding), page.parts, page.byline, page.date)
    markdown = kind == "markdown" or kind is None and lower.endswith(_MARKDOWN_NAMES)
    return Source(decoded.text, markdown, decoded.warnings,
                  replace(origin, format="markdown" if markdown else "text", encoding=decoded.encoding))


def _decode(data: bytes, name: str, charset: str | None, html: bool):
    """Bytes to text: a web page in the encoding its server or its <meta> tag declares, when
    that decodes cleanly; anything else as textio.decode_bytes decodes a file."""
    import codecs

    from reader.textio import Decoded, normalise_newlines

    declared = charset or (_declared_charset(data) if html else None)
    if declared:
        try:
            codec = codecs.lookup(declared).name
            if codec in ("latin-1", "iso8859-1", "ascii"):
                codec = "cp1252"  # as browsers read a page that says Latin-1 or ASCII
            text = data.decode(codec)
            return Decoded(normalise_newlines(text.lstrip("\ufeff")), codec)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, name)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def load_document(path: str) -> Document:
    """Read and analyse an input (``-`` for standard input). Raises textio.InputError."""
    return read_source(path).analyse()


__all__ = ["InputError", "Source", "analyse", "is_url", "load_document", "read_source", "source_from_bytes"]
