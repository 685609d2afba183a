"""Finding paragraphs in plain text: the paragraph style, paragraph spans and source lines.

Works on the whole text with compiled regular expressions and flat arrays (an 84 MB serial has
~750k paragraphs), never with per-line Python objects.
"""

from __future__ import annotations

import bisect
import operator
import re
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, islice

from tui.book.rules.sentence_ends import CJK_STOPS, CLOSING_QUOTES, FULL_STOPS
from tui.book.text.filled_lines import unfilled_line_ends
from tui.book.text.glued_headings import cut_paragraphs, glued_heading_cuts
from tui.book.text.lines import is_pov_label

# A line with something on it (NBSP spacer lines count: they mark scene breaks).
# Written so each character is read once: indentation, a visible character, the rest.
_LINE = re.compile(r"[ \t]*[^ \t\n][^\n]*")
GLUED_LABEL_CHARS = 40  # a label glued to its scene's first sentence, at the longest
# A short rule of hyphens alone on its line (`---`), and the same rule glued to the first
# word of the scene after it (`---The next morning…`: a capital or a quote follows, where a
# dash typed as `---` runs on in lower case). Each is looked for after the line end before it
# (group 1; the text's first line is matched on its own): a search led by `\n` runs many
# times faster over a big book than one led by `^`.
_DASH_RULE_LINE = re.compile(r"[ \t]*-{3,5}[ \t]*(?=\n|\Z)")
_DASH_RULE_LINES = re.compile(r"\n(" + _DASH_RULE_LINE.pattern + ")")
_GLUED_DASH_RULE = re.compile(r"-{3,5}(?=[A-Z\"“‘'])")
_GLUED_DASH_RULES = re.compile(r"\n(" + _GLUED_DASH_RULE.pattern + ")")
# A book draws its breaks with such rules when it has this many alone on their lines.
DASH_RULE_HABIT = 3
# A block of consecutive non-blank lines: one hard-wrapped paragraph (or several, indented).
_BLOCK = re.compile(r"[ \t]*[^ \t\n][^\n]*(?:\n[ \t]*[^ \t\n][^\n]*)*")
# Inside a block: a line break followed by an indented line starts a new paragraph.
_INDENT_BREAK = re.compile(r"\n(?=[ \t]+[^ \t\n])")
# In hard-wrapped text a line shorter than this share of the wrap width ends a paragraph.
SHORT_LINE_RATIO = 0.6

SAMPLE_CHARS = 48_000
# Lines set in under another line (not after a blank line) at least this share of them: the
# whole text is set in a margin, and no paragraph starts with its indentation.
MARGIN_SHARE = 0.9


@dataclass
class Paragraphs:
    """Paragraph spans into the text, with the 1-based line where each one starts."""

    starts: array
    ends: array
    lines: array
    style: str  # blank, line, wrapped, indented
    common_gap: int  # blank lines usually found between two paragraphs

    @property
    def rejoin(self) -> bool:
        return self.style in ("wrapped", "indented")


def blank_lines_before(text: str, starts: array, ends: array, i: int) -> int:
    """How many blank lines stand between paragraph ``i`` and the one before it."""
    return max(0, text.count("\n", ends[i - 1], starts[i]) - 1)


def paragraph_alone(
    text: str, starts: Sequence[int], ends: Sequence[int], m: re.Match[str]
) -> int | None:
    """The paragraph that is the line ``m`` matched (from the line break before it) alone, if
    one is."""
    i = bisect.bisect_right(starts, m.end()) - 1
    return i if i >= 0 and text[starts[i] : ends[i]].strip() == m[0].strip() else None


@dataclass
class StyleGuess:
    style: str
    common_gap: int
    width: int  # the wrap width of hard-wrapped text, else 0


def _samples(text: str, lo: int, hi: int) -> list[str]:
    """A few windows of whole lines, from the start, middle and near the end."""
    if hi - lo <= 3 * SAMPLE_CHARS:
        return [text[lo:hi]]
    windows = []
    for frac in (0.05, 0.5, 0.85):
        a = lo + int((hi - lo) * frac)
        a = text.find("\n", a, hi) + 1 or a
        b = text.rfind("\n", a, min(hi, a + SAMPLE_CHARS))
        windows.append(text[a : b if b > a else a + SAMPLE_CHARS])
    return windows


