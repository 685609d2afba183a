"""Shapes met in real downloads and pages that the corpus files before them did not have.

`<br>` paragraphs with no-break-space lines, wide `<br>` gaps around one-paragraph scenes, rules
typed across the page, an AO3 EPUB preface split over two files, Markdown front matter and
one-shot headings, `BPOV` labels, and story pages that class every paragraph apart.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import epub_builders as eb

from tui.book.formats import open_book
from tui.book.markup.convert import GAP, TEXT, convert
from tui.book.model import Book

PROSE = "She walked down to the harbour and counted the boats again, slowly, twice over."
OTHER = "The lamp in the tower was lit at dusk, and the keeper wrote the hour in his book."


def scenes(book: Book) -> list[list[str]]:
    return [[s.first_words[:12] for s in c.scenes] for c in book.chapters]


def test_a_no_break_space_line_between_brs_is_an_empty_line() -> None:
    doc = convert("<p>One line.<br />\n\xa0<br />\nTwo line.<br />\n&nbsp;<br />\nThree.</p>")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (TEXT, "One line."),
        (TEXT, "Two line."),
        (TEXT, "Three."),
    ]


def test_a_gap_counts_its_empty_lines() -> None:
    doc = convert("<p>One.<br/>\xa0<br/>\xa0<br/>\xa0<br/>\xa0<br/>\xa0<br/>\xa0<br/>Two.</p>")
    gaps = [b.lines for b in doc.blocks if b.kind == GAP]
    assert gaps == [6]


def ao3_download(tmp_path: Path, chapter: str) -> Path:
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"/>
<title>The Watch - keeper - Archive of Our Own</title></head><body>
<div id="preface"><h1>The Watch</h1><div class="byline">by keeper</div></div>
<div id="chapters" class="userstuff">
<div class="meta group"><h2 class="heading">Chapter 1: Prologue</h2></div>
<div class="userstuff"><p>{chapter}</p></div>
</div>
<div id="afterword"><p>Please drop by the Archive and comment.</p></div>
</body></html>"""
    path = tmp_path / "watch.html"
    path.write_text(page, encoding="utf-8")
    return path


def test_wide_br_gaps_part_scenes_even_around_one_paragraph(tmp_path: Path) -> None:
    line = "<br />\n\xa0<br />\n"
    wide = "<br />\n" + "\xa0<br />\n" * 7
    text = (
        line.join([PROSE, OTHER])
        + wide
        + "When he asked to live, this is not what he meant."
        + wide
        + line.join([OTHER, PROSE])
        + wide
        + "THE END"
    )
    book = open_book(ao3_download(tmp_path, text))
    assert [c.title for c in book.chapters] == ["Chapter 1: Prologue"]
    assert scenes(book) == [["She walked d", "When he aske", "The lamp in "]]


def test_a_rule_typed_across_the_page_is_a_break(tmp_path: Path) -> None:
    rule = "<p>" + "-" * 91 + "</p>"
    chapter = f"<p>{PROSE}</p><p>{OTHER}</p><p> </p>{rule}<p> </p><p>{OTHER}</p><p>{PROSE}</p>"
    page = ao3_download(tmp_path, "x").read_text(encoding="utf-8")
    page = page.replace("<p>x</p>", chapter)
    path = tmp_path / "rule.html"
    path.write_text(page, encoding="utf-8")
    assert scenes(open_book(path)) == [["She walked d", "The lamp in "]]


