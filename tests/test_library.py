"""The library index (reader.library): what it keeps, what it analyses again, and how it
survives damage, locks and two writers."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import write_tree

from reader import library as library_module
from reader.corpus import article_files
from reader.library import Library, find_date, index_path

ARTICLES = {
    "a1.txt": "Talks in Geneva\n\nGENEVA, March 3, 2024 - Russian Foreign Minister Sergey Lavrov spoke to "
              "reporters on Monday.\n\n\"We are ready to talk about the wall,\" Lavrov said.\n",
    "a2.txt": "Moscow replies\n\n\"The door is open,\" said Sergey Lavrov.\n\n\"Nothing has changed,\" Lavrov added.\n",
    "news/a3.txt": "Budget row\n\n\"The budget is sound,\" said John Smith, the treasurer.\n\n"
                   "\"It is not,\" said Jane Smith, who leads the opposition.\n",
    "news/a4.md": "# Council meets\n\n\"I disagree with the wall,\" Smith said.\n",
    "news/deep/a5.txt": "Briefing\n\n\"We will see,\" Lavrov told reporters.\n",
}


@pytest.fixture
def folder(tmp_path):
    root = write_tree(tmp_path / "articles", ARTICLES)
    (root / "news" / "notes.csv").write_text("a,b\n")  # not an article
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.txt").write_text('"Hidden," said Nobody.\n')
    return root


def quotes_by_person(lib: Library, name: str) -> list[tuple[str, str, str]]:
    return [(os.path.basename(e.record["file"]), e.record["text"], e.person) for e in lib.quotes(speaker=name)]


def listing(root) -> list[tuple[str, int, int]]:
    out = []
    for folder, dirs, files in os.walk(root):
        for n in dirs + files:
            st = os.stat(os.path.join(folder, n))
            out.append((os.path.join(folder, n), st.st_size, st.st_mtime_ns))
    return sorted(out)


def test_article_files_walks_folders_skipping_hidden_and_other_files(folder):
    found, problems = article_files([str(folder), str(folder / "news" / "notes.csv"), str(folder / "missing")])
    names = [os.path.relpath(p, folder) for p in found]
    assert names == ["a1.txt", "a2.txt", "news/a3.txt", "news/a4.md", "news/deep/a5.txt", "news/notes.csv"]
    assert problems == [f"{folder / 'missing'}: no such file or folder"]


def test_index_lists_articles_and_one_person_across_articles(folder):
    with Library([str(folder)]) as lib:
        done = lib.update()
        assert (done.files, done.analysed, done.removed, done.failed) == (5, 5, 0, 0)
        arts = {os.path.basename(a.path): a for a in lib.articles()}
        assert arts["a1.txt"].title == "Talks in Geneva"
        assert arts["a1.txt"].date == "2024-03-03"
        assert arts["a1.txt"].quotes == 1
        assert arts["a2.txt"].main_speakers == ("Sergey Lavrov",)
        assert arts["a4.md"].title == "Council meets"
        people = {(p.name, p.quotes, p.articles) for p in lib.people()}
        assert people == {("Sergey Lavrov", 4, 3), ("John Smith", 1, 1), ("Jane Smith", 1, 1), ("Smith", 1, 1)}
        assert quotes_by_person(lib, "lavrov") == [
            ("a1.txt", "We are ready to talk about the wall,", "Sergey Lavrov"),
            ("a2.txt", "The door is open,", "Sergey Lavrov"),
            ("a2.txt", "Nothing has changed,", "Sergey Lavrov"),
            ("a5.txt", "We will see,", "Sergey Lavrov"),
        ]
        assert quotes_by_person(lib, "Jane Smith") == [("a3.txt", "It is not,", "Jane Smith")]
        # a surname several people share: all of them
        assert {q[2] for q in quotes_by_person(lib, "Smith")} == {"John Smith", "Jane Smith", "Smith"}


def test_speaker_names_tolerate_a_slip_and_prefer_the_best_fit(folder):
    with Library([str(folder)]) as lib:
        lib.update()
        assert {q[2] for q in quotes_by_person(lib, "Lavrv")} == {"Sergey Lavrov"}
        assert quotes_by_person(lib, "Nobody") == []


def test_search_words_and_speaker_together(folder):
    with Library([str(folder)]) as lib:
        lib.update()
        wall = [(os.path.basename(e.record["file"]), e.person, e.score) for e in lib.quotes(search="wall")]
        # "will" is one slip from "wall", but the library holds "wall" as typed: only it is found
        assert wall == [("a1.txt", "Sergey Lavrov", 1.5), ("a4.md", "Smith", 1.5)]
        # a word it does not hold is read with a slip: "wsll" is "wall" or "will"
        wsll = [(os.path.basename(e.record["file"]), e.score) for e in lib.quotes(search="wsll")]
        assert wsll == [("a1.txt", 0.6), ("a4.md", 0.6), ("a5.txt", 0.6)]
        # the name of who said it finds the quotation too
        assert [e.record["text"] for e in lib.quotes(search="jane")] == ["It is not,"]
        found = [(e.record["text"], round(e.score, 2)) for e in lib.quotes(search="speaker:lavrov wall")]
        assert found == [("We are ready to talk about the wall,", 2.51)]
        assert [e.person for e in lib.quotes(speaker="Smith", search="wall")] == ["Smith"]
        # a slip in a word of the quotation
        assert [e.record["text"] for e in lib.quotes(search="budgat")] == ["The budget is sound,"]
        assert lib.quotes(search="zebra") == []


def test_one_persons_quotations_by_their_id_whoever_else_the_name_fits(folder):
    with Library([str(folder)]) as lib:
        lib.update()
        ids = {p.name: p.id for p in lib.people()}
        assert len({e.person for e in lib.quotes(speaker="Smith")}) == 3  # the name fits three people
        only = lib.quotes(person=ids["Smith"])
        assert [(e.record["text"], e.person, e.score) for e in only] == [("I disagree with the wall,", "Smith", 2.0)]
        assert [e.record["text"] for e in lib.quotes(person=ids["Sergey Lavrov"], search="wall")] == [
            "We are ready to talk about the wall,"]
        assert lib.quotes(person=ids["Sergey Lavrov"], search="budget") == []
        assert [e.person for e in lib.quotes(person=ids["Jane Smith"], speaker="Smith")] == ["Jane Smith"]
        assert lib.quotes(person=ids["Jane Smith"], speaker="Lavrov") == []


def test_records_are_those_reader_quotes_prints(folder):
    from reader.cli import main

    import io
    out = io.StringIO()
    path = str(folder / "a2.txt")
    assert main(["quotes", "--format", "jsonl", path], out, io.StringIO()) == 0
    import json
    printed = [json.loads(line) for line in out.getvalue().splitlines()]
    with Library([str(folder)]) as lib:
        lib.update()
        stored = [e.record for e in lib.quotes() if e.record["file"].endswith("a2.txt")]
    assert [dict(r, file=os.path.realpath(r["file"])) for r in printed] == stored


def test_only_new_and_changed_files_are_analysed_and_removed_ones_dropped(folder):
    with Library([str(folder)]) as lib:
        lib.update()
        assert lib.update().analysed == 0
        a2 = folder / "a2.txt"
        st = a2.stat()
        os.utime(a2, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))  # touched, same content
        again = lib.update()
        assert (again.analysed, again.touched) == (0, 1)
        a2.write_text('Moscow replies\n\n"All is well," said Sergey Lavrov.\n', encoding="utf-8")
        os.utime(a2, ns=(st.st_atime_ns, st.st_mtime_ns + 9_000_000_000))
        (folder / "news" / "a3.txt").unlink()
        (folder / "b.txt").write_text('Late news\n\n"Hello," said Ann Lee.\n', encoding="utf-8")
        again = lib.update()
        assert (again.files, again.analysed, again.removed) == (5, 2, 1)
        texts = [e.record["text"] for e in lib.quotes(speaker="Lavrov")]
        assert texts == ["We are ready to talk about the wall,", "All is well,", "We will see,"]
        assert {p.name for p in lib.people()} == {"Sergey Lavrov", "Smith", "Ann Lee"}


def test_nothing_is_written_next_to_the_articles(folder, cache_home):
    before = listing(folder)
    with Library([str(folder)]) as lib:
        lib.update(jobs=2)
    assert listing(folder) == before
    assert str(index_path([str(folder)])).startswith(str(cache_home))


def test_a_file_that_cannot_be_read_is_kept_with_its_error_and_not_retried(folder):
    (folder / "bad.txt").write_bytes(b"\x7fELF\x00\x00binary")
    with Library([str(folder)]) as lib:
        done = lib.update()
        assert done.failed == 1
        bad = [a for a in lib.articles() if a.path.endswith("bad.txt")][0]
        assert bad.error and "bad.txt" in bad.error
        assert lib.update().analysed == 0


def test_two_worker_processes_give_what_one_gives(folder, tmp_path):
    one = Library([str(folder)], path=tmp_path / "one.sqlite3")
    two = Library([str(folder)], path=tmp_path / "two.sqlite3")
    one.update(jobs=1)
    two.update(jobs=2)
    assert [e.record for e in one.quotes(include_mentions=True)] == [e.record for e in two.quotes(include_mentions=True)]
    assert one.people() == two.people()


def test_a_damaged_index_is_started_again_with_one_line(folder):
    said = []
    with Library([str(folder)]) as lib:
        lib.update()
        path = lib.path
    path.write_bytes(b"this is not a database" * 100)
    with Library([str(folder)], notice=said.append) as lib:
        assert lib.update().analysed == 5
        assert len(lib.quotes(speaker="Lavrov")) == 4
    assert len(said) == 1 and "damaged" in said[0] and "starting it again" in said[0]


def test_a_locked_index_is_started_again_with_one_line(folder, monkeypatch):
    monkeypatch.setattr(library_module, "LOCK_WAIT", 0.2)
    said = []
    with Library([str(folder)]) as lib:
        lib.update()
        path = lib.path
    (folder / "a2.txt").write_text('Moscow replies\n\n"All is well," said Sergey Lavrov.\n', encoding="utf-8")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # a writer that never finishes
    try:
        with Library([str(folder)], notice=said.append) as lib:
            assert lib.update().analysed == 5
    finally:
        holder.close()
    assert len(said) == 1 and "locked" in said[0]


def test_a_new_engine_analyses_every_file_again(folder, monkeypatch):
    with Library([str(folder)]) as lib:
        lib.update()
    monkeypatch.setattr(library_module, "engine_signature", lambda: "another engine")
    with Library([str(folder)]) as lib:
        assert lib.update().analysed == 5


WRITER = """
import sys
from reader.library import Library
if __name__ == "__main__":
    with Library(sys.argv[1:]) as lib:
        lib.update(every=0.0)
