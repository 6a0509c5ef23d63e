"""Time and peak memory of ``reader`` on hostile input shapes at growing sizes. Asserts nothing.

    uv run python benchmarks/hostile.py [--sizes 1 2 4] [--shape NAME ...] [--format jsonl]
                                        [--command quotes]

Each shape is one short piece repeated to the size (MB of UTF-8): runs of quotation marks,
quotations of one letter, one-letter paragraphs, headings, one paragraph of prose without a
line break, dialogue. Each run is a whole ``python -m reader COMMAND FILE --format FORMAT``
process writing to /dev/null; its peak resident memory comes from the kernel (``ru_maxrss`` of
that process alone, started by a small launcher). Printed for each shape and size: seconds, peak memory, the memory per MB of
input above the process's own (an empty file's run), and the ratios of time and of that memory
to the previous size: about 2.0 for a doubling is linear; more is worse than linear.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SHAPES = {
    "straight-marks": '"',  # """""" ...
    "apostrophes": "'",
    "curly-pairs": "“”",
    "tiny-quotes": '"a" ',  # a quotation every four characters
    "packed-quotes": '"a""b"',  # a quotation every three characters
    "tiny-paragraphs": "a\n\n",
    "headings": "Ab\n\n",  # every line a heading candidate
    "one-paragraph": 'The council met again on Monday and "nothing was decided," she said, so they left. ',
    "dialogue": '"Is it true?" asked Anna.\n\n"It is," said Pierre.\n\n',
}


def make(path: Path, piece: str, size: int) -> None:
    unit = piece.encode("utf-8")
    data = unit * (size // len(unit) + 1)
    path.write_bytes(data[: size - size % len(unit)] if len(unit) > 1 else data[:size])


# Each reader is started by a small process of its own: the kernel counts a child's peak memory
# from its parent's (the memory the child shares with its parent until it runs the program), so a
# large parent (a test runner) would hide the figure it is after.
_LAUNCH = """
import os, subprocess, sys, time
t = time.perf_counter()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
err = p.stderr.read()
_, status, usage = os.wait4(p.pid, 0)  # this child's own usage
print(time.perf_counter() - t, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
sys.stderr.buffer.write(err)
"""


def run(path: Path, command: str = "quotes", fmt: str = "jsonl") -> tuple[float, float, int, str]:
    """Seconds, peak resident MB, exit status and stderr of one ``python -m reader`` process."""
    r = subprocess.run([sys.executable, "-c", _LAUNCH, sys.executable, "-m", "reader", command, str(path),
                        "--format", fmt], capture_output=True, cwd=ROOT)
    seconds, kb, status = r.stdout.split()
    return float(seconds), int(kb) / 1024, int(status), r.stderr.decode("utf-8", "replace").strip()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", nargs="+", type=float, default=[1, 2, 4], metavar="MB")
    ap.add_argument("--shape", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    ap.add_argument("--format", default="jsonl")
    ap.add_argument("--command", default="quotes", choices=("quotes", "speakers", "outline"))
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.txt"
        empty.write_bytes(b"")
        _, base, _, _ = run(empty, args.command, args.format)
        print(f"reader {args.command} --format {args.format}; an empty file: {base:.0f} MB resident")
        print(f"{'shape':<16} {'MB':>5} {'seconds':>8} {'peak MB':>8} {'MB per MB':>10} {'time x':>7} {'memory x':>9}")
        worst: list[tuple[float, str, float]] = []
        for name in args.shape:
            prev = None
            for mb in args.sizes:
                path = Path(tmp) / f"{name}.txt"
                make(path, SHAPES[name], int(mb * 1_000_000))
                seconds, peak, status, err = run(path, args.command, args.format)
                if status != 0 or err:
                    print(f"    exit {status}: {err[:200]}")
                per_mb = (peak - base) / mb
                ratios = ""
                if prev is not None:
                    ratios = f"{seconds / prev[0]:7.2f} {(peak - base) / max(prev[1] - base, 1e-9):9.2f}"
                print(f"{name:<16} {mb:5g} {seconds:8.2f} {peak:8.0f} {per_mb:10.0f} {ratios}", flush=True)
                worst.append((per_mb, name, mb))
                prev = (seconds, peak)
        per_mb, name, mb = max(worst)
        print(f"most memory per MB of input: {per_mb:.0f} MB ({name}, {mb:g} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
