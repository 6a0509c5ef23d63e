"""Many files on every core: files/s and MB/s of whole ``reader`` processes. Asserts nothing.

    uv run python benchmarks/throughput.py [--files 2000] [--dask] [--runs 3]

Makes a corpus of news files (benchmarks/corpus.py: the ../shared/articles news files
repeated) and times, as whole processes writing JSON Lines to /dev/null:

- ``reader quotes --jobs 1 FILES...``
- ``reader quotes --jobs N FILES...`` for N = the cores
- with ``--dask``: ``reader batch DIR --out OUT --workers N`` (a local Dask cluster, its start
  included)

and prints each one's files/s, MB/s, the speed-up over one process and the scaling efficiency
(speed-up / N). Each figure is the best of ``--runs``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import make_corpus  # noqa: E402


def best_of(runs: int, argv: list[str], before=None) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        t = time.perf_counter()
        subprocess.run(argv, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--dir", help="where the corpus is made (default: a temporary folder)")
    ap.add_argument("--dask", action="store_true", help="also the local Dask cluster (reader batch)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(args.dir or os.path.join(tmp, "corpus"))
        paths = [str(p) for p in make_corpus(corpus, args.files)]
        mb = sum(os.path.getsize(p) for p in paths) / 1e6
        reader = [sys.executable, "-m", "reader"]
        print(f"{len(paths)} files, {mb:.1f} MB, {cores} cores; best of {args.runs}")
        rows = []
        for jobs in sorted({1, cores}):
            seconds = best_of(args.runs, [*reader, "quotes", "--format", "jsonl", "--jobs", str(jobs), *paths])
            rows.append((f"reader quotes --jobs {jobs}", jobs, seconds))
        if args.dask:
            out = os.path.join(tmp, "batch")
            seconds = best_of(args.runs, [*reader, "batch", str(corpus), "--out", out, "--workers", str(cores)],
                              before=lambda: shutil.rmtree(out, ignore_errors=True))
            rows.append((f"reader batch --workers {cores} (local Dask)", cores, seconds))
        one = rows[0][2]
        for name, n, seconds in rows:
            speedup = one / seconds
            print(f"{name:40s} {seconds:7.2f} s  {len(paths) / seconds:7.0f} files/s  {mb / seconds:6.2f} MB/s  "
                  f"speed-up {speedup:4.2f}x  efficiency {speedup / n:4.0%}")


if __name__ == "__main__":
    main()
