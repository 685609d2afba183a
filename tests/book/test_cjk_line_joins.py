"""A line break inside a Chinese or Japanese paragraph joins its lines with no space.

This holds in EPUB and HTML books and in hard-wrapped text alike; elsewhere a line break stays a
space.
"""

from __future__ import annotations

import re
from pathlib import Path

from tui.book.formats import open_book
from tui.book.markup.convert import convert
from tui.book.markup.tags import clean_line
from tui.book.rules.cjk_lines import collapse_spaces, joined_lines, joins_without_space
from tui.book.text.parse import parse_text

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
# A space between two CJK characters or CJK punctuation: what a joined line break leaves.
STRAY_SPACE = re.compile(
    r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef] [\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]"
)


def test_which_line_breaks_join_with_no_space() -> None:
    assert joins_without_space("若", "不")  # Han
    assert joins_without_space("た", "カ")  # kana
    assert joins_without_space("矛", "。")  # CJK punctuation after Han
    assert joins_without_space("─", "。")  # any mark before full-width punctuation
    assert joins_without_space("：", "A")  # full-width punctuation carries its own space
    assert joins_without_space("”", "他")  # a curly quote beside Han
    assert not joins_without_space("d", "n")  # Latin words keep their space
    assert not joins_without_space("中", "P")  # a Latin word in Chinese text keeps its space
    assert not joins_without_space("다", "학")  # Korean sets spaces between its words
    assert not joins_without_space("—", "a")
    assert not joins_without_space("", "不")


def test_lines_joined_as_a_paragraph() -> None:
    assert joined_lines("飛曰：「若\n不殺這廝，反要\n  在他部下聽令。") == (
        "飛曰：「若不殺這廝，反要在他部下聽令。"
    )
    assert joined_lines("It was late,\n\n  she said.") == "It was late, she said."
    assert joined_lines("他說Python\n很好") == "他說Python 很好"
    assert joined_lines("나는\n학교에 갔다") == "나는 학교에 갔다"


def test_collapsed_spaces_drop_only_line_breaks_between_cjk() -> None:
    assert collapse_spaces("張\n飛性發，  便欲殺之") == "張飛性發， 便欲殺之"  # a space stays one
    assert collapse_spaces("one\n  two\tthree") == "one two three"
    assert collapse_spaces("\n不殺", before="若") == "不殺"
    assert collapse_spaces("若\n") == "若 "  # what follows is not known yet
    assert clean_line(" 三國\n志演義 ") == "三國志演義"


def test_markup_paragraphs_join_cjk_lines_across_inline_tags() -> None:
    doc = convert(
        "<p>　　當日怠慢了玄德，張\n飛性發。飛曰：「若\n<b>不殺</b>這廝」<i>玄德</i>\n曰：「也\n"
        "</p><p>張梁稱人公將軍─\n。四方百姓\n，裹黃巾</p>"
        "<p>It was\nlate, <i>she</i>\nsaid.</p><p>나는\n학교에 갔다</p>"
    )
    texts = [b.text for b in doc.blocks]
    assert texts == [
        "當日怠慢了玄德，張飛性發。飛曰：「若不殺這廝」玄德曰：「也",
        "張梁稱人公將軍─。四方百姓，裹黃巾",
        "It was late, she said.",
        "나는 학교에 갔다",
    ]
    bold = doc.blocks[0].spans
    assert bold is not None
    assert [(texts[0][s:e], k) for s, e, k in bold] == [("不殺", "bold"), ("玄德", "italic")]


def test_hard_wrapped_chinese_text_joins_its_lines_with_no_space() -> None:
    text = (
        "第一回\n\n"
        "且說董卓字仲顈，隴西臨洮人也。官拜河東太守，自來驕傲。當日怠慢了玄德，張\n"
        "飛性發，便欲殺之。玄德與關公急止之曰：「他是朝廷命官，豈可擅殺？」飛曰：「若\n"
        "不殺這廝，反要在他部下聽令，其實不甘！」\n\n"
        "It was a dark and stormy night; the rain fell in\n"
        "torrents, except at occasional intervals.\n"
    )
    book = parse_text(text)
    shown = [book.paragraph(i) for i in range(len(book))]
    assert "當日怠慢了玄德，張飛性發，便欲殺之。" in shown[1]
    assert "飛曰：「若不殺這廝，反要" in shown[1]
    assert "fell in torrents" in shown[2]


def test_the_three_kingdoms_epub_has_no_stray_spaces() -> None:
    book = open_book(REAL / "pg_three_kingdoms_zh_epub3.epub")
    second = book.chapters[1]
    chapter = [book.paragraph(i) for i in range(second.start, second.end)]
    assert any("飛曰：「若不殺這廝，反要在他部下聽令" in p for p in chapter)
    assert any("令玄德為其先鋒" in p for p in chapter)
    stray = [p for i in range(len(book)) if STRAY_SPACE.search(p := book.paragraph(i))]
    assert stray == []
