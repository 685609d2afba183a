"""The core (engine, index, search, settings) must import no Textual."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import tui.commands
import tui.core

CORE_MODULES = sorted(f"tui.core.{info.name}" for info in pkgutil.iter_modules(tui.core.__path__))
# Subcommands that must start fast and work without a terminal UI.
HEADLESS_COMMANDS = [
    "tui.cli",
    "tui.commands.outline",
    "tui.commands.find",
    "tui.commands.library",
    "tui.commands.config",
]


@pytest.mark.parametrize("module", CORE_MODULES + HEADLESS_COMMANDS)
def test_module_imports_no_textual(module: str) -> None:
    code = (
        f"import importlib, sys; importlib.import_module({module!r}); "
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{module} imports Textual: {result.stdout}{result.stderr}"
