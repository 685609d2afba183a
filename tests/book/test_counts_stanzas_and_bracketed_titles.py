"""Counts a reader follows through a whole book, and the lines after a text that are no story.

Bare CJK numerals starting over under part titles, titled chapters counted beside numbered
stanzas, titles carrying their number in brackets; and the lines after a text that are no story
(a colophon, a web page's links, a scribe's `Explicit`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader_support import paragraph

from tui.book.formats import open_book
from tui.book.model import Book

KANJI = ["一", "二", "三", "四", "五", "六"]
JAPANESE = [
    "私はその日も海へ出掛けた。",
    "先生はいつものように黙っていた。",
    "「そうですか」",
    "奥さんは笑って答えなかった。",
    "私は東京へ帰る汽車の中で考えた。",
]


def _open(tmp_path: Path, text: str, name: str = "book.txt") -> Book:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return open_book(path)


def japanese_in_parts() -> str:
    """A Japanese novel laid out as an Aozora Bunko text: title and author, parts titled
    `上　…` and `下　…`, each numbering its sections from `一` by a bare kanji numeral, one
    paragraph a line, then the colophon opening `底本：`."""
    lines = ["こころみ", "夏目架空", ""]
    for title, count in (("上　先生と私", 5), ("下　先生と手紙", 6)):
        lines += ["", "", title, "", ""]
        for k in range(count):
            lines += [KANJI[k], ""]
            lines += ["　" + JAPANESE[(k + m) % len(JAPANESE)] * 12 for m in range(6)]
            lines += ["「ええ」", ""]
    lines += ["", "", "底本：「こころみ」架空文庫", "入力：だれか", "校正：だれか"]
    return "\n".join(lines) + "\n"


def test_bare_kanji_numerals_starting_over_under_part_titles_are_all_chapters(
    tmp_path: Path,
) -> None:
    book = _open(tmp_path, japanese_in_parts())
    assert [c.title for c in book.chapters] == KANJI[:5] + KANJI[:6]
    assert [c.part for c in book.chapters] == ["上　先生と私"] * 5 + ["下　先生と手紙"] * 6
    # (the part titles are no lines of the chapter before them)
    assert all(
        "下　先生と手紙" not in book.paragraph(i)
        for i in range(book.chapters[4].start, book.chapters[4].end)
    )


def test_a_japanese_colophon_after_the_story_is_end_matter(tmp_path: Path) -> None:
    book = _open(tmp_path, japanese_in_parts())
    last = book.chapters[-1]
    assert all(not book.paragraph(i).startswith("底本") for i in range(last.start, last.end))
    colophon = book.end_matter[0] if book.end_matter else None
    assert colophon is not None and colophon.heading is not None
    assert book.paragraph(colophon.heading).startswith("底本")
    assert all(len(c.scenes) == 1 for c in book.chapters)


def edda() -> str:
    """An old prose text whose chapters are `N. Title` (some a short sentence, some a single
    paragraph) with the prose on the next line, and whose quoted stanzas are numbered through
    the book on a count of their own, `N.` alone over the verse, set off by two blank lines."""
    lines = ["Here begins the book", ""]
    stanza = 0
    titles = [
        "Of the king and the giantess.",
        "The king came to the hall.",
        "Of the highest god.",
        "The sons of Bor made earth and heaven.",
        "Of the wolf.",
        "Of the ash and the well of fate.",
        "Of the bridge.",
        "Of the god who is blind.",
    ]
    for k, title in enumerate(titles, 1):
        lines += ["", f"{k}. {title}", paragraph(k, 6)]
        if k >= 6:
            continue  # (short chapters of one paragraph)
        for verse in range(2):
            stanza += 1
            lines += ["", "", f"{stanza}.", "Ash I know standing,", "named Yggdrasil,"]
            lines += ["a high tree, sprinkled", "with shining loam."]
            lines += ["", "", paragraph(k * 3 + verse, 5)]
    return "\n".join(lines) + "\n"


def test_titled_chapters_counted_beside_numbered_stanzas_are_the_chapters(
    tmp_path: Path,
) -> None:
    book = _open(tmp_path, edda())
    assert len(book.chapters) == 8
    assert book.chapters[3].title.startswith("4. The sons of Bor")
    # (chapters of one paragraph go on with the count; the stanzas open no scenes)
    assert book.chapters[7].title == "8. Of the god who is blind."
    assert all(len(c.scenes) == 1 for c in book.chapters)


COUNTED = [
    "Of the king.",
    "Of the hall.",
    "Of the god.",
    "Of the wolf.",
    "Of the ash.",
    "Of the end.",
]


def titled_count(short: int) -> str:
    """Six chapters headed `N. Title` over five paragraphs each, but chapter ``short``, which
    is a single short paragraph."""
    lines = ["Here begins the book", ""]
    for k, title in enumerate(COUNTED, 1):
        count, sentences = (1, 2) if k == short else (5, 6)
        lines += [
            "",
            f"{k}. {title}",
            "\n\n".join(paragraph(k * 5 + m, sentences) for m in range(count)),
        ]
    return "\n".join(lines) + "\n"


def test_a_count_of_titled_chapters_goes_on_over_a_short_one_once_it_is_a_count(
    tmp_path: Path,
) -> None:
    # (three titled headings spaced like chapters are a count the book's chapters could be:
    # the next may follow a chapter of one short paragraph, as `4.` does after `3.` here)
    for short in (3, 4, 5):
        book = _open(tmp_path, titled_count(short))
        assert [c.title for c in book.chapters] == [f"{k}. {t}" for k, t in enumerate(COUNTED, 1)]
    # (two are no count yet: a heading two paragraphs after the second may be a list's item)
    assert len(_open(tmp_path, titled_count(2)).chapters) < len(COUNTED)


TITLES = ("De invidia (44)", "De bonis rectoribus non mutandis (53)", "De morte (97)", "(195)")


def selection(titles: Sequence[str] = TITLES, tales: Sequence[int] = (4, 4, 4, 4)) -> str:
    """A selection of tales flattened from a web page: whitespace-only lines between
    paragraphs (three) and before titles (five), each title in mixed case with the tale's
    number in its source in brackets, the last only `(195)`, set on its line between two
    spaces, each tale of as many paragraphs as ``tales`` says; the site's links after the
    text, set in by a tab."""
    gap, wide = "\n \n\n \n", "\n \n\n \n\n \n"
    parts = ["Gesta Selecta", wide, " GESTA SELECTA"]
    for k, (title, count) in enumerate(zip(titles, tales, strict=True)):
        parts += [wide, f" {title} "]
        for m in range(count):
            parts += [gap, paragraph(k * 5 + m, 6)]
    parts += [wide, "\t Medieval Latin \n\t The Latin Library \n\t The Classics Page"]
    return "\n".join(parts) + "\n"


def test_titles_with_their_number_in_brackets_rising_are_chapters(tmp_path: Path) -> None:
    book = _open(tmp_path, selection())
    assert [c.title for c in book.chapters] == [
        "De invidia (44)",
        "De bonis rectoribus non mutandis (53)",
        "De morte (97)",
        "(195)",
    ]
    assert all(len(c.scenes) == 1 for c in book.chapters)
    # (the title set again in capitals, `GESTA SELECTA`, names no author)
    assert book.title == "Gesta Selecta" and book.author is None


def test_a_title_numbered_in_brackets_stands_on_a_line_of_138_characters_at_most(
    tmp_path: Path,
) -> None:
    # (` De ooo… (1234) `: 130 characters of title and spaces, and the number's 8)
    for line, taken in ((137, True), (138, True), (139, False)):
        long = "De " + "o" * (line - 12) + " (1234)"
        assert len(f" {long} ") == line
        titles = [c.title for c in _open(tmp_path, selection([*TITLES[:3], long])).chapters]
        assert (titles[-1] == long) is taken


def test_titles_stand_as_far_apart_as_chapters_on_average(tmp_path: Path) -> None:
    # (one tale of a single paragraph among longer ones is a tale still; three in a row,
    # set two paragraphs apart, are a list, not chapters)
    book = _open(tmp_path, selection(tales=[7, 1, 7, 4]))
    assert [c.title for c in book.chapters] == list(TITLES)
    book = _open(tmp_path, selection(tales=[1, 1, 1, 4]))
    assert [c.title for c in book.chapters] != list(TITLES)


def test_a_web_pages_links_after_the_text_are_end_matter(tmp_path: Path) -> None:
    book = _open(tmp_path, selection())
    last = book.chapters[-1]
    assert all("Latin Library" not in book.paragraph(i) for i in range(last.start, last.end))
    assert [book.paragraph(s.start) for s in book.end_matter] == ["Medieval Latin"]


def test_a_scribes_explicit_ends_the_story(tmp_path: Path) -> None:
    chapters = [
        f"CHAPTER {n}\n\n" + "\n\n".join(paragraph(n * 4 + k, 5) for k in range(5))
        for n in (1, 2, 3)
    ]
    text = "\n\n\n".join(
        [
            "THE KING OF TYRE",
            *chapters,
            "Explicit liber Apollonii",
            "[An editor's note on the text.]",
        ]
    )
    book = _open(tmp_path, text + "\n")
    last = book.chapters[-1]
    assert all("Explicit" not in book.paragraph(i) for i in range(last.start, last.end))
    assert len(last.scenes) == 1
