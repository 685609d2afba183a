"""Saved fan-fiction pages (AO3, FanFiction.Net, other story sites): the story without the site.

A saved page holds a work inside a site's menus, forms, comment boxes and footers. This module
knows where AO3 and FanFiction.Net put the work's title, author, tags, summary, notes, chapter
titles and text, and rewrites the page's blocks into the shape of an AO3 download (`#preface`,
`#chapters` with `h2.heading` chapter titles and `meta` notes, `#afterword`) that the book
builder already reads. A page from a site it does not know keeps its main content only (see
`story_pages`), and a forum thread its threadmarked posts (see `forum_threads`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from tui.book.markup.blocks import BREAK, HEADING, TEXT, Block, BlockKind, Document
from tui.book.markup.producers import without_archivist

SITE_AO3, SITE_FFN, SITE_FORUM, SITE_PAGE = "ao3", "ffn", "forum", "page"

PREFACE = "#preface"
CHAPTERS = "#chapters userstuff"
NOTES = "#chapters meta"
AFTERWORD = "#afterword"

# FanFiction.Net's page title: `Title Chapter 3: Name, a Harry Potter fanfic - FanFiction.Net`,
# and its sister site's for original work: `Title Chapter 1, a romance fiction | FictionPress`.
FFN_PAGE_TITLE = re.compile(
    r"(?P<title>.+?)(?:\s+Chapter\s+\d+(?::.*)?)?,\s+an?\s+.+?\s+"
    r"(?:fanfic\s*[-|]\s*FanFiction(?:\.Net)?|crossover\s*[-|]\s*FanFiction(?:\.Net)?|"
    r"(?:fiction|poetry)\s*[-|]\s*FictionPress(?:\.com)?)\s*$",
    re.I | re.S,
)
# The mobile site's (m.fanfiction.net): `Fanfic: Title Ch 21, Harry Potter | FanFiction`.
FFN_MOBILE_TITLE = re.compile(
    r"(?:fanfic|crossover):\s*(?P<title>.+?)(?:\s+Ch\s+\d+)?,\s+[^|]+\|\s*FanFiction\s*$",
    re.I | re.S,
)
# The chapter menu (`<select name=chapter>`) and its selected option.
FFN_SELECT = re.compile(
    r"<select\b[^>]*\bname\s*=\s*['\"]?chapter\b[^>]*>(.*?)(?:</select>|$)", re.I | re.S
)
FFN_OPTION = re.compile(r"<option\b([^>]*)>([^<]*)", re.I)
FFN_AUTHOR_LINK = re.compile(r"<a\b[^>]*href\s*=\s*['\"]?/u/\d+[^>]*>([^<]+)</a>", re.I)
FFN_CRUMB_TITLE = re.compile(r"»\s*<b>([^<]+)</b>", re.I)
# The fandom: the last link of the crumbs above the story (`Books > Harry Potter`; in older
# layouts `Books » Harry Potter » <b>Title</b>`), else the page title's `, a Naruto fanfic`.
FFN_CRUMBS = re.compile(r"id\s*=\s*['\"]?pre_story_links\b(.*?)</div>", re.I | re.S)
FFN_CRUMB_LINK = re.compile(r"<a\b[^>]*>([^<]+)</a>", re.I)
FFN_OLD_CRUMB = re.compile(r"<a\b[^>]*>([^<]+)</a>\s*(?:»|&#187;|&raquo;)\s*<b>", re.I)
FFN_TITLE_FANDOM = re.compile(
    r",\s+an?\s+(?P<fandom>.+?)\s+fanfic\s*[-|]\s*FanFiction(?:\.Net)?\s*$", re.I | re.S
)
FFN_MOBILE_FANDOM = re.compile(r"^(?:fanfic|crossover):.*,\s+(?P<fandom>[^,|]+?)\s*\|", re.I)
OPTION_NUMBER = re.compile(r"^\d+\.\s*")
HEADER_CHAPTER = re.compile(r"\bChapter\s+\d+\b.*$")
BYLINE = re.compile(r"^(?:by|author)\s*:?\s+(.+?)(?:\s+PM)?$", re.I | re.S)
RATED = re.compile(r"^(?:Fiction\s+)?Rated:\s", re.I)
# AO3's pointers to the end notes, and its `Chapter Text` / `Work Text` landmarks.
AO3_JUMP = re.compile(r"^\(See the end of the (?:work|chapter)\b", re.I)
# Ids and classes of the sites' own menus, headers and footers.
AO3_CHROME = frozenset(("#header", "#footer", "#main", "#outer", "#skiplinks", "landmark"))
FFN_CHROME = frozenset(
    ("#profile_top", "#gui_table1", "#fidochap", "menulinks", "zmenu", "xxmenu", "#p_footer")
) | {"t_head"}  # (the mobile site's header)
FFN_STORY = frozenset(("#storytext", "#storycontent"))  # the desktop's and the mobile site's
LONE_MARKS = frozenset(("-", "–", "—", "~", "_"))
# `Work - Chapter 1 - Site`, `Chapter 1 | Work`: the parts of a chapter page's title.
PAGE_TITLE_PARTS = re.compile(r"\s+(?:[-|–—]|::)\s+")
# The classes of a forum post's text: XenForo 1 (`messageText`) and 2 (`bbWrapper`, inside
# `article.message-body`, which holds the text where a saved page lost the `bbWrapper`).
POST_BODIES = frozenset(("messagetext", "bbwrapper", "message-body"))


@dataclass
class SitePage:
    """A story page read for its work: the rewritten document and what the site says."""

    site: str
    doc: Document
    title: str = ""
    authors: list[str] = field(default_factory=list)


def read_site_page(doc: Document, markup: str) -> SitePage | None:
    """The work on a saved AO3 or FanFiction.Net page or forum thread, or the main content of
    another site's story page; None for documents that are not web pages (books, downloads)."""
    contexts = [b.context for b in doc.blocks]
    # Only a page with the site around its story: FanFicFare's downloads keep `#storytext`
    # and AO3's own keep class names, but have none of the sites' menus and headers.
    tokens = {t for c in contexts for t in c.split()}
    if "#workskin" in tokens and tokens & AO3_CHROME:
        return _ao3(doc)
    if tokens & FFN_STORY and tokens & FFN_CHROME:
        return _ffn(doc, markup)
    if tokens & POST_BODIES:
        from tui.book.markup.forum_threads import read_forum_thread

        thread = read_forum_thread(doc)
        if thread is not None:
            return thread
    from tui.book.markup.story_pages import main_content

    return main_content(doc)


