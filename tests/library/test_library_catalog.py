"""What the library list shows: sort orders, the fuzzy filter, relative times, status cells."""

from __future__ import annotations

from library_support import DAY, HOUR, NOW

from tui.library.catalog import (
    BookFilter,
    format_ago,
    format_words,
    sort_records,
    status_text,
)
from tui.library.records import BookRecord


def _book(n: int, title: str, **kw) -> BookRecord:
    record = BookRecord(f"{n:016x}", f"/books/{n}.txt", title=title, length=10_000, finish=9_000)
    for key, value in kw.items():
        setattr(record, key, value)
    return record


BOOKS = [
    _book(1, "The Lantern Keeper", author="Mira Vale", fandom="Harbour Lights", words=52_000,
          tags="Slow Burn, Found Family", last_read=NOW - 2 * HOUR, offset=5000,
          added=NOW - 9 * DAY),
    _book(2, "Part 10: Winter", author="ash", fandom="Skyward Academy", words=1_200,
          tags="Angst", last_read=NOW - 3 * DAY, offset=100, added=NOW - 3 * DAY),
    _book(3, "Part 2: Autumn", author="Ash", fandom="Skyward Academy", words=980_000,
          tags="Fluff, Time Travel", added=NOW - DAY),
    _book(4, "A Quiet Harbour", author=None, fandom="", words=7_000,
          tags="Hurt/Comfort", last_read=NOW - 30, offset=9_500, added=NOW - 20 * DAY),
]  # fmt: skip


def _titles(records: list[BookRecord]) -> list[str]:
    return [r.title for r in records]


def test_last_read_puts_the_latest_first_and_unread_books_last() -> None:
    assert _titles(sort_records(BOOKS, "last_read")) == [
        "A Quiet Harbour",
        "The Lantern Keeper",
        "Part 10: Winter",
        "Part 2: Autumn",
    ]


def test_titles_sort_naturally_ignoring_case_and_articles() -> None:
    assert _titles(sort_records(BOOKS, "title")) == [
        "The Lantern Keeper",
        "Part 2: Autumn",
        "Part 10: Winter",
        "A Quiet Harbour",
    ]
    assert _titles(sort_records(BOOKS, "title", reverse=True))[0] == "A Quiet Harbour"


def test_other_sort_keys() -> None:
    assert _titles(sort_records(BOOKS, "words"))[0] == "Part 2: Autumn"
    assert _titles(sort_records(BOOKS, "progress"))[0] == "A Quiet Harbour"  # finished
    assert _titles(sort_records(BOOKS, "added"))[0] == "Part 2: Autumn"
    by_author = _titles(sort_records(BOOKS, "author"))
    assert by_author[-1] == "A Quiet Harbour"  # no author: last


def test_authors_sort_by_surname_and_pen_names_as_written() -> None:
    authors = [
        "Franz Kafka",
        "Bram Stoker",
        "jeconais",
        "Mary Wollstonecraft Shelley",
        "Shelley, Percy Bysshe",
        "Martin Luther King Jr.",
        "Terry Pratchett and Neil Gaiman",
        "",
    ]
    books = [_book(n, f"Book {n}", author=a) for n, a in enumerate(authors)]
    assert [r.author for r in sort_records(books, "author")] == [
        "jeconais",
        "Franz Kafka",
        "Martin Luther King Jr.",
        "Terry Pratchett and Neil Gaiman",
        "Mary Wollstonecraft Shelley",
        "Shelley, Percy Bysshe",
        "Bram Stoker",
        "",
    ]


def test_handles_and_pseuds_are_filed_as_written() -> None:
    """AO3 handles are no first name and surname: `Code 44` goes under C, not among the
    numbers, and a pseud under itself, not under its account in brackets."""
    authors = ["Code 44", "Alias (anafabula)", "Novel 2023", "Bram Stoker", "71star"]
    books = [_book(n, f"Book {n}", author=a) for n, a in enumerate(authors)]
    assert [r.author for r in sort_records(books, "author")] == [
        "71star",
        "Alias (anafabula)",
        "Code 44",
        "Novel 2023",
        "Bram Stoker",
    ]


