"""Bookmark overlays: asking for a bookmark's label, and listing bookmarks to jump to or remove."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual import events, getters
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.geometry import Region
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.book.anchor import Bookmark
from tui.book.loader import neutralise
from tui.book.model import quoted_opening
from tui.paths import shown_percent
from tui.reading.bookmarks import BookmarkRow, bookmarks_holding
from tui.ui.actions import binding, option_list_moves
from tui.ui.app import ChapbookApp
from tui.ui.dialogs.once import DismissesOnce, ask
from tui.ui.terminal.resizes import FollowsTheTerminal
from tui.ui.widgets.counted_list import CountedOptionList
from tui.ui.widgets.fitted_text import FittedText
from tui.ui.widgets.keyhint import key_hint
from tui.ui.widgets.list_filter import ListFilter
from tui.ui.widgets.prompt_bar import LONGEST_ENTRY
from tui.ui.widgets.safe_input import SafeInput, interrupts, typed_into_filter


class BookmarkLabelScreen(
    FollowsTheTerminal, DismissesOnce, ModalScreen[str | None], inherit_bindings=False
):
    """Asks for an optional label; dismisses with the label ("" for none) or None to cancel.

    It sits low over the page it marks, dimmed but readable behind it, and quotes the
    paragraph the bookmark holds, so the reader sees what they are labelling. Renaming from
    the bookmark list (``over``: where the list's frame is), it is the lower panel of that
    frame, as wide and ending on its bottom border, not drawn across it."""

    BINDINGS: ClassVar[list[BindingType]] = [binding("close", "cancel", "Cancel")]
    # Its backdrop lets the page show through (`DIALOG_BACKDROP_CSS` in the app).
    DEFAULT_CSS = """
    BookmarkLabelScreen { align: center bottom; }
    BookmarkLabelScreen > Vertical {
        width: 60; max-width: 90%; height: auto; margin-bottom: 1;
        border: round $accent; background: $surface; padding: 0 1;
    }
    BookmarkLabelScreen Label { width: 1fr; color: $text-muted; }
    BookmarkLabelScreen #bookmark-quote {
        height: 1; text-wrap: nowrap; text-overflow: ellipsis; text-style: italic;
    }
    """

    def __init__(
        self,
        place: str,
        label: str = "",
        quote: str = "",
        over: Callable[[], Region] | None = None,
        again: bool = False,
    ) -> None:
        super().__init__()
        self.place = place
        self.label = label  # the label to edit, when renaming
        self.again = again  # the place is bookmarked already: its label is offered
        self.quote = quote  # the opening words of the paragraph being marked
        self.over = over

    def on_mount(self) -> None:
        self._fit_over()

    def on_resize(self) -> None:
        # After the list under it is laid out at the new size too.
        self.call_after_refresh(self._fit_over)

    def _fit_over(self) -> None:
        """Lay the box over the lower part of the frame it renames in: as wide, its bottom
        border on the frame's."""
        if self.over is None:
            return
        frame = self.over()
        box = self.query_one(Vertical)
        box.styles.width = frame.width
        box.styles.max_width = "100%"
        box.styles.margin = (0, 0, max(0, self.size.height - frame.bottom), 0)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(neutralise(f"Bookmark: {self.place}")), id="bookmark-place")
            if self.quote and self.quote != self.place:  # a heading: its name says it
                # (cut to the box with its quote closed, not by the widget's own ellipsis)
                opening = FittedText((neutralise(quoted_opening(self.quote)), ""))
                yield Label(opening, id="bookmark-quote")
            yield SafeInput(
                self.label,
                placeholder="label (optional)",
                max_length=LONGEST_ENTRY,
                # Renaming: the old label selected, so typing replaces it (an arrow key keeps it
                # to edit).
                select_on_focus=True,
            )
            # Under the field, not in it: a placeholder is cut at the field's edge, this wraps.
            keys = "Enter saves it, Escape cancels."
            if self.again:
                keys = "Bookmarked here already: Enter keeps it, a new label renames it."
            yield Label(keys, id="bookmark-keys")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def on_key(self, event: events.Key) -> None:
        if interrupts(event):
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)


