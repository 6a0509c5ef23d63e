"""Shared by the tests: a temporary state directory for every test, animations off, the sample
article, the command line run in-process and as a real process, and the app's test helpers.

Test modules import the helpers from here (``from conftest import run, proc, four_app``);
the fixtures are found by name.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import settings

# No animation in any app under test: a scroll lands at once, a screenshot is the same every run.
os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

# Property tests draw the same examples on every run of the suite (a run must not fail on an
# input that the one before never drew); the long runs that set READER_PROPERTY_EXAMPLES
# explore new ones each time (see the README).
settings.register_profile("suite", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile("explore" if os.environ.get("READER_PROPERTY_EXAMPLES") else "suite")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_articles" / "harbour-bridge-vote.txt"


@pytest.fixture(autouse=True)
def state_home(tmp_path_factory, monkeypatch):
    """XDG_STATE_HOME for the test and the processes it starts: an internal error's report
    (reader.failure) and the app's memory of where you were are written there, never under
    the real home directory."""
    path = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("XDG_STATE_HOME", str(path))
    return path


@pytest.fixture(autouse=True)
def cache_home(tmp_path_factory, monkeypatch):
    """XDG_CACHE_HOME for the test and the processes it starts: library indexes are made
    there, never under the real home directory."""
    path = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(path))
    return path


@pytest.fixture
def sample_article() -> Path:
    """The article the README's quick start opens."""
    return SAMPLE


# --------------------------------------------------------------------------- the command line


def run(argv, stdin: str | None = None):
    """``reader.cli.main`` in-process: (status, stdout, stderr); never a traceback."""
    from reader import cli

    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    try:
        status = cli.main(list(argv), out, err)
    finally:
        sys.stdin = old
    assert "Traceback" not in err.getvalue()
    return status, out.getvalue(), err.getvalue()


def proc(argv, stdin: bytes | None = None, cwd=None, timeout=120):
    """``python -m reader`` in a subprocess: (status, stdout, stderr); never a traceback."""
    r = subprocess.run(
        [sys.executable, "-m", "reader", *argv],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        cwd=cwd,
        timeout=timeout,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    out, err = r.stdout.decode("utf-8"), r.stderr.decode("utf-8")
    assert "Traceback" not in err
    return r.returncode, out, err


# --------------------------------------------------------------------------- the app

# A short news story with four speakers: Berg (4 quotes), Haddad (2), Ferreira (1), Novak (1).
FOUR = """City

River Park Plan Splits Council

Four voices on the new park beside the river

HARTWELL, May 2. /Wire/. The council debated the river park plan on Tuesday.

"We will open the park next spring," Mayor Anna Berg said. "It is ready."

"The budget is far too thin for this," said Omar Haddad, the treasurer.

Berg disagreed. "The money is there," she said.

Funding

"Our members will not be paying twice," said Lucia Ferreira, who leads the residents' group.

"I have checked the sums twice," Haddad said.

"This plan protects the [bold]heron nests[/bold]," said Peter Novak, an ecologist.

Next steps

The vote is expected next week.

"We are listening to everyone," Berg said.
"""

FILLER = " ".join(["The committee read the long report on drainage and paths once more."] * 6)


def long_text(sections: int = 6, paragraphs: int = 8) -> str:
    parts = ["A Long Report", ""]
    for s in range(1, sections + 1):
        parts += [f"Part {s}", ""]
        for p in range(paragraphs):
            if p == 3:
                parts += [f'"Section {s} is finished," said Clara Moss. "We move on."', ""]
            else:
                parts += [f"Paragraph {s}.{p}. {FILLER}", ""]
    return "\n".join(parts)


def article(app):
    from reader.app.article_view import ArticleView

    return app.query_one(ArticleView)


def lines(app) -> list[str]:
    """The article rows on screen, as drawn."""
    return [line.rstrip() for line in article(app).visible_lines()]


def screen_text(app) -> str:
    """Everything on screen, as text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def wait_until(pilot, predicate, timeout: float = 30.0) -> None:
    """Let the app run until ``predicate()`` holds (a state, not a fixed delay)."""
    end = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < end, "the app never reached the state waited for"
        await pilot.pause(0.01)


def four_app():
    from reader.app import ReaderApp
    from reader.document import analyse

    return ReaderApp(analyse(FOUR), path="four.txt")


def speaker_index(app, surname: str) -> int:
    return next(s.index for s in app.doc.speakers if s.name.endswith(surname))


CROWD = ["Alexandra Konstantinopoulou", "Bartholomew Fitzwilliam", "Bill Owen", "Jane Owen", "Maximilian Oppenheimer",
         "Cornelia Vanderbilt", "Ignatius Wolfenden", "Theodora Papadakis", "Rosalind Underwood", "Leopold Castellanos",
         "Ann Lee", "Bo Li"]


def crowd_text() -> str:
    """Twelve speakers, each quoted once fewer than the one before."""
    parts = ["Council Meeting", ""]
    for rank, name in enumerate(CROWD):
        for k in range(len(CROWD) - rank + 1):
            parts += [f'"Point {k} from speaker {rank} stands," said {name}.', ""]
    return "\n".join(parts)


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Each of ``files`` (a path under ``root``: its text) written, folders made as needed."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
