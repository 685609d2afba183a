"""What to say of entries in the settings file that chapbook does not read as written.

An unknown setting or table, a table in double brackets (`[[reader]]`), the keymap preset
written where it is not read (`preset = "vim"` under [keys]).
"""

from __future__ import annotations

from typing import Any

from tui.settings.key_clashes import Report
from tui.settings.keymap_slips import keymap_words, preset_meant
from tui.settings.placement import misplaced
from tui.settings.schema import IGNORED, IGNORED_TABLE, SCHEMA, sentence
from tui.settings.spelling import closest_name
from tui.settings.toml_words import header_name, listed_header, locate

# The tables of settings (the keys are checked on their own, in [keys]).
TABLES = ("reader", "library", "display")


def without_keymap_slips(data: dict[str, Any], lines: list[str], report: Report) -> dict[str, Any]:
    """``data`` without the entries meant to choose the keymap preset where it is not read
    (`preset = "vim"` under [keys]), each told with the line that sets it; a table that held
    nothing else goes too, rather than being told as a second problem."""
    kept: dict[str, Any] = {}
    for name, value in data.items():
        if isinstance(value, dict):
            entries = {}
            for leaf, item in value.items():
                meant = preset_meant(leaf, item)
                if meant is None:
                    entries[leaf] = item
                else:
                    report(f"{name}.{leaf}", sentence(keymap_words(meant, name, data, lines)))
            if entries or not value:
                kept[name] = entries
            continue
        meant = preset_meant(name, value) if name != "keymap" else None
        if meant is None:
            kept[name] = value
        else:
            report(name, sentence(keymap_words(meant, "", data, lines)))
    return kept


def is_tables(value: Any) -> bool:
    """True for a list of tables (`[[reader]]`, or `reader = [{ … }]`)."""
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def listed_table(name: str, tables: list[dict[str, Any]], lines: list[str], report: Report) -> Any:
    """What to read for a table written `[[name]]`, which TOML reads as a list of tables:
    chapbook's own table written so once is read as `[name]`, with a warning that says how to
    write it; written twice, it is not read (None). Any other name is left as it is, to be
    told as unknown or misplaced; so is a list written `name = [{ … }]`."""
    line = locate(lines, name)
    headed = line is not None and listed_header(lines[line - 1])
    if name not in (*TABLES, "keys") or not headed:
        return tables
    brackets = f"[[{name}]], in double brackets, makes a list of tables, and settings are one table"
    if len(tables) == 1:
        report(
            name,
            sentence(f"{brackets}: write [{name}]")
            + f" chapbook reads the entries under it as [{name}]'s meanwhile.",
            warning=True,
        )
        return tables[0]
    again = [n for n, written in enumerate(lines, 1) if header_name(written) == name]
    on_lines = " and ".join(str(n) for n in again)
    report(
        name,
        sentence(
            f"{brackets}: write [{name}] once (it is on lines {on_lines}), above all its entries"
        )
        + f" Using the default [{name}] for now.",
    )
    return None


def unknown_setting(dotted: str) -> str:
    """The message for a setting chapbook does not have: where it belongs when it is a setting
    of another table or an action id, the one it was meant to be when one is spelt like it,
    else the settings its table holds."""
    table, _, leaf = dotted.rpartition(".")
    elsewhere = misplaced(table, leaf)
    if elsewhere:
        return sentence(elsewhere) + IGNORED
    suggestion = _suggest_setting(dotted)
    if suggestion:
        return sentence("unknown setting", suggestion) + IGNORED
    if table in TABLES:
        held = ", ".join(name.rpartition(".")[2] for name in SCHEMA if name.startswith(f"{table}."))
        return sentence(f"unknown setting: [{table}] holds {held}") + IGNORED
    top = ", ".join(name for name in SCHEMA if "." not in name)
    tables = ", ".join(f"[{name}]" for name in (*TABLES, "keys"))
    return (
        sentence(
            f"unknown setting: the settings outside a table are {top}; the tables are {tables}"
        )
        + IGNORED
    )


def unknown_table(name: str) -> str:
    """The message for a table chapbook does not have (`[reaer]`): the one it was meant to be
    when one is spelt like it, else the tables there are."""
    suggestion = closest_name(name, [*TABLES, "keys"])
    if suggestion:
        return sentence("unknown table", f"[{suggestion}]") + IGNORED_TABLE
    tables = ", ".join(f"[{table}]" for table in (*TABLES, "keys"))
    return sentence(f"unknown table: the tables are {tables}") + IGNORED_TABLE


def _suggest_setting(dotted: str) -> str | None:
    """The setting ``dotted`` was meant to be, when one is spelt like it: in its own table
    first (`reader.widht`), then anywhere (`width = 80` at the top means reader.width)."""
    table, _, leaf = dotted.rpartition(".")
    by_leaf: dict[str, str] = {}
    for name in SCHEMA:
        by_leaf.setdefault(name.rpartition(".")[2], name)
    own = [name for name in SCHEMA if name.rpartition(".")[0] == table]
    if table:
        close = closest_name(leaf, [name.rpartition(".")[2] for name in own])
        if close:
            return f"{table}.{close}"
    elif leaf in (*TABLES, "keys"):
        return None
    if leaf in by_leaf:  # the right name in the wrong place
        return by_leaf[leaf]
    if not table:
        close = closest_name(leaf, [*own, *TABLES, "keys"])
        if close:
            return close
    close = closest_name(leaf, list(by_leaf))
    return by_leaf[close] if close else None


__all__ = [
    "TABLES",
    "is_tables",
    "listed_table",
    "unknown_setting",
    "unknown_table",
    "without_keymap_slips",
]
