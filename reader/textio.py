"""Reading a file into text: decoding, line endings, and refusing what is not text."""

from __future__ import annotations

import codecs
import errno
import math
import os
import re
import stat
import sys
from dataclasses import dataclass

# The largest input read. The engine's memory and time grow in proportion to the text: for
# prose about 17 MB of memory per MB of file and 0.2 s (War and Peace, 3.2 MB, takes 70 MB and
# 0.6 s), for the most hostile shape (a quotation every three characters, benchmarks/hostile.py)
# about 125 MB and 8 s. 32 MB is ten times War and Peace, and keeps that worst case near 4 GB
# and five minutes (33.5 MB of it: 4.2 GB, 311 s on two busy cores).
MAX_BYTES = 32 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be read as text. The message is one line naming the file."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


_LINE_ENDINGS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_LINE_ENDINGS_BUT_CR = re.compile(r"\r\n|[\u2028\u2029\x85]")


def normalise_newlines(text: str) -> str:
    """Every line ending made ``\\n``: CR LF, Unicode line and paragraph separators, NEL, and a
    carriage return alone where the file ends its lines with it (see ``cr_ends_lines``).

    Elsewhere a lone CR is kept as the character it is: one stray CR in a line of a Unix file
    (pasted from an old Mac text) neither splits its paragraph nor changes an offset. The text
    then holds exactly the file's characters but for its line endings; the display code shows
    the CR as a control picture, and to the engine it is whitespace.
    """
    if "\r" in text:
        return (_LINE_ENDINGS if cr_ends_lines(text) else _LINE_ENDINGS_BUT_CR).sub("\n", text)
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        return _LINE_ENDINGS_BUT_CR.sub("\n", text)
    return text


def cr_ends_lines(text: str) -> bool:
    """Whether a carriage return alone is a line ending in this text: when the text has no line
    feed at all (old Mac files), or when at least one line ending in ten is a lone CR (a file
    pieced together from files with different line endings). A few CRs among many LF line
    endings are characters inside their lines."""
    lone = text.count("\r") - text.count("\r\n")
    return lone > 0 and lone * 10 >= lone + text.count("\n")


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
    controls = len(head.translate(None, _ALL_BUT_CONTROLS))
    return len(head) > 0 and controls / len(head) > 0.10


