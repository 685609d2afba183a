"""Set-off material (verse, letters, footnotes, captions, quoted documents) between wider gaps."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from difflib import SequenceMatcher
from itertools import pairwise

from tui.book.model import Book
from tui.book.rules.breaks import is_setoff_line
from tui.book.rules.patterns import compiled_on_first_use
from tui.book.text.quoted_letters import closes_letter, one_quotation, opens_letter
from tui.book.text.stanza_numbers import closes_numbered_stanza

# In a hard-wrapped text a paragraph whose every line is at most this long is set off from the
# prose: a line of verse, a dateline, a signature, a letter's heading.
SET_OFF_LINE_CHARS = 55
# Wider gaps fewer than this many paragraphs apart enclose an inset (a letter, a song), not a
# scene.
INSET_PARAGRAPHS = 3
# A gap this few paragraphs after one that opens a footnote or verse closes it; a gap this few
# paragraphs after a line that introduces something (`...read as follows:`) ends what it
# introduced.
INSET_SPAN = 6
INTRODUCED_SPAN = 4
# A paragraph ending like this introduces what follows (a letter, a song, a quotation).
INTRODUCING = (":", "—", ":-", "--")
_ANNOUNCING = (":", ":—", ":-", ":--")
# A caption or pull quote repeats text found this many paragraphs either side of it, this
# much of it word for word.
NEARBY_PARAGRAPHS = 3
REPEATED_SHARE = 0.8
# A paragraph of at least this many lines, each starting with a capital, is verse.
VERSE_LINES = 3
# The last line of a verse may run this long (a refrain) after shorter set-off lines.
VERSE_LAST_LINE_CHARS = 80
_SPEECH_WITH_TAG = compiled_on_first_use(r"\s*[“\"][^”\"]+[”\"][ \t]+[a-z]")
_LIST_ITEM = compiled_on_first_use(r"\s*\d{1,3}[.)]\s+\S")
_HEADLINE = compiled_on_first_use(r"[\W_]*[A-Z][A-Z'’-]+[ ,]+[A-Z][A-Z'’-]*\b")
# A document's last words: its sender's name in capitals (`Terrible misfortune. OVERTON.`,
# `Yours faithfully, STANLEY HOPKINS.`), as a letter or a telegram quoted in a story is signed.
_SIGNED = compiled_on_first_use(
    r"(?:^|[\s,.;])[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}\.[”’\"']?\s*$"
)
# (`[FN#6]` is how many Project Gutenberg texts number their footnotes)
_FOOTNOTE = compiled_on_first_use(
    r"\s*(?:\*+|†|\[\d+\]|\[Footnote|\[FN ?#?\d+\])\s*[_“\"]?[A-Za-z]"
)


def without_insets(
    book: Book, found: list[int], *, wrapped: bool, indented: bool = False
) -> list[int]:
    """Wider gaps that set off an inset rather than start a scene (in a hard-wrapped book, or
    one with no ornament or spacer breaks): a gap after a line that introduces something
    (`...as follows:`, `...he sang,—`) or soon after one, a gap next to a set-off paragraph
    (verse, indented lines in a text whose paragraphs are not indented, a dateline, a
    signature, a caption or a pull quote repeating the text beside it), a gap soon after one
    that opens a footnote or verse, the gaps before and after a letter (opening on its
    salutation, or quoted whole over several paragraphs), and gaps that enclose only a
    paragraph or two, unless those tell the story between two gaps that stand alone.

    Where the gaps left so show the book's habit of parting its scenes by them, a scene may
    end on one short sentence set alone (`Then they carried him down to the carriage.`): the
    gap after it is one more of them, not the end of a line set off."""
    kept = _without_insets(book, found, wrapped=wrapped, indented=indented, last_lines=False)
    if wrapped and len(kept) >= LAST_LINE_HABIT:
        return _without_insets(book, found, wrapped=wrapped, indented=indented, last_lines=True)
    return kept


# A book that parts its scenes by bare gaps at least this many times (a short sentence set
# alone before a gap is then a scene's last line).
LAST_LINE_HABIT = 10


def _without_insets(
    book: Book, found: list[int], *, wrapped: bool, indented: bool, last_lines: bool
) -> list[int]:
    short = _set_off_chars(book) if wrapped else SET_OFF_LINE_CHARS

    @functools.cache
    def set_off(i: int) -> bool:
        return _set_off(
            book, i, wrapped=wrapped, indented=indented, short=short, last_lines=last_lines
        )

    def opens_inset(p: int) -> bool:
        # (a line of story set alone after the gap opens a scene, not an inset)
        return set_off(p) and not (wrapped and _line_of_story(book, p))

    def sets_off(k: int) -> bool:
        # (a footnote set right under the prose that cites it belongs to that paragraph)
        return set_off(k) and not (wrapped and _note_under_prose(book, k, set_off))

    gaps = set(found)
    opened = [p for p in found if p > 0 and opens_inset(p)]
    kept = [
        p
        for p in found
        if p > 0
        and not book.paragraph(p - 1).rstrip().endswith(INTRODUCING)
        and not sets_off(p - 1)
        and not opens_inset(p)
        and not (wrapped and _introduced_before(book, p))
        and not any(0 < p - o <= INSET_SPAN for o in opened)
        and not opens_letter(book, p)
        and not closes_letter(book, p, gaps)
        and not closes_numbered_stanza(book, p)
    ]
    alone = set(kept)
    all_gaps = sorted(found)
    close: set[int] = set()
    for a, b in pairwise(all_gaps):
        if one_quotation(book, a, b):
            close.update((a, b))
        elif b - a < INSET_PARAGRAPHS and (wrapped or not is_setoff_line(book.paragraph(a))):
            # (unless each gap stands on its own and what they enclose is story told: a short
            # scene, not one of a run of gaps set every paragraph or two, questions and answers)
            lone = a in alone and b in alone and _apart(book, a, b)
            if not (lone and _narration(book, a, b)):
                close.update((a, b))
    return [p for p in kept if p not in close]


def _apart(book: Book, a: int, b: int) -> bool:
    """The gaps before paragraphs ``a`` and ``b`` are the only ones that wide from two
    paragraphs before ``a`` to two after ``b``."""
    starts, ends = book.starts, book.ends

    def blanks(k: int) -> int:
        return book.text.count("\n", ends[k - 1], starts[k])

    width = min(blanks(a), blanks(b))
    around = range(max(1, a - INSET_PARAGRAPHS + 1), min(len(starts), b + INSET_PARAGRAPHS))
    return all(blanks(k) < width for k in around if k not in (a, b))


# A paragraph of narration at least this long between two gaps is a scene, however short.
NARRATION_CHARS = 400


def _narration(book: Book, start: int, stop: int) -> bool:
    """Paragraphs ``[start, stop)`` tell the story: one of them is a long paragraph that is
    not quoted, and they open with no letter's salutation (a letter or a song is set off by
    two gaps; a short scene of narration is not an inset)."""
    return not opens_letter(book, start) and any(
        len(book.paragraph(k)) >= NARRATION_CHARS and not _quoted(book.paragraph(k))
        for k in range(start, stop)
    )


def _quoted(text: str) -> bool:
    """The paragraph opens with a quotation mark: speech, or a document quoted."""
    return text.lstrip()[:1] in ("“", '"', "‘", "'")


def _note_under_prose(book: Book, k: int, set_off: Callable[[int], bool]) -> bool:
    """Paragraph ``k`` is a footnote set under the paragraph citing it with a narrower gap
    between than the one after it, that paragraph prose: the note ends the paragraph, and the
    wider gap after the note is the story's own (a note set off by a gap as wide above it
    stands apart, like verse)."""
    if not 0 < k < len(book.starts) - 1 or _FOOTNOTE().match(book.raw(k)) is None:
        return False
    above = book.text.count("\n", book.ends[k - 1], book.starts[k])
    below = book.text.count("\n", book.ends[k], book.starts[k + 1])
    return above < below and not set_off(k - 1)


# A line of story set alone (`Then out of the mist there came a voice.`) has this many words
# at least, few of them capitalised: a dateline or a signature is names and numbers.
STORY_LINE_WORDS = 6
STORY_LINE_CAPITALS = 0.25


def _line_of_story(book: Book, i: int) -> bool:
    """Paragraph ``i`` is one flush-left line of narration, a paragraph of its own (a blank
    line after it: not the first line of verse), that opens with a capital, ends a sentence and
    has its other words mostly in lower case: after a wider gap it opens a scene (`A few days
    later the bolt fell.`), as a dateline or a signature does not."""
    raw = book.raw(i)
    words = raw.split()
    if "\n" in raw.strip() or raw[:1] in (" ", "\t") or len(words) < STORY_LINE_WORDS:
        return False
    if not words[0][:1].isupper() or not raw.rstrip().endswith((".", "!", "?")):
        return False
    if i + 1 < len(book.starts) and "\n\n" not in book.text[book.ends[i] : book.starts[i + 1]]:
        return False
    capitals = sum(1 for w in words[1:] if not w[:1].islower())
    return capitals <= STORY_LINE_CAPITALS * (len(words) - 1)


# A book wrapped so narrow that its prose lines are no longer than a set-off line (at 55 to 60
# columns) sets off only lines shorter than this share of its width; measured on this many
# paragraphs from its first quarter on.
NARROW_SHARE = 0.8
WIDTH_SAMPLE = 2000


def _set_off_chars(book: Book) -> int:
    """The longest line a set-off paragraph of this book has: `SET_OFF_LINE_CHARS`, or less
    where the book's own wrapping is that narrow."""
    first = len(book.starts) // 4
    lengths = [
        len(line.rstrip())
        for i in range(first, min(len(book.starts), first + WIDTH_SAMPLE))
        for line in book.raw(i).split("\n")[:-1]
    ]
    if not lengths:
        return SET_OFF_LINE_CHARS
    width = sorted(lengths)[int(0.9 * (len(lengths) - 1))]
    return min(SET_OFF_LINE_CHARS, int(NARROW_SHARE * width))


