"""reader batch on a real (local) Dask cluster: the same records as one process, and no file
lost when a worker dies."""

from __future__ import annotations

import io
import json
import os
import signal
import threading

import pytest

pytest.importorskip("dask.distributed")

from reader.batch import BatchError, partitions, run  # noqa: E402
from reader.cli import main  # noqa: E402
from reader.corpus import corpus_files  # noqa: E402

SAMPLES = os.path.join(os.path.dirname(__file__), "..", "sample_articles")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """300 articles: the sample articles, each with its own first line, and two that fail."""
    root = tmp_path_factory.mktemp("corpus")
    texts = [open(os.path.join(SAMPLES, n), encoding="utf-8", errors="replace").read()
             for n in sorted(os.listdir(SAMPLES)) if n.endswith((".txt", ".md")) and "cp1252" not in n]
    for i in range(298):
        folder = root / f"d{i % 7}"
        folder.mkdir(exist_ok=True)
        (folder / f"a{i:03d}.txt").write_text(f"Story {i}\n\n" + texts[i % len(texts)], encoding="utf-8")
    (root / "d0" / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    (root / "d1" / "empty.txt").write_bytes(b"")
    return root


def single_process(paths: list[str]) -> list[dict]:
    out = io.StringIO()
    main(["quotes", "--format", "jsonl", *paths], out, io.StringIO())
    return [json.loads(line) for line in out.getvalue().splitlines()]


def batch_records(out) -> list[dict]:
    rows = []
    for name in sorted(os.listdir(out)):
        if name.startswith("part-"):
            with open(os.path.join(out, name), encoding="utf-8") as f:
                rows.extend(json.loads(line) for line in f)
    return rows


def by_place(records: list[dict]) -> list[dict]:
    return sorted(records, key=lambda r: (r["file"], r["start"]))


def test_partitions_keep_order_and_bounds():
    assert partitions(["a", "b", "c", "d", "e"], max_files=2) == [["a", "b"], ["c", "d"], ["e"]]


def test_a_local_cluster_gives_the_records_of_one_process(corpus, tmp_path):
    paths, problems = corpus_files([str(corpus)])
    assert len(paths) == 300 and problems == []
    out = tmp_path / "out"
    summary = run(paths, str(out), workers=2, max_files=16)
    expected = single_process(paths)
    got = batch_records(out)
    assert len(got) == len(expected) > 300
    assert by_place(got) == by_place(expected)
    assert got == expected  # partitions in path order: the same order as well
    failures = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert sorted(os.path.basename(f["file"]) for f in failures) == ["binary.txt"]
    assert (summary.files, summary.failed, summary.quotations) == (300, 1, len(expected))
    assert json.loads((out / "summary.json").read_text())["files"] == 300


def test_a_worker_killed_mid_run_loses_no_file(corpus, tmp_path):
    paths, _ = corpus_files([str(corpus)])
    out = tmp_path / "out"
    killed = threading.Event()
    pids: list[int] = []

    def started(client):
        pids.extend(client.run(os.getpid).values())

    def progress(done, total, read, seconds):
        if not killed.is_set() and done < total:
            os.kill(pids[0], signal.SIGKILL)  # one of the two workers, mid-run
            killed.set()

    summary = run(paths, str(out), workers=2, max_files=4, progress=progress, on_started=started)
    assert killed.is_set()
    assert summary.files == 300
    assert by_place(batch_records(out)) == by_place(single_process(paths))


def test_parquet_partitions_hold_the_same_records(corpus, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    paths, _ = corpus_files([str(corpus / "d2")])
    out = tmp_path / "out"
    run(paths, str(out), workers=1, fmt="parquet")
    rows = [r for name in sorted(os.listdir(out)) if name.endswith(".parquet")
            for r in pq.read_table(out / name).to_pylist()]
    assert rows == single_process(paths)


def test_an_output_folder_that_holds_a_batch_is_refused(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "part-00000.jsonl").write_text("")
    with pytest.raises(BatchError, match="already holds the output of a batch"):
        run([], str(out))


def test_quote_fields_name_the_record_s_fields_in_order(corpus):
    from reader.output import QUOTE_FIELDS

    paths, _ = corpus_files([str(corpus / "d3")])
    assert tuple(single_process(paths[:1])[0]) == QUOTE_FIELDS