def test_an_ao3_epub_preface_split_over_two_files_is_front_matter(tmp_path: Path) -> None:
    preface_top = (
        '<div id="preface"><p class="message"><b>Preface</b></p>'
        "<p>Posted originally on the Archive of Our Own.</p>"
    )
    preface_rest = (
        '<div id="preface"><h1>The Watch</h1><div class="byline">by keeper</div>'
        "<p>Summary</p><blockquote class='userstuff'><p>A keeper and a lamp.</p></blockquote>"
        "<p>Notes</p><blockquote class='userstuff'><p>My first story.</p></blockquote></div>"
    )
    chapters = [
        f'<div id="chapters" class="userstuff"><h2 class="heading">Chapter {n}: Part {n}</h2>'
        f"<div class='userstuff'><p>{PROSE}</p><p>{OTHER}</p><p>{PROSE}</p></div></div>"
        for n in (1, 2)
    ]
    names = [f"Watch_split_{n:03d}.xhtml" for n in range(4)]
    bodies = [preface_top + "</div>", preface_rest, *chapters]
    files: dict[str, str | bytes] = {
        name: eb.xhtml("The Watch", body) for name, body in zip(names, bodies, strict=True)
    }
    items = [(f"h{n}", name, "application/xhtml+xml") for n, name in enumerate(names)]
    items.append(("ncx", "toc.ncx", "application/x-dtbncx+xml"))
    metadata = """    <dc:title>The Watch</dc:title>
    <dc:creator opf:role="aut">keeper</dc:creator>
    <dc:publisher>Archive of Our Own</dc:publisher>
    <dc:identifier id="uid">https://archiveofourown.org/works/1</dc:identifier>
    <dc:language>en</dc:language>"""
    files["content.opf"] = eb.opf(items, [f"h{n}" for n in range(4)], metadata)
    points = [
        ("Preface", names[0]),
        ("Chapter 1: Part 1", names[2]),
        ("Chapter 2: Part 2", names[3]),
    ]
    files["toc.ncx"] = eb.ncx("The Watch", points)
    book = open_book(eb.write_epub(tmp_path / "watch.epub", files))
    assert [c.title for c in book.chapters] == ["Chapter 1: Part 1", "Chapter 2: Part 2"]
    assert (book.title, book.author) == ("The Watch", "keeper")


