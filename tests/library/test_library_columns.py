"""The library list's columns share the width by what the books hold; look-alikes stay apart."""

from __future__ import annotations

from library_support import HOUR, NOW
from rich.cells import cell_len

from tui.book.look_alikes import cut_name, look_alike_names
from tui.library.columns import (
    ColumnNeeds,
    fitted_cell,
    layout_columns,
    reading_state,
    short_ago,
    title_cell,
)
from tui.library.records import BookRecord


def _book(path: str, title: str, **kw) -> BookRecord:
    record = BookRecord(path, path, title=title, length=100_000, finish=99_000, words=50_000)
    record.chapters = 7
    for key, value in kw.items():
        setattr(record, key, value)
    return record


CLASSICS = [
    _book("/b/pg_frankenstein.txt.gz", "Frankenstein; Or, The Modern Prometheus",
          author="Mary Wollstonecraft Shelley"),
    _book("/b/pg_frankenstein.epub", "Frankenstein; Or, The Modern Prometheus",
          author="Mary Wollstonecraft Shelley", offset=40_000, last_read=NOW - 3 * HOUR),
    _book("/b/serial_84mb.txt", "King’s Proposal, Vol. 6: The Silver Fairy",
          author="Koushi Tachibana"),
    _book("/b/serial_copy.txt", "King’s Proposal, Vol. 6: The Silver Fairy",
          author="Koushi Tachibana"),
    _book("/b/pg_dracula.txt.gz", "Dracula", author="Bram Stoker"),
]  # fmt: skip


def _layout(width: int, books=CLASSICS, sort_key: str = "last_read"):
    names = look_alike_names((b.path, b.display_title, b.author or "") for b in books)
    return layout_columns(width, ColumnNeeds.of(books, NOW, names), sort_key), names


def test_a_column_empty_for_every_book_takes_no_room() -> None:
    for width in (60, 80, 120, 200):
        columns, _ = _layout(width)
        assert "fandom" not in [c.key for c in columns], width
        assert sum(c.width + 1 for c in columns) + 1 <= width


def test_the_title_gets_the_room_first_and_short_columns_go_compact_when_narrow() -> None:
    wide = {c.key: c for c in _layout(120)[0]}
    assert wide["title"].width >= 40 and not wide["status"].compact
    assert wide["author"].width >= 16  # `Mary Wollstonecraft …`, not `Mary Woll…`
    narrow = {c.key: c for c in _layout(80)[0]}
    assert "status" not in narrow and narrow["progress"].compact  # `finished`, `42%`, `new`
    assert narrow["last_read"].label == "Last" and narrow["last_read"].width <= 6
    assert narrow["title"].width >= 40
    sixty = {c.key: c for c in _layout(60)[0]}
    assert sixty["title"].width >= 30


def test_a_sorted_column_has_room_for_its_mark() -> None:
    for width in (60, 80, 120):
        columns, _ = _layout(width, sort_key="words")
        words = next(c for c in columns if c.key == "words")
        assert words.width >= len("Words ▼")


def test_without_books_every_width_fits() -> None:
    for width in (40, 50, 80, 100, 120, 200):
        columns = layout_columns(width)
        assert columns[0].key == "title"
        assert sum(c.width + 1 for c in columns) + 1 <= max(width, 40)


def test_compact_cells() -> None:
    assert short_ago(NOW - 3 * HOUR, NOW) == "3h"
    assert short_ago(NOW - 10, NOW) == "now"
    assert short_ago(NOW - 30 * HOUR, NOW) == "1d"
    assert [reading_state(b) for b in CLASSICS[:2]] == ["new", "40%"]
    assert reading_state(_book("/b/x", "X", offset=99_500)) == "finished"
    assert reading_state(_book("/b/x", "X", offset=10, new_chapters=3)) == "+3ch"


