"""Command palette entries: the app's commands, a section to jump to, a speaker to filter by, a file.

Everything listed comes from the file, so every entry is shown as plain ``Content``, never
parsed as markup (Textual's own matcher and ``SimpleProvider`` would read ``[b]`` in a
heading as a style). A document may have a hundred thousand headings: the search goes
through the entries a chunk at a time, giving the event loop a turn between chunks (so
keys, a new query and quitting are never held up), and shows the best ``MAX_SHOWN``
matches with the number of the others.
"""

from __future__ import annotations

import heapq
import unicodedata
from asyncio import sleep
from typing import TYPE_CHECKING, Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider, SimpleProvider
from textual.content import Content
from textual.style import Style

from reader.app.layout import visible

if TYPE_CHECKING:
    from textual.screen import Screen

    from reader.app.app import ReaderApp

MAX_SHOWN = 100  # entries shown at once; the others are counted
CHUNK = 2000  # entries matched between two turns of the event loop


def fold_one_for_one(s: str) -> str:
    """Lower case without accents, one character for one (offsets stay offsets)."""
    low = s.lower()
    if low.isascii() and len(low) == len(s):
        return low
    out = []
    for c in s:
        f = unicodedata.normalize("NFKD", c)
        f = "".join(ch for ch in f if not unicodedata.combining(ch)).lower()
        out.append(f[:1] or c)
    return "".join(out)


def match(query: str, folded: str) -> tuple[float, list[tuple[int, int]]] | None:
    """How well a folded query (spaces collapsed) matches a folded label, and the spans that
    matched; None when it does not. The whole query as typed beats its words in order,
    which beat its letters in order; then a match at a word start, nearer the start, in a
    shorter label, wins."""
    if not query:
        return 0.0, []
    pos = folded.find(query)
    if pos >= 0:
        start_of_word = pos == 0 or not folded[pos - 1].isalnum()
        return 4.0 + start_of_word + (folded == query) - _later(pos, len(folded) - len(query)), [(pos, pos + len(query))]
    spans: list[tuple[int, int]] = []
    at = 0
    parts = query.split(" ")
    if len(parts) > 1:
        for word in parts:
            j = folded.find(word, at)
            if j < 0:
                break
            spans.append((j, j + len(word)))
            at = j + len(word)
        else:
            return 2.0 + 1.0 / len(spans) - _later(spans[0][0], len(folded)), spans
        spans, at = [], 0
    for ch in query:
        if ch == " ":
            continue
        j = folded.find(ch, at)
        if j < 0:
            return None
        if spans and spans[-1][1] == j:
            spans[-1] = (spans[-1][0], j + 1)
        else:
            spans.append((j, j + 1))
        at = j + 1
    return 0.5 + 0.5 / len(spans) - _later(spans[0][0], len(folded)), spans


def _later(pos: int, extra: int) -> float:
    """A small penalty (below 0.5) for a match further in, and for more label around it."""
    return min(pos, 200) / 1000 + min(extra, 2000) / 10000


class Choices:
    """Labels to pick from (made safe to show, folded once for matching), each with the
    command it runs and an optional help line."""

    def __init__(self, labels: list[str], command: Callable[[int], Callable[[], object]],
                 help: Callable[[int], str | None] | None = None) -> None:
        self.labels = labels
        self.folded = [fold_one_for_one(label) for label in labels]
        self.command = command
        self.help = help or (lambda i: None)

    def __len__(self) -> int:
        return len(self.labels)

    async def best(self, query: str, limit: int = MAX_SHOWN) -> tuple[list[tuple[float, int, list]], int]:
        """The ``limit`` best matches of ``query``, best first (then in list order), and how
        many entries matched in all."""
        q = " ".join(fold_one_for_one(query).split())
        heap: list[tuple[float, int, list]] = []  # (score, -index, spans): the worst on top
        total = 0
        folded = self.folded
        for start in range(0, len(folded), CHUNK):
            for i in range(start, min(len(folded), start + CHUNK)):
                m = match(q, folded[i])
                if m is None:
                    continue
                total += 1
                entry = (m[0], -i, m[1])
                if len(heap) < limit:
                    heapq.heappush(heap, entry)
                elif entry[:2] > heap[0][:2]:
                    heapq.heapreplace(heap, entry)
            await sleep(0)  # a turn for keys, a newer query, or quitting
        ranked = sorted(heap, key=lambda e: (-e[0], -e[1]))
        return [(score, -neg, spans) for score, neg, spans in ranked], total

    def content(self, i: int, spans: list[tuple[int, int]] = (), style: Style | None = None) -> Content:
        return highlighted(self.labels[i], spans, style)

    def help_content(self, i: int) -> Content | None:
        text = self.help(i)
        return None if text is None else Content(text)

    def more(self, shown: int, total: int) -> Content | None:
        """The line under a list cut short: how many more there are."""
        if total <= shown:
            return None
        return Content(f"… {total - shown:,} more: type to narrow the list")

    async def hits(self, query: str, style: Style | None, narrow: Callable[[], object]) -> Hits:
        """The best matches as palette hits, then the count of the others (choosing that
        line runs ``narrow``)."""
        best, total = await self.best(query)
        for score, i, spans in best:
            yield Hit(score, self.content(i, spans, style), self.command(i),
                      text=self.labels[i], help=self.help_content(i))  # type: ignore[arg-type]
        more = self.more(len(best), total)
        if more is not None:
            yield Hit(-1.0, more, narrow, text=more.plain)

    async def discovery_hits(self, narrow: Callable[[], object]) -> Hits:
        """The first entries, in list order, then the count of the others."""
        shown = min(len(self), MAX_SHOWN)
        for i in range(shown):
            yield DiscoveryHit(self.content(i), self.command(i), text=self.labels[i],
                               help=self.help_content(i))  # type: ignore[arg-type]
        more = self.more(shown, len(self))
        if more is not None:
            yield DiscoveryHit(more, narrow, text=more.plain)


