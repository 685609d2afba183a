"""A story told day by day: chapters headed by the days alone, and clock times opening its hours.

Chapters headed by the days alone, counting up (`1 frostmonth` …), set apart by space alone, and
the clock times (`20.42`) that open the hours of its days.
"""

from __future__ import annotations

from pathlib import Path

from shape_support import MORE, OTHER, PROSE, written

from tui.book.formats import open_book
from tui.book.text.day_titles import day_titles, hours_of_days

SCENE = "\n\n".join([PROSE + " " + OTHER, MORE + " " + PROSE, OTHER + " " + MORE])


def _days(count: int = 6, step: int = 1) -> str:
    """A story of ``count`` days numbered ``step`` apart, each `N frostmonth` (the month a
    made-up word) four blank lines under the day before, the last with a word in brackets: two
    scenes a day, each under its clock time (two blank lines above it, one under it); a line
    set off by two blank lines inside the first scene (a thought), and a text message set off
    by four blank lines (`Mira: here at 20.52`) inside the second. The story names a day again
    at its end."""
    text = "The Frost Calendar\n\nby Nobody\n"
    for k in range(count):
        title = f"{1 + k * step} frostmonth" + (" (Epilogue)" if k == count - 1 else "")
        morning, evening = f"0{k % 3 + 6}.{k}5", f"2{k % 3}.4{k}"
        text += f"\n\n\n\n{title}\n\n{morning}\n\n{SCENE}\n\n\nMaybe tomorrow\n\n\n{SCENE}\n"
        text += f"\n\n{evening}\n\n{SCENE}\n\n\n\n\nMira: here at 20.52\n\n\n\n\n{SCENE}\n"
    return text + "\n\n2 frostmonth\n\nShe wrote that at the top of the page, once more.\n"


def test_days_counting_up_set_apart_are_the_chapters(tmp_path: Path) -> None:
    # (not the thought nor the message set apart as widely)
    book = open_book(written(tmp_path, "calendar.txt", _days()))
    titles = [f"{day} frostmonth" for day in range(1, 6)] + ["6 frostmonth (Epilogue)"]
    assert [c.title for c in book.chapters] == titles


def test_the_clock_times_of_the_days_open_their_hours(tmp_path: Path) -> None:
    # (and the thought and the message, set off no wider than the hours are, part no scenes)
    book = open_book(written(tmp_path, "calendar.txt", _days()))
    assert [[s.first_words[:5] for s in c.scenes] for c in book.chapters] == [
        [f"0{k % 3 + 6}.{k}5", f"2{k % 3}.4{k}"] for k in range(6)
    ]


def test_days_that_do_not_count_up_one_by_one_are_no_chapters(tmp_path: Path) -> None:
    book = open_book(written(tmp_path, "calendar.txt", _days(step=2)))
    assert "3 frostmonth" not in [c.title for c in book.chapters]


def _paragraphs(parts: list[str]) -> tuple[str, list[int], list[int]]:
    """A text of ``parts`` one blank line apart (three over a day), and their spans."""
    text, starts, ends = "", [], []
    for part in parts:
        text += "\n\n\n\n" if part.endswith("frostmonth") else "\n\n"
        starts.append(len(text))
        text += part
        ends.append(len(text))
    return text, starts, ends


def _day_titles(days: list[int]) -> list[int]:
    parts = ["Title"]
    for day in days:
        parts += [f"{day} frostmonth", *[PROSE] * 5]
    text, starts, ends = _paragraphs(parts)
    found = day_titles(text, starts, ends, 1, {}, lambda i: text[starts[i] : ends[i]])
    return [i for i, _ in found]


def test_three_days_counting_up_are_a_count_and_two_are_not() -> None:
    assert _day_titles([1, 2, 3]) == [1, 7, 13]
    assert _day_titles([1, 2]) == []


def test_clock_times_stand_in_half_the_days_at_least() -> None:
    parts = ["1 frostmonth", "06.15", PROSE, "2 frostmonth", PROSE, "3 frostmonth", "20.40", PROSE]
    text, starts, ends = _paragraphs([*parts, "4 frostmonth", PROSE])
    assert hours_of_days(text, starts, ends, [0, 3, 5, 8], 0, len(starts)) == [1, 6]
    text, starts, ends = _paragraphs([*parts, "4 frostmonth", PROSE, "5 frostmonth", PROSE])
    assert hours_of_days(text, starts, ends, [0, 3, 5, 8, 10], 0, len(starts)) == []
