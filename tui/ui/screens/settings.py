"""The settings screen: theme, text layout, reading speed, keymap preset and rebinding keys."""

from __future__ import annotations

from contextlib import suppress
from typing import ClassVar

from textual import events, getters, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static

from tui.paths import shown_path
from tui.settings.edit import EDITABLE, SettingsDraft, is_typed, typed_value, value_prompt
from tui.settings.key_display import display_key, display_keys
from tui.settings.keymaps import Clash
from tui.settings.schema import SCHEMA
from tui.settings.store import BrokenSettingsFile, SettingsWriteError
from tui.ui.actions import binding, describe_action
from tui.ui.app import ChapbookApp
from tui.ui.dialogs.key_capture import KeyCaptureScreen
from tui.ui.dialogs.once import DismissesOnce, ask
from tui.ui.dialogs.value_entry import ValueEntryScreen
from tui.ui.screens.settings_clashes import clashes_text
from tui.ui.screens.settings_hint import fitted_hint
from tui.ui.screens.settings_rows import (
    ROW_WIDTH,
    kept_options,
    key_prompt,
    setting_prompt,
    settings_options,
)
from tui.ui.terminal.alt_keys import EscapeThenKey
from tui.ui.terminal.resizes import FollowsTheTerminal
from tui.ui.themes import theme_for
from tui.ui.widgets.safe_input import SafeInput, typed_into_filter
from tui.ui.widgets.settings_list import SettingsList
from tui.ui.widgets.settings_problems import SettingsProblems, counted

FILTER_LENGTH = 60  # what the filter takes: a few words of a setting or an action, or a key


