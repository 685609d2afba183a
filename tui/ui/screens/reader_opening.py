"""The reader's opening: start the opener, show each stage as it comes, and handle failure."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal, Protocol

from textual.message import Message

from tui.book.anchor import resolve_anchor
from tui.book.loader import neutralise, safe_name
from tui.book.model import Book
from tui.library.records import BookRecord
from tui.paths import shown_path
from tui.reading.jumps import OTHER_BOOK, JumpList
from tui.reading.opener import BookOpener, Outcome, Registration
from tui.reading.pager import Pos
from tui.reading.pending import Pending
from tui.reading.stages import QUICK_SPAN, Stage, StartAt
from tui.reading.whole_text import WholeText
from tui.ui.app import ChapbookApp
from tui.ui.screens.reader_copies import newer_copy_text, older_copy_text
from tui.ui.screens.reader_host import ReaderHost
from tui.ui.widgets.keyhint import key_hint

CHANGED_NOTICE = "The book has changed since you last read it: opened at the nearest place."


class StageArrived(Message):
    """A stage of opening finished (a preview, then the whole book)."""

    def __init__(self, stage: Stage) -> None:
        super().__init__()
        self.stage = stage


class TextRead(Message):
    """The whole text is read (its parse goes on): moves that need only the text may go."""

    def __init__(self, whole: WholeText) -> None:
        super().__init__()
        self.whole = whole


class PreviewAhead(Message):
    """A preview of the whole text around a place a move goes to, made before the parse ends;
    ``go`` makes the move in it; ``serial``: which such move it answers."""

    def __init__(
        self, stage: Stage | None, go: Callable[[], None], serial: int, jump: bool
    ) -> None:
        super().__init__()
        self.stage = stage
        self.go = go
        self.serial = serial
        self.jump = jump  # a jump (kept in the jump list), or a walk along it
        # (no ``stage``: the preview did not hold what the move looks for; ``go`` says so)


def _nothing() -> None:
    pass


class OpenFailed(Message):
    """The book cannot be opened; ``error`` is one line for the user."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class Registered(Message):
    """The library knows the book now (its id is needed for positions and bookmarks);
    ``replaced``: as another story than the one it knew at that path; ``rejoined``: as the
    book set aside from that path before, whose file holds it again."""

    def __init__(
        self,
        book_id: str,
        replaced: bool = False,
        rejoined: bool = False,
        linked: bool = False,
        older_than: str = "",
    ) -> None:
        super().__init__()
        self.book_id = book_id
        self.replaced = replaced
        self.rejoined = rejoined
        self.linked = linked  # a book the library had elsewhere (downloaded again)
        self.older_than = older_than  # the book whose story this file is an older copy of


class OpeningHost(ReaderHost, Protocol):
    """What opening needs of the screen beyond what every flow does."""

    def call_after_refresh(self, callback: Callable[[], object]) -> bool: ...

    def dismiss(self, result: None = None) -> object: ...

    def from_library(self) -> bool: ...


