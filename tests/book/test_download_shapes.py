"""Shapes of real downloads: FicHub EPUBs, typed breaks, title lines, scraped text and Markdown.

Shapes of real downloads and texts from the later gatherings: FicHub's EPUBs with an information
page and a contents page in the reading order, breaks typed as `...` or `8888` where a site
dropped the author's ornament, title lines that go on to name their author, and the chapter
headings, notes and labels of scraped texts and Markdown (pages saved with their site around
them are in test_site_page_shapes.py).
"""

from __future__ import annotations

from pathlib import Path

from fixtures import epub_builders as eb

from tui.book.formats import open_book
from tui.book.markup.producers import without_archivist

PROSE = "She walked down to the harbour and counted the boats again, slowly, twice over."
OTHER = "The lamp in the tower was lit at dusk, and the keeper wrote the hour in his book."


def scene_firsts(path: Path) -> list[list[str]]:
    return [[s.first_words[:14] for s in c.scenes] for c in open_book(path).chapters]


def test_dots_and_digits_typed_for_a_dropped_ornament_are_breaks(tmp_path: Path) -> None:
    body = f"<p>{PROSE}</p><p>...</p><p>{OTHER}</p><p>8888</p><p>{PROSE}</p>"
    # Between two lines of dialogue, `…` is somebody saying nothing.
    body += '<p>"Well?" she asked.</p><p>…</p><p>"Nothing," he said at last.</p>'
    path = tmp_path / "story.html"
    path.write_text(f"<html><head><title>Story</title></head><body>{body}</body></html>")
    assert scene_firsts(path) == [[PROSE[:14], OTHER[:14], PROSE[:14]]]


def test_a_download_information_page_and_contents_page_are_front_matter(
    tmp_path: Path,
) -> None:
    facts = "".join(
        f"<p>{fact}</p>"
        for fact in ("Status: complete", "Published: 2010-05-04", "Words: 20692", "Chapters: 2")
    )
    intro = f"<h1>With Practice</h1><p><b>By: Aria</b></p><p>{PROSE}</p>{facts}"
    nav = (
        '<nav epub:type="toc"><h2>With Practice</h2><ol><li><a href="intro.xhtml">Introduction'
        '</a></li><li><a href="c1.xhtml">Fortuitous</a></li><li><a href="c2.xhtml">Epiphany</a>'
        "</li></ol></nav>"
    )
    chapter = f"<p>{PROSE}</p><p>{OTHER}</p><p>{PROSE}</p>"
    files: dict[str, str | bytes] = {
        "intro.xhtml": eb.xhtml("Introduction", intro),
        "nav.xhtml": eb.xhtml("With Practice", nav),
        "c1.xhtml": eb.xhtml("Fortuitous", f"<h2>Fortuitous</h2>{chapter}"),
        "c2.xhtml": eb.xhtml("Epiphany", f"<h2>Epiphany</h2>{chapter}"),
    }
    items = [(n, f"{n}.xhtml", "application/xhtml+xml") for n in ("intro", "c1", "c2")]
    metadata = (
        '    <dc:title>With Practice</dc:title>\n    <dc:identifier id="uid">x</dc:identifier>'
    )
    nav_item = (
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
    )
    files["content.opf"] = eb.opf(
        items,
        ["intro", "nav", "c1", "c2"],
        metadata,
        version="3.0",
        toc_id=None,
        extra_manifest=nav_item,
    )
    book = open_book(eb.write_epub(tmp_path / "practice.epub", files))
    assert [c.title for c in book.chapters] == ["Fortuitous", "Epiphany"]


def test_a_title_page_with_a_blurb_and_an_untitled_contents_page_are_front_matter(
    tmp_path: Path,
) -> None:
    # Fimfiction's download: a title page (title, byline, `Description` over the blurb) and a
    # page listing the chapters' titles, in the spine with no NCX to say what they are.
    title = f"<h1>Harbour Lights</h1><p>Written by Keeper</p><h2>Description</h2><p>{PROSE}</p>"
    listing = '<h1>Chapters</h1><ul><li><a href="c1.xhtml">Lorem</a></li>'
    listing += '<li><a href="c2.xhtml">Ipsum</a></li></ul>'
    chapter = f"<p>{PROSE}</p><p>{OTHER}</p><p>{PROSE}</p>"
    files: dict[str, str | bytes] = {
        "title.xhtml": eb.xhtml("Title", title),
        "toc.xhtml": eb.xhtml("Chapters", listing),
        "c1.xhtml": eb.xhtml("Lorem", f"<h1>Lorem</h1>{chapter}"),
        "c2.xhtml": eb.xhtml("Ipsum", f"<h1>Ipsum</h1>{chapter}"),
    }
    names = ("title", "toc", "c1", "c2")
    items = [(n, f"{n}.xhtml", "application/xhtml+xml") for n in names]
    metadata = (
        '    <dc:title>Harbour Lights</dc:title>\n    <dc:identifier id="uid">x</dc:identifier>'
    )
    files["content.opf"] = eb.opf(items, list(names), metadata)
    book = open_book(eb.write_epub(tmp_path / "harbour.epub", files))
    assert [c.title for c in book.chapters] == ["Lorem", "Ipsum"]
    assert [s.kind for s in book.front_matter] == ["title", "toc"]


