"""A chapter's heading wherever it shows: the title once, its marks gone, its places kept.

A chapter's heading on the page, in the contents, the status line, the bookmarks and the finder:
the title once, its emphasis marks and alt text gone, every place in the file kept; and the
quotes that lists make of the text, without its emphasis marks.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from reader_support import paragraph

from tui.book.anchor import Anchor, Bookmark, fingerprint, make_anchor, resolve_anchor
from tui.book.formats import open_book
from tui.book.heading_text import line_text, paragraph_text, title_line
from tui.book.model import Book, ParaKind, Section
from tui.book.rules.emphasis import plain_title
from tui.book.section_names import own_name
from tui.finder.book_finder import BookFinder
from tui.reading.bookmarks import bookmark_rows
from tui.reading.contents import contents_rows
from tui.reading.pager import LayoutOptions, Pager, Pos
from tui.reading.passage import passage_text
from tui.reading.progress import ProgressMeter
from tui.reading.row_marks import row_marks
from tui.reading.search import compile_query
from tui.reading.wrapping import RowKind

ROMAN = ["I", "II", "III", "IV", "V"]


def printed_book(titles: list[str]) -> str:
    """A printed book's layout, as Project Gutenberg keeps it: `CHAPTER II.` over its title
    line, paragraphs hard-wrapped, wide gaps around the headings."""
    parts = ["THE HARBOUR LEDGER", "By Tessaly Brook"]
    for n, title in enumerate(titles, 1):
        parts.append(f"CHAPTER {ROMAN[n - 1]}.\n{title}\n")
        parts += [textwrap.fill(paragraph(n * 7 + p, 5), 70) for p in range(6)]
    return "\n\n\n".join(parts) + "\n"


def converted_book() -> str:
    """An EPUB turned into text: each heading holds the alt text of its images."""
    parts = ["Cover: The Harbour Ledger, by Tessaly Brook"]
    for n, title in enumerate(["A Creeping Horror", "Into the RPG World", "The Festival"], 1):
        parts.append(f"Chapter {n} image {title} image")
        parts += [paragraph(n * 5 + p, 3) for p in range(5)]
    return "\n\n".join(parts) + "\n"


@pytest.fixture
def printed(tmp_path: Path) -> Book:
    path = tmp_path / "ledger.txt"
    titles = ["THE LANTERNS.", "MARA’S JOURNAL--_continued_", "THE LEDGER_S SECRET"]
    path.write_text(printed_book(titles), encoding="utf-8")
    return open_book(path)


@pytest.fixture
def converted(tmp_path: Path) -> Book:
    path = tmp_path / "festival.txt"
    path.write_text(converted_book(), encoding="utf-8")
    return open_book(path)


def heading_rows(book: Book, chapter: int) -> list[tuple[RowKind, str]]:
    """The rows from a chapter's start to its first line of prose."""
    pager = Pager(book, LayoutOptions(column=60), 20)
    pager.go_to(Pos(book.chapters[chapter].start))
    rows = []
    for row in pager.screen():
        if row.kind == RowKind.TEXT:
            break
        rows.append((row.kind, row.text.strip()))
    return rows


# -- titles ----------------------------------------------------------------------------------


def test_plain_title_drops_only_the_underscores_of_emphasis() -> None:
    assert plain_title("JONATHAN HARKER’S JOURNAL--_continued_") == (
        "JONATHAN HARKER’S JOURNAL--continued"
    )
    assert plain_title("_The Country of the Saints._") == "The Country of the Saints."
    assert plain_title("(_Being a reprint of_ JOHN WATSON)") == "(Being a reprint of JOHN WATSON)"
    for kept in ("snake_case and __init__", "THE LEDGER_S SECRET", "a lone _ mark", "_ spaced _"):
        assert plain_title(kept) == kept


def test_chapter_titles_join_the_title_line_without_its_emphasis(printed: Book) -> None:
    assert [c.title for c in printed.chapters] == [
        "CHAPTER I: THE LANTERNS.",
        "CHAPTER II: MARA’S JOURNAL--continued",
        "CHAPTER III: THE LEDGER_S SECRET",
    ]
    # The contents and the status line name the chapter by the same title.
    chapter_rows = [r.title for r in contents_rows(printed) if r.matter is None]
    assert chapter_rows == [c.title for c in printed.chapters]
    second = printed.chapters[1]
    assert ProgressMeter(printed).place(second.start + 3) == second.title


