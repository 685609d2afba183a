"""Single-file HTML books: AO3's "Download HTML", FanFicFare's HTML, any saved story page."""

from __future__ import annotations

import re
from pathlib import Path

from tui.book.file_title import title_from_path, work_of_folder
from tui.book.loader import decode_bytes, read_bytes, safe_name
from tui.book.markup.build import BookInfo, build_book
from tui.book.markup.classed_names import classed_names
from tui.book.markup.convert import TEXT, Converter, Document
from tui.book.markup.mirror_pages import read_mirror_page
from tui.book.markup.page_links import without_page_links
from tui.book.markup.paragraphs import Paragraphs
from tui.book.markup.producers import clean_work_title
from tui.book.markup.sites import PAGE_TITLE_PARTS, SitePage, ffn_title, read_site_page
from tui.book.markup.spacing import SPACING_WINDOW
from tui.book.markup.tags import decode_markup, ornament_hint
from tui.book.model import Book, BookError
from tui.book.rules.headings import names_a_chapter
from tui.book.rules.labels import ao3_page_title

# Who runs a site rather than who wrote a story: AO3 pages name the Organization for
# Transformative Works as their author.
SITE_OWNER = re.compile(
    r"\b(?:organi[sz]ation|foundation|inc|ltd|llc|corp(?:oration)?|team|staff|archive|press|"
    r"publishing|media|studios?)\b",
    re.IGNORECASE,
)
# A name in a page's <title>: up to six words of letters (`A. N. Author`, `Honoré de Balzac`).
PAGE_BYLINE_NAME = re.compile(r"[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,5}")
PREVIEW_CHARS = 400_000  # markup characters converted for a preview (a few screens of text)


def _document(
    path: Path, chars: int | None
) -> tuple[Document, int | None, list[str], SitePage | None, str]:
    """Convert the file, or only its first ``chars`` characters of markup. Returns the
    document, how many of its blocks are final (None: all, the file is complete), notices, the
    work when the file is a saved fan-fiction site page (its document is the one returned), and
    the work a reading mirror's page names in its closing line ("" for any other page)."""
    data = read_bytes(path)
    try:
        decode_bytes(data[:8192])  # refuses PDFs, archives, images and other binary files
        text, notice = decode_markup(data, refuse_binary=True)
    except BookError as err:
        if str(err).startswith(safe_name(path)):
            raise
        raise BookError(f"{safe_name(path)}: {err}") from None
    notices = [notice] if notice else []
    complete = chars is None or len(text) <= chars
    if not complete:
        # Cut before a tag; the paragraph open at the cut is incomplete and is dropped, so the
        # paragraphs kept are exactly the first ones of the whole file.
        cut = text.rfind("<", 0, chars)
        text = text[: cut if cut > 0 else chars]
    del data
    converter = Converter()
    converter.feed(text)
    doc = converter.close()
    page = read_site_page(doc, text)
    del text
    if page is not None:
        doc = page.doc
    # (links back and on, and to the comments, are the site's whatever shape the page has)
    doc.blocks = without_page_links(doc.blocks)
    mirror = read_mirror_page(doc.blocks) if page is None else None
    if mirror is not None:
        doc.blocks = mirror.blocks
    mirrored = mirror.work if mirror is not None else ""
    keep = None
    if not complete:
        # The last block may be cut short, and whether an empty paragraph is only spacing
        # looks a few paragraphs ahead: the paragraphs of the last few blocks are left out.
        keep = len(doc.blocks)
        texts = 0
        while keep and texts <= SPACING_WINDOW + 2:
            keep -= 1
            texts += doc.blocks[keep].kind == TEXT
    return doc, keep, notices, page, mirrored


