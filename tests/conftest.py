"""Shared test setup: every test runs with its own empty config and data directories."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep every test away from the user's real settings and library."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TMUX", raising=False)  # (a copy's word does not ask the real tmux)
    yield home


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the checkout")
    return CORPUS


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    """The lantern story (three chapters of scenes), written to a file of the test's own; a
    module wanting another shape of it defines its own."""
    from reader_support import lantern_book

    return lantern_book(tmp_path)


@pytest.fixture
def draft_for():
    """A function giving the settings draft of the file at a path, as the settings screen
    starts one (problems and all)."""
    from tui.settings.edit import SettingsDraft
    from tui.settings.settings import load_settings

    def draft(path: Path) -> SettingsDraft:
        settings, _problems = load_settings(path)
        return SettingsDraft(settings)

    return draft


@pytest.fixture
def config_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """A function running `chapbook config check` on a settings.toml that holds a text: the
    exit status, and the lines printed with the file's path shortened to settings.toml."""
    from tui.cli import main

    def check(text: str) -> tuple[int, list[str]]:
        path = tmp_path / "settings.toml"
        path.write_text(text, encoding="utf-8")
        code = main(["config", "check", "--config", str(path)])
        out = capsys.readouterr().out
        return code, [line.replace(str(path), "settings.toml") for line in out.splitlines()]

    return check