def test_a_surname_with_its_particle_is_filed_whole() -> None:
    authors = ["Joseph Sheridan Le Fanu", "Daphne du Maurier", "Lewis Carroll", "Ian Fleming"]
    books = [_book(n, f"Book {n}", author=a) for n, a in enumerate(authors)]
    assert [r.author for r in sort_records(books, "author")] == [
        "Lewis Carroll",
        "Daphne du Maurier",
        "Ian Fleming",
        "Joseph Sheridan Le Fanu",
    ]


def test_the_filter_matches_title_author_fandom_and_tags_fuzzily() -> None:
    flt = BookFilter()
    assert _titles(flt.apply(BOOKS, "lanturn")) == ["The Lantern Keeper"]  # a typo
    assert _titles(flt.apply(BOOKS, "mira")) == ["The Lantern Keeper"]  # author
    assert _titles(flt.apply(BOOKS, "skyward")) == ["Part 10: Winter", "Part 2: Autumn"]
    assert _titles(flt.apply(BOOKS, "time travel")) == ["Part 2: Autumn"]  # tags
    assert _titles(flt.apply(BOOKS, "skyward angst")) == ["Part 10: Winter"]  # every word
    assert flt.apply(BOOKS, "zeppelin") == []
    assert flt.apply(BOOKS, "  ") == BOOKS


def test_a_slip_counts_at_the_start_of_a_word_not_inside_another() -> None:
    # `teen wolf` had matched Frankenstein: `tein` in frankenstein, `woll` in Wollstonecraft.
    frankenstein = BookRecord(
        id="f", path="/b/f.txt", title="Frankenstein", author="Mary Wollstonecraft Shelley"
    )
    wolf = BookRecord(id="w", path="/b/w.txt", title="Howl at the Moon", fandom="Teen Wolf")
    flt = BookFilter()
    assert _titles(flt.apply([frankenstein, wolf], "teen wolf")) == ["Howl at the Moon"]
    assert _titles(flt.apply([frankenstein, wolf], "tene wolf")) == ["Howl at the Moon"]
    assert _titles(flt.apply([frankenstein, wolf], "stein")) == ["Frankenstein"]  # whole
    assert _titles(flt.apply([frankenstein, wolf], "wolstonecraft")) == ["Frankenstein"]
    # The best window may start on the space before the word: still a slip in that word.
    tolstoy = BookRecord(id="t", path="/b/t.epub", title="War and Peace", author="Leo Tolstoy")
    jungle = BookRecord(id="j", path="/b/j.txt", title="The Jungle Book", author="Kipling")
    assert _titles(flt.apply([tolstoy, jungle, frankenstein], "tolstoi")) == ["War and Peace"]
    assert _titles(flt.apply([tolstoy, jungle, frankenstein], "jungel")) == ["The Jungle Book"]


def test_a_three_letter_word_may_miss_one_letter_of_a_word_as_in_the_finder() -> None:
    """`moby dik` and `karenina ana` found nothing: three letters were matched only as typed.
    One letter missing after the first counts, as in the library's finder; nothing more."""
    moby = BookRecord(id="m", path="/b/m.txt", title="Moby Dick", author="Herman Melville")
    anna = BookRecord(id="a", path="/b/a.txt", title="Anna Karenina", author="Leo Tolstoy")
    hand = BookRecord(id="h", path="/b/h.txt", title="The Hand of Ethelberta")
    cranford = BookRecord(id="c", path="/b/c.txt", title="Cranford")
    frankenstein = BookRecord(id="f", path="/b/f.txt", title="Frankenstein")
    books = [moby, anna, hand, cranford, frankenstein]
    flt = BookFilter()
    assert _titles(flt.apply(books, "moby dik")) == ["Moby Dick"]
    assert _titles(flt.apply(books, "karenina ana")) == ["Anna Karenina"]
    assert _titles(flt.apply(books, "cran")) == ["Cranford"]
    assert flt.apply(books, "dkc") == []  # a slip more than a letter missing


