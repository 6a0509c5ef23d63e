"""Reading the phrases around a quotation: speech verbs, sentence breaks, and the noun phrase
that names a speaker (a name, a description or a pronoun), with its titles taken apart.

``phrase_from("Russian Foreign Minister Sergey Lavrov")`` gives the name "Sergey Lavrov" with
the titles russian, foreign, minister; ``subject_before`` and ``subject_after`` find the phrase
before or after a speech verb.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from reader.lexicon import (
    DESCRIPTOR_WORDS,
    HONORIFICS,
    NOT_NAMES,
    ORGANISATION_WORDS,
    SPEECH_VERBS,
    TITLE_WORDS,
)


def _word_trie(words) -> str:
    """A regex alternation of words, factored by common prefixes (much faster to scan)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        alt = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{alt})?" if "" in node else alt

    return emit(trie)


VERB = re.compile(rf"\b(?:{_word_trie(SPEECH_VERBS)})\b")
VERB_TAIL = re.compile(r"\s+(?:on|in|out|up)\b")
_ABBREVIATIONS = frozenset(
    "Mr Ms Dr St Jr Sr Lt Gen Col Sen Rep Gov Mrs Rev Maj Capt Sgt Adm Prof Mme Vt No Mt Ft Del Cmdr Supt "
    "Det Pres Atty Insp Inc Co Corp Ltd Bros Ave Blvd Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec Ala Ariz Ark "
    "Calif Colo Conn Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Va "
    "Wash Wis Wyo".split()
)
_PUNCT_SPACE = re.compile(r"[.!?;]\s|\n\n")
_WORD_END = re.compile(r"[A-Za-z]+$")


class _SentenceBreaks:
    """Where sentences end: . ! ? or ; and a space, except after an initial or a title ("Mr.")."""

    @staticmethod
    def _real(s: str, m: re.Match) -> bool:
        if s[m.start()] != ".":
            return True
        w = _WORD_END.search(s, max(0, m.start() - 5), m.start())
        return not (w and (w.group() in _ABBREVIATIONS or (len(w.group()) == 1 and w.group().isupper())))

    def finditer(self, s: str, pos: int = 0, endpos: int | None = None):
        for m in _PUNCT_SPACE.finditer(s, pos, len(s) if endpos is None else endpos):
            if self._real(s, m):
                yield m

    def search(self, s: str, pos: int = 0, endpos: int | None = None):
        end = len(s) if endpos is None else endpos
        while True:
            m = _PUNCT_SPACE.search(s, pos, end)
            if m is None or self._real(s, m):
                return m
            pos = m.end()


SENTENCE_BREAK = _SentenceBreaks()
_CAP = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_PARTICLES = {"de", "da", "di", "del", "van", "von", "der", "den", "la", "le", "du", "bin", "al", "ibn", "of", "y"}
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "one", "another", "this", "that",
                "some", "your", "each"}
PRONOUNS = {"he": "m", "she": "f", "they": None, "i": None, "we": None, "you": None, "it": None}
# Words at which the phrase after an inverted verb ends: "said the prince, not at all ...",
# "replied Mr. Gamfield doggedly", "said he without altering his tone".
_STOP_AFTER_VERB = frozenset(
    """to in at on during after before when while as with from who whose which that and but for about into
    above below behind beside near outside inside across along beyond through without upon over under
    because if though although then again once quickly slowly softly quietly loudly angrily sadly gravely
    calmly eagerly coldly drily dryly hastily suddenly simply not looking turning smiling laughing shaking
    nodding taking pointing adding holding glancing rising getting speaking being having this last monday
    tuesday wednesday thursday friday saturday sunday yesterday today tonight recently earlier later
    afterward afterwards now here there""".split()
)
_ADVERB = re.compile(r"^(?:\w+ly|then|again|also|now|later|once|still|simply|too|finally|even|had|has|have|was|"
                     r"would|will|had|once|later|then)$", re.I)
