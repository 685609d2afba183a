"""Scene breaks marked only by a wider run of blank lines, weighed against the text's habits.

The usual gap between paragraphs is the text's `common_gap` (1 blank line in most files, 0 in
files with one paragraph per line). A wider gap may be a scene break, or a paragraph whose text
was lost in conversion (which leaves exactly one more paragraph's worth of blank lines). The
gap a document puts before its chapter headings (its "section gap") is a break wherever it
occurs; other widths are judged by their shape.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Container, Sequence

from tui.book.model import Book, ParaKind
from tui.book.rules.breaks import is_spacer_line
from tui.book.rules.sentence_ends import CLOSING_QUOTES, FULL_STOPS
from tui.book.text.chapter_spacing import single_spaced_gaps, without_spaced_chapters
from tui.book.text.insets import capitalised, without_insets
from tui.book.text.paragraphs import Paragraphs, blank_lines_before
from tui.book.text.spacers import RULE_HABIT

TEXT, BREAK, HEADING = int(ParaKind.TEXT), int(ParaKind.BREAK), int(ParaKind.HEADING)
NOTE, LABEL = int(ParaKind.NOTE), int(ParaKind.LABEL)
# If wider gaps are this common they are how the file separates paragraphs, not scenes.
NOISE_RATIO = 0.12
NOISE_FLOOR = 12
# A hard-wrapped book with this many ornament breaks marks its scenes with them.
ORNAMENT_HABIT = 5
# ... unless it leaves this many times as many gaps as its ornaments.
GAPS_OVER_ORNAMENTS = 4
SET_OFF_CHARS = 100  # a line set off for effect, at the longest
# A block set off as a picture of something (a book's cover, a sign): at most this many lines
# of at most this many characters, none ending a sentence.
INSET_LINES = 4
INSET_LINE_CHARS = 40
# (a sentence ends on a stop or a closing quote)
_SENTENCE_ENDS = (*FULL_STOPS, *CLOSING_QUOTES)
# With this many ornament breaks, a gap around a spacer line is the spacer's extra space.
SPACED_ORNAMENTS = RULE_HABIT
# A lone gap left among at least this many others that set off insets is one more inset.
LONE_AMONG = 4
# A chat log's line: its header (`--Show Pesterlog--`, `--ectoBiologist [EB] began pestering
# turntechGodhead [TG]--`) or a line led by a speaker's name or handle in capitals (`DAVE: `,
# `TG: `), as stories quote chat logs and transcripts.
CHAT_LOG_LINE = re.compile(r"--[^\s-][^\n]{0,80}?--|[A-Z][A-Z0-9]{1,15}:[ \u00a0]")


def _visible_blanks(hidden: Sequence[int], first: int, blanks: int) -> int:
    """The blank lines a reader sees in the run of ``blanks`` lines from line ``first``: the
    longest stretch between hidden lines (a `<div>` between two blank lines parts two
    paragraphs as one blank line does)."""
    inside = hidden[bisect.bisect_left(hidden, first) : bisect.bisect_left(hidden, first + blanks)]
    if not inside:
        return blanks
    edges = [first - 1, *inside, first + blanks]
    return max(b - a - 1 for a, b in itertools.pairwise(edges))


def _spaced_alike(text: str, paras: Paragraphs, p: int, blanks: int) -> bool:
    """The paragraphs on either side of paragraph ``p`` are set as far apart as ``blanks``:
    a stretch of the text spaced more widely than the rest (a download gone double spaced
    halfway), where such a gap is its spacing, not a scene's end."""
    starts, ends = paras.starts, paras.ends
    if p < 2 or p + 1 >= len(starts):
        return False
    before = blank_lines_before(text, starts, ends, p - 1)
    after = blank_lines_before(text, starts, ends, p + 1)
    return before >= blanks and after >= blanks


def _cut(text: str, paras: Paragraphs, a: int) -> bool:
    """Paragraphs ``a`` and ``a + 1`` are pieces of one paragraph cut apart (an italic word a
    conversion set on a line of its own): the first stops short of a sentence's end or the
    second goes on with a space or a small letter."""
    first = text[paras.starts[a] : paras.ends[a]].rstrip()
    second = text[paras.starts[a + 1] : paras.ends[a + 1]]
    return not first.endswith(_SENTENCE_ENDS) or second[:1].isspace() or second[:1].islower()


# Pieces of one cut paragraph are looked for this far on either side of a gap.
CUT_PIECES = 6


