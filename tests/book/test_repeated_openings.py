"""Scene labels pass over a line the book repeats at the head of its chapters.

For example the story's title under every chapter heading, or `Chapter 12` restating the
heading.
"""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.book.model import ParaKind
from tui.book.rules.repeated_openings import opening_key

FANFIC = Path(__file__).resolve().parents[1] / "fixtures" / "fanfic"


def test_no_chapter_is_labelled_by_the_story_title_repeated_under_its_heading() -> None:
    book = open_book(FANFIC / "ffn_fanficfare_txt_pov_headers.txt.gz")
    assert book.title == "My Paper Heart"
    labels = [chapter.scenes[0].label() for chapter in book.chapters]
    assert not any("My Paper Heart" in label for label in labels)
    assert not any("Chapter" in label.split("—")[-1] for label in labels)
    assert labels[1].endswith("“Up'd frog ant brick wagon I…”")
    assert labels[6].endswith("“EPOV…”")  # a point of view heading its scene is kept


def test_the_title_in_bold_under_two_chapter_headings_is_passed_over(tmp_path: Path) -> None:
    path = tmp_path / "Lanterns.txt"
    chapters = [
        f"Chapter {c}\n\n**Lanterns**\n\n"
        + "\n\n".join(f"Mara counted the lanterns {n} times in chapter {c}." for n in range(12))
        for c in (1, 2)
    ]
    path.write_text("Lanterns\n\nby Someone\n\n\n\n" + "\n\n".join(chapters) + "\n")
    book = open_book(path)
    assert [chapter.title for chapter in book.chapters] == ["Chapter 1", "Chapter 2"]
    for chapter in book.chapters:
        assert chapter.scenes[0].label().endswith("“Mara counted the lanterns 0 times…”")


def test_numbers_stand_for_every_number_only_in_chapter_headings() -> None:
    assert opening_key("**Chapter 12 **") == opening_key("Chapter 3") == "chapter #"
    assert opening_key("2019") != opening_key("2020")
    assert opening_key("**My Paper Heart **") == opening_key("My Paper Heart")


def test_a_sentence_opening_every_chapter_still_names_its_scenes() -> None:
    assert opening_key("She walked down to the harbour.") == ""
    assert opening_key("“Again?”") == ""


def _chapters_under_a_repeated_line(note: str) -> str:
    return "Tideline\n\nby Someone\n\n\n\n" + "\n\n".join(
        f"{c}. Chapter {c}\n\nTideline, a story of the shore\n\n{note if c == 2 else ''}\n\n"
        + "\n\n".join(f"Mara walked the tideline {n} times in chapter {c}." for n in range(12))
        for c in (1, 2, 3)
    )


def test_a_line_repeated_under_the_headings_is_dimmed_with_or_without_a_picture_note(
    tmp_path: Path,
) -> None:
    # (a picture's note is marked after the scenes are found: the repeats are read again then)
    for note in ("", "[Illustration: Mara on the shore]"):
        path = tmp_path / "Tideline.txt"
        path.write_text(_chapters_under_a_repeated_line(note) + "\n")
        book = open_book(path)
        assert [chapter.heading for chapter in book.chapters] == [
            chapter.start for chapter in book.chapters
        ]
        assert len(book.chapters) == 3
        for chapter in book.chapters:
            assert book.paragraph(chapter.start + 1) == "Tideline, a story of the shore"
            assert book.kinds[chapter.start + 1] == ParaKind.LABEL
