"""A Markdown file's YAML front matter: how long it is and what it names.

The front matter (`---` … `---`): how many lines it takes, and the work, chapter, title and
author it names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FRONT_MATTER_LINES = 60  # a YAML block closed further down is not front matter
# Front-matter keys naming the work a page is a chapter of.
WORK_KEYS = ("noveltitle", "novel_title", "novel", "booktitle", "book_title", "series", "work")
# Front-matter keys naming the chapter a page holds, beside a `title:` naming the work.
CHAPTER_KEYS = ("chapter_title", "chaptertitle", "chapter_name")
# The end of a quoted value spread over lines: its quote, not doubled or escaped, then at most
# a comment (`summary: "…` … `… found?" # use html`).
YAML_CLOSING = {
    '"': re.compile(r'(?<!\\)"\s*(?:#.*)?$'),
    "'": re.compile(r"(?<!')'\s*(?:#.*)?$"),
}
YAML_FIELD = re.compile(r"([A-Za-z_][\w -]*):(?:\s+(.*?))?\s*")
YAML_MORE = re.compile(r"(?:\s+\S.*|\s*-\s.*|\s*#.*|\s*)")  # continued, a list item, a comment


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """A Markdown file's YAML front matter: how many lines it takes, its title and author."""

    lines: int = 0
    title: str = ""
    author: str = ""
    work: str = ""  # the work a chapter's page belongs to (`novelTitle:`, `series:`)
    chapter: str = ""  # the chapter a page is (`chapter_title:`), when the title is the work's


def front_matter(text: str) -> FrontMatter:
    """The YAML block the file opens with (`---` … `---` or `...`), or an empty one."""
    lines = text.lstrip("\ufeff").split("\n", FRONT_MATTER_LINES + 1)[: FRONT_MATTER_LINES + 1]
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter()
    fields: dict[str, str] = {}
    quote = ""  # the quote a value spread over several lines opened, until it closes
    for number, line in enumerate(lines[1:], 2):
        if quote:
            if YAML_CLOSING[quote].search(line):
                quote = ""
            continue
        if line.rstrip() in ("---", "..."):
            work = next((fields[k] for k in WORK_KEYS if fields.get(k)), "")
            chapter = next((fields[k] for k in CHAPTER_KEYS if fields.get(k)), "")
            title, author = fields.get("title", ""), fields.get("author", "")
            return FrontMatter(number, title, author, work, chapter)
        found = YAML_FIELD.fullmatch(line)
        if found:
            value = found.group(2) or ""
            opening = value[:1]
            if opening in YAML_CLOSING and not YAML_CLOSING[opening].search(value[1:]):
                quote = opening  # `summary: "Dread grows…` goes on below
                continue
            fields.setdefault(found.group(1).strip().lower(), _yaml_scalar(value))
        elif not YAML_MORE.fullmatch(line):
            return FrontMatter()  # prose under a rule, not a YAML block
    return FrontMatter()


def _yaml_scalar(value: str) -> str:
    """A one-line YAML value as text: quotes taken off, `''` and `\\"` undone."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"')
    return value


def with_front_title(plain: str, source: str) -> tuple[str, int | None]:
    """The plain text of a Markdown page without headings of its own, with the title its front
    matter gives the page (its chapter's, else its own) set as a heading on the blank line
    above the story, and that heading's 1-based line; the text unchanged and None when the
    front matter gives none."""
    front = front_matter(source)
    title = " ".join((front.chapter or front.title).split())
    if not front.lines or not title:
        return plain, None
    lines = plain.split("\n")
    # (the line above the story is blank: a gap, or the front matter's closing `---`)
    first = next((k for k in range(front.lines, len(lines)) if lines[k].strip()), None)
    if first is None:
        return plain, None
    lines[first - 1] = title
    return "\n".join(lines), first
