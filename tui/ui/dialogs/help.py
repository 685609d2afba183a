"""The help overlay: every action of the screen underneath, with the keys bound to it right now."""

from __future__ import annotations

import re
from typing import ClassVar

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual import events, getters
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Input, Label

from tui.settings.key_display import display_key
from tui.ui.actions import LiveAction, binding, live_actions
from tui.ui.app import ChapbookApp
from tui.ui.dialogs.once import DismissesOnce
from tui.ui.row_filter import holds_words
from tui.ui.terminal.resizes import FollowsTheTerminal
from tui.ui.widgets.keyhint import key_hint
from tui.ui.widgets.safe_input import SafeInput, typed_into_filter

NARROW = 60  # below this many columns the help is laid out for a small screen
FILTER_LENGTH = 60  # what the help's filter takes: a few words of an action, or a key


def matching_rows(rows: list[tuple[str, str]], query: str) -> list[tuple[str, str]]:
    """The rows (keys, what they do) holding every word of ``query`` (see `holds_words`)."""
    return [row for row in rows if holds_words(row[0], row[1], query)]


def screen_title(screen: Screen) -> str:
    """`ReaderScreen` → `Reader`; a screen may set `HELP_TITLE` instead."""
    title = getattr(screen, "HELP_TITLE", None)
    if title:
        return str(title)
    name = type(screen).__name__.removesuffix("Screen") or type(screen).__name__
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).capitalize()


class KeysNow(dict[str, str]):
    """Action id → the key the user has for it now, for a screen's notes in its help."""

    def __init__(self, app: ChapbookApp) -> None:
        super().__init__()
        self.app = app

    def __missing__(self, action_id: str) -> str:
        return key_hint(self.app, action_id)


class HelpList(VerticalScroll, can_focus=False, inherit_bindings=False):
    """The scrolling list of actions (scrolled by the help screen's own keys)."""


