"""Chinese typed in traditional characters finds a book in simplified ones, and the other way round.

This holds in the book's finder, the library's finder and the library's filter.
"""

from __future__ import annotations

from finder_support import built_finder, line_in, scene_lines

from tui.book.han_variants import other_forms, simplified
from tui.finder.library_finder import BookEntry, LibraryFinder
from tui.library.catalog import BookFilter
from tui.library.records import BookRecord

SIMPLIFIED_BOOK = """Chapter 1 山中

老汉在山里砍柴，天冷得很。

* * *

他回家吃饭，妻子在等他。

Chapter 2 夜里

那夜风雪很大，他躲进了庙里。
"""

TRADITIONAL_BOOK = """Chapter 1 山中

老漢在山裡砍柴，天冷得很。

* * *

他回家吃飯，妻子在等他。

Chapter 2 夜裡

那夜風雪很大，他躲進了廟裡。
"""


def test_traditional_characters_fold_to_simplified_ones_one_for_one() -> None:
    assert simplified("風雪國") == "风雪国"
    assert other_forms("滸") == ("浒",) and "髮" in other_forms("发") and other_forms("a") == ()
    assert simplified("风雪") == "风雪"
    assert simplified("Snow, 風!") == "Snow, 风!"
    assert len(simplified("躲進了廟裡")) == len("躲進了廟裡")  # offsets kept


def test_a_query_in_traditional_characters_finds_the_simplified_scene() -> None:
    finder = built_finder(SIMPLIFIED_BOOK)
    assert scene_lines(finder, "風 廟")[0] == line_in(SIMPLIFIED_BOOK, "那夜风雪")


def test_a_query_in_simplified_characters_finds_the_traditional_scene() -> None:
    finder = built_finder(TRADITIONAL_BOOK)
    assert scene_lines(finder, "风 庙")[0] == line_in(TRADITIONAL_BOOK, "那夜風雪")
    hit = next(h for h in finder.search("庙", typing=False) if h.kind == "scene")
    marked = [hit.detail[a:b] for a, b in hit.detail_spans]
    assert "廟" in marked  # the character as the book writes it is highlighted


JAPANESE_BOOK = """Chapter 1 朝

机の上に手紙があった。私はそれを読んだ。

* * *

雨が降っていた。傘を持って出かけた。

Chapter 2 夜

機嫌の悪い先生は黙っていた。機会はなかった。
"""


def test_a_book_writing_both_forms_keeps_them_apart() -> None:
    # Japanese writes `机` (a desk) and `機` (a machine, a moment) as two words: a book that
    # has the character typed finds it, not the other form.
    finder = built_finder(JAPANESE_BOOK)
    assert scene_lines(finder, "机") == [line_in(JAPANESE_BOOK, "机の上")]
    assert scene_lines(finder, "機")[0] == line_in(JAPANESE_BOOK, "機嫌の悪い")


def test_the_library_finder_finds_a_title_in_the_other_script() -> None:
    finder = LibraryFinder(
        [
            BookEntry("/b/s.txt", "水浒传", "", "", ""),
            BookEntry("/b/h.txt", "红楼梦", "", "", ""),
        ]
    )
    assert [h.path for h in finder.search("水滸")] == ["/b/s.txt"]
    assert [h.path for h in finder.search("紅樓")] == ["/b/h.txt"]


def test_the_library_filter_keeps_a_title_typed_in_the_other_script() -> None:
    books = [
        BookRecord(id="s", path="/b/s.txt", title="水浒传"),
        BookRecord(id="h", path="/b/h.txt", title="紅樓夢"),
    ]
    flt = BookFilter()
    assert [r.id for r in flt.apply(books, "水滸")] == ["s"]
    assert [r.id for r in flt.apply(books, "红楼")] == ["h"]
    assert flt.best(books, "红楼梦") is books[1]
