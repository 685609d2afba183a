"""Markdown books (`.md`): their markup made into the plain lines the text pipeline reads.

Each line stays on its own line number, so line numbers of the book agree with the file:
`#` headings keep their text (a chapter heading line), `---`, `* * *` and `__` rules become a
`* * *` break line, `***bold-italic***` and `**bold**` one-liners lose their marks, backslash
escapes (`\\'`, `\\*`) are removed, and lines that are only HTML left by converters (pandoc's
`<span id=...>`, `<div>`), or an image, become blank.
"""

from __future__ import annotations

import re

from tui.book.model import Book

HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
RULE = re.compile(r"^ {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){2,})$")
TAG_LINE = re.compile(r"^\s*(?:</?[A-Za-z][^>]*>\s*)+$")
IMAGE_LINE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
TAG = re.compile(r"</?[A-Za-z][^>]*>")
LINK = re.compile(r"(?<!!)\[([^\]]+)\]\([^)]*\)")
STRONG = re.compile(r"(\*\*\*|\*\*|__)(?=\S)(.+?)(?<=\S)\1")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!'\"<>~|])")
BREAK_LINE = "* * *"


def markdown_lines(text: str) -> str:
    """The text of a Markdown book with its markup made plain, line for line."""
    lines = text.split("\n")
    return "\n".join(_plain(line) for line in lines)


def _plain(line: str) -> str:
    if not line.strip():
        return line
    if TAG_LINE.match(line) or IMAGE_LINE.match(line):
        return ""
    if RULE.match(line):
        return BREAK_LINE
    heading = HEADING.match(line)
    if heading:
        line = heading.group(2)
    if "<" in line:
        line = TAG.sub("", line)
    if "](" in line:
        line = LINK.sub(r"\1", line)
    if "**" in line or "__" in line:
        line = STRONG.sub(r"\2", line)
    if "\\" in line:
        line = ESCAPE.sub(r"\1", line)
    return line


def title_from_repeats(book: Book) -> str:
    """A work's title set as a line of its own by every chapter heading (anthologies converted
    to Markdown repeat the story's title in each chapter): that line, else ``""``."""
    if len(book.chapters) < 2:
        return ""
    seen: set[str] = set()
    for chapter in book.chapters:
        if chapter.heading is None:
            return ""
        around = [
            book.paragraph(i).strip()
            for i in range(max(chapter.heading - 3, 0), min(chapter.heading + 4, len(book)))
            if i != chapter.heading
        ]
        lines = {
            line
            for line in around
            if 0 < len(line) <= 80 and "\n" not in line and any(c.isalpha() for c in line)
        }
        seen = lines if not seen else seen & lines
        if not seen:
            return ""
    return min(seen, key=len)