class HelpRows(Widget):
    """Each action's keys beside what it does, in two columns, drawn by one widget: a row of
    widgets for each of some forty actions took the help 0.4 s to lay out every time it
    opened."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"help-rows--keys"}
    DEFAULT_CSS = """
    HelpRows { height: auto; }
    HelpRows > .help-rows--keys { color: $accent; text-style: bold; }
    """
    KEYS_WIDTH = 24  # the keys' column, with the cell apart from the descriptions
    KEYS_SHARE = 0.45  # of the row at most, on a narrow screen
    LONG_KEYS_SHARE = 0.55  # of the row at most for the longest keys (less's eight for Line down)

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.all_rows = rows  # (keys, description) of each action, in order
        self.rows = rows  # those shown: the ones the filter keeps

    def keep(self, query: str) -> None:
        """Show only the rows with every word of ``query`` (all of them for none)."""
        self.rows = matching_rows(self.all_rows, query)
        if not self.rows:
            self.rows = [("", f"No action or key has “{query.strip()}”")]
        self.refresh(layout=True)

    def keys_width(self, width: int) -> int:
        """The cells of the keys' column (with the one apart) in a row ``width`` cells wide:
        wide enough for the longest keys (the reader's seven for Line down) up to
        `LONG_KEYS_SHARE` of the row, as keys broken over two lines read as two rows; a long
        description takes a second line in its column instead."""
        usual = min(self.KEYS_WIDTH, int(width * self.KEYS_SHARE))
        longest = max((cell_len(keys) + 1 for keys, _ in self.all_rows), default=0)
        return max(2, usual, min(longest, int(width * self.LONG_KEYS_SHARE)))

    def render(self) -> Table:
        keys_width = self.keys_width(self.content_region.width or self.KEYS_WIDTH * 3)
        table = Table.grid(padding=(0, 1, 0, 0), expand=True)
        table.add_column(
            width=keys_width - 1, style=self.get_component_rich_style("help-rows--keys")
        )
        table.add_column(ratio=1)
        for keys, description in self.rows:
            table.add_row(Text(keys), Text(description))
        return table


class HelpScreen(FollowsTheTerminal, DismissesOnce, ModalScreen[None], inherit_bindings=False):
    """Lists every action of `screen` and its keys, generated from the live bindings."""

    app = getters.app(ChapbookApp)
    AUTO_FOCUS = ""  # the keys scroll the list; the filter has them only once `/` opens it

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpList {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        border-title-color: $text;
        border-title-style: bold;
        border-subtitle-color: $text-muted;
        background: $surface;
        padding: 0 1;
    }
    .help-heading {
        margin-top: 1;
        text-style: bold;
    }
    .help-note {
        width: 1fr;
        margin-bottom: 1;
    }
    #help-filter {
        dock: top;
        display: none;
        height: 1;
        border: none;
        padding: 0 1;
        background: $panel;
    }
    #help-filter.-open { display: block; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        binding("line_down", "scroll_down", "Scroll down", show=False),
        binding("line_up", "scroll_up", "Scroll up", show=False),
        binding("half_page_down", "half_page_down", "Half a page down", show=False),
        binding("half_page_up", "half_page_up", "Half a page up", show=False),
        binding("page_down", "page_down", "Page down", show=False),
        binding("page_up", "page_up", "Page up", show=False),
        binding("screen_down", "page_down", "Page down", show=False),
        binding("screen_up", "page_up", "Page up", show=False),
        binding("top", "scroll_home", "Top", show=False),
        binding("bottom", "scroll_end", "Bottom", show=False),
        # As `/` searches the reader: here it keeps the rows with the words typed.
        # Not a priority binding: once the filter is open, a `/` typed is a character of it
        # (`/` finds the keys of the search).
        binding("search", "filter", "Filter the keys", show=False, priority=False),
        # The footer points to the settings for changing keys: the same key goes there from here.
        binding("settings", "settings", "Settings", show=False),
        binding("help", "close", "Close help"),
        binding("close", "cancel", "Close help"),
        binding("quit", "close", "Close help"),
    ]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.target = screen
        # Read while `screen` is still on top: a screen that acts only while it is the one on
        # top (the settings screen) disables its own bindings once the help covers it.
        self.actions = live_actions(screen, self.app.settings.keys)

    def compose(self) -> ComposeResult:
        with HelpList() as listing:
            listing.border_title = f"Keys · {screen_title(self.target)}"
            listing.border_subtitle = self._hint()
            yield SafeInput(
                placeholder="words of an action, or a key · Enter keeps · Esc all again",
                max_length=FILTER_LENGTH,
                id="help-filter",
            )
            # An action the user left without a key says so, as the settings screen does.
            yield HelpRows(
                [
                    (
                        # (one space apart, as the settings screen shows them: two made the
                        # reader's seven keys for Line down too long for a row at 80 columns)
                        " ".join(display_key(key) for key in self._keys_shown(action)) or "(none)",
                        action.description,
                    )
                    for action in self.actions
                ]
            )
            notes: tuple[str, ...] = getattr(self.target, "HELP_NOTES", ())
            if notes:
                heading = getattr(self.target, "HELP_NOTES_HEADING", "Counts, marks and search")
                yield Label(heading, classes="help-heading")
                keys_now = KeysNow(self.app)
                for note in notes:
                    yield Label(note.format_map(keys_now), classes="help-note", markup=False)

    def _keys_shown(self, action: LiveAction) -> list[str]:
        """``action``'s keys as the screen shows them (the vim preset's reader: `gg`, as its
        `g` waits for the key after it)."""
        shown = getattr(self.target, "keys_shown", None)
        return list(action.keys) if shown is None else shown(action.action_id, list(action.keys))

    def on_resize(self, event: events.Resize) -> None:
        """On a narrow screen the subtitle says only how to close (it would be cut off)."""
        self._list().border_subtitle = self._hint(short=event.size.width < NARROW)

    def _hint(self, short: bool = False) -> str:
        own = {
            action.action_id: action.keys for action in live_actions(self, self.app.settings.keys)
        }
        close = display_key((own.get("close") or own.get("help") or ["escape"])[0])
        # Only a screen with a key to the settings points there (not the settings screen).
        settings = next((a.keys for a in self.actions if a.action_id == "settings"), [])
        if short:
            return f"{close} closes"
        search = own.get("search")
        filters = f" · {display_key(search[0])} filters" if search else ""
        if not settings:
            return f"{close} closes{filters}"
        return f"{close} closes{filters} · change keys in Settings ({display_key(settings[0])})"

    def _list(self) -> HelpList:
        return self.query_one(HelpList)

    def action_scroll_down(self) -> None:
        self._list().scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self._list().scroll_up(animate=False)

    def action_half_page_down(self) -> None:
        listing = self._list()
        listing.scroll_to(y=listing.scroll_y + self._half_page(), animate=False)

    def action_half_page_up(self) -> None:
        listing = self._list()
        listing.scroll_to(y=listing.scroll_y - self._half_page(), animate=False)

    def _half_page(self) -> int:
        return max(1, self._list().scrollable_content_region.height // 2)

    def action_page_down(self) -> None:
        self._list().scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self._list().scroll_page_up(animate=False)

    def action_scroll_home(self) -> None:
        self._list().scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self._list().scroll_end(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_settings(self) -> None:
        """The settings, as the footer promises: the help closes and the screen beneath opens
        them, as its own key would (a screen without a way there keeps the help open)."""
        opens = getattr(self.target, "action_settings", None)
        if opens is None or not self.is_open:
            return
        self.dismiss(None)
        opens()

    def _filter(self) -> Input:
        return self.query_one("#help-filter", Input)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if typed_into_filter(action, self.focused):
            return False
        return super().check_action(action, parameters)

    def action_filter(self) -> None:
        """Open the filter over the list (again, with what it holds, after Enter)."""
        field = self._filter()
        field.add_class("-open")
        self.set_focus(field)  # now: the keys typed next go into it

    def action_cancel(self) -> None:
        """Escape: a filter open or kept goes first (all the keys again), then the help."""
        field = self._filter()
        if not field.has_class("-open"):
            self.dismiss(None)
            return
        field.value = ""
        field.remove_class("-open")
        self.set_focus(None)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_one(HelpRows).keep(event.value)
        # The notes are prose about every key: they stand aside while a filter is typed.
        for note in self.query(".help-heading, .help-note"):
            note.display = not event.value.strip()
        self._list().scroll_home(animate=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter keeps the rows found, and gives the keys back to the list (j, k scroll)."""
        event.stop()
        if not event.value.strip():
            self.action_cancel()
            return
        self.set_focus(None)
