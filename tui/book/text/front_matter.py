"""Front matter of a text: title and author, AO3 and FanFicFare headers, summary, notes, tags."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tui.book.model import Section
from tui.book.rules.illustrations import opens_illustration
from tui.book.rules.labels import (
    ao3_page_title,
    bracketed_byline,
    is_style_sheet,
    without_brackets,
    without_status,
)
from tui.book.rules.notes import note_end
from tui.book.rules.number_words import plain
from tui.book.text.front_meta import finish_meta, store_field
from tui.book.text.lines import LIST_KEYS, LineInfo
from tui.book.text.listed_again import listed_again, listed_parts

# Landmarks whose body (the paragraphs after them) belongs to a front section of that kind.
_BODY_LANDMARKS = {"summary": "summary", "notes": "notes", "toc": "toc", "preface": "preface"}
_MAX_TITLE_CHARS = 150
# Real front matter has a few dozen sections; a text of nothing but break lines is not all
# front matter.
MAX_SECTIONS = 400
_STATS_KEYS = {"published", "updated", "completed", "stated_words", "stated_chapters", "kudos"}
_STATS_KEYS |= {"bookmarks", "hits", "comments"}
# Words a subtitle or an edition line starts with (`A Novel`, `The Sequel`), never a name; nor
# is a `By` line that is no byline (`BY THE SAME AUTHOR`, over a list of other books).
_NOT_NAME_START = {"a", "an", "the", "book", "volume", "vol", "part", "chapter", "translated", "by"}
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(\S(?:.*\S)?)\1")
# `Note : ...` (French puts a space before the colon): before the story, the author's note.
_NOTE_LABEL = re.compile(r"[*_~\[(]*(?:notes?|nota|anmerkung)\s*:", re.IGNORECASE)
# A title alone before the first chapter is at most this long.
_LONE_TITLE_CHARS = 80
_LONE_TITLE_WORDS = 10
# Brackets Chinese and Japanese titles are written in: `《青云剑歌》`, `『星の夜』`.


@dataclass
class Front:
    """What the front of a book says about it."""

    title: str = ""
    author: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    end: int = 0  # one past the last front paragraph


class _Reader:
    """Walks the paragraphs before the story, claiming the ones that are front matter."""

    def __init__(self, paragraph, infos: dict[int, LineInfo], limit: int, bounded: bool):
        self.paragraph = paragraph  # index -> display text
        self.infos = infos
        self.limit = limit  # the first chapter heading (or the end of the book)
        self.bounded = bounded  # True when a heading ends the front: bodies run up to it
        self.front = Front()
        self.meta = self.front.meta

    def info(self, i: int) -> LineInfo | None:
        return self.infos.get(i)

    def is_marker(self, i: int) -> bool:
        """A paragraph that starts something new (label, landmark, heading, break ...)."""
        info = self.infos.get(i)
        return info is not None and info.kind not in ("tab", "weak")

    def body_end(self, start: int, most: int | None = None) -> int:
        """Where a section body that starts at ``start`` ends: at the next marker, or (when no
        heading bounds the front) after a few paragraphs."""
        i = start
        cap = self.limit if self.bounded or most is None else min(self.limit, start + most)
        while i < cap and not self.is_marker(i):
            i += 1
        return i

    def add(self, kind: str, heading: int | None, start: int, end: int) -> None:
        self.front.sections.append(Section(kind, heading, start, end))
        self.front.end = max(self.front.end, end, (heading or 0) + 1)


def read_front(
    paragraph, infos: dict[int, LineInfo], limit: int, *, bounded: bool, first: int = 0
) -> Front:
    """Read the front matter among paragraphs ``[first, limit)`` (those before ``first`` are a
    header read elsewhere).

    ``paragraph(i)`` returns display text; ``infos`` maps paragraph indexes to their LineInfo.
    ``bounded`` says ``limit`` is the first chapter heading (everything before it is front
    matter unless it is long unlabelled prose); otherwise the front is only what is labelled.
    """
    reader = _Reader(paragraph, infos, limit, bounded)
    reader.front.end = first
    i = first
    title_done = repeated = False
    while i < limit and len(reader.front.sections) < MAX_SECTIONS:
        info = reader.info(i)
        kind: str | None = info.kind if info else None
        data: Any = info.data if info else None
        if kind is None and _NOTE_LABEL.match(paragraph(i)):
            kind = "author_note"
        elif kind is None and is_style_sheet(paragraph(i)):
            kind = "landmark"  # (a download's style sheet left in its text: a page's furniture)
        if kind == "landmark" and data in ("actions", "work_header"):
            reader.add("ao3_landmark", None, i, i + 1)
            i += 1
        elif kind == "landmark" and data in _BODY_LANDMARKS:
            if data == "toc" and bounded:
                # Its entries look like headings: the list runs to chapter 1, or to where its
                # first entry is met again as the heading it lists (Moby-Dick's `ETYMOLOGY.`).
                end = listed_again(paragraph, i + 1, limit) or limit
                parts = listed_parts(paragraph, (i + 1, end), limit) if end < limit else []
                if parts:
                    reader.add("toc", i, i + 1, end)
                    for head, after in parts:
                        reader.add("front", head, head + 1, after)
                    break
                end = limit
            else:
                end = reader.body_end(i + 1, most=3)
            if data == "notes" and not bounded:
                # A one-chapter AO3 download: the story follows the notes with no heading.
                end = min(end, note_end(paragraph, i + 1, limit, 3))
            section = _BODY_LANDMARKS[data]
            reader.add(section, i, i + 1, end)
            if section == "summary":
                reader.meta["summary"] = "\n\n".join(paragraph(k) for k in range(i + 1, end))
            if section == "notes":
                reader.meta["notes"] = "\n\n".join(paragraph(k) for k in range(i + 1, end))
            i = max(end, i + 1)
        elif kind == "meta":
            i = _read_meta_block(reader, i)
        elif kind == "cover":
            title, author = data
            names = re.split(r"\s+and\s+|\s*&\s*", author)
            reader.front.title = title
            reader.front.author = names[0].strip()
            if len(names) > 1:
                reader.meta["illustrator"] = ", ".join(n.strip() for n in names[1:])
            reader.add("cover", None, i, i + 1)
            title_done = True
            i += 1
        elif kind == "by":
            reader.front.author = reader.front.author or data
            above = paragraph(i - 1).strip() if i > first else ""
            if above and above != reader.front.title and _repeats_title(above, reader.front.title):
                reader.front.title = above  # (over its byline, as the work spells its title)
            reader.add("byline", None, i, i + 1)
            i += 1
        elif kind == "posted":
            # AO3 download: the title stands just before this line.
            if i > 0 and not reader.front.title:
                reader.front.title = paragraph(i - 1)
            reader.add("posted", None, i, i + 1)
            i += 1
        elif kind in ("see_end", "landmark", "front", "author_note", "spacer", "break"):
            end = reader.body_end(i + 1, most=3) if kind in ("front", "author_note") else i + 1
            if kind == "author_note" and not bounded:
                end = min(end, note_end(paragraph, i, limit, 4))
            elif kind == "author_note" and not title_done and _lone_title(paragraph, end, limit):
                end -= 1  # the title, alone under the note, right before the first chapter
            name = {"author_note": "notes", "front": "preface"}.get(kind, "landmark")
            reader.add(name, i if end > i + 1 else None, i + 1 if end > i + 1 else i, end)
            i = end
        elif (
            kind in (None, "tab")
            and _title_like(paragraph(i))
            and (
                not title_done
                or (_repeats_title(paragraph(i), reader.front.title) and not repeated)
            )
        ):
            # The title (an AO3 download repeats it once, above the byline, as the work spells
            # it: the page's title line before it may have lost its marks, `1111 pm - Vardana`).
            repeated = title_done
            if title_done or not reader.front.title:
                reader.front.title = paragraph(i).strip()
            reader.add("title", None, i, i + 1)
            title_done = True
            i += 1
            i = _maybe_author_line(reader, i)
        elif bounded:
            i += 1  # unlabelled front text (a disclaimer, an epigraph): keep looking
        else:
            break
    _fill_holes(reader.front, paragraph, first)
    finish_meta(reader.meta)
    # A labelled `Title:` or `Author:` (a Gutenberg header, a CJK title page) says it best.
    if reader.meta.get("title"):
        reader.front.title = str(reader.meta["title"])
    if reader.meta.get("author"):
        reader.front.author = str(reader.meta["author"])
    ao3 = ao3_page_title(reader.front.title.strip())
    if ao3 is not None:
        # A saved AO3 page's title as the first line of its text: `Title - Author - Fandom
        # [Archive of Our Own]`.
        reader.front.title = ao3[0]
        reader.front.author = reader.front.author or ao3[1] or None
    reader.front.author = reader.front.author or bracketed_byline(reader.front.title)
    reader.front.title = _clean_title(reader.front.title)
    if reader.front.author:
        reader.front.author = readable_name(reader.front.author)
    return reader.front


def person_name(text: str) -> bool:
    """Two to four capitalised words of letters (`Annika Leroux`, `Ирина Белова`, `J. R. Hale`)."""
    words = text.split()
    if not 2 <= len(words) <= 4 or words[0].lower().rstrip(".") in _NOT_NAME_START:
        return False
    return all(w[0].isupper() and all(c.isalpha() or c in ".-'’" for c in w) for w in words)


def _title_again(line: str, reader: _Reader) -> bool:
    """``line`` sets the title again, in capitals perhaps, in Latin capitals that write U as V
    (`GESTA ROMANORVM` under `Gesta Romanorum`): a heading, not the author's name."""
    title = reader.front.title or ""
    return bool(title) and _alnum(line).replace("v", "u") == _alnum(title).replace("v", "u")


