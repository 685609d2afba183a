"""The reader screen: the reading view, its keys, the status line, search, bookmarks and saving."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from tui.bindings import binding
from tui.core.anchor import Anchor, Bookmark, make_anchor, resolve_anchor
from tui.core.jumps import JumpList
from tui.core.loader import safe_name
from tui.core.model import Book, BookError
from tui.core.navigation import chapter_landings, next_landing, prev_landing, scene_landings
from tui.core.opening import Stage, open_stages
from tui.core.pages import LayoutOptions, Pos
from tui.core.progress import ProgressMeter
from tui.core.textsearch import Hit, compile_query, find
from tui.screens.bookmarks import BookmarkEntry, BookmarkLabelScreen, BookmarksScreen
from tui.widgets.prompt_bar import PromptBar
from tui.widgets.reader_view import ReaderView
from tui.widgets.status_line import StatusLine

# Saving: the position is written at most this often while reading (and always on leaving).
SAVE_EVERY = 1.0
# The opening worker waits at most this long for the preview to be painted.
PAINT_WAIT = 1.0
CHANGED_NOTICE = "The book has changed since you last read it: opened at the nearest place."


def _optional(module: str, name: str) -> Any:
    """A screen class from another part of chapbook, or None when it is not available."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


class ReaderScreen(Screen[None], inherit_bindings=False):
    """Reads one book. Opens it in a worker, shows it page by page, remembers the place."""

    BINDINGS: ClassVar[list[BindingType]] = [
        binding("line_down", description="Line down", show=False),
        binding("line_up", description="Line up", show=False),
        binding("half_page_down", description="Half a page down", show=False),
        binding("half_page_up", description="Half a page up", show=False),
        binding("page_down", description="Page down", show=False),
        binding("page_up", description="Page up", show=False),
        binding("top", description="Beginning of the book", show=False),
        binding("bottom", description="End of the book", show=False),
        binding("goto_percent", description="Go to a percentage", show=False),
        binding("next_scene", description="Next scene"),
        binding("prev_scene", description="Previous scene"),
        binding("next_chapter", description="Next chapter"),
        binding("prev_chapter", description="Previous chapter"),
        binding("jump_back", description="Back to where you were before a jump"),
        binding("search", description="Search forward"),
        binding("search_back", description="Search backward"),
        binding("search_next", description="Next match"),
        binding("search_prev", description="Previous match"),
        binding("bookmark", description="Bookmark this place"),
        binding("bookmarks", description="List bookmarks"),
        binding("find", description="Find a scene, chapter or passage"),
        binding("library", description="Library"),
        binding("settings", description="Settings"),
        binding("help", description="Keys"),
        binding("quit", description="Leave the book"),
    ]
    DEFAULT_CSS = """
    ReaderScreen { align: center top; }
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

    class SearchFinished(Message):
        def __init__(self, hit: Hit | None, query: str, serial: int) -> None:
            super().__init__()
            self.hit = hit
            self.query = query
            self.serial = serial

    def __init__(self, path: Path | str, start_offset: int | None = None) -> None:
        super().__init__()
        self.path = Path(path)
        self.start_offset = start_offset
        self.book: Book | None = None
        self.final = False  # the whole book is in (not only a preview)
        self.book_id: str | None = None
        self.meter: ProgressMeter | None = None
        self.jumps = JumpList()
        self.scene_marks: list[int] = []
        self.chapter_marks: list[int] = []
        self.search_text = ""
        self.search_backward = False
        self.hit: Hit | None = None
        self._search_serial = 0
        self._dirty = False  # the place moved since it was last saved
        self._saved_offset: int | None = None
        self._user_moved = False
        self._settings_seen: object = None
        self._painted = threading.Event()  # the preview is on screen

    # -- parts -------------------------------------------------------------------------------
    @property
    def view(self) -> ReaderView:
        return self.query_one(ReaderView)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    @property
    def prompt(self) -> PromptBar:
        return self.query_one(PromptBar)

    def compose(self) -> ComposeResult:
        yield ReaderView(id="reader-view")
        yield PromptBar(id="reader-prompt")
        yield StatusLine(id="reader-status")

    def on_resize(self, event: events.Resize) -> None:
        self.view.fit(event.size.width)

    # -- opening -------------------------------------------------------------------------------
    def on_mount(self) -> None:
        self._apply_settings()
        name = safe_name(self.path)
        self.view.set_message(f"Opening {name}…")
        self.status.show(name, None, "opening…")
        anchor = None
        library = self.app.library
        try:
            record = library.find_by_path(self.path)
        except (OSError, BookError):
            record = None
        if record is not None:
            self.book_id = record.id
            anchor = library.position(record.id)
        self._open(anchor)
        self.set_interval(SAVE_EVERY, self._autosave)
        self.view.focus()

    @work(thread=True, exclusive=True, group="open")
    def _open(self, anchor: Anchor | None) -> None:
        """Open the book in a thread of its own and wait for it, cancellably.

        Parsing a huge book cannot be interrupted, and Python waits for its worker threads
        before a process ends; a daemon thread does the work so that quitting (or a hang-up)
        while an 84 MB book is being indexed ends chapbook at once.
        """
        worker = get_current_worker()
        done = threading.Event()
        thread = threading.Thread(
            target=self._open_stages,
            args=(anchor, lambda: worker.is_cancelled, done),
            name="chapbook-open",
            daemon=True,
        )
        thread.start()
        while not done.wait(0.05):
            if worker.is_cancelled:
                return

    def _open_stages(
        self, anchor: Anchor | None, cancelled: Callable[[], bool], done: threading.Event
    ) -> None:
        try:
            for stage in open_stages(self.path, anchor, self.start_offset):
                if cancelled():
                    return
                self.post_message(self.Opened(stage))
                if not stage.final:
                    # Let the interface thread paint the first page before the full parse
                    # competes with it for the interpreter.
                    self._painted.wait(timeout=PAINT_WAIT)
                elif not cancelled():
                    record = self.app.library.add_book(self.path, stage.book)
                    self.post_message(self.Registered(record.id))
        except BookError as err:
            self.post_message(self.OpenFailed(str(err)))
        except Exception as err:  # a parser bug: one line for the user, never a traceback
            message = f"cannot open {safe_name(self.path)}: {type(err).__name__}: {err}"
            self.post_message(self.OpenFailed(message.splitlines()[0]))
        finally:
            done.set()

    def on_reader_screen_opened(self, message: Opened) -> None:
        stage = message.stage
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
        view.set_message("")
        view.set_book(stage.book, offset)
        if not stage.final:
            self.call_after_refresh(self._painted.set)
        if self.search_text:
            view.set_search(compile_query(self.search_text), None)
        if stage.final:
            if not stage.exact and not self._user_moved:
                self.notify(CHANGED_NOTICE, title="Position", severity="warning", timeout=10)
            for notice in stage.book.notices:
                self.notify(notice, title=safe_name(self.path), severity="warning", timeout=10)
        self._refresh_status()

    def on_reader_screen_open_failed(self, message: OpenFailed) -> None:
        if self._from_library():
            self.app.pop_screen()
            self.app.notify(message.error, title="Cannot open", severity="error", timeout=10)
        elif self.app.screen_stack[0] is self or len(self.app.screen_stack) <= 2:
            self.app.exit(return_code=2, message=f"chapbook: {message.error}")
        else:
            self.dismiss()
            self.app.notify(message.error, title="Cannot open", severity="error", timeout=10)

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
            self.status.show(title, None, "indexing…")
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
        self.app.library.set_position(self.book_id, anchor)
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

    # -- moving ----------------------------------------------------------------------------------
    def _ready(self) -> bool:
        return self.view.pager is not None

    def _scroll(self, rows: int = 0, pages: float = 0) -> None:
        if not self._ready():
            return
        self._user_moved = True
        if pages:
            self.view.scroll_pages(pages)
        else:
            self.view.scroll_rows(rows)
        self._refresh_status()  # now, so the text and the status line go out in one frame

    def _jump(self, move: Callable[[], None]) -> None:
        """Make a jump, remembering where it left from so `jump_back` can return."""
        if not self._ready():
            return
        self._user_moved = True
        before = self.view.top_offset()
        move()
        if self.view.top_offset() != before:
            self.jumps.push(before)
        self._refresh_status()

    def action_line_down(self) -> None:
        self._scroll(rows=1)

    def action_line_up(self) -> None:
        self._scroll(rows=-1)

    def action_half_page_down(self) -> None:
        self._scroll(pages=0.5)

    def action_half_page_up(self) -> None:
        self._scroll(pages=-0.5)

    def action_page_down(self) -> None:
        self._scroll(pages=1)

    def action_page_up(self) -> None:
        self._scroll(pages=-1)

    def action_top(self) -> None:
        self._jump(lambda: self.view.go_to(Pos(0)))

    def _whole_book(self) -> bool:
        """True once the whole book is in; otherwise says so (the preview is partial)."""
        if self.final:
            return True
        if self._ready():
            self.notify("Still reading the whole book: try again in a moment", timeout=2)
        return False

    def action_bottom(self) -> None:
        if self._whole_book():
            self._jump(self.view.go_to_end)

    def action_goto_percent(self) -> None:
        if self._whole_book():
            self.prompt.ask("percent", "Go to %", placeholder="0–100, then Enter")

    def _go_percent(self, value: str) -> None:
        try:
            percent = float(value.strip().rstrip("%"))
        except ValueError:
            self.notify(f"Not a percentage: {value.strip()!r}", severity="warning")
            return
        percent = max(0.0, min(100.0, percent))
        assert self.book is not None
        offset = int(len(self.book.text) * percent / 100)
        self._jump(lambda: self.view.go_to_offset(offset))

    def _landing(self, marks: list[int], forward: bool, what: str) -> None:
        pager = self.view.pager
        if pager is None:
            return
        top = pager.top
        if forward:
            target = next_landing(marks, top.para)
        else:
            target = prev_landing(marks, top.para, at_block_top=top.piece == 0 and top.row == 0)
        if target is None:
            if not marks:
                self.notify(f"This book has no {what}s" if self.final else "Still indexing…")
            else:
                self.notify(f"No {'next' if forward else 'previous'} {what}", timeout=2)
            return
        self._jump(lambda: self.view.go_to(Pos(target)))

    def action_next_scene(self) -> None:
        self._landing(self.scene_marks, True, "scene")

    def action_prev_scene(self) -> None:
        self._landing(self.scene_marks, False, "scene")

    def action_next_chapter(self) -> None:
        self._landing(self.chapter_marks, True, "chapter")

    def action_prev_chapter(self) -> None:
        self._landing(self.chapter_marks, False, "chapter")

    def action_jump_back(self) -> None:
        if not self._ready():
            return
        place = self.jumps.back(self.view.top_offset())
        if place is None:
            self.notify("No earlier place to go back to", timeout=2)
            return
        self._user_moved = True
        self.view.go_to_offset(place)
        self._refresh_status()

    def jump_to_offset(self, offset: int) -> None:
        """Jump to a character offset (from the finder or a bookmark), keeping the jump list."""
        self._jump(lambda: self.view.go_to_offset(offset))

    # -- search ----------------------------------------------------------------------------------
    def action_search(self) -> None:
        if self._whole_book():
            self.prompt.ask("search", "/", placeholder="search forward")

    def action_search_back(self) -> None:
        if self._whole_book():
            self.prompt.ask("search_back", "?", placeholder="search backward")

    def action_search_next(self) -> None:
        self._repeat_search(self.search_backward)

    def action_search_prev(self) -> None:
        self._repeat_search(not self.search_backward)

    def _repeat_search(self, backward: bool) -> None:
        if not self._whole_book():
            return
        if not self.search_text:
            self.notify("No search yet: press / to search", timeout=3)
            return
        self._run_search(self.search_text, backward)

    def _run_search(self, query: str, backward: bool) -> None:
        pattern = compile_query(query)
        if pattern is None or self.book is None:
            return
        view = self.view
        top = view.top_offset()
        hit = self.hit
        if hit is not None and top <= hit.start < view.bottom_offset():
            origin = hit.start if backward else hit.start + 1
        else:
            origin = top
        self._search_serial += 1
        self.status.set_note(f"searching for “{query}”…")
        self._search(self.book.text, query, origin, backward, self._search_serial)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, text: str, query: str, origin: int, backward: bool, serial: int) -> None:
        worker = get_current_worker()
        pattern = compile_query(query)
        if pattern is None:
            return
        hit = find(text, pattern, origin, backward=backward, cancelled=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.post_message(self.SearchFinished(hit, query, serial))

    def on_reader_screen_search_finished(self, message: SearchFinished) -> None:
        if message.serial != self._search_serial:
            return  # a newer search replaced this one
        self._refresh_status()
        self.status.set_note("" if self.final else "indexing…")
        hit = message.hit
        if hit is None:
            self.notify(f"Not found: {message.query}", severity="warning", timeout=3)
            return
        self.hit = hit
        view = self.view
        if hit.wrapped:
            where = "the end" if self.search_backward else "the beginning"
            self.notify(f"Search wrapped around to {where}", timeout=3)
        if not view.top_offset() <= hit.start < view.bottom_offset():
            self._jump(lambda: view.go_to_offset(hit.start, context=view.size.height // 3))
        view.set_search(compile_query(message.query), (hit.start, hit.end))

    def on_prompt_bar_submitted(self, message: PromptBar.Submitted) -> None:
        self.view.focus()
        if message.kind == "percent":
            self._go_percent(message.value)
        elif message.kind in ("search", "search_back") and message.value.strip():
            self.search_text = message.value.strip()
            self.search_backward = message.kind == "search_back"
            self.hit = None
            self.view.set_search(compile_query(self.search_text), None)
            self._run_search(self.search_text, self.search_backward)

    def on_prompt_bar_cancelled(self, message: PromptBar.Cancelled) -> None:
        self.view.focus()

    # -- bookmarks and the finder --------------------------------------------------------------
    def action_bookmark(self) -> None:
        if self.book is None or self.book_id is None or self.meter is None:
            self.notify("Still opening the book…", timeout=2)
            return
        offset = self.view.top_offset()
        place = self.meter.place(self.view.pager.top_para()) if self.view.pager else ""

        def done(label: str | None) -> None:
            if label is None or self.book is None or self.book_id is None:
                return
            mark = Bookmark(make_anchor(self.book, offset), label)
            self.app.library.add_bookmark(self.book_id, mark)
            self.app.library.save()
            self.notify(f"Bookmarked: {label}" if label else "Bookmarked", timeout=3)

        self.app.push_screen(BookmarkLabelScreen(place or safe_name(self.path)), done)

    def _bookmark_entries(self) -> list[BookmarkEntry]:
        book, meter = self.book, self.meter
        if book is None or meter is None or self.book_id is None:
            return []
        entries = []
        for mark in self.app.library.bookmarks(self.book_id):
            offset, _ = resolve_anchor(book, mark.anchor, whole_book=False)
            para = book.para_at(offset) if len(book) else 0
            snippet = " ".join(book.paragraph(para).split()[:12]) if len(book) else ""
            percent = 100 * offset / max(1, len(book.text))
            entries.append(BookmarkEntry(mark, meter.place(para), percent, snippet))
        return entries

    def action_bookmarks(self) -> None:
        if self.book is None or self.book_id is None:
            self.notify("Still opening the book…", timeout=2)
            return
        book_id = self.book_id

        def remove(mark: Bookmark) -> None:
            self.app.library.remove_bookmark(book_id, mark)
            self.app.library.save()

        def chosen(mark: Bookmark | None) -> None:
            if mark is not None and self.book is not None:
                offset, exact = resolve_anchor(self.book, mark.anchor)
                if not exact:
                    self.notify("The book changed: the bookmark is at the nearest place")
                self.jump_to_offset(offset)

        self.app.push_screen(BookmarksScreen(self._bookmark_entries(), remove), chosen)

    def action_find(self) -> None:
        finder = _optional("tui.screens.finder", "FinderScreen")
        if finder is None:
            self.notify("The finder is not available in this build", severity="warning")
            return
        if self.book is None or not self.final:
            self.notify("Still indexing the book: try again in a moment", timeout=3)
            return
        marks = self.app.library.bookmarks(self.book_id) if self.book_id else []

        def chosen(offset: int | None) -> None:
            if offset is not None:
                self.jump_to_offset(int(offset))

        screen = finder(book=self.book, bookmarks=marks, position=self.view.top_offset())
        self.app.push_screen(screen, chosen)

    # -- other screens ---------------------------------------------------------------------------
    def _from_library(self) -> bool:
        stack = self.app.screen_stack
        if self not in stack:
            return False
        at = stack.index(self)
        return at > 0 and type(stack[at - 1]).__name__ == "LibraryScreen"

    def action_library(self) -> None:
        if self._from_library():
            self._leave()
            return
        library_screen = _optional("tui.screens.library", "LibraryScreen")
        if library_screen is None:
            self.notify("The library is not available in this build", severity="warning")
            return
        self.app.push_screen(library_screen())

    def action_settings(self) -> None:
        settings_screen = _optional("tui.screens.settings", "SettingsScreen")
        if settings_screen is None:
            self.notify("Settings are not available in this build", severity="warning")
            return
        self.app.push_screen(settings_screen())

    def action_help(self) -> None:
        help_screen = _optional("tui.screens.help", "HelpScreen")
        if help_screen is None:
            self.notify("Help is not available in this build", severity="warning")
            return
        self.app.push_screen(help_screen(self))

    def _leave(self) -> None:
        self.save_state()
        self.app.library.save()
        self.dismiss()

    async def action_quit(self) -> None:
        """Back to the library when the book was opened from there, otherwise quit."""
        if self._from_library():
            self._leave()
            return
        self.save_state()
        await self.app.action_quit()
