"""How long ``reader DIR`` takes to show the list of an indexed library. Asserts nothing.

    uv run python benchmarks/library_app.py [--files 2000] [--runs 7] [--dir DIR]

Makes a corpus of news files (benchmarks/corpus.py: the news articles of ../shared/articles
repeated, each copy made different) in a temporary folder, indexes it in a temporary cache
directory, then starts the app on it again and again, each time in a fresh process, headless,
as ``reader DIR`` starts it: the time from starting the process to the first frame that shows
rows of the list (the interpreter, the imports, the index opened and read, the list drawn),
the median of ``--runs`` after one run not counted. The index is up to date, so the update
that starts behind the list finds nothing to do. The children keep compiled bytecode in a
temporary folder of their own, as an installed package has its .pyc files (without them,
under PYTHONDONTWRITEBYTECODE, every start compiles Textual from source: about 0.4 s more).
The corpus, the index and the bytecode are deleted afterwards.
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
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import make_corpus  # noqa: E402

# The child: the app as reader DIR makes it, run headless; it prints the wall-clock time at
# which a frame first showed a row of the list.
CHILD = r"""
import sys, time
from reader.app import ReaderApp

folder = sys.argv[1]
app = ReaderApp(library=[folder])

async def first_rows(pilot):
    from reader.app.library_screen import ArticleTable
    while True:
        screen = app.screen
        tables = screen.query(ArticleTable) if screen.id != "_default" else []
        if tables and tables.first().rows:
            await pilot.pause()  # the frame with them drawn
            text = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
            if tables.first().rows[0].file in text:
                print(time.time(), flush=True)
                break
        await pilot.pause(0.002)
    app.exit()

app.run(headless=True, size=(120, 40), auto_pilot=first_rows)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--dir", help="where the corpus is made (default: a temporary folder)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(args.dir or os.path.join(tmp, "corpus"))
        paths = make_corpus(corpus, args.files)
        size = sum(p.stat().st_size for p in paths)
        env = {**os.environ, "XDG_CACHE_HOME": os.path.join(tmp, "cache"),
               "XDG_STATE_HOME": os.path.join(tmp, "state"), "TEXTUAL_ANIMATIONS": "none",
               "PYTHONPYCACHEPREFIX": os.path.join(tmp, "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        print(f"corpus: {len(paths):,} files, {size / 1e6:.1f} MB")
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reader", "index", str(corpus)], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        print(f"first index (reader index DIR, every core): {time.perf_counter() - t:.1f} s")

        times = []
        for run in range(args.runs + 1):
            start = time.time()
            out = subprocess.run([sys.executable, "-c", CHILD, str(corpus)], check=True, env=env,
                                 capture_output=True, text=True).stdout
            if run:  # the first writes the bytecode and warms the file cache
                times.append(float(out.split()[-1]) - start)
        print(f"reader DIR re-opened, process start to the first frame with rows "
              f"(median of {args.runs}): {statistics.median(times) * 1000:.0f} ms "
              f"(fastest {min(times) * 1000:.0f}, slowest {max(times) * 1000:.0f})")


if __name__ == "__main__":
    main()
