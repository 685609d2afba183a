"""Headed pages after the last chapter a book's printed contents lists: end matter it left out.

A contents page in the front matter that names the chapters by their titles, line by line
(`Cherish the Little Ones  19`), says where the story ends: with the last chapter it lists.
Pages under headings of their own after that one, none of them listed (a publisher's
advertisements, each headed by its firm), are end matter, not more chapters. Where the
contents goes on after the last title it names (an entry worded unlike its heading), as many
pages after that chapter stay chapters as it has lines left. It takes two such pages or more,
short beside the story (another volume with its own contents is no advertisement), none of
them a story's closing part (`Epilogue`).
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.book.markup.contents_pages import chapter_titles, listed_title
from tui.book.markup.para import Para
from tui.book.markup.producers import title_key
from tui.book.markup.segments import CHAPTER, END, Segment
from tui.book.model import ParaKind
from tui.book.rules.headings import is_closing_title, match_heading

MIN_LISTED = 3  # chapters the contents names, at the least
LISTED_SHARE = 3 / 4  # of the chapters up to the last one listed, the share it names
MIN_UNLISTED = 2  # pages after the last listed chapter, at the least
STORY_SHARE = 1 / 4  # the unlisted pages' text beside the story's, at the most
ENTRY_CHARS = 120  # a line of a contents list, at the longest
STORY_PARTS = ("prologue", "epilogue", "interlude")  # story's own parts, listed or not


def unlisted_after_contents(segments: list[Segment], paras: Sequence[Para]) -> None:
    """Mark the chapters after the last one the front matter's contents lists as end matter,
    where the contents names most chapters up to it and the pages after it are short (see the
    module's docstring)."""
    chapters = [k for k, s in enumerate(segments) if s.role == CHAPTER]
    if len(chapters) < MIN_LISTED + MIN_UNLISTED:
        return
    titles = chapter_titles(segments)
    lines = _front_lines(paras, segments[chapters[0]].start)
    named = [listed_title(text, titles) for _, text in lines]
    found = [n for n, key in enumerate(named) if key]
    if len(found) < MIN_LISTED:
        return
    listed = set(named) - {""}
    last = max((n for n, k in enumerate(chapters) if title_key(segments[k].title) in listed))
    head = chapters[: last + 1]
    if sum(title_key(segments[k].title) in listed for k in head) < LISTED_SHARE * len(head):
        return
    # (entries after the last one named, worded unlike their headings, still list chapters)
    tail = chapters[last + 1 + _entries_after(paras, lines, found[-1]) :]
    if len(tail) < MIN_UNLISTED or any(_story_part(segments[k].title) for k in tail):
        return
    story = _text_chars(segments, paras, head)
    if _text_chars(segments, paras, tail) > STORY_SHARE * story:
        return
    for k in tail:
        segments[k].role, segments[k].kind = END, "end"


def _front_lines(paras: Sequence[Para], first: int) -> list[tuple[int, str]]:
    """(paragraph, line) for the short lines of text in the front matter before ``first``."""
    out: list[tuple[int, str]] = []
    for i in range(first):
        para = paras[i]
        if para.hint != ParaKind.TEXT or para.image:
            continue
        out.extend((i, line) for line in para.text.split("\n") if 0 < len(line) <= ENTRY_CHARS)
    return out


def _entries_after(paras: Sequence[Para], lines: Sequence[tuple[int, str]], n: int) -> int:
    """How many lines follow line ``n`` in the same list (paragraphs set in the same block
    context, as a contents table's rows or a list's items are): entries not named."""
    context = _context(paras[lines[n][0]])
    count = 0
    for i, _ in lines[n + 1 :]:
        if _context(paras[i]) != context:
            break
        count += 1
    return count


def _context(para: Para) -> str:
    return para.block.context if para.block is not None else ""


def _story_part(title: str) -> bool:
    found = match_heading(title)
    return is_closing_title(title) or (
        found is not None and found.strong and found.kind in STORY_PARTS
    )


def _text_chars(segments: Sequence[Segment], paras: Sequence[Para], ks: Sequence[int]) -> int:
    """Characters of prose in the segments ``ks``."""
    total = 0
    for k in ks:
        end = segments[k + 1].start if k + 1 < len(segments) else len(paras)
        total += sum(len(p.text) for p in paras[segments[k].start : end] if p.hint == ParaKind.TEXT)
    return total
