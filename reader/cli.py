"""The command line: ``reader FILE`` opens the app; ``quotes``, ``speakers``, ``outline`` print.

Exit status:

    0    success
    1    a file could not be read, or the output could not be written
    2    a usage error
    70   an internal error (a bug): one line on stderr names what failed and the report
         written under the user's state directory; READER_DEBUG=1 shows the traceback instead
    129  hangup (SIGHUP)
    130  interrupted (SIGINT, ctrl+c)
    143  terminated (SIGTERM)

A file that could not be read does not stop the others; the status is the worst outcome (an
internal error over a file that could not be read). A broken pipe (``reader quotes F | head``)
is not an error.

Everything printed comes from the file, so nothing in it may act on the terminal or on a
program that reads the output: in ``text`` and ``markdown`` output control, zero-width
and direction-changing characters are made visible (ESC -> ␛, U+202E -> \\u202e); in
``json``/``jsonl`` they are written as ``\\uXXXX`` escapes (lossless); in ``csv`` they
are made visible and a cell that starts like a spreadsheet formula (``=``, ``+``, ``-``,
``@``) gets a leading ``'``. A file name is shown on one line wherever it is printed as text
(output and messages: a newline in it is ␊); json and jsonl keep the real name.

Records are written as they are made, file after file: a text of a million quotations is
never held as a million records at once.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import itertools
import json
import os
import sys

from reader import __version__
from reader.safe_text import UNSAFE_FROM_DEL, escaped, escaped_line, shown_in_place

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
FORMATS = ("text", "jsonl", "json", "csv", "markdown")
COMMANDS = ("quotes", "speakers", "outline", "text")


def visible(s: str) -> str:
    """Text safe to print to a terminal: no control or direction-changing characters."""
    return escaped(s)


def to_json(obj, indent: int | None = None) -> str:
    """JSON with every control, format and bidi character escaped as \\uXXXX (lossless)."""
    return _escape_unsafe(json.dumps(obj, ensure_ascii=False, indent=indent))


_LINE_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def to_json_lines(rows: list[dict]) -> str:
    """One JSON object a line, escaped as to_json escapes them; encoded in one pass."""
    if not rows:
        return ""
    return _escape_unsafe("\n".join(map(_LINE_ENCODER.encode, rows)) + "\n")


def _escape_unsafe(text: str) -> str:
    return UNSAFE_FROM_DEL.sub(lambda m: "".join(f"\\u{u:04x}" for u in _utf16(m.group())), text)


def _utf16(c: str) -> list[int]:
    o = ord(c)
    if o < 0x10000:
        return [o]
    o -= 0x10000
    return [0xD800 + (o >> 10), 0xDC00 + (o & 0x3FF)]


def _name(path: str) -> str:
    """A file name as text, markdown and csv output and messages show it: on one line."""
    return escaped_line(path)


def _csv_cell(v):
    if not isinstance(v, str):
        return v
    v = visible(v)
    if v[:1] in ("=", "+", "-", "@"):
        v = "'" + v  # never a spreadsheet formula
    return v


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        raise UsageError(f"{self.prog}: {escaped_line(message)}")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="a text, Markdown, HTML or EPUB file, or an http(s) address; - reads standard input")
    p.add_argument("--format", "-f", choices=FORMATS, default="text", help="output format (default: text)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader",
        description="A terminal reader for news articles and prose that knows who said what.\n\n"
        "  reader FILE                 open FILE in the reading app\n"
        "  reader quotes FILE...       print every quotation with its speaker\n"
        "  reader speakers FILE...     print the speakers and how often each is quoted\n"
        "  reader outline FILE...      print the title, dateline and section tree\n"
        "  reader text FILE...         print the text as read (a web page's or a book's extracted)\n\n"
        "FILE is a text, Markdown, HTML or EPUB file, or an http(s) address.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit status:\n"
        "  0    success\n"
        "  1    a file could not be read, or the output could not be written\n"
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
    _common(q)
    q.add_argument("--speaker", "-s", metavar="NAME",
                   help="only quotations by this speaker (any of their names; small misspellings tolerated)")
    q.add_argument("--search", metavar="TEXT", help="only quotations whose words match TEXT")
    q.add_argument("--all", "-a", action="store_true",
                   help="include mentions (titles, nicknames, scare quotes), not only speech and partial quotes")

    s = sub.add_parser("speakers", help="print each speaker with quote count and mentions",
                       description="Print each speaker, how many quotations are theirs, and the mentions that named them.")
    _common(s)

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
    t.add_argument("files", nargs="+", metavar="FILE",
                   help="a text, Markdown, HTML or EPUB file, or an http(s) address; - reads standard input")
    t.add_argument("--format", "-f", choices=("text", "jsonl", "json"), default="text",
                   help="output format (default: text)")
    return parser


def build_app_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="reader", description="Open FILE in the reading app.")
    p.add_argument("file", metavar="FILE",
                   help="a text, Markdown, HTML or EPUB file, or an http(s) address; - reads standard input")
    return p


# ---------------------------------------------------------------------------------------
# Records


def quote_records(path: str, doc, args):
    """The quotations to print, one record at a time."""
    from reader.model import MENTION
    from reader.search import search_quotes, speakers_matching

    pool = [q for q in doc.quotes if args.all or q.kind != MENTION]
    if args.speaker:
        wanted = {s.index for s in speakers_matching(doc, args.speaker)}
        pool = [q for q in pool if q.speaker in wanted]
    if args.search:
        keep = {h.quote.index for h in search_quotes(doc, args.search, pool)}
        pool = [q for q in pool if q.index in keep]
    for q in pool:
        spk = doc.speaker_of(q)
        sec = doc.section_of_paragraph(q.paragraph)
        yield {
            "file": path, "start": q.start, "end": q.end, "text": q.text,
            "speaker": spk.name if spk else None, "kind": q.kind, "cue": q.cue,
            "mention": q.mention, "mention_start": q.mention_start, "mention_end": q.mention_end,
            "section": sec.title, "paragraph": q.paragraph, "group": q.group,
        }


def speaker_records(path: str, doc):
    """The speakers, most quoted first, one record at a time."""
    for s in sorted(doc.speakers, key=lambda s: (-s.quote_count, s.index)):
        yield {"file": path, "speaker": s.name, "kind": s.kind, "quotes": s.quote_count, "mentions": list(s.mentions)}


def outline_record(path: str, doc) -> dict:
    """The outline: the parts above the text and the tree of sections that have a heading.

    The text before the first heading (which the app lists under the title) is not a section
    heading: its counts are the ``opening``, or None when the text starts with a heading.
    """
    counts = doc.section_counts()
    nodes = {
        s.index: {"title": s.title, "level": s.level, "paragraphs": counts[s.index][0],
                  "quotes": counts[s.index][1], "sections": []}
        for s in doc.sections
        if s.heading is not None
    }
    roots = []
    for s in doc.sections:
        if s.index in nodes:
            (nodes[s.parent]["sections"] if s.parent in nodes else roots).append(nodes[s.index])
    opening = next((counts[s.index] for s in doc.sections if s.heading is None), None)
    block = lambda b: b.text if b else None  # noqa: E731
    record = {"file": path, "kicker": block(doc.kicker), "title": block(doc.title),
              "standfirst": block(doc.standfirst), "dateline": block(doc.dateline), "sections": roots,
              "opening": None if opening is None else {"paragraphs": opening[0], "quotes": opening[1]}}
    if not doc.origin.as_read:  # a text file read as it is, in UTF-8: nothing more to say
        record.update(source=source_record(doc), byline=doc.byline, date=doc.date)
    return record


def source_record(doc) -> dict:
    """Where a document's text came from: the file or the address, its format, whether the
    text was extracted from markup, and the encoding it was decoded from."""
    o = doc.origin
    return {"format": o.format, "file": o.file, "url": o.url, "extracted": o.extracted, "encoding": o.encoding}


# ---------------------------------------------------------------------------------------
# Output


def _write_csv(out, rows, columns: list[str], header: bool) -> None:
    w = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    if header:
        w.writeheader()
    for r in rows:
        w.writerow({k: _csv_cell(_name(v) if k == "file" else "; ".join(v) if isinstance(v, list) else v)
                    for k, v in r.items()})


def _md(s) -> str:
    return visible(str(s if s is not None else "")).replace("|", "\\|").replace("\n", " ")


def _print_quotes(out, rows, fmt: str, first: bool) -> None:
    if fmt == "text":
        for r in rows:
            who = r["speaker"] or "(unknown speaker)"
            cue = f" ({r['cue']})" if r["cue"] else ""
            kind = "" if r["kind"] == "speech" else f" [{r['kind']}]"
            out.write(f"{_name(r['file'])}:{r['start']}  {visible(who)}{visible(cue)}{kind}\n")
            body = " ".join(r["text"].split())
            out.write(f"    “{visible(body)}”\n")
    elif fmt == "csv":
        _write_csv(out, rows, ["file", "start", "end", "speaker", "kind", "cue", "section", "paragraph", "text"], first)
    elif fmt == "markdown":
        if first:
            out.write("| file | speaker | kind | cue | quote |\n|---|---|---|---|---|\n")
        for r in rows:
            out.write(f"| {_md(_name(r['file']))} | {_md(r['speaker'] or '')} | {r['kind']} | {_md(r['cue'] or '')} | "
                      f"{_md(r['text'])} |\n")


def _print_speakers(out, rows, fmt: str, first: bool) -> None:
    if fmt == "text":
        for r in rows:
            mentions = ", ".join(m for m in r["mentions"] if m != r["speaker"])
            extra = f"  ({visible(mentions)})" if mentions else ""
            out.write(f"{r['quotes']:5d}  {visible(r['speaker'])}{extra}\n")
    elif fmt == "csv":
        _write_csv(out, rows, ["file", "speaker", "kind", "quotes", "mentions"], first)
    elif fmt == "markdown":
        if first:
            out.write("| file | speaker | quotes | mentions |\n|---|---|---|---|\n")
        for r in rows:
            out.write(f"| {_md(_name(r['file']))} | {_md(r['speaker'])} | {r['quotes']} | "
                      f"{_md('; '.join(r['mentions']))} |\n")


def _print_outline(out, rec: dict, fmt: str, first: bool) -> None:
    if fmt == "text" or fmt == "markdown":
        md = fmt == "markdown"
        for key in ("source", "kicker", "title", "byline", "date", "standfirst", "dateline"):
            value = rec.get(key)
            if key == "source" and value:
                value = _source_line(value)
            if value:
                value = _md(value) if md else visible(value)
                out.write(f"{'- **' if md else ''}{key}{':**' if md else ':'} {value}\n")

        def counted(paragraphs: int, quotes: int) -> str:
            return (f"{paragraphs} paragraph{'' if paragraphs == 1 else 's'}, "
                    f"{quotes} quote{'' if quotes == 1 else 's'}")

        def walk(nodes, depth):
            for n in nodes:
                pad = "  " * depth
                title = _md(n["title"]) if md else visible(n["title"])
                line = f"{title}  ({counted(n['paragraphs'], n['quotes'])})"
                out.write(f"{pad}- {line}\n" if md else f"{pad}{line}\n")
                walk(n["sections"], depth + 1)

        if rec["opening"] is not None:
            o = rec["opening"]
            out.write(f"{'- **opening:**' if md else 'opening:'} {counted(o['paragraphs'], o['quotes'])}\n")
        if rec["sections"]:
            out.write("sections:\n" if not md else "- **sections:**\n")
            walk(rec["sections"], 1)
    elif fmt == "csv":
        rows = []

        def flat(nodes, parent):
            for n in nodes:
                rows.append({"file": rec["file"], "title": n["title"], "level": n["level"],
                             "paragraphs": n["paragraphs"], "quotes": n["quotes"], "parent": parent})
                flat(n["sections"], n["title"])

        flat(rec["sections"], None)
        _write_csv(out, rows, ["file", "title", "level", "paragraphs", "quotes", "parent"], first)


def _source_line(source: dict) -> str:
    """``source`` of the text outline: ``html, extracted from https://… (utf-8)``."""
    where = source["url"] or ("standard input" if source["file"] == "-" else _name(source["file"] or ""))
    how = f"{source['format']}, extracted from {where}" if source["extracted"] else f"{source['format']}, {where}"
    return f"{how} ({source['encoding']})" if source["encoding"] else how


