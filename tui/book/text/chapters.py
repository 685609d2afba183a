"""Chapters of a plain-text book: choosing which heading lines are its chapters."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from tui.book.rules.headings import Heading, is_closing_title
from tui.book.text.chapter_titles import titles_from_contents, with_subtitles
from tui.book.text.contents import (
    TOC_WITHIN_PARAGRAPHS,
    without_closing_list,
    without_contents_run,
)
from tui.book.text.download_titles import (
    fanficfare_headings,
    titles_led_alike,
    titles_over_bylines,
    titles_over_chapter_labels,
    with_chapter_bylines,
)
from tui.book.text.heading_choice import HeadingChoice
from tui.book.text.heading_groups import grouped_headings
from tui.book.text.lines import LineInfo
from tui.book.text.list_entries import TOC_WITHIN_SHARE, contents_entries
from tui.book.text.misspelt_headings import with_misspelt_headings
from tui.book.text.restart_parts import titles_over_restarts
from tui.book.text.sections import (
    counted_parts,
    novel_among_stories,
    numbers_under_titles,
    subparts,
)
from tui.book.text.weak_headings import opening_heading, weak_sequence
from tui.book.text.wrapped_titles import titles_wrapped_under

LEAD_IN_AMONG = 4  # chapter headings a book has before a lone lead-in is weighed against them
LEAD_IN_TEXT = 150  # the paragraph a lead-in runs into, at the shortest


def choose_headings(
    infos: dict[int, LineInfo], paragraph, n: int, listed: Sequence[tuple[int, Heading]] = ()
) -> tuple[list[HeadingChoice], list[int]]:
    """The chapter headings of a book, in order, and the section lines inside chapters
    (`Part 1`, `Part 2` starting over in each chapter: scene openers, not chapters).

    ``listed`` are lines that repeat an entry of the book's contents list (see
    `tui.book.text.contents`)."""
    infos = {i: info for i, info in infos.items() if not _paged_entry(info, paragraph(i))}
    fff = fanficfare_headings(infos, n, paragraph, [i for i, _ in listed])
    if fff is not None:
        return fff, []
    strong = [(i, info.data) for i, info in infos.items() if info.kind == "heading"]
    titled = titles_over_chapter_labels(infos, paragraph)
    titled += titles_led_alike(titled, infos, paragraph, n) + titles_over_bylines(
        titled, infos, paragraph, n
    )
    strong = sorted({**dict(titled), **dict(strong + list(listed))}.items())
    # A contents list's entries look like headings: they are not the book's chapters.
    # (Lines that repeat an entry of a contents list, ``listed``, are after it.)
    every = sorted((i, info.data) for i, info in infos.items() if info.kind in ("heading", "weak"))
    # (a `CONTENTS.` line deep in the book is a quoted magazine's, not the book's list)
    near_start = max(TOC_WITHIN_PARAGRAPHS, int(n * TOC_WITHIN_SHARE))
    toc = min(
        (
            i
            for i, info in infos.items()
            if info.kind == "landmark" and info.data == "toc" and i < near_start
        ),
        default=None,
    )
    # (and its `PREFACE` line: the book's title right over it is the title page's)
    preface = min(
        (
            i
            for i, info in infos.items()
            if info.kind == "landmark" and info.data == "preface" and i < near_start
        ),
        default=None,
    )
    listing = contents_entries(every, n, paragraph, toc)
    every_listed = [item for item in every if item[0] in listing]
    listing |= _series_numbers(every, toc)
    if listing:
        strong = [item for item in strong if item[0] not in listing]
        infos = {i: info for i, info in infos.items() if i not in listing}
    strong = _without_lead_ins(strong, paragraph, n)
    parts = subparts(strong)
    if parts:
        inside = {i for i, _ in parts}
        strong = [item for item in strong if item[0] not in inside]
    strong = _without_list_after_numbers(strong, infos, paragraph, n)
    # A book with `Chapter N` headings does not also number its chapters bare.
    chapters = any(h.kind == "chapter" for _, h in strong)
    # (nor does a collection whose stories, named in its contents, number their sections,
    # but for a novel printed with them, its chapters numbered so)
    stories = not chapters and numbers_under_titles(strong, infos)
    if stories:
        weak = novel_among_stories(strong, infos, n, paragraph)
    elif chapters:
        weak = []
    else:
        titles = titles_over_restarts(infos, paragraph)
        if titles:
            infos = infos | titles
            strong = sorted(strong + [(i, info.data) for i, info in titles.items()])
        weak = weak_sequence(infos, paragraph)
    chapters = chapters or stories
    if not strong and not weak:
        weak = opening_heading(infos, paragraph, n)
    if strong or weak:
        taken = {i for i, _ in strong}
        every = sorted(strong + [item for item in weak if item[0] not in taken], key=_at)
        counted = counted_parts(every)
        if counted:
            inside = {i for i, _ in counted}
            every = [item for item in every if item[0] not in inside]
            parts = sorted(parts + counted, key=_at)
        if chapters:
            every = _numbers_under_named(every, infos, paragraph, n)
        every = without_closing_list(every)
        choices = grouped_headings(without_contents_run(every), infos, paragraph)
        choices = _without_volume_label(choices, every)
        choices = _with_split_headings(choices, every, infos, paragraph)
        choices = with_misspelt_headings(choices, every, paragraph)
        # (a chapter's byline under its title is no subtitle)
        choices = with_chapter_bylines(choices, paragraph, n)
        choices = with_subtitles(choices, infos, paragraph, n)
        choices = titles_from_contents(choices, dict(every), every_listed, paragraph, n)
        choices = titles_wrapped_under(choices, paragraph, n)
        choices = _without_title_over_contents(choices, toc)
        choices = _without_title_over_contents(choices, preface)
        choices = _without_entries_under_contents(choices, toc, paragraph)
        return choices + _closing_chapter(choices, infos, paragraph, n), [i for i, _ in parts]
    return [], []


# The words a volume of an edition is named by (`Vol. I.`, `TOME PREMIER`).
VOLUME_WORDS = frozenset(("vol", "volume", "tome", "tomo", "band"))


def _without_volume_label(
    choices: list[HeadingChoice], every: list[tuple[int, Heading]]
) -> list[HeadingChoice]:
    """An edition's `Vol. I.` among its title page's lines, the book's only volume line and no
    chapter heading under it: the volume this file is, not a chapter before the first one."""
    parts = [(i, h) for i, h in every if h.kind == "part"]
    if len(parts) != 1 or len(choices) < 2:
        return choices
    at, volume = parts[0]
    if volume.word not in VOLUME_WORDS or volume.number != 1 or volume.title:
        return choices
    first = choices[0]
    if first.para != at or first.part != "":
        return choices
    return choices[1:]


def _without_list_after_numbers(
    strong: list[tuple[int, Heading]], infos, paragraph, n: int
) -> list[tuple[int, Heading]]:
    """A book whose chapters are numbered bare (`I`, `II.` … `CXLVIII`) through most of it,
    with its `Capitulo I  Do titulo` only in a contents list printed after the text: the
    keyword lines, all after the last numeral and closer together than its chapters, are that
    list's entries, not chapters that outrank the numerals."""
    keyword = [i for i, h in strong if h.kind == "chapter"]
    if not keyword:
        return strong
    run = weak_sequence(infos, paragraph)
    if not run or run[-1][0] - run[0][0] < n // 2:
        return strong
    spacing = (run[-1][0] - run[0][0]) / (len(run) - 1)
    if keyword[0] <= run[-1][0] or keyword[-1] - keyword[0] >= spacing:
        return strong
    listed = set(keyword)
    return [item for item in strong if item[0] not in listed]


