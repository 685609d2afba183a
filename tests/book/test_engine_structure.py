"""Title, author, front matter, chapters and end matter of plain-text books."""

from __future__ import annotations

from pathlib import Path

import pytest
from support_engine import SCENE, headings, kinds_of

from tui.book.formats import open_book
from tui.book.model import ParaKind
from tui.book.text.parse import parse_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "engine"


def test_title_and_by_line() -> None:
    book = parse_text(f"The Quiet Harbour\n\nby Wren Alder\n\n{SCENE}\n\n{SCENE}")
    assert (book.title, book.author) == ("The Quiet Harbour", "Wren Alder")
    # A book without headings is one chapter, without a heading line.
    assert headings(book) == [("The Quiet Harbour", None)]
    assert book.chapters[0].scenes[0].start == 2


def test_cover_line_gives_title_and_author() -> None:
    text = (
        f"Cover: Ember Roads, Vol. 2: Ash, by Ines Varga and Toma Kiri\n\n\n\nPrologue\n\n{SCENE}"
    )
    book = parse_text(text)
    assert book.title == "Ember Roads, Vol. 2: Ash"
    assert book.author == "Ines Varga"
    assert book.meta["illustrator"] == "Toma Kiri"
    assert [s.kind for s in book.front_matter] == ["cover"]


def test_title_with_colon_before_a_prologue_heading() -> None:
    lines = SCENE.replace("\n\n", "\n")  # one paragraph per line, no blank lines
    book = parse_text(f"The Last Gate: A Tale\nPrologue: Ashes\n{lines}\nChapter 1: Smoke\n{lines}")
    assert book.style == "line"
    assert book.title == "The Last Gate: A Tale"
    assert headings(book) == [("Prologue: Ashes", 2), ("Chapter 1: Smoke", 7)]


def test_title_from_file_name_when_the_text_has_none(tmp_path: Path) -> None:
    path = tmp_path / "the_quiet_harbour.txt"
    path.write_text(f"Chapter 1\n\n{SCENE}\n", encoding="utf-8")
    assert open_book(path).title == "the quiet harbour"


def test_ao3_work_page() -> None:
    book = open_book(FIXTURES / "ao3_work_page.txt")
    assert (book.title, book.author) == ("The Lantern Keeper", "lanternfox")
    assert headings(book) == [("Chapter 1: Salt", 56), ("Chapter 2: Storm", 85)]
    assert book.meta["fandom"] == ["Original Work"]
    assert book.meta["relationships"] == ["Mara Quill/Tobias Fenn"]
    assert book.meta["characters"] == ["Mara Quill", "Tobias Fenn", "Old Wren"]
    assert book.meta["tags"] == ["Slow Burn", "Found Family", "Lighthouses"]
    assert book.meta["stated_words"] == 1234
    assert book.meta["summary"].startswith("A keeper of lighthouses")
    kinds = [s.kind for s in book.front_matter]
    assert kinds[:2] == ["ao3_landmark", "ao3_landmark"]
    assert {"metadata", "title", "summary", "notes"} <= set(kinds)
    # `Chapter Text` is a landmark, chapter notes are notes, the last `Notes:` is end matter.
    assert kinds_of(book, ParaKind.LABEL) == ["Chapter Text", "Chapter Text"]
    notes = kinds_of(book, ParaKind.NOTE)
    assert "Thanks to my beta reader for the sea shanties." in notes
    assert "(See the end of the chapter for more notes.)" in notes
    assert "The shanty Wren hums is my own; do not look it up." in notes
    assert [s.kind for s in book.end_matter] == ["end_notes"]
    assert book.line_of(book.end_matter[0].heading) == 102


def test_ao3_download_preface() -> None:
    book = open_book(FIXTURES / "ao3_download.txt")
    assert (book.title, book.author) == ("The Lantern Keeper", "lanternfox")
    assert book.meta["rating"] == "Teen And Up Audiences"
    assert book.meta["warnings"] == ["No Archive Warnings Apply"]
    assert book.meta["category"] == ["F/M"]
    assert book.meta["language"] == "English"
    assert book.meta["stated_words"] == 1234
    assert headings(book) == [("Chapter 1: Salt", 27), ("Chapter 2: Storm", 51)]
    assert "See the end of the chapter for more notes" in kinds_of(book, ParaKind.NOTE)
    assert [s.kind for s in book.end_matter] == ["afterword", "end_notes", "comment_request"]


