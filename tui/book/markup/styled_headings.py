"""Chapter headings set as styled paragraphs, found from how the book uses the style.

A heading like `<p class="p4 center">FIRST NIGHT</p>`, in a book whose contents list and
heading tags name none of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.book.markup.front import is_prose
from tui.book.markup.heading_marks import title_role
from tui.book.markup.para import Para
from tui.book.model import ParaKind
from tui.book.rules.number_words import is_cardinal, word_value
from tui.book.rules.numerals import ordinal_value, parse_number

MIN_HEADINGS = 6  # lines of one style, at the least, to read the style as the book's headings
HEADING_LINE_CHARS = 60
HEADING_LINES = 3
HEADING_WORDS = 10
# Of a style's lines, at least this share stand over the story's prose (a subtitle between):
# the rest head parts, works and title pages.
OVER_PROSE_SHARE = 0.6
# Of a style's lines, at least this share say different things (`II` heads two parts' chapters).
DISTINCT_SHARE = 0.5
PROSE_WITHIN = 2  # paragraphs under a heading within which its prose starts
# Of a style's lines, at most this share may run on into the sentence of the next paragraph (a
# converter's cut before an emphasised word, `mert` / `válogatós vagyok…`): a heading does not.
RUN_ON_SHARE = 0.5
# Of a style's lines, at least this share numbered in one series (`Erstes Kapitel` … ) make the
# series the book's headings: a line of the style numbered nothing between two of them that
# follow each other is a converter's cut inside a chapter, not a heading.
SERIES_SHARE = 0.8
_WORD = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*\.?")


def styled_headings(paras: Sequence[Para], lo: int, hi: int) -> list[int]:
    """The paragraphs between ``lo`` and ``hi`` that head the book's divisions: the lines of
    the one paragraph style used only for short lines, many times, most of them standing over
    prose; and the line of another style just before one of them that its numbering
    continues (`FIRST NIGHT` before `SECOND NIGHT`, `I` before `II`), as a book sets the first
    heading under a title with less space above. Empty when the book has no such style."""
    by_style: dict[str, list[int]] = {}
    short: dict[str, bool] = {}  # (a style with one long line, or one ending `,`, is no heading's)
    for i in range(lo, hi):
        para = paras[i]
        if para.hint != ParaKind.TEXT or para.block is None or para.image:
            continue
        style = _style(para.block.marks)
        if style:
            by_style.setdefault(style, []).append(i)
            short[style] = short.get(style, True) and _short_line(para.text)
    found: list[int] = []
    for style, lines in by_style.items():
        if len(lines) < MIN_HEADINGS or not short[style] or len(lines) <= len(found):
            continue
        if DISTINCT_SHARE * len(lines) > len({paras[i].text for i in lines}):
            continue  # (`ADA` under every letter: a signature, not a title)
        if sum(_runs_on(paras, i, hi) for i in lines) > RUN_ON_SHARE * len(lines):
            continue
        over = sum(_over_prose(paras, i, hi) for i in lines)
        if over >= OVER_PROSE_SHARE * len(lines):
            found = lines
    if not found:
        return []
    found = _within_series(paras, found)
    return sorted(found + _numbered_before(paras, found))


def finest(paras: Sequence[Para], headings: Sequence[int], hi: int) -> list[int]:
    """The headings a reader jumps to: those with prose under them before the next heading.
    The others (a work's title over its first section, a part's title) head what follows."""
    out = []
    for k, i in enumerate(headings):
        stop = headings[k + 1] if k + 1 < len(headings) else hi
        if any(is_prose(paras[j]) for j in range(i + 1, stop)):
            out.append(i)
    return out


def stack_top(paras: Sequence[Para], headings: Sequence[int], i: int) -> int:
    """Where the division headed at ``i`` starts: at the highest of the headings standing over
    it with no prose between (`NOTES FROM UNDERGROUND` / `a novel` / `PART I` over `I`), short
    of a page of matter (`CONTENTS`)."""
    top = i
    taken = set(headings)
    for j in range(i - 1, -1, -1):
        para = paras[j]
        if is_prose(para):
            break
        if j in taken:
            if title_role(para.text) is not None:
                break
            top = j
    return top


def set_as_headings(paras: Sequence[Para], top: int, i: int) -> None:
    """The lines from ``top`` to the heading at ``i`` (titles, subtitles) and the short lines
    right under it before its prose (`a story`) are the division's heading, as the page sets
    them."""
    j = i + 1
    while j < len(paras) and j - i <= PROSE_WITHIN and _subtitle(paras[j]):
        j += 1
    for k in range(top, j):
        if _subtitle(paras[k]) or k == i:
            paras[k].hint = ParaKind.HEADING


def _subtitle(para: Para) -> bool:
    return (
        para.hint == ParaKind.TEXT
        and not para.image
        and _short_line(para.text)
        and not is_prose(para)
    )


def _style(marks: str) -> str:
    """The classes of a paragraph, without its id."""
    return " ".join(sorted(m for m in marks.split() if not m.startswith("#")))


def _short_line(text: str) -> bool:
    lines = text.split("\n")
    return (
        not text.rstrip().endswith((",", ";", ":"))  # (`Yours ever,`: a letter's closing)
        and len(lines) <= HEADING_LINES
        and all(len(line) <= HEADING_LINE_CHARS for line in lines)
        and len(text.split()) <= HEADING_WORDS
    )


def _runs_on(paras: Sequence[Para], i: int, hi: int) -> bool:
    """Whether the line at ``i`` is a piece of a sentence: it starts in lower case, or the
    paragraph after it goes on in lower case."""
    after = paras[i + 1].text.lstrip() if i + 1 < hi else ""
    return paras[i].text.lstrip()[:1].islower() or after[:1].islower()


def _within_series(paras: Sequence[Para], lines: list[int]) -> list[int]:
    """The style's lines without those numbered nothing that stand between two lines of the
    book's series whose numbers follow each other (`Neuntes Kapitel`, a verse line, `Zehntes
    Kapitel`), when nearly all the lines are numbered in that one series."""
    numbers = [_numbered(paras[i].text) for i in lines]
    names = [n[0] for n in numbers if n is not None]
    if not names:
        return lines
    name = max(set(names), key=names.count)
    if names.count(name) < SERIES_SHARE * len(lines):
        return lines
    kept = []
    for k, i in enumerate(lines):
        if numbers[k] is None:
            before = next((n for n in reversed(numbers[:k]) if n is not None), None)
            after = next((n for n in numbers[k + 1 :] if n is not None), None)
            if before and after and before[0] == after[0] == name and after[1] == before[1] + 1:
                continue
        kept.append(i)
    return kept


def _over_prose(paras: Sequence[Para], i: int, hi: int) -> bool:
    return any(is_prose(paras[j]) for j in range(i + 1, min(i + 1 + PROSE_WITHIN, hi)))


def _numbered(text: str) -> tuple[str, int] | None:
    """(the other words, the number) of a heading line with one number in it: `SECOND NIGHT`
    is ("night", 2), `IX` is ("", 9)."""
    words = _WORD.findall(text.replace("\n", " "))
    found = None
    for k, word in enumerate(words):
        bare = word.rstrip(".")
        value = ordinal_value(bare)
        if value is None and not is_cardinal(bare):
            value = word_value(bare)  # (`Fünftes`, `Dixième`: ordinals of other languages)
        if value is None and (bare.isdigit() or bare.isupper() or len(words) == 1):
            value = parse_number(bare)
        if value is not None:
            if found is not None:
                return None
            found = (k, value)
    if found is None:
        return None
    k, value = found
    rest = " ".join(w.casefold() for j, w in enumerate(words) if j != k)
    return rest, value


def _numbered_before(paras: Sequence[Para], headings: Sequence[int]) -> list[int]:
    """Short lines of another style, each between two headings, numbered one before the
    second and named as it is, over prose."""
    out = []
    for k, i in enumerate(headings):
        number = _numbered(paras[i].text)
        if number is None or number[1] < 2:
            continue
        start = headings[k - 1] + 1 if k else 0
        for j in range(i - 1, start - 1, -1):
            para = paras[j]
            if para.hint != ParaKind.TEXT or not _short_line(para.text):
                continue
            if _numbered(para.text) == (number[0], number[1] - 1) and _over_prose(paras, j, i):
                out.append(j)
                break
    return out
