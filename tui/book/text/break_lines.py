"""Which classified lines mark scene breaks.

Rules and ornaments (not a letter's `xoxo`), spacer lines that are not the text's spacing, a
lone `…` or `—` that is no pause in dialogue (or that the book breaks with again and again), an
author's own ornament used more than once (a lone `-` too), a `—-` among a book's `---` rules,
and a numeral `xx` among its `Xx`s.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import pairwise

from tui.book.model import ParaKind
from tui.book.rules.breaks import is_dash_pair, is_dialogue_pause
from tui.book.rules.sentence_ends import CLAUSE_MARKS
from tui.book.text.lines import LineInfo
from tui.book.text.paragraphs import DASH_RULE_HABIT
from tui.book.text.spacers import RULE_HABIT, spacers_not_breaks

LABEL, BREAK = int(ParaKind.LABEL), int(ParaKind.BREAK)


def mark_break_lines(
    kinds: bytearray,
    infos: dict[int, LineInfo],
    paragraph: Callable[[int], str],
    n: int,
    common_gap: int,
    blank_before: Callable[[int], int],
    messages: bool,
    *,
    wrapped: bool = False,
) -> None:
    """Set the kind of each classified line that draws a break (BREAK) or is blank to the eye
    without being one (LABEL); ``blank_before(i)`` is how many blank lines come before
    paragraph ``i``, ``messages`` whether the text spaces out its messages with its spacer
    lines (see `spacers.spaces_messages`), ``wrapped`` whether its lines are a page's, wrapped
    (a line there may be the end of a sentence running on from the line above)."""
    spacing = spacers_not_breaks(infos, paragraph, n, common_gap, blank_before, messages)
    glyphs = _ornaments_used_again(infos, paragraph)
    dashed = _dash_rules(infos, paragraph)
    pauses = {i for i, info in infos.items() if info.kind == "pause"}
    spoken = {i for i in pauses if _dialogue_pause(paragraph, i, n)}
    rules = Counter(
        paragraph(i).strip() for i, info in infos.items() if info.kind in ("break", "pause")
    )
    habits = _pause_habits(paragraph, pauses, spoken)
    spoken = {i for i in spoken if paragraph(i).strip() not in habits}
    for i in _numerals_cased_as_ornament(infos, paragraph, rules):
        infos[i] = LineInfo("break")
    fences = _block_fences(infos, paragraph, n, blank_before)
    for i, info in infos.items():
        pause = i in spoken
        if i in spacing or (info.kind == "spacer" and _ends_a_sentence(paragraph, i)):
            kinds[i] = LABEL  # blank to the eye, and no scene break
        elif wrapped and _cut_from_its_sentence(paragraph, i, n, blank_before):
            continue  # the stroke or stop of the sentence above, on a line of its own
        elif i in fences:
            kinds[i] = LABEL  # markup fencing a block in, not a break
        elif info.kind == "break" and _edge_of_box(paragraph, i, n, blank_before):
            kinds[i] = LABEL  # part of a drawing, not a break
        elif info.kind == "break" and _kisses(paragraph, i, n, rules):
            continue  # a letter's closing, in its words
        elif info.kind in ("break", "spacer") or (info.kind == "pause" and not pause):
            kinds[i] = BREAK
        elif info.kind == "glyph" and info.data in glyphs:
            kinds[i] = BREAK  # the author's own ornament, used again
        elif info.kind == "glyph" and dashed and is_dash_pair(info.data):
            kinds[i] = BREAK  # the book's dash rule, typed with another dash


# A scene holds at least this many characters: less between two of a mark's uses is a
# quoted document's lines (a date, a place) set between them.
SCENE_MIN_CHARS = 120


def _ornaments_used_again(infos: dict[int, LineInfo], paragraph: Callable[[int], str]) -> set[str]:
    """The glyph lines (`~`, a lone `-`) the book sets again with a scene's worth of story
    between two of them: its own ornament. Used only a line or two apart, a mark lays out
    something quoted (a register's entries), not the book's scenes."""
    uses: dict[str, list[int]] = {}
    for i, info in sorted(infos.items()):
        if info.kind == "glyph":
            uses.setdefault(info.data, []).append(i)
    return {
        mark
        for mark, places in uses.items()
        if any(_holds_a_scene(paragraph, a, b) for a, b in pairwise(places))
    }


def _holds_a_scene(paragraph: Callable[[int], str], a: int, b: int) -> bool:
    total = 0
    for k in range(a + 1, b):
        total += len(paragraph(k))
        if total >= SCENE_MIN_CHARS:
            return True
    return False


def _numerals_cased_as_ornament(
    infos: dict[int, LineInfo], paragraph: Callable[[int], str], rules: Counter
) -> list[int]:
    """Bare numerals (`xx`, `XX`) spelled as the letters of the ornament the book breaks with
    again and again in another case (`Xx`): the same divider typed with the shift key or
    without it, not chapter twenty."""
    cased: Counter[str] = Counter()
    for mark, count in rules.items():
        cased[mark.casefold()] += count
    return [
        i
        for i, info in infos.items()
        if info.kind == "weak"
        and (mark := paragraph(i).strip()).isalpha()
        and rules[mark] == 0
        and cased[mark.casefold()] >= RULE_HABIT
    ]


def _dash_rules(infos: dict[int, LineInfo], paragraph: Callable[[int], str]) -> bool:
    """The book draws its breaks as short rules of hyphens again and again (`---`): a lone
    `—-` among them is the same rule, a dash of it turned long as it was typed."""
    rules = [paragraph(i).strip() for i, info in infos.items() if info.kind == "break"]
    return sum(len(r) <= 5 and set(r) == {"-"} for r in rules) >= DASH_RULE_HABIT


# Kisses closing a letter (`xoxo`, `XX`), and the signature under them: a name of up to three
# words.
_KISSES = re.compile(r"[xXoO]{2,6}")
_NAME = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}")


def _kisses(paragraph, i: int, n: int, rules: Counter) -> bool:
    """A line of `x`s and `o`s set once in a book that draws its breaks with other rules again
    and again, over a name: the kisses closing a letter above its signature, not an ornament."""
    mark = paragraph(i).strip()
    return (
        rules[mark] == 1
        and _KISSES.fullmatch(mark) is not None
        and rules.total() - 1 >= RULE_HABIT
        and i + 1 < n
        and _NAME.fullmatch(paragraph(i + 1).strip()) is not None
    )


# The longest line a printed page or a PDF wraps.
PAGE_LINE = 100


def _ends_a_sentence(paragraph, i: int) -> bool:
    """A lone `.` under a line that lacks its full stop ends that line's sentence (a line
    broken where a PDF wrapped it), rather than spacing out a scene."""
    if i == 0 or paragraph(i).strip() != ".":
        return False
    before = paragraph(i - 1).rstrip()
    # (a page's line, not a whole paragraph set on one line: that ends as its writer left it)
    return bool(before) and before[-1].isalnum() and len(before.rsplit("\n", 1)[-1]) <= PAGE_LINE


_STROKES_AND_STOPS = (".", "—", "―")


def _cut_from_its_sentence(paragraph, i: int, n: int, blank_before: Callable[[int], int]) -> bool:
    """In a hard-wrapped text, a lone `—` or `.` set with no blank line on either side,
    right under a line that stops short of a sentence's end (on a word, or a `:` before a
    speech): the stroke or stop of that sentence, which a conversion broke onto a line of its
    own with an italic word beside it (`…se intitula De imitatione Christi` / `.`), not a
    pause between scenes. (A paragraph a line ends as its writer left it: a mark under it may
    be the writer's break.)"""
    if not 0 < i < n - 1 or blank_before(i) or blank_before(i + 1):
        return False
    if paragraph(i).strip() not in _STROKES_AND_STOPS:
        return False
    before = paragraph(i - 1).rstrip()
    return bool(before) and (before[-1].isalnum() or before.endswith(CLAUSE_MARKS))


def _edge_of_box(paragraph, i: int, n: int, blank_before: Callable[[int], int]) -> bool:
    """A rule right above or below a line between bars (`+-----+` over `|  Agathon Carver  |`,
    no blank line between) is the edge of a box drawn in the text: a card, a sign."""
    below = i + 1 < n and blank_before(i + 1) == 0 and paragraph(i + 1).lstrip()[:1] == "|"
    above = i > 0 and blank_before(i) == 0 and paragraph(i - 1).rstrip()[-1:] == "|"
    return below or above


# An AsciiDoc block's attribute line (`[verse]`, `[quote, Kepler]`, `[source,python]`): a
# word in lower case in brackets, set right over the line that opens the block.
_BLOCK_ATTRIBUTE = re.compile(r"\[[a-z]+(?:[,#.%][^\]\n]*)?\]")
# A fenced block closes within this many paragraphs of its opening.
FENCED_PARAGRAPHS = 40


def _block_fences(
    infos: dict[int, LineInfo], paragraph, n: int, blank_before: Callable[[int], int]
) -> set[int]:
    """Rules that open and close a block of AsciiDoc (`[verse]` / `____` / the verse /
    `____`): the rule right under an attribute line, and the same rule closing the block, are
    its fences, not scene breaks; and so is a rule drawn inside a pandoc div."""
    found: set[int] = set()
    for i, info in infos.items():
        if info.kind != "break" or i == 0 or i in found or blank_before(i) > 0:
            continue
        if _BLOCK_ATTRIBUTE.fullmatch(paragraph(i - 1).strip()) is None:
            continue
        fence = paragraph(i).strip()
        close = next(
            (
                j
                for j in range(i + 1, min(n, i + FENCED_PARAGRAPHS))
                if paragraph(j).strip() == fence
            ),
            None,
        )
        if close is not None:
            found |= {i, close}
    return found | _inside_fenced_divs(infos, paragraph, n)


# A pandoc fenced div: `::: signal-dots` (or `::: {.note}`) opens it, `:::` alone closes it.
_DIV_OPEN = re.compile(r":{3,}[ \t]*[{\w.#-][^\n]*")
_DIV_CLOSE = re.compile(r":{3,}")
# A div's picture stands within this many paragraphs of its fences.
DIV_PARAGRAPHS = 6


def _inside_fenced_divs(infos: dict[int, LineInfo], paragraph, n: int) -> set[int]:
    """Rules drawn inside a pandoc fenced div (`::: signal-dots` / a row of dots / `:::`): a
    picture the div sets in the story, not a scene break."""
    found: set[int] = set()
    for i, info in infos.items():
        if info.kind != "break":
            continue
        before = range(i - 1, max(-1, i - DIV_PARAGRAPHS), -1)
        opened = next((k for k in before if _DIV_CLOSE.match(paragraph(k).strip())), None)
        if opened is None or _DIV_OPEN.fullmatch(paragraph(opened).strip()) is None:
            continue
        after = range(i + 1, min(n, i + DIV_PARAGRAPHS))
        if any(_DIV_CLOSE.fullmatch(paragraph(k).strip()) for k in after):
            found.add(i)
    return found


# A book parts its scenes with a lone `—` or `…` when it sets this many of one of them apart
# outside dialogue, and this share of those it sets at all.
PAUSE_HABIT = 10
PAUSE_HABIT_SHARE = 0.8


def _pause_habits(paragraph, pauses: set[int], spoken: set[int]) -> set[str]:
    """The lone `—` (or `…`) the book sets apart between its scenes again and again, almost
    always outside dialogue: that mark is its break, even where a scene ends on a line of
    dialogue and the next opens on one (a pause in a conversation is seldom so regular)."""
    marks = Counter(paragraph(i).strip() for i in pauses)
    unspoken = Counter(paragraph(i).strip() for i in pauses - spoken)
    return {
        mark
        for mark, count in unspoken.items()
        if count >= PAUSE_HABIT and count >= PAUSE_HABIT_SHARE * marks[mark]
    }


def _dialogue_pause(paragraph, i: int, n: int) -> bool:
    return 0 < i < n - 1 and is_dialogue_pause(paragraph(i - 1), paragraph(i + 1))
