"""Interview transcripts: the speaker of each labelled line ("Q:", "A:", "HOLLOWAY:").

The interviewer is the person the introduction says spoke with or interviewed the subject
("spoke to Maria Costa", "interviewed by Tom Reyes"); the interviewee is the first other
person the introduction names in full. A label that is a name is that person.
"""

from __future__ import annotations

import re

from reader.cast import Cast
from reader.people import Person, name_form
from reader.phrases import NAME, make_name, tokens

_NAMES = r"[A-ZÀ-ÖØ-Þ][\w’'\-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'\-]+)+"
_INTERVIEWER = re.compile(
    rf"\b(?:spoke|talked|talks|speaks|speaking|talking)\s+(?:to|with)\s+(?P<name>{_NAMES})"
    rf"|\binterviewed\s+by\s+(?P<name2>{_NAMES})"
)
_FULL_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-ÿ’'\-]+(?:\s+[A-ZÀ-ÖØ-Þ][a-zà-ÿ’'\-]+)+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")


def _person(cast: Cast, text: str) -> Person | None:
    m = make_name(tokens(text), text)
    form = name_form(m) if m is not None and m.kind == NAME else None
    return cast.people.add(form, text) if form is not None else None


def transcript_speakers(text: str, spans, cast: Cast) -> dict[int, int]:
    first = min(s.open_mark for s in spans if s.label is not None)
    intro = text[:first]
    interviewer = interviewee = None
    m = _INTERVIEWER.search(intro)
    if m:
        interviewer = _person(cast, m.group("name") or m.group("name2"))
    prose = " ".join(p for p in intro.split("\n\n") if _SENTENCE_END.search(p))
    for n in _FULL_NAME.finditer(prose):
        if len(n.group().split()) < 2:
            continue
        p = _person(cast, n.group())
        if p is not None and p is not interviewer:
            interviewee = p
            break
    out: dict[int, int] = {}
    for i, s in enumerate(spans):
        if s.label is None:
            continue
        low = s.label.lower()
        p: Person | None
        if low in ("q", "question", "interviewer"):
            p = interviewer
        elif low in ("a", "answer"):
            p = interviewee
        else:
            p = next((e for e in (interviewer, interviewee, *cast.people.persons)
                      if e is not None and any(low == w.lower() for c in e.cores for w in c)), None)
            if p is None:
                p = _person(cast, " ".join(w.capitalize() for w in s.label.split()))
        if p is not None:
            out[i] = p.index
    return out
