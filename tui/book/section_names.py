"""Names people use for the parts of front and end matter, never an internal kind name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.book.model import Book, Section
from tui.book.rules.clean_headings import matter_heading

# Kinds of section with a name of their own; others are named by their heading, else after
# the part before them, else as front or end matter.
SECTION_NAMES = {
    "title": "Title page",
    "cover": "Title page",
    "byline": "Title page",
    "work_title": "Title page",
    "ao3_landmark": "Title page",  # "Posted originally on the Archive of Our Own at ..."
    "work_header": "About this work",
    "summary": "Summary",
    "notes": "Notes",
    "author_note": "Author's note",
    "metadata": "About this work",
    "toc": "Contents",
    "afterword": "Afterword",
    "end_notes": "End notes",
    "end_marker": "The end",
    "comment_request": "Notes",
    "gutenberg_licence": "Licence",
    "licence": "Licence",
    "colophon": "Colophon",
    "index": "Index",
    "errata": "Errata",
    "copyright": "Copyright",
    "imprint": "Imprint",
    "dedication": "Dedication",
    "preface": "Preface",
}
# Kinds whose heading is not the part's name: a title page's heading is the book's title.
NAMED_BY_KIND = frozenset(
    {"title", "cover", "byline", "work_title", "ao3_landmark", "work_header", "metadata"}
)
# Project Gutenberg's header: its catalogue card and licence blurb before the book's own title
# page. A text file's reader finds it by its `*** START` line; a markup book's converter sets
# it as a title page and its card as metadata, so it is known there by its first lines.
GUTENBERG_HEADER = "gutenberg_header"
HEADER_NAME = "About this work"
_GUTENBERG_TITLE = re.compile(
    r"(?:the\s+)?project\s+gutenberg(?:['’]s\s|(?:['’]s)?\s+e-?book\b)", re.IGNORECASE
)
# How many paragraphs into a title page the header's first line may come (after a cover).
_HEADER_LEAD = 3
# Headings longer than this are not used as a part's name.
HEADING_NAME_MAX = 48
FRONT, END = "Front matter", "End matter"

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# Words a title keeps in lower case unless they begin it.
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on"}
    | {"or", "the", "to", "with"}
)
# Closing punctuation a heading line ends on that a name does without (`ETYMOLOGY.`).
_TRAILING = ".:;,"


def _cased(word: str, first: bool) -> str:
    """A word set in capitals as a title writes it: `SUB` -> `Sub`, `OF` -> `of`, `IV` kept."""
    if _ROMAN.fullmatch(word):
        return word
    lower = word.lower()
    if not first and lower in _SMALL_WORDS:
        return lower
    return word[:1] + word[1:].lower()


def heading_name(text: str) -> str:
    """A heading line as a name in a list: without the full stop or colon it ends on, and out
    of capitals (`ETYMOLOGY.` -> `Etymology`; `EXTRACTS (Supplied by a Sub-Sub-Librarian).` ->
    `Extracts (Supplied by a Sub-Sub-Librarian)`), a heading in mixed case left as it is."""
    name = text.strip().rstrip(_TRAILING).rstrip()
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2:
        return name
    if all(c.isupper() for c in letters):
        words = iter(range(len(name)))
        return _WORD.sub(lambda m: _cased(m.group(), next(words) == 0), name)
    first = _WORD.search(name)
    if first and len(first.group()) > 1 and first.group().isupper():
        # A first word in capitals, the rest not: a lead-in set in small capitals.
        return name[: first.start()] + _cased(first.group(), True) + name[first.end() :]
    return name


def headed_name(book: Book, section: Section) -> str | None:
    """The name the section's heading gives it (`Etymology`); None without a heading short
    enough to be a name."""
    heading = section.heading
    if heading is None or not 0 <= heading < len(book):
        return None
    text = heading_name(matter_heading(book.paragraph(heading)))
    return text if 0 < len(text) <= HEADING_NAME_MAX else None


def is_gutenberg_header(book: Book, section: Section) -> bool:
    """Whether ``section`` is Project Gutenberg's header: found as such in a text file, or a
    markup book's title page opening with `The Project Gutenberg eBook of …`."""
    if section.kind == GUTENBERG_HEADER:
        return True
    if section.kind not in ("title", "cover"):
        return False
    first = section.heading if section.heading is not None else section.start
    last = min(first + _HEADER_LEAD, section.end, len(book))
    return any(_GUTENBERG_TITLE.match(book.paragraph(para)) for para in range(first, last))


def story_start(book: Book) -> int:
    """Where the book itself starts (an offset), as a new book opens: past the publisher's
    matter before it (Project Gutenberg's header, its licence blurb and catalogue card; an
    imprint, a copyright page, a colophon; a cover that is only a picture) and the title
    pages among that matter, at the first part that is the work's own (its title page after
    Gutenberg's header, a preface, an epigraph, the first chapter); else at its start."""
    end = 0
    header = False  # still in Gutenberg's header and the catalogue card set apart from it
    for k, section in enumerate(book.front_matter):
        header = (k == 0 and is_gutenberg_header(book, section)) or (
            header and section.kind == "metadata"
        )
        if header or section.kind in PUBLISHER_KINDS or _picture_only(book, section):
            end = section.end
        elif section.kind not in TITLE_KINDS:
            break
    return book.starts[end] if 0 < end < len(book) else 0