def _repeats_title(line: str, title: str) -> bool:
    """``line`` is the work's title again: the same, or the same letters and digits as the
    title part of a page's title line (`11:11 p.m.` for `1111 pm - Vardana - Teen Wolf TV`),
    which may have lost words at its end (`The Bastard of - …` for `The Bastard of
    Winterfell`)."""
    line = line.strip()
    if line == title:
        return True
    head = _alnum(title.split(" - ", 1)[0])
    return " - " in title and len(head) >= 3 and _alnum(line).startswith(head)


def _alnum(text: str) -> str:
    """The letters and digits, without case or accents (AO3 spells a download's title line
    in plain letters: `Snon ligger vit pa taken` for `Snön ligger vit på taken`)."""
    return "".join(c for c in plain(text) if c.isalnum())


def _clean_title(title: str) -> str:
    """`# The Fox` (Markdown), `**The Fox**`, `《青云剑歌》` -> the title itself."""
    title = _MARKDOWN_HEADING.sub("", title.strip())
    wrapped = _EMPHASIS.fullmatch(title)
    if wrapped:
        title = wrapped.group(2)
    return without_status(without_brackets(title))


_ORPHANED = re.compile(r"\s*\(orphan_account\)$", re.IGNORECASE)


def readable_name(name: str) -> str:
    """`BY ADA MARSH` on a title page gives `Ada Marsh`; `kitsune_radio` stays as written; an
    orphaned AO3 work's `Vardana (orphan_account)` is Vardana's (the account is no person)."""
    name = _ORPHANED.sub("", name.strip())
    if name.isupper() and len(name.split()) >= 2:
        return name.title()
    return name


