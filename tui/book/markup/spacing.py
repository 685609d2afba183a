"""Empty paragraphs that only space a page's prose, told from those that part its scenes."""

from __future__ import annotations

from collections import Counter

from tui.book.markup.convert import GAP, TEXT, Block
from tui.book.markup.para import whole_emphasis

SPACING_WINDOW = 8  # pairs of paragraphs on each side that decide whether a gap is spacing


def spacing_gaps(blocks: list[Block]) -> set[int]:
    """Empty paragraphs that are only spacing: some converters put one between most
    paragraphs, where scene breaks leave one between a few. Decided over the neighbouring
    SPACING_WINDOW paragraphs on each side, never the whole document, so that the start of a
    long file is converted the same whether or not the rest of it is read."""
    pairs: list[list[int]] = []  # for each pair of adjacent prose paragraphs, the gaps between
    runs: list[int] = []  # for each pair, its run: prose not interrupted by a heading or break
    between: list[int] = []
    firsts: list[Block] = []  # for each pair, its first paragraph
    previous: Block | None = None  # the last paragraph of prose, while prose runs on
    run = 0
    for i, block in enumerate(blocks):
        if block.kind == GAP:
            between.append(i)
            continue
        if in_table(block):
            continue  # a game's status box, say: its cells have spacing of their own
        is_text = block.kind == TEXT
        if is_text and previous is not None:
            pairs.append(between)
            runs.append(run)
            firsts.append(previous)
        elif not is_text:
            run += 1
        previous, between = (block if is_text else None), []
    gapped = [1 if p else 0 for p in pairs]
    widths = [sum(blocks[g].lines for g in gaps) for gaps in pairs]
    spaced: list[int] = []  # pairs parted by the page's spacing
    wider: list[int] = []  # those of them parted by a gap clearly wider than the spacing around
    for t, gaps in enumerate(pairs):
        if not gaps:
            continue
        lo, hi = max(0, t - SPACING_WINDOW), min(len(pairs), t + SPACING_WINDOW + 1)
        while runs[lo] != runs[t]:
            lo += 1
        while runs[hi - 1] != runs[t]:
            hi -= 1
        count = sum(gapped[lo:hi])
        if count < 4 or count * 5 <= (hi - lo) * 3:
            continue
        spaced.append(t)
        # (after lines set in italics, a chapter's epigraph or a note, a gap only sets them apart)
        first = firsts[t]
        if (
            widths[t] > 1
            and _wider(widths, lo, hi, t)
            and not whole_emphasis(first.text, first.spans)
        ):
            wider.append(t)
    # A gap clearly wider than the spacing (eight `<br>`s where five part every paragraph) is
    # a scene's when the page keeps to one such width; wider gaps of every length are pauses
    # (a chat falling silent for a while, and then for longer).
    shapes = Counter(widths[t] for t in wider)
    scenes = set(wider) if shapes and shapes.most_common(1)[0][1] * 3 >= len(wider) * 2 else set()
    return {g for t in spaced if t not in scenes for g in pairs[t]}


def in_table(block: Block) -> bool:
    context = block.context
    return "table" in context and "table" in context.split()


def _wider(widths: list[int], lo: int, hi: int, t: int) -> bool:
    """Whether gap ``t`` is clearly wider than the commonest gap of pairs ``lo``..``hi``."""
    usual = Counter(w for w in widths[lo:hi] if w).most_common(1)[0][0]
    return widths[t] >= max(usual + 1, usual * 3 / 2)