"""


def test_two_processes_updating_one_library_never_corrupt_it(tmp_path):
    root = tmp_path / "many"
    root.mkdir()
    for i in range(60):
        (root / f"n{i:03d}.txt").write_text(
            f"Story {i}\n\n\"Point number {i} stands,\" said Sergey Lavrov.\n\n\"No,\" said Ann Lee{i % 3}.\n")
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    procs = [subprocess.Popen([sys.executable, str(script), str(root)], stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    assert errors == ["", ""]
    path = index_path([str(root)])
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("SELECT count(*) FROM files").fetchone() == (60,)
    assert con.execute("SELECT count(*) FROM quotes").fetchone() == (120,)
    con.close()
    with Library([str(root)]) as lib:
        assert lib.update().analysed == 0
        people = {p.name: (p.quotes, p.articles) for p in lib.people()}
    assert people["Sergey Lavrov"] == (60, 60)


@pytest.mark.parametrize(
    "text, date",
    [
        ("WASHINGTON, March 3, 2024 (Reuters) -", "2024-03-03"),
        ("Published 5 Sept. 2016, updated", "2016-09-05"),
        ("breitbart_2015-11-11_the-ninth.txt", "2015-11-11"),
        ("On 2016/2/30 nothing", None),
        ("On 2016/2/29 something", "2016-02-29"),
        ("March 2024", None),
        ("13/45/2020", None),
    ],
)
def test_find_date(text, date):
    assert find_date(text) == date
