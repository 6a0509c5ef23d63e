"""The command line: ``reader FILE`` opens the app; ``quotes``, ``speakers``, ``outline`` print.

Exit status:

    0    success
    1    a file could not be read, the output could not be written, or --speaker matched
         no speaker
    2    a usage error
    70   an internal error (a bug): one line on stderr names what failed and the report
         written under the user's state directory; READER_DEBUG=1 shows the traceback instead
    129  hangup (SIGHUP)
    130  interrupted (SIGINT, ctrl+c)
    143  terminated (SIGTERM)

A file that could not be read does not stop the others; the status is the worst outcome (an
internal error over a file that could not be read). A broken pipe (``reader quotes F | head``)
is not an error.

What is printed, and how each format keeps the terminal and other programs safe from what
the file holds, is ``reader.output``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys

from reader import __version__
from reader.output import FORMATS, visible
from reader.safe_text import escaped_line

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
COMMANDS = ("quotes", "speakers", "outline", "text", "index", "batch")
FILE_HELP = "a text, Markdown, HTML or EPUB file, or an http(s) address; - reads standard input"
FILES_HELP = FILE_HELP + "; a folder: every article file in it and in its subfolders, by name"


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        raise UsageError(f"{self.prog}: {escaped_line(message)}")


def _common(p: argparse.ArgumentParser, library: bool = False) -> None:
    p.add_argument("files", nargs="*" if library else "+", metavar="FILE", help=FILES_HELP)
    p.add_argument("--format", "-f", choices=FORMATS, default="text", help="output format (default: text)")
    _jobs_option(p)
    if library:
        p.add_argument("--library", "-l", metavar="DIR", action="append",
                       help="answer from the library of these folders and files instead (its index is "
                       "brought up to date first); may be given more than once")


def _jobs_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jobs", "-j", type=_jobs, metavar="N",
                   help="analyse N files at once, the output still in the order of the files (default: "
                   "every core when the files add up to 2 MB or more, else one; standard input: one)")


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader",
        description="A terminal reader for news articles and prose that knows who said what.\n\n"
        "  reader FILE                 open FILE in the reading app\n"
        "  reader DIR                  open the articles under DIR as a library: a list to sort, filter\n"
        "                              and search across (its index is made while it shows)\n"
        "  reader quotes FILE...       print every quotation with its speaker\n"
        "  reader speakers FILE...     print the speakers and how often each is quoted\n"
        "  reader outline FILE...      print the title, dateline and section tree\n"
        "  reader text FILE...         print the text as read (a web page's or a book's extracted)\n"
        "  reader index DIR...         build or update the index of a library of articles\n"
        "  reader quotes --library DIR  ... answer from that index, across every article\n"
        "  reader batch DIR --out OUT  run over a corpus on a Dask cluster\n\n"
        "FILE is a text, Markdown, HTML or EPUB file, or an http(s) address.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit status:\n"
        "  0    success\n"
        "  1    a file could not be read, the output could not be written, or --speaker\n"
        "       matched no speaker\n"
        "  2    usage error\n"
        "  70   internal error: one line on stderr names the report written under the user's\n"
        "       state directory (READER_DEBUG=1 shows the traceback)\n"
        "  129  hangup (SIGHUP)\n"
        "  130  interrupted (SIGINT, ctrl+c)\n"
        "  143  terminated (SIGTERM)\n\n"
        "Use 'reader COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    q = sub.add_parser("quotes", help="print every quotation with its speaker",
                       description="Print every quotation found in the files, with its speaker, kind and cue.")
    _common(q, library=True)
    q.add_argument("--speaker", "-s", metavar="NAME",
                   help="only quotations by this speaker (any of their names; small misspellings tolerated); "
                   "when no speaker matches, the closest names are shown and the exit status is 1")
    q.add_argument("--search", metavar="TEXT", help="only quotations whose words match TEXT")
    q.add_argument("--all", "-a", action="store_true",
                   help="include mentions (titles, nicknames, scare quotes), not only speech and partial quotes")

    s = sub.add_parser("speakers", help="print each speaker with quote count and mentions",
                       description="Print each speaker, how many quotations are theirs, and the mentions that "
                       "named them. With --library: each person across the library's articles (the same "
                       "person under compatible names), with their quotations and articles.")
    _common(s, library=True)

    o = sub.add_parser("outline", help="print kicker, title, standfirst, dateline and sections",
                       description="Print the kicker, title, standfirst, dateline and the section tree "
                       "with paragraph and quote counts.")
    _common(o)

    t = sub.add_parser("text", help="print the text as read: the text every offset points into",
                       description="Print the text as read: a text or Markdown file decoded, a web page's "
                       "article or a book's chapters extracted (title, headings and paragraphs separated by "
                       "blank lines). Offsets in the other commands' output point into this text. In text "
                       "format a control character is shown as one visible character in its place; json and "
                       "jsonl hold the text exactly.")
    t.add_argument("files", nargs="+", metavar="FILE", help=FILES_HELP)
    t.add_argument("--format", "-f", choices=("text", "jsonl", "json"), default="text",
                   help="output format (default: text)")
    _jobs_option(t)

    i = sub.add_parser("index", help="build or update the index of a library of articles",
                       description="Build or update the index of the library made of these folders (searched "
                       "recursively for text, Markdown, HTML and EPUB files) and files: only new and changed "
                       "files are analysed, removed ones dropped. The index lives in the user's cache folder; "
                       "deleting it loses nothing but time.")
    i.add_argument("roots", nargs="+", metavar="DIR")
    i.add_argument("--jobs", "-j", type=_jobs, metavar="N", help="analyse N files at once (default: the cores)")
    i.add_argument("--quiet", "-q", action="store_true", help="no progress line and no summary")

    b = sub.add_parser("batch", help="run over a corpus on a Dask cluster",
                       description="Analyse a corpus on a Dask cluster (pip install 'reader[cluster]'): write "
                       "the records 'reader quotes --format jsonl' prints, in partitions part-NNNNN.jsonl (or "
                       ".parquet), with failures.jsonl (the files that failed, which never stop the run) and "
                       "summary.json, into the output folder.")
    b.add_argument("inputs", nargs="*", metavar="INPUT", help="a folder, a file, or a quoted glob ('news/**/*.txt')")
    b.add_argument("--paths-from", metavar="FILE", action="append", help="a file naming one path a line")
    b.add_argument("--out", "-o", required=True, metavar="DIR", help="the output folder (made if missing)")
    b.add_argument("--scheduler", metavar="ADDRESS", help="a running cluster's scheduler, tcp://HOST:8786 "
                   "(default: a local cluster on this machine's cores)")
    b.add_argument("--workers", type=_jobs, metavar="N", help="worker processes of the local cluster (default: the cores)")
    b.add_argument("--format", "-f", choices=("jsonl", "parquet"), default="jsonl",
                   help="partition format (default: jsonl; parquet needs pyarrow)")
    b.add_argument("--partition", type=_jobs, default=64, metavar="N", help="files a partition (default: 64)")
    b.add_argument("--quiet", "-q", action="store_true", help="no progress line and no summary")
    return parser


def build_app_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="reader", description="Open FILE in the reading app; with several, } and { "
                "(or the command palette) go from one to the next. A folder (DIR) opens the articles under "
                "it, and any files named with it, as a library: a list of the articles to sort, filter and "
                "search across.")
    p.add_argument("files", nargs="+", metavar="FILE", help=FILE_HELP)
    return p


# ---------------------------------------------------------------------------------------
# Records


class SpeakerSought:
    """``--speaker NAME`` over all the files: whether any speaker answered, and the names
    most like it, for the message when none did."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.found = False
        self.closest: list[tuple[float, str]] = []

    def look(self, doc) -> set[int]:
        """The speakers of ``doc`` that answer to the name."""
        from reader.search import closest_speakers, speakers_matching

        wanted = {s.index for s in speakers_matching(doc, self.name)}
        if wanted:
            self.found = True
        elif not self.found:
            self.closest += [(score, s.name) for score, s in closest_speakers(doc, self.name)]
        return wanted

    def message(self) -> str:
        """The line that says no speaker answered, with the closest names."""
        names: list[str] = []
        for _, name in sorted(self.closest, key=lambda t: -t[0]):
            if name not in names:
                names.append(name)
        said = f"reader: no speaker matches '{escaped_line(self.name)}'"
        if not names:
            return f"{said} (no quotation is attributed to anyone)"
        return f"{said}; the closest: {', '.join(escaped_line(n) for n in names[:3])}"


