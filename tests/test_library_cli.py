"""reader index, reader quotes|speakers --library and reader batch through the real entry point."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import proc, run, write_tree

from reader.corpus import corpus_files

ARTICLES = {
    "a1.txt": "Talks in Geneva\n\nGENEVA, March 3, 2024 - Russian Foreign Minister Sergey Lavrov spoke to "
              "reporters on Monday.\n\n\"We are ready to talk about the wall,\" Lavrov said.\n",
    "a2.txt": "Moscow replies\n\n\"The door is open,\" said Sergey Lavrov.\n\n\"Nothing has changed,\" Lavrov added.\n",
    "news/a3.txt": "Budget row\n\n\"The budget is sound,\" said John Smith, the treasurer.\n\n"
                   "\"It is not,\" said Jane Smith, who leads the opposition.\n",
    "news/deep/a5.txt": "Briefing\n\n\"We will see,\" Lavrov told reporters.\n",
}


@pytest.fixture
def folder(tmp_path):
    root = write_tree(tmp_path / "articles", ARTICLES)
    return root


def test_index_analyses_new_files_once_and_says_what_it_did(folder):
    status, out, err = proc(["index", str(folder)])
    assert (status, err) == (0, "")
    assert out.startswith("4 files in the library (4 analysed) in ")
    status, out, err = proc(["index", str(folder)])
    assert out.startswith("4 files in the library (0 analysed) in ")
    (folder / "a2.txt").unlink()
    status, out, err = proc(["index", str(folder), "--jobs", "1"])
    assert out.startswith("3 files in the library (0 analysed, 1 removed) in ")
    assert sorted(os.listdir(folder)) == ["a1.txt", "news"]  # nothing written beside the articles


def test_quotes_from_the_library_are_the_records_of_each_file(folder):
    status, out, err = proc(["quotes", "--library", str(folder), "--speaker", "lavrov", "--format", "jsonl"])
    assert (status, err) == (0, "")
    got = [json.loads(line) for line in out.splitlines()]
    expected = []
    for name in ("a1.txt", "a2.txt", "news/deep/a5.txt"):
        _, one, _ = run(["quotes", "--format", "jsonl", os.path.realpath(folder / name)])
        expected += [json.loads(line) for line in one.splitlines()]
    assert got == expected
    # each record names the speaker as its article did; the library found them all one person
    assert [r["speaker"] for r in got] == ["Sergey Lavrov"] * 3 + ["Lavrov"]


def test_quotes_from_the_library_as_text_with_a_search(folder):
    status, out, err = run(["quotes", "-l", str(folder), "--search", "speaker:smith budget"])
    assert status == 0
    assert out.splitlines()[1:] == ["    “The budget is sound,”"]
    assert out.splitlines()[0].endswith("a3.txt:3:2  John Smith (said)")


def test_speakers_of_the_library_are_people_across_articles(folder):
    status, out, err = run(["speakers", "--library", str(folder)])
    assert status == 0
    assert out.splitlines() == [
        "Sergey Lavrov — 4 quotations in 3 articles",
        "Jane Smith — 1 quotation in 1 article",
        "John Smith — 1 quotation in 1 article",
    ]
    status, out, err = run(["speakers", "--library", str(folder), "--format", "csv"])
    assert out.splitlines()[:2] == ["speaker,kind,quotes,articles,names", "Sergey Lavrov,person,4,3,Sergey Lavrov; Lavrov"]


@pytest.mark.parametrize(
    "argv, status, message",
    [
        (["quotes", "--library", "{folder}", "--speaker", "Ziggy"], 1, "reader: no speaker in the library matches 'Ziggy'"),
        (["quotes", "--library", "{folder}/missing"], 1, "reader: {folder}/missing: no such file or folder"),
        (["index", "{folder}/missing"], 1, "reader: {folder}/missing: no such file or folder"),
        (["quotes", "--library", "{folder}", "{folder}/a1.txt"], 2, "reader quotes: give FILE... or --library DIR, not both"),
        (["quotes"], 2, "reader quotes: give at least one FILE (or --library DIR)"),
        (["index", "{folder}", "--jobs", "0"], 2, "reader index: argument --jobs/-j: must be 1 or more"),
        (["batch", "--out", "{folder}/out"], 2, "reader batch: give a folder, a file or a glob, or --paths-from FILE"),
    ],
)
def test_library_mistakes_are_one_line(folder, argv, status, message):
    argv = [a.format(folder=folder) for a in argv]
    got, out, err = run(argv)
    assert got == status
    assert err.splitlines()[0] == message.format(folder=folder)
    assert len(err.splitlines()) == (1 if status == 1 else 2)


def test_a_damaged_index_is_rebuilt_with_one_line(folder):
    assert proc(["index", str(folder)])[0] == 0
    from reader.library import index_path

    index_path([str(folder)]).write_bytes(b"garbage" * 1000)
    status, out, err = proc(["quotes", "--library", str(folder), "--speaker", "Jane"])
    assert status == 0
    assert len(err.splitlines()) == 1 and "damaged" in err and "starting it again" in err
    assert "It is not," in out


def test_two_index_processes_at_once_leave_a_sound_index(tmp_path):
    root = tmp_path / "many"
    root.mkdir()
    for i in range(80):
        (root / f"n{i:03d}.txt").write_text(f"Story {i}\n\n\"Point {i} stands,\" said Sergey Lavrov.\n")
    cmd = [sys.executable, "-m", "reader", "index", "--jobs", "1", str(root)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    assert [r[1] for r in results] == ["", ""]
    from reader.library import index_path

    con = sqlite3.connect(index_path([str(root)]))
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("SELECT count(*) FROM quotes").fetchone() == (80,)
    con.close()
    status, out, err = run(["speakers", "--library", str(root)])
    assert out == "Sergey Lavrov — 80 quotations in 80 articles\n"


def test_corpus_inputs_folders_globs_and_lists(folder, tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text(f"# the articles\n{folder / 'a1.txt'}\n\n{folder / 'news' / 'a3.txt'}\n")
    found, problems = corpus_files([str(folder / "news" / "**" / "*.txt")], [str(listing)])
    assert [os.path.relpath(p, os.path.realpath(folder)) for p in found] == [
        "a1.txt", "news/a3.txt", "news/deep/a5.txt"]
    assert problems == []
    found, problems = corpus_files([str(folder / "*.pdf")], [str(tmp_path / "nolist")])
    assert found == []
    assert problems == [f"{folder / '*.pdf'}: no file matches", f"{tmp_path / 'nolist'}: No such file or directory"]


def test_batch_without_dask_says_how_to_install_it(folder, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    status, out, err = run(["batch", str(folder), "--out", str(tmp_path / "out")])
    assert status == 1
    assert err == "reader: reader batch needs Dask: pip install 'reader[cluster]'\n"


def test_batch_on_a_local_cluster(folder, tmp_path):
    pytest.importorskip("dask.distributed")
    out_dir = tmp_path / "out"
    (folder / "bad.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    status, out, err = proc(["batch", str(folder), "--out", str(out_dir), "--workers", "2", "--partition", "2"])
    assert status == 1  # one file could not be read
    assert err == ""
    assert out.startswith("5 files (1 failed: listed in ")
    got = [json.loads(line) for name in sorted(os.listdir(out_dir)) if name.startswith("part-")
           for line in (out_dir / name).read_text().splitlines()]
    paths, _ = corpus_files([str(folder)])
    _, one, _ = run(["quotes", "--format", "jsonl", *paths])
    assert got == [json.loads(line) for line in one.splitlines()]


# ---------------------------------------------------------------------------------------
# reader DIR: the library in the app, through the real entry point


def test_reader_dir_without_any_article_says_so_in_one_line(tmp_path):
    empty = tmp_path / "empty"
    (empty / ".hidden").mkdir(parents=True)
    (empty / ".hidden" / "a.txt").write_text("hidden", encoding="utf-8")
    (empty / "photo.jpg").write_bytes(b"\xff\xd8")
    status, out, err = proc([str(empty)])
    assert (status, out) == (1, "")
    assert err == f"reader: {empty}: no article files in the folder (.txt, .text, .md, .markdown, .mdown, .mkd, .html, .htm, .xhtml, .epub)\n"
    (tmp_path / "other").mkdir()
    status, out, err = proc([str(empty), str(tmp_path / "other")])
    assert (status, out) == (1, "")
    assert err == "reader: no article files in these folders (.txt, .text, .md, .markdown, .mdown, .mkd, .html, .htm, .xhtml, .epub)\n"


def test_reader_dir_with_a_name_that_does_not_exist(folder, tmp_path):
    status, out, err = proc([str(folder), str(tmp_path / "gone.txt")])
    assert (status, out, err) == (1, "", f"reader: {tmp_path / 'gone.txt'}: no such file or folder\n")


def test_reader_dir_does_not_take_standard_input(folder):
    status, out, err = proc([str(folder), "-"])
    assert status == 2 and "standard input cannot be part of a library" in err


def test_reader_dir_opens_the_list_and_quits(folder):
    from test_cli import PtyApp  # the pseudo-terminal of the app's tests

    if not sys.platform.startswith("linux"):
        pytest.skip("needs a pseudo-terminal")
    app = PtyApp(folder)
    try:
        app.read_until(b"Talks in Geneva")  # a row of the list
        app.read_until(b"Budget row")
        os.write(app.fd, b"q")
        assert app.wait(20) == 0
        app.assert_terminal_restored()
        assert app.after == []
    finally:
        app.close()


def test_quitting_while_the_first_index_is_made_ends_at_once(tmp_path):
    """On every core, in worker processes: q while the index is being made ends the program
    at once."""
    from test_cli import PtyApp

    if not sys.platform.startswith("linux"):
        pytest.skip("needs a pseudo-terminal")
    root = tmp_path / "many"
    root.mkdir()
    body = "\n\n".join(f'"Paragraph {i} is here," said Ann Lee. The committee read the long report once more.'
                       for i in range(150))
    for i in range(400):
        (root / f"a{i:03d}.txt").write_text(f"Report {i}\n\n{body}\n", encoding="utf-8")
    app = PtyApp(root)
    try:
        app.read_until(b"Indexing", timeout=60)
        start = time.monotonic()
        os.write(app.fd, b"q")
        assert app.wait(10) == 0
        assert time.monotonic() - start < 5
        app.assert_terminal_restored()
    finally:
        app.close()
