"""Saved pages and downloads whose rules, spacers and labels are not scene breaks.

Ad slots a browser saved inside the story, rules fencing an author's notes and a chapter's title
line, `Part I` / `Part II` lines inside a one-shot, and empty paragraphs setting off a poem or a
string of text messages.
"""

from __future__ import annotations

from pathlib import Path

from markup_books import saved_ao3_page
from shape_support import MORE, OTHER, PROSE, page, written

from tui.book.formats import open_book
from tui.book.markup.para import whole_emphasis
from tui.book.markup.producers import same_title
from tui.book.model import ParaKind

STORY = f"<p>{PROSE}</p><p>{OTHER}</p><p>{MORE}</p>"


def _ad_slot(chips: list[str]) -> str:
    """A Google auto-placed ad as a browser saves it, its topic chips filled in."""
    rows = "".join(
        f'<div class="google-anno-skip goog-rentry" role="link"><span title="{chip}">{chip}'
        "</span></div>"
        for chip in chips
    )
    return (
        '<div class="google-auto-placed ap_container"><ins class="adsbygoogle '
        'adsbygoogle-noablate" data-ad-format="auto"><div class="google-aiuf"><div '
        'class="goog-rentries"><div><span role="heading" aria-level="2">Discover more</span>'
        f"</div>{rows}</div></div></ins></div>"
    )


def _mobile_page(story: str) -> str:
    return f"""<html><head><title>Fanfic: Stranded Ch 1, Harry Potter | FanFiction</title>
<body id="top"><div class="t_head hbox"><div class="t_text"><a href="/">FanFiction</a></div></div>
<div id="content"><div align="center"><b>Stranded</b> by <a href="/u/2548648/">Starfox5</a>
</div><hr size="1">Rated: T, English, Adventure, Words: 6k<hr size="1"><span class="pull-right">
<a href="/r/13786171/">599</a></span> Chapter 1: The Harbour<br></div>
<div role="main"><div class="storycontent nocopy" id="storycontent">{story}</div></div>
<div align="center">Ch 1 of 9</div></body></html>"""


def test_ad_slots_saved_inside_a_story_are_neither_chapters_nor_text(tmp_path: Path) -> None:
    ad = _ad_slot(["Books &amp; Literature", "Online writing community", "Fan Fiction"])
    story = STORY + ad + STORY + _ad_slot(["Story collaboration platform"]) + STORY
    book = open_book(written(tmp_path, "s-1-1.html", _mobile_page(story)))
    assert [c.title for c in book.chapters] == ["Chapter 1: The Harbour"]
    assert len(book.chapters[0].scenes) == 1
    for words in ("Discover more", "Books & Literature", "Online writing", "Story collab"):
        assert words not in book.text


def test_a_bold_closing_note_under_the_last_rule_is_the_authors(tmp_path: Path) -> None:
    # (its words say nothing a note says; its label, its rule and its bold say it all)
    note = (
        "<p><strong>A/N: The lamp came from a walk along the pier last spring.</strong></p>"
        "<p><strong>It rained, and <em>the boats</em> were all in; "
        "<span>'<em>the old pier</em>'</span> was shut.</strong></p>"
        "<p><strong>-Starfox5</strong></p>"
    )
    book = open_book(written(tmp_path, "s-1-1.html", _mobile_page(STORY * 2 + "<hr>" + note)))
    chapter = book.chapters[0]
    assert len(chapter.scenes) == 1
    closing = [k for k in range(chapter.start, chapter.end) if "A/N" in book.paragraph(k)]
    assert [book.kinds[k] for k in range(closing[0], chapter.end)] == [ParaKind.NOTE] * 3


def test_a_rule_under_prose_then_a_story_paragraph_labelled_a_n_stays_a_scene(
    tmp_path: Path,
) -> None:
    # (the labelled paragraph is not set apart from the story under it)
    tail = f"<p>A/N: the harbour, years on.</p><p>{PROSE}</p>" + STORY * 2
    book = open_book(written(tmp_path, "s-1-1.html", _mobile_page(STORY * 2 + "<hr>" + tail)))
    assert len(book.chapters[0].scenes) == 2


def _fenced_title_chapter(n: int, title: str) -> str:
    """A chapter as a downloader saves it: its heading, the author's note, a rule, the title
    again in bold, a rule, the story."""
    return (
        f"<h1>{n}. {title}</h1><div class='storytext' id='storytext'>"
        f"<p><strong><em>Back again, with the {title.lower()} at last.</em></strong></p>"
        f"<p><strong><em>Short one.</em></strong></p><hr size='1' noshade>"
        f"<p style='text-align:center;'><strong>{title}</strong></p><hr size='1' noshade>"
        f"{STORY * 2}</div>"
    )


def test_chapters_title_lines_fenced_by_rules_under_notes_part_no_scenes(
    tmp_path: Path,
) -> None:
    titles = ["Neverland", "The Torn Page", "Fog"]  # (one word, under `1. Neverland`, too)
    chapters = "".join(_fenced_title_chapter(n, title) for n, title in enumerate(titles, 1))
    book = open_book(written(tmp_path, "road.html", page(chapters, "Let's Go")))
    assert [c.title for c in book.chapters] == ["1. Neverland", "2. The Torn Page", "3. Fog"]
    for chapter, title in zip(book.chapters, titles, strict=True):
        assert [s.first_words[:14] for s in chapter.scenes] == [PROSE[:14]]
        kinds = {book.paragraph(k): book.kinds[k] for k in range(chapter.start, chapter.end)}
        assert kinds["Short one."] == ParaKind.NOTE
        assert kinds[title] == ParaKind.LABEL


