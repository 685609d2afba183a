"""The names a page's own markup gives at the top of its body.

Elements classed `title`, `subtitle`, `author`, `translator` (Aozora's `h1.title` /
`h2.author`, pandoc's title block).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.book.markup.blocks import Block

# The classes of the elements of a page's name block, as page makers write them (the subtitle,
# translator and date stand in it too, and are not the page's text).
TITLE, AUTHOR = "title", "author"
NAME_CLASSES = frozenset(
    (TITLE, AUTHOR, "subtitle", "translator", "editor", "original_title", "date")
)
# pandoc's standalone page: `<header id="title-block-header"><h1 class="title">…`.
TITLE_BLOCK = "#title-block-header"
TOP_BLOCKS = 12  # blocks at the top of the body looked at (spacers and pictures among them)
NAME_CHARS = 200  # a longer element is prose, not a name
BY = re.compile(r"^by\s+", re.IGNORECASE)


@dataclass
class ClassedNames:
    """The work's title and authors as the page's classed elements give them."""

    title: str
    authors: list[str] = field(default_factory=list)


def classed_names(blocks: Sequence[Block]) -> ClassedNames | None:
    """The names the elements at the top of the body give, before any other text: None unless
    a title is among them and the page marks it as the work's, with an author element beside it
    or in pandoc's title block (a lone `h2.title` may be a chapter's)."""
    found: dict[str, list[str]] = {}
    in_title_block = False
    for block in blocks[:TOP_BLOCKS]:
        text = " ".join(block.text.split())
        if not text:
            continue  # (a spacer, a rule, a picture)
        classes = NAME_CLASSES.intersection(block.marks.split())
        if not classes or len(text) > NAME_CHARS:
            break  # the page's own text: the names, if any, were over it
        for name in classes:
            found.setdefault(name, []).append(text)
        in_title_block = in_title_block or TITLE_BLOCK in block.context.split()
    titles = found.get(TITLE)
    if not titles or not (found.get(AUTHOR) or in_title_block):
        return None
    # (`by Name` in pandoc's author line when the writer put it there)
    authors = [BY.sub("", name, count=1) for name in found.get(AUTHOR, [])]
    return ClassedNames(titles[0], authors)
