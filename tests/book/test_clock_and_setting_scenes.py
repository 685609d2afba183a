"""Scenes a book opens with a clock time or with a bracketed setting line.

A clock time (`08:10 AM - The Bus`), a title line over it perhaps, and a bracketed setting line
(`[Location: …]`) of the kind that opens its chapters.
"""

from __future__ import annotations

from pathlib import Path

from shape_support import MORE, OTHER, PROSE, written

from tui.book.formats import open_book


def _firsts(path: Path) -> list[list[str]]:
    return [[s.first_words[:12] for s in c.scenes] for c in open_book(path).chapters]


def _week(titled: bool, under: int = 2, backward: bool = False) -> str:
    """Two days of a made-up week, each under a `##` heading with a `Date:` line, then three
    sections each under a clock time (and, if ``titled``, a short title line over the time)
    with ``under`` paragraphs of story; ``backward``: the second day's times go back."""
    lines = ["# The Long Week", ""]
    hours = [("07:40 AM", "Bus"), ("12:30 PM", "Lunch"), ("19:05 PM", "Home")]
    for day in ("Day One", "Day Two"):
        lines += [f"## {day}", "", f"Date: {day}", ""]
        times = hours[::-1] if backward and day == "Day Two" else hours
        for clock, name in times:
            if titled:
                lines += [f"✦ Part of the day: {name}", ""]
            lines += [f"{clock} - The {name}", ""]
            lines += [text for text in [PROSE, OTHER, MORE][:under] for text in (text, "")]
    return "\n".join(lines)


def test_clock_times_open_the_sections_of_each_chapter(tmp_path: Path) -> None:
    path = written(tmp_path, "week.md", _week(titled=False))
    # (a chapter's first scene opens at its first line, its date)
    assert [firsts[1:] for firsts in _firsts(path)] == [["12:30 PM - T", "19:05 PM - T"]] * 2


def test_a_title_line_over_a_clock_time_opens_the_scene_with_it(tmp_path: Path) -> None:
    path = written(tmp_path, "week.md", _week(titled=True))
    assert [firsts[1:] for firsts in _firsts(path)] == [["Part of the "] * 2] * 2


def test_clock_times_over_a_line_or_two_or_running_back_open_nothing(tmp_path: Path) -> None:
    # (a chat log's time stamps over a message each; times out of order in a chapter)
    for text in (_week(titled=False, under=1), _week(titled=False, backward=True)):
        path = written(tmp_path, "week.md", text)
        assert [len(c.scenes) for c in open_book(path).chapters] == [1, 1]


def test_a_clock_time_inside_a_block_of_header_lines_opens_nothing_of_its_own(
    tmp_path: Path,
) -> None:
    # (each scene under a date, an hour and a place, one line after another, after a rule)
    lines = ["The Long Week", "=============", ""]
    for n, clock in enumerate(("7:10 a.m.", "9:45 a.m.", "2:30 p.m.", "6:00 p.m.")):
        lines += ["*" * 30, ""] if n else []
        lines += [f"*Fair Day {n + 1}, 1901 A.D.*\\", f"*{clock}*\\", "*The Old Mill.*", ""]
        lines += [PROSE, "", OTHER, "", MORE, ""]
    path = written(tmp_path, "week.md", "\n".join(lines))
    assert [firsts[:1] for firsts in _firsts(path)] == [["Fair Day 1, "]]
    assert len(open_book(path).chapters[0].scenes) == 4


def _settings(inside: list[str], system: int = 1) -> str:
    """Three chapters, each opening with a `[Location: …]` line; the lines of ``inside`` set
    in the middle of the second, and ``system`` bracketed game messages in the first."""
    lines = ["# A Tale in Three Places", ""]
    for n, place in enumerate(("The Mill", "The Bridge", "The Tower"), 1):
        lines += [f"## Chapter 1.{n}: Going to {place}", "", f"[Location: {place} - Dawn]", ""]
        lines += [PROSE, "", OTHER, ""]
        lines += ["[System: Strength +1, Luck +2]", "", MORE, ""] * (system if n == 1 else 0)
        for line in inside if n == 2 else []:
            lines += [line, "", MORE, "", PROSE, ""]
        lines += [MORE, "", "---", ""]
    return "\n".join(lines)


def test_a_setting_line_of_the_kind_opening_the_chapters_sets_a_scene(tmp_path: Path) -> None:
    path = written(tmp_path, "tale.md", _settings(["[Location: Under the Bridge]"]))
    assert [len(c.scenes) for c in open_book(path).chapters] == [1, 2, 1]
    assert _firsts(path)[1][1] == "Location: Un"


def test_bracketed_lines_used_more_inside_chapters_than_to_open_them(tmp_path: Path) -> None:
    # (a game's messages, `[System: …]`, open no scene, nor a label opening few chapters)
    text = _settings([f"[Location: Room {n}]" for n in range(4)], system=3)
    assert [len(c.scenes) for c in open_book(written(tmp_path, "tale.md", text)).chapters] == [
        1,
        1,
        1,
    ]
