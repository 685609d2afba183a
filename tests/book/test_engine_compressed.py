"""Gzip-compressed books: `NAME.txt.gz` and `NAME.html.gz` open by their inner suffix."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tui.book import loader
from tui.book.formats import book_format, open_book
from tui.book.model import BookError
from tui.library.folders import is_book_file, walk_books

STORY = (
    "CHAPTER I.\n\nThe boats came in at dawn, and Mara counted them again.\n\n"
    "CHAPTER II.\n\nBy noon the harbour was empty and the gulls had gone quiet.\n"
)
PAGE = (
    "<html><head><title>Harbour</title></head><body>"
    "<h2>Chapter One</h2><p>The boats came in at dawn.</p>"
    "<h2>Chapter Two</h2><p>By noon the harbour was empty.</p></body></html>"
)


def test_a_gzipped_text_reads_like_the_plain_one(tmp_path: Path) -> None:
    plain = tmp_path / "harbour.txt"
    plain.write_text(STORY, encoding="utf-8")
    packed = tmp_path / "harbour.txt.gz"
    packed.write_bytes(gzip.compress(STORY.encode("utf-8")))
    want, got = open_book(plain), open_book(packed)
    assert [c.title for c in got.chapters] == [c.title for c in want.chapters]
    assert len(got.chapters) == 2


def test_a_gzipped_html_book_is_read_as_html(tmp_path: Path) -> None:
    packed = tmp_path / "harbour.HTML.gz"
    packed.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    assert book_format(packed).kind == "html"
    book = open_book(packed)
    assert [c.title for c in book.chapters] == ["Chapter One", "Chapter Two"]


def test_an_unknown_inner_suffix_is_plain_text(tmp_path: Path) -> None:
    packed = tmp_path / "harbour.md.gz"
    packed.write_bytes(gzip.compress(STORY.encode("utf-8")))
    assert book_format(packed).kind == "text"
    assert len(open_book(packed).chapters) == 2


def test_a_corrupt_gzip_gets_a_one_line_error(tmp_path: Path) -> None:
    packed = tmp_path / "broken.txt.gz"
    # A fixed time in the gzip header, so that every run cuts the same bytes.
    packed.write_bytes(gzip.compress(STORY.encode(), mtime=0)[:30])
    with pytest.raises(BookError) as err:
        open_book(packed)
    message = str(err.value)
    assert "broken.txt.gz" in message and "gzip" in message and "\n" not in message


def test_a_gzipped_download_saved_as_txt_is_read_by_its_content(tmp_path: Path) -> None:
    saved = tmp_path / "harbour.txt"  # `curl -o harbour.txt` of a gzipped response
    saved.write_bytes(gzip.compress(STORY.encode("utf-8")))
    loader.check_text_start(saved)  # not refused as "a gzip archive"
    assert loader.is_compressed(saved)
    assert [c.title for c in open_book(saved).chapters] == ["CHAPTER I", "CHAPTER II"]


def test_a_gzipped_web_page_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    saved = tmp_path / "harbour.txt"
    saved.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    assert [c.title for c in open_book(saved).chapters] == ["Chapter One", "Chapter Two"]


def test_a_plain_text_named_gz_is_read_as_the_text_it_is(tmp_path: Path) -> None:
    named = tmp_path / "harbour.txt.gz"  # decompressed by a browser, name kept
    named.write_text(STORY, encoding="utf-8")
    assert not loader.is_compressed(named)
    assert len(open_book(named).chapters) == 2


def test_a_gzip_bomb_is_refused_by_the_size_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "MAX_BYTES", 10_000)
    packed = tmp_path / "bomb.txt.gz"
    packed.write_bytes(gzip.compress(b"a" * 50_000))
    assert packed.stat().st_size < 10_000
    with pytest.raises(BookError, match="too large"):
        open_book(packed)


def test_folder_scans_take_compressed_books(tmp_path: Path) -> None:
    for name in ("a.txt.gz", "b.html.gz", "c.txt", "d.gz", "e.epub.gz", "f.tar.gz"):
        (tmp_path / name).write_bytes(b"")
    assert is_book_file(Path("Story.TXT.GZ"))
    found = sorted(p.name for p in walk_books(tmp_path))
    assert found == ["a.txt.gz", "b.html.gz", "c.txt"]


def test_a_gzipped_book_without_a_title_is_named_after_its_file_without_suffixes(
    tmp_path: Path,
) -> None:
    untitled = "The boats came in at dawn, and Mara counted them again.\n\n" * 3
    packed = tmp_path / "harbour_at_dawn.md.gz"
    packed.write_bytes(gzip.compress(untitled.encode("utf-8")))
    assert open_book(packed).title == "harbour at dawn"
