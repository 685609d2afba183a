"""The three real texts: chapter heading lines exact, scene-break F1 at least 0.95."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support_engine import assert_break_f1

from tests.conftest import corpus_files
from tui.book.formats import open_book
from tui.cli.outline import outline_dict


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_outline_matches_the_careful_reader(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    got = outline_dict(open_book(path))
    assert [c["line"] for c in got["chapters"]] == [c["line"] for c in expected["chapters"]]
    assert_break_f1(got["chapters"], expected["chapters"])
    assert got["title"] == expected["title"]
    assert got["author"] == expected["author"]
    # Each chapter's first scene starts where the careful reader's does, too.
    assert [c["scenes"][0]["line"] for c in got["chapters"]] == [
        c["scenes"][0] for c in expected["chapters"]
    ]
    assert bool(got["end_matter"]) == bool(expected["end_matter"])


def test_corpus_is_present(corpus: Path) -> None:
    assert len(corpus_files()) == 3
