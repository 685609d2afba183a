"""Published layouts in the Project Gutenberg style.

The wrapper, contents lists, chapter families, titles under headings, insets that are not scene
breaks. Texts written for these tests.
"""

from __future__ import annotations

import textwrap

from support_engine import headings, scene_lines

from tui.book.heading_text import heading_lines, title_line
from tui.book.rules.numerals import to_roman
from tui.book.text.parse import parse_text

PROSE = (
    "The lamps along the quay were lit one by one as the tide went out, and the men who "
    "mended nets on the steps folded their work away and went up into the town without a "
    "word to one another, for the evening had turned cold and the wind was rising."
)


def wrapped(text: str) -> str:
    """Hard-wrapped at 70 columns, as printed texts are."""
    return "\n".join(textwrap.wrap(text, 70))


def story(paragraphs: int = 6) -> str:
    return "\n\n".join(wrapped(f"{PROSE} ({k})") for k in range(paragraphs))


def gutenberg(body: str) -> str:
    header = (
        "The Project Gutenberg eBook of The Harbour Lamps\n\n"
        "This ebook is for the use of anyone anywhere at no cost.\n\n"
        "Title: The Harbour Lamps\n\nAuthor: Ada Marsh\n\n"
        "*** START OF THE PROJECT GUTENBERG EBOOK THE HARBOUR LAMPS ***\n\n\n\n"
    )
    licence = (
        "\n\n\n\n*** END OF THE PROJECT GUTENBERG EBOOK THE HARBOUR LAMPS ***\n\n"
        "Updated editions will replace the previous one.\n\n\n\n"
        "CHAPTER 1. START: FULL LICENSE\n\n"
        + story(2)
        + "\n\n\n\nSection 2. Information about the Mission\n\n"
        + story(2)
    )
    return header + body + licence


def chapters(numerals: list[str], title_line: bool = False) -> str:
    parts = []
    for k, numeral in enumerate(numerals):
        heading = f"{numeral}\n{'THE TIDE TURNS.' if title_line else ''}".rstrip()
        parts.append(f"{heading}\n\n\n{story(4 + k % 2)}")
    return "\n\n\n\n".join(parts)


def test_the_gutenberg_header_and_licence_bound_the_story() -> None:
    book = parse_text(gutenberg(chapters(["CHAPTER I.", "CHAPTER II.", "CHAPTER III."])))
    assert (book.title, book.author) == ("The Harbour Lamps", "Ada Marsh")
    assert [title for title, _ in headings(book)] == ["CHAPTER I", "CHAPTER II", "CHAPTER III"]
    assert book.front_matter[0].kind == "gutenberg_header"
    assert book.end_matter[-1].kind == "gutenberg_licence"
    assert all(len(c.scenes) == 1 for c in book.chapters)


def test_contents_entries_that_look_like_headings_are_not_chapters() -> None:
    listed = "\n".join(f" CHAPTER {n}. The Tide Turns" for n in ("I", "II", "III", "IV"))
    text = f"Contents\n\n{listed}\n\n\n\n" + chapters(["I.", "II.", "III.", "IV."])
    book = parse_text(text)
    assert [title for title, _ in headings(book)] == ["I.", "II.", "III.", "IV."]


def test_a_contents_list_of_bare_numerals_is_not_chapter_one() -> None:
    text = "Contents\n\nI\nII\nIII\n\n\n\n" + chapters(["I", "II", "III"])
    book = parse_text(text)
    lines = [line for _, line in headings(book)]
    assert len(lines) == 3 and lines[0] > 7


def test_a_title_in_capitals_under_its_heading_belongs_to_it() -> None:
    book = parse_text(chapters(["CHAPTER I.", "CHAPTER II."], title_line=True))
    assert [title for title, _ in headings(book)] == [
        "CHAPTER I: THE TIDE TURNS.",
        "CHAPTER II: THE TIDE TURNS.",
    ]
    assert all(len(c.scenes) == 1 for c in book.chapters)