TAG_VERB_FIRST = re.compile(r"(?P<v>[a-z]+(?:ed|es))\b(?=\s+(?:the\s|[A-ZÀ-ÖØ-Þ]|he\b|she\b))")
TAG_VERB_AFTER_NAME = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-ZÀ-ÖØ-Þ][\w’'\-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w’'\-]*){0,2}\s+(?P<v>[a-z]+(?:ed|es))\b(?=\s*[.,;!?—]|$)"
)
ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<np>[^,.;:!?\"“”]{1,80})")
_WORD = re.compile(r"[\w'’.\-]+")


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _is_cap(w: str) -> bool:
    return bool(w) and bool(_CAP.match(w))


@dataclass(frozen=True)
class Phrase:
    """A phrase that names a speaker: a name, a description or a pronoun."""

    kind: str  # "name", "description", "pronoun"
    text: str  # as written
    name: str = ""  # for names: the proper-name part ("Chuck Jordan" of "Tulsa police Chief Chuck Jordan")
    titles: tuple[str, ...] = ()  # lower-case words before the name or of the description


def _trailing_name(words: list[str]) -> tuple[int, int] | None:
    """The last run of capitalised words (with particles) that ends the list, as (start, end)."""
    end = len(words)
    if not end or not _is_cap(words[-1]):
        return None
    start = end - 1
    while start > 0 and (_is_cap(words[start - 1]) or (words[start - 1] in _PARTICLES and start - 1 > 0 and _is_cap(words[start - 2]))):
        start -= 1
    return start, end


@functools.lru_cache(maxsize=8192)
def phrase_from(text: str) -> Phrase | None:
    """Read a noun phrase that stands before or after a speech verb."""
    text = " ".join(text.split()).strip(",—–-").strip()  # one line: "Prince\nAndrew"
    words = _words(text)
    words = [w.rstrip(".") if w.endswith(".") and w.rstrip(".").lower() not in HONORIFICS and
             w.rstrip(".").lower() not in TITLE_WORDS and len(w) > 2 else w for w in words]
    if not words or len(words) > 10:
        return None
    low = [w.lower() for w in words]
    if len(words) == 1 and low[0] in PRONOUNS:
        return Phrase("pronoun", low[0])
    span = _trailing_name(words)
    if span:
        s, e = span
        name_words = words[s:e]
        # Strip titles and descriptors off the front of the name: "Foreign Minister Sergey Lavrov",
        # "PolitiFact Executive Director Aaron Sharockman".
        titles = [w.lower() for w in words[:s] if w.lower() not in _DETERMINERS]
        k = 0
        for j in range(len(name_words) - 1):
            w = name_words[j].lower().rstrip(".")
            if w in TITLE_WORDS or w in DESCRIPTOR_WORDS or w in HONORIFICS or w.endswith(("'s", "’s")):
                k = j + 1
        if k and not is_org_words(name_words[k:]):
            titles.extend(w.lower().rstrip(".") for w in name_words[:k])
        else:
            k = 0
        core = [w[:-2] if w.endswith(("'s", "’s")) else w for w in name_words[k:]]
        while len(core) > 1 and core[0].lower() in _SENTENCE_OPENERS:
            core = core[1:]  # "And Natásha", "But Pierre": a sentence's first word is no name
        if len(core) == 1 and (core[0].lower() in NOT_NAMES or core[0].lower() in TITLE_WORDS
                               or core[0].lower() in DESCRIPTOR_WORDS) and core[0].lower().rstrip(".") not in HONORIFICS:
            return None
        honorific = [w for w in name_words[:k] if w.lower().rstrip(".") in HONORIFICS]
        name = " ".join(core)
        if honorific and len(core) == 1:
            name = f"{honorific[-1]} {name}"
        # "the New York Times": a capitalised organisation name after "the" keeps it.
        if s >= 1 and low[s - 1] == "the" and is_org_words(core):
            name = " ".join(words[s - 1 : e])
        return Phrase("name", text, name, tuple(titles))
    if low[0] in _DETERMINERS or (len(words) >= 2 and words[0].endswith(("'s", "’s"))):
        while len(words) > 2 and low[-1].endswith("ly"):
            words, low = words[:-1], low[:-1]  # "the prince rapidly"
        if len(words) > 7 or len(words) < 2 or any(w in _CLAUSE_WORDS for w in low[1:]):
            return None  # "the city has still not": a clause, not a noun phrase
        if low[-1] in _FUNCTION_WORDS:
            return None  # "the suite and", "her sigh seemed to"
        return Phrase("description", " ".join(words), "", tuple(w for w in low[1:]))
    return None


