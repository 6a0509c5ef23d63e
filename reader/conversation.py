"""The conversation: choosing each quotation's speaker among the people in the scene.

For every quotation the people who could have spoken it are gathered (the one its tag names,
the speakers of the quotations around it, the people named in the narrative near it, the
first-person narrator), and each is scored by what the text says about them:

- the tag: a name that finds them, a pronoun of their gender, a description that fits them
  ("the old man", a title they were given), or "the other" when they did not speak last;
- the conversation: people take turns (A, B, A, B), so the speaker of the quotation two turns
  back, or two turns ahead, is likely, and the last speaker is not; the person a quotation
  addresses by name ("Good night, Nancy") answers it; nobody addresses themselves;
- the narrative: the subject of the sentence next to the quotation (an action beat), the
  people named in its paragraph and since the last quotation.

The scores are a weighted sum of these features (``weights.json`` beside this module, fitted
on annotated novels by ``benchmarks/attribution.py``); the best-scoring person speaks, or
nobody when no one scores above zero. Quotations are decided in order, then once more with
what was decided after each of them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import repeat
from operator import mul
from pathlib import Path

from reader.cast import Cast
from reader.lexicon import (
    DOCUMENT_NOUNS,
    GENERIC_PERSON_NOUNS,
    INDEFINITES,
    NON_PERSON_NOUNS,
    ORGANISATION_WORDS,
    POSSESSIVES,
    PERSON_NOUNS_FEMALE,
    PERSON_NOUNS_MALE,
    RELATION_NOUNS,
    VOCATIVE_TITLES,
)
from reader.model import MENTION, ORGANISATION
from reader.people import NameForm, People, Person, pronoun_gender
from reader.phrases import GIVEN_NAMES, NAME, PRONOUN, make_name, tokens
from reader.tags import Tag

WEIGHTS_FILE = Path(__file__).with_name("weights.json")


def _surname(p: Person) -> str | None:
    """The family name a person goes by: the last word of a full name, or the name after an
    honorific ("Mrs. Honeychurch")."""
    full = [c for c in p.cores if len(c) >= 2]
    if full:
        return full[0][-1]
    if p.honorific and p.cores:
        return p.cores[0][-1]
    return None

# The features, and the weight each starts with before fitting: in fiction, people take turns;
# in news, an untagged quotation goes on with the last speaker.
_FICTION = {
    "bias": -1.0,
    "tag_name": 8.0,
    "tag_title": 4.0,
    "tag_gender_match": 1.5,
    "tag_gender_clash": -6.0,
    "tag_pronoun_subject": 1.0,
    "tag_pronoun_nearest": 0.5,
    "tag_other": 1.0,
    "tag_other_last": -4.0,
    "tag_addressee": -6.0,
    "tag_narrator": 8.0,
    "not_narrator_tag": -3.0,
    "beat_subject": 2.0,
    "same_paragraph": 5.0,
    "continued": 6.0,
    "two_back": 2.0,
    "last_turn": -2.0,
    "last_turn_far": 0.5,
    "two_ahead": 1.0,
    "next_turn": -1.0,
    "addressed_before": 2.0,
    "addressed_here": -4.0,
    "named_in_paragraph": 1.0,
    "named_since_last": 0.7,
    "recent_speaker": 0.5,
    "recent_mention": 0.3,
    "tag_title_described": 3.0,
    "new_description": 1.0,
    "new_description_indefinite": 3.0,
    "tag_it_organisation": 3.0,
    "tag_it_person": -2.0,
    "relation_family": 2.0,
    "tag_title_spoken": 2.0,
}
DEFAULT_WEIGHTS = {
    "fiction": _FICTION,
    "news": {**_FICTION, "two_back": 0.0, "last_turn": 1.5, "last_turn_far": 0.0, "two_ahead": 0.0,
             "next_turn": 0.0, "tag_pronoun_subject": 3.0, "tag_pronoun_nearest": 1.0},
}


def load_weights() -> dict[str, dict[str, float]]:
    """The fitted weights of each domain, the defaults for any feature the file lacks."""
    fitted = _fitted()
    return {domain: {k: float((fitted.get(domain) or {}).get(k, v)) for k, v in defaults.items()}
            for domain, defaults in DEFAULT_WEIGHTS.items()}


_read_weights: tuple[tuple[int, int], dict] | None = None  # (the file's mtime and size, its weights)


def _fitted() -> dict:
    """The weights file as parsed, read again only when it changes: a process that analyses
    thousands of short texts reads it once, not once a text."""
    global _read_weights
    try:
        st = WEIGHTS_FILE.stat()
    except OSError:
        return {}
    key = (st.st_mtime_ns, st.st_size)
    if _read_weights is None or _read_weights[0] != key:
        try:
            fitted = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            fitted = {}
        _read_weights = (key, fitted)
    return _read_weights[1]


# A name called out in a quotation ("Good night, Nancy", "Oh Anna!", "my dear Colonel Brandon,"):
# at its start, after a comma, a stop or a dash, or after "dear", "O", "Oh", "Ah". The start is
# matched apart, so that every alternative of the other pattern begins with a character and its
# search skips to where one stands ("d" with no letter before it for "dear").
_VOCATIVE_NAME = (
    r"((?:(?:" + "|".join(VOCATIVE_TITLES) + r")\.?\s+)?"
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zà-öø-ÿā-ž’'\-]+)(?=\s*[,!?.;:—]|\s*$)"
)
_VOCATIVE_AT_START = re.compile(_VOCATIVE_NAME)
_VOCATIVE = re.compile(
    "(?:"
    + "|".join([re.escape(c) + r"\s*" for c in ",!?;:—"]
               + [rf"{w[0]}(?<!\w{w[0]}){re.escape(w[1:])}\s+" for w in ("dear", "my dear", "O", "Oh", "oh", "Ah", "ah")])
    + ")" + _VOCATIVE_NAME
)


def _vocatives(content: str) -> list[str]:
    """The names called out in a quotation's words, in order."""
    first = _VOCATIVE_AT_START.match(content)
    rest = [v.group(1) for v in _VOCATIVE.finditer(content, first.end() if first else 0)]
    return [first.group(1), *rest] if first else rest


