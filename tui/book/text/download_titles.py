"""Chapter titles a download marks by its layout rather than a keyword.

FanFicFare's tab-indented titles, the titles over AO3's `Chapter Summary` and `Chapter Notes`
labels, and the titles an AO3 download made into text sets apart by blank lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from tui.book.rules.headings import Heading
from tui.book.rules.sentence_ends import FULL_STOPS
from tui.book.text.chapter_titles import SUBTITLE_CHARS, SUBTITLE_WORDS
from tui.book.text.heading_choice import HeadingChoice
from tui.book.text.lines import LineInfo
from tui.book.text.weak_headings import WEAK_MIN_RUN

# Lines repeating a contents list's entries, at least this many, name the book's chapters.
LISTED_TITLES = 2
# Tab-indented titles outside FanFicFare files stand at least this many paragraphs apart ...
TAB_TITLE_SPACING = 4
# ... with a paragraph of story at least this long between each two.
TAB_TITLE_STORY = 200


def fanficfare_headings(
    infos: dict[int, LineInfo], n: int, paragraph, listed: Sequence[int] = ()
) -> list[HeadingChoice] | None:
    """FanFicFare TXT: chapter titles are the tab-indented lines after the contents list
    (FanFicFare's default 78-column wrapping turns that tab into eight spaces).

    ``listed``: the lines that repeat the book's contents entries; where they are found and
    none of them is set in by a tab, the book's titles are those lines, not the tab lines (an
    address set in on an advertisement page)."""
    tabs = sorted(
        i for i, info in infos.items() if info.tab and info.kind not in ("spacer", "break")
    )
    if not tabs or len(tabs) > max(3, n // 20):
        return None  # none, or tab-indented paragraphs
    if len(listed) >= LISTED_TITLES and not set(listed) & set(tabs):
        return None
    toc = [i for i, info in infos.items() if info.kind == "landmark" and info.data == "toc"]
    end_file = any(
        info.kind == "end" and "file" in str(info.data).lower() for info in infos.values()
    )
    # Keyword headings flush left outnumbering the tab-indented lines are the chapters (an
    # indented verse or letter is not a chapter family).
    flush = sum(1 for info in infos.values() if info.kind == "heading" and not info.tab)
    if toc:
        first_toc = min(toc)
        tabs = [i for i in tabs if i > first_toc]
        if flush >= max(len(tabs), WEAK_MIN_RUN):
            return None
        # (the lines of an indented song or epigraph follow each other: titles stand apart)
        if not all(b - a >= TAB_TITLE_SPACING for a, b in pairwise(tabs)):
            return None
    elif not end_file:
        # Without FanFicFare's landmarks, tab-indented lines are titles only when nothing
        # else in the book looks like a heading and they stand apart like headings, story
        # between them (the lines of an indented poem or song follow each other, or have only
        # its other short lines between: a ballad's refrain set in further).
        strong = any(info.kind == "heading" and not info.tab for info in infos.values())
        apart = all(
            b - a >= TAB_TITLE_SPACING
            and any(len(paragraph(k)) >= TAB_TITLE_STORY for k in range(a + 1, b))
            for a, b in pairwise(tabs)
        )
        if strong or len(tabs) < 2 or not apart:
            return None
    if not tabs:
        return None
    titles = [HeadingChoice(i, _tab_title(infos[i])) for i in tabs]
    return titles + _counted_on(infos, tabs)


def _counted_on(infos: dict[int, LineInfo], tabs: list[int]) -> list[HeadingChoice]:
    """Keyword headings after the tab-indented titles that go on with their count (`9. Year
    1-…` as a title, then `Chapter<TAB>10` flush left): a story downloaded in parts, whose
    later chapters were headed another way. (The author's own `Chapter 10 – …` under each,
    numbered again, is not counted.)"""
    last = infos[tabs[-1]].data
    if not isinstance(last, Heading) or last.number is None:
        return []
    expected = last.number + 1
    found: list[HeadingChoice] = []
    for i in sorted(k for k in infos if k > tabs[-1]):
        heading = infos[i].data
        if infos[i].kind != "heading" or infos[i].tab or not isinstance(heading, Heading):
            continue
        if heading.kind == "chapter" and heading.number == expected:
            found.append(HeadingChoice(i, heading.text))
            expected += 1
    return found if len(found) >= WEAK_MIN_RUN else []


def _tab_title(info: LineInfo) -> str:
    heading = info.data if isinstance(info.data, Heading) else None
    return heading.text if heading else str(info.data).strip()


def titles_over_chapter_labels(infos: dict[int, LineInfo], paragraph) -> list[tuple[int, Heading]]:
    """A chapter's title over AO3's `Chapter Summary` or `Chapter Notes` label, in a text made
    from AO3's download (`Better Days`, where the other chapters say `Chapter 3`)."""
    labels = [
        i
        for i, info in infos.items()
        if info.kind == "landmark" and info.data in ("chapter_summary", "chapter_notes")
    ]
    if len(labels) < 2:
        return []  # (one label is no evidence of AO3's layout)
    found = []
    for i in labels:
        above = i - 1
        if above > 0 and _chapter_byline(paragraph, above):
            above -= 1  # (AO3 names the writer of a co-written work's chapter under its title)
        if above < 0 or _under_heading(infos, above):
            continue  # (under `Chapter 3`, the line is that chapter's title)
        if above in infos:
            if infos[above].kind == "weak":
                # (a numbered line over the label, `1234. 5. 6 .. 7`, heads the chapter too)
                found.append((above, infos[above].data))
            continue
        text = paragraph(above).strip()
        short = 0 < len(text) <= SUBTITLE_CHARS and len(text.split()) <= SUBTITLE_WORDS
        # (over the label, a title may ask or exclaim, `who are you?`; it never ends a
        # sentence with a full stop, but where the chapter before closes on its end notes)
        ended = text.endswith(TITLE_NEVER_ENDS) and not _after_end_notes(infos, above)
        if short and "\n" not in text and not ended:
            found.append((above, Heading("titled", None, "", text, True)))
    return found + _first_title_unlabelled(found, infos, paragraph)


