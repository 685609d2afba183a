"""Markup books whose chapters open or divide in ways a reader sees at once.

A synopsis set under each chapter's heading in a style kept for it, prefaces named in Chinese,
an author's note before a collection's stories, the book's title set twice at one heading level
over stories headed a level below, and sections counted by bare numbers in two stories, one with
only two of them.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import epub_builders as eb
from markup_books import epub, first_words, gutenberg_page, outline, story

from tui.book.markup.epub import open_epub
from tui.book.markup.html_book import open_html
from tui.book.model import Book, ParaKind

STYLE = """p { text-indent: 1.2em; margin: 0 }
p.digest { text-align: center; text-indent: 0; width: 90%; margin: auto; font-size: 90% }
p.inset { margin-left: 2em; margin-right: 2em }
p.open { text-indent: 0 }"""

DIGEST = "(Wherein the keeper counts the lamps, and the ferry is late again.)"


def styled_book(tmp_path: Path, docs: dict[str, str]) -> Book:
    """An EPUB 3 with the style sheet above and ``docs`` (name -> body) in reading order, each
    listed in the contents under its heading's text."""
    nav = [(name.title(), f"Text/{name}.xhtml") for name in docs]
    return open_epub(eb.styled_epub(tmp_path / "styled.epub", docs, nav, STYLE))


ORDINALS = ["first", "second", "third", "fourth"]


def test_a_synopsis_set_under_every_chapter_heading_is_not_the_chapters_opening(
    tmp_path: Path,
) -> None:
    # Each chapter: its heading, a centred synopsis in a class used for nothing else, prose.
    docs = {
        ordinal: f"<h2>{ordinal.upper()} CHAPTER.</h2>"
        f'<p class="digest">{DIGEST.replace("again", ordinal)}</p>' + story(n, 4)
        for n, ordinal in enumerate(ORDINALS, 1)
    }
    book = styled_book(tmp_path, docs)
    assert len(book.chapters) == len(ORDINALS)
    # (the story's first words open each chapter's first scene; the synopsis is shown as the
    # chapter's note, as a heading's part)
    for chapter, words in zip(book.chapters, first_words(book), strict=True):
        assert not words[0].startswith("(Wherein")
        assert book.kinds[chapter.start + 1] == ParaKind.NOTE
        assert len(words) == 1


def test_a_flush_first_paragraph_of_each_chapter_stays_its_opening(tmp_path: Path) -> None:
    # A class for each chapter's first paragraph (set flush) does not set it apart: prose.
    docs = {
        ordinal: f"<h2>{ordinal.upper()} CHAPTER.</h2>"
        + "".join(f'<p class="open">{t}</p>' for t in eb.prose(n + 20, 1))
        + story(n, 4)
        for n, ordinal in enumerate(ORDINALS, 1)
    }
    book = styled_book(tmp_path, docs)
    for chapter, words in zip(book.chapters, first_words(book), strict=True):
        assert book.kinds[chapter.start + 1] == ParaKind.TEXT
        assert words[0] and not words[0].startswith("(Wherein")


def test_an_inset_style_the_book_uses_all_through_marks_no_synopses(tmp_path: Path) -> None:
    # Letters set in from the margins open chapters but are set elsewhere too: the story's.
    letter = '<p class="inset">Dear Ada, the lamps are lit and the ferry is in.</p>'
    docs = {
        ordinal: f"<h2>{ordinal.upper()} CHAPTER.</h2>{letter}" + story(n, 3) + letter * 2
        for n, ordinal in enumerate(ORDINALS, 1)
    }
    book = styled_book(tmp_path, docs)
    assert all(book.kinds[c.start + 1] == ParaKind.TEXT for c in book.chapters)


def test_prefaces_named_in_chinese_before_the_selections_are_front_matter(
    tmp_path: Path,
) -> None:
    titles = ["燈塔", "渡船", "鐘聲"]
    docs = {
        "pref1": "<h1>序一</h1>" + story(1, 3),
        "pref2": "<h1>序二</h1>" + story(2, 3),
        "rules": "<h1>例言</h1>" + story(3, 3),
        **{f"sel{n}": f"<h1>{t}</h1>" + story(n + 5, 4) for n, t in enumerate(titles)},
    }
    nav = [("序一", "Text/pref1.xhtml"), ("序二", "Text/pref2.xhtml"), ("例言", "Text/rules.xhtml")]
    nav += [(t, f"Text/sel{n}.xhtml") for n, t in enumerate(titles)]
    book = epub(tmp_path / "anthology.epub", docs, nav)
    assert [title for title, _ in outline(book)] == titles
    assert [s.kind for s in book.front_matter][-3:] == ["preface"] * 3


