"""The library screen: every book, where the reader is in it, and what changed on disk."""

from __future__ import annotations

from typing import ClassVar

from textual import events, getters, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.css.query import NoMatches
from textual.screen import ModalScreen, Screen
from textual.widgets import Input

from tui.library.catalog import SORT_KEYS, sort_records
from tui.library.library import Library
from tui.library.records import BookRecord
from tui.ui.app import ChapbookApp
from tui.ui.dialogs.finder_library import LibraryFinderScreen
from tui.ui.dialogs.help import HelpScreen
from tui.ui.dialogs.library import SortMenu
from tui.ui.dialogs.once import ask
from tui.ui.screens.library_adding import AddingFlow
from tui.ui.screens.library_commands import LibraryCommands
from tui.ui.screens.library_counts import LibraryCounts
from tui.ui.screens.library_filtering import FilterFlow
from tui.ui.screens.library_keys import (
    LIBRARY_BINDINGS,
    LIBRARY_FOOTER_RANK,
    LIBRARY_HELP_NOTES,
    LIBRARY_TYPED_ACTIONS,
)
from tui.ui.screens.library_moves import ListMoves
from tui.ui.screens.library_opening import open_book, open_found, read_book
from tui.ui.screens.library_removing import RemovingFlow
from tui.ui.screens.library_scanning import ScanFlow
from tui.ui.screens.reader import ReaderScreen
from tui.ui.screens.registry import screen_below
from tui.ui.screens.settings import SettingsScreen
from tui.ui.screens.settings_watching import watch_settings_file
from tui.ui.terminal.alt_keys import EscapeThenKey
from tui.ui.terminal.resizes import FollowsTheTerminal
from tui.ui.widgets.fitting_footer import FittingFooter
from tui.ui.widgets.keyhint import key_hint
from tui.ui.widgets.library_bar import LibraryBar, count_text
from tui.ui.widgets.library_detail import LINES as DETAIL_LINES
from tui.ui.widgets.library_detail import LibraryDetail
from tui.ui.widgets.library_filter import LibraryFilter
from tui.ui.widgets.library_scanner import SCANNING, LibraryScanner
from tui.ui.widgets.library_table import LibraryTable, empty_text
from tui.ui.widgets.path_prompt import PathPrompt
from tui.ui.widgets.prompt_bar import PromptBar
from tui.ui.widgets.safe_input import typed_or_edited


