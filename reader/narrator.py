"""The first-person narrator: the "I" of "I said" and "said I".

A text whose narrative says "I said" (at least twice) has a narrator, who speaks whatever
quotation such a tag attributes. The narrator is named where the text names them: by the
name the other people call out in answering the narrator (a vocative in the quotation right
after one of the narrator's), when one name is used so at least twice and more than any
other; otherwise the narrator is shown as "Narrator".
"""

from __future__ import annotations

import re
from collections import Counter

from reader.cast import Cast, whole_word
from reader.lexicon import HONORIFICS, NOT_NAMES, VOCATIVE_TITLES
from reader.people import NameForm, Person

NARRATOR = "Narrator"
# A name called out in a quotation. Compiled when a text has a narrator (few do): re keeps it.
_CALLED = (
    r"(?:^|[,!?;:—]\s*|\b(?:dear|my dear)\s+)"
    r"((?:(?:" + "|".join(VOCATIVE_TITLES) + r")\.?\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][a-zà-öø-ÿā-ž’'\-]+"
    r"(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][a-zà-öø-ÿā-ž’'\-]+)?)(?=\s*[,!?.;:—]|\s*$)"
)


def _written_lower(text: str, word: str, seen: dict[str, bool]) -> bool:
    low = word.lower()
    if low not in seen:
        seen[low] = whole_word(low).search(text) is not None
    return seen[low]


def find_narrator(text: str, spans, tags, cast: Cast, names: set[str] = frozenset()) -> Person | None:
    """The narrator as a person of the cast, or None when the narrative is not told in the
    first person."""
    mine = [i for i, t in enumerate(tags) if t is not None and not t.is_beat and t.mention.kind == "pronoun"
            and t.mention.text.lower() in ("i", "my")]
    if len(mine) < 2:
        return None
    # What others call the narrator: a name addressed in the quotation right after the narrator's.
    called: Counter[str] = Counter()
    seen: dict[str, bool] = {}
    for i in mine:
        j = i + 1
        while j < len(spans) and spans[j].paragraph == spans[i].paragraph:
            j += 1
        if j >= len(spans) or spans[j].paragraph > spans[i].paragraph + 2:
            continue
        s = spans[j]
        content = text[s.start : s.end]
        for m in re.finditer(_CALLED, content[:160]):
            name = m.group(1)
            words = name.split()
            if any(w.lower().rstrip(".") in NOT_NAMES and w.lower().rstrip(".") not in HONORIFICS for w in words):
                continue
            if any(_written_lower(text, w, seen) for w in words if w.lower().rstrip(".") not in HONORIFICS):
                continue  # "Zero!", "Courage!": words, not names

            called[name] += 1
    name = None
    if called:
        (best, n), *rest = called.most_common(2) + [("", 0)]
        if n >= 2 and n > rest[0][1]:
            name = best
    core = tuple(name.split()) if name else (NARRATOR,)
    p = cast.people.add(NameForm(core, "", (), False, False), name or NARRATOR)
    return p