def _edge_of_a_cut(text: str, paras: Paragraphs, p: int, blanks: int) -> bool:
    """The gap before paragraph ``p`` is one line wider than usual at the edge of a paragraph
    cut into pieces: in a file whose paragraphs stand two or more blank lines apart, a cut
    paragraph's pieces stand a line nearer and the cut leaves that line at its edges, before
    its first piece and after its last."""
    common = paras.common_gap
    if common < 2 or blanks != common + 1:
        return False
    starts, ends = paras.starts, paras.ends

    def near(a: int) -> bool:  # paragraphs a and a + 1 stand nearer than usual
        return (
            a >= 0
            and a + 1 < len(starts)
            and blank_lines_before(text, starts, ends, a + 1) < common
        )

    after = itertools.takewhile(near, range(p, p + CUT_PIECES))
    before = itertools.takewhile(near, range(p - 2, p - 2 - CUT_PIECES, -1))
    return any(_cut(text, paras, a) for a in (*after, *before))


def gap_scene_starts(
    text: str,
    paras: Paragraphs,
    book: Book,
    wider: list[tuple[int, int]],
    hidden: Sequence[int] = (),
    pictures: Container[int] = (),
) -> list[int]:
    """Paragraph indexes that open a scene because of the blank lines before them (``wider``:
    the text's gaps wider than its paragraphs', see `wider_gaps`). The 1-based lines
    ``hidden`` were markup with nothing to show (a Markdown file's `<div>` or `<!--more-->`):
    blank in the text, but no space a reader sees. The paragraphs ``pictures`` open a picture
    or follow one: the blank lines before them are its space."""
    common = paras.common_gap
    starts = paras.starts
    n = len(starts)
    gap_at: dict[int, int] = {}
    for offset, blanks in wider:
        i = bisect.bisect_left(starts, offset)
        if i < n and starts[i] == offset:
            if hidden:
                blanks = _visible_blanks(hidden, (book.line_of(i) or 0) - blanks, blanks)
                if blanks <= common:
                    continue
            gap_at[i] = blanks
    # (a chapter set line by line in a book that spaces its paragraphs: its blank lines too)
    for p, blanks in single_spaced_gaps(text, paras, book).items():
        gap_at.setdefault(p, blanks)
    if not gap_at:
        return []
    headings = [c.heading for c in book.chapters if c.heading is not None]
    section = _section_gap(gap_at, headings, common)
    wrapped = paras.style in ("wrapped", "indented")
    argued = _argued_chapters(book, gap_at, len(headings)) | _epigraph_gaps(book, gap_at)
    # A wider gap under a chapter heading (or its title) only sets the heading off.
    inside = {
        p: blanks
        for p, blanks in gap_at.items()
        if book.kinds[p] in (TEXT, BREAK)
        and book.chapter_at(p) is not None
        and not _under_heading(book, p, titles=wrapped)
        and p not in argued
        and book.kinds[p - 1] != NOTE  # (after the chapter's opening notes: not a scene)
    }
    inside = without_spaced_chapters(book, inside)
    # (a picture between paragraphs is set off by blank lines of its own)
    inside = {p: blanks for p, blanks in inside.items() if p not in pictures}
    text_paragraphs = book.kinds.count(TEXT)
    noise = max(NOISE_FLOOR, text_paragraphs * NOISE_RATIO)
    spacing = _spacing_width(book, inside, noise)
    if spacing > common:
        # (weighed before the runs spaced alike are set aside: those are most of its gaps)
        common = spacing
        inside = {p: b for p, b in inside.items() if b > spacing}
    inside = {p: b for p, b in inside.items() if not _spaced_alike(text, paras, p, b)}
    inside = {p: b for p, b in inside.items() if not _edge_of_a_cut(text, paras, p, b)}
    # The blank lines on either side of a chat log set it off inside its scene; and the same
    # line on both sides of a gap (a log's `Missed call` twice) is one log going on.
    inside = {
        p: b for p, b in inside.items() if not _beside_chat_log(book, p) and not _repeated(book, p)
    }
    if not inside:
        return []
    # Ornament or spacer breaks inside chapters: the book marks its scenes with those, so a
    # gap shaped like a lost paragraph is one.
    marked = any(book.kinds.find(BREAK, c.start, c.end) >= 0 for c in book.chapters)
    # A book that marks its scenes with ornaments again and again does not also mark them with
    # bare gaps: those set off letters, documents and verse.
    ornaments = _ornament_breaks(book)
    # (in a printed book's layout, every break line; elsewhere only those drawn: a line of
    # no-break spaces there is one more blank line, and a run of them a gap like the others)
    drawn = ornaments if wrapped else _ornament_breaks(book, drawn=True)
    habit = drawn >= ORNAMENT_HABIT
    if ornaments >= SPACED_ORNAMENTS:
        # The spacer lines of a book marking its scenes with ornaments are extra space (see
        # text/spacers.py), and so are the blank lines around them.
        inside = {p: b for p, b in inside.items() if not _after_spacer(book, p)}
    while inside:
        # (the gaps around a block of short lines, a book's cover shown in the story, say
        # nothing of how the book parts its scenes)
        framing = _framing_an_inset(book, inside)
        widths = {b for p, b in inside.items() if p not in framing} or set(inside.values())
        is_break = break_rule(widths, common, section, marked=marked)
        found = sorted(p for p, blanks in inside.items() if is_break(blanks))
        weighed = len(found)
        if habit and weighed < GAPS_OVER_ORNAMENTS * ornaments:
            # (where the book parts its scenes by gaps far more often than by ornaments, the
            # gaps are its habit too: No Name's hundred gaps beside five rows of stars)
            # (the gap before a lone heading parts a download's preface from its story: no
            # habit of the book's to set off its chapters by)
            headed = section > common and len(headings) > 1
            found = [p for p in found if headed and inside[p] == section]
        if wrapped or not marked:
            found = without_insets(book, found, wrapped=wrapped, indented=paras.style == "indented")
        if not marked and len(found) == 1 and weighed > LONE_AMONG:
            # One gap left in a whole book whose other gaps of its width all set off insets:
            # a habit of marking scenes so would show more than once.
            return []
        if wrapped and common == 0 and len(found) == weighed == 1 and len(headings) > LONE_AMONG:
            # (nor does a book of several chapters that sets nothing between its paragraphs
            # part its scenes by one blank line once: a stray line end of the text's)
            return []
        if len(found) <= noise:
            if wrapped and _mid_conversation(book, found):
                return []
            return found if wrapped or not marked else _without_set_off_lines(book, found)
        # So common a width is how the file groups its paragraphs: weigh the wider ones
        # against it, as against the usual gap (one blank line between groups of lines,
        # three before a new scene).
        common = min(inside.values())
        section = max(section, common)
        inside = {p: blanks for p, blanks in inside.items() if blanks > common}
    return []


