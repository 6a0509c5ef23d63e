"""Attributing quotations to speakers.

``attribute_speakers(text, paragraphs, spans, fiction)`` finds, for each quotation, the
phrase that attributes it (``"Q," the minister said`` / ``said Anna`` / ``NAME said:`` /
``According to NAME``), resolves names, descriptions and pronouns to one entity per
person or organisation, and fills the gaps: a quotation with no tag continues the
speaker of the one before it in the same paragraph; in news an untagged paragraph of
quotation continues the previous speaker; in fiction untagged dialogue alternates
between the last two speakers. A quotation with no recoverable speaker gets none.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from reader.lexicon import (
    DESCRIPTOR_WORDS,
    HONORIFICS,
    NOT_NAMES,
    ORGANISATION_WORDS,
    PERSON_NOUNS_FEMALE,
    PERSON_NOUNS_MALE,
    PRONOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
)
from reader.model import MENTION, ORGANISATION, PERSON, Paragraph
from reader.quotes import Span

# ---------------------------------------------------------------------------------------
# Phrases

_VERB = r"(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")(?:\s+(?:on|in|out|up))?"
_UPPER = r"[A-ZÀ-ÖØ-Þ]"
_NAMEWORD = rf"(?:{_UPPER}[\w'’\-]*\.?|{_UPPER}\.)"
_PARTICLE = r"(?:de|da|di|del|van|von|der|den|la|le|du|bin|al|ibn|y)"
_NAME = rf"{_NAMEWORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAMEWORD}){{0,5}}"
_DET = r"(?:the|a|an|his|her|their|its|our|my|one|another|this|that|some|[A-Z][\w\-]*['’]s)"
_DESC = rf"(?:{_DET}\s+(?:[\w\-]+\s+){{0,3}}?[a-z][\w\-]*)"
_PRONOUN = r"(?:he|she|they|I|we|He|She|They|We)"
_NP = rf"(?:{_PRONOUN}|{_NAME}(?:,\s+(?:{_DESC}|a\s[\w\s\-]+?),)?|{_DESC}(?:\s+{_NAME})?)"
_ADVERB = r"(?:\w+ly|then|again|also|now|later|once|still|simply|too|finally|quietly|softly)"

# "Q," NAME said / "Q," said NAME / "Q," he added.
_TAG_AFTER_SUBJECT_FIRST = re.compile(
    rf"^[\s,]*(?:[—–-]+\s*)?(?P<np>{_NP})\s+(?:{_ADVERB}\s+)?(?:(?:has|had|was|would|will|then)\s+)?(?P<verb>{_VERB})\b"
)
_TAG_AFTER_VERB_FIRST = re.compile(
    rf"^[\s,]*(?:[—–-]+\s*)?(?:{_ADVERB}\s+)?(?P<verb>{_VERB})\s+(?:{_ADVERB}\s+)?(?P<np>{_NP})(?=[\s,.;:!?—–\-\"'“”‘’)]|$)"
)
# NAME said: "Q" / NAME told reporters, "Q" / the ministry said in a statement: "Q".
_TAG_BEFORE = re.compile(
    rf"(?:^|[.!?;]\s+|[,—–]\s*|\band\s+|\bbut\s+|\bas\s+|\bwhen\s+)(?P<np>{_NP})\s+(?:{_ADVERB}\s+)?"
    rf"(?:(?:has|had|was|would|will|then)\s+)?(?P<verb>{_VERB})\b(?P<rest>[^.!?\"“”]{{0,80}}?)[:,.]?\s*$"
)
_TAG_BEFORE_VERB_FIRST = re.compile(
    rf"(?:^|[.!?;]\s+)(?P<verb>{_VERB})\s+(?P<np>{_NP})\s*[:,.]?\s*$"
)
_ACCORDING = re.compile(rf"\b(?P<verb>[Aa]ccording to)\s+(?P<np>{_NP})")
_TRANSCRIPT = re.compile(rf"^(?P<np>(?:{_UPPER}[\w.'’\-]*)(?:\s+{_UPPER}[\w.'’\-]*){{0,3}}|Q|A)\s*:\s+\S")


@dataclass
class Entity:
    index: int
    kind: str = PERSON
    cores: list[tuple[str, ...]] = field(default_factory=list)  # name tokens without titles
    titles: set[str] = field(default_factory=set)  # lower-cased title and description words
    gender: str | None = None
    gender_votes: list[int] = field(default_factory=lambda: [0, 0])
    mentions: list[str] = field(default_factory=list)
    display: str = ""  # fullest form seen
    display_rank: tuple[int, int] = (0, 0)

    def add_mention(self, s: str) -> None:
        if s not in self.mentions:
            self.mentions.append(s)

    def best_gender(self) -> str | None:
        if self.gender:
            return self.gender
        m, f = self.gender_votes
        if m >= 2 * f + 1:
            return "m"
        if f >= 2 * m + 1:
            return "f"
        return None


@dataclass
class Attribution:
    speaker: int | None = None
    cue: str | None = None
    explicit: bool = False


def _clean(np: str) -> str:
    return np.strip().strip(",").strip()


def _tokens(s: str) -> list[str]:
    return s.replace("’", "'").split()


def _split_name(np: str) -> tuple[list[str], list[str], str | None]:
    """Split "Russian Foreign Minister Sergey Lavrov" into titles, core name tokens, gender."""
    toks = _tokens(np)
    titles: list[str] = []
    gender = None
    i = 0
    while i < len(toks) - 1 or (i < len(toks) and toks[i].lower().rstrip(".") in HONORIFICS and False):
        low = toks[i].lower().rstrip(",")
        if low in TITLE_WORDS or low.rstrip(".") in TITLE_WORDS or low in DESCRIPTOR_WORDS or low.endswith("'s"):
            titles.append(low.rstrip("."))
            g = HONORIFICS.get(low) or HONORIFICS.get(low.rstrip("."))
            if g:
                gender = g
            i += 1
            continue
        break
    core = toks[i:]
    return titles, core, gender


class Registry:
    """The people and organisations of one document."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.by_core: dict[tuple[str, ...], list[int]] = {}
        self.by_token: dict[str, list[int]] = {}

    def _new(self) -> Entity:
        e = Entity(len(self.entities))
        self.entities.append(e)
        return e

    def _gender_ok(self, e: Entity, gender: str | None) -> bool:
        g = e.best_gender()
        return not (gender and g and gender != g)

    def _index(self, e: Entity, core: tuple[str, ...]) -> None:
        if core not in e.cores:
            e.cores.append(core)
            self.by_core.setdefault(core, []).append(e.index)
            for t in core:
                if t.lower() not in self.by_token.get(t, ()):
                    self.by_token.setdefault(t, []).append(e.index)

    def find_name(self, np: str, recent: list[int] | None = None) -> Entity | None:
        titles, core, gender = _split_name(np)
        if not core:
            return None
        key = tuple(core)
        cands = [self.entities[i] for i in self.by_core.get(key, [])]
        if not cands:
            # A part of a known name: "Lavrov" ~ "Sergey Lavrov", "Anna Pavlovna" ~ "Anna Pavlovna Scherer".
            pool = set()
            for t in core:
                pool.update(self.by_token.get(t, []))
            cands = [self.entities[i] for i in pool if any(_contains(c, key) for c in self.entities[i].cores)]
        cands = [e for e in cands if self._gender_ok(e, gender)]
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        order = {idx: n for n, idx in enumerate(reversed(recent or []))}
        cands.sort(key=lambda e: order.get(e.index, 10**9))
        return cands[0]

    def add_name(self, np: str, kind: str = PERSON, recent: list[int] | None = None) -> Entity:
        np = _clean(np)
        titles, core, gender = _split_name(np)
        e = self.find_name(np, recent)
        if e is None:
            e = self._new()
            e.kind = kind
        if gender and not e.gender:
            e.gender = gender
        e.titles.update(titles)
        self._index(e, tuple(core))
        honorific = [t for t in _tokens(np)[: len(titles)] if t.lower().rstrip(".") in HONORIFICS]
        display = " ".join(core)
        if len(core) == 1 and honorific:
            display = f"{honorific[-1]} {display}"
        rank = (len(core), -len(e.cores))
        if rank > e.display_rank or not e.display:
            e.display, e.display_rank = display, (len(core), 0)
        e.add_mention(np)
        return e

    def add_description(self, desc: str, kind: str) -> Entity:
        e = self._new()
        e.kind = kind
        words = [w.lower() for w in _tokens(desc)]
        e.titles.update(words[1:])
        e.display = desc
        e.add_mention(desc)
        head = words[-1]
        if head in PERSON_NOUNS_MALE:
            e.gender = "m"
        elif head in PERSON_NOUNS_FEMALE:
            e.gender = "f"
        return e


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    if n > len(big):
        return False
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