def test_story_titles_are_chapters_and_bare_parts_inside_a_story_open_scenes() -> None:
    first = "\n\n\n\n".join(f"{part}\n\n{story(4)}" for part in ("I.", "II.", "III."))
    text = f"I. THE HARBOUR LAMPS\n\n\n{first}\n\n\n\n"
    text += f"II. THE NET MENDERS\n\n\n{story(8)}\n\n\n\nIII. THE LONG QUAY\n\n\n{story(8)}"
    book = parse_text(text)
    assert [title for title, _ in headings(book)] == [
        "I. THE HARBOUR LAMPS",
        "II. THE NET MENDERS",
        "III. THE LONG QUAY",
    ]
    assert len(book.chapters[0].scenes) == 3


def test_gaps_around_a_letter_are_not_scene_breaks() -> None:
    letter = "He unfolded the paper and read as follows:\n\n\n“My dear Utterson,”\n\n"
    letter += wrapped(f"“{PROSE}”") + "\n\n“HENRY.”\n\n\n"
    text = f"CHAPTER I.\n\n{story(4)}\n\n{letter}{story(4)}\n\n\n\nCHAPTER II.\n\n{story(6)}"
    book = parse_text(text)
    assert [len(c.scenes) for c in book.chapters] == [1, 1]


def test_a_gap_between_paragraphs_of_prose_is_still_a_scene_break() -> None:
    text = f"CHAPTER I.\n\n{story(4)}\n\n\n{story(4)}\n\n\n\nCHAPTER II.\n\n{story(6)}"
    book = parse_text(text)
    assert [len(lines) for lines in scene_lines(book)] == [2, 1]


def test_a_printers_imprint_after_the_closing_ornament_is_not_a_scene() -> None:
    imprint = "*       *       *       *       *\n\nPRINTED BY\nJ. SMITH AND SONS,\nLEITH"
    text = f"CHAPTER I.\n\n{story(6)}\n\n\n\nCHAPTER II.\n\n{story(6)}\n\n{imprint}\n"
    book = parse_text(text)
    assert [len(c.scenes) for c in book.chapters] == [1, 1]
    assert book.end_matter


def test_a_preface_before_chapter_one_is_front_matter() -> None:
    preface = "PREFACE\n\n" + story(16)
    text = f"{preface}\n\n\n\n" + chapters(["CHAPTER I.", "CHAPTER II."])
    book = parse_text(text)
    assert [title for title, _ in headings(book)] == ["CHAPTER I", "CHAPTER II"]


def test_a_misprinted_numeral_in_a_run_of_letters_loses_none_of_them() -> None:
    # Letter VI is printed `Vl` (a lower-case L): it is letter VI, and VII on still count.
    numerals = [to_roman(n) for n in range(1, 10)]
    numerals[5] = "Vl"
    book = parse_text(chapters(numerals))
    assert [title for title, _ in headings(book)] == [to_roman(n) for n in range(1, 10)]


def test_a_run_of_numerals_goes_on_over_one_it_lacks() -> None:
    numerals = [to_roman(n) for n in (1, 2, 3, 4, 5, 7, 8, 9)]
    book = parse_text(chapters(numerals))
    assert [title for title, _ in headings(book)] == numerals


def test_thirty_in_a_run_of_numerals_is_a_heading_not_a_rule() -> None:
    numerals = [to_roman(n) for n in range(1, 33)]
    book = parse_text(chapters(numerals))
    assert [title for title, _ in headings(book)] == numerals
    assert all(len(c.scenes) == 1 for c in book.chapters)


def collection(titles: list[str], epigraph: str) -> str:
    """A story collection: a contents list, then each story under its title, opening with an
    indented verse epigraph."""
    listed = "\n".join(f"     {title}" for title in titles)
    verse = "\n".join(f"     {line}\n        {line.lower()}" for line in epigraph.split("/"))
    # (long enough that an epigraph's lines are few among its paragraphs)
    stories = "\n\n\n\n".join(f"{title}\n\n{verse}\n\n{story(40)}" for title in titles)
    return f"Contents\n\n{listed}\n\n\n\n{stories}"


def test_the_lines_of_an_indented_epigraph_are_not_chapter_titles() -> None:
    titles = ["The Harbour Lamps", "The Net Menders", "The Long Quay"]
    book = parse_text(collection(titles, "Now the tide goes out/And the lamps are lit"))
    assert [title for title, _ in headings(book)] == titles


def test_a_title_in_quotes_is_an_entry_of_the_contents() -> None:
    titles = ["The Harbour Lamps", '"Lamps! Lamps!"', "The Net Menders", "The Long Quay"]
    book = parse_text(collection(titles, "Now the tide goes out/And the lamps are lit"))
    assert [title for title, _ in headings(book)] == titles