def quotes_to_print(doc, args, sought: SpeakerSought | None = None) -> list:
    """The quotations of ``doc`` that ``--all``, ``--speaker`` and ``--search`` keep."""
    from reader.model import MENTION
    from reader.search import search_quotes

    pool = [q for q in doc.quotes if args.all or q.kind != MENTION]
    if args.speaker:
        wanted = (sought or SpeakerSought(args.speaker)).look(doc)
        pool = [q for q in pool if q.speaker in wanted]
    if args.search:
        keep = {h.quote.index for h in search_quotes(doc, args.search, pool)}
        pool = [q for q in pool if q.index in keep]
    return pool


def document_output(command: str, path: str, doc, args, sought: SpeakerSought | None = None):
    """What the writer of ``command`` is given for one analysed file."""
    from reader import output

    if command == "quotes":
        return output.quote_records(path, doc, quotes_to_print(doc, args, sought))
    if command == "speakers":
        return output.speaker_records(path, doc)
    return output.outline_record(path, doc)


def _internal_error(path: str | None, exc: BaseException, err, doing: str = "analysing") -> int:
    """A bug, not a bad input: one line on err naming what failed and the report written under
    the user's state directory (reader.failure); READER_DEBUG=1 raises it instead, for the
    traceback. Returns EXIT_INTERNAL."""
    from reader.failure import EXIT_INTERNAL, internal_error_line  # only once something has failed

    if os.environ.get("READER_DEBUG"):
        raise exc
    what = doing if path is None else f"{doing} {'standard input' if path == '-' else path}"
    err.write(internal_error_line(exc, what) + "\n")
    return EXIT_INTERNAL


