"""Named sections after a story told in chapters headed by bare numbers: the edition's apparatus.

A novel whose chapters are headed only by their numbers, one run from the first (`I.` …
`LIV.`), ends with its last number. Sections after it headed by names instead (`Ediční
poznámka`, a chronology of the author's life, a list of first editions, the footnotes), set in
the chapters' own heading style, are what the edition adds, end matter. One named section
alone after the numbers may close the story (`Schluß.`, `Conclusion`), so it takes two or
more; and a heading a story uses (`Epilogue`) stays a chapter. So is a section after the last
numbered chapter whose own headings count those chapters again (`I.` … `XL.` over a vocabulary,
the notes chapter by chapter).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.book.markup.para import Para
from tui.book.markup.segments import CHAPTER, END, Segment
from tui.book.model import ParaKind
from tui.book.rules.headings import match_heading
from tui.book.rules.numerals import ROMAN, roman_value

MIN_NUMBERED = 5  # chapters headed by bare numbers that make the book's way of heading them
MIN_APPARATUS = 2  # named sections after the numbers before they are taken as the apparatus
# Numbered chapters, and headings inside the section after them counting the chapters again,
# at the least, to read the section as the chapters' apparatus.
MIN_RECOUNTED = 3
# (`XII. Papa se fâche.`, `XIV`: a number alone or stopped, never `I Was There`)
LEADING_NUMBER = re.compile(rf"({ROMAN}|\d{{1,3}})(?:[.:)](?:\s|$)|$)")


def apparatus_after_numbers(segments: list[Segment], paras: Sequence[Para]) -> None:
    """Turn the named chapters after the last of a run of bare-numbered chapters into end
    matter (see the module's docstring)."""
    chapters = [s for s in segments if s.role == CHAPTER]
    numbers = [_bare(s.title) for s in chapters]
    bare = [k for k, number in enumerate(numbers) if number is not None]
    if len(bare) < MIN_NUMBERED or 4 * len(bare) < 3 * len(chapters):
        return
    if [numbers[k] for k in bare] != list(range(1, len(bare) + 1)):
        return  # (numbers starting over: a collection's stories, or a book's parts)
    after = chapters[bare[-1] + 1 :]
    if len(after) < MIN_APPARATUS or any(_story_heading(s.title) for s in after):
        return
    style = _heading_style(paras, chapters[bare[-1]])
    if style is None or any(_heading_style(paras, s) != style for s in after):
        return
    for segment in after:
        segment.role, segment.kind = END, "end"


def recounted_chapters(segments: list[Segment], paras: Sequence[Para]) -> None:
    """Turn the chapter after a run of chapters numbered one, two, three … into end matter
    when the headings inside it count the chapters again from one, in order."""
    chapters = [s for s in segments if s.role == CHAPTER]
    numbers = [_number(s.title) for s in chapters]
    run = 0
    while run < len(numbers) and numbers[run] == run + 1:
        run += 1
    if run < MIN_RECOUNTED or run >= len(chapters):
        return
    after = chapters[run]
    following = [s.start for s in segments if s.start > after.start]
    end = min(following, default=len(paras))
    inner = [
        _number(paras[i].text)
        for i in range(after.start + 1, end)
        if paras[i].hint == ParaKind.HEADING
    ]
    counted = [n for n in inner if n is not None]
    if len(counted) < MIN_RECOUNTED or counted != list(range(1, len(counted) + 1)):
        return
    if len(counted) > run:
        return
    after.role, after.kind = END, "end"


def _number(title: str) -> int | None:
    """The number a heading leads with (`XII. Papa se fâche.`, `XIV.`, `Chapter 3`)."""
    text = " ".join(title.split())
    lead = LEADING_NUMBER.match(text)
    if lead is not None:
        return int(lead[1]) if lead[1].isdigit() else roman_value(lead[1])
    found = match_heading(text)
    return found.number if found is not None else None


def _bare(title: str) -> int | None:
    """The number a chapter's title is, when it is nothing else (`XIV.`)."""
    found = match_heading(title.strip())
    if found is None or found.kind != "number" or found.title:
        return None
    return found.number


def _story_heading(title: str) -> bool:
    """A heading a story itself uses: `Epilogue`, `Chapter 55`, a number."""
    found = match_heading(title.strip())
    return found is not None and (found.strong or found.kind == "number")


HEADING_REACH = 4  # paragraphs from a chapter's start in which its heading stands


def _heading_style(paras: Sequence[Para], segment: Segment) -> tuple[str, str] | None:
    """The tag and classes (not its id) of the chapter's heading, or None when it has no
    heading tag."""
    for i in range(segment.start, min(segment.start + HEADING_REACH, len(paras))):
        block = paras[i].block
        if paras[i].hint == ParaKind.HEADING and block is not None:
            return block.tag, " ".join(m for m in block.marks.split() if m[:1] != "#")
    return None
