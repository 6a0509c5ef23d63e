"""Reading the words around a quotation: tokens, sentence breaks, and the noun phrase that
names a speaker (a name, a description or a pronoun).

Everything here works on a bounded window of the text and keeps offsets into it:
``tokens(text, start, end)`` splits a window into words and punctuation, ``np_after``
reads the noun phrase that starts at a token ("said *the old man* slowly"), ``np_before``
the one that ends at a token ("*Foreign Minister Sergey Lavrov* said").
"""

from __future__ import annotations

import re
from collections import namedtuple
from dataclasses import dataclass

from reader.lexicon import (
    ABBREVIATIONS,
    AUXILIARIES,
    FINITE_VERBS,
    FEMALE_NAMES,
    MALE_NAMES,
    CALENDAR_WORDS,
    DESCRIPTOR_WORDS,
    DETERMINERS,
    HONORIFICS,
    NAME_ABBREVIATIONS,
    NAME_PARTICLES,
    NOT_NAMES,
    OFFICE_TITLES,
    ORGANISATION_WORDS,
    POSSESSIVES,
    PREPOSITIONS,
    PUBLICATION_WORDS,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
    TAG_ENDERS,
    TRAILING_ADVERBS,
)

# ---------------------------------------------------------------------------------------
# Tokens

UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
LETTER = "A-Za-zÀ-ÖØ-öø-ÿĀ-ž"
# A word (with inner apostrophes and hyphens, and the full stop of an abbreviation or an
# initial: "Mr.", "J."), a dash ("--", "—"), or one punctuation character. A word is runs of
# letters and digits joined by apostrophes, underscores and single hyphens.
_TOKEN = re.compile(r"[^\W_]+(?:(?:[_’']|-(?!-))+[^\W_]+)*(?:['’]s\b|(?<=s)['’](?!\w))?\.?|--+|[—–]|\S")


# A word or punctuation mark of the text, with its offsets and the facts the phrase readers
# ask of it (worked out once per distinct word): text, start, end; low; bare (lower case,
# without an abbreviation's full stop or a possessive ending); is_word, is_cap, possessive.
# (collections' namedtuple: typing's NamedTuple would import typing, 10 ms of every start.)
Token = namedtuple("Token", "text start end low bare is_word is_cap possessive")


def _facts(word: str) -> tuple[str, str, bool, bool, bool]:
    low = word.lower()
    bare = low.rstrip(".")
    if bare.endswith(("'s", "’s")):
        bare = bare[:-2]
    first = word[:1]
    return (low, bare, first.isalnum(), first.isupper(), len(word) > 2 and word.endswith(("'s", "’s", "s'", "s’")))


# What a matched word becomes, worked out once per distinct word: the facts of one token, or
# of two (a word and a full stop that is not an abbreviation's).
_READINGS: dict[str, tuple[tuple, ...]] = {}
_new_token = tuple.__new__


def _reading(w: str) -> tuple[tuple, ...]:
    if len(w) > 1 and w[-1] == "." and not (
        w[:-1].lower() in NAME_ABBREVIATIONS or len(w) == 2 and w[0].isupper() and w[0] != "I"
    ):
        r = (_facts(w[:-1]), _facts("."))
    else:
        r = (_facts(w),)
    if len(_READINGS) > 100_000:
        _READINGS.clear()
    _READINGS[w] = r
    return r


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words and punctuation of text[start:end], with their offsets."""
    end = len(text) if end is None else end
    out: list[Token] = []
    append = out.append
    find = text.find
    readings = _READINGS
    pos = start
    # Tokens are separated by whitespace alone, so each word is the first of its kind from
    # where the last one ended.
    for w in _TOKEN.findall(text, start, end):
        s = find(w, pos)
        pos = s + len(w)
        r = readings.get(w) or _reading(w)
        if len(r) == 1:
            append(_new_token(Token, (w, s, pos) + r[0]))
        else:
            append(_new_token(Token, (w[:-1], s, pos - 1) + r[0]))
            append(_new_token(Token, (".", pos - 1, pos) + r[1]))
    return out


# ---------------------------------------------------------------------------------------
# Sentence breaks

_PUNCT_SPACE = re.compile(r"[.!?;][\"'”’)]*\s|\n\s*\n")
_WORD_END = re.compile(r"[A-Za-z]+$")


def _real_break(text: str, m: re.Match) -> bool:
    if text[m.start()] != ".":
        return True
    w = _WORD_END.search(text, max(0, m.start() - 5), m.start())
    return not (w and (w.group() in ABBREVIATIONS or (len(w.group()) == 1 and w.group().isupper())))


def sentence_breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets where a sentence begins after a break (. ! ? ; and a space), between start and end."""
    return [m.end() for m in _PUNCT_SPACE.finditer(text, start, end) if _real_break(text, m)]


