"""Wrapping paragraphs to a column measured in terminal cells: CJK, emoji, justification."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from rich.cells import cell_len, split_graphemes  # the widths Textual draws with

from tui.book.rules.cjk_lines import is_cjk

# A word, with the French spacing around it kept on its row: an opening `«` before it and a
# closing `»`, `?`, `!`, `:` or `;` set after it with a space (`« Oui ? »`), which must not
# start or end a row alone. Words joined by an em-dash (`ago—never`) are words of their own,
# the dash ending the first, so a row may end after the dash, as typographers break there (not
# before it, and not before closing punctuation: `ago—”` stays whole).
_OPENING = "«¿¡"
_CLOSING = "»?!:;"
_DASHED = r"—*[^ \n—]+—+(?=[^\W_]|[“‘(\[«¿¡])"
_WORD = re.compile(
    rf"(?:[{_OPENING}]+ (?=[^ \n]))?(?:{_DASHED}|[^ \n]+)"
    rf"(?: [{_CLOSING}][{_CLOSING}.,…]*(?=[ \n]|$))*"
)
# The spaces justification does not widen: those inside a word as `_WORD` takes it.
_FIXED_SPACE = re.compile(rf"(?<=[{_OPENING}]) | (?=[{_CLOSING}][{_CLOSING}.,…]*(?: |$))")
# Closing punctuation that must not start a row of CJK text (a light form of kinsoku).
_NO_ROW_START = frozenset("、。，．：；！？）」』】〉》〕］｝…‥ー・ゝゞヽヾ々〜～")
# Opening brackets and quotes that must not end one: they go down with what they open.
_NO_ROW_END = frozenset("（「『【〈《〔［｛“‘")


class RowKind(IntEnum):
    """What a screen row shows; each kind has its own style."""

    BLANK = 0
    TEXT = 1
    HEADING = 2
    ORNAMENT = 3
    MATTER = 4  # front and end matter: summary, notes, tags, afterword
    NOTE = 5  # a chapter's own notes
    LABEL = 6  # a landmark that is not content (AO3 `Chapter Text`), dimmed


@dataclass(frozen=True, slots=True)
class Row:
    """One screen row of the text column."""

    kind: RowKind
    para: int
    text: str = ""
    indent: int = 0  # blank cells before the text, inside the column
    start: int = -1  # display index in the paragraph where the text starts; -1: decoration
    end: int = -1
    # Spaces added by justification: (index in the unjustified row, how many), in order.
    inserts: tuple[tuple[int, int], ...] = ()

    def column_of(self, index: int) -> int:
        """Index into ``text`` of the paragraph's display index ``index`` (clamped to the row)."""
        k = max(0, min(index, self.end) - self.start)
        return k + sum(count for at, count in self.inserts if at <= k)


def measure(text: str) -> int:
    """Width of ``text`` in terminal cells."""
    return len(text) if text.isascii() else cell_len(text)


def _cut(text: str, start: int, end: int, cells: int, may_take_none: bool = False) -> int:
    """The largest index ``i`` in ``(start, end]`` with ``text[start:i]`` at most ``cells`` wide.

    Cuts between graphemes (an emoji sequence or a letter with its accents stays whole), and
    not inside a word of letters set among CJK characters (see `_word_start`). At least one
    grapheme is taken, so a row always advances, unless ``may_take_none`` (a row already
    holding words, which the next may go down from whole).
    """
    piece = text[start:end]
    if piece.isascii():
        return start + max(1, min(cells, len(piece)))
    spans, _ = split_graphemes(piece)
    used = 0
    cut = spans[0][1] if spans else len(piece)
    for _first, last, width in spans:
        if used + width > cells:
            break
        used += width
        cut = last
    fitted = cut
    if cut < len(piece) and piece[cut] in _NO_ROW_START and cut > spans[0][1]:
        while cut - 1 > spans[0][1] and piece[cut - 1] in _NO_ROW_START:
            cut -= 1  # (all of a run of it: `……`)
        cut -= 1  # take a character down with the punctuation rather than strand it
    word = _word_start(piece, cut)
    if word >= spans[0][1] or (may_take_none and word == 0):
        cut = word  # the word goes down whole, as it would between spaces
    elif word < cut and _word_start(piece, fitted) == fitted:
        cut = fitted  # (a word filling the row stays whole; the punctuation goes down)
    if 0 < cut < len(piece) and piece[cut - 1] in _NO_ROW_END and cut - 1 > spans[0][0]:
        cut -= 1  # an opening bracket goes down with the words it opens
    return start + cut


