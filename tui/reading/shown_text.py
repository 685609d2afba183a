"""What the reader shows for each paragraph, and the mapping between shown and stored offsets."""

from __future__ import annotations

import bisect
import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from tui.book.heading_text import heading_lines
from tui.book.loader import neutralise
from tui.book.model import Book, ParaKind
from tui.book.rules.cjk_lines import joins_without_space
from tui.book.rules.emphasis import emphasis, has_marks, toggles_marks
from tui.book.rules.style_sheets import is_style_sheet
from tui.reading.boxes import unframed
from tui.reading.italic_runs import italic_run
from tui.reading.set_lines import SetLines

# Paragraphs longer than this are laid out in pieces, so that a 20 MB single-line "paragraph"
# costs no more to show than a normal page.
PIECE = 8192
# How far past a piece boundary to look for a space to cut at.
_CUT_SLACK = 512
# What a style sheet left in the front matter of a text file shows instead of its rules.
STYLE_SHEET = "[style sheet]"
# Two or more spaces between two words of a line.
_SPACES_BETWEEN_WORDS = re.compile(r"(?<=\S) {2,}(?=\S)")


@dataclass(frozen=True, slots=True)
class Shown:
    """One paragraph as displayed: its text and how to map its indices back to ``book.text``."""

    text: str
    # (display index, raw index) pairs where a run of display text starts; raw indices are
    # relative to the paragraph's start. Empty when the text replaces the stored text (a
    # cleaned-up heading, an ornament): every display index then maps to the paragraph start.
    runs: tuple[tuple[int, int], ...]
    # Display spans set in italics, where the file marks emphasis with underscores (`_word_`)
    # that the display leaves out.
    emphasis: tuple[tuple[int, int], ...] = ()
    # Display spans set in bold, where the file marks them with double asterisks (`**EPOV**`).
    bold: tuple[tuple[int, int], ...] = ()

    def to_raw(self, index: int) -> int:
        """The paragraph-relative raw offset of display index ``index``."""
        if not self.runs:
            return 0
        i = bisect.bisect_right(self.runs, index, key=lambda run: run[0]) - 1
        shown_at, raw_at = self.runs[max(i, 0)]
        return raw_at + max(0, index - shown_at)

    def to_shown(self, raw: int) -> int:
        """The display index for a paragraph-relative raw offset (clamped into the text)."""
        if not self.runs:
            return 0
        i = bisect.bisect_right(self.runs, raw, key=lambda run: run[1]) - 1
        shown_at, raw_at = self.runs[max(i, 0)]
        nxt = self.runs[i + 1][0] if 0 <= i + 1 < len(self.runs) else len(self.text)
        return max(0, min(shown_at + max(0, raw - raw_at), nxt, len(self.text)))


def shown_from_raw(raw: str, rejoin: bool) -> Shown:
    """The display text of a stored paragraph: edges stripped, hard-wrapped lines joined by
    spaces (none in Chinese or Japanese, see `cjk_lines`) when ``rejoin``, marked line breaks
    kept."""
    if rejoin and "\n" in raw:
        parts: list[str] = []
        runs: list[tuple[int, int]] = []
        at = pos = 0
        for line in raw.split("\n"):
            body = line.strip()
            if body:
                if parts and not joins_without_space(parts[-1][-1], body[0]):
                    parts.append(" ")
                    at += 1
                runs.append((at, pos + (len(line) - len(line.lstrip()))))
                parts.append(body)
                at += len(body)
            pos += len(line) + 1
        text = "".join(parts)
    else:
        text = raw.strip()
        runs = [(0, len(raw) - len(raw.lstrip()))]
    # Tabs display as single spaces (same length, so runs stay valid), and so do line breaks
    # left in a hard-wrapped paragraph; a line break a book marks (`<br>`) is kept for the
    # wrapping to honour. The loader has made control characters visible; this makes sure.
    text = text.replace("\t", " ")
    text = neutralise(text.replace("\n", " ") if rejoin else text)
    return Shown(text, tuple(runs))


