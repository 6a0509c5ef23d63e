"""Every kind of awkward input, case by case, through the real command line (``python -m reader``).

Any text file opens, nothing crashes, no traceback, nothing in a file acts on the terminal,
and the file is never changed.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import zipfile

import pytest
from conftest import proc, run


COMMANDS = ("quotes", "speakers", "outline")


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


# ---------------------------------------------------------------------------------------
# missing path, directory, unreadable file: one line naming the path, exit 1 (CLI and app)


def _bad_paths(tmp_path):
    (tmp_path / "folder").mkdir()
    return {"missing": (tmp_path / "missing.txt", "no such file"), "directory": (tmp_path / "folder", "is a directory")}


def _more_bad_paths(tmp_path):
    loop_a, loop_b = tmp_path / "loop-a", tmp_path / "loop-b"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "gone")
    return {"symlink-loop": (loop_a, "too many levels of symbolic links"),
            "dangling-symlink": (dangling, "broken symbolic link"),
            "long-name": (tmp_path / ("x" * 300), "file name too long"),
            "long-path": (tmp_path / "/".join(["d"] * 2500), "file name too long")}


@pytest.mark.parametrize("kind", ["missing", "directory", "symlink-loop", "dangling-symlink", "long-name", "long-path"])
@pytest.mark.parametrize("argv", [["quotes"], ["outline", "--format", "json"], []], ids=["quotes", "outline", "app"])
def test_missing_and_directory(tmp_path, kind, argv):
    path, message = {**_bad_paths(tmp_path), **_more_bad_paths(tmp_path)}[kind]
    if kind == "directory":  # the commands read a folder's article files, the app opens them: it has none
        message = "no article files in the folder (.txt, .text, .md, .markdown, .mdown, .mkd, .html, .htm, .xhtml, .epub)"
    status, out, err = proc([*argv, str(path)])
    assert status == 1
    assert out == ""  # the app path: no screen drawn, nothing on stdout
    assert err == f"reader: {path}: {message}\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="running as root: chmod 000 does not stop root reading the file; "
                    "test_unreadable_file_simulated covers the message")
def test_unreadable_file(tmp_path):
    p = write(tmp_path, "secret.txt", b"hello")
    p.chmod(0)
    try:
        for argv in (["quotes", str(p)], [str(p)]):
            status, out, err = proc(argv)
            assert (status, out, err) == (1, "", f"reader: {p}: permission denied\n")
    finally:
        p.chmod(0o644)


def test_unreadable_file_simulated(tmp_path, monkeypatch):
    p = write(tmp_path, "secret.txt", b'"Hi," said Ann Lee.')
    real_open = open

    def guarded(file, *a, **k):
        if str(file) == str(p):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *a, **k)

    monkeypatch.setattr("builtins.open", guarded)
    for argv in (["quotes", str(p)], [str(p)]):
        status, out, err = run(argv)
        assert (status, out, err) == (1, "", f"reader: {p}: permission denied\n")


# ---------------------------------------------------------------------------------------
# binary files: "not a text file", exit 1


def _binaries(tmp_path):
    elf = tmp_path / "program"
    shutil.copyfile("/bin/ls", elf)
    png = write(tmp_path, "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(200))
    zpath = tmp_path / "archive.zip"
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("article.txt", '"Hello," said Ann Lee.\n' * 100)
    return {"elf": elf, "png": png, "zip": zpath}


@pytest.mark.parametrize("kind", ["elf", "png", "zip"])
def test_binary_files_refused(tmp_path, kind):
    path = _binaries(tmp_path)[kind]
    before = path.read_bytes()
    for argv in (["quotes", str(path)], ["outline", "-f", "jsonl", str(path)], [str(path)]):
        status, out, err = proc(argv)
        assert (status, out, err) == (1, "", f"reader: {path}: not a text file\n")
    assert path.read_bytes() == before


def test_binary_on_stdin_refused():
    status, out, err = proc(["quotes", "-"], stdin=b"\x7fELF\x02\x01\x01\x00" + bytes(64))
    assert (status, out, err) == (1, "", "reader: standard input: not a text file\n")


# ---------------------------------------------------------------------------------------
# empty and whitespace-only: opens; quotes prints nothing, exit 0


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\r\n  \n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"])
def test_empty_and_whitespace(tmp_path, data):
    p = write(tmp_path, "empty.txt", data)
    assert proc(["quotes", str(p)]) == (0, "", "")
    assert run(["quotes", str(p), "-f", "jsonl"]) == (0, "", "")
    assert run(["speakers", str(p)]) == (0, "", "")
    status, out, err = run(["outline", str(p), "-f", "json"])
    assert (status, err) == (0, "")
    obj = json.loads(out)
    assert obj["title"] is None and obj["kicker"] is None
    assert sum(s["paragraphs"] for s in obj["sections"]) == 0


def test_empty_document_model(tmp_path):
    from reader.document import load_document

    p = write(tmp_path, "empty.txt", b" \n \n")
    assert load_document(str(p)).is_empty


# ---------------------------------------------------------------------------------------
# encodings and line endings: no \ufeff, no \r, no U+FFFD, no mojibake in any output

ARTICLE = "Harbour Bridge Vote\n\n“It is £5 a crossing,” Ann Lee said.\n\nIt’s ‘settled’, said the café owner.\n"
BAD_SIGNS = ("\ufeff", "\r", "\ufffd", "â€", "Ã", "\\ufeff", "\\r", "\\ufffd")


def _outputs(path):
    outs = []
    for command in COMMANDS:
        for fmt in ("text", "jsonl", "csv", "markdown"):
            status, out, err = run([command, str(path), "-f", fmt])
            assert (status, err) == (0, "")
            outs.append(out)
    return "".join(outs)


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-32-be", "cp1252", "mixed-line-endings"],
)
def test_encodings_decoded_right(tmp_path, encoding):
    text = ARTICLE
    if encoding == "utf-8":
        data = text.encode("utf-8")
    elif encoding == "utf-8-bom":
        data = codecs.BOM_UTF8 + text.encode("utf-8")
    elif encoding == "utf-16-le-bom":
        data = codecs.BOM_UTF16_LE + text.replace("\n", "\r\n").encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    elif encoding in ("utf-16-le", "utf-32-be"):  # without a byte-order mark
        data = text.replace("\n", "\r\n").encode(encoding)
    elif encoding == "cp1252":
        data = text.replace("\n", "\r\n").encode("cp1252")
        assert b"\x93" in data and b"\x94" in data and b"\xa3" in data
    else:
        lines = text.split("\n")
        data = "".join(line + ["\r\n", "\n", "\r"][i % 3] for i, line in enumerate(lines[:-1])).encode("utf-8")
    p = write(tmp_path, "article.txt", data)
    everything = _outputs(p)
    for bad in BAD_SIGNS:
        assert bad not in everything, bad
    _, out, _ = run(["quotes", str(p), "-f", "jsonl"])
    rows = [json.loads(x) for x in out.splitlines()]
    assert rows[0]["text"] == "It is £5 a crossing,"
    assert rows[0]["speaker"] == "Ann Lee"
    status, out, _ = run(["outline", str(p), "-f", "json"])
    assert json.loads(out)["title"] == "Harbour Bridge Vote"


def test_latin1_pound(tmp_path):
    p = write(tmp_path, "latin1.txt", "Price Rise\n\n\"It costs £5 now,\" said Ann Lee, in the café.\n".encode("latin-1"))
    _, out, err = proc(["quotes", str(p), "-f", "jsonl"])
    assert err == ""
    assert json.loads(out)["text"] == "It costs £5 now,"
    _, out, _ = proc(["outline", str(p)])
    assert "Price Rise" in out and "\ufffd" not in out


def test_undecodable_bytes_replaced_with_warning(tmp_path):
    good = "Bridge Vote\n\n“We voted,” Ann Lee said.\n\n“Café prices rose,” said John Smith.\n".encode("utf-8")
    data = good.replace(b"We voted", b"We \xff\xfevoted")
    p = write(tmp_path, "broken.txt", data)
    status, out, err = proc(["quotes", str(p), "-f", "jsonl"])
    assert status == 0
    assert err == f"reader: warning: {p}: some bytes are not valid UTF-8 and were replaced\n"
    rows = [json.loads(x) for x in out.splitlines()]
    assert [r["text"] for r in rows] == ["We \ufffd\ufffdvoted,", "Café prices rose,"]
    assert [r["speaker"] for r in rows] == ["Ann Lee", "John Smith"]


# ---------------------------------------------------------------------------------------
# very large inputs: finish (no timing asserted), memory bounded


def _prose(rng: random.Random, n: int) -> list[str]:
    words = ("the council met on Monday to discuss plans and residents who came to hear it "
             "said they wanted answers about roads schools and the harbour").split()
    out = []
    for _ in range(n):
        s = " ".join(rng.choice(words) for _ in range(rng.randint(3, 12)))
        out.append(f"“{s.capitalize()},” said Ann Lee." if rng.random() < 0.1 else s.capitalize() + ".")
    return out


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _outline_paragraphs(outline: dict) -> int:
    """Paragraphs an outline counts: before the first heading and in every section."""
    return (outline["opening"] or {"paragraphs": 0})["paragraphs"] + sum(s["paragraphs"] for s in outline["sections"])


def test_five_megabytes_without_line_breaks(tmp_path):
    rng = random.Random(5)
    text = ""
    parts = []
    size = 0
    while size < 5_000_000:
        s = _prose(rng, 1)[0]
        parts.append(s)
        size += len(s) + 1
    text = " ".join(parts)
    assert "\n" not in text
    p = write(tmp_path, "oneline.txt", text.encode("utf-8"))
    status, out, err = proc(["quotes", str(p), "-f", "jsonl"])
    assert (status, err) == (0, "")
    rows = [json.loads(x) for x in out.splitlines()]
    assert len(rows) > 1000 and all(text[r["start"] : r["end"]] == r["text"] for r in rows[:50])
    status, out, _ = proc(["outline", str(p), "-f", "json"])
    assert status == 0 and _outline_paragraphs(json.loads(out)) >= 1
    assert _peak_rss_mb() < 1024


def test_one_megabyte_line_inside_an_article(tmp_path):
    text = ("Long Line Story\n\nLONDON — The council met.\n\n" + "word " * 200_000 + "\n\n"
            "“We are done,” Ann Lee said.\n")
    p = write(tmp_path, "longline.txt", text.encode("utf-8"))
    status, out, err = proc(["quotes", str(p), "-f", "jsonl"])
    assert (status, err) == (0, "")
    rows = [json.loads(x) for x in out.splitlines()]
    assert [(r["text"], r["speaker"]) for r in rows] == [("We are done,", "Ann Lee")]
    status, out, _ = proc(["outline", str(p), "-f", "json"])
    assert json.loads(out)["title"] == "Long Line Story"


@pytest.mark.parametrize("separator", ["\n\n", "\n"], ids=["blank-lines", "one-per-line"])
def test_hundred_thousand_one_line_paragraphs(tmp_path, separator):
    lines = [f"{i}: {s}" for i, s in enumerate(_prose(random.Random(7), 100_000))]
    p = write(tmp_path, "many.txt", separator.join(lines).encode("utf-8"))
    if separator == "\n\n":
        status, out, err = proc(["quotes", str(p), "-f", "jsonl"])
        assert (status, err) == (0, "")
        assert len(out.splitlines()) == sum("said Ann Lee" in line for line in lines)
    else:  # outline runs the same engine: one command each keeps the suite fast
        status, out, err = proc(["outline", str(p), "-f", "jsonl"])
        assert (status, err) == (0, "")
        assert _outline_paragraphs(json.loads(out)) >= 1
    assert _peak_rss_mb() < 1024


def test_carriage_return_inside_a_quotation_does_not_split_it(tmp_path):
    """A lone CR in a line of a Unix file (old Mac line endings pasted in) is a character of
    its line: the quotation is whole, and its offsets are into the text as the file has it."""
    filler = [f"Paragraph {i} of the report says the ferry crews met again on Monday." for i in range(12)]
    text = ("Ferry Strike Goes On\n\n" + "\n\n".join(filler) +
            "\n\n“We will not sail until the\rcouncil listens to us,” said Ann Lee.\n")
    p = write(tmp_path, "strike.txt", text.encode("utf-8"))
    status, out, err = proc(["quotes", str(p), "-f", "jsonl"])
    assert (status, err) == (0, "")
    rows = [json.loads(x) for x in out.splitlines()]
    assert [(r["text"], r["speaker"]) for r in rows] == [("We will not sail until the\rcouncil listens to us,", "Ann Lee")]
    assert text[rows[0]["start"] : rows[0]["end"]] == rows[0]["text"]
    _, out, _ = proc(["quotes", str(p)])
    assert out.splitlines()[1] == "    “We will not sail until the council listens to us,”"
    _, out, _ = proc(["outline", str(p), "-f", "json"])
    assert _outline_paragraphs(json.loads(out)) == 13


def test_larger_than_the_input_limit_is_one_line(tmp_path):
    from reader.textio import MAX_BYTES

    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: takes no room on the disk
    limit = MAX_BYTES // (1024 * 1024)
    for argv in (["quotes", str(p)], [str(p)]):
        assert proc(argv) == (1, "", f"reader: {p}: too large ({limit}.1 MB; the limit is {limit} MB)\n")


def _hostile_benchmark():
    """benchmarks/hostile.py: its input shapes, and how it writes and measures one."""
    import importlib.util

    path = os.path.join(os.path.dirname(__file__), "..", "benchmarks", "hostile.py")
    spec = importlib.util.spec_from_file_location("hostile", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_memory_stays_proportionate_on_hostile_shapes(tmp_path):
    """Peak memory of a whole `reader quotes FILE --format json` per MB of input, above the
    process's own, for every shape of benchmarks/hostile.py. The bound is generous, and only
    catches a blow-up: the worst shape (a quotation every three characters) takes about 125 MB
    per MB; a run of straight quotation marks took 215, and one-letter quotations in json 830,
    before each quotation and each record cost less."""
    from concurrent.futures import ThreadPoolExecutor

    hostile = _hostile_benchmark()
    size = 250_000
    paths = {"": tmp_path / "empty.txt"}
    paths[""].write_bytes(b"")
    for name, piece in hostile.SHAPES.items():
        paths[name] = tmp_path / f"{name}.txt"
        hostile.make(paths[name], piece, size)
    with ThreadPoolExecutor(max_workers=len(paths)) as pool:  # each run is a process of its own
        runs = dict(zip(paths, pool.map(lambda p: hostile.run(p, "quotes", "json"), paths.values())))
    assert all(status == 0 and err == "" for _, _, status, err in runs.values())
    base = runs.pop("")[1]
    per_mb = {name: round((peak - base) / (size / 1e6)) for name, (_, peak, _, _) in runs.items()}
    assert all(v < 160 for v in per_mb.values()), per_mb


# ---------------------------------------------------------------------------------------
# escapes, control characters, markup, zero-width and RTL characters

HOSTILE = (
    "Evil \x1b[2J\x1b]0;pwned\x07 Title\n\n"
    "“Run \x1b[31mrm -rf\x1b[0m now,” said Ann Lee.\n\n"
    "“[bold red]Not bold[/] and [link=https://evil.example]click[/link],” said John Smith.\n\n"
    "“Zero\u200bwidth and \u202eesrever\u202c and \u2066isolate\u2069 and \x00nul \x08bs \x7fdel \x9bcsi,” "
    "said Ann Lee.\n"
)
RAW_DANGER = ["\x1b", "\x07", "\x08", "\x7f", "\x9b", "\u202e", "\u200b", "\u2066", "\x00"]


def _hostile(tmp_path):
    # The NUL is past the first 8 KB the binary sniffing looks at, as in a pasted web page.
    return write(tmp_path, "hostile.txt", (HOSTILE.replace("\x00nul", "nul") + " " * 9000 + "\n\ntail \x00 nul\n")
                 .encode("utf-8"))


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("fmt", ["text", "markdown", "csv"])
def test_control_characters_never_reach_the_terminal(tmp_path, command, fmt):
    p = _hostile(tmp_path)
    status, out, err = proc([command, str(p), "-f", fmt])
    assert status == 0
    for c in RAW_DANGER:
        assert c not in out and c not in err, repr(c)
    if command == "quotes":
        assert "␛[31mrm -rf␛[0m" in out
        assert "[bold red]Not bold[/]" in out and "[link=https://evil.example]click[/link]" in out
        assert "\\u200b" in out and "\\u202e" in out and "\\u2066" in out and "␡" in out


def test_json_escapes_and_round_trips(tmp_path):
    p = _hostile(tmp_path)
    text = p.read_bytes().decode("utf-8")
    for fmt in ("jsonl", "json"):
        status, out, _ = proc(["quotes", str(p), "-f", fmt])
        assert status == 0
        for c in RAW_DANGER:
            assert c not in out
        rows = [json.loads(x) for x in out.splitlines()] if fmt == "jsonl" else json.loads(out)
        assert [r["text"] for r in rows][:2] == ["Run \x1b[31mrm -rf\x1b[0m now,",
                                                 "[bold red]Not bold[/] and [link=https://evil.example]click[/link],"]
        assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)  # lossless
    _, out, _ = proc(["outline", str(p), "-f", "json"])
    assert json.loads(out)["title"] == "Evil \x1b[2J\x1b]0;pwned\x07 Title"


def test_csv_quotes_fields_and_defuses_formulas(tmp_path):
    p = write(tmp_path, "formula.txt", "“=1+2 is, in a cell, a formula,” said Ann Lee.\n\n"
              "“@SUM(A1), and a comma, and a 'quote' too,” said John Smith.\n".encode("utf-8"))
    status, out, _ = run(["quotes", str(p), "-f", "csv"])
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert all(not r["text"].startswith(("=", "+", "-", "@")) for r in rows)
    assert [r["text"] for r in rows] == ["'=1+2 is, in a cell, a formula,", "'@SUM(A1), and a comma, and a 'quote' too,"]


def test_file_name_with_escape_is_made_visible(tmp_path):
    name = tmp_path / "bad\x1b[31mname.txt"
    status, out, err = proc(["quotes", str(name)])
    assert status == 1 and "\x1b" not in err and "␛[31mname.txt: no such file" in err


def _odd_name(tmp_path, data: bytes = ARTICLE.encode("utf-8")):
    """A file whose name holds a newline and an escape sequence, and the name as it is shown."""
    tmp_path.mkdir(exist_ok=True)
    p = write(tmp_path, "two\nlines\x1b[31m.txt", data)
    return p, f"{tmp_path}/two␊lines␛[31m.txt"


def test_file_name_with_a_newline_stays_on_one_line_in_text_output(tmp_path):
    p, shown = _odd_name(tmp_path)
    other = write(tmp_path, "plain.txt", ARTICLE.encode("utf-8"))
    status, out, err = proc(["quotes", str(p)])
    assert (status, err) == (0, "")
    start = ARTICLE.index("It is £5")
    line = ARTICLE[:start].count("\n") + 1
    column = start - ARTICLE.rfind("\n", 0, start)
    assert out.splitlines() == [f"{shown}:{line}:{column}  Ann Lee (said)", "    “It is £5 a crossing,”"]
    status, out, _ = proc(["quotes", str(p), "-f", "markdown"])
    assert out.splitlines()[2] == f"| {shown} | Ann Lee | speech | said | It is £5 a crossing, |"
    headed, headed_shown = _odd_name(tmp_path / "headed", (ARTICLE + "\nWhat Comes Next\n\nIt rained.\n").encode())
    for path, name, command in ((p, shown, "quotes"), (p, shown, "speakers"), (headed, headed_shown, "outline")):
        status, out, _ = proc([command, str(path), "-f", "csv"])
        assert status == 0 and "\x1b" not in out
        rows = list(csv.DictReader(io.StringIO(out)))
        assert rows and {r["file"] for r in rows} == {name}
        assert len(out.splitlines()) == len(rows) + 1  # no cell broken over two lines
    _, out, _ = proc(["speakers", str(p), str(other)])
    assert out.splitlines()[0] == shown
    _, out, _ = proc(["outline", str(p), str(other)])
    assert out.splitlines()[0] == f"== {shown}"
    _, out, _ = proc(["outline", str(p), str(other), "-f", "markdown"])
    assert out.splitlines()[0] == f"## {shown}"


def test_file_name_with_a_newline_is_kept_in_json(tmp_path):
    p, _ = _odd_name(tmp_path)
    for fmt in ("jsonl", "json"):
        status, out, _ = proc(["quotes", str(p), "-f", fmt])
        assert status == 0 and "\x1b" not in out
        rows = [json.loads(x) for x in out.splitlines()] if fmt == "jsonl" else json.loads(out)
        assert {r["file"] for r in rows} == {str(p)}


def test_file_name_with_a_newline_stays_on_one_line_in_messages(tmp_path, monkeypatch):
    p, shown = _odd_name(tmp_path / "undecodable", b"caf\xc3 \xff " + ARTICLE.encode("utf-8"))
    status, _, err = proc(["quotes", str(p)])
    assert err == f"reader: warning: {shown}: some bytes are not valid UTF-8 and were replaced\n"
    p, shown = _odd_name(tmp_path)
    gone = tmp_path / "gone\nname.txt"
    status, _, err = proc(["quotes", str(gone)])
    assert (status, err) == (1, f"reader: {tmp_path}/gone␊name.txt: no such file\n")
    status, _, err = proc([str(gone)])  # the app
    assert (status, err) == (1, f"reader: {tmp_path}/gone␊name.txt: no such file\n")

    import reader.document

    def bug(text, **kwargs):
        raise ValueError("a bug\nover two lines")

    monkeypatch.setattr(reader.document, "analyse", bug)
    status, _, err = run(["quotes", str(p)])
    assert status == 70
    (line,) = err.splitlines()
    assert line.startswith(f"reader: internal error while analysing {shown} (ValueError: a bug over two lines)")


# ---------------------------------------------------------------------------------------
# unbalanced quotation marks


def test_unbalanced_quote_ends_at_paragraph(tmp_path):
    text = ("Budget Row\n\n"
            "“This opening mark is never closed, said nobody.\n\n"
            "“Taxes will fall,” Jane Doe said.\n\n"
            "A stray closing mark” sits here.\n\n"
            "“Homes will rise,” said John Smith.\n")
    p = write(tmp_path, "unbalanced.txt", text.encode("utf-8"))
    status, out, _ = proc(["quotes", str(p), "-f", "jsonl", "--all"])
    assert status == 0
    rows = [json.loads(x) for x in out.splitlines()]
    first_para_end = text.index("\n\n“Taxes")
    for r in rows:
        assert "\n\n" not in r["text"]
    opened = [r for r in rows if r["start"] == text.index("This opening")]
    assert opened and opened[0]["end"] <= first_para_end
    got = {(r["text"], r["speaker"]) for r in rows}
    assert ("Taxes will fall,", "Jane Doe") in got
    assert ("Homes will rise,", "John Smith") in got


def test_unclosed_multi_paragraph_quote_ends_with_its_run(tmp_path):
    text = ("“First part of a long speech,\n\n“second part that never closes\n\n"
            "Plain narration follows here.\n\n“Done,” said Ann Lee.\n")
    p = write(tmp_path, "run.txt", text.encode("utf-8"))
    _, out, _ = run(["quotes", str(p), "-f", "jsonl"])
    rows = [json.loads(x) for x in out.splitlines()]
    narration = text.index("Plain narration")
    assert all(not (r["start"] <= narration < r["end"]) for r in rows)
    assert ("Done,", "Ann Lee") in {(r["text"], r["speaker"]) for r in rows}


# ---------------------------------------------------------------------------------------
# the file is never modified


def test_files_never_modified(tmp_path):
    paths = [
        write(tmp_path, "a.txt", ARTICLE.encode("cp1252").replace(b"\n", b"\r\n")),
        write(tmp_path, "b.md", b"---\ntitle: x\n---\n# Head\n\n\"Hi,\" said Ann Lee.\n"),
        _hostile(tmp_path),
        write(tmp_path, "c.txt", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")),
    ]
    for p in paths:
        os.utime(p, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = [(p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in paths]
    for command in COMMANDS:
        for fmt in ("text", "json"):
            status, _, _ = proc([command, *map(str, paths), "-f", fmt])
            assert status == 0
    after = [(p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in paths]
    assert before == after
    assert sorted(x.name for x in tmp_path.iterdir()) == sorted(p.name for p in paths)  # no stray files


def test_keyboard_interrupt_exit_130_no_traceback(tmp_path, monkeypatch):
    """Ctrl+C (see also test_cli for SIGINT to a real process): clean exit status 130."""
    import reader.document

    def interrupted(text, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(reader.document, "analyse", interrupted)
    p = write(tmp_path, "a.txt", b"x")
    for argv in (["quotes", str(p)], [str(p)]):
        assert run(argv) == (130, "", "reader: interrupted\n")


def test_terminal_without_unicode_gets_escapes_not_a_crash(tmp_path):
    p = write(tmp_path, "curly.txt", ARTICLE.encode("utf-8"))
    r = subprocess.run([sys.executable, "-m", "reader", "quotes", str(p)], capture_output=True, timeout=60,
                       env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert r.returncode == 0 and b"Traceback" not in r.stderr
    assert b"\\u201cIt is \\xa35 a crossing,\\u201d" in r.stdout


def test_undecodable_file_name(tmp_path):
    name = os.fsencode(str(tmp_path)) + b"/bad\xffname.txt"
    r = subprocess.run([sys.executable.encode(), b"-m", b"reader", b"quotes", name], capture_output=True, timeout=60)
    assert r.returncode == 1 and b"Traceback" not in r.stderr
    assert r.stderr.endswith(b"bad\\udcffname.txt: no such file\n")
