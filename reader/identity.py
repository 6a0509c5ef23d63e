"""One person across many articles: which speakers, each found in one article, are the same.

An article's engine already joins "Lavrov" to "Sergey Lavrov" within that article; across
articles the names are all there is. Two speakers are one person when their names are
compatible:

- the name is read without the titles and descriptions before it ("Russian Foreign Minister
  Sergey Lavrov", "Mr. Lavrov" -> "Sergey Lavrov", "Lavrov");
- full names (a given name and a surname) are the same person when the surnames are equal and
  the given names agree: equal, or one an initial of the other ("J. Smith", "John Smith");
  a middle name or initial is not needed to agree ("Donald J. Trump", "Donald Trump");
- a surname alone ("Lavrov") joins the one person of that surname who has a full name; when
  several people share it ("Clinton": Hillary and Bill), an honorific in the speaker's mentions
  ("Mrs. Clinton") picks the one of that gender if there is just one, else it stays apart.

Organisations are one when their names are equal but for case, accents and a leading "the".
A person named only by a description ("the senator", "a friend") is nobody in particular: each
such speaker stays on their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.lexicon import (
    DESCRIPTOR_WORDS,
    FEMALE_NAMES,
    HONORIFICS,
    MALE_NAMES,
    NAME_PARTICLES,
    OFFICE_TITLES,
    ORGANISATION_WORDS,
)
from reader.model import ORGANISATION, PERSON
from reader.search import fold, words

# Words after a surname that are not the surname.
_SUFFIXES = frozenset("jr sr ii iii iv v phd md esq".split())
# Words before a name that say what the person is, not who.
_NOT_NAME = frozenset(HONORIFICS) | OFFICE_TITLES | DESCRIPTOR_WORDS | ORGANISATION_WORDS | {"press", "the", "a", "an"}
_GENDER = {h.rstrip("."): g for h, g in HONORIFICS.items() if g and h.rstrip(".") in ("mr", "mrs", "ms", "miss", "mister")}


@dataclass(frozen=True, slots=True)
class SpeakerName:
    """A speaker of one article, as the library knows it."""

    key: int  # the caller's identifier for this speaker
    name: str
    kind: str
    mentions: tuple[str, ...] = ()
    quotes: int = 0


@dataclass(slots=True)
class Person:
    """The speakers that are one person (or organisation) across articles."""

    name: str
    kind: str
    members: list[int] = field(default_factory=list)  # SpeakerName.key of each
    quotes: int = 0


def name_core(name: str) -> list[str]:
    """The words of a name that say who, not what: the run of name words at its end, titles
    and descriptions before it dropped ("White House press secretary Josh Earnest" ->
    ["Josh", "Earnest"]), and a suffix after it ("Jr."). Empty when the name is all title or
    description ("the senator")."""
    tokens = [t.strip(",;:") for t in name.split()]
    tokens = [t for t in tokens if _key(t)]
    while len(tokens) > 1 and _key(tokens[-1]) in _SUFFIXES:
        tokens.pop()
    core: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        token, folded = tokens[i], _key(tokens[i])
        if not token[:1].isupper() and folded not in NAME_PARTICLES:
            if core:
                break
            continue  # words after the name ("Smith, spokesman")
        if folded in _NOT_NAME:
            # A title word is a surname when a given name stands before it ("Stephen King").
            before = tokens[i - 1] if i else ""
            if core or not (before[:1].isupper() and _key(before) not in _NOT_NAME):
                break
        core.append(token)
    core.reverse()
    return core


def _key(token: str) -> str:
    return "".join(words(token))


def _given_agree(a: str, b: str) -> bool:
    """Given names agree: equal, or one is the initial of the other."""
    if a == b:
        return True
    return (len(a) == 1 or len(b) == 1) and a[:1] == b[:1]


def _gender_of(s: SpeakerName) -> str | None:
    """The gender an honorific in the speaker's name or mentions gives them, if one does."""
    found = set()
    for form in (s.name, *s.mentions):
        first = form.split()[:1]
        if first:
            g = _GENDER.get(fold(first[0]).rstrip("."))
            if g:
                found.add(g)
    return found.pop() if len(found) == 1 else None