def _read_checked(path: str, err):
    """Read and decode one file: (the source, EXIT_OK), or (None, the exit status) after one
    line on err."""
    from reader.document import read_source
    from reader.textio import InputError

    try:
        source = read_source(path)
    except InputError as exc:
        err.write(f"reader: {escaped_line(str(exc))}\n")
        return None, EXIT_INPUT
    except Exception as exc:
        return None, _internal_error(path, exc, err, "reading")
    for w in source.warnings:
        err.write(f"reader: warning: {escaped_line(w)}\n")
    return source, EXIT_OK


def _analyse_checked(path: str, source, err):
    """Analyse a read file: (the document, EXIT_OK), or (None, EXIT_INTERNAL) after one line on
    err for a bug in the engine."""
    try:
        return source.analyse(), EXIT_OK
    except Exception as exc:  # report it, go on with the other files
        return None, _internal_error(path, exc, err)


def _read(path: str, err):
    """Read and decode one file; None (and a one-line message on err) when it cannot be."""
    return _read_checked(path, err)[0]


def _analyse(path: str, source, err):
    """Analyse a read file; None (and a one-line message on err) on a bug in the engine."""
    return _analyse_checked(path, source, err)[0]


# Texts longer than this open with the app's frame first and are analysed while it shows.
APP_ANALYSE_LATER = 200_000


