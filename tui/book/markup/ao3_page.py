"""Saved AO3 work pages: the work inside the site's menus, forms, kudos, comments and footer."""

from __future__ import annotations

from collections.abc import Sequence

from tui.book.markup.paragraphs import Para
from tui.book.model import ParaKind
from tui.book.rules.headings import clean_heading

WORK = "#workskin"  # the element holding the work itself on an AO3 page
CHAPTERS = "#chapters"
# (first paragraph, role, kind, title) of a stretch of the page
Mark = tuple[int, str, str, str]


def is_saved_page(paras: Sequence[Para]) -> bool:
    """A work page saved from the site (not one of AO3's downloads): the work sits in
    `#workskin` among the site's own navigation."""
    return any(p.block is not None and WORK in p.block.context for p in paras)


def saved_page_marks(paras: Sequence[Para]) -> list[Mark]:
    """The site's header, menus and work tags before the work are front matter (the tags are
    read as metadata); the work's title, author, summary and notes are its preface; each
    `h3.title` inside `#chapters` opens a chapter; kudos, comments and the footer after the
    work are end matter. Landmark headings (`User Navigation`, `Actions`, `Chapter Text`) are
    never chapters."""
    marks: list[Mark] = []
    region = ""
    seen_work = False
    for i, para in enumerate(paras):
        block = para.block
        if block is None:
            continue
        context = block.context
        if WORK not in context:
            now = "after" if seen_work else "before"
        else:
            seen_work = True
            now = "chapters" if CHAPTERS in context else "preface"
        classes = block.marks.split()
        heading = (
            now == "chapters"
            and para.hint == ParaKind.HEADING
            and "title" in classes
            and "landmark" not in classes
        )
        if now == region and not heading:
            continue
        if now == "before":
            marks.append((i, "front", "chrome", ""))
        elif now == "after":
            marks.append((i, "end", "chrome", ""))
        elif now == "preface":
            marks.append((i, "front", "preface", ""))
        else:
            title = clean_heading(para.text.replace("\n", " ")) if heading else ""
            marks.append((i, "chapter", "", title))
        region = now
    return marks
