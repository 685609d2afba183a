"""A closing chapter after the last numbered one, headed by a title in capitals alone."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from tui.book.model import Book, Chapter, ParaKind
from tui.book.rules.emphasis import plain_title

TEXT, HEADING = int(ParaKind.TEXT), int(ParaKind.HEADING)
# A book shows the gap it sets before its chapter headings over at least this many of them.
MIN_HEADED = 5
# The closing title is short ...
TITLE_CHARS = 60
# ... and has prose under it, at least this long.
PROSE_CHARS = 200
_NO_TITLE_ENDS = ("!", "?", ",", ";", ":", '"', "”")


def split_closing_chapter(book: Book, blank_before: Callable[[int], int], common: int) -> None:
    """After the last chapter heading, a line in capitals set apart by the gap the book puts
    before its chapter headings, with prose right under it as under a chapter's title
    (`FINAL P.S. BY M.T.`, the frame the tale is told in taken up again): it heads a chapter
    of its own. Only where it is the one such line: several are the chapter's own headlines
    or shouts, which stand as a scene's lines do."""
    chapters = book.chapters
    headed = [c.heading for c in chapters if c.heading is not None]
    if len(headed) < MIN_HEADED or chapters[-1].heading is None:
        return
    section = Counter(blank_before(h) for h in headed).most_common(1)[0][0]
    if section <= common:
        return
    last = chapters[-1]
    found = [
        p
        for p in range(last.start + 1, last.end - 1)
        if book.kinds[p] == TEXT
        and book.kinds[p + 1] == TEXT
        and blank_before(p) >= section
        and blank_before(p + 1) <= common
        and _capitals_title(book.paragraph(p).strip())
        and len(book.paragraph(p + 1)) >= PROSE_CHARS
    ]
    if len(found) != 1:
        return
    p = found[0]
    chapters.append(
        Chapter(
            len(chapters), plain_title(book.paragraph(p).strip()), p, p, last.end, part=last.part
        )
    )
    last.end = p
    book.kinds[p] = HEADING


def _capitals_title(line: str) -> bool:
    return (
        0 < len(line) <= TITLE_CHARS
        and "\n" not in line
        and line.isupper()
        and sum(c.isalpha() for c in line) >= 2
        and not line.endswith(_NO_TITLE_ENDS)
    )
