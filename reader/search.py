"""Matching speakers and quotations against what a person types.

Shared by the command line (``--speaker``, ``--search``) and the app's quote search.
Matching is case-insensitive and accent-insensitive; a typed word matches a word it equals,
a word it begins (from three letters on), or a word with the same first letter within one
typing slip (two for words of seven letters or more).

The words of a document's quotations and speakers are indexed once per document, so a
search over a whole novel answers as fast as a person types.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from dataclasses import dataclass

from reader.model import Document, Quote, Speaker

_WORD = re.compile(r"\w+")


def fold(s: str) -> str:
    """Lower-case and strip accents: "Schérer" -> "scherer"."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def words(s: str) -> list[str]:
    return _WORD.findall(fold(s))


def _edit_distance_at_most(a: str, b: str, limit: int) -> bool:
    """Whether the Levenshtein distance between a and b is at most limit."""
    if abs(len(a) - len(b)) > limit:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            best = min(best, cur[j])
        if best > limit:
            return False
        prev = cur
    return prev[-1] <= limit


def _slip_limit(query: str) -> int:
    return 0 if len(query) < 4 else 1 if len(query) < 7 else 2


SLIP = 0.6  # the score of a word one or two typing slips away from the word typed


def word_matches(query: str, word: str) -> float:
    """How well one typed word matches one word of a name or quote (0 = not at all)."""
    if word == query:
        return 1.0
    if len(query) >= 3 and word.startswith(query):
        return 0.8
    limit = _slip_limit(query)
    if limit and word[:1] == query[:1] and _edit_distance_at_most(query, word, limit):
        return SLIP
    return 0.0


def as_typed_first(found: dict[str, float]) -> dict[str, float]:
    """The words of a text that a typed word matches, slips dropped when the text holds the
    word as typed or a word it begins: "wall" finds "wall" and "walls", not "will"; a slip
    is the reading of a word that is not there ("sanctoins")."""
    if any(score > SLIP for score in found.values()):
        return {w: score for w, score in found.items() if score > SLIP}
    return found


class _Vocabulary:
    """Distinct words, grouped by first letter, with the matches of each typed word cached."""

    def __init__(self, all_words) -> None:
        self.by_initial: dict[str, list[str]] = {}
        for w in set(all_words):
            self.by_initial.setdefault(w[:1], []).append(w)
        self._cache: dict[str, dict[str, float]] = {}

    def matches(self, query: str) -> dict[str, float]:
        found = self._cache.get(query)
        if found is None:
            found = {}
            for w in self.by_initial.get(query[:1], ()):
                score = word_matches(query, w)
                if score:
                    found[w] = score
            if len(self._cache) > 4096:
                self._cache.clear()
            self._cache[query] = found
        return found


def _form_score(form_words: list[str], query_words: list[str], match) -> float:
    """The share of query words that a name form matches (0 when any query word is unmatched,
    or when there is no query word at all)."""
    if not query_words:
        return 0.0
    total = 0.0
    for qw in query_words:
        m = match(qw)
        s = max((m.get(x, 0.0) for x in form_words), default=0.0)
        if s == 0.0:
            return 0.0
        total += s
    return total / len(query_words)


def _speaker_forms(speaker: Speaker) -> list[list[str]]:
    return [words(form) for form in (speaker.name, *speaker.mentions)]


def _score_speaker(forms: list[list[str]], query_words: list[str], match) -> float:
    best = 0.0
    for n, fw in enumerate(forms):
        if not fw:
            continue
        score = _form_score(fw, query_words, match)
        if n == 0 and score > 0:
            score += 0.01  # the canonical name wins ties
        best = max(best, score)
    return best


class _Index:
    """A document's quotations and speakers, folded into words once."""

    def __init__(self, doc: Document) -> None:
        # Each word's quotations, in order. (Kept lean: a long book has thousands of quotations,
        # and the index lives as long as the document is open.)
        self.postings: dict[str, list[int]] = {}
        for q in doc.quotes:
            for w in set(words(q.text)):
                self.postings.setdefault(w, []).append(q.index)
        self.speaker_forms = {s.index: _speaker_forms(s) for s in doc.speakers}
        self.quote_vocab = _Vocabulary(self.postings)
        self.speaker_vocab = _Vocabulary(w for forms in self.speaker_forms.values() for fw in forms for w in fw)
        self._quotes = doc.quotes
        self._folded: dict[int, str] = {}

    def folded(self, index: int) -> str:
        f = self._folded.get(index)
        if f is None:
            f = self._folded[index] = fold(self._quotes[index].text)
        return f

    def speaker_scores(self, query_words: list[str]) -> dict[int, float]:
        scores: dict[int, float] = {}
        if not query_words:
            return scores
        for idx, forms in self.speaker_forms.items():
            s = _score_speaker(forms, query_words, self.speaker_vocab.matches)
            if s > 0:
                scores[idx] = s
        return scores

    def text_scores(self, query: str, query_words: list[str]) -> dict[int, float]:
        """For every quotation matching a query word: the share of query words it matches (a
        slip or a prefix counting less), plus a half when it holds the exact phrase."""
        best: dict[int, float] = {}
        for qw in query_words:
            per_quote: dict[int, float] = {}
            for w, s in as_typed_first(self.quote_vocab.matches(qw)).items():
                for qi in self.postings[w]:
                    if s > per_quote.get(qi, 0.0):
                        per_quote[qi] = s
            for qi, s in per_quote.items():
                best[qi] = best.get(qi, 0.0) + s
        phrase = fold(query).strip()
        scores: dict[int, float] = {}
        if not query_words:
            return scores
        for qi, found in best.items():
            score = found / len(query_words)
            if phrase and phrase in self.folded(qi):
                score += 0.5  # the exact phrase
            scores[qi] = score
        return scores


