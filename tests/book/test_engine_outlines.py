"""Synthetic books in the layouts real producers emit, each checked against a careful outline.

Each `tests/fixtures/engine/outlines/NAME.expected.json` (the same shape as the corpus files, so
`../shared/tools/score_outline.py` reads them too) names its text and gives the heading lines,
the line where every scene starts, title, author, encoding, and where front and end matter
sections start. Its `notes` say what the file imitates and which judgment calls it makes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support_engine import assert_break_f1, outline_scene_lines

from tui.book.formats import open_book
from tui.cli.outline import outline_dict

OUTLINES = Path(__file__).resolve().parents[1] / "fixtures" / "engine" / "outlines"
CASES = sorted(OUTLINES.glob("*.expected.json"))
# Front sections whose start is checked; title and byline are checked through their values.
CHECKED_FRONT = {"summary", "notes", "toc", "metadata"}


def _expected(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _outline(expected: dict) -> dict:
    return outline_dict(open_book(OUTLINES / expected["file"]))


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 20


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_headings_and_titles(path: Path) -> None:
    expected = _expected(path)
    got = _outline(expected)
    assert [c["line"] for c in got["chapters"]] == [c["line"] for c in expected["chapters"]]
    for want, have in zip(expected["chapters"], got["chapters"], strict=True):
        if "title" in want:
            assert have["title"] == want["title"]
    assert got["title"].casefold() == expected["title"].casefold()
    assert got["author"] == expected["author"]
    assert got["encoding"] == expected["encoding"]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_scenes(path: Path) -> None:
    expected = _expected(path)
    got = _outline(expected)
    want_lines = outline_scene_lines(expected["chapters"])
    have_lines = outline_scene_lines(got["chapters"])
    # Every chapter's story starts where the careful reader's does (after notes and labels).
    assert [lines[:1] for lines in have_lines] == [lines[:1] for lines in want_lines]
    if expected["scenes"] == "exact":
        assert have_lines == want_lines
    else:
        assert_break_f1(got["chapters"], expected["chapters"])


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_front_and_end_matter(path: Path) -> None:
    expected = _expected(path)
    got = _outline(expected)
    front = {(s["kind"], s["line"]) for s in got["front_matter"]}
    for section in expected["front_matter"]:
        if section["kind"] in CHECKED_FRONT:
            assert (section["kind"], section["line"]) in front
    want_end = expected["end_matter"]
    if not want_end:
        assert got["end_matter"] == []
        return
    # The story stops exactly where the end matter starts, and each kind is told apart.
    assert got["end_matter"], "no end matter found"
    assert got["end_matter"][0]["line"] == want_end[0]["line"]
    kinds = [s["kind"] for s in got["end_matter"]]
    for section in want_end:
        assert section["kind"] in kinds
