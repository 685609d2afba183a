"""Layouts of early transcribed books.

A contents list with star leaders and page numbers, whose first numeral was misread, over
chapters headed by a bare numeral (with or without its full stop) and a title lines below. Texts
written for these tests.
"""

from __future__ import annotations

from support_engine import headings, story

from tui.book.text.parse import parse_text

TITLES = ["THE QUAY", "THE NET-LOFT", "THE TIDE", "THE LAMPS", "THE STORM", "THE HARBOUR"]
NUMERALS = ["I", "II.", "III. ", "IV", "V.", "VI"]


def contents(first: str = "l.") -> str:
    rows = ["CONTENTS", "", "    INTRODUCTORY    page", "THE WHARF   *   *   *   *   7", ""]
    for k, title in enumerate(TITLES):
        numeral = first if k == 0 else NUMERALS[k].strip()
        rows += [f"    CHAPTER {numeral}", f"{title}   *   *   *   *   {20 + 9 * k}", "", ""]
    return "\n".join(rows) + "\n\n\n"


def test_bare_numerals_over_titles_listed_with_star_leaders_are_the_chapters() -> None:
    # (the list's `CHAPTER l.` reads fifty: a misread first entry is still the list's)
    body = "\n\n\n\n\n".join(
        f"{numeral}\n\n\n\n{title}\n\n\n\n{story(6)}"
        for numeral, title in zip(NUMERALS, TITLES, strict=True)
    )
    book = parse_text(contents() + "THE WHARF\n\n\n\n" + story(8) + "\n\n\n\n\n" + body)
    titles = [title for title, _ in headings(book)]
    numerals = [numeral.strip().rstrip(".") for numeral in NUMERALS]
    assert titles == ["THE WHARF"] + [f"{n}: {t}" for n, t in zip(numerals, TITLES, strict=True)]


def test_a_listed_chapter_printed_without_its_numeral_is_still_a_chapter() -> None:
    # Chapter V has only its title, spelled without the list's hyphen.
    parts = [
        f"{title.replace('NET-LOFT', 'NETLOFT')}"
        if numeral == "V."
        else f"{numeral}\n\n\n\n{title.replace('NET-LOFT', 'NETLOFT')}"
        for numeral, title in zip(NUMERALS, TITLES, strict=True)
    ]
    body = "\n\n\n\n\n".join(f"{part}\n\n\n\n{story(6)}" for part in parts)
    book = parse_text(contents("I.") + "THE WHARF\n\n\n\n" + story(8) + "\n\n\n\n\n" + body)
    titles = [title for title, _ in headings(book)]
    assert titles[2] == "II: THE NETLOFT"
    assert titles[5] == "THE STORM"
    assert len(titles) == 7


def test_letters_numbered_in_sequence_are_the_chapters_of_a_book_of_letters() -> None:
    numerals = ["I", "II.", "III [Written some weeks later]", "IV.", "V"]
    letters = "\n\n\n".join(
        f"LETTER {numeral}\n\nMISS MARSH TO THE REV. MR. HOLT Harbour Row, May {k + 2}.\n\n\n"
        f"Dear Sir,\n\n{story(5)}\n\nYour obedient servant, ADA MARSH."
        for k, numeral in enumerate(numerals)
    )
    book = parse_text(letters)
    assert [title.split(":")[0] for title, _ in headings(book)] == [
        "LETTER I",
        "LETTER II",
        "LETTER III",
        "LETTER IV",
        "LETTER V",
    ]


def test_a_letter_mentioned_alone_on_a_line_heads_nothing() -> None:
    book = parse_text(f"{story(4)}\n\nLetter 2\n\n{story(4)}")
    assert [line for _, line in headings(book)] == [None]


def test_a_numbered_title_running_on_to_the_next_line_is_the_chapter_the_run_lacks() -> None:
    titles = ["I. The Net Menders", "II. The Quay", "III. The Tide", "IV. The Lamps,", "V. Dawn"]
    parts = [
        f"{title}\n\nor The Keeper's Book" if title.endswith(",") else title for title in titles
    ]
    book = parse_text("\n\n\n\n".join(f"{part}\n\n\n{story(6)}" for part in parts))
    assert [title for title, _ in headings(book)] == [
        "I. The Net Menders",
        "II. The Quay",
        "III. The Tide",
        "IV. The Lamps",
        "V. Dawn",
    ]


def test_an_epilogue_divided_by_bare_numerals_has_those_for_chapters() -> None:
    chapters = [f"CHAPTER {numeral}\n\n{story(6)}" for numeral in ("I", "II", "III", "IV")]
    epilogue = f"EPILOGUE\n\nI\n\n{story(6)}\n\n\n\nII\n\n{story(6)}"
    book = parse_text("\n\n\n\n".join([*chapters, epilogue]))
    assert [title for title, _ in headings(book)][-3:] == ["CHAPTER IV", "I", "II"]


