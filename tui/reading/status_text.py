"""What the reader's status line says beside the place: a mark, visual mode, the match, a count."""

from __future__ import annotations

import bisect

from tui.reading.search_state import SearchState
from tui.reading.session import ReadingSession


def status_note(session: ReadingSession, visible: tuple[int, int] | None = None) -> str:
    """What the status line says beside the place: a mark waiting for its letter, visual mode,
    the match, a count (``visible``: the characters on screen, see `match_note`)."""
    selection = session.selection
    visual = ""
    if selection is not None:
        size = selection.last - selection.first + 1
        visual = f"visual: {size} paragraph{'' if size == 1 else 's'}"
    waiting = {"set": "mark: a letter", "goto": "go to mark: a letter"}.get(
        session.mark_pending or "", ""
    )
    parts = (waiting, visual, match_note(session.search, visible), session.count.pending)
    return " · ".join(part for part in parts if part)


def match_note(search: SearchState, visible: tuple[int, int] | None = None) -> str:
    """`match 3/17` for the status line; `match 3/…` while the matches are counted. With the
    ``visible`` characters given and the current match not among them (a jump went
    elsewhere), only how many there are: `17 matches`."""
    match = search.match
    if not search.shown or match is None:
        return ""
    starts = search.match_starts
    if visible is not None and not visible[0] <= match.start < visible[1]:
        if starts is None:
            return "matches …"
        return f"{len(starts)} match{'' if len(starts) == 1 else 'es'}"
    if starts is None:
        before = search.matches_before
        return f"match {before + 1}/…" if before is not None else "match …"
    at = bisect.bisect_left(starts, match.start)
    if at >= len(starts) or starts[at] != match.start:
        return f"match ?/{len(starts)}"
    return f"match {at + 1}/{len(starts)}"
