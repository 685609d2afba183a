"""Named sections after a story told in chapters headed by bare numbers: the edition's apparatus.

A novel whose chapters are headed only by their numbers, one run from the first (`I.` …
`LIV.`), ends with its last number. Sections after it headed by names instead (`Ediční
poznámka`, a chronology of the author's life, a list of first editions, the footnotes), set in
the chapters' own heading style, are what the edition adds, end matter. One named section
alone after the numbers may close the story (`Schluß.`, `Conclusion`), so it takes two or
more; and a heading a story uses (`Epilogue`) stays a chapter.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.book.markup.para import Para
from tui.book.markup.segments import CHAPTER, END, Segment
from tui.book.model import ParaKind
from tui.book.rules.headings import match_heading

MIN_NUMBERED = 5  # chapters headed by bare numbers that make the book's way of heading them
MIN_APPARATUS = 2  # named sections after the numbers before they are taken as the apparatus


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
