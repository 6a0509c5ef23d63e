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


# File signatures of common non-text formats (executables, images, archives, documents).
_MAGIC = (
    b"\x7fELF", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04", b"PK\x05\x06",
    b"\x1f\x8b", b"BZh9", b"\xfd7zXZ\x00", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07", b"%PDF-", b"\xcf\xfa\xed\xfe",
    b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"\x00asm", b"SQLite format 3\x00", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"OggS", b"fLaC", b"ID3", b"\x28\xb5\x2f\xfd", b"MZ\x90\x00",
)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith(_MAGIC):
        return True
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
            if "\ufffd" in text and "\ufffd".encode(codec) not in data:
                warnings.append(f"{name}: some bytes are not valid {codec[:6].upper()} and were replaced")
            return Decoded(normalise_newlines(text), codec, tuple(warnings))
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
            return _read_capped(sys.stdin.buffer, "standard input")
        except (OSError, ValueError, AttributeError) as exc:
            raise InputError(f"standard input: cannot read: {exc}") from None
    if not os.path.lexists(path):
        raise InputError(f"{path}: no such file")
    if not os.path.exists(path):
        raise InputError(f"{path}: broken symbolic link")
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory")
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise InputError(f"{path}: too large ({size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)")
        with open(path, "rb") as f:
            return _read_capped(f, path)
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _read_capped(f, name: str) -> bytes:
    """Read at most MAX_BYTES; a device or pipe that never ends (/dev/zero) is refused early."""
    head = f.read(65536)
    if not head:
        return b""
    if _looks_binary(head) and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{name}: not a text file")
    chunks = [head]
    total = len(head)
    while True:  # in chunks: read(MAX_BYTES) would reserve the whole limit up front
        chunk = f.read(1 << 22)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > MAX_BYTES:
            raise InputError(f"{name}: too large (the limit is {MAX_BYTES // (1024 * 1024)} MB)")
    return b"".join(chunks) if len(chunks) > 1 else head


def read_text(path: str) -> Decoded:
    name = "standard input" if path == "-" else path
    return decode_bytes(read_bytes(path), name)
