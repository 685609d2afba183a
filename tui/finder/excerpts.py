"""What the finder shows: matched-word highlights, one-line excerpts and preview passages."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate
from typing import NamedTuple, Protocol

from rapidfuzz import fuzz

from tui.book.heading_text import line_text
from tui.book.model import Book, ParaKind, closed_after_cut
from tui.book.rules.cjk_lines import joined_lines
from tui.book.scene_breaks import gap_scene_starts, scene_break_lines
from tui.finder.tokens import CJK_CHAR_RE, STOP_WORDS, WORD_RE, compound, compounds, fold
from tui.finder.unmarked import Styled, Unmarked, moved, unmarked
from tui.finder.word_forms import stem
from tui.paths import cells

Span = tuple[int, int]
Spans = list[Span]
EXCERPT_WIDTH = 110  # characters of a one-line excerpt
CONTEXT_CHARS = 160  # a paragraph shorter than this before a passage is shown with it
SENTENCE_ENDS = (". ", "! ", "? ", ".” ", "!” ", "?” ", '." ', '!" ', '?" ')


def highlight(text: str, keys: Iterable[str], query_words: Iterable[str] = ()) -> Spans:
    """Character spans of the words in ``text`` that matched.

    ``keys`` are book words the ranking matched (exact); ``query_words`` are matched here by
    prefix (`kal` marks the first three letters of `Kalpas`), stem or close spelling.
    """
    keys = set(keys)
    wanted = [w for w in query_words if w and (w not in STOP_WORDS or len(keys) == 0)]
    if not keys and not wanted:
        return []
    stems = {stem(w) for w in wanted}
    spans: Spans = []
    # Each word as written is judged once: a paragraph says its words again and again, and
    # one of a whole book's length says them hundreds of thousands of times.
    marked: dict[str, int] = {}  # word as written -> how many of its characters match
    for match in WORD_RE.finditer(text):
        written = match.group()
        length = marked.get(written)
        if length is None:
            length = marked[written] = _matched_length(written, keys, stems, wanted)
        if length:
            start = match.start()
            spans.append((start, start + length))
    if keys and "-" in text:
        spans = _with_compounds(text, spans, keys)
    return spans


def _with_compounds(text: str, spans: Spans, keys: set[str]) -> Spans:
    """``spans`` with the hyphenated compounds of ``text`` the ranking matched as one word
    (`quarter-deck` for `quarterdeck`) marked whole, in place of their parts."""
    whole = [match.span() for match in compounds(text) if compound(match.group()) in keys]
    if not whole:
        return spans
    inside = [(a, b) for a, b in spans if not any(s <= a and b <= e for s, e in whole)]
    return sorted(inside + whole)


def _matched_length(written: str, keys: set[str], stems: set[str], wanted: list[str]) -> int:
    """How many characters of a word as written `highlight` marks: all of a matched word,
    the typed start of a word being typed (`kal` of `Kalpas`), none of another word."""
    word = fold(written)
    if word in keys or (stems and stem(word) in stems):
        return len(written)
    for q in wanted:
        if len(q) >= 2 and word.startswith(q):
            return min(len(q), len(written))
        if len(q) >= 4 and fuzz.ratio(q, word) >= 80:
            return len(written)
    return 0


def excerpt(
    text: str,
    keys: Iterable[str],
    query_words: Iterable[str] = (),
    width: int = EXCERPT_WIDTH,
    *,
    typed: Iterable[str] = (),
) -> tuple[str, Spans]:
    """One line of ``text`` where most of the query's words are found together, with the
    matches marked; the words as ``typed`` (in any form) count before related ones."""
    flat = unmarked(" ".join(text.split())).text  # emphasis as the reader shows it
    spans = highlight(flat, keys, query_words)
    if len(flat) <= width:
        return flat, spans
    first, _ = _densest(flat, spans, width, typed_stems(typed))
    start = word_start(flat, max(0, first - width // 3))
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.rfind(" ", start, end + 1)
        end = space if space > start else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    shift = len(prefix) - start
    shown = [(a + shift, b + shift) for a, b in spans if a >= start and b <= end]
    return prefix + flat[start:end] + suffix, shown


def fitted(text: str, spans: Spans, width: int, *, keep_start: bool = False) -> tuple[str, Spans]:
    """`_fitted`, and for a label (``keep_start``) cut short, the quotation the cut left open
    closed after its `…` (`Ch 7 — Elizabeth — “Mr. Bennet's property consisted…”`), as a label
    shown whole closes it; an excerpt of the text is the book's words, left as they are."""
    shown, kept = _fitted(text, spans, width, keep_start=keep_start)
    if not keep_start or shown == text:
        return shown, kept
    closing = cells(closed_after_cut(shown)) - cells(shown)  # (`」` takes two cells)
    if closing:
        shown, kept = _fitted(text, spans, width - closing, keep_start=True)
        shown = closed_after_cut(shown)
    return shown, kept


