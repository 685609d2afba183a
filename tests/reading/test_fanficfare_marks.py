"""FanFicFare's emphasis marks, written where emphasis turns on and off, read as emphasis.

FanFicFare's text files write emphasis marks where the page's emphasis turns on and off
(`_"__So…stem." … jam. _`, `**Toy Leaf **jam **Toy**`): in a book that writes them so
throughout, the page and the outline's labels read them as emphasis, never as text; a mark that
is text (a username's `_`, a rating's `**`) stays, and so do other books' marks.
"""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.book.model import Book
from tui.book.rules.emphasis import toggles_marks
from tui.reading.shown_text import ShownCache

FANFIC = Path(__file__).resolve().parents[1] / "fixtures" / "fanfic"


def fanficfare_story(tmp_path: Path) -> Book:
    """A story as FanFicFare writes it as text: its header, `Chapter N` over a title line,
    italics and bold as html2text marks them."""
    chapter_one = [
        "Written for **Mara Quill **and **the Harbour Club**.",
        "* * *",
        '_"__Where is the lantern?" she asked, and the quay went quiet. _',
        "_She waited. _Idris_ said nothing at all about the ledger._",
        "Rain had come early that year, and the canals rose to the second step.",
        "The ferryman sent a note signed lost_boy, and rated the trip ** of five.",
    ]
    chapter_two = [
        '_"__Tomorrow," he said._',
        "The market smelled of wet rope, oranges and lamp oil, and nobody minded.",
        "_By the time the bells rang, the boat was already past the breakwater._",
    ]
    parts = ["Lanterns", "by Tessaly Brook", "Category: Original\nPublisher: www.fanfiction.net"]
    parts += ["Chapter 1\nThe Quay", *chapter_one, "Chapter 2\nThe Bells", *chapter_two]
    path = tmp_path / "lanterns.txt"
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return open_book(path)


def shown(book: Book, starting: str):
    para = next(i for i in range(len(book)) if book.paragraph(i).startswith(starting))
    return ShownCache(book)(para)


def test_the_page_reads_fanficfare_marks_as_emphasis(tmp_path: Path) -> None:
    book = fanficfare_story(tmp_path)
    assert toggles_marks(book)
    quote = shown(book, '_"__Where')
    assert quote.text.rstrip() == '"Where is the lantern?" she asked, and the quay went quiet.'
    assert quote.emphasis == ((0, 1), (1, len(quote.text)))  # all of it in italics
    aside = shown(book, "_She waited.")
    assert aside.text == "She waited. Idris said nothing at all about the ledger."
    # italics off for the name, on again after it
    assert [aside.text[a:b] for a, b in aside.emphasis] == [
        "She waited. ",
        " said nothing at all about the ledger.",
    ]
    dedication = shown(book, "Written for")
    assert dedication.text == "Written for Mara Quill and the Harbour Club."
    assert [dedication.text[a:b] for a, b in dedication.bold] == ["Mara Quill ", "the Harbour Club"]


def test_marks_that_are_text_stay(tmp_path: Path) -> None:
    book = fanficfare_story(tmp_path)
    note = shown(book, "The ferryman sent")
    assert note.text == "The ferryman sent a note signed lost_boy, and rated the trip ** of five."
    assert not note.emphasis and not note.bold


def test_the_outline_labels_leave_the_marks_out(tmp_path: Path) -> None:
    book = fanficfare_story(tmp_path)
    labels = [scene.first_words for chapter in book.chapters for scene in chapter.scenes]
    assert labels[0] == "Written for Mara Quill and the"
    assert not any("*" in label or "_" in label for label in labels)


def test_the_blueberry_pie_download_shows_no_stray_marks() -> None:
    book = open_book(FANFIC / "ffn_fanficfare_txt_blueberry_pie.txt.gz")
    page = ShownCache(book)
    chapter = book.chapters[4]
    texts = [page(para).text for para in range(chapter.start, chapter.end)]
    assert any(text.startswith('"So tomato rope stem."') for text in texts)
    assert not any("_" in text for text in texts)
    assert book.chapters[0].scenes[0].first_words.startswith("Written for Toy Leaf")


def test_a_gutenberg_book_keeps_reading_its_marks_in_pairs() -> None:
    book = open_book(FANFIC.parent / "real" / "pg_dracula.txt.gz")
    assert not toggles_marks(book)
