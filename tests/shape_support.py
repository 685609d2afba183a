"""Test helpers for the shapes of real files.

Sentences of prose, a file written in a test's folder, a minimal page around some markup, and
the first words of each chapter's scenes.
"""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book

PROSE = "She walked down to the harbour and counted the boats again, slowly, twice over."
OTHER = "The lamp in the tower was lit at dusk, and the keeper wrote the hour in his book."
MORE = "Rain came in over the hills before noon, and the road turned to mud by evening."


def scene_firsts(path: Path) -> list[list[str]]:
    """The first 14 characters of each scene's first words, chapter by chapter."""
    return [[s.first_words[:14] for s in c.scenes] for c in open_book(path).chapters]


def written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def page(body: str, title: str = "Story") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"
