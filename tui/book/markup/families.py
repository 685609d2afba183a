"""Chapters from heading tags: the family of numbered headings that runs through a book."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from tui.book.markup.para import Para, bare_number, set_apart
from tui.book.markup.play_scenes import divisions_under_parts
from tui.book.markup.story_sections import sections_of_stories
from tui.book.model import ParaKind
from tui.book.rules.clean_headings import clean_heading
from tui.book.rules.headings import Heading, HeadingKind, is_closing_title, match_heading
from tui.book.rules.misread_numbers import mended_numbers
from tui.book.rules.numerals import parse_number

ROMAN_TITLED = re.compile(r"(?P<num>[IVXLC]{1,7})[.:]\s+(?P<title>\S.{0,100})")
MIN_SEQUENCE = 2  # numbered headings following one another that make a family
STORY_PARTS = ("prologue", "epilogue", "interlude")  # heading kinds that are chapters anywhere
SUBTITLE_REACH = 3  # paragraphs from a bare `CHAPTER I.` to the title heading under it
PART_TITLE_CHARS = 60  # a line under a part's heading (`1715.`, `THAMES DARRELL.`), at most
MATTER_NOTE_LINES = 2  # paragraphs between a rule and the end matter's first heading, at most


@dataclass(slots=True)
class Family:
    """Chapters found from one heading level: where each starts and its title, and where the
    book's end matter begins (`THE END.`, `FOOTNOTES`, a publisher's list), or None."""

    chapters: list[tuple[int, str]]
    end: int | None


def numbered_family(paras: Sequence[Para], outside: Callable[[int], bool]) -> Family | None:
    """The heading level whose headings are numbered in sequence (`CHAPTER I.`, `CHAPTER II.`
    ...), when there is one. Its numbered headings of the usual kind are the chapters; a
    heading of another kind at that level (a play's `ACT II.` inside a chapter) is not; an
    unnumbered one before the first chapter is front matter, and after the last one (unless it
    is an `Epilogue`) starts the end matter. ``outside(i)`` is False for paragraphs already
    known to be front or end matter."""
    by_level: dict[int, list[tuple[int, Heading | None]]] = {}
    for i, para in enumerate(paras):
        if para.hint != ParaKind.HEADING or para.block is None or not outside(i):
            continue
        text = para.text.replace("\n", " ")
        found = match_heading(text) or _roman_titled(text)
        by_level.setdefault(para.block.level, []).append((i, found))
    for level, heads in by_level.items():
        mended = mended_numbers(
            [h for _, h in heads], [paras[i].text.replace("\n", " ") for i, _ in heads]
        )
        by_level[level] = [(i, h) for (i, _), h in zip(heads, mended, strict=True)]
    _with_numbers_in_text(paras, by_level, outside)
    best: tuple[int, int, HeadingKind] | None = None  # (sequence, level, kind)
    for level, heads in by_level.items():
        kinds = Counter(h.kind for _, h in heads if h is not None and h.number is not None)
        if not kinds:
            continue
        kind = kinds.most_common(1)[0][0]
        run = _steps([h.number for _, h in heads if h is not None and h.kind == kind])
        if run >= MIN_SEQUENCE and (best is None or run > best[0]):
            best = (run, level, kind)
    if best is None:
        return None
    _, level, kind = best
    if kind == "number":
        levels = {lv: [i for i, _ in heads] for lv, heads in by_level.items()}
        if sections_of_stories(paras, levels, level):
            return None  # (the stories titled above them are the chapters)
    heads = by_level[level]
    numbered = _in_sequence(heads, kind)
    if kind == "part":
        scenes = divisions_under_parts(paras, heads, numbered)
        if scenes:
            return Family(_scenes_of_acts(paras, heads, numbered, scenes), None)
    first, last = numbered[0], numbered[-1]
    chapters: list[tuple[int, str]] = []
    end = None
    subtitles: set[int] = set()  # headings that are the title under a bare label
    part: int | None = None  # a part's heading standing over the next chapter
    for k, (i, found) in enumerate(heads):
        if i in subtitles:
            continue
        if k in numbered:
            title, sub = _titled(paras, i)
            chapters.append((i if part is None else part, title))
            part = None
            if sub is not None:
                subtitles.add(sub)
            continue
        if k < first:
            if found is not None and found.strong and found.kind == "prologue":
                chapters.append((i, heading_title(paras, i)))
            continue
        story_part = found is not None and found.strong and found.kind in STORY_PARTS
        if k > last:
            if story_part or is_closing_title(paras[i].text):
                chapters.append((i, heading_title(paras, i)))
                continue
            end = i
            break
        if story_part:
            # Between numbered chapters only an `Interlude` is a chapter: another heading at
            # their level is set in the text (a newspaper's headline, a play's act).
            chapters.append((i, heading_title(paras, i)))
        elif _over_next_chapter(paras, i, heads, numbered, k):
            # (with nothing but its title lines before the next chapter's heading, it heads
            # a part: `EPOCH THE SECOND.` / `1715.` / `CHAPTER I.`, not the story's text)
            part = i
    matter = _matter_above(paras, heads[last][0], level, end, outside)
    if matter is not None and all(i < matter for i, _ in chapters):
        end = matter  # (a heading over chapters after it would head a part of the story)
    return Family(_under_parts(paras, chapters, level, outside), end)


def _scenes_of_acts(
    paras: Sequence[Para],
    heads: list[tuple[int, Heading | None]],
    numbered: list[int],
    scenes: set[int],
) -> list[tuple[int, str]]:
    """A play's chapters: its scenes (``scenes``, indexes into ``heads``) and the prologues,
    epilogues and interludes between them, each act's heading (``numbered``) opening the
    first of them under it (the act is then the part they are read in)."""
    chapters: list[tuple[int, str]] = []
    act: int | None = None  # an act's heading over its first scene
    for k, (i, found) in enumerate(heads):
        if k in numbered:
            act = i
            continue
        story_part = found is not None and found.strong and found.kind in STORY_PARTS
        if k not in scenes and not story_part:
            continue
        chapters.append((i if act is None else act, heading_title(paras, i)))
        act = None
    return chapters


def _steps(numbers: Sequence[int | None]) -> int:
    """How many numbers follow the one before them by one (`I`, `II`, `III`: two)."""
    return sum(1 for a, b in pairwise(numbers) if a is not None and b == a + 1)


def _with_numbers_in_text(
    paras: Sequence[Para],
    by_level: dict[int, list[tuple[int, Heading | None]]],
    outside: Callable[[int], bool],
) -> None:
    """Where a heading level holds bare numbers (`I.` in an `<h3>` under each part), a
    paragraph that is nothing but a number (`<center>II.</center>`) goes on the count at that
    level: a chapter heading its book set as text. Only the level whose headings are bare
    numbers takes them, and only numbers that follow on (see `_in_sequence`)."""
    bare_levels = [
        level
        for level, heads in by_level.items()
        if any(h is not None and h.kind == "number" and not h.title for _, h in heads)
    ]
    if len(bare_levels) != 1:
        return
    # (where another level numbers the chapters, `CHAPTER I`, `CHAPTER II`, the bare numbers
    # under them number each chapter's sections: Main Street's `I`, `II`, `III`)
    for level, heads in by_level.items():
        chapters = [h.number for _, h in heads if h is not None and h.kind == "chapter"]
        if level != bare_levels[0] and _steps(chapters) >= MIN_SEQUENCE:
            return
    found: list[tuple[int, Heading | None]] = [
        (i, number)
        for i, para in enumerate(paras)
        if para.hint == ParaKind.TEXT and outside(i) and (number := bare_number(para)) is not None
    ]
    if len(found) >= MIN_SEQUENCE:
        level = bare_levels[0]
        by_level[level] = sorted(by_level[level] + found, key=lambda item: item[0])


def _under_parts(
    paras: Sequence[Para],
    chapters: list[tuple[int, str]],
    level: int,
    outside: Callable[[int], bool],
) -> list[tuple[int, str]]:
    """Chapters that open under a part's heading set a level above theirs (`BOOK II.` /
    `OLD AND YOUNG.` in `<h2>`s over `CHAPTER XIII.` in an `<h3>`) start at that heading, so
    the part's title opens the chapter it stands over and not a scene at the end of the one
    before. Only where the book does so twice or more: one higher heading over one chapter
    may be the book's own title."""
    floors = [0] + [i + 1 for i, _ in chapters]
    moved = {
        i: top
        for (i, _), floor in zip(chapters, floors, strict=False)
        if (top := _part_heading_above(paras, i, level, floor, outside)) is not None
    }
    if len(moved) < MIN_SEQUENCE:
        return chapters
    return [(moved.get(i, i), title) for i, title in chapters]


