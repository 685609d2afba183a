"""A novel in letters with no headings, and a tale in a frame.

Letters opened by their heads (an address, a date, a salutation) after wider gaps, a title page
signed with a byline, a preface over the title set again, a frame's opening and closing titled
in capitals, a newspaper's headlines between centred rules. Texts written for these tests.
"""

from __future__ import annotations

from support_engine import headings, scene_lines, story

from tui.book.text.parse import parse_text

HEADER = (
    "The Project Gutenberg EBook of The Harbour Lamps, by Ada Marsh\n\n"
    "Title: The Harbour Lamps\n\nAuthor: Ada Marsh\n\n"
    "*** START OF THIS PROJECT GUTENBERG EBOOK THE HARBOUR LAMPS ***\n\n\n\n\n"
    "Produced by A. Volunteer\n\n\n\n\n"
)
LICENCE = "\n\n\n\nEnd of the Project Gutenberg EBook of The Harbour Lamps\n\n" + story(2)

HEADS = [
    "THE HARBOUR HOUSE,\n\nFebruary 15.\n\nDear Judy:",
    "February 20. Dear Judy:",
    "Tuesday.\n\nDear Enemy:",
    "THE HARBOUR HOUSE,\n\nMonday.\n\nDear Dr. Marsh:",
    "My dear Gordon:",
    "March 1.\n\nDear Judy:",
    "Friday. My dearest Judy:",
    "QUAY OFFICE,\n\nMarch 8.\n\nMy dear Judy:",
    "March 13.\n\nDear Madam:",
]


def _letter(head: str, later: bool = False) -> str:
    body = f"{story(2)}\n\nLATER.\n\n\n{story(1)}" if later else story(3)
    return f"{head}\n\n{body}\n\nYours ever,\n\nSALLIE."


def test_each_letter_opens_at_its_head_and_a_later_hour_opens_an_entry() -> None:
    letters = [_letter(head, later=k == 2) for k, head in enumerate(HEADS)]
    book = parse_text(HEADER + "THE HARBOUR LAMPS\n\nBy Ada Marsh\n\n\n\n" + "\n\n\n".join(letters))
    # (one chapter with no heading: the title page and its byline are front matter)
    assert headings(book) == [("The Harbour Lamps", None)]
    starts = [book.paragraph(s.start) for s in book.chapters[0].scenes]
    assert starts[0] == "THE HARBOUR HOUSE,"
    assert starts[1] == "February 20. Dear Judy:"
    assert starts[2:4] == ["Tuesday.", "LATER."]
    assert starts[4] == "THE HARBOUR HOUSE,"
    assert len(starts) == len(HEADS) + 1


def test_a_few_letters_quoted_in_a_story_open_no_scenes_at_their_heads() -> None:
    quoted = "\n\n\n".join(_letter(head) for head in HEADS[:3])
    book = parse_text(f"CHAPTER I\n\n{story(4)}\n\n\n{quoted}\n\n\n\nCHAPTER II\n\n{story(4)}")
    assert [len(lines) for lines in scene_lines(book)][1] == 1
    assert all(
        book.paragraph(s.start) not in ("THE HARBOUR HOUSE,", "February 20. Dear Judy:")
        for c in book.chapters
        for s in c.scenes
    )


def test_header_lines_do_not_count_among_the_titles_a_book_sets_off_by_space() -> None:
    # (a menu set off by space in the story, the producer's credit under the header, and the
    # header's last line set off too: no book of three titles)
    body = f"{story(40)}\n\nHere is the menu:\n\nBOILED POTATOES BOILED RICE\n\n\n{story(6)}"
    book = parse_text(HEADER + body + LICENCE)
    assert [heading for _, heading in headings(book)] == [None]


FRAME = (
    HEADER + "THE HARBOUR LAMPS\n\nby\n\nADA MARSH\n\n\n\n"
    f"PREFACE\n\n{story(2)}\n\nADA MARSH\n\n\n\n\n\nTHE HARBOUR LAMPS\n\n\n\n"
    f"A WORD OF EXPLANATION\n\n{story(12)}\n\n\n\n"
)


def _chapters(count: int) -> str:
    numerals = ["I", "II", "III", "IV", "V", "VI"][:count]
    return "\n\n\n\n".join(f"CHAPTER {n}\n\nTHE TIDE\n\n{story(5)}" for n in numerals)


def test_a_frame_after_the_preface_and_the_title_set_again_is_the_first_chapter() -> None:
    book = parse_text(FRAME + _chapters(5) + LICENCE)
    titles = [title for title, _ in headings(book)]
    assert titles[0] == "A WORD OF EXPLANATION"
    assert titles[1:] == [f"CHAPTER {n}: THE TIDE" for n in ["I", "II", "III", "IV", "V"]]
    assert [s.kind for s in book.front_matter][-2:] == ["preface", "title"]


def test_a_preface_with_no_title_under_it_stays_front_matter() -> None:
    body = HEADER + f"PREFACE\n\n{story(8)}\n\n\n\n" + _chapters(5) + LICENCE
    book = parse_text(body)
    assert headings(book)[0][0] == "CHAPTER I: THE TIDE"


def test_a_title_in_capitals_set_apart_after_the_last_chapter_closes_the_frame() -> None:
    closing = f"\n\n\nTHE END OF THE MANUSCRIPT\n\n\n\n\nFINAL P.S. BY A.M.\n\n{story(3)}"
    book = parse_text(FRAME + _chapters(5) + closing + LICENCE)
    assert headings(book)[-1][0] == "FINAL P.S. BY A.M."
    assert headings(book)[-2][0] == "CHAPTER V: THE TIDE"


def test_shouts_in_capitals_inside_the_last_chapter_are_no_closing_chapter() -> None:
    shouts = "".join(f"\n\n\n\nWAR NOW\n\n{story(2)}" for _ in range(2))
    book = parse_text(FRAME + _chapters(5) + shouts + LICENCE)
    assert headings(book)[-1][0] == "CHAPTER V: THE TIDE"


def test_centred_rules_between_centred_headlines_are_a_newspaper_not_scene_breaks() -> None:
    front_page = (
        "              HIGH TIMES IN THE VALLEY\n\n"
        "                        ----\n\n"
        "               THE WATER-WORKS CORKED!\n\n"
        "                        ----\n\n"
        "         BRER MERLIN WORKS HIS ARTS, BUT GETS\n                        LEFT?\n\n"
        "                        ----\n\n"
        "              UNPARALLELED REJOICINGS!"
    )
    chapter = f"{story(3)}\n\nThe head-lines ran:\n\n\n{front_page}\n\n\n{story(3)}"
    book = parse_text(_chapters(4) + f"\n\n\n\nCHAPTER V\n\nTHE PAPER\n\n{chapter}")
    assert [len(lines) for lines in scene_lines(book)] == [1, 1, 1, 1, 1]
