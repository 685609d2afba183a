"""Which classified lines mark scene breaks: rules and ornaments, spacer lines that are not
the text's spacing, a lone `…` or `—` that is no pause in dialogue, an author's own
ornament used more than once (a lone `-` too), and a `—-` among a book's `---` rules."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from tui.book.model import ParaKind
from tui.book.rules.breaks import is_dash_pair, is_dialogue_pause
from tui.book.text.lines import LineInfo
from tui.book.text.paragraphs import DASH_RULE_HABIT
from tui.book.text.spacers import spacers_not_breaks

LABEL, BREAK = int(ParaKind.LABEL), int(ParaKind.BREAK)


def mark_break_lines(
    kinds: bytearray,
    infos: dict[int, LineInfo],
    paragraph: Callable[[int], str],
    n: int,
    common_gap: int,
    blank_before: Callable[[int], int],
) -> None:
    """Set the kind of each classified line that draws a break (BREAK) or is blank to the eye
    without being one (LABEL); ``blank_before(i)`` is how many blank lines come before
    paragraph ``i``."""
    spacing = spacers_not_breaks(infos, paragraph, n, common_gap, blank_before)
    glyphs = Counter(info.data for info in infos.values() if info.kind == "glyph")
    dashed = _dash_rules(infos, paragraph)
    for i, info in infos.items():
        pause = info.kind == "pause" and _dialogue_pause(paragraph, i, n)
        if i in spacing or (info.kind == "spacer" and _ends_a_sentence(paragraph, i)):
            kinds[i] = LABEL  # blank to the eye, and no scene break
        elif info.kind == "break" and _edge_of_box(paragraph, i, n, blank_before):
            kinds[i] = LABEL  # part of a drawing, not a break
        elif info.kind in ("break", "spacer") or (info.kind == "pause" and not pause):
            kinds[i] = BREAK
        elif info.kind == "glyph" and glyphs[info.data] > 1:
            kinds[i] = BREAK  # the author's own ornament, used again
        elif info.kind == "glyph" and dashed and is_dash_pair(info.data):
            kinds[i] = BREAK  # the book's dash rule, typed with another dash


def _dash_rules(infos: dict[int, LineInfo], paragraph: Callable[[int], str]) -> bool:
    """The book draws its breaks as short rules of hyphens again and again (`---`): a lone
    `—-` among them is the same rule, a dash of it turned long as it was typed."""
    rules = [paragraph(i).strip() for i, info in infos.items() if info.kind == "break"]
    return sum(len(r) <= 5 and set(r) == {"-"} for r in rules) >= DASH_RULE_HABIT


def _ends_a_sentence(paragraph, i: int) -> bool:
    """A lone `.` under a line that lacks its full stop ends that line's sentence (a line
    broken where a PDF wrapped it), rather than spacing out a scene."""
    if i == 0 or paragraph(i).strip() != ".":
        return False
    before = paragraph(i - 1).rstrip()
    return bool(before) and before[-1].isalnum()


def _edge_of_box(paragraph, i: int, n: int, blank_before: Callable[[int], int]) -> bool:
    """A rule right above or below a line between bars (`+-----+` over `|  Agathon Carver  |`,
    no blank line between) is the edge of a box drawn in the text: a card, a sign."""
    below = i + 1 < n and blank_before(i + 1) == 0 and paragraph(i + 1).lstrip()[:1] == "|"
    above = i > 0 and blank_before(i) == 0 and paragraph(i - 1).rstrip()[-1:] == "|"
    return below or above


def _dialogue_pause(paragraph, i: int, n: int) -> bool:
    return 0 < i < n - 1 and is_dialogue_pause(paragraph(i - 1), paragraph(i + 1))
