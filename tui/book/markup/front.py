"""Where the story starts and ends: Gutenberg markers, title pages, contents and notes pages."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.book.markup.paragraphs import Para
from tui.book.markup.producers import title_key
from tui.book.model import ParaKind

# Project Gutenberg's lines around the story: `*** START OF THE PROJECT GUTENBERG EBOOK X ***`.
PG_START = re.compile(r"\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG", re.I)
PG_END = re.compile(r"\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG", re.I)
PG_CONTEXT = ("pg-boilerplate", "#pg-header", "#pg-footer", "#pg-machine-header")
PG_WORDS = re.compile(r"Project Gutenberg|gutenberg\.org", re.I)
# Titles of pages before the story that are not chapters, besides those `producers` knows.
FRONT_TITLE = re.compile(
    r"^(?:(?:original |brief |short )?(?:table of )?contents|list of (?:illustrations|plates)|"
    r"illustrations|(?:original )?transcriber'?s? notes?|preface|foreword|"
    r"the (?:full )?project gutenberg licen[cs]e|.*\bproject gutenberg\b.*)$"
)
SENTENCE_WORDS = 8  # a paragraph of prose has at least this many words
SENTENCE_ENDS = (".", "!", "?", "”", '"', "’", "'", ")", ":", ";", "—")


def gutenberg_bounds(paras: Sequence[Para]) -> tuple[int, int] | None:
    """(first paragraph of the book proper, first paragraph of the licence) from Project
    Gutenberg's `*** START OF` and `*** END OF` lines, or None when they are not both there."""
    start = end = -1
    for i, para in enumerate(paras):
        text = para.text
        if not text.startswith("***"):
            continue
        if start < 0 and PG_START.match(text):
            start = i + 1
        elif start >= 0 and PG_END.match(text):
            end = i
    if start < 0 or end < start:
        return None
    return start, end


def boilerplate(para: Para) -> bool:
    """A paragraph of Project Gutenberg's own text (header, notes about the edition)."""
    block = para.block
    if block is not None and any(mark in block.context for mark in PG_CONTEXT):
        return True
    return PG_WORDS.search(para.text) is not None


def is_front_title(title: str) -> bool:
    """`Contents`, `List of Illustrations`, `Transcriber's Notes`, `Preface`, Gutenberg's
    licence: pages that come before the story and are not chapters of it."""
    return FRONT_TITLE.match(title_key(title)) is not None


def is_prose(para: Para) -> bool:
    """A paragraph of the story's prose: a sentence of some length (not a contents line, a
    caption, a title-page line, nor Gutenberg's own notes)."""
    if para.hint != ParaKind.TEXT or para.image:
        return False
    text = para.text.rstrip()
    if len(text.split()) < SENTENCE_WORDS or not text.endswith(SENTENCE_ENDS):
        return False
    return not boilerplate(para)


def has_prose(paras: Sequence[Para], start: int, end: int) -> bool:
    return any(is_prose(paras[i]) for i in range(start, end))


def is_licence_title(title: str) -> bool:
    """`THE FULL PROJECT GUTENBERG LICENSE` and the like."""
    key = title_key(title)
    return "project gutenberg" in key and "licen" in key
