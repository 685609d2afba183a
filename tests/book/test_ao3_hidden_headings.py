"""AO3's `Preface` and `Afterword` headings, hidden by its style sheet, are not shown as text.

AO3 downloads carry these headings, which AO3's own style sheet hides
(`.toc-heading{display:none}`); the reader does not show them as the book's text.
"""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book

AO3_HTML = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "fanfic"
    / "ao3_download_html_2020_named_chapters.html.gz"
)


def _paragraphs(path: Path) -> list[str]:
    book = open_book(str(path))
    return [book.paragraph(i) for i in range(len(book))]


def test_an_ao3_download_opens_with_its_title_not_preface() -> None:
    paragraphs = _paragraphs(AO3_HTML)
    assert paragraphs[0].startswith("Demonology and the Tri-Phasic Model of Trauma")
    assert "Preface" not in paragraphs
    assert "Afterword" not in paragraphs


def test_a_toc_heading_outside_ao3_s_preface_is_shown(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        "<html><body><h2 class='toc-heading'>The Lantern Keeper</h2>"
        + "<p>The ferry had not run for three days, and the village talked of it.</p>" * 20
        + "</body></html>",
        encoding="utf-8",
    )
    assert "The Lantern Keeper" in _paragraphs(page)
