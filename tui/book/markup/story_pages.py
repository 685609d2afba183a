"""Story pages of sites chapbook does not know: where the story is and what names it.

The container holding the most prose is the story; the headings and lines just above it name
the work, the chapter and the author.
"""

from __future__ import annotations

import re

from tui.book.markup.blocks import HEADING, TEXT, Block, Document
from tui.book.markup.fic_headers import byline_name, fic_header
from tui.book.markup.producers import title_key
from tui.book.markup.sites import BYLINE, PAGE_TITLE_PARTS, SITE_PAGE, SitePage, heading_block
from tui.book.rules.headings import names_a_chapter

# A page heading that is a trail of where the page is: `Fandom ❯ Work ❯ Chapter 1`.
CRUMB_SEPARATOR = re.compile(r"\s+[❯›»>]\s+")
# A chapter named twice: `Work Chapter 1 ( Chapter 1 )`.
TRAILING_ASIDE = re.compile(r"\s*\(\s*([^()]+?)\s*\)$")
MAIN_SHARE = 0.5  # of the page's paragraph text, in the container taken for its story
# A page holding this many times more text in `<div>`s (or `<article>`s, table cells) than in
# `<p>`s writes its paragraphs as those, or as text runs inside them parted by `<br><br>` (as
# LiveJournal posts do); most pages have a little text in divs: menus, buttons, dialogs.
DIV_PAGE = 3
PARAGRAPH_HOLDERS = ("div", "article", "section", "td")
HEADER_BLOCKS = 20  # blocks before a story looked at for its title, chapter title and author
SENTENCE_WORDS = 5  # a paragraph of prose above the story has at least this many words
# Class words of the element that names the work on a story site's chapter page.
WORK_CLASSES = ("book", "novel", "story", "fic")
BUTTON_CLASSES = frozenset(("btn", "button", "buttons", "nav", "menu", "dropdown", "link", "links"))
# Ids and classes of a web page's menus, forms and footers around a story.
PAGE_CHROME = frozenset(
    ("nav", "navbar", "navigation", "menu", "dropdown", "sidebar", "#header", "#footer", "footer")
)


def main_content(doc: Document) -> SitePage | None:
    """A story page from a site chapbook does not know (menus, forms, footers around it): the
    container holding the most prose is the story, the heading just before it its chapter
    title, the page's first `<h1>` before that the work's title, an `author` line its author.
    None for a document that is not such a page."""
    blocks = doc.blocks
    tokens = {t for b in blocks for t in b.context.split()}
    # `nav-buttons`, `dropdown_menu`: the words of class names count.
    if not {part for t in tokens for part in re.split(r"[-_]", t)} & PAGE_CHROME:
        return None
    weight = _prose_weights(blocks, "p")
    holders = [_prose_weights(blocks, tag) for tag in PARAGRAPH_HOLDERS]
    most = max(holders, key=lambda w: sum(w.values()))
    if sum(most.values()) > DIV_PAGE * sum(weight.values()):
        weight = most  # an old page's paragraphs are `<div>`s, or `<br>`-parted runs in one
    if not weight:
        return None
    best = max(weight, key=lambda c: weight[c])
    if weight[best] < MAIN_SHARE * sum(weight.values()):
        return None  # prose in many containers: a book's chapters, not one story on a page
    if all(b.context.startswith(best) for b in blocks if b.kind == TEXT):
        return None  # everything is in one container: nothing to drop
    inside = [i for i, b in enumerate(blocks) if _container(b) == best]
    first, last = inside[0], inside[-1]
    header_blocks = _header_blocks(blocks, first)
    title, chapter, authors = _page_header(header_blocks)
    # (a forum post's subject, shown over it, is what the page's <title> opens with)
    title = title or _title_shown(doc.title, header_blocks)
    # (and a chapter's, shown over it: `Work - Chapter - Site`, the work named elsewhere)
    chapter = chapter or (title and _title_shown(doc.title, header_blocks, other_than=title))
    # Kept as they are, not in the shape of an AO3 download: the story's own headings, if it
    # has several chapters, are found as in any HTML book.
    story: list[Block] = []
    outside = 0
    for block in blocks[first : last + 1]:
        if _container(block) == best or block.context.startswith(best + " "):
            story.append(block)
            outside = 0
            continue
        outside += 1
        if outside >= 3:
            break  # a box of the site after the story (support, comments): the story is over
    out = Document(title=doc.title, author=doc.author, body_marks=doc.body_marks)
    header = fic_header(story)
    if header is not None:
        # The post's own header names the work better than the page around it (a post's
        # subject, `SPN fic: Title; Pairing; R`); the story starts under it, at the title.
        title, authors = header.title, [header.author] if header.author else authors
        out.blocks = story[: header.end]
        out.blocks.append(heading_block(title, "", 2))
        skip = header.title_line if header.title_line is not None else header.end - 1
        out.blocks += story[skip + 1 :]
        return SitePage(SITE_PAGE, out, title, authors)
    if chapter:
        out.blocks.append(heading_block(chapter, "", 2))
    out.blocks += story
    return SitePage(SITE_PAGE, out, title, authors)


