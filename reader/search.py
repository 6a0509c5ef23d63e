"""Matching speakers and quotations against what a person types.

Shared by the command line (``--speaker``, ``--search``) and the app's quote search.
Matching is case-insensitive, accent-insensitive and tolerates small misspellings.
"""

from __future__ import annotations

import re
import unicodedata
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


def word_matches(query: str, word: str) -> float:
    """How well one typed word matches one word of a name or quote (0 = not at all)."""
    if word == query:
        return 1.0
    if len(query) >= 3 and word.startswith(query):
        return 0.8
    limit = 0 if len(query) < 4 else 1 if len(query) < 7 else 2
    if limit and _edit_distance_at_most(query, word, limit):
        return 0.6
    return 0.0


def speaker_score(speaker: Speaker, query: str) -> float:
    """How well a query names a speaker, by any of their names or mentions (0 = not at all)."""
    q = words(query)
    if not q:
        return 0.0
    best = 0.0
    for form in (speaker.name, *speaker.mentions):
        w = words(form)
        if not w:
            continue
        total = 0.0
        for qw in q:
            s = max((word_matches(qw, x) for x in w), default=0.0)
            if s == 0.0:
                total = 0.0
                break
            total += s
        score = total / len(q)
        if form == speaker.name and score > 0:
            score += 0.01  # the canonical name wins ties
        best = max(best, score)
    return best


def speakers_matching(doc: Document, query: str) -> list[Speaker]:
    scored = [(speaker_score(s, query), s) for s in doc.speakers]
    return [s for score, s in sorted(scored, key=lambda x: (-x[0], x[1].index)) if score > 0]


def text_score(quote_text: str, query: str) -> float:
    """How well a quote's words match the query's words: the share of query words found."""
    q = words(query)
    if not q:
        return 0.0
    w = words(quote_text)
    if not w:
        return 0.0
    found = 0.0
    for qw in q:
        found += max((word_matches(qw, x) for x in w), default=0.0)
    score = found / len(q)
    if fold(query).strip() in fold(quote_text):
        score += 0.5  # the exact phrase
    return score


@dataclass(frozen=True)
class Hit:
    quote: Quote
    score: float


def parse_query(query: str) -> tuple[str | None, str]:
    """Split ``speaker:NAME words`` into the speaker part and the rest."""
    m = re.match(r"\s*speaker:(\"[^\"]*\"|\S+)\s*(.*)$", query, re.I)
    if m:
        return m.group(1).strip('"'), m.group(2)
    return None, query


def search_quotes(doc: Document, query: str, quotes: list[Quote] | tuple[Quote, ...] | None = None) -> list[Hit]:
    """Rank quotations for a query: a speaker named by the query first, then the quote's words.

    ``speaker:NAME words`` narrows to one speaker.
    """
    pool = doc.quotes if quotes is None else quotes
    speaker_part, rest = parse_query(query)
    hits: list[Hit] = []
    if speaker_part is not None:
        wanted = {s.index: speaker_score(s, speaker_part) for s in doc.speakers}
        for q in pool:
            if q.speaker is None or wanted.get(q.speaker, 0) <= 0:
                continue
            ts = text_score(q.text, rest) if rest.strip() else 1.0
            if rest.strip() and ts <= 0:
                continue
            hits.append(Hit(q, wanted[q.speaker] + ts))
    else:
        if not words(query):
            return [Hit(q, 0.0) for q in pool]
        by_speaker = {s.index: speaker_score(s, query) for s in doc.speakers}
        for q in pool:
            ss = by_speaker.get(q.speaker, 0.0) if q.speaker is not None else 0.0
            ts = text_score(q.text, query)
            score = max(2.0 * ss, ts)  # a query that names a speaker ranks their quotes first
            if score >= 0.5:
                hits.append(Hit(q, score))
    hits.sort(key=lambda h: (-h.score, h.quote.index))
    return hits
