"""Names people use for the parts of front and end matter, never an internal kind name."""

from __future__ import annotations

from tui.book.model import Book, Section
from tui.book.rules.clean_headings import matter_heading

# Kinds of section with a name of their own; others are named by their heading, else after
# the part before them, else as front or end matter.
SECTION_NAMES = {
    "title": "Title page",
    "cover": "Title page",
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
}
# Headings longer than this are not used as a part's name.
HEADING_NAME_MAX = 48
FRONT, END = "Front matter", "End matter"


def own_name(book: Book, section: Section) -> str | None:
    """The section's name from its kind or its heading; None when it has neither."""
    name = SECTION_NAMES.get(section.kind)
    if name:
        return name
    heading = section.heading
    if heading is not None and 0 <= heading < len(book):
        text = matter_heading(book.paragraph(heading))
        if 0 < len(text) <= HEADING_NAME_MAX:
            return text
    return None


def section_names(book: Book, sections: list[Section], where: str) -> list[str]:
    """A name for each section. One without a name of its own (a stretch of plain text
    between two parts) is named after the part before it, so that the name shown while
    reading does not flip from one line to the next."""
    names: list[str] = []
    for section in sections:
        name = own_name(book, section)
        names.append(name or (names[-1] if names else where))
    return names


def matter_name(book: Book, para: int) -> str | None:
    """The name of the front or end matter part holding paragraph ``para``; None outside
    them."""
    for sections, where in ((book.front_matter, FRONT), (book.end_matter, END)):
        for section, name in zip(sections, section_names(book, sections, where), strict=True):
            first = section.heading if section.heading is not None else section.start
            if first <= para < section.end:
                return name
    return None
