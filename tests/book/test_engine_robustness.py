"""`chapbook outline` on every fixture and on hostile input never crashes or hangs.

An outline, or one line on stderr and exit status 2; never a traceback, never minutes of work.
"""

from __future__ import annotations

import json
import random
import time
from functools import cache
from pathlib import Path

import pytest

from tui.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "engine"
BOOKS = sorted(FIXTURES.glob("*.txt")) + sorted((FIXTURES / "outlines").glob("*.txt"))
SECONDS = 20  # processor seconds, generous: each input here takes under 4 s


@pytest.mark.parametrize("path", BOOKS, ids=lambda p: p.name)
def test_every_fixture_outlines_as_text_and_json(path: Path, capsys) -> None:
    assert main(["outline", str(path)]) == 0
    tree = capsys.readouterr().out
    assert tree.splitlines()[0]
    assert main(["outline", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["chapters"] and all(c["scenes"] for c in data["chapters"])


@cache
def _hostile() -> dict[str, bytes]:
    rng = random.Random(7)
    return {
        "single_line": b"word " * 1_000_000,
        "long_word": b"Once upon a time " + b"a" * 200_000 + b" the end.\n",
        "random_bytes": bytes(rng.randrange(256) for _ in range(50_000)),
        "nul_in_text": b"Chapter 1\n\nhello\x00world\n" * 500,
        "only_newlines": b"\n" * 500_000,
        "only_spacers": "\u00a0\u00a0\u00a0\n".encode() * 50_000,
        "only_breaks": b"* * *\n\n" * 50_000,
        "only_headings": b"".join(b"Chapter %d\n" % i for i in range(1, 30_001)),
        "only_notes": b"Chapter 1\n\n" + b"A/N: thanks for the reviews!\n\n" * 30_000,
        "only_pauses": "…\n\n“Hi.”\n\n".encode() * 50_000,
        "numbered_list": b"".join(b"%d. Item\n" % (i % 10 + 1) for i in range(50_000)),
        "arc_numbers": b"".join(
            b"%d.%02d\n\nText.\n\n" % (i // 20 + 1, i % 20 + 1) for i in range(20_000)
        ),
        "stacked_parts": b"".join(b"Part %d\n" % i for i in range(1, 20_001))
        + b"\nChapter 1\n\nx\n",
        "long_contents": b"Contents\n\n"
        + b"".join(b"Missing %d\n" % i for i in range(3000))
        + b"\n"
        + b"Story text. " * 200_000,
        "cr_only": b"Chapter 1\r\rSome text.\r\r* * *\r\rMore text.\r" * 5000,
        "odd_utf16": b"\xff\xfe" + "Chapter 1\n\nText\n".encode("utf-16-le") * 500 + b"\x00",
        "dash_dialogue": "— Привет, — сказал он. — Как дела?\n\nОн кивнул.\n\n".encode() * 30_000,
    }


@pytest.mark.parametrize("name", sorted(_hostile()))
def test_hostile_input_gives_an_outline_or_one_line(name: str, tmp_path: Path, capsys) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(_hostile()[name])
    # Processor time: parallel test workers on a small machine stretch wall time, not this.
    start = time.process_time()
    status = main(["outline", str(path), "--json"])
    assert time.process_time() - start < SECONDS
    out, err = capsys.readouterr()
    if status == 0:
        json.loads(out)
    else:
        assert status == 2 and out == ""
        assert err.startswith("chapbook: ") and err.count("\n") == 1
