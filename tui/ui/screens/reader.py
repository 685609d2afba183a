"""The reader screen: the reading view and its status line, each key handed to its flow."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from textual import events, getters, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.types import NoActiveAppError
from textual.widgets import Input

from tui.book.anchor import Anchor
from tui.book.model import Book
from tui.reading.navigation import LandingKind
from tui.reading.opener import BookOpener
from tui.reading.pending import PendingKind
from tui.reading.search import Match
from tui.reading.session import ReadingSession
from tui.reading.stages import StartAt
from tui.ui.app import ChapbookApp
from tui.ui.dialogs.once import DismissesOnce, ask
from tui.ui.screens.reader_away import AwayFlow
from tui.ui.screens.reader_copy import CopyFlow
from tui.ui.screens.reader_files import FilesFlow
from tui.ui.screens.reader_handoff import HandoffFlow
from tui.ui.screens.reader_info import InfoFlow
from tui.ui.screens.reader_isearch import IsearchFlow
from tui.ui.screens.reader_keeping import KeepingFlow
from tui.ui.screens.reader_keys import READER_BINDINGS, READER_HELP_NOTES
from tui.ui.screens.reader_leaving import LeavingFlow
from tui.ui.screens.reader_marks import MarksFlow
from tui.ui.screens.reader_moves import MovesFlow
from tui.ui.screens.reader_opening import (
    OpenFailed,
    OpeningFlow,
    PreviewAhead,
    Registered,
    StageArrived,
    TextRead,
)
from tui.ui.screens.reader_pending import PendingFlow
from tui.ui.screens.reader_places import PlacesFlow
from tui.ui.screens.reader_prompts import PromptFlow
from tui.ui.screens.reader_saved import SavedPlacesFlow
from tui.ui.screens.reader_search import MatchesCounted, SearchFinished, SearchFlow
from tui.ui.screens.reader_status import StatusFlow
from tui.ui.screens.reader_typing import TypingFlow
from tui.ui.screens.reader_watching import WatchingFlow
from tui.ui.screens.settings_watching import watch_settings_file
from tui.ui.terminal.alt_keys import EscapeThenKey
from tui.ui.terminal.resizes import FollowsTheTerminal
from tui.ui.widgets.keyhint import key_hint
from tui.ui.widgets.prompt_bar import PromptBar
from tui.ui.widgets.reader_view import ReaderView
from tui.ui.widgets.status_line import StatusLine

T = TypeVar("T")

# Saving: the position is written at most this often while reading (and always on leaving).
SAVE_EVERY = 1.0


class ReaderScreen(FollowsTheTerminal, DismissesOnce, Screen[None], inherit_bindings=False):
    """Reads one book. Opens it in a worker, shows it page by page, remembers the place.

    What it knows about the book is in a headless `ReadingSession`; search and go-to-percent
    are a `SearchFlow`, bookmarks and the finder a `PlacesFlow`, the ways out a `LeavingFlow`,
    what waited for the whole book a `PendingFlow`, the book going off the screen and back an
    `AwayFlow`, and what the status line says a `StatusFlow`. The screen turns keys into their
    calls, and their answers into the view, the status line and notices.
    """

    app = getters.app(ChapbookApp)
    view = getters.query_one("#reader-view", ReaderView)
    status = getters.query_one("#reader-status", StatusLine)

    BINDINGS: ClassVar[list[BindingType]] = list(READER_BINDINGS)
    HELP_NOTES = READER_HELP_NOTES
    # Escape then G typed fast comes as alt+G: with no alt+G binding, it is Escape then G.
    ESCAPE_THEN_KEY: EscapeThenKey = "bound"
    DEFAULT_CSS = """
    ReaderScreen { align: left top; }  /* the view centres its column itself */
    """

    # Actions that open a prompt or an overlay have priority bindings, so the app runs them
    # the moment it reads the key and routes the keys read with it (a fast typist, a laggy SSH
    # link) to the prompt they opened, not to the page: the `q` of `/quay` is typed, it does
    # not quit. While a prompt has the focus every reader action stands aside: its keys are
    # typed, and ↑, ↓ and PageDown belong to the prompt, never moving the page under it.
    # So too while the finder waits for the whole book: what is typed is its query; and while
    # the contents waits, what is typed is kept for it (Escape gives the wait up).
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.session.waiting.waiting_to_find():
            return action == "find"
        if self.session.waiting.typing_ahead():  # the contents' keys, but Escape gives it up
            return action == "close"
        if self._key_awaited():
            return False  # (the `t` of vim's `zt` or `mt` is not the contents')
        return not isinstance(self.focused, Input)

    def keys_shown(self, action_id: str, keys: list[str]) -> list[str]:
        """The keys the help shows for ``action_id`` (vim's `gg` for the top)."""
        return self.typing.keys_shown(action_id, keys)

    def _key_awaited(self) -> bool:
        """A mark waits for its letter (`m`, `'`), or vim's `z` or `g` for the key after it."""
        return bool(self.typing.prefix_waits) or self.session.mark_pending is not None

    def __init__(
        self,
        path: Path | str,
        start_at: StartAt | None = None,
        opener: BookOpener | None = None,
        update_offered: bool = False,
        came_from: Path | None = None,
        shorter: str | None = None,
    ) -> None:
        """``opener``: a `BookOpener` already reading this book (started before the app, so
        that the first page is ready when the screen is); otherwise the screen starts one.
        ``came_from``: the book a capital mark opened this one from, which `jump_back`
        returns to. ``shorter``: the book is read again from its file cut short, and this
        is where its place was (said with where it is now)."""
        super().__init__()
        self.path = Path(path)
        self.start_at = start_at
        self.session = ReadingSession(self.path)
        self.session.opened_at_jump = start_at is not None
        self.session.update_offered = update_offered
        self.session.came_from = came_from
        self.saying = StatusFlow(
            self.session, lambda: self.view, lambda: self.status, lambda: self.known_title
        )
        self.searching = SearchFlow(self)
        self.isearch = IsearchFlow(self, self.searching)  # (emacs's C-s C-s C-s)
        self.saved = SavedPlacesFlow(self)
        self.places = PlacesFlow(self, self.searching.keep)
        self.info = InfoFlow(self)
        self.copying = CopyFlow(self)
        self.moves = MovesFlow(
            self.session,
            lambda: self.view,
            self.refresh_status,
            self._brief_notice,
            lambda action: key_hint(self.app, action),
            lambda: self.marking.back_to_other_book(),
            lambda around, go, jump: self.opening.go_before_the_parse(around, go, jump),
        )
        self.marking = MarksFlow(
            self,
            self.places.add_bookmark,
            self.places.list_bookmarks,
            self.moves.swap_back,
            lambda: self.keeping.save_now(),
        )
        self.typing = TypingFlow(
            self,
            self.moves,
            self.marking,
            self.places.show_typed_ahead,
            lambda: self.call_later(self.action_quit),
            lambda action_id: getattr(self, f"action_{action_id}")(),
        )
        self.handoff = HandoffFlow(self, lambda: self.keeping.save_now())
        self.keeping = KeepingFlow(self, lambda: self.is_mounted)
        self.away = AwayFlow(self, self.keeping, self.info)
        self.watching = WatchingFlow(self, self.keeping.read_again_if_changed)
        self.leaving = LeavingFlow(self, self.keeping.save_state)
        self.pending = PendingFlow(self, self.moves, self.places, self.saved, self.searching)
        self.opening = OpeningFlow(self, self.path, start_at, opener, self.pending.answer)
        self.opening.shorter = shorter
        self.prompts = PromptFlow(
            self,
            self.searching,
            self.moves,
            self.action_quit,
            self.leaving.quit_all,
            self.action_help,
            FilesFlow(self, self.keeping.save_now, self.keeping.read_again_if_changed).edit,
        )
        try:
            app = self.app
        except NoActiveAppError:
            app = None
        if app is not None:
            # Pushed by a running app: start reading the file now, while Textual is still
            # setting the screen up.
            self.opening.start(app)

    # What the tests and the other screens read of the session.
    @property
    def book(self) -> Book | None:
        return self.session.book

    @property
    def final(self) -> bool:
        return self.session.final

    @property
    def book_id(self) -> str | None:
        return self.session.book_id

    @property
    def hit(self) -> Match | None:
        """The search match on screen (None once its highlight is cleared)."""
        search = self.session.search
        return search.match if search.shown else None

    # -- parts -------------------------------------------------------------------------------
    @property
    def prompt(self) -> PromptBar | None:
        """The search, percentage and command prompt, once it has been used."""
        return self.prompts.bar

    async def _ask(self, kind: PendingKind) -> None:
        await self.prompts.ask(kind)

    def compose(self) -> ComposeResult:
        yield ReaderView(id="reader-view")
        yield StatusLine(id="reader-status")

    def key_arriving(self, event: events.Key) -> None:
        """Every key, before any binding runs (a prompt's or a dialog's too): a count before
        an action that takes none is dropped now, so no dialog and no later key inherit it."""
        self.isearch.arriving(event)
        if self.focused is self.view:
            # What the status line said (`no mark ‘a’`, `x is not a reader key`) was of the
            # key before: the next one, a move or any other, takes it away.
            self.status.unsay()
            self.typing.count_meets(event.key)

    def on_key(self, event: events.Key) -> None:
        if self.focused is self.view:
            self.info.withdraw()  # (read: the next key takes the book's facts away, as less's)
        # A mark's letter, or the key after a waiting `z`, is the page's wherever the focus has
        # gone since (a click off the page): every action stands aside while it waits, so a
        # key not given to it would leave the reader deaf, Escape and the help key too.
        page_keys = self.focused is self.view or (
            self._key_awaited() and not isinstance(self.focused, Input)
        )
        if page_keys and self.typing.key(event):
            event.stop()
            event.prevent_default()

    def on_resize(self, event: events.Resize) -> None:
        self.view.fit(event.size.width)

    def _brief_notice(self, message: str, timeout: float = 2) -> None:
        self.notify(message, timeout=timeout)

    def say(self, message: str, seconds: float = 3, about: str = "") -> None:
        self.saying.say(message, seconds, about)

    # -- opening -------------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.keeping.apply_settings()
        self.opening.mounted()
        self.set_interval(SAVE_EVERY, self.keeping.autosave)
        self.watching.start()
        watch_settings_file(self)
        self.view.focus()
        # Time in the shell after ctrl+z is not reading time.
        self.app.app_suspend_signal.subscribe(self, lambda _: self.away.put_away())
        self.app.app_resume_signal.subscribe(self, lambda _: self.away.take_up())

    @property
    def opener(self) -> BookOpener | None:
        return self.opening.opener

    @property
    def known_title(self) -> str:
        return self.opening.known_title

    def on_unmount(self) -> None:
        self.opening.cancel()
        self.away.put_away()

    @on(StageArrived)
    def _stage_arrived(self, message: StageArrived) -> None:
        self.opening.show_stage(message.stage)
        if message.stage.final:
            self.places.book_complete()

    @on(TextRead)
    def _text_read(self, message: TextRead) -> None:
        self.pending.text_read(message.whole)

    @on(PreviewAhead)
    def _preview_ahead(self, message: PreviewAhead) -> None:
        self.opening.preview_ahead(message)

    def go_before_the_parse(
        self,
        around: int,
        go: Callable[[], None],
        jump: bool = True,
        holds: Callable[[Book], bool] | None = None,
        otherwise: Callable[[], None] | None = None,
    ) -> bool:
        return self.opening.go_before_the_parse(around, go, jump, holds, otherwise)

    @on(OpenFailed)
    def _open_failed(self, message: OpenFailed) -> None:
        self.opening.failed(message.error)

    @on(Registered)
    def _registered(self, message: Registered) -> None:
        self.session.book_id = message.book_id
        self.keeping.registered()
        self.places.registered()
        # Read before in this run (left for the library or another book): the time since
        # it was put away is not reading time.
        self.away.take_up()
        self.opening.registered(
            message.replaced, message.rejoined, message.linked, message.older_than
        )

    # -- position and status ---------------------------------------------------------------------
    def on_reader_view_position_changed(self, message: ReaderView.PositionChanged) -> None:
        self.session.moved_to(message.offset)
        self.copying.follow()
        self.saying.moved_to(message.offset)

    def refresh_status(self) -> None:
        self.saying.refresh()

    def save_state(self) -> None:
        self.keeping.save_state()

    def on_screen_suspend(self) -> None:
        if self.away.covered():
            self.app.notice_board.withdraw_of(self)

    def on_screen_resume(self) -> None:
        self.away.back()

    def follow_settings(self) -> None:
        """Lay the book out again for settings changed while it is showing."""
        self.keeping.apply_settings()

    def ask(self, dialog: Screen[T], answered: Callable[[T], Any]) -> None:
        self.info.withdraw()
        ask(self, dialog, answered)

    # -- moves -------------------------------------------------------------------------------
    def jump(self, move: Callable[[], None]) -> None:
        self.moves.jump(move)

    def jump_to_place(self, anchor: Anchor, name: str) -> None:
        """Jump to a saved place (a mark, a bookmark), found by its paragraph; ``name``: what
        the reader calls it (`mark ‘a’`)."""
        self.saved.go(anchor, name)

    def jump_to_offset(self, offset: int) -> None:
        """Jump to a character offset (from the finder or a bookmark), keeping the jump list."""
        self.moves.jump_to_offset(offset)

    def whole_book(self) -> bool:
        return self.moves.whole_book()

    def went_to(self, para: int) -> None:
        self.copying.follow(para)

    def action_line_down(self) -> None:
        if not self.copying.extend(1):
            self.moves.scroll(rows=1)

    def action_line_up(self) -> None:
        if not self.copying.extend(-1):
            self.moves.scroll(rows=-1)

    def action_window_down(self) -> None:
        self.moves.window(forward=True)

    def action_window_up(self) -> None:
        self.moves.window(forward=False)

    def action_half_page_down(self) -> None:
        self.moves.half_page(forward=True)

    def action_half_page_up(self) -> None:
        self.moves.half_page(forward=False)

    def action_page_down(self) -> None:
        self.moves.scroll(pages=1)

    def action_page_up(self) -> None:
        self.moves.scroll(pages=-1)

    def action_screen_down(self) -> None:
        self.moves.screen(forward=True)

    def action_screen_up(self) -> None:
        self.moves.screen(forward=False)

    def action_top(self) -> None:
        self.moves.top()

    def action_bottom(self) -> None:
        self.moves.bottom()

    def action_next_scene(self) -> None:
        self._land_forward("scene")

    def action_prev_scene(self) -> None:
        self.moves.landing("scene", forward=False)

    def action_next_chapter(self) -> None:
        self._land_forward("chapter")

    def _land_forward(self, kind: LandingKind) -> None:
        """To the next scene or chapter; in visual mode the selection grows to the end of the
        one left, not into the next one's heading, as vim's `v}` stops where its part ends."""
        # A story posted to since it was opened (a chapter added at its end): read again,
        # with its new chapters offered, rather than moving on in text that is no longer all.
        if self.keeping.read_again_if_changed():
            return
        before = self.view.top_offset()
        self.moves.landing(kind, forward=True)
        if self.copying.active and self.view.top_offset() != before:
            self.copying.end_before(self.session.aimed)  # (the landing, as the jump aimed it)

    def action_prev_chapter(self) -> None:
        self.moves.landing("chapter", forward=False)

    def action_jump_back(self) -> None:
        self.moves.jump_back()

    def action_skip_notes(self) -> None:
        self.moves.skip_notes()

    def action_open_update(self) -> None:
        self.app.clear_notifications()  # the notice that offered `U` has been taken up
        self.moves.first_new_chapter()

    def action_jump_forward(self) -> None:
        self.moves.jump_back(forward=True)

    def action_set_mark(self) -> None:
        self.marking.begin("set")

    def action_goto_mark(self) -> None:
        self.marking.begin("goto")

    # -- prompts and search --------------------------------------------------------------------
    async def action_goto_percent(self) -> None:
        if not self.searching.percent_from_count():
            await self._ask("percent")

    async def action_command(self) -> None:
        await self._ask("command")

    async def action_search(self) -> None:
        if not self.isearch.step("search"):
            await self._ask("search")

    async def action_search_back(self) -> None:
        if not self.isearch.step("search_back"):
            await self._ask("search_back")

    async def action_search_chapter(self) -> None:
        await self._ask("search_chapter")

    def action_clear_search(self) -> None:
        if self.session.count.clear():
            self.refresh_status()  # the cancelled count leaves the status line at once
        self.searching.clear()

    def action_close(self) -> None:
        """Escape: gives up what waits for the whole book (a mark, the contents), or leaves
        visual mode, or takes the search highlights and a count typed off the page; notices
        go too."""
        self.app.clear_notifications()
        self.status.unsay()
        given_up = self.session.waiting.cancel()
        if given_up:  # (what waited for the whole book: the reader no longer wants it)
            self.refresh_status()
            self.say(f"{given_up}: given up", seconds=3)
        elif not self.copying.leave():
            self.action_clear_search()

    def action_yank(self) -> None:
        self.copying.yank()

    def action_visual(self) -> None:
        self.copying.start()

    def action_quote(self) -> None:
        self.copying.quote()

    def action_search_next(self) -> None:
        self.searching.repeat(reverse=False)

    def action_search_prev(self) -> None:
        self.searching.repeat(reverse=True)

    async def on_prompt_bar_submitted(self, message: PromptBar.Submitted) -> None:
        self.set_focus(self.view)  # now: the next key is the reader's
        self.isearch.submitted(message)
        await self.prompts.submitted(message.kind, message.value)

    def on_prompt_bar_cancelled(self, message: PromptBar.Cancelled) -> None:
        self.set_focus(self.view)
        self.prompts.cancelled()

    @on(SearchFinished)
    def _search_finished(self, message: SearchFinished) -> None:
        self.searching.finished(message)

    @on(MatchesCounted)
    def _matches_counted(self, message: MatchesCounted) -> None:
        self.searching.counted(message)

    # -- places --------------------------------------------------------------------------------
    def action_bookmark(self) -> None:
        self.places.add_bookmark()

    def action_bookmarks(self) -> None:
        self.places.list_bookmarks()

    def action_contents(self) -> None:
        self.places.contents()

    def action_find(self) -> None:
        self.places.find()

    def action_info(self) -> None:
        self.info.show()

    def action_suspend(self) -> None:
        self.handoff.suspend()

    def action_open_external(self) -> None:
        self.handoff.open_external()

    def action_redraw(self) -> None:
        if not self.keeping.read_again_if_changed():  # (less's R: a file changed is read again)
            self.view.redraw()

    # -- other screens and leaving ---------------------------------------------------------------
    def from_library(self) -> bool:
        return self.leaving.from_library()

    def action_library(self) -> None:
        self.leaving.library()

    def action_settings(self) -> None:
        self.app.push_screen(self.app.screens.settings())

    def action_help(self) -> None:
        self.app.push_screen(self.app.screens.help(self))

    def action_quit_keys(self) -> None:
        """`Z`: a second `Z` (or `Q`) leaves the book, as vim's ZZ and ZQ do."""
        self.typing.quit_waits = True

    async def action_quit(self) -> None:
        """Back to the library when the book was opened from there, otherwise quit."""
        await self.leaving.quit()