def _set_off(
    book: Book,
    i: int,
    *,
    wrapped: bool,
    indented: bool,
    short: int = SET_OFF_LINE_CHARS,
    last_lines: bool = False,
) -> bool:
    raw = book.raw(i)
    if raw.lstrip().startswith("[Illustration"):
        return True
    if not wrapped:
        # A paragraph per line (most fan fiction): `Later that night` between gaps opens
        # its scene (see `fill_scenes`), and a short line may be dialogue.
        return False
    lines = raw.split("\n")
    if _repeats_nearby(book, i):
        return True  # a caption or a pull quote, even one shaped like speech
    # A hard-wrapped book's datelines head letters and diary entries; a short line of
    # speech with its tag (`“Must get a bit stale,” he said.`) is story.
    if _short_lines(lines, short):
        return (
            _SPEECH_WITH_TAG().match(raw) is None
            and not (last_lines and _last_sentence(book, i))
            and not (indented and _runs_into_prose(book, i))
        )
    if not indented and all(line[:1] in (" ", "\t") for line in lines):
        return True  # verse or a quotation indented from the prose
    if (
        len(lines) >= VERSE_LINES
        and all(capitalised(line) for line in lines)
        # (prose wrapped to the margin, in a language that capitalises its nouns; a block
        # all in capitals, a stage direction, is set off however it is wrapped)
        and (raw.isupper() or not all(len(line.rstrip()) > short for line in lines[:-1]))
    ):
        return True  # verse: every line starts with a capital
    if _FOOTNOTE().match(raw) or _LIST_ITEM().match(raw):
        return True  # `*The following are extracts...`, `12. Has a good practical...`
    # A verse set a line to a paragraph ends on a longer line (a refrain).
    return (
        len(lines) == 1
        and len(raw.strip()) <= VERSE_LAST_LINE_CHARS
        and i >= VERSE_LINES
        and all(_verse_line(book, k) for k in range(i - VERSE_LINES + 1, i))
        and _SPEECH_WITH_TAG().match(raw) is None
    )


