"""Web-novel chapter pages from reader sites: comment counts, rows of dots and dash rows.

Their paragraphs end in links counting readers' comments, and their scenes are parted by rows
of ellipses or full stops (a run of a new length each time), by dash rows, or not at all
where a row only fences an author's note or marks words left out.
"""

from __future__ import annotations

from pathlib import Path

from shape_support import MORE, OTHER, PROSE, page, scene_firsts, written

from tui.book.formats import open_book

SAID = "“Are we there yet?” asked the boy, who had asked it a dozen times that morning."
ASKED = "“Nearly,” his mother said, and did not look up from the map on her knees at all."


def _counted(text: str, n: int, href: str = "9c.html") -> str:
    return f'<p>{text}<a href="{href}#{n}">{(n * 37) % 23 + 1}</a></p>'


def test_comment_counts_linked_after_paragraphs_are_not_the_text(tmp_path: Path) -> None:
    # Every paragraph, the heading and one of the two `…………` rows end in a count of
    # comments linking to the page's comments: the row is still a break.
    texts = [PROSE, OTHER, MORE, SAID, ASKED, PROSE, OTHER, MORE]
    body = '<h1>Chapter 9<a href="9c.html#-1">122</a></h1>'
    body += "".join(_counted(t, n) for n, t in enumerate(texts[:3]))
    body += _counted("…………", 3)
    body += "".join(_counted(t, n) for n, t in enumerate(texts[3:6], 4))
    body += "<p>…………</p>" + "".join(_counted(t, n) for n, t in enumerate(texts[6:], 8))
    path = written(tmp_path, "9.html", page(body))
    book = open_book(path)
    assert [c.title for c in book.chapters] == ["Chapter 9"]
    assert scene_firsts(path) == [[PROSE[:14], SAID[:14], OTHER[:14]]]
    assert book.paragraph(book.chapters[0].start + 1) == PROSE


def test_numbers_linked_in_order_after_paragraphs_stay(tmp_path: Path) -> None:
    # Links numbered 1, 2, 3 … to a page of notes: the notes' numbers, kept.
    texts = [PROSE, OTHER, MORE, SAID]
    body = "<h1>Chapter 9</h1>" + "".join(
        f'<p>{t}<a href="notes.html#n{n}">{n}</a></p>' for n, t in enumerate(texts, 1)
    )
    book = open_book(written(tmp_path, "9.html", page(body)))
    assert book.paragraph(book.chapters[0].start + 1) == PROSE + "1"


def test_an_index_of_pages_linked_after_commas_keeps_its_numbers(tmp_path: Path) -> None:
    entries = [("Anchor", 31), ("Boats", 4), ("Harbour", 12), ("Lamp", 7), ("Tower", 2)]
    body = "<h1>Index</h1>" + "".join(
        f'<p>{word}, <a href="c{n}.html#p{n}">{n}</a></p>' for word, n in entries
    )
    book = open_book(written(tmp_path, "index.html", page(body)))
    assert "Harbour, 12" in book.text


def test_runs_of_full_stops_of_any_length_part_scenes(tmp_path: Path) -> None:
    # Each break a run of full stops of a different length (eight, nine, twelve).
    rows = ["........", ".........", "............"]
    texts = [PROSE, OTHER, MORE, ASKED]
    body = "<h1>Chapter 9</h1><p>" + PROSE + "</p>"
    for row, text in zip(rows, texts[1:], strict=True):
        body += f"<p>{SAID}</p><p>{MORE}</p><p>{row}</p><p>{text}</p>"
    path = written(tmp_path, "9.html", page(body))
    assert scene_firsts(path) == [[t[:14] for t in texts]]


def test_a_mirrors_closing_line_names_the_work_and_its_ads_are_left_out(tmp_path: Path) -> None:
    # A reading mirror's chapter page: the story, then an app advertisement, a passage of
    # another novel with another advertisement inside it, and the mirror's closing line.
    story = "".join(f"<p>{t}</p>" for t in (PROSE, OTHER, MORE, SAID))
    other_novel = "".join(f"<p>{t}</p>" for t in (ASKED, "Dust on the sill.", "He left."))
    ad = "<p>网页版内容慢，请下载某某小说app阅读最新内容</p>"
    closing = (
        "<p>\n笔趣阁为你提供最快的海港灯塔更新，第九章 雨免费阅读。https://www.example.com </p>"
    )
    body = f"<h1>第九章 雨</h1>{story}{ad}{other_novel}{ad}{other_novel}{closing}"
    book = open_book(written(tmp_path, "9.html", page(body, title="章节")))
    assert book.title == "海港灯塔"
    assert [c.title for c in book.chapters] == ["第九章 雨"]
    assert "app" not in book.text and "He left." not in book.text
    assert book.paragraph(book.chapters[0].end - 1) == SAID


def test_a_rule_round_the_notes_at_both_ends_fences_them_off(tmp_path: Path) -> None:
    # `————` under a note opening the chapter and over one closing it; `…………` parts the
    # scenes between them.
    texts = [PROSE, OTHER, MORE, SAID, ASKED, PROSE]
    body = "<h1>第九章 雨</h1><p>（上一章写错了章号。）</p><p>————</p>"
    body += "".join(f"<p>{t}</p>" for t in texts[:3]) + "<p>…………</p>"
    body += "".join(f"<p>{t}</p>" for t in texts[3:]) + "<p>————</p><p>PS：明天休息一天。</p>"
    book = open_book(written(tmp_path, "9.html", page(body)))
    scenes = book.chapters[0].scenes
    assert [s.first_words[:14] for s in scenes[1:]] == [SAID[:14]]
    assert scenes[-1].end <= book.chapters[0].end - 2  # (the closing note is no scene)


def test_lone_dots_are_words_left_out_where_a_rule_parts_the_scenes(tmp_path: Path) -> None:
    # Two `——————` rules part the scenes; `......` inside the last scene, after a line of a
    # song and between shouts, marks words left out.
    song = "【And the harbour lights go on】"
    body = "<h1>Chapter 9</h1>" + f"<p>{PROSE}</p><p>——————</p><p>{OTHER}</p>"
    body += f"<p>——————</p><p>{MORE}</p><p>{song}</p><p>......</p><p>{PROSE}</p>"
    body += f"<p>{OTHER}</p><p>......</p><p>{MORE}</p>"
    path = written(tmp_path, "9.html", page(body))
    assert scene_firsts(path) == [[PROSE[:14], OTHER[:14], MORE[:14]]]
    # (with no rule of its own, the same `......` parts scenes)
    alone = body.replace("——————", "......")
    assert len(scene_firsts(written(tmp_path, "a.html", page(alone)))[0]) == 5