# ---------------------------------------------------------------------------------------


def _np_kind(np: str) -> str:
    first = np.split()[0]
    if np in ("he", "she", "they", "I", "we", "He", "She", "They", "We"):
        return "pronoun"
    low = first.lower()
    if low in ("the", "a", "an", "his", "her", "their", "its", "our", "my", "one", "another", "this", "that", "some"):
        rest = np.split()[1:]
        if rest and all(w[:1].isupper() for w in rest) and low == "the":
            return "name"  # "The New York Times"
        if rest and rest[-1][:1].isupper():
            return "name_with_description"
        return "description"
    if re.match(r"[A-Z][\w\-]*['’]s\s", np):
        return "description" if not np.split()[-1][:1].isupper() else "name_with_description"
    if first.lower() in NOT_NAMES and first.lower() not in HONORIFICS:
        return "bad"
    return "name"


def _is_org(np: str) -> bool:
    words = [w.lower().strip(".,") for w in np.split()]
    return any(w in ORGANISATION_WORDS for w in words)


def _trim_np(np: str) -> str:
    """Cut an appositive or trailing clause off a captured phrase."""
    np = _clean(np)
    np = re.split(r",\s+", np)[0] if "," in np and _np_kind(np.split(",")[0]) == "name" else np
    return np.rstrip(".,;: ")