def first_break(text: str, start: int, end: int) -> int | None:
    """The offset of the first sentence-ending mark between start and end, or None."""
    pos = start
    while True:
        m = _PUNCT_SPACE.search(text, pos, end)
        if m is None:
            return None
        if _real_break(text, m):
            return m.start()
        pos = m.end()


# ---------------------------------------------------------------------------------------
# Noun phrases that name speakers

NAME, PRONOUN, DESCRIPTION = "name", "pronoun", "description"
GIVEN_NAMES = MALE_NAMES | FEMALE_NAMES
# Capitalised words NOT_NAMES holds that are also surnames after a given name ("David French").
NATIONALITIES = frozenset("english french russian german american british italian spanish indian chinese japanese".split())



@dataclass(frozen=True, slots=True)
class Mention:
    """A noun phrase that may name a speaker, with its offsets in the text.

    ``name`` is the proper-name part of a name ("Sergey Lavrov" of "Russian Foreign Minister
    Sergey Lavrov"), ``titles`` the lower-case words before it; for a description, ``head``
    is its last word ("man" of "the old man") and ``titles`` its other words.
    """

    kind: str  # NAME, PRONOUN or DESCRIPTION
    text: str
    start: int
    end: int
    name: str = ""
    titles: tuple[str, ...] = ()
    head: str = ""


def _is_name_word(tok: Token, after_title: bool) -> bool:
    if not tok.is_cap or not tok.is_word:
        return False
    low = tok.bare
    if low in CALENDAR_WORDS and not after_title:
        return False
    if low in NOT_NAMES and not after_title:
        return False
    return True


def _inside_a_name(tok: Token, before: Token, toks: list[Token], j: int) -> bool:
    """A capitalised word that NOT_NAMES would stop a name at, inside a name: a middle initial
    between a given name and another name word ("Lindsey O. Graham", "John A. Smith"), or a
    surname that is a nationality after a given name ("David French")."""
    if len(tok.text) == 2 and tok.text[1] == "." and tok.text[0].isupper():
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        return (before.is_cap and len(before.bare) > 1 and not _title_word(before) and before.bare not in NOT_NAMES
                and nxt is not None and nxt.is_cap and nxt.is_word and len(nxt.bare) > 1 and nxt.bare not in NOT_NAMES)
    return before.bare in GIVEN_NAMES and tok.bare in NATIONALITIES


def _title_word(tok: Token) -> bool:
    b = tok.bare
    return b in HONORIFICS or b in OFFICE_TITLES


