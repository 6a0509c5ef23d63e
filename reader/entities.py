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
        # Every run of words of every name (("Sergey",), ("Lavrov",), ("Sergey", "Lavrov")) ->
        # the entities whose names hold it, newest last; and every whole name -> its entities.
        self._by_part: dict[tuple[str, ...], list[int]] = {}
        self._by_core: dict[tuple[str, ...], list[int]] = {}
        # Names that found one entity and no other; cleared whenever names or genders change.
        self.found: dict[tuple[tuple[str, ...], str | None], Entity] = {}

    # A name held by more entities than this is looked for among the newest of them only: a
    # text of thousands of look-alike names stays linear.
    MAX_CANDIDATES = 64

    def add_core(self, e: Entity, core: tuple[str, ...]) -> None:
        """Another name of ``e`` ("Helena Saraiva" for the entity known as "Saraiva")."""
        if core in e.cores:
            return
        e.cores.append(core)
        self._index(e, core)
        self.found.clear()

    def _index(self, e: Entity, core: tuple[str, ...]) -> None:
        self._by_core.setdefault(core, []).append(e.index)
        n = len(core)
        for a in range(n):
            for b in range(a + 1, min(n, a + 6) + 1):
                ids = self._by_part.setdefault(core[a:b], [])
                if not ids or ids[-1] != e.index:
                    ids.append(e.index)

    def find(self, core: tuple[str, ...], gender: str | None, recent: dict[int, int]) -> Entity | None:
        """The entity a name refers to: one whose name holds it or that it holds ("Lavrov" and
        "Sergey Lavrov"), of a compatible gender; the one named most recently wins a tie."""
        known = self.found.get((core, gender))
        if known is not None:
            return known
        limit = self.MAX_CANDIDATES
        pool: set[int] = set(self._by_part.get(core, ())[-limit:])  # names that hold this one
        n = len(core)
        for a in range(n):  # names this one holds
            for b in range(a + 1, n + 1):
                pool.update(self._by_core.get(core[a:b], ())[-limit:])
        cands = []
        for idx in pool:
            e = self.entities[idx]
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
        cands.sort(key=lambda e: (-recent.get(e.index, -1), -e.speaks, e.index))
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
        self.add_core(e, core)
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
