"""Tag finding: the words next to a quotation that say who spoke it.

For each quotation, in this order:

1. after it: ``"…," said Anne tearfully`` / ``"…," the minister said`` / ``"…" was Mrs.
   Smith's reply`` / ``"…!" the Baron vociferated again``;
2. before it, in its sentence: ``Marilla said: "…"`` / ``she clasped her hands and said in
   an imploring voice: "…"`` / ``According to Lavrov, …``;
3. in the paragraph before, when that ends by leading into it (``Emma continued,``);
4. failing a speech verb, an action beat: the subject of the sentence next to the quotation
   in its paragraph (``Marilla looked relieved. "So you do…"``), a weaker cue.

A tag is the mention that names the speaker (a name, a pronoun or a description, with its
offsets), the cue (the verb), where it was found, and the person spoken to when the tag
names one (``said she to Natásha``: Natásha is addressed, never the speaker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.lexicon import (
    ABBREVIATIONS,
    CALENDAR_WORDS,
    ADDRESS_VERBS,
    DETERMINERS,
    NAME_ABBREVIATIONS,
    NON_PERSON_NOUNS,
    OWNER_PRONOUNS,
    PARTICLE_ONLY,
    PREPOSITIONS,
    SPEECH_HELPERS,
    SPEECH_PARTICLES,
    SPEECH_PHRASES,
    SPEECH_VERBS,
    SPEECH_VERBS_FINITE,
    SPEECH_VERBS_ING,
    TAG_CONTINUATIONS,
    TAG_ENDERS,
    UTTERANCE_NOUNS,
    VERB_LEMMA,
)
from reader.model import MENTION
from reader.phrases import (
    DESCRIPTION,
    NAME,
    PRONOUN,
    Mention,
    Token,
    make_name,
    np_after,
    np_before,
    sentence_breaks,
    tokens,
)

AFTER, BEFORE, INTRO, BEAT, ACCORDING = "after", "before", "intro", "beat", "according"

_AFTER_WINDOW = 250
_BEFORE_WINDOW = 400
_LEAD_PUNCT = frozenset(",;—–-" ) | {"--", "---"}


@dataclass(frozen=True, slots=True)
class Tag:
    mention: Mention
    cue: str
    where: str  # AFTER, BEFORE, INTRO, BEAT or ACCORDING
    addressee: Mention | None = None

    @property
    def is_beat(self) -> bool:
        return self.where == BEAT


# The speech phrases by their first word ("wanted" -> ["wanted", "to", "know"]), in order.
_PHRASES_BY_FIRST_WORD: dict[str, list[list[str]]] = {}
for _phrase in SPEECH_PHRASES:
    _PHRASES_BY_FIRST_WORD.setdefault(_phrase.split()[0], []).append(_phrase.split())


def _verb_at(toks: list[Token], k: int, finite_only: bool) -> int:
    """How many tokens the speech verb at k takes (0: no speech verb there): "said" is 1,
    "went on" 2, "wanted to know" 3."""
    t = toks[k]
    low = t.low
    if not t.is_word:
        return 0
    for words in _PHRASES_BY_FIRST_WORD.get(low, ()):
        if [x.low for x in toks[k : k + len(words)]] == words:
            return len(words)
    forms = SPEECH_VERBS_FINITE if finite_only else SPEECH_VERBS
    if low not in forms:
        return 0
    lemma = VERB_LEMMA.get(low, low)
    particles = SPEECH_PARTICLES.get(lemma, ())
    if particles and k + 1 < len(toks) and toks[k + 1].low in particles:
        return 2
    if lemma in PARTICLE_ONLY:
        return 0
    return 1


def _unknown_verb(tok: Token) -> bool:
    """A word in a tag's verb position that is not a listed speech verb but reads as one:
    "vociferated", "blustered" (past tense, lower case)."""
    w = tok.text
    return tok.is_word and w.islower() and len(w) > 4 and w.endswith("ed") and w not in PREPOSITIONS


def _addressee(toks: list[Token], k: int, verb_low: str, text: str, names=None) -> Mention | None:
    """The person spoken to right after a verb: "said to Natásha", "told Ms Sturgeon"."""
    if k < len(toks) and toks[k].low == "to" and verb_low not in ("went", "began", "continued"):
        return np_after(toks, k + 1, text, names=names)
    if verb_low in ADDRESS_VERBS and k < len(toks):
        m = np_after(toks, k, text, names=names)
        if m is not None and m.kind != PRONOUN:
            return m
    return None


def _skip_helpers(toks: list[Token], j: int, limit: int = 5) -> int:
    """Step back from j over adverbs and helpers ("had", "then", "at last", "could not help")
    and when it was said ("later Thursday", "on Monday", "yesterday")."""
    n = 0
    while j >= 0 and n < limit and toks[j].is_word and (
        toks[j].low in SPEECH_HELPERS or toks[j].low.endswith("ly") and toks[j].low not in ("only",)
        or toks[j].low in _WHEN_SAID
    ):
        if toks[j].low in _WEEKDAYS:
            if j == 0 or not toks[j - 1].is_word:
                break  # "Sunday went on": a weekday that opens the sentence is its subject
            if toks[j - 1].low == "on":
                j -= 1  # "on Thursday"
        j -= 1
        n += 1
    return j


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Words of time between a subject and its speech verb: "Priebus later Thursday told".
_WHEN_SAID = _WEEKDAYS | frozenset("today yesterday tonight later earlier".split())


def _speaker_of_verb_before(toks: list[Token], v: int, text: str, names=None) -> Mention | None:
    """For a participle at v that follows "NAME said,": that speaker."""
    if v < 3 or toks[v - 1].text != ",":
        return None
    for u in range(v - 2, max(-1, v - 4), -1):
        n = _verb_at(toks, u, finite_only=True)
        if n and u + n == v - 1:
            m = _subject_before_verb(toks, u, text, names)
            return m if m is not None and _plausible(m) else None
    return None


def _subject_before_verb(toks: list[Token], v: int, text: str, names=None) -> Mention | None:
    """The subject of the verb at v: the phrase right before it, past adverbs and helpers
    and an apposition ("Scott Pruitt, the attorney general of Oklahoma, said")."""
    j = _skip_helpers(toks, v - 1)
    if j < 0:
        return None
    if toks[j].text == "," or toks[j].text == ")":
        # An apposition or a parenthesis between subject and verb: ", the minister," / "(R-Fla.)".
        closing = toks[j].text
        opening = "," if closing == "," else "("
        i = j - 1
        while i >= 0 and j - i <= 16 and toks[i].text != opening and toks[i].text not in (".", ";", ":", '"', "“", "”"):
            i -= 1
        if i >= 0 and toks[i].text == opening and i < j - 1:
            m = np_before(toks, i - 1, text, names=names)
            if m is not None and m.kind == NAME:
                return m
            if m is not None and closing == ")":
                return m
        return None
    m = np_before(toks, j, text, names=names)
    if m is not None:
        k = _next_index(toks, m.start) - 1
        if k >= 0 and toks[k].is_word and (toks[k].low in PREPOSITIONS or toks[k].low.endswith("ing")):
            return None  # "a statement from Chelsea explaining the decision read": an object, not the subject
    return m


def _clause_subject(toks: list[Token], lo: int, hi: int, text: str, names=None) -> Mention | None:
    """The subject of the sentence toks[lo:hi]: its first noun phrase, after an opening
    adverbial clause ("Then, turning his eyes from hers, he asked")."""
    k = lo
    # Leading conjunctions and adverbs: "And", "Then", "But presently".
    while k < hi and toks[k].is_word and (toks[k].low in ("and", "but", "then", "so", "now", "yet", "still")
                                         or toks[k].low.endswith("ly") and toks[k].is_cap):
        k += 1
    if k < hi and toks[k].text == ",":
        k += 1
    m = np_after(toks, k, text, names=names, strict=True) if k < hi else None
    if m is not None and _plausible(m):
        return m
    # An opening clause or phrase up to a comma: "In a speech, Trump said", "As he spoke, she".
    for c in range(k, min(hi, k + 25)):
        if toks[c].text == ",":
            m = np_after(toks, c + 1, text, names=names, strict=True)
            if m is not None and _plausible(m):
                return m
            break
    return None


def _unknown_source(m: Mention) -> bool:
    """"a voice", "a sign": a source the text does not identify (the quotation has no known speaker)."""
    return m.kind == DESCRIPTION and m.head in NON_PERSON_NOUNS and m.text.split()[0].lower() in ("a", "an", "some")


def _plausible(m: Mention) -> bool:
    """A mention that can be someone speaking (not "the sign", "her voice", "it")."""
    if m.kind == PRONOUN:
        return m.text.lower() != "you"
    if m.kind == DESCRIPTION:
        return m.head not in NON_PERSON_NOUNS
    return True


class TagFinder:
    """Finds the tag of every quotation of one text."""

    def __init__(self, text: str, paragraphs, spans, names=None) -> None:
        """``names``: the words the text capitalises where no sentence begins (names), to tell
        a name from a sentence's first word; None reads every capitalised word as a name."""
        self.names = names
        self.text = text
        self.paragraphs = paragraphs
        self.spans = spans

    # -- windows ---------------------------------------------------------------------

    def _after_window(self, i: int) -> tuple[int, int]:
        s = self.spans[i]
        if s.close_mark is None:
            return 0, 0
        para = self.paragraphs[s.paragraph]
        start = s.close_mark + 1
        if self.text[s.close_mark] == "'" and self.text[start : start + 1] == "'":
            start += 1  # the closing '' of ''We will win,'' he said
        end = min(para.end, start + _AFTER_WINDOW)
        if i + 1 < len(self.spans) and self.spans[i + 1].paragraph == s.paragraph:
            end = min(end, self.spans[i + 1].open_mark)
        return start, end

    def _before_window(self, i: int) -> tuple[int, int]:
        s = self.spans[i]
        para = self.paragraphs[s.paragraph]
        start = para.start
        if i > 0 and self.spans[i - 1].paragraph == s.paragraph:
            prev = self.spans[i - 1]
            start = prev.close_mark + 1 if prev.close_mark is not None else prev.end
        return max(start, s.open_mark - _BEFORE_WINDOW), s.open_mark

    def _intro_window(self, i: int) -> tuple[int, int] | None:
        """The end of the previous paragraph, when this quotation opens its paragraph and that
        paragraph leads into it (ends with ":", "," or a dash) after its own last quotation."""
        s = self.spans[i]
        para = self.paragraphs[s.paragraph]
        if s.paragraph == 0 or self.text[para.start : s.open_mark].strip():
            return None
        prev = self.paragraphs[s.paragraph - 1]
        start = max(prev.start, prev.end - _BEFORE_WINDOW)
        if i > 0 and self.spans[i - 1].paragraph == prev.index:
            q = self.spans[i - 1]
            if q.close_mark is None:
                return None
            start = max(start, q.close_mark + 1)
        tail = self.text[start : prev.end].rstrip()
        if not tail or tail[-1] in ".!?\"”’'»)]":
            return None  # a finished sentence does not lead into the quotation
        return start, prev.end

    # -- the shapes ------------------------------------------------------------------

    def after(self, i: int) -> Tag | None:
        a, b = self._after_window(i)
        if b <= a:
            return None
        text = self.text
        fast = self._fast_after(a, b)
        if fast is not None:
            return fast
        toks = tokens(text, a, _clause_end(text, a, b))
        k = 0
        while k < len(toks) and (toks[k].text in _LEAD_PUNCT or toks[k].text in ("(",)):
            k += 1
        if k >= len(toks) or not toks[k].is_word:
            return None
        # The tag must be the clause right after the quotation: stop at the sentence's end.
        end = len(toks)
        for n in range(k, len(toks)):
            if toks[n].text in (".", "!", "?", ";", '"', "“", "”") or toks[n].text == ":" and n > k + 1:
                end = n
                break
        toks = toks[:end]
        # Inverted: "said Anne tearfully", "went on the doctor", "answered he".
        n = _verb_at(toks, k, finite_only=True)
        if n:
            m = np_after(toks, k + n, text, after_verb=True, names=self.names)
            if m is not None and (_plausible(m) or _unknown_source(m)):
                after_np = _next_index(toks, m.end)
                return Tag(m, " ".join(t.text for t in toks[k : k + n]), AFTER,
                           _addressee(toks, after_np, toks[k].low, text, self.names))
            return None
        # "was Mrs. Smith's reply", "was the answer".
        if toks[k].low == "was" and k + 1 < len(toks):
            for h in range(k + 2, min(len(toks), k + 6)):
                if toks[h].low in UTTERANCE_NOUNS:
                    for o in range(k + 1, h):
                        if toks[o].low in OWNER_PRONOUNS:
                            owner = toks[o]
                            return Tag(Mention(PRONOUN, owner.text, owner.start, owner.end), toks[h].low, AFTER)
                        if toks[o].possessive and toks[o].is_cap:
                            m = np_before(toks, o, text, names=self.names)
                            if m is not None:
                                return Tag(m, toks[h].low, AFTER)
                    break
            return None
        # Subject first: "the minister said", "Marilla wanted to know", "the Baron vociferated".
        m = np_after(toks, k, text, names=self.names)
        if m is None and toks[k].bare in CALENDAR_WORDS and k + 1 < len(toks) and _verb_at(toks, k + 1, False):
            m = make_name(toks[k : k + 1], text, trusted=True)  # "May interposed"
        if m is None or not (_plausible(m) or _unknown_source(m)):
            return None
        j = _next_index(toks, m.end)
        if j < len(toks) and toks[j].text == ",":
            # An apposition: "Scott Pruitt, the attorney general of Oklahoma, said"; "the White
            # House spokesman, Josh Earnest, said": the name in it is the speaker's.
            c = j + 1
            while c < len(toks) and c - j <= 16 and toks[c].text != ",":
                c += 1
            if c < len(toks) and c + 1 < len(toks):
                if m.kind != NAME or m.name and m.titles and m.titles[0] == "the":
                    inner = np_after(toks, j + 1, text, names=self.names)
                    if inner is not None and inner.kind == NAME and _next_index(toks, inner.end) == c:
                        m = inner
                j = c + 1
        v = j
        while v < len(toks) and v - j < 4 and toks[v].is_word and (
            toks[v].low in SPEECH_HELPERS or toks[v].low.endswith("ly")
        ) and not _verb_at(toks, v, finite_only=False):
            v += 1
        if v >= len(toks):
            return None
        n = _verb_at(toks, v, finite_only=False)
        if n and v + n < len(toks) and toks[v + n].low in ("that", "how", "whether", "if"):
            return None  # "replied that he did not know": reported speech, not this quotation's tag
        if n and toks[v].low not in SPEECH_VERBS_ING:
            return Tag(m, " ".join(t.text for t in toks[v : v + n]), AFTER,
                       _addressee(toks, v + n, toks[v].low, text, self.names))
        # An unlisted verb ("vociferated") only where the sentence plainly goes on after the
        # quotation: after a comma inside it, or in lower case after "!" or "?".
        goes_on = self.text[self.spans[i].end - 1 : self.spans[i].end] == "," or not toks[k].is_cap
        if goes_on and v == j and _unknown_verb(toks[v]) and m.kind in (NAME, PRONOUN) and (
            v + 1 >= len(toks) or not toks[v + 1].is_word or toks[v + 1].low.endswith("ly")
            or toks[v + 1].low in ("again", "to", "in", "at", "with", "out", "up")
        ):
            return Tag(m, toks[v].text, AFTER)
        return None

    def _fast_after(self, a: int, b: int) -> Tag | None:
        """The commonest tags, read without taking the whole clause apart: "said he", "she
        asked", "said Anna Pávlovna", "replied the prince", "he added with a smile". Gives what
        ``after`` would (the speaker's phrase is read by the same ``np_after``); None sends the
        clause to ``after``'s full reading."""
        text = self.text
        m = _FAST_TAG.match(text, a, b)
        if m is None:
            return None
        inverted = m.group("v1") is not None
        verb = m.group("v1") or m.group("v2")
        if verb not in _FAST_VERBS:
            return None
        who = m.group("w1") or m.group("w2")
        start = m.start("w1") if inverted else m.start("w2")
        nxt = (m.group("n") or "").lower()
        if nxt in ("to", "that", "how", "whether", "if") or verb in ADDRESS_VERBS and nxt:
            return None  # an addressee or reported speech: the full reading
        if not inverted and nxt and nxt not in TAG_CONTINUATIONS:
            return None
        if who in ("he", "she", "I"):
            return Tag(Mention(PRONOUN, who, start, start + len(who)), verb, AFTER)
        if inverted and nxt and not (nxt in TAG_ENDERS or nxt.endswith("ly")):
            return None  # the phrase may go on ("said Judicial Watch president Tom Fitton")
        if any(len(w.rstrip(".")) == 1 or w.endswith(".") or w.lower() in NAME_ABBREVIATIONS for w in who.split()):
            return None  # an initial or an abbreviation ("C. Stewart Verdery Jr."): the full reading
        if not inverted and self.names is not None and who.split()[0] not in self.names:
            return None  # a capitalised first word may open a sentence: the full reading decides
        toks = tokens(text, start, m.end("w1") if inverted else m.end("w2"))
        np = np_after(toks, 0, text, after_verb=inverted, names=self.names)
        if np is None or np.end != toks[-1].end or not _plausible(np):
            return None
        return Tag(np, verb, AFTER)

    def before(self, i: int, window: tuple[int, int] | None = None, where: str = BEFORE) -> Tag | None:
        a, b = window or self._before_window(i)
        if b <= a:
            return None
        text = self.text
        breaks = sentence_breaks(text, a, b)
        s0 = breaks[-1] if breaks else a
        if not text[s0:b].strip() and len(breaks) >= 1:
            return None
        if SPEECH_VERBS.isdisjoint(_LOWER_WORDS.findall(text, s0, b)):
            return None  # no speech verb in the sentence: nothing to read
        toks = tokens(text, s0, b)
        # Drop the marks that close the window: the quotation's own opening mark is outside it.
        while toks and toks[-1].text in ('"', "“", "‘", "'", "«", "(", "["):
            toks.pop()
        if not toks:
            return None
        # The last speech verb of the sentence, with nothing but its object, adverbs and the
        # lead-in punctuation between it and the quotation.
        for v in range(len(toks) - 1, -1, -1):
            n = _verb_at(toks, v, finite_only=False)
            if not n:
                continue
            if toks[v].low in SPEECH_VERBS_ING and v > 0 and toks[v - 1].low in DETERMINERS:
                continue  # "in an imploring voice": an adjective, not the verb
            if not self._leads_into_quote(toks, v + n):
                break
            low = toks[v].low
            if low in SPEECH_VERBS_ING:
                # "…, saying, "Q"", "staggered across the floor shouting": the sentence's subject;
                # "…, Spicer said, adding, "Q"": the subject of the speech verb just before.
                m = _speaker_of_verb_before(toks, v, text, self.names) or _clause_subject(toks, 0, v, text, self.names)
                if m is None and window is None and not any(t.is_word for t in toks[:v]):
                    m = self._subject_across_quotation(i)  # "…deemed ''top secret,'' saying: ''…''"
            else:
                m = _subject_before_verb(toks, v, text, self.names)
                if m is None or not _plausible(m):
                    m = _clause_subject(toks, 0, v, text, self.names)
            if m is None or not _plausible(m):
                return None
            return Tag(m, " ".join(t.text for t in toks[v : v + n]), where, _addressee(toks, v + n, low, text, self.names))
        if where == BEFORE:
            return None
        return None

    def _subject_across_quotation(self, i: int) -> Mention | None:
        """The subject of the sentence that a quotation of a few words interrupts before this
        one's lead-in ("On Friday, he joined others in calling it ''a disaster,'' saying:")."""
        if i == 0:
            return None
        s, prev = self.spans[i], self.spans[i - 1]
        if prev.paragraph != s.paragraph or prev.close_mark is None or prev.end - prev.start > 80:
            return None
        text = self.text
        para = self.paragraphs[s.paragraph]
        lo = max(para.start, prev.open_mark - _BEFORE_WINDOW)
        if i > 1 and self.spans[i - 2].paragraph == s.paragraph and self.spans[i - 2].close_mark is not None:
            lo = max(lo, self.spans[i - 2].close_mark + 1)
        breaks = sentence_breaks(text, lo, prev.open_mark)
        toks = tokens(text, breaks[-1] if breaks else lo, prev.open_mark)
        if not toks:
            return None
        m = _clause_subject(toks, 0, len(toks), text, self.names)
        # A name or a pronoun only: a description read this far back is too often the wrong
        # noun phrase ("The rector's sermons had repelled her, and she had…").
        return m if m is not None and m.kind in (NAME, PRONOUN) and _plausible(m) else None

    def _leads_into_quote(self, toks: list[Token], k: int) -> bool:
        """Whether the words from k to the quotation are only an addressee, adverbs or a phrase
        of manner ("to that wretched woman:", "in an imploring voice:", "abruptly,")."""
        rest = toks[k:]
        if len(rest) > 14:
            return False
        for t in rest:
            if t.text in (".", "!", "?", ";") or t.text in ('"', "“", "”"):
                return False
        return True

    def beat(self, i: int) -> Tag | None:
        """The subject of the narrative sentence right before the quotation in its paragraph,
        or right after it: an action beat names the speaker without a speech verb."""
        s = self.spans[i]
        text = self.text
        a, b = self._before_window(i)
        if text[a:b].strip():
            breaks = sentence_breaks(text, a, b)
            s0 = breaks[-1] if breaks else a
            if not text[s0:b].strip() and breaks:
                s0 = breaks[-2] if len(breaks) >= 2 else a
            toks = tokens(text, s0, b)
            m = _clause_subject(toks, 0, len(toks), text, self.names) if toks else None
            if m is not None and _plausible(m):
                return Tag(m, "", BEAT)
        a, b = self._after_window(i)
        if b > a and s.close_mark is not None:
            toks = tokens(text, a, b)
            k = 0
            while k < len(toks) and not toks[k].is_word:
                k += 1
            if k < len(toks) and toks[k].is_cap:
                m = _clause_subject(toks, k, len(toks), text, self.names)
                if m is not None and _plausible(m):
                    return Tag(m, "", BEAT)
        return None

    def according(self, i: int) -> Tag | None:
        """"According to NAME" in the sentence that holds the quotation or the one before."""
        s = self.spans[i]
        para = self.paragraphs[s.paragraph]
        lo = max(para.start, s.open_mark - 600)
        k = self.text.rfind("ccording to ", lo, s.open_mark)
        if k < 0 or self.text[k - 1] not in "Aa":
            return None
        toks = tokens(self.text, k + len("ccording to "), min(para.end, k + 200))
        m = np_after(toks, 0, self.text, names=self.names)
        if m is None or not _plausible(m):
            return None
        return Tag(m, "according to", ACCORDING)

    def find(self, i: int) -> Tag | None:
        s = self.spans[i]
        if s.kind == MENTION or s.label is not None:
            return None
        tag = self.after(i) or self.before(i)
        if tag is None:
            w = self._intro_window(i)
            if w is not None:
                tag = self.before(i, w, INTRO) or self._colon_intro(w)
        if tag is None:
            tag = self.according(i)
        if tag is None:
            tag = self.signed(i)
        if tag is None:
            tag = self.labelled(i)
        return tag

    def labelled(self, i: int) -> Tag | None:
        """A paragraph that opens with a name and a colon, without a verb, then the quotation:
        "Gallup's Jeffrey M. Jones: "…"", "More from Jones: "…"", "From Bush's Facebook post:
        "…"" (after a kicker and a dash, too)."""
        s = self.spans[i]
        a, b = self.paragraphs[s.paragraph].start, s.open_mark
        text = self.text
        lead = text[a:b].rstrip()
        if not lead.endswith(":") or "\n" in lead:
            return None  # a label opens its paragraph and is on one line
        colon = a + len(lead) - 1
        start = max(a, max(text.rfind(sep, a, colon) + len(sep) for sep in (" - ", " — ", " – ")))
        toks = tokens(text, start, colon)
        k = 0
        while k < len(toks) and toks[k].low in ("from", "more"):
            k += 1
        if not toks or len(toks) - k > 7 or k == len(toks):
            return None
        if any(_verb_at(toks, n, finite_only=False) for n in range(k, len(toks))):
            return None
        if toks[k].possessive and toks[k].is_cap:
            # "Gallup's Jeffrey M. Jones:" is Jones; "From Bush's Facebook post:" is Bush.
            m = np_after(toks, k + 1, text, after_verb=True, names=self.names) if k + 1 < len(toks) else None
            if m is None or m.kind != NAME or _next_index(toks, m.end) < len(toks):
                m = make_name(toks[k : k + 1], text)
        else:
            m = np_after(toks, k, text, after_verb=True, names=self.names)
        if m is None or m.kind != NAME:
            return None
        rest = toks[_next_index(toks, m.end):]
        if any(not t.is_word or t.low in DETERMINERS for t in rest):
            return None  # only the words of what the name wrote ("Facebook post") may follow
        return Tag(m, ":", BEFORE)

    def signed(self, i: int) -> Tag | None:
        """A quotation that ends its paragraph, signed by the next one: a dash and a name,
        alone or before a comma ("-Michelle Marks, Philadelphia.", "— President Obama, tweeting")."""
        s = self.spans[i]
        text = self.text
        if s.close_mark is None or s.paragraph + 1 >= len(self.paragraphs):
            return None
        if text[s.close_mark + 1 : self.paragraphs[s.paragraph].end].strip(" .,"):
            return None
        nxt = self.paragraphs[s.paragraph + 1]
        m = _SIGNATURE.match(text, nxt.start, nxt.end)
        if m is None or nxt.end - nxt.start > 200:
            return None
        toks = tokens(text, m.end(), nxt.end)
        mention = np_after(toks, 0, text, after_verb=True, names=self.names)
        if mention is None or not _plausible(mention) or text[mention.end : nxt.end].strip(" .")[:1] not in ("", ","):
            return None
        return Tag(mention, "—", AFTER)

    def _colon_intro(self, window: tuple[int, int]) -> Tag | None:
        """A paragraph that ends with a colon introduces what follows, whoever its sentence is
        about ("…, the city's finance chief set out how the money would be raised:")."""
        a, b = window
        text = self.text
        if not text[a:b].rstrip().endswith(":"):
            return None
        breaks = sentence_breaks(text, a, b)
        toks = tokens(text, breaks[-1] if breaks else a, b)
        m = _clause_subject(toks, 0, len(toks), text, self.names)
        if m is None or not _plausible(m):
            return None
        return Tag(m, ":", INTRO)


