"""What vim's `:set OPTION` is told: what chapbook does in the option's place.

`{settings}` and `{info}` in the answers are the keys the user has for those actions.
"""

from __future__ import annotations

import re

from tui.reading.commands import SETTINGS_ELSEWHERE

# vim's options a reader sets from habit, by every name vim gives them, and what chapbook has
# instead of each: a line number, wrapping, the search's highlights and case, the colours.
LINE_NUMBERS = (
    "chapbook shows no line numbers: in a book, {info} says the line at the top of the page, "
    "and :200 goes to line 200"
)
WRAPPING = (
    "chapbook always wraps the text, at the text width set on the settings screen ({settings})"
)
HIGHLIGHTS = ":noh clears the search's highlights; the next search shows them again"
SEARCH_CASE = (
    "Search is smart-case already: a query all in lowercase matches any case, one with a "
    "capital matches case exactly"
)
COLOURS = "The colours are the theme, set on the settings screen ({settings})"
READ_ONLY = "chapbook never writes to the book's file: it only reads it"

ANSWERS: dict[str, str] = {
    **dict.fromkeys(("nu", "number", "rnu", "relativenumber", "ruler", "ru"), LINE_NUMBERS),
    **dict.fromkeys(
        ("wrap", "lbr", "linebreak", "tw", "textwidth", "wm", "wrapmargin", "co", "columns"),
        WRAPPING,
    ),
    **dict.fromkeys(("hls", "hlsearch"), HIGHLIGHTS),
    **dict.fromkeys(("ic", "ignorecase", "scs", "smartcase"), SEARCH_CASE),
    **dict.fromkeys(("bg", "background", "tgc", "termguicolors"), COLOURS),
    **dict.fromkeys(("ro", "readonly", "ma", "modifiable", "wa", "writeany"), READ_ONLY),
}

# The option's name in what follows `:set`: the first option, without vim's `no` and `inv`
# (turning it off or over), `!`, `?` and `&` after it, or the `=value` or `:value` given it.
OPTION = re.compile(r"(?:no|inv)?([a-z]+)")


def set_answer(typed: str) -> str:
    """What `:set` followed by ``typed`` (`nu`, `nowrap`, `tw=60`) is told, with `{settings}`
    and `{info}` left for the keys: what chapbook does instead of the option, or where its own
    settings are."""
    first = typed.strip().split(" ", 1)[0].lower()
    name = re.split(r"[=:!?&+^-]", first, maxsplit=1)[0]
    if name in ANSWERS:  # (`nu`, and `number` too, which `no` does not begin)
        return ANSWERS[name]
    match = OPTION.fullmatch(name)
    if match is not None and match[1] in ANSWERS:
        return ANSWERS[match[1]]
    return SETTINGS_ELSEWHERE
