"""Bringing a library's index up to date while the app shows it.

The update runs in a thread of its own with a ``Library`` connection of its own (an SQLite
connection is never shared between threads; the index is in WAL mode, so the app reads while
this thread writes). What it does is told through ``post``: ``Progressed`` as files are
analysed, ``Notice`` for the one line of a damaged index started again, and ``Finished`` once
(with what the update did, or the line that says why it could not be done, or the error of a
bug). ``stop()`` ends it after the file being analysed: what was analysed stays in the index.
The thread is a daemon: quitting the app never waits for it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from reader.library import Library, LibraryError, Progress, Update

EVERY = 0.25  # seconds between two progress reports (and two writes of what was analysed)


@dataclass(frozen=True)
class Progressed:
    progress: Progress


@dataclass(frozen=True)
class Notice:
    line: str


@dataclass(frozen=True)
class Finished:
    update: Update | None  # None when stopped or failed
    problem: str | None = None  # the one line of a library that cannot be used
    error: BaseException | None = None  # a bug
    stopped: bool = False


class _Stopped(Exception):
    """Raised in the update's progress report once the feed is asked to stop."""


class IndexFeed:
    def __init__(self, roots: list[str], post: Callable[[object], None], jobs: int = 1, path=None) -> None:
        self.roots = roots
        self.post = post
        self.jobs = jobs
        self.path = path
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="reader-index", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self._stop.set()

    @property
    def running(self) -> bool:
        return self.thread.is_alive()

    def _progress(self, progress: Progress) -> None:
        if self._stop.is_set():
            raise _Stopped
        self.post(Progressed(progress))

    def _run(self) -> None:
        finished = Finished(None, stopped=True)
        try:
            with Library(self.roots, notice=lambda line: self.post(Notice(line)), path=self.path) as lib:
                if not self._stop.is_set():
                    finished = Finished(lib.update(jobs=self.jobs, progress=self._progress, every=EVERY))
        except _Stopped:
            pass
        except LibraryError as exc:
            finished = Finished(None, problem=str(exc))
        except Exception as exc:  # a bug: the app reports it as the internal error it is
            finished = Finished(None, error=exc)
        self.post(finished)
