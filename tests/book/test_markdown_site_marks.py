"""Markdown marks a reader never sees: hard line breaks, `[TOC]` markers, centred images."""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.book.model import Book
from tui.book.text.markdown import markdown_lines

PROSE = "She walked down to the harbour and counted the boats again, slowly, twice over."


def _shown(book: Book) -> list[str]:
    return [book.paragraph(i) for i in range(len(book))]


def test_a_backslash_ending_a_line_is_a_line_break_not_text() -> None:
    lines = markdown_lines("*May 1st, 1238 C.E.*\\\n*7:34 p.m.*\\\nA path: C:\\\\").split("\n")
    assert lines == ["May 1st, 1238 C.E.", "7:34 p.m.", "A path: C:\\"]


def test_date_lines_under_an_underlined_heading_stay_out_of_its_title(tmp_path: Path) -> None:
    path = tmp_path / "morse.md"
    body = ["Morse Four", "==========", "", "*May 1st, 1238 C.E.*\\", "*7:34 p.m.*", ""]
    path.write_text("\n".join([*body, PROSE, "", PROSE, ""]), encoding="utf-8")
    book = open_book(path)
    assert [c.title for c in book.chapters] == ["Morse Four"]
    assert not any("\\" in text for text in _shown(book))


def test_toc_markers_and_centring_marks_are_not_shown(tmp_path: Path) -> None:
    path = tmp_path / "reunion.md"
    lines = ["#Reunion", "->By Togetic Anon<-", "[TOC2]", "", "##Chapter 1: Dream", ""]
    lines += [PROSE, "", "->![Wing flute piano...](https://i.imgur.com/oBYXCIi.png)<-", ""]
    lines += [PROSE, "", "##Chapter 2: Wake", "", PROSE, "", "[toc]", "", PROSE, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    shown = _shown(open_book(path))
    assert "[Illustration: Wing flute piano...]" in shown
    assert not any("TOC" in text.upper() or "->" in text or "<-" in text for text in shown)
    assert not any("![" in text or "imgur" in text for text in shown)


def test_images_that_say_nothing_of_their_picture_stay_blank() -> None:
    text = "![](cover.jpg)\n![Flower](/images/flower-2.png)\n![image](x.png)"
    assert markdown_lines(text).split("\n") == ["", "", ""]
