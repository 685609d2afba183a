"""The values of a YAML front matter block's top-level keys, as Markdown sites write them."""

from __future__ import annotations

import re

KEY_LINE = re.compile(r"([A-Za-z_][\w -]*):(?:\s+(.*?))?\s*")
LIST_ITEM = re.compile(r"\s*-(?:\s+(.*?))?\s*")
# Escapes a double-quoted YAML string may hold.
DOUBLE_QUOTED_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", " ": " ", "/": "/"}
DOUBLE_QUOTED_ESCAPE = re.compile(r"\\(.)")


def yaml_values(lines: list[str]) -> dict[str, str | list[str]]:
    """Each top-level key of the block's ``lines`` (between its `---` lines) with its value: a
    list (`- item` lines, `[a, b]`), else the text, folded over its lines as YAML folds them."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        key = KEY_LINE.fullmatch(line) if line[:1] not in (" ", "\t", "-", "#") else None
        if key:
            current = found.setdefault(key.group(1).strip().lower(), [])
            current.append(key.group(2) or "")
        elif current is not None:
            current.append(line)
    return {key: _value(parts) for key, parts in found.items()}


def _value(parts: list[str]) -> str | list[str]:
    first, rest = parts[0], parts[1:]
    items = [LIST_ITEM.fullmatch(line) for line in rest if line.strip()]
    if not first and items and all(items):
        return [_scalar(item.group(1) or "") for item in items if item]
    if first.startswith("[") and first.endswith("]"):
        return [_scalar(item) for item in first[1:-1].split(",") if item.strip()]
    if first[:1] in ("|", ">"):
        body = [line.strip() for line in rest]
        joiner = "\n" if first[0] == "|" else " "
        return joiner.join(body).strip()
    return _scalar("\n".join([first, *rest]))


def _folded(text: str, keep_escaped_ends: bool = False) -> str:
    """Lines folded as YAML folds a flow scalar: one line break a space, each blank line a
    line break (a double-quoted line ending in `\\` runs on with no space)."""
    out = ""
    blanks = 0
    for k, line in enumerate(text.split("\n")):
        piece = line.strip() if k else line.rstrip()
        if k and not piece:
            blanks += 1
            continue
        if k:
            if keep_escaped_ends and out.endswith("\\") and not out.endswith("\\\\"):
                out = out[:-1]
            else:
                out += "\n" * blanks if blanks else " "
        out += piece
        blanks = 0
    return out


def _scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return _folded(value[1:-1]).replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        folded = _folded(value[1:-1], keep_escaped_ends=True)
        return DOUBLE_QUOTED_ESCAPE.sub(
            lambda m: DOUBLE_QUOTED_ESCAPES.get(m.group(1), m.group()), folded
        )
    return _folded(value)