def _copy(
    block: Block, context: str, kind: BlockKind | None = None, tag: str | None = None
) -> Block:
    copy = Block(
        kind or block.kind,
        block.text,
        block.spans,
        tag or block.tag,
        block.marks,
        context,
        block.label,
        block.images,
    )
    copy.linked = block.linked
    return copy


def story_block(block: Block) -> Block:
    """A block of the story's text. A paragraph of a lone dash or tilde is how writers on
    these sites, whose editors drop empty lines and ornaments, mark a scene break."""
    if block.kind == TEXT and block.text.strip() in LONE_MARKS:
        return Block(BREAK, "", None, "hr", block.marks, f"{CHAPTERS} {block.context}")
    return _copy(block, f"{CHAPTERS} {block.context}")


def _text(text: str, context: str, marks: str = "", label: str = "", tag: str = "p") -> Block:
    return Block(TEXT, text, None, tag, marks, context, label)


def heading_block(text: str, context: str, level: int, marks: str = "") -> Block:
    return Block(HEADING, text, None, f"h{level}", marks, context)


def _front(title: str, authors: list[str], fields: Iterable[tuple[str, str]]) -> list[Block]:
    """The title block of the rewritten page: title, byline, labelled metadata lines."""
    out = []
    if title:
        out.append(heading_block(title, PREFACE, 1, "title"))
    if authors:
        out.append(_text("by " + ", ".join(authors), PREFACE, "byline"))
    for label, value in fields:
        if value:
            out.append(_text(f"{label}: {value}", PREFACE, "meta", label=label, tag="dd"))
    return out


# -- AO3 ---------------------------------------------------------------------------------------


