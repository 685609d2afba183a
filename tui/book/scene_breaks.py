"""Where a page draws a scene break, for the reader's page and the finder's preview alike.

The break lines that end a scene, and the scenes that open after a blank gap with no break
line.
"""

from __future__ import annotations

from tui.book.model import Book, ParaKind, scene_top


def gap_scene_starts(book: Book) -> frozenset[int]:
    """Paragraphs opening a scene that no ornament line marks (the break was a blank gap)."""
    starts = set()
    for chapter in book.chapters:
        for scene in chapter.scenes[1:]:
            at = scene_top(book, scene)  # the break goes above the line that titles the scene
            # (a heading that opens the scene, a part's number `II`, marks the break itself)
            kinds = (book.kinds[at - 1], book.kinds[at]) if 0 < at < len(book) else ()
            if kinds and ParaKind.BREAK not in kinds and kinds[1] != ParaKind.HEADING:
                starts.add(at)
    return frozenset(starts)


def scene_break_lines(book: Book) -> frozenset[int] | None:
    """Break lines (ornament or spacer paragraphs) that end a scene; None when the book has no
    scenes yet (a preview), so that every break line is drawn as one."""
    if not any(chapter.scenes for chapter in book.chapters):
        return None
    lines = set()
    for chapter in book.chapters:
        for scene in chapter.scenes[1:]:
            at = scene_top(book, scene) - 1
            while 0 <= at < len(book) and book.kinds[at] == ParaKind.BREAK:
                lines.add(at)
                at -= 1
    return frozenset(lines)
