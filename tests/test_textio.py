"""Reading files into text: encodings, line endings, refusing what is not text."""

from __future__ import annotations

import codecs
import io
import random
import sys

import pytest

from reader import textio
from reader.textio import InputError, cr_ends_lines, decode_bytes, normalise_newlines, read_bytes, read_text

CURLY = "“Hello,” she said. It’s £5 — café."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (CURLY.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + CURLY.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + CURLY.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + CURLY.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + CURLY.encode("utf-32-le"), "utf-32-le"),
        (CURLY.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_decode_exactly(data, encoding):
    d = decode_bytes(data, "f.txt")
    assert d.text == CURLY
    assert d.encoding == encoding
    assert d.warnings == ()


def test_cp1252_curly_quote_bytes():
    d = decode_bytes(b"\x93Yes,\x94 he said. \x91Maybe\x92 \x96 fine\x85", "f.txt")
    assert d.text == "“Yes,” he said. ‘Maybe’ – fine…"


def test_latin1_pound_and_undefined_cp1252_bytes():
    assert decode_bytes(b"Price: \xa35 and caf\xe9", "f.txt").text == "Price: £5 and café"
    # 0x81 is undefined in Windows-1252: read as Latin-1, never an error
    assert decode_bytes(b"caf\xe9 \x81", "f.txt").text == "café \x81"


def test_line_endings_normalised():
    assert decode_bytes(b"a\r\nb\rc\nd\r\n\r\ne", "f").text == "a\nb\nc\nd\n\ne"
    assert normalise_newlines("a\u2028b\u2029c\x85d") == "a\nb\nc\nd"
    assert decode_bytes(codecs.BOM_UTF16_LE + "x\r\ny\rz".encode("utf-16-le"), "f").text == "x\ny\nz"


def test_lone_cr_inside_a_line_of_a_unix_file_is_kept():
    """Old Mac line endings pasted into a Unix file: the CR is a character of its line, so
    the offsets into the text are the file's."""
    text = "".join(f"Line {i} of the article.\n" for i in range(30)) + "one\rtwo\n"
    assert normalise_newlines(text) == text
    assert decode_bytes(text.encode(), "f").text == text
    dos = text.replace("\n", "\r\n")
    assert decode_bytes(dos.encode(), "f").text == text  # CR LF normalised, the lone CR kept
    assert normalise_newlines(text + "a\rb\u2028c") == text + "a\rb\nc"  # other line endings still normalised


def test_cr_line_endings_throughout():
    assert decode_bytes(b"Title\r\rFirst line\rsecond line\r", "f").text == "Title\n\nFirst line\nsecond line\n"
    assert decode_bytes("a\rb\r\rc".encode("utf-16-le"), "f").text == "a\nb\n\nc"


def test_lone_cr_ends_lines_when_one_line_ending_in_ten_is_one():
    assert cr_ends_lines("a\rb") and cr_ends_lines("x\r" + "y\n" * 9)
    assert not cr_ends_lines("x\r" + "y\n" * 10)
    assert not cr_ends_lines("a\r\nb\r\n") and not cr_ends_lines("no line endings")


ENGLISH = ("“Hello,” she said. It’s £5 — café, naïve Zoë. 😀\n"
           "The council met on Monday to vote on the budget for the harbour bridge.\n\n") * 4


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_byte_order_mark(codec):
    d = decode_bytes(ENGLISH.encode(codec), "f.txt")
    assert (d.text, d.encoding, d.warnings) == (ENGLISH, codec, ())


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_files_without_a_mark_longer_than_the_first_read(tmp_path, codec):
    text = ENGLISH * 300  # more than the 64 KB read first, which is checked for binary
    p = tmp_path / "wide.txt"
    p.write_bytes(text.encode(codec))
    assert read_text(str(p)).text == text


def test_utf32_be_file_with_its_byte_order_mark(tmp_path):
    p = tmp_path / "wide.txt"
    p.write_bytes(codecs.BOM_UTF32_BE + ENGLISH.encode("utf-32-be"))
    assert read_text(str(p)).text == ENGLISH


@pytest.mark.parametrize("seed", range(5))
def test_binary_with_scattered_nuls_is_still_refused(seed):
    rng = random.Random(seed)
    data = bytearray(rng.randrange(1, 256) for _ in range(6000))
    for i in rng.sample(range(len(data)), 400):
        data[i] = 0
    with pytest.raises(InputError, match=r"^f\.bin: not a text file$"):
        decode_bytes(bytes(data), "f.bin")


def test_ascii_text_with_a_few_nuls_is_not_read_as_utf16():
    with pytest.raises(InputError, match="not a text file"):
        decode_bytes(b"plain text with a NUL\x00 here and\x00 there, and more words after them", "f")


def test_undecodable_bytes_in_utf8_are_replaced_with_a_warning():
    data = ("“Fine,” said Ann. " * 50).encode("utf-8") + b"\xff\xfe bad " + "naïve".encode("utf-8")
    d = decode_bytes(data, "f.txt")
    assert d.text.count("\ufffd") == 2
    assert d.text.endswith(" bad naïve") and d.text.startswith("“Fine,” said Ann.")
    assert d.warnings == ("f.txt: some bytes are not valid UTF-8 and were replaced",)


def test_utf8_bom_with_bad_bytes_warns():
    d = decode_bytes(codecs.BOM_UTF8 + b"ok \xff ok", "f")
    assert d.text == "ok \ufffd ok" and d.warnings


def test_odd_utf16_warns():
    d = decode_bytes(codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"x", "f")
    assert d.text.startswith("ok") and d.warnings


def test_a_real_replacement_character_is_not_a_warning():
    assert decode_bytes("a \ufffd b".encode("utf-8"), "f").warnings == ()


@pytest.mark.parametrize(
    "data",
    [
        b"\x7fELF\x02\x01\x01" + b"\x00" * 100,
        b"\x89PNG\r\n\x1a\n",  # the bare signature: no NUL byte yet
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x00\x00",
        b"GIF89a\x01\x00",
        b"\x1f\x8b\x08\x00",
        b"%PDF-1.7\n",
        b"text then a NUL \x00 byte",
        bytes(range(1, 32)) * 20,  # mostly control bytes
        codecs.BOM_UTF16_BE + b"\x00\x00",  # UTF-16 that decodes to NULs
    ],
)
def test_binary_is_refused(data):
    with pytest.raises(InputError, match=r"^f\.bin: not a text file$"):
        decode_bytes(data, "f.bin")


def test_text_with_escape_sequences_is_still_text():
    assert decode_bytes(b"\x1b[31mred\x1b[0m and \x07 bell", "f").text == "\x1b[31mred\x1b[0m and \x07 bell"


def test_empty_and_whitespace():
    assert decode_bytes(b"", "f").text == ""
    assert decode_bytes(b" \r\n\t \n", "f").text == " \n\t \n"


def test_read_errors_are_one_line(tmp_path):
    with pytest.raises(InputError, match=r"no such file$"):
        read_bytes(str(tmp_path / "nope"))
    with pytest.raises(InputError, match=r"is a directory$"):
        read_bytes(str(tmp_path))
    link = tmp_path / "dangling"
    link.symlink_to(tmp_path / "gone")
    with pytest.raises(InputError, match=r"broken symbolic link$"):
        read_bytes(str(link))


def test_symbolic_link_loop_and_long_names_say_so(tmp_path):
    loop_a, loop_b = tmp_path / "loop-a", tmp_path / "loop-b"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    with pytest.raises(InputError, match=r"loop-a: too many levels of symbolic links$"):
        read_bytes(str(loop_a))
    with pytest.raises(InputError, match=r"x{300}: file name too long$"):
        read_bytes(str(tmp_path / ("x" * 300)))  # one name longer than a directory entry can be
    with pytest.raises(InputError, match=r"file name too long$"):
        read_bytes(str(tmp_path) + "/d" * 2500)  # a path of 5,000 characters
    with pytest.raises(InputError, match=r"no such file$"):
        read_bytes(str(tmp_path / "loop-a-not" / "x"))


def test_too_large_is_one_line(tmp_path, monkeypatch):
    p = tmp_path / "big.txt"
    p.write_bytes(b"word " * 300)
    monkeypatch.setattr(textio, "MAX_BYTES", 1000)
    with pytest.raises(InputError) as e:
        read_bytes(str(p))
    assert str(e.value) == f"{p}: too large (1500 bytes; the limit is 1000 bytes)"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"word " * 300)))
    monkeypatch.setattr(textio, "_read_capped", _small_chunks(textio._read_capped))
    with pytest.raises(InputError) as e:
        read_bytes("-")
    assert str(e.value) == "standard input: too large (more than the limit of 1000 bytes)"


def _small_chunks(read_capped):
    """_read_capped reading 100 bytes at a time, as from a pipe that delivers little at once."""

    class Slow:
        def __init__(self, f):
            self.f = f

        def read(self, n):
            return self.f.read(min(n, 100))

    return lambda f, name: read_capped(Slow(f), name)


def test_permission_error_via_open(tmp_path, monkeypatch):
    p = tmp_path / "secret.txt"
    p.write_text("x")

    def denied(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", denied)
    with pytest.raises(InputError) as e:
        read_bytes(str(p))
    assert str(e.value) == f"{p}: permission denied"


def test_device_that_never_ends_is_refused_quickly():
    with pytest.raises(InputError, match="not a text file"):
        read_bytes("/dev/zero")


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbfhi\r\n")))
    assert read_text("-").text == "hi\n"