def _fitted(text: str, spans: Spans, width: int, *, keep_start: bool = False) -> tuple[str, Spans]:
    """``text`` (a line of the list, with its matched ``spans``) in ``width`` terminal cells,
    cut at a word's end with `…`, never inside a matched word: words go from its start, when
    that brings more of its matched words into the line, rather than from its end only (unless
    ``keep_start``: a label's start says where it is). A wide (CJK) character takes two cells,
    so a line of Japanese holds half as many characters: it starts at the first match."""
    at = _cell_offsets(text)  # at[i]: cells taken by text[:i]
    if at[-1] <= width or width < 8:
        return text, spans
    start = 0
    first = spans[0][0] if spans else 0
    # The last matched word that fits in one line with the first (less the two `…`).
    reach = max((b for a, b in spans if at[b] - at[first] <= width - 2), default=0)
    if at[reach] > width - 1 and not keep_start:
        space = text.find(" ", bisect.bisect_left(at, at[reach] - (width - 2)))
        start = space + 1 if 0 <= space < first else first
    prefix = "…" if start > 0 else ""
    room = width - len(prefix)
    end = bisect.bisect_right(at, at[start] + room) - 1
    if end < len(text):
        end = bisect.bisect_right(at, at[start] + room - 1) - 1  # room for the closing `…`
        space = text.rfind(" ", start, end + 1)
        end = space if space > start else end
        while end > start and any(a < end < b for a, b in spans):
            end -= 1  # no room for one whole word: cut before the matched one, not inside it
    body = text[start:end].rstrip()
    shift = len(prefix) - start
    shown = [(a + shift, b + shift) for a, b in spans if a >= start and b <= start + len(body)]
    suffix = "…" if start + len(body) < len(text) and not body.endswith("…") else ""
    return prefix + body + suffix, shown


def _cell_offsets(text: str) -> list[int]:
    """The terminal cells taken by each prefix of ``text``: [0, cells(text[:1]), ...]."""
    return list(accumulate((cells(c) for c in text), initial=0))


def typed_stems(typed: Iterable[str]) -> frozenset[str]:
    """The stems of the words a query typed (not its little words), which an excerpt should
    show before words matched only as related ones (`steeply` for `jumps`)."""
    return frozenset(stem(w) for w in typed if w and w not in STOP_WORDS)


def _densest(flat: str, spans: Spans, width: int, typed: frozenset[str] = frozenset()) -> Span:
    """The run of matches a line should centre on (where it starts and ends), within a line:
    the one holding the most different words as typed (``typed`` stems), then the most
    different words, and of those the tightest run (a quoted phrase, not its words said apart
    earlier)."""
    best: tuple[int, int, int] = (0, 0, 0)
    best_run = spans[0] if spans else (0, 0)
    folded: dict[str, str] = {}  # each word as written is folded once (see `highlight`)
    matched = []
    for a, b in spans:
        written = flat[a:b]
        word = folded.get(written)
        if word is None:
            word = folded[written] = fold(written)
        matched.append(word)
    own_words = {w for w in set(matched) if typed and stem(w) in typed}
    reach = width * 2 // 3
    for number, (start, _) in enumerate(spans):
        seen: set[str] = set()
        own = 0
        tight = 0
        end = start
        # (by position, not over a slice of the spans: a slice copies all the rest for each
        # one, minutes' work in a paragraph of a hundred thousand matches)
        for later in range(number, len(spans)):
            b = spans[later][1]
            if b - start > reach:
                break
            word = matched[later]
            if word not in seen:
                seen.add(word)
                own += word in own_words
                tight, end = b - start, b
        if (own, len(seen), -tight) > best:
            best, best_run = (own, len(seen), -tight), (start, end)
    return best_run


