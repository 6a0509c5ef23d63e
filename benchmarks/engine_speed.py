"""How fast the engine reads a large text. Prints figures; asserts nothing.

    uv run python benchmarks/engine_speed.py ../shared/articles/books/war_and_peace.txt [--runs N] [--profile]

- Engine: reading + decoding, and ``analyse`` (structure, quotations, speakers), best of N
  runs, in MB/s of the file's bytes.
- Peak memory: tracemalloc's peak during one analysis (Python allocations), and the
  process's max RSS.
- Whole process: ``reader quotes FILE --format jsonl > /dev/null`` in a fresh process
  (interpreter start, imports, reading, analysis and writing the output), best of N, in MB/s,
  with the bytecode cached as an installed package has it.
  The target is at least 5 MB/s.
- ``--profile``: where the analysis spends its time (cProfile, top functions by own time).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.document import analyse  # noqa: E402
from reader.textio import read_text  # noqa: E402

TARGET_MB_S = 5.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", help="a large text file, e.g. ../shared/articles/books/war_and_peace.txt")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="print a cProfile of one analysis")
    args = ap.parse_args()

    size = os.path.getsize(args.path)
    mb = size / 1e6
    print(f"file: {args.path} ({mb:.2f} MB)")

    best_read = best_analyse = float("inf")
    doc = None
    for _ in range(args.runs):
        t0 = time.perf_counter()
        decoded = read_text(args.path)
        t1 = time.perf_counter()
        doc = analyse(decoded.text, markdown=args.path.endswith(".md"))
        t2 = time.perf_counter()
        best_read = min(best_read, t1 - t0)
        best_analyse = min(best_analyse, t2 - t1)
    assert doc is not None
    print(f"document: {len(doc.paragraphs)} paragraphs, {len(doc.sections)} sections, {len(doc.quotes)} quotations, "
          f"{len(doc.speakers)} speakers")
    print(f"read + decode:  {best_read:.3f} s  ({mb / best_read:.1f} MB/s)")
    print(f"analyse:        {best_analyse:.3f} s  ({mb / best_analyse:.1f} MB/s)")
    total = best_read + best_analyse
    print(f"engine total:   {total:.3f} s  ({mb / total:.1f} MB/s)")

    tracemalloc.start()
    analyse(read_text(args.path).text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory:    {peak / 1e6:.1f} MB traced by tracemalloc during one analysis "
          f"({peak / size:.1f}x the file); max RSS of this process {rss:.0f} MB")

    # As an installed package runs: with its bytecode cached (some environments set
    # PYTHONDONTWRITEBYTECODE, which makes every start compile the modules again). The first
    # run writes the cache and is not counted.
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(Path(tempfile.gettempdir()) / "reader-bench-pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    best_proc = float("inf")
    for n in range(args.runs + 1):
        t0 = time.perf_counter()
        with open(os.devnull, "wb") as devnull:
            r = subprocess.run([sys.executable, "-m", "reader", "quotes", args.path, "--format", "jsonl"],
                               stdout=devnull, stderr=subprocess.PIPE, cwd=ROOT, env=env)
        if n == 0:
            continue
        best_proc = min(best_proc, time.perf_counter() - t0)
        if r.returncode != 0:
            print(f"reader quotes failed ({r.returncode}): {r.stderr.decode(errors='replace')[:500]}")
            return 1
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    verdict = "ok" if mb / best_proc >= TARGET_MB_S else f"BELOW the {TARGET_MB_S:g} MB/s target"
    print(f"whole process:  reader quotes FILE --format jsonl > /dev/null: {best_proc:.3f} s "
          f"({mb / best_proc:.1f} MB/s, {verdict}); max RSS {child_rss:.0f} MB")

    if args.profile:
        text = read_text(args.path).text
        prof = cProfile.Profile()
        prof.enable()
        analyse(text)
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(15)
        print(buf.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
