"""A book's file written again while it is open: whole, or a download part-way through."""

from __future__ import annotations

import gzip
from pathlib import Path

from support_engine import FANFIC, blueberry

from tui.book.formats import open_book
from tui.reading.file_written import BeingWritten, still_being_written


def test_an_emptied_file_is_being_written(tmp_path: Path) -> None:
    path, whole = blueberry(tmp_path)
    shown = open_book(path)
    path.write_bytes(b"")
    assert still_being_written(path, shown, len(whole)) == BeingWritten("it is empty")


def test_a_file_cut_far_short_is_being_written(tmp_path: Path) -> None:
    path, whole = blueberry(tmp_path)
    shown = open_book(path)
    path.write_bytes(whole[:7000])
    share = 7000 * 100 // len(whole)
    why = still_being_written(path, shown, len(whole))
    assert why == BeingWritten(f"it is {share}% of the size it was", cut_short=True)


def test_the_start_of_the_text_open_is_being_written(tmp_path: Path) -> None:
    path, whole = blueberry(tmp_path)
    shown = open_book(path)
    path.write_bytes(whole[: len(whole) * 4 // 5])  # cut inside a line, as a download is
    why = still_being_written(path, shown, len(whole))
    assert why == BeingWritten("it holds only the start of the text open", cut_short=True)


def test_a_whole_file_is_read_again(tmp_path: Path) -> None:
    path, whole = blueberry(tmp_path)
    shown = open_book(path)
    path.write_bytes(whole + b"\nCHAPTER 9\n\nThe last slice went to the gulls.\n")
    assert still_being_written(path, shown, len(whole)) is None
    path.write_bytes(whole)  # the same text again
    assert still_being_written(path, shown, len(whole)) is None


def test_a_chapter_taken_down_is_an_edit_not_a_download(tmp_path: Path) -> None:
    path, whole = blueberry(tmp_path)
    shown = open_book(path)
    text = whole.decode("utf-8")
    start = text.index("CHAPTER 3")
    end = text.index("CHAPTER 4")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert still_being_written(path, shown, len(whole)) is None


def test_a_compressed_download_cut_short_is_being_written(tmp_path: Path) -> None:
    path, whole = blueberry(tmp_path)
    packed = gzip.compress(whole, mtime=0)
    path.write_bytes(packed)
    shown = open_book(path)
    path.write_bytes(packed[: len(packed) * 3 // 4])
    why = still_being_written(path, shown, len(packed))
    assert why == BeingWritten("it cannot be read whole yet")  # (never read as it is)


def test_an_epub_that_no_longer_opens_as_a_zip_is_being_written(tmp_path: Path) -> None:
    """Cut to half its bytes (not far short by size), or written over at its full size: its
    zip directory, which comes last, is gone either way, and it does not open."""
    path = tmp_path / "story.epub"
    whole = (FANFIC / "ao3_download_epub_br_lines.epub").read_bytes()
    path.write_bytes(whole)
    shown = open_book(path)
    for damaged in (whole[: len(whole) // 2], whole[: len(whole) - 100] + b"\0" * 100):
        path.write_bytes(damaged)
        why = still_being_written(path, shown, len(whole))
        assert why == BeingWritten("it cannot be read whole yet")
    path.write_bytes(whole)
    assert still_being_written(path, shown, len(whole)) is None


def test_a_compressed_page_or_text_cut_to_half_or_less_is_being_written(tmp_path: Path) -> None:
    """A gzipped saved page (`.html.gz`) is read by its markup, not as text, and a gzipped
    file cut to half or less was taken for the story cut short on purpose: read again once it
    held still, it did not open (chapbook ended, found by the soak)."""
    page = tmp_path / "work.html.gz"
    packed = (FANFIC / "ao3_chapter_page_long.html.gz").read_bytes()
    page.write_bytes(packed)
    text, whole = blueberry(tmp_path)
    text_packed = gzip.compress(whole, mtime=0)
    text.write_bytes(text_packed)
    for path, data in ((page, packed), (text, text_packed)):
        shown = open_book(path)
        for share in (2, 3):
            path.write_bytes(data[: len(data) // share])
            why = still_being_written(path, shown, len(data))
            assert why == BeingWritten("it cannot be read whole yet"), (path.name, share)