def matched_words(
    book: Book, para: int, keys: Iterable[str], typed: Iterable[str] = ()
) -> Span | None:
    """Where in ``book.text`` paragraph ``para`` has its densest run of matched words (the run
    its excerpt centres on), for Enter and the preview to bring into view; None when no word
    of a paragraph of text matched."""
    if not 0 <= para < len(book) or book.kinds[para] != ParaKind.TEXT:
        return None
    base = book.starts[para]
    raw = book.text[base : book.ends[para]]
    spans = highlight(raw, keys)
    if not spans:
        return None
    start, end = _densest(raw, spans, EXCERPT_WIDTH, typed_stems(typed))
    return base + start, base + end


class LineKeeper(Protocol):
    """What says whether a hard-wrapped paragraph's line breaks were set on purpose (verse, a
    list), as the page keeps them: `reading.set_lines.SetLines`."""

    def keeps_breaks(self, raw: str) -> bool: ...


class PageBreaks(NamedTuple):
    """How a page of the book draws its scene breaks (see `tui.book.scene_breaks`)."""

    lines: frozenset[int] | None  # break lines that end a scene; None: every one does
    gaps: frozenset[int]  # scenes that open after a blank gap, with no break line
    ornament: str = "⁂"

    @classmethod
    def of(cls, book: Book, ornament: str = "⁂") -> PageBreaks:
        return cls(scene_break_lines(book), gap_scene_starts(book), ornament or "*")


def passage(
    book: Book,
    focus: int,
    keys: Iterable[str],
    max_chars: int = 700,
    *,
    words: Span | None = None,
    room: int = 0,
    row: int = 0,
    breaks: PageBreaks | None = None,
    lines: LineKeeper | None = None,
) -> tuple[str, Spans, list[Styled]]:
    """Paragraphs from ``focus`` on (and a short one before it, for context), marked, with scene
    breaks drawn as a page draws them (``breaks``): an ornament between scenes, a blank line for
    a gap inside one. Emphasis is shown as the reader shows it, without its marks: the styles
    say where.

    ``words`` (book text offsets) are the matched words the preview must show: when they would
    come past the first ``room`` characters, the passage begins a little before them, at the
    start of their sentence where that is near, with `…`. When the preview's rows hold ``row``
    characters each, a line that ends short (a short paragraph before, a line of verse) counts
    as the whole row it takes. Lines set on purpose stay lines, as
    on the page: an EPUB's `<br>`, and verse in a hard-wrapped text where ``lines`` says so.
    """
    keys = set(keys)
    total = len(book)
    if not total:
        return "", [], []
    focus = max(0, min(focus, total - 1))
    breaks = breaks or PageBreaks.of(book)
    first = passage_start(book, focus)
    skip = 0  # characters of the focus paragraph left out before the matched words
    flats: dict[int, Unmarked] = {}  # each paragraph flattened once: one may be a whole book

    def flat(para: int) -> Unmarked:
        if para not in flats:
            flats[para] = _flat(book, para, lines)
        return flats[para]

    if words is not None and room > 0 and book.starts[focus] <= words[0] < book.ends[focus]:
        before = _room_taken(flat(first).text + "\n", row) if first < focus else 0
        end = _flat_index(book, focus, words[1], flat(focus))
        # (more characters than the room has cells do not fit: a paragraph as long as a book
        # is not measured)
        taken = room + 1 if end > room else _room_taken(flat(focus).text[:end], row)
        if before + taken > room:
            first = focus  # without the line before: the words may then fit from its start
        if taken > room:
            at = _flat_index(book, focus, words[0], flat(focus))
            skip = _lead_in(flat(focus).text, at, room)
    parts: list[str] = []
    spans: Spans = []
    styles: list[Styled] = []
    length = 0
    para = first
    while para < total and length < max_chars:
        if para in breaks.gaps and para != first:
            parts.append(breaks.ornament)
            length += len(breaks.ornament) + 1
        if book.kinds[para] == ParaKind.BREAK:
            scene_break = breaks.lines is None or para in breaks.lines
            text = breaks.ornament if scene_break else ""
            styled: list[Styled] = []
        else:
            text, styled, _ = flat(para)
            if para == focus and skip:
                text = "…" + text[skip:]
                styled = moved(styled, 1 - skip, 1, len(text))
        room_left = max_chars - length
        if len(text) > room_left:
            cut = text.rfind(" ", 0, room_left)
            text = text[: cut if cut > 0 else room_left] + "…"
            styled = moved(styled, 0, 0, len(text) - 1)
        spans += [(a + length, b + length) for a, b in highlight(text, keys)]
        styles += moved(styled, length, length, length + len(text))
        parts.append(text)
        length += len(text) + 1
        para += 1
    return "\n".join(parts), spans, styles


