"""The command line through its real entry points: ``python -m reader`` and ``reader.cli.main``.

Attribution is asserted only on unambiguous ``"Q," NAME said.`` / ``"Q," said NAME.`` cases.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import proc, run

import reader
from reader import cli

ARTICLE = """Council Votes on Budget

LONDON — The council met on Monday to vote on the budget.

"We will cut taxes," Jane Doe said.

Opposition responds

"That is a lie," said John Smith.

Fans hoped for a "Friends" reunion after the vote.

"We will build homes," Jane Doe said.
"""

QUOTE_KEYS = {"file", "line", "column", "start", "end", "text", "speaker", "kind", "cue", "mention", "mention_start", "mention_end",
              "section", "paragraph", "group"}
SPEECH = [
    ("We will cut taxes,", "Jane Doe", "Council Votes on Budget", 1),
    ("That is a lie,", "John Smith", "Opposition responds", 2),
    ("We will build homes,", "Jane Doe", "Opposition responds", 4),
]


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "budget.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def place(offset: int) -> tuple[int, int]:
    """Line and column, both from 1, of an offset in ARTICLE."""
    before = ARTICLE[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def expected_quotes(path, with_mentions=False):
    rows = []
    for text, speaker, section, para in SPEECH:
        start = ARTICLE.index(text)
        # The tag's words that named the speaker: the name, where it stands after the quotation.
        m_start = ARTICLE.index(speaker, start)
        line, column = place(start)
        rows.append(dict(file=str(path), line=line, column=column, start=start, end=start + len(text), text=text, speaker=speaker,
                         kind="speech", cue="said", mention=speaker, mention_start=m_start,
                         mention_end=m_start + len(speaker), section=section, paragraph=para))
    if with_mentions:
        start = ARTICLE.index("Friends")
        line, column = place(start)
        rows.insert(2, dict(file=str(path), line=line, column=column, start=start, end=start + 7, text="Friends", speaker=None, kind="mention",
                            cue=None, mention=None, mention_start=None, mention_end=None,
                            section="Opposition responds", paragraph=3))
    return rows


def strip_group(rows):
    return [{k: v for k, v in r.items() if k != "group"} for r in rows]


# ---------------------------------------------------------------------------------------
# quotes


def test_quotes_jsonl_exact(article):
    status, out, err = run(["quotes", str(article), "--format", "jsonl"])
    assert (status, err) == (0, "")
    rows = [json.loads(line) for line in out.splitlines()]
    assert all(set(r) == QUOTE_KEYS for r in rows)
    assert strip_group(rows) == expected_quotes(article)
    for r in rows:  # offsets are character offsets into the decoded text
        assert ARTICLE[r["start"] : r["end"]] == r["text"]
    assert len({r["group"] for r in rows}) == 3


def test_quotes_json_is_one_array(article):
    status, out, _ = run(["quotes", str(article), "--format", "json"])
    assert status == 0
    rows = json.loads(out)
    assert isinstance(rows, list) and strip_group(rows) == expected_quotes(article)


def test_hard_wrapped_quotation_is_one_line_in_json_and_csv_with_its_offsets(tmp_path):
    text = ("Title\n\nThe council met on Monday to vote on the budget for the coming year, and\n"
            'the mayor spoke first. "We will cut taxes for every family in the city,\n'
            "and  then we will build\n"
            'more homes," said Jane Doe to the council.\n')
    p = tmp_path / "wrapped.txt"
    p.write_text(text, encoding="utf-8")
    start = text.index("We will")
    joined = "We will cut taxes for every family in the city, and  then we will build more homes,"
    _, out, _ = run(["quotes", str(p), "-f", "jsonl"])
    (row,) = [json.loads(x) for x in out.splitlines()]
    assert row["text"] == joined
    assert (row["start"], row["end"], row["line"], row["column"]) == (start, text.index('," said') + 1, 4, 25)
    _, out, _ = run(["quotes", str(p), "-f", "csv"])
    assert len(out.splitlines()) == 2  # the header and one row: no row broken
    assert next(csv.DictReader(io.StringIO(out)))["text"] == joined
    _, out, _ = run(["quotes", str(p)])
    assert out.splitlines() == [f"{p}:4:25  Jane Doe (said)", f"    “{' '.join(joined.split())}”"]


def test_quotes_csv(article):
    status, out, _ = run(["quotes", str(article), "--format", "csv"])
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["file", "line", "column", "start", "end", "speaker", "kind", "cue", "section",
                             "paragraph", "text"]
    assert [(r["text"], r["speaker"], r["kind"], r["cue"], r["section"]) for r in rows] == [
        (t, s, "speech", "said", sec) for t, s, sec, _ in SPEECH
    ]
    assert [int(r["start"]) for r in rows] == [ARTICLE.index(t) for t, *_ in SPEECH]
    assert [(int(r["line"]), int(r["column"])) for r in rows] == [place(ARTICLE.index(t)) for t, *_ in SPEECH]


def test_quotes_markdown(article):
    status, out, _ = run(["quotes", str(article), "--format", "markdown"])
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "| file | speaker | kind | cue | quote |"
    assert lines[1] == "|---|---|---|---|---|"
    assert lines[2] == f"| {article} | Jane Doe | speech | said | We will cut taxes, |"
    assert len(lines) == 5


def test_quotes_text(article):
    status, out, _ = run(["quotes", str(article)])
    assert status == 0
    assert out.splitlines()[:2] == [f"{article}:5:2  Jane Doe (said)", "    “We will cut taxes,”"]
    assert place(ARTICLE.index("We will cut")) == (5, 2)
    assert out.count("John Smith") == 1 and "Friends" not in out


def test_quotes_all_adds_mentions(article):
    status, out, _ = run(["quotes", str(article), "--format", "jsonl", "--all"])
    assert status == 0
    assert strip_group([json.loads(x) for x in out.splitlines()]) == expected_quotes(article, with_mentions=True)
    _, text_out, _ = run(["quotes", str(article), "-a"])
    assert "[mention]" in text_out and "“Friends”" in text_out


@pytest.mark.parametrize("name", ["Jane Doe", "jane doe", "JANE", "Doe", "Jane Dooe", "jane doe "])
def test_quotes_speaker_filter(article, name):
    status, out, _ = run(["quotes", str(article), "--speaker", name, "--format", "jsonl"])
    assert status == 0
    rows = [json.loads(x) for x in out.splitlines()]
    assert [r["text"] for r in rows] == ["We will cut taxes,", "We will build homes,"]


def test_quotes_speaker_filter_other_and_none(article):
    _, out, _ = run(["quotes", str(article), "-s", "smith", "-f", "jsonl"])
    assert [json.loads(x)["speaker"] for x in out.splitlines()] == ["John Smith"]


def test_a_speaker_that_matches_no_one_is_said_with_the_closest_names(article, tmp_path):
    status, out, err = run(["quotes", str(article), "-s", "Nobody Atall", "-f", "jsonl"])
    assert (status, out) == (1, "")
    assert err == "reader: no speaker matches 'Nobody Atall'; the closest: John Smith, Jane Doe\n"
    status, out, err = proc(["quotes", str(article), "--speaker", "Jon Smyth"])
    assert (status, out) == (1, "")
    assert err == "reader: no speaker matches 'Jon Smyth'; the closest: John Smith, Jane Doe\n"
    plain = tmp_path / "plain.txt"
    plain.write_text("Nobody says anything here.\n", encoding="utf-8")
    assert run(["quotes", str(plain), "-s", "Ann"]) == (
        1, "", "reader: no speaker matches 'Ann' (no quotation is attributed to anyone)\n")
    # Found in one of several files: no message, the others simply print nothing.
    assert run(["quotes", str(plain), str(article), "-s", "smith", "-f", "jsonl"])[::2] == (0, "")


def test_quotes_search(article):
    _, out, _ = run(["quotes", str(article), "--search", "taxes", "-f", "jsonl"])
    assert [json.loads(x)["text"] for x in out.splitlines()] == ["We will cut taxes,"]
    _, out, _ = run(["quotes", str(article), "--search", "LIE", "-f", "jsonl"])
    assert [json.loads(x)["text"] for x in out.splitlines()] == ["That is a lie,"]
    _, out, _ = run(["quotes", str(article), "--search", "homes", "--speaker", "John Smith", "-f", "jsonl"])
    assert out == ""


@pytest.mark.parametrize("query, expected", [
    ('speaker:"', ["We will cut taxes,", "That is a lie,", "We will build homes,"]),
    ("speaker:'", ["We will cut taxes,", "That is a lie,", "We will build homes,"]),
    ("speaker:-", ["We will cut taxes,", "That is a lie,", "We will build homes,"]),
    ('speaker:"Jane Doe"', ["We will cut taxes,", "We will build homes,"]),
    ("speaker:Jane Doe homes", ["We will build homes,"]),
    ("speaker:jane dooe", ["We will cut taxes,", "We will build homes,"]),
])
def test_quotes_search_with_a_speaker_prefix(article, query, expected):
    status, out, err = (proc if query == 'speaker:"' else run)(["quotes", str(article), "--search", query, "-f", "jsonl"])
    assert (status, err) == (0, "")
    assert [json.loads(x)["text"] for x in out.splitlines()] == expected


# ---------------------------------------------------------------------------------------
# speakers


def test_speakers_all_formats(article):
    _, out, _ = run(["speakers", str(article), "-f", "jsonl"])
    rows = [json.loads(x) for x in out.splitlines()]
    assert rows == [
        {"file": str(article), "speaker": "Jane Doe", "kind": "person", "quotes": 2, "mentions": ["Jane Doe"]},
        {"file": str(article), "speaker": "John Smith", "kind": "person", "quotes": 1, "mentions": ["John Smith"]},
    ]
    _, out, _ = run(["speakers", str(article), "-f", "json"])
    assert json.loads(out) == rows
    _, out, _ = run(["speakers", str(article), "-f", "csv"])
    assert out.splitlines() == [
        "file,speaker,kind,quotes,mentions",
        f"{article},Jane Doe,person,2,Jane Doe",
        f"{article},John Smith,person,1,John Smith",
    ]
    _, out, _ = run(["speakers", str(article), "-f", "markdown"])
    assert out.splitlines()[0] == "| file | speaker | quotes | mentions |"
    assert f"| {article} | Jane Doe | 2 | Jane Doe |" in out.splitlines()
    _, out, _ = run(["speakers", str(article)])
    assert out.splitlines() == ["    2  Jane Doe", "    1  John Smith"]


# ---------------------------------------------------------------------------------------
# outline

OUTLINE = {
    "kicker": None,
    "title": "Council Votes on Budget",
    "standfirst": None,
    "dateline": "LONDON —",
    "sections": [
        {"title": "Opposition responds", "level": 1, "paragraphs": 3, "quotes": 2, "sections": []},
    ],
    "opening": {"paragraphs": 2, "quotes": 1},
}


def test_outline_json_one_file_is_one_object(article):
    status, out, _ = run(["outline", str(article), "--format", "json"])
    assert status == 0
    obj = json.loads(out)
    assert obj == OUTLINE
    assert list(obj) == ["kicker", "title", "standfirst", "dateline", "sections", "opening"]
    assert list(obj["sections"][0]) == ["title", "level", "paragraphs", "quotes", "sections"]


def test_outline_jsonl_one_object_per_file(article, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text('Just one line of text.\n\n"Fine," said Ann Lee.\n', encoding="utf-8")
    status, out, _ = run(["outline", str(article), str(other), "--format", "jsonl"])
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 2
    first, second = map(json.loads, lines)
    assert first == {"file": str(article), **OUTLINE}
    assert second["file"] == str(other) and set(second) == {"file", *OUTLINE}
    # json with several files: an array of objects that name their file
    _, out, _ = run(["outline", str(article), str(other), "--format", "json"])
    assert [o["file"] for o in json.loads(out)] == [str(article), str(other)]


def test_outline_text_csv_markdown(article):
    _, out, _ = run(["outline", str(article)])
    assert out.splitlines() == [
        "title: Council Votes on Budget",
        "dateline: LONDON —",
        "opening: 2 paragraphs, 1 quote",
        "sections:",
        "  Opposition responds  (3 paragraphs, 2 quotes)",
    ]
    _, out, _ = run(["outline", str(article), "-f", "csv"])
    assert out.splitlines() == [
        "file,part,text,level,paragraphs,quotes,parent",
        f"{article},title,Council Votes on Budget,,,,",
        f"{article},dateline,LONDON —,,,,",
        f"{article},opening,,,2,1,",
        f"{article},section,Opposition responds,1,3,2,",
    ]
    _, out, _ = run(["outline", str(article), "-f", "markdown"])
    assert "- **title:** Council Votes on Budget" in out.splitlines()
    assert "  - Opposition responds  (3 paragraphs, 2 quotes)" in out.splitlines()


def test_outline_nested_book_sections(tmp_path):
    p = tmp_path / "book.txt"
    p.write_text("BOOK ONE\n\nCHAPTER I\n\n\"Well,\" said Anna.\n\nCHAPTER II\n\nIt rained.\n\nBOOK TWO\n\n"
                 "CHAPTER I\n\nThe end came.\n", encoding="utf-8")
    _, out, _ = run(["outline", str(p), "-f", "json"])
    obj = json.loads(out)
    books = obj["sections"]
    assert [b["title"] for b in books] == ["BOOK ONE", "BOOK TWO"]
    assert [c["title"] for c in books[0]["sections"]] == ["CHAPTER I", "CHAPTER II"]
    assert books[0]["sections"][0]["level"] > books[0]["level"]


# ---------------------------------------------------------------------------------------
# several files, stdin, errors, exit codes


def test_several_files_one_failing(article, tmp_path):
    missing = tmp_path / "missing.txt"
    status, out, err = run(["quotes", str(article), str(missing), str(article), "-f", "jsonl"])
    assert status == 1
    assert err == f"reader: {missing}: no such file\n"
    assert len(out.splitlines()) == 6  # both good copies printed


def test_several_files_one_failing_subprocess(article, tmp_path):
    (tmp_path / "d").mkdir()
    status, out, err = proc(["speakers", "budget.txt", "nope.txt", "d"], cwd=tmp_path)
    assert status == 1
    assert err.splitlines() == ["reader: nope.txt: no such file", "reader: d: no article files in the folder "
                                "(.txt, .text, .md, .markdown, .mdown, .mkd, .html, .htm, .xhtml, .epub)"]
    assert "Jane Doe" in out and "Traceback" not in err


def test_stdin_dash(article):
    status, out, err = run(["quotes", "-", "-f", "jsonl"], stdin=ARTICLE)
    assert (status, err) == (0, "")
    rows = [json.loads(x) for x in out.splitlines()]
    assert [r["file"] for r in rows] == ["-"] * 3
    assert [(r["start"], r["text"], r["speaker"]) for r in rows] == [
        (ARTICLE.index(t), t, s) for t, s, *_ in SPEECH
    ]


def test_stdin_dash_subprocess():
    status, out, err = proc(["outline", "-", "-f", "json"], stdin=ARTICLE.encode("utf-8"))
    assert (status, err) == (0, "")
    assert json.loads(out) == OUTLINE


def test_real_entry_point_quotes(article):
    status, out, err = proc(["quotes", str(article), "--format", "jsonl"])
    assert (status, err) == (0, "")
    assert strip_group([json.loads(x) for x in out.splitlines()]) == expected_quotes(article)


@pytest.mark.parametrize("command", ["quotes", "speakers", "outline"])
def test_help_on_every_command(command):
    status, out, err = run([command, "--help"])
    assert status == 0 and err == ""
    assert out.startswith(f"usage: reader {command}")
    assert "--format" in out
    if command == "quotes":
        assert "--speaker" in out and "--search" in out and "--all" in out


def test_help_and_version():
    status, out, _ = run(["--help"])
    assert status == 0
    for c in ("quotes", "speakers", "outline", "130"):
        assert c in out
    assert run(["--version"])[:2] == (0, f"reader {reader.__version__}\n")
    status, out, err = proc(["--version"])
    assert (status, out, err) == (0, f"reader {reader.__version__}\n", "")
    status, out, _ = proc(["quotes", "-h"])
    assert status == 0 and out.startswith("usage: reader quotes")


def test_help_lists_every_exit_status():
    status, out, _ = run(["--help"])
    lines = out.splitlines()
    table = lines[lines.index("exit status:") + 1 :]
    codes = [line.split()[0] for line in table if line.startswith("  ") and line.split()[0].isdigit()]
    assert codes == ["0", "1", "2", "70", "129", "130", "143"]
    assert "output could not be written" in out and "READER_DEBUG=1" in out
    assert cli.__doc__.count("\n    70   an internal error") == 1  # the module's docstring agrees
    readme = open(os.path.join(os.path.dirname(__file__), "..", "README.md"), encoding="utf-8").read()
    table = readme[readme.index("| exit status | meaning |") :].split("\n\n")[0].splitlines()[2:]
    assert [row.split("|")[1].strip() for row in table] == codes  # and so does the README


@pytest.mark.parametrize(
    "argv",
    [
        ["quotes"],  # no file
        ["quotes", "x.txt", "--format", "xml"],
        ["quotes", "x.txt", "--bogus"],
        ["outline", "x.txt", "--speaker", "A"],
        ["--nope"],
        [],
    ],
)
def test_usage_errors_exit_2(argv):
    status, out, err = run(argv)
    assert status == 2
    assert "Traceback" not in err


def test_usage_error_subprocess_one_line():
    status, out, err = proc(["quotes", "x.txt", "--format", "xml"])
    assert status == 2 and out == ""
    assert err.splitlines()[0].startswith("reader quotes: argument --format")
    assert "Traceback" not in err


def test_empty_results_exit_0(tmp_path):
    p = tmp_path / "plain.txt"
    p.write_text("No quotations here at all.\n", encoding="utf-8")
    for fmt in ("text", "jsonl", "csv", "markdown"):
        status, out, err = run(["quotes", str(p), "-f", fmt])
        assert status == 0 and err == ""
        assert out == ("file,line,column,start,end,speaker,kind,cue,section,paragraph,text\n" if fmt == "csv"
                       else "| file | speaker | kind | cue | quote |\n|---|---|---|---|---|\n" if fmt == "markdown"
                       else "")
    assert run(["quotes", str(p), "-f", "json"])[1] == "[]\n"


# ---------------------------------------------------------------------------------------
# Ctrl+C: exit 130, no traceback, in the CLI and the app path


def test_keyboard_interrupt_in_engine(article, monkeypatch):
    import reader.document

    def boom(text, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(reader.document, "analyse", boom)
    status, out, err = run(["quotes", str(article)])
    assert (status, err) == (130, "reader: interrupted\n")


def test_keyboard_interrupt_while_writing(article):
    class Out(io.StringIO):
        def write(self, s):
            raise KeyboardInterrupt

    err = io.StringIO()
    assert cli.main(["quotes", str(article)], Out(), err) == 130
    assert err.getvalue() == "reader: interrupted\n"


def test_keyboard_interrupt_in_app(article, monkeypatch):
    import types

    class FakeApp:
        load_error = None

        def __init__(self, doc, path=None, **kwargs):
            pass

        def run(self):
            raise KeyboardInterrupt

    monkeypatch.setitem(sys.modules, "reader.app", types.SimpleNamespace(ReaderApp=FakeApp))
    status, out, err = run([str(article)])
    assert (status, err) == (130, "reader: interrupted\n")


def _default_signals() -> None:
    """In a child about to run reader: the signals the tests send get their default
    disposition. A suite started in the background (``cmd &`` in a script, ``nohup``) passes
    SIGINT and SIGHUP on ignored, and reader rightly leaves an ignored signal ignored."""
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)


def _unread(pipe) -> int:
    """How many bytes written into ``pipe`` the reader at its other end has not read yet."""
    import array
    import fcntl
    import termios

    count = array.array("i", [0])
    fcntl.ioctl(pipe.fileno(), termios.FIONREAD, count, True)
    return count[0]


def test_several_files_open_the_first_and_keep_the_others(article, tmp_path, monkeypatch):
    import types

    opened = {}

    class FakeApp:
        def __init__(self, doc, path=None, load=None, more=(), preview=None, text=None):
            opened.update(doc=doc, path=path, more=list(more), preview=preview)

        def run(self):
            pass

        return_code = 0
        internal_error = None

    other = tmp_path / "other.txt"
    other.write_text('Other News\n\n"Fine," said Ann Lee.\n', encoding="utf-8")
    missing = tmp_path / "missing.txt"
    monkeypatch.setitem(sys.modules, "reader.app", types.SimpleNamespace(ReaderApp=FakeApp))
    status, out, err = run([str(article), str(missing), str(other)])
    assert (status, err) == (1, f"reader: {missing}: no such file\n")  # said before the app opens
    assert opened["path"] == str(article) and opened["doc"].title.text == "Council Votes on Budget"
    [(path, load)] = opened["more"]
    assert path == str(other) and load().title.text == "Other News"  # analysed when opened
    assert run([str(missing)])[:1] == (1,)  # nothing to open


def test_sigint_on_slow_stdin_exits_130():
    """SIGINT while reader waits on a pipe that has not closed. The signal is sent once reader
    has read what was written (it is then running and blocked on the rest of its input),
    never after a guessed delay: sent during the interpreter's start, it would end the
    process before reader could say anything."""
    p = subprocess.Popen([sys.executable, "-m", "reader", "quotes", "-"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_default_signals)
    try:
        p.stdin.write(b'"Half a quote,')  # and then nothing more: the reader waits on stdin
        p.stdin.flush()
        end = time.monotonic() + 60
        while _unread(p.stdin) and p.poll() is None:
            assert time.monotonic() < end, "reader never read its standard input"
            time.sleep(0.005)  # polling a state: read, or not yet
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
    assert p.returncode == 130
    assert err.decode() == "reader: interrupted\n"
    assert out == b""


def test_broken_pipe_is_quiet(tmp_path):
    p = tmp_path / "many.txt"
    p.write_text("\n\n".join(f'"Line {i} of many," said Ann Lee.' for i in range(3000)), encoding="utf-8")
    r = subprocess.run(f"'{sys.executable}' -m reader quotes '{p}' | head -n 1", shell=True, capture_output=True,
                       timeout=60)
    assert r.stdout.decode().count("\n") == 1
    assert b"Traceback" not in r.stderr and b"Exception ignored" not in r.stderr


def _flaky_engine(monkeypatch):
    """The engine's analyse, with a bug for any text that holds BOOM."""
    import reader.document

    real = reader.document.analyse

    def flaky(text, **kwargs):
        if "BOOM" in text:
            raise ValueError("engine bug")
        return real(text, **kwargs)

    monkeypatch.setattr(reader.document, "analyse", flaky)


