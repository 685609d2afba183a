"""Saved forum threads (SpaceBattles, Sufficient Velocity, Questionable Questing): the story.

These forums run XenForo. A story posted in a thread is its threadmarked posts: each is a
chapter, named by its threadmark (`Chapter 4) Digging In`). Readers and replies, quotes of
the story, signatures, user cards and the forum's menus around them are dropped. A thread
page without threadmarks is left to the general reading of story pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.book.markup.blocks import TEXT, Block, Document
from tui.book.markup.sites import (
    POST_BODIES,
    SITE_FORUM,
    SitePage,
    heading_block,
    story_block,
)

# A post's element: XenForo 1's `<li id="post-5530937">`, 2's `<article id="js-post-123">`.
POST_ID = re.compile(r"#(?:js-)?post-(\d+)(?=\s|$)")
MARKED = "hasthreadmark"
# The threadmark's own label: `Threadmark: Chapter 4) Digging In`, `Threadmarks Chapter 1`.
LABEL_WORD = re.compile(r"^\s*threadmarks?\s*:?\s*", re.I)
# Where a post's writer is named: XenForo 1's `h3.userText`, 2's `h4.message-name`.
WRITER_CLASSES = frozenset(("usertext", "message-name"))
# The page title's tail: `Title | Page 17 | Sufficient Velocity`, `Title | Page 2 (Reader)`.
TITLE_PART = re.compile(r"\s+\|\s+")


@dataclass
class Post:
    """One post of a thread: whether it is threadmarked, its label, writer and text."""

    marked: bool
    label: str = ""
    writer: str = ""
    body: list[Block] = field(default_factory=list)


def read_forum_thread(doc: Document) -> SitePage | None:
    """The threadmarked posts of a saved XenForo thread page, each a chapter; None for a page
    that holds none."""
    posts: dict[str, Post] = {}
    for block in doc.blocks:
        found = POST_ID.search(block.context)
        if found is None:
            continue
        words = block.context[found.end() :].split()
        post = posts.setdefault(found.group(1), Post(marked=MARKED in words))
        own = set(block.marks.split())
        if POST_BODIES & set(words):
            post.body.append(block)
        elif block.kind == TEXT and _is_label(own) and not post.label:
            post.label = LABEL_WORD.sub("", " ".join(block.text.split()))
        elif WRITER_CLASSES & own and not post.writer:
            post.writer = " ".join(block.text.split())
    story = [post for post in posts.values() if post.marked and post.body]
    if not story:
        return None
    title = TITLE_PART.split(doc.title.strip())[0] if doc.title.strip() else ""
    authors = [story[0].writer] if story[0].writer else []
    out = Document(title=doc.title, author=doc.author, body_marks=doc.body_marks)
    for post in story:
        if post.label:
            out.blocks.append(heading_block(post.label, "#chapters", 2, "heading"))
        out.blocks += [story_block(block) for block in post.body]
    return SitePage(SITE_FORUM, out, title, authors)


def _is_label(classes: set[str]) -> bool:
    """The element holding a post's threadmark (`div.threadmarker`,
    `div.message-cell--threadmark-header`), not its links to the other threadmarks."""
    return any("threadmark" in c and "nav" not in c for c in classes)
