"""The bundled sample story: shipped inside the package, and a fair show of scene detection."""

from __future__ import annotations

import re

from tui.book.formats import open_book
from tui.paths import sample_story_path


def test_the_sample_ships_inside_the_package() -> None:
    path = sample_story_path()
    assert path.is_file()
    assert path.parent.parent.name == "tui"


def test_the_sample_has_ao3_front_matter_three_chapters_and_every_break_style() -> None:
    text = sample_story_path().read_text(encoding="utf-8")
    for label in ("Rating:", "Fandom:", "Characters:", "Additional Tags:", "Summary", "Notes"):
        assert f"\n{label}" in text
    assert "\n* * *\n" in text and "\n~~~\n" in text and "\noOo\n" in text
    chapter_two = text.split("\nChapter 2:")[1].split("\nChapter 3:")[0]
    assert re.search(r"[^\n]\n\n\n[^\n]", chapter_two.strip())  # two blank lines

    book = open_book(sample_story_path())
    assert (book.title, book.author) == ("What the Tide Keeps", "Maren Holloway")
    assert 3000 <= book.word_count <= 6000
    assert [c.title for c in book.chapters] == [
        "Chapter 1: The Supply Boat",
        "Chapter 2: The Missing Chapter",
        "Chapter 3: The Ending",
    ]
    # `* * *` twice; `~~~` and two blank lines; `oOo`.
    assert [len(c.scenes) for c in book.chapters] == [3, 3, 2]
    assert {"summary", "notes"} <= {s.kind for s in book.front_matter}
