"""The people and organisations of one document: each with the names, titles and gender it
goes by, found again by any part of its name ("Lavrov" is "Sergey Lavrov")."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.lexicon import (
    FEMALE_NAMES,
    HONORIFICS,
    MALE_NAMES,
    PERSON_NOUNS_FEMALE,
    PERSON_NOUNS_MALE,
)
from reader.model import ORGANISATION, PERSON
from reader.phrases import (
    Phrase,
    is_org_words,
    without_article,
)


@dataclass
class Entity:
    index: int
    kind: str = PERSON
    cores: list[tuple[str, ...]] = field(default_factory=list)  # name tokens without titles
    titles: set[str] = field(default_factory=set)
    gender: str | None = None
    votes: list[int] = field(default_factory=lambda: [0, 0])
    mentions: list[str] = field(default_factory=list)
    display: str = ""
    speaks: int = 0

    def add_mention(self, s: str) -> None:
        if s and s not in self.mentions:
            self.mentions.append(s)

    def best_gender(self) -> str | None:
        if self.gender:
            return self.gender
        m, f = self.votes
        if m >= 2 * f + 1:
            return "m"
        if f >= 2 * m + 1:
            return "f"
        return None


def gender_of_name(core: tuple[str, ...], titles) -> str | None:
    for t in titles:
        g = HONORIFICS.get(t.rstrip("."))
        if g:
            return g
    if len(core) >= 2 or core:
        first = core[0].lower()
        if first.rstrip(".") in HONORIFICS:
            return HONORIFICS[first.rstrip(".")]
        if first in MALE_NAMES and first not in FEMALE_NAMES:
            return "m"
        if first in FEMALE_NAMES and first not in MALE_NAMES:
            return "f"
    return None


class Registry:
    """The people and organisations of one document."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.by_token: dict[str, list[int]] = {}
        # Names that found one entity and no other; cleared whenever names or genders change.
        self.found: dict[tuple[tuple[str, ...], str | None], Entity] = {}

    def _contains(self, big: tuple[str, ...], small: tuple[str, ...]) -> bool:
        n = len(small)
        return n <= len(big) and any(big[i : i + n] == small for i in range(len(big) - n + 1))

    def find(self, core: tuple[str, ...], gender: str | None, recent: dict[int, int]) -> Entity | None:
        known = self.found.get((core, gender))
        if known is not None:
            return known
        pool: set[int] = set()
        for t in core:
            pool.update(self.by_token.get(t, ()))
        cands = []
        for idx in pool:
            e = self.entities[idx]
            if any(c == core or self._contains(c, core) or self._contains(core, c) for c in e.cores):
                g = e.best_gender()
                if gender and g and g != gender:
                    continue
                cands.append(e)
        if not cands:
            return None
        exact = [e for e in cands if core in e.cores]
        if len(exact) == 1 and len(cands) == 1:
            self.found[(core, gender)] = exact[0]
        if len(exact) == 1:
            return exact[0]
        cands.sort(key=lambda e: (-recent.get(e.index, -1), -e.speaks))
        return cands[0]

    def add(self, ph: Phrase, recent: dict[int, int]) -> Entity:
        words = ph.name.split()
        honor = [w for w in words[:-1] if w.lower().rstrip(".") in HONORIFICS]
        core = tuple(w for w in words if w not in honor) or tuple(words)
        gender = gender_of_name(core, list(ph.titles) + [w.lower() for w in honor])
        e = self.find(core, gender, recent)
        if e is None:
            e = Entity(len(self.entities))
            self.entities.append(e)
            e.kind = ORGANISATION if is_org_words(list(core)) or ph.name.lower().startswith("the ") else PERSON
        if e.kind == ORGANISATION:
            core = without_article(core)
        if gender and not e.gender:
            e.gender = gender
            self.found.clear()
        e.titles.update(t.rstrip(".") for t in ph.titles)
        e.titles.update(w.lower() for w in honor)
        if core not in e.cores:
            e.cores.append(core)
            for t in core:
                self.by_token.setdefault(t, []).append(e.index)
            self.found.clear()
        # The fullest form: most name words, honorific kept only for a bare surname.
        cand = " ".join(core) if len(core) >= 2 else ph.name
        if not e.display or len(cand.split()) > len(e.display.split()):
            e.display = cand
        e.add_mention(ph.text)
        return e

    def add_description(self, ph: Phrase) -> Entity:
        e = Entity(len(self.entities))
        self.entities.append(e)
        self.found.clear()
        words = ph.text.split()
        e.kind = ORGANISATION if is_org_words(words) else PERSON
        e.titles.update(w.lower() for w in words[1:])
        e.display = ph.text
        head = words[-1].lower()
        e.gender = "m" if head in PERSON_NOUNS_MALE else "f" if head in PERSON_NOUNS_FEMALE else None
        e.add_mention(ph.text)
        return e
