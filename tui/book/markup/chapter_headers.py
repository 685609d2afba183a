"""A story's header repeated atop its chapters, read as each chapter's notes.

The header is the title, byline, summary, disclaimer and the chapter's heading again, at the
top of every chapter, as FanFiction.Net authors write it.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.book.markup.para import Para
from tui.book.markup.producers import same_title, title_key
from tui.book.model import Book, ParaKind
from tui.book.rules.headings import match_heading

TEXT, HEADING, BREAK = int(ParaKind.TEXT), int(ParaKind.HEADING), int(ParaKind.BREAK)
NOTE, LABEL = int(ParaKind.NOTE), int(ParaKind.LABEL)
HEADER_PARAGRAPHS = 12  # a chapter's header, with its notes and rules, at the longest
HEADER_LINE_CHARS = 80  # a line of the header that names the story, at the longest
MIN_REPEATS = 3  # chapters whose tops repeat a line that make it the story's header line


def chapter_headers(book: Book, paras: Sequence[Para]) -> None:
    """Where chapters open with the story's header and the chapter's heading comes again under
    it (`ISOLATION` / `~.~` / `Chapter 2: Punch.` under `2. Punch`), the header is the
    chapter's notes and the heading under it a label: the text shows no second heading, and
    skipping notes skips the header. A header is told by a line naming the story in it (the
    work's own title, or a line most chapters open with), or by the heading coming again
    under most chapters' tops."""
    kinds = book.kinds
    tops = [_body(kinds, chapter.start, chapter.end) for chapter in book.chapters]
    story_lines = _repeated_lines(book, paras, tops)
    book_key = title_key(book.title)
    if book_key:
        story_lines.add(book_key)
    agains = [
        _heading_again(book, paras, body, chapter.end, chapter.title)
        for chapter, body in zip(book.chapters, tops, strict=True)
    ]
    found = sum(1 for again in agains if again is not None)
    common = found >= max(MIN_REPEATS, (len(book.chapters) + 1) // 2)
    for chapter, body, again in zip(book.chapters, tops, agains, strict=True):
        if again is None or kinds.find(TEXT, again + 1, chapter.end) < 0:
            continue
        named = any(kinds[i] == TEXT and _key(paras[i]) in story_lines for i in range(body, again))
        if not named and not (common and again > body):
            if kinds[again - 1] == BREAK and again > body + 1:
                # A chapter alone with its heading again under a rule (a forum post's note,
                # a rule, the heading): the heading is not shown twice, and the rule over it,
                # the heading's, opens no scene, nor does a rule under it closing the title
                # block; what is above the rule is left as it is.
                kinds[again - 1] = NOTE
                kinds[again] = LABEL
                if again + 1 < chapter.end and kinds[again + 1] == BREAK:
                    kinds[again + 1] = NOTE
            continue
        kinds[body:again] = bytes([NOTE]) * (again - body)
        kinds[again] = LABEL
        after = again + 1
        while after < chapter.end and kinds[after] == TEXT and not _lettered(paras[after]):
            kinds[after] = LABEL  # (a `.` set under the heading to space it)
            after += 1


def _heading_again(
    book: Book, paras: Sequence[Para], body: int, end: int, title: str
) -> int | None:
    """The line near a chapter's top that is its heading again, or None."""
    for i in range(body, min(end, body + HEADER_PARAGRAPHS)):
        if book.kinds[i] in (TEXT, HEADING) and _restates(paras[i], title, book.title):
            return i
    return None


def _body(kinds: bytearray, start: int, end: int) -> int:
    """The first paragraph of a chapter under its heading (and the labels beside it)."""
    i = start
    while i < end and kinds[i] in (HEADING, LABEL):
        i += 1
    return i


def _lettered(para: Para) -> bool:
    return any(c.isalnum() for c in para.text)


def _key(para: Para) -> str:
    text = " ".join(para.text.split())
    return title_key(text) if len(text) <= HEADER_LINE_CHARS else ""


def _repeated_lines(book: Book, paras: Sequence[Para], tops: Sequence[int]) -> set[str]:
    """Short lines that most chapters open with (within their headers' reach)."""
    if len(book.chapters) < MIN_REPEATS:
        return set()
    counts: dict[str, int] = {}
    for chapter, body in zip(book.chapters, tops, strict=True):
        keys = {
            _key(paras[i])
            for i in range(body, min(chapter.end, body + HEADER_PARAGRAPHS))
            if book.kinds[i] in (TEXT, NOTE)  # (a chapter's header read as its notes already)
        }
        for key in keys - {""}:
            counts[key] = counts.get(key, 0) + 1
    least = max(MIN_REPEATS, (len(book.chapters) + 1) // 2)
    return {key for key, count in counts.items() if count >= least}


def _restates(para: Para, chapter_title: str, book_title: str) -> bool:
    """Whether a line of the header is the chapter's heading again: its title, or a heading
    with the chapter's number (`Chapter 2: Punch.` under `2. Punch`); in a one-shot titled
    after the story, a heading such as `Prologue`."""
    text = " ".join(para.text.split()).rstrip(".")
    if len(text) > HEADER_LINE_CHARS or not text:
        return False
    if same_title(text, chapter_title):
        return not same_title(text, book_title)  # (not the story's own title line)
    own = match_heading(chapter_title)
    if own is not None and own.title and title_key(text) == title_key(own.title):
        # (`Neverland` under `1. Neverland`: a title of one word, after the heading's number)
        return not same_title(text, book_title)
    found = match_heading(text)
    if found is None or not found.strong:
        return False
    if own is not None and own.number is not None:
        if found.number != own.number:
            return False
        if found.title and own.title:
            return same_title(found.title.rstrip("."), own.title.rstrip("."))
        # (`Part 2` under `Chapter 2: Iron` opens the chapter's second part)
        return found.kind == own.kind or (found.kind == "chapter" and own.kind == "numbered")
    return same_title(chapter_title, book_title)
