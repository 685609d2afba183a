"""The contents dialog: a book's parts listed, and a jump to the one chosen.

Front matter, chapters and their scenes, end matter, the current place selected; Enter jumps
there, and `/` narrows it to the titles holding the words typed.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events, getters
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.book.loader import neutralise
from tui.reading.contents import ContentsRow, rows_holding
from tui.reading.progress import fit
from tui.ui.actions import binding, option_list_moves
from tui.ui.dialogs.once import DismissesOnce
from tui.ui.terminal.resizes import FollowsTheTerminal
from tui.ui.widgets.counted_list import CountedOptionList
from tui.ui.widgets.fitted_text import cut_at_word
from tui.ui.widgets.keyhint import key_hint
from tui.ui.widgets.list_filter import ListFilter
from tui.ui.widgets.safe_input import typed_into_filter

FILTER_LENGTH = 60  # what the filter takes: a few words of a title


class ContentsOptions(CountedOptionList, inherit_bindings=False):
    """The list of chapters and scenes; its keys come from `[keys]`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *option_list_moves(),
        binding("finder_accept", "select", "Jump there"),
    ]

    def __init__(self, *options: Option, chapters: list[int]) -> None:
        self.chapters = chapters  # the rows of the chapters, in order
        super().__init__(*options)

    def numbered_rows(self) -> list[int] | None:
        """`10G` goes to the tenth chapter, as the reader numbers them, not to the tenth row
        counting the front matter's parts and the scenes listed under chapters."""
        return self.chapters