# A scene's last line, set alone under its prose: a sentence of at least this many words ...
LAST_SENTENCE_WORDS = 5
# ... with a paragraph of wrapped prose among the few above it (talk between: `“No.”`).
PROSE_ABOVE = 3
_SENTENCE_END = compiled_on_first_use(r".*[.!?…][”“\"'’»«]?")
_QUOTES = '"“”„‘’«»'
_OPENING_QUOTES = '"“„‘«‚'


def _last_sentence(book: Book, i: int) -> bool:
    """Paragraph ``i`` is one whole short sentence soon under a paragraph of wrapped prose
    (`Then they carried him down to the carriage.`, `“I shall.”`): a scene's last line, not
    a line set off. Not the last line of verse or a quotation opened above it."""
    line = book.raw(i).strip()
    if i == 0 or "\n" in line or len(line.split()) < LAST_SENTENCE_WORDS:
        return False
    if _SENTENCE_END().fullmatch(line) is None:
        return False
    # (a quotation it closes opens on its own line: `How I wonder what you're at!’`)
    if line[-1] in _QUOTES and not any(q in line[:-1] for q in _OPENING_QUOTES):
        return False
    above = book.raw(i - 1).strip()
    # (nor does it go on from a quotation left open in the paragraph above: a document read)
    if above[:1] in _OPENING_QUOTES and not any(q in above[1:] for q in _QUOTES):
        return False
    # (nor a line the sentence above runs on into: `he once more` / `“Looked to hill.”`)
    if not above.rstrip(_QUOTES).endswith((".", "!", "?", "…", ":")):
        return False
    return any("\n" in book.raw(k).strip() for k in range(max(0, i - PROSE_ABOVE), i))