def _header_blocks(blocks: list[Block], first: int) -> list[Block]:
    """The HEADER_BLOCKS blocks before the story at ``first`` that may name it, in order:
    its paragraphs of prose passed over (a box of the author's news set at the top of the
    story, above it, holds no title)."""
    found: list[Block] = []
    for block in reversed(blocks[:first]):
        if block.kind == TEXT and block.tag == "p" and _sentence(block.text):
            continue
        found.append(block)
        if len(found) >= HEADER_BLOCKS:
            break
    return found[::-1]


def _title_shown(page_title: str, header: list[Block], other_than: str = "") -> str:
    """The part of a page's <title> before the site's name (`The Harbour 1/1` of `The Harbour
    1/1 - Seaside Boards`) that a line above the story repeats, as a post's subject is, and
    that is not ``other_than``; "" when no line does."""
    parts = PAGE_TITLE_PARTS.split(" ".join(page_title.split()))
    if len(parts) < 2:
        return ""
    shown = {title_key(block.text) for block in header if block.kind in (TEXT, HEADING)}
    shown.discard(title_key(other_than))
    return next((part for part in parts[:-1] if title_key(part) and title_key(part) in shown), "")


def _sentence(text: str) -> bool:
    """A paragraph of prose: several words ending as a sentence does."""
    words = text.split()
    return len(words) >= SENTENCE_WORDS and text.rstrip().endswith((".", "!", "?", '"', "”", "…"))


def _prose_weights(blocks: list[Block], tag: str) -> dict[str, int]:
    """How much text each container holds in paragraphs of ``tag``."""
    weight: dict[str, int] = {}
    for block in blocks:
        if block.kind == TEXT and block.tag == tag:
            holder = _container(block)
            weight[holder] = weight.get(holder, 0) + len(block.text)
    return weight


