"""The finder's parts: the query box, the result list, and how the box shares the rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

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

RESULT_ROWS = 20  # the most rows of hits shown, on a tall screen
PREVIEW_ROWS = 9  # the preview's rule and its lines, when there is room
PREVIEW_LEAST = 4  # a preview smaller than this says too little: it is left out
RESULTS_FIRST = 10  # rows the hits keep before the preview gets any


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
    preview = min(PREVIEW_ROWS, room - RESULTS_FIRST)
    if preview < PREVIEW_LEAST:
        preview = 0
    return FinderRows(margin_top, query_gap, min(RESULT_ROWS, room - preview), preview)
