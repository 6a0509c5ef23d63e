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
