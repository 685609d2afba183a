"""What each row of the settings list reads: a setting's value, an action's keys and clashes."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from tui.settings.edit import EDITABLE, SettingsDraft, format_value
from tui.settings.key_names import display_keys
from tui.ui.actions import describe_action
from tui.ui.screens.settings_clashes import clash_note
from tui.ui.themes import no_color_requested

LABEL_WIDTH = 48
DESCRIPTION_WIDTH = 30
ROW_WIDTH = 76  # the list's room for a row at 80 columns, until it has been laid out


def _label(text: str, width: int) -> str:
    """`text` in a column of `width` cells, cut with an ellipsis when longer."""
    if len(text) > width - 3:
        text = text[: width - 4] + "…"
    return f"  {text:<{width - 2}}"


def settings_options(draft: SettingsDraft, width: int) -> list[Option]:
    """Every row of the list: the reading settings, the keymap, then each screen's actions
    (an action on several screens is listed under the first); rows are ``width`` cells."""
    rows: list[Option] = [Option(Content.styled("Reading", "bold"), disabled=True)]
    rows += [Option(setting_prompt(draft, n), id=n) for n in EDITABLE if n != "keymap"]
    rows.append(Option(Content.styled("Keys", "bold"), disabled=True))
    rows.append(Option(setting_prompt(draft, "keymap"), id="keymap"))
    shown: set[str] = set()
    for screen, actions in draft.actions_by_screen().items():
        fresh = [a for a in actions if a not in shown]
        if not fresh:
            continue
        heading = f"  {screen.replace('_', ' ').capitalize()} screen"
        rows.append(Option(Content.styled(heading, "italic"), disabled=True))
        for action in fresh:
            shown.add(action)
            rows.append(Option(key_prompt(draft, action, width), id=f"keys.{action}"))
    return rows


def setting_prompt(draft: SettingsDraft, name: str) -> Content:
    """A setting's row: its name, `‹ value ›`, and a dot when it differs from the saved one."""
    value = format_value(name, draft.value(name))
    if name == "theme" and no_color_requested():
        value += "  (NO_COLOR is set: ansi is used)"
    changed = draft.value(name) != draft.saved.get(name)
    return Content.assemble(
        _label(EDITABLE[name], LABEL_WIDTH),
        ("‹ ", "dim"),
        (value, "bold"),
        (" ›", "dim"),
        ("  •" if changed else "", "$warning"),
    )


def key_prompt(draft: SettingsDraft, action: str, width: int) -> Content:
    """An action's row: what it does, its id, its keys, whether they are the user's or not
    saved yet, and what they clash with on lines of ``width`` cells under it."""
    keys = draft.settings.keys.get(action, "")
    clashing = [c for c in draft.clashes() if action in c.actions]
    changed = keys != draft.saved.keys.get(action)
    parts: list[str | tuple[str, str]] = [
        _label(describe_action(action), DESCRIPTION_WIDTH),
        (f"{action:<{LABEL_WIDTH - DESCRIPTION_WIDTH}}", "dim"),
        (display_keys(keys) or "(none)", "bold"),
    ]
    if action in draft.user_keys:
        parts.append(("  (yours)", "dim"))
    if changed:
        parts.append(("  •", "$warning"))
    # On a line of its own under the row: beside the keys it wrapped to the list's edge.
    for note in clash_note(action, clashing, width):
        parts.append(("\n" + note, "$error bold"))
    return Content.assemble(*parts)
