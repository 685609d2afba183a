"""The reader screen: the reading view, its keys, the status line, search, bookmarks and saving."""

from __future__ import annotations

import contextvars
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, work
from textual._context import NoActiveAppError
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import get_current_worker

from tui.book.anchor import make_anchor
from tui.book.loader import neutralise, safe_name
from tui.book.model import Book
from tui.reading.jumps import JumpList
from tui.reading.navigation import chapter_landings, scene_landings
from tui.reading.opener import BookOpener, Outcome, Registration
from tui.reading.pager import LayoutOptions
from tui.reading.progress import ProgressMeter
from tui.reading.search import compile_query
from tui.reading.stages import Stage
from tui.ui.actions import binding
from tui.ui.screens.reader_exits import ReaderExits
from tui.ui.screens.reader_marks import ReaderMarks
from tui.ui.screens.reader_moves import ReaderMoves
from tui.ui.screens.reader_search import ReaderSearch
from tui.ui.widgets.reader_view import ReaderView
from tui.ui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from tui.ui.widgets.prompt_bar import PromptBar

# Saving: the position is written at most this often while reading (and always on leaving).
SAVE_EVERY = 1.0
CHANGED_NOTICE = "The book has changed since you last read it: opened at the nearest place."


class ReaderScreen(
    ReaderMoves, ReaderSearch, ReaderMarks, ReaderExits, Screen[None], inherit_bindings=False
):
    """Reads one book. Opens it in a worker, shows it page by page, remembers the place.

    The moves are in `ReaderMoves`, search and go-to-percent in `ReaderSearch`, bookmarks
    and the finder in `ReaderMarks`, the other screens and leaving in `ReaderExits`; this
    class opens the book, keeps the status line and saves the place.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        binding("line_down", description="Line down", show=False),
        binding("line_up", description="Line up", show=False),
        binding("half_page_down", description="Half a page down", show=False),
        binding("half_page_up", description="Half a page up", show=False),
        binding("page_down", description="Page down", show=False),
        binding("page_up", description="Page up", show=False),
        binding("top", description="Beginning of the book", show=False),
        binding("bottom", description="End of the book", show=False),
        binding("goto_percent", description="Go to a percentage", show=False, priority=True),
        binding("next_scene", description="Next scene"),
        binding("prev_scene", description="Previous scene"),
        binding("next_chapter", description="Next chapter"),
        binding("prev_chapter", description="Previous chapter"),
        binding("jump_back", description="Back to where you were before a jump"),
        binding("search", description="Search forward", priority=True),
        binding("search_back", description="Search backward", priority=True),
        binding("search_next", description="Next match"),
        binding("search_prev", description="Previous match"),
        binding("bookmark", description="Bookmark this place", priority=True),
        binding("bookmarks", description="List bookmarks"),
        binding("find", description="Find a scene, chapter or passage", priority=True),
        binding("library", description="Library"),
        binding("settings", description="Settings"),
        binding("help", description="Keys"),
        binding("quit", description="Leave the book"),
    ]
    DEFAULT_CSS = """
    ReaderScreen { align: left top; }  /* the view centres its column itself */
    """

    class Opened(Message):
        """A stage of opening finished (a preview, then the whole book)."""

        def __init__(self, stage: Stage) -> None:
            super().__init__()
            self.stage = stage

    class OpenFailed(Message):
        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    class Registered(Message):
        """The library knows the book now (its id is needed for positions and bookmarks)."""

        def __init__(self, book_id: str) -> None:
            super().__init__()
            self.book_id = book_id

    # Actions that open a prompt or an overlay. Their bindings have priority, so the app runs
    # them the moment it reads the key and routes the keys read with it (a fast typist, a
    # laggy SSH link) to the prompt they opened, not to the page: the `q` of `/quay` is typed,
    # it does not quit. While a prompt has the focus they stand aside and their keys are typed.
    OPENS_PROMPT = frozenset(b.action for b in BINDINGS if isinstance(b, Binding) and b.priority)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in self.OPENS_PROMPT and isinstance(self.focused, Input))

    def __init__(
        self,
        path: Path | str,
        start_offset: int | None = None,
        opener: BookOpener | None = None,
    ) -> None:
        """``opener``: a `BookOpener` already reading this book (started before the app, so
        that the first page is ready when the screen is); otherwise the screen starts one."""
        super().__init__()
        self.path = Path(path)
        self.start_offset = start_offset
        self.book: Book | None = None
        self.final = False  # the whole book is in (not only a preview)
        self.meter: ProgressMeter | None = None
        self.jumps = JumpList()
        self.scene_marks: list[int] = []
        self.chapter_marks: list[int] = []
        self._dirty = False  # the place moved since it was last saved
        self._saved_offset: int | None = None
        self._user_moved = False
        self._settings_seen: object = None
        self.opener = opener
        self.book_id: str | None = None  # the library's, once the opener knows it
        try:
            app = self.app
        except NoActiveAppError:
            app = None
        if app is not None:
            # Pushed by a running app: start reading the file now, while Textual is still
            # setting the screen up.
            self._start_opening(app)

    # -- parts -------------------------------------------------------------------------------
    @property
    def view(self) -> ReaderView:
        return self.query_one(ReaderView)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    @property
    def prompt(self) -> PromptBar | None:
        """The search and percentage prompt, once it has been used (it is made on demand)."""
        from tui.ui.widgets.prompt_bar import PromptBar

        found = self.query(PromptBar)
        return found.first() if found else None

    async def _ask(self, kind: str, prompt: str, placeholder: str) -> None:
        """Open the prompt (over the status line) to ask for a search or a percentage."""
        from tui.ui.widgets.prompt_bar import PromptBar

        bar = self.prompt
        if bar is None:
            bar = PromptBar(id="reader-prompt")
            await self.mount(bar)  # after the status line, so it covers it while open
        bar.ask(kind, prompt, placeholder=placeholder)

    def compose(self) -> ComposeResult:
        yield ReaderView(id="reader-view")
        yield StatusLine(id="reader-status")

    def on_resize(self, event: events.Resize) -> None:
        self.view.fit(event.size.width)

    # -- opening -------------------------------------------------------------------------------
    def on_mount(self) -> None:
        self._apply_settings()
        self._start_opening(self.app)
        assert self.opener is not None
        ready = self.opener.attach(self._post_outcome)
        if not any(isinstance(outcome, Stage) for outcome in ready):
            name = safe_name(self.path)
            self.view.set_message(f"Opening {neutralise(self.known_title) or name}…")
            self.status.show(self.known_title or name, None, "opening…")
        for outcome in ready:
            if isinstance(outcome, Stage):
                # Found before the screen existed: straight onto the first frame.
                self._show_stage(outcome)
            else:
                # Through the message queue: leaving the screen is no business of on_mount.
                self._post_outcome(outcome)
        self._open()
        self.set_interval(SAVE_EVERY, self._autosave)
        self.view.focus()

    def _start_opening(self, app: App) -> None:
        """Start reading the book, unless an opener already is."""
        if self.opener is None:
            self.opener = BookOpener(self.path, app.library, self.start_offset)
        if self.book_id is None:
            self.book_id = self.opener.book_id
        if not self.opener.started:
            # The active app travels with the thread, for post_message.
            self.opener.start(contextvars.copy_context().run)

    @property
    def known_title(self) -> str:
        """The title the library knows, shown while a preview (which may start mid-book and
        know no title) is on screen."""
        return self.opener.known_title if self.opener else ""

    def _post_outcome(self, outcome: Outcome) -> None:
        """From the opener's thread: hand an outcome to the interface as a message."""
        if isinstance(outcome, Stage):
            self.post_message(self.Opened(outcome))
        elif isinstance(outcome, Registration):
            self.post_message(self.Registered(outcome.book_id))
        else:
            self.post_message(self.OpenFailed(outcome.error))

    @work(thread=True, exclusive=True, group="open")
    def _open(self) -> None:
        """A Textual worker that lasts as long as the opener, so that the app knows a book
        is being read (and tests can wait for it)."""
        worker = get_current_worker()
        opener = self.opener
        assert opener is not None
        while not opener.done.wait(0.05):
            if worker.is_cancelled:
                opener.cancel()
                return

    def on_unmount(self) -> None:
        if self.opener is not None:
            self.opener.cancel()

    def on_reader_screen_opened(self, message: Opened) -> None:
        self._show_stage(message.stage)

    def _show_stage(self, stage: Stage) -> None:
        view = self.view
        if view.pager is None or not self._user_moved:
            offset = stage.offset
        else:
            offset = view.top_offset()  # the reader moved during the preview: stay there
        self.book = stage.book
        self.final = stage.final
        self.meter = ProgressMeter(stage.book, self.app.settings.reader.words_per_minute)
        self.scene_marks = scene_landings(stage.book)
        self.chapter_marks = chapter_landings(stage.book)
        view.set_message("" if len(stage.book) else "This book has no text.")
        view.set_book(stage.book, offset)
        if not stage.final and self.opener is not None:
            self.call_after_refresh(self.opener.painted)
        if self.search_text:
            view.set_search(compile_query(self.search_text), None)
        if stage.final:
            if not stage.exact and not self._user_moved:
                self.notify(CHANGED_NOTICE, title="Position", severity="warning", timeout=10)
            for notice in stage.book.notices:
                self.notify(notice, title=safe_name(self.path), severity="warning", timeout=10)
        self._refresh_status()
        if stage.final:
            self.run_pending()

    def on_reader_screen_open_failed(self, message: OpenFailed) -> None:
        error = message.error
        if self._from_library():
            self.app.pop_screen()
            self.app.notify(error, title="Cannot open", severity="error", timeout=10)
        elif self.app.screen_stack[0] is self or len(self.app.screen_stack) <= 2:
            self.app.exit(return_code=2, message=f"chapbook: {error}")
        else:
            self.dismiss()
            self.app.notify(error, title="Cannot open", severity="error", timeout=10)

    def on_reader_screen_registered(self, message: Registered) -> None:
        self.book_id = message.book_id

    # -- position and status ---------------------------------------------------------------------
    def on_reader_view_position_changed(self, message: ReaderView.PositionChanged) -> None:
        if message.offset != self._saved_offset:
            self._dirty = True
        self._refresh_status()

    def _refresh_status(self) -> None:
        view = self.view
        name = safe_name(self.path)
        if self.book is None or view.pager is None or self.meter is None:
            return
        title = self.book.title or self.path.stem or name
        if not self.final:  # a preview knows neither the whole length nor every chapter
            self.status.show(self.known_title or title, None, "indexing…")
            return
        progress = self.meter.at(view.top_offset(), view.pager.top_para(), view.pager.at_end)
        self.status.show(title, progress)

    def save_state(self) -> None:
        """Store the place in the library index (the app then saves the index)."""
        if not self._dirty or self.book is None or self.book_id is None:
            return
        if self.view.pager is None:
            return
        anchor = make_anchor(self.book, self.view.top_offset())
        # The end on screen makes the book finished (a preview does not know where it ends).
        at_end = self.final and self.view.pager.at_end
        self.app.library.set_position(self.book_id, anchor, at_end=at_end)
        self._saved_offset = anchor.offset
        self._dirty = False

    def _autosave(self) -> None:
        if self._dirty and self.book_id is not None:
            self.save_state()
            self._write_library()

    @work(thread=True, group="save")
    def _write_library(self) -> None:
        """Write the index off the interface thread: an fsync can take a while on a slow
        disk, and a page turn must not wait for it. (The library locks its own state.)"""
        self.app.library.save()

    def on_screen_suspend(self) -> None:
        if self._dirty and self.book_id is not None:
            self.save_state()
            self.app.library.save()

    def on_screen_resume(self) -> None:
        self._apply_settings()
        self.view.focus()

    def _apply_settings(self) -> None:
        reader = self.app.settings.reader
        key = (
            reader.width,
            reader.margin,
            reader.paragraph_style,
            reader.justify,
            reader.scene_ornament,
            reader.words_per_minute,
        )
        if key == self._settings_seen:
            return
        self._settings_seen = key
        options = LayoutOptions(
            column=max(8, reader.width),
            paragraph_style=reader.paragraph_style,
            justify=reader.justify,
            ornament=reader.scene_ornament,
        )
        self.view.configure(options, reader.margin)
        if self.meter is not None:
            self.meter.words_per_minute = max(1, reader.words_per_minute)
            self._refresh_status()