def test_a_finished_book_reads_finished_in_the_compact_column_too() -> None:
    """One word everywhere: the full columns, `chapbook list` and the README say finished."""
    books = [*CLASSICS, _book("/b/emma.txt", "Emma", offset=99_500, last_read=NOW - HOUR)]
    columns, _ = _layout(80, books)
    read = next(c for c in columns if c.key == "progress")
    assert read.compact and read.width >= len("finished")
    assert fitted_cell(reading_state(books[-1]), read.width, right=True).strip() == "finished"


def test_file_names_are_cut_keeping_what_differs() -> None:
    assert cut_name("serial_84mb.txt", ["serial_copy.txt"], 12) == "se…_84mb.txt"
    assert cut_name("serial_copy.txt", ["serial_84mb.txt"], 10) == "…_copy.txt"
    assert cut_name("pg_frankenstein.txt.gz", ["pg_frankenstein.epub"], 8) == "….txt.gz"
    assert cut_name("pg_frankenstein.epub", ["pg_frankenstein.txt.gz"], 8) == "pg….epub"
    short = cut_name("short.txt", ["other.txt"], 20)
    assert short == "short.txt"


def test_look_alike_titles_differ_at_80_and_60_columns() -> None:
    for width in (80, 60):
        columns, names = _layout(width)
        title = columns[0]
        cells = {
            b.path: title_cell(b.display_title, names.get(b.path), title.width) for b in CLASSICS
        }
        assert len(set(cells.values())) == len(cells), cells
        assert "84mb" in cells["/b/serial_84mb.txt"] and "copy" in cells["/b/serial_copy.txt"]
        assert "txt.gz" in cells["/b/pg_frankenstein.txt.gz"]
        assert "epub" in cells["/b/pg_frankenstein.epub"]
        assert cells["/b/pg_dracula.txt.gz"] == "Dracula"  # a title of its own is left alone


def test_two_copies_with_one_file_name_are_told_apart_by_their_folders() -> None:
    # The same download in two folders had read `…51cdaa057de6.txt` on both rows.
    books = [
        ("/home/r/fics/000_b30751cdaa057de6.txt", "Illusion of a Moment", ""),
        ("/srv/shared/corpus/000_b30751cdaa057de6.txt", "Illusion of a Moment", ""),
    ]
    names = look_alike_names(books)
    assert names[books[0][0]][0] == "fics/000_b30751cdaa057de6.txt"
    for width in (80, 40):
        cells = [title_cell("Illusion of a Moment", names[path], width) for path, _, _ in books]
        assert cells[0].endswith("fics/…") or cells[0].endswith("fics/000_b30751cdaa057de6.txt")
        assert "corpus/" in cells[1] and len(set(cells)) == 2, cells


def test_a_book_opened_at_its_title_page_is_read_not_new() -> None:
    # Opened and its first page read (the title page and summary), it said `new` and `–`:
    # once opened a book is being read, and says how far.
    opened = _book("/b/x", "X", start=3000, offset=800, within=30, last_read=NOW, started=False)
    assert opened.status == "reading" and reading_state(opened) == "0%"
    assert opened.only_opened  # (another copy of it may still take its place)
    opened.offset, opened.started = 2990, True
    assert opened.status == "reading" and reading_state(opened) == "2%"  # (rounded down)
    assert not opened.only_opened
    at_start = _book("/b/y", "Y", offset=40, started=False)  # opened, a line into the story
    assert at_start.status == "reading"
    never = _book("/b/z", "Z")
    assert never.status == "new" and reading_state(never) == "new" and never.only_opened


