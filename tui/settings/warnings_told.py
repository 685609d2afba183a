"""Which warnings of the settings file were told already, so start-up tells each set once."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui.paths import state_dir
from tui.storage import StoreError, write_atomic

if TYPE_CHECKING:
    from tui.settings.settings import Problem


def _told_path() -> Path:
    return state_dir() / "settings-warnings-told"


def _digest(problems: Sequence[Problem]) -> str:
    """Changes when the warnings change: another file, another line, another warning."""
    text = "\n".join(str(problem) for problem in problems)
    return hashlib.blake2b(text.encode("utf-8", "replace"), digest_size=16).hexdigest()


def told_already(problems: Sequence[Problem]) -> bool:
    """Whether these warnings, the same ones, were told at an earlier start (a file left with
    warnings on purpose, a key moved to another action, is not told about at every start)."""
    try:
        return _told_path().read_text(encoding="utf-8").strip() == _digest(problems)
    except (OSError, UnicodeDecodeError):
        return False


def note_told(problems: Sequence[Problem]) -> None:
    """Remember that these warnings were told; nothing is lost when that cannot be written
    (they are told again next time)."""
    with contextlib.suppress(OSError, StoreError):
        write_atomic(_told_path(), (_digest(problems) + "\n").encode(), durable=False)
