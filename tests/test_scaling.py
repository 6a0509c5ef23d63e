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



def test_a_name_is_looked_up_among_a_bounded_number_of_its_holders(monkeypatch):
    # Thousands of people whose names share a word ("Lee"): a name holding it is compared with
    # the newest HOLDERS_LOOKED_AT of them only, so a text naming more costs linear time (this
    # shape, "capitalised run, speech verbs", grew with the square of its size without it).
    import reader.people as people
    from reader.phrases import make_name, tokens

    registry = people.People()
    for i in range(1000):
        registry.add(people.name_form(make_name(tokens(f"Lee Person{i:04d}"), f"Lee Person{i:04d}")), "x")
    compared = []
    real_holds = people._holds
    monkeypatch.setattr(people, "_holds", lambda big, small: compared.append(big) or real_holds(big, small))
    registry.find(people.name_form(make_name(tokens("Lee"), "Lee")))
    assert 0 < len(compared) <= people.HOLDERS_LOOKED_AT