@dataclass(slots=True)
class Clues:
    """What the text around a quotation says of its speaker (most quotations of a conversation
    have none: they share one empty set of clues)."""

    tag: Tag | None = None
    beat: Tag | None = None
    tag_person: int | None = None  # the person the tag's name or description finds
    tag_gender: str | None = None
    tag_narrator: bool = False
    tag_other: bool = False
    addressee: int | None = None  # named in the tag as spoken to
    vocatives: tuple[int, ...] = ()  # addressed by name in the quotation
    pronoun_subject: int | None = None
    pronoun_nearest: int | None = None
    beat_person: int | None = None
    desc_head: str | None = None  # the head word of a description tag
    desc_indefinite: bool = False  # "a spokesman"
    desc_person: int | None = None  # someone known only by this description
    plural: bool = False  # "they said", "it said": a body, not a person
    nobody: bool = False  # "a voice announced": someone the text does not know
    relation: tuple[str, str | None] | None = None  # "her mother": (the owner's, the relative's gender)


_NO_CLUES = Clues()


class Turn:
    """One quotation: where it stands, and its clues."""

    __slots__ = ("index", "paragraph", "start", "continued", "c")

    def __init__(self, index: int, paragraph: int, start: int, continued: bool = False) -> None:
        self.index = index  # into the spans
        self.paragraph = paragraph
        self.start = start  # its opening mark
        self.continued = continued  # it goes on from the paragraph before
        self.c: Clues = _NO_CLUES


