"""The finder on full-width letters, ligatures and CJK titles: found as a reader types them."""

from __future__ import annotations

from finder_support import built_finder, line_in, scene_line, scene_lines

from tui.finder.tokens import fold, words

BOOK = """Chapter 1 上　先生と私

私は海岸で先生に会った。Ｋはまだ来ていなかった。

* * *

二人は毎日泳いだ。海は静かだった。

Chapter 2 下　先生の手紙

長い手紙が届いた。私はそれを汽車の中で読んだ。Ｋの名が何度も出てきた。

* * *

汽車は東京に着いた。雨が降っていた。

Chapter 3 The Office

The ﬁrst clerk filed the ﬁnal report, and Ｑ signed it at noon.
"""


def test_full_width_letters_and_ligatures_fold_to_plain_letters() -> None:
    assert fold("Ｋ") == "k"
    assert words("ﬁnal Ｑ １２") == ["final", "q", "12"]


def test_a_letter_typed_plain_finds_it_written_full_width() -> None:
    finder = built_finder(BOOK)
    found = scene_lines(finder, "K")
    assert found[:2] == [line_in(BOOK, "私は海岸"), line_in(BOOK, "長い手紙")]


def test_a_ligature_in_the_book_is_found_by_the_letters() -> None:
    finder = built_finder(BOOK)
    assert scene_lines(finder, "final report")[0] == line_in(BOOK, "The ﬁrst clerk")


def test_one_letter_still_being_typed_ranks_no_scenes() -> None:
    finder = built_finder(BOOK)
    hits = finder.search("q", typing=True)
    assert not [hit for hit in hits if hit.kind == "scene"]
    finished = finder.search("q ", typing=None)
    assert [hit.kind for hit in finished][:1] == ["scene"]


def test_one_cjk_character_is_a_word_while_typed() -> None:
    finder = built_finder(BOOK)
    hits = [hit for hit in finder.search("雨", typing=True) if hit.kind == "scene"]
    assert hits and hits[0].offset is not None
    assert scene_line(finder.book, hits[0].offset) == line_in(BOOK, "汽車は東京")


def test_a_cjk_word_finds_the_title_that_holds_it_mid_run() -> None:
    finder = built_finder(BOOK)
    hits = finder.search("手紙", typing=False)
    assert hits[0].kind == "chapter"
    assert "先生の手紙" in hits[0].label
