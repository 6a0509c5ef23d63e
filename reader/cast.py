"""Who is in the text: the people named in it and where each is named.

``find_cast`` reads the names in the quotations' tags first (a name that says something is a
person), then every capitalised run of the narrative: a run with an honorific or a title
("Mr. Gamfield", "Colonel Ducroix"), a known given name followed by a surname ("Anne
Shirley"), or the name of someone already known makes a mention. Each mention records where
it stands and whether it opens its sentence (its subject, most often), and the pronouns that
follow a name vote on that person's gender.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from reader.lexicon import (
    FEMALE_NAMES,
    HONORIFICS,
    MALE_NAMES,
    NOT_NAMES,
    FINITE_VERBS,
    GENERIC_PERSON_NOUNS,
    NAME_ABBREVIATIONS,
    OFFICE_TITLES,
    ORGANISATION_WORDS,
    PERSON_NOUNS,
    PLACE_PREPOSITIONS,
    REPORTING_VERBS,
    RUN_JOINERS,
)
from reader.model import PERSON
from reader.people import People, Person
from reader.phrases import NAME, make_name, tokens

# A run of capitalised words, whole words only (inside a long token nothing is tried again).
# The first capital comes first in the pattern and the look behind it after, so that the
# search skips from capital to capital instead of trying every character.
_RUN = re.compile(
    r"[A-ZÀ-ÖØ-ÞĀ-Ž](?<![\w’'\-][A-ZÀ-ÖØ-ÞĀ-Ž])[\w’'\-]*(?![\w’'\-])\.?"
    r"(?:[ \t]+(?:(?:" + "|".join(j.replace(" ", r"[ \t]+") for j in RUN_JOINERS) + r")[ \t]+)?"
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*(?![\w’'\-])\.?)*"
)
_PLACE_BEFORE = re.compile(r"\b(?:" + "|".join(PLACE_PREPOSITIONS) + r")\s+$")
_APPOSITION = re.compile(
    r",\s+(?:the|a|an|his|her|its|their)\s+(?:[a-z][\w’'\-]*\s+){0,3}(?P<head>[a-z][a-z\-]{2,})(?=\s*[,;.]|\s+(?:of|at|for|in)\b)"
)
# What follows a name, in one look: an apposition ("Rui Damasceno, the city's finance chief,"),
# a comma alone, an adverb, and the next word, which tells whether the name reports speech
# or acts (is its clause's subject).
_NEXT_WORD = re.compile(r"(?P<apposition>,[^,]{1,80},|,)?\s+(?:\w+ly\s+)?(?P<w>[a-z]+)\b")


def _next_verb(text: str, end: int) -> tuple[bool, bool]:
    """(reports speech, acts) for the words after a name ending at ``end``."""
    m = _NEXT_WORD.match(text, end, end + 120)
    if m is None:
        return False, False
    w = m.group("w")
    reports = w in REPORTING_VERBS
    acts = m.group("apposition") != "," and (reports or w in FINITE_VERBS or w.endswith("ed"))
    return reports, acts


# he, his, him, himself, she, her, hers, herself as whole words, in any case. Written so that
# the search skips from one possible first letter to the next (h, H, s, S and ſ, which
# IGNORECASE matches to s) instead of trying every character: the first letter outside the
# case-blind part, and the look at the character before it after it (what \b was).
_PRONOUN_AFTER = re.compile(r"((?:h|H|s|S|ſ)(?<!\w.)(?i:(?<=h)(?:e|is|im|imself|er|ers|erself)|(?<=s)he))\b")
_SENTENCE_START = re.compile(r"(?:[.!?;:][\"'”’)]*\s+|[\"“‘]\s*)$")


@dataclass
class Cast:
    people: People
    # Every mention of a person in the narrative: (offset, person, opens its sentence), in order.
    mentions: list[tuple[int, int, bool]] = field(default_factory=list)
    # Each person's mention offsets, in order: made from ``mentions`` when first asked for.
    _offsets: dict[int, list[int]] | None = field(default=None, repr=False, compare=False)

    def before(self, pos: int, lo: int) -> list[tuple[int, int, bool]]:
        """Mentions from pos back to lo, nearest first."""
        mentions = self.mentions
        a = bisect.bisect_left(mentions, (max(lo, 0), -1, False))
        b = bisect.bisect_left(mentions, (pos, -1, False))
        return mentions[b - 1 : a - 1 if a else None : -1] if b > a else []

    def between(self, lo: int, hi: int) -> list[tuple[int, int, bool]]:
        """Mentions in [lo, hi), in text order."""
        mentions = self.mentions
        return mentions[bisect.bisect_left(mentions, (lo, -1, False)) : bisect.bisect_left(mentions, (hi, -1, False))]

    def last_before(self, person: int, pos: int, lo: int) -> int | None:
        """The offset of the nearest mention of a person from pos back to lo (``before``'s first
        mention of them), or None."""
        offsets = self._offsets
        if offsets is None:
            offsets = self._offsets = {}
            for p, idx, _subject in self.mentions:
                offsets.setdefault(idx, []).append(p)
        mine = offsets.get(person)
        if mine is None:
            return None
        j = bisect.bisect_left(mine, pos) - 1
        return mine[j] if j >= 0 and mine[j] >= max(lo, 0) else None


_STOPPED = re.compile(r"([\w’'\-]+)\.(?=\s)")


def _ends_sentence(run: str) -> int | None:
    """Where a run of capitalised words is cut by a full stop that is not an abbreviation's."""
    for m in _STOPPED.finditer(run):
        w = m.group(1)
        if not (w.lower() in NAME_ABBREVIATIONS or len(w) == 1):
            return m.end(1)
    return None


