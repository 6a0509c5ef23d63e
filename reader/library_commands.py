"""The commands over many articles: ``reader index``, ``reader quotes|speakers --library`` and
``reader batch``. Each prints what it found as ``reader.output`` prints one article's, and says
what went wrong in one line each."""

from __future__ import annotations

import os

from reader.safe_text import escaped_line

EXIT_OK, EXIT_INPUT = 0, 1


class _Status:
    """A progress line on a terminal, rewritten in place; nothing when stderr is not a terminal."""

    def __init__(self, err, quiet: bool = False) -> None:
        self.err = err
        stream = getattr(err, "stream", err)
        try:
            self.live = not quiet and stream.isatty()
        except (AttributeError, ValueError, OSError):
            self.live = False
        self.width = 0

    def show(self, text: str) -> None:
        if self.live:
            text = text[:79]
            self.err.write("\r" + text + " " * max(0, self.width - len(text)))
            self.err.flush()
            self.width = len(text)

    def clear(self) -> None:
        if self.live and self.width:
            self.err.write("\r" + " " * self.width + "\r")
            self.err.flush()
            self.width = 0


def _open_library(roots: list[str], err):
    """The library of ``roots``, brought up to date (with a progress line on a terminal);
    None after one line when it cannot be used."""
    from reader.library import Library, LibraryError, iter_progress_line

    status = _Status(err)
    try:
        lib = Library(roots, notice=lambda line: err.write(f"reader: {escaped_line(line)}\n"))
        lib.update(jobs=_default_jobs(), progress=lambda p: status.show(iter_progress_line(p)))
    except LibraryError as exc:
        status.clear()
        err.write(f"reader: {escaped_line(str(exc))}\n")
        return None
    status.clear()
    return lib


def _default_jobs() -> int:
    from reader.parallel import cores

    return cores()


def _missing(roots: list[str], err) -> bool:
    """Say so of each root that does not exist; whether any did not."""
    gone = [r for r in roots if not os.path.exists(r)]
    for r in gone:
        err.write(f"reader: {escaped_line(r)}: no such file or folder\n")
    return bool(gone)


def run_index(args, out, err) -> int:
    """``reader index DIR...``: build or update the library's index; one line of what was done."""
    from reader.library import Library, LibraryError, iter_progress_line

    if _missing(args.roots, err):
        return EXIT_INPUT
    status = _Status(err, quiet=args.quiet)
    try:
        with Library(args.roots, notice=lambda line: err.write(f"reader: {escaped_line(line)}\n")) as lib:
            done = lib.update(jobs=args.jobs or _default_jobs(),
                              progress=lambda p: status.show(iter_progress_line(p)))
            status.clear()
            failed = [a for a in lib.articles() if a.error]
            path = lib.path
    except LibraryError as exc:
        status.clear()
        err.write(f"reader: {escaped_line(str(exc))}\n")
        return EXIT_INPUT
    for a in failed:
        err.write(f"reader: {escaped_line(a.error)}\n")
    parts = [f"{done.analysed:,} analysed"]
    if done.touched:
        parts.append(f"{done.touched:,} touched but unchanged")
    if done.removed:
        parts.append(f"{done.removed:,} removed")
    if failed:
        parts.append(f"{len(failed):,} could not be read")
    if not args.quiet:
        out.write(f"{done.files:,} files in the library ({', '.join(parts)}) in {done.seconds:.2f} s; "
                  f"index: {escaped_line(str(path))}\n")
    return EXIT_INPUT if failed else EXIT_OK


def run_library_query(args, out, err) -> int:
    """``reader quotes --library DIR...`` and ``reader speakers --library DIR...``."""
    from reader.output import WRITERS

    if _missing(args.library, err):
        return EXIT_INPUT
    lib = _open_library(args.library, err)
    if lib is None:
        return EXIT_INPUT
    with lib:
        writer = WRITERS[args.format](out, many=True)
        if args.command == "speakers":
            people = lib.guarded(lib.people)
            writer.write("people", "", ({"speaker": p.name, "kind": p.kind, "quotes": p.quotes,
                                         "articles": p.articles, "names": list(p.names)} for p in people))
            writer.finish("people", ok=True)
            return EXIT_OK
        found = lib.guarded(lambda: lib.quotes(speaker=args.speaker, search=args.search, include_mentions=args.all))
        if args.speaker and not lib.guarded(lambda: lib.people_matching(args.speaker)):
            err.write(f"reader: no speaker in the library matches '{escaped_line(args.speaker)}'\n")
            writer.finish("quotes", ok=False)
            return EXIT_INPUT
        by_file: dict[str, list[dict]] = {}
        for entry in found:
            by_file.setdefault(entry.record["file"], []).append(entry.record)
        for path, records in by_file.items():
            writer.write("quotes", path, iter(records))
        writer.finish("quotes", ok=True)
    return EXIT_OK


def run_batch(args, out, err) -> int:
    """``reader batch``: the engine over a corpus on a Dask cluster."""
    from reader.batch import BatchError, run
    from reader.corpus import corpus_files

    paths, problems = corpus_files(args.inputs, args.paths_from or ())
    for p in problems:
        err.write(f"reader: {escaped_line(p)}\n")
    if not paths:
        err.write("reader: no files to analyse\n")
        return EXIT_INPUT
    status = _Status(err, quiet=args.quiet)

    def progress(done: int, total: int, read: int, seconds: float) -> None:
        rate = read / 1e6 / seconds if seconds > 0 else 0.0
        status.show(f"batch: {done:,}/{total:,} files, {read / 1e6:.1f} MB, {rate:.1f} MB/s")

    try:
        summary = run(paths, args.out, scheduler=args.scheduler, workers=args.workers, fmt=args.format,
                      max_files=args.partition, progress=progress)
    except BatchError as exc:
        status.clear()
        err.write(f"reader: {escaped_line(str(exc))}\n")
        return EXIT_INPUT
    status.clear()
    if not args.quiet:
        out.write(f"{escaped_line(summary.line)}; output in {escaped_line(args.out)}\n")
    return EXIT_INPUT if summary.failed or problems else EXIT_OK

