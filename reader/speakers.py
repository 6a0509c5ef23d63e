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
from dataclasses import dataclass

from reader.entities import (
    Entity,
    Registry,
    gender_of_name,
)
from reader.lexicon import (
    DESCRIPTOR_WORDS,
    FEMALE_NAMES,
    HONORIFICS,
    MALE_NAMES,
    NON_PERSON_NOUNS,
    NOT_NAMES,
    PERSON_NOUNS_FEMALE,
    PERSON_NOUNS_MALE,
    TITLE_WORDS,
)
from reader.model import MENTION, ORGANISATION, PERSON
from reader.phrases import (
    ACCORDING,
    DASH_ATTRIBUTION,
    LEAD,
    PRONOUNS,
    SENTENCE_BREAK,
    TAG_VERB_AFTER_NAME,
    TAG_VERB_FIRST,
    VERB,
    VERB_TAIL,
    Phrase,
    blank_parentheses,
    is_org_words,
    np_at_end,
    phrase_from,
    sentence_subject,
    subject_after,
    subject_before,
)
from reader.quotes import Span


@dataclass(slots=True)
class Attribution:
    speaker: int | None = None
    cue: str | None = None
    explicit: bool = False


@dataclass
class Tag:
    phrase: Phrase
    cue: str
    pos: int  # where the phrase stands in the text




_APPOSITIVE = re.compile(r",\s+(?:the|a|an|his|her)\s+(?:[a-z][\w’'\-]*\s+){0,3}(?P<head>[a-z\-]{3,})(?=[,;.])")
_NAME_BEFORE = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-ZÀ-ÖØ-Þ][\w’'\-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'\-]+){0,2}$")
_PREVIOUS_NAME = re.compile(r"\b([A-ZÀ-ÖØ-Þ][\w’'\-]+)\s+$")
_PRONOUN_NEAR = re.compile(r"\b(he|his|him|she|her|hers|He|His|Him|She|Her)\b")
_TITLES_BEFORE = re.compile(r"((?:[A-Z][a-z]+\.?\s+){1,3})(?:[A-Z][\w’'\-]+\s+)?$")
_FULL_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-ÿ’'\-]+(?:\s+[A-ZÀ-ÖØ-Þ][a-zà-ÿ’'\-]+)+")
_INTERVIEWER = re.compile(
    r"\b(?:spoke|talked|talks|speaks|speaking|talking)\s+(?:to|with)\s+(?P<name>[A-ZÀ-ÖØ-Þ][\w’'\-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'\-]+)+)"
    r"|\binterviewed\s+by\s+(?P<name2>[A-ZÀ-ÖØ-Þ][\w’'\-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'\-]+)+)"
)
_SENTENCE_END_RX = re.compile(r"[.!?][\"'”’)]*\s*$")
_DETERMINER = re.compile(r"\bthe\b")
# A run of capitalised words ("Foreign Minister Sergey Lavrov", "Mayor Helena Saraiva").
_CAPITALISED_RUN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'\-]*\.?(?:\s+(?:[A-Z]\.\s+)?[A-ZÀ-ÖØ-Þ][\w’'\-]*)+")
_VOCATIVE_NAME = r"(?:(?:Mr|Mrs|Miss|Ms|Dr|Lady|Sir|Lord|Prince|Princess|Count|Countess)\.?\s+)?[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+"
_VOCATIVE = re.compile(
    rf"(?:^(?:(?:Oh|O|Ah|Well|Yes|No|Now|Come|My dear|Dear|Good-night|Good night|Good-bye|Good morning),?\s+)?"
    rf"(?P<name>{_VOCATIVE_NAME})\s*[,!?]"
    rf"|[,!?]\s+(?:my\s+dear\s+|dear\s+)?(?P<name2>{_VOCATIVE_NAME})\s*[,.!?;]*$)"
)
_NOT_SPEAKER_HEADS = frozenset(
    "time moment while pause minute second way bit lot little few yawn sigh smile laugh nod tone whisper "
    "glance look shrug gesture word words manner air".split()
)
_FIRST_NAME_BEFORE = re.compile(r"\b([A-ZÀ-ÖØ-Þ][a-zà-ÿ\-]+)\s+$")
_NOT_FIRST_NAMES = frozenset("poor dear little old young good great big bad late aunt uncle cousin".split())
_ONLY_CAPITALISED = re.compile(r"(?:\s+[A-Z][\w’'.\-]*)*\s+")
_SENTENCE_START = re.compile(r"[.!?;:][\"'”’)]*\s|\n")
_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'\-]*")
_TITLE_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord|Prince|Princess|Count|Countess)\.?\s+$")