def _book(path: str | Path, chars: int | None) -> Book:
    path = Path(path)
    doc, keep, notices, page, mirrored = _document(path, chars)
    complete = keep is None
    paragraphs = Paragraphs()
    paragraphs.add(path.name, doc, lambda src, marks: ornament_hint(src, marks), keep=keep)
    if complete and not paragraphs.paras:
        raise BookError(f"{safe_name(path.name)}: no readable text in this HTML file")
    title = doc.title
    # (a saved site page names its work in its own places; any other page may name it in
    # classed elements over its text, which say more than a <title> that runs the author and
    # the title together)
    named = classed_names(doc.blocks) if page is None else None
    work, authors = (page.title, list(page.authors)) if page is not None else ("", [])
    if named is not None:
        work, authors = named.title, named.authors
    work = work or mirrored
    info = BookInfo(
        path=str(path),
        title=work,
        authors=authors,
        notices=notices,
        fallback_title=work_of_folder(_page_title(title), str(path)),
        file_title=title_from_path(str(path)),
        fallback_author=_meta_author(doc.author, title) or _page_byline(title),
    )
    book = build_book(paragraphs, [], info, with_names=complete)
    if chars is not None:
        book.meta["preview"] = not complete
    return book


def _meta_author(author: str, page_title: str) -> str:
    """A page's `<meta name="author">`, unless it names the site (`WuxiaWorld`), as the last
    part of the page's title (or what follows its ` at `) does."""
    if not author:
        return ""
    parts = PAGE_TITLE_PARTS.split(page_title.strip())
    sites = {parts[-1]} if len(parts) > 1 else set()
    if " at " in page_title:
        sites.add(page_title.rsplit(" at ", 1)[1])
    key = "".join(c for c in author.casefold() if c.isalnum())
    named = {"".join(c for c in site.casefold() if c.isalnum()) for site in sites}
    if key in named or "." in author or SITE_OWNER.search(author):
        return ""
    return author


def _page_title(title: str) -> str:
    """`Title - author - Archive of Our Own`, FanFiction.Net's `Title Chapter 1, a Fandom
    fanfic - FanFiction.Net`, `Title by Author` or `The Project Gutenberg eBook of Title, by
    Author` -> `Title`."""
    ffn = ffn_title(title)
    if ffn:
        return ffn
    title = clean_work_title(title)
    ao3 = ao3_page_title(title)
    if ao3 is not None:
        return ao3[0]
    title = _without_chapter_and_site(title)
    if " by " in title:
        return title.rsplit(" by ", 1)[0].strip().rstrip(",")
    return title.strip()


def _page_byline(title: str) -> str:
    """The author a page's <title> names after its work (`The Project Gutenberg eBook of Title,
    by A. N. Author.`, `Title by Author`), when it is shaped as a name; empty if none."""
    if ffn_title(title) or ao3_page_title(clean_work_title(title)) is not None:
        return ""  # (a site's page: its own places name the writer)
    title = _without_chapter_and_site(" ".join(title.split()))
    if " by " not in title:
        return ""
    name = title.rsplit(" by ", 1)[1].strip().rstrip(".")
    # (capitalised at both ends: `Stand by me` names nobody)
    words = name.split()
    shaped = PAGE_BYLINE_NAME.fullmatch(name) and words[0][0].isupper() and words[-1][0].isupper()
    return name if shaped else ""


def _without_chapter_and_site(title: str) -> str:
    """A chapter page's `Work - Chapter 1 - Site` (or `Chapter 1 | Work`) -> `Work`: the part
    naming the chapter goes, and then the site's name, which sites put last."""
    parts = PAGE_TITLE_PARTS.split(title.strip())
    if len(parts) < 2:
        return title
    kept = [part for part in parts if not names_a_chapter(part)]
    if not kept or len(kept) == len(parts):
        return title  # no part names a chapter: ` - ` is the title's own
    return " - ".join(kept[:-1] if len(kept) >= 2 else kept)


def open_html(path: str | Path) -> Book:
    """The whole book."""
    return _book(path, None)


def preview_html(path: str | Path, chars: int = PREVIEW_CHARS, until: int = 0) -> Book:
    """The first part of the file only (at least ``chars`` characters of markup, and past
    text offset ``until`` as far as that can be told); offsets agree with :func:`open_html`.
    ``meta["preview"]`` is True when partial, False when it is the whole book."""
    return _book(path, max(chars, until * 2 + chars))