def run_command(args, out, err) -> int:
    """Print each file's records as soon as it is analysed (and every one before it: the
    output is in the order of the files, whatever ``--jobs``). The exit status is the worst
    outcome, and the statuses are ordered so: EXIT_OK < EXIT_INPUT < EXIT_INTERNAL."""
    from reader.output import WRITERS

    writer = WRITERS[args.format](out, many=len(args.files) > 1)
    sought = SpeakerSought(args.speaker) if getattr(args, "speaker", None) else None
    analysed = False
    status = EXIT_OK
    jobs = _jobs_for(args)
    if jobs > 1:
        from reader.parallel import in_order

        # Each job carries the options without the list of files (sent once per file, a list
        # of thousands of paths would be most of what crosses to the workers).
        import reader.document  # noqa: F401  (imported once, before the workers start)

        many = len(args.files) > 1
        options = argparse.Namespace(**{k: v for k, v in vars(args).items() if k != "files"})
        results = in_order(_file_output_apart, [(path, options, many) for path in args.files], jobs)
    else:
        results = (_file_output(path, args, err, sought) + ([], None) for path in args.files)
    for index, (payload, outcome, messages, seen) in enumerate(results):
        path = args.files[index]
        if isinstance(payload, list):
            payload = iter(payload)  # writers take records one at a time
        for line in messages:
            err.write(line)
        if seen is not None:
            sought.found = sought.found or seen[0]
            sought.closest += seen[1]
        status = max(status, outcome)
        if payload is None:
            continue
        analysed = True
        if isinstance(payload, _Rendered):
            out.write(payload)  # written out by the worker, as this writer would have
            writer.first = False
            continue
        try:
            writer.write(args.command, path, payload)
        except (BrokenPipeError, OutputError):
            raise
        except Exception as exc:  # a bug in a writer
            status = max(status, _internal_error(path, exc, err, f"printing the {args.command} of"))
    if sought is not None and analysed and not sought.found:
        err.write(sought.message() + "\n")
        status = max(status, EXIT_INPUT)
    writer.finish(args.command, ok=status == EXIT_OK)
    return status


def _file_output(path: str, args, err, sought: SpeakerSought | None):
    """Read and analyse one file: (what its writer is given, or None; the outcome). Records
    are made as the writer takes them."""
    if path != "-" and os.path.isdir(path):  # a folder left in place: it holds no article
        from reader.corpus import no_articles

        err.write(f"reader: {escaped_line(no_articles(path))}\n")
        return None, EXIT_INPUT
    source, outcome = _read_checked(path, err)
    if source is None:
        return None, outcome
    if args.command == "text":
        return source, outcome  # the text as read: nothing to analyse
    doc, outcome = _analyse_checked(path, source, err)
    if doc is None:
        return None, outcome
    return document_output(args.command, path, doc, args, sought), outcome


class _Lines:
    """Messages kept to be written by the process that prints."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def write(self, s: str) -> None:
        self.lines.append(s)

    def flush(self) -> None:
        pass


class _Rendered(str):
    """A file's output as its writer writes it, made by the worker that analysed the file."""


# The formats whose output for one file does not depend on the files before it: a worker
# writes it out (the printing process then only copies text).
_RENDERED_IN_WORKERS = {"jsonl": ("quotes", "speakers", "outline"), "text": ("quotes", "speakers", "outline")}


def _file_output_apart(job):
    """_file_output in a worker process: the records made whole (or, for a format that needs
    nothing of the files before, the text written out), with the messages and what
    ``--speaker`` saw, for the printing process."""
    path, args, many = job
    err = _Lines()
    sought = SpeakerSought(args.speaker) if getattr(args, "speaker", None) else None
    payload, outcome = _file_output(path, args, err, sought)
    if payload is not None and not isinstance(payload, dict) and args.command != "text":
        try:
            payload = list(payload)
        except Exception as exc:  # a bug making the records
            payload, outcome = None, max(outcome, _internal_error(path, exc, err, f"printing the {args.command} of"))
    if payload is not None and args.command in _RENDERED_IN_WORKERS.get(args.format, ()):
        from reader.output import WRITERS

        buffer = io.StringIO()
        try:
            WRITERS[args.format](buffer, many=many).write(args.command, path, iter(payload) if isinstance(payload, list) else payload)
            payload = _Rendered(buffer.getvalue())
        except Exception as exc:  # a bug in a writer: said as the printing process says it
            payload, outcome = None, max(outcome, _internal_error(path, exc, err, f"printing the {args.command} of"))
    return payload, outcome, err.lines, None if sought is None else (sought.found, sought.closest)


