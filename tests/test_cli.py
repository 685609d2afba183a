"""The command line: options may come before the subcommand, and each subcommand explains itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHAPBOOK = str(Path(sys.executable).with_name("chapbook"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CHAPBOOK, *args], capture_output=True, text=True, timeout=60)


def test_config_option_before_the_subcommand(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("[keys]\nnext_chapter = 'x'\n", encoding="utf-8")
    result = run("--config", str(config), "config", "check")
    assert result.returncode == 0, result.stderr
    listed = run("--config", str(config), "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.lstrip().startswith("[")


def test_subcommand_help_describes_the_command_and_its_arguments() -> None:
    result = run("find", "--help")
    assert result.returncode == 0
    assert "Fuzzy-find scenes" in result.stdout
    assert "ch3 s5" in result.stdout
    outline = run("outline", "--help").stdout
    assert "structure" in outline and "a .txt, .epub or .html book" in outline