class Conversation:
    def __init__(self, text: str, paragraphs, spans, tags: list[Tag | None], beats: list[Tag | None],
                 cast: Cast, weights: dict[str, float] | None = None, narrator: Person | None = None,
                 fiction: bool = True) -> None:
        self.text = text
        self.fiction = fiction
        self.paragraphs = paragraphs
        self.spans = spans
        self.cast = cast
        self.people: People = cast.people
        self.w = weights or load_weights()["fiction"]
        self.narrator = narrator
        self.turns: list[Turn] = []
        self.recent: dict[int, int] = {}
        self._descriptions: dict[str, tuple[int, int]] = {}  # description -> (where, person)
        self._called_forms: dict[str, NameForm | None] = {}  # a name called out -> its form, read once
        self._static_scores: list[tuple | None] = []

        for i, s in enumerate(spans):
            if s.kind == MENTION or s.label is not None:
                continue
            turn = Turn(i, s.paragraph, s.open_mark, s.continued)
            tag, beat = tags[i], beats[i] if tags[i] is None else None
            if tag is not None or beat is not None:
                turn.c = Clues(tag, beat)
            self.turns.append(turn)
        self.speaker: list[int | None] = [None] * len(self.turns)
        # The first and the last turn of each turn's paragraph.
        self._first_of = [0] * len(self.turns)
        self._last_of = [0] * len(self.turns)
        for k, t in enumerate(self.turns):
            self._first_of[k] = self._first_of[k - 1] if k and self.turns[k - 1].paragraph == t.paragraph else k
        for k in range(len(self.turns) - 1, -1, -1):
            nxt = k + 1 < len(self.turns) and self.turns[k + 1].paragraph == self.turns[k].paragraph
            self._last_of[k] = self._last_of[k + 1] if nxt else k
        for t in self.turns:
            self._read(t)

    # -- what each quotation's surroundings say ---------------------------------------

    def _person_of_name(self, mention, pos: int) -> int | None:
        form = self.people.form(mention)
        if form is None:
            return None
        p = self.people.find(form, self.recent)
        if p is None and not (form.the and len(form.core) == 1):
            p = self.people.add(form, mention.text)
        if p is None and form.the:
            p = self.people.add(form, mention.text)  # "the Baron", first heard of as a speaker
        return p.index if p is not None else None

    def _read(self, t: Turn) -> None:
        tag = t.c.tag
        if tag is not None:
            m = tag.mention
            if m.kind == NAME:
                t.c.tag_person = self._person_of_name(m, m.start)
            elif m.kind == PRONOUN:
                low = m.text.lower()
                if low in ("i", "my"):
                    t.c.tag_narrator = True
                elif low in ("it", "they", "we"):
                    t.c.plural = True
                else:
                    t.c.tag_gender = pronoun_gender(low) or {"he": "m", "she": "f"}.get(low)
                    t.c.pronoun_subject, t.c.pronoun_nearest = self._pronoun_antecedents(t, m.start, t.c.tag_gender)
            else:
                self._read_description(t, m)
            if tag.addressee is not None and tag.addressee.kind == NAME:
                form = self.people.form(tag.addressee)
                p = self.people.find(form, self.recent, loose=True) if form else None
                if p is not None:
                    t.c.addressee = p.index
        if t.c.beat is not None and t.c.beat.mention.kind == NAME:
            form = self.people.form(t.c.beat.mention)
            p = self.people.find(form) if form else None
            if p is not None:
                t.c.beat_person = p.index
        # Names called out in the quotation: the people it speaks to.
        s = self.spans[t.index]
        content = self.text[s.start : s.end]
        if len(content) > 300:
            content = content[:150] + " … " + content[-150:]
        for called in _vocatives(content):
            form = self._called_forms.get(called, False)
            if form is False:
                mention = make_name(tokens(called), called, trusted=True)  # "Can't you, May?"
                form = self._called_forms[called] = self.people.form(mention) if mention is not None else None
            if form is None:
                continue
            p = self.people.find(form, loose=True)
            if p is None and len(form.core) == 1 and form.core[0].lower() in GIVEN_NAMES and not form.honorific:
                p = self.people.add(form, called)  # someone called by a given name is someone
            if p is not None and p.index not in t.c.vocatives:
                if t.c is _NO_CLUES:
                    t.c = Clues()
                t.c.vocatives += (p.index,)

    def _read_description(self, t: Turn, m) -> None:
        """"the old man", "the minister", "a spokesman", "the other": the gender its head gives,
        the people bearing its head as a title (found when deciding), and a person known only by
        this description, who may be a newcomer."""
        head = m.head
        if head in ("other", "latter", "former"):
            t.c.tag_other = True
            return
        if head in NON_PERSON_NOUNS and head not in DOCUMENT_NOUNS:
            # "May's voice", "her voice": the owner speaks; "a voice": no one in particular.
            owner = m.text.split()[0]
            if owner.lower() in INDEFINITES:
                t.c.nobody = True
                return
            if owner.lower() in ("his", "her"):
                t.c.tag_gender = "m" if owner.lower() == "his" else "f"
                t.c.pronoun_subject, t.c.pronoun_nearest = self._pronoun_antecedents(t, m.start, t.c.tag_gender)
            elif owner[:1].isupper() and owner.endswith(("'s", "’s")):
                name = make_name(tokens(owner), owner)
                form = self.people.form(name) if name is not None else None
                p = self.people.find(form, self.recent) if form is not None else None
                if p is not None:
                    t.c.tag_person = p.index
            return
        t.c.tag_gender = "m" if head in PERSON_NOUNS_MALE else "f" if head in PERSON_NOUNS_FEMALE else None
        t.c.desc_head = head
        org = head in ORGANISATION_WORDS or head in DOCUMENT_NOUNS
        if org:
            named = self.people.named_organisation(head)
            if named is not None:
                t.c.tag_person = named.index
                if not self.fiction:
                    return  # "the ministry": the Ministry of Infrastructure, named before
        first = m.text.split()[0].lower()
        t.c.desc_indefinite = first in INDEFINITES
        owner = re.search(r"\b(?:from|of|by|for)\s+((?:the\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)*)",
                          self.text[m.start : m.end + 60])
        if org and owner and m.head in DOCUMENT_NOUNS:
            # "a statement from Chelsea": the body that issued it speaks.
            name = make_name(tokens(owner.group(1)), owner.group(1))
            form = self.people.form(name) if name is not None else None
            if form is not None:
                p = self.people.find(form, self.recent) or self.people.add(form, owner.group(1))
                t.c.tag_person = p.index
                return
        if first in POSSESSIVES:
            # "his wife", "her mother": someone the scene already holds, related to the person
            # the possessive stands for (a Mrs. Honeychurch is Lucy Honeychurch's mother).
            if head in RELATION_NOUNS and first in ("his", "her"):
                t.c.relation = ("m" if first == "his" else "f", RELATION_NOUNS[head])
            return
        if self.fiction and head in GENERIC_PERSON_NOUNS:
            return  # "the girl", "the old gentleman": someone in the scene
        if first not in INDEFINITES and self.people.titled(head):
            return  # "the minister", "the undertaker": someone the text gave that title
        key = " ".join(m.text.lower().split())
        known = self._descriptions.get(key)
        if known is not None and m.start - known[0] < 20_000:
            t.c.desc_person = known[1]  # "the cook" again, in the same part of the text
        else:
            t.c.desc_person = self.people.add_description(m.text, head, org).index
        self._descriptions[key] = (m.start, t.c.desc_person)

    def _pronoun_antecedents(self, t: Turn, pos: int, gender: str | None) -> tuple[int | None, int | None]:
        """The person last named as a sentence's subject, and the person last named, before the
        pronoun in its paragraph or the one before, of its gender."""
        para = self.paragraphs[max(0, t.paragraph - 1)]
        subject = nearest = None
        for p, idx, is_subject in self.cast.before(pos, para.start):
            if self.people.persons[idx].kind == ORGANISATION:
                continue
            person = self.people.persons[idx]
            g = person.best_gender()
            if gender and g and g != gender:
                continue
            if nearest is None:
                nearest = idx
            if is_subject and subject is None:
                subject = idx
            if subject is not None:
                break
        return subject, nearest

    # -- deciding ---------------------------------------------------------------------

    def _static(self, k: int) -> dict[int, dict[str, float]]:
        """The features of turn k's candidates that do not depend on who the other turns'
        speakers are: its tag, its beat, the people it calls by name, the narrative around it."""
        t = self.turns[k]
        c = t.c
        cands: dict[int, dict[str, float]] = {}

        def feat(person: int, name: str) -> None:
            f = cands.setdefault(person, {})
            f[name] = f.get(name, 0.0) + 1.0

        if c is not _NO_CLUES:
            if c.tag_person is not None:
                feat(c.tag_person, "tag_name" if c.tag is None or c.tag.mention.kind == NAME else "tag_title")
            if c.desc_person is not None:
                feat(c.desc_person, "new_description_indefinite" if c.desc_indefinite else "new_description")
            if c.tag_narrator and self.narrator is not None:
                feat(self.narrator.index, "tag_narrator")
            if c.beat_person is not None:
                feat(c.beat_person, "beat_subject")
        prev = self.turns[k - 1] if k > 0 else None
        if prev is not None and t.paragraph - 1 <= prev.paragraph < t.paragraph and not t.continued:
            for v in prev.c.vocatives:
                feat(v, "addressed_before")
        if c is not _NO_CLUES:
            for v in c.vocatives:
                feat(v, "addressed_here")
            if c.addressee is not None:
                feat(c.addressee, "tag_addressee")
            if c.pronoun_subject is not None:
                feat(c.pronoun_subject, "tag_pronoun_subject")
            if c.pronoun_nearest is not None:
                feat(c.pronoun_nearest, "tag_pronoun_nearest")
        # People named in the narrative of this paragraph, since the last quotation, and a little
        # before it; the people the last quotations called by name.
        para_start = self.paragraphs[t.paragraph].start
        lo = self.spans[prev.index].open_mark if prev is not None else 0
        for pos, idx, _subject in self.cast.between(max(0, para_start - 3000),
                                                    min(self.paragraphs[t.paragraph].end, t.start + 400)):
            f = cands.setdefault(idx, {})
            if pos >= para_start:
                f["named_in_paragraph"] = 1.0
            elif pos >= lo:
                f["named_since_last"] = 1.0
        for j in (k - 1, k - 2):
            if j >= 0:
                for v in self.turns[j].c.vocatives:
                    cands.setdefault(v, {})
        for person, f in cands.items():
            f.update(self._person_features(k, person))
        return cands

    def _person_features(self, k: int, person: int) -> dict[str, float]:
        """What a candidate is, against turn k's tag: gender, a body or a person, the narrator,
        how lately the narrative named them."""
        t = self.turns[k]
        c = t.c
        f = {"bias": 1.0}
        if c is not _NO_CLUES:  # (most quotations of a conversation: none of this applies)
            p = self.people.persons[person]
            if c.tag_gender is not None:
                g = p.best_gender()
                if g == c.tag_gender:
                    f["tag_gender_match"] = 1.0
                elif g is not None or p.kind == ORGANISATION:
                    f["tag_gender_clash"] = 1.0  # "he said" is never a company
            if c.plural:
                f["tag_it_organisation" if p.kind == ORGANISATION else "tag_it_person"] = 1.0
            if c.relation is not None and self._family_in_scene(k, p, c.relation[0]):
                f["relation_family"] = 1.0
            if c.tag_other:
                f["tag_other"] = 1.0
            if self.narrator is not None and person == self.narrator.index and c.tag is not None \
                    and not c.tag_narrator and c.tag.mention.kind == PRONOUN:
                f["not_narrator_tag"] = 1.0
        r = self.cast.last_before(person, t.start, t.start - 3000)  # where the narrative last named them
        if r is not None:
            f["recent_mention"] = 1.0 - (t.start - r) / 3000
        return f

    def _family_in_scene(self, k: int, p: Person, owner_gender: str) -> bool:
        """Whether someone named near turn k, of the possessive's gender ("her" mother), shares
        this person's surname: their relative."""
        surname = _surname(p)
        if surname is None:
            return False
        t = self.turns[k]
        for _pos, idx, _subject in self.cast.before(t.start, t.start - 3000):
            if idx == p.index:
                continue
            q = self.people.persons[idx]
            if _surname(q) == surname and q.best_gender() in (owner_gender, None):
                return True
        return False

    def _dynamic(self, k: int) -> list[tuple[int, str, float]]:
        """The features that depend on the other turns' speakers, as decided so far: the
        turns before and after, the recent speakers, who bore a description's head as a title."""
        t = self.turns[k]
        out: list[tuple[int, str, float]] = []
        prev = self.turns[k - 1] if k > 0 else None
        back = self._previous_turns(k, 6)
        if prev is not None and prev.paragraph == t.paragraph:
            if self.speaker[k - 1] is not None:
                out.append((self.speaker[k - 1], "same_paragraph", 1.0))
        elif t.continued and prev is not None:
            if self.speaker[k - 1] is not None:
                out.append((self.speaker[k - 1], "continued", 1.0))
        else:
            if back:
                near = back[0][1] >= t.paragraph - 1
                out.append((back[0][0], "last_turn" if near else "last_turn_far", 1.0))
                if len(back) > 1 and near and back[1][0] != back[0][0]:
                    out.append((back[1][0], "two_back", 1.0))
            ahead = self._next_turns(k)
            if ahead and ahead[0][1] <= t.paragraph + 1:
                out.append((ahead[0][0], "next_turn", 1.0))
                if len(ahead) > 1 and ahead[1][0] != ahead[0][0]:
                    out.append((ahead[1][0], "two_ahead", 1.0))
            elif ahead:
                out.append((ahead[0][0], "", 0.0))  # a candidate, no more
        seen = set()
        for n, (spk, _) in enumerate(back):
            if spk not in seen:
                seen.add(spk)
                out.append((spk, "recent_speaker", 1.0 - n / 6))
        if t.c.tag_other and back:
            out.append((back[0][0], "tag_other_last", 1.0))
        if t.c.desc_head is not None:
            found = self._titled(t)
            if found is not None and found[0] != t.c.tag_person:
                titled, kind = found
                if self.people.persons[titled].described:
                    kind = "tag_title_described"
                out.append((titled, kind, 1.0))
        return out

    def candidates(self, k: int) -> dict[int, dict[str, float]]:
        """Every candidate of turn k with all its features (for fitting and inspection)."""
        cands = {p: dict(f) for p, f in self._static(k).items()}
        for person, name, value in self._dynamic(k):
            f = cands.get(person)
            if f is None:
                f = cands[person] = dict(self._person_features(k, person))
            if name:
                f[name] = f.get(name, 0.0) + value
        cands.pop(self.turns[k].c.addressee, None)  # the person spoken to is not the speaker
        return cands

    def _best(self, k: int) -> int | None:
        """The best-scoring candidate of turn k (None when no one scores above zero)."""
        w = self.w
        packed = self._static_scores[k]
        if packed is None:
            # Kept between passes as a flat tuple (person, score, person, score ...): a text of a
            # hundred thousand quotations must not keep a dictionary for each.
            packed = self._static_scores[k] = tuple(
                x for p, f in self._static(k).items() for x in (p, self.score(f)))
        statics = packed[0::2]
        extra: dict[int, float] = {}
        for person, name, value in self._dynamic(k):
            if person not in extra and person not in statics:
                extra[person] = self.score(self._person_features(k, person))
            if name:
                extra[person] = extra.get(person, 0.0) + w.get(name, 0.0) * value
        addressee = self.turns[k].c.addressee  # the person spoken to is not the speaker
        best, best_score = None, 0.0
        for n in range(0, len(packed), 2):
            person = packed[n]
            sc = packed[n + 1] + extra.pop(person, 0.0)
            if sc > best_score and person != addressee:
                best, best_score = person, sc
        for person, sc in extra.items():
            if sc > best_score and person != addressee:
                best, best_score = person, sc
        return best

    def _titled(self, t: Turn, reach: int = 20_000) -> tuple[int, str] | None:
        """The person nearest before a description who bears its head as a title: one the text
        gave it ("Mr. Sowerberry, the undertaker"), or one who spoke as it before."""
        head = t.c.desc_head
        static = self.people.titled(head)
        learned = self.learned.get(head, {})
        if not static and not learned:
            return None
        if static:
            # A title the text gave someone outweighs one a quotation was taken to give.
            for _pos, idx, _subject in self.cast.before(t.start, t.start - reach):
                if idx in static:
                    return idx, "tag_title"
        spoken = "tag_title" if head not in GENERIC_PERSON_NOUNS else "tag_title_spoken"
        for _pos, idx, _subject in self.cast.before(t.start, t.start - reach):
            if idx in learned:
                return idx, spoken
        before = [(pos, idx) for idx, pos in learned.items() if pos < t.start]
        if before:
            return max(before)[1], spoken
        return (static[-1], "tag_title") if len(static) == 1 else None

    def _previous_turns(self, k: int, limit: int = 3) -> list[tuple[int, int]]:
        """(speaker, paragraph) of the nearest earlier turns in other paragraphs, one per
        paragraph, nearest first, within the scene (no more than 12 paragraphs back)."""
        out: list[tuple[int, int]] = []
        para = self.turns[k].paragraph
        j = self._first_of[k] - 1  # the last quotation of the paragraph before
        while j >= 0 and len(out) < limit:
            t = self.turns[j]
            if para - t.paragraph > 12:
                break
            first = self._first_of[j]
            # That paragraph's speaker: its last quotation's, or its first's.
            spk = self.speaker[j] if self.speaker[j] is not None else self.speaker[first]
            if spk is not None:
                out.append((spk, t.paragraph))
            j = first - 1
        return out

    def _next_turns(self, k: int, limit: int = 2) -> list[tuple[int, int]]:
        """(speaker, paragraph) of the nearest later turns in other paragraphs, while decided."""
        out: list[tuple[int, int]] = []
        para = self.turns[k].paragraph
        j = self._last_of[k] + 1  # the first quotation of the next paragraph that has one
        while j < len(self.turns) and len(out) < limit:
            t = self.turns[j]
            if t.paragraph - para > 12:
                break
            spk = self.speaker[j]
            if spk is None:
                break
            out.append((spk, t.paragraph))
            j = self._last_of[j] + 1
        return out

    def score(self, f: dict[str, float]) -> float:
        """The weighted sum of the features, in their order."""
        return sum(map(mul, map(self.w.get, f, repeat(0.0)), f.values()))

    def decide(self, passes: int = 2) -> list[int | None]:
        """Choose every quotation's speaker: the anchors first (a tag that names someone), then
        each quotation in order, twice (the second time knowing the choices after it)."""
        self.speaker = [None] * len(self.turns)
        self.recent = {}
        self.learned: dict[str, dict[int, int]] = {}
        self._static_scores: list[tuple | None] = [None] * len(self.turns)  # for these weights
        anchored = [False] * len(self.turns)
        for k, t in enumerate(self.turns):
            if t.c.tag_person is not None and t.c.tag is not None and t.c.tag.mention.kind == NAME \
                    and t.c.tag_person != t.c.addressee:
                # A tag that names the speaker decides: nothing around it outweighs it.
                self.speaker[k] = t.c.tag_person
                anchored[k] = True
            elif t.c.tag_narrator and self.narrator is not None:
                self.speaker[k] = self.narrator.index  # "I said", "said I"
                anchored[k] = True
        for _ in range(passes):
            self.recent = {}
            for k, t in enumerate(self.turns):
                if t.c.nobody or anchored[k]:
                    continue
                best = self._best(k)
                self.speaker[k] = best
                if best is not None:
                    self.recent[best] = t.start
                    if t.c.desc_head is not None:
                        # "the old gentleman" is who spoke as it: so, next time, is he.
                        self.learned.setdefault(t.c.desc_head, {})[best] = t.start
        return self.speaker

    def mention_of(self, k: int) -> Tag | None:
        """The tag that attributed turn k, when it names the speaker chosen."""
        t = self.turns[k]
        spk = self.speaker[k]
        if t.c.tag is None or spk is None or t.c.addressee == spk:
            return None
        kind = t.c.tag.mention.kind
        if kind == NAME and t.c.tag_person is not None and t.c.tag_person != spk:
            return None  # the tag names someone else
        if t.c.tag_narrator and (self.narrator is None or spk != self.narrator.index):
            return None
        g = self.people.persons[spk].best_gender()
        if t.c.tag_gender is not None and g is not None and g != t.c.tag_gender:
            return None  # "she said", and a man was chosen
        return t.c.tag