class LibraryScreen(FollowsTheTerminal, Screen[None], inherit_bindings=False):
    """The home screen: a sortable, filterable list of every book in the library.

    It holds the list and the highlighted book; its flows do the rest: moving along the list
    (`library_moves`), the filter (`library_filtering`), removing (`library_removing`), scans
    (`library_scanning`), adding (`library_adding`), counts (`library_counts`) and the `:`
    prompt (`library_commands`)."""

    app = getters.app(ChapbookApp)

    HELP_TITLE = "Library"
    HELP_NOTES_HEADING = "Counts"
    HELP_NOTES = LIBRARY_HELP_NOTES
    # Notices (Textual's toasts, in its ToastRack) stand above the detail lines, the footer
    # and a scan's progress, rather than over the ends of the lines about the highlighted book.
    DEFAULT_CSS = f"""
    LibraryScreen {{ layout: vertical; }}
    LibraryScreen ToastRack {{ margin-bottom: {DETAIL_LINES + 1}; }}
    LibraryScreen.{SCANNING} ToastRack {{ margin-bottom: {DETAIL_LINES + 2}; }}
    """
    BINDINGS: ClassVar[list[BindingType]] = list(LIBRARY_BINDINGS)
    TYPED_ACTIONS = LIBRARY_TYPED_ACTIONS
    # Escape then G typed fast comes as alt+G: with no alt+G binding, it is Escape then G.
    ESCAPE_THEN_KEY: EscapeThenKey = "bound"

    def __init__(self) -> None:
        super().__init__()
        self.sort_key = "last_read"
        self.sort_reverse = False
        self.shelf: list[BookRecord] = []  # every book, in the list's order
        self._offers: tuple[bool, bool, bool] | None = None  # what the footer shows for the cursor
        self._arriving: events.Key | None = None  # the key being read (`key_arriving`)
        self._shown: BookRecord | None = None  # the book the detail lines are about
        # Whether the reader put the cursor on its book (moved it, filtered, opened a book):
        # until then it is only at the top, and stays there as a scan lists books above it.
        self._placed = False
        # The book to put the cursor on at the next redraw (the one just read), and when
        # each book had last been read as this screen was left for another.
        self._follow: str | None = None
        self._read_when_left: dict[str, float] = {}
        self._was_left = False  # another screen has been over this one
        self.moves = ListMoves(self)  # along the list, a count before a key repeating it
        self.filtering = FilterFlow(self)  # `/` and the words typed
        self.removing = RemovingFlow(self)  # the remove key, and the way back
        self.scanning = ScanFlow(self)  # the files checked, rescans
        self.adding = AddingFlow(self)  # a path typed at the add prompt
        self.counts = LibraryCounts(self, self._show_count)  # `6j`, `5G`: as in the reader
        self.commands = LibraryCommands(self)  # `:5`, `:q`, `:help`: as in the reader

    @property
    def library(self) -> Library:
        library: Library = getattr(self.app, "library")  # noqa: B009 (ChapbookApp's; no import cycle)
        return library

    @property
    def scanner(self) -> LibraryScanner:
        return self.query_one(LibraryScanner)

    @property
    def table(self) -> LibraryTable:
        return self.query_one(LibraryTable)

    @property
    def filter_box(self) -> LibraryFilter:
        return self.query_one(LibraryFilter)

    @property
    def filter_text(self) -> str:
        """The filter's words ("": the whole list)."""
        return self.filtering.text

    def compose(self) -> ComposeResult:
        yield LibraryBar(id="library-bar")
        yield LibraryFilter(id="library-filter")
        yield LibraryTable(id="library-table")
        yield LibraryDetail(id="library-detail")
        settings = getattr(self.app, "settings", None)
        ask_above = settings.library.ask_above if settings is not None else 300
        yield LibraryScanner(self.library, ask_above=ask_above, id="library-scan")
        yield FittingFooter()
        yield PathPrompt(id="library-add")  # after the footer, so it covers it while open

    def on_mount(self) -> None:
        self.sort_key, self.sort_reverse = self.library.sort_order(self.app.settings.library.sort)
        self.watch(self.filter_box, "value", self.filtering.changed, False)
        opened = getattr(self.app, "open_path", None)
        if opened is not None and len(self.app.screen_stack) > 1:  # over the book it opened
            record = self.library.find_by_path(opened)
            self._follow = record.id if record is not None else None
        self.reload()
        self.table.focus()
        self.scanning.start()
        watch_settings_file(self)

    def key_arriving(self, event: events.Key) -> None:
        """Each key, before any binding runs (see `ChapbookApp`): for `_box_takes_the_key`."""
        self._arriving = event

    def _box_takes_the_key(self) -> bool:
        """Whether the key being read, before it reaches the box that has the focus, is one the
        box types or edits with: then it is the box's, whatever action the user gave it too.
        `find = "enter"` opened the finder from the add prompt and the filter box, whose Enter
        then never went in. (Only the priority bindings, the finder's key and the filter's,
        are asked before the box: once the key has gone on to the box it is done with.)"""
        key = self._arriving
        return key is not None and not key.is_forwarded and typed_or_edited(key)

    def on_screen_suspend(self) -> None:
        self._was_left = True
        self.counts.drop()
        self._read_when_left = {r.id: r.last_read for r in self.library.records()}
        if not isinstance(self.app.screen, ModalScreen):  # a book, the settings: not a dialog
            self.removing.left()

    def on_screen_resume(self) -> None:
        # Back from a book (`q`, the library key): the cursor goes to the book just read.
        before = self._read_when_left
        read = [r for r in self.library.records() if r.last_read > before.get(r.id, 0.0)]
        if before and read:
            self._follow = max(read, key=lambda r: r.last_read).id
        self.app.pick_up_settings_file()  # edited by hand meanwhile
        self.follow_settings()
        # (first shown, the look is the start's own check, which says nothing of what it found)
        self.scanning.check_files(tell=self._was_left)

    def follow_settings(self) -> None:
        """Show the books in the order the settings now give (changed in the settings, or
        in the settings file while the list is showing)."""
        self.sort_key, self.sort_reverse = self.library.sort_order(self.app.settings.library.sort)
        self.reload()

    # -- rows ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the books from the library (after a scan, a removal, or reading)."""
        self.shelf = sort_records(self.library.records(), self.sort_key, self.sort_reverse)
        self.show_rows()

    def follow(self, book_id: str) -> None:
        """Put the cursor on this book at the next redraw of the list."""
        self._follow = book_id

    def show_rows(self, *, filtered: bool = False) -> None:
        with self.app.batch_update():
            self._show_rows(filtered)

    def _show_rows(self, filtered: bool = False) -> None:
        """The books, filtered; the cursor stays on its book, except when the filter's words
        changed the list or its best match (``filtered``): then it goes to the best match, as
        in fzf, so Enter opens the book the filter found, not one left highlighted."""
        table = self.table
        current = table.current
        text = self.filtering.text
        rows = self.filtering.rows(self.shelf)
        label, descending = SORT_KEYS[self.sort_key]
        arrow = "▼" if descending != self.sort_reverse else "▲"
        table.sort_key, table.sort_arrow = self.sort_key, arrow
        table.empty_text = empty_text(text, bool(self.shelf), key_hint(self.app, "add_books"))
        self._placed = self._placed or filtered
        keep = current.id if current and self._placed else None
        if filtered and text:
            best = self.filtering.new_best(rows, not _same_books(rows, table.rows))
            keep = best.id if best is not None else keep
        follow, self._follow = self._follow, None
        if follow is not None and any(r.id == follow for r in rows):
            keep, self._placed = follow, True
        table.set_rows(rows, self.library.clock(), keep=keep, shelf=self.shelf)
        self.highlighted(table.current, placed=False)
        count = count_text(len(self.shelf), len(rows), text)
        self.query_one(LibraryBar).show(count, f"sorted by {label} {arrow}", f"by {label} {arrow}")

    def on_library_table_highlighted(self, message: LibraryTable.Highlighted) -> None:
        if message.record is not self._shown:  # a click: the keys already showed it
            self.highlighted(message.record)

    def highlighted(self, record: BookRecord | None, *, placed: bool = True) -> None:
        """Show ``record`` as the highlighted book; ``placed``: the reader moved to it."""
        self._placed = self._placed or (placed and record is not None and record is not self._shown)
        self._shown = record
        self.query_one(LibraryDetail).show(record, self.library)
        # The footer is rebuilt only when what it offers changes (it is slow to rebuild).
        offers = (record is None, record is not None and record.updated, self._missing(record))
        if offers != self._offers:
            self._offers = offers
            self.refresh_bindings()

    @staticmethod
    def _missing(record: BookRecord | None) -> bool:
        return record is not None and record.missing

    @property
    def FOOTER_RANK(self) -> tuple[str, ...]:
        """The footer's keys, most useful first: with a missing book highlighted, the rescan
        its notice offers comes before quit, and the sort goes last, so that the footer shows
        the key the notice names (with a filter on, there is no room for every key)."""
        if self._missing(self._shown):
            rank = [name for name in LIBRARY_FOOTER_RANK if name not in ("rescan", "sort")]
            at = rank.index("quit")
            return (*rank[:at], "rescan", *rank[at:], "sort")
        return LIBRARY_FOOTER_RANK

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show (in the footer) and run only the actions that make sense right now."""
        try:
            filtering = self.filtering.offers(action)
        except NoMatches:  # not composed yet
            return True
        if filtering is not None:
            return filtering
        if action == "drop_count":
            return bool(self.counts.pending)
        if action == "back_to_book":  # (Escape is the filter's while there is one)
            return not self.filtering.takes_escape() and self._over_a_book()
        if action == "restore_book":
            return bool(self.removing.removed)
        # Letters typed into the filter box or the add prompt are text, not keys.
        if isinstance(self.focused, Input) and action in self.TYPED_ACTIONS:
            return False
        if isinstance(self.focused, Input) and self._box_takes_the_key():
            return False
        current = self.table.current
        if action == "open_update":
            return current is not None and current.updated
        if action == "no_new_chapters":  # (with no book listed too: U is a library key)
            return current is None or not current.updated
        if action in ("open_book", "remove"):
            return None if current is None else True  # shown dimmed when nothing is listed
        return True

    def on_library_table_chosen(self, message: LibraryTable.Chosen) -> None:
        open_book(self, self.library, message.record)

    # -- filter ----------------------------------------------------------------------------
    def action_filter(self) -> None:
        self.filtering.open()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.filtering.focus_given(event)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input is self.filter_box:
            self.filtering.submitted(event)

    def action_browse_matches(self) -> None:
        self.filtering.browse()

    def action_clear_filter(self) -> None:
        self.filtering.clear()

    def action_close_filter(self) -> None:
        self.filtering.clear()

    def filter_for(self, words: str) -> None:
        """The list filtered by ``words`` (`:/words`, as `/` and the words typed)."""
        self.filtering.filter_for(words)

    def action_back_to_book(self) -> None:
        """Escape with no filter: back to the book the library was opened over (from the
        reader's `library` key), as Escape leaves the reader's other screens."""
        if self._over_a_book():
            if isinstance(self.app, ChapbookApp):  # (the list's notices are not the book's)
                self.app.notice_board.withdraw_passing()
            self.app.pop_screen()

    def _over_a_book(self) -> bool:
        return isinstance(screen_below(self.app, self), ReaderScreen)

    # -- keys beyond the bindings: counts --------------------------------------------------
    def on_key(self, event: events.Key) -> None:
        self.counts.key(event)

    def action_drop_count(self) -> None:
        self.counts.drop()

    def _show_count(self, pending: str) -> None:
        self.query_one(LibraryBar).show_count(pending)

    # -- moving (`library_moves`) -----------------------------------------------------------
    def action_move(self, delta: int) -> None:
        self.moves.move(delta)

    def action_page(self, direction: int) -> None:
        self.moves.page(direction)

    def action_screen(self, direction: int) -> None:
        self.moves.screen(direction)

    def action_half_page(self, direction: int) -> None:
        self.moves.half_page(direction)

    def action_edge(self, end: int) -> None:
        self.moves.edge(end)

    def go_to_row(self, row: int | None) -> None:
        self.moves.go_to_row(row)

    def move_by(self, rows: int) -> None:
        self.moves.move_by(rows)

    # -- the `:` prompt ----------------------------------------------------------------------
    async def action_command(self) -> None:
        self.counts.drop()  # digits typed next are the command's
        await self.commands.ask()
        self.refresh_bindings()

    async def on_prompt_bar_submitted(self, message: PromptBar.Submitted) -> None:
        self.set_focus(self.table)  # now: the next key is the list's
        self.refresh_bindings()
        await self.commands.submitted(message.value)

    def on_prompt_bar_cancelled(self, message: PromptBar.Cancelled) -> None:
        self.set_focus(self.table)
        self.refresh_bindings()

    # -- sort ------------------------------------------------------------------------------
    def action_sort(self) -> None:
        def chosen(choice: tuple[str, bool] | None) -> None:
            if choice is not None:
                self.sort_key, self.sort_reverse = choice
                # The key is the setting `[library] sort` that the settings screen shows (first:
                # a new key there starts the right way round); which way round, the library's.
                self.app.save_setting("library.sort", choice[0])
                self.library.set_sort(*choice)
                self.save()
                self.reload()
                self.table.cursor = 0  # a new order starts at its top

        ask(self, SortMenu(self.sort_key, self.sort_reverse), chosen)

    # -- opening -----------------------------------------------------------------------------
    def action_open_book(self) -> None:
        record = self.table.current
        if record is not None:
            open_book(self, self.library, record)

    def action_open_update(self) -> None:
        record = self.table.current
        if record is None:
            return
        if not record.updated:
            self.notify("This book has no new chapters.", timeout=4)
            return
        read_book(self, self.library, record, record.new_offset)

    def action_no_new_chapters(self) -> None:
        record = self.table.current
        if record is None:
            self.notify("No book is listed here to look for new chapters in.", timeout=4)
        else:
            self.notify(f"“{record.display_title}” has no new chapters.", timeout=4)

    # -- remove ----------------------------------------------------------------------------
    def action_remove(self) -> None:
        self.removing.ask()

    def action_restore_book(self) -> None:
        self.removing.undo()

    @work(thread=True, group="save")
    def save(self) -> None:
        self.library.save()

    # -- other screens ------------------------------------------------------------------------
    def action_find(self) -> None:
        ask(
            self, LibraryFinderScreen(self.library), lambda hit: open_found(self, self.library, hit)
        )

    def action_settings(self) -> None:
        self.app.push_screen(SettingsScreen())

    def action_help(self) -> None:
        self.counts.drop()  # first: the help lists what Escape does without one
        self.app.push_screen(HelpScreen(self))

    # -- scanning and adding -------------------------------------------------------------------
    def action_rescan(self) -> None:
        self.scanning.rescan()

    def action_add_books(self) -> None:
        self.query_one(PathPrompt).ask()
        self.refresh_bindings()

    def on_path_prompt_cancelled(self, message: PathPrompt.Cancelled) -> None:
        self.table.focus()
        self.refresh_bindings()

    def on_path_prompt_submitted(self, message: PathPrompt.Submitted) -> None:
        self.table.focus()
        self.refresh_bindings()
        self.adding.submitted(message.value)

    def on_library_scanner_ask_to_add(self, message: LibraryScanner.AskToAdd) -> None:
        self.adding.ask_to_add(message)

    def on_library_scanner_others_saved(self, message: LibraryScanner.OthersSaved) -> None:
        self.reload()

    def on_library_scanner_done(self, message: LibraryScanner.Done) -> None:
        self.scanning.done(message)


def _same_books(rows: list[BookRecord], shown: list[BookRecord]) -> bool:
    """The same books in the same order (a letter typed that keeps the filter's list)."""
    return len(rows) == len(shown) and all(a is b for a, b in zip(rows, shown, strict=True))