# A wider gap is the file's spacing when it stands in at least this share of its chapters.
SPACING_CHAPTERS = 0.5


def _spacing_width(book: Book, inside: dict[int, int], noise: float) -> int:
    """The widest gap the file sets between ordinary paragraphs all through it: more often
    than a book breaks its scenes, and in most of its chapters (not one stretch of a download
    gone double spaced). 0 if none is."""
    counts = Counter(inside.values())
    chapters = [c for c in book.chapters if c.end > c.start]
    widest = 0
    for width in sorted(counts):
        if counts[width] <= noise:
            continue
        holding = {book.chapter_at(p) for p, b in inside.items() if b == width}
        if len(holding) >= SPACING_CHAPTERS * len(chapters):
            widest = width
    return widest


def gaps_beside_sections(gaps: list[int], numbered: list[int], book: Book) -> list[int]:
    """The gap breaks of a book that numbers its sections (``numbered``: `1`, `2` under each
    chapter's heading) again and again: none, unless they far outnumber the sections. Such a
    book counts every one of its scenes, as another draws an ornament between them: its wider
    gaps set off letters, headlines and verse. (Titled sections count nothing: a gap among
    them may still part two scenes.) Where one chapter alone numbers its sections (a story of
    a collection, the others parted by gaps), only the gaps in that chapter go."""
    if len(numbered) < ORNAMENT_HABIT or len(gaps) >= GAPS_OVER_ORNAMENTS * len(numbered):
        return gaps
    counting = {book.chapter_at(i) for i in numbered}
    if len(counting) > 1 or len(book.chapters) < 2:
        return []
    return [p for p in gaps if book.chapter_at(p) not in counting]


def wider_than_set_off(
    gaps: list[int], set_off: list[int], kinds: bytearray, blank_before: Callable[[int], int]
) -> list[int]:
    """The ``gaps`` (paragraphs opening a scene by the blank lines before them) wider than
    every gap the book leaves between its story and the lines ``set_off`` (narrators' names
    over their sections, the spacer lines between its messages): those blank lines are how it
    sets such lines off, a gap beside one is that space, and so is a gap no wider elsewhere.
    ``blank_before(i)`` is how many blank lines come before paragraph ``i``."""
    lines = set(set_off)
    # (a gap before paragraph k is beside a line set off when k is the line or follows it)
    beside = {k for i in lines for k in (i, i + 1) if 0 < k < len(kinds)}

    def across(k: int) -> int:  # the paragraph across the gap before k from the line set off
        return k - 1 if k in lines else k

    # (the gap between such a line and a heading or notes is theirs, and often wider)
    widest = max((blank_before(k) for k in beside if kinds[across(k)] == TEXT), default=0)
    return [p for p in gaps if p not in beside and blank_before(p) > widest]


