"""Scene breaks weighed over the whole book, once its paragraphs are read: an author's own
ornament used more than once is a break, and in a book that draws its breaks again and
again, its empty paragraphs are beats (unless a heading or a line saying when follows)."""

from __future__ import annotations

import re

from tui.book.markup.para import Para
from tui.book.model import ParaKind
from tui.book.rules.breaks import GLYPH_LINE_CHARS, is_glyph_line

# A line saying when: a year or a month.
WHEN_LINE = re.compile(
    r"\b(?:1[5-9]\d\d|20\d\d)\b|\b(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b"
)
WHEN_LINE_CHARS = 60
# A paragraph opening on time gone by.
TIME_PASSED = re.compile(
    r"(?:later|hours later|minutes later|days later|weeks later|months later|years later|"
    r"(?:that|the next|the following) (?:night|evening|morning|afternoon|day|week)|"
    r"in the morning|the morning after|the day after|meanwhile|"
    r"(?:an?|one|two|three|four|five|six|a few|several) (?:hours?|days?|weeks?|months?|years?) "
    r"(?:later|after|passed|go by))\b",
    re.IGNORECASE,
)
# Rule or ornament breaks in a book from which on its empty paragraphs are no breaks.
DRAWN_HABIT = 5


def ornaments_as_breaks(paras: list[Para]) -> None:
    """A paragraph of the author's own ornament (`-.-FH-.-`, `o~o~YCB~o~o`) is a scene break
    when the book uses it more than once."""
    found: dict[str, list[int]] = {}
    short = GLYPH_LINE_CHARS + 4
    for k in [k for k, para in enumerate(paras) if len(para.text) <= short]:
        para = paras[k]
        text = para.text.strip()
        if para.hint == ParaKind.TEXT and is_glyph_line(text):
            found.setdefault(text, []).append(k)
    for places in found.values():
        if len(places) > 1:
            for k in places:
                paras[k] = Para(paras[k].text, None, ParaKind.BREAK, paras[k].block)


def gaps_beside_ornaments(paras: list[Para]) -> None:
    """A book that marks its scenes with a rule or ornament again and again marks them so;
    its empty paragraphs are lesser pauses (a beat, a memory), blank to the eye and no break."""
    drawn = sum(
        1
        for k, p in enumerate(paras)
        if p.hint == ParaKind.BREAK and not p.from_gap and not _by_heading(paras, k)
    )
    if drawn < DRAWN_HABIT:
        return
    for k, para in enumerate(paras):
        if not para.from_gap:
            continue
        after = paras[k + 1] if k + 1 < len(paras) else None
        # (one before a heading, a point of view's, still opens the scene the heading names,
        # and so does one before a line saying when: `1733, January`, `Later that night, …`)
        if after is None or not (after.hint == ParaKind.HEADING or says_when(after.text)):
            paras[k] = Para(para.text, None, ParaKind.LABEL, None, gap_lines=para.gap_lines)


def says_when(text: str) -> bool:
    """A paragraph that opens on the time it is: a short line with a year or a month in it
    (`1733, January`, `March 19th, 2021`), or words of time passing (`Later that night`,
    `The next morning`, `Hours later`)."""
    text = text.strip()
    if len(text) <= WHEN_LINE_CHARS and WHEN_LINE.search(text):
        return True
    return TIME_PASSED.match(text) is not None


def _by_heading(paras: list[Para], k: int) -> bool:
    """A rule right before or after a heading: it parts chapters, not scenes."""
    return any(0 <= j < len(paras) and paras[j].hint == ParaKind.HEADING for j in (k - 1, k + 1))
