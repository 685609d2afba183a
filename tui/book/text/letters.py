"""Books told in dated letters or diary entries: their dates, entries and titles.

The short lines that are a date alone, the entries they open (scenes), a date a writer added
inside a letter, and the titles in capitals that head the narrative among the letters.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui.book.model import Book
from tui.book.rules.breaks import date_only, is_date_line, is_setoff_line

# A book told in dated letters or diary entries has at least this many date lines alone.
MIN_DATED_ENTRIES = 8
DATE_LINE_CHARS = 40
DATE_INDENT = 50  # a date set at the right of the page (`                    1st October`)


# A later entry of the day the last date names: `THE SAME EVENING.`, `_Next morning._`
_SAME_DAY = re.compile(
    r"[_*]*(?:the\s+)?(?:same|next|following)\s+(?:day|morning|afternoon|evening|night)\.?[_*]*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateLines:
    """A book's short lines that are a date alone (`MAY 4.`), and those naming a later time of
    the day before (`THE SAME EVENING.`), by paragraph, in order: read once for every range."""

    dates: list[int]
    same_day: list[int]


# A date written as a month, a day's ordinal and a year (`September 30th 1975`), with any
# word for the month: a book dating its entries so at least this many times dates them so
# throughout, whatever it calls a month (a misspelling, another language's name).
_DAY_AND_YEAR = re.compile(r"[_*]*[A-Z][a-z]{2,}\.?\s+\d{1,2}(?:st|nd|rd|th),?\s+\d{4}\.?[_*]*")
DAY_AND_YEAR_HABIT = 3


def date_lines(book: Book, paragraph: Callable[[int], str]) -> DateLines:
    """Every paragraph of the book that is a date, or a later time of the same day, alone on
    its line (``paragraph``: its display text)."""
    dates: list[int] = []
    same_day: list[int] = []
    shaped: list[int] = []  # (lines written as its dates are, whatever names the month)
    text, starts, ends = book.text, book.starts, book.ends
    longest = DATE_LINE_CHARS + DATE_INDENT
    date, later, written = date_only().fullmatch, _SAME_DAY.fullmatch, _DAY_AND_YEAR.fullmatch
    # (a short paragraph of a book that does not rejoin its lines shows its span stripped:
    # read so at once, with no call a paragraph, as this looks at every paragraph)
    rejoin = book.rejoin
    for i in range(len(starts)):
        start, end = starts[i], ends[i]
        if end - start > longest:
            continue
        line = paragraph(i).strip() if rejoin else text[start:end].strip()
        if len(line) > DATE_LINE_CHARS or "\n" in line:
            continue
        if not (line[:1].isalnum() or line[:1] in ("_", "*")):
            continue  # (what the patterns below take opens with a letter, a digit, `_` or `*`)
        if date(line):  # (`is_date_line`, the line stripped already)
            dates.append(i)
        elif later(line):
            same_day.append(i)
        if written(line):
            shaped.append(i)
    if len(set(dates) & set(shaped)) >= DAY_AND_YEAR_HABIT:
        dates = sorted(set(dates) | set(shaped))
    return DateLines(dates, same_day)


def dated_entries(lines: DateLines, first: int, last: int) -> list[int]:
    """Date lines alone on their line (`MAY 4.`, `JANUARY 8, 1772.`) heading the letters or
    diary entries a book is told in, in ``[first, last)``: each opens a scene, the entries
    being what a reader moves between. One or two such lines are a letter quoted in a story,
    not its form; a date run into its entry's first sentence (`_3 May. Bistritz._--Left
    Munich`) is no line of this."""
    found: list[int] = []
    for i in lines.dates[
        bisect.bisect_left(lines.dates, first) : bisect.bisect_left(lines.dates, last)
    ]:
        # (story between: a run of dates is a table or a list, not letters)
        if not found or i - found[-1] >= 2:
            found.append(i)
    same_day = [i for i in lines.same_day if first <= i < last]
    if len(found) < MIN_DATED_ENTRIES:
        return []
    # (`THE SAME EVENING.` among them heads a second letter of the day before's date)
    return sorted(found + same_day)


# A letter's head (its writer and addressee line, its place and date) takes at most this many
# paragraphs under its heading.
LETTER_HEAD_PARAGRAPHS = 3
_LETTER_HEADING = re.compile(r"letter\b", re.IGNORECASE)


def dates_within_letters(
    chapters: list[tuple[int, int, str]], paragraph: Callable[[int], str], first: int, last: int
) -> list[int]:
    """In a book whose chapters are letters (``chapters``: heading, end and title; most
    titled `LETTER N`), a date alone on its line inside a letter, below its head, opens an
    entry the writer added later (`June 11th`): a scene. A book of letters needs no run of
    dates to show it: its headings do."""
    letters = [c for c in chapters if _LETTER_HEADING.match(c[2])]
    if 2 * len(letters) <= len(chapters):
        return []
    found = []
    for heading, end, _ in letters:
        for i in range(max(first, heading + 1 + LETTER_HEAD_PARAGRAPHS), min(end, last)):
            line = paragraph(i).strip()
            if "\n" not in line and _entry_date(line):
                found.append(i)
    return found


# A line heading an entry inside a letter: a weekday first (`Monday morning.`, `Saturday
# morning, the third of my happy nuptials.`) or an hour (`Past eleven o'clock.`), in a few words.
_WEEKDAY_FIRST = re.compile(r"(?i)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_CLOCK = re.compile(r"(?i)\bo['’]clock\b|\b\d{1,2}(?:[.:]\d{2})?\s*[ap]\.\s?m\b")
ENTRY_DATE_WORDS = 12
_QUOTE_MARKS = ("'", '"', "‘", "“")


def _entry_date(line: str) -> bool:
    """A date, weekday or hour alone on its line that heads an entry a letter's writer added:
    not a letter copied into it, in quotes (`'Friday afternoon.'`)."""
    if len(line) > DATELINE_CHARS or line.startswith(_QUOTE_MARKS):
        return False
    if is_date_line(line) or is_dateline(line) or _later(line):
        return True
    # (one phrase: `It was about one o'clock. We went home.` is story)
    if len(line.split()) > ENTRY_DATE_WORDS or not line.endswith(".") or ". " in line:
        return False
    return _WEEKDAY_FIRST.match(line) is not None or _CLOCK.search(line) is not None


# A title heading the narrative among letters is at least this many words ...
LETTERS_TITLE_WORDS = 3
# ... with story under it of at least this length.
STORY_UNDER_TITLE = 150


# A note's opening: `[Footnote 2: ...`, `[Note: ...`, `[3] ...`.
_NOTE_OPENING = re.compile(r"\[(?:(?:foot)?note\b|\d{1,3}\])", re.IGNORECASE)


def titles_among_letters(
    paragraph: Callable[[int], str], dated: list[int], first: int, last: int
) -> list[int]:
    """In a book told in letters (``dated``, their date lines), lines in capitals alone that
    are neither a date nor story, with story under them: `THE EDITOR TO THE READER.`, the
    narrative that takes over where the letters stop. A letter's own lines are not set apart
    so; a signature closes a letter and a date follows it."""
    if not dated:
        return []
    found = []
    for i in range(first, last - 1):
        line = paragraph(i).strip()
        if not line or len(line) > DATE_LINE_CHARS + 20 or "\n" in line or i in dated:
            continue
        words = line.split()
        if (
            len(words) >= LETTERS_TITLE_WORDS
            and line.upper() == line
            and line[:1].isalpha()
            # (nor a salutation, `DEAR MRS. CONEY,--`: the dashes after its comma are a pause)
            and not line.rstrip("-—– ").endswith(("!", "?", ",", ";", ":"))
            and not is_date_line(line)
            and not _SAME_DAY.fullmatch(line)
            and len(paragraph(i + 1)) >= STORY_UNDER_TITLE
            # (a note under a signature is no story: `[Footnote 2: ...]`)
            and _NOTE_OPENING.match(paragraph(i + 1).lstrip()) is None
        ):
            found.append(i)
    return found


# The chapters head the book's letters when at least this share of its dates stand in the
# head of one (right under its heading).
HEADED_DATES = 0.5


def letters_own_lines(heads: Sequence[int], dated: list[int], lines: list[int]) -> set[int]:
    """The ``lines`` (in capitals, alone) that belong to the book's letters, not title a
    narrative taking over from them: where most of the ``dated`` lines stand in the head of a
    chapter, a few paragraphs under its heading's last line (``heads``, sorted: `216.` / `TO
    THE ARCHDUKE.` / `Vienna, May 3.`), the chapters are the letters, and such a line among
    them, or in a chapter so dated, is one letter's own (its signature)."""
    if not dated or not heads:
        return set()
    opened = set()
    for i in dated:
        k = bisect.bisect_left(heads, i) - 1
        if k >= 0 and i - heads[k] <= LETTER_HEAD_PARAGRAPHS:
            opened.add(heads[k])
    if len(opened) < HEADED_DATES * len(dated):
        return set()
    own = set()
    for i in lines:
        k = bisect.bisect_left(heads, i) - 1
        if dated[0] < i < dated[-1] or (k >= 0 and heads[k] in opened):
            own.add(i)
    return own


# A letter's head: its address, date and salutation, each a short line of its own.
HEAD_LINE_CHARS = 60
# ... a dateline naming a ship and where it is (`_S.S. Socotra, Homeward Bound, ..., April 24_.`)
# may be longer.
DATELINE_CHARS = 80
HEAD_LINES = LETTER_HEAD_PARAGRAPHS + 1
# A salutation, alone or after the date on its line: `Dear Judy:`, `Tuesday, 5 P.M. My dear
# Enemy:`, `May 16. Good morning, my dear Judy!`, `Madam:`.
_SALUTATION = re.compile(
    r"(?:.*[.,!]\s+)?(?:[\w ,]{0,20}\b)?(?:(?:my|o)\s+)?"
    r"(?:dear|dearest|madam|sir|gentlemen)\b[^?]{0,40}[:!]",
    re.IGNORECASE,
)
# A later hour of the day a letter goes on at: `LATER.`, `STILL LATER.`, `9 P.M.`, `TEN
# O'CLOCK.`, `Evening.`
_LATER_HOUR = re.compile(
    r"(?:still\s+)?later|evening|(?:\d{1,2}(?::\d{2})?|\w+)\s*(?:o['’]clock|[ap]\.\s?m)",
    re.IGNORECASE,
)


def _head_line(line: str) -> bool:
    if not line or "\n" in line:
        return False
    return len(line) <= HEAD_LINE_CHARS or (len(line) <= DATELINE_CHARS and is_dateline(line))


def _dated(line: str) -> bool:
    """A line that is, or starts with, a date, a weekday or an hour: `March 13.`, `Tuesday,
    4:27 P.M.`, `February 24. Dear Judy:`."""
    return (
        is_date_line(line)
        or is_setoff_line(line.split(". ", 1)[0].rstrip("."))
        or _later(line)
        or is_dateline(line)
    )


# The date a letter's dateline ends on, after its place: `Nov. 18`, `Oct. 19, 19--`, `25th`,
# `Thursday 12th`, `Sunday`, `Nov. 2, 11.30 a.m`.
_MONTH_NAMES = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# A day of the month in words: `twentieth`, `twenty-first`.
_ORDINAL_DAY = (
    r"(?:(?:twenty|thirty)-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    r"tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth"
)
_ENDING_DATE = re.compile(
    rf"""(?ix)
    (?:(?:{_WEEKDAYS}),?\s+)?
    (?:
        (?:{_MONTH_NAMES})\.?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?|{_ORDINAL_DAY})
      | \d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})
      | \d{{1,2}}(?:st|nd|rd|th)
      | (?:{_WEEKDAYS})
      | (?:new\s+year['’]s|christmas|easter)\s+(?:day|eve)
    )
    (?:,?\s+(?:\d{{2}}[\d-]{{2}}|\d{{1,2}}[.:]\d{{2}}\s*[ap]\.?\s?m\.?))?
    """
)
_ASIDE = re.compile(r"\s*\([^()]*\)$")


def is_dateline(line: str) -> bool:
    """A letter's dateline, its place (if any) then its date, set in italics or not:
    `_Calcutta, Nov. 18_.`, `_S.S. Scotia, Oct_. 21. (_In pencil_.)`, `_25th_.`, `_Later_.`,
    `_Madhabad, Sunday_.`."""
    bare = _ASIDE.sub("", line.replace("_", "").replace("*", "").strip()).strip().rstrip(".,")
    if not bare or "\n" in bare or len(bare) > DATELINE_CHARS:
        return False
    clauses = bare.split(", ")
    # (the date is the last clause or two: `Baratah, Thursday, Feb. 21`, `Oct. 19, 19--`)
    ending = [", ".join(clauses[k:]) for k in range(max(0, len(clauses) - 3), len(clauses))]
    return _later(bare) or any(_ENDING_DATE.fullmatch(e) for e in ending)


def _later(line: str) -> bool:
    return _LATER_HOUR.fullmatch(line.rstrip(".!")) is not None


def letter_openings(
    paragraph: Callable[[int], str],
    blank_before: Callable[[int], int],
    common_gap: int,
    after_gaps: Sequence[int],
    last: int,
) -> list[range]:
    """In a book told in letters set apart by wider gaps than its paragraphs', where each
    letter opens with a head (an address, a date or a weekday, a salutation, short lines
    under the gap: `THE JOHN GRIER HOME,` / `February 15.` / `Dear Judy:`), the head opens the
    letter's scene at its first line; and a later hour set over a wider gap (`LATER.`, then
    two blank lines) opens the entry it heads. The paragraphs each head spans, in order;
    none unless heads recur (a letter or two quoted in a story are no book of letters).
    ``after_gaps``: the paragraphs set under a wider gap than ``common_gap``, in order, up
    to ``last``."""
    heads: list[range] = []
    for p in after_gaps:
        if blank_before(p) <= common_gap:
            continue  # (a gap inside a paragraph of lines)
        above = paragraph(p - 1).strip()
        if (
            _head_line(above)
            and (_dated(above) or _later(above))
            and blank_before(p - 1) <= common_gap
        ):
            heads.append(range(p - 1, p))  # (`LATER.` over the gap)
            continue
        k = p
        while k < last and k - p < HEAD_LINES and _head_line(paragraph(k).strip()):
            if k > p and blank_before(k) > common_gap:
                break
            k += 1
        lines = [paragraph(i).strip() for i in range(p, k)]
        if k < last and lines and any(_dated(x) or _SALUTATION.fullmatch(x) for x in lines):
            # (`Tuesday.`, a wider gap, `Dear Enemy:`; but a dateline under a postscript set
            # off alone heads the next letter)
            if heads and heads[-1].stop == p and not is_dateline(lines[0]):
                heads[-1] = range(heads[-1].start, k)
            else:
                heads.append(range(p, k))
    salutations = sum(any(_SALUTATION.fullmatch(paragraph(i).strip()) for i in h) for h in heads)
    if salutations >= MIN_DATED_ENTRIES:
        return heads
    return _dateline_letters(heads, paragraph, blank_before, common_gap, after_gaps)


def _dateline_letters(
    heads: list[range],
    paragraph: Callable[[int], str],
    blank_before: Callable[[int], int],
    common_gap: int,
    after_gaps: Sequence[int],
) -> list[range]:
    """Letters that open on their place and date alone, with no salutation (`_Calcutta, Nov.
    18_.`, then the letter): a book of them opens most of its wider gaps so, and the few
    wider gaps of the same width with no dateline under them (a postscript, an entry going
    on) part its letters as well. None where datelines do not open most wider gaps."""
    gaps = {p: blank_before(p) for p in after_gaps if blank_before(p) > common_gap}
    datelines = [h for h in heads if is_dateline(paragraph(h.start).strip())]
    if len(datelines) < MIN_DATED_ENTRIES or 2 * len(datelines) <= len(gaps):
        return []
    width = Counter(gaps.get(h.start, 0) for h in datelines).most_common(1)[0][0]
    inside = {i for h in heads for i in h}
    entries = [range(p, p + 1) for p, b in gaps.items() if b == width and p not in inside]
    return sorted(heads + entries, key=lambda h: h.start)
