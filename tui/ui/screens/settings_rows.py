"""What each row of the settings list reads: a setting's value, an action's keys and clashes."""

from __future__ import annotations

from functools import cache

from textual.content import Content
from textual.widgets.option_list import Option

from tui.reading.wrapping import measure
from tui.settings.edit import EDITABLE, SettingsDraft, format_value
from tui.settings.key_display import display_keys
from tui.settings.keymaps import screen_actions
from tui.ui.actions import describe_action
from tui.ui.row_filter import holds_words
from tui.ui.screens.settings_clashes import NOTE_INDENT, clash_note, lost_note
from tui.ui.themes import no_color_requested

LABEL_WIDTH = 48  # where a setting's value starts when there is room
DESCRIPTION_WIDTH = 30  # the narrowest description column the id column is shown beside
KEYS_ROOM = 24  # what an action's keys (`Space PgDn f ctrl+f  (yours)`) want
SHORT_KEYS = 10  # what most actions' keys (`j Down`) need: the least the keys column gets
SHORTEST_DESCRIPTION = 10
WIDE_VALUE = 24  # what the longer values take (`‹ blank line between ›`)
ROW_WIDTH = 76  # the list's room for a row at 80 columns, until it has been laid out


def _label(text: str, width: int) -> str:
    """`text` in a column of `width` cells, cut with an ellipsis when longer."""
    if measure(text) > width - 3:
        text = text[: max(1, width - 4)] + "…"
    return f"  {text:<{width - 2}}"


def _label_column(width: int) -> int:
    """Where values start: at `LABEL_WIDTH`, nearer the labels when the row is narrower."""
    longest = max(measure(label) for label in EDITABLE.values())
    return min(LABEL_WIDTH, max(longest + 4, width - 26))


def settings_options(draft: SettingsDraft, width: int) -> list[Option]:
    """Every row of the list: the reading settings, the keymap, then each screen's actions
    (an action on several screens is listed under the first); rows are ``width`` cells."""
    rows: list[Option] = [Option(Content.styled("Reading", "bold"), disabled=True)]
    rows += [Option(setting_prompt(draft, n, width), id=n) for n in EDITABLE if n != "keymap"]
    rows.append(Option(Content.styled("Keys", "bold"), disabled=True))
    rows.append(Option(setting_prompt(draft, "keymap", width), id="keymap"))
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


def kept_options(options: list[Option], draft: SettingsDraft, query: str) -> list[Option]:
    """The rows holding every word of ``query`` (an action's description, id or keys; a
    setting's name or value: see `holds_words`), each under the headings of its group."""
    if not query.strip():
        return options
    kept: list[Option] = []
    headings: list[Option] = []  # those over the rows to come
    for option in options:
        if option.id is None:
            level = _heading_level(option)
            headings = [h for h in headings if _heading_level(h) < level] + [option]
        elif holds_words(*_row_words(draft, option.id), query):
            kept += headings
            headings = []
            kept.append(option)
    return kept


def _heading_level(option: Option) -> int:
    """0 for a group's heading (`Keys`), 1 for a screen's under it (`  Reader screen`)."""
    return 1 if str(option.prompt).startswith(" ") else 0


def _row_words(draft: SettingsDraft, row: str) -> tuple[str, str]:
    """What a filter looks in on a row: its keys as shown, and its words."""
    if row.startswith("keys."):
        action = row.removeprefix("keys.")
        keys = display_keys(draft.settings.keys.get(action, ""))
        return keys, f"{describe_action(action)} {action}"
    return "", f"{EDITABLE[row]} {row} {format_value(row, draft.value(row))}"


def setting_prompt(draft: SettingsDraft, name: str, width: int = ROW_WIDTH) -> Content:
    """A setting's row: its name, `‹ value ›`, and a dot when it differs from the saved one;
    on one line of ``width`` cells if it fits, else with the value on a line of its own."""
    value = format_value(name, draft.value(name))
    # The theme chosen is kept for when NO_COLOR goes; say what is shown meanwhile.
    note = "  NO_COLOR: ansi is used" if name == "theme" and no_color_requested() else ""
    changed = draft.value(name) != draft.saved.get(name)
    label = EDITABLE[name]
    value_width = measure(value) + 4 + measure(note) + (3 if changed else 0)
    column = _label_column(width)
    if column + max(WIDE_VALUE, value_width) > width:
        # Too narrow for a common column: each value at the right edge, or under its label.
        column = width - value_width
        if column < measure(label) + 3:
            label, column = f"{label}\n{NOTE_INDENT}", 0
    return Content.assemble(
        _label(label, column) if column else f"  {label}",
        ("‹ ", "dim"),
        (value, "bold"),
        (" ›", "dim"),
        (note, "dim"),
        ("  •" if changed else "", "$warning"),
    )


