"""The contents: front matter, chapters and their scenes, end matter, the current place
selected; Enter jumps there."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.book.loader import neutralise
from tui.reading.contents import ContentsRow
from tui.reading.progress import fit
from tui.ui.actions import binding, option_list_moves
from tui.ui.dialogs.once import DismissesOnce
from tui.ui.terminal.resizes import FollowsTheTerminal
from tui.ui.widgets.counted_list import CountedOptionList
from tui.ui.widgets.keyhint import key_hint


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
    FollowsTheTerminal, DismissesOnce, ModalScreen[int | None], inherit_bindings=False
):
    """Lists the front matter's parts, the chapters and under each its scenes, and the end
    matter's parts (dimmed, as they are not the story); dismisses with the paragraph to show."""

    BINDINGS: ClassVar[list[BindingType]] = [
        binding("close", "cancel", "Close"),
        # As the help closes: the key that opened the list, and quit, close it too.
        binding("contents", "cancel", "Close", show=False),
        binding("quit", "cancel", "Close", show=False),
        binding("search", "no_filter", "Find a chapter", show=False),
    ]
    DEFAULT_CSS = """
    ContentsScreen { align: center middle; }
    ContentsScreen > Vertical {
        width: 100; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ContentsScreen Label { width: 1fr; height: 1; color: $text-muted; }
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

    def compose(self) -> ComposeResult:
        self._cut_to = _row_room(self.app.size.width)
        with Vertical():
            yield Label(self._title(self.app.size.width))
            chapters = [i for i, row in enumerate(self.rows) if row.depth == 0 and not row.matter]
            yield ContentsOptions(*self._options(self._cut_to), chapters=chapters)

    def _title(self, screen_width: int) -> str:
        """The book's title and what the keys do: a long title is cut with `…` so that the
        keys' hint, which the list is no use without, stays whole."""
        app = self.app
        if not self.rows:
            said = ": no chapters found"
        else:
            said = (
                f": {key_hint(app, 'finder_accept')} jumps there, {key_hint(app, 'close')} closes"
            )
        room = min(BOX_WIDTH, screen_width) - BOX_FRAME - cell_len(said)
        return fit(neutralise(self.title_text), max(1, room)) + said

    def _options(self, room: int) -> list[Option]:
        """The rows, each cut at a word's end to ``room`` cells (the list's own ellipsis would
        cut inside a word)."""
        options = []
        for row in self.rows:
            text = Text(no_wrap=True, overflow="ellipsis")
            if row.matter is not None:
                text.append(cut_at_word(neutralise(row.title), room), style="dim")
            elif row.depth == 0:
                text.append(cut_at_word(neutralise(row.title), room), style="bold")
            else:
                text.append("  " + cut_at_word(neutralise(row.title), room - 2))
            options.append(Option(text))
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
            options = self.query_one(ContentsOptions)
            highlighted = options.highlighted
            options.clear_options()
            options.add_options(self._options(room))
            options.highlighted = highlighted

    def _fit(self, height: int) -> None:
        """The list scrolls within the screen: its height less the border and the title."""
        self.query_one(ContentsOptions).styles.max_height = max(2, height - 3)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.rows[event.option_index].para)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_no_filter(self) -> None:
        """The search key, as the library's list filters: this list has no filter, and the
        finder finds a chapter or a scene by its name."""
        self.notify(
            f"The contents has no filter: {key_hint(self.app, 'find')} in the reader finds a "
            "chapter or a scene by its name.",
            title="Contents",
            timeout=6,
            markup=False,
        )


# The box is 100 cells at most; its border and padding take BOX_FRAME of them, and with an
# option's padding and the scroll bar, ROW_FRAME.
BOX_WIDTH = 100
BOX_FRAME = 4
ROW_FRAME = 8


def _row_room(screen_width: int) -> int:
    return max(10, min(BOX_WIDTH, screen_width) - ROW_FRAME)


def cut_at_word(text: str, room: int) -> str:
    """``text`` in ``room`` cells, cut after its last whole word that fits, with `…`."""
    if cell_len(text) <= room:
        return text
    cut = text.rfind(" ", 0, room)
    if cut < room // 2:
        cut = room - 1
    return text[:cut].rstrip(" —-,;:·") + "…"
