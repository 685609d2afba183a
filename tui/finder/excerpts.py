"""What the finder shows: matched-word highlights, one-line excerpts and preview passages."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from tui.book.heading_text import line_text
from tui.book.model import Book, ParaKind
from tui.finder.tokens import STOP_WORDS, WORD_RE, fold
from tui.finder.word_forms import stem

Spans = list[tuple[int, int]]
EXCERPT_WIDTH = 110  # characters of a one-line excerpt
CONTEXT_CHARS = 160  # a paragraph shorter than this before a passage is shown with it


def highlight(text: str, keys: Iterable[str], query_words: Iterable[str] = ()) -> Spans:
    """Character spans of the words in ``text`` that matched.

    ``keys`` are book words the ranking matched (exact); ``query_words`` are matched here by
    prefix (`kal` marks the first three letters of `Kalpas`), stem or close spelling.
    """
    keys = set(keys)
    wanted = [w for w in query_words if w and (w not in STOP_WORDS or len(keys) == 0)]
    stems = {stem(w) for w in wanted}
    spans: Spans = []
    for match in WORD_RE.finditer(text):
        word = fold(match.group())
        start, end = match.span()
        if word in keys or (stems and stem(word) in stems):
            spans.append((start, end))
            continue
        for q in wanted:
            if len(q) >= 2 and word.startswith(q):
                spans.append((start, start + min(len(q), end - start)))
                break
            if len(q) >= 4 and fuzz.ratio(q, word) >= 80:
                spans.append((start, end))
                break
    return spans


def excerpt(
    text: str, keys: Iterable[str], query_words: Iterable[str] = (), width: int = EXCERPT_WIDTH
) -> tuple[str, Spans]:
    """One line of ``text`` where most of the query's words are found together, with the
    matches marked."""
    flat = " ".join(text.split())
    spans = highlight(flat, keys, query_words)
    if len(flat) <= width:
        return flat, spans
    first = _densest(flat, spans, width)
    start = max(0, first - width // 3)
    if start:
        # Begin at a word boundary.
        space = flat.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 else start
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > start else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    shift = len(prefix) - start
    shown = [(a + shift, b + shift) for a, b in spans if a >= start and b <= end]
    return prefix + flat[start:end] + suffix, shown


def _densest(flat: str, spans: Spans, width: int) -> int:
    """Where the line should centre: the match that begins the run of matches, within a line,
    holding the most different words, and of those the tightest run (a quoted phrase, not
    its words said apart earlier)."""
    best: tuple[int, int] = (0, 0)
    best_at = spans[0][0] if spans else 0
    for number, (start, _) in enumerate(spans):
        seen: set[str] = set()
        tight = 0
        for a, b in spans[number:]:
            if b - start > width * 2 // 3:
                break
            word = fold(flat[a:b])
            if word not in seen:
                seen.add(word)
                tight = b - start
        if (len(seen), -tight) > best:
            best, best_at = (len(seen), -tight), start
    return best_at


def passage(book: Book, focus: int, keys: Iterable[str], max_chars: int = 700) -> tuple[str, Spans]:
    """Paragraphs from ``focus`` on (and a short one before it, for context), marked."""
    keys = set(keys)
    total = len(book)
    if not total:
        return "", []
    focus = max(0, min(focus, total - 1))
    first = passage_start(book, focus)
    parts: list[str] = []
    spans: Spans = []
    length = 0
    para = first
    while para < total and length < max_chars:
        if book.kinds[para] == ParaKind.BREAK:
            text = "⁂"
        else:
            text = " ".join(line_text(book, para).split())
        room = max_chars - length
        if len(text) > room:
            cut = text.rfind(" ", 0, room)
            text = text[: cut if cut > 0 else room] + "…"
        spans += [(a + length, b + length) for a, b in highlight(text, keys)]
        parts.append(text)
        length += len(text) + 1
        para += 1
    return "\n".join(parts), spans


def passage_start(book: Book, focus: int, floor: int = 0) -> int:
    """Where the preview of ``focus`` begins: a short line of text just before it (the line of
    dialogue it answers) is shown too, unless that is before paragraph ``floor``."""
    before = focus - 1
    if (
        before >= floor
        and book.kinds[before] == ParaKind.TEXT
        and len(book.paragraph(before)) < CONTEXT_CHARS
    ):
        return before
    return focus