def test_a_title_line_naming_its_author_and_fandom_is_cut_at_the_author(
    tmp_path: Path,
) -> None:
    lines = ["", "Where I Cant Follow - dexteritysave - Supergirl TV 2015", "", "by dexteritysave"]
    lines += ["", "Chapter 1", "", PROSE, "", OTHER, "", "Chapter 2", "", PROSE, "", OTHER]
    path = tmp_path / "follow.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    book = open_book(path)
    assert (book.title, book.author) == ("Where I Cant Follow", "dexteritysave")


def test_a_by_line_repeated_over_every_chapter_is_not_the_title(tmp_path: Path) -> None:
    lines = []
    for number in (1, 2, 3):
        lines += ["**Harry Potter and the Perversion of Purity**", "", "**By ACI100**", ""]
        lines += ["**Book 1: The Fracturing of Foundations**", "", f"**Chapter {number}: Path**"]
        lines += ["", PROSE, "", OTHER, ""]
    path = tmp_path / "book1.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    book = open_book(path)
    assert book.title == "Harry Potter and the Perversion of Purity"
    assert len(book.chapters) == 3


def test_a_chapter_title_over_ao3s_chapter_notes_label_in_a_text_dump(tmp_path: Path) -> None:
    lines = ["Work Title", "", ""]
    for heading in ("Chapter 1", "Better Days", "Chapter 3"):
        lines += ["", heading, "Chapter Notes", "", "        See the end of the chapter for  notes"]
        lines += ["", PROSE, OTHER, PROSE, "", "", "Chapter End Notes", "Thanks for reading!", ""]
    path = tmp_path / "Work.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [c.title for c in open_book(path).chapters] == ["Chapter 1", "Better Days", "Chapter 3"]


def test_empty_paragraphs_setting_off_text_messages_are_no_breaks(tmp_path: Path) -> None:
    prose = f"<p>{PROSE}</p><p>{OTHER}</p>" * 6
    body = f"{prose}<p>His phone showed him a text.</p><p>\xa0</p><p>&gt; busy?</p>"
    body += f"<p>\xa0</p><p>&lt; No.</p><p>\xa0</p>{prose}<p>Rio: how did you get my number</p>"
    body += f"<p>\xa0</p>{prose}<p>&lt;3, she answered.</p>"
    body += f"<p>\xa0</p>{prose}"
    path = tmp_path / "texts.html"
    path.write_text(f"<html><head><title>Texts</title></head><body>{body}</body></html>")
    # (a heart, `<3`, is no message marker: the gap after it parts two scenes)
    assert scene_firsts(path) == [[PROSE[:14], PROSE[:14]]]


def test_a_screenplays_scene_headings_open_scenes(tmp_path: Path) -> None:
    lines = ["# First as Farce", "", "INT. A BEDROOM \\- NIGHT", "", PROSE, "", OTHER, ""]
    lines += ["INT. A COLLEGE AUDITORIUM \\- NIGHT", "", PROSE, "", OTHER, ""]
    lines += ["INT. A BEDROOM \\- NIGHT", "", PROSE, "", OTHER]
    path = tmp_path / "farce.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    firsts = [s.first_words[:20] for s in open_book(path).chapters[0].scenes]
    assert firsts[1:] == ["INT. A COLLEGE AUDIT", "INT. A BEDROOM - NIG"]


def test_a_chapter_saved_alone_opens_with_its_own_number(tmp_path: Path) -> None:
    lines = ["29. Egocentric Bias", *([PROSE, OTHER] * 4)]
    path = tmp_path / "ch031.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [c.title for c in open_book(path).chapters] == ["29. Egocentric Bias"]