def make_name(toks: list[Token], text: str, trusted: bool = False) -> Mention | None:
    """A name mention from a run of tokens ("Mr. Gamfield", "Foreign Minister Sergey Lavrov",
    "the Baron"): the name without its titles, and the titles (lower case; "the" kept for a
    title used as a name)."""
    words = [t for t in toks if t.is_word]
    if not words:
        return None
    start, end = words[0].start, words[-1].end
    titles: list[str] = []
    k = 0
    if words[0].low == "the":
        titles.append("the")
        k = 1
    # "The New York Times", "the Ministry of Infrastructure": organisations keep their words.
    if any(w.bare in ORGANISATION_WORDS for w in words[k:]) and any(w.is_cap for w in words[k:]):
        keep = words if k and any(w.bare in PUBLICATION_WORDS for w in words) else words[k:]
        return Mention(NAME, text[start:end], start, end, " ".join(w.text for w in keep), tuple(titles))
    # Titles and descriptors before the name: "Russian Foreign Minister", "Mrs.", "Colonel".
    last = k - 1
    for n in range(k, len(words) - 1):
        w = words[n]
        if _title_word(w) or w.bare in DESCRIPTOR_WORDS or not w.is_cap and w.low not in NAME_PARTICLES \
                or w.bare in ("u", "s", "u.s"):
            last = n
    titles.extend(w.bare for w in words[k : last + 1])
    k = last + 1
    core = [w.text for w in words[k:]]
    if not core:
        return None
    if len(core) >= 3 and core[1].lower() in GIVEN_NAMES and core[0].lower() not in GIVEN_NAMES:
        titles.append(core[0].lower())  # "Comedian Sarah Silverman", "Reporter Jomana Karadsheh"
        core = core[1:]
        start = words[k + 1].start
    elif len(core) >= 3 and titles[-1:] == ["of"]:
        # "Secretary of Homeland Security Jeh Johnson": the office's words, then a name of two
        # words (from its given name when a known one is there).
        p = next((n for n in range(1, len(core) - 1) if core[n].lower() in GIVEN_NAMES), len(core) - 2)
        titles.extend(w.lower() for w in core[:p])
        core = core[p:]
        start = words[k + p].start
    if core[-1].endswith(("'s", "’s")):
        core[-1] = core[-1][:-2]
        end -= 2
    if len(core) == 1:
        low = core[0].lower().rstrip(".")
        if low in NOT_NAMES and not trusted or (low in OFFICE_TITLES or low in DESCRIPTOR_WORDS) and not titles:
            return None
    return Mention(NAME, text[start:end], start, end, " ".join(core), tuple(titles))


def _noun_like(tok: Token) -> bool:
    """A lower-case word that can stand in a noun phrase (not a verb of speech, a preposition,
    an adverb or a function word)."""
    low = tok.low
    return not (low in SPEECH_VERBS or low in PREPOSITIONS or low in AUXILIARIES or low in TAG_ENDERS
                or low in DETERMINERS or low in NOT_NAMES or low.endswith("ly") or low.endswith("ed")
                or low in SUBJECT_PRONOUNS)


def _trim(run: list[Token], names, strict: bool = False, acts: bool = False) -> list[Token]:
    """Drop the capitalised words that open a run but are not names: a sentence's first word
    ("Presently Helen", "Certainly Margaret"), known from the words the text capitalises only
    where sentences begin. ``strict``: a lone such word is no name either ("Among the crowd"),
    unless a verb follows it (``acts``: "Dallas staggered")."""
    if names is None:
        return run
    if strict and len(run) == 1 and run[0].is_cap and not _title_word(run[0]) and not acts \
            and run[0].text.rstrip(".").removesuffix("'s").removesuffix("’s") not in names:
        return []
    k = 0
    while k < len(run) - 1 and run[k].is_cap and not _title_word(run[k]) and run[k].low != "the" \
            and run[k].bare not in GIVEN_NAMES \
            and run[k].text.rstrip(".").removesuffix("'s").removesuffix("’s") not in names:
        k += 1
    return run[k:]