def _outside(starts: list[int], ends: list[int], pos: int) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k < 0 or pos >= ends[k]


def _narrative(paragraphs, spans):
    """The stretches of the text that are narrative: the paragraphs, less their quotations."""
    k = 0
    for para in paragraphs:
        pos = para.start
        while k < len(spans) and spans[k].paragraph < para.index:
            k += 1
        j = k
        while j < len(spans) and spans[j].paragraph == para.index:
            s = spans[j]
            if s.open_mark > pos:
                yield pos, s.open_mark, para.start
            end = (s.close_mark + 1) if s.close_mark is not None else para.end
            pos = max(pos, end)
            j += 1
        if pos < para.end:
            yield pos, para.end, para.start


def _runs(text: str, paragraphs, spans):
    """The capitalised runs of the narrative (the paragraphs outside quotations; headings and
    titles are not narrative): the words, the offset of each, and whether it opens a sentence."""
    opening: dict[str, bool] = {}  # the three characters before a run -> whether a sentence opens there
    finditer = _RUN.finditer
    for lo, hi, para_start in _narrative(paragraphs, spans):
        for m in finditer(text, lo, hi):
            pos = m.start()
            run = m.group()
            # A sentence opens a paragraph, or follows a full stop (a line break inside a
            # hard-wrapped paragraph is not a sentence's start).
            if pos == para_start:
                opens = True
            else:
                before = text[pos - 3 if pos > 3 else 0 : pos]
                opens = opening.get(before)
                if opens is None:
                    opens = opening[before] = _SENTENCE_START.search(before) is not None
            if opens and run in _NEVER_NAMES:
                continue  # "The", "He", "But" opening a sentence: the commonest runs, never a name
            while run:
                # "Exeter. Mr Tonkin": a full stop that is not an abbreviation's ends the run, and
                # the words after it open a sentence.
                cut = _ends_sentence(run) if "." in run else None
                part = run if cut is None else run[:cut]
                if " " in part or "\t" in part:
                    found = list(_WORD.finditer(part))
                    yield tuple([w.group() for w in found]), tuple([pos + w.start() for w in found]), opens
                else:
                    yield (part,), (pos,), opens
                if cut is None:
                    break
                rest = run[cut + 1 :]
                pos += cut + 1 + (len(rest) - len(rest.lstrip()))
                run = rest.lstrip()
                opens = True


_WORD = re.compile(r"\S+")
_NEVER_NAMES = frozenset(w.capitalize() for w in NOT_NAMES if w not in HONORIFICS and w.isalpha())


def _bare(word: str) -> str:
    w = word.rstrip(".")
    return w[:-2] if w.endswith(("'s", "’s")) else w


def _described(text: str, end: int) -> bool:
    """Whether a name is followed by an apposition that describes a person ("Rui Damasceno, the
    city's finance chief,"): a title, a noun for a person, or a noun for what someone does."""
    a = _APPOSITION.match(text, end, min(len(text), end + 80))
    if not a:
        return False
    head = a.group("head").lower()
    return (head in OFFICE_TITLES or head in PERSON_NOUNS
            or head.endswith(("er", "or", "ist", "ian", "ant", "ent")) and head not in ("order", "letter", "matter"))


