"""Chapter titles set as a styled line under a bare label, joined to the label.

`<h2>CHAPTER I</h2>` over `<div class="subhead">DR. SHEPPARD AT THE BREAKFAST TABLE</div>` is
`CHAPTER I: DR. SHEPPARD AT THE BREAKFAST TABLE`, where the book sets most of its chapters so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from tui.book.markup.para import GAP_TEXT, Para
from tui.book.markup.producers import title_key
from tui.book.model import Book, Chapter, ParaKind
from tui.book.rules.breaks import is_date_line
from tui.book.rules.clean_headings import clean_heading
from tui.book.rules.emphasis import plain_title
from tui.book.rules.headings import match_heading
from tui.book.rules.numerals import parse_number

TEXT, HEADING, LABEL = int(ParaKind.TEXT), int(ParaKind.HEADING), int(ParaKind.LABEL)
TITLE_CHARS = 80  # a chapter's title line, at the longest
TITLE_WORDS = 12
MIN_TITLED = 2  # chapters with such a line, at the least, to read them as the book's titles
LINE_REACH = 3  # paragraphs from the label's heading to its title line
# The title lines' style is the book's style for titles when at least this share of the
# paragraphs set in it are those lines: a style for prose opens other paragraphs too.
TITLE_STYLE_SHARE = 2 / 3
LONG_LOWER_CHARS = 4  # a word a title in title case leaves in lower case (`from`), at the longest
LEADS_ON = (",", ";", ":", "—", "–", "-")  # endings of a line that runs on into the text
SENTENCE_STOPS = ("!", "?", ";")
QUOTES = "\"“‘'«(["


def titles_under_labels(book: Book, paras: Sequence[Para], entries: Iterable[str]) -> None:
    """Chapters titled by a bare label (`CHAPTER I`, `I.`) whose first line is a short title
    take it as their title, and the line is their heading's: where most chapters open on a
    line set in one style the book keeps for them (a class, in capitals or title case), or on
    a line the book's contents (its ``entries`` and its contents page) names. A first
    sentence of prose is in neither: its style opens other paragraphs too, and no contents
    lists it."""
    headed = [c for c in book.chapters if c.heading is not None]
    most = max(MIN_TITLED, len(headed) // 2 + 1)
    lines = _title_lines(book, paras, headed)
    if len(lines) < most:
        return
    lines = [(c, j) for c, j in lines if c.heading is not None and _bare(c, paras[c.heading])]
    keys = Counter(title_key(paras[j].text) for _, j in lines)
    # (a line atop every chapter alike, the story's own name, titles none of them)
    lines = [(chapter, j) for chapter, j in lines if keys[title_key(paras[j].text)] == 1]
    if len(lines) < most:
        return
    listed = _listed_titles(_contents(book, entries))
    named = [(chapter, j) for chapter, j in lines if title_key(paras[j].text) in listed]
    taken = named if len(named) >= most else []
    styled = _styled_lines(paras, [(c, j) for c, j in lines if _title_shaped(paras[j].text)])
    if len(styled) >= most:
        taken = list({j: (c, j) for c, j in (*taken, *styled)}.values())
    for chapter, j in taken:
        title = plain_title(clean_heading(paras[j].text.replace("\n", " ")))
        chapter.title = f"{chapter.title.rstrip(' .:')}: {title}"
        book.kinds[j] = HEADING


def _contents(book: Book, entries: Iterable[str]) -> list[str]:
    """What the book's contents says: the titles of its entries and the lines of its contents
    pages."""
    pages = [s for s in (*book.front_matter, *book.end_matter) if s.kind == "toc"]
    return [*entries, *(book.paragraph(i) for s in pages for i in range(s.start, s.end))]


def _bare(chapter: Chapter, heading: Para) -> bool:
    """Whether the chapter's title and its heading are a bare label."""
    own = match_heading(chapter.title)
    if own is None or own.title:
        return False
    text = clean_heading(heading.text)
    set_as = own if text == chapter.title else match_heading(text)
    return set_as is not None and not set_as.title