def guess_style(text: str, lo: int = 0, hi: int | None = None) -> StyleGuess:
    """How paragraphs are marked: `blank` (one line each, blank lines between), `line` (one line
    each, no blank lines), `wrapped` (hard-wrapped lines, blank lines between paragraphs) or
    `indented` (hard-wrapped, a new paragraph starts on an indented line)."""
    hi = len(text) if hi is None else hi
    lengths: list[int] = []
    adjacent = indented = blank_lines = 0
    set_in_under = 0  # lines set in right under another line: a margin, if nearly all are
    runs: Counter[int] = Counter()
    # (a line's length, the first word of the line right under it, what a wrap weighed, and
    # whether the line ends a sentence)
    follows: list[tuple[int, int, bool]] = []
    ended = False  # (whether the line before ends a sentence)
    for window in _samples(text, lo, hi):
        run = -1  # blank lines since the last non-blank line (-1: none seen yet)
        for line in window.split("\n"):
            if not line.strip(" \t"):
                blank_lines += 1
                run = run + 1 if run >= 0 else -1
                continue
            set_in = line[0] in " \t"
            if run == 0:
                adjacent += 1
                set_in_under += set_in
                words = line.split(None, 1)  # (none on a line of other spaces: `\u00a0`)
                follows.append((lengths[-1], len(words[0]) if words else 0, ended))
            elif run > 0:
                runs[run] += 1
            run = 0
            ended = line.rstrip().endswith(_STOPS)
            lengths.append(len(line))
            indented += set_in
    count = len(lengths)
    if count == 0:
        return StyleGuess("blank", 1, 0)
    common_run = runs.most_common(1)[0][0] if runs else 1
    if adjacent < 0.25 * count:
        return StyleGuess("blank", common_run, 0)
    ordered = sorted(lengths)
    width = ordered[int(0.9 * (count - 1))]
    full = sum(1 for n in lengths if n >= 0.7 * width)
    separated = sum(runs.values())
    # Hard-wrapped text needs something that separates its paragraphs (blank lines or
    # indentation); without either, equal-length lines are one paragraph per line.
    has_separators = separated >= 0.02 * count or indented >= 0.04 * count
    # (a book set in a margin indents the lines inside its paragraphs as well as their first:
    # there blank lines part the paragraphs, and the indentation marks nothing)
    margin = set_in_under >= MARGIN_SHARE * adjacent and separated >= 0.02 * count
    if 30 <= width <= 110 and full >= 0.45 * count and has_separators:
        if indented >= 0.04 * count and indented >= 0.5 * separated and not margin:
            return StyleGuess("indented", common_run if separated > 0.5 * indented else 0, width)
        return StyleGuess("wrapped", common_run, width)
    if sum(runs.values()) > 0.3 * count:
        # Long lines, but most paragraphs still separated by blank lines.
        return StyleGuess("blank", common_run, 0)
    if 30 <= width <= 110 and full >= WRAPPED_FULL_SHARE * count and _wrapped(follows, width):
        # (nothing between paragraphs at all: each ends on its short last line)
        return StyleGuess("wrapped", 0, width)
    return StyleGuess("line", 0, 0)


# Text with no blank lines and no indentation is hard-wrapped when this share of its lines
# come near the wrap width ...
WRAPPED_FULL_SHARE = 0.6
# ... and this share of those could not take the next line's first word: a wrap filled them.
# (Verse set a line a line, its lines alike in length, mostly could.)
WRAPPED_FILLED_SHARE = 0.6
# ... and at most this share of them end a sentence: a wrap breaks a line anywhere, where a
# text set a sentence or a paragraph a line ends each line on one.
WRAPPED_ENDED_SHARE = 0.5
_STOPS = (*FULL_STOPS, *CLOSING_QUOTES, *CJK_STOPS)


def _wrapped(follows: list[tuple[int, int, bool]], width: int) -> bool:
    """Lines (``follows``: each line's length over the first word's under it, and whether it
    ends a sentence) filled as a wrap fills them: a full line ends where the next line's first
    word would not have fitted, and mostly inside a sentence."""
    full = [item for item in follows if item[0] >= 0.7 * width]
    filled = sum(1 for length, word, _ in full if length + 1 + word > width)
    ended = sum(1 for *_, stop in full if stop)
    return (
        bool(full)
        and filled >= WRAPPED_FILLED_SHARE * len(full)
        and ended <= WRAPPED_ENDED_SHARE * len(full)
    )


