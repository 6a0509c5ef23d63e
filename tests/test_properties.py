"""Properties of the engine for arbitrary text (hypothesis).

CI runs a bounded number of examples. The long run (documented in the README)::

    READER_PROPERTY_EXAMPLES=20000 uv run pytest tests/test_properties.py

For arbitrary text with random quotation marks, apostrophes, blank lines, control
characters and non-Latin scripts:

- ``analyse`` never raises;
- nothing is lost: every non-whitespace character of the input lies in one of the model's
  text pieces (kicker, title, standfirst, dateline, section headings, paragraphs), and those
  pieces are slices of the text, in order, not overlapping (Markdown: front matter and the
  ``#`` marks of headings aside);
- every quotation span lies inside the text and inside its paragraph, and spans do not overlap;
- the same input gives the same output.
"""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.document import analyse
from reader.model import MENTION, PARTIAL, SPEECH
from reader.markdown import front_matter_end
from reader.textio import normalise_newlines

EXAMPLES = int(os.environ.get("READER_PROPERTY_EXAMPLES", "200"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

# Characters the structure reads as blank although Python does not call them whitespace.
_BLANKISH = "\u200b\ufeff"

TOKENS = [
    '"', "“", "”", "‘", "’", "'", "«", "»", "„", "‹", "›", "‚", "‟", "‛",
    " ", " ", " ", "\n", "\n", "\n\n", "\n\n\n", "\t", "\u00a0", ",", ".", ":", ";", "!", "?", "—", "-", "…",
    "said", " said ", "says", "told reporters", "according to", "he", "she", "they", "the minister",
    "Ann Lee", "Sergey Lavrov", "Lavrov", "Mr. Smith", "Dr Jane Doe", "The Ministry", "Q:", "A:", "ANN:",
    "don't", "it's", "Russia’s", "the '90s", "'em", "farmers’", "rock 'n' roll",
    "CHAPTER I", "Chapter 2", "BOOK ONE", "# ", "## ", "---", "```", "LONDON —", "BEIJING, June 19. /TASS/.",
    "WASHINGTON (Reuters) -", "All news", "World",
    "Москва", "сказал", "北京", "说", "مرحبا", "قال", "שלום", "नमस्ते", "🙂", "e\u0301",
    "\x1b[31m", "\x1b]0;x\x07", "\x00", "\x07", "\x08", "\x7f", "\x85", "\x9b", "\r", "\r\n", "\u2028", "\u2029",
    "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\ufffd", "[bold red]", "[/]", "[link=http://x]",
    "\u3000", "\u2003", "\x1f", "\x1c", "\x0b", "\x0c",
    "word", "Word", "WORDS", "Title Case Line", "the", "and", "of", "a",
]

token_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)), max_size=80).map("".join)
any_text = st.one_of(token_text, st.text(max_size=300), token_text.map(lambda s: s.replace(" ", "\n")))


def _pieces(doc):
    """(start, end, text) of every text piece of the model."""
    out = []
    for b in (doc.kicker, doc.title, doc.standfirst):
        if b is not None:
            out.append((b.start, b.end, b.text))
    for s in doc.sections:
        if s.heading is not None:
            out.append((s.heading.start, s.heading.end, s.heading.text))
    for p in doc.paragraphs:
        out.append((p.start, p.end, doc.text[p.start : p.end]))
    return sorted(out)


def _exempt_markdown(text: str) -> set[int]:
    """Offsets a Markdown reading may leave out: front matter, heading marks, and the lines
    that are markup alone (a setext underline or a rule, an HTML tag, a link definition)."""
    skip = set(range(front_matter_end(text)))
    for m in re.finditer(r"^(?:[^\S\n]|[\ufeff\u200b])*(#{1,6})[ \t]+(.*?)([ \t#]*)$", text, re.M):
        skip.update(range(m.start(1), m.end(1)))
        skip.update(range(m.start(3), m.end(3)))
    # (any mix of blockquote, list, rule and fence marks and blanks is markup alone: ">-" is an
    # empty item in a quotation, "```\u3000```" an empty code span)
    for m in re.finditer(r"^[ \t]*(?:(?:[>\s]|[-=*_+`~])*|<[^\n]*>|\[[^\n]*\]:[^\n]*)[ \t]*$", text, re.M):
        skip.update(range(m.start(), m.end()))
    return skip


def check(raw: str, markdown: bool) -> None:
    text = normalise_newlines(raw)  # what the engine is given: decoded, newline-normalised text
    doc = analyse(text, markdown=markdown)
    assert doc.text == text
    n = len(text)

    # Text pieces: slices of the text, in order, not overlapping, nothing lost.
    pieces = _pieces(doc)
    covered = bytearray(n)
    last_end = 0
    for start, end, piece in pieces:
        assert 0 <= start <= end <= n
        assert piece == text[start:end]
        assert start >= last_end, f"pieces overlap at {start}"
        last_end = end
        covered[start:end] = b"\x01" * (end - start)
    if doc.dateline is not None:
        d = doc.dateline
        assert d.text == text[d.start : d.end] and all(covered[d.start : d.end])
    exempt = _exempt_markdown(text) if markdown else set()
    lost = [i for i, c in enumerate(text) if not covered[i] and not c.isspace() and c not in _BLANKISH
            and i not in exempt]
    assert not lost, f"lost {[text[i] for i in lost[:10]]} at {lost[:10]}"

    # Paragraphs and sections are consistent.
    assert [p.index for p in doc.paragraphs] == list(range(len(doc.paragraphs)))
    for p in doc.paragraphs:
        assert 0 <= p.section < len(doc.sections) and p.start < p.end
    for s in doc.sections:
        assert s.parent is None or 0 <= s.parent < s.index
    assert sum(s.paragraph_count for s in doc.sections) == len(doc.paragraphs)

    # Quotations: inside the text and their paragraph, not overlapping.
    prev_end = -1
    for k, q in enumerate(doc.quotes):
        assert q.index == k
        assert 0 <= q.start < q.end <= n
        assert q.text == text[q.start : q.end]
        para = doc.paragraphs[q.paragraph]
        assert para.start <= q.start and q.end <= para.end, (q, para)
        assert q.start >= prev_end, "quotation spans overlap"
        prev_end = q.end
        assert q.kind in (SPEECH, PARTIAL, MENTION)
        assert q.speaker is None or 0 <= q.speaker < len(doc.speakers)
        if q.kind == MENTION:
            assert q.speaker is None
    for s in doc.speakers:
        assert s.quote_count == sum(q.speaker == s.index for q in doc.quotes)

    # Deterministic.
    assert analyse(text, markdown=markdown) == doc


@SETTINGS
@given(any_text)
@example("")
@example('"')
@example("\x1f0")  # a line indented with a Unicode space was dropped
@example("\u3000日本語の文章です。\n\n\u2003Indented line.")
@example('“Unclosed\n\n“still open\n\nnarration”')
@example("\n\n# \n\n---\n---\n")
@example("CHAPTER I\n\nCHAPTER II\n\nBOOK ONE\n\n'Tis 'em, don't.")
def test_plain_text_properties(text):
    check(text, markdown=False)


@SETTINGS
@given(any_text)
@example("---\ntitle: x\n---\n# Head #\n\n\"Hi,\" said Ann.\n")
@example("# \n#\n## x ##")
@example('\u200b# "')
@example(">-")
@example("```\u3000```")
def test_markdown_properties(text):
    check(text, markdown=True)
