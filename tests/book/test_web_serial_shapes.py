"""Shapes of real files from an eighth and a ninth gathering.

Web serials saved as text and as WordPress pages, Royal Road downloads, EPUBs built by
translation sites' scrapers and by pandoc, Markdown of fan translations and static sites, a blog
post and a forum post.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import epub_builders as eb
from shape_support import MORE, OTHER, PROSE, page, scene_firsts, written

from tui.book.formats import open_book

SAID = "“Are we there yet?” asked the boy, who had asked it a dozen times that morning."
ASKED = "“Nearly,” his mother said, and did not look up from the map on her knees at all."


def test_two_different_dashes_used_again_are_the_books_breaks(tmp_path: Path) -> None:
    # A serial with a paragraph a line and no blank lines: `—-` parts its scenes, between
    # lines of dialogue too (a lone `—` there would be somebody falling silent).
    lines = [PROSE, SAID, "—-", ASKED, OTHER, "—-", MORE, SAID, "—-", OTHER]
    path = written(tmp_path, "chapter.txt", "\n".join(lines) + "\n")
    assert scene_firsts(path) == [[PROSE[:14], ASKED[:14], MORE[:14], OTHER[:14]]]
    once = written(tmp_path, "once.txt", "\n".join([PROSE, SAID, "—", ASKED, OTHER]) + "\n")
    assert scene_firsts(once) == [[PROSE[:14]]]


def test_a_wider_run_of_line_breaks_in_a_text_spaced_out_by_them(tmp_path: Path) -> None:
    # A chapter that is one <p>, its paragraphs parted by five <br/>s; eight part its scenes.
    five, eight = "<br/>" * 5, "<br/>" * 8
    texts = [PROSE, OTHER, MORE, SAID, ASKED, PROSE, OTHER]
    body = five.join(texts[:4]) + eight + five.join(texts[4:])
    path = written(tmp_path, "chapter.html", page(f"<h2>Chapter 1</h2><p>{body}</p>"))
    assert scene_firsts(path) == [[PROSE[:14], ASKED[:14]]]


def test_a_wider_gap_after_an_epigraph_is_no_break(tmp_path: Path) -> None:
    # Empty paragraphs part every paragraph; the run after the chapter's lines in italics
    # sets them apart from the story.
    gap, wide = "<p>&nbsp;</p>", "<p>&nbsp;</p>" * 6
    motto = [f"<p><em>{line}</em></p>" for line in ("The sea was calm.", "The sea is calm.")]
    prose = [f"<p>{t}</p>" for t in (PROSE, OTHER, MORE, SAID, ASKED)]
    body = gap.join(motto) + wide + gap.join(prose)
    path = written(tmp_path, "chapter.html", page(f"<h2>Chapter 1</h2>{body}"))
    assert len(scene_firsts(path)[0]) == 1


def _epub(tmp_path: Path, metadata: str, nav_heading: str, chapters: list[str]) -> Path:
    """An EPUB 3 of ``chapters``, its navigation page first in the reading order."""
    entries = "".join(f'<li><a href="c{k}.xhtml">{t}</a></li>' for k, t in enumerate(chapters))
    nav = f'<nav epub:type="toc" id="id"><h2>{nav_heading}</h2><ol>{entries}</ol></nav>'
    files: dict[str, str | bytes] = {"nav.xhtml": eb.xhtml(nav_heading, nav)}
    for k, title in enumerate(chapters):
        files[f"c{k}.xhtml"] = eb.xhtml(title, f"<h2>{title}</h2>" + eb.paras([PROSE, OTHER]))
    items = [(f"c{k}", f"c{k}.xhtml", "application/xhtml+xml") for k in range(len(chapters))]
    nav_item = (
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
    )
    files["content.opf"] = eb.opf(
        items,
        ["nav", *(i for i, _, _ in items)],
        metadata + '\n    <dc:identifier id="uid">x</dc:identifier>',
        version="3.0",
        toc_id=None,
        extra_manifest=nav_item,
    )
    return eb.write_epub(tmp_path / "book.epub", files)


def test_a_contents_page_headed_by_the_books_title_names_no_author(tmp_path: Path) -> None:
    # A scraper's book whose title says who wrote the scraper; its contents page, in the
    # reading order, is headed by that title, and its entries are no labelled lines.
    title = "ED - EPUB generator by AkaHitsuji"
    path = _epub(
        tmp_path,
        f"    <dc:title>{title}</dc:title>",
        title,
        ["Chapter 1: Old Devil (1)", "Chapter 2: Old Devil (2)"],
    )
    book = open_book(path)
    assert book.author is None
    assert [s.kind for s in book.front_matter] == ["toc"]
    assert [c.title for c in book.chapters] == [
        "Chapter 1: Old Devil (1)",
        "Chapter 2: Old Devil (2)",
    ]


def test_the_tool_that_made_the_book_is_no_author(tmp_path: Path) -> None:
    metadata = (
        "    <dc:title>Newt</dc:title>\n"
        '    <dc:creator opf:role="aut">pypub</dc:creator>\n'
        '    <meta name="generator" content="PYPUB ePub Generator "/>'
    )
    assert open_book(_epub(tmp_path, metadata, "Contents", ["Newt"])).author is None
    named = metadata.replace(">pypub<", ">Ann Lee<")
    assert open_book(_epub(tmp_path, named, "Contents", ["Newt"])).author == "Ann Lee"


def test_a_title_line_right_over_a_scraped_chapter_is_its_heading(tmp_path: Path) -> None:
    # A chapter scraped a paragraph a line: its title, then its prose on the very next line.
    lines = ["That Kind of Kitten", SAID, ASKED, PROSE, "#", OTHER, MORE]
    book = open_book(written(tmp_path, "holder.txt", "\n".join(lines) + "\n"))
    [chapter] = book.chapters
    assert (chapter.title, book.line_of(chapter.start)) == ("That Kind of Kitten", 1)
    assert [book.line_of(s.start) for s in chapter.scenes] == [2, 6]
    assert book.front_matter == []
    # Set apart by a blank line, the same title is the work's, over its untitled chapter.
    spaced = open_book(written(tmp_path, "spaced.txt", "\n\n".join(lines) + "\n"))
    assert spaced.chapters[0].heading is None and spaced.title == "That Kind of Kitten"


def test_a_status_box_in_a_text_spaced_by_empty_paragraphs_opens_no_scene(tmp_path: Path) -> None:
    # Royal Road: an empty paragraph after every paragraph, and a game's status box, a table
    # whose cells hold paragraphs of their own, twice, a short line between them.
    gap = "<p> </p>"
    story = gap.join(f"<p>{t}</p>" for t in (PROSE, OTHER, MORE, SAID, ASKED, PROSE))
    stats = ("Strength", "10", "Agility", "12", "Health", "200", "Stamina", "180", "Mana", "90")
    cells = "".join(f"<p>{t}</p>" for t in stats)
    box = f"<table><tr><td><p><strong>Attributes (+20)</strong></p>{gap}{cells}</td></tr></table>"
    body = story + gap + box + gap + "<p>OK, Attributes.</p>" + gap + box + gap + story
    path = written(tmp_path, "chapter.html", page(f"<h2>Chapter 1</h2>{body}"))
    assert len(scene_firsts(path)[0]) == 1


def test_a_labelled_closing_note_runs_through_the_credits_under_it(tmp_path: Path) -> None:
    # A serial's chapter page: the story, a gap, `Author’s Note:`, then the artists' credits
    # after an empty paragraph, and the site's links to the chapters around it.
    story = "".join(f"<p>{t}</p>" for t in (PROSE, OTHER, MORE, SAID, ASKED))
    note = (
        "<p><strong>Author’s Note: </strong>This is the first chapter of the volume. Thanks "
        "for reading, and see you next chapter!</p><p>I hope it was good.</p>"
    )
    credits = (
        "<p><strong>Hope, Snuggles and more by ArtsyNada!</strong></p>"
        "<p><strong>Instagram:</strong> https://www.instagram.com/artsy/</p>"
        "<p>Previous Chapter Next Chapter</p>"
    )
    body = story + "<p> </p>" * 4 + note + "<p> </p>" + credits
    path = written(tmp_path, "chapter.html", page(f"<h2>8.00</h2>{body}"))
    book = open_book(path)
    [chapter] = book.chapters
    assert [s.first_words[:14] for s in chapter.scenes] == [PROSE[:14]]
    assert "Hope, Snuggles" not in " ".join(
        book.paragraph(i) for s in chapter.scenes for i in range(s.start, s.end)
    )


def _pandoc_epub(tmp_path: Path, pages: list[str], title: str = "UNTITLED") -> Path:
    """A pandoc-style EPUB 2 of XHTML ``pages`` bodies, its NCX listing each page's <h1>."""
    files: dict[str, str | bytes] = {}
    points = []
    for k, body in enumerate(pages):
        name = f"ch{k + 1:03}.xhtml"
        files[name] = eb.xhtml(name, body)
        head = body.split("<h1>")[1].split("</h1>")[0] if "<h1>" in body else ""
        points.append((head, name))
    files["toc.ncx"] = eb.ncx(title, points)
    items = [(f"c{k}", f"ch{k + 1:03}.xhtml", "application/xhtml+xml") for k in range(len(pages))]
    items.append(("ncx", "toc.ncx", "application/x-dtbncx+xml"))
    metadata = f'    <dc:title>{title}</dc:title>\n    <dc:identifier id="uid">x</dc:identifier>'
    files["content.opf"] = eb.opf(items, [i for i, _, _ in items[:-1]], metadata)
    return eb.write_epub(tmp_path / "novel.epub", files)