def _word_start(piece: str, cut: int) -> int:
    """Where the word of letters and digits that ``cut`` falls inside begins (`typewrite|r` in
    `，typewriter。`), or ``cut`` itself where it falls outside one: Chinese and Japanese rows
    break between any two of their characters, but a Latin (or Hangul) word among them
    breaks only as it would in its own script, at its edges."""
    if not 0 < cut < len(piece) or not _in_word(piece[cut - 1]) or not _in_word(piece[cut]):
        return cut
    while cut > 0 and _in_word(piece[cut - 1]):
        cut -= 1
    return cut


def _in_word(char: str) -> bool:
    return char.isalnum() and not is_cjk(char)


def wrap(text: str, width: int, first_indent: int = 0) -> list[tuple[int, int]]:
    """Rows of ``text`` wrapped to ``width`` cells, as ``(start, end)`` index spans.

    Rows break at spaces, and always at a line break (`\\n`, a `<br>` in a book's markup:
    verse, a letter's lines); the spaces and line breaks at a break belong to no row. Words
    wider than the row are cut, and runs of wide (CJK) characters, which need no spaces, are
    cut anywhere. The first row is ``first_indent`` cells narrower.
    """
    width = max(1, width)
    if not text:
        return [(0, 0)]
    fast = text.isascii()
    rows: list[tuple[int, int]] = []
    room = max(1, width - first_indent)  # capacity of the row being filled

    def close(start: int, end: int) -> None:
        nonlocal room
        rows.append((start, end))
        room = width

    row_start = -1
    row_end = used = 0
    lines = "\n" in text
    for match in _WORD.finditer(text):
        start, end = match.span()
        word_cells = end - start if fast else measure(text[start:end])
        if row_start >= 0 and lines and "\n" in text[row_end:start]:
            close(row_start, row_end)
            row_start = -1
        if row_start >= 0:
            gap = start - row_end
            if used + gap + word_cells <= room:
                used += gap + word_cells
                row_end = end
                continue
            left = room - used - gap
            if not fast and left >= 2 and word_cells > end - start - _joiners(text, start, end):
                # A CJK run: fill the rest of this row with as much as fits.
                cut = _cut(text, start, end, left, may_take_none=True)
                if start < cut and measure(text[start:cut]) <= left:
                    close(row_start, cut)
                    row_start = -1
                    start = cut
                    if start >= end:
                        continue
                    word_cells = measure(text[start:end])
            if row_start >= 0:
                close(row_start, row_end)
                row_start = -1
        if word_cells > room and _is_decoration(text, start, end):
            # A rule of repeated marks wider than the row (`.:O:.:O:.` across a title page)
            # is cut to the row, not wrapped into a second row of one stray mark.
            close(start, _cut(text, start, end, room))
            row_start = -1
            continue
        while word_cells > room:
            cut = _cut(text, start, end, room)
            # A long address or compound is cut after a hyphen or slash where there is one
            # in the row's latter part, not mid-syllable (`sherlock-` / `holmes`).
            soft = max(text.rfind("-", start, cut), text.rfind("/", start, cut))
            if soft >= start + room // 3 and soft + 1 < cut:
                cut = soft + 1
            close(start, cut)
            start = cut
            word_cells = end - start if fast else measure(text[start:end])
        row_start, row_end, used = start, end, word_cells
    if row_start >= 0:
        rows.append((row_start, row_end))
    return rows or [(0, 0)]


# A "word" at least this long that repeats a unit of at most DECORATION_UNIT characters
# (`.:O:.`, `~`, `-=`) is a decorative rule, not a word.
DECORATION_LEAST = 12
DECORATION_UNIT = 6


