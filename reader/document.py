"""From text to a Document: structure, quotations and speakers together."""

from __future__ import annotations

import _thread
import gc
from dataclasses import dataclass

from reader.model import MENTION, Document, Quote, Speaker
from reader.quotes import find_quotes
from reader.speakers import attribute_speakers
from reader.structure import parse_structure
from reader.textio import read_text

# A text this long, or one with book and chapter headings, is read as fiction.
_FICTION_LENGTH = 60_000


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


def analyse(text: str, markdown: bool = False, warnings: tuple[str, ...] = ()) -> Document:
    """Analyse decoded, newline-normalised text."""
    _hold_collections(True)
    try:
        return _analyse(text, markdown, warnings)
    finally:
        _hold_collections(False)


def _analyse(text: str, markdown: bool, warnings: tuple[str, ...]) -> Document:
    st = parse_structure(text, markdown=markdown)
    spans = find_quotes(text, st.paragraphs)
    fiction = st.chapter_headings > 0 or len(text) > _FICTION_LENGTH
    attributions, entities = attribute_speakers(text, st.paragraphs, spans, fiction=fiction)

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
                  a.cue if spoken else None, a.mention if spoken else None,
                  a.mention_start if spoken else None, a.mention_end if spoken else None)
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
    )


@dataclass(frozen=True)
class Source:
    """A file's text, read and decoded, not yet analysed."""

    text: str
    markdown: bool
    warnings: tuple[str, ...] = ()

    def analyse(self) -> Document:
        return analyse(self.text, markdown=self.markdown, warnings=self.warnings)


def read_source(path: str) -> Source:
    """Read and decode a file (``-`` for standard input). Raises textio.InputError."""
    decoded = read_text(path)
    return Source(decoded.text, path.lower().endswith((".md", ".markdown")), decoded.warnings)


def load_document(path: str) -> Document:
    """Read and analyse a file (``-`` for standard input). Raises textio.InputError."""
    return read_source(path).analyse()
