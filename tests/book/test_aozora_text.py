"""An Aozora Bunko text read through its annotations, as a reader takes it.

Its heading annotations head the chapters, and no mark of its notation shows.
"""

from __future__ import annotations

from pathlib import Path

from shape_support import written

from tui.book.formats import open_book
from tui.book.text.aozora import aozora_lines, is_aozora

# (made-up Japanese sentences: one paragraph a line, opening with an ideographic space)
JA = "　朝《あさ》早く港へ行って、船を数えてから帰った。雨が降りそうだったので、急いで歩いた。"
JA_OTHER = "　灯台の火は夕方に点《とも》り、番人は｜帳面《ちょうめん》に時刻を書いた。"
KEY = (
    "-------------------------------------------------------\n"
    "【テキスト中に現れる記号について】\n\n"
    "《》：ルビ\n（例）朝《あさ》\n\n"
    "［＃］：入力者注\n（例）［＃「はい」に傍点］\n"
    "-------------------------------------------------------\n"
)


def _aozora(chapters: list[str]) -> str:
    text = "港の話\n海野灯太\n\n" + KEY
    for name in chapters:
        text += f"\n［＃３字下げ］{name}［＃「{name}」は中見出し］\n\n"
        text += "\n".join([JA, JA_OTHER, "「はい［＃「はい」に傍点］」", JA] * 3) + "\n"
    text += "\n\n\n底本：「港の話」架空書房\n入力：誰か\n"
    return text


def test_an_aozora_texts_heading_annotations_head_its_chapters(tmp_path: Path) -> None:
    book = open_book(written(tmp_path, "minato.txt", _aozora(["一", "二", "三"])))
    assert [c.title for c in book.chapters] == ["一", "二", "三"]
    heads = [book.line_of(c.heading) for c in book.chapters if c.heading is not None]
    lines = _aozora(["一", "二", "三"]).split("\n")
    assert [lines[n - 1] for n in heads] == [
        "［＃３字下げ］一［＃「一」は中見出し］",
        "［＃３字下げ］二［＃「二」は中見出し］",
        "［＃３字下げ］三［＃「三」は中見出し］",
    ]
    # The reader sees no annotation, reading or ruby mark; the key to them is no text.
    shown = "\n".join(book.paragraph(i) for i in range(len(book.starts)))
    for mark in ("［＃", "《", "》", "｜", "テキスト中に現れる記号"):
        assert mark not in shown
    assert "朝早く港へ行って" in shown and "帳面に時刻" in shown
    colophon = book.end_matter[0]
    assert colophon.heading is not None and "底本" in book.paragraph(colophon.heading)


def test_the_lines_of_an_aozora_text_keep_their_numbers() -> None:
    text = _aozora(["一", "二"])
    plain = aozora_lines(text)
    assert len(plain.text.split("\n")) == len(text.split("\n"))
    # (the key's lines and a line of annotation alone are markup, blank to the reader)
    assert 5 in plain.hidden_lines and plain.text.split("\n")[4] == ""


def test_block_and_range_headings_and_the_shallowest_repeated_level() -> None:
    text = "\n".join(
        [
            "［＃大見出し］上［＃大見出し終わり］",
            "［＃ここから中見出し］",
            "第一",
            "［＃ここで中見出し終わり］",
            JA,
            "［＃「第二」は中見出し］第二",
            JA,
            "※［＃「魚＋發」、第3水準1-94-38］の話",
        ]
    )
    plain = aozora_lines(text)
    # (one large heading is the book's title over its chapters: the middle ones repeat)
    assert plain.heading_lines == [3, 6]
    assert plain.text.split("\n")[7] == "〔魚＋發〕の話"


def test_book_title_brackets_of_a_chinese_text_are_no_ruby() -> None:
    assert not is_aozora("《青云剑歌》\n作者：某人\n\n第一章 山门\n" + "他走了。" * 50)


def test_an_aozora_header_names_its_title_and_author_by_their_lines(tmp_path: Path) -> None:
    book = open_book(written(tmp_path, "minato.txt", _aozora(["一", "二"])))
    assert (book.title, book.author) == ("港の話", "海野灯太")


def test_an_aozora_header_s_translator_line_is_not_the_author_s(tmp_path: Path) -> None:
    text = _aozora(["一", "二"]).replace("海野灯太\n", "灯台守の手記\n海野灯太\n山川訳\n", 1)
    book = open_book(written(tmp_path, "minato.txt", text))
    assert (book.title, book.author) == ("港の話", "海野灯太")