# -- the page ----------------------------------------------------------------------------------


def test_the_page_shows_the_heading_once_as_the_book_sets_it(printed: Book) -> None:
    assert heading_rows(printed, 1) == [
        (RowKind.BLANK, ""),
        (RowKind.HEADING, "CHAPTER II."),
        (RowKind.HEADING, "MARA’S JOURNAL--continued"),  # right under it, one heading
        (RowKind.BLANK, ""),
    ]
    assert heading_rows(printed, 0)[:3] == [
        (RowKind.BLANK, ""),
        (RowKind.HEADING, "CHAPTER I."),
        (RowKind.HEADING, "THE LANTERNS."),
    ]


def test_a_heading_the_title_cleans_shows_the_clean_title(converted: Book) -> None:
    assert [c.title for c in converted.chapters] == [
        "Chapter 1: A Creeping Horror",
        "Chapter 2: Into the RPG World",
        "Chapter 3: The Festival",
    ]
    assert heading_rows(converted, 1) == [
        (RowKind.BLANK, ""),
        (RowKind.HEADING, "Chapter 2: Into the RPG World"),
        (RowKind.BLANK, ""),
    ]


def test_a_heading_of_one_line_shows_the_books_own_words(tmp_path: Path) -> None:
    # Moby-Dick's layout: each heading one line, its number and title apart by a full stop.
    titles = ["Loomings.", "The Carpet-Bag.", "The Whiteness of the Whale."]
    parts = ["MOBY-DICK", "By Herman Melville"]
    for n, title in enumerate(titles, 41):
        parts.append(f"CHAPTER {n}. {title}")
        parts += [textwrap.fill(paragraph(n * 3 + p, 5), 70) for p in range(5)]
    path = tmp_path / "whale.txt"
    path.write_text("\n\n\n".join(parts) + "\n", encoding="utf-8")
    book = open_book(path)
    # The contents and the status line name it in their own form ...
    assert book.chapters[2].title == "CHAPTER 43: The Whiteness of the Whale."
    # ... the page shows the heading as the book words it, full stop and all.
    assert heading_rows(book, 2) == [
        (RowKind.BLANK, ""),
        (RowKind.HEADING, "CHAPTER 43. The Whiteness of the Whale."),
        (RowKind.BLANK, ""),
    ]
    assert line_text(book, book.chapters[2].heading) == "CHAPTER 43. The Whiteness of the Whale."


def test_places_in_the_title_line_keep_to_the_file(printed: Book) -> None:
    chapter = printed.chapters[1]
    below = title_line(printed, chapter)
    assert below == chapter.heading + 1
    # The stored paragraph is the file's own: anchors saved before still find their place.
    assert printed.paragraph(below) == "MARA’S JOURNAL--_continued_"
    old = Anchor(printed.starts[below], fingerprint("MARA’S JOURNAL--_continued_"))
    assert resolve_anchor(printed, old) == (printed.starts[below], True)
    assert make_anchor(printed, printed.starts[below]).fingerprint == old.fingerprint
    pager = Pager(printed, LayoutOptions(column=60), 20)
    # Every character of the line maps to the row that shows it and back.
    start = printed.starts[below]
    for offset in (start, start + printed.paragraph(below).index("continued")):
        pos = pager.pos_of_offset(offset)
        assert pos.para == below
        row = pager.block(pos.para, pos.piece)[pos.row]
        assert row.text.strip() == "MARA’S JOURNAL--continued"
    assert pager.offset_of(pager.pos_of_offset(start)) == start
    # A place between the heading and its title line (no blank row now) lands on the line.
    assert pager.pos_of_offset(printed.ends[chapter.heading] + 1) == Pos(below)


def test_a_search_hit_in_the_title_line_is_marked_on_its_words(printed: Book) -> None:
    chapter = printed.chapters[1]
    below = chapter.heading + 1
    pager = Pager(printed, LayoutOptions(column=60), 20)
    pattern = compile_query("continued")
    hit = pattern.search(printed.text, printed.starts[below])
    assert hit is not None and printed.para_at(hit.start()) == below
    pos = pager.pos_of_offset(hit.start())
    row = pager.block(pos.para, pos.piece)[pos.row]
    marks = row_marks(row, pager, selected=None, pattern=pattern, current=hit.span(), matches={})
    marked = {row.text[a:b] for a, b, _ in marks}
    assert marked == {"continued"}


