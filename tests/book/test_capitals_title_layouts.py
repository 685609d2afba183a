"""Old printed collections whose pieces are headed only by a title in capitals.

Each title is set off by space, with no contents list and no numbers: long titles, titles over
two lines, a title that opens with `BY`, verses quoted inside the pieces, numbered sections with
titles of their own. Texts written for these tests.
"""

from __future__ import annotations

from support_engine import headings, scene_lines, story

from tui.book.text.parse import parse_text

GAP = "\n\n\n\n\n"
TITLES = ["THE QUAY", "THE NET-LOFT", "THE TIDE", "THE LAMPS"]
BALLAD = (
    "    At the far end of the harbour wall,\n"
    "    There lived a mender, old and small;\n"
    "    His boat was in the old king's day\n"
    "        A sturdy herring-smack.\n"
    "    Upon the quay he mended nets,\n"
    "    And paid at last his mother's debts.\n"
    "    But Dickon had a bran-new coat,\n"
    "        He got his fortune back."
)


def pieces(titles: list[str], *, middle: str = "") -> str:
    """Pieces headed by ``titles`` after four blank lines, two blank lines under each title;
    ``middle`` stands inside the second piece."""
    parts = []
    for k, title in enumerate(titles):
        body = story(4) + (f"\n\n\n{middle}\n\n\n" + story(3) if k == 1 and middle else "")
        parts.append(f"{title}\n\n\n{body}")
    return "THE BOOK OF THE QUAY\n\nby\n\nA. N. WRITER" + GAP + GAP.join(parts) + "\n"


def test_a_ballad_with_lines_set_in_further_is_no_chapter_titles() -> None:
    book = parse_text(pieces(TITLES, middle=BALLAD))
    assert [title for title, _ in headings(book)] == TITLES


def test_a_long_capitals_title_over_two_lines_and_one_opening_with_by_are_titles() -> None:
    long = "A REMONSTRANCE WITH THE MENDERS FOR HAVING SOURED THE TEMPER OF\nTHEIR NETS AND BOATS"
    titles = [
        *TITLES[:2],
        "BY THE ROADSIDE",
        long,
        "CONCERNING THE NEARNESS OF HARBOUR, SHIP, AND SEA",
    ]
    book = parse_text(pieces(titles))
    assert [title for title, _ in headings(book)] == [
        *TITLES[:2],
        "BY THE ROADSIDE",
        " ".join(long.split()),
        titles[-1],
    ]


def test_the_author_under_a_lone_by_on_the_title_page_heads_nothing() -> None:
    book = parse_text(pieces(TITLES))
    assert "A. N. WRITER" not in [title for title, _ in headings(book)]


def test_a_motto_poem_before_the_first_title_is_front_matter_not_a_chapter() -> None:
    motto = "\n\n".join(f"    Line {k} of the motto, short" for k in range(16))
    text = pieces(TITLES).replace(GAP, GAP + motto + GAP, 1)
    book = parse_text(text)
    assert [title for title, _ in headings(book)] == TITLES


def test_a_footnote_numbered_fn_between_wider_gaps_is_no_scene_break() -> None:
    note = "[FN#1]  I wrote this sentence long ago, and leave it unchanged\nfor all that."
    book = parse_text(pieces(TITLES, middle=note))
    assert all(len(lines) == 1 for lines in scene_lines(book))


def test_a_section_title_under_its_numeral_heads_the_section_with_it() -> None:
    named = [("I.", "MY MOTHER."), ("II.", "THE LEGENDS."), ("III.", "THE BEADWORK")]
    sections = GAP.join(f"{numeral}\n\n{title}\n\n\n{story(5)}" for numeral, title in named)
    stories = GAP.join(f"{title}{GAP}{sections}" for title in ("THE CHILDHOOD", "THE SCHOOL DAYS"))
    text = "CONTENTS\n\n    The Childhood\n\n    The School Days" + GAP + stories + "\n"
    book = parse_text(text)
    assert [title for title, _ in headings(book)] == ["The Childhood", "The School Days"]
    lines = text.split("\n")
    firsts = [lines.index(title) + 4 for title in ("THE LEGENDS.", "THE BEADWORK")]
    assert scene_lines(book)[0][1:] == firsts


GUTENBERG = (
    "The Project Gutenberg EBook of The Quay, by A. N. Writer\n\nTitle: The Quay\n\n"
    "Author: A. N. Writer\n\n*** START OF THIS PROJECT GUTENBERG EBOOK THE QUAY ***\n\n\n"
)
END = "\n\n\n*** END OF THIS PROJECT GUTENBERG EBOOK THE QUAY ***\n\nThe licence.\n"


def test_a_title_page_over_a_novella_without_headings_is_front_matter() -> None:
    page = (
        "THE QUAY\n\nBy\n\nA. N. WRITER\n\n1922\n\n\n\nTO\n\nMY MOTHER\n\n[Illustration: THE QUAY]"
    )
    book = parse_text(GUTENBERG + page + "\n\n\n" + story(12) + END)
    assert len(book.chapters) == 1
    assert book.paragraph(book.chapters[0].scenes[0].start).startswith("The lamps")


def test_lines_of_dialogue_opening_a_novella_are_its_story() -> None:
    talk = "“Is it the tide?”\n\n“It is.”\n\n“Then we go.”"
    book = parse_text(GUTENBERG + talk + "\n\n" + story(12) + END)
    assert book.paragraph(book.chapters[0].scenes[0].start) == "“Is it the tide?”"


def test_a_heading_saying_one_word_other_than_its_long_contents_entry_is_that_chapter() -> None:
    listed = ["The Quay at Night", "The Strange Enigma of the Old Net Loft", "The Lamps"]
    heads = ["THE QUAY AT NIGHT", "THE STRANGE ENIGMA CONCERNING THE OLD NET LOFT", "THE LAMPS"]
    text = "CONTENTS\n\n" + "\n\n".join(f"    {t}" for t in listed) + GAP
    text += GAP.join(f"{head}\n\n\n{story(5)}" for head in heads) + "\n"
    book = parse_text(text)
    assert [line for _, line in headings(book)] == [
        text.split("\n").index(head) + 1 for head in heads
    ]
