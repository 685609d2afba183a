"""AO3 text dumps read by the book's own habits: the download's `Chapter Summary` label under a
numbered heading is no chapter name; a divider typed in another case (`xx` among `Xx`s) is the
same divider, not a Roman numeral; a chapter's title over AO3's labels follows the chapter
before's closing note, and the first chapter's stands alone under the work's header."""

from __future__ import annotations

from pathlib import Path

from shape_support import MORE, OTHER, PROSE, scene_firsts, written

from tui.book.formats import open_book

LINES = [PROSE + " " + OTHER, MORE, OTHER + " " + MORE + " " + PROSE, "“No,” she said."]
NAMES = ["One", "Two", "Three", "Four", "Five", "Six"]


def test_a_chapter_summary_label_under_a_heading_opens_its_notes(tmp_path: Path) -> None:
    scene = "\n".join(LINES * 2)
    text = ""
    for name in NAMES:
        text += f"\n\n\nChapter {name}\nChapter Summary\nThey go to the sea.\n\n\n\n{scene}\n"
    book = open_book(written(tmp_path, "work.txt", text))
    assert [c.title for c in book.chapters] == [f"Chapter {name}" for name in NAMES]
    # (the summary is the chapter's notes, and the gap under it no scene break)
    assert [len(c) for c in scene_firsts(book.path)] == [1] * len(NAMES)


def test_a_divider_typed_in_another_case_is_the_same_divider(tmp_path: Path) -> None:
    scene = "\n".join(LINES * 2)
    text = ""
    for k, name in enumerate(NAMES * 2):
        mark = "xx" if k in (3, 8) else "XX" if k == 5 else "Xx"
        text += f"\n\n\nChapter {name}\n{scene}\nXx\n{scene}\n{mark}\n{scene}\n"
    path = written(tmp_path, "work.txt", text)
    assert [len(c) for c in scene_firsts(path)] == [3] * 12


def test_chapter_twenty_numbered_xx_is_a_chapter_among_its_numerals(tmp_path: Path) -> None:
    scene = "\n".join(LINES * 2)
    numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    numerals += ["XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI"]
    text = "".join(f"\n\n\n{numeral}\n\n{scene}\n\n* * *\n\n{scene}\n" for numeral in numerals)
    book = open_book(written(tmp_path, "work.txt", text))
    assert [c.title for c in book.chapters] == numerals


HEADER = [
    "",
    "Afterwards - Blue - Sherlock TV",
    "",
    "Preface",
    "Afterwards",
    "Posted originally on the Archive of Our Own at http://archiveofourown.org/works/1.",
    "Stats:",
    "        Published: 2013-09-10",
    "        Chapters: 5/5",
    "",
    "Afterwards",
    "by Blue",
    "Summary",
    "What came after.",
    "Notes",
    "",
    "          See the end of the work for  notes",
]


def test_chapter_titles_over_ao3_labels_after_the_last_chapters_closing_note(
    tmp_path: Path,
) -> None:
    titles = ["Right After", "In Custody", "The Meeting", "1234. 5. 6 .. 7 click", "Epilogue"]
    lines = list(HEADER)
    for k, title in enumerate(titles):
        lines += ["", "", "", title]
        if k:  # (the first chapter was posted with no notes)
            lines += ["Chapter Notes", "", "        See the end of the chapter for  notes"]
        lines += ["", "", "", PROSE + " " + OTHER, MORE, OTHER, "", "", ""]
        lines += ["Chapter End Notes", "A/N – Reviews and comments are welcome."]
    book = open_book(written(tmp_path, "Afterwards.txt", "\n".join(lines) + "\n"))
    assert [c.title for c in book.chapters] == titles


def test_a_title_ending_on_a_full_stop_after_the_last_chapters_end_notes(tmp_path: Path) -> None:
    titles = ["Right After", "In Custody", "The Meeting", "I Love Only You. Someday."]
    lines = list(HEADER)
    for k, title in enumerate(titles):
        lines += ["", "", "", title]
        if k:
            lines += ["Chapter Notes", "warning: sparrows", "A long night ahead of them all"]
            lines += ["", "        See the end of the chapter for more notes"]
        lines += ["", "", "", PROSE + " " + OTHER, MORE, OTHER, "", "", ""]
        lines += ["Chapter End Notes", "Thanks for reading."]
    book = open_book(written(tmp_path, "Afterwards.txt", "\n".join(lines) + "\n"))
    assert [c.title for c in book.chapters] == titles
    # (the notes' last line, over `See the end of the chapter`, is no scene of the story)
    assert [c.scenes[0].first_words[:9] for c in book.chapters] == ["She walke"] * len(titles)