def test_a_prologue_named_in_chinese_stays_a_chapter(tmp_path: Path) -> None:
    docs = {
        "pro": "<h1>序章</h1>" + story(1, 4),
        "one": "<h1>第一章</h1>" + story(2, 4),
        "two": "<h1>第二章</h1>" + story(3, 4),
    }
    nav = [("序章", "Text/pro.xhtml"), ("第一章", "Text/one.xhtml"), ("第二章", "Text/two.xhtml")]
    book = epub(tmp_path / "novel.epub", docs, nav)
    assert [title for title, _ in outline(book)] == ["序章", "第一章", "第二章"]


def _collection(path: Path) -> Book:
    """A collection as a Gutenberg page: title, byline, an author's note, the title again as a
    half-title, then three stories under capitals headings; the first cut into sections `I`
    to `IV` by bare numbers in plain paragraphs, the second into `I` and `II` only."""

    def numbered(count: int, seed: int) -> str:
        roman = ["I", "II", "III", "IV"]
        return "".join(f"<p>{roman[k]}</p>" + story(seed + k, 3) for k in range(count))

    body = (
        "<p>by Ada Quill</p><h2>AUTHOR'S NOTE</h2>"
        + story(1, 4)
        + "<h1>THE LANTERN KEEPER</h1>"
        + "<h2>THE FERRY</h2>"
        + numbered(4, 10)
        + "<h2>THE BELL</h2>"
        + story(20, 5)
        + "<h2>THE LEDGER</h2>"
        + numbered(2, 30)
    )
    return open_html(gutenberg_page(path, body))


def test_stories_headed_under_the_books_title_set_twice_are_the_chapters(
    tmp_path: Path,
) -> None:
    book = _collection(tmp_path / "tales.html")
    assert [c.title for c in book.chapters] == ["THE FERRY", "THE BELL", "THE LEDGER"]
    assert any(s.kind == "front" for s in book.front_matter)


def test_sections_counted_by_bare_numbers_open_scenes_even_where_only_two_count(
    tmp_path: Path,
) -> None:
    book = _collection(tmp_path / "tales.html")
    # (the `I` under a story's heading opens it; every later number opens a scene)
    assert [len(c.scenes) for c in book.chapters] == [4, 1, 2]


CHAPTERS = ["THE FERRY", "THE BELL TOWER", "THE LEDGER", "THE SALT ROAD"]


def _listed_book(path: Path, before: dict[str, str], after: dict[str, str]) -> Book:
    """Pages ``before`` the chapters above and ``after`` them, every page in the contents
    under its heading (``before`` and ``after`` map a page's heading to its body)."""
    docs: dict[str, str] = {}
    nav = []
    for n, (heading, body) in enumerate(before.items()):
        docs[f"front{n}"] = f"<h2>{heading}</h2>{body}"
        nav.append((heading, f"Text/front{n}.xhtml"))
    for n, title in enumerate(CHAPTERS):
        docs[f"ch{n}"] = f"<h2>{title}</h2>" + story(n + 1, 5)
        nav.append((title, f"Text/ch{n}.xhtml"))
    for n, (heading, body) in enumerate(after.items()):
        docs[f"back{n}"] = f"<h2>{heading}</h2>{body}"
        nav.append((heading, f"Text/back{n}.xhtml"))
    return epub(path, docs, nav)


def _contents_lines(summary: bool) -> str:
    """A contents list whose lines open with the chapters' titles (in title case), a summary
    after some of them, and the page number."""
    lines = []
    for n, title in enumerate(CHAPTERS):
        words = title.title() + (". Wherein the keeper counts the lamps" if summary else "")
        lines.append(f"<li>{words} <span>{n * 12 + 1}</span></li>")
    return "<ul>" + "".join(lines) + "</ul>"