def test_an_epilogue_whose_numbers_do_not_start_under_it_is_one_chapter() -> None:
    chapters = [f"CHAPTER {numeral}\n\n{story(6)}" for numeral in ("I", "II", "III", "IV")]
    epilogue = f"EPILOGUE\n\n{story(6)}\n\nII\n\n{story(6)}\n\nIII\n\n{story(6)}"
    book = parse_text("\n\n\n\n".join([*chapters, epilogue]))
    assert [title for title, _ in headings(book)][-2:] == ["CHAPTER IV", "EPILOGUE"]


def test_chapters_numbered_within_volumes_are_each_a_chapter_however_short() -> None:
    # `Chapter 2.XLI.` and `Chapter 2.XLII.` share the volume's number, not the chapter's.
    numerals = ["XL", "XLI", "XLII", "XLIII"]
    body = "\n\n\n\n".join(
        f"Chapter 2.{numeral}.\n\n--I'll put him into breeches, said my father."
        if numeral == "XLI"
        else f"Chapter 2.{numeral}.\n\nWhen I reflect upon it, brother, I said, {story(3)}"
        for numeral in numerals
    )
    book = parse_text(body)
    assert [title for title, _ in headings(book)] == [f"Chapter 2: {n}." for n in numerals]


def test_a_contents_list_of_books_numbering_their_chapters_from_one_is_all_one_list() -> None:
    books = ["FIRST", "SECOND", "THIRD"]
    rows = ["TABLE OF CONTENTS.", "VOLUME I."]
    for book_name in books:
        rows += [f"     BOOK {book_name}."]
        rows += [
            f"     {n}.    The {t.title()}"
            for n, t in zip(("I", "II", "III"), TITLES, strict=False)
        ]
    chapters = []
    for book_name in books:
        chapters.append(f"BOOK {book_name}.")
        chapters += [
            f"CHAPTER {n}. THE {t}.\n\n{story(12)}"
            for n, t in (("I", "QUAY"), ("II", "TIDE"), ("III", "LAMPS"))
        ]
    book = parse_text("\n\n".join(rows) + "\n\n\n\n" + "\n\n\n\n".join(chapters))
    assert len(book.chapters) == 9
    assert all(title.startswith("CHAPTER") for title, _ in headings(book))


def letters_book(middle: str) -> str:
    return "\n\n\n".join(
        f"LETTER {numeral}\n\nEVELINA IN CONTINUATION\n\n{story(4)}"
        + (middle if numeral == "II" else "\n\n")
        + story(3)
        for numeral in ("I", "II", "III", "IV")
    )


def test_a_date_alone_inside_a_letter_opens_an_entry_added_later() -> None:
    book = parse_text(letters_book("\n\nJune 11th\n\n"))
    second = book.chapters[1]
    assert [book.paragraph(s.start).strip() for s in second.scenes][1] == "June 11th"
    assert [len(c.scenes) for c in book.chapters] == [1, 2, 1, 1]


def test_a_star_row_glued_under_a_paragraph_is_a_break_of_its_own() -> None:
    book = parse_text(letters_book("\n* * * * *\n\n"))
    assert [len(c.scenes) for c in book.chapters] == [1, 2, 1, 1]
    assert all("*" not in book.paragraph(s.start) for c in book.chapters for s in c.scenes)


def test_parts_counted_in_words_head_their_chapters_or_are_chapters_themselves() -> None:
    narratives = [
        "                 FIRST NARRATIVE\n\n      Contributed by MISS CLACK\n\n\n\n"
        f"CHAPTER I\n\n{story(8)}\n\n\n\nCHAPTER II\n\n{story(8)}",
        f"SECOND NARRATIVE\n\n\n\nExtracted from the Journal of EZRA JENNINGS\n\n\n{story(8)}",
        f"                 THIRD NARRATIVE\n\n      Contributed by SERGEANT CUFF\n\n{story(8)}",
    ]
    book = parse_text("\n\n\n\n".join(narratives))
    assert [(c.part, c.title.split(":")[0]) for c in book.chapters] == [
        ("FIRST NARRATIVE", "CHAPTER I"),
        ("FIRST NARRATIVE", "CHAPTER II"),
        ("", "SECOND NARRATIVE"),
        ("", "THIRD NARRATIVE"),
    ]


def test_two_lines_counted_in_words_are_no_parts() -> None:
    text = f"{story(5)}\n\nFIRST SIGHT\n\n{story(5)}\n\nSECOND SIGHT\n\n{story(5)}"
    assert [line for _, line in headings(parse_text(text))] == [None]


def test_a_count_from_two_running_to_three_divides_a_chapter_where_another_counts() -> None:
    # The prologue's sections start at II (the first has no numeral); a later narrative counts
    # its sections from I right under its heading.
    prologue = (
        f"PROLOGUE\n\n{story(4)}\n\nII\n\n{story(4)}\n\nIII\n\n{story(4)}\n\nIV\n\n{story(4)}"
    )
    chapters = [f"CHAPTER {n}\n\n{story(6)}" for n in ("I", "II", "III")]
    report = f"CHAPTER IV\n\nI\n\n{story(4)}\n\nII\n\n{story(4)}\n\nIII\n\n{story(4)}"
    book = parse_text("\n\n\n\n".join([prologue, *chapters, report]))
    assert [len(c.scenes) for c in book.chapters] == [4, 1, 1, 1, 3]