@cache
def key_columns(width: int) -> tuple[int, int]:
    """The cells of the description and the id columns (0: no id column) of every action's
    row at ``width``: the same on each row, so that the keys line up. The descriptions get
    what they need when there is room; else the id column goes before they are cut much."""
    actions = {action for ids in screen_actions().values() for action in ids}
    descriptions = max(measure(describe_action(action)) for action in actions) + 4
    ids = max(len(action) for action in actions) + 2
    keys = max(SHORT_KEYS, min(KEYS_ROOM, width * 2 // 5))
    if descriptions + ids + keys <= width:
        return descriptions, ids
    if width - ids - keys >= DESCRIPTION_WIDTH:
        return width - ids - keys, ids
    return max(SHORTEST_DESCRIPTION, min(descriptions, width - keys)), 0


def _description_lines(text: str, width: int) -> list[str]:
    """An action's description in a column of ``width`` cells: whole on one line when it fits,
    else over two lines broken between words (the second cut when still too long), so that no
    description is cut short at 80 columns."""
    if measure(text) <= width - 3 or width < SHORTEST_DESCRIPTION:
        return [_label(text, width).strip()]
    room = width - 4  # two cells apart from the next column
    words = text.split(" ")
    first = ""
    while words and measure(f"{first} {words[0]}".strip()) <= room:
        first = f"{first} {words.pop(0)}".strip()
    if not first:  # one word longer than the column
        return [_label(text, width).strip()]
    return [first, _label(" ".join(words), width).strip()]


def _key_lines(keys: str, first: int, room: int) -> list[str]:
    """``keys`` (`j e Down Enter ctrl+n`) on lines of ``room`` cells (the first ``first``, as
    it has the marks beside it), whole keys on each: a key just added stays in view however
    many there are. A key longer than its line is cut."""
    lines: list[str] = []
    for key in keys.split(" "):
        if lines and measure(f"{lines[-1]} {key}") <= (first if len(lines) == 1 else room):
            lines[-1] = f"{lines[-1]} {key}"
        else:
            width = first if not lines else room
            lines.append(key if measure(key) <= width else key[: max(0, width - 1)] + "…")
    return lines or [""]


def _fitted_keys(keys: str, room: int) -> str:
    """``keys`` in ``room`` cells: whole keys and `…` when they do not all fit."""
    lines = _key_lines(keys, room, room)
    return lines[0] if len(lines) == 1 else _key_lines(keys, room - 1, room)[0] + "…"


def key_prompt(draft: SettingsDraft, action: str, width: int) -> Content:
    """An action's row: what it does, its id (when there is room), its keys, whether they are
    the user's or not saved yet, and what they clash with, on lines of ``width`` cells; the
    columns are those of every action's row."""
    keys = draft.settings.keys.get(action, "")
    clashing = [c for c in draft.clashes() if action in c.actions]
    changed = keys != draft.saved.keys.get(action)
    # Keys the user's file gave another action: what is left is the default's, not theirs.
    lost = draft.lost_keys(action)
    marks: list[tuple[str, str]] = []
    if action in draft.user_keys and not lost:
        marks.append(("  (yours)", "dim"))
    if changed:
        marks.append(("  •", "$warning"))
    description, id_width = key_columns(width)
    room = width - description - id_width - sum(measure(text) for text, _ in marks)
    # Keys too many for the row go on under it, in their column, as a long description does.
    shown_keys, first_room = display_keys(keys) or "(none)", max(SHORT_KEYS // 2, room)
    key_lines = (
        _key_lines(shown_keys, first_room, width - description - id_width)
        if id_width
        else [_fitted_keys(shown_keys, first_room)]  # (narrow: one line a row, the rest `…`)
    )
    # Beside the id column a long description takes a second line; on a narrow screen, where
    # every line counts, it is cut.
    text = describe_action(action)
    first, *rest = (
        _description_lines(text, description) if id_width else [_label(text, description).strip()]
    )
    parts: list[str | tuple[str, str]] = [f"  {first:<{description - 2}}"]
    if id_width:
        parts.append((f"{action:<{id_width}}", "dim"))
    parts += [(key_lines[0], "bold"), *marks]
    # The rest of a long description, and of many keys, on lines of their own, in their columns.
    for line in range(1, max(len(rest) + 1, len(key_lines))):
        words = rest[line - 1] if line <= len(rest) else ""
        more_keys = key_lines[line] if line < len(key_lines) else ""
        parts.append(f"\n  {words:<{description - 2 + id_width}}" if more_keys else f"\n  {words}")
        parts.append((more_keys, "bold"))
    # On a line of its own under the row: beside the keys it wrapped to the list's edge.
    for note in clash_note(action, clashing, width):
        parts.append(("\n" + note, "$error bold"))
    for note in lost_note(lost, width):
        parts.append(("\n" + note, "$warning"))
    return Content.assemble(*parts)
