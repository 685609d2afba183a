"""`chapbook outline` and `find` fit their lines to a terminal, and leave piped output whole."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from finder_support import LIGHTHOUSE

from tui.cli import main
from tui.paths import cells

AO3 = Path(__file__).resolve().parents[1] / "fixtures" / "engine" / "ao3_download.txt"


class Terminal(io.StringIO):
    """Standard output that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def run(monkeypatch: pytest.MonkeyPatch, args: list[str], terminal: bool, columns: int) -> str:
    out = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda *_: os.terminal_size((columns, 24)))
    main(args)
    return out.getvalue()


@pytest.mark.parametrize(
    "args",
    [["outline", str(AO3)], ["find", str(LIGHTHOUSE), "the", "sea", "--limit", "20"]],
)
def test_on_an_80_column_terminal_no_line_is_wrapped(monkeypatch, args) -> None:
    piped = run(monkeypatch, args, terminal=False, columns=80)
    assert max(cells(line) for line in piped.splitlines()) > 80  # (what wrapped mid-word)
    shown = run(monkeypatch, args, terminal=True, columns=80)
    lines = shown.splitlines()
    assert len(lines) == len(piped.splitlines())
    assert max(cells(line) for line in lines) <= 80
    assert any(line.endswith("…") or "…  (" in line for line in lines)


def test_a_cut_chapter_or_hit_keeps_where_it_is(monkeypatch, tmp_path) -> None:
    long_title = "The Night the Lamplighters of Harrow Cross Walked Out Into the Ash"
    story = "\n\n".join(f"Words of the story, paragraph {n}, told at length." for n in range(30))
    book = tmp_path / "long titles.txt"
    book.write_text(
        "".join(f"Chapter {n}: {long_title}\n\n{story}\n\n" for n in (1, 2, 3)), encoding="utf-8"
    )
    outline = run(monkeypatch, ["outline", str(book)], terminal=True, columns=40)
    chapters = [line for line in outline.splitlines() if line.startswith("Chapter")]
    assert len(chapters) == 3 and all(cells(line) <= 40 for line in chapters)
    assert all("…" in line and line.endswith(")") and "(line " in line for line in chapters)
    hits = run(monkeypatch, ["find", str(LIGHTHOUSE), "the", "sea"], terminal=True, columns=60)
    firsts = [line for line in hits.splitlines() if line[:4].strip().endswith(".")]
    assert any("…  (line " in line for line in firsts)


def test_json_on_a_terminal_is_not_cut(monkeypatch) -> None:
    piped = run(monkeypatch, ["outline", str(AO3), "--json"], terminal=False, columns=40)
    shown = run(monkeypatch, ["outline", str(AO3), "--json"], terminal=True, columns=40)
    assert shown == piped and max(map(len, shown.splitlines())) > 40
