"""Gutenberg HTML and EPUB read as a reader would: epigraphs, letters, end matter, subtitles.

The gap under a chapter's epigraph and the gap before an announced letter part no scenes, a
transcriber's notes after the last rule are end matter, and a story's subtitle in the contents
is not a chapter under it.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import epub_builders as eb
from markup_books import epub, gutenberg_page, outline, story

from tui.book.formats import open_book
from tui.book.model import Book, ParaKind

EPIGRAPHS = [
    '<pre>\n   "Since I can do no good because a woman,\n   Reach constantly at something.\n'
    "          &mdash;The Maid's Tragedy.\n</pre>",
    '<p class="intro">"Hard students are commonly troubled with gowts, catarrhs, rheums."'
    "&mdash;BURTON'S Anatomy of Melancholy.</p>",
    "<pre>\n   Piacer e popone\n   Vuol la sua stagione.\n"
    "          &mdash;Italian Proverb.\n</pre>",
    "<pre>\n   1st Gent. Our deeds are fetters that we forge ourselves.\n"
    "   2d Gent. Ay, truly.\n</pre>",
]


def _chapter(roman: str, opening: str, body: str) -> str:
    return f"<BR><BR><BR><H3>CHAPTER {roman}.</H3>{opening}{body}"


def test_the_gap_under_each_chapters_epigraph_is_no_scene_break(tmp_path: Path) -> None:
    romans = ["I", "II", "III", "IV"]
    body = "".join(
        _chapter(roman, epigraph + "<BR>", story(n, 5))
        for n, (roman, epigraph) in enumerate(zip(romans, EPIGRAPHS, strict=True), 1)
    )
    book = open_book(gutenberg_page(tmp_path / "epigraphs.html", body, upper=True))
    assert [scenes for _, scenes in outline(book)] == [1, 1, 1, 1]
    first = book.chapters[0]
    opening = [book.paragraph(i) for i in range(first.start, first.end)]
    assert any("Since I can do no good" in text for text in opening)  # still the chapter's
    # The epigraph stays set apart from the prose by its gap, which is no break.
    epigraph = next(i for i, text in enumerate(opening) if "Since I can" in text)
    assert book.kind(first.start + epigraph + 1) == ParaKind.LABEL
    assert book.insets.get(first.start + epigraph)  # and set in from the prose, as quoted
    assert not book.insets.get(first.start + epigraph + 2)


def test_a_gap_after_one_chapters_opening_lines_in_a_book_without_the_habit_stays(
    tmp_path: Path,
) -> None:
    lone = _chapter("I", EPIGRAPHS[0] + "<BR>", story(1, 5))
    rest = "".join(_chapter(r, "", story(n, 5)) for n, r in enumerate(["II", "III", "IV"], 2))
    book = open_book(gutenberg_page(tmp_path / "one.html", lone + rest, upper=True))
    # (one epigraph and its gap make no habit: the gap is weighed as it always was)
    assert [scenes for _, scenes in outline(book)][1:] == [1, 1, 1]


def test_the_gap_after_a_paragraph_announcing_a_letter_is_no_scene_break(tmp_path: Path) -> None:
    letter = (
        "<P>The next morning Mr. Casaubon despatched the following letter, beginning "
        '"Dear Mr. Ladislaw":&mdash;</P><BR>'
        '<P CLASS="letter">"Mrs. Casaubon informs me that a proposal has been made to you, '
        "and I must state at once that your acceptance of it would be highly offensive to "
        'me."</P><P CLASS="closing">Yours faithfully,<BR>"EDWARD CASAUBON."<BR></P>'
    )
    body = _chapter("I", "", story(1, 4) + letter + story(2, 4)) + _chapter("II", "", story(3))
    book = open_book(gutenberg_page(tmp_path / "letter.html", body, upper=True))
    assert [scenes for _, scenes in outline(book)] == [1, 1]


def test_a_transcribers_notes_after_the_last_chapters_closing_rule_are_end_matter(
    tmp_path: Path,
) -> None:
    notes = (
        '<hr style="width: 45%;" /><div class="tnote"><b>Transcriber\'s notes:</b>'
        "<p>Varied hyphenation retained where a majority could not be found.</p>"
        '<p>Page 116, extraneous " removed.</p></div>'
    )
    rule = '<hr style="width: 65%;" />'
    body = (
        f"{rule}<h2>CHAPTER I</h2><h3>THE FERRY</h3>{story(1, 6)}"
        f"{rule}<h2>CHAPTER II</h2><h3>THE BELL</h3>{story(2, 6)}{notes}"
    )
    book = open_book(gutenberg_page(tmp_path / "notes.html", body, upper=True))
    assert [scenes for _, scenes in outline(book)] == [1, 1]
    last = book.chapters[-1]
    assert all("Transcriber" not in book.paragraph(i) for i in range(last.start, last.end))
    assert any(
        "Transcriber" in book.paragraph(i) for s in book.end_matter for i in range(s.start, s.end)
    )


def _long_paragraphs(seed: int) -> str:
    sentences = eb.prose(seed, 8)
    return eb.paras([" ".join(pair) for pair in zip(sentences[::2], sentences[1::2], strict=True)])


def test_a_storys_subtitle_listed_under_its_title_is_not_a_chapter(tmp_path: Path) -> None:
    titles = ["THE GOLD-BUG", "THE MYSTERY OF MARIE ROGET.", "THE OVAL PORTRAIT"]
    docs = {
        f"s{n}": f'<h2 id="t{n}">{title}</h2>'
        + (f'<h3 id="u{n}">A SEQUEL TO “THE MURDERS IN THE RUE MORGUE.”</h3>' if n == 2 else "")
        + _long_paragraphs(n)
        for n, title in enumerate(titles, 1)
    }
    nav: list = [(title, f"Text/s{n}.xhtml#t{n}") for n, title in enumerate(titles, 1)]
    nav[1] = (
        titles[1],
        "Text/s2.xhtml#t2",
        [("A SEQUEL TO “THE MURDERS IN THE RUE MORGUE.”", "Text/s2.xhtml#u2")],
    )
    book = epub(tmp_path / "tales.epub", docs, nav)
    assert [c.title for c in book.chapters] == titles
    assert all(not c.part for c in book.chapters)


def _letter(salutation: str) -> str:
    return (
        f'<P CLASS="letter">{salutation},&mdash;I have your guardian\'s permission to address '
        "you on a subject than which I have none more at heart.</P>"
        '<P CLASS="closing">Yours with sincere devotion,<BR>EDWARD CASAUBON.<BR></P>'
    )


def test_the_gap_before_a_letter_of_the_kind_the_book_announces_is_no_break(
    tmp_path: Path,
) -> None:
    announced = "<P>He despatched the following letter:&mdash;</P><BR>" + _letter("DEAR WILL")
    unannounced = "<P>This was Mr. Casaubon's letter.</P><BR>" + _letter("MY DEAR MISS BROOKE")
    body = (
        _chapter("I", "", story(1, 4) + unannounced + story(2, 4))
        + _chapter("II", "", story(3, 4) + announced + story(4, 4))
        + _chapter("III", "", story(5, 4) + announced + story(6, 4))
    )
    book = open_book(gutenberg_page(tmp_path / "letters.html", body, upper=True))
    assert [scenes for _, scenes in outline(book)] == [1, 1, 1]


def test_a_gap_before_an_unindented_scene_opening_stays_a_break(tmp_path: Path) -> None:
    # `p.noindent` opens chapters and scenes; once it follows a colon: no inset for all that.
    def opening(seed: int) -> str:
        return f'<P CLASS="noindent">{eb.prose(seed, 1)[0]}</P>'

    quoted = f"<P>And then he wrote:</P>{opening(30)}"
    body = _chapter("I", opening(1), story(2, 4) + "<BR>" + opening(3) + story(4, 4)) + _chapter(
        "II", opening(5), story(6, 4) + quoted + story(7, 4)
    )
    book = open_book(gutenberg_page(tmp_path / "noindent.html", body, upper=True))
    assert [scenes for _, scenes in outline(book)] == [2, 1]


def test_a_chapter_opening_at_its_parts_heading_shows_the_parts_lines_as_they_are() -> None:
    # Middlemarch: `BOOK I.` / `MISS BROOKE.` over `CHAPTER I.` had shown `CHAPTER I` in the
    # place of `BOOK I.`, and the chapter's heading twice.
    from tui.book.heading_text import heading_lines

    real = Path(__file__).resolve().parents[1] / "fixtures" / "real"
    for name, title, expected in (
        ("pg_middlemarch.html.gz", "CHAPTER I", ["BOOK I.", "MISS BROOKE.", "CHAPTER I."]),
        (
            "pg_jack_sheppard.html.gz",
            "CHAPTER I: The Return.",
            ["EPOCH THE THIRD.", "1724", "THE PRISON-BREAKER.", "* * *", "CHAPTER I."],
        ),
    ):
        book = open_book(real / name)
        chapter = next(c for c in book.chapters if c.title == title)
        shown = heading_lines(book)
        at = chapter.heading
        lines = [shown.get(i, book.paragraph(i)) for i in range(at, at + len(expected))]
        assert lines == expected


def _catalogued(path: Path, creator: str, byline: str) -> Book:
    files: dict[str, str | bytes] = {
        "title.xhtml": eb.xhtml("Title", f"<h1>THE LANTERN KEEPER</h1><h2>{byline}</h2>"),
        "ch1.xhtml": eb.xhtml("One", "<h2>Chapter 1</h2>" + story(1)),
        "ch2.xhtml": eb.xhtml("Two", "<h2>Chapter 2</h2>" + story(2)),
    }
    files["nav.xhtml"] = eb.nav_doc(
        [("Title Page", "title.xhtml"), ("Chapter 1", "ch1.xhtml"), ("Chapter 2", "ch2.xhtml")]
    )
    items = [(n, f"{n}.xhtml", "application/xhtml+xml") for n in ("title", "ch1", "ch2")]
    metadata = f"<dc:title>The Lantern Keeper</dc:title><dc:creator>{creator}</dc:creator>"
    nav = '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
    files["content.opf"] = eb.opf(
        items, ["title", "ch1", "ch2"], metadata, version="3.0", toc_id=None, extra_manifest=nav
    )
    return open_book(eb.write_epub(path, files))


def test_the_author_is_spelled_as_the_title_page_prints_the_name(tmp_path: Path) -> None:
    # A catalogue's spelling of the same name in the metadata gives way to the book's own.
    book = _catalogued(tmp_path / "spelled.epub", "Fyodor Dostoyevsky", "BY<br/>FYODOR DOSTOEVSKY")
    assert book.author == "Fyodor Dostoevsky"
    # (another person named on the title page, a translator or an editor, is not the author)
    other = _catalogued(tmp_path / "other.epub", "Ada Quill", "Edited by Mara Quill")
    assert other.author == "Ada Quill"
