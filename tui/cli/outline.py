"""`chapbook outline FILE [--json]`: print a book's chapters, scenes, front and end matter."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from tui.book.formats import open_book
from tui.book.model import Book, Section, titled
from tui.book.section_names import END, FRONT, matter_parts
from tui.cli.fitted_lines import cut_end, fitted, terminal_width
from tui.finder.tokens import chapter_names


def run(args: argparse.Namespace) -> int:
    book = open_book(args.file)
    if getattr(args, "json", False):
        data = outline_dict(book)
        # Only `json.dumps` without indent uses json's C encoder (`json.dump` never does):
        # indent outlines a person might read, not a serial with thousands of scenes.
        indent = (
            1 if len(book.chapters) + sum(len(c.scenes) for c in book.chapters) < 2000 else None
        )
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent) + "\n")
    else:
        # On a terminal, each line fits its width (a long title wrapped mid-word otherwise);
        # piped, the lines are whole, for grep and scripts.
        sys.stdout.write(outline_text(book, terminal_width(sys.stdout)))
    sys.stdout.flush()
    return 0


def outline_dict(book: Book) -> dict[str, Any]:
    """The outline as plain data: what `--json` prints."""
    chapters = []
    # Scenes are labelled as the finder labels them, chapters numbered as the book numbers
    # them (`Ch 1 · Scene 2` after a prologue, as `chapbook find` says `ch1 s2`).
    names = chapter_names([c.title for c in book.chapters], [c.part for c in book.chapters])
    for chapter in book.chapters:
        head = chapter.heading
        entry: dict[str, Any] = {"part": chapter.part} if chapter.part else {}
        chapters.append(
            {
                **entry,
                "title": chapter.title,
                "heading": book.paragraph(head) if head is not None else None,
                "line": book.line_of(head) if head is not None else None,
                "offset": book.starts[head if head is not None else chapter.start]
                if len(book)
                else 0,
                "section": chapter.section,
                "paragraphs": chapter.end - chapter.start,
                "scenes": [
                    {
                        "index": scene.index + 1,
                        "line": book.line_of(scene.start),
                        "offset": book.starts[scene.start],
                        "label": titled(
                            f"{names[chapter.index]} · Scene {scene.index + 1}",
                            scene.description(),
                        ),
                        "title": scene.title,
                        "first_words": scene.first_words,
                        "names": scene.names,
                        "paragraphs": scene.end - scene.start,
                    }
                    for scene in chapter.scenes
                ],
            }
        )
    meta = {k: v for k, v in book.meta.items() if isinstance(v, str | int | float | list)}
    return {
        "title": book.title,
        "author": book.author,
        "path": book.path,
        "encoding": book.encoding,
        "style": book.style,
        "words": book.word_count,
        "paragraphs": len(book),
        "meta": meta,
        "chapters": chapters,
        "front_matter": [_section(book, s) for s in book.front_matter],
        "end_matter": [_section(book, s) for s in book.end_matter],
        "notices": list(book.notices),
    }


def _section(book: Book, section: Section) -> dict[str, Any]:
    first = section.heading if section.heading is not None else section.start
    last = max(section.end - 1, section.start)
    out: dict[str, Any] = {"kind": section.kind, "line": book.line_of(first)}
    if section.heading is not None:
        out["heading"] = book.paragraph(section.heading)
        out["heading_line"] = book.line_of(section.heading)
    if section.end > section.start:
        out["start_line"] = book.line_of(section.start)
        out["end_line"] = book.line_of(last)
        if section.end - section.start == 1:
            out["text"] = _short(book.paragraph(section.start))
    return out


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def outline_text(book: Book, width: int | None = None) -> str:
    """The outline as a readable tree; each line cut with `…` to ``width`` cells, if given (a
    chapter's title is cut before its line number, which stays whole)."""
    lines = [book.title or "(untitled)"]
    if book.author:
        lines[0] += f" — {book.author}"
    words, chapters = book.word_count, len(book.chapters)
    facts = [
        f"{words:,} word{'' if words == 1 else 's'}",
        f"{chapters} chapter{'' if chapters == 1 else 's'}",
        book.encoding,
    ]
    lines.append("  " + " · ".join(facts))
    for notice in book.notices:
        lines.append(f"  ! {notice}")
    if book.front_matter:
        lines.append(f"{FRONT}: " + _parts(book, FRONT))
    for chapter in book.chapters:
        lines.append(fitted(chapter.full_title, _line_ref(book, chapter.heading), width))
        for scene in chapter.scenes:
            name = f"  Scene {scene.index + 1}{_line_ref(book, scene.start)}"
            lines.append(titled(name, scene.description()))
    if book.end_matter:
        lines.append(f"{END}: " + _parts(book, END))
    if width is not None:
        lines = [cut_end(line, width) for line in lines]
    return "\n".join(lines) + "\n"


def _line_ref(book: Book, para: int | None) -> str:
    line = book.line_of(para) if para is not None else None
    return f" (line {line})" if line else ""


def _parts(book: Book, where: str) -> str:
    """`Title page (line 1), Summary (line 4)`: the parts as the reader lists them."""
    shown: list[str] = []
    for part in matter_parts(book, where):
        line = book.line_of(part.para)
        shown.append(f"{part.name} (line {line})" if line else part.name)
    return ", ".join(shown)
