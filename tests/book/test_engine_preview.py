"""The fast preview parse agrees with the full parse: same offsets, same source lines."""

from __future__ import annotations

from tui.book.formats import open_preview, parse_loaded
from tui.book.text.parse import parse_preview, parse_text

SCENE = (
    "Mara walked to the harbour in the grey light, counting the boats as she always did.\n\n"
    "The fishermen nodded to Mara but did not speak; it was that kind of morning.\n\n"
    "* * *\n\n"
    "She found the letter under a stone on the third bollard, exactly where he had said.\n\n"
)


def book_text(chapters: int = 200) -> str:
    return "My Serial\n\nby Someone\n\n" + "".join(
        f"Chapter {n}\n\n{SCENE}" for n in range(1, chapters + 1)
    )


def assert_agrees(preview, full) -> None:
    first = full.para_at(preview.starts[0])
    assert full.starts[first] == preview.starts[0]
    for k in range(len(preview)):
        assert preview.starts[k] == full.starts[first + k]
        assert preview.ends[k] == full.ends[first + k]
        assert preview.lines[k] == full.lines[first + k]
        assert preview.kinds[k] in (full.kinds[first + k], 0)


def test_preview_windows_agree_with_the_full_parse() -> None:
    text = book_text()
    full = parse_text(text)
    for offset in (0, len(text) // 3, len(text) // 2, len(text) - 1):
        preview = parse_preview(text, offset, span=4000)
        assert preview.starts[0] <= offset <= preview.ends[-1] + 2 or offset == len(text) - 1
        assert_agrees(preview, full)


def test_preview_finds_the_headings_inside_its_window() -> None:
    text = book_text()
    preview = parse_preview(text, len(text) // 2, span=3000)
    titles = [c.title for c in preview.chapters if c.heading is not None]
    assert titles and all(t.startswith("Chapter ") for t in titles)
    # The window opens inside a chapter whose heading it cannot see.
    assert preview.chapters[0].heading is None or preview.chapters[0].title.startswith("Chapter")


def test_preview_at_the_start_has_the_title_and_known_line_skips_counting() -> None:
    text = book_text()
    preview = parse_preview(text, 0, span=2000)
    assert preview.title == "My Serial" and preview.author == "Someone"
    middle = len(text) // 2
    counted = parse_preview(text, middle, span=2000)
    lo = counted.starts[0]
    known = parse_preview(text, middle, span=2000, first_line=text.count("\n", 0, lo) + 1)
    assert list(known.lines) == list(counted.lines)


def test_open_preview_then_full_parse(tmp_path) -> None:
    path = tmp_path / "serial.txt"
    path.write_text(book_text(50), encoding="utf-8")
    preview, loaded = open_preview(path, around_offset=1000)
    full = parse_loaded(loaded)
    assert_agrees(preview, full)
    assert len(full.chapters) == 50
