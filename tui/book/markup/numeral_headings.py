"""A heading `XXX` read as the number thirty among headings that count near it.

Among headings that count XXIX or XXXI, `XXX` is the number thirty, not a row of x's drawn as a
break.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.book.markup.blocks import Block, BlockKind

THIRTY = "XXX"
# The numbers beside thirty: a heading of one of them says the book counts its headings there.
BESIDE_THIRTY = frozenset({"XXIX", "XXXI"})


def _numeral(text: str) -> str:
    return text.strip().rstrip(".").strip()


def counts_past_thirty(blocks: Sequence[Block]) -> bool:
    """Whether a document's headings count beside thirty (`XXIX`, `XXXI`)."""
    return any(
        block.kind == BlockKind.HEADING and _numeral(block.text) in BESIDE_THIRTY
        for block in blocks
    )


def is_thirty(block: Block) -> bool:
    """A heading reading `XXX` (or `XXX.`) alone."""
    return block.kind == BlockKind.HEADING and _numeral(block.text) == THIRTY
