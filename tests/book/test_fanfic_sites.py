"""Saved AO3 and FanFiction.Net story pages: the work is read, the site is not.

The pages are small made-up copies of the two sites' skeletons.
"""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.book.model import Book

PROSE = "<p>Wren pulled the boat onto the shingle and listened for the bell, twice over.</p>"

AO3_PAGE = """<!DOCTYPE html><html><head><title>Chapter 2: The Bell - Harbour Lights - Quill
[Archive of Our Own]</title></head><body><div id="outer" class="wrapper">
<ul id="skiplinks"><li><a href="#main">Main Content</a></li></ul>
<div id="header" class="region"><h1 class="heading"><a href="/">Archive of Our Own</a></h1>
<ul class="primary navigation actions"><li class="dropdown"><a href="/menu">Fandoms</a></li>
<li><a href="/works">Browse</a></li></ul></div>
<div id="main" class="chapters-show region" role="main">
<ul class="work navigation actions"><li class="chapter entire"><a href="#">Entire Work</a></li>
<li class="share"><a href="#">Share</a></li></ul>
<div class="wrapper"><dl class="work meta group">
<dt class="rating tags">Rating:</dt><dd class="rating tags"><ul class="commas">
<li><a class="tag" href="#">General Audiences</a></li></ul></dd>
<dt class="fandom tags">Fandom:</dt><dd class="fandom tags"><ul class="commas">
<li><a class="tag" href="#">Harbour Lights</a></li></ul></dd></dl></div>
<div id="workskin"><div class="preface group"><h2 class="title heading">The Lighthouse</h2>
<h3 class="byline heading"><a rel="author" href="#">Quill</a></h3>
<div class="summary module"><h3 class="heading">Summary:</h3>
<blockquote class="userstuff"><p>Letters arrive at the lighthouse.</p></blockquote></div>
</div><div id="chapters" role="article"><div class="chapter" id="chapter-2">
<div class="chapter preface group" role="complementary">
<h3 class="title"><a href="#">Chapter 2</a>: The Bell</h3>
<div id="notes" class="notes module"><h3 class="heading">Notes:</h3>
<blockquote class="userstuff"><p>Thanks to my beta!</p></blockquote></div></div>
<div class="userstuff module" role="article">
<h3 class="landmark heading" id="work">Chapter Text</h3>
{story}</div>
<div class="chapter preface group" role="complementary"><div id="chapter_2_endnotes"
class="end notes module"><h3 class="heading">Notes:</h3>
<blockquote class="userstuff"><p>Next week: the storm.</p></blockquote></div></div>
</div></div></div>
<div id="feedback" class="feedback"><h3 class="landmark heading">Actions</h3>
<ul class="actions"><li><a href="#">Kudos</a></li><li><a href="#">Tweet</a></li></ul>
<h3 class="heading">Comments</h3><form><fieldset><legend>Post Comment</legend>
<p>Comment as Guest</p></fieldset></form></div></div>
<div id="footer" class="region"><h3 class="landmark heading">Footer</h3>
<ul class="menu"><li>About the Archive</li></ul></div></div></body></html>"""

FFN_PAGE = """<!DOCTYPE html><html><head><title>Harbour Lights Chapter 2: The Bell, a Misc
Books fanfic | FanFiction</title></head><body>
<div id="top" class="menulink">FanFiction | unleash your imagination</div>
<div class="zmenu" id="zmenu"><div class="dropdown">Browse</div>
<ul class="dropdown-menu"><li><a href="#">Anime</a></li><li><a href="#">Books</a></li></ul></div>
<div id="content_wrapper"><div id="pre_story_links"><a href="#">Books</a> &#187; Misc</div>
<div id="profile_top"><b class="xcontrast_txt">Harbour Lights</b>
<span>By:</span> <a class="xcontrast_txt" href="/u/123/Quill">Quill</a>
<div class="xcontrast_txt">Letters arrive at the lighthouse, unsigned, every single week.</div>
<span class="xgray">Rated: Fiction K - English - Drama - Chapters: 3</span></div>
<span><select id="chap_select" name="chapter"><option value="1">1. The Boat</option>
<option value="2" selected>2. The Bell</option><option value="3">3. The Storm</option></select>
</span><div id="storytextp" class="storytextp"><div id="storytext" class="storytext">
{story}</div></div>
<div id="review"><p>The author would like to thank you for your continued support.</p>
<hr><p>Story Writer + Favorite</p><hr></div></div>
<div id="p_footer">Help . Privacy . Terms of Service</div></body></html>"""


def _page(tmp_path: Path, page: str, story: str) -> Book:
    path = tmp_path / "page.html"
    path.write_text(page.replace("{story}", story), encoding="utf-8")
    return open_book(path)


def _outline(book: Book) -> list[tuple[str, list[str]]]:
    return [(c.title, [s.first_words for s in c.scenes]) for c in book.chapters]


def test_ao3_chapter_page_is_read_without_the_site(tmp_path: Path) -> None:
    story = PROSE * 3 + "<p>-</p>" + "<p>Tobias lit the lantern.</p>" + PROSE * 2
    book = _page(tmp_path, AO3_PAGE, story)
    assert (book.title, book.author) == ("The Lighthouse", "Quill")
    assert [(t, len(s)) for t, s in _outline(book)] == [("Chapter 2: The Bell", 2)]
    assert book.chapters[0].scenes[1].first_words.startswith("Tobias lit")
    assert book.meta["fandom"] == ["Harbour Lights"]
    assert book.meta["summary"] == "Letters arrive at the lighthouse."
    for chrome in ("Entire Work", "Kudos", "Tweet", "Comment as Guest", "About the Archive"):
        assert chrome not in book.text
    assert "Chapter Text" not in book.text


