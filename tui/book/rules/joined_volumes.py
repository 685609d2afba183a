"""Volumes joined in one file, found where a book numbers its chapters again.

Where a book without parts numbers its chapters again, each run of numbers is a volume, named
by the book's own heading over it (`BOOK TWO: 1805`) or else `Volume 2`: the part its chapters
are in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tui.book.model import Book, Chapter, ParaKind
from tui.book.rules.headings import match_heading
from tui.book.rules.title_numbers import chapter_numbers

# Numbered chapters a run needs to be a volume: one or two are a slip in the numbering.
VOLUME_LEAST = 3
# Where at least one chapter in this many is headed by a title alone, the book is a collection.
UNNUMBERED_SHARE = 3
# Lines right above a volume's first chapter that may hold the volume's own heading, and
# how long such a line may be (a longer one is prose or a contents entry).
HEAD_REACH = 8
HEAD_CHARS = 80


def numbers_repeat(numbers: Sequence[int | None], parts: Sequence[str] = ()) -> bool:
    """Two chapters of one part (or of a book without parts) give themselves one number."""
    keys = Counter(
        (parts[k] if k < len(parts) else "", number)
        for k, number in enumerate(numbers)
        if number is not None
    )
    return any(count > 1 for count in keys.values())


def number_runs(numbers: Sequence[int | None]) -> list[int] | None:
    """Each chapter's run of numbers (1-based) where the numbers start again as volumes
    joined in one file do (1 to 30, then 1 to 25); None where they do not."""
    if not numbers_repeat(numbers):
        return None
    # A run starts where the numbers go back to the first one (a chapter numbered twice by
    # mistake is not a new volume), and holds each number once.
    first = next(n for n in numbers if n is not None)
    runs: list[int] = []
    run, seen = 1, set[int]()
    for number in numbers:
        if number is not None:
            if number in seen:
                if number != first:
                    return None
                run, seen = run + 1, set()
            seen.add(number)
        runs.append(run)
    sizes = Counter(r for r, n in zip(runs, numbers, strict=True) if n is not None)
    return runs if min(sizes.values()) >= VOLUME_LEAST else None


def joined_volumes(titles: Sequence[str]) -> list[str]:
    """Each chapter's volume, `Volume N`, in a book whose chapter numbers start again; []
    where they do not. Between two volumes, a `Prologue` and what follows it open the next
    one; the chapters before it without a number (an `Epilogue`, an `Afterword`) close the
    one before."""
    numbers = chapter_numbers(titles)
    runs = number_runs(numbers)
    if runs is None or _stories(titles, numbers) * UNNUMBERED_SHARE >= len(numbers):
        # (a collection of stories, a few of them in numbered chapters, numbers each of
        # those from one: they are stories, not volumes)
        return []
    for at in range(1, len(runs)):
        if runs[at] == runs[at - 1]:
            continue  # (a new run starts at a numbered chapter)
        gap = at
        while gap > 0 and numbers[gap - 1] is None:
            gap -= 1
        opening = next((k for k in range(gap, at) if _opens_a_volume(titles[k])), at)
        runs[opening:at] = [runs[at]] * (at - opening)
    return [f"Volume {run}" for run in runs]


def _stories(titles: Sequence[str], numbers: Sequence[int | None]) -> int:
    """How many chapters are headed by a title alone (`THE SIRE DE MALÊTROIT'S DOOR`): no
    number, and no heading's word (`Prologue`, `Epilogue: The Last Bell`)."""
    return sum(
        1
        for title, number in zip(titles, numbers, strict=True)
        if number is None and match_heading(title) is None
    )


def _opens_a_volume(title: str) -> bool:
    found = match_heading(title)
    return found is not None and found.kind == "prologue"


def name_volumes(book: Book) -> None:
    """Put each chapter of a whole book without parts of its own in its volume, where its
    chapter numbers start again (`Chapter 3` of the second run is in `Volume 2`). Where the
    book heads each run with its own line (`BOOK TWO: 1805`, `EPOCH THE SECOND.`), that line
    names the volume."""
    chapters = book.chapters
    if any(chapter.part for chapter in chapters):
        return
    volumes = joined_volumes([c.title for c in chapters])
    if not volumes:
        return
    # (an opening before the first numbered chapter, a frame's `INTRODUCTION`, stands
    # before the first volume and in none; the volume opens at its first numbered chapter,
    # or at the `Prologue` before it)
    numbers = chapter_numbers([c.title for c in chapters])
    lead = next(
        k
        for k, (n, c) in enumerate(zip(numbers, chapters, strict=True))
        if n is not None or _opens_a_volume(c.title)
    )
    starts = [lead] + [k for k in range(lead + 1, len(volumes)) if volumes[k] != volumes[k - 1]]
    names, heads = _own_names(book, [chapters[k] for k in starts])
    for k, (chapter, volume) in enumerate(zip(chapters, volumes, strict=False)):
        chapter.part = names.get(volume, volume) if k >= lead else ""
    for k, head in zip(starts, heads, strict=False):
        if head is not None and k > 0:
            _open_with_head(book, k, head)