def _runs_into_prose(book: Book, i: int) -> bool:
    """In a book that marks its paragraphs by indentation alone, paragraph ``i`` stands right
    under or over a paragraph of several lines, with no blank line between: a short paragraph
    of the story (a line of speech opening a scene, a scene's last sentence), not a line set
    off, which gaps set apart on both sides, nor verse, whose lines are short alike."""
    starts, ends = book.starts, book.ends
    for a, b in ((i - 1, i), (i, i + 1)):
        if a < 0 or b >= len(starts) or book.text.count("\n", ends[a], starts[b]) != 1:
            continue
        if "\n" in book.raw(a if b == i else b).strip():
            return True
    return False


def _short_lines(lines: list[str], short: int = SET_OFF_LINE_CHARS) -> bool:
    return all(len(line.strip()) <= short for line in lines)


def _verse_line(book: Book, k: int) -> bool:
    """Paragraph ``k`` is one short line, not speech: a line of verse set as a paragraph."""
    raw = book.raw(k)
    return "\n" not in raw.strip() and _short_lines([raw]) and not _SPEECH_WITH_TAG().match(raw)


def _introduced_before(book: Book, p: int) -> bool:
    """A gap a few paragraphs after a line that announces a document (`I took the paper from
    him and read as follows:`) whose first words are a headline in capitals (`“TO THE
    RED-HEADED LEAGUE: On account of...`), or whose last are its sender's name in capitals
    (`...indispensable to-morrow. OVERTON.`): it ends the document quoted, not a scene.
    (Speech announced with `she whispered:` is story.)"""
    for k in range(p - 2, max(-1, p - 1 - INTRODUCED_SPAN), -1):
        if book.paragraph(k).rstrip().endswith(_ANNOUNCING):
            return (
                _HEADLINE().match(book.paragraph(k + 1)) is not None
                or _SIGNED().search(book.paragraph(p - 1)) is not None
            )
    return False


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _repeats_nearby(book: Book, i: int) -> bool:
    """A short paragraph whose words stand (nearly all, in order) in a paragraph near it: a
    caption of an illustration or a pull quote, not part of the story."""
    own = _letters(book.paragraph(i))
    if not 12 <= len(own) <= 300:
        return False
    single_line = "\n" not in book.raw(i).strip()
    lo, hi = max(0, i - NEARBY_PARAGRAPHS), min(len(book.starts), i + NEARBY_PARAGRAPHS + 1)
    for k in range(lo, hi):
        if k == i:
            continue
        other = _letters(book.paragraph(k))
        if own in other:
            return True
        if single_line and len(other) >= len(own):
            # (a caption is one line: weighing every paragraph so would be slow)
            match = SequenceMatcher(None, own, other, autojunk=False).find_longest_match()
            if match.size >= REPEATED_SHARE * len(own):
                return True
    return False


