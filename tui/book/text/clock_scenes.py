"""Clock times heading sections of a book's chapters, each opening a scene.

Where the book times its chapters so (`08:30 AM - The Introduction`, `12:15 PM - Lunch`), each
time opens a scene.
"""

from __future__ import annotations

import bisect
import itertools
import re

from tui.book.model import Book, Chapter, ParaKind
from tui.book.rules.sentence_ends import SENTENCE_ENDS
from tui.book.text.paragraphs import blank_lines_before, paragraph_alone

TEXT = int(ParaKind.TEXT)

# An hour and its minutes opening a line of its own, perhaps a title after a dash or a colon
# (`07:45 AM - Behind the Old Gym`, `22.10`). (Found from the line break before it: a search
# led by `^` tries every character of a big text.)
_CLOCK_LINE = re.compile(
    r"\n[^\S\n]*(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)"
    r"(?:[^\S\n]*(?P<half>[AaPp])\.?[Mm]\.?)?"
    r"(?:[^\S\n]*[-–—:|][^\S\n]*[^\n]{1,60}?)?[^\S\n]*(?=\n|\Z)"
)
# A book times its sections so at least this many times ...
MIN_TIMES = 3
# ... with at least this many paragraphs of story under each (a chat log's time stamps head a
# message or two) ...
MIN_UNDER = 2
# ... and the times going back within a chapter at most this often (past midnight).
MAX_BACKWARD = 1
# At least this many chapters open with a time among their first OPENING_PARAGRAPHS (all of
# them in a book of fewer).
MIN_OPENED = 2
OPENING_PARAGRAPHS = 8
# A title line over a time (`🌙 Evening: The Walk Home` / `19:00 PM - The Gate`) is short.
TITLE_CHARS = 70
DAY_MINUTES = 24 * 60


def clock_scenes(book: Book, first: int, last: int) -> list[int]:
    """The paragraphs in ``[first, last)`` that open a scene at a time of day: each line that
    is a clock time (a title after it at most), where the book has MIN_TIMES of them at least,
    each over MIN_UNDER paragraphs of story, their times running forward through each
    chapter, and MIN_OPENED chapters open with one. A short title line right over a time
    opens its scene with it."""
    # (the chapters' openings first: a book that opens none with a time is not scanned)
    opened = sum(1 for c in book.chapters if _opens_with_a_time(book, c, first, last))
    if opened < min(MIN_OPENED, len(book.chapters)) or opened == 0:
        return []
    times = _clock_lines(book, first, last)
    if len(times) < MIN_TIMES:
        return []
    heads = [c.start for c in book.chapters]
    by_chapter: dict[int, list[tuple[int, int]]] = {}
    for i, minutes in times:
        by_chapter.setdefault(bisect.bisect_right(heads, i), []).append((i, minutes))
    ends = [c.end for c in book.chapters]
    for key, found in by_chapter.items():
        backward = sum(1 for (_, a), (_, b) in itertools.pairwise(found) if b < a)
        if backward > MAX_BACKWARD:
            return []  # (times out of order: a log's or a letter's, not the day's hours)
        end = ends[key - 1] if 0 < key <= len(ends) else last
        for (i, _), stop in zip(found, [j for j, _ in found[1:]] + [end], strict=True):
            if book.kinds.count(TEXT, i + 1, stop) < MIN_UNDER:
                return []
    return [_titled(book, i, first) for i, _ in times]


def _opens_with_a_time(book: Book, chapter: Chapter, first: int, last: int) -> bool:
    """Whether a clock line stands among the first OPENING_PARAGRAPHS of ``chapter`` (under
    its heading and a line or two of date and place)."""
    text, starts, ends = book.text, book.starts, book.ends
    for i in range(max(chapter.start, first), min(chapter.start + OPENING_PARAGRAPHS, last)):
        if (
            book.kinds[i] == TEXT
            and text[starts[i] : starts[i] + 1].isdigit()
            and ends[i] - starts[i] <= TITLE_CHARS
            and _CLOCK_LINE.fullmatch("\n" + text[starts[i] : ends[i]].strip())
        ):
            return True
    return False


def _clock_lines(book: Book, first: int, last: int) -> list[tuple[int, int]]:
    """The story paragraphs in ``[first, last)`` that are a clock line alone, with the time
    they give in minutes of the day."""
    if first >= last:
        return []
    text, starts, ends = book.text, book.starts, book.ends
    found = []
    for m in _CLOCK_LINE.finditer(text, max(starts[first] - 1, 0), ends[last - 1]):
        i = paragraph_alone(text, starts, ends, m)
        if i is None or i < first or book.kinds[i] != TEXT:
            continue
        if not _set_apart(book, i):
            continue  # (a line of a block heading a scene, its date over the hour: not alone)
        hour, half = int(m["hour"]), (m["half"] or "").casefold()
        if half == "p" and hour < 12:
            hour += 12
        elif half == "a" and hour == 12:
            hour = 0
        found.append((i, (hour * 60 + int(m["minute"])) % DAY_MINUTES))
    return found


def _set_apart(book: Book, i: int) -> bool:
    """Whether paragraph ``i`` has a blank line above it and one under it."""
    text, starts, ends = book.text, book.starts, book.ends
    above = i == 0 or blank_lines_before(text, starts, ends, i) > 0
    under = i + 1 == len(starts) or blank_lines_before(text, starts, ends, i + 1) > 0
    return above and under


def _titled(book: Book, i: int, first: int) -> int:
    """The paragraph opening the scene timed at ``i``: the line right over it when that is a
    short title of one line (no sentence, nothing spoken), else ``i`` itself."""
    above = i - 1
    if above < first or book.kinds[above] != TEXT or not _set_apart(book, above):
        return i
    line = book.paragraph(above).strip()
    if not line or "\n" in line or len(line) > TITLE_CHARS or _CLOCK_LINE.match("\n" + line):
        return i
    if line.endswith((*SENTENCE_ENDS, "—", "–", "-", ",", ";")) or line[:1] in "\"“‘'«":
        return i
    return above
