"""A story's header repeated atop every chapter, FanFiction.Net style, is the chapter's notes.

FanFiction.Net authors write it as title, byline, summary, disclaimer and the chapter's heading
again. It is the chapter's notes, which skipping notes skips, with no second heading in the
text.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import epub_builders as eb
from shape_support import MORE, OTHER, PROSE, page, written

from tui.book.formats import open_book
from tui.book.model import Book, ParaKind
from tui.reading.navigation import past_notes

SUMMARY = "Summary: A keeper of a lighthouse finds a boat on the rocks and a child asleep in it."


def opening_kinds(book: Book, chapter: int, count: int) -> list[tuple[str, str]]:
    """(kind, text) of the first ``count`` paragraphs under a chapter's heading."""
    start = book.chapters[chapter].start + 1
    return [(ParaKind(book.kinds[i]).name, book.paragraph(i)) for i in range(start, start + count)]


def test_a_downloads_heading_over_the_stories_header_and_the_authors_heading(
    tmp_path: Path,
) -> None:
    chapters = []
    for k, name in enumerate(("The Second Child", "Astoria", "Serpents"), start=1):
        header = ["Harbour Lights", "by Keeper", SUMMARY, "* * *"]
        chapters.append("\n\n".join([f"*Chapter {k}*: {name}", *header, f"Chapter {k}: {name}"]))
        chapters[-1] += "\n\n" + "\n\n".join([PROSE, OTHER, MORE])
    path = written(tmp_path, "harbour.txt", "\n\n\n".join(["Harbour Lights", *chapters]) + "\n")
    book = open_book(path)
    assert [c.title for c in book.chapters][1] == "Chapter 2: Astoria"
    assert opening_kinds(book, 1, 6) == [
        ("NOTE", "Harbour Lights"),
        ("NOTE", "by Keeper"),
        ("NOTE", SUMMARY),
        ("NOTE", "* * *"),
        ("LABEL", "Chapter 2: Astoria"),
        ("TEXT", PROSE),
    ]
    heading = book.chapters[1].heading
    assert heading is not None
    assert book.paragraph(past_notes(book, heading)) == PROSE  # type: ignore[arg-type]


def test_an_epub_chapters_title_block_over_its_heading_again(tmp_path: Path) -> None:
    names = ("Haven", "Punch", "Doors", "Score")
    files: dict[str, str | bytes] = {}
    for k, name in enumerate(names, start=1):
        opening = f"<p>{SUMMARY}</p><p>Disclaimer: I own nothing.</p><hr/>" if k == 1 else ""
        body = (
            f"<h1>{k}. {name}</h1>{opening}<p><strong>STRANDED</strong></p><p>~.~</p>"
            f"<p>Chapter {k}: {name}.</p><p>.</p>" + eb.paras([PROSE, OTHER])
        )
        files[f"c{k}.xhtml"] = eb.xhtml(f"{k}. {name}", body)
    ids = [f"c{k}" for k in range(1, len(names) + 1)]
    items = [(i, f"{i}.xhtml", "application/xhtml+xml") for i in ids]
    metadata = '    <dc:title>Isolation</dc:title>\n    <dc:identifier id="uid">x</dc:identifier>'
    files["content.opf"] = eb.opf(items, ids, metadata, toc_id=None)
    book = open_book(eb.write_epub(tmp_path / "isolation.epub", files))
    assert [c.title for c in book.chapters] == [f"{k}. {n}" for k, n in enumerate(names, 1)]
    kinds = opening_kinds(book, 0, 8)
    assert [kind for kind, _ in kinds] == ["NOTE"] * 5 + ["LABEL", "LABEL", "TEXT"]
    assert kinds[5][1] == "Chapter 1: Haven."
    assert [kind for kind, _ in opening_kinds(book, 1, 5)] == [
        *("NOTE", "NOTE", "LABEL", "LABEL"),
        "TEXT",
    ]
    assert [s.first_words[:14] for s in book.chapters[0].scenes] == [PROSE[:14]]


def test_a_one_shot_page_opening_with_its_title_summary_and_disclaimer(tmp_path: Path) -> None:
    story = "".join(f"<p>{text}</p>" for text in (PROSE, OTHER, MORE, PROSE))
    header = (
        f"<p>Harbour Lights</p><p>{SUMMARY}</p><p>Disclaimer: I own nothing of it.</p>"
        "<p>Prologue</p>"
    )
    path = tmp_path / "harbour.html"
    path.write_text(page(header + story, title="Harbour Lights"), encoding="utf-8")
    book = open_book(path)
    assert len(book.chapters) == 1
    start = book.chapters[0].start
    kinds = [ParaKind(book.kinds[i]).name for i in range(start, start + 5)]
    assert kinds == ["NOTE", "NOTE", "NOTE", "LABEL", "TEXT"]
    assert book.paragraph(past_notes(book, start)) == PROSE  # type: ignore[arg-type]


def _numbered_over_names(names: list[str]) -> str:
    """A download whose chapters are `Chapter<TAB>N` over their names set in by a space."""
    lines = ["The Long Road", "", "by A. Writer", "", ""]
    for n, name in enumerate(names, start=1):
        lines += [f"Chapter\t{n}", f" {name}", "", PROSE, "", OTHER, "", MORE, "", ""]
    return "\n".join(lines)


def test_a_bare_chapter_number_is_named_by_the_line_set_in_right_under_it(
    tmp_path: Path,
) -> None:
    names = ["Year 1-Sirius' 'Logic'", "Confusion & Gobstones", "The Exams", "Broomsticks"]
    book = open_book(written(tmp_path, "story.txt", _numbered_over_names(names)))
    assert [c.title for c in book.chapters] == [
        f"Chapter {n}: {name}" for n, name in enumerate(names, start=1)
    ]
    # (the name is the heading's, not the first words of the chapter's story)
    assert not any(s.first_words.startswith(("Year", "Confusion")) for s in book.all_scenes())


def test_a_sentence_under_one_bare_number_is_the_story_not_its_name(tmp_path: Path) -> None:
    text = _numbered_over_names(["Short name", "Another", "Third"])
    text = text.replace(" Short name", " She ran.").replace(" Another", " He hid.")
    text = text.replace(" Third", " They waited.")
    book = open_book(written(tmp_path, "story.txt", text))
    assert [c.title for c in book.chapters] == ["Chapter 1", "Chapter 2", "Chapter 3"]
