"""Headings a text runs into its prose or wraps, and the gaps where its pictures were.

A corpus file set one sentence a line with no blank lines (`CHAPTER 2 Mrs. Hale…`, `II .` over
`THE QUAY The boats…`), a diary whose dates open its entries' first sentences, capitals headings
wrapped over several lines, a title wrapped onto a second line; and the gaps a book leaves where
its pictures were. Texts written for these tests.
"""

from __future__ import annotations

import textwrap

from support_engine import SCENE, headings, scene_lines, story

from tui.book.text.parse import parse_text

SENTENCES = [
    "Mrs. Hale walked down to the harbour in the grey light .",
    "The fishermen nodded to her but did not speak ; it was that kind of morning .",
    "`` Good day , '' said the harbour-master , `` and a cold one . ''",
    "She found the letter under a stone on the third bollard .",
    "Nobody watched her read it , or if they did , they hid it well .",
    "The tide turned at noon and the boats went out one by one .",
]


def sentences(k: int) -> list[str]:
    return [f"{SENTENCES[j % len(SENTENCES)][:-2]} ( {k}.{j} ) ." for j in range(12)]


def test_chapter_headings_run_into_their_first_sentence_head_their_chapters() -> None:
    rows = ["[ The Harbour by A. Writer 1900 ]", "CHAPTER 1", *sentences(1)]
    for k in range(2, 6):
        body = sentences(k)
        rows += [f"CHAPTER {k} {body[0]}", *body[1:]]
    book = parse_text("\n".join(rows) + "\n")
    assert [line for _, line in headings(book)] == [2, 15, 27, 39, 51]
    assert [title for title, _ in headings(book)][1] == "CHAPTER 2"
    # (the sentence after the heading is the chapter's first, on the heading's line)
    assert book.chapters[1].scenes[0].first_words.startswith("Mrs. Hale walked")
    assert scene_lines(book)[1] == [15]


def test_a_corpus_files_bracketed_label_names_its_title_and_author() -> None:
    rows = ["[ The Harbour by A. B. Writer 1900 ]", "CHAPTER 1", *sentences(1)]
    book = parse_text("\n".join(rows) + "\n")
    assert (book.title, book.author) == ("The Harbour", "A. B. Writer")


def test_roman_numerals_spaced_from_their_full_stop_head_chapters_with_their_titles() -> None:
    rows = ["[ The Harbour by A. Writer 1900 ]", "I. THE QUAY", *sentences(1)]
    rows += ["II .", f"THE NET LOFT {sentences(2)[0]}", *sentences(2)[1:]]
    rows += [f"III. THE LAMPS {sentences(3)[0]}", *sentences(3)[1:]]
    rows += ["IV .", f"THE STORM {sentences(4)[0]}", *sentences(4)[1:]]
    book = parse_text("\n".join(rows) + "\n")
    titles = [title for title, _ in headings(book)]
    assert titles == ["I: THE QUAY", "II: THE NET LOFT", "III: THE LAMPS", "IV: THE STORM"]
    assert [line for _, line in headings(book)] == [2, 15, 28, 40]
    assert all(c.scenes[0].first_words.startswith("Mrs. Hale") for c in book.chapters)


def test_numbered_lines_out_of_sequence_are_left_whole() -> None:
    # (`II. The` twice and a `V.` later: no sequence of headings, so nothing is cut)
    rows = [*sentences(1), "II. THE QUAY Then she left .", *sentences(2)]
    rows += ["II. THE QUAY Again she left .", *sentences(3), "V. THE END She slept ."]
    book = parse_text("\n".join(rows) + "\n")
    assert len(book.chapters) == 1
    assert len(book) == len(rows)


DATES = ["May 7th.", "May 10th.", "May 14th.", "June 3rd.", "July 11th.", "September 15th."]
DATES += ["November 11th.", "December 7th", "January 1st."]


