"""Rules drawn inside a paragraph, which cut it into pieces with a break between them.

A rule is a line between `<br>`s (`*****`, or a column of `*` one a line); the paragraph is cut
at it into pieces of text with a break between them.
"""

from __future__ import annotations

import bisect
import re

from tui.book.markup.blocks import BREAK, TEXT, Block

# A line of a rule inside a paragraph, between `<br>`s: one mark three times or more (`*`,
# `-----`, `= = =`), not a face (`-_-`).
RULE_LINE = re.compile(r"^[ \t]*([*\-=~_#+•·])(?:[ \t]*\1){2,}[ \t]*$", re.M)
# One mark alone on a line, as a column of them draws a rule down the page.
COLUMN_MARK = re.compile(r"^[ \t]*[*~#+•·][ \t]*$", re.M)
# A line of a sum: figures, with a sign and separators (`1,000`, `- 1`, `£ 3.10`).
FIGURES = re.compile(r"[ \t\xa0]*[-+×=£$]?[ \t\xa0]*\d[\d.,: \t\xa0]*")


def split_at_rules(block: Block) -> list[Block] | None:
    """A paragraph whose lines (`<br>`s) include lines of a rule (`*` five times over, one a
    line) cut into its pieces and a break between them; None when it has no such line."""
    if RULE_LINE.search(block.text) is None and COLUMN_MARK.search(block.text) is None:
        return None
    lines = block.text.split("\n")
    rules = {k for k, line in enumerate(lines) if RULE_LINE.fullmatch(line)}
    marks = {k for k, line in enumerate(lines) if COLUMN_MARK.fullmatch(line)}
    for k in marks:  # a column of one mark a line, three lines or more
        if any({k + d, k + d + 1, k + d + 2} <= marks for d in (-2, -1, 0)):
            rules.add(k)
    rules -= _elisions(block, lines, rules)
    rules -= _underlines(lines, rules)
    rules -= _frame(block, lines, rules)
    if not rules or len(rules) == len(lines):
        return None
    if all(FIGURES.fullmatch(line) for k, line in enumerate(lines) if k not in rules):
        return None  # a sum worked on paper (`365` / `1` / `____` / `364`): its rules are the sum's
    # The pieces of text between the rules: (start, end) offsets in the block's text.
    pieces: list[tuple[int, int] | None] = []  # None: a break
    start = 0  # offset of the current line in the block's text
    piece = 0  # offset where the current piece of text began
    for k, line in enumerate(lines):
        end = start + len(line)
        if k in rules:
            if start > piece:
                pieces.append((piece, start - 1))
            if pieces and pieces[-1] is not None:
                pieces.append(None)
            piece = end + 1
        start = end + 1
    if piece < len(block.text):
        pieces.append((piece, len(block.text)))
    return _pieces(block, pieces)


# A line of verse is at most this long.
VERSE_LINE_CHARS = 80


def _elisions(block: Block, lines: list[str], rules: set[int]) -> set[int]:
    """Rule lines inside a poem or a `<pre>` block with short lines of it right above and
    below, no blank line between (`*  *  *  *` between two lines of a hymn quoted, `******`
    in an epigraph): lines left out of the quotation, not a cut across the page, which a
    blank line would set apart."""
    if block.tag != "pre" and not block.verse:
        return set()
    return {
        k
        for k in rules
        if 0 < k < len(lines) - 1
        and all(
            k + d not in rules and 0 < len(lines[k + d].strip()) <= VERSE_LINE_CHARS
            for d in (-1, 1)
        )
    }


# Marks that underline a title typed on the line above (`References:` over `===========`).
UNDERLINE_MARKS = frozenset("=-~")
UNDERLINE_SLACK = 2  # characters an underline may be longer or shorter than its title


def _underlines(lines: list[str], rules: set[int]) -> set[int]:
    """Rule lines as long as the line of text right above them (`References:` over
    `===========`, in a mail quoted in a `<pre>`): that line's underline, no break."""
    out = set()
    for k in rules:
        rule, above = lines[k].strip(), lines[k - 1].strip() if k > 0 else ""
        if (
            rule[0] in UNDERLINE_MARKS
            and above
            and k - 1 not in rules
            and abs(len(rule) - len(above)) <= UNDERLINE_SLACK
        ):
            out.add(k)
    return out


def _frame(block: Block, lines: list[str], rules: set[int]) -> set[int]:
    """Rules typed as the first or last line of a `<pre>` block's text, glued to it (a commit
    log printed between dashed lines): its frame, no break, which blank lines set apart."""
    filled = [k for k, line in enumerate(lines) if line.strip()]
    if block.tag != "pre" or not filled:
        return set()
    return {filled[0], filled[-1]} & rules


def _pieces(block: Block, pieces: list[tuple[int, int] | None]) -> list[Block]:
    """The blocks of a paragraph's pieces of text, each with its spans, and its breaks."""
    bounds = [p for p in pieces if p is not None]
    starts = [a for a, _ in bounds]
    spans: list[list[tuple[int, int, str]]] = [[] for _ in bounds]
    for a, b, style in block.spans or ():
        k = max(0, bisect.bisect_right(starts, a) - 1)  # the first piece the span may touch
        while k < len(bounds) and bounds[k][0] < b:
            lo, hi = bounds[k]
            if a < hi:
                spans[k].append((max(a, lo) - lo, min(b, hi) - lo, style))
            k += 1
    out: list[Block] = []
    k = 0
    for piece in pieces:
        if piece is None:
            out.append(Block(BREAK, "", None, "hr", block.marks, block.context))
            continue
        lo, hi = piece
        out.append(
            Block(TEXT, block.text[lo:hi], spans[k] or None, block.tag, block.marks, block.context)
        )
        k += 1
    return out