def _one_under_another(blocks: list[tuple[int, Shown]]) -> Shown:
    """The display texts of ``blocks`` of one paragraph (each with its offset in the stored
    paragraph), each on lines of its own."""
    parts: list[str] = []
    runs: list[tuple[int, int]] = []
    at = 0
    for offset, shown in blocks:
        if parts:
            parts.append("\n")
            at += 1
        runs.extend((at + shown_at, offset + raw_at) for shown_at, raw_at in shown.runs)
        parts.append(shown.text)
        at += len(shown.text)
    return Shown("".join(parts), tuple(runs))


def without_emphasis_marks(
    shown: Shown, runs_on: bool = False, runs_in: bool = False, toggles: bool = False
) -> Shown:
    """``shown`` without the marks that set words in emphasis (Project Gutenberg's `_italics_`,
    a heading line's `JOURNAL--_continued_`, FanFicFare's `**bold**`) or raise letters
    (`M^{rs.}` shows `Mrs.`), their words kept as
    ``emphasis`` and ``bold`` spans, and each remaining character still mapped to its place in
    the file. Italics that run on past its end (``runs_on``) or in from before its start
    (``runs_in``) lose their one mark here too; in a book whose marks turn emphasis on and off
    (``toggles``: FanFicFare's `_"__So…_`), its marks read so."""
    if not has_marks(shown.text) or not shown.runs:
        return shown
    found = emphasis(shown.text, runs_on, runs_in, toggles)
    if not found.marks:
        return shown
    styled = sorted((found.shown_at(a), found.shown_at(b), style) for a, b, style in found.styled)
    return _keeping(
        shown,
        found.kept(len(shown.text)),
        tuple((a, b) for a, b, style in styled if style == "italic"),
        tuple((a, b) for a, b, style in styled if style == "bold"),
    )


def single_spaced(shown: Shown) -> Shown:
    """``shown`` with each run of spaces between two words shown as one space (`shoe.  At`
    shows `shoe. At`), each remaining character still mapped to its place in the file."""
    if "  " not in shown.text or not shown.runs or shown.emphasis or shown.bold:
        return shown
    kept: list[tuple[int, int]] = []
    a = 0
    for run in _SPACES_BETWEEN_WORDS.finditer(shown.text):
        kept.append((a, run.start() + 1))  # the run's first space stays
        a = run.end()
    if not kept:
        return shown
    kept.append((a, len(shown.text)))
    return _keeping(shown, kept, ())


def _keeping(
    shown: Shown,
    kept: Iterable[tuple[int, int]],
    emphasis: tuple[tuple[int, int], ...],
    bold: tuple[tuple[int, int], ...] = (),
) -> Shown:
    """``shown`` with only the display spans ``kept`` (in order), each character still mapped
    to its place in the file; ``emphasis`` and ``bold`` in the new text's indices."""
    text = shown.text
    run_starts = [at for at, _ in shown.runs]
    parts: list[str] = []
    runs: list[tuple[int, int]] = []
    count = 0  # display characters kept so far
    for a, b in kept:
        if b <= a:
            continue
        inside = run_starts[bisect.bisect_right(run_starts, a) : bisect.bisect_left(run_starts, b)]
        for at in (a, *inside):
            new_at, raw = count + at - a, shown.to_raw(at)
            # (a new run only where the last one does not already lead)
            if not runs or raw - runs[-1][1] != new_at - runs[-1][0]:
                runs.append((new_at, raw))
        parts.append(text[a:b])
        count += b - a
    return Shown("".join(parts), tuple(runs), emphasis, bold)


