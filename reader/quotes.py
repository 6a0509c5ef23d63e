"""Finding quotations: the spans between quotation marks, told apart from apostrophes.

``find_quotes(text, paragraphs)`` returns ``Span`` records in document order. Double
quotes (straight, curly, low-9), single quotes used as quotation marks and guillemets
are recognised; a quotation nested inside another is part of the outer one; a quotation
whose paragraph ends before it closes continues when the next paragraph opens with a
quotation mark again (the convention for speech over several paragraphs), and otherwise
ends with its paragraph.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

from reader.lexicon import AFTER_SPEECH_VERB, FUNCTION_WORDS
from reader.lexicon import CORE_SPEECH_VERBS as SPEECH_VERBS
from reader.model import MENTION, PARTIAL, SPEECH, Paragraph

_MARK_CHARS = "\"“”„‟‘’'‚‛«»‹›"
_MARKS = re.compile(f"[{_MARK_CHARS}]")

# Mark character -> family. Straight marks are ambiguous and resolved from context.
_DOUBLE = "double"
_SINGLE = "single"
_GUILLEMET = "guillemet"
_FAMILY = {
    '"': _DOUBLE, "“": _DOUBLE, "”": _DOUBLE, "„": _DOUBLE, "‟": _DOUBLE,
    "'": _SINGLE, "‘": _SINGLE, "’": _SINGLE, "‚": _SINGLE, "‛": _SINGLE,
    "«": _GUILLEMET, "»": _GUILLEMET, "‹": _SINGLE, "›": _SINGLE,
}
_OPEN_ONLY = set("“„‟‘‚‛«‹")
_CLOSE_ONLY = set("”’»›")

_OPEN_BEFORE = set(" \t\n([{<—–-/:;\u00a0\"“‘'«„…")  # characters after which a mark opens
_CLOSE_AFTER = set(" \t\n)]}>—–-/,.;:!?…\"”’'»")  # characters before which a mark closes

# Elisions that start with an apostrophe: 'em, 'tis, ’90s, 'n' ...
_ELISION = re.compile(r"['’‘](?:\d0s|\d\d\b|em\b|tis\b|twas\b|twere\b|cause\b|til\b|n\b|n'|s\b|d\b|re\b|ll\b|ve\b|m\b|un\b|ere\b|im\b|er\b|ave\b|ow\b|appen\b|alf\b|e\b|ee\b)", re.I)

_LAST_WORDS = re.compile(r"[A-Za-z]+")


def _speech_verb_near_end(before: str) -> bool:
    """Whether one of the last words before a quotation is a speech verb ('said that', 'told him')."""
    words = [w.lower() for w in _LAST_WORDS.findall(before[-50:])[-4:]]
    for i in range(len(words) - 1, -1, -1):
        if words[i] in SPEECH_VERBS:
            return True
        if words[i] not in _AFTER_VERB:
            return False
    return False


_AFTER_VERB = AFTER_SPEECH_VERB


@dataclass(slots=True)
class Span:
    """A quotation's content span, with its marks and where it stands."""

    start: int
    end: int
    paragraph: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark, None when it ran to the paragraph's end
    kind: str = SPEECH
    continued: bool = False  # continues the previous span (a quotation over several paragraphs)
    continues: bool = False  # goes on in the next paragraph
    label: str | None = None  # the speaker's label of a transcript line ("Q", "HOLLOWAY")
    runs_on: bool = False  # ended without a closing mark where the next quotation of a run opens


def _is_word(c: str) -> bool:
    return c.isalnum()


