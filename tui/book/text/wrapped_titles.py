"""A chapter's title wrapped over lines under its heading.

`CHAPTER I.` over `_Of writing lives in general, and particularly of Pamela; with a word by the
bye…_`, where the book sets its titles that way under most of its headings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from tui.book.rules.heading_decoration import without_closing_stop
from tui.book.rules.headings import match_heading
from tui.book.text.chapter_titles import joined_title
from tui.book.text.heading_choice import HeadingChoice

# The most characters of a wrapped title: four or five lines of a printed page; a longer
# paragraph is the story's first.
TITLE_CHARS = 400
# At least this many headings with a title of one look under them, and most of the book's
# headings: one emphasised paragraph under a heading is as likely an epigraph.
LEAST_TITLED = 3
# A whole paragraph set in emphasis (`_Of Mr Joseph Andrews, his birth…_`, `_Of Divisions in
# Authors_.`), not a quotation.
_EMPHASISED = re.compile(r"_(?![\s_\"“‘'])([^_]+?)(?<=[^\s_])_\.?", re.DOTALL)
# A bare numeral under a heading counts its first section up to this (`I`, `12.`); `MIX` is a
# word.
SECTION_COUNT_MOST = 200
# A whole paragraph in capitals, starting with a letter.
_OPENS_WITH_LETTER = re.compile(r"[^\W\d_]")


def titles_wrapped_under(choices: list[HeadingChoice], paragraph, n: int) -> list[HeadingChoice]:
    """``choices`` with each heading still bare joined with the paragraph right under it,
    where that paragraph is set as the titles under most of the book's headings are (wholly
    in emphasis, or wholly in capitals) and is short enough for a title."""
    heads = {c.para for c in choices} | {i for c in choices for i in c.extra}
    looks = [_look(paragraph(c.para + 1)) if c.para + 1 < n else "" for c in choices]
    counted = Counter(look for look in looks if look)
    if not counted:
        return choices
    look, count = counted.most_common(1)[0]
    if count < LEAST_TITLED or count * 2 < len(choices):
        return choices
    titled = []
    for choice, own in zip(choices, looks, strict=True):
        below = choice.para + 1
        if own == look and below not in heads and _bare(choice):
            title = _title_text(paragraph(below))
            choice = replace(
                choice, title=joined_title(choice.title, title), extra=(*choice.extra, below)
            )
        titled.append(choice)
    return titled


def _bare(choice: HeadingChoice) -> bool:
    """Whether a heading has no title yet (neither its own nor a line under it)."""
    return ":" not in choice.title and not any(i > choice.para for i in choice.extra)


def _look(text: str) -> str:
    """How a paragraph is set if it could be a chapter's title: "emphasis", "capitals" or ""
    (story, or too long for a title)."""
    text = text.strip()
    if not text or len(text) > TITLE_CHARS:
        return ""
    if _EMPHASISED.fullmatch(text):
        return "emphasis"
    if _section_number(text):
        return ""  # (`SPRING` over `I`: the number of the first section under it, no title)
    if text.isupper() and _OPENS_WITH_LETTER.match(text):
        return "capitals"
    return ""


def _section_number(text: str) -> bool:
    """A paragraph that is a bare number alone (`I`, `XII.`): a count, not words."""
    heading = match_heading(text)
    return (
        heading is not None
        and heading.kind == "number"
        and not heading.title
        and heading.number is not None
        and heading.number <= SECTION_COUNT_MOST
    )


def _title_text(text: str) -> str:
    """A title paragraph as its chapter's title: one line, without the emphasis marks and the
    full stop that closes it (`_Of Mr Joseph Andrews…ancestors._` reads `Of Mr Joseph
    Andrews…ancestors`)."""
    line = " ".join(text.split())
    found = _EMPHASISED.fullmatch(line)
    if found:
        line = found[1]
    return without_closing_stop(line)
