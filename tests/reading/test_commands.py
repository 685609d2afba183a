"""The reader's `:` prompt reads what a vim user types there."""

from __future__ import annotations

import pytest

from tui.reading.commands import Command, read_command


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("200", Command("line", 200)),
        (" 200 ", Command("line", 200)),
        (":200", Command("line", 200)),  # `::200`, a colon typed twice
        ("0", Command("line", 0)),
        ("$", Command("end")),
        ("q", Command("quit")),
        ("q!", Command("quit")),
        ("wq", Command("quit")),
        ("x", Command("quit")),
        ("qa", Command("quit")),
        ("h", Command("help")),
        ("help marks", Command("help")),
        ("", Command("none")),
        ("w", Command("unknown")),
        ("set nu", Command("unknown")),
        ("200j", Command("unknown")),
    ],
)
def test_what_is_typed_at_the_colon_prompt(typed: str, expected: Command) -> None:
    assert read_command(typed) == expected