def test_ffn_page_titled_with_its_chapters_own_name_is_the_storys_title(tmp_path: Path) -> None:
    # A chapter named `Ch 2: The Bell v 3` by its writer is set after the story's title in
    # the page's, where a chapter named by number is `Chapter 2`.
    page = FFN_PAGE.replace(
        "Harbour Lights Chapter 2: The Bell,", "Harbour Lights Ch 2:  The Bell v 3,"
    )
    page = page.replace("2. The Bell</option>", "2. Ch 2: The Bell v 3</option>")
    book = _page(tmp_path, page, PROSE * 3)
    assert book.title == "Harbour Lights"
    assert [t for t, _ in _outline(book)] == ["Ch 2: The Bell v 3"]


def test_ffn_page_takes_its_chapter_title_from_the_chapter_menu(tmp_path: Path) -> None:
    story = PROSE * 3 + "<hr>" + "<p>Tobias lit the lantern.</p>" + PROSE * 2
    book = _page(tmp_path, FFN_PAGE, story)
    assert (book.title, book.author) == ("Harbour Lights", "Quill")
    assert [(t, len(s)) for t, s in _outline(book)] == [("The Bell", 2)]
    for chrome in ("unleash your imagination", "Story Writer", "Terms of Service", "The Storm"):
        assert chrome not in book.text


def test_br_runs_inside_a_paragraph(tmp_path: Path) -> None:
    line = "Wren pulled the boat onto the shingle and listened for the bell, twice over."
    story = (
        f"<p>{line}<br />{line}<br /><br />{line}</p>" + PROSE * 3 + f"<p>{line}<br /><br /><br />"
        f"<br />Tobias lit the lantern.<br />{line}</p>" + PROSE * 3
    )
    book = _page(tmp_path, AO3_PAGE, story)
    texts = [book.paragraph(i) for i in range(book.chapters[0].start, book.chapters[0].end)]
    assert f"{line}\n{line}" in texts  # one <br>: a line break
    assert line in texts  # two: a new paragraph
    scenes = book.chapters[0].scenes
    assert [s.first_words[:10] for s in scenes[1:]] == ["Tobias lit"]  # a longer run: a gap


def test_a_book_with_a_menu_keeps_every_chapter(tmp_path: Path) -> None:
    chapters = "".join(
        f'<div class="chapter" id="ch{n}"><h2>Chapter {n}</h2>{PROSE * 5}</div>' for n in (1, 2, 3)
    )
    page = (
        '<html><head><title>The Lighthouse</title></head><body><div class="navigation">'
        f'<a href="#ch1">Contents</a></div>{chapters}'
        '<div class="footer">The end.</div></body></html>'
    )
    path = tmp_path / "book.html"
    path.write_text(page, encoding="utf-8")
    book = open_book(path)
    assert [c.title for c in book.chapters] == ["Chapter 1", "Chapter 2", "Chapter 3"]


def test_a_story_page_with_its_chapters_in_one_container(tmp_path: Path) -> None:
    chapters = "".join(f"<h2>Chapter {n}</h2>{PROSE * 5}" for n in (1, 2, 3))
    page = (
        '<html><head><title>T</title></head><body><div class="navigation"><a>Home</a></div>'
        f'<h1>The Lighthouse</h1><div class="story">{chapters}</div>'
        '<div class="footer"><p>Site terms and privacy.</p></div></body></html>'
    )
    path = tmp_path / "story.html"
    path.write_text(page, encoding="utf-8")
    book = open_book(path)
    assert book.title == "The Lighthouse"
    assert [c.title for c in book.chapters] == ["Chapter 1", "Chapter 2", "Chapter 3"]
    assert "Site terms" not in book.text and "Home" not in book.text


LEGEND = (
    "<p>'Talking'</p><p>\"Thinking\"</p><p><strong>'Fox talking'</strong></p>"
    "<p>*expression*</p><p><strong>Jutsu</strong></p><p><em>Flashback</em></p>"
)


def test_a_style_legend_before_the_story_opens_no_scene(tmp_path: Path) -> None:
    story = (
        "<p>Disclaimer: I own nothing.</p>"
        + LEGEND
        + "<p>Chapter 2 - The Bell</p>"
        + PROSE * 3
        + "<p><em>Flashback</em></p><p>Tobias lit the lantern.</p>"
        + PROSE * 2
    )
    book = _page(tmp_path, FFN_PAGE, story)
    scenes = book.chapters[0].scenes
    # The legend's italic `Flashback` names a style; the one in the story marks a break.
    assert [s.first_words[:10] for s in scenes[1:]] == ["Tobias lit"]


def test_one_style_of_short_lines_is_no_legend(tmp_path: Path) -> None:
    story = (
        PROSE * 3 + "<p>'Wren'</p><p>'Tobias'</p><p>'Quill'</p><p>'Lantern'</p>"
        "<p><em>Flashback</em></p><p>Tobias lit the lantern.</p>" + PROSE * 2
    )
    book = _page(tmp_path, FFN_PAGE, story)
    assert [s.first_words[:10] for s in book.chapters[0].scenes[1:]] == ["Tobias lit"]
