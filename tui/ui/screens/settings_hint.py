"""The settings screen's line of keys, cut to the room it has: the most useful keys first."""

from __future__ import annotations

from tui.reading.wrapping import measure

SEPARATOR = " · "


def fitted_hint(items: list[tuple[str, str, int]], width: int, lines: int) -> str:
    """``items`` (key, what it does, rank: 0 is kept longest) in their order, on at most
    ``lines`` lines of ``width`` cells, leaving out the lowest ranked until they fit; an item
    is never split over two lines."""
    kept = list(items)
    while kept:
        text = _wrapped([f"{key} {does}" for key, does, _ in kept], width)
        if text.count("\n") < lines:
            return text
        kept.remove(max(kept, key=lambda item: item[2]))
    return ""


def _wrapped(parts: list[str], width: int) -> str:
    """``parts`` joined by separators, a new line before a part that would not fit."""
    lines: list[str] = []
    for part in parts:
        if lines and measure(lines[-1] + SEPARATOR + part) <= width:
            lines[-1] += SEPARATOR + part
        else:
            lines.append(part)
    return "\n".join(lines)
