"""Letters opened by place and date, sections titled in capitals, and contents lists of parts.

Letters opened by their place and date alone; sections titled in capitals under chapters titled
the same way, and the days such sections go on to; a title set off as widely as the chapters;
the numbered sections of one story in a collection; a contents list with no heading over the
prologue it names, and one naming parts over their titles. Texts written for these tests.
"""

from __future__ import annotations

from support_engine import headings, scene_lines, story

from tui.book.text.chapter_list import paragraph_reader
from tui.book.text.letters import date_lines, is_dateline
from tui.book.text.parse import parse_text

HEADER = (
    "The Project Gutenberg EBook of The Harbour Lamps, by Ada Marsh\n\n"
    "Title: The Harbour Lamps\n\nAuthor: Ada Marsh\n\n"
    "*** START OF THIS PROJECT GUTENBERG EBOOK THE HARBOUR LAMPS ***\n\n\n\n\n"
    "Produced by A. Volunteer\n\n\n\n\n"
)

DATELINES = [
    "_S.S. Scotia, Oct_. 21. (_In pencil_.)",
    "_25th_.",
    "_Calcutta, Nov. 18_.",
    "_Later_.",
    "_Madhabad, Sunday_.",
    "_Baratah, Thursday, Feb. 21_.",
    "_Nov. 2, 11.30 a.m_.",
    "_Calcutta, New Year's Day_.",
    "_Circuit House, Lakserai, Jan 31_.",
]


def test_a_letters_place_and_date_make_a_dateline_and_a_sentence_does_not() -> None:
    assert all(is_dateline(line) for line in DATELINES)
    assert not any(is_dateline(line) for line in ("OLIVIA.", "I went, on Sunday", "12"))


def _letters(heads: list[str]) -> str:
    return "\n\n\n".join(f"{head}\n\n{story(3)}\n\nOLIVIA." for head in heads)


def test_letters_opened_by_datelines_alone_open_scenes_and_so_do_the_gaps_between() -> None:
    # (no salutation anywhere; a postscript set off alone, then the next letter's dateline)
    letters = _letters(DATELINES)
    postscript = "I have opened this just to say again, My dear, my dear!"
    body = f"{letters}\n\n\n{story(2)}\n\n\n{postscript}\n\n\n{_letters(['_Agra, April 11_.'])}"
    book = parse_text(HEADER + f"THE GATES OF THE EAST\n\n\n\n\n{body}")
    starts = [book.paragraph(s.start) for c in book.chapters for s in c.scenes]
    assert starts[1 : len(DATELINES)] == DATELINES[1:]
    assert len(starts) == len(DATELINES) + 3
    assert starts[-2:] == [postscript, "_Agra, April 11_."]


def test_a_few_dated_letters_quoted_in_a_story_open_no_scenes() -> None:
    quoted = _letters(DATELINES[:3])
    book = parse_text(f"CHAPTER I\n\n{story(4)}\n\n\n{quoted}\n\n\n\nCHAPTER II\n\n{story(4)}")
    assert len(scene_lines(book)[0]) == 1


SECTIONS = ["THE WILD GEESE", "GOOSE-PLAY", "IN OeVID CLOISTER PARK"]


def _chapter(title: str, first: str, later: list[str]) -> str:
    sections = "".join(f"\n\n{s}\n\n_Monday, March twenty-first_.\n\n{story(3)}" for s in later)
    return f"{title}\n\n\n{first}\n\n{story(4)}\n\nHE HAD ARRIVED!\n\n{story(1)}{sections}"


TITLES = ["THE BOY", "AKKA", "THE JOURNEY", "GLIMMINGE CASTLE", "THE CRANE DANCE", "RAIN"]


def test_capitals_lines_title_sections_where_chapter_titles_stand_over_section_titles() -> None:
    chapters = "\n\n\n\n".join(
        _chapter(title, f"THE ELF {k}", SECTIONS) for k, title in enumerate(TITLES)
    )
    contents = "CONTENTS\n\n" + "\n\n".join(title.title() for title in TITLES)
    book = parse_text(HEADER + contents + "\n\n\n\n" + chapters)
    assert headings(book)[0][0].casefold().startswith("the boy")
    assert len(book.chapters) == len(TITLES)
    # (each later section opens a scene at its date line, under its title; a cry in
    # capitals ending in `!` is the story's)
    opening = [book.paragraph(s.start) for s in book.chapters[0].scenes]
    assert len(opening) == 1 + len(SECTIONS)
    assert opening[1:] == ["_Monday, March twenty-first_."] * len(SECTIONS)


def test_a_date_alone_in_a_section_of_a_book_that_dates_its_sections_opens_a_day() -> None:
    chapters = [_chapter(title, f"THE ELF {k}", SECTIONS) for k, title in enumerate(TITLES)]
    chapters[1] += f"\n\n_Sunday, June nineteenth_.\n\n{story(2)}"
    contents = "CONTENTS\n\n" + "\n\n".join(title.title() for title in TITLES)
    book = parse_text(HEADER + contents + "\n\n\n\n" + "\n\n\n\n".join(chapters))
    opening = [book.paragraph(s.start) for s in book.chapters[1].scenes]
    assert opening[-1] == "_Sunday, June nineteenth_."
    assert len(opening) == 2 + len(SECTIONS)


def test_capitals_lines_under_numbered_chapters_title_no_sections() -> None:
    # (`CHAPTER I` over its title in capitals: a capitals line inside is a shout or a sign)
    chapters = "\n\n\n\n".join(
        f"CHAPTER {n}\n\nTHE TIDE\n\n{story(3)}\n\nTHE RED LION INN\n\n{story(3)}"
        for n in ["I", "II", "III", "IV", "V", "VI"]
    )
    book = parse_text(HEADER + chapters)
    assert [len(lines) for lines in scene_lines(book)] == [1] * 6


