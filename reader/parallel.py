"""Running one function over many files on several cores, the results in input order.

On Linux a process running no other thread forks its workers (they start with what it has
imported: a command line's processes); otherwise workers are started fresh (``forkserver``
where there is one, else ``spawn``), never forked from a process that may be running threads
(the app's). They ignore SIGINT: ctrl+c is the parent's to handle, which stops the pool and
keeps what was done.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _quiet_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker holds a copy of the parent's output buffers: it must never write them out
    # (a worker's messages come back with its results).
    sys.stdout = sys.stderr = open(os.devnull, "w")


def _context():
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and threading.active_count() == 1 and "fork" in methods:
        # A process running no other thread may be forked: the workers start with everything
        # it has imported (the command line's processes; the app runs threads).
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def start_early() -> None:
    """Start the helper processes of multiprocessing (the resource tracker, the fork server)
    now, while the standard streams are still the process's own: an app that takes them over
    (Textual gives ``sys.stderr`` no file descriptor) can then start workers later."""
    import multiprocessing.resource_tracker

    multiprocessing.resource_tracker.ensure_running()
    if _context().get_start_method() == "forkserver":
        import multiprocessing.forkserver

        multiprocessing.forkserver.ensure_running()


def in_order(func: Callable[[T], R], items: Iterable[T], jobs: int) -> Iterator[R]:
    """``map(func, items)`` on ``jobs`` processes: each result as soon as it and every one
    before it are done. ``func`` must be a module-level function (it is sent by name). If the
    caller stops early (an error, ctrl+c), the workers are stopped at once."""
    items = list(items)
    if jobs <= 1 or len(items) <= 1:
        yield from map(func, items)
        return
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()  # nothing written so far goes to a worker's copy of the buffer
        except (AttributeError, OSError, ValueError):
            pass
    context = _context()
    jobs = min(jobs, len(items))
    # Chunks small enough to keep every worker busy to the end, large enough to cost little.
    chunk = max(1, min(16, len(items) // (jobs * 8)))
    pool = context.Pool(jobs, initializer=_quiet_worker)
    finished = False
    try:
        yield from pool.imap(func, items, chunksize=chunk)
        finished = True
    finally:
        if finished:
            pool.close()
        else:
            pool.terminate()
        pool.join()
