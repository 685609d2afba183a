"""An opening before a book's numbered chapters, set as they are set: the story's first chapter."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from tui.book.markup.front import is_front_title, is_prose
from tui.book.markup.matter import BYLINE
from tui.book.markup.para import Para
from tui.book.markup.producers import role_of_title
from tui.book.model import ParaKind
from tui.book.rules.clean_headings import clean_heading
from tui.book.rules.headings import match_heading

# A paragraph opening on words set in capitals, as a chapter's first words are set (`LAST
# summer I happened`, `I FIRST HEARD OF Antonia`): a word of two capitals or more among them.
CAPITALS_OPENING = re.compile(r"(?:[A-Z]['’]?[A-Z]*\s+){0,3}[A-Z]{2}[A-Z'’]*\b")
MIN_OPENING_PROSE = 3  # paragraphs of prose under the heading that make it a chapter's text


def opening_chapter(
    paras: Sequence[Para], chapters: Sequence[tuple[int, str]], outside: Callable[[int], bool]
) -> tuple[int, str] | None:
    """The heading of an opening before the first numbered chapter, at the chapters' heading
    level and with no number (`INTRODUCTION`, a frame narrative's), when the book sets the
    first words of most of its chapters in capitals and this opening's text begins so too:
    set as the chapters are, it is the story's first chapter and not an editor's page. Not a
    page the reader skips by its title (`Preface`, `Contents`), nor one without prose."""
    if not chapters:
        return None
    levels = Counter(
        block.level for i, _ in chapters if (block := paras[i].block) is not None and block.level
    )
    if not levels:
        return None
    level = levels.most_common(1)[0][0]
    opened = sum(1 for i, _ in chapters if _opens_in_capitals(paras, i))
    if opened * 2 <= len(chapters):
        return None
    heading = _heading_before(paras, chapters[0][0], level)
    if heading is None or not outside(heading):
        return None
    title = clean_heading(paras[heading].text.replace("\n", " "))
    if (
        not title
        or match_heading(title) is not None
        or BYLINE.fullmatch(title) is not None  # (`By Sinclair Lewis`: the title page's)
        or is_front_title(title)
        or role_of_title(title) is not None
    ):
        return None
    between = paras[heading + 1 : chapters[0][0]]
    if any(p.hint == ParaKind.TEXT and is_front_title(p.text.strip()) for p in between):
        return None  # (a contents list under it: the title page's leaves, not a chapter's)
    prose = sum(1 for p in between if is_prose(p))
    if prose < MIN_OPENING_PROSE or not _opens_in_capitals(paras, heading):
        return None
    return heading, title


def _heading_before(paras: Sequence[Para], first: int, level: int) -> int | None:
    """The heading at ``level`` over the text before the first chapter's heading (past a
    part's heading standing right over that chapter, `BOOK I.`), or None when the heading
    before it is of a higher level or there is none."""
    prose = False
    for j in range(first - 1, -1, -1):
        para = paras[j]
        block = para.block
        if para.hint == ParaKind.HEADING and block is not None and block.level <= level:
            if prose:
                return j if block.level == level else None
        elif para.hint == ParaKind.TEXT and not para.image:
            prose = True
    return None


def part_over(paras: Sequence[Para], first: int) -> int:
    """The top of the headings standing right over the heading at ``first`` with no text
    between (a part's heading, `BOOK I. The Shimerdas` over `I`), or ``first`` itself."""
    top = first
    for j in range(first - 1, -1, -1):
        para = paras[j]
        if para.hint == ParaKind.HEADING:
            top = j
        elif para.hint == ParaKind.TEXT and not para.image:
            break
    return top


def _opens_in_capitals(paras: Sequence[Para], i: int) -> bool:
    """Whether the first paragraph of text after the heading at ``i`` opens on capitals."""
    for para in paras[i + 1 : i + 6]:
        if para.hint == ParaKind.HEADING or para.image or para.hint != ParaKind.TEXT:
            continue
        return CAPITALS_OPENING.match(para.text.lstrip("“\"‘'")) is not None
    return False