def highlighted(label: str, spans: list[tuple[int, int]], style: Style | None = None) -> Content:
    """A label as plain content (never markup), the matched spans highlighted."""
    content = Content(label)
    for a, b in spans:
        content = content.stylize(style or Style(reverse=True), a, b)
    return content


def _narrow_hint(app) -> Callable[[], object]:
    return lambda: app.notify("Type part of the name to narrow the list", markup=False)


class Picker(SimpleProvider):
    """A palette of one list of choices (the section picker, the speaker picker)."""

    def __init__(self, screen: Screen, choices: Choices) -> None:
        super().__init__(screen, [])
        self.choices = choices

    async def search(self, query: str) -> Hits:
        async for hit in self.choices.hits(query, self.match_style, _narrow_hint(self.app)):
            yield hit

    async def discover(self) -> Hits:
        async for hit in self.choices.discovery_hits(_narrow_hint(self.app)):
            yield hit


def section_choices(app: ReaderApp) -> Choices:
    doc = app.doc
    return Choices([visible(s.title) for s in doc.sections],
                   lambda i: lambda: app.jump_to_section(i))


def ranked_speakers(app: ReaderApp) -> list:
    return sorted(app.doc.speakers, key=lambda s: (-s.quote_count, s.index))


def speaker_choices(app: ReaderApp) -> Choices:
    speakers = ranked_speakers(app)
    return Choices([f"{visible(s.name)} ({s.quote_count})" for s in speakers],
                   lambda i: lambda: app.toggle_speaker(speakers[i].index))


def everything_choices(app: ReaderApp) -> Choices:
    """Every section, every speaker and every file named on the command line, as entries
    of the main palette."""
    from reader.app.layout import file_label

    doc = app.doc
    speakers = ranked_speakers(app)
    n, m = len(doc.sections), len(speakers)
    files = app.files if len(app.files) > 1 else []
    labels = [f"Jump to section: {visible(s.title)}" for s in doc.sections]
    labels += [f"Filter by speaker: {visible(s.name)}" for s in speakers]
    labels += [f"Open file: {'standard input' if p in (None, '-') else file_label(p)}" for p, _ in files]

    def command(i: int) -> Callable[[], object]:
        if i < n:
            return lambda: app.jump_to_section(i)
        if i < n + m:
            return lambda: app.toggle_speaker(speakers[i - n].index)
        return lambda: app.call_later(app.open_file, i - n - m)

    def help(i: int) -> str:
        if i < n:
            return "Scroll the article to this section"
        if i >= n + m:
            return f"File {i - n - m + 1} of {len(files)} named on the command line"
        count = speakers[i - n].quote_count
        return f"{count} quotation{'s' if count != 1 else ''}; run again to undo"

    return Choices(labels, command, help)


CHOICES = {"sections": section_choices, "speakers": speaker_choices, "everything": everything_choices}


class ReaderCommands(Provider):
    """The app's commands (the same as its keys: ``reader.app.keys``), then every section,
    speaker and file as ``Jump to section: …``, ``Filter by speaker: …``, ``Open file: …``."""

    @property
    def _in_library(self) -> bool:
        """Opened on a library's list (``reader DIR``), not on an article."""
        app: ReaderApp = self.app  # type: ignore[assignment]
        return app.library_roots is not None and self.screen is app.library_screen

    def _fixed(self) -> list[tuple[str, Callable[[], object], str]]:
        from reader.app.app import ALWAYS_ACTIONS
        from reader.app.keys import library_palette_commands, palette_commands

        app: ReaderApp = self.app  # type: ignore[assignment]
        if self._in_library:  # the list's own commands, run on it
            screen = self.screen
            return [(key.command, _run(app, key.action, screen), key.help) for key in library_palette_commands()] + [
                (key.command, _run(app, key.action), key.help)
                for key in palette_commands() if key.action == "change_theme"]
        out = []
        for key in palette_commands():
            if app.doc is None and key.action not in ALWAYS_ACTIONS and key.action != "change_theme":
                continue  # still being analysed
            if key.action in ("next_file", "previous_file") and len(app.files) < 2:
                continue
            out.append((key.command, _run(app, key.action), key.help))
        return out

    async def discover(self) -> Hits:
        for name, callback, help_text in self._fixed():
            yield DiscoveryHit(Content(name), callback, text=name, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        q = " ".join(fold_one_for_one(query).split())
        for name, callback, help_text in self._fixed():
            m = match(q, fold_one_for_one(name))
            if m is not None:
                yield Hit(m[0], highlighted(name, m[1], self.match_style), callback, text=name,
                          help=help_text)  # type: ignore[arg-type]
        app: ReaderApp = self.app  # type: ignore[assignment]
        if app.doc is not None and not self._in_library:
            choices = app.choices("everything")
            async for hit in choices.hits(query, self.match_style, _narrow_hint(self.app)):
                yield hit


def _run(app: ReaderApp, action: str, namespace=None) -> Callable[[], object]:
    return lambda: app.call_later(app.run_action, action, namespace)