_PUBLICATION_WORDS = frozenset("times post journal news guardian telegraph herald tribune gazette economist".split())


def without_article(core: tuple[str, ...]) -> tuple[str, ...]:
    """"The Ministry of Infrastructure" -> "Ministry of Infrastructure"; "The New York Times" keeps it."""
    if len(core) > 1 and core[0] == "The" and not any(w.lower() in _PUBLICATION_WORDS for w in core):
        return core[1:]
    return core


def is_org_words(words: list[str]) -> bool:
    return any(w.lower().strip(".,") in ORGANISATION_WORDS for w in words)


def subject_before(pre: str) -> tuple[Phrase, int] | None:
    """The subject that ends `pre` (the text just before a speech verb) and its offset in pre."""
    body = pre.rstrip()
    # Drop adverbs and auxiliaries between subject and verb: "Mr. Darcy coolly replied", "he had said".
    while True:
        parts = body.rsplit(None, 1)
        if not parts:
            break
        last = parts[-1]
        if last.isalnum() and _ADVERB.match(last) and last.lower() not in PRONOUNS and not _is_cap(last):
            body = body[: len(body) - len(last)].rstrip()
            continue
        break
    if not body:
        return None
    # Appositives: "Scott Pruitt, the attorney general of Oklahoma, said" / "Quina Jones, 25, said".
    segments = [seg for seg in re.split(r",", body)]
    cut = len(segments) - 1
    enclosed = len(segments) >= 2 and not segments[-1].strip()  # "NAME, the X, said"
    if enclosed:
        segments = segments[:-1]
        cut = len(segments) - 1
    k = cut
    while enclosed and k > 0 and _is_appositive(segments[k]) and len(segments) - k <= 3:
        k -= 1
    if k != cut:
        head = segments[k]
        ph = np_at_end(head)
        if ph and ph.kind == "name":
            offset = sum(len(s) + 1 for s in segments[:k]) + head.rfind(ph.text.split()[0])
            return ph, offset
    ph = np_at_end(segments[cut])
    if ph is None:
        return None
    offset = sum(len(s) + 1 for s in segments[:cut]) + max(0, segments[cut].rfind(ph.text.split()[0]))
    return ph, offset


LEAD = re.compile(r"[\s,]*(?:[—–-]+\s*)?")
_PARENTHESES = re.compile(r"\([^()\n]{0,60}\)")
DASH_ATTRIBUTION = re.compile(
    r"\s*[―—–]\s*(?P<name>[A-ZÀ-ÖØ-Þ][\w’'.\-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w’'.\-]*){0,3})\s*(?:[.,;]|\n|$)"
)


def blank_parentheses(s: str) -> str:
    """Blank out short parenthetical asides ("Rep. John Mica (R-Fla.) said"), keeping offsets."""
    return _PARENTHESES.sub(lambda m: " " * len(m.group()), s) if "(" in s else s


_SENTENCE_OPENERS = frozenset(
    "and but or so yet then when while as if though although because since after before where why how what "
    "who that this these those oh ah well yes no now still also even just only perhaps meanwhile however "
    "there here thus".split()
)
_FUNCTION_WORDS = frozenset(
    "and or but to of from at by for with in on as than that seemed seem seems began about into upon".split()
)
_CLAUSE_WORDS = frozenset(
    "has have had is was were are be been being will would shall should can could may might must do does did "
    "not never also still just who which that whose".split()
)
_PARTY_LABEL = re.compile(r"[RDI]-[A-Z][A-Za-z.]*$")


def _is_appositive(seg: str) -> bool:
    s = seg.strip()
    if not s:
        return False
    w = s.split()
    return (w[0].lower() in _DETERMINERS or w[0][0].isdigit() or not _is_cap(w[0])
            or w[0].lower() in ("who", "one", "of", "an", "whose", "himself", "herself")
            or bool(_PARTY_LABEL.match(s)))  # "Mitch McConnell, R-Ky., said"


