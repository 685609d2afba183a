"""The finder's parts: the query box, the result list, and how the box shares the rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from textual.binding import BindingType

from tui.ui.widgets.safe_input import SafeInput
from tui.ui.widgets.selection import ReversibleOptionList

# A part of the front or end matter is marked as a chapter is: `#` finds both.
KIND_MARKS = {
    "chapter": "#",
    "section": "#",
    "scene": "*",
    "bookmark": "'",
    "text": "/",
    "book": "•",
}

# The cells of the box's width the query box does not show text in: its border and padding.
QUERY_FRAME = 4
RESULT_ROWS = 20  # the most rows of hits shown, on a tall screen
PREVIEW_ROWS = 9  # the preview's rule and its lines, when there is room
PREVIEW_LEAST = 4  # a preview smaller than this says too little: it is left out
RESULTS_FIRST = 10  # rows the hits keep before the preview gets any
TALL_SCREEN = 40  # rows beyond which the finder grows with the screen
FINDER_WIDTH = 100  # the finder box's width on an ordinary screen, in cells
FINDER_WIDEST = 140


class QueryInput(SafeInput):
    """The query box: a text field with the Input's own editing keys. The finder's keys are
    priority bindings of its screen, so they act before the box sees them."""


class ResultList(ReversibleOptionList, inherit_bindings=False, can_focus=False):
    """The hits. Never focused: the finder's own keys move its highlight."""

    BINDINGS: ClassVar[list[BindingType]] = []


@dataclass(frozen=True)
class FinderRows:
    """How the finder's box uses a screen's rows: every part fits, so nothing is cut off."""

    margin_top: int  # blank rows above the box
    query_gap: int  # blank rows under the query box
    results: int  # the most rows the hits may take (the list scrolls within them)
    preview: int  # the most rows of the preview, its rule included; 0: no preview


def finder_rows(height: int) -> FinderRows:
    """Share ``height`` rows: the box's border, query, status and key hints always show; the
    hits come next, then the preview; blank rows go first on a short screen."""
    roomy = height >= 20
    margin_top, query_gap = (1, 1) if roomy else (0, 0)
    fixed = margin_top + 2 + 1 + query_gap + 1 + 1  # margin, border, query, gap, status, hints
    room = max(1, height - fixed)
    # A tall screen (200x60) gives the preview a third of the room and the hits the rest,
    # rather than leaving its lower half blank.
    tall = height > TALL_SCREEN
    preview = min(max(PREVIEW_ROWS, room // 3) if tall else PREVIEW_ROWS, room - RESULTS_FIRST)
    if preview < PREVIEW_LEAST:
        preview = 0
    results = min(room - preview if tall else RESULT_ROWS, room - preview)
    return FinderRows(margin_top, query_gap, results, preview)


def finder_width(screen_width: int) -> int:
    """The finder box's width: 100 cells, or most of a wide screen (up to 140 cells on a
    200-cell terminal), never more than 96% of it."""
    return max(
        1, min(max(FINDER_WIDTH, screen_width * 7 // 10), FINDER_WIDEST, screen_width * 96 // 100)
    )


def fitted_placeholder(text: str, width: int) -> str:
    """The query box's hint (`Find: words · ch3 s5 · #chapter`) in ``width`` cells: the parts
    that fit whole, the first always, cut at a word with `…` when even it is too long. The box
    cut it anywhere (`… · #chapter ·`, `title, author, fandom,`)."""
    first, *more = text.split(" · ")
    shown = first
    for part in more:
        if cell_len(f"{shown} · {part}") > width:
            break
        shown = f"{shown} · {part}"
    if cell_len(shown) <= width:
        return shown
    cut = shown[: max(0, width - 1)]
    word = cut.rfind(" ")
    return (cut[:word] if word > 0 else cut).rstrip(",;:") + "…"