class Attributor:
    def __init__(self, text: str, paragraphs, spans: list[Span], fiction: bool) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.spans = spans
        self.fiction = fiction
        self.registry = Registry()
        self.recent: dict[int, int] = {}  # entity -> position of its latest mention
        self.mentions: list[tuple[int, int, bool]] = []  # (position, entity, is subject) in the narrative
        self._roles: tuple[Entity | None, Entity | None] | None = None
        self.token_positions: dict[str, list[int]] = {}  # where each name token stands in the narrative
        self._addressees: dict[tuple[int, int | None], int | None] = {}
        self.quote_starts = [s.open_mark for s in spans]
        self.quote_ends = [(s.close_mark + 1) if s.close_mark is not None else s.end for s in spans]

    # -- where a quotation's tag can be --------------------------------------------------

    def _after_text(self, i: int) -> tuple[int, str]:
        s = self.spans[i]
        if s.close_mark is None:
            return 0, ""
        para = self.paragraphs[s.paragraph]
        end = min(para.end, s.close_mark + 200)
        if i + 1 < len(self.spans) and self.spans[i + 1].paragraph == s.paragraph:
            end = min(end, self.spans[i + 1].open_mark)
        return s.close_mark + 1, self.text[s.close_mark + 1 : end]

    def _before_text(self, i: int) -> tuple[int, str]:
        s = self.spans[i]
        para = self.paragraphs[s.paragraph]
        start = para.start
        if i > 0 and self.spans[i - 1].paragraph == s.paragraph:
            prev = self.spans[i - 1]
            start = prev.close_mark + 1 if prev.close_mark is not None else prev.end
        start = max(start, s.open_mark - 400)
        return start, self.text[start : s.open_mark]

    def tag_after(self, i: int) -> Tag | None:
        base, after = self._after_text(i)
        if not after:
            return None
        d = DASH_ATTRIBUTION.match(after) if after.lstrip()[:1] in ("―", "—", "–") else None
        if d:
            ph = phrase_from(d.group("name"))
            if ph and ph.kind == "name":
                return Tag(ph, "—", base + d.start("name"))
        after = blank_parentheses(after)
        m = LEAD.match(after)
        lead = m.end()
        # Only the clause right after the quotation.
        stop = SENTENCE_BREAK.search(after, lead)
        clause = after[: stop.start() + 1 if stop else len(after)]
        v = VERB.search(clause, lead)
        if v and v.start() - lead <= 160:
            vs, ve = v.span()
        else:
            # An unlisted verb in tag position: '"...," blustered Bounderby' / 'Bounderby blustered.'
            v = TAG_VERB_FIRST.match(clause, lead) or TAG_VERB_AFTER_NAME.match(clause, lead)
            if not v:
                return None
            vs, ve = v.span("v")
        pre = clause[lead:vs]
        verb_end = ve
        t = VERB_TAIL.match(clause, verb_end)
        if t:
            verb_end = t.end()
        cue = clause[vs:verb_end]
        if not pre.strip():
            ph = subject_after(clause[verb_end:])
            if ph is None:
                return None
            return Tag(ph, cue, base + verb_end + max(0, clause[verb_end:].find(ph.text.split()[0])))
        if len(pre.split(",")[0].split()) > 10 or len(pre.split()) > 40 or re.search(r"[\"“”]", pre):
            return None
        sub = subject_before(pre)
        if sub is None:
            return None
        ph, off = sub
        head = pre[:off].strip(" \t\n,—–-")
        if head and ("," in head or len(head.split()) > 4 or re.search(r"\b(?:and|that|but|or|which|who)\b", head)):
            return None  # the subject must open the clause that follows the quotation
        return Tag(ph, cue, base + lead + off)

    def _introduced_by(self, i: int) -> tuple[int, str] | None:
        """The paragraph before a quotation that opens its paragraph, when it ends with a colon."""
        s = self.spans[i]
        if s.paragraph == 0:
            return None
        para_start = self.paragraphs[s.paragraph].start
        # Bounded slices: a quotation deep in a 1 MB paragraph must not copy the paragraph.
        if self.text[max(para_start, s.open_mark - 64) : s.open_mark].strip() or (
            s.open_mark - para_start > 64 and self.text[para_start : s.open_mark].strip()
        ):
            return None
        prev = self.paragraphs[s.paragraph - 1]
        if not self.text[max(prev.start, prev.end - 400) : prev.end].rstrip().endswith(":"):
            return None
        start = max(prev.start, prev.end - 400)
        return start, self.text[start : prev.end]

    def tag_before(self, i: int) -> Tag | None:
        base, before = self._before_text(i)
        if not before.strip():
            intro = self._introduced_by(i)
            if intro is None:
                return None
            base, before = intro
        # The clause that leads into the quotation: 'NAME said:', 'NAME told reporters that ...'.
        stripped = before.rstrip()
        breaks = [m.end() for m in SENTENCE_BREAK.finditer(before)]
        clause_start = breaks[-1] if breaks else 0
        if not self.fiction and not before[clause_start:].strip() and len(breaks) >= 1:
            # The quotation opens a sentence: the sentence before it may name the speaker
            # ('Lavrov noted. "..."').
            clause_start = breaks[-2] if len(breaks) >= 2 else 0
        clause = blank_parentheses(before[clause_start:])
        for v in reversed(list(VERB.finditer(clause))):
            pre = clause[: v.start()]
            if v.group().endswith("ing") and pre.rstrip().endswith(","):
                # '..., saying, "Q"': the participle's subject is the sentence's.
                sub = sentence_subject(pre)
                if sub:
                    return Tag(sub[0], v.group(), base + clause_start + sub[1])
                continue
            if pre.strip():
                sub = subject_before(pre)
                if sub:
                    return Tag(sub[0], v.group(), base + clause_start + sub[1])
            else:
                ph = subject_after(clause[v.end() :])
                if ph:
                    return Tag(ph, v.group(), base + clause_start + v.end())
        m = None
        para = self.paragraphs[self.spans[i].paragraph]
        # "According to NAME" in the sentence or two before (bounded: a 5 MB paragraph stays linear).
        for m in ACCORDING.finditer(self.text, max(para.start, self.spans[i].open_mark - 1000), self.spans[i].open_mark):
            pass
        if m:
            ph = phrase_from(m.group("np"))
            if ph:
                return Tag(ph, "according to", m.start("np"))
        if stripped.endswith(":"):
            # "Lavrov: ..." headlines, "The New York Times reports:" is caught above.
            ph = np_at_end(stripped[:-1])
            if ph and ph.kind == "name":
                return Tag(ph, ":", base + stripped.rfind(ph.text.split()[0]))
            # "..., the city's finance chief set out how the money would be raised:"
            titles = {t for e in self.registry.entities for t in e.titles if len(t) > 3}
            last = stripped[clause_start:]
            for m in _DETERMINER.finditer(last):
                words = last[m.end() :].split()[:4]
                for n, w in enumerate(words):
                    if w.strip(",.;:") in titles:
                        ph = phrase_from(m.group() + " " + " ".join(words[: n + 1]).strip(",.;:"))
                        if ph is not None:
                            return Tag(ph, ":", base + clause_start + m.start())
                        break
            # "With leaders worried, President Obama is rolling out a new message:"
            sub = sentence_subject(stripped[clause_start:-1])
            if sub is not None and sub[0].kind == "name":
                return Tag(sub[0], ":", base + clause_start + sub[1])
        return None

    # -- resolving phrases -------------------------------------------------------------

    def _see(self, e: Entity, pos: int, subject: bool = True) -> None:
        self.recent[e.index] = pos
        k = bisect.bisect_left(self.mentions, (pos, -1, False))
        if k < len(self.mentions) and self.mentions[k][0] == pos and self.mentions[k][1] == e.index:
            return  # a name the mention scan found already
        self.mentions.insert(k, (pos, e.index, subject))

    def resolve(self, tag: Tag, ctx: "Context") -> Entity | None:
        ph = tag.phrase
        if ph.kind == "name":
            e = self.registry.add(ph, self.recent)
        elif ph.kind == "pronoun":
            e = self._resolve_pronoun(ph.text, tag.pos, ctx)
        else:
            e = self._resolve_description(ph, tag.pos, ctx)
        if e is not None:
            e.add_mention(ph.text)
        return e

    def _compatible(self, e: Entity, gender: str | None) -> bool:
        if e.kind == ORGANISATION:
            return False
        g = e.best_gender()
        return not (gender and g and g != gender)

    def _walk_back(self, pos: int, lo: int, gender: str | None, skip: int | None,
                   near: int | None = None) -> Entity | None:
        """The most recent person mentioned before pos (and after lo) who fits the gender.

        One whose gender is known to match wins over a nearer one whose gender is unknown,
        unless that nearer one is mentioned at or after ``near`` (in the same paragraph).
        """
        reg = self.registry
        k = bisect.bisect_left(self.mentions, (pos, -1, False))
        unknown: tuple[int, Entity] | None = None
        while k > 0:
            k -= 1
            p, idx, _subject = self.mentions[k]
            if p < lo:
                break
            if idx == skip:
                continue
            e = reg.entities[idx]
            if not self._compatible(e, gender):
                continue
            if gender is None or e.best_gender() == gender:
                if unknown is not None and near is not None and unknown[0] >= near > p:
                    return unknown[1]
                return e
            if unknown is None:
                unknown = (p, e)
        return unknown[1] if unknown else None

    def _recent_subject(self, pos: int, lo: int, gender: str | None) -> Entity | None:
        """The person most recently named as the subject of a sentence, from lo to pos."""
        reg = self.registry
        k = bisect.bisect_left(self.mentions, (pos, -1, False))
        while k > 0:
            k -= 1
            p, idx, subject = self.mentions[k]
            if p < lo:
                break
            e = reg.entities[idx]
            g = e.best_gender()
            if subject and self._compatible(e, gender) and (g == gender or g is None and len(e.display.split()) > 1):
                return e
        return None

    def _named_organisation(self, head: str, pos: int) -> str | None:
        """The last capitalised name before pos that contains the head word ("Ministry of X")."""
        word = head.capitalize()
        rx = re.compile(
            rf"(?:[A-Z][\w’'\-]+\s+){{0,4}}{re.escape(word)}(?:\s+(?:of|for|on)(?:\s+the)?\s+[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)*)?"
        )
        last = None
        for m in rx.finditer(self.text, max(0, pos - 20000), pos):
            last = m
        if last is None or last.group() == word:
            return None
        name = last.group()
        return re.sub(r"^(?:The|A|An)\s+", "", name)

    def _titled_before(self, head: str, pos: int, reach: int) -> Entity | None:
        """The entity most recently mentioned before pos whose titles include head ("minister")."""
        reg = self.registry
        k = bisect.bisect_left(self.mentions, (pos, -1, False))
        seen: set[int] = set()
        while k > 0:
            k -= 1
            p, idx, _ = self.mentions[k]
            if pos - p > reach:
                break
            if idx in seen:
                continue
            seen.add(idx)
            if head in reg.entities[idx].titles:
                return reg.entities[idx]
        return None

    def _resolve_pronoun(self, pronoun: str, pos: int, ctx: "Context") -> Entity | None:
        reg = self.registry
        if pronoun in ("they", "it"):
            if ctx.last_speaker is not None and reg.entities[ctx.last_speaker].kind == ORGANISATION:
                return reg.entities[ctx.last_speaker]
            return None
        if pronoun not in ("he", "she"):
            return None
        gender = PRONOUNS[pronoun]
        if not self.fiction:
            e = self._recent_subject(pos, ctx.prev_para_start, gender)
            if e is None:
                e = self._walk_back(pos, pos - 2500, gender, None, near=ctx.para_start)
            if e is None and ctx.last_speaker is not None and self._compatible(reg.entities[ctx.last_speaker], gender):
                e = reg.entities[ctx.last_speaker]
            return e
        # Fiction: a person named earlier in this paragraph; else, in a conversation, the one
        # who did not speak last.
        e = self._walk_back(pos, ctx.para_start, gender, None)
        if e is not None and e.best_gender() == gender:
            return e
        if ctx.turn_prev is not None and ctx.partner is not None:
            p = reg.entities[ctx.partner]
            if self._compatible(p, gender):
                return p
        e2 = self._walk_back(pos, pos - 1200, gender, ctx.turn_prev)
        return e2 or e

    def _resolve_description(self, ph: Phrase, pos: int, ctx: "Context") -> Entity | None:
        reg = self.registry
        words = [w.lower() for w in ph.text.split()]
        head = words[-1].rstrip(".,")
        indefinite = words[0] in ("a", "an", "one", "another", "some", "each")
        org = is_org_words(words)
        if head in NON_PERSON_NOUNS:
            return None  # "a voice announced", "a sign read"
        if indefinite:
            # "a spokesman said" names a speaker in news; in fiction "said, after a pause" does not.
            return None if self.fiction or head in _NOT_SPEAKER_HEADS else reg.add_description(ph)
        e = self._titled_before(head, pos, 20000 if self.fiction else len(self.text))
        if e is not None:
            return e
        if org:
            # "the ministry" after "The Ministry of Infrastructure ...".
            name = self._named_organisation(head, pos)
            if name:
                e = reg.add(Phrase("name", name, name, ()), self.recent)
                e.kind = ORGANISATION
                e.titles.add(head)
                return e
            return reg.add_description(ph)
        gender = "m" if head in PERSON_NOUNS_MALE else "f" if head in PERSON_NOUNS_FEMALE else None
        if not self.fiction:
            plural = head.endswith("s") and not head.endswith("ss")
            if not plural and gender is None:
                # "the councillor said": the person this paragraph is about, else the last speaker.
                e = self._walk_back(pos, ctx.para_start, None, None)
                if e is None and ctx.last_speaker is not None and reg.entities[ctx.last_speaker].kind == PERSON:
                    e = reg.entities[ctx.last_speaker]
                if e is not None:
                    e.titles.add(head)
                    return e
            return reg.add_description(ph)
        # Fiction: "replied the undertaker" answers the one who spoke last.
        e = None
        if ctx.turn_prev is not None and ctx.partner is not None and self._compatible(reg.entities[ctx.partner], gender):
            e = reg.entities[ctx.partner]
        if e is None:
            e = self._walk_back(pos, max(ctx.para_start - 600, 0), gender, ctx.turn_prev)
        if e is None:
            return None  # the turn-taking of the conversation decides
        if len(words) <= 3:
            e.titles.add(head)
        return e

    # -- the narrative -------------------------------------------------------------------

    def _inside_quote(self, p: int) -> bool:
        k = bisect.bisect_right(self.quote_starts, p) - 1
        return k >= 0 and self.quote_starts[k] <= p < self.quote_ends[k]

    def _collect_mentions(self) -> None:
        """Every mention of a known name in the narrative, for pronouns to refer back to."""
        reg = self.registry
        token_to: dict[str, int] = {}
        ambiguous: set[str] = set()
        for e in reg.entities:
            if e.kind != PERSON:
                continue
            for core in e.cores:
                for t in core:
                    if len(t) < 2 or t.lower() in NOT_NAMES:
                        continue
                    if t in token_to and token_to[t] != e.index:
                        ambiguous.add(t)
                    token_to.setdefault(t, e.index)
        if not token_to:
            return
        text = self.text
        mentions = []
        positions = self.token_positions
        prev_end, prev_subject = 0, False
        starts, ends = self.quote_starts, self.quote_ends
        q = 0  # the first quotation that does not end before the current position
        for m in _CAPITALISED.finditer(text):
            t = m.group()
            idx = token_to.get(t)
            if idx is None:
                if not t.endswith(("’s", "'s")):
                    continue
                t = t[:-2]  # "Pierre’s"
                idx = token_to.get(t)
                if idx is None:
                    continue
            p = m.start()
            if p and text[p - 1].isalnum():
                continue
            while q < len(ends) and ends[q] <= p:
                q += 1
            if q < len(starts) and starts[q] <= p:
                continue  # inside a quotation
            if t in ambiguous:
                tm = _TITLE_BEFORE.search(text, max(0, p - 12), p)
                title = tm.group(1) if tm else None
                gender = HONORIFICS.get(title.lower()) if title else None
                prev = _PREVIOUS_NAME.search(text, max(0, p - 30), p) if not title else None
                core = (prev.group(1), t) if prev else (t,)
                e = reg.find(core, gender, self.recent) or reg.find((t,), gender, self.recent)
                if e is not None:
                    idx = e.index
            # The first person named in a sentence is most often its subject; so is one named
            # right after it with only capitalised words between ("PolitiFact Director Aaron
            # Sharockman").
            subject = (prev_end == 0 or p - prev_end > 400  # a long way on: a new sentence
                       or _SENTENCE_START.search(text, prev_end, p) is not None
                       or prev_subject and _ONLY_CAPITALISED.fullmatch(text, prev_end, p) is not None)
            prev_end, prev_subject = m.end(), subject
            # "Mayor Helena Saraiva", "Doctor Losberne": a title written before a name is theirs.
            if p > 2 and text[p - 1] == " " and text[p - 2].isalpha() and text[
                    text.rfind(" ", max(0, p - 30), p - 1) + 1].isupper():
                tm = _TITLES_BEFORE.search(text, max(0, p - 40), p)
                if tm:
                    reg.entities[idx].titles.update(
                        w.lower().rstrip(".") for w in tm.group(1).split() if w.lower().rstrip(".") in TITLE_WORDS)
            mentions.append((p, idx, subject))
            positions.setdefault(t, []).append(p)
            votes = reg.entities[idx].votes
            if votes[0] + votes[1] < 40:  # enough to tell
                pm = _PRONOUN_NEAR.search(text, m.end(), m.end() + 100)
                if pm:
                    votes[0 if pm.group(1).lower() in ("he", "his", "him") else 1] += 1
        self.mentions = mentions  # found in text order
        reg.found.clear()  # genders were voted on

    def _appositives(self) -> None:
        """Titles from appositions: "Mr. Sowerberry, the undertaker," makes "the undertaker" him."""
        reg = self.registry
        for m in _APPOSITIVE.finditer(self.text):
            n = _NAME_BEFORE.search(self.text, max(0, m.start() - 40), m.start())
            if not n:
                continue
            ph = phrase_from(n.group())
            if ph is None or ph.kind != "name":
                continue
            words = ph.name.split()
            core = tuple(w for w in words if w.lower().rstrip(".") not in HONORIFICS) or tuple(words)
            e = reg.find(core, None, self.recent)
            if e is None and (len(core) < len(words) or core[0].lower() in MALE_NAMES | FEMALE_NAMES):
                e = reg.add(ph, self.recent)  # "Mr. Sowerberry, the undertaker,": a person
                bisect.insort(self.mentions, (n.start(), e.index, True))
            if e is not None:
                e.titles.add(m.group("head").lower())

    def _reported_speech(self) -> None:
        """Names that report speech without a quotation ("Lavrov stressed that ..."), for news,
        and people introduced by title or first name ("Mayor Helena Saraiva stood up",
        "Foreign Minister Sergey Lavrov arrived")."""
        for para in self.paragraphs:
            chunk = self.text[para.start : para.end]
            for m in _CAPITALISED_RUN.finditer(chunk):
                ph = phrase_from(m.group())
                if ph is None or ph.kind != "name":
                    continue
                core = [w for w in ph.name.split() if w.rstrip(".").lower() not in HONORIFICS]
                titled = any(t in TITLE_WORDS for t in ph.titles)
                first = core[0].lower() if core else ""
                if len(core) >= 2 and (titled or first in MALE_NAMES or first in FEMALE_NAMES) \
                        and not is_org_words(core):
                    self.registry.add(ph, self.recent)
            for v in VERB.finditer(chunk):
                if self._inside_quote(para.start + v.start()):
                    continue
                clause_start = 0
                for m in SENTENCE_BREAK.finditer(chunk, max(0, v.start() - 200), v.start()):
                    clause_start = m.end()
                sub = subject_before(chunk[clause_start : v.start()])
                if sub and sub[0].kind == "name":
                    self.registry.add(sub[0], self.recent)

    # -- the pass over the document -----------------------------------------------------

    def run(self) -> list[Attribution]:
        n = len(self.spans)
        tags: list[Tag | None] = [None] * n
        for i in range(n):
            if self.spans[i].kind == MENTION or self.spans[i].label is not None:
                continue
            tags[i] = self.tag_after(i) or self.tag_before(i)
        # "A," she said, "B.": the second piece shares the first one's tag.
        for i in range(1, n):
            a, b = self.spans[i - 1], self.spans[i]
            if (tags[i - 1] is not None and a.paragraph == b.paragraph and a.close_mark is not None
                    and tags[i - 1].pos > a.close_mark):
                between = self.text[a.close_mark + 1 : b.open_mark]
                if len(between) < 80 and between.rstrip().endswith(",") and between.lstrip().startswith(","):
                    tags[i] = tags[i - 1]
        # Names first, so that "Lavrov" links to "Sergey Lavrov" wherever each comes first.
        for t in tags:
            if t is not None and t.phrase.kind == "name":
                e = self.registry.add(t.phrase, self.recent)
                e.speaks += 1
        if not self.fiction:
            self._reported_speech()
        self._collect_mentions()
        self._appositives()
        # Now that titles are known, a quotation introduced by "the finance chief ...:" can be read.
        for i in range(n):
            if tags[i] is None and self.spans[i].kind != MENTION and self.spans[i].label is None \
                    and self._introduced_by(i):
                tags[i] = self.tag_before(i)

        self.by_paragraph: dict[int, list[int]] = {}
        for k, sp in enumerate(self.spans):
            self.by_paragraph.setdefault(sp.paragraph, []).append(k)
        out = [Attribution() for _ in range(n)]
        history: list[tuple[int, int | None]] = []  # (paragraph, speaker) of paragraphs with quotations
        last_speaker: int | None = None
        ctx: Context | None = None
        ctx_paragraph = -1
        for i in range(n):
            s = self.spans[i]
            if s.kind == MENTION:
                continue
            # The conversation before a paragraph is the same for all its quotations.
            if ctx is None or ctx_paragraph != s.paragraph:
                ctx, ctx_paragraph = self._context(s.paragraph, history, last_speaker), s.paragraph
            else:
                ctx.last_speaker = last_speaker
            t = tags[i]
            e = None
            if s.label is not None:
                e = self._transcript_speaker(s.label)
                out[i] = Attribution(e.index if e else None, f"{s.label}:", e is not None)
                if e is not None:
                    self._see(e, s.open_mark)
            elif t is not None:
                e = self.resolve(t, ctx)
                if e is not None:
                    out[i] = Attribution(e.index, t.cue, True)
                    self._see(e, t.pos)
            if e is None:
                out[i] = self._implicit(i, out, ctx)
            if out[i].speaker is not None:
                last_speaker = out[i].speaker
            if not history or history[-1][0] != s.paragraph:
                history.append((s.paragraph, out[i].speaker))
            elif history[-1][1] is None:
                history[-1] = (s.paragraph, out[i].speaker)
        self._complete_names({a.speaker for a in out if a.speaker is not None})
        # A quotation before its tag in the same paragraph ("Q1. Q2," he said): same speaker.
        for i in range(n - 2, -1, -1):
            j = i + 1
            if (out[i].speaker is None and tags[i] is None and self.spans[i].kind != MENTION
                    and self.spans[j].paragraph == self.spans[i].paragraph and out[j].explicit):
                out[i] = Attribution(out[j].speaker, out[j].cue, False)
        return out

    def _transcript_roles(self) -> tuple[Entity | None, Entity | None]:
        """The interviewer and the interviewee, from the text before the transcript starts."""
        if self._roles is not None:
            return self._roles
        first = min((s.open_mark for s in self.spans if s.label is not None), default=0)
        intro = self.text[:first]
        interviewer = interviewee = None
        m = _INTERVIEWER.search(intro)
        if m:
            interviewer = self.registry.add(Phrase("name", m.group("name"), m.group("name"), ()), self.recent)
        prose = " ".join(p for p in intro.split("\n\n") if _SENTENCE_END_RX.search(p))
        for n in _FULL_NAME.finditer(prose):
            ph = phrase_from(n.group())
            if ph is None or ph.kind != "name" or len(ph.name.split()) < 2:
                continue
            e = self.registry.add(ph, self.recent)
            if e is not interviewer:
                interviewee = e
                break
        self._roles = (interviewer, interviewee)
        return self._roles

    def _transcript_speaker(self, label: str) -> Entity | None:
        interviewer, interviewee = self._transcript_roles()
        low = label.lower()
        if low in ("q", "question", "interviewer"):
            return interviewer
        if low in ("a", "answer"):
            return interviewee
        for e in (interviewer, interviewee, *self.registry.entities):
            if e is not None and any(low == t.lower() for core in e.cores for t in core):
                return e
        name = " ".join(w.capitalize() for w in label.split())
        return self.registry.add(Phrase("name", name, name, ()), self.recent)

    def _complete_names(self, speakers: set[int]) -> None:
        """Give a speaker known by surname alone the full name the text uses for them.

        "Saraiva" becomes "Helena Saraiva" when the text says "Mayor Helena Saraiva"; a surname
        that several first names go with ("Jane Bennet", "Elizabeth Bennet") is left alone.
        """
        reg = self.registry
        wanted = {}
        for idx in speakers:
            e = reg.entities[idx]
            if e.kind == PERSON and (len(e.display.split()) == 1 or e.display.split()[0].rstrip(".").lower() in HONORIFICS):
                wanted[idx] = e.display.split()[-1]
        if not wanted:
            return
        # Where each surname stands in the narrative: found by the mention scan.
        at = self.token_positions
        for idx, surname in wanted.items():
            e = reg.entities[idx]
            firsts: dict[str, int] = {}
            for here in sorted(set(at.get(surname, ()))):
                m = _FIRST_NAME_BEFORE.search(self.text, max(0, here - 30), here)
                if not m:
                    continue
                w = m.group(1)
                low = w.lower()
                if (low in NOT_NAMES or low in TITLE_WORDS or low in DESCRIPTOR_WORDS or low in HONORIFICS
                        or low in _NOT_FIRST_NAMES or self._inside_quote(m.start())):
                    continue
                firsts[w] = firsts.get(w, 0) + 1
            if len(firsts) != 1:
                continue
            first, count = firsts.popitem()
            if self.fiction and count < 2 and first.lower() not in MALE_NAMES | FEMALE_NAMES:
                continue
            gender = gender_of_name((first, surname), [])
            if gender and e.best_gender() and gender != e.best_gender():
                continue
            full = f"{first} {surname}"
            e.display = full
            e.add_mention(full)
            if (first, surname) not in e.cores:
                e.cores.append((first, surname))
                reg.found.clear()

    def _addressee(self, paragraph: int, speaker: int | None) -> int | None:
        """Someone the quotation in a paragraph speaks to by name ("Good-night, Nancy")."""
        key = (paragraph, speaker)
        if key not in self._addressees:
            self._addressees[key] = self._find_addressee(paragraph, speaker)
        return self._addressees[key]

    def _find_addressee(self, paragraph: int, speaker: int | None) -> int | None:
        for k in self.by_paragraph.get(paragraph, ()):
            s = self.spans[k]
            content = self.text[s.start : s.end]
            if len(content) > 160:
                content = content[:80] + " … " + content[-80:]  # a name called out opens or closes
            for m in _VOCATIVE.finditer(content):
                words = (m.group("name") or m.group("name2")).split()
                title = words[0].rstrip(".").lower() if len(words) > 1 else ""
                core = tuple(w for w in words if w.rstrip(".").lower() not in HONORIFICS) or tuple(words)
                e = self.registry.find(core, HONORIFICS.get(title), self.recent)
                if e is not None and e.index != speaker and e.kind == PERSON:
                    return e.index
        return None

    def _context(self, paragraph: int, history, last_speaker: int | None) -> "Context":
        turn_prev = None
        prev = [h for h in history[-8:] if h[0] != paragraph]
        if prev and prev[-1][0] == paragraph - 1:
            turn_prev = prev[-1][1]
        partner = None
        if self.fiction and turn_prev is not None:
            partner = self._addressee(paragraph - 1, turn_prev)
        for p, spk in reversed(prev):
            if partner is not None or paragraph - p > 12:
                break
            if spk is not None and spk != turn_prev:
                partner = spk
                break
        two_back = None
        if len(prev) >= 2 and prev[-1][0] == paragraph - 1 and prev[-2][0] == paragraph - 2:
            two_back = prev[-2][1]
        return Context(self.paragraphs[paragraph].start, last_speaker, turn_prev, partner,
                       prev[-1][0] if prev else None, self.paragraphs[max(0, paragraph - 1)].start, two_back)

    def _implicit(self, i: int, out: list[Attribution], ctx: "Context") -> Attribution:
        s = self.spans[i]
        for j in range(i - 1, max(-1, i - 50), -1):  # bounded: a paragraph of 100,000 quotes stays linear
            if self.spans[j].paragraph != s.paragraph:
                break
            if out[j].speaker is not None:
                return Attribution(out[j].speaker, out[j].cue, False)
        if s.continued and i > 0 and out[i - 1].speaker is not None:
            return Attribution(out[i - 1].speaker, out[i - 1].cue, False)
        if ctx.prev_paragraph is None:
            return Attribution()
        if self.fiction:
            # Turn-taking: A, B, A, B ...
            if ctx.turn_prev is not None and ctx.partner is not None:
                return Attribution(ctx.partner, None, False)
            if ctx.turn_prev is None and ctx.two_back is not None:
                return Attribution(ctx.two_back, None, False)  # A, (unknown), A
            return Attribution()
        if s.paragraph - ctx.prev_paragraph <= 1 and ctx.last_speaker is not None:
            return Attribution(ctx.last_speaker, None, False)
        return Attribution()


@dataclass
class Context:
    """What the conversation around a quotation says about its speaker."""

    para_start: int
    last_speaker: int | None  # of the previous quotation
    turn_prev: int | None  # speaker of the paragraph just before, when it held a quotation
    partner: int | None  # the other recent speaker in the conversation
    prev_paragraph: int | None  # the last paragraph before this one that held a quotation
    prev_para_start: int = 0  # where the paragraph before this one starts
    two_back: int | None = None  # speaker of the quotation two paragraphs back, in an unbroken exchange


def attribute_speakers(text: str, paragraphs, spans: list[Span], fiction: bool = False):
    """Return (attributions per span, entities) for the spans of one document."""
    a = Attributor(text, paragraphs, spans, fiction)
    result = a.run()
    return result, a.registry.entities
