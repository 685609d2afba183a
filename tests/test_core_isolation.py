"""Only the UI room imports Textual: every module of the headless rooms imports without it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import tui

HEADLESS_MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(tui.__path__, "tui.")
    if not info.name.startswith(("tui.ui", "tui.cli")) and info.name != "tui.__main__"
)
# Subcommands that must start fast and work without a terminal UI.
HEADLESS_COMMANDS = [
    "tui.cli",
    "tui.cli.outline",
    "tui.cli.find",
    "tui.cli.library",
    "tui.cli.config",
]


@pytest.mark.parametrize("module", HEADLESS_MODULES + HEADLESS_COMMANDS)
def test_module_imports_no_textual(module: str) -> None:
    code = (
        f"import importlib, sys; importlib.import_module({module!r}); "
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{module} imports Textual: {result.stdout}{result.stderr}"
