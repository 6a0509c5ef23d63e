"""How well ``reader text`` extracts the article of a web page, against person-marked bodies.

    uv run python benchmarks/extraction.py [--eval DIR] [--worst N]

Each page of ``DIR/html/<id>.html.gz`` (default ``../shared/eval/extraction`` beside the
checkout) is written to a file and read by ``reader text`` (in-process, through the command
line's own entry point); its text is scored against the page's ``articleBody`` in
``ground-truth.json``: precision, recall and F1 of the tokens (``\\w+``, counted with
multiplicity), per page and averaged over the pages, and the same over shingles of four
tokens (the measure of the benchmark the pages come from). Beside it, the same scores for
trafilatura's own plain-text output on the same pages (its defaults), the library the
reader extracts with. The reader's text starts with the page's title, which the marked
bodies leave out: that costs it a little precision.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_TOKEN = re.compile(r"\w+")


def scores(true: str, pred: str, n: int) -> tuple[float, float, float]:
    def shingles(text: str) -> Counter:
        tokens = _TOKEN.findall(text or "")
        return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))

    a, b = shingles(true), shingles(pred)
    tp = sum((a & b).values())
    fp, fn = sum(b.values()) - tp, sum(a.values()) - tp
    if not a and not b:
        tp += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def reader_text(path: Path) -> str:
    from reader.cli import main

    out, err = io.StringIO(), io.StringIO()
    main(["text", "-f", "json", str(path)], out, err)
    return json.loads(out.getvalue())["text"] if out.getvalue() else ""


def library_text(html: bytes, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval" / "extraction")
    ap.add_argument("--worst", type=int, default=0, help="list the N pages the reader scores worst on")
    args = ap.parse_args()
    truth = json.loads((args.eval / "ground-truth.json").read_text(encoding="utf-8"))
    results: dict[str, dict[int, list]] = {"reader text": {1: [], 4: []}, "trafilatura": {1: [], 4: []}}
    timing = {"reader text": 0.0, "trafilatura": 0.0}
    per_page = []
    with tempfile.TemporaryDirectory() as tmp:
        for key, entry in truth.items():
            html = gzip.decompress((args.eval / "html" / f"{key}.html.gz").read_bytes())
            page = Path(tmp) / f"{key}.html"
            page.write_bytes(html)
            t = time.perf_counter()
            mine = reader_text(page)
            timing["reader text"] += time.perf_counter() - t
            t = time.perf_counter()
            theirs = library_text(html, entry.get("url"))
            timing["trafilatura"] += time.perf_counter() - t
            for name, text in (("reader text", mine), ("trafilatura", theirs)):
                for n in (1, 4):
                    results[name][n].append(scores(entry.get("articleBody", ""), text, n))
            per_page.append((results["reader text"][1][-1][2], key, entry.get("url")))
    pages = len(truth)
    print(f"{pages} pages of {args.eval}")
    print(f"{'':14} {'tokens: P':>9} {'R':>6} {'F1':>6}   {'4-shingles: P':>13} {'R':>6} {'F1':>6}   time")
    for name, by_n in results.items():
        cells = []
        for n in (1, 4):
            rows = by_n[n]
            cells.append(tuple(sum(r[k] for r in rows) / len(rows) for k in range(3)))
        (p1, r1, f1), (p4, r4, f4) = cells
        print(f"{name:14} {p1:9.3f} {r1:6.3f} {f1:6.3f}   {p4:13.3f} {r4:6.3f} {f4:6.3f}   {timing[name]:.1f} s")
    if args.worst:
        print("\nworst pages for reader text (token F1):")
        for f1, key, url in sorted(per_page)[: args.worst]:
            print(f"  {f1:.3f}  {key[:12]}  {url}")


if __name__ == "__main__":
    main()
