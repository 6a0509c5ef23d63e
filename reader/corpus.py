"""Which files make a corpus: folders walked, globs expanded, lists of paths read."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable

# Files a folder is searched for; a file named on the command line is read whatever its name.
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".xhtml", ".epub")


def folder_articles(folder: str) -> list[str]:
    """Every article file under ``folder`` (recursively; hidden files and folders skipped,
    links to folders not followed), as paths joined to ``folder``: each folder's files in
    sorted order, then its subfolders' in sorted order."""
    found: list[str] = []
    for parent, dirs, files in os.walk(folder, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(parent, name) for name in sorted(files)
                     if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES))
    return found


def with_folders_expanded(paths: Iterable[str]) -> list[str]:
    """The files named, in their order, each folder among them replaced by its article files
    (folder_articles); a folder that holds none stays in its place, to be reported there."""
    files: list[str] = []
    for path in paths:
        inside = folder_articles(path) if path != "-" and os.path.isdir(path) else None
        files.extend(inside or [path])
    return files


def no_articles(folder: str | None) -> str:
    """What is said of a folder without article files (None: of several)."""
    kinds = ", ".join(ARTICLE_SUFFIXES)
    if folder is None:
        return f"no article files in these folders ({kinds})"
    return f"{folder}: no article files in the folder ({kinds})"


def article_files(roots: Iterable[str]) -> tuple[list[str], list[str]]:
    """The files of a library: every article file under each folder (recursively; hidden
    files and folders skipped, links to folders not followed) and each file named. Returns the
    real paths, sorted and without repeats, and one-line problems (a name that does not exist)."""
    found: set[str] = set()
    problems: list[str] = []
    for root in roots:
        if os.path.isdir(root):
            found.update(os.path.realpath(path) for path in folder_articles(root))
        elif os.path.exists(root):
            found.add(os.path.realpath(root))
        else:
            problems.append(f"{root}: no such file or folder")
    return sorted(found), problems


def has_article_files(roots: Iterable[str]) -> bool:
    """Whether the library of ``roots`` holds any article: a file named, or one found in a
    folder as article_files finds them (the walk stops at the first)."""
    for root in roots:
        if not os.path.isdir(root):
            if os.path.exists(root):
                return True
            continue
        for _folder, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            if any(not n.startswith(".") and n.lower().endswith(ARTICLE_SUFFIXES) for n in files):
                return True
    return False


def corpus_files(inputs: Iterable[str], lists: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """The files of a corpus: each input a folder, a file, or a glob pattern (``news/**/*.txt``,
    quoted so that the shell leaves it alone), and each of ``lists`` a file naming one path a
    line (blank lines and lines starting with # skipped). As article_files returns them."""
    roots: list[str] = []
    problems: list[str] = []
    for item in inputs:
        if not os.path.exists(item) and glob.has_magic(item):
            matched = sorted(glob.glob(item, recursive=True))
            if not matched:
                problems.append(f"{item}: no file matches")
            roots.extend(matched)
        else:
            roots.append(item)
    for listing in lists:
        try:
            with open(listing, encoding="utf-8", errors="surrogateescape") as f:
                base = os.path.dirname(os.path.abspath(listing))
                for line in f:
                    line = line.rstrip("\n")
                    if line.strip() and not line.lstrip().startswith("#"):
                        roots.append(os.path.join(base, line))  # relative to the list's folder
        except OSError as exc:
            problems.append(f"{listing}: {exc.strerror or exc}")
    found, missing = article_files(roots)
    return found, problems + missing