# Gaps between two lines of one conversation: at least this many, and this share of the gaps.
CONVERSATION_GAPS = 3
CONVERSATION_SHARE = 0.15
_SPEECH_OPENS = ("'", '"', "“", "‘", "`", "«", "„")


def _mid_conversation(book: Book, found: list[int]) -> bool:
    """A printed book's wider gaps fall again and again between two lines of dialogue
    (`'Who are you, you rascal?' said the captain` after the line it answers): its sections
    do not end in the middle of a conversation, so the gaps were left by something else
    (pictures taken out, page ends), not the book's scene breaks. (Fan fiction, set a
    paragraph a line, often cuts from one conversation to another at a bare gap.)"""
    talk = sum(
        1
        for p in found
        if book.paragraph(p).lstrip().startswith(_SPEECH_OPENS)
        and book.paragraph(p - 1).lstrip().startswith(_SPEECH_OPENS)
    )
    return talk >= max(CONVERSATION_GAPS, CONVERSATION_SHARE * len(found))


def _beside_chat_log(book: Book, p: int) -> bool:
    """The gap before paragraph ``p`` opens or closes a chat log quoted in the story."""
    return any(CHAT_LOG_LINE.match(book.paragraph(k).lstrip()) for k in (p - 1, p) if k >= 0)


# A line a log writes again and again (`Missed call`) is at most this long.
LOGGED_LINE_CHARS = 60


def _repeated(book: Book, p: int) -> bool:
    """Paragraph ``p`` is a short line saying again what the line before the gap said."""
    line = book.paragraph(p).strip()
    return p > 0 and len(line) <= LOGGED_LINE_CHARS and line == book.paragraph(p - 1).strip()


def _without_set_off_lines(book: Book, found: list[int]) -> list[int]:
    """One short line with the same wide gap before and after it (a song's line, a sound, in
    a book that draws its scene breaks) is set off for effect: neither gap is a break."""
    kept = set(found)
    for p in found:
        if p + 1 in kept and len(book.paragraph(p)) <= SET_OFF_CHARS:
            kept -= {p, p + 1}
    return sorted(kept)


def _framing_an_inset(book: Book, inside: dict[int, int]) -> set[int]:
    """The gaps before and after a block of a few short lines with no sentence in them
    (`Spirits` / `The Truth Behind the Tales` / `Written by Fairies Tail`)."""
    out = set()
    places = sorted(inside)
    for p, q in itertools.pairwise(places):
        if q - p <= INSET_LINES and _short_lines(book, p, q):
            out |= {p, q}
    # And a chapter's title lines under its heading, `-Stranger Danger-`.
    for chapter in book.chapters:
        body = chapter.start + 1 if chapter.heading is not None else chapter.start
        first = bisect.bisect_left(places, body)
        if first < len(places) and places[first] < chapter.end:
            p = places[first]
            if p - body <= INSET_LINES and _short_lines(book, body, p):
                out.add(p)
    return out


def _short_lines(book: Book, start: int, stop: int) -> bool:
    """Paragraphs ``[start, stop)`` are a few short lines, none ending a sentence."""
    lines = [book.paragraph(k).strip() for k in range(start, stop)]
    return bool(lines) and all(
        0 < len(line) <= INSET_LINE_CHARS and not line.endswith(_SENTENCE_ENDS) for line in lines
    )


def _after_spacer(book: Book, p: int) -> bool:
    """The paragraph before ``p`` is a spacer line taken as space, not as a break."""
    return p > 0 and book.kinds[p - 1] == LABEL and is_spacer_line(book.raw(p - 1))


def _ornament_breaks(book: Book, *, drawn: bool = False) -> int:
    """Ornament breaks inside chapters, a run of ornament lines (three rows of stars) once;
    not those that only close a chapter or open one (nor spacer lines, with ``drawn``)."""
    kinds = book.kinds
    count = 0
    for chapter in book.chapters:
        i = kinds.find(BREAK, chapter.start, chapter.end)
        while i >= 0:
            inside = (
                kinds.find(TEXT, i + 1, chapter.end) >= 0
                and kinds.find(TEXT, chapter.start, i) >= 0
            )
            if kinds[i - 1] != BREAK and inside and not (drawn and is_spacer_line(book.raw(i))):
                count += 1
            i = kinds.find(BREAK, i + 1, chapter.end)
    return count


