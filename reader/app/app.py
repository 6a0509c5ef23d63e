"""The reading app: sidebar, article view, status line, speaker bar and key hints."""

from __future__ import annotations

import os
import signal
import threading
from typing import Callable

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer, Static

from reader.app.article_view import ArticleView
from reader.app.colours import speaker_colours
from reader.app.layout import file_label, visible
from reader.app.sidebar import Sidebar
from reader.app.speaker_bar import SpeakerBar
from reader.app.status_line import StatusLine
from reader.failure import EXIT_INTERNAL
from reader.model import Document


def _as_shown(doc: Document | None) -> Document | None:
    """A marked-up document (Markdown) as a viewer shows it: reader.markdown.rendered."""
    if doc is None or doc.rendering is None:
        return doc
    from reader.markdown import rendered

    return rendered(doc)


def _reader_commands():
    """The command palette provider, imported when the palette first opens."""
    from reader.app.commands import ReaderCommands

    return ReaderCommands


# Below this width the sidebar starts hidden (t shows it).
SIDEBAR_MIN_WIDTH = 70

# Ctrl+C ends the app as the interrupt signal would: the conventional status 128 + SIGINT.
EXIT_INTERRUPTED = 128 + signal.SIGINT

# Actions that work before the article is shown; the app's other keys wait for it.
ALWAYS_ACTIONS = frozenset({"quit", "interrupt", "help", "command_palette"})