def test_bold_chapter_headings_the_contents_left_out(tmp_path: Path) -> None:
    story = eb.paras([PROSE, OTHER, MORE])
    scrap = (
        "<p>title: “TESTING-THIS-TITLE-123” author: “Your Name” language: en rights: “© 2025 by"
        " Your Name” description: “An epic novel of cultivation, adventure, and destiny.”</p>"
    )
    pages = [
        '<h1 class="unnumbered"></h1>'
        + scrap
        + "<p><strong>Chapter 1: Skills</strong></p>"
        + story,
        "<h1>Chapter 2: Slots</h1>"
        + story
        + "<p><strong>Chapter 3: Matthew</strong></p>"
        + story
        + "<p><strong>[Bug-Grass Slayer]</strong></p>"
        + story,
        "<h1>Chapter 4: Aphids</h1>" + story + "<p><strong>Chapter 9: Later</strong></p>" + story,
        "<h1>Chapter 5: Shock</h1>" + story + "<h3></h3>" + eb.paras([MORE, PROSE]),
    ]
    book = open_book(_pandoc_epub(tmp_path, pages))
    assert [c.title for c in book.chapters] == [
        "Chapter 1: Skills",
        "Chapter 2: Slots",
        "Chapter 3: Matthew",
        "Chapter 4: Aphids",
        "Chapter 5: Shock",
    ]
    assert [s.kind for s in book.front_matter][:1] == ["front"]
    # An empty heading after the text has begun opens a scene; `UNTITLED` is nobody's title,
    # and the front matter run into a paragraph names the work (`Your Name` nobody).
    assert [s.first_words[:14] for s in book.chapters[-1].scenes] == [PROSE[:14], MORE[:14]]
    assert (book.title, book.author) == ("TESTING-THIS-TITLE-123", None)


