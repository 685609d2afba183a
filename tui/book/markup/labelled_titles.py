"""Chapter titles set as capitals paragraphs, each over a one-word label that recurs.

Each title is a plain capitals paragraph with a one-word label line under it that recurs
through the book (`THE MISTLETOE` / `Norse`, `PEGASUS` / `Greek`): a scanned book's stories,
where the markup marks no heading at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.book.markup.para import Para
from tui.book.model import ParaKind

MIN_TITLES = 6  # titles with labels under them, at the least, to read them as the book's
TITLE_CHARS = 60
LABEL = re.compile(r"[A-Z][a-z]{2,19}")  # one capitalised word: `Greek`, `Finnish`
# Labels are a small vocabulary that recurs: distinct labels at most this share of the titles.
DISTINCT_LABELS = 0.5
# Between a title and its label: at most this many scraps of a scan (a split-off drop
# capital `A"`, an empty picture), each of at most this many characters.
SCRAPS = 2
SCRAP_CHARS = 3


def labelled_titles(paras: Sequence[Para], lo: int, hi: int) -> list[int]:
    """The capitals paragraphs between ``lo`` and ``hi`` that have a one-word label under
    them, when there are many and their labels recur; empty otherwise."""
    found: list[int] = []
    labels: list[str] = []
    for i in range(lo, hi):
        if not _capitals_line(paras[i]):
            continue
        label = _label_under(paras, i, hi)
        if label is not None:
            found.append(i)
            labels.append(label)
    if len(found) < MIN_TITLES or len(set(labels)) > DISTINCT_LABELS * len(found):
        return []
    return found


def _capitals_line(para: Para) -> bool:
    text = " ".join(para.text.split())
    letters = [c for c in text if c.isalpha()]
    return (
        para.hint == ParaKind.TEXT
        and not para.image
        and len(text) <= TITLE_CHARS
        and len(text.split()) >= 2
        and len(letters) >= len(text) // 2
        and all(c.isupper() for c in letters)
    )


def _label_under(paras: Sequence[Para], i: int, hi: int) -> str | None:
    for j in range(i + 1, min(i + 2 + SCRAPS, hi)):
        para = paras[j]
        text = para.text.strip()
        if para.hint == ParaKind.TEXT and not para.image and LABEL.fullmatch(text):
            return text
        if not (para.image or para.hint == ParaKind.BREAK or len(text) <= SCRAP_CHARS):
            return None
    return None