def _fill_holes(front: Front, paragraph, first: int = 0) -> None:
    """Unlabelled paragraphs between labelled front sections form `text` sections; a picture's
    note right above the title (a frontispiece, `[Illustration]`) is part of the title page."""
    for section in front.sections:
        if section.kind == "title" and section.heading is None:
            while section.start > first and opens_illustration(paragraph(section.start - 1)):
                if any(
                    s.end > section.start - 1
                    for s in front.sections
                    if s is not section and s.start < section.start
                ):
                    break  # (the note already belongs to a section of its own)
                section.start -= 1
    covered = sorted(
        (s.heading if s.heading is not None else s.start, s.end) for s in front.sections
    )
    holes, pos = [], first
    for start, end in covered:
        if start > pos:
            holes.append(Section("text", None, pos, start))
        pos = max(pos, end)
    front.sections = sorted(
        front.sections + holes, key=lambda s: s.heading if s.heading is not None else s.start
    )


def _title_like(text: str) -> bool:
    line = text.strip()
    return (
        0 < len(line) <= _MAX_TITLE_CHARS
        and "\n" not in line
        and not line.endswith((".", ",", ";", ":", "”", '"'))  # (`Original story on X:` labels)
        and not line.startswith(("“", '"', "‘"))
    )


def _lone_title(paragraph, end: int, limit: int) -> bool:
    """The paragraph before ``end`` is the last before the first chapter and a title's
    shape: short, capitalised, no sentence (`Crise` under a `Note : ...` line)."""
    if end != limit or end < 1:
        return False
    line = paragraph(end - 1).strip()
    return (
        _title_like(line)
        and len(line) <= _LONE_TITLE_CHARS
        and len(line.split()) <= _LONE_TITLE_WORDS
        and not line.endswith(("!", "?", ":", "…"))
        and (line[:1].isupper() or line[:1].isdigit())
    )