def test_empty_headings_that_open_no_scene(tmp_path: Path) -> None:
    # A site's empty `h6` with a class, where it puts its watermark, and an empty heading
    # right under another heading, are no sections of the chapter.
    body = (
        "<h2>Chapter 1</h2>"
        + eb.paras([PROSE, OTHER])
        + '<h6 class="novel_online"></h6>'
        + eb.paras([MORE, SAID])
        + "<h3>Flag Enabling:</h3><h3> </h3>"
        + eb.paras([ASKED, PROSE])
    )
    path = written(tmp_path, "chapter.html", page(body))
    assert len(scene_firsts(path)[0]) == 1


def test_dots_drawn_across_a_line_between_html_spacers_in_markdown(tmp_path: Path) -> None:
    # A translation site's Markdown: raw `<br />&nbsp;` lines around `... ... ...`; entities
    # are characters, as the site shows them.
    mark = "<br />&nbsp;\n... ... ...\n<br />&nbsp;"
    text = "\n\n".join([PROSE, "He paused &mdash; then went on.", mark, OTHER, MORE, mark, SAID])
    book = open_book(written(tmp_path, "ch8.md", text + "\n"))
    assert [s.first_words[:14] for s in book.chapters[0].scenes] == [
        PROSE[:14],
        OTHER[:14],
        SAID[:14],
    ]
    shown = [book.paragraph(i) for i in range(len(book.kinds))]
    assert "He paused — then went on." in shown and not any("&" in p for p in shown)