def test_fanficfare_txt() -> None:
    book = open_book(FIXTURES / "fanficfare.txt")
    assert (book.title, book.author) == ("The Clockwork Heir", "gearwright")
    # The table of contents lists the chapters but is not them: the tab-indented titles are.
    assert headings(book) == [("1. The Bequest", 43), ("2. Tick", 58), ("3. Tock", 69)]
    assert [s.kind for s in book.front_matter][-1] == "toc"
    assert book.meta["genre"] == ["Adventure", "Romance"]
    assert book.meta["status"] == "Completed"
    assert book.meta["stated_words"] == 1210
    assert [s.kind for s in book.end_matter] == ["end_marker"]
    assert [len(c.scenes) for c in book.chapters] == [2, 2, 1]


def test_contents_list_is_front_matter() -> None:
    text = f"Contents\n\nChapter 1\nChapter 2\nChapter 3\n\nChapter 1\n\n{SCENE}\n\n"
    text += f"Chapter 2\n\n{SCENE}\n\nChapter 3\n\n{SCENE}"
    book = parse_text(text)
    assert headings(book) == [("Chapter 1", 7), ("Chapter 2", 17), ("Chapter 3", 27)]
    assert book.front_matter[0].kind == "toc"


def test_part_heading_opens_its_first_chapter() -> None:
    text = f"Part One\n\nChapter 1\n\n{SCENE}\n\nChapter 2\n\n{SCENE}\n\n"
    text += f"Part Two\n\nChapter 3\n\n{SCENE}"
    book = parse_text(text)
    assert headings(book) == [("Chapter 1", 3), ("Chapter 2", 13), ("Chapter 3", 25)]
    assert book.chapters[0].start == 0  # the part line belongs to the chapter it opens
    assert book.kinds[0] == ParaKind.HEADING


def test_subtitle_line_joins_its_heading_but_a_set_off_line_does_not() -> None:
    book = parse_text(
        f"Chapter 1\n\nThe Dark Forest\n\n{SCENE}\n\nChapter 2\n\nSix Hours Ago\n\n{SCENE}"
    )
    assert headings(book) == [("Chapter 1: The Dark Forest", 1), ("Chapter 2", 13)]
    assert book.line_of(book.chapters[1].scenes[0].start) == 15


def test_titles_ending_in_a_full_stop_join_their_headings_where_most_chapters_have_one() -> None:
    titles = ["The Widow and her Child.", "The Old Mint.", "Old London Bridge.", "The Storm."]
    text = "\n\n".join(
        f"CHAPTER {n}.\n\n{t}\n\n{SCENE}"
        for n, t in zip(["I", "II", "III", "IV"], titles, strict=True)
    )
    book = parse_text(text)
    assert [c.title for c in book.chapters] == [
        "CHAPTER I: The Widow and her Child",
        "CHAPTER II: The Old Mint",
        "CHAPTER III: Old London Bridge",
        "CHAPTER IV: The Storm",
    ]
    # One such line under one heading is the story's first sentence, not a title.
    text = f"Chapter 1\n\nThe Rain Came.\n\n{SCENE}\n\nChapter 2\n\n{SCENE}\n\nChapter 3\n\n{SCENE}"
    assert [c.title for c in parse_text(text).chapters] == ["Chapter 1", "Chapter 2", "Chapter 3"]


def test_a_title_with_small_words_in_lower_case_joins_its_heading() -> None:
    # `from` and `a` stay lower case in a title: most of its words need no capital.
    text = "CHAPTER IV.\nThe Rabbit Sends in a Little Bill\n\n\n{0}\n\n"
    text += "CHAPTER V.\nAdvice from a Caterpillar\n\n\n{0}\n\n"
    text += "CHAPTER VI.\nPig and Pepper\n\n\n{0}\n"
    book = parse_text(text.format(SCENE))
    assert [c.title for c in book.chapters] == [
        "CHAPTER IV: The Rabbit Sends in a Little Bill",
        "CHAPTER V: Advice from a Caterpillar",
        "CHAPTER VI: Pig and Pepper",
    ]
    # A line of story under a heading is still not its title.
    book = parse_text(f"Chapter 1\n\nShe ran from the house at dawn\n\n{SCENE}")
    assert [c.title for c in book.chapters] == ["Chapter 1"]


