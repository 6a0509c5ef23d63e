"""How the engine's time grows with the size of hostile inputs: seconds per 10k/20k/40k characters.

  uv run python benchmarks/scaling.py [--sizes 10000,20000,40000] [--shape NAME]

Each shape is a text an attacker (or an odd file) could hand the engine: one long run of
capitalised words, a speech verb and a name repeated, a paragraph of quotation marks, an SVG
file, and so on. For each size it prints the seconds ``analyse`` took and the ratio to the
previous size: a linear pass doubles (ratio about 2), a quadratic one quadruples.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.document import analyse  # noqa: E402


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _words(pool: list[str], n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    out, size = [], 0
    while size < n:
        w = rng.choice(pool)
        out.append(w)
        size += len(w) + 1
    return " ".join(out)[:n]


SVG_PATH = "M10 20 L30 40 C50 60 70 80 90 100 Z "

SHAPES = {
    "capitalised run": lambda n: "Title\n\n" + _words(["Alpha", "Beta", "Gamma", "Delta", "Omega", "Kappa"], n),
    "capitalised run, quoted": lambda n: 'Title\n\n"' + _words(["Alpha", "Beta", "Gamma", "Delta"], n) + '" he said.',
    "capitalised run, speech verbs": lambda n: "Title\n\n" + _words(["Alpha", "Beta", "said", "Lee", "told", "Ann"], n),
    "said Ann Lee": lambda n: "Title\n\n" + _repeat("said Ann Lee ", n),
    "Ann Lee said": lambda n: "Title\n\n" + _repeat("Ann Lee said ", n),
    "titles and names": lambda n: "Title\n\n" + _words(["Mr.", "Mrs.", "John", "Lee", "Dr.", "Minister"], n),
    "quotes and tags": lambda n: "Title\n\n" + _repeat('"Yes," said Ann Lee. ', n),
    "quotes, one paragraph, no tags": lambda n: "Title\n\n" + _repeat('"Yes." ', n),
    "straight marks": lambda n: "Title\n\n" + _repeat('"', n),
    "single marks": lambda n: "Title\n\n" + _repeat("'a' ", n),
    "curly marks": lambda n: "Title\n\n" + _repeat("“”", n),
    "unclosed quotes": lambda n: "Title\n\n" + _repeat('"Ann Lee said ', n),
    "according to": lambda n: "Title\n\n" + _repeat("according to Ann Lee, ", n),
    "commas": lambda n: "Title\n\n" + _repeat('Ann Lee, the minister, ', n) + ' said "yes."',
    "colons": lambda n: "Title\n\n" + _repeat("Ann Lee said: ", n),
    "pronouns": lambda n: "Title\n\n" + _repeat('"No," he said. ', n),
    "one long word": lambda n: "Title\n\n" + _repeat("Ab", n),
    "one long word, quoted": lambda n: 'Title\n\n"' + _repeat("Ab", n) + '," said Ann Lee.',
    "base64 in quotes": lambda n: 'Title\n\n<img src="data:image/png;base64,' + _words(["iVBORw0KGgoAAA", "Q/wD/AP+gvaeT"], n).replace(" ", "") + '"/>',
    "svg": lambda n: '<svg xmlns="http://www.w3.org/2000/svg"><path d="' + _repeat(SVG_PATH, n) + '"/></svg>',
    "dialogue lines": lambda n: "Title\n\n" + _repeat('"Go," said Ann.\n\n"No," said Bob.\n\n', n),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,20000,40000")
    ap.add_argument("--shape", action="append", help="only these shapes (repeatable)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = {k: v for k, v in SHAPES.items() if not args.shape or k in args.shape}
    print(f"{'shape':32s}" + "".join(f"{s:>12,d}" for s in sizes) + "   growth per doubling")
    worst = 0.0
    for name, make in shapes.items():
        times = []
        for n in sizes:
            text = make(n)
            t0 = time.perf_counter()
            analyse(text)
            times.append(time.perf_counter() - t0)
        growth = [b / a if a > 0.002 else float("nan") for a, b in zip(times, times[1:])]
        shown = " ".join(f"{g:4.1f}" for g in growth)
        worst = max([worst] + [g for g in growth if g == g])
        print(f"{name:32s}" + "".join(f"{t:11.3f}s" for t in times) + f"   {shown}")
    print(f"worst growth per doubling: {worst:.1f} (2 is linear, 4 quadratic)")


if __name__ == "__main__":
    main()
