"""Shapes of a tenth gathering: a journal post, a serial's notes, chat logs in an AO3 download.

A journal post whose paragraphs are `<br>` runs under a fic header, a serial's chapter closed by
an author's note headed by its label alone, and an AO3 download made into text whose chapter
titles are set apart by blank lines around chat logs.
"""

from __future__ import annotations

from pathlib import Path

from shape_support import OTHER, PROSE, scene_firsts

from tui.book.formats import open_book


def _journal_page(entry: str) -> str:
    menu = "".join(f"<li><a href='/{n}'>Menu item {n}</a></li>" for n in range(6))
    form = "<p>Your reply will be screened</p><p>Your IP address will be recorded</p>"
    return f"""<html><head><title>Fic: Harbour Lights; Gen; PG: someone</title></head><body>
<div class="s-header"><ul class="s-nav">{menu}</ul></div>
<div class="b-singlepost-about"><dl class="author"><dd class="author-userinfo">someone
(someone) wrote,<br>2009-10-04 23:31:00</dd></dl></div>
<h1 class="entry-title">Fic: Harbour Lights; Gen; PG</h1>
<div class="entry-wrapper"><article class="entry-content">{entry}</article></div>
<div class="b-comments"><form>{form}</form></div><div class="footer">Footer</div>
</body></html>"""


def test_a_journal_posts_fic_header_names_the_work_over_its_br_parted_story(
    tmp_path: Path,
) -> None:
    header = "<strong>Title:</strong> Harbour Lights<br /><strong>Rating:</strong> PG<br />"
    header += "<strong>Pairing:</strong> none<br /><strong>Author notes:</strong> For a friend."
    header += "<br />Thanks to my beta.<br /><strong>Summary:</strong> <em>Boats.</em><br />"
    story = "<br /><br />".join([PROSE, OTHER] * 3)
    entry = f"{header}<br /><br /><br /><center><strong>Harbour Lights</strong></center><br />"
    entry += f"{story}<br /><br /><center>~*~*~</center><br /><br />{story}"
    path = tmp_path / "99054.html"
    path.write_text(_journal_page(entry), encoding="utf-8")
    book = open_book(path)
    assert (book.title, book.author) == ("Harbour Lights", "someone")
    assert [c.title for c in book.chapters] == ["Harbour Lights"]
    assert scene_firsts(path) == [[PROSE[:14], PROSE[:14]]]


def test_a_closing_note_headed_by_its_label_alone_runs_to_the_end(tmp_path: Path) -> None:
    spacer = "<p>\xa0</p>"
    story = f"<p>{PROSE}</p><p>{OTHER}</p>" * 4
    note = "<p>Author’s Note:</p><p>A short week, this one.</p>" + spacer + "<p>More news.</p>"
    gallery = "".join(
        f"<p>Art {n} by someone!</p><p><img src='{n}.png'></p>{spacer}" for n in range(4)
    )
    body = f"{story}{spacer}<p>——</p>{spacer}{story}{spacer * 4}{note}{spacer}{gallery}"
    body += "<hr><p><a href='/p'>Previous Chapter</a> <a href='/n'>Next Chapter</a></p>"
    path = tmp_path / "chapter.html"
    path.write_text(f"<div class='entry-content'>{body}</div>", encoding="utf-8")
    assert scene_firsts(path) == [[PROSE[:14], PROSE[:14]]]


RUN = [f"{PROSE} {OTHER}", f"{OTHER} {PROSE}"] * 6  # a paragraph a line, no blank lines


def test_a_byline_among_a_story_pages_header_lines_names_its_author(tmp_path: Path) -> None:
    story = f"<p>{PROSE} {OTHER}</p>" * 4 + "<hr>" + f"<p>{OTHER} {PROSE}</p>" * 4
    header = "<center>Fandom: Sherlock Holmes<br>Written for: Someone<br>by astolat</center>"
    body = f"<h2>Commonplaces</h2>{header}<p>Thanks to my beta!</p>{story}"
    path = tmp_path / "commonplaces.html"
    path.write_text(f"<html><head><title>Commonplaces</title></head><body>{body}</body></html>")
    book = open_book(path)
    assert (book.title, book.author) == ("Commonplaces", "astolat")


def _ao3_text(chapters: list[list[str]]) -> str:
    lines = ["", "Work Title - someone - Fandom", "", "", "Preface", "", "Work Title"]
    lines += ["    Posted originally on the Archive of Our Own at http://example.org/works/1."]
    lines += ["", "", "Rating:", "General Audiences", "Stats:", ""]
    lines += [f"        Chapters: {len(chapters)}/{len(chapters)}", "        Words: 900", ""]
    lines += ["Work Title", "by someone", "Summary", "Boats and lamps.", "", "", ""]
    for chapter in chapters:
        lines += chapter
    return "\n".join([*lines, "", "", "", "Afterword", "Please drop by the archive!", ""])


