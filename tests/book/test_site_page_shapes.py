"""Shapes of saved story pages.

FanFiction.Net's mobile pages, a site page whose front matter names the work and the chapter, an
old archive's page of `<div>` paragraphs under a trail heading, and forum threads whose
threadmarked posts are the story.
"""

from __future__ import annotations

from pathlib import Path

from shape_support import OTHER, PROSE, scene_firsts

from tui.book.formats import open_book
from tui.book.model import ParaKind


def test_a_mobile_fanfiction_net_page(tmp_path: Path) -> None:
    story = "".join(f"<p>{PROSE}</p><p>{OTHER}</p>" for _ in range(3))
    page = f"""<html><head><title>Fanfic: Stranded Ch 21, Harry Potter | FanFiction</title>
<body id="top"><div class="t_head hbox"><div class="t_text"><a href="/">FanFiction</a></div>
<div class="t_text"><a href="/j/">Just In</a></div></div>
<div id="content"><div align="center"><b>Stranded</b> by <a href="/u/2548648/">Starfox5</a>
</div><hr size="1"><a href="/book/">Books</a> » <a href="/book/Harry-Potter/">Harry Potter</a>
Rated: T, English, Adventure, Words: 6k<hr size="1"><span class="pull-right">
<a href="/r/13786171/">599</a></span> Chapter 21: The Slipup<br></div>
<div role="main"><div class="storycontent nocopy" id="storycontent">{story}<hr>{story}
</div></div><div align="center"><a href="/s/13786171/20/">« Prev</a> Ch 21 of 39</div>
</body></html>"""
    path = tmp_path / "s-13786171-21.html"
    path.write_text(page, encoding="utf-8")
    book = open_book(path)
    assert (book.title, book.author) == ("Stranded", "Starfox5")
    assert [c.title for c in book.chapters] == ["Chapter 21: The Slipup"]
    assert len(book.chapters[0].scenes) == 2


def test_a_site_pages_front_matter_names_the_work_and_the_chapter(tmp_path: Path) -> None:
    lines = ["---", "title: 第十章：夢長", "novelTitle: 《此生不識君》Still-you", "---", ""]
    lines += ["# {{ frontmatter.title }}", "", "<script setup>", "import { useData } from 'x'"]
    lines += ["const { frontmatter } = useData()", "</script>", "", "---", ""]
    lines += ["那日天未亮，謝憐便醒了。", "", "屋中一片死寂。", "", "---", "", "那之後的日子。"]
    path = tmp_path / "Ch-10.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    book = open_book(path)
    assert book.title == "此生不識君"
    assert [c.title for c in book.chapters] == ["第十章 夢長"]
    assert [s.first_words[:4] for s in book.chapters[0].scenes] == ["那日天未", "那之後的"]


def test_an_old_archive_page_with_div_paragraphs_under_a_trail_heading(tmp_path: Path) -> None:
    def para(text: str) -> str:
        return f'<div align="left">{text}</div><div align="left">&nbsp;</div>'

    story = "".join(para(PROSE) + para(OTHER) for _ in range(4))
    story += '<div align="center">******************</div>' + story
    side = "".join(f"<p><a href='/f/{n}'>Popular story {n}</a> by someone</p>" for n in range(8))
    page = f"""<html><head><title>A Miko's Instincts</title></head><body>
<div id="primary-menu" role="navigation"><ul><li><a href="/">Home</a></li></ul></div>
<div id="content"><article id="post-8"><h1 id="post-title">InuYasha Fan Fiction &#10095;
A Miko's Instincts &#10095; A Miko's Instincts Chapter 1 ( Chapter 1 )</h1>
<div class="post-meta"><b>By: </b><a href="/user_info.php/105805">Majicman55</a></div>
<div id="fanfic-text">{story}</div></article>
<div id="primary-sidebar">{side}</div></div></body></html>"""
    path = tmp_path / "chapter.html"
    path.write_text(page, encoding="utf-8")
    book = open_book(path)
    assert (book.title, book.author) == ("A Miko's Instincts", "Majicman55")
    assert [c.title for c in book.chapters] == ["A Miko's Instincts Chapter 1"]
    assert scene_firsts(path) == [[PROSE[:14], PROSE[:14]]]


def _forum_post(
    number: int, writer: str, body: str, mark: str = "", second_version: bool = False
) -> str:
    if second_version:
        label = (
            '<div class="message-cell message-cell--threadmark-header">'
            f'<span class="threadmarkLabel">{mark}</span></div>'
            if mark
            else ""
        )
        return f"""<article class="message message--post {"hasThreadmark" if mark else ""} js-post"
data-author="{writer}" id="js-post-{number}">{label}<div class="message-cell--user">
<h4 class="message-name"><a class="username">{writer}</a></h4></div>
<article class="message-body"><div class="bbWrapper">{body}</div></article>
<div class="message-signature">Signature of {writer}</div></article>"""
    label = (
        f'<div class="threadmarker"><span class="label"><strong>Threadmark:</strong> {mark}'
        '</span><div class="threadmarker_nav_top"><a href="#">&lt;&lt;</a> '
        '<a href="#">Index</a></div></div>'
        if mark
        else ""
    )
    return f"""<li id="post-{number}" class="message {"hasThreadmark" if mark else ""}"
data-author="{writer}">{label}<div class="messageUserInfo"><h3 class="userText">
<a class="username">{writer}</a></h3><dl><dd>Location: Canada</dd></dl></div>
<div class="messageInfo"><blockquote class="messageText ugc baseHtml">{body}</blockquote></div>
</li>"""