class Attributor:
    def __init__(self, text: str, paragraphs, spans: list[Span], fiction: bool) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.spans = spans
        self.fiction = fiction
        self.registry = Registry()
        self.recent: list[int] = []  # entity indices in the order they were last attributed/mentioned
        self.events: list[tuple[int, int]] = []  # (position, entity) of narrative mentions, sorted later
        self.quote_bounds = [(s.open_mark, (s.close_mark + 1) if s.close_mark is not None else s.end) for s in spans]

    # -- finding tags ------------------------------------------------------------------

    def _after_text(self, i: int) -> str:
        s = self.spans[i]
        if s.close_mark is None:
            return ""
        para = self.paragraphs[s.paragraph]
        end = para.end
        if i + 1 < len(self.spans) and self.spans[i + 1].paragraph == s.paragraph:
            end = self.spans[i + 1].open_mark
        return self.text[s.close_mark + 1 : min(end, s.close_mark + 200)]

    def _before_text(self, i: int) -> str:
        s = self.spans[i]
        para = self.paragraphs[s.paragraph]
        start = para.start
        if i > 0 and self.spans[i - 1].paragraph == s.paragraph and self.spans[i - 1].close_mark is not None:
            start = self.spans[i - 1].close_mark + 1
        start = max(start, s.open_mark - 300)
        return self.text[start : s.open_mark]

    def tag_after(self, i: int) -> tuple[str, str, int] | None:
        after = self._after_text(i)
        if not after:
            return None
        base = self.spans[i].close_mark + 1
        for rx in (_TAG_AFTER_VERB_FIRST, _TAG_AFTER_SUBJECT_FIRST):
            m = rx.match(after)
            if m and _np_kind(_trim_np(m.group("np"))) != "bad":
                np = _trim_np(m.group("np"))
                if rx is _TAG_AFTER_VERB_FIRST and _np_kind(np) == "bad":
                    continue
                return np, m.group("verb"), base + m.start("np")
        return None

    def tag_before(self, i: int) -> tuple[str, str, int] | None:
        before = self._before_text(i)
        if not before.strip():
            return None
        base = self.spans[i].open_mark - len(before)
        m = _TAG_BEFORE.search(before)
        if m and _np_kind(_trim_np(m.group("np"))) != "bad":
            return _trim_np(m.group("np")), m.group("verb"), base + m.start("np")
        m = _TAG_BEFORE_VERB_FIRST.search(before)
        if m and _np_kind(_trim_np(m.group("np"))) != "bad":
            return _trim_np(m.group("np")), m.group("verb"), base + m.start("np")
        para = self.paragraphs[self.spans[i].paragraph]
        whole = self.text[para.start : self.spans[i].open_mark]
        m = None
        for m in _ACCORDING.finditer(whole):
            pass
        if m:
            return _trim_np(m.group("np")), "according to", para.start + m.start("np")
        return None

    def transcript(self, i: int) -> tuple[str, str, int] | None:
        return None

    # -- resolving phrases -------------------------------------------------------------

    def _remember(self, e: Entity) -> None:
        if self.recent and self.recent[-1] == e.index:
            return
        self.recent.append(e.index)

    def resolve(self, np: str, pos: int, last_speaker: int | None) -> Entity | None:
        kind = _np_kind(np)
        reg = self.registry
        if kind == "bad":
            return None
        if kind == "pronoun":
            return self._resolve_pronoun(np.lower(), pos, last_speaker)
        if kind == "name_with_description":
            # "the Russian minister Sergey Lavrov", "Russia's minister Lavrov"
            words = np.split()
            k = len(words)
            while k > 0 and words[k - 1][:1].isupper():
                k -= 1
            name = " ".join(words[k:])
            e = reg.add_name(name, ORGANISATION if _is_org(name) else PERSON, self.recent)
            e.titles.update(w.lower() for w in words[:k])
            e.add_mention(np)
            return e
        if kind == "name":
            return reg.add_name(np, ORGANISATION if _is_org(np) else PERSON, self.recent)
        return self._resolve_description(np, pos, last_speaker)

    def _resolve_pronoun(self, pronoun: str, pos: int, last_speaker: int | None) -> Entity | None:
        gender = PRONOUNS.get(pronoun)
        if pronoun in ("they", "we", "i"):
            if pronoun == "they" and last_speaker is not None and self.registry.entities[last_speaker].kind == ORGANISATION:
                return self.registry.entities[last_speaker]
            return None
        reg = self.registry
        k = bisect.bisect_left(self.events, (pos, -1))
        seen = 0
        lo = pos - (1500 if self.fiction else 3000)
        while k > 0:
            k -= 1
            p, idx = self.events[k]
            if p < lo:
                break
            e = reg.entities[idx]
            if e.kind == ORGANISATION:
                continue
            g = e.best_gender()
            if gender and g and g != gender:
                continue
            seen += 1
            return e
        if last_speaker is not None:
            e = reg.entities[last_speaker]
            if e.kind == PERSON and not (gender and e.best_gender() and e.best_gender() != gender):
                return e
        return None

    def _resolve_description(self, desc: str, pos: int, last_speaker: int | None) -> Entity | None:
        reg = self.registry
        words = [w.lower().strip(",.") for w in _tokens(desc)]
        head = words[-1]
        org = _is_org(desc)
        indefinite = words[0] in ("a", "an", "one", "another", "some")
        if not indefinite:
            # The most recent entity whose titles or description share the head noun.
            for idx in reversed(self.recent):
                e = reg.entities[idx]
                if head in e.titles or any(head == t.split("-")[-1] for t in e.titles):
                    e.add_mention(desc)
                    return e
            for e in reversed(reg.entities):
                if head in e.titles:
                    e.add_mention(desc)
                    return e
            if org:
                return reg.add_description(desc, ORGANISATION)
            if not self.fiction and last_speaker is not None and head not in PERSON_NOUNS_MALE | PERSON_NOUNS_FEMALE:
                e = reg.entities[last_speaker]
                if e.kind == PERSON:
                    e.add_mention(desc)
                    e.titles.add(head)
                    return e
            if self.fiction:
                return None
        return reg.add_description(desc, ORGANISATION if org else PERSON)

    # -- the pass over the document -----------------------------------------------------

    def _collect_mentions(self) -> None:
        """Positions of every name of a known entity in the narrative (outside quotations)."""
        reg = self.registry
        names: dict[str, int] = {}
        for e in reg.entities:
            if e.kind != PERSON:
                continue
            for core in e.cores:
                s = " ".join(core)
                if len(s) > 1:
                    names.setdefault(s, e.index)
                if len(core) > 1:
                    for t in (core[0], core[-1]):
                        if len(t) > 2 and t.lower() not in NOT_NAMES:
                            names.setdefault(t, e.index)
        if not names:
            return
        rx = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
        starts = [b[0] for b in self.quote_bounds]
        events = []
        for m in rx.finditer(self.text):
            p = m.start()
            k = bisect.bisect_right(starts, p) - 1
            if k >= 0 and self.quote_bounds[k][0] <= p < self.quote_bounds[k][1]:
                continue
            idx = names[m.group()]
            events.append((p, idx))
            # Gender votes: the next personal pronoun close after the name.
            tail = self.text[m.end() : m.end() + 120]
            pm = re.search(r"\b(he|his|him|she|her|hers)\b", tail, re.I)
            if pm:
                reg.entities[idx].gender_votes[0 if pm.group(1).lower() in ("he", "his", "him") else 1] += 1
        self.events = sorted(events)

    def run(self) -> list[Attribution]:
        n = len(self.spans)
        found: list[tuple[str, str, int, bool] | None] = [None] * n
        for i in range(n):
            if self.spans[i].kind == MENTION:
                continue
            t = self.tag_after(i)
            after = True
            if t is None:
                t = self.tag_before(i)
                after = False
            if t is not None:
                found[i] = (*t, after)
        # Names first, so that "Lavrov" links to "Sergey Lavrov" wherever each comes first.
        for f in found:
            if f and _np_kind(f[0]) in ("name",):
                self.registry.add_name(f[0], ORGANISATION if _is_org(f[0]) else PERSON)
        self._collect_mentions()

        out = [Attribution() for _ in range(n)]
        last_speaker: int | None = None
        para_speakers: dict[int, int | None] = {}  # paragraph -> speaker of its quotes
        for i in range(n):
            s = self.spans[i]
            if s.kind == MENTION:
                continue
            f = found[i]
            e = None
            if f is not None:
                np, verb, pos, _after = f
                e = self.resolve(np, pos, last_speaker)
                if e is not None:
                    out[i] = Attribution(e.index, verb.lower() if verb[0].islower() else verb, True)
                    if _np_kind(np) != "name":
                        e.add_mention(np)
                    self._note(e, pos)
            if e is None:
                out[i] = self._implicit(i, out, para_speakers)
            if out[i].speaker is not None:
                last_speaker = out[i].speaker
                para_speakers.setdefault(s.paragraph, out[i].speaker)
                if out[i].explicit:
                    para_speakers[s.paragraph] = out[i].speaker
        # A quotation before its tag in the same paragraph ("Q1. Q2," he said): same speaker.
        for i in range(n - 1, -1, -1):
            if out[i].speaker is None and self.spans[i].kind != MENTION and i + 1 < n:
                j = i + 1
                if self.spans[j].paragraph == self.spans[i].paragraph and out[j].explicit and found[i] is None:
                    out[i] = Attribution(out[j].speaker, out[j].cue, False)
        return out

    def _note(self, e: Entity, pos: int) -> None:
        self._remember(e)
        bisect.insort(self.events, (pos, e.index))

    def _implicit(self, i: int, out: list[Attribution], para_speakers: dict[int, int | None]) -> Attribution:
        s = self.spans[i]
        # Same paragraph: continues the quotation before it.
        for j in range(i - 1, -1, -1):
            if self.spans[j].paragraph != s.paragraph:
                break
            if out[j].speaker is not None:
                return Attribution(out[j].speaker, out[j].cue, False)
        if s.continued and i > 0 and out[i - 1].speaker is not None:
            return Attribution(out[i - 1].speaker, out[i - 1].cue, False)
        # Which paragraphs before this one held quotations, and by whom.
        prev_paras = sorted(p for p in para_speakers if p < s.paragraph)
        if not prev_paras:
            return Attribution()
        p1 = prev_paras[-1]
        if self.fiction:
            # Turn-taking: A, B, A, B ...
            if s.paragraph - p1 == 1 and len(prev_paras) >= 2:
                p2 = prev_paras[-2]
                a, b = para_speakers[p1], para_speakers[p2]
                if p1 - p2 == 1 and a is not None and b is not None and a != b:
                    return Attribution(b, None, False)
            return Attribution()
        # News: a paragraph of quotation with no tag continues the previous speaker.
        if s.paragraph - p1 <= 1 and para_speakers[p1] is not None:
            return Attribution(para_speakers[p1], None, False)
        return Attribution()


def attribute_speakers(text: str, paragraphs, spans: list[Span], fiction: bool = False):
    """Return (attributions per span, entities) for the spans of one document."""
    a = Attributor(text, paragraphs, spans, fiction)
    result = a.run()
    return result, a.registry.entities