# -- snippets, excerpts and previews -------------------------------------------------------------


def test_a_heading_quoted_alone_gives_its_clean_title(printed: Book, converted: Book) -> None:
    second = converted.chapters[1]
    assert converted.paragraph(second.heading) == "Chapter 2 image Into the RPG World image"
    assert paragraph_text(converted, second.heading) == "Chapter 2: Into the RPG World"
    assert line_text(converted, second.heading) == "Chapter 2: Into the RPG World"
    head = printed.chapters[1].heading
    assert paragraph_text(printed, head) == "CHAPTER II: MARA’S JOURNAL--continued"
    # Its title line follows on the page; its own line is as the book writes it.
    assert line_text(printed, head) == "CHAPTER II."
    assert paragraph_text(printed, head + 1) == "MARA’S JOURNAL--continued"
    prose = head + 2
    assert paragraph_text(printed, prose) == printed.paragraph(prose)
    # A copy of the heading and its title line reads as the page; the heading alone, whole.
    assert passage_text(printed, head, head + 1) == "CHAPTER II.\n\nMARA’S JOURNAL--continued"
    assert passage_text(printed, head, head) == "CHAPTER II: MARA’S JOURNAL--continued"


def test_a_bookmark_on_a_heading_quotes_the_clean_title(converted: Book) -> None:
    heading = converted.chapters[1].heading
    assert heading is not None
    mark = Bookmark(make_anchor(converted, converted.starts[heading]), "RPG start")
    [row] = bookmark_rows(ProgressMeter(converted), [mark])
    assert row.place == "Chapter 2: Into the RPG World"
    # The words quoted are the chapter's first, which its heading (the place) does not say.
    assert row.snippet.startswith("Tea went cold") and "image" not in row.snippet


def test_finder_excerpts_and_previews_show_the_clean_title(converted: Book) -> None:
    heading = converted.chapters[1].heading
    assert heading is not None
    mark = Bookmark(make_anchor(converted, converted.starts[heading]), "RPG start")
    finder = BookFinder(converted, [mark])
    assert finder.build()
    raw = "image"
    [bookmark] = [h for h in finder.search("") if h.kind == "bookmark"]
    assert bookmark.detail == "Chapter 2: Into the RPG World"
    for hit in finder.search("into the rpg world", typing=False):
        assert raw not in hit.label and raw not in hit.detail, hit
        assert raw not in finder.preview(hit).body
    passages = finder.search("/rpg world", typing=False)
    assert passages and passages[0].label == "Chapter 2: Into the RPG World"
    preview = finder.preview(passages[0]).body
    assert preview.splitlines()[0] == "Chapter 2: Into the RPG World"


def test_a_preview_of_a_printed_heading_says_its_title_once(printed: Book) -> None:
    finder = BookFinder(printed)
    assert finder.build()
    passages = finder.search("/journal continued", typing=False)
    assert passages, "the title line is found"
    heading = printed.chapters[1].heading
    assert heading is not None
    preview = finder.preview(passages[0]).body.splitlines()
    assert preview[0] == "MARA’S JOURNAL--continued"
    assert sum("JOURNAL" in line for line in preview) == 1
    assert all(printed.kinds[p] != ParaKind.HEADING for p in range(heading + 2, heading + 4))


def diary_book() -> str:
    """A journal kept as Project Gutenberg prints it: each entry opens with its date in
    underscores (`_29 October._--`), the text's mark for italics."""
    parts = ["THE HARBOUR LEDGER", "By Tessaly Brook"]
    for n, day in enumerate(["29 October", "30 October"], 1):
        parts.append(f"CHAPTER {ROMAN[n - 1]}.")
        for entry in range(3):
            parts.append(f"_{day}, {entry + 1} p. m._--{paragraph(n * 3 + entry, 4)}")
            parts.append(paragraph(n * 3 + entry + 1, 5))
            parts.append("* * * * *")
    return "\n\n\n".join(parts[:-1]) + "\n"


