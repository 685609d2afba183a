"""Marks that set words in emphasis in plain text: Project Gutenberg's underscores for italics
(`_continued_`), and the asterisks FanFicFare's text files keep for bold (`**EPOV**`)."""

from __future__ import annotations

import re
from typing import NamedTuple

# Underscores set around words as emphasis (`JOURNAL--_continued_`), or after a number (the
# superscript of `21_st_`); never one inside a word (`snake_case`) or doubled (`__init__`). The
# words may run over the lines of a set-off piece (an epigraph, verse).
_EMPHASIS = re.compile(r"(?<![^\W\d]|_)_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])", re.DOTALL)
# Double asterisks around words as bold (`**Seeing Red**`, `**My Paper Heart **` at a line's end);
# never a lone star (`5 * 3`, a footnote's `*`), a run of them (`*****`) or one set apart.
_BOLD = re.compile(
    r"(?<![\w*])\*\*(?=[^\s*])(.+?)(?:(?<=[^\s*])|\s+(?=\*\*\s*\Z))\*\*(?![\w*])", re.DOTALL
)
# An underscore opening italics that go on past the end of its paragraph (`_Do donkey is…`),
# and one closing italics that began before its paragraph (`…Toy orchard me_`): at a word's
# edge, never in a face (`-_-`, `^_^`).
_LOOSE_OPENING = re.compile(r"(?<!\S)_(?=[\w\"'“‘(~])")
_LOOSE_CLOSING = re.compile(r"(?<=[\w.,;:!?\"'”’)…])_(?![\w_])")


class Marked(NamedTuple):
    """Words set in emphasis by marks around them."""

    opening: int  # index of the opening mark
    closing: int  # index of the closing mark
    width: int  # characters in each mark
    style: str  # "italic" or "bold"


def marked_spans(text: str) -> list[Marked]:
    """The spans of ``text`` its marks set in italics (`_…_`) or bold (`**…**`), in order of
    their opening marks."""
    found = []
    if "_" in text:
        found += [Marked(m.start(), m.end() - 1, 1, "italic") for m in _EMPHASIS.finditer(text)]
    if "**" in text:
        found += [Marked(m.start(), m.end() - 2, 2, "bold") for m in _BOLD.finditer(text)]
    return sorted(found)


def loose_ends(text: str, spans: list[Marked]) -> tuple[int | None, int | None]:
    """Where italics in ``text`` (whose paired marks are ``spans``) run on past its end: the
    index of an unpaired opening underscore with no other loose underscore after it; and where
    they run in from before its start: an unpaired closing one with none before it."""
    paired = {at for span in spans if span.style == "italic" for at in span[:2]}
    loose = [at for at, char in enumerate(text) if char == "_" and at not in paired]
    if not loose:
        return None, None
    last, first = loose[-1], loose[0]
    opening = last if _LOOSE_OPENING.match(text, last) and last > max(paired, default=-1) else None
    closing = (
        first
        if _LOOSE_CLOSING.match(text, first) and first < min(paired, default=len(text))
        else None
    )
    return opening, closing


def plain_title(text: str) -> str:
    """A title as users should read it: without the underscores that mark its emphasis."""
    return _EMPHASIS.sub(r"\1", text) if "_" in text else text


def without_emphasised(text: str) -> str:
    """``text`` without its emphasised words, marks and all (`DIARY--_continued_.` reads
    `DIARY--.`): what the rest of a line is written in."""
    return _EMPHASIS.sub("", text) if "_" in text else text