def test_dots_drawn_across_a_line_alone_are_a_break(tmp_path: Path) -> None:
    # (between two lines of dialogue too: no pause, which is one `…` or `...`)
    text = "\n\n".join([PROSE, OTHER, "... ... ...", MORE, SAID, "… … …", ASKED])
    path = written(tmp_path, "story.txt", text + "\n")
    assert scene_firsts(path) == [[PROSE[:14], MORE[:14], ASKED[:14]]]


def test_markdown_code_fences_and_named_footnotes_open_no_scene(tmp_path: Path) -> None:
    text = "\n\n".join(
        [
            f"{PROSE} It fell that night[^fall].",
            "````\n--SOS CODE YELLOW CAPT--\n````",
            OTHER,
            "````\n--PURPLE-UNIT has met citizen--\n````",
            MORE,
            "\n\n[^fall]: It had a heavier shell than the other units.",
        ]
    )
    book = open_book(written(tmp_path, "stars.md", text + "\n"))
    assert len(book.chapters[0].scenes) == 1
    assert [s.kind for s in book.end_matter] == ["notes"]


def test_footnotes_numbered_through_the_book_close_it(tmp_path: Path) -> None:
    # Each chapter marks its own words (`[^1]` in the first, `[^3]` in the last); the notes
    # all come at the end, under the last chapter.
    chapters = [
        f"# Chapter 1\n\n{PROSE} Clay[^1] and nagging[^2].\n\n{OTHER}",
        f"# Chapter 2\n\n{MORE} Firewood[^3].\n\n{SAID}",
    ]
    notes = "[^1]: made of mud\n[^2]: to nag\n[^3]: firewood"
    book = open_book(written(tmp_path, "novel.md", "\n\n".join([*chapters, notes]) + "\n"))
    assert [c.title for c in book.chapters] == ["Chapter 1", "Chapter 2"]
    assert [s.kind for s in book.end_matter] == ["notes"]


def test_a_blog_post_is_named_by_its_heading_not_the_blogs_name(tmp_path: Path) -> None:
    # A Tumblr page: the blog's name in a `div.title` link, a sidebar, then the post's `<h1>`
    # over a story that names no chapter.
    story = eb.paras([PROSE, OTHER, MORE, SAID, ASKED] * 2)
    html_page = f"""<html><head><title>lh_lh</title></head><body>
<div class="load-in"><div class="title"><a href="/">lh_lh</a></div>
<div class="sidebar"><div id="description">A translation blog!</div>
<ul><li>home</li><li>ask</li><li>archive</li></ul></div>
<div id="posts-container" class="posts main"><h1 class="post-title">Myriad of Colours and
Flowers</h1><div class="caption">{story}</div></div></div></body></html>"""
    book = open_book(written(tmp_path, "post.html", html_page))
    assert [c.title for c in book.chapters] == ["Myriad of Colours and Flowers"]


def test_a_forum_posters_panel_names_no_author(tmp_path: Path) -> None:
    # A message board's panel beside the post: the name, then the poster's rank and the date
    # they joined.
    story = eb.paras([PROSE, OTHER, MORE, SAID, ASKED] * 2)
    html_page = f"""<html><head><title>A Lucky Strike</title></head><body>
<div class="navbar"><ul><li>Forums</li><li>Search</li></ul></div>
<table><tr><td class="author-content"><div class="small author-title">Pulitzer</div>
<div class="small author-registered">Joined: Aug 2003</div>
<div class="small author-totalposts">Posts: 2,616</div>
<div class="bold author-name"><a href="/users/490">KSaraSara</a></div></td>
<td class="post-content"><div class="post_inner">{story}</div></td></tr></table>
</body></html>"""
    book = open_book(written(tmp_path, "post.html", html_page))
    assert book.author == "KSaraSara"