# A contents entry's page number, set off by a run of spaces or leader dots: `The Storm   51`.
_PAGE_NUMBER = re.compile(r"\S(?: {2,}|\t+| ?\.{3,} ?)\d{1,4}\s*$")


def _paged_entry(info: LineInfo, line: str) -> bool:
    """A heading-like line that ends in a page number is an entry of a contents list (but
    `Chapter<TAB>10` is a label and its number)."""
    if info.kind not in ("heading", "weak") or _PAGE_NUMBER.search(line) is None:
        return False
    return not (isinstance(info.data, Heading) and not info.data.title)


# A title page's line over the contents list: at most this many paragraphs above it.
TITLE_OVER_CONTENTS = 3


def _without_title_over_contents(
    choices: list[HeadingChoice], toc: int | None
) -> list[HeadingChoice]:
    """The first heading, right over the book's `Contents` line (or its `PREFACE`, ``toc``)
    with the next heading after the list (`Idylls of the King by Alfred, Lord Tennyson`), is
    the title page's line: what it would head is the contents list or the preface, front
    matter, not a chapter."""
    if toc is None or len(choices) < 2:
        return choices
    first = choices[0]
    if first.para < toc < choices[1].para and toc - first.para <= TITLE_OVER_CONTENTS:
        return choices[1:]
    return choices


# A paragraph this long is story, never a contents list's line or a play's list of scenes.
STORY_PARAGRAPH_CHARS = 200


def _without_entries_under_contents(
    choices: list[HeadingChoice], toc: int | None, paragraph
) -> list[HeadingChoice]:
    """The first heading, right under the book's `Contents` line (or a play's `THE SCENES OF
    THE PLAY`), with no paragraph of story before the next heading: an entry of the list
    (`ACT I.  The Octagon Room…`), not a chapter."""
    if toc is None or len(choices) < 2:
        return choices
    first, following = choices[0], choices[1]
    if not 0 < first.start - toc <= TITLE_OVER_CONTENTS:
        return choices
    between = range(max((first.para, *first.extra)) + 1, following.start)
    if any(len(paragraph(k)) > STORY_PARAGRAPH_CHARS for k in between):
        return choices
    return choices[1:]