def _maybe_author_line(reader: _Reader, i: int) -> int:
    """On an AO3 work page the author's name follows the title on a line of its own."""
    if i >= reader.limit or reader.front.author:
        return i
    info = reader.info(i)
    if info is not None and info.kind != "decorated":
        return i
    nxt = reader.info(i + 1)
    # (a name may be set between dashes or stars, as a title may: `- JULES VERNE -`)
    text = info.data[1] if info is not None else reader.paragraph(i).strip()
    looks_like_name = 0 < len(text) <= 60 and len(text.split()) <= 4 and _title_like(text)
    # A title page (`Glasshouse Summer` / `Annika Leroux`) before the first heading puts the
    # author's name alone under the title.
    title_page = reader.bounded and person_name(text) and not _title_again(text, reader)
    if looks_like_name and (title_page or (nxt is not None and nxt.kind == "landmark")):
        reader.front.author = text
        reader.add("byline", None, i, i + 1)
        return i + 1
    return i


def _read_meta_block(reader: _Reader, i: int) -> int:
    """`Label: value` lines, or `Label:` lines followed by their value paragraphs."""
    start = i
    while i < reader.limit:
        info = reader.info(i)
        if info is None or info.kind != "meta":
            break
        key, value = info.data
        i += 1
        if not value:
            values: list[str] = []
            while i < reader.limit and reader.info(i) is None and len(values) < 40:
                values.append(reader.paragraph(i).strip())
                i += 1
                if key not in LIST_KEYS and key != "summary" and not _runs_on(values[-1]):
                    break
            value = ", ".join(values) if key in LIST_KEYS else " ".join(values)
        store_field(reader.meta, key, value)
        if key == "summary" and not reader.bounded:
            break
    reader.add("metadata", None, start, i)
    return i


def _runs_on(value: str) -> bool:
    """A value stopped mid-phrase goes on on the next line: AO3's `Series:` / `Part 3 of` /
    `Lightwood Pies`."""
    return value.endswith(" of")


def names_under_heading(infos, heading: int) -> tuple[str, str | None]:
    """The work's title and author as a chapter's header gives them right under its heading
    (Fimfiction's text download: `// Chapter 3 -Title-` / `// Story: X` / `// by Y`)."""
    title, author = "", None
    for k in range(heading + 1, heading + 4):
        info = infos.get(k)
        if info is None:
            break
        if info.kind == "meta" and info.data[0] == "title":
            title = str(info.data[1])
        elif info.kind == "by":
            author = str(info.data)
    return title, author