# Files analysed on several cores when there are at least this many bytes of them.
PARALLEL_BYTES = 2_000_000


def _jobs_for(args) -> int:
    """How many files to analyse at once: --jobs, else every core when the files are many
    bytes. Standard input is read by this process: one at a time."""
    if "-" in args.files or len(args.files) < 2:
        return 1
    if args.jobs:
        return args.jobs
    total = 0
    for path in args.files:
        try:
            total += os.path.getsize(path)
        except OSError:
            pass
    if total < PARALLEL_BYTES:
        return 1
    from reader.parallel import cores

    return cores()


def _run_library(roots: list[str], err) -> int:
    """``reader DIR``: the library's list of articles (its index made or brought up to date
    while it shows). A name that does not exist, or a library without any article file, is
    said in one line (exit status 1)."""
    from reader.corpus import has_article_files, no_articles

    if "-" in roots:
        raise UsageError("reader: standard input cannot be part of a library; name files or folders")
    missing = [r for r in roots if not os.path.exists(r)]
    for r in missing:
        err.write(f"reader: {escaped_line(r)}: no such file or folder\n")
    if missing:
        return EXIT_INPUT
    if not has_article_files(roots):
        err.write(f"reader: {escaped_line(no_articles(roots[0] if len(roots) == 1 else None))}\n")
        return EXIT_INPUT
    try:
        from reader.app import ReaderApp  # Textual is imported only when the app runs
    except ImportError as exc:
        err.write(f"reader: the reading app is not available ({visible(str(exc))}); "
                  "'reader quotes --library DIR' prints the quotations\n")
        return EXIT_INPUT
    return _run_and_report(ReaderApp(library=roots), err)


def _run_app(paths: list[str], err) -> int:
    """A folder among ``paths`` opens them all as a library (_run_library). Else open the
    first file that can be read (the others are read now, to say at once which cannot be,
    and analysed when they are opened). The exit status is the app's, or 1 when a file could
    not be read."""
    if any(p != "-" and os.path.isdir(p) for p in paths):
        return _run_library(paths, err)
    sources, status = [], EXIT_OK
    for path in paths:
        source, outcome = _read_checked(path, err)
        status = max(status, outcome)
        if source is not None:
            sources.append((path, source))
    if not sources:
        return status
    app_status = _run_app_on(sources, err)
    return app_status if app_status != EXIT_OK else status


def _run_app_on(sources: list, err) -> int:
    path, source = sources[0]
    doc = None
    if len(source.text) <= APP_ANALYSE_LATER:
        doc, status = _analyse_checked(path, source, err)
        if doc is None:
            return status
    if any(p == "-" for p, _ in sources):
        # The app reads keys from the terminal, not from the pipe that held the article.
        try:
            tty = open("/dev/tty")
            os.dup2(tty.fileno(), 0)
        except OSError:
            err.write("reader: the app needs a terminal; use 'reader quotes -' to read standard input\n")
            return EXIT_INPUT
    try:
        from reader.app import ReaderApp  # Textual is imported only when the app runs
    except ImportError as exc:
        err.write(f"reader: the reading app is not available ({visible(str(exc))}); "
                  "'reader quotes FILE' prints the quotations\n")
        return EXIT_INPUT
    preview = None
    if doc is None:
        # A long text: its beginning shown at once, unless the reader had been further on.
        from reader.app.memory import Memory
        from reader.document import PREVIEW_CHARS

        if Memory().place(path, source.text) < PREVIEW_CHARS:
            try:
                preview = source.preview()
            except Exception:  # the whole text's analysis will say what went wrong
                preview = None
    app = ReaderApp(doc, path=path, load=None if doc is not None else source.analyse,
                    more=[(p, src.analyse) for p, src in sources[1:]], preview=preview, text=source.text)
    return _run_and_report(app, err)


