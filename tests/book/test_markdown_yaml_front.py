"""A Markdown backup's YAML front matter: fandom, tags, summary and notes read and shown."""

from __future__ import annotations

import gzip
from pathlib import Path

from tui.book.formats import open_book
from tui.book.section_names import section_names

PROSE = "She walked down to the harbour and counted the boats again, slowly, twice over."
FANFIC = Path(__file__).parent.parent / "fixtures" / "fanfic"
FRONT = [
    "---",
    "author: someone",
    "fandom:",
    "- Gotham Central",
    "notes: 'Many thanks, you''re the best.",
    "",
    "",
    "  The betas made this",
    "  much better.'",
    'summary: "A week in\\',
    '  \\ the life of Jo. \\n\\nGotham\\-city."',
    "tags: [Case Fic, Character Study]",
    "title: Gotham City Blues",
    "relationship: []",
    "---",
    "",
]


def test_front_matter_fandom_tags_summary_and_notes(tmp_path: Path) -> None:
    path = tmp_path / "gotham.md"
    path.write_text("\n".join([*FRONT, PROSE, "", PROSE, ""]), encoding="utf-8")
    book = open_book(path)
    assert book.title == "Gotham City Blues"
    assert book.meta["fandom"] == ["Gotham Central"]
    assert book.meta["tags"] == ["Case Fic", "Character Study"]
    assert book.meta["summary"] == "A week in the life of Jo.\n\nGotham-city."
    assert book.meta["notes"] == "Many thanks, you're the best.\n\nThe betas made this much better."
    assert section_names(book, book.front_matter, "Front matter") == ["Summary", "Notes"]
    shown = [book.paragraph(i) for i in range(len(book))]
    assert "A week in the life of Jo." in shown and "Gotham-city." in shown


def test_real_ao3_markdown_backups_read_their_front_matter(tmp_path: Path) -> None:
    for name, title, fandom in (
        ("md_ao3_backup_time_headers.md", "Gotham City Blues", "Gotham Central"),
        ("md_ao3_backup_chapter_note_headings.md", "Toque You Long Enough", "Men's Hockey RPF"),
    ):
        path = tmp_path / name
        path.write_bytes(gzip.decompress((FANFIC / f"{name}.gz").read_bytes()))
        book = open_book(path)
        assert book.title == title
        assert book.meta["fandom"] == [fandom]
        assert book.meta["tags"]
        assert section_names(book, book.front_matter, "Front matter") == ["Summary", "Notes"]


def test_empty_chapter_note_labels_are_not_shown(tmp_path: Path) -> None:
    """An archive backup's `#### Chapter Summary` / `#### Chapter Notes` with nothing under
    them: no label line in the chapter, and its first paragraph is story, not a note."""
    lines = [*FRONT, "### Chapter 1: Snow", "", "#### Chapter Summary", "", "",
             "#### Chapter Notes", "", "", "First " + PROSE, "", PROSE, "",
             "### Chapter 2: Rain", "", "#### Chapter Summary", "", "> Jo waits.", "",
             "#### Chapter Notes", "", "", "Second " + PROSE, "", PROSE, ""]  # fmt: skip
    path = tmp_path / "backup.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    book = open_book(path)
    shown = [book.paragraph(i) for i in range(len(book))]
    assert "Chapter Notes" not in shown and shown.count("Chapter Summary") == 1
    first, second = book.chapters
    assert book.paragraph(first.scenes[0].start).startswith("First ")
    assert book.paragraph(second.scenes[0].start).startswith("Second ")
    assert "Jo waits." in shown
