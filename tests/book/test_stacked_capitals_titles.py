"""An old travel book's layout: unnumbered chapters under titles in capitals.

Chapters with no numbers, each under a title in capitals closed by a full stop and often a place
under it (`THE QUAY.` / `DOVER.`), set off by four blank lines above and two below where
paragraphs are parted by one; titles come again; the first chapter opens with no title under the
title page, its first word in capitals as every chapter's is. Texts written for these tests.
"""

from __future__ import annotations

import textwrap

from support_engine import PROSE, headings

from tui.book.text.parse import parse_text

TITLE_PAGE = (
    "                         A\n"
    "                    JOURNEY BY SEA\n\n"
    "                    BY A TRAVELLER.\n\n"
    "                 [WITH NOTES BY ANOTHER.]\n\n"
    "                 [FIRST PRINTED IN 1790.]\n\n"
)


def _chapter(words: int) -> str:
    """Three paragraphs, the first opening with a word in capitals."""
    paragraphs = [f"{PROSE} ({k})" for k in range(3)]
    paragraphs[0] = "THE " + paragraphs[0][4:]
    # (a letter in the chapter, signed in capitals under its closing)
    if words % 2:
        paragraphs.append("I am, Sir,\nyour servant,\n                       A. NOBODY.")
    return "\n\n".join("\n".join(textwrap.wrap(p, 70)) if "\n" not in p else p for p in paragraphs)


TITLES = [
    ("THE QUAY.", "DOVER."),
    ("DOVER.",),
    ("THE QUAY.", "DOVER."),
    ("THE PACKET.", "AT SEA."),
    ("PREFACE.", "ON THE PACKET."),
    ("THE QUAY.", "DOVER."),
    ("CALAIS.",),
]


def _book() -> str:
    parts = [TITLE_PAGE + _chapter(0)]
    for k, title in enumerate(TITLES):
        parts.append("\n".join(title) + "\n\n\n" + _chapter(k + 1))
    return "\n\n\n\n\n".join(parts) + "\n"


def test_capitals_titles_closed_by_a_stop_and_set_apart_head_the_chapters() -> None:
    found = headings(parse_text(_book()))
    # (the opening chapter has no title; each title over a place is one heading)
    assert found[0][1] is None
    assert [title for title, _ in found[1:]] == [
        "THE QUAY: DOVER.",
        "DOVER.",
        "THE QUAY: DOVER.",
        "THE PACKET: AT SEA.",
        "PREFACE: ON THE PACKET.",
        "THE QUAY: DOVER.",
        "CALAIS.",
    ]


def test_the_opening_chapter_starts_under_the_title_page() -> None:
    book = parse_text(_book())
    first = book.chapters[0]
    assert book.paragraph(first.start).startswith("THE lamps")
    assert all(len(chapter.scenes) == 1 for chapter in book.chapters)