class OpeningFlow:
    """Opens the book in a `BookOpener` thread and turns what it finds into messages for the
    screen, then into the view: a preview first, then the whole book; or a failure, which
    goes back to the library or ends the app with a one-line message."""

    def __init__(
        self,
        host: OpeningHost,
        path: Path,
        start_at: StartAt | None,
        opener: BookOpener | None,
        answer_pending: Callable[[Pending], None],
    ) -> None:
        self.host = host
        self.path = path
        self.start_at = start_at
        self.opener = opener
        self.answer_pending = answer_pending
        # The saved place was not found as it was: said once the library has looked at the
        # book, with what else is new in it (chapters added since it was last read).
        self.place_changed = False
        # Where the place was in the text on screen before the file was cut short on purpose,
        # when this reader reads it again: said, with where the place is now.
        self.shorter: str | None = None
        # The newest move made in the whole text before its parse ended, and the top of the
        # screen when it was asked (a page move since then drops it).
        self._ahead = (0, -1)

    @property
    def known_title(self) -> str:
        """The title the library knows, shown while a preview (which may start mid-book and
        know no title) is on screen."""
        return self.opener.known_title if self.opener else ""

    def start(self, app: ChapbookApp) -> BookOpener:
        """Start reading the book, unless an opener already is."""
        if self.opener is None:
            self.opener = BookOpener(self.path, app.library, self.start_at)
        session = self.host.session
        if session.book_id is None:
            session.book_id = self.opener.book_id
        if not self.opener.started:
            # Read in a worker of the screen: the app then knows a book is being read, and
            # the worker ends with the screen.
            self.opener.start(self._in_worker)
        return self.opener

    def _in_worker(self, read: Callable[[], None]) -> None:
        self.host.run_worker(read, thread=True, exclusive=True, group="open")

    def mounted(self) -> None:
        """The screen is up: show what the opener already found, and wait for the rest."""
        host = self.host
        opener = self.start(host.app)
        ready = opener.attach(self._post_outcome)
        if not any(isinstance(outcome, Stage) for outcome in ready):
            name = safe_name(self.path)
            host.view.set_message(f"Opening {neutralise(self.known_title) or name}…")
            host.status.show(self.known_title or name, None, "opening…")
        host.call_after_refresh(opener.shown)
        for outcome in ready:
            if isinstance(outcome, Stage):
                # Found before the screen existed: straight onto the first frame.
                self.show_stage(outcome)
            else:
                # Through the message queue: leaving the screen is no business of mounting.
                self._post_outcome(outcome)

    def cancel(self) -> None:
        if self.opener is not None:
            self.opener.cancel()

    def _post_outcome(self, outcome: Outcome) -> None:
        """From the opener's thread: hand an outcome to the interface as a message."""
        if isinstance(outcome, Stage):
            self.host.post_message(StageArrived(outcome))
        elif isinstance(outcome, Registration):
            self.host.post_message(
                Registered(
                    outcome.book_id,
                    outcome.replaced,
                    outcome.rejoined,
                    outcome.linked,
                    outcome.older_than,
                )
            )
        elif isinstance(outcome, WholeText):
            self.host.post_message(TextRead(outcome))
        else:
            self.host.post_message(OpenFailed(outcome.error))

    def show_stage(self, stage: Stage) -> None:
        host = self.host
        view, session = host.view, host.session
        if view.pager is None or not session.user_moved:
            offset = stage.offset
        else:
            offset = view.top_offset()  # the reader moved during the preview: stay there
        session.show_stage(stage)
        view.set_message("" if len(stage.book) else "This book has no text.")
        view.set_book(stage.book, offset)
        if not session.user_moved and len(stage.book):
            # The place opened at is named by the status line even where the end of the book
            # holds it below the top of the screen (a short last chapter jumped to).
            session.aimed = stage.book.para_read_at(offset)
        if session.came_from is not None and self.start_at is None and not session.user_moved:
            # (opened from another book by `:e FILE`: back is that book, as ctrl+o is in vim)
            session.jumps.push(OTHER_BOOK)
        if self.start_at is not None and not session.user_moved and len(stage.book):
            # Opened at a jump (the first new chapter): a jump like any other, with the saved
            # place it left in the jump list, and a glance if it left from far before the end.
            if session.came_from is not None:
                # (opened by a capital mark in another book: back is that book, as in vim)
                session.jumps.push(OTHER_BOOK)
            elif stage.left is not None and stage.left != view.top_offset():
                session.jumps.push(stage.left)
            pager = view.pager
            if stage.left is not None and pager is not None:
                session.glancing = session.glanced_at_end(
                    stage.left, view.top_offset(), pager.bottom_offset(), pager.at_end
                )
        if stage.final and view.pager is not None:
            pager = view.pager
            session.judge_glance(view.top_offset(), pager.bottom_offset(), pager.at_end)
        if not stage.final and self.opener is not None:
            host.call_after_refresh(self.opener.painted)
        if session.search.shown:
            view.set_search(session.search.pattern, None)
        if stage.final:
            self.place_changed = not stage.exact and not session.user_moved
            for notice in stage.book.notices:
                host.notify(notice, title=safe_name(self.path), severity="warning", timeout=10)
        host.refresh_status()
        pending = session.waiting.take(session.final)
        if pending is not None:
            self.answer_pending(pending)

    def go_before_the_parse(
        self,
        around: int,
        go: Callable[[], None],
        jump: bool = True,
        holds: Callable[[Book], bool] | None = None,
        otherwise: Callable[[], None] | None = None,
    ) -> bool:
        """A move to ``around`` (made by ``go``) asked while the book is still parsed: once its
        whole text is read, a preview of the text there is made in a worker and the move made
        in it, without waiting for the chapters (the status line names the chapter once the
        whole book is in). False when the text is not read yet: the move waits for the book.
        ``holds``: whether that preview holds what the move looks for (a saved place's
        paragraph); when it does not, ``otherwise`` runs instead of the move."""
        session = self.host.session
        whole = session.whole_text
        if session.final or whole is None or self.host.view.pager is None:
            return False
        serial = self._ahead[0] + 1
        self._ahead = (serial, self.host.view.top_offset())

        title = session.book.title if session.book is not None else ""

        def make() -> None:
            book = whole.preview(around, QUICK_SPAN)
            book.title = title or book.title  # (a window mid-book has no title page of its own)
            if holds is not None and not holds(book):
                self.host.post_message(PreviewAhead(None, otherwise or _nothing, serial, False))
                return
            stage = Stage(book, around, True, False)
            self.host.post_message(PreviewAhead(stage, go, serial, jump))

        self.host.run_worker(make, thread=True, exclusive=True, group="preview-ahead")
        return True

    def preview_ahead(self, message: PreviewAhead) -> None:
        """The preview for a move asked before the parse ended: the move is made in it (or in
        the whole book, if it came first), unless a later move or a page turn came since."""
        host, session = self.host, self.host.session
        serial, asked_at = self._ahead
        if message.serial != serial or host.view.top_offset() != asked_at:
            return
        stage = message.stage
        if stage is None:
            message.go()
            return

        def go() -> None:
            if not session.final:  # (else the whole book came first: the move is made in it)
                session.show_stage(stage)
                host.view.set_book(stage.book, stage.offset)
            message.go()

        if message.jump:
            host.jump(go)
        else:
            go()
            host.refresh_status()

    def registered(
        self,
        replaced: bool = False,
        rejoined: bool = False,
        linked: bool = False,
        older_than: str = "",
    ) -> None:
        """The library has looked at the book (right after the whole book is in): say which
        chapters are new since it was last read, and where it opened if its place was
        rewritten, in one notice; or, when the file holds another story now, start that; or,
        when it holds again the book set aside from it, go back to that book's place; or, when
        it is a book read before from another file (downloaded again), go to its place; or,
        when it is an older copy of a story read from a newer file, say so."""
        host, session = self.host, self.host.session
        library = host.app.library
        record = library.get(session.book_id) if session.book_id else None
        if replaced and record is not None:
            self._start_another_story(record)
            return
        newer = library.get(older_than) if older_than else None
        if newer is not None and record is not None:
            host.notify(
                older_copy_text(record, newer, self.path),
                title="Older copy",
                severity="warning",
                timeout=15,
                markup=False,
            )
        if rejoined and record is not None:
            self._back_to_the_place(record)
        if linked and record is not None:
            self._go_to_the_place(record)
        if record is not None:
            session.take_up_jumps(host.app.library.jumps(record.id))
            if record.glanced and not session.opened_at_jump and not session.user_moved:
                # Opened again where a glance at the end left it: still not read to the end.
                session.glancing = session.peeking = True
        news = ""
        if record is not None and record.updated and record.new_offset >= 0:
            session.new_chapter_offset = record.new_offset
            if not session.user_moved and host.view.pager is not None:
                # (opened at them, by `U` in the library or at a place a jump left there)
                session.glimpse(host.view.pager.bottom_offset())
            # (`U` in the library went there already; or the library just offered them)
            if not session.opened_at_jump and not session.update_offered:
                count = record.new_chapters
                title = neutralise(record.new_title) or "(untitled)"
                news = (
                    f"{count} new chapter{'' if count == 1 else 's'} since you last read: "
                    f"{title} · {key_hint(host.app, 'open_update')} to go there"
                )
        if linked and record is not None:
            said = f"{newer_copy_text(record, self.path)}: at your place, with its bookmarks"
            message = f"{said} · {news}" if news else said
            host.notify(message, title="Newer copy", timeout=12, markup=False)
        elif self.shorter is not None:
            self._say_shorter(self.shorter)
        elif self.place_changed:
            self.place_changed = False
            message = f"{CHANGED_NOTICE} {news}" if news else CHANGED_NOTICE
            host.notify(message, title="Position", severity="warning", timeout=10, markup=False)
        elif news:
            host.notify(news, title="Updated", timeout=10, markup=False)

    def _say_shorter(self, was: str) -> None:
        """The book was read again from its file cut short on purpose: where the place is
        now, and, when its paragraph is gone with the text cut, where it was."""
        host = self.host
        self.shorter, changed, self.place_changed = None, self.place_changed, False
        name = safe_name(self.path.name)
        pager = host.view.pager
        now = host.session.place_said(host.view.top_offset(), pager is not None and pager.at_end)
        if changed:
            message = (
                f"{name} is shorter now: your place ({neutralise(was)}) is no longer in it; "
                f"opened at the nearest place, {neutralise(now)}"
            )
        else:
            message = f"{name} is shorter now: read as it is, at your place ({neutralise(now)})"
        severity: Literal["warning", "information"] = "warning" if changed else "information"
        host.notify(message, title="File cut short", severity=severity, timeout=12, markup=False)

    def _start_another_story(self, record: BookRecord) -> None:
        """The file holds another story than the one read there: it starts at its beginning,
        with none of the old one's places; the old one's are kept in the library."""
        host, session = self.host, self.host.session
        self.place_changed = False
        session.jumps = JumpList()
        if not session.user_moved and host.view.pager is not None:
            session.aimed = None
            host.view.go_to(Pos(0))
        story = neutralise(record.title) or "untitled"
        if record.author:
            story += f" by {neutralise(record.author)}"
        old = neutralise(self.known_title) or "the story read before"
        host.notify(
            f"{shown_path(record.path)} now holds a different story ({story}): starting it from "
            f"the beginning. The place and bookmarks of “{old}” are kept in the library, "
            "where it is listed as missing",
            title="Another story",
            severity="warning",
            timeout=15,
            markup=False,
        )
        host.refresh_status()

    def _back_to_the_place(self, record: BookRecord) -> None:
        """The book set aside from this file is in it again: it is read on from its own place
        (the book opened at the place of the one made for what was there meanwhile)."""
        if not self._go_to_the_place(record):
            return
        self.host.notify(
            f"{shown_path(record.path)} holds “{neutralise(record.title)}” again: back at your "
            "place, with its bookmarks",
            title="Back",
            timeout=8,
            markup=False,
        )

    def _go_to_the_place(self, record: BookRecord) -> bool:
        """The book opened at its start is one the library keeps a place in (kept for it
        under another file): go there, unless the reader moved meanwhile. False when there is
        no place to go to."""
        host, session = self.host, self.host.session
        place = record.position
        if place is None or session.book is None or host.view.pager is None:
            return False
        if not session.user_moved:
            offset, _exact = resolve_anchor(session.book, place)
            if offset != host.view.top_offset():
                host.jump_to_offset(offset)
                session.took_up(host.view.top_offset(), record.reached_at)  # (not read on here)
        return True

    def failed(self, error: str) -> None:
        """The book cannot be read: back to the screen under the reader, saying why. The book
        chapbook was started on (`chapbook FILE`) ends it with a one-line message instead;
        a reader that took another's place (the file read again once it changed, a mark in
        another book) with nothing under it gives way to the library."""
        host = self.host
        app = host.app
        if app.started_on is host:
            app.exit(return_code=2, message=f"chapbook: {error}")
            return
        if host.from_library():
            app.pop_screen()
        elif app.screen_stack[0] is host or len(app.screen_stack) <= 2:
            app.switch_screen(app.screens.library())
        else:
            host.dismiss()
        app.notify(error, title="Cannot open", severity="error", timeout=10)
