"""A Chinese reading mirror's chapter page: the work it names, and what is the mirror's.

On a biquge copy the line closing the page names the work, and its app advertisements, with
the passage of another novel set among them, are the mirror's, not the chapter's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.book.markup.blocks import TEXT, Block

# The mirror's closing line: `笔趣阁为你提供最快的<work>更新，<chapter>免费阅读。https://…`.
MIRROR_LINE = re.compile(
    r"[^\n]{0,16}为你提供最快的(?P<work>[^\n，,]{1,40}?)更新[，,][^\n]{0,80}?免费阅读[。.]?"
    r"\s*(?:https?://\S+)?\s*"
)
# A line urging the reader to the mirror's app (`请下载爱阅小说app阅读最新内容`).
AD_LINE = re.compile(r"[^\n]{0,30}下载[^\n]{0,12}app[^\n]{0,20}", re.IGNORECASE)
AD_LINE_CHARS = 60
CLOSING_BLOCKS = 6  # the closing line stands among the page's last blocks
AD_SPAN = 24  # paragraphs at most between two advertisements of one run (the passage's parts)


@dataclass(frozen=True, slots=True)
class MirrorPage:
    """The work a mirror's page names, and its blocks without the mirror's own."""

    work: str
    blocks: list[Block]


def read_mirror_page(blocks: list[Block]) -> MirrorPage | None:
    """The page's work and chapter without the mirror's lines, when it closes on a mirror's
    line naming the work; None for any other page. The advertisements closing the chapter
    (two or more a few paragraphs apart, or one alone) and all between them and the closing
    line go: another novel's passage the mirror set there to fill the page."""
    closing = _last_texts(blocks, len(blocks), CLOSING_BLOCKS)
    found = [(k, m) for k in closing if (m := MIRROR_LINE.fullmatch(blocks[k].text))]
    if not found:
        return None
    at, line = found[0]
    cut = at
    for k in _last_texts(blocks, at, len(blocks)):
        if k < cut - AD_SPAN:
            break
        if len(blocks[k].text) <= AD_LINE_CHARS and AD_LINE.fullmatch(blocks[k].text):
            cut = k
    return MirrorPage(line.group("work").strip(), blocks[:cut] + blocks[at + 1 :])


def _last_texts(blocks: list[Block], before: int, most: int) -> list[int]:
    """The last ``most`` paragraphs of text before block ``before``, the last first (read
    from the end, not over the whole page)."""
    found: list[int] = []
    k = before - 1
    while k >= 0 and len(found) < most:
        if blocks[k].kind == TEXT:
            found.append(k)
        k -= 1
    return found