def _section_gap(gap_at: dict[int, int], headings: list[int], common: int) -> int:
    """The blank lines usually found before a chapter heading."""
    if not headings:
        return common
    sizes = Counter(gap_at.get(h, common) for h in headings)
    return sizes.most_common(1)[0][0]


def break_rule(sizes: set[int], common: int, section: int, *, marked: bool = False):
    """Which gap widths (in blank lines) mark a scene break.

    - The section gap, when wider than the common gap, is a break.
    - Otherwise the narrowest wider gap is the break width.
    - A width that is exactly the common gap plus whole lost paragraphs (3 blank lines where 1
      is usual) is a lost paragraph when a narrower, different-shaped break width exists.
    - When nothing else marks scenes (no other gap width inside chapters and no ornament or
      spacer lines, ``marked`` False) the narrowest gap found is the break width, even a wider
      one or one shaped like a lost paragraph: a book with breaks of 3 blank lines and 4
      before its headings has no other way to show its scenes.
    """

    def lost_shape(width: int) -> bool:
        return common >= 1 and (width - common) % (common + 1) == 0

    plain = [w for w in sizes if not lost_shape(w)]
    if section > common:
        narrowest = min([section, *plain])
        if not marked and not plain and min(sizes) < section:
            narrowest = min(sizes)
    else:
        narrowest = min(plain) if plain else min(sizes)

    def is_break(width: int) -> bool:
        if width < narrowest:
            return False
        if width == narrowest or (section > common and width == section):
            return True
        return not (lost_shape(width) and not lost_shape(narrowest))

    return is_break


# Chapters opening on an argument set off by a wider gap: at least this many, and this share of
# the chapters with headings.
ARGUED_LEAST = 5
ARGUED_SHARE = 0.5


def _argued_chapters(book: Book, gap_at: dict[int, int], headed: int) -> set[int]:
    """The gaps after the first paragraph under a chapter heading, where most chapters have
    one: the book sets each chapter's argument (`Containing a fuller account of Mrs Waters…`)
    off from its story, however long the argument is."""
    after = {p for p in gap_at if p >= 2 and book.kinds[p - 2] == HEADING}
    if len(after) < max(ARGUED_LEAST, ARGUED_SHARE * headed):
        return set()
    return after


# Chapters opening on a quotation set off by a wider gap: at least this many.
EPIGRAPHS_LEAST = 3
EPIGRAPH_PARAGRAPHS = 3  # an epigraph's lines (a dialogue quoted line by line) at the most


def _epigraph_gaps(book: Book, gap_at: dict[int, int]) -> set[int]:
    """The gaps after a quotation standing first under a chapter heading, with prose (no
    speech) after the gap, where several chapters open so: the book's habit of setting an
    epigraph over a chapter, however long the quotation is, not a scene's end."""

    def epigraph_over(p: int) -> bool:
        for heading in range(p - 2, max(-1, p - 2 - EPIGRAPH_PARAGRAPHS), -1):
            if book.kinds[heading] == HEADING:
                quoted = book.paragraph(heading + 1).lstrip().startswith(_SPEECH_OPENS)
                return quoted and all(book.kinds[k] == TEXT for k in range(heading + 1, p))
        return False

    after = {
        p
        for p in gap_at
        if not book.paragraph(p).lstrip().startswith(_SPEECH_OPENS) and epigraph_over(p)
    }
    return after if len(after) >= EPIGRAPHS_LEAST else set()


# A short first paragraph under a heading is the chapter's title (`Loomings.`).
TITLE_CHARS = 250
TITLE_PARAGRAPHS = 2


def _under_heading(book: Book, p: int, *, titles: bool) -> bool:
    """Paragraph ``p`` follows a chapter heading, or the short title paragraphs under one
    (`Sunset.` / `THE CABIN; BY THE STERN WINDOWS; AHAB SITTING ALONE`) in a hard-wrapped
    book (``titles``; with a paragraph per line those are short paragraphs of story)."""
    for k in range(p - 1, max(-1, p - 2 - (TITLE_PARAGRAPHS if titles else 0)), -1):
        if book.kinds[k] == HEADING:
            return True
        title = book.paragraph(k)
        if len(title) > TITLE_CHARS or not capitalised(title):
            return False
    return False
