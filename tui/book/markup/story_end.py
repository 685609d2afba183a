"""Where the story ends inside its last chapter: a `THE END` after its prose closes the book,
and what follows it before the licence (a transcriber's notes) is end matter, not more scenes;
so is a page of matter set after a rule with no heading of its own (`Transcriber's notes:`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from tui.book.markup.front import is_front_title
from tui.book.markup.para import Para
from tui.book.markup.producers import role_of_title
from tui.book.markup.segments import CHAPTER, END, HEADING_GUESS, Segment
from tui.book.model import ParaKind
from tui.book.rules.breaks import is_end_line

MATTER_TITLE_CHARS = 40  # a title line of matter set in the text, at the longest
# A printer's imprint (`Printed in Great Britain by Richard Clay & Sons`, `PRINTED BY TURNBULL
# AND SPEARS`): the book's last page, not its story.
IMPRINT = re.compile(r"printed\s+(?:in|by|at)\b", re.IGNORECASE)
IMPRINT_LINES = 3
# End lines that promise more (`To be continued`) close an instalment, not the book.
CONTINUED = re.compile(r"continued|\btbc\b", re.IGNORECASE)


def after_the_end(
    segments: Sequence[Segment], paras: Sequence[Para], source_of: Callable[[int], str]
) -> list[Segment]:
    """An end-matter segment starting at the last chapter's `THE END`, when paragraphs follow
    it inside that chapter; else nothing."""
    last = next((k for k in range(len(segments) - 1, -1, -1) if segments[k].role == CHAPTER), None)
    if last is None:
        return []
    start = segments[last].start
    end = segments[last + 1].start if last + 1 < len(segments) else len(paras)
    # (whichever comes first: a publisher's advertisements after `THE END` may close with a
    # rule and `Transcriber's notes:`, and the story ended at `THE END`)
    found = [
        k for k in (_the_end(paras, start, end), _ruled_matter(paras, start, end)) if k is not None
    ]
    if not found:
        return []
    k = min(found)
    return [Segment(k, END, "end", "", source_of(k), HEADING_GUESS)]


def _ruled_matter(paras: Sequence[Para], start: int, end: int) -> int | None:
    """A page of matter set after a rule (`<hr/>` then `Transcriber's notes:` in bold, or the
    printer's imprint): the story ended at the rule."""
    for k in range(start + 1, end):
        if paras[k - 1].hint == ParaKind.BREAK and (_matter_title(paras[k]) or _imprint(paras[k])):
            return k
    return None


def _the_end(paras: Sequence[Para], start: int, end: int) -> int | None:
    """The `THE END` after the chapter's prose, when paragraphs of text follow it."""
    prose = False
    for k in range(start, end):
        para = paras[k]
        if para.hint != ParaKind.TEXT or para.image:
            continue
        text = para.text.strip()
        if prose and is_end_line(text) and CONTINUED.search(text) is None:
            return k if any(p.hint == ParaKind.TEXT for p in paras[k + 1 : end]) else None
        prose = prose or len(text) > 2 * len("the end")
    return None


def _imprint(para: Para) -> bool:
    text = para.text.strip()
    return (
        para.hint == ParaKind.TEXT
        and IMPRINT.match(text) is not None
        and text.count("\n") < IMPRINT_LINES
    )


def _matter_title(para: Para) -> bool:
    """A short line naming a page of matter: `Transcriber's notes:`, `Afterword`."""
    text = para.text.strip()
    if para.hint != ParaKind.TEXT or len(text) > MATTER_TITLE_CHARS:
        return False
    title = text.rstrip(":").strip()
    role = role_of_title(title)
    return (role is not None and role[0] == "end") or is_front_title(title)