def _report(line: str, state_home) -> str:
    """The report file an internal-error line names, checked to be under the state directory."""
    path = line.rsplit("; report: ", 1)[1]
    assert path.startswith(f"{state_home}/reader/reports/report-") and path.endswith(".txt")
    return open(path, encoding="utf-8").read()


def test_internal_error_is_one_line_and_others_still_print(article, tmp_path, monkeypatch, state_home):
    _flaky_engine(monkeypatch)
    bad = tmp_path / "bad.txt"
    bad.write_text("BOOM", encoding="utf-8")
    status, out, err = run(["quotes", str(bad), str(article), "-f", "jsonl"])
    assert status == 70  # an internal error: EXIT_INTERNAL, though the other file printed
    (line,) = err.splitlines()
    assert line.startswith(f"reader: internal error while analysing {bad} (ValueError: engine bug); report: ")
    assert "ValueError: engine bug" in _report(line, state_home)  # the traceback is in the report
    assert len(out.splitlines()) == 3


def test_internal_error_wins_over_a_file_that_could_not_be_read(article, tmp_path, monkeypatch):
    _flaky_engine(monkeypatch)
    bad = tmp_path / "bad.txt"
    bad.write_text("BOOM", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    for files in ([missing, bad, article], [bad, missing]):
        status, out, err = run(["quotes", *map(str, files), "-f", "jsonl"])
        assert status == 70
        assert f"reader: {missing}: no such file" in err.splitlines()
        assert len(err.splitlines()) == 2
    assert run(["quotes", str(missing), str(article)])[0] == 1  # no bug: a file not read is 1


def test_bug_in_a_writer_exits_70(article, monkeypatch, state_home):
    def broken(self, path, rows):
        raise TypeError("writer bug")

    from reader import output

    monkeypatch.setattr(output.TextWriter, "quotes", broken)
    status, out, err = run(["quotes", str(article)])
    assert status == 70
    (line,) = err.splitlines()
    assert line.startswith(f"reader: internal error while printing the quotes of {article} (TypeError: writer bug)")
    assert "writer bug" in _report(line, state_home)


def test_bug_outside_the_files_exits_70(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(cli, "run_command", broken)
    status, out, err = run(["quotes", "x.txt"])
    assert status == 70
    assert err.startswith("reader: internal error while running 'reader quotes' (RuntimeError: parser bug); report: ")
    assert len(err.splitlines()) == 1


def test_reader_debug_shows_the_traceback(article, tmp_path, monkeypatch, state_home):
    _flaky_engine(monkeypatch)
    monkeypatch.setenv("READER_DEBUG", "1")
    bad = tmp_path / "bad.txt"
    bad.write_text("BOOM", encoding="utf-8")
    with pytest.raises(ValueError, match="engine bug"):
        cli.main(["quotes", str(bad)], io.StringIO(), io.StringIO())
    assert not (state_home / "reader").exists()  # no report: the traceback is shown instead


def test_internal_error_through_the_real_entry_point(article, tmp_path, state_home):
    """A bug in the engine of a real process: one line on the real stderr, exit 70, and the
    report under XDG_STATE_HOME."""
    bad = tmp_path / "bad.txt"
    bad.write_text("BOOM", encoding="utf-8")
    program = ("import sys, reader.document as d\n"
               "real = d.analyse\n"
               "def flaky(text, **kw):\n"
               "    if 'BOOM' in text: raise ValueError('engine bug')\n"
               "    return real(text, **kw)\n"
               "d.analyse = flaky\n"
               "from reader.cli import main\n"
               "sys.exit(main())\n")
    r = subprocess.run([sys.executable, "-c", program, "quotes", str(article), str(bad)], capture_output=True,
                       timeout=60, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert r.returncode == 70
    (line,) = r.stderr.decode().splitlines()
    assert line.startswith(f"reader: internal error while analysing {bad} (ValueError: engine bug); report: ")
    assert "Traceback" in _report(line, state_home)
    assert r.stdout.decode().count("Jane Doe") == 2


# ---------------------------------------------------------------------------------------
# the output cannot be written: one line, exit 1; a broken pipe is not an error


def _many_quotes(tmp_path, n=3000):
    p = tmp_path / "many.txt"
    p.write_text("\n\n".join(f'"Line {i} of many," said Ann Lee.' for i in range(n)), encoding="utf-8")
    return p


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
@pytest.mark.parametrize("size", ["small", "large"])  # fails at the final flush / while writing
def test_full_disk_is_one_line_exit_1(article, tmp_path, fmt, size):
    path = article if size == "small" else _many_quotes(tmp_path)
    with open("/dev/full", "wb") as full:
        r = subprocess.run([sys.executable, "-m", "reader", "quotes", str(path), "-f", fmt], stdout=full,
                           stderr=subprocess.PIPE, timeout=60)
    assert r.returncode == 1
    assert r.stderr.decode() == "reader: cannot write the output: No space left on device\n"


def test_help_to_a_full_disk(article):
    with open("/dev/full", "wb") as full:
        r = subprocess.run([sys.executable, "-m", "reader", "--help"], stdout=full, stderr=subprocess.PIPE,
                           timeout=60)
    assert (r.returncode, r.stderr.decode()) == (1, "reader: cannot write the output: No space left on device\n")


@pytest.mark.parametrize("argv", [["quotes"], ["outline", "-f", "json"], ["speakers", "-f", "csv"]])
def test_closed_stdout_is_one_line_exit_1(article, argv):
    r = subprocess.run(f"'{sys.executable}' -m reader {' '.join(argv)} '{article}' >&-", shell=True,
                       stderr=subprocess.PIPE, timeout=60)
    assert r.returncode == 1
    assert r.stderr.decode() == "reader: cannot write the output: standard output is closed\n"


@pytest.mark.parametrize("stderr", ["closed", "full"])
def test_stderr_that_cannot_be_written_is_not_a_crash(tmp_path, stderr):
    """A message with nowhere to go is dropped; the exit status still tells what happened."""
    missing = tmp_path / "missing.txt"
    for argv, status in ((["quotes", str(missing)], 1), (["quotes", "x.txt", "--format", "xml"], 2)):
        if stderr == "closed":
            r = subprocess.run(f"'{sys.executable}' -m reader {' '.join(argv)} 2>&-", shell=True,
                               stdout=subprocess.PIPE, timeout=60)
        else:
            with open("/dev/full", "wb") as full:
                r = subprocess.run([sys.executable, "-m", "reader", *argv], stdout=subprocess.PIPE, stderr=full,
                                   timeout=60)
        assert (r.returncode, r.stdout) == (status, b"")


@pytest.mark.parametrize("fmt", ["text", "jsonl", "json"])
def test_broken_pipe_exits_0_without_a_message(tmp_path, fmt):
    """reader quotes FILE | head -1: the output is far larger than the pipe holds, so the
    reader is still writing when head has gone."""
    p = _many_quotes(tmp_path)
    reader = subprocess.Popen([sys.executable, "-m", "reader", "quotes", str(p), "-f", fmt], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    head = subprocess.run(["head", "-n", "1"], stdin=reader.stdout, capture_output=True, timeout=60)
    reader.stdout.close()
    err = reader.stderr.read()
    assert reader.wait(timeout=60) == 0
    assert err == b""
    assert head.stdout.count(b"\n") == 1


# ---------------------------------------------------------------------------------------
# The app on a real pseudo-terminal: signals, keys while a long text is analysed, internal
# errors. Every wait reads the program's output or its exit; none is a fixed sleep.

needs_pty = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a pseudo-terminal")

# Run the app with one thing changed, chosen by READER_TEST_FAULT: "slow" keeps the analysis
# busy for minutes (a slow engine), "analysis" makes it fail, "action" makes the key n fail.
FAULTS = """
import os, sys, time
import reader.document
from reader.app.app import ReaderApp

fault = os.environ.get("READER_TEST_FAULT")
real = reader.document.Source.analyse

def slow(self):
    doc = real(self)
    end = time.monotonic() + 300
    while time.monotonic() < end:
        sum(range(1000))
    return doc

def failing(self):
    raise ValueError("engine bug")

def boom(self):
    raise RuntimeError("action bug")

if fault == "slow":
    reader.document.Source.analyse = slow
elif fault == "analysis":
    reader.document.Source.analyse = failing
elif fault == "action":
    ReaderApp.action_next_section = boom
from reader.cli import main
sys.exit(main(sys.argv[1:]))
"""


class PtyApp:
    """``reader FILE`` (through FAULTS) on a pseudo-terminal."""

    def __init__(self, path, *more, **env):
        import pty

        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            try:
                os.environ.pop("READER_DEBUG", None)
                _default_signals()
                os.environ.update(TERM="xterm-256color", TEXTUAL_ANIMATIONS="none", **env)
                os.execv(sys.executable, [sys.executable, "-c", FAULTS, str(path), *map(str, more)])
            finally:
                os._exit(127)
        self.out = b""
        self.status: int | None = None

    def _read(self, timeout: float) -> bool:
        """Read what is there within ``timeout``; False once the terminal is closed."""
        import select

        if select.select([self.fd], [], [], timeout)[0]:
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                return False
            if not data:
                return False
            self.out += data
        return True

    def read_until(self, marker: bytes, timeout: float = 30, start: int = 0) -> None:
        """Read until ``marker`` is in the output (from ``start`` on)."""
        end = time.monotonic() + timeout
        while marker not in self.out[start:] and time.monotonic() < end and self._read(0.1):
            pass
        assert marker in self.out[start:], self.out[-500:]

    def wait(self, timeout: float) -> int | None:
        """The exit status, reading the output meanwhile; None if still running after ``timeout``."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if not self._read(0.1):  # the terminal closed: the program has ended
                _, status = os.waitpid(self.pid, 0)
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
        return None

    @property
    def echo(self) -> bool:
        import termios

        return bool(termios.tcgetattr(self.fd)[3] & termios.ECHO)

    def close(self) -> None:
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        os.close(self.fd)

    def assert_terminal_restored(self) -> None:
        out = self.out
        for on, off in ((b"\x1b[?1049h", b"\x1b[?1049l"),  # the alternate screen left
                        (b"\x1b[?25l", b"\x1b[?25h"),  # the cursor shown
                        (b"\x1b[?1000h", b"\x1b[?1000l"),  # mouse tracking off
                        (b"\x1b[?1003h", b"\x1b[?1003l")):
            assert on in out and out.rindex(off) > out.rindex(on), (on, off)
        assert self.echo  # cooked mode again: what is typed is shown
        assert b"Traceback" not in out

    @property
    def after(self) -> list[str]:
        """The lines written once the app had left the alternate screen, escapes removed."""
        import re

        escapes = rb"\x1b\[[0-9;?<>=]*[a-zA-Z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # CSI and OSC
        tail = re.sub(escapes, b"", self.out[self.out.rindex(b"\x1b[?1049l"):])
        return [line.strip() for line in tail.decode("utf-8", "replace").splitlines() if line.strip()]


@needs_pty
@pytest.mark.parametrize("signum, status, message", [
    (signal.SIGINT, 130, "reader: interrupted"),
    (signal.SIGTERM, 143, "reader: terminated"),
    (signal.SIGHUP, 129, "reader: hung up"),
])
def test_signals_close_the_app_and_restore_the_terminal(article, signum, status, message):
    app = PtyApp(article)
    try:
        app.read_until(b"Jane Doe")  # the first screen is drawn
        assert not app.echo  # the app's raw mode
        os.kill(app.pid, signum)
        assert app.wait(20) == status
        app.assert_terminal_restored()
        assert app.after == [message]
    finally:
        app.close()


@needs_pty
@pytest.mark.parametrize("delay", [0.2, 0.4, 0.6, 1.0, "drawn"])
def test_closing_the_terminal_ends_the_app_whenever_it_happens(article, delay):
    # A terminal window closed while the app starts or runs: the kernel hangs it up and the
    # writes that would restore it fail or wait for ever; the process ends all the same
    # (within SIGNAL_GRACE seconds of the hangup), never left running without a terminal.
    app = PtyApp(article)
    try:
        if delay == "drawn":
            app.read_until(b"Jane Doe")
        else:
            app._read(delay)
        os.close(app.fd)
        end = time.monotonic() + 10
        status = None
        while time.monotonic() < end and status is None:
            pid, raw = os.waitpid(app.pid, os.WNOHANG)
            status = os.waitstatus_to_exitcode(raw) if pid else None
            time.sleep(0.05)
        app.status = status
        assert status in (129, -signal.SIGHUP), status
    finally:
        app.fd = os.open(os.devnull, os.O_RDONLY)  # (close() closes it)
        app.close()


def long_novel(chars: int = 3_000_000) -> str:
    """Generated prose the size of a long novel, with chapters and conversations."""
    names = ["Pierre", "Natasha", "Andrew", "Mary", "Nicholas", "Sonya", "Helene", "Boris"]
    words = "the evening was warm and the guests spoke of the war and of the emperor while the candles burned".split()
    parts, n, size = [], 0, 0
    while size < chars:
        if n % 40 == 0:
            parts.append(f"CHAPTER {n // 40 + 1}")
        prose = " ".join(words[(n + k) % len(words)] for k in range(30)).capitalize()
        parts.append(f'{prose}. "Do you think it matters?" asked {names[n % 8]}. '
                     f'"I do not know," said {names[(n * 3 + 1) % 8]}, "but we shall see." {prose}.')
        size += len(parts[-1]) + 2
        n += 1
    return "\n\n".join(parts) + "\n"


@needs_pty
def test_several_files_in_the_app(article, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text('Harbour News\n\n"The ferry sails at noon," said Ann Lee.\n', encoding="utf-8")
    app = PtyApp(article, str(other))
    try:
        app.read_until(b"budget.txt (1 of 2)")
        os.write(app.fd, b"}")  # the next file
        app.read_until(b"ferry sails at noon")
        app.read_until(b"other.txt (2 of 2)")
        os.write(app.fd, b"{")  # and back
        app.read_until(b"budget.txt (1 of 2)", start=len(app.out))
        os.write(app.fd, b"q")
        assert app.wait(20) == 0
        app.assert_terminal_restored()
    finally:
        app.close()


@needs_pty
@pytest.mark.parametrize("key, status, message", [(b"q", 0, None), (b"\x03", 130, "reader: interrupted")])
def test_quitting_while_a_long_text_is_analysed_ends_at_once(tmp_path, key, status, message):
    book = tmp_path / "novel.txt"
    book.write_text(long_novel(), encoding="utf-8")
    app = PtyApp(book, READER_TEST_FAULT="slow")  # the analysis would go on for minutes
    try:
        app.read_until(b"Reading")  # the frame, while the text is analysed
        os.write(app.fd, key)
        assert app.wait(10) == status  # a generous bound: the analysis is not waited for
        app.assert_terminal_restored()
        assert app.after == ([message] if message else [])
    finally:
        app.close()


@needs_pty
@pytest.mark.parametrize("fault", ["action", "analysis"])
def test_reader_debug_shows_the_traceback_of_an_error_in_the_app(tmp_path, fault):
    book = tmp_path / "big.txt"
    book.write_text(long_novel(cli.APP_ANALYSE_LATER + 1000), encoding="utf-8")
    app = PtyApp(book, READER_TEST_FAULT=fault, READER_DEBUG="1", XDG_STATE_HOME=str(tmp_path / "state"))
    try:
        if fault == "action":
            app.read_until(b"Reading")
            os.write(app.fd, b"n")
        assert app.wait(30) == 70
    finally:
        app.close()
    assert b"Traceback" in app.out and (b"action bug" if fault == "action" else b"engine bug") in app.out


@needs_pty
def test_an_error_in_the_app_is_one_line_a_report_and_exit_70(article, tmp_path):
    state = tmp_path / "state"
    app = PtyApp(article, READER_TEST_FAULT="action", XDG_STATE_HOME=str(state))
    try:
        app.read_until(b"Jane Doe")
        os.write(app.fd, b"n")  # the key whose action fails
        assert app.wait(20) == 70
        app.assert_terminal_restored()
    finally:
        app.close()
    [line] = app.after
    reports = list((state / "reader" / "reports").iterdir())
    assert line == (f"reader: internal error while showing {article} (RuntimeError: action bug); "
                    f"report: {reports[0]}")
    report = reports[0].read_text(encoding="utf-8")
    assert "Traceback" in report and "in boom" in report and "RuntimeError: action bug" in report


@needs_pty
def test_a_failed_analysis_in_the_app_is_one_line_and_exit_70(tmp_path):
    book = tmp_path / "big.txt"
    book.write_text(long_novel(cli.APP_ANALYSE_LATER + 1000), encoding="utf-8")
    state = tmp_path / "state"
    app = PtyApp(book, READER_TEST_FAULT="analysis", XDG_STATE_HOME=str(state))
    try:
        assert app.wait(30) == 70
        app.assert_terminal_restored()
    finally:
        app.close()
    [line] = app.after
    [report] = list((state / "reader" / "reports").iterdir())
    assert line == f"reader: internal error while analysing {book} (ValueError: engine bug); report: {report}"
    assert "engine bug" in report.read_text(encoding="utf-8")