def _part_heading_above(
    paras: Sequence[Para], i: int, level: int, floor: int, outside: Callable[[int], bool]
) -> int | None:
    """The highest-placed heading of a level above ``level`` that stands over the chapter
    heading at ``i`` with only headings, rules, pictures, short title lines and notes set in
    italics between, not reaching back past ``floor``; None when there is none."""
    top = None
    j = i - 1
    while j >= floor and outside(j):
        para = paras[j]
        block = para.block
        if para.hint == ParaKind.HEADING and block is not None and block.level < level:
            top = j
        elif para.hint in (ParaKind.BREAK, ParaKind.HEADING) and top is not None:
            # (a rule over the part's heading: what is above it is another page's; so is a
            # lower heading, a title page's `BY`)
            break
        elif para.hint != ParaKind.HEADING and not _part_line(para):
            # (the part's own lower headings under it stay with it: a play's original title)
            break
        j -= 1
    return top


def _matter_above(
    paras: Sequence[Para], last: int, level: int, end: int | None, outside: Callable[[int], bool]
) -> int | None:
    """Where the end matter starts when, after the text of the last numbered chapter (headed at
    ``last``), a heading set above the chapters' level heads no chapter of its own (a music
    appendix's song titles after a play's last act): at that heading, or at the rule a few
    lines over it. None when no such heading comes before ``end``."""
    stop = len(paras) if end is None else end
    text = False
    for j in range(last + 1, stop):
        para = paras[j]
        block = para.block
        if para.hint == ParaKind.TEXT:
            text = True
            continue
        if para.hint != ParaKind.HEADING or block is None or block.level >= level:
            continue
        heading = para.text.replace("\n", " ")
        found = match_heading(heading)
        if not text or not outside(j) or is_closing_title(heading):
            return None
        if found is not None and found.strong and found.kind in STORY_PARTS:
            return None
        # (a note over the matter's first heading, after a rule, is the matter's)
        for k in range(j - 1, max(last, j - 1 - MATTER_NOTE_LINES), -1):
            if paras[k].hint == ParaKind.BREAK:
                return k
        return j
    return None


