"""Reading a file into text: decoding, line endings, and refusing what is not text."""

from __future__ import annotations

import codecs
import os
import re
import sys
from dataclasses import dataclass

MAX_BYTES = 512 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be read as text. The message is one line naming the file."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


_LINE_ENDINGS = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def normalise_newlines(text: str) -> str:
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = _LINE_ENDINGS.sub("\n", text)
    return text


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    # Many control bytes other than whitespace and escape: not text.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return len(head) > 0 and controls / len(head) > 0.10


def decode_bytes(data: bytes, name: str = "<input>") -> Decoded:
    """Decode a file's bytes; raise InputError if they are not text."""
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8) :]
        text = body.decode("utf-8", errors="replace")
        if "\ufffd" in text and b"\xef\xbf\xbd" not in body:
            warnings.append(f"{name}: some bytes are not valid UTF-8 and were replaced")
        return Decoded(normalise_newlines(text), "utf-8-sig", tuple(warnings))
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                       (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            text = data[len(bom) :].decode(codec, errors="replace")
            if "\x00" in text:
                raise InputError(f"{name}: not a text file")
            return Decoded(normalise_newlines(text), codec)
    if _looks_binary(data):
        raise InputError(f"{name}: not a text file")
    try:
        text = data.decode("utf-8")
        return Decoded(normalise_newlines(text), "utf-8")
    except UnicodeDecodeError:
        pass
    # Legacy single-byte text: Windows-1252 (a superset of Latin-1's printable characters),
    # or Latin-1 when bytes that Windows-1252 leaves undefined occur.
    if _mostly_legacy(data):
        if any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")):
            return Decoded(normalise_newlines(data.decode("latin-1")), "latin-1")
        return Decoded(normalise_newlines(data.decode("cp1252")), "cp1252")
    text = data.decode("utf-8", errors="replace")
    warnings.append(f"{name}: some bytes are not valid UTF-8 and were replaced")
    return Decoded(normalise_newlines(text), "utf-8", tuple(warnings))


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def _mostly_legacy(data: bytes) -> bool:
    """True when most non-ASCII bytes are not part of UTF-8 sequences."""
    high = len(_HIGH_BYTE.findall(data))
    in_utf8 = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    return in_utf8 * 2 < high


def read_bytes(path: str) -> bytes:
    """Read a file (or standard input for ``-``), turning OS errors into one-line InputErrors."""
    if path == "-":
        try:
            return sys.stdin.buffer.read()
        except (OSError, ValueError) as exc:
            raise InputError(f"-: cannot read standard input: {exc}") from None
    if not os.path.exists(path):
        raise InputError(f"{path}: no such file")
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory")
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise InputError(f"{path}: too large ({size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)")
        with open(path, "rb") as f:
            return f.read()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def read_text(path: str) -> Decoded:
    name = "standard input" if path == "-" else path
    return decode_bytes(read_bytes(path), name)