def test_markdown_headings_that_are_bare_number_words(tmp_path: Path) -> None:
    lines = ["---", "title: Hypervodka", "author: antennapedia", "---", ""]
    for word in ("One", "Two", "Three", "Four"):
        lines += [f"## {word}", "", PROSE, "", OTHER, ""]
    path = tmp_path / "hypervodka.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert [c.title for c in open_book(path).chapters] == ["One", "Two", "Three", "Four"]


def test_a_chapters_title_block_set_off_by_rules_is_no_scene(tmp_path: Path) -> None:
    story = f"<p>{PROSE}</p><p>{OTHER}</p>" * 3
    chapters = ""
    for number, name in ((1, "Haven"), (2, "Punch")):
        chapters += (
            f"<h1>{number}. {name}</h1><p>A/N: Just the usual song recs! Thank you to my beta for"
            " betaing this chapter, hope you like it!</p><p>~.~</p><p><strong>ISOLATED</strong>"
            f"</p><p>~.~</p><p><u>Chapter {number}: {name}.</u></p><p>.</p>{story}<p>~.~</p>"
            f"<p>{OTHER}</p>{story}"
        )
    path = tmp_path / "isolation.html"
    path.write_text(f"<html><head><title>Isolated</title></head><body>{chapters}</body></html>")
    # Two scenes a chapter: the one the title block opens, and the one after the last rule.
    assert [firsts[1:] for firsts in scene_firsts(path)] == [[OTHER[:14]]] * 2


def test_a_hebrew_chapter_heading_over_its_title(tmp_path: Path) -> None:
    lines = [
        "\ufeffפרק 50",
        "אגוצנטריות",
        *(["היא דיברה עם הארי פוטר על הכול, לאט ובשקט, עד הערב."] * 6),
    ]
    path = tmp_path / "050.txt"
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    book = open_book(path)
    assert [(c.title[:6], c.heading) for c in book.chapters] == [("פרק 50", 0)]


def test_an_imported_works_archivist_is_no_author() -> None:
    assert without_archivist("dark dhampir [archived by HPFFA_Archivist]") == "dark dhampir"
    assert without_archivist("adiduck (book_people), whimsicalimages") == (
        "adiduck (book_people), whimsicalimages"
    )


def test_bold_lines_saying_where_open_scenes_when_the_book_repeats_them(tmp_path: Path) -> None:
    story = f"<p>{PROSE}</p><p>{OTHER}</p>" * 3
    body = f"<p><strong>ALL WORLD:</strong></p>{story}<p><strong>THE MINISTRY OF MAGIC:</strong>"
    body += f"</p>{story}<p><strong>Three days later</strong></p>{story}"
    path = tmp_path / "work.html"
    path.write_text(f"<html><head><title>Work</title></head><body>{body}</body></html>")
    firsts = scene_firsts(path)
    assert firsts == [["ALL WORLD", "THE MINISTRY O", "Three days lat"]]
    # Once in a book, a bold line is only a bold line.
    once = f"{story}<p><strong>THE MINISTRY OF MAGIC:</strong></p>{story}"
    path.write_text(f"<html><head><title>Work</title></head><body>{once}</body></html>")
    assert len(scene_firsts(path)[0]) == 1


def test_bold_hours_stamping_a_text_exchange_open_no_scenes(tmp_path: Path) -> None:
    story = f"<p>{PROSE}</p><p>{OTHER}</p>" * 3
    chat = ""
    for hour, sender in (("9:14PM", "Mara"), ("9:15PM", "Tobin"), ("9:20PM", "Mara")):
        chat += f"<p>\xa0</p><p><strong>{hour}</strong></p>"
        chat += f"<p><strong><em>{sender}: </em></strong><em>are you up?</em></p><p>{OTHER}</p>"
    # (a book that draws its breaks, five rules: its empty paragraphs are beats)
    body = f"{story}{chat}" + f"<p>\xa0</p><hr/><p>\xa0</p>{story}" * 5
    path = tmp_path / "work.html"
    path.write_text(f"<html><head><title>Work</title></head><body>{body}</body></html>")
    assert scene_firsts(path) == [[PROSE[:14]] * 6]
    # Bold hours over prose, not over a sender's line, still say when each scene happens.
    timed = "".join(f"<p><strong>{h}</strong></p>{story}" for h in ("9:14PM", "11:02PM"))
    path.write_text(f"<html><head><title>Work</title></head><body>{timed}</body></html>")
    assert scene_firsts(path) == [["9:14PM", "11:02PM"]]


