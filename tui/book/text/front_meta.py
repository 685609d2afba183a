"""The `Label: value` fields of a text's front matter, kept as the book's metadata."""

from __future__ import annotations

import re
from typing import Any

from tui.book.rules.labels import LIST_KEYS, fandoms_in_categories

_NUMBER = re.compile(r"[\d,.\s]+")


def store_field(meta: dict[str, Any], key: str, value: str) -> None:
    """Keep one field: a list's items once each, the stats line's own fields, notes added."""
    if not value:
        return
    if key in LIST_KEYS:
        items = [v.strip() for v in re.split(r",\s+|\n", value) if v.strip()]
        meta.setdefault(key, [])
        meta[key].extend(v for v in items if v not in meta[key])
    elif key == "stats":
        _store_stats(meta, value)
    elif key in meta and key in ("summary", "notes"):
        meta[key] = f"{meta[key]}\n\n{value}"
    else:
        meta[key] = value


def _store_stats(meta: dict[str, Any], value: str) -> None:
    """`Published: 2020-01-01 Words: 12,345 Chapters: 3/3` on one line."""
    for m in re.finditer(r"([A-Za-z]+):\s*([^:]+?)(?=\s+[A-Za-z]+:|$)", value):
        key = {"words": "stated_words", "chapters": "stated_chapters"}.get(m[1].lower())
        store_field(meta, key or m[1].lower(), m[2].strip())


def finish_meta(meta: dict[str, Any]) -> None:
    """Numbers as numbers: the stated word count is kept as ``stated_words``; a header with
    no `Fandom` line names its fandom as `Category` (FanFiction.net, FanFicFare)."""
    if not meta.get("fandom") and meta.get("category"):
        fandoms = fandoms_in_categories(meta["category"])
        if fandoms:
            meta["fandom"] = fandoms
    for key in ("stated_words", "kudos", "hits", "bookmarks", "comments"):
        value = meta.get(key)
        if isinstance(value, str) and _NUMBER.fullmatch(value):
            digits = re.sub(r"\D", "", value)
            if digits:
                meta[key] = int(digits)