def scan_paragraphs(
    text: str,
    lo: int = 0,
    hi: int | None = None,
    *,
    first_line: int = 1,
    style: StyleGuess | None = None,
) -> Paragraphs:
    """Paragraph spans in ``text[lo:hi]`` (offsets global); ``first_line`` is the line of ``lo``."""
    hi = len(text) if hi is None else hi
    guess = style or guess_style(text, lo, hi)
    starts, ends, lines = array("q"), array("q"), array("q")
    if guess.style in ("blank", "line"):
        _scan_lines(text, lo, hi, first_line, starts, ends, lines)
        if guess.style == "line":
            # (no blank lines at all: a heading may share its line with the first sentence)
            cuts = glued_heading_cuts(text, starts, ends)
            if cuts:
                starts, ends, lines = cut_paragraphs(text, starts, ends, lines, cuts)
    else:
        short = int(guess.width * SHORT_LINE_RATIO)
        indented = guess.style == "indented"
        # (wrapped with nothing between paragraphs: only how full a line is ends one)
        filled = guess.style == "wrapped" and guess.common_gap == 0
        extra = unfilled_line_ends(text, lo, hi, guess.width, short) if filled else []
        _scan_blocks(text, lo, hi, first_line, indented, short, starts, ends, lines, extra)
    return Paragraphs(starts, ends, lines, guess.style, guess.common_gap)


def _scan_lines(text, lo, hi, line, starts, ends, lines) -> None:
    """Every non-blank line is a paragraph (and a point-of-view label glued by a TAB to the
    first sentence of its scene, `Peter's POV<TAB>I woke…`, one of its own; so is the book's
    `---` rule glued to the first word of the scene after it)."""
    glued = _glued_dash_rules(text, lo, hi)
    if glued or text.find("\t", lo, hi) >= 0:
        _scan_lines_one_by_one(text, lo, hi, line, glued, starts, ends, lines)
        return
    # (nothing to cut: the spans come from the regex and the line numbers from the gaps
    # between them, without a Python step per line; an 84 MB serial has 760,000 lines)
    spans = array("q", chain.from_iterable(map(re.Match.span, _LINE.finditer(text, lo, hi))))
    if not spans:
        return
    found_starts, found_ends = spans[0::2], spans[1::2]
    # Between two lines there are only line ends and blank lines, which may hold spaces.
    gaps = array("q", map(operator.sub, found_starts[1:], found_ends[:-1]))
    for m in _SPACES_ON_BLANK_LINE.finditer(text, found_starts[0], found_ends[-1]):
        gaps[bisect.bisect_left(found_starts, m.end()) - 1] -= m.end() - m.start() - 1
    starts.extend(found_starts)
    ends.extend(found_ends)
    # (before the first line may stand blank lines holding spaces, ` \n`: counted, not measured)
    first = line + text.count("\n", lo, found_starts[0])
    lines.extend(accumulate(gaps, initial=first))


# The spaces of a blank line, after the line end before it.
_SPACES_ON_BLANK_LINE = re.compile(r"\n +(?=\n)")


def _scan_lines_one_by_one(text, lo, hi, line, glued, starts, ends, lines) -> None:
    """`_scan_lines` a line at a time, cutting off glued labels and rules."""
    add_start, add_end, add_line = starts.append, ends.append, lines.append
    count = text.count
    prev = lo
    for m in _LINE.finditer(text, lo, hi):
        s, e = m.span()
        gap = s - prev
        # Between two matches there are only newlines and blank lines: a gap of one or two
        # characters is "\n" or "\n\n"; anything longer may hold spaces, so count (and so
        # before the first line, where the gap opens on no line's end: ` \n`).
        line += gap if gap <= 2 and prev != lo else count("\n", prev, s)
        prev = e
        tab = text.find("\t", s + 1, min(e, s + GLUED_LABEL_CHARS))
        if tab > 0 and text[tab:e].strip() and is_pov_label(text[s:tab]):
            add_start(s)
            add_end(tab)
            add_line(line)
            s = tab + 1
        elif s in glued:
            add_start(s)
            add_end(glued[s])
            add_line(line)
            s = glued[s]
        add_start(s)
        add_end(e)
        add_line(line)


def _glued_dash_rules(text: str, lo: int, hi: int) -> dict[int, int]:
    """Where a book draws its breaks as `---` rules alone on their lines again and again, the
    lines that begin with such a rule glued to their text: the start of each, and the end of
    its rule."""
    if next(_at_line_starts(_GLUED_DASH_RULE, _GLUED_DASH_RULES, text, lo, hi), None) is None:
        return {}
    alone = islice(
        _at_line_starts(_DASH_RULE_LINE, _DASH_RULE_LINES, text, lo, hi), DASH_RULE_HABIT
    )
    if sum(1 for _ in alone) < DASH_RULE_HABIT:
        return {}
    return dict(_at_line_starts(_GLUED_DASH_RULE, _GLUED_DASH_RULES, text, lo, hi))


