"""How fast the reading app answers. Prints figures; asserts nothing.

    uv run python benchmarks/app_speed.py [--runs N] [--article PATH] [--book PATH]

- First paint: a fresh process that opens a short article and exits as soon as the first
  screen is painted, against a bare Textual app doing the same (both measured here, in
  this run, alternating; medians of N runs). The ratio should be at most 1.3.
- The large book (War and Peace, 3.2 MB): first screen from a fresh process (reading and
  analysing the file included, as ``reader FILE`` does), and the app's own share of it.
- Key response on the book: ``G``, ``n``, a speaker filter on and off, a search
  keystroke; each timed from the key press until the screen is redrawn (for the search:
  until the new result list is shown).
- Peak memory (max RSS) of the process holding the book open.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "sample_articles" / "harbour-bridge-vote.txt"
ARTICLE_MARKER = "stitch it back together"  # in a quotation of the first screen
BOOK = ROOT.parent / "shared" / "articles" / "books" / "war_and_peace.txt"

# Each child prints the seconds from its start to the first frame the app hands to the
# terminal (App._display: the compositor's update, drawn just before) that holds the
# article's text, then exits. Both run headless at 120x40.
BARE_CHILD = r"""
import time, sys
t0 = time.perf_counter()
from textual.app import App
from textual.widgets import Static, Footer

class Bare(App):
    def compose(self):
        yield Static("Hello, world")
        yield Footer()
    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if renderable is not None and not getattr(self, "_done", False):
            self._done = True
            print(f"{time.perf_counter() - t0:.4f}")
            self.exit()

Bare().run(headless=True, size=(120, 40))
"""

READER_CHILD = r"""
import time, sys
t0 = time.perf_counter()
# The app run as 'reader FILE' runs it (the command line, its reading and analysis), headless
# at 120x40; the time is taken at the first frame that holds the article's text.
import textual.app
from textual.app import App

_run = App.run
def run_headless(self, *args, **kwargs):
    kwargs.update(headless=True, size=(120, 40))
    return _run(self, *args, **kwargs)
App.run = run_headless

_display = App._display
def display(self, screen, renderable):
    _display(self, screen, renderable)
    if renderable is None or getattr(self, "_done", False):
        return
    from reader.app.article_view import ArticleView
    try:
        view = self.query_one(ArticleView)
    except Exception:
        return
    if view.layout_index is None and not view.doc.is_empty:
        return  # the chrome only: the text is not drawn yet
    self._done = True
    print(f"{time.perf_counter() - t0:.4f}")
    self.exit()
App._display = display

