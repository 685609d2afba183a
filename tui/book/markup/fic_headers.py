"""The header a fan-fiction post opens with: `Title:`, `Rating:`, `Pairing:` … lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.book.markup.blocks import GAP, TEXT, Block
from tui.book.markup.producers import LABEL_LINE, same_title, title_key

HEADER_SCAN = 16  # blocks at the top of a story looked at for its header
MIN_LABELS = 3  # labelled lines that make a header (one of them the title)
TITLE_LABELS = frozenset(("title", "story title", "fic title"))
AUTHOR_LABELS = frozenset(("author", "written by", "writer"))
TITLE_LINE_CHARS = 120


@dataclass
class FicHeader:
    """Where a post's header ends (its blocks are ``blocks[:end]``) and what it names."""

    end: int
    title: str
    author: str = ""
    title_line: int | None = None  # the block after the header that repeats the title


def fic_header(blocks: list[Block]) -> FicHeader | None:
    """A header of labelled lines at the top of a story (a LiveJournal or Dreamwidth post's
    `Title: … / Rating: … / Pairing: … / Summary: …`), one of them naming the work: the
    lines up to the last labelled one (a line between two labelled ones continues a value,
    as a second paragraph of the author's notes does). None when the story opens otherwise."""
    labels: dict[str, str] = {}
    last = -1
    loose = 0
    for i, block in enumerate(blocks[:HEADER_SCAN]):
        if block.kind == GAP and labels:
            break  # (the gap a writer leaves before the story)
        if block.kind != TEXT:
            continue
        found = LABEL_LINE.fullmatch(" ".join(block.text.split()))
        if found is None:
            loose += 1
            if loose > 1 or not labels:
                break
            continue
        labels.setdefault(title_key(found.group(1)), found.group(2).strip())
        last, loose = i, 0
    title = next((labels[k] for k in TITLE_LABELS if k in labels), "")
    if len(labels) < MIN_LABELS or not title:
        return None
    author = next((labels[k] for k in AUTHOR_LABELS if k in labels), "")
    header = FicHeader(last + 1, title, author)
    after = next((i for i in range(last + 1, len(blocks)) if blocks[i].kind == TEXT), None)
    if after is not None:
        text = " ".join(blocks[after].text.split())
        if len(text) <= TITLE_LINE_CHARS and same_title(text, title):
            header.title_line = after
    return header


# LiveJournal's and Dreamwidth's entry byline: `name (name) wrote, 2009-10-04 23:31:00`.
WROTE_BYLINE = re.compile(r"(?P<name>[\w.-]+)\s*(?:\(\s*[\w.-]+\s*\))?\s+wrote\b", re.I)


def byline_name(text: str) -> str:
    """The name in a journal's `name (name) wrote, date` byline, else the text itself."""
    found = WROTE_BYLINE.match(" ".join(text.split()))
    return found.group("name") if found else text