# Every byte but the control bytes _looks_binary counts (deleted, the count is what is left).
_ALL_BUT_CONTROLS = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13, 27)))


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def wide_encoding(data: bytes) -> tuple[str, int] | None:
    """UTF-16 or UTF-32 text: its codec and the length of its byte-order mark (0 when it has
    none), or None.

    Without a mark the codec is told from where the NUL bytes stand in the first 8 KB. Text
    with ASCII in it (spaces, line breaks, Latin letters) has NULs in the high byte of its
    UTF-16 code units, or the high bytes of its UTF-32 ones, and next to none in the low byte
    that holds the ASCII character; a binary file has NULs anywhere. The guess is kept only
    when the sample decodes cleanly into text without NULs, with few control characters and
    with at least a quarter of its characters printable ASCII. Text in a script other than
    Latin with little ASCII in it needs its byte-order mark.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    if b"\x00" not in data[:8192]:
        return None
    for codec, width, high, low in _WIDE:
        sample = data[: min(len(data), 8192) // width * width]
        units = len(sample) // width
        if not units:
            continue
        nuls_high = sum(sample[k::width].count(0) for k in high)
        if nuls_high < units * len(high) / 4 or sample[low::width].count(0) > units / 64:
            continue
        try:  # incremental: the sample may end inside a surrogate pair
            text = codecs.getincrementaldecoder(codec)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and not _mostly_controls(text) and _printable_ascii(text) * 4 >= len(text):
            return codec, 0
    return None


# codec, bytes per code unit, the high bytes (NUL for ASCII), the low byte (the ASCII character)
_WIDE = (("utf-32-le", 4, (2, 3), 0), ("utf-32-be", 4, (0, 1), 3),
         ("utf-16-le", 2, (1,), 0), ("utf-16-be", 2, (0,), 1))


def _printable_ascii(text: str) -> int:
    return sum(1 for c in text if " " <= c <= "~" or c in "\t\n\r")


def _mostly_controls(text: str) -> bool:
    controls = sum(1 for c in text if c < " " and c not in "\t\n\x0c\r\x1b")
    return controls > len(text) / 10


def decode_bytes(data: bytes, name: str = "<input>") -> Decoded:
    """Decode a file's bytes; raise InputError if they are not text."""
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8) :]
        text = body.decode("utf-8", errors="replace")
        if "\ufffd" in text and b"\xef\xbf\xbd" not in body:
            warnings.append(f"{name}: some bytes are not valid UTF-8 and were replaced")
        return Decoded(normalise_newlines(text), "utf-8-sig", tuple(warnings))
    wide = wide_encoding(data)
    if wide is not None:
        codec, bom = wide
        text = data[bom:].decode(codec, errors="replace")
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
    # Legacy text. Windows-1252 (a superset of Latin-1's printable characters) when it reads
    # as Western text; else whatever a detector finds (Windows-1251, ISO-8859-2, Shift-JIS,
    # GB18030 ...); else Latin-1.
    if _mostly_legacy(data):
        western = _western(data)
        if western is not None:
            return Decoded(normalise_newlines(western[0]), western[1])
        detected = _detected(data)
        if detected is not None:
            return Decoded(normalise_newlines(detected[0]), detected[1])
        if any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")):
            return Decoded(normalise_newlines(data.decode("latin-1")), "latin-1")
        return Decoded(normalise_newlines(data.decode("cp1252")), "cp1252")
    text = data.decode("utf-8", errors="replace")
    warnings.append(f"{name}: some bytes are not valid UTF-8 and were replaced")
    return Decoded(normalise_newlines(text), "utf-8", tuple(warnings))


# Characters of Windows-1252 beyond ASCII that Western text has between words: quotation
# marks, dashes, the ellipsis, the bullet, currency, degree and the like.
_WESTERN_MARKS = frozenset("‘’‚“”„–—…•€£¥¢©®°±·«»§¶†‡‰¹²³¼½¾×÷¿¡ªº \xa0")
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _western(data: bytes) -> tuple[str, str] | None:
    """The text as Windows-1252 (or Latin-1 for the bytes it leaves undefined) when it reads
    as Western text: a few accented letters among plain ones, typographic marks between
    words, and nothing else. Cyrillic, Central European, Greek or East Asian text read so is
    runs of accented letters, or symbols inside words (``³``, ``¿`` for ł, ż)."""
    undefined = any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))
    text = data.decode("latin-1" if undefined else "cp1252")
    accented = plain = 0
    for word in _LETTER_RUN.findall(text):
        high = sum(1 for c in word if c > "\x7f")
        accented += high
        plain += len(word) - high
    if accented * 4 > accented + plain:
        return None
    controls = 0
    for m in _NON_ASCII.finditer(text):
        c = m.group()
        if c.isalpha():
            continue
        if c <= "\x9f":  # a byte Windows-1252 leaves undefined: a stray one is no reason to doubt
            controls += 1
            if controls > 2:
                return None
            continue
        if c not in _WESTERN_MARKS:
            return None  # a C1 control, a box-drawing character ...
        i = m.start()
        if c not in "’'" and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
            return None  # a symbol inside a word: another encoding's letter
    return text, "latin-1" if undefined else "cp1252"


_NON_ASCII = re.compile(r"[^\x00-\x7f]")