def _run_and_report(app, err) -> int:
    """Run the app; its exit status, after one line for an internal error or a signal."""
    try:
        status = _run_interruptible(app)
    except (KeyboardInterrupt, BrokenPipeError):
        raise
    except Exception as exc:  # raised by the app's machinery itself, not in a handler
        app.internal_error = app.internal_error or (exc, f"showing {app.file_name}")
    if app.internal_error is not None:
        from reader.failure import EXIT_INTERNAL, internal_error_line

        error, what = app.internal_error
        if not os.environ.get("READER_DEBUG"):  # else the app has shown the traceback
            err.write(internal_error_line(error, what) + "\n")
        return EXIT_INTERNAL
    if status in _SIGNAL_MESSAGES:
        with contextlib.suppress(OSError, ValueError):  # a hung-up terminal takes no message
            err.write(_SIGNAL_MESSAGES[status])
            err.flush()
    return status


# The app's exit statuses for the signals that close it (128 + the signal's number), and
# what is said then. Ctrl+C in the app gives the same status as SIGINT.
_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")
_SIGNAL_MESSAGES = {130: "reader: interrupted\n", 143: "reader: terminated\n", 129: "reader: hung up\n"}


class _Signalled(KeyboardInterrupt):
    """A signal that came before the app was running: ends the program with ``status``."""

    def __init__(self, status: int) -> None:
        super().__init__()
        self.status = status


# Seconds the app has to close after SIGTERM or SIGHUP before the process ends regardless: a
# terminal that has gone away (its window closed) can leave the last writes that would restore
# it waiting for ever.
SIGNAL_GRACE = 3.0


def _exit_after(seconds: float, status: int) -> None:
    import threading

    def end() -> None:
        os._exit(status)

    timer = threading.Timer(seconds, end)
    timer.daemon = True
    timer.start()


def _run_interruptible(app) -> int:
    """Run the app; SIGINT (kill -INT, or Ctrl+C where the terminal sends it), SIGTERM and
    SIGHUP close it the ordinary way, so the terminal is restored. The exit status:
    128 + the signal's number, else the app's own (0; 130 for Ctrl+C; 70 for an internal
    error)."""
    import asyncio
    import signal

    received: list[int] = []

    def on_signal(signum, frame):
        received.append(128 + signum)
        if signum != signal.SIGINT:
            _exit_after(SIGNAL_GRACE, 128 + signum)
        try:
            asyncio.get_running_loop().call_soon_threadsafe(app.exit)
        except RuntimeError:  # not running yet, or already stopped
            raise _Signalled(128 + signum) from None

    previous = {}
    try:
        for name in _SIGNALS:
            number = getattr(signal, name, None)
            # A signal ignored when reader started (nohup, a background job) stays ignored.
            if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
                previous[number] = signal.signal(number, on_signal)
    except ValueError:  # not the main thread
        app.run()
        return app.return_code or EXIT_OK
    try:
        app.run()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    if received:
        return received[0]
    return app.return_code or EXIT_OK


def _safe_streams(*streams) -> None:
    """Never fail on a character the terminal's encoding lacks: write an escape instead."""
    for s in streams:
        try:
            if s is not None and hasattr(s, "reconfigure") and s.errors == "strict":
                s.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass


class OutputError(Exception):
    """The output could not be written: a full disk, a closed standard output."""