# The end notes of the chapter before close this many paragraphs over a chapter's title at most.
END_NOTES_OVER = 3


def _after_end_notes(infos: dict[int, LineInfo], i: int) -> bool:
    """Paragraph ``i`` comes right after the chapter before's `Chapter End Notes`: the next
    thing in an AO3 download is the next chapter's title, however it ends (`Someday.`)."""
    return any(
        (info := infos.get(k)) is not None
        and info.kind == "landmark"
        and info.data == "chapter_end_notes"
        for k in range(max(0, i - END_NOTES_OVER), i)
    )


def _first_title_unlabelled(
    found: list[tuple[int, Heading]], infos: dict[int, LineInfo], paragraph
) -> list[tuple[int, Heading]]:
    """Where the chapters are titles over AO3's labels, the first chapter, posted with no summary
    or notes, has its title alone: the short line right after the work's header (its byline,
    or `See the end of the work for notes`), with the story under it."""
    if len(found) < 2:
        return []
    first = min(i for i, _ in found)
    header = [
        i for i, info in infos.items() if i < first and info.kind in ("by", "see_end", "posted")
    ]
    if not header:
        return []
    at = max(header) + 1
    if at + 1 >= first or at in infos or at + 1 in infos:
        return []
    text = paragraph(at).strip()
    short = 0 < len(text) <= SUBTITLE_CHARS and len(text.split()) <= SUBTITLE_WORDS
    if (
        not short
        or "\n" in text
        or text.endswith(TITLE_NEVER_ENDS)
        or not _prose(paragraph(at + 1).strip())
    ):
        return []
    return [(at, Heading("titled", None, "", text, True))]


# What may stand over a chapter's title with only blank lines between: the end of the chapter
# before it (its closing note, its last rule).
CHAPTER_ENDS = ("author_note", "break", "spacer")


def _under_heading(infos: dict[int, LineInfo], i: int) -> bool:
    """Paragraph ``i`` stands under a heading-like line (`Chapter 3`), not under the close of
    the chapter before it."""
    above = infos.get(i - 1)
    return above is not None and above.kind not in CHAPTER_ENDS


# `Chapter by musiclover25`: the writer of one chapter of a work written by several.
CHAPTER_BYLINE = re.compile(r"chapter\s+by\s+\S.{0,60}", re.IGNORECASE)


def _chapter_byline(paragraph, i: int) -> bool:
    return CHAPTER_BYLINE.fullmatch(paragraph(i).strip()) is not None


def titles_over_bylines(
    labelled: list[tuple[int, Heading]], infos: dict[int, LineInfo], paragraph, n: int
) -> list[tuple[int, Heading]]:
    """Where two or more titles over a `Chapter Summary` label have a chapter's byline under
    them (`Chapter by musiclover25`), a chapter posted with no summary or notes has its title
    over such a byline alone: the line above each other byline is that chapter's title."""
    taken = {i for i, _ in labelled}
    signed = [i for i in taken if i + 1 < n and _chapter_byline(paragraph, i + 1)]
    if len(signed) < 2:
        return []
    out = []
    for i in range(1, n):
        if i - 1 in taken or i - 1 in infos or not _chapter_byline(paragraph, i):
            continue
        text = paragraph(i - 1).strip()
        short = 0 < len(text) <= SUBTITLE_CHARS and len(text.split()) <= SUBTITLE_WORDS
        if short and "\n" not in text and not text.endswith(TITLE_NEVER_ENDS):
            out.append((i - 1, Heading("titled", None, "", text, True)))
    return out


def with_chapter_bylines(choices: list[HeadingChoice], paragraph, n: int) -> list[HeadingChoice]:
    """A chapter's byline right under its heading (`Chapter by musiclover25`) is part of the
    heading, as a subtitle is: the chapter's notes and text come after it."""
    out = []
    for choice in choices:
        below = max((choice.para, *choice.extra)) + 1
        if below < n and _chapter_byline(paragraph, below):
            choice = replace(choice, extra=(*choice.extra, below))
        out.append(choice)
    return out