def test_a_date_line_over_a_rule_under_the_title_opens_no_scene(tmp_path: Path) -> None:
    # A static site's page: the title, `발행일: <time>…</time>` (published), a rule, the story
    # with its own rules.
    story = eb.paras([PROSE, OTHER]) + "<hr/>" + eb.paras([MORE, SAID])
    body = f"<h1>Raspberries</h1>발행일: <time>2020년 7월 10일</time><hr/>{story}"
    path = written(tmp_path, "raspberries.html", page(body))
    assert scene_firsts(path) == [["발행일: 2020년 7월 ", MORE[:14]]]
    # A chat line over a rule is the story's: the rule still parts its scenes.
    chat = eb.paras(["Rio: are you coming?", "Kim: no"]) + "<hr/>" + eb.paras([MORE, SAID])
    assert len(scene_firsts(written(tmp_path, "chat.html", page(f"<h1>Chat</h1>{chat}")))[0]) == 2


def test_parts_named_in_lone_paragraphs_part_a_chapter(tmp_path: Path) -> None:
    # A web novel's chapter: `Part 1` under its heading, then `Part 2`, `Part 3` alone.
    pages = [
        f"<h1>Chapter {k}: Iron</h1><p>Part 1</p>"
        + eb.paras([PROSE, OTHER])
        + "<p>Part 2</p>"
        + eb.paras([MORE, SAID])
        + "<p>Part 3</p>"
        + eb.paras([ASKED, PROSE])
        for k in (1, 2, 3)
    ]
    book = open_book(_pandoc_epub(tmp_path, pages, "Rakuin"))
    assert [[s.first_words[:14] for s in c.scenes] for c in book.chapters] == [
        [PROSE[:14], MORE[:14], ASKED[:14]]
    ] * 3


def test_markdown_attribute_lines_and_a_one_character_opening(tmp_path: Path) -> None:
    # MkDocs: `\* \* \*` with `{ .center }` under it; a scene may open with one character.
    text = "\n\n".join([PROSE, OTHER, "\\* \\* \\*\n{ .center }", "“咦。”", MORE, SAID])
    book = open_book(written(tmp_path, "chapter.md", text + "\n"))
    assert [s.first_words for s in book.chapters[0].scenes][1:] == ["“咦"]


def test_silences_of_every_length_in_a_chat_are_no_breaks(tmp_path: Path) -> None:
    # An AO3 work told as a chat: an empty paragraph after every line, and longer runs of them
    # where the talk falls silent, each as long as the silence.
    gap = "<p> </p>"
    lines = [".I'm lonely", ".Juice?", ".Juice I'm sorry", ".I'm lonely too.", ".ya", ".why not"]
    body = ""
    for k, line in enumerate(lines * 3):
        body += f"<p>{line}</p>" + gap * (1 if k % 2 else 7 + 4 * k)
    path = written(tmp_path, "chat.html", page(f"<h2>Chapter 1</h2>{body}"))
    assert len(scene_firsts(path)[0]) == 1


def test_markdown_markup_with_nothing_to_show_widens_no_gap(tmp_path: Path) -> None:
    # A Jekyll post's `<!--more-->` right under a paragraph, and `<div>`s between paragraphs,
    # are no space a reader sees; a `<hr/>` line is a rule.
    text = (
        f'{PROSE}\n<!--more-->\n\n{OTHER}\n\n<div class="note">\n\n{MORE}\n\n</div>\n\n'
        f"{SAID}\n\n<hr/>\n\n{ASKED}\n"
    )
    book = open_book(written(tmp_path, "post.md", text))
    assert [s.first_words[:14] for s in book.chapters[0].scenes] == [PROSE[:14], ASKED[:14]]