def whole_word(word: str) -> re.Pattern[str]:
    """A pattern that finds the word as a whole word (not inside a longer one). The word comes
    first and the look at the character before it after, so that the search runs as a search
    for the word itself."""
    w = re.escape(word)
    return re.compile(rf"{w}(?<![\w’'\-]{w})(?![\w’'\-])")


def _could_be_first_name(word: str) -> bool:
    """A capitalised word before a surname that may be a first name (not "Presently", "Having")."""
    low = word.lower()
    return low not in NOT_NAMES and not low.endswith(("ly", "ing", "est", "ward", "wards", "upon", "ever"))


def capitalised_words(text: str, paragraphs, spans) -> tuple[set[str], list]:
    """The words the narrative capitalises where no sentence begins: names (and titles and
    places), told from words capitalised only because they open a sentence ("Presently") or
    stand in a heading ("Faced"). Also returns the runs, for ``find_cast``."""
    runs = list(_runs(text, paragraphs, spans))
    written: set[str] = set()  # the words as written, each made bare once
    for words, _starts, opens in runs:
        written.update(words[1:] if opens else words)
    return set(map(_bare, written)), runs


def find_cast(text: str, paragraphs, spans, tags, names: tuple[set[str], list] | None = None) -> Cast:
    people = People()
    cast = Cast(people)
    mid, runs = names or capitalised_words(text, paragraphs, spans)
    forms = []
    for t in tags:
        if t is None or t.mention.kind != NAME or t.is_beat:
            continue
        form = people.form(t.mention)
        if form is not None:
            forms.append((form, t.mention.text))
            if form.honorific and len(form.core) >= 2:
                people.note_first_name_after_honorific(form)
    # Names in tags first: whoever is named as speaking is a person.
    for form, written in forms:
        people.add(form, written).speaks += 1
    known_words = {w for p in people.persons for c in p.cores for w in c}

    seen_lower: dict[str, bool] = {}

    def lowercase(w: str, pos: int) -> bool:
        """Whether the text writes this word in lower case ("Like", not "Rui"), in the 100,000
        characters around where it stands (a bounded look, whatever the text's size)."""
        low = w.lower()
        if low not in seen_lower:
            seen_lower[low] = whole_word(low).search(text, max(0, pos - 50_000), pos + 50_000) is not None
        return seen_lower[low]

    like: dict[str, bool] = {}

    def name_like(w: str) -> bool:
        answer = like.get(w)
        if answer is None:
            answer = like[w] = _name_like(w)
        return answer

    def _name_like(w: str) -> bool:
        b = _bare(w)
        low = b.lower()
        if b in known_words:
            return True  # a name a tag gave, even one like "May"
        return (low in HONORIFICS or low in OFFICE_TITLES or b in mid
                or low in MALE_NAMES or low in FEMALE_NAMES) and not (low in NOT_NAMES and low not in HONORIFICS)

    # The names of the narrative, read once; a full name the text writes twice or more may
    # complete a shorter name already known ("Tom" is not "Tom Thumb", written once).
    found = []
    titled_mentions: list[tuple[int, int, bool]] = []
    parse_cache: dict[str, tuple] = {}
    titles_after: dict[int, str] = {}
    full_count: Counter[tuple[str, ...]] = Counter()
    shape: dict[tuple[str, ...], tuple[int, int, bool]] = {}  # a run's words -> (k, e, organisation)
    for words, starts, opens in runs:
        known = shape.get(words)
        if known is None:
            k = 0
            while k < len(words) and not name_like(words[k]):
                k += 1
            e = k
            while e < len(words) and name_like(words[e]):
                e += 1
            known = shape[words] = (k, e, any(_bare(w).lower() in ORGANISATION_WORDS for w in words[k:]))
        k, e, organisation = known
        if organisation:
            # An organisation keeps all its words but an article: "the Ministry of Infrastructure",
            # "The Three Counties Growers’ Association".
            k = 1 if words[0] in ("The", "A", "An") and len(words) > 1 else 0
            mention = make_name(tokens(text, starts[k], starts[-1] + len(words[-1])), text)
            form = people.form(mention) if mention is not None else None
            if form is not None and form.organisation:
                found.append((starts[k], mention.end, opens and k == 0, mention.text, form, True))
            continue
        if 0 < k < e and _could_be_first_name(_bare(words[k - 1])) \
                and not lowercase(_bare(words[k - 1]), starts[k - 1]) and (
                _bare(words[k]) in known_words or any(_next_verb(text, starts[e - 1] + len(words[e - 1])))):
            k -= 1  # "Rui Damasceno", "Leila Haddad said": the word before a surname is a first name
        if k == len(words) == 2 and opens and all(
                _could_be_first_name(_bare(w)) and not lowercase(_bare(w), p) for p, w in zip(starts, words)) and (
                _next_verb(text, starts[1] + len(words[1]))[1]):
            k, e = 0, 2  # "Rui Damasceno, the city's finance chief, rejected": a name that acts
        if k == e:
            continue
        pos = starts[k]
        first = _bare(words[k]).lower()
        titled = first in HONORIFICS or first in OFFICE_TITLES
        if titled and e - k == 1:
            # "The Professor seized Syme": a title used as a name, of whoever bears it.
            if k > 0 and words[k - 1] in ("The", "the") or text[max(0, pos - 4) : pos].lower() == "the ":
                p = people.titled(first)
                if len(p) == 1:
                    titled_mentions.append((pos, p[0], opens and k <= 1))
            continue
        last = _bare(words[e - 1])
        end = starts[e - 1] + len(words[e - 1])
        # Whoever is said to speak is a person: "Rui Damasceno said tenders would be issued".
        speaks, acts = _next_verb(text, end)
        if not (titled or speaks or last in known_words
                or e - k >= 2 and (first in MALE_NAMES or first in FEMALE_NAMES or _described(text, end))):
            continue
        if e - k == 1 and speaks and not titled and last not in known_words and (
                last not in mid or _PLACE_BEFORE.search(text, max(0, pos - 12), pos)):
            continue  # one word only ever at a sentence's start, or a place: "near Leominster, said"
        written = text[pos:end]
        parsed = parse_cache.get(written)
        if parsed is None:
            mention = make_name(tokens(written), written)
            form = people.form(mention) if mention is not None else None
            parsed = parse_cache[written] = (form, mention.text if mention is not None else "")
        form, mention_text = parsed
        if form is None:
            continue
        # The subject of its sentence: a name that opens it, or one that reports speech.
        subject = opens and k == 0 or speaks or acts
        found.append((pos, end, subject, mention_text, form, titled or speaks or len(form.core) >= 2))
        # Titles written before the name in lower case: "Council leader Daniel Whitcombe".
        if pos and text[pos - 1] == " ":
            for w in text[max(0, pos - 40) : pos].split()[-2:]:
                if w.islower() and w in OFFICE_TITLES:
                    titles_after.setdefault(len(found) - 1, w)
        # "Mr. Sowerberry, the undertaker,": the apposition is a title the person bears.
        a = _APPOSITION.match(text, end, min(len(text), end + 80)) if text[end : end + 1] == "," else None
        if a and a.group("head").lower() not in GENERIC_PERSON_NOUNS:
            # (not "Mr. Brownlow, the old gentleman,": a kind of person is no title)
            titles_after[len(found) - 1] = a.group("head").lower()
        if len(form.core) >= 2:
            full_count[form.core] += 1
        if form.honorific and len(form.core) >= 2:
            people.note_first_name_after_honorific(form)
    for n, (pos, end, subject, mention, form, makes) in enumerate(found):
        extend = full_count[form.core] >= 2
        if not makes and people.find(form, extend=extend) is None:
            continue
        p = people.add(form, mention, extend=extend)
        known_words.update(form.core)
        p.count += 1
        cast.mentions.append((pos, p.index, subject))
        if n in titles_after and p.kind == PERSON:
            people.learn_title(p, titles_after[n])
        if p.votes[0] + p.votes[1] < 40:
            v = _PRONOUN_AFTER.search(text, end, min(len(text), end + 80))
            if v:
                p.votes[0 if v.group(1).lower() in ("he", "his", "him", "himself") else 1] += 1
    cast.mentions.extend(titled_mentions)
    cast.mentions.sort()
    return cast


def gender_of(p: Person) -> str | None:
    return p.best_gender()