# The publisher's matter a book opens past, and the title pages that may stand among it.
PUBLISHER_KINDS = frozenset({"imprint", "copyright", "colophon", "licence", "gutenberg_licence"})
TITLE_KINDS = frozenset({"title", "cover", "byline", "work_title", "metadata"})
_PICTURE = re.compile(r"\[image(?::[^\]]*)?\]")


def _picture_only(book: Book, section: Section) -> bool:
    """Whether ``section`` is a cover with nothing but pictures in it."""
    if section.kind != "cover":
        return False
    first = section.heading if section.heading is not None else section.start
    texts = [book.paragraph(para).strip() for para in range(first, min(section.end, len(book)))]
    return bool(texts) and all(not text or _PICTURE.fullmatch(text) for text in texts)


def own_name(book: Book, section: Section) -> str | None:
    """The section's name from its heading or its kind (a title page's by its kind); None
    when it has neither."""
    if is_gutenberg_header(book, section):
        return HEADER_NAME
    kind_name = SECTION_NAMES.get(section.kind)
    if kind_name and section.kind in NAMED_BY_KIND:
        return kind_name
    return headed_name(book, section) or kind_name


# A title page's last lines that a converter set as headings of their own (`THE MILLENNIUM
# FULCRUM EDITION 3.0`, `Translated by David Wyllie`): a part of at most this many paragraphs,
# none longer than a line of a title page.
_TITLE_LINES = 3
_TITLE_LINE_CHARS = 60


def _title_page_lines(book: Book, section: Section) -> bool:
    """Whether ``section`` is a few short lines with no name of their own by kind, such as a
    title page's byline or edition set as headings."""
    if section.kind != "front":
        return False
    first = section.heading if section.heading is not None else section.start
    last = min(section.end, len(book))
    if last - first > _TITLE_LINES:
        return False
    return all(len(book.paragraph(para)) <= _TITLE_LINE_CHARS for para in range(first, last))


def section_names(book: Book, sections: list[Section], where: str) -> list[str]:
    """A name for each section. One without a name of its own (a stretch of plain text
    between two parts) is named after the part before it, so that the name shown while
    reading does not flip from one line to the next; so are a title page's last lines set
    as headings of their own."""
    names: list[str] = []
    for k, section in enumerate(sections):
        name = own_name(book, section)
        if names and names[-1] == SECTION_NAMES["title"] and _title_page_lines(book, section):
            name = None
        if name is None and _over_byline(sections, k):
            name = SECTION_NAMES["title"]  # (the book's title, `MOBY-DICK; or, THE WHALE.`)
        names.append(name or (names[-1] if names else where))
    return names


def _over_byline(sections: list[Section], k: int) -> bool:
    """Whether section ``k`` is plain lines with no heading right over a byline: the title
    of a title page."""
    section = sections[k]
    return (
        section.kind == "text"
        and section.heading is None
        and k + 1 < len(sections)
        and sections[k + 1].kind == "byline"
    )


def matter_name(book: Book, para: int) -> str | None:
    """The name of the front or end matter part holding paragraph ``para``; None outside
    them."""
    for sections, where in ((book.front_matter, FRONT), (book.end_matter, END)):
        for section, name in zip(sections, section_names(book, sections, where), strict=True):
            first = section.heading if section.heading is not None else section.start
            if first <= para < section.end:
                return name
    return None


@dataclass(frozen=True, slots=True)
class MatterPart:
    """A named part of the front or end matter as a list shows it: one or more sections."""

    name: str
    where: str  # FRONT or END
    para: int  # where it is shown from: its heading, else its first paragraph
    end: int  # one past its last paragraph
    headed: bool  # named by a heading of its own, as a chapter is


def matter_parts(book: Book, where: str) -> list[MatterPart]:
    """The front (``where`` = FRONT) or end matter as parts to list and jump to. A section
    named like the one before it is part of it; so is one named only by its kind that
    repeats an earlier part's name (a Gutenberg page's title and details over and over),
    not one with a heading of its own (a book's own title page after Gutenberg's). Empty
    sections are left out."""
    sections = book.front_matter if where == FRONT else book.end_matter
    parts: list[MatterPart] = []
    for section, name in zip(sections, section_names(book, sections, where), strict=True):
        first = section.heading if section.heading is not None else section.start
        if not 0 <= first < min(section.end, len(book)):
            continue
        headed = section.heading is not None and own_name(book, section) == name
        repeats = not headed and any(part.name == name for part in parts)
        if parts and (parts[-1].name == name or repeats):
            last = parts[-1]
            parts[-1] = MatterPart(last.name, where, last.para, section.end, last.headed)
            continue
        parts.append(MatterPart(name, where, first, section.end, headed))
    return parts