def test_a_contents_page_told_by_its_lines_and_the_title_page_before_it_are_front_matter(
    tmp_path: Path,
) -> None:
    # A title page with a dedication and an epigraph of a sentence or two, then a contents
    # page under a heading in no language the engine knows: the lines name the chapters.
    title_page = (
        "<p>TOLD BY</p><p>ADA QUILL</p><p>The first printing of this book was of three "
        "hundred copies, numbered by hand.</p><p>TO MY BROTHER</p><p>Lamps are lit for the "
        "living, not for the drowned, said the old keeper.</p>"
    )
    book = _listed_book(
        tmp_path / "front.epub",
        {"THE LANTERN KEEPER": title_page, "ZZYX.": _contents_lines(summary=False)},
        {},
    )
    assert [c.title for c in book.chapters] == CHAPTERS
    assert "toc" in [s.kind for s in book.front_matter]


def test_a_contents_page_after_the_story_closes_it_with_the_pages_after_it(
    tmp_path: Path,
) -> None:
    errata = "<p>The printer's errors are set right. Their list follows:</p>" + story(30, 2)
    book = _listed_book(
        tmp_path / "back.epub",
        {},
        {"ZZYX.": _contents_lines(summary=True), "Errata.": errata},
    )
    assert [c.title for c in book.chapters] == CHAPTERS
    assert [s.kind for s in book.end_matter][:2] == ["toc", "end"]


def test_a_chapter_opening_on_other_chapters_titles_stays_a_chapter(tmp_path: Path) -> None:
    # Two lines naming chapters and prose: a chapter that looks back, not a contents list.
    recap = "<p>The Ferry was late.</p><p>The Bell Tower fell silent.</p>" + story(40, 4)
    book = _listed_book(tmp_path / "recap.epub", {}, {"AFTER": recap})
    assert [c.title for c in book.chapters] == [*CHAPTERS, "AFTER"]


def test_an_unlisted_page_of_tables_after_a_rule_closing_the_book_is_no_scene(
    tmp_path: Path,
) -> None:
    rows = "".join(f"<tr><td>The Salt Road, part {n}</td><td>190{n}</td></tr>" for n in range(6))
    lists = f"<hr/><p>By the same author:</p><table>{rows}</table><hr/><table>{rows}</table>"
    docs = {f"ch{n}": f"<h2>{t}</h2>" + story(n + 1, 5) for n, t in enumerate(CHAPTERS)}
    docs["lists"] = lists
    nav = [(t, f"Text/ch{n}.xhtml") for n, t in enumerate(CHAPTERS)]
    book = epub(tmp_path / "lists.epub", docs, nav)
    assert outline(book) == [(t, 1) for t in CHAPTERS]
    assert any(
        "By the same author" in book.paragraph(i)
        for s in book.end_matter
        for i in range(s.start, s.end)
    )


def test_a_line_spoken_in_guillemets_between_breaks_is_a_scene_of_its_own(
    tmp_path: Path,
) -> None:
    # A watchman's cry between rules, then the rider's paragraph: two scenes, the cry no label
    # over the rider's (a line like `The Docks` would be one).
    star = '<p class="center">* * *</p>'
    body = (
        "<h2>THE WATCH</h2>"
        + story(1, 3)
        + star
        + "<p>«Cursed post, this one!»</p>"
        + star
        + story(2, 1)
        + star
        + "<p>The Docks</p>"
        + star
        + story(3, 2)
    )
    book = epub(tmp_path / "watch.epub", {"watch": body}, [("THE WATCH", "Text/watch.xhtml")])
    words = first_words(book)[0]
    assert len(words) == 4
    assert words[1].startswith("«Cursed post")
    assert words[3].startswith("The Docks")


def test_a_subtitle_over_a_chapters_first_number_opens_no_scene_of_its_own(
    tmp_path: Path,
) -> None:
    # `I` under a chapter's subtitle line: the subtitle and the first section are one
    # opening, as where the numbers stand right under the heading.
    def numbered(count: int, seed: int) -> str:
        roman = ["I", "II", "III"]
        return "".join(f"<p>{roman[k]}</p>" + story(seed + k, 3) for k in range(count))

    body = (
        "<h2>CHAPTER I. THE FERRY</h2><p>SOME DETAILS OF THE LIFE OF THAT MOST PATIENT MAN "
        "THE OLD KEEPER OF THE LAMPS ON THE NORTHERN COAST</p>"
        + numbered(3, 10)
        + "<h2>CHAPTER II. THE BELL</h2>"
        + numbered(2, 20)
    )
    book = open_html(gutenberg_page(tmp_path / "sections.html", body))
    assert [len(c.scenes) for c in book.chapters] == [3, 2]
