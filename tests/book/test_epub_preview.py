"""The first page before the whole book: previews of EPUB and HTML agree with the full book."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fixtures import epub_builders as eb
from fixtures.epub_ao3 import ao3_epub
from fixtures.epub_fanficfare import fff_html
from fixtures.epub_serials import serial_epub, serial_html

from tui.book import formats as books
from tui.book.markup.epub import open_epub, preview_epub
from tui.book.markup.html_book import open_html, preview_html
from tui.book.model import Book


def assert_prefix(preview: Book, full: Book) -> None:
    """Every paragraph of the preview is the same paragraph, at the same offset, in the book."""
    n = len(preview)
    assert 0 < n < len(full)
    assert full.text.startswith(preview.text)
    assert list(preview.starts) == list(full.starts[:n])
    assert list(preview.ends) == list(full.ends[:n])
    for chapter in preview.chapters[:-1]:  # the last one may be cut short
        twin = full.chapters[chapter.index]
        assert (chapter.title, chapter.start, chapter.end) == (twin.title, twin.start, twin.end)
        assert [s.start for s in chapter.scenes] == [s.start for s in twin.scenes]
    assert preview.meta.get("preview") is True
    assert "preview" not in full.meta


def test_epub_preview_converts_only_the_first_documents(tmp_path: Path) -> None:
    path = serial_epub(tmp_path / "serial.epub", chapters=80, per_chapter=30)
    full = open_epub(path)
    preview = preview_epub(path, chars=20_000)
    assert_prefix(preview, full)
    assert len(preview.chapters) < len(full.chapters) // 4
    assert len(full.chapters) == 80


def test_epub_preview_reaches_a_saved_position(tmp_path: Path) -> None:
    path = serial_epub(tmp_path / "serial.epub", chapters=80, per_chapter=30)
    full = open_epub(path)
    middle = full.starts[full.chapters[50].start]
    preview = preview_epub(path, chars=20_000, until=middle)
    assert_prefix(preview, full)
    assert len(preview.text) > middle + 10_000
    assert preview.chapters[50].title == "Chapter 51"


def test_html_preview_agrees_with_the_full_file(tmp_path: Path) -> None:
    path = serial_html(tmp_path / "serial.html", chapters=120, per_chapter=20)
    full = open_html(path)
    preview = preview_html(path, chars=30_000)
    assert_prefix(preview, full)
    assert [c.title for c in full.chapters] == [f"Chapter {k + 1}" for k in range(120)]


def test_small_books_preview_whole(tmp_path: Path) -> None:
    path = ao3_epub(tmp_path / "work.epub")
    preview = preview_epub(path)
    full = open_epub(path)
    assert preview.text == full.text and preview.meta["preview"] is False
    assert [c.title for c in preview.chapters] == [c.title for c in full.chapters]


@pytest.mark.parametrize("builder", [ao3_epub, fff_html], ids=lambda builder: builder.__name__)
def test_engine_dispatches_markup_by_suffix(
    tmp_path: Path, builder: Callable[[Path], Path]
) -> None:
    path = eb.build(builder, tmp_path, "book")
    book = books.open_book(path)
    quick, loaded = books.open_preview(path, 0)
    assert loaded is None
    assert quick.text == book.text and book.style == "markup"


def test_html_previews_cut_anywhere_agree_with_the_full_file(tmp_path: Path) -> None:
    """Cut the file at many places: whatever the cut, the preview's text and offsets are the
    book's, even where empty paragraphs are spacing in one chapter and scene breaks in the
    next. (Its structure may be refined by the full book: a lone `<h1>` looks like a chapter
    until the `<h2>` chapters are known.)"""
    gap = "<p>&#160;</p>"
    parts = ["<html><body><h1>Gaps</h1>"]
    for k in range(12):
        parts.append(f"<h2>Chapter {k + 1}</h2>")
        texts = [f"<p>{t}</p>" for t in eb.prose(k, 14)]
        if k % 2:
            parts.append(gap.join(texts))  # spacing everywhere
        else:
            parts.append("".join(texts[:7]) + gap + "".join(texts[7:]))  # one scene break
    parts.append("</body></html>")
    path = tmp_path / "gaps.html"
    path.write_text("".join(parts), encoding="utf-8")
    full = open_html(path)
    assert [len(c.scenes) for c in full.chapters] == [2, 1] * 6
    for chars in range(3_000, path.stat().st_size - 2_000, 1_700):
        preview = preview_html(path, chars=chars)
        n = len(preview)
        assert full.text.startswith(preview.text), chars
        assert list(preview.starts) == list(full.starts[:n]), chars