# The legacy encodings files are found in, beyond the Western ones: the detector chooses
# among these only (among all, a short Polish text reads best as ISO-8859-14).
_LEGACY_ENCODINGS = (
    "cp1250", "iso8859_2", "cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866", "mac_cyrillic", "cp1253",
    "iso8859_7", "cp1254", "iso8859_9", "cp1255", "iso8859_8", "cp1256", "iso8859_6", "cp1257", "iso8859_13",
    "cp1258", "tis_620", "shift_jis", "cp932", "euc_jp", "iso2022_jp", "gb18030", "big5", "euc_kr", "cp949",
)


def _detected(data: bytes) -> tuple[str, str] | None:
    """The text in the encoding a detector (charset-normalizer) finds for it, or None. Only
    text that is not UTF-8 nor Western asks it: plain text never imports it."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with reader
        return None
    results = list(from_bytes(data, cp_isolation=list(_LEGACY_ENCODINGS)))
    # The detector's first choice, unless it puts a symbol inside a word where a later one
    # reads letters (Polish ł as Turkish ³).
    for match in sorted(results, key=lambda m: _symbols_inside_words(str(m))):
        try:
            name = codecs.lookup(match.encoding).name
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            continue
    return None


def _symbols_inside_words(text: str) -> int:
    return sum(1 for m in _NON_ASCII.finditer(text)
               if not m.group().isalpha() and m.group() not in "’'" and 0 < m.start() < len(text) - 1
               and text[m.start() - 1].isalpha() and text[m.start() + 1].isalpha())


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def _mostly_legacy(data: bytes) -> bool:
    """True when most non-ASCII bytes are not part of UTF-8 sequences."""
    high = len(_HIGH_BYTE.findall(data))
    in_utf8 = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    return in_utf8 * 2 < high


def read_bytes(path: str, allow_zip: bool = False) -> bytes:
    """Read a file (or standard input for ``-``), turning OS errors into one-line InputErrors.
    ``allow_zip``: a zip archive (an EPUB book is one) is read, not refused as not text."""
    if path == "-":
        try:
            return _read_capped(sys.stdin.buffer, "standard input", allow_zip) if allow_zip else \
                _read_capped(sys.stdin.buffer, "standard input")
        except (OSError, ValueError, AttributeError) as exc:
            raise InputError(f"standard input: cannot read: {exc}") from None
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a directory")
        if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
            raise InputError(f"{path}: too large ({_megabytes(info.st_size)}; the limit is {_megabytes(MAX_BYTES)})")
        with open(path, "rb") as f:
            return _read_capped(f, path, allow_zip) if allow_zip else _read_capped(f, path)
    except OSError as exc:
        raise InputError(f"{path}: {_why(path, exc)}") from None


# What the user is told when a file cannot be opened, by the error's number.
_REASONS = {
    errno.ENOENT: "no such file",
    errno.ENOTDIR: "no such file",  # a/b where a is a file
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "is a directory",
    errno.ELOOP: "too many levels of symbolic links",
    errno.ENAMETOOLONG: "file name too long",
}


def _why(path: str, exc: OSError) -> str:
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return "broken symbolic link"
    return _REASONS.get(exc.errno) or f"cannot read: {exc.strerror or exc}"


def _megabytes(n: int) -> str:
    """A size in MB, rounded up to a tenth: a file one byte over a 32 MB limit is 32.1 MB."""
    return f"{math.ceil(n / (1024 * 1024) * 10) / 10:g} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _read_capped(f, name: str, allow_zip: bool = False) -> bytes:
    """Read at most MAX_BYTES; a device or pipe that never ends (/dev/zero) is refused early."""
    head = f.read(65536)
    if not head:
        return b""
    if _looks_binary(head) and wide_encoding(head) is None and not (allow_zip and head.startswith(b"PK\x03\x04")):
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
            raise InputError(f"{name}: too large (more than the limit of {_megabytes(MAX_BYTES)})")
    return b"".join(chunks) if len(chunks) > 1 else head


def read_text(path: str) -> Decoded:
    name = "standard input" if path == "-" else path
    return decode_bytes(read_bytes(path), name)
