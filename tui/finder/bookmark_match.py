"""How well a query matches a bookmark, by its label or the words of what it marks.

One rule for a book's finder and the library's.
"""

from __future__ import annotations

from tui.finder.hits import title_similarity
from tui.finder.tokens import STOP_WORDS, words

BOOKMARK_SHOWN = 60.0  # a bookmark matching this well joins the mixed list
BOOKMARK_NARROWED = 1.0  # with `'`, a bookmark matching any query word (0 when none does)
PASSAGE_HELD = 80.0  # a bookmark whose paragraph holds every word of the query


def bookmark_score(query: str, label: str, shown: str) -> float:
    """How well ``query`` matches a bookmark: its label as a title is matched, or the words
    of what it marks (``shown``: its paragraph, or its quote)."""
    wanted = [w for w in words(query) if w not in STOP_WORDS] or words(query)
    return max(title_similarity(query, label), _words_held(wanted, shown))


def bookmark_kept(score: float, kind: str | None) -> bool:
    """With `'` the reader asks for bookmarks only: every one a query word matches (scores
    are 0 when none does); the mixed list keeps the close ones."""
    return score >= (BOOKMARK_NARROWED if kind == "bookmark" else BOOKMARK_SHOWN)


def _words_held(wanted: list[str], text: str) -> float:
    """How much of the query a bookmark's paragraph holds, on the labels' scale (80 for every
    word): whole words, or the start of one from the fourth letter (`stake` is not `state`)."""
    if not wanted:
        return 0.0
    held = set(words(text))
    found = sum(
        1
        for word in wanted
        if word in held or (len(word) >= 4 and any(w.startswith(word) for w in held))
    )
    return PASSAGE_HELD * found / len(wanted)