def _part_line(para: Para) -> bool:
    """A line a part's page may hold under its heading: a rule, a picture, a short title line,
    or a note set apart in italics (a play's setting under its list of persons)."""
    return (
        para.hint == ParaKind.BREAK
        or para.image
        or len(para.text) <= PART_TITLE_CHARS
        or set_apart(para)
    )


def _over_next_chapter(
    paras: Sequence[Para],
    i: int,
    heads: list[tuple[int, Heading | None]],
    numbered: list[int],
    k: int,
) -> bool:
    """Whether only headings, rules, pictures and short title lines stand between heading
    ``heads[k]`` and the next numbered chapter's heading."""
    following = next((heads[n][0] for n in numbered if n > k), None)
    if following is None:
        return False
    return all(
        para.hint != ParaKind.TEXT or para.image or len(para.text) <= PART_TITLE_CHARS
        for para in paras[i + 1 : following]
    )


def _in_sequence(heads: list[tuple[int, Heading | None]], kind: HeadingKind) -> list[int]:
    """Indexes of the headings of ``kind`` whose number follows or precedes a neighbour's
    (`MCMIX` on a title page is not chapter 1909 of a book numbered I, II, III)."""
    found = [(k, h.number) for k, (_, h) in enumerate(heads) if h is not None and h.kind == kind]
    keep = []
    for n, (k, number) in enumerate(found):
        before = found[n - 1][1] if n else None
        after = found[n + 1][1] if n + 1 < len(found) else None
        if number is not None and (
            number == 1
            or (before is not None and number == before + 1)
            or (after is not None and after == number + 1)
        ):
            keep.append(k)
    return keep


def _roman_titled(text: str) -> Heading | None:
    """`I. THE FERRY`, `XII: Home`: a Roman numeral and a title, as Gutenberg's HTML often
    sets chapter headings (weak: a family only when numbered in sequence)."""
    found = ROMAN_TITLED.fullmatch(text.strip())
    if found is None:
        return None
    number = parse_number(found["num"])
    if number is None:
        return None
    return Heading("numbered", number, found["num"], found["title"].strip(), False)


def heading_title(paras: Sequence[Para], i: int) -> str:
    """The heading's text, with the title set under a bare label (`CHAPTER I.` then
    `HER TWELFTH BIRTHDAY`) joined to it as a reader writes it."""
    return _titled(paras, i)[0]


# The story's first sentence set as a heading by mistake: a word in capitals, as a chapter's
# first word is set, then words in small letters, to a full stop (`SHE was marching home.`).
_OPENING_WORD = re.compile(r"[A-Z][A-Z'’]+")
OPENING_SENTENCE_WORDS = 4


def _opening_sentence(text: str) -> bool:
    words = text.split()
    return (
        len(words) >= OPENING_SENTENCE_WORDS
        and _OPENING_WORD.fullmatch(words[0]) is not None
        and any(w.islower() for w in words[1:])
        and text.endswith((".", "!", "?"))
    )


def _titled(paras: Sequence[Para], i: int) -> tuple[str, int | None]:
    """:func:`heading_title`, and the paragraph of the subtitle it took (or None)."""
    text = clean_heading(paras[i].text.replace("\n", " "))
    found = match_heading(text)
    block = paras[i].block
    if found is None or found.title or block is None:
        return text, None
    level = block.level
    for j in range(i + 1, min(i + 1 + SUBTITLE_REACH, len(paras))):
        para = paras[j]
        if para.hint == ParaKind.BREAK:
            continue
        if para.hint == ParaKind.HEADING and para.block is not None and para.block.level >= level:
            sub = clean_heading(para.text.replace("\n", " "))
            if sub and match_heading(sub) is None and not _opening_sentence(sub):
                return f"{text.rstrip(' .:')}: {sub}", j
        break
    return text, None
