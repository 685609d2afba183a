"""Opening in stages: a preview for the first page, then the whole book with the same offsets."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from reader_support import story, write_story

from tui.book.anchor import make_anchor
from tui.book.model import BookError
from tui.reading import stages as opening
from tui.reading.stages import open_stages, read_head


def big_story() -> str:
    """About 1.3 MB: big enough for a preview read from the head of the file."""
    return story(chapters=280, scenes=3, paras=6)


def test_a_small_book_opens_in_one_stage(tmp_path: Path) -> None:
    path = write_story(tmp_path / "small.txt", story())
    stages = list(open_stages(path))
    assert [s.final for s in stages] == [True]
    assert stages[0].offset == 0 and stages[0].exact


def test_a_big_book_shows_its_head_first_with_the_same_offsets(tmp_path: Path) -> None:
    text = big_story()
    path = write_story(tmp_path / "serial.txt", text)
    preview, full = list(open_stages(path))
    assert not preview.final and full.final
    assert len(preview.book.text) < len(full.book.text) // 3  # only the head was read
    for i in range(0, len(preview.book), 7):
        start = preview.book.starts[i]
        j = full.book.para_at(start)
        assert full.book.starts[j] == start
        assert full.book.paragraph(j) == preview.book.paragraph(i)


def test_the_head_preview_does_not_depend_on_the_book_s_size(tmp_path: Path) -> None:
    small = write_story(tmp_path / "small.txt", big_story())
    huge = write_story(tmp_path / "huge.txt", big_story() * 8)
    for path in (small, huge):
        preview = next(iter(open_stages(path)))
        assert not preview.final
        assert len(preview.book.text) <= opening.HEAD_BYTES


def test_a_place_deep_in_a_big_book_is_previewed_from_the_whole_text(tmp_path: Path) -> None:
    text = big_story()
    path = write_story(tmp_path / "serial.txt", text)
    full = list(open_stages(path))[-1].book
    place = text.index("Scene 250.2 opens.")
    anchor = make_anchor(full, place)
    preview, final = list(open_stages(path, anchor))
    assert not preview.final
    assert preview.exact and preview.offset == place
    assert final.exact and final.offset == place


def test_a_start_offset_wins_over_the_saved_place(tmp_path: Path) -> None:
    text = story(chapters=4)
    path = write_story(tmp_path / "s.txt", text)
    book = list(open_stages(path))[-1].book
    anchor = make_anchor(book, text.index("Scene 2.1 opens."))
    target = text.index("Scene 4.1 opens.")
    final = list(open_stages(path, anchor, start=target))[-1]
    assert final.offset == target


def test_read_head_stops_at_a_line_end(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_bytes(b"one line\nsecond line\nthird, cut here")
    assert read_head(path, 30) == b"one line\nsecond line\n"


def test_read_head_leaves_wide_encodings_to_the_full_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(("line\n" * 100).encode("utf-16-le"))
    assert read_head(path, 300) is None


def test_a_big_utf16_book_still_opens(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(b"\xff\xfe" + big_story().encode("utf-16-le"))
    stages = list(open_stages(path))
    assert stages[-1].final and "Scene 1.1 opens." in stages[-1].book.text


def test_a_named_pipe_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(BookError):
        list(open_stages(fifo))
    assert time.monotonic() - started < 5


def test_a_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(BookError) as err:
        list(open_stages(tmp_path / "gone.txt"))
    assert "\n" not in str(err.value)
