"""How fast the library index is made, re-opened and queried. Asserts nothing.

    uv run python benchmarks/library.py [--files 2000] [--dir DIR] [--jobs N]

Makes a corpus of news files (benchmarks/corpus.py) and a fresh index for it in a temporary
cache directory, then prints:

- the first index: files/s and MB/s on ``--jobs`` processes;
- re-opening the unchanged library (stat every file, list the articles): in this process, and
  as a whole ``reader index DIR`` process (median of 5);
- a cross-library speaker query for the ten most quoted people, and word searches: in this
  process (median), and as a whole ``reader quotes --library DIR --speaker NAME`` process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import make_corpus  # noqa: E402


def median_time(work, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        work()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--dir", help="where the corpus is made (default: a temporary folder)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(args.dir or os.path.join(tmp, "corpus"))
        paths = make_corpus(corpus, args.files)
        size = sum(p.stat().st_size for p in paths)
        os.environ["XDG_CACHE_HOME"] = os.path.join(tmp, "cache")
        from reader.library import Library

        print(f"corpus: {len(paths)} files, {size / 1e6:.1f} MB")
        t = time.perf_counter()
        with Library([str(corpus)]) as lib:
            done = lib.update(jobs=args.jobs)
        first = time.perf_counter() - t
        print(f"first index, {args.jobs} process(es): {first:.2f} s, {done.files / first:.0f} files/s, "
              f"{size / 1e6 / first:.2f} MB/s ({done.analysed} analysed)")

        def reopen() -> None:
            with Library([str(corpus)]) as lib:
                lib.update()
                lib.articles()

        print(f"re-open unchanged, list {len(paths)} articles (in process, median of 5): {median_time(reopen) * 1000:.0f} ms")
        reader = [sys.executable, "-m", "reader"]
        whole = median_time(lambda: subprocess.run([*reader, "index", str(corpus)], check=True,
                                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        print(f"re-open unchanged, whole 'reader index DIR' process (median of 5): {whole * 1000:.0f} ms")

        with Library([str(corpus)]) as lib:
            top = [p.name for p in lib.people()[:10]]
            per_name = [median_time(lambda n=n: lib.quotes(speaker=n)) for n in top]
            counts = [len(lib.quotes(speaker=n)) for n in top]
            print(f"speaker query, ten most quoted people (in process): median {statistics.median(per_name) * 1000:.1f} ms, "
                  f"slowest {max(per_name) * 1000:.1f} ms ({min(counts)}-{max(counts)} quotations each)")
            surnames = [n.split()[-1] for n in top]
            per_surname = [median_time(lambda n=n: lib.quotes(speaker=n)) for n in surnames]
            print(f"speaker query by surname: median {statistics.median(per_surname) * 1000:.1f} ms, "
                  f"slowest {max(per_surname) * 1000:.1f} ms")
            queries = ["said", "economy", "the government", "speaker:" + surnames[0] + " people"]
            for q in queries:
                print(f"search {q!r}: {median_time(lambda q=q: lib.quotes(search=q)) * 1000:.1f} ms, "
                      f"{len(lib.quotes(search=q))} quotations")
        name = top[0]
        whole = median_time(lambda: subprocess.run(
            [*reader, "quotes", "--library", str(corpus), "--speaker", name], check=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        print(f"whole 'reader quotes --library DIR --speaker {name!r}' process (median of 5): {whole * 1000:.0f} ms")


if __name__ == "__main__":
    main()
