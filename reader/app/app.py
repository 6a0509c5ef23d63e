"""The reading app: sidebar, article view, status line, speaker bar and key hints.

The app holds its state once, as reactive values: the speakers filtered on, the quotation
under the cursor, the speakers' colours (for the theme) and the matches of a find. The
widgets that show them have them bound down (``data_bind``), so no copy is ever out of
date; the widgets tell the app what the reader did (messages up) and the app decides.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
from pathlib import Path
from typing import Callable

from rich.text import Text
from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import var
from textual.widgets import Input, Static

from reader.app.article_view import ArticleView
from reader.app.colours import speaker_colours, speaker_ranks
from reader.app.key_hints import KeyHints
from reader.app.layout import file_label, visible
from reader.app.memory import Memory
from reader.app.sidebar import Sidebar
from reader.app.speaker_bar import SpeakerBar
from reader.app.status_line import Piece, StatusLine, piece
from reader.failure import EXIT_INTERNAL
from reader.model import Document


def _as_shown(doc: Document | None) -> Document | None:
    """A marked-up document (Markdown) as a viewer shows it: reader.markdown.rendered."""
    if doc is None or doc.rendering is None:
        return doc
    from reader.markdown import rendered

    return rendered(doc)


def _colours_kept(preview: Document, whole: Document, colours: dict[int, str], dark: bool) -> dict[int, str]:
    """The whole text's speaker colours, each speaker of the beginning keeping the colour it
    had there: the speaker of the whole that most of their quotations went to takes it."""
    from collections import Counter

    by_start = {q.start: q.speaker for q in whole.quotes}
    votes: dict[int, Counter] = {}
    for q in preview.quotes:
        now = by_start.get(q.start)
        if q.speaker is not None and now is not None:
            votes.setdefault(q.speaker, Counter())[now] += 1
    kept = speaker_colours(whole, dark)
    taken: set[int] = set()
    for old, counted in votes.items():
        new = counted.most_common(1)[0][0]
        if new not in taken and old in colours:
            kept[new] = colours[old]
            taken.add(new)
    return kept


def _reader_commands():
    """The command palette provider, imported when the palette first opens."""
    from reader.app.commands import ReaderCommands

    return ReaderCommands


# Below this width the sidebar starts hidden (t shows it), and hides itself when the window
# is made this narrow.
SIDEBAR_MIN_WIDTH = 70

# Ctrl+C ends the app as the interrupt signal would: the conventional status 128 + SIGINT.
EXIT_INTERRUPTED = 128 + signal.SIGINT

# Actions that work before the article is shown; the app's other keys wait for it.
ALWAYS_ACTIONS = frozenset({"quit", "interrupt", "help", "command_palette"})
# What works on the beginning of a long text while the rest is analysed: reading on. Every
# other key waits, and acts on the whole text once it is shown.
PREVIEW_ACTIONS = frozenset({"scroll", "page"})

MAX_HISTORY = 100  # places kept to go back to

Loader = Callable[[], Document]


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
    #find-input { height: 1; border: none; padding: 0 1; background: $boost; }
    #find-input.-hidden { display: none; }
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
        Binding("ctrl+f", "find", "Find", id="reader.find"),
        Binding("f3", "find_next", "Next match", show=False, id="reader.find_next"),
        Binding("N,shift+f3", "find_previous", "Previous match", show=False, id="reader.find_previous"),
        Binding("escape", "escape", "Clear", show=False, id="reader.escape"),
        *[
            Binding(str(n), f"toggle_number({n})", "Filter" if n == 1 else f"Speaker {n}", show=n == 1,
                    key_display="1-9" if n == 1 else None, id=f"reader.speaker_{n}")
            for n in range(1, 10)
        ],
        Binding("0", "clear_filter", "Clear filter", show=False, id="reader.clear_filter"),
        Binding("s", "speakers", "Speakers", id="reader.speakers"),
        Binding("ctrl+o,backspace", "back", "Back", show=False, id="reader.back"),
        Binding("ctrl+n", "forward", "Forward", show=False, id="reader.forward"),
        Binding("y", "copy_quote", "Copy", show=False, id="reader.copy"),
        Binding("e", "export", "Export", show=False, id="reader.export"),
        Binding("right_curly_bracket", "next_file", "Next file", show=False, id="reader.next_file"),
        Binding("left_curly_bracket", "previous_file", "Previous file", show=False, id="reader.previous_file"),
        Binding("t", "toggle_sidebar", "Sidebar", id="reader.toggle_sidebar"),
        Binding("question_mark", "help", "Help", key_display="?", id="reader.help"),
        Binding("q", "quit", "Quit", id="reader.quit"),
        Binding("ctrl+c", "interrupt", "Quit", show=False, priority=True, id="reader.interrupt"),
    ]

    # The app's state (see the module's docstring).
    speaker_filter: var[frozenset[int]] = var(frozenset)
    cursor_quote: var[int | None] = var(None)
    colours: var[dict[int, str]] = var(dict)
    found: var[tuple[tuple[int, int], ...]] = var(tuple)
    found_current: var[int | None] = var(None)

    class LibraryFed(Message):
        """From the thread that brings the library's index up to date (``library_feed``)."""

        def __init__(self, event: object) -> None:
            super().__init__()
            self.event = event

    class Analysed(Message):
        """From the analysis thread: the document, or the error that stopped it."""

        def __init__(self, doc: Document | None, error: Exception | None, generation: int = 0,
                     prepared=None) -> None:
            super().__init__()
            self.doc = doc
            self.error = error
            self.generation = generation
            self.prepared = prepared  # the view's text, items and layout, made in the thread

    def __init__(self, doc: Document | None = None, path: str | None = None,
                 load: Loader | None = None, more: list[tuple[str, Loader]] | tuple = (),
                 memory: Memory | None = None, preview: Document | None = None,
                 text: str | None = None, library: list[str] | None = None,
                 index_jobs: int | None = None) -> None:
        """Show ``doc``; or, given ``load`` instead, show the frame at once and the article as
        soon as ``load`` (run in a thread) has analysed it. ``more``: the other files named
        on the command line, each with the way to load it (``}``/``{`` go to them).
        ``library``: folders and files to show as a library instead (``reader DIR``): its
        list of articles first, its index brought up to date on ``index_jobs`` processes
        (by default every core) while it shows."""
        super().__init__()
        if library is None and (doc is None) == (load is None):
            raise ValueError("give either a document or a way to load one")
        self.library_roots = library
        self.index_jobs = index_jobs
        if library is not None and index_jobs != 1:
            from reader.parallel import start_early

            start_early()  # while sys.stderr is still a file: the index's workers need it
        self.library = None  # the app's own connection to the index (reader.library.Library)
        self.library_finder = None  # the search's (reader.app.library_search.QuoteFinder)
        self.feed = None  # the thread that updates the index (reader.app.library_feed.IndexFeed)
        self._quote_to_show: int | None = None  # the offset of a quotation to open the article at
        self.doc = _as_shown(doc)
        # A long text: its beginning, analysed on its own (Source.preview), is shown and can be
        # scrolled while the whole is analysed; the whole then takes its place where the
        # reader is, with the colours the beginning had.
        self.partial = preview is not None and doc is None
        self._loader_text = text  # the whole text of a long file, before it is analysed
        self._placed = False  # the view is already where the reader had been
        if self.partial:
            self.doc = _as_shown(preview)
        self._loader = load
        self.files: list[tuple[str | None, Loader]] = (
            [] if library is not None else [(path, load if load is not None else (lambda: doc)), *more])
        self.file_index = 0
        self.memory = memory or Memory()
        # An internal error that closed the app, and what it was doing: (error, what).
        self.internal_error: tuple[BaseException, str] | None = None
        self.ready = False  # the article is shown and laid out
        self._frozen_once = False  # objects have been set aside from the collector (_settle_memory)
        self._analysed_later: ReaderApp.Analysed | None = None  # finished while a screen covered the article
        self._pending_actions: list[str] = []  # keys pressed before that, applied once it is
        self._generation = 0  # which file's analysis a message answers
        self._open_file(path)

    def _open_file(self, path: str | None) -> None:
        """The state of a newly opened file, before its article is shown."""
        self.path = path
        # The file's name as shown: on one line, nothing in it acting on the screen.
        self.file_name = "standard input" if path in (None, "-") else file_label(path)
        if path is None and self.library_roots is not None:
            from reader.app.library_screen import library_name

            self.file_name = library_name(self.library_roots)
        self.sub_title = "" if path in (None, "-") else self.file_name
        if len(self.files) > 1:
            self.sub_title = f"{self.file_name or 'standard input'} ({self.file_index + 1} of {len(self.files)})"
        self._last_section: int | None = None
        self._picker_choices: dict[str, object] = {}
        self._finder = None
        self.find_query = ""
        self.message: Text | None = None
        self._back: list[int] = []
        self._forward: list[int] = []
        self._sidebar_hidden_by_width = False
        self.ranked: list[int] = speaker_ranks(self.doc) if self.doc is not None else []

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        if self.doc is None:
            yield Static(Text(f"Reading {self.file_name}…", style="italic"), id="loading")
            yield KeyHints(self._hints(), id="keys")
            return
        with Horizontal(id="body"):
            yield Sidebar(self.doc, id="sidebar")
            with Vertical(id="main"):
                prepared, self._prepared = getattr(self, "_prepared", None), None
                yield ArticleView(self.doc, prepared=prepared, id="article").data_bind(
                    ReaderApp.speaker_filter, ReaderApp.cursor_quote, ReaderApp.colours, ReaderApp.found,
                    ReaderApp.found_current)
                yield StatusLine(id="status")
                yield SpeakerBar(self.doc, id="speakers").data_bind(ReaderApp.speaker_filter, ReaderApp.colours)
        yield KeyHints(self._hints(), id="keys")

    def _hints(self) -> tuple:
        from reader.app.key_hints import HINTS

        if self.library_roots is None:
            return HINTS
        return (HINTS[0], ("esc", "List", "library"), *HINTS[1:])

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

    @property
    def find_input(self) -> Input:
        """The find box, put below the article the first time it is asked for (an Input
        costs its share of the first paint, and most readings never find)."""
        boxes = self.query("#find-input").results(Input)
        box = next(boxes, None)
        if box is None:
            box = Input(placeholder="Find in the text (Enter finds, Esc cancels)", id="find-input",
                        classes="-hidden")
            self.query_one("#main").mount(box, before=self.status)
        return box

    def _find_box_open(self) -> bool:
        return any(not box.has_class("-hidden") for box in self.query("#find-input"))

    def on_mount(self) -> None:
        theme = self.memory.setting("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.watch(self, "theme", self._theme_changed, init=False)
        if self.library_roots is not None:
            self._open_library()
            return
        if self.doc is None:
            self._start_analysis()
            return
        if self.partial:
            place = self.memory.place(self.path, self._loader_text) if self._loader_text else 0
            self._placed = True
            self._set_up(offset=place if place < len(self.doc.text) else None)
            self.say(f"Reading the rest of {self.file_name}…")
            self.call_after_refresh(self._analyse_after_paint)
            return
        self._set_up()

    def _analyse_after_paint(self) -> None:
        """The whole text's analysis, once its beginning is on the screen: started before, it
        would share the interpreter with the drawing of the first screen and delay it."""
        if not self.article.laid_out:
            self.call_after_refresh(self._analyse_after_paint)
            return
        self._start_analysis()

    def _start_analysis(self) -> None:
        # A daemon thread, not a Textual worker: quitting never waits for the analysis.
        generation, loader = self._generation, self._loader
        threading.Thread(target=self._analyse, args=(generation, loader), name="reader-analyse", daemon=True).start()

    def _analyse(self, generation: int, loader: Loader) -> None:
        """In the analysis thread: analyse the text, then hand it to the app."""
        doc, error, prepared = None, None, None
        try:
            doc = _as_shown(loader())
            if self.partial:
                # Laid out here, at the width the beginning is shown at: the whole book then
                # takes its place without the app stopping to wrap it.
                from reader.app.layout import prepare

                prepared = prepare(doc, self._shown_width())
        except Exception as exc:  # reported by the command line once the app has closed
            error = exc
        try:
            self.post_message(self.Analysed(doc, error, generation, prepared))
        except RuntimeError:  # the app has closed and its loop with it
            pass

    async def on_reader_app_analysed(self, message: Analysed) -> None:
        if message.generation != self._generation:
            return  # a file left before it was shown
        if message.error is not None and self.library_roots is not None:
            from reader.textio import InputError

            if isinstance(message.error, InputError):  # changed or gone since it was indexed
                from reader.safe_text import escaped_line

                self._generation += 1
                self.show_library()
                self.library_screen.say(escaped_line(str(message.error)), warning=True)
                return
        if message.error is not None:
            self.fail(message.error, f"analysing {self.file_name}")
            return
        if self.screen is not self.screen_stack[0]:
            # Another screen (help, search, the palette) is open over the article's: the article
            # is put in place when the reader comes back to it (recomposing works on the screen
            # on top).
            self._analysed_later = message
            return
        if self.partial:
            await self._replace_preview(message.doc, message.prepared)
            return
        self.doc = message.doc
        self.ranked = speaker_ranks(self.doc)
        await self.recompose()
        self._set_up()

    def pop_screen(self):
        popped = super().pop_screen()
        if self._analysed_later is not None:
            self.call_after_refresh(self._analysed_on_return)
        return popped

    async def _analysed_on_return(self) -> None:
        message, self._analysed_later = self._analysed_later, None
        if message is not None:
            await self.on_reader_app_analysed(message)  # (waits again if still covered)

    def _shown_width(self) -> int | None:
        """The width the article is wrapped to now (None before it is laid out)."""
        try:
            view = self.article
            return view.text_width if view.laid_out else None
        except Exception:  # not mounted, or gone
            return None

    async def _replace_preview(self, doc: Document, prepared) -> None:
        """The whole text in place of its beginning: the same text at the top of the view, the
        speakers' colours as they were."""
        view = self.article
        top = view.offset_at_top if view.laid_out else 0
        kept = _colours_kept(self.doc, doc, self.colours, self.current_theme.dark)
        self.partial = False
        self.doc = doc
        self.ranked = speaker_ranks(doc)
        self._prepared = prepared
        self.message = None
        with self.batch_update():
            await self.recompose()
            self._set_up(colours=kept, offset=top)

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

    def exit(self, *args, **kwargs) -> None:
        """Quit (a key, a signal, an error): where the reader was is remembered first; the
        index's update is told to stop (its thread is a daemon: nothing waits for it)."""
        if self.feed is not None:
            self.feed.stop()
        if self.internal_error is None:
            self._remember_place()
        super().exit(*args, **kwargs)

    # ------------------------------------------------------------------ readiness

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Until the article is shown only quitting, help and the palette work; while only its
        # beginning is, scrolling it too.
        if not self.ready and action not in ALWAYS_ACTIONS and not (self.partial and action in PREVIEW_ACTIONS):
            return False
        return True

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:
        """Keys pressed before the article is shown are kept and applied once it is. Any
        action clears the message in the status line (an action may say a new one)."""
        if isinstance(action, str) and default_namespace in (None, self):
            name = action.removeprefix("app.").partition("(")[0]
            if not self.ready and name in _QUEUED_ACTIONS and not (self.partial and name in PREVIEW_ACTIONS):
                self._pending_actions.append(action)
                return True
            if self.message is not None and name in _QUEUED_ACTIONS and not self.partial:
                self.message = None
                self._update_position()
        return await super().run_action(action, default_namespace, namespaces)

    async def _become_ready(self) -> None:
        if not self.article.laid_out:  # not wrapped to its width yet: after the next refresh
            self.call_after_refresh(self._become_ready)
            return
        self.ready = True
        self._settle_memory()
        self.refresh_bindings()
        if not self._placed:  # (a long text's beginning was shown where the reader had been)
            place = self.memory.place(self.path, self.doc.text)
            if place:
                self.article.scroll_to_offset(place)
        self._placed = False
        if self._quote_to_show is not None:
            self._show_quote_at(self._quote_to_show)
            self._quote_to_show = None
        self._update_position()
        pending, self._pending_actions = self._pending_actions, []
        for action in pending:
            await self.run_action(action, self)

    def _settle_memory(self) -> None:
        """The objects alive once an article is shown (the document, its layout, the widgets)
        live as long as it is open: they are set aside from the garbage collector, whose full
        collections would otherwise walk them all, a pause of tens of milliseconds on a long
        book that falls on whatever key happens to be pressed. When another file has been
        opened, what the last one left is collected first."""
        if self._frozen_once:
            gc.unfreeze()
            gc.collect()
        gc.freeze()
        self._frozen_once = True

    def _set_up(self, colours: dict[int, str] | None = None, offset: int | None = None) -> None:
        if self.size.width < SIDEBAR_MIN_WIDTH or not self.doc.sections:
            self.sidebar.add_class("-hidden")
        self._sidebar_hidden_by_width = self.size.width < SIDEBAR_MIN_WIDTH and bool(self.doc.sections)
        self.article.focus()
        self.colours = speaker_colours(self.doc, self.current_theme.dark) if colours is None else colours
        if offset:
            self._scroll_when_laid_out(offset)
        if not self.partial:
            self.call_after_refresh(self._become_ready)

    def _scroll_when_laid_out(self, offset: int) -> None:
        """Put ``offset`` at the top of the view once the view knows its rows."""
        view = self.article
        if not view.laid_out:
            self.call_after_refresh(self._scroll_when_laid_out, offset)
            return
        view.scroll_to_offset(offset)

    def _theme_changed(self) -> None:
        self.memory.set_setting("theme", self.theme)
        if self.doc is not None:
            self.colours = speaker_colours(self.doc, self.current_theme.dark)

    def on_resize(self, event: events.Resize) -> None:
        """The sidebar hides itself below the width at which it starts hidden, and comes back
        when the window is wide again (unless it was hidden with t)."""
        if self.doc is None or not self.doc.sections or not self.query(Sidebar):
            return
        sidebar = self.sidebar
        narrow = event.size.width < SIDEBAR_MIN_WIDTH
        if narrow and not sidebar.has_class("-hidden"):
            self._hide_sidebar(True)
            self._sidebar_hidden_by_width = True
        elif not narrow and self._sidebar_hidden_by_width and sidebar.has_class("-hidden"):
            self._hide_sidebar(False)
            self._sidebar_hidden_by_width = False

    # ------------------------------------------------------------------ messages up

    def on_article_view_scrolled(self, event: ArticleView.Scrolled) -> None:
        self._update_position(event.section)

    def on_sidebar_section_chosen(self, event: Sidebar.SectionChosen) -> None:
        self.jump_to_section(event.section)

    def on_speaker_bar_chip_clicked(self, event: SpeakerBar.ChipClicked) -> None:
        self.action_toggle_number(event.number)

    def on_speaker_bar_more_clicked(self, event: SpeakerBar.MoreClicked) -> None:
        self.action_speakers()

    def say(self, message: str, warning: bool = False) -> None:
        """A message in the status line, until the next key."""
        self.message = Text(message, style="bold" if warning else "")
        if warning:
            self.bell()
        self._update_position()

    def _update_position(self, section: int | None = None) -> None:
        if self.doc is None or not self.query(ArticleView):
            return
        article = self.article
        if section is None:
            section = article.current_section
        if section != self._last_section:
            self._last_section = section
            self.sidebar.highlight_section(section)
        fields, ranks = self._status_fields(section)
        self.status.set(fields, self._status_right(), ranks)

    def _status_fields(self, section: int | None) -> tuple[list[list[Piece]], list[int]]:
        """The fields of the status line and their ranks (the filter's last to give way)."""
        doc = self.doc
        article = self.article
        fields: list[list[Piece]] = []
        ranks: list[int] = []
        if self.message is not None:
            fields.append([piece(self.message, 6)])
            ranks.append(4)
        if self.speaker_filter:
            labels = self.speaker_bar.labels
            names = ", ".join(labels[s] for s in sorted(self.speaker_filter, key=self.ranked.index))
            shown, total = article.paragraph_count
            fields.append([piece("Filtered: ", 1, "bold"), piece(f"{names} · ", 2),
                           piece(f"{shown} of {total} paragraphs")])
            ranks.append(5)
        if self.cursor_quote is not None and article.cursor_on_screen:
            q = doc.quotes[self.cursor_quote]
            spk = doc.speaker_of(q)
            who = (Text(visible(spk.name), style=f"bold {article.speaker_colour(spk.index)}") if spk is not None
                   else Text("unknown speaker", style="italic"))
            field = [piece("Quote: ", 1, "bold"), piece(who, 4)]
            if q.cue:
                field.append(piece(f" ({visible(q.cue)})", 1))
            pool = article.quote_pool
            if self.cursor_quote in pool:
                field.append(piece(f" · {pool.index(self.cursor_quote) + 1} of {len(pool)}"))
            fields.append(field)
            ranks.append(3)
        if self.find_query:
            if self.found:
                where = "" if self.found_current is None else f"{self.found_current + 1} of "
                fields.append([piece("Find ", 1, "bold"), piece(f"“{visible(self.find_query)}” ", 3),
                               piece(f"{where}{len(self.found)}"), piece(" · n/N", 0)])
            else:
                fields.append([piece(f"“{visible(self.find_query)}” ", 3), piece("not found")])
            ranks.append(2)
        if not fields and section is not None and 0 <= section < len(doc.sections):
            fields.append([piece(visible(doc.sections[section].title), 0)])
            ranks.append(1)
        return fields, ranks

    def _status_right(self) -> Text:
        """The position: how far down, and which file of several."""
        article = self.article
        right = Text()
        if len(self.files) > 1:
            name = self.file_name.rsplit("/", 1)[-1]
            right.append(f"{name} ({self.file_index + 1} of {len(self.files)})  ", style="dim")
        if article.max_scroll_y <= 0:
            return right.append("All")
        return right.append(f"{round(100 * article.scroll_y / article.max_scroll_y)}%")

    # ------------------------------------------------------------------ the state, changed

    def toggle_speaker(self, speaker: int) -> None:
        chosen = set(self.speaker_filter)
        chosen.symmetric_difference_update({speaker})
        self.set_filter(frozenset(chosen))

    def set_filter(self, speakers: frozenset[int]) -> None:
        self.speaker_filter = speakers  # the article and the speaker bar follow at once
        if self.cursor_quote is not None and self.cursor_quote not in self.article.quote_pool:
            self.cursor_quote = None
        self._update_position()

    def speaker_for_number(self, number: int) -> int | None:
        """The speaker of chip ``number`` (the document's ranking), if that chip is shown."""
        if not 1 <= number <= min(len(self.ranked), self.speaker_bar.shown_chips):
            return None
        return self.ranked[number - 1]

    def _jump(self, move: Callable[[], object]) -> None:
        """A jump: where the reader was is kept to come back to (``back``)."""
        article = self.article
        before = article.offset_at_top
        move()
        after = article.offset_at_top
        if after != before:
            if not self._back or self._back[-1] != before:
                self._back.append(before)
                del self._back[:-MAX_HISTORY]
            self._forward.clear()
        self._update_position()

    def jump_to_section(self, section: int) -> None:
        article = self.article
        if article.shown_paragraphs is not None and article.row_of_section(section) is None:
            self.say(f"“{visible(self.doc.sections[section].title)}” is hidden by the speaker filter "
                     "(0 clears it)", warning=True)
            return
        self._jump(lambda: article.jump_to_section(section))

    # ------------------------------------------------------------------ actions

    def action_scroll(self, rows: int) -> None:
        self.article.scroll_rows(rows)

    def action_page(self, pages: int) -> None:
        self.article.scroll_pages(pages)

    def action_top(self) -> None:
        self._jump(self.article.scroll_home_now)

    def action_bottom(self) -> None:
        self._jump(self.article.scroll_end_now)

    def action_focus_article(self) -> None:
        self.article.focus()

    def action_next_section(self) -> None:
        if self.found:  # n goes to the next match while a find is on
            self.action_find_next()
            return
        self.article.next_section()

    def action_previous_section(self) -> None:
        self.article.previous_section()

    def action_next_quote(self) -> None:
        quote = self.article.next_quote()
        if quote is None:
            self.bell()
        else:
            self.cursor_quote = quote
        self._update_position()

    def action_previous_quote(self) -> None:
        quote = self.article.previous_quote()
        if quote is None:
            self.bell()
        else:
            self.cursor_quote = quote
        self._update_position()

    def action_toggle_number(self, number: int) -> None:
        speaker = self.speaker_for_number(number)
        if speaker is None:  # never a key for a chip that is not on screen
            shown = min(len(self.ranked), self.speaker_bar.shown_chips)
            why = ("no quotation is attributed to anyone" if not self.ranked
                   else "no chip fits at this width" if not shown
                   else "only chip 1 is shown" if shown == 1
                   else f"chips 1–{shown} are shown")
            more = "; s lists every speaker" if len(self.ranked) > shown else ""
            self.say(f"No speaker chip {number}: {why}{more}", warning=True)
            return
        self.toggle_speaker(speaker)

    def action_interrupt(self) -> None:
        self.exit(return_code=EXIT_INTERRUPTED)

    def action_clear_filter(self) -> None:
        self.set_filter(frozenset())

    def _hide_sidebar(self, hide: bool) -> None:
        sidebar = self.sidebar
        sidebar.set_class(hide, "-hidden")
        if hide and sidebar.has_focus:
            self.article.focus()
        self._last_section = None
        self.call_after_refresh(self._update_position)

    def action_toggle_sidebar(self) -> None:
        self._sidebar_hidden_by_width = False
        self._hide_sidebar(not self.sidebar.has_class("-hidden"))

    def action_help(self) -> None:
        from reader.app.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_search(self) -> None:
        from reader.app.search_screen import QuoteSearchScreen

        self.push_screen(QuoteSearchScreen(self.doc, self.colours), self._search_done)

    def _search_done(self, quote: int | None) -> None:
        if quote is None:
            return
        article = self.article
        if article.shown_paragraphs is not None and self.doc.quotes[quote].paragraph not in article.shown_paragraphs:
            self.set_filter(frozenset())

        def go() -> None:
            self.cursor_quote = quote

        self._jump(go)

    def action_speakers(self) -> None:
        from reader.app.speaker_list import SpeakerListScreen

        self.push_screen(SpeakerListScreen(self.doc, self.colours, self.speaker_filter))

    # ------------------------------------------------------------------ find

    def action_find(self) -> None:
        box = self.find_input
        box.remove_class("-hidden")
        box.value = self.find_query
        box.focus()

    @on(Input.Submitted, "#find-input")
    def _find_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._close_find_box()
        self.find(event.value)

    def _close_find_box(self) -> None:
        self.find_input.add_class("-hidden")
        self.article.focus()

    def find(self, query: str) -> None:
        """Find ``query`` in the whole text: every match highlighted, and the first at or
        after the top of the view gone to."""
        from reader.app.find import Finder

        if self._finder is None:
            self._finder = Finder(self.doc.text)
        self.find_query = " ".join(query.split())
        self.found_current = None
        self.found = self._finder.find(query) if self.find_query else ()
        if self.find_query and not self.found:
            self.bell()
        if self.found:
            self._go_to_match(+1, from_top=True)
        self._update_position()

    def _shown(self, match: int) -> bool:
        return self.article.row_of_text_offset(self.found[match][0]) is not None

    def _go_to_match(self, step: int, from_top: bool = False) -> None:
        from bisect import bisect_left

        found = self.found
        if not found:
            self.say("No find: ctrl+f finds text", warning=True)
            return
        article = self.article
        if self.found_current is None or from_top:
            k = bisect_left([a for a, _ in found], article.offset_at_top)
            k = k if step > 0 else k - 1
        else:
            k = self.found_current + step
        while 0 <= k < len(found) and not self._shown(k):
            k += step
        if not 0 <= k < len(found):
            self.say(f"No {'later' if step > 0 else 'earlier'} match of “{visible(self.find_query)}”"
                     + (" shown (0 clears the filter)" if self.speaker_filter else ""), warning=True)
            return
        a, b = found[k]

        def go() -> None:
            self.found_current = k
            article.bring_into_view(a, max(a, b - 1))

        self._jump(go)

    def action_find_next(self) -> None:
        self._go_to_match(+1)

    def action_find_previous(self) -> None:
        self._go_to_match(-1)

    def action_escape(self) -> None:
        """Esc: closes the find box, else clears the find, else goes back to the library's
        list (when the article was opened from one)."""
        if self._find_box_open():
            self._close_find_box()
        elif self.find_query:
            self.find_query = ""
            self.found_current = None
            self.found = ()
        elif self.library_roots is not None:
            self.action_library()
            return
        self._update_position()

    # ------------------------------------------------------------------ back and forward

    def action_back(self) -> None:
        if not self._back and self.library_roots is not None:
            self.action_library()
            return
        if not self._back:
            self.say("Nothing to go back to: g, G, a section, a search or a find are jumps", warning=True)
            return
        article = self.article
        self._forward.append(article.offset_at_top)
        article.scroll_to_offset(self._back.pop())
        self._update_position()

    def action_forward(self) -> None:
        if not self._forward:
            self.say("Nothing to go forward to", warning=True)
            return
        article = self.article
        self._back.append(article.offset_at_top)
        article.scroll_to_offset(self._forward.pop())
        self._update_position()

    # ------------------------------------------------------------------ copy and export

    @property
    def source_name(self) -> str:
        doc = self.doc
        return visible(doc.title.text) if doc is not None and doc.title is not None else self.file_name

    def quotation_text(self, quote: int) -> str:
        """``“…” — Speaker, Source``: a quotation as it is copied."""
        from reader.output import one_line

        q = self.doc.quotes[quote]
        spk = self.doc.speaker_of(q)
        who = spk.name if spk is not None else "unknown speaker"
        return f"“{one_line(q.text)}” — {' '.join(who.split())}, {self.source_name}"

    def action_copy_quote(self) -> None:
        if self.cursor_quote is None or not self.article.cursor_on_screen:
            self.say("No quotation under the cursor: ] and [ choose one", warning=True)
            return
        self.copy_to_clipboard(self.quotation_text(self.cursor_quote))
        self.say("Copied the quotation with its speaker and source")

    def exported_quotes(self) -> list:
        """The quotations on screen: the filtered speakers', or all."""
        return [self.doc.quotes[i] for i in self.article.quote_pool]

    def action_export(self) -> None:
        from reader.app.prompt_screen import ExportScreen

        quotes = self.exported_quotes()
        if not quotes:
            self.say("No quotation to export", warning=True)
            return
        stem = "quotes" if self.path in (None, "-") else Path(self.path).stem
        what = f"{len(quotes)} quotation{'s' if len(quotes) != 1 else ''}"
        self.push_screen(ExportScreen(f"{stem}-quotes.md", what), self.export)

    def export(self, path: Path | None) -> None:
        """Write the quotations shown to ``path`` as Markdown, and say where they went."""
        from reader.output import quotes_markdown
        from reader.safe_text import escaped_line

        if path is None:
            return
        quotes = self.exported_quotes()
        shown = ""
        if self.speaker_filter:
            shown = "quotations of " + ", ".join(self.doc.speakers[s].name for s in sorted(self.speaker_filter))
        try:
            path.write_text(quotes_markdown(self.doc, quotes, self.file_name, shown), encoding="utf-8")
        except OSError as exc:
            self.say(f"Could not write {escaped_line(str(path))}: {exc.strerror or exc}", warning=True)
            return
        where = escaped_line(str(path.resolve()))
        self.say(f"Exported {len(quotes)} quotation{'s' if len(quotes) != 1 else ''} to {where}")

    # ------------------------------------------------------------------ several files

    def _remember_place(self) -> None:
        if self.doc is None or not self.ready or not self.query(ArticleView):
            return
        try:
            self.memory.remember(self.path, self.doc.text, self.article.offset_at_top)
        except Exception:  # a place not remembered is no reason to fail
            pass

    async def open_file(self, index: int) -> None:
        """Show the ``index``-th file named on the command line."""
        if not 0 <= index < len(self.files) or index == self.file_index:
            return
        self._remember_place()
        path, loader = self.files[index]
        self.file_index = index
        self._generation += 1
        self.doc, self._loader = None, loader
        self.ready = False
        self.speaker_filter = frozenset()
        self.cursor_quote = None
        self.found_current = None
        self.found = ()
        self._open_file(path)
        await self.recompose()
        self._start_analysis()

    # ------------------------------------------------------------------ a library

    @property
    def library_screen(self):
        return self.get_screen("library")

    def _open_library(self) -> None:
        """The list first (from the index as it is), then the update in a thread of its own."""
        from reader.app.library_screen import LibraryScreen, library_base, library_name
        from reader.app.library_search import QuoteFinder
        from reader.library import LibraryError

        problem = None
        try:
            self._connect_library()
        except LibraryError as exc:
            problem = str(exc)
        self.library_finder = QuoteFinder(self.library_roots, None if self.library is None else self.library.path)
        screen = LibraryScreen(library_name(self.library_roots), library_base(self.library_roots))
        if problem is None:
            screen.indexing = True  # until the update says it is done
        self.install_screen(screen, "library")
        self.push_screen("library")
        if problem is not None:
            from reader.safe_text import escaped_line

            screen.say(escaped_line(problem), warning=True)
            return
        self.call_after_refresh(self._start_feed)

    def _connect_library(self) -> None:
        from reader.library import Library

        if self.library is not None:
            self.library.close()
            self.library = None
        notices: list[str] = []
        self.library = Library(self.library_roots, notice=notices.append)
        for line in notices:  # said once the screen shows
            self.call_after_refresh(self._library_notice, line)

    def _start_feed(self) -> None:
        from reader.app.library_feed import IndexFeed
        from reader.parallel import cores

        def post(event: object) -> None:
            try:
                self.post_message(self.LibraryFed(event))
            except RuntimeError:  # the app has closed
                pass

        self.feed = IndexFeed(self.library_roots, post, jobs=self.index_jobs or cores(), path=self.library.path)
        self.feed.start()

    def library_articles(self):
        """The library's articles as the index holds them now (None when it cannot be read)."""
        import sqlite3

        if self.library is None:
            return None
        try:
            return self.library.articles()
        except sqlite3.DatabaseError as exc:
            self.call_later(self._library_notice, f"the library index cannot be read ({exc})")
            return None

    def library_people(self):
        """Everyone quoted in the library (None when the index cannot be read)."""
        import sqlite3

        if self.library is None:
            return None
        try:
            return self.library.people()
        except sqlite3.DatabaseError as exc:
            self._library_notice(f"the library index cannot be read ({exc})")
            return None

    def _library_notice(self, line: str) -> None:
        from reader.safe_text import escaped_line

        self.library_screen.say(escaped_line(line), warning=True)

    def on_reader_app_library_fed(self, message: LibraryFed) -> None:
        from reader.app.library_feed import Finished, Notice, Progressed

        event = message.event
        screen = self.library_screen
        if isinstance(event, Progressed):
            screen.show_progress(event.progress)
            screen.reload()  # the files analysed so far are in the index: their rows appear
        elif isinstance(event, Notice):
            # The index was started again from nothing: read the new one.
            from reader.library import LibraryError

            try:
                self._connect_library()
            except LibraryError:
                pass
            self.library_finder.reopen()
            self._library_notice(event.line)
        elif isinstance(event, Finished):
            self._library_indexed(event)

    def _library_indexed(self, event) -> None:
        screen = self.library_screen
        update = event.update
        changed = update is None or bool(update.analysed or update.removed)
        screen.indexed(None if update is None else update.analysed, reload=changed)
        if event.problem is not None:
            self._library_notice(event.problem)
        elif event.error is not None:
            from reader.failure import internal_error_line

            # A bug in the update: said in one line (with its report); what is indexed stays usable.
            self._library_notice(internal_error_line(event.error, "updating the library index").removeprefix("reader: "))
        elif update is not None and update.analysed:
            failed = f"; {update.failed:,} could not be read (marked in the list)" if update.failed else ""
            screen.say(f"Indexed {update.analysed:,} file{'s' if update.analysed != 1 else ''} in "
                       f"{update.seconds:.1f} s{failed}", warning=bool(update.failed), unless_warned=True)

    def open_article(self, path: str, order: list[str], quote_start: int | None = None) -> None:
        """Open an article of the library (``order``: the list as shown, for ``}`` and ``{``),
        at the quotation that starts at ``quote_start`` if given."""
        from functools import partial

        from reader.document import load_document

        if path not in order:
            order = [path]
        self.files = [(p, partial(load_document, p)) for p in order]
        self._quote_to_show = quote_start
        self.file_index = -1  # whichever it is, it is opened anew
        self.call_later(self._open_article, order.index(path))

    async def _open_article(self, index: int) -> None:
        if self.screen is self.library_screen:
            await self.pop_screen()
        await self.open_file(index)

    def action_library(self) -> None:
        """Back to the library's list, the cursor on the article that was open."""
        if self.library_roots is None:
            self.say("No library: reader DIR opens a folder's articles as one", warning=True)
            return
        self._remember_place()
        screen = self.library_screen
        if self.path is not None:
            screen.select(self.path)
        if self.screen is not screen:
            self.push_screen("library")

    def show_library(self) -> None:
        self.action_library()

    def _show_quote_at(self, start: int) -> None:
        """The cursor on the quotation that starts at ``start`` (the nearest, if the text has
        moved a little since it was indexed), the filter cleared if it hides it."""
        quotes = self.doc.quotes
        if not quotes:
            return
        best = min(range(len(quotes)), key=lambda i: (abs(quotes[i].start - start), i))
        self._search_done(best)

    async def action_next_file(self) -> None:
        if len(self.files) < 2:
            self.say("Only one file is open: name several on the command line", warning=True)
            return
        await self.open_file((self.file_index + 1) % len(self.files))

    async def action_previous_file(self) -> None:
        if len(self.files) < 2:
            self.say("Only one file is open: name several on the command line", warning=True)
            return
        await self.open_file((self.file_index - 1) % len(self.files))

    # ------------------------------------------------------------------ the palette

    def get_system_commands(self, screen) -> object:
        """Textual's commands, less those the app's own replace (one theme command, one help,
        one quit)."""
        for command in super().get_system_commands(screen):
            if command.title not in ("Theme", "Keys", "Quit"):
                yield command

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