# A title led by a tag of its own and a semicolon, `Jackson/JB; Habits`: a collection's
# pairing. (The lead has no spaces: `Okay; fine` in prose has no mark in it either.)
TAG_LED = re.compile(r"(\S{1,30});\s+\S.*")
TITLE_NEVER_ENDS = (".", "…", ",", ";", ":")


def titles_led_alike(
    labelled: list[tuple[int, Heading]], infos: dict[int, LineInfo], paragraph, n: int
) -> list[tuple[int, Heading]]:
    """Where every title over a `Chapter Summary` label (three or more) leads with a tag and a
    semicolon, the tags sharing their marks (`Jackson/JB; Habits`, `Jr./Youngjae; hungry for
    you`: a collection of fills named by pairing), a chapter posted with no summary has no
    label under its title: a line led alike, on its own, is that chapter's title."""
    if len(labelled) < 3:
        return []
    leads = [TAG_LED.fullmatch(h.title) for _, h in labelled]
    if any(lead is None for lead in leads):
        return []
    marks = set.intersection(*({c for c in m.group(1) if not c.isalnum()} for m in leads if m))
    if not marks:
        return []
    taken = {i for i, _ in labelled}
    out = []
    for i in range(min(taken), n):
        if i in taken or i in infos:
            continue
        text = paragraph(i).strip()
        lead = TAG_LED.fullmatch(text)
        if lead is None or "\n" in text or len(text) > SUBTITLE_CHARS + len(lead.group(1)):
            continue
        if marks <= set(lead.group(1)) and not text.endswith(TITLE_NEVER_ENDS):
            out.append((i, Heading("titled", None, "", text, True)))
    return out


# A download's stated count, `Chapters: 3/3` or `Chapters: 5/?`: the chapters posted.
STATED_CHAPTERS = re.compile(r"\s*(\d+)\s*/")
# How many more blank lines than that a title may be set apart by.
WIDER_APART = 3
SET_APART_BLANKS = 2  # blank lines on each side of a title set apart
# What stands right under a title that leaves no blank line after it.
CHAPTER_LABELS = ("chapter_summary", "chapter_notes")
FRONT_KINDS = ("meta", "by", "posted")


def _prose(text: str) -> bool:
    """A paragraph of the story: longer than a title, or a sentence."""
    return len(text) > SUBTITLE_CHARS or text.endswith(FULL_STOPS)


def titles_set_apart(
    infos: dict[int, LineInfo], paragraph, blanks_before
) -> list[tuple[int, Heading]]:
    """Chapter titles with no `Chapter N` in a text made from an AO3 download, where paragraphs
    follow each other without blank lines: short lines with no sentence's end, each with blank
    lines above and below it (or AO3's `Chapter Notes` right under it), after the work's
    header. They are the chapters only when there are exactly as many as the header's
    `Chapters: 3/3` states (two or more): a scene's last line set apart would make one more.

    ``blanks_before(i)`` is the number of blank lines above paragraph ``i``."""
    stated = next(
        (
            info.data[1]
            for info in infos.values()
            if info.kind == "meta" and info.data and info.data[0] == "stated_chapters"
        ),
        "",
    )
    found = STATED_CHAPTERS.match(str(stated))
    count = int(found.group(1)) if found else 0
    front = [i for i, info in infos.items() if info.kind in FRONT_KINDS]
    if count < 2 or not front:
        return []
    summary = {
        i + 1 for i, info in infos.items() if info.kind == "landmark" and info.data == "summary"
    }
    # (a chapter headed `Epilogue` is one of them, found as a heading already)
    count -= sum(1 for i, info in infos.items() if i > max(front) and info.kind == "heading")
    # (where part of the text is double spaced, its short lines are set apart too: the
    # titles are set apart by more)
    for apart in range(SET_APART_BLANKS, SET_APART_BLANKS + WIDER_APART):
        titles = []
        for i in range(max(front) + 1, max(infos, default=0) + 1):
            if i in infos or i in summary or blanks_before(i) < apart:
                continue
            text = paragraph(i).strip()
            if not (0 < len(text) <= SUBTITLE_CHARS and len(text.split()) <= SUBTITLE_WORDS):
                continue
            if "\n" in text or text.endswith((*FULL_STOPS, ",")) or not text[0].isupper():
                continue  # (`My dear sister,` opens a letter)
            under = infos.get(i + 1)
            labelled = (
                under is not None and under.kind == "landmark" and under.data in CHAPTER_LABELS
            )
            # (a letter's lines are set apart too, one over the other: a title has prose under it)
            prose_under = i + 1 in infos or _prose(paragraph(i + 1).strip())
            if labelled or (blanks_before(i + 1) >= apart and prose_under):
                titles.append((i, Heading("titled", None, "", text, True)))
        if len(titles) == count:
            return titles
        if len(titles) < count:
            break
    return []