def _is_decoration(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a short unit of marks repeated, not a word or a URL."""
    if end - start < DECORATION_LEAST:
        return False
    word = text[start:end]
    return any(
        not word[:unit].isalnum()  # (marks in the unit: `xxxx…` is a word cut, not a rule)
        and all(word[i] == word[i % unit] for i in range(unit, len(word)))
        for unit in range(1, DECORATION_UNIT + 1)
    )


def _joiners(text: str, start: int, end: int) -> int:
    """Zero-width joiners and variation selectors in a word (they make emoji, not CJK)."""
    segment = text[start:end]
    return segment.count("\u200d") + segment.count("\ufe0f")


def justify(text: str, width: int) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``text`` spread to ``width`` cells by widening its spaces, and where spaces were added."""
    extra = width - measure(text)
    body = text.strip(" ")
    fixed = {m.start() for m in _FIXED_SPACE.finditer(body)}
    gaps = [m.end() for m in re.finditer(r" +", body) if m.start() not in fixed]
    lead = len(text) - len(text.lstrip(" "))
    if extra <= 0 or not gaps:
        return text, ()
    share, rest = divmod(extra, len(gaps))
    inserts = []
    # The odd spaces left over are spread evenly along the row, not bunched at one end.
    for n, at in enumerate(gaps):
        count = share + ((n + 1) * rest // len(gaps) - n * rest // len(gaps))
        if count:
            inserts.append((lead + at, count))
    out = []
    prev = 0
    for at, count in inserts:
        out.append(text[prev:at])
        out.append(" " * count)
        prev = at
    out.append(text[prev:])
    return "".join(out), tuple(inserts)


# A field's name opening a line (`Stats:`, `Additional Tags:`, `Published:`): a metadata
# line, whose words are values, not a sentence to set flush at both ends.
_FIELD = re.compile(r"\s*[^\W\d_][\w’'&/-]*(?: [\w’'&/-]+){0,2}:(?:\s|$)")
_ADDRESS = re.compile(r"://|\bwww\.|@\w+\.\w", re.IGNORECASE)
# Fewer words than this and a paragraph is a line or two of something else (a title page's
# `Posted originally on the Archive…`), not prose to justify.
_PROSE_WORDS = 12
# A row shorter than this share of the column stays ragged: justified, its gaps would be
# wider than its words.
JUSTIFY_LEAST = 0.7


def justifiable(text: str) -> bool:
    """Whether a paragraph is prose to justify (`justify = true`), by what it is: not a
    field or metadata line (`Stats: Published: 2024-11-30 …`), nor one holding an address or
    a link, nor a short one (a title page's lines), whichever site it came from."""
    if _FIELD.match(text) or _ADDRESS.search(text):
        return False
    return len(text.split(None, _PROSE_WORDS)) > _PROSE_WORDS


def breaks_before_a_long_word(text: str, start: int, width: int) -> bool:
    """Whether the row before the one starting at ``start`` of ``text`` was ended early by a
    word wider than a whole row of ``width`` cells (an address, a long URL), which is cut over
    rows of its own: justified, that row would be stretched across the column, so it stays
    ragged, as a paragraph's last row does."""
    word = _WORD.match(text, start)
    return word is not None and measure(word.group()) > width


def centre(text: str, width: int) -> int:
    """The indent that centres ``text`` in a column of ``width`` cells."""
    return max(0, (width - measure(text)) // 2)


def broken_into_rows(text: str, width: int) -> tuple[str, list[int]]:
    """``text`` with its rows (`wrap`) set on lines of their own, as the reader breaks them
    (no `，` or `」` starting a row of CJK), for a box that would otherwise wrap it by rules of
    its own; with where each index of ``text`` (and its end) went in the new text. What lies
    between two rows (the spaces at a break) goes to the start of the row after it."""
    rows = wrap(text, width)
    lines: list[str] = []
    where = [0] * (len(text) + 1)
    at = 0  # (where the next row begins in the new text)
    done = 0  # (the indices of ``text`` placed so far)
    for start, end in rows:
        for i in range(done, start):  # (a break's spaces and line breaks)
            where[i] = at
        for i in range(start, end + 1):
            where[i] = at + i - start
        lines.append(text[start:end])
        at += end - start + 1
        done = end + 1
    for i in range(done, len(text) + 1):
        where[i] = max(0, at - 1)
    return "\n".join(lines), where
