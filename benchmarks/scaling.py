"""How the engine's time grows with the size of its input. Prints figures; asserts nothing.

  uv run python benchmarks/scaling.py [--sizes 10000,20000,40000] [--shape NAME]
  uv run python benchmarks/scaling.py --linear [--novel PATH] [--news PATH]

Hostile shapes (the default): each is a text an attacker (or an odd file) could hand the
engine: one long run of capitalised words, a speech verb and a name repeated, a paragraph of
quotation marks, an SVG file, and so on. For each size it prints the seconds ``analyse`` took
and the ratio to the previous size: a linear pass doubles (ratio about 2), a quadratic one
quadruples.

``--linear``: real texts at two sizes eight times apart, each analysed in a fresh process:
a novel (War and Peace, and the same text eight times over) and news (1,250 and 10,000
paragraphs of the PolNeAR articles, in turn). For each it prints MB/s of processor time, the
memory the analysis added to the process (peak resident size less the size before it, per MB
of text), the collector's runs, and the ratios of the larger to the smaller: MB/s within 15%
(a ratio of 0.85 or more) and memory per MB about 1.0 are linear.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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


# Run in a fresh process: analyse the text in the file, print processor seconds, the memory the
# analysis added (peak RSS less RSS before it, bytes) and the collector's runs, as JSON.
# (The peak is the kernel's VmHWM of this process image: ru_maxrss would count the parent's.)
_CHILD = """
import gc, json, sys, time
from reader.document import analyse

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) * 1024

text = open(sys.argv[1], encoding="utf-8").read()
before = status("VmRSS")
t0 = time.process_time()
analyse(text)
seconds = time.process_time() - t0
print(json.dumps({"seconds": seconds, "added": status("VmHWM") - before,
                  "collections": [s["collections"] for s in gc.get_stats()]}))
"""


def _measure(text: str, scratch: Path) -> dict:
    scratch.write_text(text, encoding="utf-8")
    r = subprocess.run([sys.executable, "-c", _CHILD, str(scratch)], capture_output=True, text=True, cwd=ROOT,
                       check=True)
    out = json.loads(r.stdout)
    out["mb"] = len(text.encode("utf-8")) / 1e6
    return out


def _news_paragraphs(path: Path) -> list[str]:
    paragraphs: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            paragraphs += [p.strip() for p in json.loads(line)["text"].split("\n\n") if p.strip()]
    return paragraphs


def linear(novel: Path, news: Path) -> None:
    import tempfile

    book = novel.read_text(encoding="utf-8")
    paragraphs = _news_paragraphs(news)

    def news_text(n: int) -> str:
        return "\n\n".join(paragraphs[i % len(paragraphs)] for i in range(n)) + "\n"

    cases = [
        ("novel", f"{novel.name}", book, f"{novel.name} x8", (book.rstrip("\n") + "\n\n") * 8),
        ("news", "1,250 paragraphs", news_text(1250), "10,000 paragraphs", news_text(10_000)),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "text.txt"
        for kind, small_name, small, large_name, large in cases:
            a, b = _measure(small, scratch), _measure(large, scratch)
            for name, m in ((small_name, a), (large_name, b)):
                print(f"{kind:6s} {name:28s} {m['mb']:7.2f} MB  {m['seconds']:7.2f} s  {m['mb'] / m['seconds']:5.2f} MB/s"
                      f"  +{m['added'] / 1e6:6.0f} MB ({m['added'] / 1e6 / m['mb']:5.1f} per MB)"
                      f"  collections {m['collections']}")
            speed = (b["mb"] / b["seconds"]) / (a["mb"] / a["seconds"])
            memory = (b["added"] / b["mb"]) / (a["added"] / a["mb"])
            print(f"{kind:6s} larger / smaller: MB/s {speed:.2f} (linear: 0.85 or more), memory per MB {memory:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,20000,40000")
    ap.add_argument("--shape", action="append", help="only these shapes (repeatable)")
    ap.add_argument("--linear", action="store_true",
                    help="real texts at two sizes eight times apart, in fresh processes")
    ap.add_argument("--novel", type=Path, default=ROOT.parent / "shared/articles/books/war_and_peace.txt")
    ap.add_argument("--news", type=Path, default=ROOT.parent / "shared/eval/news-polnear-train.jsonl")
    args = ap.parse_args()
    if args.linear:
        linear(args.novel, args.news)
        return
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