def test_numbered_headings_only_when_used_in_sequence() -> None:
    long = "\n\n".join([SCENE] * 3)
    book = parse_text(f"1.\n\n{long}\n\n2.\n\n{long}\n\n3.\n\n{long}")
    assert [c.title for c in book.chapters] == ["1.", "2.", "3."]
    # Numbered choices close together in a story are not chapters.
    choices = "1. Respond: yes\n\n2. Respond: no\n\n3. Stay silent"
    book = parse_text(f"{SCENE}\n\n{choices}\n\n{SCENE}\n\n{long}")
    assert len(book.chapters) == 1 and book.chapters[0].heading is None


def test_long_prose_before_the_first_heading_is_a_chapter() -> None:
    opening = "\n\n".join([SCENE] * 4)
    book = parse_text(f"{opening}\n\nChapter 2\n\n{SCENE}")
    assert headings(book) == [("Chapter 1", None), ("Chapter 2", 33)]


def test_cjk_headings() -> None:
    text = "第一章 开始\n\n他走进了房间。\n\n第二天早上，雨停了。\n\n"
    text += "第二章 离开\n\n她离开了这座城市。\n"
    book = parse_text(text)
    assert headings(book) == [("第一章 开始", 1), ("第二章 离开", 7)]


@pytest.mark.parametrize(
    ("ending", "kinds"),
    [
        ("The End", ["end_marker"]),
        ("THE END\n\nThanks to everyone who read this far.", ["end_marker", "notes"]),
        ("End file.", ["end_marker"]),
        ("Author's Note: thank you for reading, see you in the sequel!", ["author_note"]),
        ("Afterword\n\nI wrote this in a week.\n\nMarch 2024, Someone", ["afterword"]),
        ("image Afterword image\n\nThanks to my editor.", ["afterword"]),
    ],
)
def test_end_matter_is_kept_apart_from_the_story(ending: str, kinds: list[str]) -> None:
    book = parse_text(f"Chapter 1\n\n{SCENE}\n\nChapter 2\n\n{SCENE}\n\n{ending}")
    assert [s.kind for s in book.end_matter] == kinds
    last = book.chapters[-1]
    assert last.end == book.end_matter[0].start - (book.end_matter[0].heading is not None)
    assert all(book.kinds[i] == ParaKind.END for i in range(last.end, len(book)))


def test_author_note_at_the_start_of_a_chapter_is_a_note_not_a_scene() -> None:
    book = parse_text(f"Chapter 1\n\nA/N: I own nothing.\n\n{SCENE}\n\nChapter 2\n\n{SCENE}")
    assert book.kinds[1] == ParaKind.NOTE
    assert book.chapters[0].scenes[0].start == 2
    assert book.end_matter == []


def test_disclaimer_opening_a_chapter_is_a_note() -> None:
    book = parse_text(f"Chapter 1\n\nDisclaimer: I own nothing.\n\n{SCENE}\n\nChapter 2\n\n{SCENE}")
    assert book.kinds[1] == ParaKind.NOTE
    assert book.line_of(book.chapters[0].scenes[0].start) == 5


def test_tab_indented_verse_in_an_ordinary_book_is_not_a_chapter() -> None:
    verse = "\tThe tide comes in,\n\tthe tide goes out,"
    book = parse_text(f"Chapter 1\n\n{SCENE}\n\n{verse}\n\n{SCENE}\n\nChapter 2\n\n{SCENE}")
    assert [c.title for c in book.chapters] == ["Chapter 1", "Chapter 2"]


def test_headings_in_other_languages() -> None:
    scene = "Он шёл по улице, и снег падал на его плечи. Никто не смотрел на него."
    text = f"Пролог\n\n{scene}\n\nГлава 1\n\n{scene}\n\nГлава 2. Зима\n\n{scene}\n\n"
    text += f"Capítulo 3: El fin\n\n{scene}\n\nKapitel 4\n\n{scene}"
    assert headings(parse_text(text)) == [
        ("Пролог", 1),
        ("Глава 1", 5),
        ("Глава 2: Зима", 9),
        ("Capítulo 3: El fin", 13),
        ("Kapitel 4", 17),
    ]