def test_a_scraped_posts_title_block_is_no_scene(tmp_path: Path) -> None:
    lines = ["# New Game Plus", "", "*Source: https://forums.example/threads/1/post-2*"]
    lines += ["*Words: ~5.9k*", "", "---", "", "*   [](https://forums.example/threads/1/post-2)"]
    lines += ["*   [#34,402](https://forums.example/threads/1/post-2)", "", "-----", ""]
    lines += ["**New Game Plus (NOT CANON)**", "", " -----", ""]
    lines += [PROSE, "", OTHER, "", " -----", "", PROSE, "", OTHER]
    path = tmp_path / "0518_New_Game_Plus.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [s.first_words[:14] for s in open_book(path).chapters[0].scenes][1:] == [PROSE[:14]]


def test_chapter_titles_set_off_only_by_space(tmp_path: Path) -> None:
    lines = ["Unraveled", "", "", "by EchoesInTheMargins", "", "", ""]
    for title in ("Marching Ever Forward", "Tricks and Trials", "Giveth Sight"):
        lines += [title, "", "", "", ""]
        lines += [PROSE, "", "", OTHER, "", "", PROSE, "", "", OTHER, "", "", PROSE, "", "", ""]
    path = tmp_path / "Unraveled.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    book = open_book(path)
    titles = ["Marching Ever Forward", "Tricks and Trials", "Giveth Sight"]
    assert [c.title for c in book.chapters] == titles
    assert all(len(c.scenes) == 1 for c in book.chapters)


def test_a_title_set_off_under_a_line_of_spaces_ending_the_text_above(tmp_path: Path) -> None:
    # (AO3's text keeps a no-break space on the line after a chapter's last paragraph)
    lines = ["Unraveled", "", "", "by EchoesInTheMargins", "", "", ""]
    titles = ["Marching Ever Forward", "Tricks and Trials", "Giveth Sight", "Salt Flats"]
    for title in titles:
        lines += [title, "", "", "", ""]
        lines += [PROSE, "", "", OTHER, "", "", PROSE, "", "", OTHER, "\u00a0 ", "", "", "", ""]
    path = tmp_path / "Unraveled.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    book = open_book(path)
    assert [c.title for c in book.chapters] == titles
    assert all(len(c.scenes) == 1 for c in book.chapters)


def test_a_full_stop_ending_a_wrapped_line_is_no_spacer(tmp_path: Path) -> None:
    lines = ["Chapter 1", "", PROSE, "", "And then her hand moved, fingers pressing firm", "."]
    lines += ["", OTHER, "", PROSE]
    path = tmp_path / "wrapped.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert len(open_book(path).chapters[0].scenes) == 1


def test_fimfictions_text_download_banner(tmp_path: Path) -> None:
    lines = ["//------------------------------//", "// Chapter 3 -Stranger Danger- \r"]
    lines += [
        "// Story: Shattered Skies \r",
        "// by Arctikfox \r",
        "//------------------------------//",
    ]
    lines += ["", "", "-Stranger Danger-", " \r", "", PROSE + "\r", "", OTHER + "\r", "", PROSE]
    path = tmp_path / "ss_ch3.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    book = open_book(path)
    assert (book.title, book.author) == ("Shattered Skies", "Arctikfox")
    assert [(c.title, len(c.scenes)) for c in book.chapters] == [("Chapter 3: Stranger Danger", 1)]


def test_a_downloads_heading_and_the_authors_own_are_one_chapter(tmp_path: Path) -> None:
    lines = ["My Brother's Keeper", "", ""]
    for number, title in ((1, "Prologue"), (2, "Astoria"), (3, "Serpents")):
        lines += [f"*Chapter {number}*: {title}", "", "\t\t\tMy Brother's Keeper", "", "by Chick"]
        lines += ["", "Summary: Sophie is the younger sister of the infamous boy who lived.", ""]
        lines += ["A/N: Thank you everyone who reviewed! " * 3, "", "* * *", ""]
        lines += [title if number == 1 else f"Chapter {number}: {title}", ""]
        lines += [PROSE, "", OTHER, "", PROSE, ""]
    path = tmp_path / "keeper.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    book = open_book(path)
    assert [c.title for c in book.chapters] == [
        "Chapter 1: Prologue",
        "Chapter 2: Astoria",
        "Chapter 3: Serpents",
    ]
    assert all(len(c.scenes) == 1 for c in book.chapters)