class _Output:
    """Where the results go. An OSError while writing (no space left on the device) becomes an
    OutputError, told apart from a bug; a broken pipe stays a BrokenPipeError (the program that
    read the output has gone: not an error). A closed standard output is None."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def write(self, s: str) -> None:
        self._do("write", s)

    def flush(self) -> None:
        self._do("flush")

    def _do(self, name: str, *args) -> None:
        if self.stream is None:
            raise OutputError("standard output is closed")
        try:
            getattr(self.stream, name)(*args)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc.strerror or str(exc)) from None

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


class _Messages:
    """Standard error. A message that cannot be written (stderr closed, or full) is dropped:
    there is nowhere left to say so."""

    def __init__(self, stream) -> None:
        self.stream = stream

    def write(self, s: str) -> None:
        try:
            self.stream.write(s)
        except (OSError, ValueError, AttributeError):
            if self.stream is sys.stderr:
                _silence(sys.stderr)

    def flush(self) -> None:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            self.stream.flush()


def _silence(stream) -> None:
    """Point a standard stream whose writing failed at /dev/null, so that Python's own flush
    at exit neither fails again nor prints a second message."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _parse(parser: argparse.ArgumentParser, argv: list[str], out, err):
    """argparse, with --help/--version written to out and its exit turned into a status."""
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        return parser.parse_args(argv)


def _main(argv: list[str], out, err) -> int:
    if argv[:1] == ["--"]:
        argv = argv[1:]
        if len(argv) != 1:
            raise UsageError("reader: '--' must be followed by exactly one FILE to open")
        return _run_app([argv[0]], err)
    if not argv:
        build_parser().print_help(out)
        return EXIT_USAGE
    if argv[0] in COMMANDS or argv[0].startswith("-") and argv[0] != "-":
        args = _parse(build_parser(), argv, out, err)
        if args.command is None:
            build_parser().print_help(out)
            return EXIT_OK
        if args.command in ("index", "batch") or getattr(args, "library", None):
            from reader import library_commands

            if getattr(args, "library", None):
                if args.files:
                    raise UsageError(f"reader {args.command}: give FILE... or --library DIR, not both")
                return library_commands.run_library_query(args, out, err)
            if args.command == "batch" and not (args.inputs or args.paths_from):
                raise UsageError("reader batch: give a folder, a file or a glob, or --paths-from FILE")
            return getattr(library_commands, f"run_{args.command}")(args, out, err)
        if not args.files:
            raise UsageError(f"reader {args.command}: give at least one FILE (or --library DIR)")
        from reader.corpus import with_folders_expanded

        args.files = with_folders_expanded(args.files)
        return run_command(args, out, err)
    args = _parse(build_app_parser(), argv, out, err)
    return _run_app(args.files, err)


def main(argv: list[str] | None = None, out=None, err=None) -> int:
    """The one top-level error path: every outcome is an exit status, never a traceback."""
    argv = sys.argv[1:] if argv is None else list(argv)
    real_stdout = out is None
    if real_stdout:
        _safe_streams(sys.stdout, sys.stderr)
    out = _Output(sys.stdout if real_stdout else out)
    err = _Messages(sys.stderr if err is None else err)
    try:
        try:
            status = _main(argv, out, err)
        except SystemExit as exc:  # --help, --version
            status = exc.code if isinstance(exc.code, int) else (EXIT_OK if exc.code is None else EXIT_USAGE)
        out.flush()
        return status
    except UsageError as exc:
        err.write(f"{exc}\n(see 'reader --help')\n")
        return EXIT_USAGE
    except KeyboardInterrupt as exc:
        status = getattr(exc, "status", EXIT_INTERRUPTED)
        err.write(_SIGNAL_MESSAGES.get(status, "reader: interrupted\n"))
        return status
    except BrokenPipeError:
        # The reader of our output went away (reader quotes ... | head): not an error.
        if real_stdout:
            _silence(sys.stdout)
        return EXIT_OK
    except OutputError as exc:
        if real_stdout:
            _silence(sys.stdout)
        err.write(f"reader: cannot write the output: {exc}\n")
        return EXIT_INPUT
    except Exception as exc:  # a bug anywhere else
        doing = f"running 'reader {argv[0]}'" if argv[:1] and argv[0] in COMMANDS else "running reader"
        return _internal_error(None, exc, err, doing)
