"""--jobs: files analysed on several processes print exactly what one process prints."""

from __future__ import annotations

import os

import pytest
from conftest import proc

SAMPLES = os.path.join(os.path.dirname(__file__), "..", "sample_articles")


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    root = tmp_path_factory.mktemp("jobs")
    names = sorted(n for n in os.listdir(SAMPLES) if n.endswith((".txt", ".md", ".html")))
    paths = [os.path.join(SAMPLES, n) for n in names]
    bad = root / "binary.txt"
    bad.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    return paths[:3] + [str(bad), str(root / "missing.txt")] + paths[3:]


@pytest.mark.parametrize(
    "argv",
    [
        ["quotes", "--format", "jsonl"],
        ["quotes"],  # text, written out by the workers
        ["outline", "--format", "jsonl"],
        ["speakers", "--format", "csv"],  # a header once: written by the printing process
        ["quotes", "--speaker", "Nobody Atall"],
        ["speakers", "--format", "json"],
        ["text"],
    ],
)
def test_two_jobs_print_what_one_prints(files, argv):
    one = proc([*argv, "--jobs", "1", *files])
    two = proc([*argv, "--jobs", "2", *files])
    assert two == one
    assert one[0] == 1  # the binary and the missing file
    assert one[2].count("\n") >= 2


def test_standard_input_is_read_by_the_printing_process(files):
    with open(files[0], "rb") as f:
        data = f.read()
    assert proc(["quotes", "--jobs", "2", "-", files[1]], stdin=data) == proc(["quotes", "--jobs", "1", "-", files[1]], stdin=data)


def test_a_folder_is_its_article_files_in_sorted_order(tmp_path):
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    text = '"We will build it," said Ana Reis.\n'
    for name in ("b/deep/c.txt", "a.md", "b/z.txt", ".hidden/h.txt", ".dot.txt"):
        (tmp_path / name).write_text(text)
    (tmp_path / "notes.log").write_text(text)  # not an article's suffix
    named = tmp_path / "named.log"
    named.write_text(text)
    status, out, err = proc(["quotes", "--format", "csv", "--jobs", "2", str(tmp_path), str(named)])
    assert (status, err) == (0, "")
    files = [line.split(",")[0] for line in out.splitlines()[1:]]
    assert files == [str(tmp_path / n) for n in ("a.md", "b/z.txt", "b/deep/c.txt")] + [str(named)]


def test_a_folder_without_articles_is_one_line_and_the_others_are_read(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    article = tmp_path / "a.txt"
    article.write_text('"Yes," said Ana Reis.\n')
    status, out, err = proc(["speakers", "--jobs", "2", str(empty), str(article)])
    assert status == 1
    assert err == f"reader: {empty}: no article files in the folder (.txt, .text, .md, .markdown, .mdown, .mkd, .html, .htm, .xhtml, .epub)\n"
    assert "Ana Reis" in out
    assert proc(["quotes", str(empty)])[0] == 1


def test_workers_never_write_what_the_parent_had_not_yet_written(tmp_path):
    # Forked workers hold a copy of the parent's output buffer: it must come out once, from
    # the parent, whatever the workers do.
    import subprocess
    import sys

    script = tmp_path / "run.py"
    script.write_text(
        "import sys\n"
        "from reader.parallel import in_order\n"
        "def work(n):\n"
        "    print('from a worker')\n"
        "    return n * 2\n"
        "if __name__ == '__main__':\n"
        "    sys.stdout.write('before ')\n"
        "    print(list(in_order(work, range(8), 2)))\n"
    )
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert (r.returncode, r.stdout, r.stderr) == (0, "before [0, 2, 4, 6, 8, 10, 12, 14]\n", "")
