"""Markdown books: headings, rules and escapes read as plain lines, line numbers unchanged."""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.book.text.markdown import markdown_lines

PROSE = "She walked down to the harbour and counted the boats again, slowly, twice over."


def test_markup_lines_become_plain_lines_in_place() -> None:
    text = "\n".join(
        [
            '<span id="seg-1"></span>',
            "# Chapter 1: The \\'Harbour\\'",
            "![](cover.jpg)",
            "**Bold title**",
            "---",
            "* * *",
            "\\* an escaped star and a [link](http://example.org)",
        ]
    )
    assert markdown_lines(text).split("\n") == [
        "",
        "Chapter 1: The 'Harbour'",
        "",
        "Bold title",
        "* * *",
        "* * *",
        "* an escaped star and a link",
    ]


def test_markdown_book_has_chapters_scenes_and_no_markup(tmp_path: Path) -> None:
    lines = ['<span id="x"></span>', ""]
    for n in (1, 2):
        lines += [f"# Chapter {n}: Part {n}", "", "**The Harbour**", ""]
        lines += [PROSE, "", PROSE, "", "-" * 72, "", PROSE, "", PROSE, ""]
    path = tmp_path / "story.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    book = open_book(path)
    assert [c.title for c in book.chapters] == ["Chapter 1: Part 1", "Chapter 2: Part 2"]
    assert [len(c.scenes) for c in book.chapters] == [2, 2]
    assert book.title == "The Harbour"
    assert "<span" not in book.text and "#" not in book.text


def test_unnumbered_hash_headings_are_chapters(tmp_path: Path) -> None:
    lines = ["# The Lighthouse Letters", ""]
    for title in ("Arrival", "The Second Letter", "Storm Season"):
        lines += [f"## {title}", ""] + [PROSE, ""] * 6
    path = tmp_path / "letters.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    book = open_book(path)
    assert [c.title for c in book.chapters] == ["Arrival", "The Second Letter", "Storm Season"]
    assert book.title == "The Lighthouse Letters"
    assert [book.line_of(c.heading) for c in book.chapters if c.heading is not None] == [
        3,
        17,
        31,
    ]


def test_bold_italic_one_liners_open_scenes(tmp_path: Path) -> None:
    lines = ["# Chapter 1", ""] + [PROSE, ""] * 4 + ["***Three weeks later***", ""]
    lines += [PROSE, ""] * 4 + ["# Chapter 2", ""] + [PROSE, ""] * 4
    path = tmp_path / "weeks.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    book = open_book(path)
    assert [(c.title, len(c.scenes)) for c in book.chapters] == [("Chapter 1", 2), ("Chapter 2", 1)]
    assert book.chapters[0].scenes[1].first_words.startswith("Three weeks later")
    assert "*" not in book.text