def capitalised(line: str) -> bool:
    text = line.lstrip(" \t\"“‘'(_")
    return text[:1].isupper()


# An ornament with at least this many short lines on either side divides a set piece.
SET_PIECE_LINES = 3


def set_piece_ornaments(book: Book, breaks: list[int]) -> list[int]:
    """Ornament lines (paragraph indexes of ``breaks``) that divide the parts of a set piece
    rather than scenes: a rule between two tablets' inscriptions, a row of stars between
    headlines, each side a run of short lines that are not speech."""
    n = len(book.starts)
    return [
        b
        for b in breaks
        if b >= SET_PIECE_LINES
        and b + SET_PIECE_LINES < n
        and all(_verse_line(book, k) for k in range(b - SET_PIECE_LINES, b))
        and all(_verse_line(book, k) for k in range(b + 1, b + 1 + SET_PIECE_LINES))
    ]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def inset_rules(book: Book, breaks: list[int]) -> list[int]:
    """Ornament lines (paragraph indexes of ``breaks``) inside a document the story quotes set
    in from the margin: the rule is set in as far as the lines on both sides of it (`     ----`
    between an advertisement's lines), or set in between paragraphs set in, every line (a
    newspaper's headlines centred, a proclamation's title over its text), where a scene's
    ornament stands between paragraphs at the margin, or centred far from them."""
    n = len(book.starts)
    found = []
    # (set in from the book's own margin: a text set three spaces in throughout quotes nothing)
    margin = _margin(book.text) if breaks else 0
    for b in breaks:
        if 0 < b < n - 1:
            depth = _indent(book.raw(b))
            if depth > margin and (
                _indent(book.raw(b - 1)) == depth == _indent(book.raw(b + 1))
                or (
                    _RULE.fullmatch(book.raw(b).strip()) is not None
                    and _set_in(book.raw(b - 1), margin)
                    and _set_in(book.raw(b + 1), margin)
                )
            ):
                found.append(b)
    return found


# The margin is read from this many characters in the middle of the book ...
MARGIN_SAMPLE_CHARS = 100_000
# ... as the indentation at least this share of its lines carries.
MARGIN_SHARE = 0.9
_LINE_INDENT = re.compile(r"^([ \t]*)\S", re.MULTILINE)


def _margin(text: str) -> int:
    """How far in the book sets all its lines (0 but for a text set in throughout)."""
    middle = max(0, len(text) // 2 - MARGIN_SAMPLE_CHARS // 2)
    depths = sorted(
        len(m.group(1)) for m in _LINE_INDENT.finditer(text, middle, middle + MARGIN_SAMPLE_CHARS)
    )
    return depths[int((1 - MARGIN_SHARE) * (len(depths) - 1))] if depths else 0


# A rule drawn with dashes or underscores (`----`), as a document's parts are divided; a row
# of dots set in a quotation marks words left out, or a break.
_RULE = re.compile(r"[-_—–]{3,}")


def _set_in(raw: str, margin: int = 0) -> bool:
    """Every line of a paragraph is set in from the margin."""
    return all(_indent(line) > margin for line in raw.split("\n") if line.strip())