_INDEXES: dict[int, tuple[weakref.ref, _Index]] = {}


def _index_for(doc: Document) -> _Index:
    entry = _INDEXES.get(id(doc))
    if entry is not None and entry[0]() is doc:
        return entry[1]
    index = _Index(doc)
    key = id(doc)
    _INDEXES[key] = (weakref.ref(doc, lambda _ref, key=key: _INDEXES.pop(key, None)), index)
    return index


def speakers_matching(doc: Document, query: str) -> list[Speaker]:
    q = words(query)
    if not q:
        return []
    scores = _index_for(doc).speaker_scores(q)
    return [doc.speakers[i] for i in sorted(scores, key=lambda i: (-scores[i], i))]


def closest_speakers(doc: Document, query: str, limit: int = 3) -> list[tuple[float, Speaker]]:
    """The speakers whose names look most like ``query`` (for "did you mean"), most alike
    first: each speaker scored by the best of their names, their mentions and the single
    words of those, letter by letter."""
    from difflib import SequenceMatcher

    typed = " ".join(words(query))
    if not typed:
        return []
    scored = []
    for speaker, forms in _index_for(doc).speaker_forms.items():
        candidates = {" ".join(fw) for fw in forms if fw} | {w for fw in forms for w in fw}
        best = max((SequenceMatcher(None, typed, c).ratio() for c in candidates), default=0.0)
        scored.append((best, doc.speakers[speaker]))
    scored.sort(key=lambda t: (-t[0], -t[1].quote_count, t[1].index))
    return scored[:limit]


@dataclass(frozen=True)
class Hit:
    quote: Quote
    score: float


_SPEAKER_PREFIX = re.compile(r"\s*speaker:", re.I)


def parse_query(query: str, doc: Document | None = None) -> tuple[str | None, str]:
    """Split ``speaker:NAME words`` into the speaker part and the rest.

    ``speaker:"Full Name" words`` and ``speaker:'Full Name' words`` quote the name (a quote
    not yet closed takes everything after it: the name is still being typed). Unquoted, the
    name is the longest run of the words after ``speaker:`` that a speaker of ``doc`` answers
    to (``speaker:Helena Saraiva bridge``: the name "Helena Saraiva", the words "bridge"),
    with the same tolerance for slips as one word; without a document, or when no speaker
    answers, it is the first word. The speaker part may hold no word at all
    (``speaker:"``, ``speaker:-``): it then narrows nothing."""
    m = _SPEAKER_PREFIX.match(query)
    if m is None:
        return None, query
    after = query[m.end():]
    if after[:1] in ("\"", "'"):
        mark = after[0]
        close = after.find(mark, 1)
        if close < 0:
            return after[1:], ""
        return after[1:close], after[close + 1:].strip()
    tokens = after.split()
    if not tokens:
        return "", ""
    take = 1
    if doc is not None and len(tokens) > 1:
        index = _index_for(doc)
        for n in range(len(tokens), 1, -1):
            if index.speaker_scores(words(" ".join(tokens[:n]))):
                take = n
                break
    return " ".join(tokens[:take]), " ".join(tokens[take:])


def search_quotes(doc: Document, query: str, quotes: list[Quote] | tuple[Quote, ...] | None = None) -> list[Hit]:
    """Rank quotations for a query: a speaker named by the query first, then the quote's words.

    ``speaker:NAME words`` narrows to one speaker.
    """
    pool = doc.quotes if quotes is None else quotes
    index = _index_for(doc)
    speaker_part, rest = parse_query(query, doc)
    hits: list[Hit] = []
    if speaker_part is not None and not words(speaker_part):
        speaker_part, query = None, rest  # ``speaker:`` with no name yet narrows nothing
    if speaker_part is not None:
        wanted = index.speaker_scores(words(speaker_part))
        rest_words = words(rest)
        texts = index.text_scores(rest, rest_words) if rest_words else {}
        for q in pool:
            if q.speaker is None or q.speaker not in wanted:
                continue
            ts = texts.get(q.index, 0.0) if rest_words else 1.0
            if rest_words and ts <= 0:
                continue
            hits.append(Hit(q, wanted[q.speaker] + ts))
    else:
        query_words = words(query)
        if not query_words:
            return [Hit(q, 0.0) for q in pool]
        by_speaker = index.speaker_scores(query_words)
        texts = index.text_scores(query, query_words)
        for q in pool:
            ss = by_speaker.get(q.speaker, 0.0) if q.speaker is not None else 0.0
            score = max(2.0 * ss, texts.get(q.index, 0.0))  # naming a speaker ranks their quotes first
            if score >= 0.5:
                hits.append(Hit(q, score))
    hits.sort(key=lambda h: (-h.score, h.quote.index))
    return hits
