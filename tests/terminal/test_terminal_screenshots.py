"""The README's screenshots are current.

The documented command regenerates exactly the files in `screenshots/`, byte for byte, and the
README shows every one of them.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "screenshots"
COMMAND = "tests/make_screenshots.py"
REGENERATE = f"regenerate them with: .venv/bin/python {COMMAND}"


def test_the_command_regenerates_every_screenshot_unchanged(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, COMMAND, "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    made = {path.name for path in tmp_path.glob("*.svg")}
    kept = {path.name for path in SHOTS.glob("*.svg")}
    screens = {name.split("-")[0] for name in made}
    assert screens == {"library", "reader", "finder", "help", "settings"}
    assert {name.split("-", 1)[1] for name in made} == {"80x24.svg", "120x40.svg"}
    assert made == kept, f"screenshots/ holds {sorted(kept)}, the command makes {sorted(made)}"
    stale = [
        name
        for name in sorted(made)
        if (tmp_path / name).read_bytes() != (SHOTS / name).read_bytes()
    ]
    assert not stale, f"out of date: {stale}; {REGENERATE}"


def test_the_readme_shows_every_screenshot() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\((screenshots/[^)\s]+)\)", readme))
    files = {f"screenshots/{path.name}" for path in SHOTS.iterdir() if path.is_file()}
    assert files, "screenshots/ is empty"
    assert files <= linked, f"not shown in README.md: {sorted(files - linked)}"
    assert linked <= files, f"README.md links missing files: {sorted(linked - files)}"
    assert f".venv/bin/python {COMMAND}" in readme, "the README gives the command"
