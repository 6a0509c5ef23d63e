"""Command palette entries: jump to a section, filter by a speaker, change the theme."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.app.layout import visible

if TYPE_CHECKING:
    from reader.app.app import ReaderApp


class ReaderCommands(Provider):
    """``Jump to section: …``, ``Filter by speaker: …`` and ``Change theme``."""

    def _commands(self) -> list[tuple[str, object, str]]:
        app: ReaderApp = self.app  # type: ignore[assignment]
        doc = app.doc
        if doc is None:  # still being analysed
            return [("Change theme", app.action_change_theme, "Pick a colour theme")]
        out: list[tuple[str, object, str]] = [
            ("Jump to section…", app.action_pick_section, "Choose a section to jump to"),
            ("Filter by speaker…", app.action_pick_speaker, "Choose a speaker to show only their paragraphs"),
            ("Change theme", app.action_change_theme, "Pick a colour theme"),
        ]
        for sec in doc.sections:
            out.append((f"Jump to section: {visible(sec.title)}", partial(app.jump_to_section, sec.index),
                        "Scroll the article to this section"))
        for spk in sorted(doc.speakers, key=lambda s: (-s.quote_count, s.index)):
            out.append((f"Filter by speaker: {visible(spk.name)}", partial(app.toggle_speaker, spk.index),
                        f"{spk.quote_count} quotation{'s' if spk.quote_count != 1 else ''}; run again to undo"))
        return out

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands()[:3]:
            yield DiscoveryHit(name, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)  # type: ignore[arg-type]