class SettingsScreen(FollowsTheTerminal, DismissesOnce, Screen[None], inherit_bindings=False):
    """Edit settings; changes are written to settings.toml as overrides when saved."""

    app = getters.app(ChapbookApp)
    problems_panel = getters.query_one(SettingsProblems)

    HELP_TITLE = "Settings"
    # Escape then a key typed fast comes as an alt key: Escape (out of the filter, or the
    # screen), then the key, as for the dialogs.
    ESCAPE_THEN_KEY: EscapeThenKey = "always"
    DEFAULT_CSS = """
    SettingsScreen { align: center top; }
    #settings-panel { width: 100%; max-width: 120; height: 1fr; }
    #settings-title { text-style: bold; color: $text; padding: 0 1; }
    SettingsList { height: 1fr; }
    #settings-status { height: auto; min-height: 2; padding: 0 1; color: $text-muted; }
    #settings-status.-problem { color: $error; }
    #settings-filter {
        display: none; height: 1; border: none; padding: 0 1; background: $panel;
    }
    #settings-filter.-open { display: block; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        binding("setting_next", "step(1)", "Next value"),
        binding("setting_prev", "step(-1)", "Previous value"),
        binding("rebind", "rebind", "Change / press a new key"),
        binding("add_key", "add_key", "Add a key"),
        binding("reset_setting", "reset", "Back to default"),
        binding("save_settings", "save", "Save"),
        binding("all_problems", "all_problems", "Every problem of the file", show=False),
        # As the library's `/`: keeps the rows holding the words typed.
        # Not a priority binding: once the filter is open, a `/` typed is a character of it
        # (`/` finds the rows of the keys bound to it).
        binding("filter", "filter", "Filter the settings and keys", show=False, priority=False),
        binding("help", "help", "Help"),
        # Each says which key it was, so that "… again leaves" names the key pressed.
        binding("close", "close('close')", "Close"),
        binding("quit", "close('quit')", "Close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.draft: SettingsDraft | None = None
        self._confirm_discard = False
        self._confirm_replace = False
        self._showing_hint = False  # the status line shows the keys, not a message
        # What the last save said (entries commented out, values written, a file kept aside):
        # over the list with the file's problems, not in a notice over the rows being edited.
        self._saved_notice: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="settings-panel"):
            yield Static("Settings", id="settings-title")
            yield SafeInput(
                placeholder="words of a setting or an action, or a key · Enter keeps · Esc all",
                max_length=FILTER_LENGTH,
                id="settings-filter",
            )
            # every problem of the file in a few rows, scrolled, over the list (all on a key)
            yield SettingsProblems()
            yield SettingsList(id="settings-list")
            yield Static("", id="settings-status", markup=False)

    def on_mount(self) -> None:
        if not self.is_open:
            return  # answered before it was shown: a key typed ahead closed it
        # What the file says now: edited by hand since chapbook read it, it is read again (its
        # problems are said at the top, below, rather than in a notice over the list).
        self.app.pick_up_settings_file(tell=False)
        self.draft = SettingsDraft(self.app.settings)
        options = self.query_one(SettingsList)
        options.add_options(settings_options(self.draft, self._row_width()))
        options.highlighted = 1
        options.focus()
        # The file's problems are said here instead, where the notice would cover the list.
        self.app.withdraw_settings_problems()
        self._show_file_problem()
        self._show_hint()
        # Rows were made for a guessed width: make them again for the list's real one.
        self.call_after_refresh(self._fit_to_width)

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fit_to_width)

    def _fit_to_width(self) -> None:
        """Lay each row and the hint out again for the width the screen has now."""
        if self.draft is None or not self.is_mounted:
            return
        self._refresh_rows()
        self.problems_panel.fit()
        if self._showing_hint:
            self._show_hint()

    def _show_file_problem(self) -> None:
        """Say up front that the user's file could not be read, and what saving will do; or
        else everything that is wrong in it (a value out of range), of which the start-up
        notice said the first."""
        assert self.draft is not None
        problem = self.draft.file_problem
        if problem is not None:
            # (the defaults at start; the settings it had, when the file broke while it ran)
            held = self.app.settings.held_over
            in_use = "the settings chapbook had" if held else "the default settings"
            banner: str | None = (
                f"{shown_path(self.draft.path)} {problem}, so these are {in_use}. "
                "Saving here replaces that file (the old one is kept beside it); to keep its "
                "settings, fix it by hand instead."
            )
        else:
            banner = self.app.problems_listed() or None
        self.problems_panel.show(problem=banner, saved=self._saved_notice)
        self._count_problems()

    def _count_problems(self) -> None:
        """Above the few rows of problems, when there are more than one thing to say: how
        many, and the keys to see them all and to write the values shown for them."""
        assert self.draft is not None
        problems = [] if self.draft.file_problem is not None else self.app.problems
        parts = []
        # (a save's notes are long: their count says they are there to see whole)
        if len(problems) > 1 or self._saved_notice is not None:
            if self._saved_notice is not None:
                parts.append("Saved, with the notes below")
            if problems:
                parts.append(f"{counted(problems)} in {self.draft.path.name}")
            fewer = self.problems_panel.showing_all
            parts.append(f"{self._key('all_problems')} shows {'fewer' if fewer else 'all'}")
            if any(not problem.warning for problem in problems):  # (warned: used as written)
                parts.append(f"{self._key('save_settings')} writes the values shown")
        self.problems_panel.count(parts)

    def action_all_problems(self) -> None:
        """Every problem of the file over the list, or only its first few rows again."""
        self.problems_panel.toggle_all()
        if self.draft is not None:
            self._count_problems()

    # -- rows -----------------------------------------------------------------------------
    def _row_width(self) -> int:
        width = self.query_one(SettingsList).scrollable_content_region.width
        return width if width > 0 else ROW_WIDTH

    def _refresh_rows(self) -> None:
        assert self.draft is not None
        options = self.query_one(SettingsList)
        width = self._row_width()
        for name in EDITABLE:
            with suppress(Exception):  # (a row the filter left out)
                options.replace_option_prompt(name, setting_prompt(self.draft, name, width))
        for actions in self.draft.actions_by_screen().values():
            for action in actions:
                with suppress(Exception):
                    prompt = key_prompt(self.draft, action, width)
                    options.replace_option_prompt(f"keys.{action}", prompt)
        # A clash note makes a row taller: keep all of the highlighted row in view.
        self.call_after_refresh(options.scroll_to_highlight)
        title = "Settings" + ("  • unsaved changes" if self.draft.dirty else "")
        self.query_one("#settings-title", Static).update(title)

    def _show_status(self, text: str, problem: bool = False) -> None:
        """Say something on the status line under the list; start-up notices still standing
        would cover it, so they go."""
        self.app.notice_board.withdraw_startup()
        self._put_status(text, problem)
        self._showing_hint = False

    def _show_hint(self) -> None:
        self._put_status(self._hint())
        self._showing_hint = True

    def _put_status(self, text: str, problem: bool = False) -> None:
        status = self.query_one("#settings-status", Static)
        status.update(text)
        status.set_class(problem, "-problem")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # The keys that act on a row differ by row: a message stays, a hint follows the row;
        # a problem stays until it is dealt with.
        if self.draft is None:
            return
        status = self.query_one("#settings-status", Static)
        if not status.has_class("-problem"):
            self._show_hint()

    def _key(self, action_id: str) -> str:
        keys = self.app.settings.keys.get(action_id, "")
        return display_key(keys.split(",")[0]) if keys else action_id

    def _hint(self) -> str:
        """The keys of the highlighted row and of this screen, as many as fit: one line, two
        on a narrow screen."""
        width = self.query_one("#settings-status", Static).content_region.width or ROW_WIDTH
        name = self._current()
        steps = f"{self._key('setting_prev')}/{self._key('setting_next')}"
        row: list[tuple[str, str, int]]
        if name is None or name.startswith("keys."):
            row = [(self._key("rebind"), "new key", 0), (self._key("add_key"), "add key", 5)]
        elif is_typed(name) and SCHEMA[name].kind == "int":
            step = SCHEMA[name].step
            row = [(self._key("rebind"), "type a value", 0), (steps, f"-/+ {step}", 1)]
        elif is_typed(name):
            row = [(self._key("rebind"), "type a value", 0), (steps, "change", 1)]
        else:
            row = [(steps, "change", 0), (self._key("rebind"), "next", 5)]
        items = [
            *row,
            (self._key("reset_setting"), "default", 4),
            (self._key("save_settings"), "save", 2),
            (self._key("close"), "close", 3),
            (self._key("help"), "help", 6),
        ]
        return fitted_hint(items, width, lines=1 if width >= 50 else 2)

    def _current(self) -> str | None:
        option = self.query_one(SettingsList).highlighted_option
        return option.id if option is not None else None

    # -- actions --------------------------------------------------------------------------
    def action_step(self, direction: int) -> None:
        name = self._current()
        if self.draft is None or name is None:
            return
        if name.startswith("keys."):
            self._show_status(
                # (keys named as the hint under a key row names them: `a add key`)
                f"{self._key('setting_prev')}/{self._key('setting_next')} change settings "
                f"above; on key rows: {self._key('rebind')} new key · "
                f"{self._key('add_key')} add key"
            )
            return
        self.draft.step(name, direction)
        self._preview(name)
        self._changed()

    def action_rebind(self) -> None:
        name = self._current()
        if self.draft is None or name is None:
            return
        if is_typed(name):
            self._ask_value(name)
            return
        if not name.startswith("keys."):
            self.action_step(1)
            return
        self._capture(name.removeprefix("keys."), add=False)

    def _ask_value(self, name: str) -> None:
        """Ask for a number or text setting's value, checked as settings.toml would check it."""
        assert self.draft is not None

        def done(value: object) -> None:
            if value is not None and self.draft is not None:
                self.draft.set_value(name, value)
                self._preview(name)
                self._changed()

        def check(text: str) -> tuple[object, str | None]:
            return typed_value(name, text)

        prompt, longest = value_prompt(name)
        dialog = ValueEntryScreen(prompt, str(self.draft.value(name)), longest, check)
        ask(self, dialog, done)

    def action_add_key(self) -> None:
        name = self._current()
        if self.draft is not None and name is not None and name.startswith("keys."):
            self._capture(name.removeprefix("keys."), add=True)

    def _capture(self, action: str, *, add: bool) -> None:
        """Ask for a key for ``action``: in place of its keys, or (``add``) one more."""
        assert self.draft is not None
        current = self.draft.settings.keys.get(action, "")

        def done(pressed: str | None) -> None:
            if pressed is not None:
                self._rebound(action, pressed, add=add)

        ask(self, KeyCaptureScreen(describe_action(action), current, add=add), done)

    def _rebound(self, action: str, pressed: str, *, add: bool = False) -> None:
        assert self.draft is not None
        result = self.draft.rebind(action, pressed, add=add)
        if result.error:
            self._show_status(f"{describe_action(action)}: {result.error}", problem=True)
            return
        self._changed(result.clashes)
        if not result.clashes:
            keys = self.draft.settings.keys.get(action, "")
            shown = display_keys(keys) if add else display_key(result.key or pressed)
            self._show_status(f"{describe_action(action)}: {shown}. Not saved yet.")

    def action_reset(self) -> None:
        name = self._current()
        if self.draft is None or name is None:
            return
        self.draft.reset(name)
        self._preview(name)
        self._changed()

    def _preview(self, name: str) -> None:
        """Show a change of theme or borders at once (it is kept only if saved)."""
        assert self.draft is not None
        if name == "theme":
            self.app.theme = theme_for(self.app, self.draft.value("theme"))
        elif name == "display.borders":
            self.app.use_borders(self.draft.value("display.borders"))

    def _changed(self, clashes: list[Clash] | None = None) -> None:
        assert self.draft is not None
        self._confirm_discard = False
        self._confirm_replace = False
        self._refresh_rows()
        clashes = clashes if clashes is not None else self.draft.clashes()
        if clashes:
            self._show_status(
                f"Clash, fix it before saving: {clashes_text(clashes)}.", problem=True
            )
        else:
            self._show_hint()

    def action_save(self) -> None:
        if self.draft is None:
            return
        clashes = self.draft.clashes()
        if clashes:
            self._show_status(f"Nothing saved: keys clash. {clashes_text(clashes)}.", problem=True)
            return
        try:
            notice = self.draft.save(replace_broken=self._confirm_replace)
        except BrokenSettingsFile as err:
            # Replacing the user's file is theirs to choose: ask, by the same key again.
            self._confirm_replace = True
            self._show_status(
                f"{shown_path(err.path)} {err.reason}. {self._key('save_settings')} again "
                "replaces it with the settings shown here (the old file is kept beside it).",
                problem=True,
            )
            return
        except (ValueError, SettingsWriteError) as err:
            self._show_status(str(err)[:1].upper() + str(err)[1:], problem=True)
            return
        self._confirm_replace = False
        self._saved_notice = notice
        # What the file holds now, merged with any edit made to it meanwhile, is what is used
        # and shown; what is left wrong in it too (a setting fixed here is no longer a problem).
        self.app.problems = self.draft.problems
        self.app.apply_settings(self.draft.saved)
        self._refresh_rows()
        self._show_file_problem()
        self._show_status(f"Saved to {self.draft.path}")

    def action_help(self) -> None:
        from tui.ui.dialogs.help import HelpScreen

        self.app.push_screen(HelpScreen(self))

    # -- the filter ---------------------------------------------------------------------------
    def _filter(self) -> Input:
        return self.query_one("#settings-filter", Input)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if typed_into_filter(action, self.focused):
            return False
        return super().check_action(action, parameters)

    def action_filter(self) -> None:
        """Open the filter over the list (again, with what it holds, after Enter)."""
        box = self._filter()
        box.add_class("-open")
        self.set_focus(box)  # now: the keys typed next go into it

    @on(Input.Changed, "#settings-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show_rows(event.value)

    @on(Input.Submitted, "#settings-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        """Enter keeps the rows found and gives the keys back to the list, to change them."""
        event.stop()
        if not event.value.strip():
            self._close_filter()
            return
        self.query_one(SettingsList).focus()

    def _close_filter(self) -> bool:
        """Escape: a filter open or kept goes first (every row again, the one highlighted
        still highlighted); False when there was none."""
        box = self._filter()
        if not box.has_class("-open"):
            return False
        box.value = ""
        box.remove_class("-open")
        self.query_one(SettingsList).focus()
        return True

    def _show_rows(self, query: str) -> None:
        """The rows holding the words of ``query``, the first of them highlighted (every row
        for none, the one highlighted before still highlighted)."""
        if self.draft is None:
            return
        options = self.query_one(SettingsList)
        current = self._current()
        rows = kept_options(settings_options(self.draft, self._row_width()), self.draft, query)
        options.clear_options()
        options.add_options(rows)
        ids = [row.id for row in rows]
        enabled = [i for i, row in enumerate(rows) if row.id is not None]
        if not query.strip() and current in ids:
            options.highlighted = ids.index(current)
        elif enabled:
            options.highlighted = enabled[0]
        if not enabled:
            self._show_status(f"No setting or action has “{query.strip()}”")
        elif not self.query_one("#settings-status", Static).has_class("-problem"):
            self._show_hint()
        self.call_after_refresh(options.scroll_to_highlight)

    def action_close(self, pressed: str = "close") -> None:
        """Leave; with unsaved changes, only when asked twice (by either way out). A filter
        goes first."""
        if pressed == "close" and self._close_filter():
            return
        if self.draft is not None and self.draft.dirty and not self._confirm_discard:
            self._confirm_discard = True
            self._show_status(
                f"Unsaved changes: {self._key('save_settings')} saves them, "
                f"{self._key(pressed)} again leaves without saving.",
                problem=True,
            )
            return
        if self.draft is not None and self.draft.dirty:
            self.app.apply_settings(self.draft.discard())
        self.dismiss(None)
