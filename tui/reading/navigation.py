"""Where structural moves land: the next or previous scene or chapter of a book."""

from __future__ import annotations

import bisect

from tui.book.model import Book, ParaKind


def scene_landings(book: Book) -> list[int]:
    """The paragraph each scene is shown from, in order.

    A chapter's first scene lands on the chapter (its heading and notes); a scene that follows
    an ornament line lands on the ornament, so the break is seen.
    """
    landings = set()
    for chapter in book.chapters:
        for scene in chapter.scenes:
            if scene.index == 0:
                landings.add(chapter.start)
            elif scene.start > 0 and book.kinds[scene.start - 1] == ParaKind.BREAK:
                landings.add(scene.start - 1)
            else:
                landings.add(scene.start)
        if not chapter.scenes:
            landings.add(chapter.start)
    return sorted(p for p in landings if 0 <= p < len(book))


def chapter_landings(book: Book) -> list[int]:
    """The first paragraph of each chapter, in order."""
    return sorted({c.start for c in book.chapters if 0 <= c.start < len(book)})


def next_landing(landings: list[int], para: int) -> int | None:
    """The first landing after the scene or chapter holding ``para`` (the paragraph being
    read, `Pager.top_para`)."""
    i = bisect.bisect_right(landings, para)
    return landings[i] if i < len(landings) else None


def prev_landing(landings: list[int], para: int, first_shown: int) -> int | None:
    """The start of the scene or chapter holding ``para`` (the paragraph being read) when that
    start is above the screen, else the one before. ``first_shown`` is the first paragraph
    whose beginning is on screen (`Pager.first_start_shown`)."""
    i = bisect.bisect_right(landings, para) - 1
    if i >= 0 and landings[i] < first_shown:
        return landings[i]
    return landings[i - 1] if i > 0 else None