def test_ao3_text_chapter_titles_set_apart_by_blank_lines(tmp_path: Path) -> None:
    chapters = []
    for title in ("That Syrup Smelled Funny", "Good Morning, Starshine"):
        chapters.append(["", title, "", "", "", *RUN, "", "", ""])
    chapters.append(
        ["Turning Back", "Chapter Notes", "", "        See the end of the chapter for  notes"]
    )
    chapters[-1] += ["", "", *RUN]
    path = tmp_path / "Work Title.txt"
    path.write_text(_ao3_text(chapters), encoding="utf-8")
    titles = [c.title for c in open_book(path).chapters]
    assert titles == ["That Syrup Smelled Funny", "Good Morning, Starshine", "Turning Back"]


def test_ao3_text_titles_set_apart_count_only_as_many_as_the_stats_say(tmp_path: Path) -> None:
    # (a scene's short last line set apart would make a third title where the stats say two)
    chapters = [["", "One Title", "", "", *RUN, "", "", "She waved", "", "", *RUN]]
    chapters.append(["", "", "Another Title", "", "", "", *RUN])
    path = tmp_path / "Work Title.txt"
    path.write_text(_ao3_text(chapters), encoding="utf-8")
    assert "She waved" not in [c.title for c in open_book(path).chapters]


def test_blank_lines_around_a_chat_log_are_no_scene_breaks(tmp_path: Path) -> None:
    log = "--ectoBiologist [EB] began pestering turntechGodhead [TG]--EB: hey are you up yet"
    log += ".TG: yeah i am up, what is it this time, egbert"
    chat = ["DAVE: you there, i have been waiting for an answer all morning", "JOHN: yes!"]
    chapter = ["", "The Only Chapter", "", "", "", *RUN, "", log, "", *RUN, "", *chat]
    chapter += ["", *RUN, "", "--Show Pesterlog--", *chat, *RUN]
    # (a book that draws its breaks, `* * *`, may still part scenes by a gap elsewhere)
    chapters = [chapter, ["", "", "A Second One", "", "", *RUN, "* * *", *RUN]]
    path = tmp_path / "Work Title.txt"
    path.write_text(_ao3_text(chapters), encoding="utf-8")
    assert [len(scenes) for scenes in scene_firsts(path)] == [1, 2]


def test_a_story_pages_line_labelling_its_writer_names_the_work_author_and_chapter(
    tmp_path: Path,
) -> None:
    # A Japanese site's chapter page: `Work　作：Name` over the chapter, whose own heading
    # the page's <title> gives between the work's and the site's names.
    menu = "".join(f"<li><a href='/{n}'>メニュー{n}</a></li>" for n in range(6))
    story = f"<p>{PROSE}</p><p>{OTHER}</p>" * 4
    body = f"""<div id="header"><ul class="nav">{menu}</ul></div><div id="main">
<p><span><a href="/novel/1/">港の灯り</a></span> \u3000 作：<a href="/user/2/">海野</a></p>
<div class="chapter">第三話</div><div id="text">{story}</div></div>"""
    path = tmp_path / "3.html"
    title = "港の灯り - 第三話 - 物語サイト"
    path.write_text(f"<html><head><title>{title}</title></head><body>{body}</body></html>")
    book = open_book(path)
    assert (book.title, book.author) == ("港の灯り", "海野")
    assert [c.title for c in book.chapters] == ["第三話"]


def test_a_web_novel_sites_comment_counts_are_not_the_text(tmp_path: Path) -> None:
    # A count of readers' comments after each paragraph and the chapter's heading.
    def count(n: int) -> str:
        return f'<span class="comment-count" data-comment-id="{n}">{n + 3}</span>'

    paras = "".join(f"<p>{PROSE}{count(n)}</p><p>{OTHER}{count(n + 20)}</p>" for n in range(4))
    menu = "".join(f"<li><a href='/{n}'>Link {n}</a></li>" for n in range(6))
    body = f"<ul class='nav'>{menu}</ul><h1>Chapter 12: Rain{count(99)}</h1>"
    body += f"<div id='content'>{paras}</div>"
    path = tmp_path / "12.html"
    path.write_text(f"<html><head><title>Chapter 12</title></head><body>{body}</body></html>")
    book = open_book(path)
    assert [c.title for c in book.chapters] == ["Chapter 12: Rain"]
    assert book.paragraph(book.chapters[0].start + 1) == PROSE
    assert not any(str(n + 3) in book.text for n in (0, 1, 2, 3, 20, 99))


def test_a_fictionpress_pages_title_names_the_work_without_its_chapter(tmp_path: Path) -> None:
    menu = "".join(f"<a href='/{n}'>Link {n}</a> " for n in range(6))
    story = f"<p>{PROSE}</p><p>{OTHER}</p>" * 4
    title = "Harbour Lights Chapter 1, a romance fiction | FictionPress"
    page = f"""<html><head><title>{title}</title></head><body>
<div id="top"><div class="menulinks">{menu}</div></div><div id="profile_top"><b>Harbour Lights</b>
By: <a href="/u/123/">Someone</a></div><div class="storytext" id="storytext">{story}</div>
</body></html>"""
    path = tmp_path / "s-1-1.html"
    path.write_text(page)
    assert open_book(path).title == "Harbour Lights"