def test_a_place_kept_before_moves_were_noted_is_read_by_where_it_is() -> None:
    for offset, only_opened in ((800, True), (2990, True), (3000, False), (9000, False)):
        book = _book("/b/x", "X", start=3000, offset=offset, last_read=NOW, started=False)
        kept = book.to_toml()
        del kept["started"]  # an index written before
        record = BookRecord.from_toml(book.id, kept)
        assert record.only_opened is only_opened and record.status == "reading", offset
    moved = _book("/b/x", "X", start=3000, offset=800, started=True)
    assert not BookRecord.from_toml(moved.id, moved.to_toml()).only_opened
    opened = _book("/b/x", "X", start=3000, offset=3000, started=False)
    assert BookRecord.from_toml(opened.id, opened.to_toml()).only_opened


def test_a_fandom_held_by_one_book_waits_for_the_titles_and_authors() -> None:
    books = [*CLASSICS, _book("/b/tide.txt", "What the Tide Keeps", author="Maren Holloway",
                              fandom="Original Work")]  # fmt: skip
    for width, shown in ((60, False), (80, False), (120, True)):
        keys = [c.key for c in _layout(width, books)[0]]
        assert ("fandom" in keys) == shown, (width, keys)
        if "fandom" in keys:
            assert "author" in keys  # never the fandom in the author's place


def test_a_wide_terminal_shows_long_authors_and_fandoms_whole() -> None:
    fics = [
        _book("/f/a.html", "Fairyzilla", author="Fairyzilla (orphan_account), Someone Else Too",
              fandom="Fairy Tail, Harry Potter - J. K. Rowling, Naruto"),
        _book("/f/b.html", "A Much Longer Title of a Story", author="Kiri",
              fandom="Harry Potter - J. K. Rowling"),
    ]  # fmt: skip
    columns, _ = _layout(200, fics)
    widths = {c.key: c.width for c in columns}
    assert widths["author"] >= len("Fairyzilla (orphan_account), Someone Else Too")
    assert widths["fandom"] >= len("Fairy Tail, Harry Potter - J. K. Rowling, Naruto")
    # At 120 columns the title keeps its room first, and the names are cut.
    narrow = {c.key: c.width for c in _layout(120, fics)[0]}
    assert narrow.get("author", 0) < widths["author"]


def test_a_cell_is_fitted_by_terminal_cells_a_wide_character_taking_two() -> None:
    assert fitted_cell("三國志演義", 12) == "三國志演義  "  # ten cells, two of padding
    assert fitted_cell("三國志演義", 8) == "三國志 …"  # never half a character
    assert fitted_cell("三國志演義", 9) == "三國志演…"
    assert fitted_cell("42%", 5, right=True) == "  42%"
    assert fitted_cell("a\tb\nc", 6) == "a b c "


def test_the_column_the_list_is_sorted_by_stays_at_every_width() -> None:
    """Sorted by author, the author column is shown at any width that shows more than the
    title; sorted by words, the words column stays while others go. The columns always fit."""
    for width in range(22, 121):  # (below, not even the title and one more fit)
        for key in ("author", "words", "progress", "last_read"):
            columns = layout_columns(width, sort_key=key)
            keys = [c.key for c in columns]
            assert key in keys, (width, key, keys)
            assert sum(c.width + 1 for c in columns) <= width, (width, key, columns)


def test_narrow_look_alikes_show_what_tells_them_apart_before_the_title() -> None:
    # At 50 columns the title column had 20 cells: `Alice's Ad… · ….epub` beside
    # `Alice's Ad… · p….txt` named the format of one and no more of the other.
    title = "Alice's Adventures in Wonderland"
    names = ("pg_alice_epub3.epub", "pg_alice_epub2.epub", "pg_alice.txt")
    epub3 = title_cell(title, names, 20)
    epub2 = title_cell(title, (names[1], names[0], names[2]), 20)
    txt = title_cell(title, (names[2], names[0], names[1]), 20)
    assert epub3.endswith(" · …_epub3.epub") and epub2.endswith(" · …_epub2.epub"), (epub3, epub2)
    assert txt.endswith(".txt")
    for cell in (epub3, epub2, txt):
        assert cell.startswith("Alic") and cell_len(cell) <= 20, cell
