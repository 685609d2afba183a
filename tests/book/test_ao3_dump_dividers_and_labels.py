"""AO3 text dumps read by the book's own habits: labels, dividers, chapter titles, spacer lines.

The download's `Chapter Summary` label under a numbered heading is no chapter name; a divider
typed in another case (`xx` among `Xx`s) is the same divider, not a Roman numeral; a chapter's
title over AO3's labels follows the chapter before's closing note, and the first chapter's
stands alone under the work's header; the narrators' names heading a book's sections open
scenes, not chapters; and the spacer lines that space out a book's emails and texts are no
breaks.
"""

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


def test_narrators_names_alone_on_their_lines_open_scenes_not_chapters(tmp_path: Path) -> None:
    section = "\n\n".join([PROSE + " " + OTHER + " " + MORE] * 4)
    titles = ["The Recital", "Food Fights", "Seeing the Truth", "Apologies", "Honest Feelings"]
    titles += ["The Sleepover", "Breathing", "Hope"]
    narrators = ["Carmilla", "Laura", "Danny", "Laura", "Carmilla", "Laura"]
    text = ""
    for k, title in enumerate(titles):
        text += f"\n\n\n\n{title}\n\n\n\n"
        for j, name in enumerate(narrators[k % 2 : k % 2 + 4]):
            # (some names are set off as widely as the chapters' titles)
            space = "\n\n\n\n" if (k + j) % 3 == 0 else "\n\n"
            text += f"{space}\u00a0{name}{space}{section}\n"
    book = open_book(written(tmp_path, "work.txt", text))
    assert [c.title.split(":")[0] for c in book.chapters] == titles
    assert [len(c.scenes) for c in book.chapters] == [4] * len(titles)


def test_a_name_over_each_line_of_a_script_opens_no_scene(tmp_path: Path) -> None:
    lines = "".join(f"\n{name}\n“{MORE}”\n" for name in ["Laura", "Carmilla", "Danny"] * 4)
    text = "".join(f"\n\n\nChapter {k}\n\n{PROSE}\n{lines}" for k in range(1, 5))
    path = written(tmp_path, "work.txt", text)
    assert [len(c) for c in scene_firsts(path)] == [1] * 4


def test_a_message_with_its_time_set_apart_is_no_chapter_title(tmp_path: Path) -> None:
    scene = "\n\n".join([PROSE + " " + OTHER] * 12)
    text = ""
    for title in ["The Harbour", "The Lamp", "The Road", "The Rain"]:
        text += f"\n\n\n\n{title}\n\n\n\n{scene}\n"
    text += "\n\n\nMe [7:43 PM]: Where are you\n\n\n" + scene + "\n"
    book = open_book(written(tmp_path, "work.txt", text))
    assert [c.title for c in book.chapters] == ["The Harbour", "The Lamp", "The Road", "The Rain"]


def _messages_spaced_out(gap: str = "\n\n") -> str:
    """Seven chapters, six of them with an email and a text message spaced out by spacer lines
    with a blank line beside them, and ``gap`` between the two halves of the story after them
    (the last chapter's breaks are a row of `#` and a lone `.`)."""
    nbsp = "\u00a0"
    email = f"\n{nbsp}\n\nFROM: Pam\n\nTO: Jim Halpert\n\n{MORE}\n"
    text_message = f"\n{nbsp}\n\nsent 13:13\nTO: Jim\nFROM: Pam\n{nbsp}\nok see you\n\nread 13:15\n"
    story = "\n".join(LINES * 2)
    text = ""
    for k in range(1, 7):
        text += f"\n\n\nChapter {k}\n{story}\n{email}{text_message}\n{story}{gap}{story}\n"
    return text + (
        f"\n\n\nChapter 7\n{story}\n{'#' * 19}\n{story}\n{PROSE} {OTHER} {MORE} - K\n.\n{story}\n"
    )


def test_spacer_lines_spacing_out_emails_and_texts_are_no_breaks(tmp_path: Path) -> None:
    # (nor is a blank line as wide as those beside them between two paragraphs of story)
    path = written(tmp_path, "work.txt", _messages_spaced_out())
    assert [len(c) for c in scene_firsts(path)] == [1] * 6 + [3]


def test_a_gap_wider_than_the_space_around_spaced_out_messages_is_a_break(
    tmp_path: Path,
) -> None:
    path = written(tmp_path, "work.txt", _messages_spaced_out("\n\n\n\n"))
    assert [len(c) for c in scene_firsts(path)] == [2] * 6 + [3]