class ContentsScreen(
    FollowsTheTerminal,
    DismissesOnce,
    ModalScreen[int | None],
    inherit_bindings=False,
):
    """Lists the front matter's parts, the chapters and under each its scenes, and the end
    matter's parts (dimmed, as they are not the story); dismisses with the paragraph to show.
    The search key opens a filter over it (`ListFilter`), as `/` does in the help and the
    library."""

    list_filter = getters.query_one("#contents-filter", ListFilter)
    BINDINGS: ClassVar[list[BindingType]] = [
        binding("close", "cancel", "Close"),
        # As the help closes: the key that opened the list, and quit, close it too (not while
        # a title is typed into the filter: the `t` of `tide` is typed).
        binding("contents", "cancel", "Close", show=False, priority=False),
        binding("quit", "cancel", "Close", show=False),
        # Not a priority binding: once the filter is open, a `/` typed is a character of it.
        binding("search", "filter", "Filter the chapters", show=False, priority=False),
    ]
    DEFAULT_CSS = """
    ContentsScreen { align: center middle; }
    ContentsScreen > Vertical {
        width: 100; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ContentsScreen Label { width: 1fr; height: 1; color: $text-muted; }
    #contents-filter {
        display: none; height: 1; border: none; padding: 0 1; background: $panel;
    }
    #contents-filter.-open { display: block; }
    ContentsScreen ContentsOptions, ContentsScreen ContentsOptions:focus {
        height: auto; border: none; padding: 0;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    """

    def __init__(self, title: str, rows: list[ContentsRow], current: int | None) -> None:
        super().__init__()
        self._cut_to = 0  # the cells the rows were last cut to
        self.title_text = title
        self.rows = rows
        self.current = current
        self.kept = list(range(len(rows)))  # the rows shown: those the filter keeps

    def compose(self) -> ComposeResult:
        self._cut_to = _row_room(self.app.size.width)
        with Vertical():
            yield Label(self._title(self.app.size.width))
            yield ListFilter(
                self,
                placeholder="words of a title · Enter jumps · Esc all again",
                max_length=FILTER_LENGTH,
                id="contents-filter",
            )
            yield ContentsOptions(*self._options(self._cut_to), chapters=self._chapters())

    def _chapters(self) -> list[int]:
        """The options that are chapters, in order (`10G` selects the tenth)."""
        return [
            n
            for n, i in enumerate(self.kept)
            if self.rows[i].depth == 0 and self.rows[i].matter is None
        ]

    def _title(self, screen_width: int) -> str:
        """The book's title and what the keys do: a long title is cut with `…` so that the
        keys' hint, which the list is no use without, stays whole."""
        app = self.app
        if not self.rows:
            said = ": no chapters found"
        else:
            said = (
                f": {key_hint(app, 'finder_accept')} jumps there, {key_hint(app, 'search')} "
                f"filters, {key_hint(app, 'close')} closes"
            )
            if min(BOX_WIDTH, screen_width) - BOX_FRAME - cell_len(said) < TITLE_AT_LEAST:
                # (a narrow screen: the filter's key goes first, jumping and closing stay)
                said = (
                    f": {key_hint(app, 'finder_accept')} jumps there, "
                    f"{key_hint(app, 'close')} closes"
                )
        room = min(BOX_WIDTH, screen_width) - BOX_FRAME - cell_len(said)
        return fit(neutralise(self.title_text), max(1, room)) + said

    def _options(self, room: int) -> list[Option]:
        """The rows, each cut at a word's end to ``room`` cells (the list's own ellipsis would
        cut inside a word)."""
        if not self.kept and self.is_mounted and self.list_filter.words.strip():
            # (an empty box would look like a list not drawn yet)
            said = "No chapter or scene title holds these words"
            return [Option(Text(cut_at_word(said, room), style="dim italic"), disabled=True)]
        options = []
        for index in self.kept:
            row = self.rows[index]
            text = Text(no_wrap=True, overflow="ellipsis")
            if row.matter is not None:
                text.append(cut_at_word(neutralise(row.title), room), style="dim")
            elif row.depth == 0:
                text.append(cut_at_word(neutralise(row.title), room), style="bold")
            else:
                text.append("  " + cut_at_word(neutralise(row.title), room - 2))
            options.append(Option(text, id=f"{ROW_ID}{index}"))
        return options

    def on_mount(self) -> None:
        if not self.is_open:
            return  # answered before it was shown: a key typed ahead closed it
        options = self.query_one(ContentsOptions)
        self._fit(self.app.size.height)
        if self.current is not None:
            options.highlighted = self.current
            self.call_after_refresh(options.show_highlight_a_third_down)
        options.focus()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.height)
        if self.is_mounted:
            self.query_one(Label).update(self._title(event.size.width))
        room = _row_room(event.size.width)
        if room != self._cut_to and self.is_mounted:
            self._cut_to = room
            self.show_kept(self.query_one(ContentsOptions).highlighted)

    def show_kept(self, highlighted: int | None) -> None:
        """Show the rows kept, cut to the room there is, ``highlighted`` (an option) chosen."""
        options = self.query_one(ContentsOptions)
        options.clear_options()
        options.add_options(self._options(self._cut_to))
        options.chapters = self._chapters()
        if highlighted is not None and self.kept:
            options.highlighted = min(highlighted, len(self.kept) - 1)

    def _fit(self, height: int) -> None:
        """The list scrolls within the screen: its height less the border and the title."""
        self.query_one(ContentsOptions).styles.max_height = max(2, height - 3)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # The row chosen by its option, not by its place in the list: a choice (a click)
        # may be read after the filter has narrowed the list, where that place is another
        # row's, or none.
        event.stop()
        row = int((event.option_id or ROW_ID).removeprefix(ROW_ID) or -1)
        if 0 <= row < len(self.rows):
            self.dismiss(self.rows[row].para)

    # -- the filter -----------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if typed_into_filter(action, self.focused):
            return False
        return super().check_action(action, parameters)

    def action_filter(self) -> None:
        """Open the filter over the list (again, with what it holds)."""
        self.list_filter.open()

    def action_cancel(self) -> None:
        """Escape: a filter open goes first (every row again, the one highlighted kept
        highlighted), then the dialog."""
        if not self.list_filter.close():
            self.dismiss(None)

    def on_list_filter_taken(self, message: ListFilter.Taken) -> None:
        self.dismiss(self.rows[message.row].para)

    def row_list(self) -> ContentsOptions:
        return self.query_one(ContentsOptions)

    def rows_holding(self, words: str) -> tuple[list[int], int]:
        return rows_holding(self.rows, words)

    def row_unfiltered(self) -> int | None:
        return self.current


# An option's id: this and the number of the row it shows (`rows`, not the rows kept).
ROW_ID = "row-"
# The box is 100 cells at most; its border and padding take BOX_FRAME of them, and with an
# option's padding and the scroll bar, ROW_FRAME.
BOX_WIDTH = 100
BOX_FRAME = 4
ROW_FRAME = 8
# The cells of the book's title kept beside the keys' hint before the hint drops a key.
TITLE_AT_LEAST = 12


def _row_room(screen_width: int) -> int:
    return max(10, min(BOX_WIDTH, screen_width) - ROW_FRAME)