def test_a_conclusion_after_the_last_chapter_is_a_chapter() -> None:
    text = chapters(["CHAPTER I.", "CHAPTER II.", "CHAPTER III.", "CHAPTER IV."])
    book = parse_text(f"{text}\n\n\n\nCONCLUSION.\n\n{story(3)}")
    assert [title for title, _ in headings(book)][-2:] == ["CHAPTER IV", "CONCLUSION"]
    assert len(book.chapters[-1].scenes) == 1


def test_conclusion_as_the_last_chapters_title_opens_no_other_chapter() -> None:
    text = chapters(["CHAPTER I.", "CHAPTER II.", "CHAPTER III.", "CHAPTER IV."])
    book = parse_text(f"{text}\n\n\n\nCHAPTER V.\n\nCONCLUSION\n\n\n{story(3)}")
    assert [title for title, _ in headings(book)][-1] == "CHAPTER V: CONCLUSION"


def test_contents_entries_with_page_numbers_are_not_chapters() -> None:
    listed = (
        "CHAPTER I. The Tide Turns             1\n"
        "       II. The Net Menders           13\n"
        "      III. The Long Quay             28\n\n\n"
        "CHAPTER I. The Return                41\n"
        "       II. The Lamps Again           57\n"
    )
    body = chapters(["CHAPTER I.", "CHAPTER II.", "CHAPTER III."])
    book = parse_text(f"CONTENTS.\n\n{listed}\n\n\n\n{body}")
    assert [title for title, _ in headings(book)] == ["CHAPTER I", "CHAPTER II", "CHAPTER III"]


def test_a_series_volume_number_on_the_title_page_is_not_a_part() -> None:
    title_page = "_VOL. XII_\n\nTHE HARBOUR LAMPS\n\nBY ADA MARSH\n\n" + story(2)
    listed = "CHAPTER I. The Tide Turns\nCHAPTER II. The Net Menders\nCHAPTER III. The Long Quay"
    body = chapters(["CHAPTER I.", "CHAPTER II.", "CHAPTER III."])
    book = parse_text(f"{title_page}\n\nCONTENTS.\n\n{listed}\n\n\n\n{body}")
    assert [title for title, _ in headings(book)] == [
        "CHAPTER I: The Tide Turns",  # (its title from the contents)
        "CHAPTER II: The Net Menders",
        "CHAPTER III: The Long Quay",
    ]
    assert all(not c.part for c in book.chapters)


def test_a_story_title_the_contents_names_is_not_a_byline() -> None:
    titles = ["THE HARBOUR LAMPS", "BY COURIER", "THE LONG QUAY"]
    listed = "\n".join(titles)
    stories = "\n\n\n\n".join(f"{title}\n\n\n{story(6)}" for title in titles)
    book = parse_text(f"Contents:\n\n{listed}\n\n\n\n{stories}")
    assert [title for title, _ in headings(book)] == titles


def test_the_title_again_over_an_unheaded_prologue_is_the_title_pages() -> None:
    title_page = "Produced by Jo Bell\n\n\n\n\nTHE HARBOUR LAMPS\n\n\nBy Ada Marsh\n\n\n\n\n"
    title_page += "THE HARBOUR LAMPS\n\n\n\n"
    body = title_page + story(16) + "\n\n\n\n" + chapters(["I", "II", "III"])
    book = parse_text(gutenberg(body))
    prologue = book.chapters[0]
    assert prologue.heading is None
    assert book.paragraph(prologue.scenes[0].start).startswith(PROSE[:20])
    assert [title for title, _ in headings(book)][1:] == ["I", "II", "III"]


def test_story_titles_spelled_apart_from_the_contents_are_still_its_stories() -> None:
    # The list is set by another hand: no full stops, a dash dropped, a letter misprinted.
    listed = "\n\n".join(
        f"     {entry}"
        for entry in ["LESPETH", "THREE AND AN EXTRA", "THE NET MENDERS.", "THE LONG QUAY"]
    )
    titles = ["LISPETH.", "THREE AND--AN EXTRA.", "THE NET MENDERS.", "THE LONG QUAY."]
    stories = "\n\n\n\n".join(f"{title}\n\n\n{story(6)}" for title in titles)
    book = parse_text(gutenberg(f"CONTENTS\n\n\n{listed}\n\n\n\n\n{stories}"))
    assert [title for title, _ in headings(book)] == [t.rstrip(".") for t in titles]


