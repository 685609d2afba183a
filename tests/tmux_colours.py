"""Colours on a tmux screen (`capture-pane -e`): is every letter readable, is colour sent."""

from __future__ import annotations

import re

# xterm's default 16 colours: what a terminal shows for SGR 30-37 / 90-97.
ANSI16 = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
    (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
    (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
]  # fmt: skip
Colour = tuple[int, int, int] | None  # None: the terminal's own default colour


def _xterm256(n: int) -> tuple[int, int, int]:
    if n < 16:
        return ANSI16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return steps[n // 36], steps[n // 6 % 6], steps[n % 6]
    grey = 8 + (n - 232) * 10
    return grey, grey, grey


def _sgr_colour(params: list[int], i: int) -> tuple[Colour, int]:
    """The colour of an extended (38/48) SGR parameter list at ``i``; the next index."""
    if i + 1 < len(params) and params[i + 1] == 5 and i + 2 < len(params):
        return _xterm256(params[i + 2]), i + 3
    if i + 1 < len(params) and params[i + 1] == 2 and i + 4 < len(params):
        return (params[i + 2], params[i + 3], params[i + 4]), i + 5
    return None, len(params)


Cell = tuple[str, Colour, Colour, bool]  # character, foreground, background, reversed


def styled_cells(escaped: str) -> list[list[Cell]]:
    """Rows of (character, foreground, background, reversed) from `capture-pane -e` output,
    reverse video applied to the colours. Colours are RGB, or None for the terminal's
    defaults. (A wide character is one entry, as in the captured text.)"""
    rows: list[list[Cell]] = []
    fg: Colour = None
    bg: Colour = None
    reverse = False
    for line in escaped.split("\n"):
        row: list[Cell] = []
        for match in re.finditer(r"\x1b\[([0-9;:]*)m|\x1b[^\[]|([^\x1b])", line):
            if match.group(2) is not None:
                shown = (bg, fg) if reverse else (fg, bg)
                row.append((match.group(2), *shown, reverse))
                continue
            if match.group(1) is None:
                continue
            params = [int(p) if p else 0 for p in re.split("[;:]", match.group(1))]
            i = 0
            while i < len(params):
                p = params[i]
                if p == 0:
                    fg, bg, reverse = None, None, False
                elif p == 7:
                    reverse = True
                elif p == 27:
                    reverse = False
                elif 30 <= p <= 37 or 90 <= p <= 97:
                    fg = ANSI16[p - 30 if p < 90 else p - 82]
                elif 40 <= p <= 47 or 100 <= p <= 107:
                    bg = ANSI16[p - 40 if p < 100 else p - 92]
                elif p == 39:
                    fg = None
                elif p == 49:
                    bg = None
                elif p in (38, 48):
                    colour, i = _sgr_colour(params, i)
                    if p == 38:
                        fg = colour
                    else:
                        bg = colour
                    continue
                i += 1
        rows.append(row)
    return rows


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio of two colours: 1 (the same) to 21 (black on white)."""

    def luminance(rgb: tuple[int, int, int]) -> float:
        def channel(c: int) -> float:
            s = c / 255
            return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

        r, g, b_ = (channel(c) for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def faint_text(escaped: str, minimum: float = 3.0) -> list[str]:
    """Letters and digits drawn with too little contrast to read (both colours known),
    as `row N: "word" c:1.2` lines; empty when everything is readable."""
    found: list[str] = []
    for number, row in enumerate(styled_cells(escaped), start=1):
        run = ""
        worst = 21.0
        for char, fg, bg, _reverse in [*row, (" ", None, None, False)]:
            ratio = contrast(fg, bg) if fg is not None and bg is not None else 21.0
            if char.isalnum() and ratio < minimum:
                run += char
                worst = min(worst, ratio)
            elif run:
                found.append(f"row {number}: {run!r} contrast {worst:.1f}")
                run, worst = "", 21.0
    return found


def colour_codes(escaped: str) -> list[str]:
    """The colour-setting SGR sequences in `capture-pane -e` output (resets not counted)."""
    codes = []
    for params in re.findall(r"\x1b\[([0-9;:]*)m", escaped):
        values = [int(p) if p else 0 for p in re.split("[;:]", params)]
        if any(30 <= v <= 38 or 40 <= v <= 48 or 90 <= v <= 107 for v in values):
            codes.append(f"\\e[{params}m")
    return codes


def plain(escaped: str) -> str:
    """The text of `capture-pane -e` output without its escape sequences."""
    return re.sub(r"\x1b(\[[0-9;:]*m|[^\[])", "", escaped)


def cursor_shown(escaped: str, text: str) -> bool:
    """True when the cell just after ``text`` (what was typed into a field) is drawn unlike
    both its neighbours, which look alike: the text cursor is visible there."""
    for line, cells in zip(plain(escaped).split("\n"), styled_cells(escaped), strict=False):
        at = line.find(text)
        if at < 0:
            continue
        end = at + len(text)
        if not 0 < end < len(cells) - 1:
            return False
        before, cursor, after = (cell[1:] for cell in cells[end - 1 : end + 2])
        return before == after != cursor
    return False