def write(tmp_path: Path, name: str, lines: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_markdown_front_matter_gives_title_and_author_and_is_not_text(tmp_path: Path) -> None:
    lines = ["---", 'title: "Hope - Tintagel (2)"', "author: Jeconais", "layout: standard", "---"]
    lines += ["", PROSE, "", OTHER, "", "---", "", PROSE, "", OTHER]
    book = open_book(write(tmp_path, "page.md", lines))
    assert (book.title, book.author) == ("Hope - Tintagel (2)", "Jeconais")
    assert [c.title for c in book.chapters] == ["Hope - Tintagel (2)"]
    assert scenes(book) == [["She walked d", "She walked d"]]
    assert "layout" not in book.text


def test_markdown_rule_under_prose_is_not_front_matter(tmp_path: Path) -> None:
    lines = ["---", PROSE, "", OTHER, "---", "", PROSE]
    book = open_book(write(tmp_path, "notes.md", lines))
    assert PROSE in book.text and OTHER in book.text


def test_a_one_shot_markdown_heading_heads_its_chapter(tmp_path: Path) -> None:
    lines = ["# Pink-Mended Sparkles", "", PROSE, "", OTHER, "", "***", "", PROSE, "", OTHER]
    book = open_book(write(tmp_path, "sparkles.md", lines))
    assert book.title == "Pink-Mended Sparkles"
    assert [(c.title, c.heading is not None) for c in book.chapters] == [
        ("Pink-Mended Sparkles", True)
    ]
    assert len(book.chapters[0].scenes) == 2


def test_initials_pov_labels_open_scenes_but_not_under_the_heading(tmp_path: Path) -> None:
    lines = ["My Paper Heart", "", "by someone", "", ""]
    for n, (first, second) in enumerate((("JPOV", "BPOV"), ("EPOV", "CPOV")), 1):
        lines += ["", f"Chapter {n}", "", "**My Paper Heart**", "", f"**{first}**", ""]
        lines += [PROSE, "", OTHER, "", PROSE, "", f"**{second}**", "", OTHER, "", PROSE, ""]
    book = open_book(write(tmp_path, "heart.txt", lines))
    assert [len(c.scenes) for c in book.chapters] == [2, 2]


def test_a_story_page_classing_each_paragraph_apart(tmp_path: Path) -> None:
    paras = "".join(
        f'<p class="cn{n:08x}">{text}</p>'
        for n, text in enumerate([PROSE, OTHER, "<strong>[...]</strong>", PROSE, OTHER] * 3)
    )
    page = f"""<html><head><title>Chapter 01 - The Rock - Stories Site</title></head><body>
<div class="fic-header"><h2 class="font-white">The Rock Who Lived</h2>
<div>by</div><h3 class="font-white">Roobit</h3>
<h1 class="font-white">Chapter 01: Buying New Shoes</h1></div>
<div class="fic-buttons"><a href="/fiction/1">Fiction Page</a></div>
<div class="nav-buttons"><a href="/next">Next Chapter</a></div>
<div class="portlet author-note-portlet"><div class="caption">A note from Roobit</div>
<div class="author-note"><p>I'll be posting daily.</p></div></div>
<div class="chapter-inner chapter-content">{paras}</div>
<div class="nav-buttons"><a href="/next">Next Chapter</a></div>
</body></html>"""
    path = tmp_path / "rock.html"
    path.write_text(page, encoding="utf-8")
    book = open_book(path)
    assert (book.title, book.author) == ("The Rock Who Lived", "Roobit")
    assert [c.title for c in book.chapters] == ["Chapter 01: Buying New Shoes"]
    assert len(book.chapters[0].scenes) == 1
    assert "Fiction Page" not in book.text and "posting daily" not in book.text


def test_a_chapter_page_title_loses_its_chapter_and_site() -> None:
    from tui.book.markup.html_book import _page_title

    assert _page_title("The Tutorial Is Too Hard - Chapter 1 - WuxiaWorld") == (
        "The Tutorial Is Too Hard"
    )
    assert _page_title("Harry Potter - Nephilim") == "Harry Potter - Nephilim"


def test_ao3_page_titles_without_lock_images_or_site_suffix() -> None:
    from tui.book.markup.html_book import _page_title
    from tui.book.markup.producers import clean_work_title

    assert clean_work_title("[image: (Restricted)] Big Brother Is Watching You") == (
        "Big Brother Is Watching You"
    )
    assert _page_title(
        "Pray Tell Me, Sir - JackOfNone - Final Fantasy XIV - Square [Archive of Our Own]"
    ) == ("Pray Tell Me, Sir")


def test_a_title_loses_the_story_state_its_site_added() -> None:
    from tui.book.rules.labels import without_status

    assert without_status("The Wizard and I (On Hiatus)") == "The Wizard and I"
    assert without_status("Fire [COMPLETE]") == "Fire"
    assert without_status("Destiny - Rewritten") == "Destiny - Rewritten"  # a title's own words


def test_ao3_pseuds_lose_their_logins() -> None:
    from tui.book.markup.producers import without_logins

    assert without_logins("ARealPip, Nix_Laurel (NixLaurel)") == "ARealPip, Nix_Laurel"


def test_a_story_page_names_its_author_in_its_head(tmp_path: Path) -> None:
    paras = "".join(f"<p>{PROSE}</p><p>{OTHER}</p>" for _ in range(4))
    head = '<title>Chapter 1 | Finding Me at Stories</title><meta content="kyliet" name="author">'
    for author, want in (
        ("kyliet", "kyliet"),
        ("Stories", None),  # the site's name
        ("Organization for Transformative Works", None),  # who runs the site (AO3's pages)
    ):
        page = f"""<html><head>{head.replace("kyliet", author)}</head><body>
<div class="navbar"><a href="/">Home</a></div><h1 class="story-title">Finding Me</h1>
<div class="story-text">{paras}</div><div class="footer">About</div></body></html>"""
        path = tmp_path / f"{author[:8]}.html"
        path.write_text(page, encoding="utf-8")
        assert open_book(path).author == want


def test_markdown_quotations_and_emphasis_lose_their_marks(tmp_path: Path) -> None:
    lines = ["# One", "", PROSE, "", '> "Goodnight."', ">", "> She slept.", "", "*A thought.*"]
    lines += ["", OTHER]
    book = open_book(write(tmp_path, "q.md", lines))
    assert len(book.chapters[0].scenes) == 1
    assert ">" not in book.text and "*" not in book.text


def test_an_authors_own_ornament_is_a_break_when_repeated(tmp_path: Path) -> None:
    lines = ["Chapter 1", ""]
    for mark in ("o~o~YCB~o~o", "8*8*8*8", "o~o~YCB~o~o", "8*8*8*8"):
        lines += [PROSE, "", OTHER, "", mark, ""]
    lines += [PROSE, "", "**BANG**", "", OTHER, "", "**BANG**", "", PROSE]
    book = open_book(write(tmp_path, "own.txt", lines))
    assert len(book.chapters[0].scenes) == 5


def test_bold_when_lines_open_scenes_and_signed_notes_do_not(tmp_path: Path) -> None:
    lines = ["Chapter 1", "", PROSE, "", OTHER, "", "**TEN YEARS LATER**", "", PROSE, ""]
    lines += [OTHER, "", "**_Friday 12th December 2014_**", "", PROSE, "", OTHER, ""]
    lines += ["A/N: Thanks so much for reading and for every review!", "", "~Abram Of Oz", ""]
    lines += ["Chapter 2", "", PROSE, "", "Thanks for reading, see you next chapter.", ""]
    lines += ["~Abram Of Oz", "", OTHER, "", "Thank you all for the reviews!", "", "~Abram", ""]
    lines += [PROSE]
    book = open_book(write(tmp_path, "when.txt", lines))
    assert [len(c.scenes) for c in book.chapters] == [3, 1]


def test_two_underscores_alone_are_a_break_in_plain_text(tmp_path: Path) -> None:
    lines = ["Chapter 1", "", PROSE, "", OTHER, "", "__", "", '"Hello," she said.', "", PROSE]
    book = open_book(write(tmp_path, "under.txt", lines))
    assert len(book.chapters[0].scenes) == 2


def test_time_lines_in_one_shape_again_and_again_open_scenes(tmp_path: Path) -> None:
    lines = ["Chapter 1", "", PROSE, ""]
    for when in ("One Year after the Accident", "Two Years after the Accident", "**11 Years Old**"):
        lines += [OTHER, "", when, "", PROSE, ""]
    lines += ["Three Years after the Accident", "", OTHER]
    book = open_book(write(tmp_path, "years.txt", lines))
    firsts = [s.first_words for s in book.chapters[0].scenes]
    assert len(firsts) == 5
    assert firsts[1].startswith("One Year after") and firsts[4].startswith("Three Years after")


def test_a_lone_time_line_and_repeated_datelines_open_no_scene(tmp_path: Path) -> None:
    lines = ["Chapter 1", "", PROSE, "", "Three days later.", "", OTHER, ""]
    for date in ("August 13th, 17—.", "August 19th, 17—.", "August 26th, 17—."):
        lines += [date, "", PROSE, "", OTHER, ""]
    book = open_book(write(tmp_path, "letters.txt", lines))
    assert len(book.chapters[0].scenes) == 1


def test_lone_full_stops_set_off_a_scene_unless_they_part_every_paragraph(
    tmp_path: Path,
) -> None:
    scene = [PROSE, "", OTHER, ""] * 3
    lines = ["Chapter 1", "", *scene, ".", "", ".", "", *scene]
    book = open_book(write(tmp_path, "dots.txt", lines))
    assert len(book.chapters[0].scenes) == 2
    spaced = ["Chapter 1", ""] + [PROSE, ".", OTHER, "."] * 4 + [PROSE]
    book = open_book(write(tmp_path, "spaced.txt", spaced))
    assert len(book.chapters[0].scenes) == 1


def test_initials_in_a_frame_are_the_authors_break(tmp_path: Path) -> None:
    frame = "***...~AIV~...***"
    scene = [PROSE, "", OTHER, ""]
    lines = [frame, "", *scene, frame, "", "**(Midoriya Residence)**", "", *scene]
    lines += [frame, "", *scene, "**Ding**", "", *scene]
    path = tmp_path / "chapter-2.md"
    path.write_text("\n".join(lines) + "\n\n" + frame, encoding="utf-8")  # no final newline
    firsts = [s.first_words for s in open_book(path).chapters[0].scenes]
    assert [f[:18] for f in firsts] == [PROSE[:18], "Midoriya Residence", PROSE[:18]]


def test_a_block_of_bold_italic_header_lines_opens_one_scene(tmp_path: Path) -> None:
    scene = [PROSE, "", OTHER, ""]
    block = ["***September 2, 1991***", "", "***The Potions Classroom***", "", "***9:00 AM***", ""]
    lines = ["**Chapter 1: Encounters**", "", *block, *scene, *block, *scene]
    lines += ["***Later that day, in Diagon Alley...***", "", *scene]
    book = open_book(write(tmp_path, "book1.md", lines))
    firsts = [s.first_words[:18] for s in book.chapters[0].scenes]
    assert firsts == ["September 2, 1991", "September 2, 1991", "Later that day, in"]


def test_the_sequel_named_under_to_be_continued_in_is_no_chapter(tmp_path: Path) -> None:
    lines = []
    for number in (1, 2):
        lines += [f"**Chapter {number}: The Path**", "", PROSE, "", OTHER, ""]
    lines += ["**TO BE CONTINUED IN**", "", "**BOOK 2:**", "", "**THE EROSION OF INNOCENCE**", ""]
    lines += ["**Author's Endnote:**", "", "Thanks so much for reading, see you in book two!"]
    book = open_book(write(tmp_path, "book1.md", lines))
    assert [c.title for c in book.chapters] == ["Chapter 1: The Path", "Chapter 2: The Path"]


def test_a_gutenberg_header_title_loses_all_its_credits() -> None:
    from tui.book.markup.producers import clean_work_title

    assert clean_work_title("The Project Gutenberg eBook, Harbour Songs, by Ann Vale") == (
        "Harbour Songs"
    )
    assert clean_work_title(
        "The Project Gutenberg eBook, Harbour Songs, by Ann Vale, Translated by Tor Lund"
    ) == ("Harbour Songs")