def _series_numbers(every: list[tuple[int, Heading]], toc: int | None) -> set[int]:
    """`VOL. XII` on a title page, before the contents list: the book's number in a series
    (its first part would be numbered one), not a part of it; so is `VOL. I.` where the
    book's parts after the list are of another word (`BOOK I.`), or where no part follows
    the list at all (`VOLUME 1` over a collection's title)."""
    if toc is None:
        return set()
    later = {h.word for i, h in every if i > toc and h.kind == "part"}
    return {
        i
        for i, h in every
        if i < toc
        and h.kind == "part"
        and h.number is not None
        and (h.number > 1 or h.word not in later)
        and not h.title
    }


def _without_lead_ins(
    strong: list[tuple[int, Heading]], paragraph, n: int
) -> list[tuple[int, Heading]]:
    """A line of another kind than the book's chapter headings that ends in a colon and runs
    straight into a long paragraph (`*Interlude 3:*` over a dream, among `Chapter N`
    headings) introduces that paragraph: it heads no chapter."""
    kinds = Counter(h.kind for _, h in strong)
    if len(strong) < LEAD_IN_AMONG:
        return strong
    usual = kinds.most_common(1)[0][0]
    return [
        (i, h)
        for i, h in strong
        if h.kind == usual
        or not paragraph(i).strip(" *_").endswith(":")
        or i + 1 >= n
        or len(paragraph(i + 1)) <= LEAD_IN_TEXT
    ]


# The first number under a named part (`EPILOGUE`, then `I`) stands at most this many
# paragraphs below it (a subtitle between).
NAMED_PART_FIRST = 3
NAMED_PARTS = ("prologue", "epilogue")


def _numbers_under_named(
    every: list[tuple[int, Heading]], infos: dict[int, LineInfo], paragraph, n: int
) -> list[tuple[int, Heading]]:
    """In a book of `Chapter N` headings, an `EPILOGUE` (or prologue) with bare numbers
    counting from one right under it, `I` and `II`, is divided into chapters as the book is:
    the numbers are its chapters and the epilogue is the part over them."""
    bare = sorted(
        (i, info.data)
        for i, info in infos.items()
        if info.kind == "weak" and info.data.kind == "number"
    )
    if not bare:
        return every
    taken = {i for i, _ in every}
    found: list[tuple[int, Heading]] = []
    named: set[int] = set()
    for k, (i, heading) in enumerate(every):
        if heading.kind not in NAMED_PARTS or heading.title:
            continue
        stop = every[k + 1][0] if k + 1 < len(every) else n
        run: list[tuple[int, Heading]] = []
        for j, number in bare:
            if j <= i or j >= stop or j in taken:
                continue
            if number.number != len(run) + 1:
                break
            if not run and (j - i > NAMED_PART_FIRST or _story_before(paragraph, i, j)):
                break
            run.append((j, number))
        if len(run) >= 2:
            found += run
            named.add(i)
    if not found:
        return every
    parts = [
        (i, Heading("part", None, h.label, h.title, True) if i in named else h) for i, h in every
    ]
    return sorted(parts + found, key=_at)


def _story_before(paragraph, a: int, b: int) -> bool:
    """Anything longer than a subtitle between paragraphs ``a`` and ``b``."""
    return any(len(paragraph(k)) > LEAD_IN_TEXT for k in range(a + 1, b))


def _closing_chapter(
    choices: list[HeadingChoice], infos: dict[int, LineInfo], paragraph, n: int
) -> list[HeadingChoice]:
    """`CONCLUSION.` alone on its line after a book's last chapter heading, with story under it,
    is its unnumbered last chapter, as `Epilogue` would be."""
    if len(choices) < LEAD_IN_AMONG:
        return []
    last = max((choices[-1].para, *choices[-1].extra))
    # (story first: right under the last heading, `Conclusion` is that chapter's title)
    for i in range(last + 2, n - 1):
        if i not in infos and is_closing_title(paragraph(i)):
            if len(paragraph(i + 1)) > LEAD_IN_TEXT:
                return [HeadingChoice(i, paragraph(i).strip().rstrip("."))]
            return []
    return []


def _with_split_headings(
    choices: list[HeadingChoice], every: list[tuple[int, Heading]], infos, paragraph
) -> list[HeadingChoice]:
    """A heading set over two lines where the book's sequence lacks it: `CHAPTER` alone, then
    `XXV` alone, between `CHAPTER XXIV` and `CHAPTER XXVI`. The number, which the sequence
    expects, heads the chapter; the keyword above it is part of its heading."""
    numbered = [(i, h) for i, h in every if h.kind == "chapter" and h.number is not None]
    found: list[HeadingChoice] = []
    for (a, before), (b, after) in pairwise(numbered):
        if before.number is None or after.number != before.number + 2:
            continue
        keyword = before.label.rsplit(" ", 1)[0]
        for k in range(a + 2, b):
            info = infos.get(k)
            if (
                info is not None
                and info.kind == "weak"
                and info.data.kind == "number"
                and info.data.number == before.number + 1
                and paragraph(k - 1).strip().casefold() == keyword.casefold()
            ):
                label = f"{paragraph(k - 1).strip()} {info.data.label}"
                found.append(HeadingChoice(k, label, k - 1, (k - 1,)))
                break
    return sorted(choices + found, key=lambda c: c.para) if found else choices


def _at(item: tuple[int, Heading]) -> int:
    return item[0]