from reader.cli import main
main([sys.argv[1]])
"""


# Children cache compiled bytecode in a directory of their own (an installed package has
# its .pyc files; without them every start compiles Textual from source). Nothing is
# written into the project or the virtual environment.
PYCACHE = Path(tempfile.gettempdir()) / "reader-bench-pycache"
STATE = Path(tempfile.mkdtemp(prefix="reader-bench-state-"))


def child(code: str, *args: str) -> list[float]:
    # A state folder of its own: no place remembered from reading the file before.
    env = dict(os.environ, TEXTUAL_ANIMATIONS="none", PYTHONPYCACHEPREFIX=str(PYCACHE), XDG_STATE_HOME=str(STATE))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                         cwd=ROOT, check=True)
    return [float(x) for x in out.stdout.split()]


def first_paint(article: Path, runs: int) -> None:
    child(BARE_CHILD)  # warm the file cache
    child(READER_CHILD, str(article))
    bare, reader = [], []
    for _ in range(runs):  # alternating, so that both see the same machine
        bare.append(child(BARE_CHILD)[0])
        reader.append(child(READER_CHILD, str(article))[0])
    b, r = statistics.median(bare), statistics.median(reader)
    print(f"first paint, bare Textual app:        {b * 1000:7.0f} ms  (median of {runs}, headless)")
    print(f"first paint, reader {article.name}: {r * 1000:7.0f} ms  (median of {runs}, headless)")
    print(f"  ratio reader / bare:                {r / b:7.2f}  (target <= 1.2)")


def book_first_screen(book: Path, runs: int) -> None:
    totals = [child(READER_CHILD, str(book))[0] for _ in range(runs)]
    print(f"{book.name} first screen of text:  {statistics.median(totals) * 1000:7.0f} ms  "
          f"(target <= 600; median of {runs}, headless, as 'reader FILE' runs)")


def in_terminal(argv: list[str], marker: str, size=(120, 40), keys: list[tuple[str, str]] = (),
                settle: str | None = None) -> list[float]:
    """In a real terminal (tmux): seconds from starting ``argv`` until ``marker`` is on the
    screen, then (once ``settle`` is no longer shown, when given) for each (key, marker) until
    that marker is, the first key half a second after. The screen is read every 5 ms."""
    import shlex

    if not shutil.which("tmux"):
        return []
    session = f"bench{os.getpid()}"
    env = " ".join(f"{k}={shlex.quote(v)}" for k, v in (
        ("XDG_STATE_HOME", str(STATE)), ("PYTHONPYCACHEPREFIX", str(PYCACHE)), ("TEXTUAL_ANIMATIONS", "none")))
    command = f"cd {shlex.quote(str(ROOT))} && env -u PYTHONDONTWRITEBYTECODE {env} {shlex.join(argv)}"

    def screen() -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout

    def wait_for(text: str, since: float, timeout: float = 30.0) -> float:
        while text not in screen():
            if time.perf_counter() - since > timeout:
                raise RuntimeError(f"{text!r} never shown")
            time.sleep(0.005)
        return time.perf_counter() - since

    times = []
    t0 = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]), command],
                   check=True)
    try:
        times.append(wait_for(marker, t0))
        while settle is not None and settle in screen():
            time.sleep(0.005)
        if settle is not None:
            time.sleep(0.5)  # a reader's pause before the first key
        for key, shown in keys:
            t = time.perf_counter()
            subprocess.run(["tmux", "send-keys", "-t", session, key], check=True)
            times.append(wait_for(shown, t))
    finally:
        # Quit as a reader would and wait for the app to end (it saves the place read): a
        # session killed at once would leave the app writing its state into the next run's.
        subprocess.run(["tmux", "send-keys", "-t", session, "q"], capture_output=True)
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline and subprocess.run(
                ["tmux", "has-session", "-t", session], capture_output=True).returncode == 0:
            time.sleep(0.02)
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    return times


BARE_SCRIPT = Path(tempfile.gettempdir()) / "reader-bench-bare.py"


def terminal_first_paint(article: Path, marker: str, runs: int) -> None:
    BARE_SCRIPT.write_text(BARE_CHILD.replace("run(headless=True, size=(120, 40))", "run()")
                           .replace("self.exit()", "pass")
                           .replace("class Bare(App):", "class Bare(App):\n    BINDINGS = [('q', 'quit')]"))
    bare_argv = [sys.executable, str(BARE_SCRIPT)]
    reader_argv = [sys.executable, "-m", "reader", str(article)]
    if not in_terminal(bare_argv, "Hello, world"):
        print("tmux not found: no figures in a real terminal")
        return
    in_terminal(reader_argv, marker)
    bare, reader = [], []
    for _ in range(runs):
        bare.append(in_terminal(bare_argv, "Hello, world")[0])
        reader.append(in_terminal(reader_argv, marker)[0])
    b, r = statistics.median(bare), statistics.median(reader)
    print(f"in tmux: bare Textual app {b * 1000:.0f} ms, reader {r * 1000:.0f} ms, ratio {r / b:.2f} "
          f"(median of {runs})")


def terminal_book(book: Path, runs: int) -> None:
    argv = [sys.executable, "-m", "reader", str(book)]
    # Each key with what the status line says once the key has been handled.
    keys = [("G", "100%"), ("g", "BOOK ONE: 1805"), ("n", "\u2595 CHAPTER I "), ("]", "1 of 8790"),
            ("1", "Filtered: Pierre")]
    firsts, per_key, early = [], {key: [] for key, _ in keys}, []
    for _ in range(runs):
        shutil.rmtree(STATE, ignore_errors=True)  # no remembered place: each run starts at the top
        t = in_terminal(argv, "Well, Prince, so Genoa", keys=keys, settle="Reading the rest")
        if not t:
            print("tmux not found: no figures in a real terminal")
            return
        firsts.append(t[0])
        for (key, _), seconds in zip(keys, t[1:]):
            per_key[key].append(seconds)
        shutil.rmtree(STATE, ignore_errors=True)
        early.append(in_terminal(argv, "Well, Prince, so Genoa", keys=keys[:1])[1])
    print(f"in tmux: {book.name} first screen of text {statistics.median(firsts) * 1000:.0f} ms "
          f"(median of {runs}; target <= 600)")
    print("in tmux: key to its effect on screen (includes tmux's own send and capture, about 5 ms): "
          + ", ".join(f"{k} {statistics.median(v) * 1000:.0f} ms" for k, v in per_key.items())
          + " (target <= 50 each, from half a second after the whole book is read)")
    print(f"in tmux: G pressed as soon as the first screen shows waits for the whole book: "
          f"{statistics.median(early) * 1000:.0f} ms")


async def key_responses(book: Path) -> None:
    os.environ["TEXTUAL_ANIMATIONS"] = "none"
    from reader.app import ReaderApp
    from reader.app.article_view import ArticleView
    from reader.app.search_screen import QuoteSearchScreen
    from reader.document import load_document

    doc = load_document(str(book))
    app = ReaderApp(doc, path=str(book))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)

        async def timed(*keys: str) -> float:
            """From the key press until the app is idle again, the screen redrawn."""
            t = time.perf_counter()
            await pilot.press(*keys)
            return time.perf_counter() - t

        def app_share(action) -> float:
            """The app's own work for a key: the handler, the status line and sidebar,
            and drawing every row of the article view (no strip cached)."""
            view._strips.clear()  # noqa: SLF001
            t = time.perf_counter()
            action()
            app._update_position()  # noqa: SLF001
            for y in range(view.size.height):
                view.render_line(y)
            return time.perf_counter() - t

        keys = [
            ("x (unbound: harness only)", ("x",), lambda: None),
            ("G (bottom)", ("G",), view.scroll_end_now),
            ("g (top)", ("g",), view.scroll_home_now),
            ("n (next section)", ("n",), view.next_section),
            ("n (next section)", ("n",), view.next_section),
            ("] (next quote)", ("right_square_bracket",), view.next_quote),
            ("1 (filter on)", ("1",), lambda: app.action_toggle_number(1)),
            ("] (next quote, filtered)", ("right_square_bracket",), view.next_quote),
            ("1 (filter off)", ("1",), lambda: app.action_toggle_number(1)),
            ("j (line down)", ("j",), lambda: view.scroll_rows(1)),
            ("space (page down)", ("space",), lambda: view.scroll_pages(1)),
        ]
        # The same keys twice from the top: once pressed (until the app is idle again,
        # Textual's own screen update and the test harness included), once as direct
        # calls (the app's own share).
        whole = []
        for _, press, _ in keys:
            whole.append(await timed(*press))
        app.set_filter(frozenset())
        app.cursor_quote = None
        view.scroll_home_now()
        await pilot.pause()
        print(f"  {'key':28s} {'press to idle':>14s} {'app share':>10s}")
        for (name, _, action), w in zip(keys, whole):
            share = app_share(action)
            await pilot.pause()
            print(f"  {name:28s} {w * 1000:11.1f} ms {share * 1000:7.1f} ms")

        await pilot.press("slash")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuoteSearchScreen)

        # While a search runs, how long can a keystroke wait? The longest gap between two
        # turns of the event loop (a ticker that wakes every millisecond) is that wait.
        gaps: list[float] = []
        ticking = True

        async def ticker() -> None:
            last = time.perf_counter()
            while ticking:
                await asyncio.sleep(0.001)
                now = time.perf_counter()
                gaps.append(now - last)
                last = now

        tick = asyncio.create_task(ticker())
        answer = []
        for ch in "natasha":
            t = time.perf_counter()
            await pilot.press(ch)  # returns once the app is idle again: the results are shown
            while screen.shown_query != screen.query_text:
                await asyncio.sleep(0.002)
            answer.append(time.perf_counter() - t)
        ticking = False
        await tick
        print(f"  search keystroke, longest wait to handle a key {max(gaps) * 1000:7.1f} ms")
        print(f"  search keystroke, ranked results shown    {statistics.median(answer) * 1000:7.1f} ms (median of 7, "
              f"max {max(answer) * 1000:.1f}; the first builds the word index)")
        await pilot.press("escape")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory with {book.name} open: {peak:.0f} MB  (target <= 100)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--article", type=Path, default=ARTICLE)
    ap.add_argument("--book", type=Path, default=BOOK)
    args = ap.parse_args()
    first_paint(args.article, args.runs)
    terminal_first_paint(args.article, ARTICLE_MARKER, args.runs)
    if args.book.exists():
        book_first_screen(args.book, max(1, args.runs // 2))
        terminal_book(args.book, max(1, args.runs // 2))
        print(f"key response on {args.book.name} (target <= 50 ms each):")
        asyncio.run(key_responses(args.book))
    else:
        print(f"{args.book} not found: skipping the large-book figures")


if __name__ == "__main__":
    main()