def _can_open(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if after in " \t\n\u00a0":
        return False
    return before in _OPEN_BEFORE or not (_is_word(before) or before in ".,;!?")


def _can_close(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if before in " \t\n\u00a0":
        return False
    return after in _CLOSE_AFTER or not _is_word(after)


def _double_opens(text: str, i: int, lo: int, hi: int) -> bool:
    """A double mark or guillemet that opens a quotation at the top level."""
    c = text[i]
    if c == "”":
        return False
    if c in "“„‟«":
        return True
    if c == "»":  # »German« style
        return _can_open(text, i, lo, hi)
    return _can_open(text, i, lo, hi) or not _can_close(text, i, lo, hi)


_PAIR = re.compile(r"(?<!')''(?!')")


def _with_pair_marks(text: str) -> str:
    """The text as the mark scanner reads it: two straight apostrophes written as a quotation
    mark (''We will win,'' he said) become one straight double mark and a space, the mark on
    the side of the quotation, so that its content lies between the marks and offsets do not
    move. A pair after a digit (5'' for inches) or between letters is left alone. The text
    itself (and every offset into it) is unchanged: only the scanner reads this copy."""
    if "''" not in text:
        return text
    chars = None
    for m in _PAIR.finditer(text):
        p = m.start()
        before = text[p - 1] if p > 0 else " "
        after = text[p + 2] if p + 2 < len(text) else " "
        if before.isdigit():
            continue
        opens = (before.isspace() or before in "([{—–-/:;") and (after.isalnum() or after in "\"“‘…$(")
        closes = (before.isalnum() or before in ".,;:!?…—–-)\"”’") and (after.isspace() or after in ".,;:!?)]}—–-\"”")
        if opens == closes:
            continue
        if chars is None:
            chars = list(text)
        chars[p], chars[p + 1] = (" ", '"') if opens else ('"', " ")
    return text if chars is None else "".join(chars)


def _doubled(text: str, i: int, lo: int, hi: int) -> bool:
    """Two straight apostrophes in a row ('' as in ditto marks, inches or LaTeX): not a quotation mark."""
    return text[i] == "'" and (i + 1 < hi and text[i + 1] == "'" or i > lo and text[i - 1] == "'")


def _single_opens(text: str, i: int, lo: int, hi: int) -> bool:
    """A single mark that opens a quotation (and is not an apostrophe or elision)."""
    c = text[i]
    if c in _CLOSE_ONLY or _doubled(text, i, lo, hi):
        return False
    if not _can_open(text, i, lo, hi):
        return False
    if _ELISION.match(text, i):
        return False
    return True


def _single_closes(text: str, i: int, lo: int, hi: int) -> bool:
    c = text[i]
    if c in _OPEN_ONLY and c != "‛" or _doubled(text, i, lo, hi):
        return False
    if not _can_close(text, i, lo, hi):
        return False
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    # Apostrophes inside a word (don't, Russia’s) never close.
    if _is_word(before) and _is_word(after):
        return False
    return True


def _is_possessive_plural(text: str, i: int, hi: int) -> bool:
    """`farmers’ fields`: an apostrophe after s, followed by a lower-case word."""
    if not (i > 0 and text[i - 1] in "sS" and i + 2 < hi and text[i + 1] == " " and text[i + 2].islower()):
        return False
    # A possessive is followed by what is owned, not by a function word ("talks’ with ...").
    m = _NEXT_WORD.match(text, i + 2)
    return not (m and m.group() in _FUNCTION_WORDS)


_NEXT_WORD = re.compile(r"[a-z]+")
_FUNCTION_WORDS = FUNCTION_WORDS


# "Q: ...", "A: ...", "HOLLOWAY: ..." at the start of a paragraph: a line of a transcript.
TRANSCRIPT_LABEL = re.compile(r"(?P<label>Q|A|[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,2})[ \t]*:[ \t]+(?=\S)")


def transcript_lines(text: str, paragraphs) -> dict[int, re.Match]:
    """Paragraphs that are lines of an interview transcript, when the text has at least two."""
    found = {}
    for p in paragraphs:
        if text.startswith(("Q", "A"), p.start) or text[p.start : p.start + 2].isupper():
            m = TRANSCRIPT_LABEL.match(text, p.start, p.end)
            if m:
                found[p.index] = m
    return found if len(found) >= 2 else {}


def find_quotes(text: str, paragraphs: tuple[Paragraph, ...] | list[Paragraph]) -> list[Span]:
    text = _with_pair_marks(text)
    spans: list[Span] = []
    carry: Span | None = None  # a quotation left open at the end of the previous paragraph
    carry_family: str | None = None
    transcript = transcript_lines(text, paragraphs)
    for para in paragraphs:
        lo, hi = para.start, para.end
        line = transcript.get(para.index)
        if line is not None:
            # The whole line after the label is the speaker's words; quotation marks inside
            # it are part of them.
            span = _make_span(text, line.end(), hi, para, None)
            span.open_mark = line.start()
            span.label = line.group("label")
            spans.append(span)
            carry = None
            continue
        pending_carry = carry
        carry = None
        marks = _Marks("q", (m.start() for m in _MARKS.finditer(text, lo, hi)))
        run_on = False  # the last quotation ran on into the next one of its run
        curly = text.find("“", lo, hi) >= 0 or text.find("”", lo, hi) >= 0
        last_straight = text.rfind('"', lo, hi)
        k = 0
        # A quotation continued from the previous paragraph: this one opens with a mark again.
        if pending_carry is not None:
            if marks and marks[0] == lo and _FAMILY[text[lo]] == carry_family:
                k = 1
                start = lo + 1
                k, span = _scan_quote(text, marks, k, start, carry_family, para, lo, hi)
                span.continued = True
                spans.append(span)
                if span.close_mark is None:
                    span.continues = True
                    carry, carry_family = span, carry_family
            else:
                pending_carry.continues = False
        while k < len(marks):
            i = marks[k]
            c = text[i]
            fam = _FAMILY[c]
            if fam == _DOUBLE or fam == _GUILLEMET:
                if not _double_opens(text, i, lo, hi) or (c == '"' and i == last_straight and curly):
                    # A straight mark that never closes in a paragraph quoting with curly marks:
                    # it marks the paragraph as an excerpt (each paragraph of a quoted passage
                    # opens with one); the curly quotations inside it are the quotations.
                    k += 1
                    continue
                k, span = _scan_quote(text, marks, k + 1, i + 1, fam, para, lo, hi)
            else:
                if not _single_opens(text, i, lo, hi):
                    k += 1
                    continue
                # A single quote must close within its paragraph, or run on into the next.
                close_k = _find_single_close(text, marks, k + 1, lo, hi)
                if close_k is None and not _next_paragraph_opens_single(text, paragraphs, para):
                    k += 1
                    continue
                k, span = _scan_quote(text, marks, k + 1, i + 1, fam, para, lo, hi)
            if span.close_mark is not None and _hollow(text, span):
                continue  # dropped at once: a paragraph of a million marks makes no span per pair
            if run_on:
                span.continued = True
            run_on = span.runs_on
            spans.append(span)
            if span.runs_on:
                continue  # the next quotation of the run opens at the mark that ended this one
            if span.close_mark is None:
                nxt = para.index + 1
                if nxt < len(paragraphs) and _opens_with_mark(text, paragraphs[nxt], fam):
                    span.continues = True
                    carry, carry_family = span, fam
                break
    spans = [s for s in spans if not _hollow(text, s)]
    for s in spans:
        if s.label is None:
            s.kind = _kind(text, s, paragraphs)
    return spans


# Anything but whitespace and quotation marks: what a quotation must hold at least one of.
_CONTENT = re.compile(f"[^\\s{_MARK_CHARS}]")


def _hollow(text: str, span: Span) -> bool:
    """Marks with nothing between them (``""``, ``“‘’”``): not a quotation. A quotation of
    punctuation alone (``"..."``, ``"?"``) is still one: a speaker can trail off."""
    return _CONTENT.search(text, span.start, span.end) is None


def _opens_with_mark(text: str, para: Paragraph, family: str) -> bool:
    c = text[para.start] if para.start < para.end else ""
    return c in _FAMILY and _FAMILY[c] == family and c not in _CLOSE_ONLY


def _next_paragraph_opens_single(text: str, paragraphs, para: Paragraph) -> bool:
    nxt = para.index + 1
    return nxt < len(paragraphs) and _opens_with_mark(text, paragraphs[nxt], _SINGLE)


class _Marks(array):
    """The offsets of the quotation marks of one paragraph, 8 bytes each (a paragraph made of
    a million marks must not cost a million Python objects), with the index of the next single
    mark that can close a quotation (-1: none), worked out once for the paragraph."""

    next_close: array | None = None


def _find_single_close(text: str, marks: _Marks, k: int, lo: int, hi: int) -> int | None:
    """The mark at or after k that closes a single-quoted quotation (skipping a possessive
    plural like "farmers’ fields" when another closing mark follows)."""
    nc = marks.next_close
    if nc is None:
        nc = array("q", [-1]) * (len(marks) + 1)
        for j in range(len(marks) - 1, -1, -1):
            i = marks[j]
            nc[j] = j if _FAMILY[text[i]] == _SINGLE and _single_closes(text, i, lo, hi) else nc[j + 1]
        marks.next_close = nc
    j = nc[k] if k < len(marks) else -1
    while j >= 0:
        if _is_possessive_plural(text, marks[j], hi) and nc[j + 1] >= 0:
            j = nc[j + 1]
            continue
        return j
    return None


def _scan_quote(text: str, marks, k: int, start: int, family: str, para: Paragraph, lo: int, hi: int):
    """Scan from mark k for the mark that closes a quotation of `family` opened before it.

    Returns the index of the next unread mark and the span.
    """
    nested: str | None = None  # family of a quotation open inside this one
    nested_close_k: int | None = None
    depth = 0  # quotations of the same family open inside this one (curly marks only)
    # Inside “curly” marks, straight "marks" pair up among themselves: a quotation nested
    # in this one, not its end.
    straight_inside = family == _DOUBLE and text[start - 1] in "“„"
    straight_open = False
    while k < len(marks):
        i = marks[k]
        c = text[i]
        fam = _FAMILY[c]
        if straight_inside and c == '"' and (
                straight_open or _can_open(text, i, lo, hi) and _straight_pair_follows(text, marks, k)):
            straight_open = not straight_open
            k += 1
            continue
        if nested is not None:
            if nested == _SINGLE and k == nested_close_k or nested != _SINGLE and fam == nested and _can_close(text, i, lo, hi) and c not in _OPEN_ONLY:
                nested = None
                k += 1
                continue
            if fam == family and _closes(text, i, c, family, lo, hi):
                nested = None  # the inner quotation was left open; the outer one closes here
            else:
                k += 1
                continue
        if fam == family:
            if family == _SINGLE:
                if _single_closes(text, i, lo, hi) and not (
                    _is_possessive_plural(text, i, hi) and _find_single_close(text, marks, k + 1, lo, hi) is not None
                ):
                    return k + 1, _make_span(text, start, i, para, i)
                k += 1
                continue
            if _closes(text, i, c, family, lo, hi):
                if depth:
                    depth -= 1  # closes a quotation of the same kind nested inside
                    k += 1
                    continue
                return k + 1, _make_span(text, start, i, para, i)
            if c in _OPEN_ONLY and c != "»":
                # “... “nested” ...”: curly marks of the same kind can nest.
                depth += 1
                k += 1
                continue
            if c == '"' and _sentence_ends_before(text, i, start):
                # `"A. "B."`: a run of quotations joined into one line without closing marks;
                # this mark opens the next quotation of the run (read again by the caller).
                span = _make_span(text, start, i, para, None)
                span.runs_on = True
                return k, span
            # An opening-looking straight mark inside an open quotation: read it as the close.
            return k + 1, _make_span(text, start, i, para, i)
        # A quotation of another family opening inside: nested.
        if fam == _SINGLE:
            if _single_opens(text, i, lo, hi):
                j = _find_single_close(text, marks, k + 1, lo, hi)
                if j is not None:
                    nested, nested_close_k = _SINGLE, j
        elif _can_open(text, i, lo, hi) and c not in _CLOSE_ONLY:
            nested = fam
        k += 1
    end = hi
    return len(marks), _make_span(text, start, end, para, None)


def _sentence_ends_before(text: str, i: int, start: int) -> bool:
    """Whether a straight mark stands after a finished sentence and a blank, before a word
    (`…end. "Next`): the opening of the next quotation of a run, not a closing mark."""
    j = i - 1
    if j <= start or text[j] not in " \t":
        return False
    while j > start and text[j - 1] in " \t":
        j -= 1
    return (j > start + 1 and text[j - 1] in ".!?…" and i + 1 < len(text) and (text[i + 1].isalnum()
            or text[i + 1] in "‘'"))


def _straight_pair_follows(text: str, marks, k: int) -> bool:
    """Whether the straight mark at k has a straight partner before the next curly close."""
    for j in range(k + 1, len(marks)):
        c = text[marks[j]]
        if c == '"':
            return True
        if c == "”":
            return False
    return False


def _closes(text: str, i: int, c: str, family: str, lo: int, hi: int) -> bool:
    if c == "“":
        # German „...“: an opening-shaped mark in closing position closes.
        return _can_close(text, i, lo, hi) and not _can_open(text, i, lo, hi)
    if c in _OPEN_ONLY and not (family == _GUILLEMET and c == "«"):
        return False
    return _can_close(text, i, lo, hi) or c in _CLOSE_ONLY


def _make_span(text: str, start: int, end: int, para: Paragraph, close: int | None) -> Span:
    s, e = start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(s, e, para.index, start - 1, close)


_WORDS = re.compile(r"\w+(?:['’]\w+)*")


def _kind(text: str, span: Span, paragraphs) -> str:
    """Speech, a partial quotation inside reported speech, or a mention (title, scare quote)."""
    if span.continued or span.continues:
        return SPEECH
    para = paragraphs[span.paragraph]
    before = text[max(para.start, span.open_mark - 100) : span.open_mark].rstrip()
    if before.endswith("="):
        return MENTION  # an attribute's value (author="…"), not a quotation
    at_start = not before or before[-1] in ".!?:;—–-([\"“”'‘’…" or before.endswith(",")
    if at_start and span.end - span.start >= 160:
        return SPEECH  # a long quotation that opens a sentence: the common case (words not counted)
    content = text[span.start : span.end]
    # Only short quotations can be titles or mentions: count words up to a point.
    words = _WORDS.findall(content) if len(content) < 160 else ["…"] * 99
    if at_start and len(words) > 8:
        return SPEECH  # a quotation that opens a sentence
    close = span.close_mark if span.close_mark is not None else span.end
    after = text[close + 1 : min(para.end, close + 100)].lstrip()
    tail = content.rstrip("'’\"”)")
    ends_sentence = tail[-1:] in (".", "!", "?", ",", ";", ":", "…", "—", "–", "-")
    speech_verb_before = _speech_verb_near_end(before)
    if at_start:
        if (not before and not after and 3 <= len(words) <= 8 and _is_title_like(words)
                and not re.search(r"[!?]", content)):
            # A quoted line standing alone in Title Case: a heading, not speech.
            return MENTION
        if not ends_sentence and len(words) <= 3 and not speech_verb_before:
            # "Friends" was a hit; "Blue Hours" came out in May.
            if after and (after[0].isalpha() and not _tag_follows(after)):
                return MENTION
        return SPEECH
    # Embedded in a sentence.
    if _TRAILING_NON_WORD.sub("", content[-12:])[-1:] in ("!", "?") or content.rstrip()[-1:] in ("!", "?"):
        return SPEECH  # an exclamation or a question is an utterance: chanted "What curfew?"
    prev_word = before.rsplit(None, 1)[-1].strip(",:").lower() if before else ""
    if content[:1].isupper() and (prev_word in SPEECH_VERBS or prev_word.endswith("ing") and len(words) > 1):
        return SPEECH  # answered "Undoubtedly;" / announcing "Madame Mila!"
    if speech_verb_before and (content[:1].isupper() or ends_sentence) and len(words) > 2:
        return SPEECH
    if len(words) <= 6 and _is_title_like(words, joiners=True):
        return MENTION  # a title: CBS's "Face the Nation," / the "Contract with America."
    if len(words) <= 4 and not _reported_speech_before(text, para.start, span.open_mark):
        return MENTION  # a "nasty guy", the "13th.", a scare quote
    return PARTIAL


_TRAILING_NON_WORD = re.compile(r"[^\w!?]+$")


def _reported_speech_before(text: str, start: int, mark: int) -> bool:
    """Whether the sentence leading up to a quotation reports speech ('said the yields were ...')."""
    before = text[max(start, mark - 200) : mark]
    cut = max(before.rfind(". "), before.rfind("! "), before.rfind("? "), before.rfind("; "))
    sentence = before[cut + 1 :]
    return "ccording to" in sentence or any(w.lower() in SPEECH_VERBS for w in _LAST_WORDS.findall(sentence))


_TAG_AFTER = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){0,3}(?:he|she|they|I|we|it)?\s*(?:said|says|asked|asks|told|added|replied|"
    r"cried|shouted|exclaimed|whispered|answered|continued|wrote|insisted|explained|noted)\b",
    re.I,
)


def _tag_follows(after: str) -> bool:
    return bool(_TAG_AFTER.match(after[:60]))


def _is_title_like(words: list[str], joiners: bool = False) -> bool:
    """Title Case: the first word and every longer word capitalised ("The 411", "Face the
    Nation"); with ``joiners``, but for the short joining words a title inside a sentence leaves
    in lower case ("The Nightly Show with Larry Wilmore")."""
    if not words or not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in words
               if len(w) > 3 and not (joiners and w in _TITLE_JOINERS))


# Words of four letters or more that Title Case keeps in lower case.
_TITLE_JOINERS = frozenset("with from into onto upon over than like near past".split())