class ReaderApp(App[None]):
    """Read an article; see who said what."""

    TITLE = "reader"
    COMMANDS = App.COMMANDS | {_reader_commands}
    CSS = """
    Screen { layout: vertical; }
    #body { height: 1fr; }
    #loading { height: 1fr; content-align: center middle; color: $text-muted; }
    #main { width: 1fr; height: 1fr; }
    ArticleView { height: 1fr; }
    """

    BINDINGS = [
        Binding("j,down", "scroll(1)", "Down", show=False, id="reader.line_down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="reader.line_up"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="reader.page_down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="reader.page_up"),
        Binding("g,home", "top", "Top", show=False, id="reader.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="reader.bottom"),
        Binding("n", "next_section", "Section", key_display="n/p", id="reader.next_section"),
        Binding("p", "previous_section", "Previous section", show=False, id="reader.previous_section"),
        Binding("right_square_bracket", "next_quote", "Quote", key_display="]/[", id="reader.next_quote"),
        Binding("left_square_bracket", "previous_quote", "Previous quote", show=False, id="reader.previous_quote"),
        Binding("slash", "search", "Search", key_display="/", id="reader.search"),
        *[
            Binding(str(n), f"toggle_number({n})", "Filter" if n == 1 else f"Speaker {n}", show=n == 1,
                    key_display="1-9" if n == 1 else None, id=f"reader.speaker_{n}")
            for n in range(1, 10)
        ],
        Binding("0", "clear_filter", "Clear filter", show=False, id="reader.clear_filter"),
        Binding("t", "toggle_sidebar", "Sidebar", id="reader.toggle_sidebar"),
        Binding("question_mark", "help", "Help", key_display="?", id="reader.help"),
        Binding("q", "quit", "Quit", id="reader.quit"),
        Binding("ctrl+c", "interrupt", "Quit", show=False, priority=True, id="reader.interrupt"),
    ]

    class Analysed(Message):
        """From the analysis thread: the document, or the error that stopped it."""

        def __init__(self, doc: Document | None, error: Exception | None) -> None:
            super().__init__()
            self.doc = doc
            self.error = error

    def __init__(self, doc: Document | None = None, path: str | None = None,
                 load: Callable[[], Document] | None = None) -> None:
        """Show ``doc``; or, given ``load`` instead, show the frame at once and the article as
        soon as ``load`` (run in a thread) has analysed it."""
        super().__init__()
        if (doc is None) == (load is None):
            raise ValueError("give either a document or a way to load one")
        self.doc = _as_shown(doc)
        self._loader = load
        self.path = path
        # The file's name as shown: on one line, nothing in it acting on the screen.
        self.file_name = "standard input" if path in (None, "-") else file_label(path)
        # An internal error that closed the app, and what it was doing: (error, what).
        self.internal_error: tuple[BaseException, str] | None = None
        self.speaker_filter: frozenset[int] = frozenset()
        if path and path != "-":
            self.sub_title = self.file_name
        self._last_section: int | None = None
        self.ready = False  # the article is shown and laid out
        self._pending_actions: list[str] = []  # keys pressed before that, applied once it is
        self._picker_choices: dict[str, object] = {}

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        if self.doc is None:
            yield Static(Text(f"Reading {self.file_name}…", style="italic"), id="loading")
            yield Footer()
            return
        colours = speaker_colours(self.doc, True)
        with Horizontal(id="body"):
            yield Sidebar(self.doc, id="sidebar")
            with Vertical(id="main"):
                yield ArticleView(self.doc, id="article")
                yield StatusLine(id="status")
                yield SpeakerBar(self.doc, colours, id="speakers")
        yield Footer()

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def sidebar(self) -> Sidebar:
        return self.query_one(Sidebar)

    @property
    def speaker_bar(self) -> SpeakerBar:
        return self.query_one(SpeakerBar)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def on_mount(self) -> None:
        if self.doc is None:
            # A daemon thread, not a Textual worker: quitting never waits for the analysis.
            threading.Thread(target=self._analyse, name="reader-analyse", daemon=True).start()
            return
        self._set_up()

    def _analyse(self) -> None:
        """In the analysis thread: analyse the text, then hand it to the app."""
        doc, error = None, None
        try:
            doc = self._loader()
        except Exception as exc:  # reported by the command line once the app has closed
            error = exc
        try:
            self.post_message(self.Analysed(doc, error))
        except RuntimeError:  # the app has closed and its loop with it
            pass

    async def on_reader_app_analysed(self, message: Analysed) -> None:
        if message.error is not None:
            self.fail(message.error, f"analysing {self.file_name}")
            return
        self.doc = _as_shown(message.doc)
        await self.recompose()
        self._set_up()

    # ------------------------------------------------------------------ failures

    def fail(self, error: BaseException, what: str) -> None:
        """An internal error: close the app; the command line reports it in one line
        (``reader.failure``) and ends with ``EXIT_INTERNAL``."""
        if self.internal_error is None:
            self.internal_error = (error, what)
        if os.environ.get("READER_DEBUG"):  # the traceback, once the app has closed
            from rich.traceback import Traceback

            self.panic(Traceback.from_exception(type(error), error, error.__traceback__))
        self.exit(return_code=EXIT_INTERNAL)

    def _handle_exception(self, error: Exception) -> None:
        """Any exception no handler caught, in a handler, a worker or a screen: the app
        closes and the terminal is restored; the user gets one line, not a traceback
        (``READER_DEBUG=1`` keeps Textual's traceback)."""
        if self.internal_error is None:
            self.internal_error = (error, f"showing {self.file_name}")
        if os.environ.get("READER_DEBUG"):
            super()._handle_exception(error)
        else:
            if self._exception is None:  # a test through the pilot sees the error
                self._exception = error
                self._exception_event.set()
            self._close_messages_no_wait()
        self._return_code = EXIT_INTERNAL

    # ------------------------------------------------------------------ readiness

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Until the article is shown only quitting, help and the palette work.
        if not self.ready and action not in ALWAYS_ACTIONS:
            return False
        return True

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:
        """Keys pressed before the article is shown are kept and applied once it is."""
        if not self.ready and isinstance(action, str) and default_namespace in (None, self):
            name = action.removeprefix("app.").partition("(")[0]
            if name in _QUEUED_ACTIONS:
                self._pending_actions.append(action)
                return True
        return await super().run_action(action, default_namespace, namespaces)

    async def _become_ready(self) -> None:
        if not self.article.laid_out:  # not wrapped to its width yet: after the next refresh
            self.call_after_refresh(self._become_ready)
            return
        self.ready = True
        self.refresh_bindings()
        self._update_position()
        pending, self._pending_actions = self._pending_actions, []
        for action in pending:
            await self.run_action(action, self)

    def _set_up(self) -> None:
        if self.size.width < SIDEBAR_MIN_WIDTH or not self.doc.sections:
            self.sidebar.add_class("-hidden")
        self.article.focus()
        self.speaker_bar.set_colours(speaker_colours(self.doc, self.current_theme.dark))
        self.watch(self, "theme", lambda _: self._theme_changed(), init=False)
        self.call_after_refresh(self._become_ready)

    def _theme_changed(self) -> None:
        self.speaker_bar.set_colours(speaker_colours(self.doc, self.current_theme.dark))

    # ------------------------------------------------------------------ messages up

    def on_article_view_scrolled(self, event: ArticleView.Scrolled) -> None:
        self._update_position(event.section)

    def on_sidebar_section_chosen(self, event: Sidebar.SectionChosen) -> None:
        self.jump_to_section(event.section)

    def on_speaker_bar_chip_clicked(self, event: SpeakerBar.ChipClicked) -> None:
        self.action_toggle_number(event.number)

    def _update_position(self, section: int | None = None) -> None:
        article = self.article
        if section is None:
            section = article.current_section
        if section != self._last_section:
            self._last_section = section
            self.sidebar.highlight_section(section)
        self.status.set(self._status_left(section), self._status_right())

    def _status_left(self, section: int | None) -> Text:
        doc = self.doc
        article = self.article
        parts: list[Text] = []
        if self.speaker_filter:
            labels = self.speaker_bar.labels
            names = ", ".join(labels[s] for s in sorted(self.speaker_filter))
            shown, total = article.paragraph_count
            t = Text("Filtered: ", style="bold")
            t.append(f"{names} · {shown} of {total} paragraphs")
            parts.append(t)
        if article.cursor_quote is not None:
            q = doc.quotes[article.cursor_quote]
            spk = doc.speaker_of(q)
            t = Text("Quote: ", style="bold")
            if spk is not None:
                t.append(visible(spk.name), style=f"bold {article.speaker_colour(spk.index)}")
            else:
                t.append("unknown speaker", style="italic")
            if q.cue:
                t.append(f" ({visible(q.cue)})")
            pool = article.quote_pool
            if article.cursor_quote in pool:
                t.append(f" · {pool.index(article.cursor_quote) + 1} of {len(pool)}")
            parts.append(t)
        if not parts and section is not None and 0 <= section < len(doc.sections):
            parts.append(Text(visible(doc.sections[section].title)))
        return Text("  │  ").join(parts)

    def _status_right(self) -> Text:
        article = self.article
        if article.max_scroll_y <= 0:
            return Text("All")
        return Text(f"{round(100 * article.scroll_y / article.max_scroll_y)}%")

    # ------------------------------------------------------------------ methods down

    def jump_to_section(self, section: int) -> None:
        article = self.article
        if article.shown_paragraphs is not None and article.row_of_section(section) is None:
            self.notify(f"“{visible(self.doc.sections[section].title)}” is hidden by the speaker filter "
                        "(0 clears it)", severity="warning", markup=False)
            return
        article.jump_to_section(section)
        self._update_position()

    def toggle_speaker(self, speaker: int) -> None:
        chosen = set(self.speaker_filter)
        chosen.symmetric_difference_update({speaker})
        self.set_filter(frozenset(chosen))

    def set_filter(self, speakers: frozenset[int]) -> None:
        self.speaker_filter = speakers
        self.article.set_speaker_filter(speakers)
        self.speaker_bar.show_selection(speakers)
        self._update_position()

    # ------------------------------------------------------------------ actions

    def action_scroll(self, rows: int) -> None:
        self.article.scroll_rows(rows)

    def action_page(self, pages: int) -> None:
        self.article.scroll_pages(pages)

    def action_top(self) -> None:
        self.article.scroll_home_now()

    def action_bottom(self) -> None:
        self.article.scroll_end_now()

    def action_next_section(self) -> None:
        self.article.next_section()

    def action_previous_section(self) -> None:
        self.article.previous_section()

    def action_next_quote(self) -> None:
        if self.article.next_quote() is None:
            self.bell()
        self._update_position()

    def action_previous_quote(self) -> None:
        if self.article.previous_quote() is None:
            self.bell()
        self._update_position()

    def action_toggle_number(self, number: int) -> None:
        bar = self.speaker_bar
        speaker = bar.speaker_for_number(number)
        if speaker is None:  # never a key for a chip that is not on screen
            self.bell()
            shown = bar.shown_chips
            why = ("no quotation is attributed to anyone" if not bar.chip_speakers
                   else "no chip fits at this width" if not shown
                   else "only chip 1 is shown" if shown == 1
                   else f"chips 1–{shown} are shown")
            self.notify(f"No speaker chip {number}: {why}", severity="warning", markup=False)
            return
        self.toggle_speaker(speaker)

    def action_interrupt(self) -> None:
        self.exit(return_code=EXIT_INTERRUPTED)

    def action_clear_filter(self) -> None:
        self.set_filter(frozenset())

    def action_toggle_sidebar(self) -> None:
        sidebar = self.sidebar
        sidebar.toggle_class("-hidden")
        if sidebar.has_class("-hidden") and sidebar.has_focus:
            self.article.focus()
        self._last_section = None
        self.call_after_refresh(self._update_position)

    def action_help(self) -> None:
        from reader.app.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_search(self) -> None:
        from reader.app.search_screen import QuoteSearchScreen

        colours = speaker_colours(self.doc, self.current_theme.dark)
        self.push_screen(QuoteSearchScreen(self.doc, colours), self._search_done)

    def _search_done(self, quote: int | None) -> None:
        if quote is None:
            return
        article = self.article
        if article.shown_paragraphs is not None and self.doc.quotes[quote].paragraph not in article.shown_paragraphs:
            self.set_filter(frozenset())
        article.mark_quote(quote)
        self._update_position()

    def choices(self, kind: str):
        """The palette's entries for the document: ``sections``, ``speakers``, or
        ``everything`` (both, for the main palette); built once, on first use."""
        from reader.app.commands import CHOICES

        choices = self._picker_choices.get(kind)
        if choices is None:
            choices = self._picker_choices[kind] = CHOICES[kind](self)
        return choices

    def _pick(self, kind: str, placeholder: str) -> None:
        """A palette of one list (sections or speakers): searched a chunk at a time, the
        best matches shown, every entry as plain text."""
        from textual.command import CommandPalette

        from reader.app.commands import Picker

        self.push_screen(CommandPalette(providers=[Picker(self.screen, self.choices(kind))], placeholder=placeholder))

    def action_pick_section(self) -> None:
        self._pick("sections", "Jump to section…")

    def action_pick_speaker(self) -> None:
        self._pick("speakers", "Filter by speaker…")


# The actions of the app's own keys that wait for the article (see ``run_action``).
_QUEUED_ACTIONS = frozenset(
    b.action.partition("(")[0] for b in ReaderApp.BINDINGS if b.action.partition("(")[0] not in ALWAYS_ACTIONS
)
