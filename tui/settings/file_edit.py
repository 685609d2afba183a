"""Changing settings.toml line by line, keeping the user's comments, order and spacing.

Entries chapbook cannot use are commented out, with a note saying why.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

import tomli_w

from tui.settings.keymap_check import nearest_action
from tui.settings.keymap_slips import preset_meant
from tui.settings.keymaps import action_ids
from tui.settings.placement import misplaced
from tui.settings.schema import NOT_SETTINGS, SCHEMA
from tui.settings.spelling import closest_name
from tui.settings.toml_words import ASSIGNMENT, TABLE_HEADER, header_name, key_path, listed_header

TABLES = ("reader", "library", "display", "keys")


@dataclass(frozen=True)
class Unknown:
    """An entry of the file chapbook has no use for: its dotted name, and the one meant."""

    name: str
    meant: str | None
    value: Any = None

    def note(self) -> str:
        """The comment written above it when it is commented out: where it belongs when it is
        a setting or an action written in the wrong table, else the name meant."""
        table, _, leaf = self.name.partition(".")
        if table not in TABLES:
            table, leaf = "", self.name
        preset = preset_meant(leaf, self.value)
        if preset:
            return (
                f'# chapbook: the keymap preset is set with keymap = "{preset}" at the top of '
                "the file; kept here as a comment"
            )
        elsewhere = misplaced(table, leaf)
        if elsewhere:
            return f"# chapbook: {elsewhere}; kept here as a comment"
        kind = "action" if self.name.startswith("keys.") else "setting"
        meant = f' (did you mean "{self.meant}"?)' if self.meant else ""
        return f'# chapbook: unknown {kind} "{leaf}"{meant}, kept here as a comment'


def unknown_entries(data: dict[str, Any]) -> list[Unknown]:
    """The entries of parsed settings that name no setting and no action."""
    found: list[Unknown] = []
    leaves = [name.rpartition(".")[2] for name in SCHEMA]
    for name, value in data.items():
        if name == "keys" and isinstance(value, dict):
            actions = action_ids()
            found += [
                Unknown(f"keys.{action}", nearest_action(action, actions), keys)
                for action, keys in value.items()
                if action not in actions
            ]
        elif name in TABLES and isinstance(value, dict):
            own = [s.rpartition(".")[2] for s in SCHEMA if s.startswith(f"{name}.")]
            found += [
                Unknown(f"{name}.{leaf}", closest_name(leaf, own), item)
                for leaf, item in value.items()
                if f"{name}.{leaf}" not in SCHEMA
            ]
        elif name not in SCHEMA and name not in TABLES and name not in NOT_SETTINGS:
            found.append(Unknown(name, closest_name(name, [*SCHEMA, *TABLES, *leaves]), value))
    return found


class SettingsText:
    """The lines of a settings file, changed one entry at a time."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.emptied: set[str] = set()  # tables an entry was taken out of

    def text(self) -> str:
        self._drop_empty_tables()
        while self.lines and not self.lines[-1].strip():
            self.lines.pop()
        while self.lines and not self.lines[0].strip():
            self.lines.pop(0)
        return "\n".join(self.lines) + "\n" if self.lines else ""

    # -- finding --------------------------------------------------------------------------
    def _entries(self) -> list[tuple[str, str, int, int]]:
        """(table, dotted name, first line, end line) of every entry, in the file's order."""
        found = []
        table = ""
        number = 0
        while number < len(self.lines):
            line = self.lines[number]
            header = header_name(line)
            if header is not None:
                table = header
                number += 1
                continue
            assign = ASSIGNMENT.match(line)
            if assign and not line.lstrip().startswith("#"):
                end = self._end_of(number)
                key = key_path(assign[1])
                found.append((table, f"{table}.{key}" if table else key, number, end))
                number = end
                continue
            number += 1
        return found

    def _end_of(self, first: int) -> int:
        """The line after the entry starting at ``first`` (an array may run over lines)."""
        for end in range(first + 1, len(self.lines) + 1):
            try:
                tomllib.loads("\n".join(self.lines[first:end]))
            except tomllib.TOMLDecodeError:
                continue
            return end
        return first + 1

    def _header_line(self, table: str) -> int | None:
        for number, line in enumerate(self.lines):
            if header_name(line) == table:
                return number
        return None

    # -- changing -------------------------------------------------------------------------
    def set(self, dotted: str, value: Any) -> None:
        """Give ``dotted`` this value (None: take it out), where it is written or in its
        table."""
        entries = [e for e in self._entries() if e[1] == dotted]
        if value is None:
            for table, _name, first, end in reversed(entries):
                del self.lines[first:end]
                self.emptied.add(table)
            return
        table, _, leaf = dotted.rpartition(".")
        if entries:
            _table, _name, first, end = entries[-1]
            written = ASSIGNMENT.match(self.lines[first])
            assert written is not None
            # The comment written after the value (`page_overlap = 2  # two lines of
            # context`) is the user's note on this setting: it stays beside the new value.
            comment = trailing_comment(self.lines[first:end])
            self.lines[first:end] = [f"{written[1].strip()} = {_toml(value)}{comment}"]
            return
        line = f"{leaf} = {_toml(value)}"
        in_table = [e for e in self._entries() if e[0] == table]
        if in_table:
            self.lines.insert(in_table[-1][3], line)
            return
        header = self._header_line(table) if table else None
        if header is not None:
            self.lines.insert(header + 1, line)
        elif table:
            self.lines += ([""] if self.lines else []) + [f"[{table}]", line]
        else:
            first_header = next(
                (n for n, text in enumerate(self.lines) if TABLE_HEADER.match(text)), None
            )
            if first_header is None:
                self.lines.append(line)
            else:
                self.lines[first_header:first_header] = [line, ""]

    def single_brackets(self, table: str) -> bool:
        """Write the header `[[table]]` as `[table]` (its comment kept), when it is the only
        header of that table; False when it is not."""
        headers = [n for n, line in enumerate(self.lines) if header_name(line) == table]
        if len(headers) != 1 or not listed_header(self.lines[headers[0]]):
            return False
        line = self.lines[headers[0]]
        body, hash_, comment = line.partition("#")
        self.lines[headers[0]] = body.replace("[[", "[", 1).replace("]]", "]", 1) + hash_ + comment
        return True

    def comment_out(self, unknown: Unknown) -> bool:
        """Turn the entry into comments under a note; False when it is not found as a line
        of its own (a table of its own, an inline table)."""
        entries = [e for e in self._entries() if e[1] == unknown.name]
        if not entries:
            return False
        for table, _name, first, end in reversed(entries):
            indent = re.match(r"\s*", self.lines[first])[0]  # type: ignore[index]
            kept = [f"{indent}# {line.strip()}" for line in self.lines[first:end]]
            self.lines[first:end] = [indent + unknown.note(), *kept]
            self.emptied.add(table)
        return True

    def _drop_empty_tables(self) -> None:
        """Take out the header of a table this save emptied, when nothing at all is left
        under it (not even a comment)."""
        for table in self.emptied:
            header = self._header_line(table) if table else None
            if header is None:
                continue
            end = header + 1
            while end < len(self.lines) and not TABLE_HEADER.match(self.lines[end]):
                if self.lines[end].strip():
                    break
                end += 1
            else:
                del self.lines[header:end]


def trailing_comment(entry: list[str]) -> str:
    """The comment after an entry's value on its last line, with the spaces before it
    (`"  # two lines of context"`), or "" when there is none. A `#` inside a text in quotes
    (`scene_ornament = "#"`) is part of the value, not a comment."""
    last = entry[-1]
    for found in re.finditer("#", last):
        before = "\n".join([*entry[:-1], last[: found.start()]])
        try:
            tomllib.loads(before)
        except tomllib.TOMLDecodeError:
            continue
        spaces = len(before) - len(before.rstrip())
        return last[found.start() - spaces :].rstrip()
    return ""


def _toml(value: Any) -> str:
    """A value as TOML writes it on the right of `=`."""
    return tomli_w.dumps({"x": value}).partition("=")[2].strip()


__all__ = ["SettingsText", "Unknown", "unknown_entries"]