class _Printer:
    """Writes each file's records in one format as they are made: a text of a million
    quotations is never held as a million records, nor as one string of them."""

    def __init__(self, out, command: str, fmt: str, many: bool) -> None:
        self.out, self.command, self.fmt, self.many = out, command, fmt, many
        self.first = True  # the csv header and the markdown table head come once
        self.items = 0  # objects written into the json array so far

    def document(self, path: str, doc, args) -> None:
        out, fmt = self.out, self.fmt
        if self.command == "text":
            if fmt == "text":
                if self.many:
                    out.write(f"{'' if self.first else chr(10)}== {_name(path)}\n")
                out.write(shown_in_place(doc.text))
                if doc.text and not doc.text.endswith("\n"):
                    out.write("\n")
            else:
                rec = {"file": path, "source": source_record(doc), "text": doc.text}
                if fmt == "jsonl":
                    out.write(to_json(rec) + "\n")
                elif self.many:
                    self._json_item(rec)
                else:
                    out.write(to_json({k: v for k, v in rec.items() if k != "file"}, indent=2) + "\n")
        elif self.command == "outline":
            rec = outline_record(path, doc)
            if fmt == "jsonl":
                out.write(to_json(rec) + "\n")
            elif fmt == "json" and self.many:
                self._json_item(rec)
            elif fmt == "json":  # one file: one object, without its file
                out.write(to_json({k: v for k, v in rec.items() if k != "file"}, indent=2) + "\n")
            else:
                if self.many and fmt != "csv":
                    out.write(f"{'## ' if fmt == 'markdown' else '== '}{_name(path)}\n")
                _print_outline(out, rec, fmt, self.first)
        else:
            rows = quote_records(path, doc, args) if self.command == "quotes" else speaker_records(path, doc)
            if fmt == "jsonl":
                while batch := list(itertools.islice(rows, 1000)):
                    out.write(to_json_lines(batch))
            elif fmt == "json":
                for r in rows:
                    self._json_item(r)
            elif self.command == "quotes":
                _print_quotes(out, rows, fmt, self.first)
            else:
                if self.many and fmt == "text":
                    out.write(f"{_name(path)}\n")
                _print_speakers(out, rows, fmt, self.first)
        self.first = False

    def _json_item(self, obj) -> None:
        """One element of the json array, laid out as json.dumps(array, indent=2) lays it out."""
        self.out.write(("[\n  " if not self.items else ",\n  ") + to_json(obj, indent=2).replace("\n", "\n  "))
        self.items += 1

    def finish(self, ok: bool) -> None:
        if self.fmt == "json" and (self.command not in ("outline", "text") or self.many):
            if self.items:
                self.out.write("\n]\n")
            elif ok:
                self.out.write("[]\n")


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
    """Print each file's records as soon as it is analysed. The exit status is the worst
    outcome, and the statuses are ordered so: EXIT_OK < EXIT_INPUT < EXIT_INTERNAL."""
    printer = _Printer(out, args.command, args.format, many=len(args.files) > 1)
    status = EXIT_OK
    for path in args.files:
        source, outcome = _read_checked(path, err)
        doc = None
        if source is not None and args.command == "text":
            doc = source  # the text as read: nothing to analyse
        elif source is not None:
            doc, outcome = _analyse_checked(path, source, err)
        status = max(status, outcome)
        if doc is None:
            continue
        try:
            printer.document(path, doc, args)
        except (BrokenPipeError, OutputError):
            raise
        except Exception as exc:  # a bug in a writer
            status = max(status, _internal_error(path, exc, err, f"printing the {args.command} of"))
    printer.finish(ok=status == EXIT_OK)
    return status


def _run_app(path: str, err) -> int:
    source, status = _read_checked(path, err)
    if source is None:
        return status
    doc = None
    if len(source.text) <= APP_ANALYSE_LATER:
        doc, status = _analyse_checked(path, source, err)
        if doc is None:
            return status
    if path == "-":
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
    app = ReaderApp(doc, path=path, load=None if doc is not None else source.analyse)
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
        return _run_app(argv[0], err)
    if not argv:
        build_parser().print_help(out)
        return EXIT_USAGE
    if argv[0] in COMMANDS or argv[0].startswith("-") and argv[0] != "-":
        args = _parse(build_parser(), argv, out, err)
        if args.command is None:
            build_parser().print_help(out)
            return EXIT_OK
        return run_command(args, out, err)
    args = _parse(build_app_parser(), argv, out, err)
    return _run_app(args.file, err)


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
