"""The command line: ``reader FILE`` opens the app; ``quotes``, ``speakers``, ``outline`` print.

Exit status: 0 success, 1 a file could not be read, 2 a usage error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys

from reader import __version__
from reader.document import load_document
from reader.model import MENTION, Document
from reader.search import search_quotes, speakers_matching
from reader.textio import InputError

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
FORMATS = ("text", "jsonl", "json", "csv", "markdown")
COMMANDS = ("quotes", "speakers", "outline")

# Control characters are made visible in text output: C0 as the Unicode "control picture"
# (ESC -> ␛), DEL as ␡, C1 and bidi/zero-width formatting characters as \\u escapes.
_VISIBLE = {c: chr(0x2400 + c) for c in range(32) if c not in (9, 10)}
_VISIBLE[0x7F] = "\u2421"
_VISIBLE.update({c: f"\\u{c:04x}" for c in range(0x80, 0xA0)})
_VISIBLE.update({c: f"\\u{c:04x}" for c in (0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C,
                                           0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF)})


def visible(s: str) -> str:
    """Text safe to print to a terminal: no control or direction-changing characters."""
    return s.translate(_VISIBLE)


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        raise UsageError(f"{self.prog}: {message}")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="text or Markdown file; - reads standard input")
    p.add_argument("--format", "-f", choices=FORMATS, default="text", help="output format (default: text)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader",
        description="A terminal reader for news articles and prose that knows who said what.\n\n"
        "  reader FILE                 open FILE in the reading app\n"
        "  reader quotes FILE...       print every quotation with its speaker\n"
        "  reader speakers FILE...     print the speakers and how often each is quoted\n"
        "  reader outline FILE...      print the title, dateline and section tree",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Exit status: 0 success, 1 a file could not be read, 2 usage error, 130 interrupted.",
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
    return parser


def build_app_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="reader", description="Open FILE in the reading app.")
    p.add_argument("file", metavar="FILE", help="text or Markdown file; - reads standard input")
    return p


# ---------------------------------------------------------------------------------------
# Records


def quote_records(path: str, doc: Document, args) -> list[dict]:
    pool = [q for q in doc.quotes if args.all or q.kind != MENTION]
    if args.speaker:
        wanted = {s.index for s in speakers_matching(doc, args.speaker)}
        pool = [q for q in pool if q.speaker in wanted]
    if args.search:
        keep = {h.quote.index for h in search_quotes(doc, args.search, pool)}
        pool = [q for q in pool if q.index in keep]
    out = []
    for q in pool:
        spk = doc.speaker_of(q)
        sec = doc.section_of_paragraph(q.paragraph)
        out.append({
            "file": path, "start": q.start, "end": q.end, "text": q.text,
            "speaker": spk.name if spk else None, "kind": q.kind, "cue": q.cue,
            "section": sec.title, "paragraph": q.paragraph, "group": q.group,
        })
    return out


def speaker_records(path: str, doc: Document) -> list[dict]:
    return [
        {"file": path, "speaker": s.name, "kind": s.kind, "quotes": s.quote_count, "mentions": list(s.mentions)}
        for s in sorted(doc.speakers, key=lambda s: (-s.quote_count, s.index))
    ]


def outline_record(path: str, doc: Document) -> dict:
    quote_counts = [0] * len(doc.sections)
    for q in doc.quotes:
        if q.kind != MENTION:
            quote_counts[doc.paragraphs[q.paragraph].section] += 1
    nodes = [
        {"title": s.title, "level": s.level, "paragraphs": s.paragraph_count, "quotes": quote_counts[s.index],
         "sections": []}
        for s in doc.sections
    ]
    roots = []
    for s, node in zip(doc.sections, nodes):
        (nodes[s.parent]["sections"] if s.parent is not None else roots).append(node)
    block = lambda b: b.text if b else None  # noqa: E731
    return {"file": path, "kicker": block(doc.kicker), "title": block(doc.title),
            "standfirst": block(doc.standfirst), "dateline": block(doc.dateline), "sections": roots}


# ---------------------------------------------------------------------------------------
# Output


def _write_csv(out, rows: list[dict], columns: list[str], header: bool) -> None:
    w = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    if header:
        w.writeheader()
    for r in rows:
        w.writerow({k: ("; ".join(v) if isinstance(v, list) else v) for k, v in r.items()})


def _md(s) -> str:
    return visible(str(s if s is not None else "")).replace("|", "\\|").replace("\n", " ")


def _print_quotes(out, rows: list[dict], fmt: str, first: bool) -> None:
    if fmt == "text":
        for r in rows:
            who = r["speaker"] or "(unknown speaker)"
            cue = f" ({r['cue']})" if r["cue"] else ""
            kind = "" if r["kind"] == "speech" else f" [{r['kind']}]"
            out.write(f"{visible(r['file'])}:{r['start']}  {visible(who)}{visible(cue)}{kind}\n")
            body = " ".join(r["text"].split())
            out.write(f"    “{visible(body)}”\n")
    elif fmt == "csv":
        _write_csv(out, rows, ["file", "start", "end", "speaker", "kind", "cue", "section", "paragraph", "text"], first)
    elif fmt == "markdown":
        if first:
            out.write("| file | speaker | kind | cue | quote |\n|---|---|---|---|---|\n")
        for r in rows:
            out.write(f"| {_md(r['file'])} | {_md(r['speaker'] or '')} | {r['kind']} | {_md(r['cue'] or '')} | "
                      f"{_md(r['text'])} |\n")


def _print_speakers(out, rows: list[dict], fmt: str, first: bool) -> None:
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
            out.write(f"| {_md(r['file'])} | {_md(r['speaker'])} | {r['quotes']} | {_md('; '.join(r['mentions']))} |\n")


def _print_outline(out, rec: dict, fmt: str, first: bool) -> None:
    if fmt == "text" or fmt == "markdown":
        md = fmt == "markdown"
        for key in ("kicker", "title", "standfirst", "dateline"):
            if rec[key]:
                out.write(f"{'- **' if md else ''}{key}{':**' if md else ':'} {visible(rec[key])}\n")

        def walk(nodes, depth):
            for n in nodes:
                pad = "  " * depth
                line = f"{visible(n['title'])}  ({n['paragraphs']} paragraphs, {n['quotes']} quotes)"
                out.write(f"{pad}- {line}\n" if md else f"{pad}{line}\n")
                walk(n["sections"], depth + 1)

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


def run_command(args, out, err) -> int:
    fmt = args.format
    status = EXIT_OK
    many = len(args.files) > 1
    first = True
    collected: list = []
    for path in args.files:
        try:
            doc = load_document(path)
        except InputError as exc:
            err.write(f"reader: {visible(str(exc))}\n")
            status = EXIT_INPUT
            continue
        for w in doc.warnings:
            err.write(f"reader: warning: {visible(w)}\n")
        name = "-" if path == "-" else path
        if args.command == "quotes":
            rows = quote_records(name, doc, args)
            if fmt == "jsonl":
                for r in rows:
                    out.write(json.dumps(r, ensure_ascii=False) + "\n")
            elif fmt == "json":
                collected.extend(rows)
            else:
                _print_quotes(out, rows, fmt, first)
        elif args.command == "speakers":
            rows = speaker_records(name, doc)
            if fmt == "jsonl":
                for r in rows:
                    out.write(json.dumps(r, ensure_ascii=False) + "\n")
            elif fmt == "json":
                collected.extend(rows)
            else:
                if many and fmt == "text":
                    out.write(f"{visible(name)}\n")
                _print_speakers(out, rows, fmt, first)
        else:
            rec = outline_record(name, doc)
            if fmt == "jsonl":
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            elif fmt == "json":
                collected.append({k: v for k, v in rec.items() if k != "file" or many})
            else:
                if many and fmt != "csv":
                    out.write(f"{'## ' if fmt == 'markdown' else '== '}{visible(name)}\n")
                _print_outline(out, rec, fmt, first)
        first = False
    if fmt == "json":
        if args.command == "outline" and len(collected) == 1 and not many:
            out.write(json.dumps(collected[0], ensure_ascii=False, indent=2) + "\n")
        elif collected or status == EXIT_OK:
            out.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
    return status


def _run_app(path: str, err) -> int:
    try:
        doc = load_document(path)
    except InputError as exc:
        err.write(f"reader: {visible(str(exc))}\n")
        return EXIT_INPUT
    for w in doc.warnings:
        err.write(f"reader: warning: {visible(w)}\n")
    if path == "-":
        # The app reads keys from the terminal, not from the pipe that held the article.
        try:
            tty = open("/dev/tty")
            os.dup2(tty.fileno(), 0)
        except OSError:
            err.write("reader: the app needs a terminal; use 'reader quotes -' to read standard input\n")
            return EXIT_INPUT
    from reader.app import ReaderApp  # Textual is imported only when the app runs

    ReaderApp(doc, path=path).run()
    return EXIT_OK


def main(argv: list[str] | None = None, out=None, err=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        if argv and argv[0] in COMMANDS or not argv or argv[0].startswith("-") and argv[0] != "-":
            args = build_parser().parse_args(argv)
            if args.command is None:
                build_parser().print_help(out)
                return EXIT_USAGE if not argv else EXIT_OK
            return run_command(args, out, err)
        args = build_app_parser().parse_args(argv)
        return _run_app(args.file, err)
    except UsageError as exc:
        err.write(f"{exc}\n(see 'reader --help')\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        err.write("reader: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (reader quotes ... | head): not an error.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        return EXIT_OK
