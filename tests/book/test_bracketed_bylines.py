"""A Chinese title's first line names its writer after the bracketed title, and only a writer."""

from __future__ import annotations

import pytest

from tui.book.rules.labels import bracketed_byline
from tui.book.text.parse import parse_text

BODY = "\n\n".join(
    f"第{n}回 标题{n}\n\n" + "话说天下大势，分久必合，合久必分。" * 30 for n in "一二三四"
)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("《水浒传》施耐庵", "施耐庵"),
        ("《红楼梦》 作者：曹雪芹", "曹雪芹"),
        ("《红楼梦》曹雪芹 著", "曹雪芹"),
        ("《天龙八部》金庸作品", "金庸"),
        ("『星の夜』 山田太郎 著", "山田太郎"),
    ],
)
def test_the_writer_after_the_bracketed_title_is_the_author(line: str, author: str) -> None:
    assert bracketed_byline(line) == author


@pytest.mark.parametrize(
    "line",
    [
        "《三国演义》正文",
        "《水浒传》简体",
        "《水滸傳》繁體",
        "《西游记》原著",
        "《斗破苍穹》免费阅读",
    ],
)
def test_words_that_follow_a_title_and_name_no_one_are_no_author(line: str) -> None:
    assert bracketed_byline(line) is None
    book = parse_text(f"{line}\n\n{BODY}\n")
    assert book.author is None
