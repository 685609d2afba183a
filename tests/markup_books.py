"""Small EPUB and HTML books built for the markup tests.

Gutenberg layouts, saved AO3 pages, and the outline a reader would see of them.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import epub_builders as eb

from tui.book.markup.epub import open_epub
from tui.book.model import Book

PG_START = "*** START OF THE PROJECT GUTENBERG EBOOK THE LANTERN KEEPER ***"
PG_END = "*** END OF THE PROJECT GUTENBERG EBOOK THE LANTERN KEEPER ***"
LICENCE = [
    "THE FULL PROJECT GUTENBERG LICENSE",
    "To protect the Project Gutenberg mission of promoting the free distribution of "
    "electronic works, you agree to comply with all the terms of the Full Project "
    "Gutenberg License available with this file.",
]


def outline(book: Book) -> list[tuple[str, int]]:
    return [(c.title, len(c.scenes)) for c in book.chapters]


def epub(
    path: Path,
    docs: dict[str, str],
    nav: list | None = None,
    *,
    title: str = "The Lantern Keeper",
    raw_labels: dict[str, str] | None = None,
) -> Book:
    """An EPUB 3 of ``docs`` (name -> body markup, in reading order) with a nav; a nav label
    in ``raw_labels`` is replaced by the given markup, inline tags and all."""
    files: dict[str, str | bytes] = {
        f"Text/{name}.xhtml": body if body.startswith("<?xml") else eb.xhtml(name, body)
        for name, body in docs.items()
    }
    items = [(name, f"Text/{name}.xhtml", "application/xhtml+xml") for name in docs]
    spine = list(docs)
    extra = ""
    if nav is not None:
        nav_text = eb.nav_doc(nav)
        for label, markup in (raw_labels or {}).items():
            nav_text = nav_text.replace(f">{label}</a>", f">{markup}</a>")
        files["nav.xhtml"] = nav_text
        extra = '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
        extra += 'properties="nav"/>'
    metadata = f"<dc:title>{title}</dc:title><dc:creator>Ada Quill</dc:creator>"
    files["content.opf"] = eb.opf(
        items, spine, metadata, version="3.0", toc_id=None, extra_manifest=extra
    )
    return open_epub(eb.write_epub(path, files))


def gutenberg_page(path: Path, body: str, *, ending: str = "", upper: bool = False) -> Path:
    """A Project Gutenberg HTML book of The Lantern Keeper around ``body`` (then ``ending``,
    such as `<h3>THE END.</h3>`), its own tags in capitals as old files have them with ``upper``."""

    def tag(name: str) -> str:
        return name.upper() if upper else name

    html, head, title, page_body, pre, h1 = map(tag, ("html", "head", "title", "body", "pre", "h1"))
    page = (
        f"<{html}><{head}><{title}>The Lantern Keeper</{title}></{head}><{page_body}>"
        f"<{pre}>The Project Gutenberg EBook of The Lantern Keeper\n{PG_START}</{pre}>"
        f"<{h1}>THE LANTERN KEEPER</{h1}>{body}{ending}<{pre}>{PG_END}</{pre}>"
        f"</{page_body}></{html}>"
    )
    path.write_text(page, encoding="utf-8")
    return path


def story(seed: int, count: int = 4) -> str:
    return eb.paras(eb.prose(seed, count))


def first_words(book: Book) -> list[list[str]]:
    return [[s.first_words for s in c.scenes] for c in book.chapters]


# -- chapter titles ------------------------------------------------------------------------------


def gutenberg_epub(path: Path) -> Book:
    docs = {
        "header": eb.paras(
            [
                "The Project Gutenberg eBook of The Lantern Keeper. This ebook is for the use "
                "of anyone anywhere in the United States and most other parts of the world.",
                PG_START,
            ]
        )
        + "<h1>THE LANTERN KEEPER</h1><p>by Ada Quill</p>",
        "contents": "<h2>Contents</h2>"
        + eb.paras(["CHAPTER I. The Ferry", "CHAPTER II. The Bell"]),
        "ch1": "<h2>CHAPTER I. The Ferry</h2>" + story(1),
        "ch2": "<h2>CHAPTER II. The Bell</h2>" + story(2) + "<hr/>" + story(3),
        "licence": eb.paras([PG_END]) + f"<h2>{LICENCE[0]}</h2>" + eb.paras(LICENCE[1:] * 3),
    }
    nav = [
        ("The Lantern Keeper", "Text/header.xhtml"),
        ("Contents", "Text/contents.xhtml"),
        ("CHAPTER I. The Ferry", "Text/ch1.xhtml"),
        ("CHAPTER II. The Bell", "Text/ch2.xhtml"),
        (LICENCE[0], "Text/licence.xhtml"),
    ]
    return epub(path, docs, nav)


def gutenberg_html(path: Path) -> Path:
    chapters = []
    for n, (roman, title) in enumerate([("I", "THE FERRY"), ("II", "THE BELL"), ("III", "HOME")]):
        body = story(n * 3 + 1)
        if n == 1:
            # A play inside the chapter: its ACT headings are not chapters.
            body += '<hr style="width: 15%;"/><h4>ACT I.</h4>' + story(20, 2)
            body += '<hr style="width: 15%;"/><h2>ACT II.</h2>' + story(21, 2)
        if n == 2:
            body += "<hr/>" + story(22)
        chapters.append(
            f'<h2><a name="CHAPTER_{roman}" id="CHAPTER_{roman}" />CHAPTER {roman}.</h2>\n'
            f"<h3>{title}</h3>\n{body}\n"
            '<hr/><p class="figcenter">[Illustration: The lamp]</p><hr/>\n' + story(n + 30, 2)
        )
    page = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<html><head><title>The Project '
        "Gutenberg eBook of The Lantern Keeper</title></head><body>\n<pre>\nThe Project "
        f"Gutenberg EBook of The Lantern Keeper\n\n{PG_START}\n</pre>\n"
        "<h1>THE LANTERN</h1><h1>KEEPER</h1><hr/><h2>By ADA QUILL</h2>"
        '<p class="center">Copyright, 1902</p><hr/><p class="center">All rights reserved</p>'
        "<h2>CONTENTS</h2><p>I. THE FERRY</p><p>II. THE BELL</p><p>III. HOME</p>"
        "<h2>THE LANTERN KEEPER</h2>\n" + "".join(chapters) + "<h2>THE END.</h2>"
        "<h2>Selections from the Publisher's Books for Girls</h2><h3>THE BLUE SERIES</h3>"
        + story(40, 2)
        + f"<pre>\n{PG_END}\n\n{LICENCE[1]}\n</pre></body></html>\n"
    )
    path.write_bytes(page.replace("\n", "\r\n").encode("latin-1", "replace"))
    return path


def saved_ao3_page(path: Path, chapters: int = 2, work_text: str = "") -> Path:
    """A work page as a browser saves it: the site's header and menus, the work's tags, the
    work itself inside `#workskin`, then kudos, comments and the footer. With ``work_text``, a
    one-shot's page: that text under AO3's `Work Text:` landmark, with no chapter heading."""
    body = "".join(
        f'<div class="chapter" id="chapter-{n}"><div class="chapter preface group" '
        f'role="complementary"><h3 class="title"><a href="/works/1/chapters/{n}">Chapter {n}'
        f'</a>: {title}</h3><div class="notes module"><h3 class="heading">Notes:</h3>'
        '<blockquote class="userstuff"><p>Thank you for the kind comments on the last one, '
        "all of you.</p></blockquote></div></div>"
        '<div class="userstuff module" role="article"><h3 class="landmark heading" id="work">'
        f"Chapter Text</h3>{story(n * 2)}<p>* * *</p>{story(n * 2 + 1)}</div></div>"
        for n, title in list(enumerate(["Low Tide", "The Torn Page", "Fog"], 1))[:chapters]
    )
    if work_text:
        body = (
            '<h3 class="landmark heading" id="work">Work Text:</h3>'
            f'<div class="userstuff">{work_text}</div>'
        )
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>
<title>The Lighthouse Ledger - saltwaterpen - Harbour Lights [Archive of Our Own]</title></head>
<body class="logged-out"><div id="outer" class="wrapper">
<ul id="skiplinks"><li><a href="#main">Main Content</a></li></ul>
<header id="header" class="region"><h1 class="heading"><a href="/">Archive of Our Own</a></h1>
<h3 class="landmark heading">User Navigation</h3>
<ul class="user navigation actions"><li><a href="/users/login">Log In</a></li></ul>
<nav aria-label="Site"><h3 class="landmark heading">Site Navigation</h3>
<ul class="primary navigation actions"><li><a href="/menu/fandoms">Fandoms</a></li>
<li><a href="/menu/browse">Browse</a></li><li><a href="/works/search">Search</a></li></ul></nav>
<form class="search" action="/works/search"><fieldset><p>Work Search:</p>
<input type="text" name="q"/><input type="submit" value="Search"/></fieldset></form>
</header>
<div id="inner" class="wrapper"><div id="main" class="works-show region" role="main">
<h3 class="landmark heading">Actions</h3>
<ul class="work navigation actions"><li><a href="/works/1?view_full_work=true">Entire Work</a>
</li><li><a href="/works/1/chapters/2">Next Chapter</a></li><li>Comments</li></ul>
<h3 class="landmark heading">Work Header</h3>
<div class="wrapper"><dl class="work meta group">
<dt class="rating tags">Rating:</dt><dd class="rating tags"><ul><li>
<a class="tag" href="/tags/Teen">Teen And Up Audiences</a></li></ul></dd>
<dt class="fandom tags">Fandom:</dt><dd class="fandom tags"><ul><li>
<a class="tag" href="/tags/HL">Harbour Lights (TV)</a></li></ul></dd>
<dt class="language">Language:</dt><dd class="language">English</dd>
<dt class="stats">Stats:</dt><dd class="stats"><dl class="stats"><dt>Published:</dt>
<dd>2023-04-01</dd><dt>Words:</dt><dd>1,234</dd></dl></dd></dl></div>
<div id="workskin"><div class="preface group">
<h2 class="title heading">The Lighthouse Ledger</h2>
<h3 class="byline heading"><a rel="author" href="/users/saltwaterpen">saltwaterpen</a></h3>
<div class="summary module"><h3 class="heading">Summary:</h3>
<blockquote class="userstuff"><p>Two keepers, one ledger, and a torn page.</p></blockquote>
</div></div>
<div id="chapters" role="article">{body}</div></div>
<div id="feedback" class="feedback"><h3 class="landmark heading">Actions</h3>
<ul class="actions" role="navigation"><li><a href="#main">Top</a></li>
<li><form action="/kudos"><input type="submit" value="Kudos ♥"/></form></li></ul>
<h3 class="landmark heading">Comments</h3>
<div id="comments_placeholder"><p>Please log in to leave a comment.</p></div></div>
</div></div>
<div id="footer" role="contentinfo" class="region"><h3 class="landmark heading">Footer</h3>
<ul class="navigation actions"><li><h4 class="heading">About the Archive</h4><ul class="menu">
<li><a href="/site_map">Site Map</a></li></ul></li></ul></div>
</div></body></html>"""
    path.write_text(page, encoding="utf-8")
    return path