class ShownCache:
    """Display texts of a book's paragraphs, computed on demand and kept for the recent ones."""

    def __init__(self, book: Book, headings: dict[int, str] | None = None, size: int = 512):
        self.book = book
        self.headings = headings if headings is not None else heading_lines(book)
        self.set_lines = SetLines(book)
        self._size = size
        self._cache: OrderedDict[int, Shown] = OrderedDict()
        self._bounds: dict[int, list[int]] = {}  # piece cut points of huge paragraphs

    def __call__(self, para: int) -> Shown:
        shown = self._cache.get(para)
        if shown is not None:
            self._cache.move_to_end(para)
            return shown
        shown = self._make(para)
        self._cache[para] = shown
        if len(self._cache) > self._size:
            self._cache.popitem(last=False)
        return shown

    def _make(self, para: int) -> Shown:
        book = self.book
        title = self.headings.get(para)
        if title is not None:
            return Shown(neutralise(title), ())
        raw = book.text[book.starts[para] : book.ends[para]]
        if book.kinds[para] == ParaKind.FRONT and book.style != "markup" and is_style_sheet(raw):
            # (a download's style sheet left in the text: rules, not words to read)
            return Shown(STYLE_SHEET, ())
        inside = unframed(raw) if book.style != "markup" else None
        if inside is not None:
            shown = self._box_text(inside)
        else:
            rejoin = book.rejoin and not self.set_lines.keeps_breaks(raw)
            shown = shown_from_raw(raw, rejoin)
            if self._reflowed(para, rejoin, shown.text):
                # The spacing of the file's lines (two spaces after a full stop) means nothing
                # once the page re-flows them; lines set on purpose keep their spaces.
                shown = single_spaced(shown)
        if book.style == "markup":
            return shown  # (its emphasis is styled from the markup: `book.spans`)
        run = italic_run(book, para)
        if run.inside:
            return replace(shown, emphasis=((0, len(shown.text)),))
        return without_emphasis_marks(shown, run.runs_on, run.runs_in, toggles_marks(book))

    def _box_text(self, inside: str) -> Shown:
        """The text of a box drawn in the file, ``inside`` its frame (see `boxes.unframed`):
        each block of it (its lines between those the frame leaves empty) shown as a paragraph
        is, re-flowed or kept as lines, the blocks on lines of their own."""
        blocks: list[tuple[int, Shown]] = []
        start = pos = 0
        for line in [*inside.split("\n"), ""]:
            if not line.strip():
                block = inside[start:pos].strip("\n")
                if block.strip():
                    rejoin = self.book.rejoin and not self.set_lines.keeps_breaks(block)
                    shown = shown_from_raw(block, rejoin)
                    blocks.append((start, single_spaced(shown) if rejoin else shown))
                start = pos + len(line) + 1
            pos += len(line) + 1
        return _one_under_another(blocks)

    def _reflowed(self, para: int, rejoin: bool, text: str) -> bool:
        """Whether paragraph ``para`` is prose the page re-flows: not lines that keep their
        breaks, nor a line of a poem stored as a paragraph of its own (see `is_set_line`)."""
        if not rejoin and "\n" in text:
            return False
        return not self.set_lines.is_set_line(para)

    def pieces(self, para: int) -> int:
        """How many layout pieces paragraph ``para`` has (1 unless it is huge)."""
        book = self.book
        if book.ends[para] - book.starts[para] <= PIECE:
            return 1
        return len(self._piece_bounds(para)) - 1

    def piece(self, para: int, index: int) -> tuple[int, int]:
        """The display span ``(start, end)`` of piece ``index`` of paragraph ``para``."""
        text = self(para).text
        if len(text) <= PIECE:
            return 0, len(text)
        bounds = self._piece_bounds(para)
        return bounds[index], bounds[index + 1]

    def piece_of(self, para: int, index: int) -> int:
        """Which piece of paragraph ``para`` holds display index ``index``."""
        if self.pieces(para) == 1:
            return 0
        bounds = self._piece_bounds(para)
        return max(0, min(bisect.bisect_right(bounds, index) - 1, len(bounds) - 2))

    def _piece_bounds(self, para: int) -> list[int]:
        bounds = self._bounds.get(para)
        if bounds is None:
            bounds = self._bounds[para] = piece_bounds(self(para).text)
        return bounds


def piece_bounds(text: str) -> list[int]:
    """Cut points splitting ``text`` into pieces of about ``PIECE`` characters, at spaces."""
    bounds = [0]
    while len(text) - bounds[-1] > PIECE:
        target = bounds[-1] + PIECE
        space = text.find(" ", target, target + _CUT_SLACK)
        bounds.append(space + 1 if space >= 0 else target)
    bounds.append(len(text))
    return bounds
