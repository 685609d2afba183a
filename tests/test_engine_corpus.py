"""The three real texts: chapter heading lines exact, scene-break F1 at least 0.95."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import corpus_files
from tui.commands.outline import outline_dict
from tui.core.books import open_book

MIN_F1 = 0.95


def _breaks(chapters: list[dict]) -> set[int]:
    """Scene starts other than each chapter's first."""
    return {s["line"] if isinstance(s, dict) else s for c in chapters for s in c["scenes"][1:]}


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_corpus_outline_matches_the_careful_reader(path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    got = outline_dict(open_book(path))
    assert [c["line"] for c in got["chapters"]] == [c["line"] for c in expected["chapters"]]
    found, want = _breaks(got["chapters"]), _breaks(expected["chapters"])
    tp = len(found & want)
    f1 = 1.0 if not found and not want else 2 * tp / (len(found) + len(want))
    assert f1 >= MIN_F1, f"scene-break F1 {f1:.3f}: extra {found - want}, missed {want - found}"
    assert got["title"] == expected["title"]
    assert got["author"] == expected["author"]
    # Each chapter's first scene starts where the careful reader's does, too.
    assert [c["scenes"][0]["line"] for c in got["chapters"]] == [
        c["scenes"][0] for c in expected["chapters"]
    ]
    assert bool(got["end_matter"]) == bool(expected["end_matter"])


def test_corpus_is_present(corpus: Path) -> None:
    assert len(corpus_files()) == 3
