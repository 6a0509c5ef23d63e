"""The engine's cost grows with the text, never with its square, whatever the text holds.

Each hostile shape from ``benchmarks/scaling.py`` is analysed at two sizes eight times apart.
A linear pass takes about 8 times as long; a quadratic one 64 times. The bound (24 times,
plus a quarter second for noise) is generous on purpose: it fails on quadratic growth only.
The time is the process's CPU time, not the wall clock: other programs busy on the machine
do not count against the engine.
``uv run python benchmarks/scaling.py`` prints the figures.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from scaling import SHAPES  # noqa: E402

from reader.document import analyse  # noqa: E402

SMALL, LARGE = 2_500, 20_000


def _best_time(text: str, runs: int = 2) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        analyse(text)
        best = min(best, time.process_time() - t0)
    return best


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_cost_is_not_quadratic(shape):
    make = SHAPES[shape]
    small = _best_time(make(SMALL))
    large = _best_time(make(LARGE))
    assert large < 24 * small + 0.25, f"{shape}: {small:.3f}s at {SMALL:,} chars, {large:.3f}s at {LARGE:,}"