def test_a_number_apart_is_another_entry_not_a_misprint() -> None:
    listed = "\n".join(["PART IV", "PART V", "PART VI"])
    stories = "\n\n\n\n".join(f"{title}\n\n\n{story(6)}" for title in ["PART IV", "PART V"])
    book = parse_text(f"Contents:\n\n{listed}\n\n\n\n{stories}")
    assert [title for title, _ in headings(book)] == ["PART IV", "PART V"]


def test_chapter_the_first_in_capitals_is_a_heading_with_its_long_title_below() -> None:
    long_title = "OF MY LAUNCH INTO THE WORLD AND THE LAST I SAW OF THE OLD HOUSE"
    body = "\n\n\n\n".join(
        f"CHAPTER THE {ordinal}\n\n{title}\n\n\n{story(5)}"
        for ordinal, title in [
            ("FIRST", "THE TIDE TURNS"),
            ("SECOND", long_title),
            ("THIRD", "THE LONG QUAY"),
        ]
    )
    book = parse_text(gutenberg(body))
    assert [title for title, _ in headings(book)] == [
        "CHAPTER THE FIRST: THE TIDE TURNS",
        f"CHAPTER THE SECOND: {long_title}",
        "CHAPTER THE THIRD: THE LONG QUAY",
    ]
    assert [len(c.scenes) for c in book.chapters] == [1, 1, 1]


def test_a_chapter_whose_sections_count_from_two_still_has_them_as_scenes() -> None:
    # Sections I, II, III start over in each chapter; the printer left out the third chapter's
    # `I` (its heading opens the first section).
    def sectioned(numerals: list[str]) -> str:
        return "\n\n".join(f"{numeral}\n\n{story(3)}" for numeral in numerals)

    body = "\n\n\n\n".join(
        f"CHAPTER {number}\n\n{sections}"
        for number, sections in [
            ("I", sectioned(["I", "II", "III"])),
            ("II", sectioned(["I", "II"])),
            ("III", story(3) + "\n\n" + sectioned(["II", "III"])),
        ]
    )
    book = parse_text(gutenberg(body))
    assert [title for title, _ in headings(book)] == ["CHAPTER I", "CHAPTER II", "CHAPTER III"]
    assert [len(c.scenes) for c in book.chapters] == [3, 2, 3]


def test_a_bare_chapter_heading_takes_its_title_from_the_contents() -> None:
    listed = "\n".join(
        f"CHAPTER {n}. {title}"
        for n, title in (("I", "The Quay"), ("II", "Letters Home"), ("III", "The Tide"))
    )
    body = chapters(["CHAPTER I.", "CHAPTER II.", "CHAPTER III."])
    book = parse_text(f"Contents\n\n{listed}\n\n\n\n{body}")
    assert [c.title for c in book.chapters] == [
        "CHAPTER I: The Quay",
        "CHAPTER II: Letters Home",
        "CHAPTER III: The Tide",
    ]


def test_a_contents_list_of_synopses_gives_no_titles() -> None:
    # Entries that wrap over two lines are a chapter's synopsis, not its title.
    listed = "\n\n".join(
        f"CHAPTER {n}. The Quay at Dawn—A Letter Comes—The Boat\nIs Late—Mending Nets"
        for n in ("I", "II", "III")
    )
    body = chapters(["CHAPTER I.", "CHAPTER II.", "CHAPTER III."])
    book = parse_text(f"Contents\n\n{listed}\n\n\n\n{body}")
    assert [c.title for c in book.chapters] == ["CHAPTER I", "CHAPTER II", "CHAPTER III"]


def test_a_number_over_a_title_that_heads_front_matter_elsewhere_keeps_it() -> None:
    # (The Time Machine: `I.` over `Introduction`, `II.` over `The Machine`)
    prose = "The Time Traveller was expounding a recondite matter to us, and we listened. " * 4
    parts = [
        f" {number}.\n {title}\n\n\n{prose}\n\n{prose}"
        for number, title in (("I", "Introduction"), ("II", "The Machine"), ("III", "The Return"))
    ]
    book = parse_text("\n\n\n\n".join(parts) + "\n")
    assert [c.title for c in book.chapters] == [
        "I: Introduction",
        "II: The Machine",
        "III: The Return",
    ]


