"""A book's contents as a list: each chapter, and under it its scenes, with where each lands."""

from __future__ import annotations

from dataclasses import dataclass

from tui.book.model import Book, ParaKind, Scene, scene_top, titled


@dataclass(frozen=True, slots=True)
class ContentsRow:
    """One line of the contents: a chapter (depth 0) or one of its scenes (depth 1)."""

    depth: int
    title: str
    para: int  # the paragraph a jump there shows first
    start: int  # the first paragraph it holds
    end: int  # one past the last


def _scene_title(scene: Scene) -> str:
    """`Scene 5 — Kalpas, Sakura — “Kalpas had not been…”` (the chapter is the row above)."""
    return titled(f"Scene {scene.index + 1}", scene.description())


def contents_rows(book: Book) -> list[ContentsRow]:
    """Every chapter (with its part, in a book in parts: `PART II · CHAPTER I: …`), and under
    a chapter of two scenes or more, each scene. A scene after an ornament lands on the
    ornament, as `]` does, so the break is seen."""
    rows = []
    for chapter in book.chapters:
        title = " ".join(chapter.full_title.split()) or f"Chapter {chapter.index + 1}"
        rows.append(ContentsRow(0, title, chapter.start, chapter.start, chapter.end))
        if len(chapter.scenes) < 2:
            continue
        for scene in chapter.scenes:
            land = scene_top(book, scene)
            if scene.index == 0:
                land = chapter.start
            elif land > 0 and book.kinds[land - 1] == ParaKind.BREAK:
                land -= 1
            rows.append(ContentsRow(1, _scene_title(scene), land, scene.start, scene.end))
    return rows


def current_row(rows: list[ContentsRow], para: int) -> int | None:
    """The row of the place at ``para``: its scene when listed, else its chapter; before the
    first chapter the first row, after the last the last; None for a book without chapters."""
    found = None
    last_before = 0
    for index, row in enumerate(rows):
        if row.para > para:
            break
        last_before = index
        if para < row.end:
            found = index  # a scene row comes after its chapter, so the deepest wins
    if not rows:
        return None
    return found if found is not None else last_before