def _given_gender(given: str) -> str | None:
    if len(given) < 2:
        return None
    male, female = given in MALE_NAMES, given in FEMALE_NAMES
    return "m" if male and not female else "f" if female and not male else None


def _organisation_key(name: str) -> str:
    ws = words(name)
    if ws[:1] == ["the"]:
        ws = ws[1:]
    return " ".join(ws)


def group_people(speakers: list[SpeakerName]) -> list[Person]:
    """The persons the speakers make, most quoted first (ties by name). Every speaker is in
    exactly one person."""
    persons: list[Person] = []
    by_org: dict[str, Person] = {}
    # surname -> the full-name clusters of that surname: (given key, gender, Person, core tokens by quotes)
    # surname -> its people: (given name, Person, the names written and their weights, [middle initial])
    by_surname: dict[str, list[tuple[str, Person, dict[str, int], list]]] = {}
    singles: dict[str, list[SpeakerName]] = {}
    fulls: list[tuple[SpeakerName, list[str]]] = []
    for s in sorted(speakers, key=lambda s: (-s.quotes, s.key)):
        core = name_core(s.name) if s.kind == PERSON or _looks_personal(s.name) else []
        if not core and s.kind == PERSON:  # "the senator", "a friend": nobody in particular
            persons.append(Person(s.name, PERSON, [s.key], s.quotes))
        elif not core:
            key = _organisation_key(s.name) or fold(s.name).strip()
            p = by_org.get(key)
            if p is None:
                p = by_org[key] = Person(s.name, s.kind)
                persons.append(p)
            p.members.append(s.key)
            p.quotes += s.quotes
        elif len(core) == 1:
            singles.setdefault(_key(core[0]), []).append(s)
        else:
            fulls.append((s, core))
    # Given names written out first, so that an initial meets every name it could stand for.
    fulls.sort(key=lambda sc: len(_key(sc[1][0])) == 1)
    for s, core in fulls:
        surname, given = _key(core[-1]), _key(core[0])
        middles = [_key(t)[:1] for t in core[1:-1] if _key(t) not in NAME_PARTICLES]
        middle = middles[0] if middles else None
        clusters = by_surname.setdefault(surname, [])
        # A middle initial need not be written, but two different ones are two people
        # ("George W. Bush", "George P. Bush").
        agreeing = [c for c in clusters if _given_agree(c[0], given) and None in (c[3][0], middle)
                    or _given_agree(c[0], given) and c[3][0] == middle]
        if len(agreeing) == 1:
            home = agreeing[0]
            if middle is not None:
                home[3][0] = home[3][0] or middle
        else:  # a new name, or an initial that could be any of several people
            home = (given, Person(" ".join(core), PERSON), {}, [middle])
            if not agreeing:
                clusters.append(home)
            persons.append(home[1])
        p = home[1]
        p.members.append(s.key)
        p.quotes += s.quotes
        display = " ".join(core)
        home[2][display] = home[2].get(display, 0) + s.quotes + 1
    for surname, group in singles.items():
        clusters = by_surname.get(surname, [])
        alone: Person | None = None
        for s in group:
            home = clusters[0] if len(clusters) == 1 else None
            if home is None and len(clusters) > 1:
                g = _gender_of(s)
                fits = [c for c in clusters if g is not None and _given_gender(c[0]) == g]
                home = fits[0] if len(fits) == 1 else None
            if home is not None:
                p = home[1]
            else:
                if alone is None:
                    alone = Person(name_core(s.name)[-1], PERSON)
                    persons.append(alone)
                p = alone
            p.members.append(s.key)
            p.quotes += s.quotes
    for group in by_surname.values():
        for _given, p, displays, _middle in group:
            # A given name written out over an initial; then the name most used (weighted by
            # quotations); the longer one on a tie.
            p.name = max(displays, key=lambda d: (len(_key(d.split()[0])) > 1, displays[d], len(d), d))
    persons.sort(key=lambda p: (-p.quotes, fold(p.name), p.name))
    return persons


def _looks_personal(name: str) -> bool:
    """An organisation's name that ends in a person's given name and surname ("campaign
    manager Jeff Weaver"): a person the sentence's title made look like an organisation."""
    core = name_core(name)
    return len(core) >= 2 and _key(core[0]) in (MALE_NAMES | FEMALE_NAMES)