def test_a_first_chapter_right_under_the_contents_line_is_kept_when_it_has_story() -> None:
    # (a one-line heading with no title lines under it: nothing extra to look past)
    prose = "The rain went on all night, and nobody in the house could sleep for the noise. " * 5
    text = "CONTENTS\n\nCHAPTER I\n\n" + "\n\n".join([prose] * 3) + "\n\nCHAPTER II\n\n" + prose
    book = parse_text(text + "\n")
    assert [c.title for c in book.chapters] == ["CHAPTER I", "CHAPTER II"]


def test_a_header_field_s_lines_under_a_short_first_line_are_values_of_their_own() -> None:
    # (Gutenberg's header lists a second author, or a title's other name, one to a line)
    header = (
        "The Project Gutenberg eBook of The Harbour Lamps\n\n"
        "Title: The Harbour Lamps\n       The Lamps of Gull Point\n\n"
        "Author: Ada Marsh\n        Tobias Wren\n\n"
        "*** START OF THE PROJECT GUTENBERG EBOOK THE HARBOUR LAMPS ***\n\n\n\n"
    )
    book = parse_text(header + "CHAPTER I.\n\n" + story(6) + "\n\n\n\nCHAPTER II.\n\n" + story(6))
    assert book.title == "The Harbour Lamps"
    assert book.author == "Ada Marsh, Tobias Wren"


def test_a_long_header_field_wrapped_over_lines_is_read_whole() -> None:
    title = "The Life and Strange Surprizing Adventures of Ada Marsh, of the Harbour"
    cut = title.rindex(" ", 0, 64)
    header = (
        f"Title: {title[:cut]}\n       {title[cut + 1 :]}\n\nAuthor: Ada Marsh\n\n"
        "*** START OF THE PROJECT GUTENBERG EBOOK THE LIFE ***\n\n\n\n"
    )
    book = parse_text(header + "CHAPTER I.\n\n" + story(6) + "\n\n\n\nCHAPTER II.\n\n" + story(6))
    assert book.title == title


def test_a_line_under_a_heading_saying_its_title_in_the_contents_is_its_title_line() -> None:
    # As Dracula sets its chapters: the contents names them all; under a bare heading is its
    # title in capitals, or in italics with a full stop, or no title (a letter's heading).
    titles = ["The Tide Turns", "The Net Menders", "The Long Quay", "Letters", "The Return"]
    lines = [
        "THE TIDE TURNS",
        "THE NET MENDERS",
        "_The Long Quay._",
        "_Letter from Ada Marsh to Jo Bell._",
        "THE RETURN",
    ]
    listed = "\n".join(f"CHAPTER {to_roman(n)}. {t}" for n, t in enumerate(titles, 1))
    body = "\n\n\n\n".join(
        f"CHAPTER {to_roman(n)}\n\n{line}\n\n\n{story(4)}" for n, line in enumerate(lines, 1)
    )
    front = f"Contents\n\n{listed}\n\n\n\n{story(1)}\n\n\n\nTHE HARBOUR LAMPS"
    book = parse_text(gutenberg(f"{front}\n\n\n\n{body}"))
    assert [title for title, _ in headings(book)][2:4] == [
        "CHAPTER III: The Long Quay",
        "CHAPTER IV: Letters",
    ]
    # Each title line is the heading's, shown under its own line, once; the story follows. A
    # title only the contents gives is set as the others are, under the heading's line.
    shown = heading_lines(book)
    assert [shown[c.heading] for c in book.chapters] == [
        "CHAPTER I",
        "CHAPTER II",
        "CHAPTER III",
        "CHAPTER IV\nLetters",  # (a letter's heading under it: the contents' title, set alike)
        "CHAPTER V",
    ]
    below = [title_line(book, c) for c in book.chapters]
    assert [book.paragraph(at) if at is not None else None for at in below] == [
        *lines[:3],
        None,
        lines[4],
    ]
    first = [book.paragraph(c.scenes[0].start)[:20] for c in book.chapters]
    assert first == [PROSE[:20]] * 3 + ["_Letter from Ada Mar", PROSE[:20]]