def _ao3(doc: Document) -> SitePage:
    """AO3 work and chapter pages: `dl.work.meta` tags, `#workskin` with the work's preface
    (title, byline, summary, notes), `#chapters` (each chapter's preface with its title and
    notes, its text, its end notes) and the work's end notes; the rest is the site."""
    title, authors = "", list[str]()
    fields: list[tuple[str, str]] = []
    preface: list[Block] = []
    chapters: list[Block] = []
    after: list[Block] = []
    for block in doc.blocks:
        tokens = block.context.split()
        marks = block.marks.split()
        text = block.text
        if "#workskin" not in tokens:
            if "meta" in tokens and "group" in tokens and block.kind == TEXT:
                _ao3_field(fields, block)
            continue
        if "landmark" in marks or (block.kind == TEXT and AO3_JUMP.match(text)):
            continue
        end_notes = "end" in tokens and "notes" in tokens
        if "#chapters" in tokens:
            if "preface" in tokens or end_notes:
                if "title" in marks and block.kind == HEADING:
                    name = " ".join(text.split())
                    chapters.append(heading_block(name, "#chapters", 2, "heading"))
                elif block.kind in (TEXT, HEADING):
                    chapters.append(_copy(block, NOTES, TEXT, "p"))
                continue
            chapters.append(story_block(block))
            continue
        if "afterword" in tokens or end_notes or chapters:
            if block.kind in (TEXT, HEADING):
                after.append(_copy(block, f"{AFTERWORD} {block.context}", TEXT, "p"))
            continue
        if block.kind == HEADING and "title" in marks and not title:
            title = " ".join(text.split())
        elif block.kind == HEADING and "byline" in marks and not authors:
            authors = [without_archivist(" ".join(text.split()))]
        elif block.kind in (TEXT, HEADING):
            preface.append(_copy(block, f"{PREFACE} {block.context}", TEXT, "p"))
    out = Document(title=doc.title, author=doc.author, body_marks=doc.body_marks)
    out.blocks = [*_front(title, authors, fields), *preface, *chapters, *after]
    return SitePage(SITE_AO3, out, title, authors)


def _ao3_field(fields: list[tuple[str, str]], block: Block) -> None:
    """`<dt>Fandom:</dt><dd><ul><li>A</li><li>B</li></ul></dd>`: the label comes as a paragraph
    of its own and each tag as a list item after it."""
    text = " ".join(block.text.split())
    if block.label or (text.endswith(":") and block.tag in ("dd", "dt")):
        label = block.label or text.rstrip(":").strip()
        value = text[len(label) :].lstrip(" :") if text.startswith(label) else ""
        fields.append((label, value))
    elif block.tag == "li" and fields:
        label, value = fields[-1]
        fields[-1] = (label, f"{value}, {text}" if value else text)


# -- FanFiction.Net ----------------------------------------------------------------------------


def _ffn(doc: Document, markup: str) -> SitePage:
    """FanFiction.Net chapter pages of every layout: the story header (`#profile_top`, or the
    older tables: title, `By:`/`Author:` line, summary, `Rated:` line) before `#storytext`, the
    chapter menu's selected option as the chapter title; menus, review boxes, footer dropped."""
    blocks = doc.blocks
    first = next(i for i, b in enumerate(blocks) if _in_story(b))
    header = [b for b in blocks[:first] if b.kind == TEXT and _in_header(b)]
    title = _without_chapter(ffn_title(doc.title), ffn_chapter_title(markup))
    title = title or _header_title(header, markup)
    authors = _ffn_author(header, markup)
    fields: list[tuple[str, str]] = []
    summary = ""
    for block in header:
        text = " ".join(block.text.split())
        if RATED.match(text):
            fields.append(("Rated", RATED.sub("", text, count=1)))
        elif (
            len(text) > 40
            and text != title
            and not BYLINE.match(text)
            and "»" not in text
            and not summary
        ):
            summary = text
    if summary:
        fields.insert(0, ("Summary", summary))
    fandoms = ffn_fandoms(doc.title, markup)
    if fandoms:
        fields.insert(0, ("Fandom", ", ".join(fandoms)))
    chapter = ffn_chapter_title(markup) or _header_chapter(header)
    out = Document(title=doc.title, author=doc.author, body_marks=doc.body_marks)
    out.blocks = _front(title, authors, fields)
    if chapter:
        out.blocks.append(heading_block(chapter, "#chapters", 2, "heading"))
    for block in blocks[first:]:
        if _in_story(block):
            out.blocks.append(story_block(block))
    return SitePage(SITE_FFN, out, title, authors)


