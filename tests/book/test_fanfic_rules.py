"""Fan-fiction layouts in small made-up files: headings, site pages, gaps and spacers."""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.book.model import Book, ParaKind
from tui.book.text.parse import parse_text

PROSE = "She walked down to the harbour and counted the boats again, slowly, twice over."


def _text_book(tmp_path: Path, lines: list[str], name: str = "story.txt") -> Book:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return open_book(path)


def _outline(book: Book) -> list[tuple[str, int]]:
    return [(c.title, len(c.scenes)) for c in book.chapters]


def test_chapter_number_over_prologue_is_one_heading(tmp_path: Path) -> None:
    lines = ["The Harbour Book", "", "by Someone", "", ""]
    lines += ["Chapter 1", "Prologue", ""] + [PROSE, ""] * 5
    lines += ["Chapter 2", "The Boats", ""] + [PROSE, ""] * 5
    book = _text_book(tmp_path, lines)
    assert _outline(book) == [("Chapter 1: Prologue", 1), ("Chapter 2: The Boats", 1)]


def _html_book(tmp_path: Path, body: str, name: str = "story.html") -> Book:
    path = tmp_path / name
    page = f"<html><head><title>The Harbour Book</title></head><body>{body}</body></html>"
    path.write_text(page, encoding="utf-8")
    return open_book(path)


def test_bold_chapter_lines_and_the_author_note_after_them(tmp_path: Path) -> None:
    prose = f"<p>{PROSE}</p>" * 6
    body = (
        "<h1>The Harbour Book</h1><p><b>Chapter 1</b></p><p><b>Prologue</b></p>"
        f"{prose}<p><b>Chapter 2</b></p>{prose}"
        "<p>A/N: Thanks for reading!</p><p><b>Chapter 3: coming soon</b></p><p>Review please.</p>"
    )
    book = _html_book(tmp_path, body)
    assert _outline(book) == [("Chapter 1: Prologue", 1), ("Chapter 2", 1)]


NBSP = "\xa0"
LONG = " ".join([PROSE] * 5)  # long paragraphs: a spacer after each is never a short inset


def test_spacer_between_every_paragraph_is_the_paragraph_gap(tmp_path: Path) -> None:
    lines = ["Chapter 1", NBSP]
    for k in range(20):
        lines += [LONG, NBSP]
        if k == 9:
            lines += [NBSP]  # two spacers: a wider gap, the one scene break
    lines += ["Chapter 2", NBSP] + [LONG, NBSP] * 20
    book = _text_book(tmp_path, lines)
    assert _outline(book) == [("Chapter 1", 2), ("Chapter 2", 1)]


def test_a_stray_spacer_in_text_without_blank_lines_is_no_break(tmp_path: Path) -> None:
    lines = ["Chapter 1", *[LONG] * 10, NBSP, *[LONG] * 10, "Chapter 2", *[LONG] * 10]
    book = _text_book(tmp_path, lines)
    assert _outline(book) == [("Chapter 1", 1), ("Chapter 2", 1)]


def test_spacers_around_a_signature_or_a_list_are_no_breaks(tmp_path: Path) -> None:
    lines = ["Chapter 1", ""] + [LONG, ""] * 5
    lines += ["The tide goes out, the tide comes in,", "and no one comes.", NBSP, "— Old song", ""]
    lines += [LONG, ""] * 5 + ["She made a list:", NBSP, "- bread", "- salt", "- lamp oil", NBSP]
    lines += [""] + [LONG, ""] * 5
    lines += ["Chapter 2", ""] + [LONG, ""] * 5 + [NBSP, ""] + [LONG, ""] * 5
    book = _text_book(tmp_path, lines)
    assert _outline(book) == [("Chapter 1", 1), ("Chapter 2", 2)]


def test_a_wider_gap_among_groups_of_lines_is_a_scene_break(tmp_path: Path) -> None:
    # One paragraph per line, groups of lines set apart by one blank line, a scene by three.
    group = [LONG, LONG, LONG, LONG, ""]
    lines = ["Chapter 1", "", *group * 12, "", "", *group * 12]
    lines += ["Chapter 2", "", *group * 12]
    book = _text_book(tmp_path, lines)
    assert _outline(book) == [("Chapter 1", 2), ("Chapter 2", 1)]
    assert book.line_of(book.chapters[0].scenes[1].start) == 3 + 12 * 5 + 2


def test_a_long_closing_a_n_without_a_colon_is_a_note_not_a_scene() -> None:
    story = "\n\n".join(f"The gulls wheeled over the harbour for the {n}th time." for n in range(8))
    note = "A/N I " + " ".join(["wrote this one on the train home"] * 20) + "."
    assert len(note) > 400
    chapters = "\n\n\n".join(
        f"Chapter {n}: The Harbour\n\n{story}\n\n* * *\n\n{note}" for n in (1, 2, 3)
    )
    book = parse_text(chapters + "\n")
    notes = [i for i in range(len(book)) if book.paragraph(i).startswith("A/N I wrote")]
    assert len(notes) == 3
    # (the last one closes the book: end matter there)
    assert [book.kinds[i] for i in notes] == [ParaKind.NOTE, ParaKind.NOTE, ParaKind.END]
    assert [len(chapter.scenes) for chapter in book.chapters] == [1, 1, 1]
