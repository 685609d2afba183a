"""Screen updates as the terminal should get them: fewer bytes, and emoji pinned in place.

`compact` drops colour codes that only set again the colours in effect; `pin_disputed`
keeps emoji whose width terminals disagree about from shifting the rest of their row.

Textual writes each run of text as "colours, text, reset", and every row starts with a cursor
move. A page of a book is thirty-odd rows in one style, so most of an update is the same
colour codes again and again: over SSH that is most of what a page turn sends. `compact`
removes only what cannot change what the terminal shows:

* a reset (``ESC[0m``) followed, after nothing but cursor moves, by the very colours that
  were in effect before it (set from a reset state, so they mean the same thing again);
* a newline or a cursor move followed at once by an absolute cursor move.
"""

from __future__ import annotations

import re

from rich.cells import split_graphemes

from tui.reading.wrapping import measure

RESET = "\x1b[0m"
# A newline the absolute cursor move after it makes pointless.
_NEWLINE_BEFORE_MOVE = re.compile(r"\n(?=\x1b\[[0-9]*;[0-9]*H)")
# Colour and attribute codes (SGR) and absolute cursor moves (CUP).
_TOKEN = re.compile(r"\x1b\[([0-9;:]*)m|\x1b\[[0-9]*;[0-9]*H")


def compact(data: str) -> str:
    """``data`` with redundant colour codes and cursor moves left out (see the module)."""
    if "\x1b[" not in data:
        return data
    data = _NEWLINE_BEFORE_MOVE.sub("", data)
    out: list[str] = []
    moved = False  # the last thing in `out` is a cursor move
    # The SGR parameters in effect, set from a reset state; "" after a reset; None when the
    # state is not known (at the start, after codes stacked on codes, after other sequences).
    current: str | None = None
    held: list[str] | None = None  # a reset not written yet, and the cursor moves after it
    position = 0
    for match in _TOKEN.finditer(data):
        start = match.start()
        if start > position:  # text or another escape sequence: a held reset goes first
            if held is not None:
                out.extend(held)
                held, current = None, ""
            chunk = data[position:start]
            out.append(chunk)
            moved = False
            if "\x1b" in chunk:  # a sequence that may set or restore colours (ESC 8, ESC c)
                current = None
        position = match.end()
        code = match.group()
        params = match.group(1)
        if params is None:  # a cursor move: one right after another moved for nothing
            if held is not None:
                if len(held) > 1:
                    held[-1] = code
                else:
                    held.append(code)
            elif moved:
                out[-1] = code
            else:
                out.append(code)
                moved = True
        elif params in ("", "0"):  # a reset
            if held is not None:
                out.extend(held)
                moved, current = len(held) > 1, ""
            held = [RESET]
        elif held is not None and params == current:
            # The colours in effect before the reset, set again: skip both.
            out.extend(held[1:])
            moved = moved if len(held) == 1 else True
            held = None
        else:
            if held is not None:
                out.extend(held)
                held, current = None, ""
            out.append(code)
            moved = False
            current = params if current == "" or params.startswith("0;") else None
    if held is not None:
        out.extend(held)
    out.append(data[position:])
    return "".join(out)


# Characters that make a grapheme's width a matter of opinion between terminals: emoji (tmux 3
# draws `❤️` one cell wide and `👍🏽` four, where Textual counts two; terminals with older
# tables draw the newest emoji one cell wide), U+FE0F/FE0E, zero-width joiners, keycaps. Not
# the regional indicators of flags: drawn one at a time they would not make a flag.
DISPUTED = re.compile(
    "[\u200d\u20e3\ufe0e\ufe0f\u2600-\u27bf\U0001f000-\U0001f1e5\U0001f200-\U0001faff]"
)
# What is not text in a screen update: absolute cursor moves, colour codes (which leave the
# cursor alone), other escape sequences (CSI, OSC and the rest), newlines, carriage returns.
_CURSOR = re.compile(
    r"\x1b\[([0-9]*);([0-9]*)H|(\x1b\[[0-9;:]*m)|\x1b\[[0-9;:?<=>]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[ -/]*[0-~]|[\r\n]"
)


def pin_disputed(data: str) -> str:
    """``data`` with every disputed grapheme (see `DISPUTED`) pinned to the cells Textual
    gave it: those cells are blanked first, the grapheme is drawn at their start, and the
    cursor is put back at their end. Wherever the terminal draws it narrower the blank shows,
    wherever wider the next characters overwrite the excess: the rest of the row, and what
    is later drawn over it, land where they belong."""
    if DISPUTED.search(data) is None:
        return data
    out: list[str] = []
    row: int | None = None
    column: int | None = None  # 1-based, as in cursor moves; None when not known
    position = 0
    for match in _CURSOR.finditer(data):
        if match.start() > position:
            text = data[position : match.start()]
            column = _pin_text(out, text, row, column)
        position = match.end()
        out.append(match.group())
        if match.group(1) is not None:  # an absolute move: the place is known again
            row, column = int(match.group(1) or 1), int(match.group(2) or 1)
        elif match.group(3) is None:  # anything else but colours: the place is not known
            row = column = None
    if position < len(data):
        _pin_text(out, data[position:], row, column)
    return "".join(out)


def _pin_text(out: list[str], text: str, row: int | None, column: int | None) -> int | None:
    """Write ``text`` starting at ``column`` of ``row``; return the column after it."""
    if row is None or column is None or DISPUTED.search(text) is None:
        out.append(text)
        return None if column is None else column + measure(text)
    spans, _ = split_graphemes(text)
    plain_from = 0
    for start, end, width in spans:
        grapheme = text[start:end]
        if width and DISPUTED.search(grapheme):
            out.append(text[plain_from:start])
            out.append(f"{' ' * width}\x1b[{row};{column}H{grapheme}\x1b[{row};{column + width}H")
            plain_from = end
        column += width
    out.append(text[plain_from:])
    return column
