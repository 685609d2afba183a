"""EPUB and HTML books built by the tests: exact outlines, matter, metadata, styles, images."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures import epub_ao3 as ao3
from fixtures import epub_fanficfare as fff
from fixtures import epub_novels as novels
from fixtures.epub_builders import build
from support_engine import kinds_of

from tui.book.formats import open_book
from tui.book.model import Book, ParaKind


def outline(book: Book) -> list[tuple[str, int]]:
    """(chapter title, number of scenes) for every chapter."""
    return [(c.title, len(c.scenes)) for c in book.chapters]


AO3_OUTLINE = [(t, n) for t, n in zip(ao3.AO3_CHAPTERS, ao3.AO3_SCENES, strict=True)]
FFF_OUTLINE = [(t, n) for t, n in zip(fff.FFF_CHAPTERS, fff.FFF_SCENES, strict=True)]


@pytest.fixture(params=[ao3.ao3_epub, ao3.ao3_html], ids=lambda builder: builder.__name__)
def ao3_book(request: pytest.FixtureRequest, tmp_path: Path) -> Book:
    return open_book(build(request.param, tmp_path, "work"))


def test_ao3_outline_is_exact(ao3_book: Book) -> None:
    assert outline(ao3_book) == AO3_OUTLINE
    assert ao3_book.title == ao3.AO3_TITLE
    assert ao3_book.author == ao3.AO3_AUTHOR
    assert ao3_book.style == "markup"
    assert ao3_book.notices == []


def test_ao3_preface_is_front_matter_with_its_tags(ao3_book: Book) -> None:
    kinds = [s.kind for s in ao3_book.front_matter]
    assert kinds == ["title", "metadata", "title", "summary", "notes"]
    meta = ao3_book.meta
    assert meta["rating"] == "Teen And Up Audiences"
    assert meta["fandom"] == ["Harbour Lights (TV)"]
    assert meta["relationships"] == ["Wren/Tobias"]
    assert meta["characters"] == ["Wren", "Tobias", "Marisol"]
    assert meta["tags"] == ["Slow Burn", "Lighthouses"]
    assert meta["summary"].startswith("Two keepers, one ledger")
    assert meta["notes"] == "Written for the harbour exchange\xa0— thank you, M!"
    assert meta["url"] == "https://archiveofourown.org/works/123456"
    # Nothing of the preface is a chapter or a scene.
    first = ao3_book.chapters[0]
    assert all(s.end <= first.start for s in ao3_book.front_matter)


def test_ao3_chapter_notes_are_notes_and_end_notes_end_matter(ao3_book: Book) -> None:
    notes = kinds_of(ao3_book, ParaKind.NOTE)
    assert notes == [
        "Chapter Notes",
        "This one took a while.",
        "See the end of the chapter for more notes",
        "Chapter End Notes",
        "Thank you for reading!",
    ]
    # (no section for AO3's `Afterword` heading, which its style sheet hides)
    assert [s.kind for s in ao3_book.end_matter] == ["end_notes", "afterword"]
    assert ao3_book.meta["end_notes"] == "The drowned orchard song is real, sort of."
    # Scenes start at prose, after the heading and the chapter's notes.
    first_scene = ao3_book.chapters[0].scenes[0]
    assert ao3_book.paragraph(first_scene.start).startswith("Wren had never trusted")
    assert ao3_book.chapters[0].heading is not None
    assert ao3_book.kinds[ao3_book.chapters[0].heading] == ParaKind.HEADING
    # The last scene of chapter 3 stops before the chapter's end notes.
    last = ao3_book.chapters[2].scenes[-1]
    assert all(ao3_book.kinds[i] != ParaKind.NOTE for i in range(last.start, last.end))


def test_italics_and_bold_are_kept_as_spans(ao3_book: Book) -> None:
    i = ao3_book.chapters[0].scenes[0].start
    text = ao3_book.paragraph(i)
    spans = ao3_book.spans[i]
    assert [(text[s:e], k) for s, e, k in spans] == [("never", "italic"), ("never", "bold")]


def test_ao3_word_count_counts_the_story_only(ao3_book: Book) -> None:
    story = sum(
        len(ao3_book.paragraph(i).split())
        for c in ao3_book.chapters
        for i in range(c.start, c.end)
        if ao3_book.kinds[i] == ParaKind.TEXT
    )
    assert ao3_book.meta["words"] == story > 300


@pytest.fixture(params=[fff.fff_epub, fff.fff_html], ids=lambda builder: builder.__name__)
def fff_book(request: pytest.FixtureRequest, tmp_path: Path) -> Book:
    return open_book(build(request.param, tmp_path, "story"))


def test_fanficfare_title_page_and_toc_are_not_chapters(fff_book: Book) -> None:
    assert outline(fff_book) == FFF_OUTLINE
    assert fff_book.title == fff.FFF_TITLE
    assert fff_book.author == fff.FFF_AUTHOR
    kinds = [s.kind for s in fff_book.front_matter]
    assert kinds == ["title", "metadata", "summary", "toc"]
    assert fff_book.meta["fandom"] == ["Harbour Lights"]  # FanFiction.net's "Category"
    assert fff_book.meta["characters"] == ["Wren", "Tobias"]
    assert fff_book.meta["summary"] == "Every week a letter arrives at the lighthouse, unsigned."
    # `* * *` paragraphs are the breaks.
    assert kinds_of(fff_book, ParaKind.BREAK) == ["* * *"] * sum(n - 1 for n in fff.FFF_SCENES)


def test_fanficfare_epub_series_from_calibre_meta(tmp_path: Path) -> None:
    book = open_book(fff.fff_epub(tmp_path / "s.epub"))
    assert book.meta["series"] == "Keeper Letters"
    assert book.meta["series_index"] == "2"
    assert book.meta["relationships"] == ["Wren/Tobias"]


def test_light_novel_images_ornaments_and_matter(tmp_path: Path) -> None:
    book = open_book(novels.light_novel_epub(tmp_path / "ln.epub"))
    assert outline(book) == [
        ("Prologue", 1),
        ("Chapter 1: The Silver Door", 3),
        ("Chapter 2: Lanterns", 2),
        ("Epilogue", 1),
    ]
    assert book.title == novels.LN_TITLE
    assert book.author == "Aster Vale"  # the illustrator is not an author
    assert [s.kind for s in book.front_matter] == ["cover", "insert", "title"]
    assert [s.kind for s in book.end_matter] == ["afterword", "newsletter"]
    assert book.meta["series"] == "The Salt Crown"
    assert book.meta["series_index"] == "2"
    assert book.meta["tags"] == ["Fantasy", "Light Novel"]
    chapter = book.chapters[1]
    texts = [book.paragraph(i) for i in range(chapter.start, chapter.end)]
    # An illustration inside a scene is a placeholder, not a break; alt text is shown.
    assert "[image]" in texts
    assert "[image: A map of the salt flats]" in texts
    # The ornament image between scenes is a break; the chapter heading lost its decorations.
    breaks = [i for i in range(chapter.start, chapter.end) if book.kinds[i] == ParaKind.BREAK]
    assert len(breaks) == 2
    assert book.paragraph(chapter.heading) == "Chapter 1 The Silver Door"
    # Sections name the spine item each chapter came from.
    assert [c.section for c in book.chapters] == [
        "OEBPS/Text/prologue.xhtml",
        "OEBPS/Text/chapter001.xhtml",
        "OEBPS/Text/chapter002.xhtml",
        "OEBPS/Text/epilogue.xhtml",
    ]
    assert book.section_of(chapter.scenes[1].start) == "OEBPS/Text/chapter001.xhtml"


def test_epub2_with_only_an_ncx_and_fragment_links(tmp_path: Path) -> None:
    book = open_book(novels.epub2_ncx_only(tmp_path / "orchard.epub"))
    assert outline(book) == [("I. The Orchard", 2), ("II. The Well", 1), ("III. The Road", 1)]
    assert book.title == "Orchard Stories"
    assert book.author == "Ida Fenn"  # the editor is not an author
    # Two chapters from one spine item: the second starts at its fragment's heading.
    well = book.chapters[1]
    assert book.paragraph(well.start) == "II. The Well"
    assert well.section == "OPS/part1.xhtml"


def test_text_layout_of_a_markup_book(tmp_path: Path) -> None:
    book = open_book(novels.epub2_ncx_only(tmp_path / "orchard.epub"))
    assert book.text == "\n\n".join(book.paragraph(i) for i in range(len(book)))
    assert all(book.line_of(i) is None for i in range(len(book)))
    assert book.sections == [(0, "OPS/part1.xhtml"), (12, "OPS/part2.xhtml")]


def test_outline_command_prints_null_lines_and_sections(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tui.cli import main

    path = fff.fff_epub(tmp_path / "story.epub")
    assert main(["outline", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["title"] for c in data["chapters"]] == fff.FFF_CHAPTERS
    assert [len(c["scenes"]) for c in data["chapters"]] == fff.FFF_SCENES
    assert all(c["line"] is None for c in data["chapters"])
    assert all(s["line"] is None for c in data["chapters"] for s in c["scenes"])
    assert data["chapters"][0]["section"] == "OEBPS/file0001.xhtml"
    assert data["style"] == "markup"


@pytest.mark.parametrize("keep_classes", [True, False])
def test_ao3_one_shot_is_one_chapter_named_after_the_work(
    tmp_path: Path, keep_classes: bool
) -> None:
    book = open_book(ao3.ao3_oneshot_epub(tmp_path / "one.epub", keep_classes=keep_classes))
    assert outline(book) == [(ao3.AO3_TITLE, 2)]
    assert book.chapters[0].heading is None
    # (AO3's hidden `Afterword` heading is left out where its class says what it is)
    hidden = [] if keep_classes else ["afterword"]
    assert [s.kind for s in book.end_matter] == [*hidden, "end_notes", "afterword"]
    assert book.meta["fandom"] == ["Harbour Lights (TV)"]
    assert book.meta["summary"].startswith("Two keepers")


def test_ao3_notes_found_by_their_labels_when_classes_are_gone(tmp_path: Path) -> None:
    path = ao3.ao3_epub(tmp_path / "work.epub")
    flattened = tmp_path / "flat.epub"
    import re
    import zipfile

    with zipfile.ZipFile(path) as src, zipfile.ZipFile(flattened, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith(".xhtml"):
                data = re.sub(rb'class="[^"]*"', b'class="calibre3"', data)
            out.writestr(info, data)
    book = open_book(flattened)
    assert outline(book) == AO3_OUTLINE
    assert kinds_of(book, ParaKind.NOTE) == [
        "Chapter Notes",
        "This one took a while.",
        "See the end of the chapter for more notes",
        "Chapter End Notes",
        "Thank you for reading!",
    ]
