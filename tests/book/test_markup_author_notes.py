"""`A/N:` and `Disclaimer:` paragraphs in an EPUB or HTML chapter are author's notes.

As in a text file: `S` skips them, they collapse, and scenes are not named by them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.book.formats import open_book
from tui.book.model import ParaKind
from tui.reading.navigation import past_notes

FANFIC = Path(__file__).resolve().parents[1] / "fixtures" / "fanfic"
AO3_DOWNLOADS = [
    "ao3_download_epub_wip_xxx_breaks.epub",
    "ao3_download_html_wip_xxx_breaks.html.gz",
]


@pytest.mark.parametrize("name", AO3_DOWNLOADS)
def test_an_opening_a_n_paragraph_is_a_note_that_skip_notes_passes(name: str) -> None:
    book = open_book(FANFIC / name)
    chapter = book.chapters[0]
    assert chapter.heading is not None
    note = chapter.heading + 1
    assert book.paragraph(note).startswith("A/N: Elk!")
    assert book.kinds[note] == ParaKind.NOTE
    target = past_notes(book, chapter.heading)
    assert isinstance(target, int)
    assert book.kinds[target] == ParaKind.TEXT
    assert not book.paragraph(target).startswith("A/N")
    assert "A/N" not in chapter.scenes[0].label()


@pytest.mark.parametrize("name", AO3_DOWNLOADS)
def test_skip_notes_passes_chapter_notes_and_the_a_n_and_disclaimer_under_them(name: str) -> None:
    book = open_book(FANFIC / name)
    chapter = book.chapters[2]
    assert chapter.heading is not None
    target = past_notes(book, chapter.heading)
    assert isinstance(target, int)
    skipped = [book.paragraph(k) for k in range(chapter.heading + 1, target)]
    assert skipped[0] == "Chapter Notes"
    assert any(text.startswith("A/N:") for text in skipped)
    assert any(text.startswith("Disclaimer:") for text in skipped)
    label = chapter.scenes[0].label()
    assert "Chapter Notes" not in label and "Disclaimer" not in label
    assert book.paragraph(chapter.scenes[0].start).startswith(book.paragraph(target)[:20])


def test_a_paragraph_that_merely_starts_with_an_is_story(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    story = "".join(f"<p>She counted the lanterns for the {n}th time.</p>" for n in range(6))
    page.write_text(
        "<html><body><h2>Chapter 1</h2><p>An hour later the rain stopped.</p>"
        f"{story}</body></html>",
        encoding="utf-8",
    )
    book = open_book(page)
    assert all(book.kinds[k] != ParaKind.NOTE for k in range(len(book)))


def test_a_bare_author_s_notes_label_heads_a_note_that_runs_to_the_rule(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    story = "".join(
        f"<p>The tide came in over the {n}th stone of the harbour wall.</p>" for n in range(8)
    )
    chapters = "".join(
        f"<h2>Chapter {n}</h2><p>Author's notes:</p><p>Mira finds the ledger at last.</p>"
        f"<hr/><p>HARBOUR GATE:</p>{story}"
        for n in (1, 2, 3)
    )
    page.write_text(f"<html><body>{chapters}</body></html>", encoding="utf-8")
    book = open_book(page)
    for chapter in book.chapters:
        assert chapter.heading is not None
        label, summary, rule = chapter.heading + 1, chapter.heading + 2, chapter.heading + 3
        assert book.paragraph(label) == "Author's notes:"
        assert [book.kinds[k] for k in (label, summary, rule)] == [ParaKind.NOTE] * 3
        assert len(chapter.scenes) == 1
        assert "Author" not in chapter.scenes[0].label()
        target = past_notes(book, chapter.heading)
        assert isinstance(target, int) and book.paragraph(target) == "HARBOUR GATE:"
