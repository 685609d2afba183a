"""A saved page's links to its neighbours and prompts to comment, which are not the story.

`Previous Chapter Next Chapter`, `Read Comments - Post Comment`, `Main fanfic page`,
`上一章 章节目录 下一章`: the site's words, not the story's.
"""

from __future__ import annotations

import re

from tui.book.markup.blocks import TEXT, Block

LINK_LINE_CHARS = 100  # a line of links, at the longest
_PLACE = r"(?:chapter|page|part|story|entry|post|fic|work)"
_NAV_PHRASE = (
    # `Previous Chapter`, `Next`, `Back to index`, `Main fanfic page`, `Table of Contents`
    rf"(?:previous|prev|next|first|last)(?:\s+{_PLACE})?|"
    rf"(?:(?:back|return)\s+to\s+)?(?:the\s+)?(?:index|table\s+of\s+contents|contents|home|top|"
    rf"(?:main|home|index)(?:\s+[\w-]+)?\s+page|{_PLACE}\s+index)|"
    # `Please post a comment on this story.`, `Read posted comments.`, `Leave a review`
    r"(?:please\s+)?(?:read|post|leave|add|view|write|see)\s+(?:a\s+|an\s+|the\s+|your\s+|"
    r"posted\s+)?(?:comments?|reviews?|feedback|kudos)"
    rf"(?:\s+(?:on|for|to)\s+this\s+{_PLACE})?|"
    # a Chinese reader's page: `上一章 章节目录 下一章`, `返回书页`
    r"[上下]一[章页]|(?:章节)?目录|返回(?:书页|目录|首页)"
)
# A line of such phrases, parted by spaces or marks: `Read Comments - Post Comment`.
LINK_LINE = re.compile(
    rf"[\s\W]*(?:{_NAV_PHRASE})(?:[\s\-–—|·•/:,]*(?:{_NAV_PHRASE}))*[\s.!:»«<>]*",
    re.IGNORECASE,
)


def is_page_link_line(block: Block) -> bool:
    """A short paragraph of links saying only where they go (the previous or next chapter,
    the index, the comments): every line of it such a phrase, and its words linked."""
    if block.kind != TEXT or not block.linked or len(block.text) > LINK_LINE_CHARS:
        return False
    return all(LINK_LINE.fullmatch(line) for line in block.text.split("\n"))


def without_page_links(blocks: list[Block]) -> list[Block]:
    """The blocks of a page without its lines of links to other pages and to comments."""
    return [block for block in blocks if not is_page_link_line(block)]