def _open_with_head(book: Book, k: int, head: int) -> None:
    """The volume's own heading and the short lines under it (`EPOCH THE SECOND.`, `1715.`,
    `THAMES DARRELL.`) open chapter ``k``, the volume's first, as its heading: they are not
    the last lines of the chapter before."""
    chapter, before = book.chapters[k], book.chapters[k - 1]
    if not before.start < head < chapter.start:
        return
    for at in range(head, chapter.start):
        if book.kinds[at] == ParaKind.TEXT:
            book.kinds[at] = ParaKind.HEADING
    before.end = chapter.start = head


def _own_names(book: Book, firsts: Sequence[Chapter]) -> tuple[dict[str, str], list[int | None]]:
    """`Volume N` -> the book's own heading of that run, where every run has one ({} where
    not): the heading lines stacked over its first chapter's own (`BOOK TWO: 1805` over
    `CHAPTER I`), or else, among the short lines just above that chapter, the one whose
    first word heads every run (`EPOCH THE SECOND.` among `END OF THE FIRST EPOCH.`,
    `1715.` and `THAMES DARRELL.`). With it, for each run, the paragraph of a heading found
    among the lines above its first chapter (None where the chapter's own heading lines hold
    it)."""
    stacked = [_stacked_head(book, chapter) for chapter in firsts]
    placed = [_lines_above(book, chapter) for chapter in firsts]
    above = [[line for _, line in lines] for lines in placed]
    if all(stacked[1:]):
        heads = [s or _led_by(above[0], _first_word(stacked[1])) for s in stacked]
    else:
        common = set.intersection(
            *(
                {_first_word(line) for line in [*lines, s] if line}
                for lines, s in zip(above, stacked, strict=True)
            )
        )
        common.discard("")
        # (a numbered heading's lines differ only in their number: `EPOCH THE SECOND.`, not
        # a title line that happens to share a first word with them)
        common = {
            w
            for w in common
            if _numbered_alike([_led_by([*a, s], w) for a, s in zip(above, stacked, strict=True)])
        }
        if len(common) != 1:
            return {}, []
        word = common.pop()
        heads = [
            s if _first_word(s) == word else _led_by(lines, word)
            for lines, s in zip(above, stacked, strict=True)
        ]
    names = [head.strip().rstrip(".:,;").strip() for head in heads]
    if not all(names[1:]) or len(set(names)) != len(names):
        return {}, []  # (the same line over every run is the book's title, not a volume's)
    found = [
        None if s else next((at for at, line in lines if line == head), None)
        for lines, s, head in zip(placed, stacked, heads, strict=True)
    ]
    return {f"Volume {k + 1}": name for k, name in enumerate(names) if name}, found


def _numbered_alike(lines: Sequence[str]) -> bool:
    """Lines of one shape that differ in a word or two: `EPOCH THE FIRST.`, `EPOCH THE SECOND.`."""
    words = [_words(line) for line in lines]
    if len({len(w) for w in words}) != 1:
        return False
    varying = sum(1 for column in zip(*words, strict=True) if len(set(column)) > 1)
    return 1 <= varying <= 2


def _first_word(line: str) -> str:
    words = line.split()
    return words[0].strip(".:,;").casefold() if words else ""


def _led_by(lines: Sequence[str], word: str) -> str:
    """The first of ``lines`` whose first word is ``word``; "" where none is."""
    return next((line for line in lines if word and _first_word(line) == word), "")


def _words(text: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in text.casefold()).split()


def _stacked_head(book: Book, chapter: Chapter) -> str:
    """The first of the heading lines that open ``chapter`` above the line of its own title
    (`BOOK TWO: 1805` over `CHAPTER I`); "" where its own title opens it."""
    title = _words(chapter.title)
    for at in range(chapter.start, min(chapter.end, chapter.start + HEAD_REACH)):
        if not any(c.isalnum() for c in book.paragraph(at)):
            continue  # (an ornament between the part's lines and the chapter's)
        if book.kinds[at] != ParaKind.HEADING:
            return ""
        words = _words(book.paragraph(at))
        if words and words == title[: len(words)]:
            return book.paragraph(chapter.start) if at > chapter.start else ""
    return ""


def _lines_above(book: Book, chapter: Chapter) -> list[tuple[int, str]]:
    """The short lines right above ``chapter`` and their paragraphs, top first, up to the
    prose before them (ornaments skipped)."""
    lines: list[tuple[int, str]] = []
    for at in range(chapter.start - 1, max(-1, chapter.start - 1 - HEAD_REACH), -1):
        text = book.paragraph(at).strip()
        if not any(c.isalnum() for c in text):
            continue
        if len(text) > HEAD_CHARS or "\n" in text:
            break
        lines.append((at, text))
    return lines[::-1]