def _page_header(header: list[Block]) -> tuple[str, str, list[str]]:
    """The work's title, the chapter's title and the author, from the blocks above a story:
    a heading shaped like `Chapter 3: …` names the chapter, the first other heading (or the
    page's `<h1>`, or an element classed as the book) the work; `by` and the name after it,
    or an element classed as the author (not an author's note), the author."""
    title, chapter, authors = "", "", list[str]()
    named: list[tuple[str, int]] = []  # headings and title-like lines: (text, how surely a title)
    kept: set[str] = set()  # those that may name the chapter: headings, not lines classed `title`
    after_by = False
    chapter_classed = ""  # the text of an element classed as the chapter's title
    for block in header:
        text = " ".join(block.text.split())
        marks = block.marks + " " + block.context.rsplit(" ", 1)[-1]
        if not text or len(text) > 120:
            continue
        crumbs = _crumbs(text) if block.kind == HEADING else []
        if crumbs:
            named += [(crumbs[-2], 3), (crumbs[-1], 0)]
            kept.add(crumbs[-1])
            continue
        if after_by and not authors:
            authors = [text]
            after_by = False
            continue
        if text.casefold() in ("by", "by:", "author:"):
            after_by = True
            continue
        labelled = LABELLED_AUTHOR.fullmatch(text)
        if labelled and not authors:
            # (`Work 作：Name` over a Japanese or Chinese site's chapter: the work and its writer)
            if labelled["work"]:
                named.append((labelled["work"], 2))
            authors = [labelled["name"]]
            continue
        byline = BYLINE.match(text) if len(text) <= 60 else None
        if byline and not authors:
            authors = [byline.group(1).strip()]
            continue
        if POSTER_PANEL.search(marks):
            continue  # a forum's panel beside a post: the poster's rank, joining date, posts
        if "author" in marks and "note" not in marks and not authors:
            work_by = WORK_BY.fullmatch(text)
            if work_by is not None:
                # (`The Story of How … by Osamaru`: the work's title and its author in one)
                named.append((work_by["work"], 2))
                authors = [work_by["name"]]
            else:
                authors = [POSTER_BADGE.sub("", byline_name(text))]
            continue
        if CHAPTER_TITLE_CLASS.search(block.marks):
            chapter_classed = chapter_classed or text
            continue
        names_work = block.tag == "h1" or _work_classed(block)
        if block.kind == HEADING or names_work or "title" in marks:
            top = block.kind == HEADING and block.level <= 2
            named.append((text, 2 * names_work + top if block.kind in (HEADING, TEXT) else 0))
            if block.kind == HEADING or names_work:
                kept.add(text)
    chapters = [text for text, _ in named if names_a_chapter(text)]
    chapter = chapter_classed or (chapters[-1] if chapters else "")
    others = [(text, score) for text, score in named if text != chapter]
    best = max((score for _, score in others), default=0)
    title = next((text for text, score in others if score == best and score), "")
    if not chapter:
        # (the last heading left; a line only classed `title` is as likely the site's name)
        chapter = next((text for text, _ in reversed(named) if text != title and text in kept), "")
    return title, chapter, authors


# An element classed as the chapter's title: `chapter-title`, `chapter_title`, `chapterTitle`.
CHAPTER_TITLE_CLASS = re.compile(r"\bchapter[-_]?title\b", re.IGNORECASE)
# A work's title and its author in one line: `The Story of How … by Osamaru`.
# A forum's badge set after the poster's name in the same element (`KSaraSara OP`: the
# thread's first poster), none of the name.
POSTER_BADGE = re.compile(r"\s+\(?OP\)?$")
WORK_BY = re.compile(r"(?P<work>.{3,})\s+by\s+(?P<name>[^\s].{0,60})")
# The same in Japanese and Chinese, where the writer is labelled (`作：`, `作者：`, `著：`),
# the label opening the line or set apart from the title before it.
LABELLED_AUTHOR = re.compile(
    r"(?:(?P<work>\S.{0,80}?)\s+)?(?:作者|著者|作|著)\s*[:：]\s*(?P<name>\S.{0,40}?)"
)

POSTER_PANEL = re.compile(
    r"\b(?:author|user|poster|member)[-_](?:title|rank|registered|joined|totalposts|posts|"
    r"location|stats|info)\b"
)


def _crumbs(heading: str) -> list[str]:
    """The parts of a heading that is a trail (`Fandom ❯ Work ❯ Chapter 1 ( Chapter 1 )` ->
    fandom, work, `Work Chapter 1`); empty for a heading with fewer than three parts."""
    parts = CRUMB_SEPARATOR.split(heading)
    if len(parts) < 3 or len({sep.strip() for sep in CRUMB_SEPARATOR.findall(heading)}) != 1:
        return []
    last = parts[-1]
    aside = TRAILING_ASIDE.search(last)
    if aside and aside.group(1).casefold() in last[: aside.start()].casefold():
        parts[-1] = last[: aside.start()]
    return parts


def _work_classed(block: Block) -> bool:
    """Classed as naming the book (`article-book-txt`, `fic-header`), not as a button."""
    words = set(re.split(r"[-_\s]+", block.context))
    return bool(words & set(WORK_CLASSES)) and not words & BUTTON_CLASSES


def _container(block: Block) -> str:
    """Where a paragraph is: its context without its own id and classes (some sites give each
    paragraph a class of its own, against copying)."""
    context, own = block.context, block.marks
    if own and context.endswith(own):
        return context[: len(context) - len(own)].rstrip()
    return context
