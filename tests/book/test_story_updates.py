"""A story downloaded again after its author updated it: a chapter added at the end. What the
earlier download showed must stay as it was."""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book

PROSE = "She walked down to the harbour and counted the boats again, slowly, twice over."
OTHER = "The lamp in the tower was lit at dusk, and the keeper wrote the hour in his book."


def test_a_chapter_added_without_the_title_line_leaves_the_title(tmp_path: Path) -> None:
    lines = []
    for number, name in enumerate(("The Quay", "The Lamp", "The Ledger"), 1):
        lines += [f"# Chapter {number}: {name}", "", "**The Keeper's Harbour**", ""]
        lines += [PROSE, "", OTHER, ""] * 4
    path = tmp_path / "keepers_harbour_ch1_3.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert open_book(path).title == "The Keeper's Harbour"
    # The author posts a fourth chapter, and it is set at the end without the title line.
    lines += ["# Chapter 4: The Update", "", PROSE, "", OTHER, ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    book = open_book(path)
    assert (book.title, len(book.chapters)) == ("The Keeper's Harbour", 4)


def test_a_label_over_most_chapters_notes_is_no_title(tmp_path: Path) -> None:
    lines = []
    for number in (1, 2, 3):
        lines += [f"### Chapter {number}: Harbour Lights", "", "#### Chapter Summary", ""]
        lines += [PROSE, "", OTHER, ""] * 4
    lines += ["### Chapter 4: The Update", "", PROSE, "", OTHER, ""]
    path = tmp_path / "harbour_lights.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert open_book(path).title == "harbour lights"
