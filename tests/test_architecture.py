"""The rooms keep to their rule: the import-linter contracts in pyproject.toml hold."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports() -> list[str]:
    local = Path(sys.executable).with_name("lint-imports")
    if local.exists():
        return [str(local)]
    found = shutil.which("lint-imports")
    if found is None:
        pytest.fail("lint-imports is missing: install the test extras (pip install -e '.[test]')")
    return [found]


def test_the_import_contracts_hold() -> None:
    result = subprocess.run(
        [*_lint_imports(), "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " 0 broken" in result.stdout, result.stdout[-3000:]


def test_no_module_reaches_textual_private_parts_outside_the_terminal_room() -> None:
    offenders = []
    for path in sorted((ROOT / "tui").rglob("*.py")):
        if "terminal" in path.relative_to(ROOT / "tui").parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "textual._" in text or "from textual import _" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
