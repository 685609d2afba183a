"""Project Gutenberg's illustration notes and superscripts, and EPUB letters and blockquotes.

Project Gutenberg's illustration notes over several lines, and its superscript notation, in a
real illustrated book; EPUB letters and blockquotes kept as set in.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.book.formats import open_book
from tui.book.model import Book, ParaKind
from tui.book.rules.illustrations import illustration_blocks
from tui.book.rules.superscripts import superscript_marks, without_superscript_marks

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


@pytest.fixture(scope="module")
def pride() -> Book:
    return open_book(REAL / "pg_pride_prejudice_illustrated.txt.gz")


def para_on_line(book: Book, line: int) -> int:
    para = book.para_of_line(line)
    assert book.lines[para] == line
    return para


def test_a_caption_over_several_lines_is_a_label_not_story(pride: Book) -> None:
    # [Illustration:
    #
    # “He came down to see the place”
    #
    # [_Copyright 1894 by George Allen._]]
    for line in (718, 720, 722):
        assert pride.kinds[para_on_line(pride, line)] == ParaKind.LABEL
    # the story either side is still story
    assert pride.kinds[para_on_line(pride, 716)] == ParaKind.TEXT
    assert pride.kinds[para_on_line(pride, 724)] == ParaKind.TEXT


def test_one_line_notes_and_lone_closing_brackets_are_labels_too(pride: Book) -> None:
    assert pride.kinds[para_on_line(pride, 833)] == ParaKind.LABEL  # `[Illustration]`
    assert pride.kinds[para_on_line(pride, 946)] == ParaKind.LABEL  # `]` closing a caption
    story = [i for i in range(len(pride)) if pride.kinds[i] == ParaKind.TEXT]
    assert not [i for i in story if pride.raw(i).lstrip().startswith("[Illustration")]


def test_a_note_holding_a_chapter_heading_keeps_the_heading(pride: Book) -> None:
    # `[Illustration: ·PRIDE AND PREJUDICE·` … `Chapter I.]`: the heading is the chapter's.
    assert pride.chapters[0].title == "Chapter I"
    assert pride.kinds[para_on_line(pride, 693)] == ParaKind.HEADING
    blocks = dict(illustration_blocks(pride))
    assert blocks[para_on_line(pride, 688)] == para_on_line(pride, 693) + 1


def test_the_scenes_open_on_story_not_on_captions(pride: Book) -> None:
    chapter = pride.chapters[1]
    assert chapter.scenes[0].first_words.startswith("Mr. Bennet was among")


def test_superscripts_read_as_ordinary_letters() -> None:
    assert without_superscript_marks("M^{r.} & M^{rs.} Bennet") == "Mr. & Mrs. Bennet"
    assert (
        without_superscript_marks("“M^{rs}. Long and her nieces.”") == "“Mrs. Long and her nieces.”"
    )
    assert without_superscript_marks("D^r Jones") == "Dr Jones"
    # powers and faces keep their marks
    for kept in ("10^{6} cells", "x^2", "^_^", "a^{b2}"):
        assert without_superscript_marks(kept) == kept
        assert superscript_marks(kept) == []


def test_the_illustrated_book_has_its_superscripts_in_captions(pride: Book) -> None:
    para = para_on_line(pride, 814)
    assert without_superscript_marks(pride.raw(para)) == "[Illustration: Mr. & Mrs. Bennet"


def test_an_epub_letter_and_blockquote_are_set_in() -> None:
    book = open_book(REAL / "se_sherlock_holmes.epub")
    letter = [i for i in book.insets if book.paragraph(i).startswith("“My Dear Mr.")]
    assert len(letter) == 1
    start = letter[0]
    # the whole letter, down to its signature, and not the King's words after it
    assert all(book.insets.get(i) == 1 for i in range(start, start + 5))
    assert book.paragraph(start + 4).startswith("“Irene Norton")
    assert start + 5 not in book.insets
    # the note Holmes reads in the first pages is a blockquote too
    assert any(book.paragraph(i).startswith("“There will call upon you") for i in book.insets)
