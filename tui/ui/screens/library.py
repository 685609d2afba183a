"""The library screen: every book, where the reader is in it, and what changed on disk."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import events, getters, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Input

from tui.finder.book_finder import Hit
from tui.library.catalog import SORT_KEYS, BookFilter, sort_records
from tui.library.folders import AddResult
from tui.library.library import Library
from tui.library.records import BookRecord
from tui.ui.app import ChapbookApp
from tui.ui.dialogs.finder_library import LibraryFinderScreen
from tui.ui.dialogs.help import HelpScreen
from tui.ui.dialogs.library import ConfirmRemove, SortMenu
from tui.ui.dialogs.once import ask
from tui.ui.screens.library_adding import AddingFlow
from tui.ui.screens.library_commands import LibraryCommands
from tui.ui.screens.library_counts import LibraryCounts
from tui.ui.screens.library_keys import (
    LIBRARY_BINDINGS,
    LIBRARY_FOOTER_RANK,
    LIBRARY_HELP_NOTES,
    LIBRARY_TYPED_ACTIONS,
)
from tui.ui.screens.library_opening import open_book, read_book
from tui.ui.screens.library_scan_reports import LOOKED_AGAIN, ScanReports
from tui.ui.screens.reader import ReaderScreen
from tui.ui.screens.registry import screen_below
from tui.ui.screens.settings import SettingsScreen
from tui.ui.terminal.resizes import FollowsTheTerminal
from tui.ui.widgets.fitting_footer import FittingFooter
from tui.ui.widgets.library_detail import LibraryBar, LibraryDetail, count_text, empty_text
from tui.ui.widgets.library_filter import LibraryFilter
from tui.ui.widgets.library_scanner import LibraryScanner
from tui.ui.widgets.library_table import LibraryTable
from tui.ui.widgets.path_prompt import PathPrompt
from tui.ui.widgets.prompt_bar import PromptBar

# Seconds between looks at the books' files while the list is showing (a stat of each, in a
# worker): a story a downloader updated beside it shows `updated +1` without a key.
FILES_LOOKED_AT_EVERY = 20.0


class LibraryScreen(FollowsTheTerminal, Screen[None], inherit_bindings=False):
    """The home screen: a sortable, filterable list of every book in the library."""

    app = getters.app(ChapbookApp)

    HELP_TITLE = "Library"
    HELP_NOTES_HEADING = "Counts"
    HELP_NOTES = LIBRARY_HELP_NOTES
    DEFAULT_CSS = "LibraryScreen { layout: vertical; }"
    BINDINGS: ClassVar[list[BindingType]] = list(LIBRARY_BINDINGS)
    FOOTER_RANK: ClassVar[tuple[str, ...]] = LIBRARY_FOOTER_RANK
    TYPED_ACTIONS = LIBRARY_TYPED_ACTIONS
    # Escape then G typed fast comes as alt+G: with no alt+G binding, it is Escape then G.
    ESCAPE_THEN_KEY = True

    def __init__(self) -> None:
        super().__init__()
        self.filter_text = ""
        self.sort_key = "last_read"
        self.sort_reverse = False
        self._filter = BookFilter()
        self._sorted: list[BookRecord] = []
        self._offers: tuple[bool, bool] | None = None  # what the footer shows for the cursor
        self._shown: BookRecord | None = None  # the book the detail lines are about
        # Whether the reader put the cursor on its book (moved it, filtered, opened a book):
        # until then it is only at the top, and stays there as a scan lists books above it.
        self._placed = False
        # The book to put the cursor on at the next redraw (the one just read), and when
        # each book had last been read as this screen was left for another.
        self._follow: str | None = None
        self._read_when_left: dict[str, float] = {}
        self._was_left = False  # another screen has been over this one
        # Made on mount: the library's warnings from before it were shown by the app.
        self._scan_reports: ScanReports | None = None
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
        self._scan_reports = ScanReports(self, self.library)
        self.watch(self.filter_box, "value", self._filter_changed, False)
        opened = getattr(self.app, "open_path", None)
        if opened is not None and len(self.app.screen_stack) > 1:  # over the book it opened
            record = self.library.find_by_path(opened)
            self._follow = record.id if record is not None else None
        self.reload()
        self.table.focus()
        queued, self.library.queued = list(self.library.queued), []
        label = "Adding" if queued else "Checking"
        # An adding cut short last time was agreed to then: it goes on without asking again.
        resumed = bool(queued) and all(str(p) in self.library.unfinished for p in queued)
        # After the first paint: the check must not hold the list back from the screen.
        self.call_after_refresh(self.scanner.scan, False, queued, label, agreed=resumed)
        self.set_interval(FILES_LOOKED_AT_EVERY, self._check_files_while_shown)

    def on_screen_suspend(self) -> None:
        self._was_left = True
        self.counts.drop()
        self._read_when_left = {r.id: r.last_read for r in self.library.records()}

    def on_screen_resume(self) -> None:
        # Back from a book (`q`, the library key): the cursor goes to the book just read.
        before = self._read_when_left
        read = [r for r in self.library.records() if r.last_read > before.get(r.id, 0.0)]
        if before and read:
            self._follow = max(read, key=lambda r: r.last_read).id
        self.app.pick_up_settings_file()  # edited by hand meanwhile
        self.follow_settings()
        # (first shown, the look is the start's own check, which says nothing of what it found)
        self._check_files(tell=self._was_left)

    def _check_files(self, *, tell: bool = True) -> None:
        """Look again at the books' files, as on start, for those changed while another screen
        was up or while the list was showing (a chapter posted to a story): a stat of each, in
        a worker, and only a file whose size or time changed is read again, so its chapters
        and `updated +N` are true. Not while a scan or an adding goes on: that checks them
        itself, and is not cut short (one just started, not yet running, neither: a look in
        its place would cancel it). ``tell``: what it finds changed is said."""
        if not any(w.group == "scan" and not w.is_finished for w in self.scanner.workers):
            self.scanner.scan(False, label=LOOKED_AGAIN if tell else "Checking")

    def _check_files_while_shown(self) -> None:
        if self.app.screen is self:
            self._check_files()

    def follow_settings(self) -> None:
        """Show the books in the order the settings now give (changed in the settings, or
        in the settings file while the list is showing)."""
        self.sort_key, self.sort_reverse = self.library.sort_order(self.app.settings.library.sort)
        self.reload()

    # -- rows ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the books from the library (after a scan, a removal, or reading)."""
        self._sorted = sort_records(self.library.records(), self.sort_key, self.sort_reverse)
        self._show()

    def _show(self, *, filtered: bool = False) -> None:
        with self.app.batch_update():
            self._show_rows(filtered)

    def _show_rows(self, filtered: bool = False) -> None:
        """The books, filtered; the cursor stays on its book, except when the filter's words
        changed the list (``filtered``): then it goes to the first, best match, as in fzf, so
        Enter opens the book the filter found, not one left highlighted further down."""
        table = self.table
        current = table.current
        rows = (
            self._filter.apply(self._sorted, self.filter_text) if self.filter_text else self._sorted
        )
        label, descending = SORT_KEYS[self.sort_key]
        arrow = "▼" if descending != self.sort_reverse else "▲"
        table.sort_key, table.sort_arrow = self.sort_key, arrow
        table.empty_text = empty_text(self.filter_text, bool(self._sorted))
        self._placed = self._placed or filtered
        keep = current.id if current and self._placed else None
        if filtered and self.filter_text and not _same_books(rows, table.rows):
            keep = None  # the first row
        follow, self._follow = self._follow, None
        if follow is not None and any(r.id == follow for r in rows):
            keep, self._placed = follow, True
        table.set_rows(rows, self.library.clock(), keep=keep, shelf=self._sorted)
        self._highlighted(table.current, placed=False)
        count = count_text(len(self._sorted), len(rows), self.filter_text)
        self.query_one(LibraryBar).show(count, f"sorted by {label} {arrow}", f"by {label} {arrow}")

    def on_library_table_highlighted(self, message: LibraryTable.Highlighted) -> None:
        if message.record is not self._shown:  # a click: the keys already showed it
            self._highlighted(message.record)

    def _highlighted(self, record: BookRecord | None, *, placed: bool = True) -> None:
        """Show ``record`` as the highlighted book; ``placed``: the reader moved to it."""
        self._placed = self._placed or (placed and record is not None and record is not self._shown)
        self._shown = record
        self.query_one(LibraryDetail).show(record, self.library)
        # The footer is rebuilt only when what it offers changes (it is slow to rebuild).
        offers = (record is None, record is not None and record.updated)
        if offers != self._offers:
            self._offers = offers
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show (in the footer) and run only the actions that make sense right now."""
        try:
            filtering = self.filter_box.filtering
        except NoMatches:  # not composed yet
            return True
        if action == "drop_count":
            return bool(self.counts.pending)
        if action == "clear_filter":
            return filtering
        if action == "browse_matches":
            return self.focused is self.filter_box
        if action == "back_to_book":
            return not filtering and self._over_a_book()
        # Letters typed into the filter box or the add prompt are text, not keys.
        if isinstance(self.focused, Input) and action in self.TYPED_ACTIONS:
            return False
        current = self.table.current
        if action == "open_update":
            return current is not None and current.updated
        if action == "no_new_chapters":
            return current is not None and not current.updated
        if action in ("open_book", "remove"):
            return None if current is None else True  # shown dimmed when nothing is listed
        return True

    def on_library_table_chosen(self, message: LibraryTable.Chosen) -> None:
        open_book(self, self.library, message.record)

    # -- filter ----------------------------------------------------------------------------
    def action_filter(self) -> None:
        self.counts.drop()  # digits typed next are the filter's
        self.filter_box.open()
        self.refresh_bindings()
        self._filter.prepare(self._sorted)  # now, not on the first character typed

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # The filter box takes the focus only when shown (`/`): focus given to it unseen
        # (first on the screen, or given back after a dialog) goes to the list. Keys typed
        # into a hidden box, with Escape and the help key refused while it had the focus,
        # left the library seeming deaf.
        box = self.filter_box
        if event.widget is box and not box.shown:
            self.set_focus(self.table)

    def _filter_changed(self, value: str) -> None:
        # Called as the box's value changes (not via its Changed message, a loop later), so
        # the narrowed list is drawn in the same repaint as the typed character.
        self.filter_text = value.strip()
        self._show(filtered=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input is not self.filter_box:
            return
        if self.focused is not event.input:
            # A second Enter typed before the first one moved the focus (both keys reached
            # the box): after an empty box it was meant for the list; after words, the first
            # Enter opened what they found already.
            if not self.filter_text:
                self.action_open_book()
            return
        self.action_browse_matches()
        if self.filter_text:
            # One Enter opens what the filter found, as in fzf: the best match, highlighted.
            self.action_open_book()

    def action_browse_matches(self) -> None:
        """From the filter box to the list it narrowed, the filter kept (an empty box goes)."""
        self.filter_box.hide_if_empty()
        # At once, not after a refresh: a key typed right after this one is the list's.
        self.set_focus(self.table)
        self.refresh_bindings()

    def action_back_to_book(self) -> None:
        """Escape with no filter: back to the book the library was opened over (from the
        reader's `library` key), as Escape leaves the reader's other screens."""
        if self._over_a_book():
            self.app.pop_screen()

    def action_clear_filter(self) -> None:
        self.filter_box.close()  # _filter_changed shows the whole list again
        self.table.focus()
        self.refresh_bindings()

    def _over_a_book(self) -> bool:
        return isinstance(screen_below(self.app, self), ReaderScreen)

    # -- keys beyond the bindings: counts --------------------------------------------------
    def on_key(self, event: events.Key) -> None:
        self.counts.key(event)

    def action_drop_count(self) -> None:
        self.counts.drop()

    def _show_count(self, pending: str) -> None:
        self.query_one(LibraryBar).show_count(pending)

    # -- moving ----------------------------------------------------------------------------
    # The detail lines are updated here, in the same repaint as the list.
    def action_move(self, delta: int) -> None:
        if self.focused is self.filter_box:  # Down or Up in the filter: on into its books
            self.action_browse_matches()
        self.table.move(delta * self.counts.take())
        self._highlighted(self.table.current)

    def action_page(self, direction: int) -> None:
        self.table.page(direction * self.counts.take())
        self._highlighted(self.table.current)

    def action_screen(self, direction: int) -> None:
        """less's Space and `b`: a page, or as many books as a count before it says (as
        less scrolls that many lines; a count before vim's page keys is pages)."""
        if self.counts.pending:
            self.action_move(direction)
        else:
            self.action_page(direction)

    def action_half_page(self, direction: int) -> None:
        self.table.half_page(direction * self.counts.take())
        self._highlighted(self.table.current)

    def action_edge(self, end: int) -> None:
        """The first or last book; after a count, that row (`5G`, `5g`: the fifth book), as
        a count before them goes to that line in the reader and vim."""
        row = self.counts.row()
        if row is not None:
            self.table.cursor = row - 1  # kept to the list by the table
        else:
            self.table.cursor = len(self.table.rows) - 1 if end else 0
        self._highlighted(self.table.current)

    def go_to_row(self, row: int | None) -> None:
        """To book ``row`` of the list, counted from 1 (`:5`); None: the last (`:$`)."""
        self.table.cursor = len(self.table.rows) - 1 if row is None else row - 1
        self._highlighted(self.table.current)

    def move_by(self, rows: int) -> None:
        """``rows`` books down, or up below 0 (`:+3`, `:-3`)."""
        self.table.move(rows)
        self._highlighted(self.table.current)

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

    def filter_for(self, words: str) -> None:
        """The list filtered by ``words`` (`:/words`, as `/` and the words typed)."""
        self.action_filter()
        self.filter_box.value = words
        self.action_browse_matches()

    # -- sort ------------------------------------------------------------------------------
    def action_sort(self) -> None:
        def chosen(choice: tuple[str, bool] | None) -> None:
            if choice is not None:
                self.sort_key, self.sort_reverse = choice
                # The key is the setting `[library] sort` that the settings screen shows (first:
                # a new key there starts the right way round); which way round, the library's.
                self.app.save_setting("library.sort", choice[0])
                self.library.set_sort(*choice)
                self._save()
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
        if record is not None:
            self.notify(f"“{record.display_title}” has no new chapters.", timeout=4)

    # -- remove ----------------------------------------------------------------------------
    def action_remove(self) -> None:
        record = self.table.current
        if record is None:
            return

        def answered(remove: bool | None) -> None:
            if remove:
                row = self.table.cursor
                self.library.remove(record.id)
                self.reload()
                self.table.cursor = row  # the next book takes its row (the last stays last)
                self._highlighted(self.table.current)
                self.notify(f"Removed “{record.display_title}” (the file is untouched).")
                self._save()

        ask(self, ConfirmRemove(record), answered)

    @work(thread=True, group="save")
    def _save(self) -> None:
        self.library.save()

    # -- other screens ------------------------------------------------------------------------
    def action_find(self) -> None:
        def found(hit: Hit | None) -> None:
            if hit is None or hit.path is None:
                return
            record = self.library.find_by_path(hit.path)
            if record is None:  # (gone from the library while the finder was open)
                self.app.push_screen(ReaderScreen(Path(hit.path)))
            elif hit.anchor is not None:  # a bookmark: the book opens there
                read_book(self, self.library, record, hit.anchor)
            else:  # a book: where it was left, or at its new chapters if asked
                open_book(self, self.library, record)

        ask(self, LibraryFinderScreen(self.library), found)

    def action_settings(self) -> None:
        self.app.push_screen(SettingsScreen())

    def action_help(self) -> None:
        self.counts.drop()  # first: the help lists what Escape does without one
        self.app.push_screen(HelpScreen(self))

    # -- scanning --------------------------------------------------------------------------
    def action_rescan(self) -> None:
        self.scanner.scan(add_new=True, label="Rescanning")

    # -- adding ------------------------------------------------------------------------------
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
        added = self.adding.added_book()
        if added is not None:  # the book just added, under the cursor
            self._follow = added
        if message.label != LOOKED_AGAIN or message.checked.total:
            self.reload()  # (a look that found nothing changed leaves the list as it is)
        cleared = self._show_what_came_in(message.added, added)
        if self._scan_reports is not None:
            self._scan_reports.report(message, cleared)

    def _show_what_came_in(self, result: AddResult | None, added: str | None) -> str:
        """Clear a filter that hides books an add just brought in (or the book named, under
        the cursor), so the list shows what came in; the words cleared, or "" when none were."""
        if result is None or not self.filter_text:
            return ""
        shown = {record.id for record in self.table.rows}
        wanted = [*result.counts.came_in, *([added] if added is not None else [])]
        if all(book in shown for book in wanted):
            return ""
        words = self.filter_text
        self._follow = added
        self.action_clear_filter()
        return words


def _same_books(rows: list[BookRecord], shown: list[BookRecord]) -> bool:
    """The same books in the same order (a letter typed that keeps the filter's list)."""
    return len(rows) == len(shown) and all(a is b for a, b in zip(rows, shown, strict=True))
