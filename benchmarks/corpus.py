"""A corpus of many news files for the library and batch benchmarks: the news articles in
../shared/articles (every file but the book) repeated, each copy with a last line of its own
so that no two files are alike.

    uv run python benchmarks/corpus.py DIR [--files 2000] [--source ../shared/articles]

Writes DIR/00/n00000.txt ... (100 files a folder). Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "articles"


def news_files(source: Path) -> list[Path]:
    """The news articles under ``source``: text and Markdown files smaller than 200 kB."""
    found = [p for p in sorted(source.rglob("*")) if p.is_file() and p.suffix in (".txt", ".md")
             and p.stat().st_size < 200_000 and p.name != "README.md"]
    if not found:
        raise SystemExit(f"no news files under {source}")
    return found


def make_corpus(target: Path, files: int, source: Path = DEFAULT_SOURCE) -> list[Path]:
    """``files`` files under ``target`` (made once: an existing corpus of that size is kept)."""
    originals = [p.read_bytes() for p in news_files(source)]
    paths = []
    for i in range(files):
        folder = target / f"{i // 100:02d}"
        path = folder / f"n{i:05d}{'.md' if originals[i % len(originals)][:2] == b'# ' else '.txt'}"
        paths.append(path)
        if not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(originals[i % len(originals)].rstrip() + f"\n\n(Copy {i}.)\n".encode())
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--source", default=str(DEFAULT_SOURCE))
    args = ap.parse_args()
    paths = make_corpus(Path(args.dir), args.files, Path(args.source))
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} files, {size / 1e6:.1f} MB under {args.dir}")


if __name__ == "__main__":
    main()