def test_a_diary_whose_dates_open_its_entries_first_sentences_has_the_dates_for_chapters() -> None:
    entries = []
    for date in DATES:
        first, _, rest = story(3).partition("\n")
        entries.append(f"{date}--{first}\n{rest}")
    text = "MY GARDEN\n\n\n\n" + "\n\n\n".join(entries)
    # (one entry follows a single blank line, like any paragraph)
    text = text.replace(f"\n\n\n{DATES[2]}", f"\n\n{DATES[2]}")
    book = parse_text(text)
    assert [title.rstrip(".") for title, _ in headings(book)] == [d.rstrip(".") for d in DATES]
    assert all(len(c.scenes) == 1 for c in book.chapters)
    assert book.chapters[0].scenes[0].first_words.startswith("The lamps along")
    assert [line for _, line in headings(book)][:3] == [5, 21, 36]


def test_dates_run_into_a_few_paragraphs_of_a_story_with_headings_are_left_alone() -> None:
    body = "\n\n".join(f"{date}--{story(1)}" for date in DATES[:3])
    book = parse_text(f"CHAPTER I\n\n{story(3)}\n\n\n{body}\n\n\nCHAPTER II\n\n{story(4)}")
    assert [line for _, line in headings(book)] == [1, 35]


CAPITALS = [
    "CHAPTER I. THE PICKWICKIANS",
    "CHAPTER II. THE FIRST DAY'S JOURNEY, AND THE FIRST EVENING'S ADVENTURES;\n"
    "WITH THEIR CONSEQUENCES",
    "CHAPTER III. HOW MR. WINKLE, INSTEAD OF SHOOTING AT THE PIGEON AND\n"
    "KILLING THE CROW, SHOT AT THE CROW AND WOUNDED THE PIGEON; HOW THE\n"
    "DINGLEY DELL CRICKET CLUB PLAYED ALL-MUGGLETON, AND HOW ALL-MUGGLETON\n"
    "DINED AT THE DINGLEY DELL EXPENSE; WITH OTHER INTERESTING AND\n"
    "INSTRUCTIVE MATTERS",
    "CHAPTER IV. IN WHICH IS GIVEN A FAITHFUL PORTRAITURE OF TWO\n"
    "DISTINGUISHED PERSONS; AND THE COMMENCEMENT OF ANOTHER\n"
    "CHAPTER",
]
TALK = [
    "'Here is your fare,' said the gentleman, holding out the shilling.",
    "'Thank you, sir,' replied the cabman, and touched his hat.",
    "'And the other sixpence?' asked the gentleman.",
    "'Keep it,' said the cabman, 'for the horse.'",
]


def test_capitals_headings_wrapped_over_several_lines_head_their_chapters() -> None:
    chapters = "\n\n\n\n".join(f"{heading}\n\n{story(5)}" for heading in CAPITALS)
    book = parse_text(chapters)
    assert len(book.chapters) == 4
    assert all(title.startswith("CHAPTER") for title, _ in headings(book))


def wrap(paragraphs: list[str]) -> str:
    """Paragraphs hard-wrapped as a printed book's text is, at 60 columns."""
    return "\n\n".join("\n".join(textwrap.wrap(p, 60)) for p in paragraphs)


def test_gaps_falling_again_and_again_between_two_lines_of_talk_part_no_scenes() -> None:
    # (two blank lines where a picture was taken out, mid-conversation in every chapter)
    talk = wrap(TALK[:2]) + "\n\n\n" + wrap(TALK[2:])
    scene = wrap(NARRATION)
    chapters = [f"{heading}\n\n{scene}\n\n{talk}\n\n{scene}" for heading in CAPITALS]
    book = parse_text("\n\n\n\n".join(chapters))
    assert len(book.chapters) == 4
    assert all(len(c.scenes) == 1 for c in book.chapters)


def test_gaps_between_narration_still_part_scenes() -> None:
    scene = wrap(NARRATION)
    chapters = [f"{heading}\n\n{scene}\n\n\n{scene}" for heading in CAPITALS]
    book = parse_text("\n\n\n\n".join(chapters))
    assert all(len(c.scenes) == 2 for c in book.chapters)