def _flat(book: Book, para: int, lines: LineKeeper | None = None) -> Unmarked:
    """A paragraph's words as a preview shows them: on one line, single spaces, emphasis
    without its marks; a heading, and lines the book sets on purpose (verse), on the lines a
    page sets them on (`CHAPTER V` over its title)."""
    text = line_text(book, para)
    if book.kinds[para] == ParaKind.HEADING:
        return unmarked("\n".join(" ".join(line.split()) for line in text.splitlines()))
    if _keeps_lines(book, para, text, lines):
        kept = book.raw(para) if book.rejoin else text
        return unmarked(
            "\n".join(" ".join(line.split()) for line in kept.splitlines() if line.strip())
        )
    return unmarked(" ".join(text.split()))


def _keeps_lines(book: Book, para: int, text: str, lines: LineKeeper | None) -> bool:
    """Whether the page shows paragraph ``para`` (``text``, its display text) as lines."""
    if not book.rejoin:
        return "\n" in text.strip()  # (an EPUB's `<br>`: always a line of its own)
    raw = book.raw(para)
    if lines is None or not lines.keeps_breaks(raw):
        return False
    # (Chinese or Japanese lines join with no space: kept as lines, they would not line up
    # with the offsets of the paragraph as it is joined)
    return len(" ".join(raw.split())) == len(" ".join(text.split()))


def _room_taken(text: str, row: int) -> int:
    """The cells of a preview's room that ``text`` takes: its width, or, in rows of ``row``
    cells, each of its lines but the last as the whole rows it fills. A CJK character takes
    two: counted as one, the words found in a Chinese or Japanese paragraph were taken to fit
    where they came a row or two below the preview's last."""
    if row <= 0:
        return cells(text)
    *whole, last = text.split("\n")
    return sum(max(1, -(-cells(line) // row)) * row for line in whole) + cells(last)


def _back_by_cells(text: str, at: int, room: int) -> int:
    """Where the stretch of ``text`` that ends at ``at`` and takes at most ``room`` cells
    begins."""
    start = at
    while start > 0 and room > 0:
        room -= cells(text[start - 1])
        start -= 1
    return start


def _flat_index(book: Book, para: int, offset: int, flat: Unmarked) -> int:
    """Where character ``offset`` of ``book.text`` (in paragraph ``para``) is in its `_flat`
    form, ``flat``."""
    before = book.text[book.starts[para] : max(book.starts[para], offset)]
    after = book.text[offset : offset + 1]
    if book.rejoin and "\n" in before and after.strip():
        # Its lines joined as the paragraph's are: with no space in Chinese or Japanese.
        before = joined_lines(before + after)[:-1]
    index = len(" ".join(before.split()))
    if before.strip() and before[-1].isspace():
        index += 1  # the space before the word at ``offset``
    return flat.shown_at(index)


def _lead_in(text: str, at: int, room: int) -> int:
    """Where a preview showing the words at ``at`` of ``text`` begins: the start of their
    sentence when it is near (half the room before them), else a word a quarter of the room
    before them."""
    near = _back_by_cells(text, at, room // 2)
    sentence = max(text.rfind(end, near, at) for end in SENTENCE_ENDS)
    if sentence >= 0:
        space = text.index(" ", sentence)
        return space + 1
    return word_start(text, _back_by_cells(text, at, room // 4))


def word_start(text: str, at: int) -> int:
    """Where the word holding character ``at`` of ``text`` begins: after the space before it,
    or at the text's start when no space comes before it (its first word). Each CJK character
    is a word of its own, since CJK text has no spaces."""
    if at <= 0:
        return 0
    if CJK_CHAR_RE.search(text, at - 1, at + 1):
        return at  # a CJK character on either side: already between two words
    return text.rfind(" ", 0, at + 1) + 1


def passage_start(book: Book, focus: int, floor: int = 0) -> int:
    """Where the preview of ``focus`` begins: a short line of text just before it (the line of
    dialogue it answers) is shown too, unless that is before paragraph ``floor``."""
    before = focus - 1
    if (
        before >= floor
        and book.kinds[before] == ParaKind.TEXT
        and len(book.paragraph(before)) < CONTEXT_CHARS
        and cells(book.paragraph(before)) < CONTEXT_CHARS  # (a CJK character takes two)
    ):
        return before
    return focus