def np_after(toks: list[Token], i: int, text: str, after_verb: bool = False, names=None,
             strict: bool = False) -> Mention | None:
    """The noun phrase starting at token i: "he", "Anne", "Mr. Darcy", "the old man",
    "his wife", "the Baron". It ends at punctuation, a verb-like word, or a tag ender."""
    if i >= len(toks) or not toks[i].is_word:
        return None
    t = toks[i]
    low = t.low
    if low in SUBJECT_PRONOUNS and low != "you" or t.text == "I":
        return Mention(PRONOUN, t.text, t.start, t.end)
    # A name: honorifics/titles then capitalised words (particles between them).
    j = i
    run: list[Token] = []
    after_title = False
    if after_verb and t.is_cap and t.is_word and t.bare in CALENDAR_WORDS:
        after_title = True  # "said Sunday": right after a speech verb, a capitalised word is a name
    if low == "the" and i + 1 < len(toks) and toks[i + 1].is_cap and toks[i + 1].is_word \
            and toks[i + 1].bare not in NOT_NAMES:
        run.append(t)
        j += 1
        after_title = True
    while j < len(toks):
        tok = toks[j]
        if run and tok.is_cap and tok.is_word and _inside_a_name(tok, run[-1], toks, j):
            run.append(tok)  # "Lindsey O. Graham", "John A. Smith", "David French"
            after_title = False
            j += 1
            continue
        if tok.is_cap and tok.is_word and (_is_name_word(tok, after_title) or _title_word(tok)):
            run.append(tok)
            after_title = _title_word(tok)
            j += 1
            if tok.possessive:
                break
            continue
        if tok.low == "of" and run and _title_word(run[-1]):
            # "Secretary of State Madeleine Albright", "Minister of the Interior Anna Berg": the
            # title's own words, then the name (a name must follow: "the Secretary of State said").
            n = j + 1
            if n < len(toks) and toks[n].low == "the":
                n += 1
            if n + 1 < len(toks) and all(t.is_cap and t.is_word and t.bare not in NOT_NAMES for t in toks[n : n + 2]):
                run.extend(toks[j:n])
                j = n
                continue
        if tok.low in NAME_PARTICLES and run:
            # "van der Luyden", "de la Tour": particles, then the capitalised name.
            n = j
            while n < len(toks) and toks[n].low in NAME_PARTICLES:
                n += 1
            if n + 1 < len(toks) and all(t.is_cap and t.is_word and t.bare not in NOT_NAMES for t in toks[n : n + 2]):
                run.extend(toks[j:n])
                j = n
                continue
        break
    acts = j < len(toks) and toks[j].is_word and (toks[j].low in FINITE_VERBS or toks[j].low.endswith("ed"))
    run = _trim(run, names, strict, acts)
    if run and run[-1].low not in NAME_PARTICLES and any(w.is_cap for w in run) and not run[-1].possessive:
        # Lower-case words after a name: a title before another name ("Judicial Watch president
        # Tom Fitton", "Concord resident Whit Symms"), or the head of a description ("the White
        # House spokesman").
        n = j
        while n < len(toks) and n - j < 3 and toks[n].is_word and not toks[n].is_cap and _noun_like(toks[n]):
            n += 1
        if n > j:
            e = n
            while e < len(toks) and toks[e].is_word and toks[e].is_cap and _is_name_word(toks[e], True):
                e += 1
            if e > n:
                m = make_name(run + toks[j:e], text)
                if m is not None:
                    return m
            elif n == len(toks) or not toks[n].is_word or toks[n].low in SPEECH_VERBS or toks[n].low in AUXILIARIES:
                words = run + toks[j:n]
                return Mention(DESCRIPTION, text[words[0].start : words[-1].end], words[0].start, words[-1].end,
                               "", tuple(w.bare for w in words[:-1]), toks[n - 1].bare)
        # Right after a speech verb a capitalised word is a name, even one like "May".
        m = make_name(run, text, trusted=after_verb and len(run) == 1 and run[0].bare in CALENDAR_WORDS)
        if m is not None:
            return m
    # "that Margaret", "poor Anne": a name after a determiner or an adjective is the name.
    if low in DETERMINERS and low != "the" and i + 1 < len(toks) and toks[i + 1].is_cap and toks[i + 1].is_word \
            and not _title_word(toks[i + 1]):
        return np_after(toks, i + 1, text, after_verb, names, strict)
    # A description: a determiner, up to four modifiers, a head noun.
    if low in DETERMINERS or t.possessive:
        words = [t]
        j = i + 1
        while j < len(toks) and len(words) < 6:
            tok = toks[j]
            if not tok.is_word or tok.low in TAG_ENDERS and tok.low not in ("old", "young") \
                    or tok.low in PREPOSITIONS or tok.low.endswith("ly") and len(words) >= 2 \
                    or tok.low in TRAILING_ADVERBS and len(words) >= 2 \
                    or tok.low in SPEECH_VERBS or tok.low in AUXILIARIES and len(words) >= 2 \
                    or tok.low in FINITE_VERBS and len(words) >= 2:
                break
            words.append(tok)
            j += 1
        if len(words) < 2 and low not in ("the",):
            return None
        if len(words) < 2:
            return None
        head = words[-1].bare
        mtext = text[words[0].start : words[-1].end]
        return Mention(DESCRIPTION, mtext, words[0].start, words[-1].end, "",
                       tuple(w.bare for w in words[1:-1]), head)
    return None