def test_the_filter_keeps_the_order_it_is_given() -> None:
    ordered = sort_records(BOOKS, "title", reverse=True)
    assert _titles(BookFilter().apply(ordered, "part")) == ["Part 10: Winter", "Part 2: Autumn"]


def test_the_best_match_holds_the_words_as_typed_and_the_order_stays() -> None:
    # `morse` also matches a book tagged `horse` (one letter off): the list keeps its order,
    # and the best match, where the highlight and Enter go, is the one that says Morse.
    crise = BookRecord(id="c", path="/b/c.html", title="Crise", tags="Horse Riding")
    morse = BookRecord(id="m", path="/b/m.md", title="Morse Four")
    flt = BookFilter()
    found = flt.apply([crise, morse], "morse")
    assert _titles(found) == ["Crise", "Morse Four"]
    assert flt.best(found, "morse") is morse
    assert flt.best([crise], "morse") is crise  # no book as typed: the first
    assert flt.best([], "morse") is None


def test_the_best_match_is_a_title_that_begins_with_the_words_typed() -> None:
    """`gone`: the book called Gone, not a fic above it whose tags hold Goneril (the words at
    the start of a word there too); then a whole word before the start of one."""
    lear = BookRecord(id="l", path="/b/l.txt", title="Daughters", tags="Goneril, Regan")
    gone = BookRecord(id="g", path="/b/g.txt", title="gone")
    flt = BookFilter()
    found = flt.apply([lear, gone], "gone")
    assert _titles(found) == ["Daughters", "gone"]  # the list's order stays
    assert flt.best(found, "gone") is gone
    assert flt.best(found, "Gone ") is gone
    assert flt.best(found, "gon") is gone  # as it is typed
    gone_tagged = BookRecord(id="t", path="/b/t.txt", title="Daughters II", tags="Gone Girl")
    assert flt.best([lear, gone_tagged], "gone") is gone_tagged  # a whole word
    storm = BookRecord(id="s", path="/b/s.txt", title="Stormy Weather")
    stormy = BookRecord(id="y", path="/b/y.txt", title="Storm Front")
    assert flt.best([storm, stormy], "storm") is stormy  # the title's first word whole


def test_relative_times() -> None:
    assert format_ago(0, NOW) == "never"
    assert format_ago(NOW - 10, NOW) == "just now"
    assert format_ago(NOW - 5 * 60, NOW) == "5m ago"
    assert format_ago(NOW - 3 * HOUR, NOW) == "3h ago"
    assert format_ago(NOW - 1.5 * DAY, NOW) == "yesterday"
    assert format_ago(NOW - 4 * DAY, NOW) == "4d ago"
    assert format_ago(NOW - 21 * DAY, NOW) == "3w ago"
    assert format_ago(NOW - 100 * DAY, NOW) == "3mo ago"
    assert format_ago(NOW - 800 * DAY, NOW) == "2y ago"


def test_word_counts_and_status_cells() -> None:
    assert [format_words(n) for n in (950, 12_345, 480_000, 2_500_000)] == [
        "950",
        "12.3k",
        "480k",
        "2.5M",
    ]
    # Rounded first, then written in the next unit up: never `100.0k` beside `104k`.
    assert [format_words(n) for n in (99_960, 999_600)] == ["100k", "1.0M"]
    updated = _book(5, "U", new_chapters=2, offset=10)
    missing = _book(6, "M", missing=True, new_chapters=2)
    assert status_text(updated) == "updated +2"
    assert status_text(missing) == "missing"
    assert [status_text(b) for b in BOOKS] == ["reading", "reading", "new", "finished"]