def _title_lines(
    book: Book, paras: Sequence[Para], headed: list[Chapter]
) -> list[tuple[Chapter, int]]:
    """Each of the ``headed`` chapters with the short line of text that opens it under its
    heading (past pictures and empty paragraphs), where it has one."""
    kinds = book.kinds
    out = []
    for chapter in headed:
        start = chapter.heading + 1 if chapter.heading is not None else chapter.start
        for j in range(start, min(chapter.end, start + LINE_REACH)):
            para = paras[j]
            if kinds[j] in (HEADING, LABEL) or para.image or para.text in ("", GAP_TEXT):
                continue
            raw = para.text.strip()
            text = " ".join(raw.split()) if len(raw) <= 2 * TITLE_CHARS else ""
            if (
                kinds[j] == TEXT
                and "\n" not in raw
                and 0 < len(text) <= TITLE_CHARS
                and len(text.split()) <= TITLE_WORDS
                and match_heading(text) is None
            ):
                out.append((chapter, j))
            break
    return out


def _styled_lines(
    paras: Sequence[Para], lines: list[tuple[Chapter, int]]
) -> list[tuple[Chapter, int]]:
    """The lines set in the style most of them share, when the book keeps that style for
    them: most of the paragraphs set in it are these lines."""
    styles = Counter(_style(paras[j]) for _, j in lines)
    if not styles:
        return []
    style, count = styles.most_common(1)[0]
    if style is None:
        return []
    # (one pass over the book's paragraphs, only for a book whose chapters open alike, that
    # stops as soon as the style sets too much else: the book's prose)
    tag, marks = style
    most = count / TITLE_STYLE_SHARE
    total = 0
    for para in paras:
        block = para.block
        if block is not None and block.tag == tag and marks in block.marks:
            total += _style(para) == style
            if total > most:
                return []
    return [(c, j) for c, j in lines if _style(paras[j]) == style]


def _style(para: Para) -> tuple[str, str] | None:
    """A paragraph's element and classes (not its id)."""
    block = para.block
    if block is None:
        return None
    return block.tag, " ".join(m for m in block.marks.split() if not m.startswith("#"))


def _title_shaped(line: str) -> bool:
    """A line in capitals or title case that runs on into nothing and holds no sentence
    ending before its last word: `DR. SHEPPARD AT THE BREAKFAST TABLE`, `Return from Luna`."""
    text = " ".join(line.split())
    if text.endswith(LEADS_ON) or is_date_line(text):
        return False
    words = text.split()
    if any(w.endswith(SENTENCE_STOPS) for w in words[:-1]):
        return False
    cased = [w.lstrip(QUOTES) for w in words]
    cased = [w for w in cased if w[:1].isalpha() and w[:1].lower() != w[:1].upper()]
    if not cased or cased[0][:1].islower():
        return False
    lower = [w for w in cased if w[:1].islower()]
    return 2 * len(lower) < len(cased) and all(
        len(w.strip(".,;:!?\"'”’)")) <= LONG_LOWER_CHARS for w in lower
    )


def _listed_titles(contents: Iterable[str]) -> set[str]:
    """The titles the contents names, each as a key and without its number (`VII` in front,
    the page number after): `VII │ THE GOOSE QUILL │ 156` names `the goose quill`."""
    out: set[str] = set()
    for text in contents:
        words = title_key(text).split()
        out.add(" ".join(words))
        while words and parse_number(words[-1]) is not None:
            words.pop()
        if len(words) > 1 and parse_number(words[0]) is not None:
            words = words[1:]
        elif len(words) > 2 and parse_number(words[1]) is not None:
            words = words[2:]  # (`Chapter 3 The Fall`: its label word too)
        out.add(" ".join(words))
    out.discard("")
    return out
