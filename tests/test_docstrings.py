"""Every module opens with a one-line docstring that says what it is for."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The truth checks beside the real corpora are small standalone scripts, kept as written.
KEPT_AS_WRITTEN = "check_truth.py"


def _modules() -> list[Path]:
    return [
        path
        for folder in ("tui", "tests", "tools")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.name != KEPT_AS_WRITTEN and "__snapshots__" not in path.parts
    ]


def _summary_problem(path: Path) -> str | None:
    """Why the module's docstring does not open with a one-line summary, or None."""
    text = path.read_text(encoding="utf-8")
    # (the docstring alone is parsed when the file opens on it: the whole tree is not needed)
    end = text.find('"""', 3) + 3 if text.startswith('"""') else len(text)
    docstring = ast.get_docstring(ast.parse(text[:end]), clean=False)
    if not docstring or not docstring.strip():
        return "no docstring"
    lines = docstring.strip("\n").splitlines()
    if not lines[0].rstrip().endswith((".", "?", "!")):
        return f"the summary runs on past its first line: {lines[0].strip()[:60]!r}"
    if len(lines) > 1 and lines[1].strip():
        return "no blank line after the summary"
    return None


def test_every_module_opens_with_a_one_line_docstring() -> None:
    problems = [
        f"{path.relative_to(ROOT)}: {problem}"
        for path in _modules()
        if (problem := _summary_problem(path)) is not None
    ]
    assert problems == []
