"""Finding words anywhere in the text, as ``less`` does: every match, in text order.

Matching ignores case and accents (``schérer`` finds ``Scherer``), and a space in what is
typed matches any run of white space (a hard wrap too). The text is folded once, one
character for one, so a match's offsets are offsets into the document. Nothing here knows
of Textual.
"""

from __future__ import annotations

import re
import unicodedata

MAX_MATCHES = 100_000  # more than anyone steps through; the count says when there are more


def _fold_char(c: str) -> str:
    f = unicodedata.normalize("NFKD", c)
    f = "".join(ch for ch in f if not unicodedata.combining(ch)).lower()
    return f if len(f) == 1 else (c.lower() if len(c.lower()) == 1 else c)


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def fold_text(text: str) -> str:
    """Lower case without accents, one character for one."""
    cache: dict[str, str] = {}

    def one(m: re.Match[str]) -> str:
        c = m.group()
        f = cache.get(c)
        if f is None:
            f = cache[c] = _fold_char(c)
        return f

    return _NOT_ASCII.sub(one, text).lower() if not text.isascii() else text.lower()


def pattern(query: str) -> re.Pattern[str] | None:
    """The pattern of a typed query; None when it holds nothing to find."""
    words = fold_text(query).split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words))


class Finder:
    """The matches of queries in one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold_text(self.text)
            if len(self._folded) != len(self.text):  # never: one for one; but offsets must hold
                self._folded = self.text.lower() if len(self.text.lower()) == len(self.text) else self.text
        return self._folded

    def find(self, query: str) -> tuple[tuple[int, int], ...]:
        """(start, end) of every match, in text order (at most MAX_MATCHES)."""
        p = pattern(query)
        if p is None:
            return ()
        out = []
        for m in p.finditer(self.folded):
            out.append(m.span())
            if len(out) >= MAX_MATCHES:
                break
        return tuple(out)