# A signature: a dash (or two hyphens) before a capitalised word at a paragraph's start.
_SIGNATURE = re.compile(r"(?:--?|[—–])[ \t]*(?=[A-Z])")
_CLAUSE_STOP = re.compile(r"[!?;\"“”]|\.(?=\s|$)")


def _clause_end(text: str, a: int, b: int) -> int:
    """Where the clause after a quotation surely ends (just after its first full stop, "!",
    "?", ";" or quotation mark past a first word), so that only that much is read."""
    pos = a
    while True:
        m = _CLAUSE_STOP.search(text, pos, b)
        if m is None:
            return b
        if m.start() - a > 2 and not (m.group() == "." and _ABBREVIATION_BEFORE.search(text, max(a, m.start() - 5), m.start())):
            return min(b, m.end())
        pos = m.end()


_ABBREVIATION_BEFORE = re.compile(r"(?:\b(?:" + "|".join(sorted(ABBREVIATIONS)) + r")|\b[A-HJ-Z])$")


_LOWER_WORDS = re.compile(r"[a-z]+")
# "said he," / "he said." / "said Anna Pávlovna;" / "replied the prince, not ..." / "he added
# with ...": a speech verb and its speaker, then a stop or one more word.
_CAPWORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*\.?"
_FAST_TAG = re.compile(
    r"[ \t]*(?:,|--|—)?[ \t\n]*(?:"
    rf"(?P<v1>[a-z]+)[ \t\n]+(?P<w1>he|she|I|{_CAPWORD}(?:[ \t\n]+{_CAPWORD}){{0,2}}|the[ \t\n]+[a-z]+)"
    rf"|(?P<w2>he|she|I|{_CAPWORD}(?:[ \t\n]+{_CAPWORD})?)[ \t\n]+(?P<v2>[a-z]+)"
    r")(?:[ \t\n]*(?:[,.;!?:—]|--)|[ \t\n]+(?P<n>[a-z]+)\b|[ \t\n]*$)"
)
_FAST_VERBS = frozenset(v for v in SPEECH_VERBS_FINITE if VERB_LEMMA.get(v) not in PARTICLE_ONLY
                        and v not in SPEECH_VERBS_ING)


