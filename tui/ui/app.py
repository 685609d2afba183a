"""The Textual application: wires settings, the library index and the screens together."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Container, Mapping
from functools import partial
from pathlib import Path
from typing import Any, Protocol, cast, runtime_checkable

from textual import events
from textual.app import App
from textual.driver import Driver
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.widgets import Input

from tui.library.library import Library
from tui.reading.opener import BookOpener
from tui.settings.edit import SettingsDraft
from tui.settings.settings import Problem, Settings, reload_if_changed
from tui.settings.store import BrokenSettingsFile, SettingsWriteError
from tui.ui import settings_notice
from tui.ui.actions import declared_ids, textual_keymap
from tui.ui.borders import ASCII_BORDERS_CSS, ASCII_CLASS
from tui.ui.navigation import Screens
from tui.ui.notice_board import NoticeBoard
from tui.ui.notices import longer_than_a_line, notice_text, reading_seconds
from tui.ui.terminal.alt_keys import EscapeThenKey, escape_then_key
from tui.ui.terminal.clipboard import tmux_set_clipboard
from tui.ui.terminal.crash import CrashGuard, CrashHandler
from tui.ui.terminal.driver import hand_over_carefully, plain_output_requested, tidy_output
from tui.ui.terminal.input_bytes import decode_leniently
from tui.ui.terminal.keys_in_order import KeyDone, KeyTurns
from tui.ui.terminal.nul_key import one_ctrl_space
from tui.ui.terminal.pastes import keep_pastes_whole
from tui.ui.terminal.resizes import outdated
from tui.ui.terminal.typed_early import read_early_keys_as_typed
from tui.ui.themes import no_color_requested, register_themes, theme_for
from tui.ui.unsaved import UnsavedWatch
from tui.ui.widgets.keyhint import key_hint

SETTINGS_TITLE = "Settings"  # the title of notices about the settings file being used
# Seconds after a book opened from the command line starts before the library's code is
# brought in (`Screens.prepare_library`): its first page goes out first.
PREPARE_LIBRARY_AFTER = 0.5


@runtime_checkable
class PlaceSaver(Protocol):
    """A screen with a reading place to save before chapbook leaves."""

    def save_state(self) -> None: ...


@runtime_checkable
class FollowsSettings(Protocol):
    """A screen that uses settings changed while it is showing (the settings file edited by
    hand, picked up when chapbook gets the focus back)."""

    def follow_settings(self) -> None: ...


# Dialogs stand on the theme's background instead of a dimmed copy of the screen beneath:
# Textual redraws that copy in full at every resize and full refresh, two thirds of the work
# (the help over the settings, resized between 200×60 and 250×80: 257–274 ms a resize with
# the copy, 124 ms without).
# The small, short-lived questions are the exceptions: the bookmark label and the key capture
# over the page or the settings they change, the sort menu, the value entry and the
# confirmations over the list they act on, which stay readable behind them.
DIALOG_BACKDROP_CSS = """
ModalScreen { background: $background; }
BookmarkLabelScreen, KeyCaptureScreen, ValueEntryScreen, SortMenu, ConfirmRemove, ConfirmAdd,
UpdateOffer { background: $background 40%; }
"""


@runtime_checkable
class SeesKeysFirst(Protocol):
    """A screen that looks at each key before any binding runs, priority bindings too (they
    run before the key reaches the screen's `on_key`)."""

    def key_arriving(self, event: events.Key) -> None: ...


def _splits_alt(screen: Screen[Any]) -> EscapeThenKey:
    """When ``screen`` reads an alt key it does not bind as Escape then the key: as its
    `ESCAPE_THEN_KEY` says (the library and the reader, the settings, the dialog capturing a
    key), otherwise always for a dialog, never for another screen."""
    default: EscapeThenKey = "always" if isinstance(screen, ModalScreen) else "never"
    return cast(EscapeThenKey, getattr(screen, "ESCAPE_THEN_KEY", default))


def _bound_after_escape(screen: Screen[Any], keys: Mapping[str, str]) -> Container[str]:
    """The keys ``screen`` binds, for a key typed right after Escape: its active bindings, and
    while one of its boxes has the focus (the library's filter box, add prompt and `:` prompt,
    the reader's `/`, `?`, `%` and `:` prompts), which that Escape closes, the keys of the
    actions the screen declares, as the settings give them in ``keys`` (Textual's key names,
    `question_mark` for `?`, as settings.toml is read), whatever the box makes of them now:
    Esc j typed fast in a search prompt closes it and moves a line, as typed slowly."""
    bound = set(screen.active_bindings)
    if isinstance(screen.focused, Input):
        for action_id in declared_ids(screen):
            bound.update(key for key in keys.get(action_id, "").split(",") if key)
    return bound


class ChapbookApp(CrashGuard, App[None]):
    """chapbook: the library list, the reader pane and the fuzzy finder."""

    TITLE = "chapbook"
    # Every binding lives on a screen and has an id; the app itself binds nothing.
    BINDINGS = []  # noqa: RUF012
    CSS = ASCII_BORDERS_CSS + DIALOG_BACKDROP_CSS
    # ctrl+p is the `find` key; Textual's palette would take it first (a priority binding).
    ENABLE_COMMAND_PALETTE = False
    # Book text is selected with the keyboard (`v`, then `y`), by paragraphs. Textual's own
    # mouse selection cannot select in the reader's lines, and a click on a widget being
    # removed (a dialog closing under a fast click) made it raise inside Textual.
    ALLOW_SELECT = False

    def __init__(
        self,
        settings: Settings,
        library: Library,
        screens: Screens,
        *,
        open_path: Path | None = None,
        opener: BookOpener | None = None,
        problems: list[Problem] | None = None,
        crash_handler: CrashHandler | None = None,
    ) -> None:
        # Under NO_COLOR, native ANSI mode makes Textual strip every colour (its NoColor
        # filter) instead of sending greys as 24-bit colours (its Monochrome filter).
        super().__init__(ansi_color=True if no_color_requested() else None)
        register_themes(self)
        self.settings = settings
        self.library = library
        self.screens = screens
        self.open_path = open_path
        self.opener = opener  # already reading open_path, when given
        self.problems = problems or []
        # Given by the command line: an unexpected error is logged there, not shown.
        self.crash_handler = crash_handler
        # Set when the reader was opened straight from the command line: `q` then quits.
        self.reader_is_root = open_path is not None
        # That reader: when it cannot read its book, chapbook ends with a one-line message.
        self.started_on: Screen[None] | None = None
        self._hung_up = False
        self.notice_board = NoticeBoard(self)
        self.key_turns = KeyTurns(self, self._handle_key)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Resize) and not self.is_headless and outdated(event):
            return  # the resize to the size now comes next: drawing this one is wasted
        if isinstance(event, events.Key) and not event.is_forwarded:
            if not self.key_turns.waits(event):
                await self.key_turns.take(event)
            return
        await super().on_event(event)

    async def _handle_key(self, key: events.Key) -> None:
        screen = self.screen
        # (the bindings are read only for an alt key: reading them asks every action if it is on)
        when = _splits_alt(screen) if key.key.startswith("alt+") else "never"
        bound = _bound_after_escape(screen, self.settings.keys) if when != "never" else ()
        split = escape_then_key(key, bound, when)
        if split is not None:  # Escape now, the key in the next turn, as they were typed
            key, after = split
            self.key_turns.waiting.appendleft(after)
        if isinstance(self.screen, SeesKeysFirst):
            self.screen.key_arriving(key)
        await super().on_event(key)

    def on_key_done(self, message: KeyDone) -> None:
        message.stop()
        self.key_turns.returned(message)

    def get_driver_class(self) -> type[Driver]:
        # A byte from the terminal that is not UTF-8 is dropped instead of ending chapbook;
        # Enter typed while chapbook starts is Enter; ctrl+space is one key.
        driver = hand_over_carefully(
            one_ctrl_space(read_early_keys_as_typed(decode_leniently(super().get_driver_class())))
        )
        keep_pastes_whole()
        # CHAPBOOK_PLAIN_OUTPUT=1 sends Textual's output as it is (to rule the tidying out
        # when a terminal shows something odd).
        return driver if plain_output_requested() else tidy_output(driver)

    def on_mount(self) -> None:
        self._install_signal_handlers()
        self.apply_settings(self.settings)
        if os.environ.get("TMUX"):
            # Asking tmux runs a program (up to a second): never on the interface thread.
            self.run_worker(tmux_set_clipboard, name="ask tmux", thread=True, exit_on_error=False)
        if self.open_path is not None:
            self.started_on = self.screens.reader(self.open_path, opener=self.opener)
            self.push_screen(self.started_on)
            # Once the first page is out, the library's code comes in, off this thread: the
            # first `L` took half a second or more (seconds while a big book was indexed).
            self.set_timer(PREPARE_LIBRARY_AFTER, self.screens.prepare_library)
        else:
            self.push_screen(self.screens.library())
        self._notify_problems()
        for notice in self.library.notices:
            self.notify(notice_text(self, notice), title="Library", severity="warning", timeout=15)
        self.notice_board.started()
        UnsavedWatch(self).start()

    # At most this many notices stand on the screen at once.
    MAX_NOTICES = 4
    # A notice longer than this is cut (a 50 KB paste echoed in one would fill the screen).
    LONGEST_NOTICE = 320

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
        replacing: bool = False,
    ) -> None:
        """Textual's notice, but never twice at once: a key held down (ctrl+o with nowhere to
        go back to) would stack dozens of the same toast, and every one makes each redraw of
        the screen slower. More than `MAX_NOTICES` different ones clear the older ones, and
        one longer than `LONGEST_NOTICE` is cut. With ``replacing``, it takes the place of the
        notices of the same title (`Bookmark back` after `Bookmark removed`). A path or other
        word too long for a line of it is shortened (`notice_text`), never split."""
        if replacing and title:
            self.notice_board.withdraw_titled(title)
        if len(message) > self.LONGEST_NOTICE:
            cut = message[: self.LONGEST_NOTICE - 1]
            if " " in cut:  # at a space: a notice never ends in half a word
                cut = cut[: cut.rindex(" ")]
            message = cut.rstrip() + "…"
        if longer_than_a_line(self, str(message)):
            # Textual would fold it inside the word (`…/settings.tom` / `l:`): a path is
            # shortened instead, lines broken between words.
            message = notice_text(self, str(message))
        notice = (str(message), title, severity)
        stands = self.NOTIFICATION_TIMEOUT if timeout is None else timeout
        # (queued, like the notices themselves: those not shown yet go too)
        clear_all = partial(self.call_later, super().clear_notifications)
        about = self._screen_under_dialogs()
        if not self.notice_board.admit(
            notice, time.monotonic() + stands, markup, about, self.MAX_NOTICES, clear_all
        ):
            return
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def clear_notifications(self) -> None:
        super().clear_notifications()
        self.notice_board.cleared()

    def _screen_under_dialogs(self) -> Screen[Any] | None:
        """The screen shown under any dialogs: the one a notice coming now is about."""
        stack = self.screen_stack  # (empty before the first screen: the app's own)
        return next((s for s in reversed(stack) if not isinstance(s, ModalScreen)), None)

    def withdraw_settings_problems(self) -> None:
        """Take away the notice of the settings file's problems, for a screen that shows them
        itself or after the file was read again."""
        self.notice_board.withdraw(lambda key: key[1] in self.SETTINGS_PROBLEM_TITLES)

    def apply_settings(self, settings: Settings) -> None:
        """Use new settings now: theme and keys at once; screens re-read the rest on resume."""
        before = getattr(self, "settings", None)
        if before is not None and before.library.sort != settings.library.sort:
            # Another library order in the settings starts the right way round.
            self.library.set_sort(settings.library.sort)
            self.library.save()
        self.settings = settings
        self.theme = theme_for(self, settings.theme)
        self.use_borders(settings.display.borders)
        # Bindings are made with the default keys; the keymap carries only what differs.
        # Textual lays the keymap over every binding on each key press, so with the defaults
        # (an empty keymap) a key costs nothing extra.
        self.set_keymap(textual_keymap(settings.keys))

    def save_setting(self, name: str, value: object) -> None:
        """Write one setting into the settings file, as the settings screen saves it, and use
        what the file holds then. When it cannot be written, the value is used until chapbook
        quits, and a notice says why."""
        draft = SettingsDraft(self.settings)
        draft.set_value(name, value)
        try:
            # Only this setting's line changes: the rest of the file is left as the user
            # wrote it, misspelt entries too (the settings screen is where they are tidied).
            notice = draft.save(tidy=False)
        except (BrokenSettingsFile, SettingsWriteError, ValueError) as err:
            self.apply_settings(draft.settings)
            self.notify(
                f"{name} = {value!r} is used until chapbook quits, not saved: {err}",
                title=SETTINGS_TITLE,
                severity="warning",
                timeout=15,
                markup=False,
            )
            return
        self.problems = draft.problems
        self.apply_settings(draft.saved)
        if notice:
            self.notify(notice, title=SETTINGS_TITLE, severity="warning", timeout=15, markup=False)

    def pick_up_settings_file(self, *, tell: bool = True) -> bool:
        """Use the settings file again if it changed on disk since chapbook read it (edited by
        hand, or saved by another chapbook): one stat when it did not. It is read and checked
        as at start-up, and with ``tell`` its problems are told as they were then (a screen
        that shows them itself says no). Returns whether the settings were read again."""
        reloaded = reload_if_changed(self.settings)
        if reloaded is None:
            return False
        settings, self.problems = reloaded
        self.apply_settings(settings)
        # What was said about the file before is out of date, whatever it said: its problems,
        # and that it was used.
        self.notice_board.withdraw(
            lambda key: key[1] in (*self.SETTINGS_PROBLEM_TITLES, SETTINGS_TITLE)
        )
        if tell and self.problems and self._notify_problems():
            pass
        elif tell and settings.path is not None:
            self.notify(f"{settings.path.name} changed: chapbook uses it now", title=SETTINGS_TITLE)
        return True

    def on_app_focus(self, event: events.AppFocus) -> None:
        # Back from the editor in another window: what was saved there is used here, on a
        # screen that can follow it (not over the settings screen, where it would overwrite
        # a draft; that screen reads the file when it opens).
        screen = self.screen
        if isinstance(screen, FollowsSettings) and self.pick_up_settings_file():
            screen.follow_settings()

    def use_borders(self, borders: str) -> None:
        """Draw boxes with rounded corners, or with ASCII (`[display] borders`)."""
        self.set_class(borders == "ascii", ASCII_CLASS)

    SETTINGS_PROBLEM_TITLES = settings_notice.TITLES

    def problems_listed(self) -> str:
        """Every problem of the settings file, one a line ("" for none): for the settings
        screen, which has room to scroll through them."""
        return "\n".join(problem.brief() for problem in self.problems)

    def _notify_problems(self) -> bool:
        """One short notice: the first problem and how to see any others; warnings alone,
        how many and where, once for the same warnings (`settings_notice`). Returns whether
        there was one."""
        notice = settings_notice.settings_notice(self.problems, self.settings.path)
        if notice is None:
            return False
        title, text = notice
        # Not markup: a message quotes tables (`[keys]`, `[reader]`) that markup would eat.
        self.notify(
            text,
            title=title,
            severity="warning",
            # (a reading time: left alone it does not stand over the page for long either)
            timeout=reading_seconds(text, least=6, most=10),
            markup=False,
        )
        return True

    # -- saving ------------------------------------------------------------------------------
    def save_all(self) -> None:
        """Flush every screen's unsaved state (reading position) and the library index."""
        for screen in self.screen_stack:
            if isinstance(screen, PlaceSaver):
                screen.save_state()
        self.library.save()

    def _install_signal_handlers(self) -> None:
        """SIGHUP (SSH hang-up) and SIGTERM save the place before leaving.

        The handler is Python's own, run between two steps of whatever the app is doing, not
        one queued on the event loop: a backlog of work (a storm of resizes) keeps the loop
        from ever reaching a queued handler, and chapbook would outlive its terminal."""
        import asyncio

        loop = asyncio.get_running_loop()

        def hung_up(signum: int, frame: object) -> None:
            self._on_hangup()
            # Wakes the loop too, which may be waiting on the terminal that is gone.
            with contextlib.suppress(RuntimeError):  # the loop has already closed
                loop.call_soon_threadsafe(self.exit)

        for signum in (signal.SIGHUP, signal.SIGTERM):
            with contextlib.suppress(ValueError):  # not the main thread (tests)
                signal.signal(signum, hung_up)

    # After a hang-up the place is saved first; if leaving then takes longer than this (seconds),
    # chapbook ends at once. A terminal closed while Textual was still starting, or a backlog
    # of work, can keep its shutdown waiting, and nothing may outlive its SSH session.
    HANGUP_GRACE = 3.0

    def _on_hangup(self) -> None:
        if self._hung_up:
            return
        self._hung_up = True
        try:
            self.save_all()
        finally:
            if not self.is_headless:
                end_anyway = threading.Timer(self.HANGUP_GRACE, os._exit, args=(0,))
                end_anyway.daemon = True
                end_anyway.start()
            self.exit()

    async def action_quit(self) -> None:
        self.save_all()
        self.exit()

    def _presses_to_quit(self) -> int:
        """How many quit keys end chapbook from the top screen: one a screen down to the
        library (which quits) or to the first screen."""
        screens = self.screen_stack[1:]  # (the first is Textual's own, empty)
        presses = 1
        for screen in reversed(screens[1:]):
            if self.screens.is_library(screen):
                break
            presses += 1
        return presses

    def action_help_quit(self) -> None:
        """ctrl+c does not quit (a text field copies with it): say which key does, from here.
        The quit key leaves a screen opened over another (a book opened from the library goes
        back to it) and quits from the first screen or the library."""
        key = key_hint(self, "quit")
        quits_here = len(self.screen_stack) <= 2 or any(
            active.binding.action == "app.quit" for active in self.active_bindings.values()
        )
        presses = 1 if quits_here else self._presses_to_quit()
        if presses == 1:
            message = f"Press {key} to quit chapbook"
        elif presses == 2:
            message = f"Press {key} to go back, then {key} again to quit chapbook"
        else:
            message = f"Press {key} {presses} times to quit chapbook"
        self.notify(message, title="Do you want to quit?")
