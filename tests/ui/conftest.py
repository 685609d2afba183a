"""Fixtures the interface's tests share."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import lantern_book


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    """The lantern story (three chapters of scenes), written to a file of the test's own."""
    return lantern_book(tmp_path)
