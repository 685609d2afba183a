"""A book's contents as a list of rows, with where each lands.

The front matter's parts, each chapter and under it its scenes, then the end matter's parts.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.book.model import Book, ParaKind, Scene, scene_top, titled
from tui.book.section_names import END, FRONT, matter_parts


@dataclass(frozen=True, slots=True)
class ContentsRow:
    """One line of the contents: a chapter (depth 0) or one of its scenes (depth 1), or a part
    of the front or end matter (depth 0, ``matter`` saying which)."""

    depth: int
    title: str
    para: int  # the paragraph a jump there shows first
    start: int  # the first paragraph it holds
    end: int  # one past the last
    matter: str | None = None  # FRONT or END for a part of the front or end matter


def _scene_title(scene: Scene) -> str:
    """`Scene 5 — Kalpas, Sakura — “Kalpas had not been…”` (the chapter is the row above)."""
    return titled(f"Scene {scene.index + 1}", scene.description())


def _matter_rows(book: Book, where: str) -> list[ContentsRow]:
    """The parts of the front or end matter, each by its heading (`Etymology`) or the name
    the status line gives it (`Title page`, `Licence`)."""
    return [
        ContentsRow(0, part.name, part.para, part.para, part.end, where)
        for part in matter_parts(book, where)
    ]


def contents_rows(book: Book) -> list[ContentsRow]:
    """The front matter's parts; every chapter (with its part, in a book in parts: `PART II ·
    CHAPTER I: …`), and under a chapter of two scenes or more, each scene; then the end
    matter's parts. A scene after an ornament lands on the ornament, as `]` does, so the
    break is seen."""
    rows = _matter_rows(book, FRONT)
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
    return rows + _matter_rows(book, END)


def current_row(rows: list[ContentsRow], para: int) -> int | None:
    """The row of the place at ``para``: its scene when listed, else its chapter or part of
    the front or end matter; before the first row the first, after the last the last; None
    for an empty list."""
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


def rows_holding(rows: list[ContentsRow], query: str) -> tuple[list[int], int]:
    """The rows the contents' filter (`/`) keeps: those whose titles hold every word of
    ``query`` (a word in small letters in any case, one with a capital only as written, as
    vim's smart case), each scene under its chapter's row, which names it; and the place among
    them of the first row found, to highlight (0 when none is)."""

    def holds(title: str) -> bool:
        return holds_every_word(title, query)

    kept: list[int] = []
    first: int | None = None
    chapter: int | None = None  # the last chapter's row, until it is kept
    for i, row in enumerate(rows):
        if row.depth == 0:
            chapter = i
        if not holds(row.title):
            continue
        if row.depth > 0 and chapter is not None and (not kept or kept[-1] < chapter):
            kept.append(chapter)
        if first is None:
            first = len(kept)
        kept.append(i)
    return kept, first or 0


_APOSTROPHES = str.maketrans("", "", "'’‘")


def holds_every_word(text: str, query: str) -> bool:
    """Whether ``text`` holds every word of ``query``, as the lists' filters read them: a word
    in small letters in any case, one with a capital only as written (vim's smart case), the
    apostrophes of both aside."""
    text = _without_apostrophes(text)
    lowered = text.lower()
    words = _without_apostrophes(query).split()
    return all(w in (text if any(c.isupper() for c in w) else lowered) for w in words)


def _without_apostrophes(text: str) -> str:
    """Words as a title and a query are compared: `anne's` and `Anne’s` are `annes`, and
    `dartagnan` finds `D’Artagnan`, as the finder and the reader's search read them."""
    return text.translate(_APOSTROPHES)