def _at_line_starts(
    pattern: re.Pattern, led: re.Pattern, text: str, lo: int, hi: int
) -> Iterator[tuple[int, int]]:
    """Spans of ``pattern`` at the starts of the lines of ``text[lo:hi]`` (``led``: the same
    after a line end, as group 1), in order."""
    if lo == 0:
        first = pattern.match(text, 0, hi)
        if first:
            yield first.span()
    for m in led.finditer(text, max(lo - 1, 0), hi):
        yield m.span(1)


def _scan_blocks(text, lo, hi, line, indented, short, starts, ends, lines, extra=()) -> None:
    """Blocks of non-blank lines are paragraphs, split where a line ends short of the wrap
    width (a heading, a title page, the last line of a paragraph with no blank line after it),
    before each of ``extra`` (line starts) and, in indented text, before each indented line."""
    count = text.count
    cuts = _short_line_ends(text, lo, hi, short)
    glued = _glued_star_rows(text, lo, hi)
    if glued or extra:
        cuts = sorted(set(cuts).union(glued, extra))
    prev = lo
    for m in _BLOCK.finditer(text, lo, hi):
        s, e = m.span()
        pieces = [s]
        if text.find("\n", s, e) >= 0:
            inner = set(cuts[bisect.bisect_right(cuts, s) : bisect.bisect_left(cuts, e)])
            if indented:
                inner.update(b.start() + 1 for b in _INDENT_BREAK.finditer(text, s, e))
            pieces += sorted(inner)
        pieces.append(e + 1)
        for k in range(len(pieces) - 1):
            a, b = pieces[k], pieces[k + 1] - 1
            line += count("\n", prev, a)
            prev = a
            starts.append(a)
            ends.append(b)
            lines.append(line)


def _short_line_ends(text: str, lo: int, hi: int, short: int) -> list[int]:
    """Starts of lines that follow a short non-blank line directly (no blank line between)."""
    if short <= 1:
        return []
    pattern = re.compile(r"\n(?=[ \t]*[^ \t\n][^\n]{0," + str(short - 2) + r"}\n[ \t]*[^ \t\n])")
    found = [text.find("\n", m.start() + 1) + 1 for m in pattern.finditer(text, max(lo - 1, 0), hi)]
    if lo == 0:
        first = text.find("\n", 0, hi)
        if 0 < first < short and first + 1 < hi and text[first + 1 : first + 2].strip(" \t"):
            found.insert(0, first + 1)
    return found


# A row of stars (`* * * * *`) right under a paragraph's last line, a line of prose at the
# margin, with no blank line between and one after (rows between lines set in, a newspaper's
# headlines, are part of what they part).
_GLUED_STAR_ROW = re.compile(
    r"^(?![ \t])[^\n]{40,}\n(?=[ \t]*\*(?:[ \t]+\*){2,}[ \t]*\n[ \t]*(?:\n|$))", re.MULTILINE
)


def _glued_star_rows(text: str, lo: int, hi: int) -> list[int]:
    """Starts of star rows set right under a line of text: the row is a break of its own, not
    the paragraph's last line."""
    return [m.end() for m in _GLUED_STAR_ROW.finditer(text, lo, hi)]


def after_wider_gaps(text: str, paras: Paragraphs, first: int, last: int) -> list[int]:
    """The paragraphs in ``[first, last)`` (from the second on) set under more blank lines than
    paragraphs usually are, in order: found by one regular expression over the text, not by
    counting the blank lines before each paragraph."""
    first = max(first, 1)
    if first >= last:
        return []
    starts = paras.starts
    gaps = wider_gaps(text, paras.common_gap, paras.ends[first - 1], starts[last - 1] + 1)
    return paragraphs_after(gaps, starts, first, last)


def paragraphs_after(gaps: list[tuple], starts: Sequence[int], first: int, last: int) -> list[int]:
    """The paragraphs in ``[first, last)`` (from the second on) that the wider ``gaps`` (see
    `wider_gaps`, found once over the whole text) stand before, in order."""
    first = max(first, 1)
    found = []
    for offset, _ in gaps:
        i = bisect.bisect_left(starts, offset)
        if first <= i < last:
            found.append(i)
    return found


def wider_gaps(text: str, common_gap: int, lo: int = 0, hi: int | None = None) -> list[tuple]:
    """Runs of blank lines wider than usual: ``(offset after the run, blank lines)`` pairs."""
    hi = len(text) if hi is None else hi
    pattern = re.compile(r"\n(?:[ \t]*\n){" + str(common_gap + 1) + ",}")
    return [(m.end(), m.group().count("\n") - 1) for m in pattern.finditer(text, lo, hi)]