def test_one_story_of_a_collection_numbers_its_sections_the_others_run_straight() -> None:
    contents = "CONTENTS\n\nCASE I: THE WATCHER\n\nCASE II: THE CAMP\n\nCASE III: THE ROOM"
    sections = "\n\n\n".join(f"{n}\n\n{story(3)}" for n in ["I", "II", "III", "IV", "V"])
    body = (
        f"\n\n\n\nCASE I: THE WATCHER\n\n\n{story(6)}"
        f"\n\n\n\nCASE II: THE CAMP\n\n\n{sections}"
        f"\n\n\n\nCASE III: THE ROOM\n\n\n{story(6)}"
    )
    book = parse_text(HEADER + contents + body)
    assert [title.casefold() for title, _ in headings(book)] == [
        "case i: the watcher",
        "case ii: the camp",
        "case iii: the room",
    ]
    assert [len(lines) for lines in scene_lines(book)] == [1, 5, 1]


NUMERALS = ["I", "II", "III", "IV"]
PARTS = [
    ("PART I", "THE GATES", ["A JUG OF WATER", "FOOLS", "DISCIPLINE", "THE RACE"]),
    ("PART II", "THE PIT", ["SPORT", "THE VISION", "THE SCHEME", "THE WARNING"]),
]


def test_a_prologue_named_in_a_contents_list_with_no_heading_opens_the_book() -> None:
    # (the list has no `CONTENTS` line over it: its `PROLOGUE` and the half-title under its
    # `EPILOGUE` come right before the prologue's own heading)
    listed = "\n\n".join(
        f"{part}\n\n{title}\n\n\nCHAPTER\n\n"
        + "\n\n".join(f"      {n}.  {t}" for n, t in zip(NUMERALS, chapters, strict=True))
        for part, title, chapters in PARTS
    )
    text = "\n\n\n\n".join(
        f"{part}\n\n{title}\n\n\n\n"
        + "\n\n\n\n".join(
            f"CHAPTER {n}\n\n{t}\n\n{story(10)}" for n, t in zip(NUMERALS, chapters, strict=True)
        )
        for part, title, chapters in PARTS
    )
    book = parse_text(
        HEADER + f"PROLOGUE\n\n\n{listed}\n\n\nEPILOGUE\n\n\n\n\nThe Harbour Lamps\n\n\n\n\n"
        f"PROLOGUE\n\n\n{story(4)}\n\n\n\n{text}\n\n\n\nEPILOGUE\n\n\n{story(3)}"
    )
    titles = [title.casefold() for title, _ in headings(book)]
    assert titles[0] == "prologue"
    assert titles[-1] == "epilogue"
    assert "chapter i: a jug of water" in titles


PART_TITLES = ["THROUGH THE GATES", "FLESHPOTS OF CALCUTTA", "THE SUNBURNED EARTH"]


def test_parts_a_contents_list_names_over_their_titles_are_no_parts_of_the_first() -> None:
    # (the list pairs `PART I` with each title; the text heads each part by its title alone)
    listed = "\n\n".join(
        f"PART {n}\n{title}" for n, title in zip(["I", "II", "III"], PART_TITLES, strict=True)
    )
    text = "\n\n\n\n\n".join(f"{title}\n\n\n\n\n{story(8)}" for title in PART_TITLES)
    book = parse_text(HEADER + f"CONTENTS\n\n{listed}\n\n\n\n\n{text}")
    assert [c.title.casefold() for c in book.chapters] == [t.casefold() for t in PART_TITLES]
    assert [c.part for c in book.chapters] == ["", "", ""]


def test_a_capitals_title_set_off_as_widely_as_the_chapters_heads_a_section() -> None:
    # (chapters under three blank lines; inside one, `THE FRAGMENTS[2]` under three too, then
    # a note and story: a section, its scene starting at the note; a cry in capitals under one
    # blank line is the story's)
    numerals = ["I", "II", "III", "IV", "V", "VI"]
    chapters = [f"_{n}_\n\nTHE SEA OF SLEEP\n\n{story(4)}\n\nNO!\n\n{story(2)}" for n in numerals]
    chapters[2] += f"\n\n\n\nTHE FRAGMENTS[2]\n\n(_The legible portions_.)\n\n{story(3)}"
    book = parse_text(HEADER + "\n\n\n\n".join(chapters))
    assert [len(lines) for lines in scene_lines(book)] == [1, 1, 2, 1, 1, 1]
    assert book.paragraph(book.chapters[2].scenes[1].start) == "(_The legible portions_.)"


def test_a_diarys_date_lines_are_read_alike_set_a_paragraph_a_line_or_hard_wrapped() -> None:
    # (a book that does not rejoin its lines has its short paragraphs read as they stand)
    days = [f"    MAY {day}." for day in range(1, 10)]
    diary = "\n\n".join(f"{day}\n\n{story(2)}\n\nTHE SAME EVENING.\n\n{story(1)}" for day in days)
    wrapped = parse_text(diary)
    one_line = parse_text("\n\n".join(" ".join(p.split("\n")) for p in diary.split("\n\n")))
    assert wrapped.rejoin and not one_line.rejoin
    for book in (wrapped, one_line):
        found = date_lines(book, paragraph_reader(book))
        assert [book.paragraph(i) for i in found.dates] == [day.strip() for day in days]
        assert [book.paragraph(i) for i in found.same_day] == ["THE SAME EVENING."] * len(days)
