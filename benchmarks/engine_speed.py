"""How fast the engine reads a large text. Prints figures; asserts nothing.

    uv run python benchmarks/engine_speed.py ../shared/articles/books/war_and_peace.txt [--runs N] [--profile]

- Engine: reading + decoding, and ``analyse`` (structure, quotations, speakers), best of N
  runs, in MB/s of the file's bytes.
- Stages: the processor time of each stage of the analysis, best of N (structure, quotations,
  capitalised words, tags, beats, cast, narrator, the conversation's set-up and its decisions).
- Peak memory: tracemalloc's peak during one analysis (Python allocations), and the
  process's max RSS.
- Start-up: ``import reader.document`` in a fresh process, best of N.
- Whole process: ``reader quotes FILE --format jsonl > /dev/null`` in a fresh process
  (interpreter start, imports, reading, analysis and writing the output), best of N, in MB/s,
  with the bytecode cached as an installed package has it; and the same for an empty file
  (what a process costs before any text).
  The target is at least 10 MB/s.
- ``--profile``: where the analysis spends its time (cProfile, top functions by own time).

The machine may be shared: wall-clock figures vary from run to run, processor times less.
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

from reader.cast import capitalised_words, find_cast  # noqa: E402
from reader.conversation import Conversation, load_weights  # noqa: E402
from reader.document import _FICTION_LENGTH, analyse  # noqa: E402
from reader.model import MENTION  # noqa: E402
from reader.narrator import find_narrator  # noqa: E402
from reader.quotes import find_quotes  # noqa: E402
from reader.structure import parse_structure  # noqa: E402
from reader.tags import TagFinder, find_tags  # noqa: E402
from reader.textio import read_text  # noqa: E402

TARGET_MB_S = 10.0


def stage_times(text: str, markdown: bool, runs: int) -> dict[str, float]:
    """The processor time of each stage of ``analyse`` (as reader.speakers runs them), best of N."""
    clock = time.process_time
    best: dict[str, float] = {}
    for _ in range(runs):
        marks = [clock()]
        st = parse_structure(text, markdown=markdown)
        marks.append(clock())
        spans = find_quotes(text, st.paragraphs)
        marks.append(clock())
        names = capitalised_words(text, st.paragraphs, spans)
        marks.append(clock())
        tags = find_tags(text, st.paragraphs, spans, names[0])
        marks.append(clock())
        finder = TagFinder(text, st.paragraphs, spans, names[0])
        beats = [finder.beat(i) if tags[i] is None and s.kind != MENTION and s.label is None else None
                 for i, s in enumerate(spans)]
        marks.append(clock())
        cast = find_cast(text, st.paragraphs, spans, tags, names)
        marks.append(clock())
        narrator = find_narrator(text, spans, tags, cast, names[0])
        marks.append(clock())
        fiction = st.chapter_headings > 0 or len(text) > _FICTION_LENGTH
        conv = Conversation(text, st.paragraphs, spans, tags, beats, cast,
                            load_weights()["fiction" if fiction else "news"], narrator, fiction)
        marks.append(clock())
        conv.decide()
        marks.append(clock())
        names_of = ("structure", "quotes", "capitalised words", "tags", "beats", "cast", "narrator",
                    "conversation set-up", "decisions")
        for name, a, b in zip(names_of, marks, marks[1:]):
            best[name] = min(best.get(name, float("inf")), b - a)
    return best


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

    stages = stage_times(decoded.text, args.path.endswith(".md"), args.runs)
    print("stages (processor time, best of each): "
          + ", ".join(f"{name} {t:.3f}" for name, t in stages.items()) + f"; sum {sum(stages.values()):.3f} s")

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

    def best_run(argv: list[str]) -> tuple[float, float] | None:
        """Best wall-clock seconds and best processor seconds (user + system) of a process."""
        best = best_cpu = float("inf")
        for n in range(args.runs + 1):
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            with open(os.devnull, "wb") as devnull:
                r = subprocess.run([sys.executable, *argv], stdout=devnull, stderr=subprocess.PIPE, cwd=ROOT, env=env)
            wall = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if r.returncode != 0:
                print(f"{' '.join(argv)} failed ({r.returncode}): {r.stderr.decode(errors='replace')[:500]}")
                return None
            if n:  # the first run writes the bytecode cache
                best = min(best, wall)
                best_cpu = min(best_cpu, after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
        return best, best_cpu

    start_up = best_run(["-c", "import reader.document"])
    with tempfile.NamedTemporaryFile(suffix=".txt") as empty:
        empty_proc = best_run(["-m", "reader", "quotes", empty.name, "--format", "jsonl"])
    whole = best_run(["-m", "reader", "quotes", args.path, "--format", "jsonl"])
    if start_up is None or empty_proc is None or whole is None:
        return 1
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    best_proc, best_cpu = whole
    verdict = "ok" if mb / best_proc >= TARGET_MB_S else f"BELOW the {TARGET_MB_S:g} MB/s target"
    print(f"start-up:       python -c 'import reader.document': {start_up[0]:.3f} s ({start_up[1]:.3f} s processor); "
          f"reader quotes EMPTY --format jsonl: {empty_proc[0]:.3f} s ({empty_proc[1]:.3f} s processor)")
    print(f"whole process:  reader quotes FILE --format jsonl > /dev/null: {best_proc:.3f} s "
          f"({mb / best_proc:.1f} MB/s, {verdict}); processor {best_cpu:.3f} s ({mb / best_cpu:.1f} MB/s); "
          f"max RSS {child_rss:.0f} MB")

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