class BookmarkOptions(CountedOptionList, inherit_bindings=False):
    """The list of bookmarks; its keys come from `[keys]` like every other binding."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *option_list_moves(),  # as in the contents: a row, a page, the first and the last
        binding("finder_accept", "select", "Jump there"),
    ]


class BookmarksScreen(
    FollowsTheTerminal,
    DismissesOnce,
    ModalScreen[Bookmark | None],
    inherit_bindings=False,
):
    """Lists a book's bookmarks: Enter jumps to one, `remove` (or `remove_keys` twice, vim's
    `dd`) deletes it, `undo_remove` brings back the last removed, Escape closes. The search
    key opens a filter over it by label and quote (`ListFilter`), as `/` does in the
    contents."""

    app = getters.app(ChapbookApp)
    list_filter = getters.query_one("#bookmarks-filter", ListFilter)

    NOTICE_TITLE = "Bookmarks"  # the list's notices, taken away with it
    AUTO_FOCUS = "BookmarkOptions"  # the list's keys; the filter has them once `/` opens it
    BINDINGS: ClassVar[list[BindingType]] = [
        binding("remove", "remove", "Remove bookmark"),
        binding("remove_keys", "remove_keys", "Twice: remove bookmark (dd)", show=False),
        binding("rename_bookmark", "rename", "Rename bookmark"),
        binding("undo_remove", "undo_remove", "Bring back"),
        binding("close", "cancel", "Close"),
        # As the help closes: the key that opened the list, and quit, close it too.
        binding("bookmarks", "cancel", "Close", show=False),
        binding("quit", "cancel", "Close", show=False),
        # Not a priority binding: once the filter is open, a `/` typed is a character of it.
        binding("search", "filter", "Filter the bookmarks", show=False, priority=False),
    ]
    DEFAULT_CSS = """
    BookmarksScreen { align: center middle; }
    BookmarksScreen > Vertical {
        width: 90; max-width: 95%; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    BookmarksScreen Label {
        width: 1fr; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis;
    }
    BookmarksScreen BookmarkOptions { height: auto; max-height: 20; border: none; }
    #bookmarks-filter {
        display: none; height: 1; border: none; padding: 0 1; background: $panel;
    }
    #bookmarks-filter.-open { display: block; }
    """

    def __init__(
        self,
        entries: list[BookmarkRow],
        on_remove: Callable[[Bookmark], None],
        on_rename: Callable[[Bookmark, str], Bookmark] | None = None,
        on_restore: Callable[[Bookmark], Bookmark] | None = None,
    ) -> None:
        super().__init__()
        self.entries = sorted(entries, key=lambda e: e.bookmark.anchor.offset)
        self.kept = list(range(len(self.entries)))  # the entries shown: those the filter keeps
        self.on_remove = on_remove
        self.on_rename = on_rename
        self.on_restore = on_restore
        self.removed: list[BookmarkRow] = []  # this visit's removals, the last at the end
        # The entry behind each option shown, by the option's id: a choice queued before the
        # list was filled again (a bookmark removed) names an option that is gone, or one
        # whose place in the list another bookmark now has.
        self._shown: dict[str, BookmarkRow] = {}
        self._ids = itertools.count()
        self._remove_waits = False  # the remove_keys key (`d`) was pressed: a second removes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self._title(), id="bookmarks-header")
            yield ListFilter(
                self,
                placeholder="words of a label or quote · Enter jumps · Esc all again",
                max_length=FILTER_LENGTH,
                id="bookmarks-filter",
            )
            yield BookmarkOptions(*self._options())

    def _title(self) -> str:
        app = self.app
        if not self.entries and self.removed:
            return f"No bookmarks left: {key_hint(app, 'undo_remove')} brings one back."
        if not self.entries:
            # (the vim preset leaves bookmark without a key: m then Enter makes one there)
            mark = key_hint(app, "bookmark")
            if app.settings.keys.get("bookmark", None) == "":
                mark = f"{key_hint(app, 'set_mark')} then Enter"
            return f"No bookmarks yet: press {mark} to mark your place."
        if self.is_mounted and self.list_filter.is_open:
            keys = (
                f"↓↑ choose · {key_hint(app, 'finder_accept')} jump · "
                f"{key_hint(app, 'close')} all again"
            )
            said = f"Bookmarks ({len(self.kept)} of {len(self.entries)}) · {keys}"
            if cell_len(said) > _header_room(self.app.size.width):
                said = f"{len(self.kept)} of {len(self.entries)} · {keys}"  # (the keys stay)
            return said
        # One line that fits 80 columns, whatever was removed: a header wrapping after a
        # removal would push the list a row down under the reader's eyes. The filter's key
        # gives way first.
        back = f" · {key_hint(app, 'undo_remove')} undo" if self.removed else ""
        keys = (
            f"{key_hint(app, 'rename_bookmark')} rename · {key_hint(app, 'remove')} remove"
            f"{back} · {key_hint(app, 'close')} close"
        )
        opening = f"Bookmarks ({len(self.entries)}) · {key_hint(app, 'finder_accept')} jump · "
        filters = f"{key_hint(app, 'search')} filter · "
        if cell_len(opening + filters + keys) <= _header_room(self.app.size.width):
            return opening + filters + keys
        return opening + keys

    def _say_keys(self) -> None:
        """The header says anew what the keys do (the filter opened or closed)."""
        self.query_one("#bookmarks-header", Label).update(self._title())

    def on_resize(self) -> None:
        # (the header says as much as the new width holds)
        if self.is_mounted:
            self._say_keys()

    def _options(self) -> list[Option]:
        self._shown = {}
        if not self.kept and self.entries and self.is_mounted and self.list_filter.words.strip():
            # (an empty box would look like a list not drawn yet)
            said = Text("No bookmark's label or quote holds these words", style="dim italic")
            return [Option(said, disabled=True)]
        options = []
        for entry in (self.entries[n] for n in self.kept):
            option_id = f"bookmark-{next(self._ids)}"
            self._shown[option_id] = entry
            options.append(Option(self._entry(entry), id=option_id))
        return options

    @staticmethod
    def _entry(entry: BookmarkRow) -> Table:
        """Two lines a bookmark, each cut to the width there is: its label and how far in,
        then its chapter and the words there, dimmed; the list reads down its labels."""
        name = " ".join(entry.name.split())
        rows = Table.grid(expand=True)
        rows.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        rows.add_column(justify="right", no_wrap=True)
        # No figure while the book is still being indexed (its end is not known yet).
        percent = "" if entry.percent is None else f" {shown_percent(entry.percent)}"
        # (cut to the column by `FittedText`: one `…`, and a quote cut open closed after it)
        rows.add_row(FittedText((neutralise(name) or "(no label)", "bold")), percent)
        snippet = ""
        named_by_its_words = entry.bookmark.quote and not entry.bookmark.label
        if entry.snippet and not named_by_its_words:
            # As scene labels quote their opening: a snippet that opens a quotation of its
            # own is not quoted again (`““I just…` read as a typo).
            snippet = neutralise(f"  {quoted_opening(entry.snippet)}")
        rows.add_row(FittedText((neutralise(entry.place), "dim"), (snippet, "dim italic")), "")
        return rows

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self._shown.get(event.option.id or "")
        if entry is not None:
            self.dismiss(entry.bookmark)

    def on_key(self, event: events.Key) -> None:
        """Any key but a second `d` ends the wait for one: `d` `j` `d` removes nothing."""
        active = self.active_bindings.get(event.key)
        if active is None or active.binding.id != "remove_keys":
            self._remove_waits = False

    def action_remove_keys(self) -> None:
        """`dd`, as vim deletes a line: the second `d` removes, as `remove` does."""
        if self._remove_waits:
            self._remove_waits = False
            self.action_remove()
        else:
            self._remove_waits = True

    def action_remove(self) -> None:
        options = self.query_one(BookmarkOptions)
        index = options.highlighted
        if index is None or not self.kept:
            return
        entry = self.entries.pop(self.kept[index])
        self.on_remove(entry.bookmark)
        self.removed.append(entry)
        self._keep_again()
        self.show_kept(min(index, len(self.kept) - 1))
        if self.on_restore is None:
            self._tell("Bookmark removed", 3)
        else:
            self._tell(f"Bookmark removed: {key_hint(self.app, 'undo_remove')} brings it back", 5)

    def action_undo_remove(self) -> None:
        if not self.removed or self.on_restore is None:
            self._tell("No bookmark removed here to bring back", 3)
            return
        entry = self.removed.pop()
        entry = replace(entry, bookmark=self.on_restore(entry.bookmark))
        self.entries.append(entry)
        self.entries.sort(key=lambda e: e.bookmark.anchor.offset)
        self._keep_again()
        back = self.entries.index(entry)
        self.show_kept(self.kept.index(back) if back in self.kept else 0)
        self._tell("Bookmark back", 3)

    def _tell(self, message: str, timeout: float) -> None:
        """A notice about the list: it takes the place of the last one, and goes with the list
        (its keys mean other things in the reader: `u` is half a page up)."""
        self.app.notify(message, title=self.NOTICE_TITLE, timeout=timeout, replacing=True)

    def on_unmount(self) -> None:
        self.app.notice_board.withdraw_titled(self.NOTICE_TITLE)

    def book_complete(self, rows_of: Callable[[list[Bookmark]], list[BookmarkRow]]) -> None:
        """The whole book is in (the list opened while it was indexed): show every bookmark,
        and those removed here, as ``rows_of`` finds them now, with their percentages and
        their chapters' full names; the highlighted one stays highlighted."""
        found = self.query(BookmarkOptions)
        if not found:  # not laid out yet (or closed before it was shown): it lists them so
            self.entries = rows_of([entry.bookmark for entry in self.entries])
            self.removed = rows_of([entry.bookmark for entry in self.removed])
            self.kept = list(range(len(self.entries)))
            return
        options = found.first()
        index = options.highlighted
        chosen = (
            self.entries[self.kept[index]].bookmark if index is not None and self.kept else None
        )
        self.entries = rows_of([entry.bookmark for entry in self.entries])
        self.removed = rows_of([entry.bookmark for entry in self.removed])
        self._keep_again()
        marks = [self.entries[n].bookmark for n in self.kept]
        self.show_kept(marks.index(chosen) if chosen in marks else (index or 0))

    def _keep_again(self) -> None:
        """The entries the filter keeps, after the entries changed."""
        self.kept = self.rows_holding(self.list_filter.words)[0]

    def show_kept(self, highlighted: int | None) -> None:
        """Show the entries kept again (after a removal, a return, a word typed in the
        filter), ``highlighted`` (a place among them) chosen."""
        options = self.query_one(BookmarkOptions)
        options.clear_options()
        options.add_options(self._options())
        if self.kept:
            options.highlighted = max(0, min(highlighted or 0, len(self.kept) - 1))
        self.query_one("#bookmarks-header", Label).update(self._title())

    # -- the filter -----------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if typed_into_filter(action, self.focused):
            return False
        return super().check_action(action, parameters)

    def action_filter(self) -> None:
        """Open the filter over the list (again, with what it holds); with no bookmark to
        filter, the header says so instead of taking words that could keep nothing."""
        if not self.entries:
            said = f"{self._title()} (nothing to filter)"
            self.query_one("#bookmarks-header", Label).update(said)
            return
        self.list_filter.open()
        self._say_keys()

    def action_cancel(self) -> None:
        """Escape: a filter open goes first (every bookmark again, the one highlighted kept
        highlighted), then the list."""
        if not self.list_filter.close():
            self.dismiss(None)

    def on_list_filter_cleared(self, message: ListFilter.Cleared) -> None:
        self._say_keys()

    def on_list_filter_taken(self, message: ListFilter.Taken) -> None:
        self.dismiss(self.entries[message.row].bookmark)

    def row_list(self) -> BookmarkOptions:
        return self.query_one(BookmarkOptions)

    def rows_holding(self, words: str) -> tuple[list[int], int]:
        if not words.strip():
            return list(range(len(self.entries))), 0
        return bookmarks_holding(self.entries, words), 0

    def row_unfiltered(self) -> int | None:
        return None

    def action_rename(self) -> None:
        options = self.query_one(BookmarkOptions)
        shown = options.highlighted
        if shown is None or not self.kept or self.on_rename is None:
            return
        entry = self.entries[self.kept[shown]]
        rename = self.on_rename

        def done(label: str | None) -> None:
            if label is None or label == entry.bookmark.label:
                return
            # The row as it is now: the whole book may have come in while the label was
            # typed, and its row then names the place and the percentage the preview lacked.
            index = next(
                (n for n, row in enumerate(self.entries) if row.bookmark == entry.bookmark), None
            )
            if index is None:
                return
            row = self.entries[index]
            self.entries[index] = replace(row, bookmark=rename(row.bookmark, label))
            self.show_kept(shown)

        self.app.clear_notifications()  # (toasts would sit over the label being edited)
        frame = self.query_one(Vertical)
        label = BookmarkLabelScreen(
            entry.place, entry.bookmark.label, entry.snippet, over=lambda: frame.region
        )
        ask(self, label, done)


FILTER_LENGTH = 60  # what the filter takes: a few words of a label or a quote
# The box is 90 cells at most and 95% of the screen; its border and padding take 4.
BOX_WIDTH = 90
BOX_SHARE = 0.95
BOX_FRAME = 4


def _header_room(screen_width: int) -> int:
    return min(BOX_WIDTH, int(screen_width * BOX_SHARE)) - BOX_FRAME
