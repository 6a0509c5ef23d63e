"""Text from a file made safe for a terminal: nothing in it may act on the screen.

One list of the characters that must never reach a terminal raw, shared by the command
line and the app: C0 controls (but tab and newline), DEL, C1 controls, every format
character (zero-width, bidi controls, soft hyphen, word joiner, BOM, tags ...), line and
paragraph separators and lone surrogates (from undecodable file names).
"""

from __future__ import annotations

import re

UNSAFE_RANGES = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)
UNSAFE = re.compile(f"[{UNSAFE_RANGES}]")
# The same from DEL on (JSON escapes the C0 controls by itself) and every character beyond
# U+FFFF, which the caller checks against UNSAFE: a class of plane-0 characters alone is
# one table lookup a character, one with astral ranges is tried range by range (3x slower).
UNSAFE_FROM_DEL_OR_ASTRAL = re.compile(
    f"[{UNSAFE_RANGES[UNSAFE_RANGES.index(chr(0x7F)) : UNSAFE_RANGES.index(chr(0x110BD))]}\U00010000-\U0010ffff]")
_UNSAFE_OR_SPACE = re.compile(f"[{UNSAFE_RANGES}\t\n]")


def picture(ch: str) -> str:
    """One visible character standing for an unsafe one: a C0 control as its Unicode control
    picture (ESC -> ␛), DEL as ␡, anything else as the replacement character."""
    o = ord(ch)
    if o < 0x20:
        return chr(0x2400 + o)
    if o == 0x7F:
        return "\u2421"
    return "\ufffd"


def escaped(s: str) -> str:
    """Unsafe characters shown as control pictures (C0, DEL) or \\uXXXX escapes (the rest)."""

    def show(m: re.Match) -> str:
        o = ord(m.group())
        if o < 0x20 or o == 0x7F:
            return picture(m.group())
        return f"\\u{o:04x}" if o < 0x10000 else f"\\U{o:08x}"

    return UNSAFE.sub(show, s)


def escaped_line(s: str) -> str:
    """``escaped``, and tab and newline as control pictures too (␉, ␊): for what must stay on
    one line whatever it holds, such as a file name in a message or a heading of the output."""
    return escaped(s).replace("\n", picture("\n")).replace("\t", picture("\t"))


def one_for_one(s: str) -> str:
    """Each unsafe character replaced by one visible character, newlines and tabs by spaces,
    so that offsets into the text stay offsets into what is shown."""
    s = s.replace("\n", " ").replace("\t", " ")
    if not UNSAFE.search(s):
        return s
    return UNSAFE.sub(lambda m: picture(m.group()), s)


def shown_in_place(s: str) -> str:
    """Each unsafe character replaced by one visible character (a control picture, or the
    replacement character), newlines and tabs kept: a text printed so keeps its offsets."""
    if not UNSAFE.search(s):
        return s
    return UNSAFE.sub(lambda m: picture(m.group()), s)