def test_a_markdown_page_with_a_blurb_and_a_link_panel_over_its_chapter(tmp_path: Path) -> None:
    lines = [
        "A continuation of another story, focusing on Draco and his family.",
        "",
        "<!-- more -->",
    ]
    lines += ["", '<div class="panel">', 'Original story on fanfiction.net: <a href="']
    lines += ["https://www.fanfiction.net/s/11223914/1/Draco-Practice", '">', "Draco's Practice"]
    lines += ["</a>", "</div>", "", "# Social Gatherings", "", PROSE, "", OTHER, "", "* * *", ""]
    lines += [PROSE, "", OTHER, "", "* * *", "", "Author’s note (5/5) – Thank you for reading."]
    path = tmp_path / "Draco Malfoy and the Practice of Rationality.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    book = open_book(path)
    assert book.title == "Draco's Practice"
    assert [(c.title, c.heading is not None, len(c.scenes)) for c in book.chapters] == [
        ("Social Gatherings", True, 2)
    ]


def test_a_song_and_the_authors_notes_after_the_end_are_end_matter(tmp_path: Path) -> None:
    lines = ["# BLISS", "", "## I", ""]
    lines += [PROSE, "", OTHER, "", "---", "", PROSE, "", OTHER, "", "END", ""]
    lines += ["Together alone", "", "Under the moon", "", "Moon and sea", "", "---", ""]
    lines += ["## Author's notes:", "", "Thanks for reading this far, it was a long road.", ""]
    lines += ["*", "", "And thanks to our pre-readers for their patience.", "", "-ML"]
    path = tmp_path / "bliss.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    book = open_book(path)
    assert [len(c.scenes) for c in book.chapters] == [2]


def test_a_scene_opening_with_a_year_is_named_by_it(tmp_path: Path) -> None:
    story = f"<p>{PROSE}</p><p>{OTHER}</p>" * 3
    body = f"{story}<hr><p><b>2025</b></p><p><em>Wednesday</em></p>{story}"
    path = tmp_path / "decay.html"
    path.write_text(f"<html><head><title>Decay</title></head><body>{body}</body></html>")
    assert scene_firsts(path) == [[PROSE[:14], "2025"]]


def test_a_chapters_labelled_note_set_off_by_a_rule_is_no_scene(tmp_path: Path) -> None:
    story = f"<p>{PROSE}</p><p>{OTHER}</p>" * 3
    chapters = ""
    for number in (1, 2):
        chapters += f"<h2>Chapter {number}</h2><p>AN: Thank you for the support on the last"
        chapters += f" chapter, it means so much to me!</p><hr><p><b>August 9th 2018</b></p>{story}"
        chapters += f"<hr>{story}"
    path = tmp_path / "love.html"
    path.write_text(f"<html><head><title>Love</title></head><body>{chapters}</body></html>")
    assert [len(firsts) for firsts in scene_firsts(path)] == [2, 2]


def test_a_fanficfare_text_lists_no_empty_header_in_its_front_matter() -> None:
    import gzip

    from tui.book.section_names import FRONT, section_names
    from tui.book.text.parse import parse_text

    path = Path(__file__).resolve().parents[1] / "fixtures" / "fanfic"
    text = gzip.decompress((path / "ffn_fanficfare_txt_blueberry_pie.txt.gz").read_bytes())
    book = parse_text(text.decode("utf-8"))
    assert all(s.end > s.start or s.heading is not None for s in book.front_matter)
    assert list(dict.fromkeys(section_names(book, book.front_matter, FRONT))) == [
        "Title page",
        "About this work",
    ]


def test_a_downloads_title_and_heading_repeated_under_each_heading_are_labels() -> None:
    # A FanFicFare text whose chapters each open `**My Paper Heart**` / `Chapter 2` under the
    # heading `2. Chapter 2`: those lines are labels, shown dimmed, and the story follows.
    import gzip

    from tui.book.model import ParaKind
    from tui.book.text.parse import parse_text

    path = Path(__file__).resolve().parents[1] / "fixtures" / "fanfic"
    text = gzip.decompress((path / "ffn_fanficfare_txt_pov_headers.txt.gz").read_bytes())
    book = parse_text(text.decode("utf-8"))
    second = book.chapters[1]
    assert second.heading is not None
    under = [(book.kinds[i], book.paragraph(i)) for i in range(second.heading + 1, second.end)]
    assert under[:2] == [(ParaKind.LABEL, "**My Paper Heart**"), (ParaKind.LABEL, "Chapter 2")]
    assert under[2][0] == ParaKind.TEXT
