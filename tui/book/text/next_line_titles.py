"""A chapter's name on the line right under its bare number.

Such as `Chapter<TAB>10` over an indented ` Year 1-Sirius' 'Logic'`, where the book sets most
of its bare headings that way.
"""

from __future__ import annotations

from dataclasses import replace

from tui.book.model import Book, ParaKind
from tui.book.rules.headings import match_heading
from tui.book.rules.sentence_ends import CLOSING_QUOTES, FULL_STOPS
from tui.book.text.heading_choice import HeadingChoice
from tui.book.text.lines import classify_line

TEXT = int(ParaKind.TEXT)
# The most characters of a name under its number; a longer line is the story's first.
NAME_CHARS = 80
# At least this many bare headings with such a line under them, and most of the book's bare
# headings: one line under one heading is as likely the story's first.
LEAST_NAMED = 3


def titles_on_next_line(book: Book, choices: list[HeadingChoice]) -> list[HeadingChoice]:
    """``choices`` with each bare numbered heading named by the short line right under it (no
    blank line between: a line set in, as a new paragraph), where the book does that under
    most of its bare headings."""
    bare = [k for k, choice in enumerate(choices) if _bare(choice)]
    named = {k: line for k in bare if (line := _name_under(book, choices[k])) is not None}
    # (headings already named by the line under them, where it read as a title, show the
    # book's way as well as those named here)
    joined = sum(1 for choice in choices if _joined_under(book, choice))
    if len(named) + joined < LEAST_NAMED or (len(named) + joined) * 2 < len(bare) + joined:
        return choices
    out = list(choices)
    for k, name in named.items():
        choice = choices[k]
        out[k] = replace(
            choice, title=f"{choice.title}: {name}", extra=(*choice.extra, choice.para + 1)
        )
    return out


def _bare(choice: HeadingChoice) -> bool:
    """A heading that is a number and nothing else (`Chapter 10`)."""
    found = match_heading(choice.title)
    return found is not None and found.number is not None and not found.title


def _joined_under(book: Book, choice: HeadingChoice) -> bool:
    """A heading already named by the line right under it."""
    below = choice.para + 1
    return below in choice.extra and _next_line(book, choice.para, below)


def _next_line(book: Book, para: int, below: int) -> bool:
    """Paragraph ``below`` starts on the line right under one-line paragraph ``para``."""
    here, there = book.line_of(para), book.line_of(below)
    return here is not None and there == here + 1 and "\n" not in book.raw(para).strip()


def _name_under(book: Book, choice: HeadingChoice) -> str | None:
    """The short line on the line right under the heading, when it reads as a name."""
    below = choice.para + 1
    if below in choice.extra or below >= len(book) or book.kinds[below] != TEXT:
        return None
    if not _next_line(book, choice.para, below):
        return None
    line = book.raw(below).strip()
    if (
        not line
        or "\n" in line
        or len(line) > NAME_CHARS
        or line.endswith((*FULL_STOPS, *CLOSING_QUOTES))
    ):
        return None
    if not line[:1].isalnum():
        return None  # (`**Ice!**`, a rule, a bracket: the story or the notes, not a name)
    found = classify_line(line)
    if found is not None and found.kind == "landmark":
        return None  # (`Chapter Summary`: the download's label over the chapter's notes)
    return line