@pytest.fixture
def diary(tmp_path: Path) -> Book:
    path = tmp_path / "diary.txt"
    path.write_text(diary_book(), encoding="utf-8")
    return open_book(path)


def test_labels_and_quotes_in_lists_drop_the_underscores_of_emphasis(diary: Book) -> None:
    entry = next(i for i in range(len(diary)) if diary.paragraph(i).startswith("_30 October, 2"))
    # The book's own text keeps its marks: the page shows what the file says.
    assert diary.paragraph(entry).startswith("_30 October, 2 p. m._--")
    assert paragraph_text(diary, entry).startswith("_30 October, 2 p. m._--")
    scene = diary.scene_at(entry)
    assert scene is not None and scene.start == entry
    assert scene.first_words.startswith("30 October, 2 p. m.--")
    assert "_" not in scene.label()
    assert all("_" not in row.title for row in contents_rows(diary))
    # A bookmark's quote and the finder's excerpts quote the words without the marks.
    mark = Bookmark(make_anchor(diary, diary.starts[entry]), "")
    [row] = bookmark_rows(ProgressMeter(diary), [mark])
    assert row.snippet.startswith("30 October, 2 p. m.--")
    finder = BookFinder(diary, [mark])
    assert finder.build()
    hits = finder.search("/30 october", typing=False)
    assert hits and all("_" not in hit.label for hit in hits)
    assert hits[0].label.startswith("30 October, 1 p. m.--")
    [bookmark] = [h for h in finder.search("") if h.kind == "bookmark"]
    assert bookmark.detail.startswith("30 October, 2 p. m.--")
    for hit in finder.search("october ferryman", typing=False):
        assert "_" not in hit.label and "_" not in hit.detail, hit


def test_an_end_matter_heading_with_alt_text_shows_clean(tmp_path: Path) -> None:
    path = tmp_path / "festival.txt"
    afterword = "Long time no see. Thank you for reading the third volume of the ledger."
    path.write_text(converted_book() + f"\n\nimage Afterword image\n\n{afterword}\n", "utf-8")
    book = open_book(path)
    [section] = book.end_matter
    assert section.heading is not None
    assert book.paragraph(section.heading) == "image Afterword image"
    # The page, the status line, a quote of it and the finder all say `Afterword`.
    pager = Pager(book, LayoutOptions(column=60), 20)
    rows = [row.text.strip() for row in pager.block(section.heading, 0)]
    assert [row for row in rows if row] == ["Afterword"]
    assert ProgressMeter(book).place(section.start) == "Afterword"
    # A part of the matter named by its heading gets the clean name too.
    unnamed = Section("appendix", section.heading, section.start, section.end)
    assert own_name(book, unnamed) == "Afterword"
    assert paragraph_text(book, section.heading) == "Afterword"
    assert line_text(book, section.heading) == "Afterword"
    finder = BookFinder(book)
    assert finder.build()
    hits = finder.search("/afterword", typing=False)
    assert hits and hits[0].label == "Afterword"
    assert "image" not in finder.preview(hits[0]).body
    # The chapter headings written the same way are clean as before.
    assert heading_rows(book, 1)[1] == (RowKind.HEADING, "Chapter 2: Into the RPG World")


def test_a_front_matter_label_between_ornaments_is_named_without_them(tmp_path: Path) -> None:
    path = tmp_path / "down.txt"
    chapters = "".join(
        f"========= CHAPTER {n} =========\n\n"
        + "".join(f"Paragraph {k} of chapter {n} goes on for a while here.\n\n" for k in range(6))
        for n in range(1, 4)
    )
    blurbs = "He sparkles! He fizzes! Science fiction needs him!\n\nSomeone, Author of Something\n"
    path.write_text(f"The Magic Kingdom\n\n======= Blurbs: =======\n\n{blurbs}\n\n{chapters}")
    book = open_book(path)
    [front] = [s for s in book.front_matter if s.heading is not None]
    assert book.paragraph(front.heading) == "======= Blurbs: ======="
    # The outline, the contents and the status line call the page `Blurbs`.
    assert own_name(book, front) == "Blurbs"
    assert ProgressMeter(book).place(front.start) == "Blurbs"
    assert "Blurbs" in [row.title for row in contents_rows(book)]