def test_a_paragraph_a_line_may_cut_from_one_conversation_to_another_at_a_gap() -> None:
    talk = "\n\n".join(TALK[:2]) + "\n\n\n" + "\n\n".join(TALK[2:])
    chapters = [f"Chapter {k}\n\n{SCENE}\n\n{talk}\n\n{SCENE}" for k in range(1, 5)]
    book = parse_text("\n\n\n\n".join(chapters))
    assert all(len(c.scenes) == 2 for c in book.chapters)


def test_a_numbered_title_wrapped_onto_a_second_line_is_still_its_heading() -> None:
    titles = [
        "1 - The Quay",
        "2 - The Net Loft",
        "3 - Cheerfulness Again Asserts Itself at the Quay,\n    and Mara Finds Her Vocation",
        "4 - The Lamps",
    ]
    book = parse_text("\n\n\n\n".join(f"{title}\n\n\n{story(4)}" for title in titles))
    assert [line for _, line in headings(book)] == [1, 26, 51, 77]


def test_a_volume_number_over_a_collections_title_before_its_contents_heads_nothing() -> None:
    stories = ["THE QUAY", "THE NET LOFT", "THE LAMPS", "THE STORM"]
    front = "THE TALES\n\nVOLUME 1\n\nTHE QUAY AND OTHER STORIES\n\nBY\n\nA. WRITER\n\n"
    front += "Translated by A. TRANSLATOR\n\n\n\n  CONTENTS\n\n\n"
    front += "\n".join(f"  {title}" for title in stories) + "\n\n\n\n"
    body = "\n\n\n\n".join(f"{title}\n\n{story(6)}" for title in stories)
    book = parse_text(front + body)
    assert [title for title, _ in headings(book)] == stories


def test_sections_of_a_story_holding_half_the_collection_are_its_scenes() -> None:
    stories = ["THE QUAY", "THE NET LOFT", "THE LAMPS"]
    front = "CONTENTS\n\n" + "\n".join(f"  {title}" for title in [*stories, "THE STORM"])
    body = "\n\n\n\n".join(f"{title}\n\n{story(20)}" for title in stories)
    numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"]
    sections = "\n\n\n".join(f"{numeral}\n\n{story(6)}" for numeral in numerals)
    book = parse_text(f"{front}\n\n\n\n{body}\n\n\n\nTHE STORM\n\n{sections}")
    assert [title for title, _ in headings(book)] == [*stories, "THE STORM"]
    assert len(book.chapters[-1].scenes) == len(numerals)


NARRATION = [
    "The lamps along the quay were lit one by one as the tide went out, and the men who mended "
    "nets on the steps folded their work away and went up into the town.",
    "Nobody spoke of the letter that evening, though every one of them had heard of it before "
    "the boats were in, and the harbour-master least of all.",
    "She flung her shawl about her and went downstairs, leaving him standing in the room.",
    "Early in the morning a cart came down the hill with the new sails for the ketch, and "
    "half the village walked beside it.",
    "The rain held off until the afternoon; then it came in from the sea in long grey "
    "curtains and nobody went out again.",
    "At supper the old man told the story of the wreck once more, though he told it worse "
    "each winter.",
]


def test_a_gap_after_prose_wrapped_narrow_parts_scenes_as_in_any_book() -> None:
    # (wrapped at 56 columns, every line of prose is as short as a line of verse elsewhere)
    def wrapped(k: int) -> str:
        return "\n\n".join(
            "\n".join(textwrap.wrap(f"{NARRATION[(k + j) % 6]} ({k}.{j})", 56)) for j in range(4)
        )

    chapters = [
        f"CHAPTER {numeral}\n\n\n{wrapped(k)}\n\n\n{wrapped(k + 1)}"
        for k, numeral in enumerate(["I", "II", "III", "IV"])
    ]
    book = parse_text("\n\n\n\n".join(chapters))
    assert [len(c.scenes) for c in book.chapters] == [2, 2, 2, 2]