_CLAUSE_START = re.compile(r".*(?:^|[.!?;:\"“”]\s*|\b(?:and|but|as|when|while|because|so|then|after|before)\s+)", re.S)


def np_at_end(seg: str) -> Phrase | None:
    """The noun phrase at the end of a clause fragment."""
    s = seg.strip()
    if not s:
        return None
    m = _CLAUSE_START.match(s)
    if m:
        s = s[m.end():]
    words = s.split()
    if not words:
        return None
    if words[-1].lower() in PRONOUNS:
        return Phrase("pronoun", words[-1].lower())
    span = _trailing_name(words)
    if span:
        st = span[0]
        # Take descriptive words before the name too: "Tulsa police Chief Chuck Jordan".
        pre_words = words[max(0, st - 4) : st]
        j = len(pre_words)
        while j > 0 and (pre_words[j - 1].lower() in DESCRIPTOR_WORDS or pre_words[j - 1].lower() in TITLE_WORDS
                         or pre_words[j - 1].lower() in _DETERMINERS or pre_words[j - 1].endswith(("'s", "’s"))
                         or pre_words[j - 1].lower() in ORGANISATION_WORDS):
            j -= 1
        return phrase_from(" ".join(pre_words[j:] + words[st:]))
    # A description: from the last determiner on ("the minister"), or, when the clause is a
    # subject with a prepositional phrase ("the sign on the door"), up to the preposition.
    for i in range(len(words) - 1, max(-1, len(words) - 7), -1):
        wl = words[i].lower()
        if wl in _DETERMINERS or words[i].endswith(("'s", "’s")):
            if wl in ("that", "this") and i == len(words) - 1:
                return None
            if i > 0 and words[i - 1].lower() == "the" and wl not in _DETERMINERS:
                i -= 1  # "the city's finance chief"
            j = i
            while j > 0 and words[j - 1].lower() in _PREPOSITIONS and j - 2 >= 0:
                # "the sign on the door": step back over "on" to the phrase it qualifies.
                k = j - 2
                while k > 0 and words[k].lower() not in _DETERMINERS:
                    k -= 1
                if words[k].lower() not in _DETERMINERS or j - k > 5:
                    break
                j = k
            if j != i:
                return phrase_from(" ".join(words[j : _prep_index(words, j)]))
            return phrase_from(" ".join(words[i:]))
    return None


_PREPOSITIONS = frozenset("on in at above below behind beside near outside inside across along beyond by under over".split())


def _prep_index(words: list[str], start: int) -> int:
    for n in range(start + 1, len(words)):
        if words[n].lower() in _PREPOSITIONS:
            return n
    return len(words)


def sentence_subject(clause: str) -> tuple[Phrase, int] | None:
    """The subject at the start of a clause: "In a speech, Trump attacked ..." -> Trump."""
    offset = 0
    for seg in clause.split(","):
        words = seg.split()
        if words:
            first = words[0]
            lead = seg.index(first)
            if first.lower() in ("he", "she", "they"):
                return Phrase("pronoun", first.lower()), offset + lead
            if _is_cap(first) and first.lower() not in NOT_NAMES and not first.endswith(("ing", "ed")):
                k = 1
                while k < len(words) and _is_cap(words[k]):
                    k += 1
                ph = phrase_from(" ".join(words[:k]))
                if ph is not None and ph.kind == "name":
                    return ph, offset + lead
        offset += len(seg) + 1
    return None


def subject_after(post: str) -> Phrase | None:
    """The speaker named after an inverted speech verb: 'said the prince, not at all ...'."""
    stop = SENTENCE_BREAK.search(post)
    if stop:
        post = post[: stop.start()]
    s = re.split(r"[,;:!?\"“”()—–]|\s-\s|\s--", post, maxsplit=1)[0].rstrip(".")
    kept = []
    for w in s.split():
        if w.lower().strip(".'’") in _STOP_AFTER_VERB:
            break
        kept.append(w)
    s = " ".join(kept)
    if not s:
        return None
    return phrase_from(s)
