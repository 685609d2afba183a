"""Chapter titles a text sets off only by the space around them, with no number or keyword."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from tui.book.rules.breaks import is_setoff_line
from tui.book.rules.headings import Heading
from tui.book.rules.sentence_ends import SENTENCE_ENDS
from tui.book.text.lines import LineInfo
from tui.book.text.name_labels import recurring_labels
from tui.book.text.weak_headings import WEAK_MIN_SPACING, weak_sequence

# A chapter title set off only by space: short, one line, no sentence's end ...
SPACED_TITLE_CHARS = 60
# ... but in a book whose titles are set in capitals, a capitals title may run longer, over
# two lines.
CAPITALS_TITLE_CHARS = 130
MIN_SPACED_TITLES = 3
# A line ending so is a sentence, not a title (a straight `'` closing a quotation too).
_TITLE_ENDS = (*SENTENCE_ENDS, "'")


def spaced_titles(
    text: str,
    starts,
    ends,
    common_gap: int,
    infos: dict[int, LineInfo],
    paragraph,
    first: int = 0,
    last: int | None = None,
) -> list[tuple[int, Heading]]:
    """Chapter titles a text sets off only by the space after them (`Marching Ever Forward`
    over four blank lines, where paragraphs are parted by two): short lines with no sentence's
    end, each followed by a wider gap than the text's usual one, when the book has several
    spread through it (a scene's last line rarely lacks its full stop) and no headings of a
    heading's own shape (`Chapter 3`, `XII`). Only paragraphs ``[first, last)`` are looked at:
    a Gutenberg header's lines are set off by space too, but none is a title, nor counts
    towards the several a book must have."""
    from tui.book.text.paragraphs import blank_lines_before, wider_gaps

    if any(info.kind == "heading" for info in infos.values()):
        return []  # (a book with headings of a heading's shape sets only those apart)
    # (and so does one with bare numbers for headings, unless they count one story's sections
    # under its title: see `_numbers_under_a_title`)
    numbers = weak_sequence(infos, paragraph)
    after_gap = {offset for offset, _ in wider_gaps(text, common_gap)}
    found = []
    under: set[int] = set()  # the lower lines of titles set over two
    stop = min(len(starts), len(starts) if last is None else last) - 1
    for i in range(first, stop):
        below = i  # (the title's last line)
        after = i  # (the last line the gap under the title follows)
        if starts[i + 1] not in after_gap and i + 2 < stop:
            if _stacked(text, starts, ends, i):
                below = after = i + 1  # (`THE MONK.` over `CALAIS.`: each line a paragraph)
            elif _dash_subtitle(text, starts, ends, i):
                after = i + 1  # (`幸福的家庭` over `——拟许钦文`: the subtitle set under it)
        if starts[after + 1] not in after_gap or ends[below] - starts[i] > CAPITALS_TITLE_CHARS:
            continue
        if i in infos and not _title_not_byline(infos[i], paragraph, i) and below == i:
            # (over a second line a page's name is a chapter's title: `PREFACE.` / `IN THE
            # COACH.`)
            continue
        if i > 0 and text.count("\n", ends[i - 1], starts[i]) <= max(common_gap, 1):
            continue  # (a title stands apart above too: `Judy` under `Yours ever,` signs a letter)
        line = " ".join(paragraph(k).strip() for k in range(i, below + 1))
        lines = text[starts[i] : ends[below]].strip().count("\n") + 1
        if not line or lines > 2 or (i > 0 and _LONE_BY.fullmatch(paragraph(i - 1))):
            continue  # (under a lone `by`, a title page's author; under `to`, a dedication's)
        if (lines > 1 or ends[i] - starts[i] > SPACED_TITLE_CHARS) and not _capitals(line):
            continue
        # (a title in capitals closed by a stop stands under a gap as wide as it stands over,
        # where a signature, `A. WRITER.`, stands under its letter)
        stopped = _stopped_capitals(line) and blank_lines_before(text, starts, ends, i) > common_gap
        if (
            (_NOTE_MARK.sub("", line).endswith(_TITLE_ENDS) and not stopped)
            or line[0] in "\"“'‘([（"
        ) and not _quoted_capitals(line):
            continue
        if _NO_TITLE.match(line) or _TIMED_MESSAGE.match(line) or _CJK_DATE.match(line):
            continue  # (`PS.  (9 o'clock.)` adds to a letter; `Copyright 1912 by …`)
        letter = next((c for c in line if c.isalpha()), "")
        # A title is capitalised (`good` is a text message) and says no time (`11:29am`, a
        # scene's header), and no rule stands right above it (a scene's header again).
        above = infos.get(i - 1)
        kind = above.kind if above is not None else ""
        marked = kind in ("break", "spacer", "glyph")
        if kind == "spacer" and i > 1:
            # (a line of spaces right under the text, with no blank line between, only ends it)
            marked = blank_lines_before(text, starts, ends, i - 1) > 0
        # (a script without capitals, Chinese, has its titles set apart all the same)
        capitalised = letter.isupper() or (letter.isalpha() and not letter.islower())
        if capitalised and not is_setoff_line(line) and not marked:
            # (the lower line of a title set over two is joined to it as its subtitle)
            found.append((i, Heading("titled", None, "", paragraph(i).strip(), True)))
            under.update(range(i + 1, below + 1))
    # Titles set flush left, as most are, are the book's: a centred line among them is a title
    # page's (the book's name, the publisher's town).
    flush = [item for item in found if _indent(text, starts[item[0]], ends[item[0]]) <= 1]
    if 2 * len(flush) > len(found):
        found = flush
    # (a long title, or one over two lines, is read only among titles in capitals like it)
    capitals = sum(_capitals(h.title) for _, h in found)
    if 2 * capitals <= len(found):
        found = [(i, h) for i, h in found if ends[i] - starts[i] <= SPACED_TITLE_CHARS]
        found = [(i, h) for i, h in found if "\n" not in text[starts[i] : ends[i]].strip()]
    elif _stopped_titles(found):
        # (where the titles are set in capitals closed by a full stop, a line in small letters
        # set apart is the last of a scene, its sentence broken off with a dash)
        found = [(i, h) for i, h in found if _capitals(h.title)]
    found = [(i, Heading("titled", None, "", " ".join(h.title.split()), True)) for i, h in found]
    if 2 * sum(i + 1 in under for i, _ in found) < len(found):
        # (a book that sets few of its titles over two lines sets none so: those are a title
        # page's, `LOVE AND WAR` / `AND OTHER TALES`)
        found = [(i, h) for i, h in found if i + 1 not in under]
    if not _stopped_titles(found):
        # (nor does a book close a title with a stop now and then: that line ends something)
        found = [(i, h) for i, h in found if not _stopped_capitals(h.title)]
    if len(found) < MIN_SPACED_TITLES or _mostly_stacked(found):
        return []
    if numbers and not _numbers_under_a_title(numbers, found):
        return []
    # (the labels set apart as widely show the book's way of setting its titles apart all the
    # same: the lines left are its titles, however few)
    found = _without_recurring_labels(found, text, starts, ends, under)
    # (a line set apart right under a title, with no story between, is its subtitle or its
    # author's name: `鲁   迅` under `在 酒 楼 上`)
    found = [item for k, item in enumerate(found) if k == 0 or found[k - 1][0] != item[0] - 1]
    if len(found) < 2:
        return found
    spacing = (found[-1][0] - found[0][0]) / (len(found) - 1)
    return found if spacing >= WEAK_MIN_SPACING else []


# A story's first section number stands at most this many paragraphs under its title.
SECTION_UNDER_TITLE = 3


def _numbers_under_a_title(
    numbers: list[tuple[int, Heading]], found: list[tuple[int, Heading]]
) -> bool:
    """The book's bare numbers count from one right under one of the titles set apart, and
    stop before the next, that story a small part of the book: one story's sections, not the
    book's chapters (a novel's title page over its numbered chapters has no title after them,
    or one after most of the book)."""
    first, last = numbers[0][0], numbers[-1][0]
    book = found[-1][0] - found[0][0]
    return any(
        0 < first - title <= SECTION_UNDER_TITLE and last < end and end - title <= book / 2
        for (title, _), (end, _) in pairwise(found)
    )


def _without_recurring_labels(
    found: list[tuple[int, Heading]], text: str, starts, ends, under: set[int]
) -> list[tuple[int, Heading]]:
    """The lines set apart that the book also writes alone elsewhere, where several such lines
    recur through it (`Laura`, `Carmilla`, `Will`: the narrators' names heading its sections):
    labels of the book's sections, not chapter titles, each of which a book gives once. (The
    lower line of a title set over two, `CALAIS.` under `THE MONK.`, is that title's.)"""
    titles = Counter(h.title for _, h in found)
    longest = max((len(t) for t in titles), default=0)
    most = 2 * longest + 8  # (a label centred with spaces, as its title was set)
    alone = Counter(
        line
        for k, (start, end) in enumerate(zip(starts, ends, strict=True))
        if end - start <= most
        and (line := " ".join(text[start:end].split())) in titles
        and k not in under
    )
    # (a title the book sets alone no more often than it sets it apart is a title all the same)
    recurring = {t for t in recurring_labels(alone) if alone[t] > titles[t]}
    if not recurring:
        return found
    return [(i, h) for i, h in found if h.title not in recurring]


# A chapter under a title has more than this many paragraphs before the next title.
STACKED_WITHIN = 2


def _mostly_stacked(found: list[tuple[int, Heading]]) -> bool:
    """Most lines set apart stand one or two paragraphs over the next: a block's own lines
    spaced out (an e-mail's `To:`, `From:` and `Subject:` lines, a signature), not titles,
    each of which heads a chapter of story."""
    stacked = sum(b - a <= STACKED_WITHIN for (a, _), (b, _) in pairwise(found))
    return 2 * stacked >= len(found) - 1


# Lines set off by space that are no chapter's title: a postscript, a copyright line.
_NO_TITLE = re.compile(r"(?:P\.?\s?S\.?(?:\s|$)|copyright\b|©)", re.IGNORECASE)
# A message in a log, its sender and the time it was sent before a colon: `Me [7:43 PM]: …`.
_TIMED_MESSAGE = re.compile(r"[^\[\]():]{1,40}[\[(]\s*\d{1,2}[:.]\d{2}[^\])]{0,12}[\])]\s*:")
# A date as Chinese and Japanese write it, year first (`一九二四年二月七日`): a story's dateline.
_CJK_DATE = re.compile(
    r"[0-9０-９〇零一二三四五六七八九十]{2,4}年[0-9０-９〇零一二三四五六七八九十]{1,3}月"
)
# An editor's note mark after a line's last word (`〔６〕`, `[6]`): the line ends before it.
_NOTE_MARK = re.compile(r"\s*(?:〔[0-9０-９]{1,3}〕|\[[0-9]{1,3}\])$")
_LONE_BY = re.compile(r"\s*(?:by|por|par|von|di|to)\s*", re.IGNORECASE)


def _capitals(line: str) -> bool:
    """A line set in capitals (`THE OLD TOWN`), with at least two letters."""
    return line.isupper() and sum(c.isalpha() for c in line) >= 2


def _title_not_byline(info: LineInfo, paragraph, i: int) -> bool:
    """`BY THE ROADSIDE` set apart in capitals after a story's last paragraph is a title: a
    byline stands under the title it signs (a short line with no sentence's end)."""
    if info.kind != "by" or i == 0:
        return False
    line, above = paragraph(i).strip(), paragraph(i - 1).strip()
    ended = (
        above.endswith(_TITLE_ENDS)
        or len(above) > SPACED_TITLE_CHARS
        or not any(c.isalpha() for c in above)
    )
    return _capitals(line) and ended


def _stacked(text: str, starts, ends, i: int) -> bool:
    """Paragraph ``i`` and the one right under it (no blank line between) are short lines in
    capitals: one title set over two lines."""
    if text.count("\n", ends[i], starts[i + 1]) != 1:
        return False
    return all(
        ends[k] - starts[k] <= SPACED_TITLE_CHARS
        and "\n" not in text[starts[k] : ends[k]].strip()
        and _capitals(text[starts[k] : ends[k]].strip())
        for k in (i, i + 1)
    )


# A subtitle opens on a dash (`——涓生的手记`, `— a memoir`) and is short.
_DASH_SUBTITLE = re.compile(r"(?:—{1,2}|――|--)[ \t]?\w[^\n]{0,38}")


def _dash_subtitle(text: str, starts, ends, i: int) -> bool:
    """Paragraph ``i`` is a short line and the one right under it (no blank line between) a
    subtitle opened by a dash."""
    if text.count("\n", ends[i], starts[i + 1]) != 1 or ends[i] - starts[i] > SPACED_TITLE_CHARS:
        return False
    return _DASH_SUBTITLE.fullmatch(text[starts[i + 1] : ends[i + 1]].strip()) is not None


def _stopped_titles(found: list[tuple[int, Heading]]) -> bool:
    """Most titles set apart are in capitals closed by a full stop."""
    return 2 * sum(_stopped_capitals(" ".join(h.title.split())) for _, h in found) > len(found)


def _stopped_capitals(line: str) -> bool:
    """`THE MONK.`: a title in capitals closed by a full stop, as old printers set titles, not
    a sentence (which is not in capitals)."""
    return _capitals(line) and line.endswith(".") and not line.endswith("..")


def _quoted_capitals(line: str) -> bool:
    """`“DOWN PENS”`: a title in capitals set in quotes, not a line of dialogue (which is not
    in capitals, or ends its sentence inside the quotes)."""
    inner = line[1:-1].strip()
    return (
        line[:1] in '"“'
        and line[-1:] in '"”'
        and inner.isupper()
        and not any(q in inner for q in '"“”')
        and not inner.endswith(_TITLE_ENDS)
    )


def _indent(text: str, start: int, end: int) -> int:
    """How far the one-line paragraph at offsets ``start``-``end`` is set in from the margin."""
    line = text[text.rfind("\n", 0, start) + 1 : end]
    return len(line) - len(line.lstrip(" \t"))
