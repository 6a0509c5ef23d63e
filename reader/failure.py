"""When reader itself fails: the full report goes to a file, the user gets one line.

An internal error (a bug, not a bad input) ends the program with ``EXIT_INTERNAL`` after
one line on stderr that names what failed and where the report was written: a file under
the user's state directory (``$XDG_STATE_HOME/reader/reports`` or the platform's
equivalent). ``READER_DEBUG=1`` shows the traceback instead.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path

EXIT_INTERNAL = 70


def reports_dir() -> Path:
    """Where reports of internal errors are written."""
    from platformdirs import user_state_path  # only when something has failed

    return user_state_path("reader", appauthor=False) / "reports"


def write_report(exc: BaseException, what: str) -> Path | None:
    """Write the traceback of ``exc`` (raised while doing ``what``) to a new file; its path,
    or None when no file could be written."""
    try:
        folder = reports_dir()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = folder / f"report-{stamp}-{os.getpid()}.txt"
        body = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        from reader import __version__

        path.write_text(
            f"reader {__version__}, Python {sys.version.split()[0]}, {sys.platform}\n"
            f"while: {what}\n\n{body}",
            encoding="utf-8",
            errors="backslashreplace",
        )
        return path
    except Exception:  # a report that cannot be written must not hide the error itself
        return None


def internal_error_line(exc: BaseException, what: str) -> str:
    """The one line that tells the user: what failed, the error, and where the report is.

    ``what`` and the message are made safe to print on one line (no control characters, no
    line break even in a file name)."""
    from reader.safe_text import escaped, escaped_line

    path = write_report(exc, what)
    message = " ".join(escaped(str(exc)).split())[:200]
    detail = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    where = f"; report: {escaped_line(str(path))}" if path else ""
    return f"reader: internal error while {escaped_line(what)} ({detail}){where}"