def np_before(toks: list[Token], j: int, text: str, names=None) -> Mention | None:
    """The noun phrase that ends at token j (inclusive): "he", "Marilla", "Mr. Bounderby",
    "Russian Foreign Minister Sergey Lavrov", "the old lady", "his wife"."""
    if j < 0 or not toks[j].is_word:
        return None
    t = toks[j]
    if t.low in SUBJECT_PRONOUNS and t.low not in ("you",) or t.text == "I":
        if t.low == "it" and j > 0 and toks[j - 1].is_word:
            return None
        return Mention(PRONOUN, t.text, t.start, t.end)
    if t.is_cap:
        i = j
        while i - 1 >= 0 and toks[i - 1].is_word and (
            toks[i - 1].is_cap and (not toks[i - 1].possessive or toks[i - 1].text.endswith(("s’", "s'")))
            or toks[i - 1].low in NAME_PARTICLES and i - 2 >= 0 and (toks[i - 2].is_cap or toks[i - 2].low in NAME_PARTICLES)
        ):
            i -= 1
        while i < j and toks[i].low in NAME_PARTICLES and not toks[i].is_cap:
            i += 1  # a run does not start with "van" unless a title stands before it
        org = any(t.bare in ORGANISATION_WORDS for t in toks[i : j + 1])
        # Sentence-opening words that are never names ("And Natásha", "But Pierre"); an
        # organisation keeps its number ("Three Counties Growers’ Association").
        while i < j and (toks[i].bare in NOT_NAMES and not _title_word(toks[i])) and not (
                org and toks[i].low not in ("the", "a", "an", "and", "but", "or", "so")):
            i += 1
        # Lower-case titles and descriptors before it ("police Chief Chuck Jordan", "the
        # Baron", "former senator Tom Coburn").
        k = i
        while k - 1 >= 0 and i - k < 4 and toks[k - 1].is_word and (
            toks[k - 1].bare in OFFICE_TITLES or toks[k - 1].bare in DESCRIPTOR_WORDS
            or toks[k - 1].bare in ORGANISATION_WORDS
        ):
            k -= 1
        if k - 1 >= 0 and toks[k - 1].low == "the":
            k -= 1
        run = toks[k:i] + _trim(toks[i : j + 1], names)
        if all(not w.is_cap for w in run):
            return None
        # Right before a speech verb a calendar word is a name ("May said"), but not a date
        # ("on Wednesday called").
        dated = k > 0 and toks[k - 1].low in ("on", "in", "last", "next", "this", "that", "by", "since", "until")
        return make_name(run, text, trusted=len(run) == 1 and run[0].bare in CALENDAR_WORDS and not dated)
    # A description ending at a noun: back to its determiner.
    i = j
    while i >= 0 and j - i < 6:
        tok = toks[i]
        if not tok.is_word:
            return None
        if tok.low in DETERMINERS or (tok.possessive and i < j):
            if tok.possessive and tok.is_cap:
                # "Mrs. Smith's maid": the owner's name belongs to the description.
                while i - 1 >= 0 and toks[i - 1].is_cap and toks[i - 1].is_word:
                    i -= 1
            words = toks[i : j + 1]
            if len(words) < 2:
                return None
            head = toks[j].bare
            return Mention(DESCRIPTION, text[words[0].start : words[-1].end], words[0].start, words[-1].end,
                           "", tuple(w.bare for w in words[1:-1]), head)
        if tok.low in PREPOSITIONS or tok.low in TAG_ENDERS and tok.low not in ("old", "young"):
            return None
        i -= 1
    return None


def is_possessive_pronoun(word: str) -> bool:
    return word.lower() in POSSESSIVES
