"""A big book opened again is read back as it was parsed, not parsed again.

That holds while neither its file nor the engine changed; anything else is parsed as ever.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.book import formats
from tui.paths import cache_dir
from tui.reading import parsed_books
from tui.reading.stages import open_stages


def serial(folder: Path, chapters: int = 40) -> Path:
    parts = []
    for number in range(1, chapters + 1):
        scenes = [f"Scene {number}.{s} opens here. " * 30 for s in (1, 2)]
        parts.append(f"Chapter {number}\n\n" + "\n\n* * *\n\n".join(scenes))
    path = folder / "serial.txt"
    path.write_text("\n\n\n".join(parts) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every full parse of a text made from now on (its path), with every book counted as
    big enough to keep."""
    monkeypatch.setattr(parsed_books, "KEEP_FROM", 1)
    made: list[str] = []
    real = formats.parse_loaded

    def parse_loaded(loaded):
        made.append(str(loaded.path))
        return real(loaded)

    monkeypatch.setattr(formats, "parse_loaded", parse_loaded)
    return made


def opened(path: Path):
    return list(open_stages(path))[-1].book


def outline(book) -> list[tuple[str, int, int, list[int]]]:
    return [(c.title, c.start, c.end, [s.start for s in c.scenes]) for c in book.chapters]


def test_a_book_opened_again_is_not_parsed_again(tmp_path: Path, parses: list[str]) -> None:
    path = serial(tmp_path)
    first = opened(path)
    again = opened(path)
    assert len(parses) == 1
    assert outline(again) == outline(first) and len(first.chapters) == 40
    assert again.text == first.text and again.title == first.title


def test_a_file_written_again_is_parsed_again(tmp_path: Path, parses: list[str]) -> None:
    path = serial(tmp_path)
    opened(path)
    serial(tmp_path, chapters=41)  # a chapter posted since
    again = opened(path)
    assert len(parses) == 2 and len(again.chapters) == 41


def test_a_damaged_keep_is_parsed_again_and_kept_anew(tmp_path: Path, parses: list[str]) -> None:
    path = serial(tmp_path)
    opened(path)
    (kept,) = (cache_dir() / "books").glob("*.pickle")
    kept.write_bytes(b"not a book")
    assert len(opened(path).chapters) == 40
    assert len(parses) == 2
    opened(path)
    assert len(parses) == 2  # kept anew


@pytest.mark.parametrize("blocked", ["cache", "books"])
def test_a_cache_folder_that_is_a_file_only_means_nothing_is_kept(
    tmp_path: Path, parses: list[str], blocked: str
) -> None:
    """The book opens, parsed each time: it did not open at all (`cannot open serial.txt:
    NotADirectoryError`), the cache being only a cache."""
    in_the_way = cache_dir() if blocked == "cache" else cache_dir() / "books"
    in_the_way.parent.mkdir(parents=True, exist_ok=True)
    in_the_way.write_text("not a folder\n")
    path = serial(tmp_path)
    assert len(opened(path).chapters) == 40
    assert len(opened(path).chapters) == 40
    assert len(parses) == 2 and in_the_way.read_text() == "not a folder\n"


def test_small_books_are_not_kept(tmp_path: Path, parses: list[str]) -> None:
    parsed_books.KEEP_FROM = 10**9  # (the fixture's patch is undone after the test)
    path = serial(tmp_path)
    opened(path)
    opened(path)
    assert len(parses) == 2
    assert not list((cache_dir() / "books").glob("*.pickle"))


def test_only_the_books_opened_latest_are_kept(tmp_path: Path, parses: list[str]) -> None:
    for number in range(parsed_books.KEPT + 2):
        folder = tmp_path / str(number)
        folder.mkdir()
        opened(serial(folder, chapters=3))
    assert len(list((cache_dir() / "books").glob("*.pickle"))) == parsed_books.KEPT
