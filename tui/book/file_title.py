"""A book's title taken from its file's path.

For a book that names itself nowhere inside, or names only the chapter a file holds.
"""

from __future__ import annotations

import re
from pathlib import Path

from tui.book.rules.headings import names_a_chapter

# A file name that names one part of a work, not the work: `Chapter02`, `ch_3`, `part-1`,
# `segment0027`, `007`, `index` (not a long number, the id a site gives a whole work).
_PART_FILE = re.compile(
    r"(?:chapter|chap|ch|part|pt|segment|section|episode|ep|page)[\s_.-]*\d+|\d{1,3}|index",
    re.IGNORECASE,
)
# Folders that hold books rather than name one.
_CONTAINERS = {
    "book", "books", "chapters", "content", "desktop", "documents", "download", "downloads",
    "epub", "fanfic", "fanfiction", "fic", "fics", "html", "library", "md", "out", "output",
    "source", "sources", "src", "stories", "story", "temp", "text", "texts", "tmp", "txt",
    "ao3", "ffn", "ffnet", "fimfiction", "royalroad", "wattpad",
}  # fmt: skip
# What follows a work's title in a chapter page's title: ` - Tintagel`, `: Chapter 2`.
_CHAPTER_PART = re.compile(r"\s*[-–—:|]\s*\S")


def _file(path: str) -> Path:
    name = Path(path)
    if name.suffix.lower() == ".gz":  # a compressed book keeps its own suffix inside
        name = name.with_suffix("")
    return name


def _readable(name: str) -> str:
    # A byte of a name that is not UTF-8 is a lone surrogate here (`bad\udcffname`), which a
    # terminal cannot show: it becomes `�`, as a wrong byte in a book's text does.
    shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return shown.replace("_", " ").strip()


def _work_folder(name: Path) -> str:
    """The folder's name when it may name a work: not a place books are kept (`downloads`)
    nor a part itself (`ch3/`)."""
    folder = name.parent.name
    if not folder or folder.lower() in _CONTAINERS or _PART_FILE.fullmatch(folder):
        return ""
    return _readable(folder)


def title_from_path(path: str | None) -> str:
    """A readable title from a file name: `my_story-final.txt(.gz)` -> `my story-final`; a
    file named as one part of a work (`Chapter02.md`, `ch_3.txt`, `007.html`) is titled by its
    folder, which names the work (`Harry_Potter_-_Nephilim/Chapter02.md`)."""
    if not path:
        return ""
    name = _file(path)
    if _PART_FILE.fullmatch(name.stem):
        return _work_folder(name) or _readable(name.stem)
    return _readable(name.stem)


def work_of_folder(title: str, path: str | None) -> str:
    """A chapter page's own title turned into its work's, from the folder that holds the
    page: `Chapter 2` in `Harry_Potter_-_Nephilim/Chapter02.md`, `Hope - Tintagel (2)` in
    `Hope/13 - Tintagel (2).md`. Any other title is kept."""
    if not path or not title:
        return title
    name = _file(path)
    folder = _work_folder(name)
    if not folder:
        return title
    if names_a_chapter(title) and _PART_FILE.fullmatch(name.stem):
        return folder
    head = title[: len(folder)]
    if head.lower() == folder.lower() and _CHAPTER_PART.match(title, len(folder)):
        return head
    return title
