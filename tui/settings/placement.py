"""Where a setting or an action id belongs, for one written under the wrong table."""

from __future__ import annotations

from tui.settings.keymaps import action_ids
from tui.settings.schema import SCHEMA


def setting_named(leaf: str) -> str | None:
    """The dotted name of the setting called ``leaf`` in whatever table holds it (`width` →
    `reader.width`, `theme` → `theme`), or None when no setting is called that."""
    return next((name for name in SCHEMA if name.rpartition(".")[2] == leaf), None)


def _home(dotted: str, written_in: str) -> str:
    """Where the setting ``dotted`` is written, as a place in the file, for one written under
    the table ``written_in`` ("" for the top of the file)."""
    table = dotted.rpartition(".")[0]
    if table:
        return f"under [{table}]"
    return f"at the top of the file, above [{written_in}] and every other table"


def misplaced(table: str, leaf: str) -> str | None:
    """What to say about ``leaf`` written under ``table`` ("" for the top of the file) when it
    is the right name in the wrong place: a setting of another table, or an action id outside
    [keys]; None when it is neither (a misspelling, or a name chapbook does not know)."""
    setting = setting_named(leaf)
    if table == "keys":
        if setting is None or leaf in action_ids():
            return None
        return f"{leaf} is a setting, not an action: it belongs {_home(setting, table)}"
    if setting is not None:
        if setting == f"{table}.{leaf}".lstrip("."):
            return None
        if "." not in setting:  # (its place says where it was not)
            return f"{leaf} belongs {_home(setting, table)}"
        here = f"[{table}]" if table else "at the top of the file"
        return f"{leaf} belongs {_home(setting, table)}, not {here}"
    if leaf in action_ids():
        return f'{leaf} is an action, not a setting: its keys belong under [keys], as {leaf} = "x"'
    return None


__all__ = ["misplaced", "setting_named"]
