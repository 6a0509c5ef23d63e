"""The people (and organisations) of one text, built from the whole text before any quotation
is attributed: each with the names, titles and gender it goes by.

Names are read as English names are written. ``Elizabeth Bennet``, ``Elizabeth`` and ``Miss
Elizabeth Bennet`` are one person; ``Mr. Bennet`` and ``Mrs. Bennet`` are two (the honorifics
disagree); ``Mr. Knightley`` is not ``Mr. John Knightley`` (a first name written after the
honorific tells the younger relation from the head of the family); a surname shared by
several people (``Bennet``) on its own is the one the text calls by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.lexicon import (
    ADDRESS_HONORIFICS,
    FEMALE_NAMES,
    FEMALE_PRONOUNS,
    HONORIFICS,
    MALE_NAMES,
    MALE_PRONOUNS,
    NOT_NAMES,
    OFFICE_TITLES,
    ORGANISATION_WORDS,
    PERSON_NOUNS_FEMALE,
    PERSON_NOUNS_MALE,
)
from reader.model import ORGANISATION, PERSON
from reader.phrases import Mention



def _gender_of_first(word: str) -> str | None:
    w = word.lower()
    if w in MALE_NAMES and w not in FEMALE_NAMES:
        return "m"
    if w in FEMALE_NAMES and w not in MALE_NAMES:
        return "f"
    return None


@dataclass
class Person:
    index: int
    kind: str = PERSON
    cores: list[tuple[str, ...]] = field(default_factory=list)  # name words, titles removed
    honorific: str = ""  # as written: "Mr.", "Mrs.", "Miss"
    titles: set[str] = field(default_factory=set)  # lower case: "minister", "colonel", "jew"
    gender: str | None = None  # from an honorific, a given name or a gendered title
    votes: list[int] = field(default_factory=lambda: [0, 0])  # he/she after a mention
    mentions: list[str] = field(default_factory=list)  # every form that referred to them
    display: str = ""
    count: int = 0  # times named in the text
    speaks: int = 0  # times named in a quotation's tag
    described: bool = False  # known only by a description ("the cook", "a spokesman")

    def add_mention(self, s: str) -> None:
        s = " ".join(s.split())
        if s and s not in self.mentions:
            self.mentions.append(s)

    def best_gender(self) -> str | None:
        if self.gender:
            return self.gender
        m, f = self.votes
        if m >= 2 * f + 2:
            return "m"
        if f >= 2 * m + 2:
            return "f"
        return None

    @property
    def first(self) -> str | None:
        full = [c for c in self.cores if len(c) >= 2]
        return full[0][0] if full else None

    @property
    def last(self) -> str | None:
        full = [c for c in self.cores if len(c) >= 2]
        return full[0][-1] if full else None


class NameForm:
    """A name as written: its words without titles, its honorific, its other titles, and the
    gender those give (worked out once)."""

    __slots__ = ("core", "honorific", "titles", "the", "organisation", "gender", "_key", "_hash")

    def __init__(self, core: tuple[str, ...], honorific: str, titles: tuple[str, ...], the: bool,
                 organisation: bool) -> None:
        self.core = core
        self.honorific = honorific  # "Mr.", "" when none
        self.titles = titles
        self.the = the  # "the Baron": a title used as a name
        self.organisation = organisation
        self.gender = self._gender()
        self._key = (core, honorific, titles, the, organisation)
        self._hash = hash(self._key)  # a form is looked up many times

    def __eq__(self, other) -> bool:
        return isinstance(other, NameForm) and self._key == other._key

    def __hash__(self) -> int:
        return self._hash

    def _gender(self) -> str | None:
        h = self.honorific.lower().rstrip(".")
        if h in HONORIFICS and HONORIFICS[h]:
            return HONORIFICS[h]
        for t in self.titles:
            if t in HONORIFICS and HONORIFICS[t]:
                return HONORIFICS[t]
        if self.the and len(self.core) == 1:
            g = HONORIFICS.get(self.core[0].lower())
            if g:
                return g
            low = self.core[0].lower()
            if low in PERSON_NOUNS_MALE:
                return "m"
            if low in PERSON_NOUNS_FEMALE:
                return "f"
        if len(self.core) >= 2 or not self.honorific:
            return _gender_of_first(self.core[0])
        return None


def name_form(m: Mention) -> NameForm | None:
    if not m.name:
        return None
    words = m.name.split()
    org = any(w.lower().strip(".,") in ORGANISATION_WORDS for w in words)
    honor = ""
    titles = [t for t in m.titles if t != "the"]
    the = "the" in m.titles
    # The honorific as written, kept apart from other titles: "Mrs." of "Mrs. Rachel Lynde".
    for t in reversed(titles):
        if t in ADDRESS_HONORIFICS:
            raw = re.search(rf"\b{re.escape(t)}\.?(?=\s)", m.text, re.I)
            honor = raw.group() if raw else t.capitalize()
            titles.remove(t)
            break
    if the and not org and len(words) == 1 and words[0].lower().rstrip(".") in ADDRESS_HONORIFICS:
        return None
    core = tuple(w[:-2] if w.endswith(("'s", "’s")) else w for w in words)
    return NameForm(core, honor, tuple(titles), the and not org, org)


HOLDERS_LOOKED_AT = 64


class People:
    """The people and organisations of one text, and the names that find them."""

    def __init__(self) -> None:
        self.persons: list[Person] = []
        self._by_core: dict[tuple[str, ...], list[int]] = {}
        self._by_word: dict[str, list[int]] = {}
        self._titled: dict[str, list[int]] = {}
        self._distinguished: set[tuple[str, str]] = set()  # (honorific, surname)
        # What find() answered, until a person, a name or a gender is added (not for answers
        # that depend on who was named last).
        self._found: dict[tuple, Person | None] = {}
        self._forms: dict[tuple, NameForm | None] = {}  # see form()

    def form(self, m: Mention) -> NameForm | None:
        """``name_form(m)``, worked out once per name as written in this text (a tag's name is
        read by the cast and again by the conversation; a name recurs)."""
        key = (m.text, m.name, m.titles)
        form = self._forms.get(key, False)
        if form is False:
            form = self._forms[key] = name_form(m)
        return form

    # -- building -------------------------------------------------------------------

    def _new(self, form: NameForm) -> Person:
        self._found.clear()
        p = Person(len(self.persons))
        p.kind = ORGANISATION if form.organisation else PERSON
        self.persons.append(p)
        self._add_core(p, form.core)
        p.honorific = form.honorific
        p.gender = form.gender
        p.display = self._display(form)
        return p

    def _display(self, form: NameForm) -> str:
        if form.the:
            return "the " + " ".join(form.core)
        if len(form.core) == 1 and form.honorific:
            return f"{form.honorific} {form.core[0]}"
        return " ".join(form.core)

    def _add_core(self, p: Person, core: tuple[str, ...]) -> None:
        if core in p.cores:
            return
        self._found.clear()
        p.cores.append(core)
        self._by_core.setdefault(core, []).append(p.index)
        known = {w for c in p.cores[:-1] for w in c}  # the words p is already listed under
        for w in core:
            if w not in known:
                known.add(w)
                self._by_word.setdefault(w, []).append(p.index)

    def learn_title(self, p: Person, title: str) -> None:
        title = title.lower()
        if title in p.titles:
            return
        p.titles.add(title)
        self._titled.setdefault(title, []).append(p.index)

    def note_first_name_after_honorific(self, form: NameForm) -> None:
        """"Mr. John Knightley": the text tells this man from the "Mr. Knightley" of his family."""
        self._found.clear()
        self._distinguished.add((form.honorific.lower().rstrip("."), form.core[-1]))

    def add(self, form: NameForm, written: str = "", extend: bool = True) -> Person:
        """The person a name stands for, made when the text has not named them before.
        ``extend``: a full name may complete a shorter name already known."""
        p = self.find(form, extend=extend)
        if p is None:
            p = self._new(form)
        else:
            if len(form.core) > max(map(len, p.cores)) and not form.the:
                p.display = self._display(form)
            self._add_core(p, form.core)
            if form.gender and not p.gender:
                p.gender = form.gender
                self._found.clear()
            if form.honorific and not p.honorific and len(form.core) == 1:
                p.honorific = form.honorific
                self._found.clear()
        for t in form.titles:
            if t in OFFICE_TITLES or t in HONORIFICS:
                self.learn_title(p, t)
        if form.the and len(form.core) == 1:
            self.learn_title(p, form.core[0])
        if written:
            p.add_mention(written)
        return p

    # -- finding --------------------------------------------------------------------

    def _compatible(self, p: Person, form: NameForm) -> bool:
        g = form.gender
        pg = p.best_gender()
        if g and pg and g != pg:
            return False
        if g == "f" and form.honorific and pg != "f" and not (
                p.honorific and HONORIFICS.get(p.honorific.lower().rstrip(".")) == "f"):
            return False  # "Mrs. Archer" is not "Newland Archer": a woman's name finds only a woman
        if (p.kind == ORGANISATION) != form.organisation:
            return False
        return True

    def find(self, form: NameForm, recent: dict[int, int] | None = None, extend: bool = True,
             loose: bool = False) -> Person | None:
        if recent:
            return self._find(form, recent, extend, loose)
        key = (form, extend, loose)
        if key in self._found:
            return self._found[key]
        p = self._found[key] = self._find(form, None, extend, loose)
        return p

    def _holders(self, word: str) -> list[int]:
        """The people whose names hold ``word``, the newest HOLDERS_LOOKED_AT of them: prose
        names a handful of people by one word; a text that names thousands (a list, or text
        made to be costly) is looked through in constant time per name."""
        return self._by_word.get(word, [])[-HOLDERS_LOOKED_AT:]

    def _find(self, form: NameForm, recent: dict[int, int] | None = None, extend: bool = True,
              loose: bool = False) -> Person | None:
        """The person already known by this name, or None. ``extend``: a full name may find a
        person known so far by a part of it; ``loose``: a first name finds the one person whose
        first name it is even when their full name was written only in passing (to look up who
        is spoken to, not to merge two names)."""
        if form.the and len(form.core) == 1:
            return self._find_titled(form.core[0].lower(), form.gender)
        core = form.core
        exact = [self.persons[i] for i in self._by_core.get(core, ()) if self._compatible(self.persons[i], form)]
        if form.honorific and len(core) == 1:
            # "Mr. Knightley": the person called by exactly this honorific and name first.
            same = [p for p in exact if p.honorific.lower().rstrip(".") == form.honorific.lower().rstrip(".")]
            if same:
                return self._pick(same, recent)
            # An honorific and a surname that several people share ("Mrs. Gradgrind" beside "Jane
            # Gradgrind" and "Tom Gradgrind") is the head of that family, not one of the others;
            # a surname only one person has is that person ("Mr. Sikes" is Bill Sikes).
            family = [i for i in self._holders(core[0]) if any(
                c[-1] == core[0] for c in self.persons[i].cores)]
            if len(family) > 1:
                return None
        if len(core) == 1 and not form.honorific and exact:
            # A surname alone is a man's name ("cried Thorpe" is John Thorpe, not Mrs. Thorpe):
            # women are not called by their surname alone.
            # (The text calls "Mrs. Thorpe" so; "Helena Saraiva" it may call "Saraiva".)
            men = [p for p in exact if not _female_honorific(p)]
            if not men:
                men = [p for i in self._holders(core[0]) for p in (self.persons[i],)
                       if not _female_honorific(p) and any(len(c) >= 2 and c[-1] == core[0] for c in p.cores)]
                if len(men) == 1:
                    return men[0]
                return None  # someone of that name the text has not named in full
            exact = men
        if len(exact) == 1:
            return exact[0]
        if exact:
            return self._pick(exact, recent)
        # A part of a longer name, or a longer form of a known one.
        cands: set[int] = set()
        for w in core:
            cands.update(self._holders(w))
        found = []
        for i in cands:
            p = self.persons[i]
            if not self._compatible(p, form):
                continue
            if any(_holds(c, core) for c in p.cores):
                found.append(p)
            elif any(_holds(core, c) and (extend or c[-1] == core[-1]) for c in p.cores) \
                    and not self._told_apart(p, form):
                # A full name completes a surname known alone ("Helena Saraiva", "Saraiva"); it
                # completes a first name only when the text writes it more than once.
                found.append(p)
        if not found:
            return None
        if len(core) == 1:
            w = core[0]
            # A first name finds the one person whose first name it is; a surname alone, the
            # person whose full names end with it, unless a first name written after an
            # honorific marks a different person ("Mr. John Knightley").
            firsts = [p for p in found if any(len(c) >= 2 and c[0] == w for c in p.cores)]
            if len(firsts) == 1:
                # A first name is that person's only when the full name is more than a passing
                # mention ("Tom" is not "Tom Thumb", named once in a simile).
                return firsts[0] if loose or firsts[0].speaks or firsts[0].count >= 3 else None
            if form.honorific:
                h = form.honorific.lower().rstrip(".")
                found = [p for p in found if not (p.honorific.lower().rstrip(".") == h and any(
                    len(c) >= 2 for c in p.cores) and p.first and p.first != w)]
                if not found:
                    return None
                if len(found) > 1:
                    same = [p for p in found if p.honorific.lower().rstrip(".") == h]
                    if len(same) == 1:
                        return same[0]
                    if not same:
                        return None
        if len(found) == 1:
            return found[0]
        return self._pick(found, recent) if recent else None

    def add_description(self, text: str, head: str, organisation: bool) -> Person:
        """A person (or body) known only by a description: "a spokesman", "the cook",
        "a statement from Chelsea"."""
        p = Person(len(self.persons))
        p.kind = ORGANISATION if organisation else PERSON
        p.display = " ".join(text.split())
        p.described = True
        p.gender = "m" if head in PERSON_NOUNS_MALE else "f" if head in PERSON_NOUNS_FEMALE else None
        p.add_mention(p.display)
        self.persons.append(p)
        self._found.clear()
        return p

    def titled(self, title: str) -> list[int]:
        """The people known to bear a title ("minister", "undertaker")."""
        return self._titled.get(title, [])

    def named_organisation(self, head: str) -> Person | None:
        """The organisation whose name holds a word ("the ministry": the Ministry of
        Infrastructure), the most often named when there are several."""
        word = head.capitalize()
        orgs = [self.persons[i] for i in self._holders(word) if self.persons[i].kind == ORGANISATION]
        return max(orgs, key=lambda p: p.count) if orgs else None

    def _told_apart(self, p: Person, form: NameForm) -> bool:
        """Whether a full name cannot be the person known by honorific and surname alone: "John
        Knightley" is not "Mr. Knightley" when the text writes "Mr. John Knightley"."""
        if len(form.core) < 2 or any(len(c) >= 2 for c in p.cores) or not p.honorific:
            return False
        return (p.honorific.lower().rstrip("."), form.core[-1]) in self._distinguished

    def _find_titled(self, title: str, gender: str | None) -> Person | None:
        ids = [i for i in self._titled.get(title, ()) if not gender or self.persons[i].best_gender() in (None, gender)]
        if len(ids) == 1:
            return self.persons[ids[0]]
        if ids:
            return max((self.persons[i] for i in ids), key=lambda p: p.count)
        return None

    def _pick(self, persons: list[Person], recent: dict[int, int] | None) -> Person:
        if recent:
            return max(persons, key=lambda p: (recent.get(p.index, -1), p.speaks, p.count))
        return max(persons, key=lambda p: (p.speaks, p.count))


def _female_honorific(p: Person) -> bool:
    return bool(p.honorific) and HONORIFICS.get(p.honorific.lower().rstrip(".")) == "f"


def _holds(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    if n == 1:
        return len(big) > 1 and small[0] in big  # (the common case, without slicing)
    return n < len(big) and any(big[i : i + n] == small for i in range(len(big) - n + 1))


def pronoun_gender(word: str) -> str | None:
    w = word.lower()
    if w in MALE_PRONOUNS:
        return "m"
    if w in FEMALE_PRONOUNS:
        return "f"
    return None


def is_name_word(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in NOT_NAMES