def _without_chapter(title: str, chapter: str) -> str:
    """The story's title from the page's, without the chapter's name the site sets after it
    when the chapter has one (`Stygian Solace Ch 1: Exploiting the Horizon v 3`)."""
    if chapter and title.casefold().endswith(" " + chapter.casefold()):
        return title[: -len(chapter)].strip()
    return title


def _header_chapter(header: list[Block]) -> str:
    """The mobile site's chapter title, last in its header: `599 Chapter 21: The Slipup`
    (after the count of reviews)."""
    for block in reversed(header):
        # (a page saved with its line ends written out, `218\nChapter 3`, as one line)
        found = HEADER_CHAPTER.search(" ".join(block.text.replace("\\n", " ").split()))
        if found:
            return found.group(0)
    return ""


def _in_story(block: Block) -> bool:
    return not FFN_STORY.isdisjoint(block.context.split())


def _in_header(block: Block) -> bool:
    """A line of the story header, not of the site's menus."""
    tokens = block.context.split()
    menu = ("zmenu", "menulinks", "menu-child", "xxmenu", "myborder", "#top")
    # (the mobile site's `<body id=top>` holds everything; its story header is `#content`)
    return not any(t in tokens for t in menu) or "#fidochap" in tokens or "#content" in tokens


def ffn_title(page_title: str) -> str:
    """`Child of Four Chapter 1, a Harry Potter fanfic - FanFiction.Net` -> `Child of Four`."""
    title = " ".join(page_title.split())
    found = FFN_PAGE_TITLE.fullmatch(title) or FFN_MOBILE_TITLE.fullmatch(title)
    return found.group("title").strip() if found else ""


def ffn_fandoms(page_title: str, markup: str) -> list[str]:
    """The story's fandoms, as the page's crumbs or its title name them: `Harry Potter`, or
    `Harry Potter + Avengers Crossover` -> `Harry Potter`, `Avengers`."""
    name = ""
    crumbs = FFN_CRUMBS.search(markup)
    links = FFN_CRUMB_LINK.findall(crumbs.group(1)) if crumbs else []
    if links:
        name = links[-1]
    elif found := FFN_OLD_CRUMB.search(markup):
        name = found.group(1)
    else:
        title = " ".join(page_title.split())
        found = FFN_TITLE_FANDOM.search(title) or FFN_MOBILE_FANDOM.search(title)
        name = found.group("fandom") if found else ""
    name = " ".join(html.unescape(name).split())
    name = re.sub(r"\s+crossover$", "", name, flags=re.I)
    return [part.strip() for part in name.split(" + ") if part.strip()]


def _header_title(header: list[Block], markup: str) -> str:
    for block in header:
        tokens = block.context.split()
        if "#profile_top" in tokens or "#gui_table1" in tokens:
            return " ".join(block.text.split())
    found = FFN_CRUMB_TITLE.search(markup)
    return html.unescape(found.group(1)).strip() if found else ""


def _ffn_author(header: list[Block], markup: str) -> list[str]:
    found = FFN_AUTHOR_LINK.search(markup)
    if found:
        return [" ".join(html.unescape(found.group(1)).split())]
    for block in header:
        line = BYLINE.match(" ".join(block.text.split()))
        if line:
            return [line.group(1)]
    return []


def ffn_chapter_title(markup: str) -> str:
    """The selected option of the chapter menu, without its number: `6. He Could Be A Zombie`
    -> `He Could Be A Zombie`; empty for a one-shot (no menu)."""
    menu = FFN_SELECT.search(markup)
    if menu is None:
        return ""
    options = FFN_OPTION.findall(menu.group(1))
    for attrs, label in options:
        if re.search(r"\bselected\b", attrs, re.I):
            return OPTION_NUMBER.sub("", " ".join(html.unescape(label).split()), count=1)
    return ""
