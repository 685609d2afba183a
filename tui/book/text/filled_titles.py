"""Chapter titles in hard-wrapped text that sets nothing between its paragraphs.

A title is a short line alone between two paragraphs of story, with no number, no keyword and
no space around it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from tui.book.rules.headings import Heading
from tui.book.rules.sentence_ends import SENTENCE_ENDS
from tui.book.text.lines import LineInfo
from tui.book.text.weak_headings import WEAK_MIN_SPACING, weak_sequence

# A title is a short line of a few words ...
FILLED_TITLE_CHARS = 60
FILLED_TITLE_WORDS = 8
# ... and the book has at least this many, each given once.
MIN_FILLED_TITLES = 3
# A line ending so is a sentence or a piece of one, not a title (nor a dash run over a line).
_NOT_TITLE_ENDS = (*SENTENCE_ENDS, "'", "-", "–", "—", "»", "«")


def titles_between_paragraphs(
    text: str,
    starts: Sequence[int],
    ends: Sequence[int],
    infos: dict[int, LineInfo],
    paragraph: Callable[[int], str],
    first: int = 0,
    last: int | None = None,
) -> list[tuple[int, Heading]]:
    """Short lines opening on a capital and ending on no sentence's stop, each a paragraph of
    one line between paragraphs of several lines (the title's chapter under it, the story
    before it above it; a verse's lines stand among lines like them), where the book has
    several such lines spread through it, each said once, and no headings of a heading's own
    shape (`Chapter 3`, `XII`). Paragraphs ``[first, last)`` are looked at."""
    if any(info.kind == "heading" for info in infos.values()) or weak_sequence(infos, paragraph):
        return []
    last = len(starts) if last is None else last

    def story(k: int) -> bool:
        # (a paragraph of story: several lines of the wrap)
        return text.find("\n", starts[k], ends[k]) >= 0

    found: list[tuple[int, Heading]] = []
    for i in range(first, last - 1):
        if ends[i] - starts[i] > 2 * FILLED_TITLE_CHARS or i in infos:
            continue
        line = paragraph(i).strip()
        if not _title(line) or not story(i + 1):
            continue
        if i > first and not story(i - 1):
            continue
        found.append((i, Heading("titled", None, "", line, True)))
    titles = [h.title for _, h in found]
    if len(found) < MIN_FILLED_TITLES or len(set(titles)) < len(titles):
        return []
    spacing = (found[-1][0] - found[0][0]) / (len(found) - 1)
    if spacing < WEAK_MIN_SPACING or any(b - a < 2 for (a, _), (b, _) in pairwise(found)):
        return []
    return found


def _title(line: str) -> bool:
    if not line or "\n" in line or len(line) > FILLED_TITLE_CHARS:
        return False
    if len(line.split()) > FILLED_TITLE_WORDS or line.endswith(_NOT_TITLE_ENDS):
        return False
    return line[0].isupper()
