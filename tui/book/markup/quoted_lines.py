"""Lines of an e-mail or a chat quoted with `>`, which are the message's lines, not breaks."""

from __future__ import annotations

import re

from tui.book.markup.para import Para
from tui.book.model import ParaKind

# A quoted line of a message: `>` and then something other than more of the same mark.
QUOTED = re.compile(r">\s*[^>\s]")
# A quoted line that says something: `> Believe.`, `> To bite another vamp, …`.
QUOTED_WORDS = re.compile(r">\s+[^\W_]")


def quoted_lines_kept(paras: list[Para]) -> None:
    """A short line opening with `>` (`> M1k3y`, the signature under a message; `> .`, the
    line that ends one) beside a quoted line of words is a line of the same message, however
    much it looks like an ornament: it is text again."""
    for k, para in enumerate(paras):
        block = para.block
        if para.hint != ParaKind.BREAK or block is None or not QUOTED.match(para.text):
            continue
        if any(_says(paras, j) for j in (k - 1, k + 1)):
            paras[k] = Para(para.text, block.spans, ParaKind.TEXT, block)


def _says(paras: list[Para], j: int) -> bool:
    return (
        0 <= j < len(paras)
        and paras[j].hint == ParaKind.TEXT
        and QUOTED_WORDS.match(paras[j].text) is not None
    )