def test_a_forum_threads_threadmarked_posts_are_its_story(tmp_path: Path) -> None:
    story = "<br /><br />".join([PROSE, OTHER] * 3)
    reply = "Great chapter! I wonder what happens to the elves next, can't wait for more."
    for second in (False, True):
        chapter = (
            "Today's long update is brought to you by a quiet weekend.<hr />"
            '<div style="text-align: center">Chapter 4: Digging In\u200b</div><br />'
            f'{story}<br /><br /><div style="text-align: center">o-o-o-o</div><br />{story}'
        )
        posts = [
            _forum_post(1, "Pahan", reply, second_version=second),
            _forum_post(2, "eaglejarl", chapter, "Chapter 4) Digging In", second),
            *(_forum_post(n, "Killer_Whale", reply, second_version=second) for n in (3, 4)),
        ]
        page = f"""<html><head><title>Slivers in the Chaos Lands | Page 17 | Sufficient
Velocity</title></head><body><div id="header"><ul class="navTabs"><li>Forums</li>
<li>Members</li></ul></div><ol class="messageList">{"".join(posts)}</ol>
<div id="footer">Terms and Rules</div></body></html>"""
        path = tmp_path / f"thread-{second}.html"
        path.write_text(page, encoding="utf-8")
        book = open_book(path)
        assert (book.title, book.author) == ("Slivers in the Chaos Lands", "eaglejarl")
        assert [c.title for c in book.chapters] == ["Chapter 4: Digging In"]
        assert [s.first_words[:14] for s in book.chapters[0].scenes] == [
            "Today's long u",
            PROSE[:14],
        ]
        # The post's blockquote holds the whole post: nothing is indented as a quotation.
        assert book.insets == {}
        # The heading under the post's note is not shown again as a line of the story.
        texts = [book.paragraph(i) for i in range(len(book)) if book.kinds[i] == ParaKind.TEXT]
        assert not any("Digging In" in text for text in texts)


def test_a_forum_posts_subject_repeating_the_page_titles_first_part_names_it(
    tmp_path: Path,
) -> None:
    # (a board's post in a table: its subject over the poster's panel, the site's name after
    # the work's in the <title>; the work's title, not the site's, names its one chapter)
    story = "<br><br>".join([PROSE, OTHER] * 4)
    panel = '<div class="author-registered">Joined: May 2001</div>'
    panel += '<div class="author-totalposts">Posts: 1,234</div>'
    body = f"""<table id="content"><tr><td><ul class="navigation"><li>Forums</li>
<li>Calendar</li></ul></td></tr><tr><td><div class="truncate bold">Harbour Lights 1/1</div>
<div>#1001 05/06/21 10:15 PM</div>{panel}<div class="author-name"><a href="/u/7">someone</a>
<span class="post-op">OP</span></div></td>
<td class="post_inner"><div id="body0">{story}</div></td></tr>
<tr><td class="footer">Forum Rules · Contact Us</td></tr></table>"""
    title = "Harbour Lights 1/1 - Seaside Fanfic Message Boards"
    path = tmp_path / "post.html"
    path.write_text(f"<html><head><title>{title}</title></head><body>{body}</body></html>")
    book = open_book(path)
    assert book.title == "Harbour Lights 1/1"
    assert [c.title for c in book.chapters] == ["Harbour Lights 1/1"]
    # (the board's badge beside the poster's name, `OP` for the thread's first poster, is none
    # of the name)
    assert book.author == "someone"


def test_threadmarked_posts_of_a_line_each_are_chapters_not_front_pages(tmp_path: Path) -> None:
    # (a saved XenForo 2 page whose posts keep their text in `article.message-body` alone)
    posts = "".join(
        f"""<article class="message message--post hasThreadmark js-post" id="js-post-{n}">
<div class="message-cell message-cell--threadmark-header"><span class="threadmarkLabel">
Part {n}</span></div><h4 class="message-name"><a class="username">someone</a></h4>
<article class="message-body">post {n} text</article></article>"""
        for n in (1, 2, 3)
    )
    page = f"""<html><head><title>Harbour Lights | Seaside Forums</title></head><body>
<div id="header"><ul class="navTabs"><li>Forums</li></ul></div>{posts}
<div id="footer">Terms and Rules</div></body></html>"""
    path = tmp_path / "reader.html"
    path.write_text(page, encoding="utf-8")
    book = open_book(path)
    assert [c.title for c in book.chapters] == ["Part 1", "Part 2", "Part 3"]
    assert [c.scenes[0].first_words for c in book.chapters] == [f"post {n} text" for n in (1, 2, 3)]
