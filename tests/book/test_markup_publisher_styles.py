"""Publishers' e-books that mark their divisions by paragraph styles and contents levels alone.

Sections opened by an unindented paragraph with space above it, the edition's apparatus after
chapters headed by bare numbers, a preface named in another language, titled sections of a story
nested in the contents, a footnote framed by rules, a rule under a subtitle, and an author's
opening beside the book's parts.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import epub_builders as eb
from markup_books import first_words, story

from tui.book.markup.epub import open_epub
from tui.book.markup.style_sheets import Box, class_styles, paragraph_box
from tui.book.model import Book

# As a word processor's export sets them: every paragraph indented and set close, a chapter's
# first flush, a new section flush with a line's space above, a letter set in from the margin.
STYLE = """.text { display: block; font-family: "Cambria", serif; text-align: justify;
  text-indent: 14pt; margin: 0 0 0.0001pt }
.flush { display: block; text-align: justify; margin: 0 }
.gap { display: block; font-family: "Cambria", serif; text-align: justify; margin: 12pt 0 0 }
.gapboth { display: block; text-align: justify; margin: 12pt 0 }
.letter { display: block; text-indent: 0; margin-left: 28pt }
h2.chapter { font-size: 1.6em; text-align: center; margin: 18pt 0 12pt }
h3.section { font-size: 1.2em; text-align: center }"""


def book_of(tmp_path: Path, docs: dict[str, str], nav: list) -> Book:
    """An EPUB 3 with the style sheet above, ``docs`` (name -> body) in reading order."""
    return open_epub(eb.styled_epub(tmp_path / "styled.epub", docs, nav, STYLE))


def styled(cls: str, seed: int, count: int = 1) -> str:
    return "".join(f'<p class="{cls}">{text}</p>' for text in eb.prose(seed, count))


def chapter(number: str, *sections: str) -> str:
    return f'<h2 class="chapter">{number}</h2>' + styled("flush", 90) + "".join(sections)


def test_a_paragraph_style_gives_each_class_its_indent_and_spacing() -> None:
    styles = class_styles(STYLE)
    text, gap, letter = (paragraph_box(name, styles) for name in ("text", "gap", "letter"))
    assert text is not None and gap is not None and letter is not None
    assert (round(text.indent, 3), text.top, text.sides, text.align) == (1.167, 0, 0, "justify")
    assert gap == Box(0.0, 1.0, 0.0, 0.0, "justify")
    assert (letter.indent, round(letter.sides, 3)) == (0, 2.333)
    assert paragraph_box("unknown", styles) is None


def test_an_unindented_paragraph_spaced_above_after_prose_opens_a_section(
    tmp_path: Path,
) -> None:
    # Three sections opened by the flush, spaced style after indented prose: a reader sees
    # the gap. After a letter set in from the margin the same style only resumes the scene.
    one = chapter(
        "I.",
        styled("text", 1, 3),
        styled("gap", 2),
        styled("text", 3, 2),
        styled("letter", 4),
        styled("gap", 5),
        styled("text", 6, 2),
    )
    two = chapter("II.", styled("text", 7, 3), styled("gap", 8), styled("text", 9, 2))
    three = chapter("III.", styled("text", 10, 2), styled("gap", 11), styled("text", 12))
    book = book_of(
        tmp_path,
        {"c1": one, "c2": two, "c3": three},
        [("I.", "Text/c1.xhtml"), ("II.", "Text/c2.xhtml"), ("III.", "Text/c3.xhtml")],
    )
    assert [len(c.scenes) for c in book.chapters] == [2, 2, 2]
    assert book.chapters[0].scenes[1].first_words.startswith(eb.prose(2, 1)[0][:20])


def test_a_spaced_style_used_once_or_twice_opens_nothing(tmp_path: Path) -> None:
    one = chapter("I.", styled("text", 1, 3), styled("gap", 2), styled("text", 3, 2))
    two = chapter("II.", styled("text", 7, 3), styled("gap", 8), styled("text", 9, 2))
    book = book_of(
        tmp_path, {"c1": one, "c2": two}, [("I.", "Text/c1.xhtml"), ("II.", "Text/c2.xhtml")]
    )
    assert [len(c.scenes) for c in book.chapters] == [1, 1]


def test_a_section_of_one_paragraph_spaced_above_and_below_ends_with_its_gap(
    tmp_path: Path,
) -> None:
    one = chapter(
        "I.",
        styled("text", 1, 3),
        styled("gapboth", 2),
        styled("flush", 3),
        styled("text", 4, 2),
        styled("gap", 5),
        styled("text", 6),
    )
    two = chapter("II.", styled("text", 7, 3), styled("gap", 8), styled("text", 9, 2))
    book = book_of(
        tmp_path, {"c1": one, "c2": two}, [("I.", "Text/c1.xhtml"), ("II.", "Text/c2.xhtml")]
    )
    assert [len(c.scenes) for c in book.chapters] == [4, 2]


NUMBERS = ["I.", "II.", "III.", "IV.", "V.", "VI.", "VII."]


def test_named_sections_after_chapters_headed_by_numbers_are_the_editions(
    tmp_path: Path,
) -> None:
    # A publisher's foreword (named in Czech), five chapters headed by their numbers, then an
    # editorial note and the footnotes set in the chapters' own heading style.
    named = ["Předmluva", *NUMBERS, "Ediční poznámka", "Poznámky pod čarou"]
    docs = {f"c{n}": f'<h2 class="chapter">{t}</h2>' + story(n) for n, t in enumerate(named)}
    nav = [(t, f"Text/c{n}.xhtml") for n, t in enumerate(named)]
    book = book_of(tmp_path, docs, nav)
    assert [c.title for c in book.chapters] == NUMBERS
    assert book.front_matter and book.end_matter


def test_one_named_chapter_after_the_numbers_closes_the_story(tmp_path: Path) -> None:
    named = [*NUMBERS, "Schluß."]
    docs = {f"c{n}": f'<h2 class="chapter">{t}</h2>' + story(n) for n, t in enumerate(named)}
    book = book_of(tmp_path, docs, [(t, f"Text/c{n}.xhtml") for n, t in enumerate(named)])
    assert [c.title for c in book.chapters] == named


TALES = ["The Ferry.", "The Bell.", "The Lamp.", "The Gate.", "The Well."]


def test_titled_sections_headed_below_a_tales_title_are_its_scenes(tmp_path: Path) -> None:
    # A collection of tales, one file each; one tale tells of its hero, then goes day by day
    # under smaller headings the contents lists under it: its scenes, not chapters.
    days = ["Monday.", "Tuesday.", "Wednesday."]
    docs = {f"t{n}": f"<h2>{t}</h2><hr/>" + story(n) for n, t in enumerate(TALES)}
    docs["t1"] = (
        "<h2>The Bell.</h2><hr/>"
        + story(20)
        + "".join(
            f'<hr/><h3 class="section" id="d{k}">{day}</h3>' + story(21 + k)
            for k, day in enumerate(days)
        )
    )
    nav: list = [(t, f"Text/t{n}.xhtml") for n, t in enumerate(TALES)]
    nav[1] = (TALES[1], "Text/t1.xhtml", [(d, f"Text/t1.xhtml#d{k}") for k, d in enumerate(days)])
    book = book_of(tmp_path, docs, nav)
    assert [c.title for c in book.chapters] == TALES
    assert len(book.chapters[1].scenes) == 4  # (the hero's introduction, then each day)


def test_rules_framing_a_footnote_part_no_scenes(tmp_path: Path) -> None:
    note = '<hr class="note"/><p class="note"><sup>*</sup> Cactus.</p><hr class="note"/>'
    docs = {"c1": "<h2>The Ferry.</h2>" + story(1) + note + story(2)}
    book = book_of(tmp_path, docs, [("The Ferry.", "Text/c1.xhtml")])
    assert len(book.chapters[0].scenes) == 1


def test_a_rule_under_a_titles_subtitle_opens_no_scene(tmp_path: Path) -> None:
    docs = {
        "c1": "<h2>The Snow Queen.</h2><p>A Tale in Seven Stories.</p><hr/>"
        + "<h3>First Story.</h3>"
        + story(1),
        "c2": "<h2>The Ferry.</h2><hr/>" + story(2),
    }
    nav = [("The Snow Queen.", "Text/c1.xhtml"), ("The Ferry.", "Text/c2.xhtml")]
    book = book_of(tmp_path, docs, nav)
    assert [len(c.scenes) for c in book.chapters] == [1, 1]


def test_an_authors_opening_beside_the_books_parts_is_a_chapter(tmp_path: Path) -> None:
    # `ÚVOD` at the level of the parts, before part one's numbered chapters: the book's own
    # opening, not an editor's introduction over the whole.
    names = ["ÚVOD", "PART ONE", "1. The Ferry", "2. The Bell", "3. The Lamp"]
    docs = {f"c{n}": f"<p>{t}</p>" + story(n) for n, t in enumerate(names)}
    docs["c1"] = "<h1>PART ONE</h1>"
    nav = [
        ("ÚVOD", "Text/c0.xhtml"),
        (
            "PART ONE",
            "Text/c1.xhtml",
            [(t, f"Text/c{n}.xhtml") for n, t in enumerate(names) if n > 1],
        ),
    ]
    book = book_of(tmp_path, docs, nav)
    assert book.chapters[0].title == "ÚVOD"
    assert first_words(book)[0][0]


def test_a_divider_atop_most_chapters_under_a_line_about_the_music_opens_no_scene(
    tmp_path: Path,
) -> None:
    # The book's divider atop every chapter's story, in some chapters under a line of the
    # author's (`Listening to: Primadonna`): how the book opens its chapters, no break.
    divider = "<p>━━━━━━ • ✿ • ━━━━━━</p>"
    opening = ["", "<p>Listening to: Primadonna</p>", "", "<p>Listening to: Glue</p>"]
    docs = {
        f"c{n}": f"<h2>Chapter {n + 1}</h2>{line}{divider}" + story(n) + divider + story(n + 9)
        for n, line in enumerate(opening)
    }
    nav = [(f"Chapter {n + 1}", f"Text/c{n}.xhtml") for n in range(len(opening))]
    assert [len(c.scenes) for c in book_of(tmp_path, docs, nav).chapters] == [2, 2, 2, 2]


def test_numbered_titled_sections_headed_below_a_tales_title_open_its_scenes(
    tmp_path: Path,
) -> None:
    # `I. En Begyndelse.` in h3 right under the tale's h2 title, `II. …`, `III. …` further
    # on, each under a picture: each section after the first opens a scene, its heading a
    # label of it (and not the picture's caption).
    parts = ["I. A Beginning.", "II. The Councillor.", "III. The Watchman."]
    docs = {f"t{n}": f"<h2>{t}</h2><hr/>" + story(n) for n, t in enumerate(TALES)}
    docs["t1"] = "<h2>The Bell.</h2><hr/>" + "".join(
        '<p><img src="../Images/plate.png" alt="The watchman at the gate"/></p>' * bool(k)
        + f'<h3 class="section" id="p{k}">{part}</h3>'
        + story(30 + k)
        for k, part in enumerate(parts)
    )
    nav: list = [(t, f"Text/t{n}.xhtml") for n, t in enumerate(TALES)]
    nav[1] = (TALES[1], "Text/t1.xhtml", [(p, f"Text/t1.xhtml#p{k}") for k, p in enumerate(parts)])
    book = book_of(tmp_path, docs, nav)
    assert [c.title for c in book.chapters] == TALES
    assert [s.first_words[:20] for s in book.chapters[1].scenes] == [
        eb.prose(30 + k, 1)[0][:20] for k in range(3)
    ]
