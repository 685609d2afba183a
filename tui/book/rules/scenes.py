"""Scenes: splitting chapters at breaks and gaps, and weighing the lines around them."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

from tui.book.model import Book, Chapter, ParaKind, Scene
from tui.book.rules.breaks import is_end_line, is_setoff_line, is_spacer_line
from tui.book.rules.emphasis import plain_title
from tui.book.rules.headings import names_a_chapter
from tui.book.rules.notes import looks_like_author_talk
from tui.book.rules.repeated_openings import repeated_openings
from tui.book.rules.scene_headers import entry_word, entry_words
from tui.book.rules.scene_labels import name_scenes, scene_opening, tell_scenes_apart
from tui.book.rules.sentence_ends import CJK_STOPS, CLOSING_QUOTES, STOPS

TEXT = int(ParaKind.TEXT)
BREAK = int(ParaKind.BREAK)
LABEL = int(ParaKind.LABEL)
HEADING = int(ParaKind.HEADING)
# A scene's title taken from the line that opens it is cut to this many characters.
LABEL_TITLE_CHARS = 120
_WORDY = re.compile(r"[^\W\d_]{2,}")
_NUMERAL_ONLY = re.compile(r"[\s.\-–—]*[IVXLCDM]+[\s.\-–—]*", re.IGNORECASE)

# A scene of at most this much is "short": a set-off line, a refrain, or an inset.
SHORT_PARAGRAPHS = 2
SHORT_CHARS = 400
# A single line at most this long may open the scene after it (`Six Hours Ago`).
OPENER_CHARS = 100
# A line after a glyph break opens the next scene when it reads like a label: this many words
# at most, not ending like a sentence.
LABEL_WORDS = 8
TITLE_LINE_CHARS = 40  # a title line under a chapter heading, at the longest
NOTE_RUN = 3  # paragraphs looked at for a note's label after a paragraph
# A line ending so is a sentence (a straight `'` closing a quotation too); not a trailing
# `…` nor a clause's mark: a label may trail off (`Later…`) or run into its scene (`POV:`).
_SENTENCE_ENDS = (*STOPS, *CLOSING_QUOTES, "'", *CJK_STOPS)
GUILLEMETS = "»«›‹ "  # (either way round: `«…»` in French, `»…«` in German)


def next_content(kinds: bytearray, start: int, end: int) -> int | None:
    """The first story paragraph (kind TEXT) in ``[start, end)``, or None."""
    i = kinds.find(TEXT, start, end)
    return None if i < 0 else i


def fill_scenes(
    book: Book,
    gap_starts: Sequence[int] = (),
    *,
    with_names: bool = True,
    passed: frozenset[str] | None = None,
) -> None:
    """Fill every chapter's ``scenes``: the chapter split at BREAK paragraphs and before the
    paragraphs listed in ``gap_starts`` (sorted; e.g. after a wider blank gap). ``passed``:
    the book's `repeated_openings`, if read already.

    A scene opens at its first story paragraph (headings, labels and chapter notes are skipped).
    Short runs between two breaks are weighed. A single short line opens the scene that follows
    it when it is a set-off line (`Six Hours Ago`), a refrain that recurs, or comes right after a
    glyph break (`* * *` / `Harry's POV` / `* * *`). One or two short paragraphs between two
    spacer breaks (or a spacer and the chapter's end) are an inset inside a continuing scene,
    not a scene of their own.
    """
    gaps = sorted(set(gap_starts))
    entries = entry_words(book)
    last = book.chapters[-1] if book.chapters else None
    per_chapter = [
        _scene_starts(
            book, _scenes_from(book, c), c.end, gaps, c.title, entries, followed=c is not last
        )
        for c in book.chapters
    ]
    passed = repeated_openings(book) if passed is None else passed
    for ci, (chapter, starts) in enumerate(zip(book.chapters, per_chapter, strict=True)):
        chapter.scenes = []
        heads = [_opening_line(book, chapter.start, start, gaps) for start in starts]
        for si, start in enumerate(starts):
            end = chapter.end
            if si + 1 < len(starts):
                # (the line that opens the next scene is its own, not the end of this one)
                after = heads[si + 1]
                end = after if after is not None else starts[si + 1]
            scene = Scene(ci, si, start, end, head=heads[si])
            scene.first_words = scene_opening(book, start, end, passed)
            if heads[si] is not None and book.kinds[start - 1] == LABEL:
                scene.title = plain_title(_label_title(book.raw(start - 1)))
            chapter.scenes.append(scene)
    if with_names:
        name_scenes(book)
    else:
        tell_scenes_apart(book)


def _scenes_from(book: Book, chapter: Chapter) -> int:
    """Where a chapter's scenes may begin: under its heading when a part's title stands above
    it (`PART II.` / `_The Country of the Saints._` / `CHAPTER I.`: the part's subtitle or
    epigraph opens no scene of the chapter)."""
    head = chapter.heading
    if head is not None and head > chapter.start and book.kinds[chapter.start] == HEADING:
        return head
    return chapter.start


def _opening_line(book: Book, chapter_start: int, start: int, gaps: Sequence[int]) -> int | None:
    """The label or heading line right before the scene at ``start`` that was itself found to
    open a scene (a part's title, `FIRST STORY`, `Harry's POV`, a part's number `II`), not a
    site's landmark such as AO3's `Chapter Text`; None when there is none."""
    at = start - 1
    if at <= chapter_start or book.kinds[at] not in (LABEL, HEADING):
        return None
    k = bisect.bisect_left(gaps, at)
    if k == len(gaps) or gaps[k] != at:
        return None
    return at


def _label_title(line: str) -> str:
    """The scene's title from the line that opens it; "" for a bare count (`I.`, `2`), which
    says nothing the scene's number does not."""
    text = " ".join(line.split())
    if not _WORDY.search(text) or _NUMERAL_ONLY.fullmatch(text):
        return ""
    return text[:LABEL_TITLE_CHARS]


def _scene_starts(
    book: Book,
    start: int,
    end: int,
    gaps: Sequence[int],
    title: str = "",
    entries: frozenset[str] = frozenset(),
    *,
    followed: bool = False,
) -> list[int]:
    """Where the scenes of the chapter ``[start, end)`` begin; ``followed``: another chapter
    comes after it."""
    kinds = book.kinds
    first = next_content(kinds, start, end)
    if first is None:
        return []
    markers: dict[int, set[str]] = {}
    pos = start
    while True:
        b = kinds.find(BREAK, pos, end)
        if b < 0:
            break
        nxt = next_content(kinds, b + 1, end)
        if nxt is not None and nxt > first:
            # (a column of them, `.` over `.` over `.`, is drawn as a divider: no spacing)
            column = kinds[b - 1] == BREAK or (b + 1 < end and kinds[b + 1] == BREAK)
            soft = (is_spacer_line(book.raw(b)) or not book.raw(b).strip()) and not column
            markers.setdefault(nxt, set()).add("soft" if soft else "hard")
        pos = b + 1
    for g in gaps[bisect.bisect_left(gaps, start) : bisect.bisect_left(gaps, end)]:
        nxt = next_content(kinds, g, end)
        if nxt is not None and nxt > first:
            markers.setdefault(nxt, set()).add("gap")
    if not markers:
        return [first]
    prose = _first_prose(book, first, end)
    # Before the first sentence there are only title lines (the work's title repeated under
    # the heading, `Chapter 6`): a label or a gap among them opens the chapter's first scene,
    # and so do rules when the lines are a title block (`A/N: …` / `~.~` / `ISOLATED` / `~.~`
    # / `Chapter 2: Punch.`).
    title_block = _only_title_lines(book, first, prose, title)
    starts = [
        first,
        *sorted(m for m in markers if m > prose or ("hard" in markers[m] and not title_block)),
    ]
    if len(starts) == 1:
        return starts
    kinds_of = {s: _marker_kind(markers[s]) for s in starts[1:]}
    return _weigh_short_runs(book, starts, kinds_of, end, entries, followed=followed)


_LETTER = re.compile(r"[^\W\d_]")
_NOTE_LABEL = re.compile(
    r"[\W_]*(?:a/?n\b|author'?s?\s+notes?\b|(?:summary|disclaimer|warnings?|dedication)\s*:)",
    re.IGNORECASE,
)


def _only_title_lines(book: Book, start: int, stop: int, chapter_title: str = "") -> bool:
    """``[start, stop)`` holds a title line (the work's title, `ISOLATED`, `Chapter 2:
    Punch.`) or a note the author labels (`A/N: Just the usual song recs!`, `Summary: …`,
    `Disclaimer: …`), and otherwise only short lines and the author's talk: the chapter's
    title block, not a scene."""
    kinds = book.kinds
    titled = False
    names = [n for n in (_letters(book.title), _letters(chapter_title)) if len(n) > 2]
    for i in range(start, stop):
        if kinds[i] == TEXT:
            text = book.paragraph(i).strip()
            if _NOTE_LABEL.match(text):
                titled = True  # (a note the author labels, `AN: Thank you…`, heads a chapter)
                continue
            if len(text) > TITLE_LINE_CHARS:
                # (with a title line among them, the author's talk is the chapter's notes)
                if not (
                    looks_like_author_talk(text)
                    or _notes_follow(book, i + 1, stop)
                    or _over_a_title_line(book, i + 1, stop)
                ):
                    return False
                continue
            letters = _letters(text)
            titled = titled or (
                (text.isupper() and len(letters) > 2)
                or any(letters.startswith(name) for name in names)  # `New Game Plus (NOT CANON)`
                or names_a_chapter(text.rstrip("."))
            )
    return titled


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _first_prose(book: Book, first: int, end: int) -> int:
    """The first story paragraph from ``first`` that is more than a title line or the
    author's word to readers (a disclaimer, a note)."""
    kinds = book.kinds
    i = first
    while i < end:
        if kinds[i] == TEXT:
            text = book.paragraph(i).strip()
            story = len(text) > TITLE_LINE_CHARS or "\n" in text or text.endswith(_SENTENCE_ENDS)
            # (`Chapter 2: Punch.` under the heading `2. Punch` is a title line, `.` a spacer)
            title = len(text) <= TITLE_LINE_CHARS and names_a_chapter(text.rstrip("."))
            talk = bool(_NOTE_LABEL.match(text)) or looks_like_author_talk(text)
            prose = story and not title and bool(_LETTER.search(text)) and not talk
            if prose and not (
                _notes_follow(book, i + 1, end) or _over_a_title_line(book, i + 1, end)
            ):
                return i
        i += 1
    return end


def _notes_follow(book: Book, start: int, end: int) -> bool:
    """A labelled note (`Disclaimer: …`) comes next, before any rule: the paragraph before it
    (`Mature content and themes.`) is among the chapter's notes."""
    kinds = book.kinds
    for i in range(start, min(start + NOTE_RUN, end)):
        if kinds[i] == BREAK:
            return False
        if kinds[i] == TEXT:
            return _NOTE_LABEL.match(book.paragraph(i).strip()) is not None
    return False


def _over_a_title_line(book: Book, start: int, end: int) -> bool:
    """A rule comes next and then a line naming a chapter (`Chapter 4: Digging In`): the
    paragraph before the rule is the author's note over the chapter's title."""
    kinds = book.kinds
    ruled = False
    for i in range(start, min(start + NOTE_RUN, end)):
        if kinds[i] == BREAK:
            ruled = True
        elif kinds[i] == TEXT:
            text = book.paragraph(i).strip()
            return ruled and len(text) <= TITLE_LINE_CHARS and names_a_chapter(text.rstrip("."))
    return False


def _marker_kind(found: set[str]) -> str:
    if "hard" in found or len(found) > 1:
        return "hard"
    return next(iter(found))


def _short_text(book: Book, start: int, stop: int) -> str | None:
    """The normalised text of a run of story paragraphs if it is short, else None."""
    count = book.kinds.count(TEXT, start, stop)
    if count == 0 or count > SHORT_PARAGRAPHS:
        return None
    if book.ends[stop - 1] - book.starts[start] > SHORT_CHARS + 16:
        return None
    parts = [book.paragraph(i) for i in range(start, stop) if book.kinds[i] == TEXT]
    text = " ".join(" ".join(parts).split())
    return text.casefold() if len(text) <= SHORT_CHARS else None


def _weigh_short_runs(
    book: Book,
    starts: list[int],
    marker: dict[int, str],
    end: int,
    entries: frozenset[str] = frozenset(),
    *,
    followed: bool = False,
) -> list[int]:
    bounds = [*starts, end]
    shorts = [_short_text(book, bounds[k], bounds[k + 1]) for k in range(len(starts))]
    seen = Counter(s for s in shorts if s)
    drop: set[int] = set()
    for k, text in enumerate(shorts):
        if text is None or starts[k] in drop:
            continue
        left = marker.get(starts[k]) if k else None
        right = marker.get(starts[k + 1]) if k + 1 < len(starts) else None
        one_line = (
            len(text) <= OPENER_CHARS and book.kinds.count(TEXT, starts[k], bounds[k + 1]) == 1
        )
        opener = one_line and (
            (left == "hard" and _label_like(text))
            or seen[text] > 1
            or _is_setoff(book, starts[k], bounds[k + 1])
        )
        if k and right is None and is_end_line(text):
            # `THE END` set off at the end of a chapter: its sign-off, not a scene.
            drop.add(starts[k])
        elif k and right is None and followed and one_line and left == "hard" and _label_like(text):
            # (a title alone under a rule, with the next chapter's heading right under it: the
            # title of the volume that chapter opens, `Book II`, not a scene of this one)
            drop.add(starts[k])
        elif opener:
            # It opens what follows: a line after a glyph break, a refrain, a set-off line.
            if right is not None:
                drop.add(starts[k + 1])
                shorts[k + 1] = None
        elif (
            left == "soft"
            and right in ("soft", None)
            and not (entries and entry_word(book.paragraph(starts[k])) in entries)
        ):
            # (a run headed like the book's entries, `Day Five`, is an entry however short)
            # An inset inside a continuing scene: neither side is a scene boundary.
            drop.add(starts[k])
            if right is not None:
                drop.add(starts[k + 1])
                shorts[k + 1] = None
    return [s for s in starts if s not in drop]


def _label_like(text: str) -> bool:
    """`Harry's POV`, `— Kaito —`, `The Docks`: a label over the scene after it, not a
    sentence of its own (`It was not.` between two breaks is a scene)."""
    # (a sentence quoted in guillemets, `«Cursed post!»`, ends on its stop inside them)
    ending = text.rstrip().rstrip(GUILLEMETS)
    return len(text.split()) <= LABEL_WORDS and not ending.endswith(_SENTENCE_ENDS)


def _is_setoff(book: Book, start: int, stop: int) -> bool:
    i = next_content(book.kinds, start, stop)
    return i is not None and is_setoff_line(book.paragraph(i))
