"""Run the engine over every file in folder trees and report what went wrong. Asserts nothing.

    uv run python benchmarks/sweep.py DIR... [--max-bytes N] [--list] [--slow SECONDS]

For each regular file (symbolic links and special files are skipped): read and decode it as
``reader`` does, then analyse it. Counts:

- refused: not text (binary), too large, unreadable: the one-line message ``reader`` gives;
- failed: the engine raised (a bug: each is listed with its exception);
- no paragraph: read as text but no paragraph found (empty and whitespace-only files are
  counted apart);
- warnings: bytes replaced while decoding;
- throughput: MB/s over the files analysed, and the slowest files.

Exit status 1 when any file failed, else 0.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.document import analyse  # noqa: E402
from reader.textio import InputError, read_text  # noqa: E402


def walk(dirs: list[str]):
    for d in dirs:
        if os.path.isfile(d):
            yield d
            continue
        for root, subdirs, files in os.walk(d, followlinks=False):
            subdirs.sort()
            for name in sorted(files):
                yield os.path.join(root, name)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="+", metavar="DIR")
    ap.add_argument("--max-bytes", type=int, default=64 * 1024 * 1024, help="skip files larger than this")
    ap.add_argument("--list", action="store_true", help="list every refused and paragraph-less file")
    ap.add_argument("--slow", type=float, default=2.0, help="list files that take longer than this (seconds)")
    args = ap.parse_args()

    seen = analysed = refused = empty = no_paragraph = warned = skipped = 0
    failed: list[tuple[str, str]] = []
    refusals: dict[str, int] = {}
    no_para_files: list[str] = []
    refused_files: list[str] = []
    slow: list[tuple[float, str, int]] = []
    total_bytes = 0
    total_time = 0.0
    quotes = paragraphs = 0
    started = time.perf_counter()
    for path in walk(args.dirs):
        try:
            st = os.lstat(path)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode):
            skipped += 1
            continue
        if st.st_size > args.max_bytes:
            skipped += 1
            continue
        seen += 1
        try:
            decoded = read_text(path)
        except InputError as exc:
            refused += 1
            reason = str(exc).rsplit(": ", 1)[-1]
            reason = "too large" if reason.startswith("too large") else reason
            refusals[reason] = refusals.get(reason, 0) + 1
            refused_files.append(str(exc))
            continue
        if decoded.warnings:
            warned += 1
        t0 = time.perf_counter()
        try:
            doc = analyse(decoded.text, markdown=path.lower().endswith((".md", ".markdown")))
        except Exception as exc:  # noqa: BLE001 - the point is to find these
            failed.append((path, "".join(traceback.format_exception_only(type(exc), exc)).strip()))
            continue
        dt = time.perf_counter() - t0
        analysed += 1
        size = len(decoded.text.encode("utf-8", "surrogatepass"))
        total_bytes += size
        total_time += dt
        quotes += len(doc.quotes)
        paragraphs += len(doc.paragraphs)
        if dt > args.slow:
            slow.append((dt, path, size))
        if not doc.paragraphs:
            if not decoded.text.strip():
                empty += 1
            else:
                no_paragraph += 1
                no_para_files.append(path)
    wall = time.perf_counter() - started

    print(f"folders: {' '.join(args.dirs)}")
    print(f"files: {seen} regular files read ({skipped} skipped: links, special or over {args.max_bytes} bytes)")
    print(f"refused: {refused} ({', '.join(f'{k}: {v}' for k, v in sorted(refusals.items(), key=lambda kv: -kv[1]))})")
    print(f"analysed: {analysed} text files, {total_bytes / 1e6:.1f} MB, {paragraphs} paragraphs, {quotes} quotations")
    print(f"failed (engine raised): {len(failed)}")
    for path, exc in failed[:50]:
        print(f"  {path}: {exc}")
    print(f"no paragraph found: {no_paragraph} (plus {empty} empty or whitespace-only)")
    for path in no_para_files[: None if args.list else 10]:
        print(f"  {path}")
    print(f"decoded with bytes replaced: {warned}")
    rate = total_bytes / 1e6 / total_time if total_time else 0.0
    print(f"throughput: {rate:.1f} MB/s in analyse ({total_time:.1f} s), {wall:.1f} s wall in all")
    for dt, path, size in sorted(slow, reverse=True)[:10]:
        print(f"  slow: {dt:.1f} s  {size / 1e6:.2f} MB  {path}")
    if args.list:
        for line in refused_files:
            print(f"  refused: {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
