"""Marks that set words in emphasis in plain text: Project Gutenberg's underscores for italics
(`_continued_`), and the asterisks FanFicFare's text files keep for bold (`**EPOV**`); and the
marks of its superscripts (`M^{rs.}`), which the display leaves out with them."""

from __future__ import annotations

import re
from typing import NamedTuple

from tui.book.rules.superscripts import superscript_marks

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


class Emphasis(NamedTuple):
    """What a text's marks set in emphasis: each mark as ``(index, width)``, in order, and the
    spans they style as ``(start, end, style)``, both in the text's own indices."""

    marks: list[tuple[int, int]]
    styled: list[tuple[int, int, str]]

    def shown_at(self, index: int) -> int:
        """Where index ``index`` of the text lands once its marks are taken out."""
        return index - sum(min(width, max(0, index - at)) for at, width in self.marks)

    def kept(self, length: int) -> list[tuple[int, int]]:
        """The stretches of a text of ``length`` characters left once the marks are out."""
        cuts = [0, *(at + width for at, width in self.marks)]
        return list(zip(cuts, [*(at for at, _ in self.marks), length], strict=True))


def has_marks(text: str) -> bool:
    """Whether ``text`` may hold marks that `emphasis` takes out (a quick test)."""
    return "_" in text or "**" in text or "^" in text


def emphasis(text: str, runs_on: bool = True, runs_in: bool = True) -> Emphasis:
    """The marks of ``text`` and what they style: its paired marks (`_very_`, `**EPOV**`), and
    the loose underscore of italics that run on past its end (``runs_on``) or in from before
    its start (``runs_in``). The marks of superscripts (`M^{rs.}`) are taken out too, styling
    nothing: the raised letters read as ordinary ones (`Mrs.`)."""
    spans = marked_spans(text)
    marks = [(at, span.width) for span in spans for at in span[:2]]
    marks += superscript_marks(text)
    styled = [(span.opening + span.width, span.closing, span.style) for span in spans]
    if runs_on or runs_in:
        opening, closing = loose_ends(text, spans)
        if runs_on and opening is not None:
            marks.append((opening, 1))
            styled.append((opening + 1, len(text), "italic"))
        if runs_in and closing is not None:
            marks.append((closing, 1))
            styled.append((0, closing, "italic"))
    return Emphasis(sorted(marks), styled)


def plain_title(text: str) -> str:
    """A title as users should read it: without the underscores that mark its emphasis."""
    return _EMPHASIS.sub(r"\1", text) if "_" in text else text


def without_emphasised(text: str) -> str:
    """``text`` without its emphasised words, marks and all (`DIARY--_continued_.` reads
    `DIARY--.`): what the rest of a line is written in."""
    return _EMPHASIS.sub("", text) if "_" in text else text