def _next_index(toks: list[Token], offset: int) -> int:
    """The index of the first token that starts at or after offset."""
    for n, t in enumerate(toks):
        if t.start >= offset:
            return n
    return len(toks)


def find_tags(text: str, paragraphs, spans, names=None) -> list[Tag | None]:
    """The tag of every quotation, None where none is written.

    A quotation that follows a tagged one in its paragraph, with only that tag between them,
    shares it: ``"A," she said, "B."`` and ``"A," she said. "B."``. Beats are asked for
    separately (``TagFinder.beat``): they are weaker than a tag.
    """
    finder = TagFinder(text, paragraphs, spans, names)
    tags = [finder.find(i) for i in range(len(spans))]
    for i in range(1, len(spans)):
        a, b = spans[i - 1], spans[i]
        prev = tags[i - 1]
        if (tags[i] is None and prev is not None and a.paragraph == b.paragraph and a.close_mark is not None
                and prev.mention.start > a.close_mark and prev.mention.end <= b.open_mark
                and b.kind != MENTION and b.label is None):
            tags[i] = prev
    # "A!" "B," cried he: two quotations with nothing between them, the tag after the second.
    for i in range(len(spans) - 2, -1, -1):
        a, b = spans[i], spans[i + 1]
        nxt = tags[i + 1]
        if (tags[i] is None and nxt is not None and a.paragraph == b.paragraph and a.close_mark is not None
                and nxt.mention.start > b.open_mark and a.kind != MENTION and a.label is None
                and not any(c.isalnum() for c in text[a.close_mark + 1 : b.open_mark])):
            tags[i] = nxt
    return tags
