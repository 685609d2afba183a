"""The library's small dialogs: remove a book?, add a big folder?, the sort order, an update."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.book.loader import neutralise
from tui.library.catalog import SORT_KEYS, new_chapters_text, update_text
from tui.library.records import BookRecord
from tui.reading.counts import COUNT_LASTS, CountPrefix
from tui.ui.actions import binding
from tui.ui.dialogs.asked import AnsweredOnceAsked
from tui.ui.dialogs.once import DismissesOnce
from tui.ui.terminal.resizes import FollowsTheTerminal
from tui.ui.widgets.keyhint import key_hint
from tui.ui.widgets.path_line import PathLine

DIALOG_CSS = """
    align: center middle;
    & > Vertical {
        width: 64;
        max-width: 100%;
        height: auto;
        border: round $primary;
        border-title-color: $text;
        border-title-style: bold;
        background: $surface;
        padding: 0 1;
    }
    .dialog-hint { color: $text-muted; margin-top: 1; }
"""


def _quoted(record: BookRecord) -> str:
    by = f" by {record.author}" if record.author else ""
    return f"“{record.display_title}”{by}"


class ConfirmRemove(
    FollowsTheTerminal, DismissesOnce, AnsweredOnceAsked, ModalScreen[bool], inherit_bindings=False
):
    """Asks before a book leaves the library; dismisses with True to remove it."""

    HELP_TITLE = "Remove a book"
    DEFAULT_CSS = "ConfirmRemove {" + DIALOG_CSS + "}"
    BINDINGS: ClassVar[list[BindingType]] = [
        binding("confirm", "answer(True)", "Remove"),
        binding("decline", "answer(False)", "Keep"),
        binding("close", "answer(False)", "Keep"),
    ]

    def __init__(self, record: BookRecord) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Remove from the library?"
            yield Static(Text(neutralise(_quoted(self.record))), id="remove-title")
            # (the file too: two copies of a book have the same title)
            yield PathLine(self.record.path, id="remove-path")
            back = key_hint(self.app, "restore_book")
            yield Static(
                "Its place, bookmarks and reading time go with it "
                f"({back} brings them back while the list stays on screen). "
                "The file itself stays where it is.",
                markup=False,
            )
            yes, no = key_hint(self.app, "confirm"), key_hint(self.app, "decline")
            yield Static(f"{yes}: remove   {no}: keep", classes="dialog-hint")

    def action_answer(self, remove: bool) -> None:
        self.dismiss(remove)


class ConfirmAdd(
    FollowsTheTerminal, DismissesOnce, AnsweredOnceAsked, ModalScreen[bool], inherit_bindings=False
):
    """Asks before a scan adds more files than `library.ask_above`; True adds them."""

    HELP_TITLE = "Add many files"
    DEFAULT_CSS = "ConfirmAdd {" + DIALOG_CSS + "}"
    BINDINGS: ClassVar[list[BindingType]] = [
        binding("confirm", "answer(True)", "Add them"),
        binding("decline", "answer(False)", "Don't add"),
        binding("close", "answer(False)", "Don't add"),
    ]

    def __init__(self, plan: str) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Add all these files?"
            yield Static(f"About to add {self.plan}.", id="add-plan", markup=False)
            yield Static(
                "A folder of software or saved pages is easy to add by mistake. Folders to "
                "leave out can be listed in a .chapbookignore file."
            )
            yes, no = key_hint(self.app, "confirm"), key_hint(self.app, "decline")
            yield Static(f"{yes}: add them   {no}: don't add", classes="dialog-hint")

    def action_answer(self, add: bool) -> None:
        self.dismiss(add)


class SortMenu(
    FollowsTheTerminal, DismissesOnce, ModalScreen[tuple[str, bool] | None], inherit_bindings=False
):
    """Choose the sort key; choosing the current key again reverses the order."""

    HELP_TITLE = "Sort the library"
    DEFAULT_CSS = (
        "SortMenu {"
        + DIALOG_CSS
        + """
        & > Vertical { width: 52; }
        .sort-choice { padding: 0 1; }
        .sort-choice.-current { background: $block-cursor-background;
            color: $block-cursor-foreground; text-style: $block-cursor-text-style; }
    }"""
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        binding("cursor_down", "move(1)", "Down", show=False),
        binding("cursor_up", "move(-1)", "Up", show=False),
        binding("open_book", "choose", "Choose"),
        binding("sort", "move(1)", "Next", show=False),
        binding("close", "dismiss_menu", "Cancel"),
    ]

    def __init__(self, key: str, reverse: bool) -> None:
        super().__init__()
        self.keys = list(SORT_KEYS)
        self.current_key, self.reverse = key, reverse
        self.index = self.keys.index(key) if key in self.keys else 0
        self.counts = CountPrefix()  # `3j`: three rows, as in every list

    def on_key(self, event: events.Key) -> None:
        """Digits are a count for the move after them; a key that does not use it lets it
        go a moment later."""
        if self.counts.type(event.character or ""):
            event.stop()
            event.prevent_default()
            return
        if self.counts.pending and not self.counts.key_after():
            self.set_timer(COUNT_LASTS, self.counts.dropper())
        letter = event.character or ""
        if len(letter) == 1 and letter.isprintable() and event.key not in self.active_bindings:
            event.stop()
            event.prevent_default()
            self._go_to_letter(letter)

    def _go_to_letter(self, letter: str) -> None:
        """A letter goes to the next choice it begins (`a`: author, then added), as in a
        menu; one that begins none says so, and which do, in the hint line."""
        hint = self.query_one(".dialog-hint", Static)
        count = len(self.keys)
        for step in range(1, count + 1):
            index = (self.index + step) % count
            if SORT_KEYS[self.keys[index]][0].startswith(letter.lower()):
                self.index = index
                self._show()
                hint.update(self._hint())
                return
        firsts = " ".join(dict.fromkeys(SORT_KEYS[key][0][0] for key in self.keys))
        hint.update(Text(f"no choice begins with {letter!r}: type {firsts}, or ↓ ↑", "bold"))

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Sort by"
            for key in self.keys:
                yield Static(self._label(key), classes="sort-choice", id=f"sort-{key}")
            yield Static(self._hint(), classes="dialog-hint")

    def _hint(self) -> str:
        choose, cancel = key_hint(self.app, "open_book"), key_hint(self.app, "close")
        # "again" read as the sort key pressed again: say which key reverses.
        return f"{choose}: choose · {choose} on ▲/▼: reverse · {cancel}: cancel"

    def _label(self, key: str) -> str:
        label, descending = SORT_KEYS[key]
        if key == self.current_key:
            descending = descending != self.reverse
            return f"{label} {'▼' if descending else '▲'}"
        return label

    def on_mount(self) -> None:
        if not self.is_open:
            return  # answered before it was shown: a key typed ahead closed it
        self._show()

    def _show(self) -> None:
        for i, key in enumerate(self.keys):
            self.query_one(f"#sort-{key}").set_class(i == self.index, "-current")

    def action_move(self, delta: int) -> None:
        self.index = (self.index + delta * self.counts.take()) % len(self.keys)
        self._show()

    def action_choose(self) -> None:
        key = self.keys[self.index]
        reverse = (not self.reverse) if key == self.current_key else False
        self.dismiss((key, reverse))

    def action_dismiss_menu(self) -> None:
        self.dismiss(None)


class UpdateOffer(
    FollowsTheTerminal, DismissesOnce, ModalScreen[str | None], inherit_bindings=False
):
    """A book got new chapters: jump to the first new one, or resume at the saved place."""

    HELP_TITLE = "Updated book"
    DEFAULT_CSS = "UpdateOffer {" + DIALOG_CSS + "}"
    BINDINGS: ClassVar[list[BindingType]] = [
        binding("open_update", "answer('update')", "First new chapter"),
        binding("open_book", "answer('resume')", "Where I was"),
        binding("close", "answer(None)", "Cancel"),
    ]

    def __init__(self, record: BookRecord) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        record = self.record
        with Vertical() as box:
            box.border_title = update_text(record).capitalize()
            news = new_chapters_text(record.new_chapters)
            yield Static(f"{_quoted(record)} has {news} since you last read it.")
            yield Static(f"First new chapter: {record.new_title or '(untitled)'}")
            jump, resume = key_hint(self.app, "open_update"), key_hint(self.app, "open_book")
            cancel = key_hint(self.app, "close")
            yield Static(
                f"{jump}: go to the first new chapter   {resume}: resume where you were   "
                f"{cancel}: cancel",
                classes="dialog-hint",
            )

    def action_answer(self, choice: str | None) -> None:
        self.dismiss(choice)
