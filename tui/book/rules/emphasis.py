"""Marks that set words in emphasis or raise them in plain text.

Project Gutenberg's underscores for italics (`_continued_`), the asterisks FanFicFare's
text files keep for bold (`**EPOV**`), the single asterisks of italics in text typed or saved
by hand (`*between*`); and the marks of Project Gutenberg's superscripts
(`M^{rs.}`), which the display leaves out with them.

FanFicFare writes its marks where the page's emphasis starts and stops, whatever stands next
to them: `_"__So…stem." … jam. _` (a quote in italics, then italics that end after a space),
`**Toy Leaf **jam **Toy**`. A book whose marks read that way throughout (`toggles_marks`) has
each mark at a word's edge read as turning emphasis on or off, paragraph by paragraph.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from tui.book.rules.superscripts import superscript_marks

if TYPE_CHECKING:
    from tui.book.model import Book

# Underscores set around words as emphasis (`JOURNAL--_continued_`), or after a number (the
# superscript of `21_st_`); never one inside a word (`snake_case`) or doubled (`__init__`). The
# words may run over the lines of a set-off piece (an epigraph, verse).
_EMPHASIS = re.compile(r"(?<![^\W\d]|_)_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])", re.DOTALL)
# Double asterisks around words as bold (`**Seeing Red**`, `**My Paper Heart **` at a line's end);
# never a lone star (`5 * 3`, a footnote's `*`), a run of them (`*****`) or one set apart.
_BOLD = re.compile(
    r"(?<![\w*])\*\*(?=[^\s*])(.+?)(?:(?<=[^\s*])|\s+(?=\*\*\s*\Z))\*\*(?![\w*])", re.DOTALL
)
# Single asterisks around words as italics (`*between*`, `*Tub*` alone on its line), as text
# typed for a forum or saved from a page by hand writes them; never a lone star (`5 * 3`, a
# footnote's `word*`), one escaped (`\\*`), one inside a word or one of a longer run (`**`).
_STAR_ITALIC = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*]+?)(?<=[^\s*\\])\*(?![\w*])")
# An underscore opening italics that go on past the end of its paragraph (`_Do donkey is…`),
# and one closing italics that began before its paragraph (`…Toy orchard me_`): at a word's
# edge, never in a face (`-_-`, `^_^`).
_LOOSE_OPENING = re.compile(r"(?<!\S)_(?=[\w\"'“‘(~])")
_LOOSE_CLOSING = re.compile(r"(?<=[\w.,;:!?\"'”’)…])_(?![\w_])")
# A run of marks: one or two underscores, or two asterisks, may turn emphasis on or off.
_MARK_RUN = re.compile(r"_+|\*+")
# Paragraphs looked at to decide how a book's marks read, and how many of its paragraphs with
# marks must pair them all (an even number of each) for them to read as turning emphasis on
# and off: a lone mark that is text (a username's `_`, a rating's `**`) is rare.
MARKED_LOOKED_AT = 3000
LEAST_PAIRED_SHARE = 0.8
# Paragraphs with marks set as only that reading explains (`_"__So…_`, `…jam. _`): FanFicFare's
# habit, where a printed book has one or two at most (`_ Telegraph. Irish Homestead._`).
LEAST_TOGGLED = 3


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
    if "*" in text:
        found += [Marked(m.start(), m.end() - 2, 2, "bold") for m in _BOLD.finditer(text)]
        found += _star_italics(text)
    return sorted(found)


def _star_italics(text: str) -> list[Marked]:
    return [Marked(m.start(), m.end() - 1, 1, "italic") for m in _STAR_ITALIC.finditer(text)]


def loose_ends(text: str, spans: list[Marked]) -> tuple[int | None, int | None]:
    """Where italics in ``text`` (whose paired marks are ``spans``) run on past its end: the
    index of an unpaired opening underscore with no other loose underscore after it; and where
    they run in from before its start: an unpaired closing one with none before it."""
    paired = {at for span in spans if text[span.opening] == "_" for at in span[:2]}
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


def toggled_spans(text: str) -> list[Marked] | None:
    """The spans of ``text`` that its marks set in italics or bold read as turning emphasis on
    and off (`_"__So…stem." _` is a quote in italics, then the rest): every underscore and
    double asterisk at a word's edge, none inside a word (`lost_boy`) or in a longer run
    (`*****`). None when the marks do not pair up (an odd number of either kind) or there are
    none: the marks are then read as `marked_spans` reads them."""
    italic: list[int] = []
    bold: list[int] = []
    for run in _MARK_RUN.finditer(text):
        a, b = run.span()
        before = text[a - 1] if a else " "
        after = text[b] if b < len(text) else " "
        if before.isalnum() and after.isalnum():
            continue  # inside a word: `snake_case`, `lost_boy`
        if run.group() in ("_", "__"):
            italic += range(a, b)
        elif run.group() == "**":
            bold.append(a)
    if len(italic) % 2 or len(bold) % 2 or not (italic or bold):
        return None
    found = [Marked(italic[k], italic[k + 1], 1, "italic") for k in range(0, len(italic), 2)]
    found += [Marked(bold[k], bold[k + 1], 2, "bold") for k in range(0, len(bold), 2)]
    if "*" in text:  # (single stars are not FanFicFare's: they pair as in any text)
        found += _star_italics(text)
    return sorted(found)


_DECIDED: dict[int, bool] = {}


def toggles_marks(book: Book) -> bool:
    """Whether ``book`` writes its emphasis marks where emphasis turns on and off, as
    FanFicFare's text files do: nearly all of its paragraphs with marks pair them up, and some
    have marks only that reading explains (`_"__So…_`, `**Toy Leaf **jam`). Decided once a
    book."""
    key = id(book)
    decided = _DECIDED.get(key)
    if decided is None:
        decided = _DECIDED[key] = _toggles_throughout(book)
        weakref.finalize(book, _DECIDED.pop, key, None)
    return decided


LOOKED_INTO = 4000  # characters of a long paragraph looked at


def _toggles_throughout(book: Book) -> bool:
    paired = unpaired = toggled_only = 0
    for start, end in _marked_paragraphs(book):
        text = book.text[start:end]
        toggled = toggled_spans(text)
        if toggled is None:
            unpaired += "_" in text or "**" in text
        else:
            paired += 1
            toggled_only += any(_set_as_toggle(text, span) for span in toggled)
        if paired + unpaired >= MARKED_LOOKED_AT:
            break
    return toggled_only >= LEAST_TOGGLED and paired >= LEAST_PAIRED_SHARE * (paired + unpaired)


def _marked_paragraphs(book: Book) -> Iterator[tuple[int, int]]:
    """The paragraphs with a mark of emphasis in their first `LOOKED_INTO` characters, as
    ``(start, end)`` of that part, in order: found by looking for the marks through the whole
    text at once (most paragraphs have none), each kind from where it was last seen."""
    text = book.text
    underscore, stars = text.find("_"), _find_stars(text, 0)
    while underscore >= 0 or stars >= 0:
        at = min(p for p in (underscore, stars) if p >= 0)
        para = book.para_at(at)
        start, end = book.starts[para], book.ends[para]
        if start <= at < min(end, start + LOOKED_INTO):
            yield start, min(end, start + LOOKED_INTO)
        after = max(end, at + 1)
        if 0 <= underscore < after:
            underscore = text.find("_", after)
        if 0 <= stars < after:
            stars = _find_stars(text, after)


def _find_stars(text: str, start: int) -> int:
    """``text.find("**", start)``, a star at a time: a search for the pair reads every
    character of an 84 MB serial (a sixth of a second), one for a single character skips."""
    at = text.find("*", start)
    while at >= 0 and text[at + 1 : at + 2] != "*":
        at = text.find("*", at + 1)
    return at


def _set_as_toggle(text: str, span: Marked) -> bool:
    """Whether ``span``'s marks stand where only marks turning emphasis on and off would: a
    space inside either mark (`… jam. _`, `**Toy Leaf **jam`), or one mark against another
    (`_"__So`)."""
    inside = span.opening + span.width
    return (
        text[inside : inside + 1].isspace()
        or text[span.closing - 1 : span.closing].isspace()
        or text[span.opening : span.opening + 2] == "__"
        or text[span.closing : span.closing + 2] == "__"
    )


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
    return "_" in text or "*" in text or "^" in text


def emphasis(
    text: str, runs_on: bool = True, runs_in: bool = True, toggles: bool = False
) -> Emphasis:
    """The marks of ``text`` and what they style: its paired marks (`_very_`, `**EPOV**`), and
    the loose underscore of italics that run on past its end (``runs_on``) or in from before
    its start (``runs_in``); in a book whose marks turn emphasis on and off (``toggles``, see
    `toggles_marks`), its marks read so where they pair up. The marks of superscripts
    (`M^{rs.}`) are taken out too, styling nothing: the raised letters read as ordinary ones
    (`Mrs.`)."""
    toggled = toggled_spans(text) if toggles else None
    spans = marked_spans(text) if toggled is None else toggled
    marks = [(at, span.width) for span in spans for at in span[:2]]
    marks += superscript_marks(text)
    styled = [
        (span.opening + span.width, span.closing, span.style)
        for span in spans
        if span.closing > span.opening + span.width  # (`__` turns italics off and on again)
    ]
    if toggled is None and (runs_on or runs_in):
        opening, closing = loose_ends(text, spans)
        if runs_on and opening is not None:
            marks.append((opening, 1))
            styled.append((opening + 1, len(text), "italic"))
        if runs_in and closing is not None:
            marks.append((closing, 1))
            styled.append((0, closing, "italic"))
    return Emphasis(sorted(marks), styled)


def plain_title(text: str) -> str:
    """A title as users should read it: without the underscores and single asterisks that mark
    its emphasis (`*Chapter 1*: Prologue`)."""
    if "_" in text:
        text = _EMPHASIS.sub(r"\1", text)
    return _STAR_ITALIC.sub(r"\1", text) if "*" in text else text


def plain_words(text: str, toggles: bool) -> str:
    """Words as a label quotes them: without the underscores that mark emphasis, and in a book
    whose marks turn emphasis on and off (``toggles``), without any of its paired marks
    (`Written for **Toy Leaf **jam` reads `Written for Toy Leaf jam`)."""
    toggled = toggled_spans(text) if toggles else None
    if toggled is None:
        return plain_title(text)
    cuts = sorted((at, span.width) for span in toggled for at in span[:2])
    kept = [0, *(at + width for at, width in cuts)]
    ends = [*(at for at, _ in cuts), len(text)]
    return "".join(text[a:b] for a, b in zip(kept, ends, strict=True))


def without_emphasised(text: str) -> str:
    """``text`` without its emphasised words, marks and all (`DIARY--_continued_.` reads
    `DIARY--.`): what the rest of a line is written in."""
    return _EMPHASIS.sub("", text) if "_" in text else text