def test_a_chapter_alone_with_its_title_line_fenced_by_rules_is_one_scene(
    tmp_path: Path,
) -> None:
    body = _fenced_title_chapter(1, "Low Tide")
    book = open_book(written(tmp_path, "road.html", page(body, "Let's Go")))
    assert len(book.chapters[0].scenes) == 1


def test_a_rule_under_a_line_that_does_not_name_the_chapter_still_parts(tmp_path: Path) -> None:
    body = (
        "<h1>1. Low Tide</h1><div id='storytext'><p>The dock.</p><hr>"
        f"<p><strong>Morning</strong></p><hr>{STORY * 2}<hr>{STORY}</div>"
    )
    book = open_book(written(tmp_path, "road.html", page(body, "Let's Go")))
    assert len(book.chapters[0].scenes) >= 2


def test_part_lines_inside_a_one_shot_open_its_parts_not_its_chapter(tmp_path: Path) -> None:
    text = (
        "<p><strong>Part I</strong></p>" + STORY * 2 + "<p>&#160;</p>"
        "<p><strong>Part II</strong></p>" + STORY * 2
    )
    book = open_book(saved_ao3_page(tmp_path / "work.html", work_text=text))
    assert [c.title for c in book.chapters] == ["The Lighthouse Ledger"]
    assert [s.first_words[:14] for s in book.chapters[0].scenes] == [PROSE[:14], "Part II"]


def test_a_one_shot_whose_part_lines_skip_a_number_keeps_its_first_as_its_name(
    tmp_path: Path,
) -> None:
    text = "<p><strong>Part I</strong></p>" + STORY * 2 + "<p>Part III</p>" + STORY * 2
    book = open_book(saved_ao3_page(tmp_path / "work.html", work_text=text))
    assert [c.title for c in book.chapters] == ["Part I"]


def _stanza(n: int) -> str:
    return f"<p><em>The tide came in at {n},</em><br/><em>and went out again by nine.</em></p>"


def test_spacers_around_a_poem_and_after_text_messages_part_no_scenes(tmp_path: Path) -> None:
    messages = "".join(f"<p><em>“on my way {n}”</em></p>" for n in range(4))
    body = (
        "<h2>Chapter 1</h2>"
        + STORY
        + "<p>&#160;</p>"
        + "".join(_stanza(n) for n in range(3))
        + "<p>&#160;</p>"
        + STORY
        + messages
        + "<p>&#160;</p>"
        + STORY
    )
    book = open_book(written(tmp_path, "story.html", page(body)))
    assert len(book.chapters[0].scenes) == 1


def test_a_spacer_between_two_paragraphs_of_prose_keeps_the_spacers_breaks(
    tmp_path: Path,
) -> None:
    body = (
        "<h2>Chapter 1</h2>"
        + STORY
        + "<p>&#160;</p>"
        + "".join(_stanza(n) for n in range(3))
        + "<p>&#160;</p>"
        + STORY * 2
        + "<p>&#160;</p>"
        + STORY * 2
    )
    book = open_book(written(tmp_path, "story.html", page(body)))
    assert [s.first_words[:14] for s in book.chapters[0].scenes][-1] == PROSE[:14]
    assert len(book.chapters[0].scenes) >= 2


def test_a_paragraph_whose_emphasis_comes_in_pieces_is_wholly_emphasised() -> None:
    text = "One line here\nand the second"
    assert whole_emphasis(text, [(0, 13, "italic"), (14, 28, "italic")])
    assert whole_emphasis("Bold with inner", [(0, 5, "bold"), (5, 10, "italic"), (5, 15, "bold")])
    assert not whole_emphasis(text, [(0, 13, "italic"), (18, 28, "italic")])
    assert not whole_emphasis(text, [(0, 13, "italic"), (14, 28, "bold")])


def test_a_title_holds_another_only_as_whole_words_and_numbers() -> None:
    assert same_title("Chapter 3: Rain", "Rain")
    assert same_title("第十章 夢長", "夢長")
    assert not same_title("Part II", "Part I")
    assert not same_title("Chapter 12", "Chapter 1")


def _post(lines: list[str], rules: int) -> str:
    """A forum post as pandoc exports it: lines parted by `<br />`s, `<hr />` rules between."""
    scene = "<br /><br />".join(lines)
    return "<blockquote>" + "<hr />".join([scene] * (rules + 1)) + "</blockquote>"


def test_a_wide_gap_in_a_book_that_draws_its_breaks_is_a_pause(tmp_path: Path) -> None:
    lines = [PROSE, OTHER, MORE + "<br /><br /><br />", PROSE, OTHER]
    body = "<h2>Chapter 1</h2>" + _post(lines, rules=5)
    book = open_book(written(tmp_path, "thread.html", page(body)))
    assert len(book.chapters[0].scenes) == 6  # (the rules', not the gaps')


def test_a_wide_gap_in_a_book_without_drawn_breaks_parts_scenes(tmp_path: Path) -> None:
    lines = [PROSE, OTHER, MORE + "<br /><br /><br />", PROSE, OTHER]
    body = "<h2>Chapter 1</h2>" + _post(lines, rules=1)
    book = open_book(written(tmp_path, "thread.html", page(body)))
    assert len(book.chapters[0].scenes) == 4
