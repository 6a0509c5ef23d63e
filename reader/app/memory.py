"""Where you were in each file, and the theme you chose: kept under the user's state directory.

``$XDG_STATE_HOME/reader`` (or the platform's equivalent, through ``platformdirs``) holds
``places.json`` and ``settings.json``; nothing is ever written next to the files read.

A place is found again by what the file holds, not only by its name: each place is kept
with the digest of the text, the file's absolute path, the offset of the text at the top of
the view and the words there. The same text under any name (a moved or copied file) goes to
the same offset; a file edited in place goes to where those words now are, and starts at
the top when they are gone. A memory that cannot be read or written is no memory: never an
error.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

MAX_PLACES = 500  # the places of the files read most recently
CONTEXT = 60  # characters kept of the text at the place


def state_dir() -> Path:
    from platformdirs import user_state_path

    return user_state_path("reader", appauthor=False)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _load(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _save(path: Path, data: dict) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
        return True
    except (OSError, ValueError):
        return False


def _real_path(path: str | None) -> str | None:
    if not path or path == "-":
        return None
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError, ValueError):
        return None


class Memory:
    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder

    @property
    def folder(self) -> Path | None:
        if self._folder is None:
            try:
                self._folder = state_dir()
            except Exception:  # no home, no platformdirs: no memory
                return None
        return self._folder

    def _file(self, name: str) -> Path | None:
        folder = self.folder
        return None if folder is None else folder / name

    # ------------------------------------------------------------------ places

    def place(self, path: str | None, text: str) -> int:
        """The offset to reopen ``text`` (read from ``path``) at; 0 for the top."""
        file = self._file("places.json")
        if file is None:
            return 0
        places = _load(file).get("places", [])
        if not isinstance(places, list):
            return 0
        key = digest(text)
        real = _real_path(path)
        same_text = [p for p in places if isinstance(p, dict) and p.get("digest") == key]
        same_path = [p for p in places if isinstance(p, dict) and real is not None and p.get("path") == real]
        for entry in same_text + same_path:
            offset = _found(text, entry)
            if offset is not None:
                return offset
        return 0

    def remember(self, path: str | None, text: str, offset: int) -> None:
        file = self._file("places.json")
        if file is None:
            return
        places = _load(file).get("places", [])
        if not isinstance(places, list):
            places = []
        key = digest(text)
        real = _real_path(path)
        places = [p for p in places if isinstance(p, dict) and p.get("digest") != key
                  and (real is None or p.get("path") != real)]
        offset = max(0, min(offset, len(text)))
        places.append({"digest": key, "path": real, "offset": offset, "context": text[offset : offset + CONTEXT],
                       "time": time.time()})
        places.sort(key=lambda p: p.get("time", 0) if isinstance(p.get("time", 0), (int, float)) else 0)
        _save(file, {"places": places[-MAX_PLACES:]})

    # ------------------------------------------------------------------ settings

    def setting(self, name: str):
        file = self._file("settings.json")
        return None if file is None else _load(file).get(name)

    def set_setting(self, name: str, value) -> None:
        file = self._file("settings.json")
        if file is None:
            return
        data = _load(file)
        data[name] = value
        _save(file, data)


def _found(text: str, entry: dict) -> int | None:
    """Where an entry's place is in ``text``: at its offset if the words there are the same,
    else where those words are (the nearest to the offset); None if they are nowhere."""
    offset, context = entry.get("offset"), entry.get("context")
    if not isinstance(offset, int) or not isinstance(context, str) or offset < 0:
        return None
    if not context.strip():
        return offset if offset == 0 else None
    if text.startswith(context, offset):
        return offset
    before = text.rfind(context, 0, offset + len(context))
    after = text.find(context, offset)
    found = [p for p in (before, after) if p >= 0]
    if not found:
        return None
    return min(found, key=lambda p: abs(p - offset))
