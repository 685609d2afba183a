"""Shapes met in a Chinese translation, a diary one-shot, pasted documents and works in progress.

Chapters of prose written without spaces, headings set off by underlining, rules fencing pasted
documents, and scene headers of point-of-view names and dates.
"""

from __future__ import annotations

from pathlib import Path

from markup_books import epub

from tui.book.formats import open_book
from tui.book.markup.front import is_prose
from tui.book.markup.para import Para
from tui.book.model import Book, ParaKind
from tui.book.rules.breaks import is_break_line
from tui.book.rules.word_count import words_in

PROSE = "She walked down to the harbour and counted the boats again, slowly, twice over."
OTHER = "The lamp in the tower was lit at dusk, and the keeper wrote the hour in his book."
CHINESE = "他走到港口，又慢慢地数了两遍船。灯塔在黄昏时亮起，守灯人在本子上写下时间。"


def scenes(book: Book) -> list[list[str]]:
    return [[s.first_words[:12] for s in c.scenes] for c in book.chapters]


def _ao3_download(tmp_path: Path, chapters: list[tuple[str, str]]) -> Book:
    body = "".join(
        f'<div class="meta group"><h2 class="heading">{title}</h2></div>'
        f'<div class="userstuff">{text}</div>'
        for title, text in chapters
    )
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"/>
<title>The Watch - keeper - Archive of Our Own</title></head><body>
<div id="preface"><h1>The Watch</h1><div class="byline">by keeper</div></div>
<div id="chapters" class="userstuff">{body}</div>
<div id="afterword"><p>Please drop by the Archive and comment.</p></div>
</body></html>"""
    path = tmp_path / "watch.html"
    path.write_text(page, encoding="utf-8")
    return open_book(path)


def test_full_width_punctuation_divides_words() -> None:
    assert words_in("Yang，Reuenthal：“Odin。”") == 3
    assert words_in(CHINESE) == 33  # each character a word, the punctuation none


def test_a_chinese_sentence_is_prose() -> None:
    assert is_prose(Para(CHINESE, None, ParaKind.TEXT, None))
    assert not is_prose(Para("宇宙历782年六月，费沙", None, ParaKind.TEXT, None))


def test_chapters_titled_and_written_in_chinese_are_chapters(tmp_path: Path) -> None:
    text = f"<p>宇宙历782年六月，费沙</p>{f'<p>{CHINESE}</p>' * 4}<hr/>{f'<p>{CHINESE}</p>' * 3}"
    book = _ao3_download(tmp_path, [("以错误的视角审读文本", text), ("背水一战", text)])
    assert [c.title for c in book.chapters] == ["以错误的视角审读文本", "背水一战"]
    assert [len(c.scenes) for c in book.chapters] == [2, 2]


def _third_party_ao3_epub(tmp_path: Path, chapters: list[str]) -> Book:
    """An EPUB that keeps AO3's chapter markup without AO3's containers: a notes page, then
    chapters of `div.chapter.preface.group` (title, notes module) and `div.userstuff.module`
    under the `Chapter Text` landmark; ``chapters`` are the texts under the landmark."""
    notes = (
        '<div class="notes module"><h3 class="heading">Notes:</h3><blockquote class="userstuff">'
        f"<p>{PROSE} I hope you enjoy it, thank you for reading!</p></blockquote></div>"
    )
    docs = {"notes": notes}
    for n, text in enumerate(chapters, 1):
        docs[f"chapter{n}"] = (
            f'<div class="chapter preface group"><h3 class="title">Chapter {n}: Orbit</h3>'
            '<div id="notes" class="notes module"><h3 class="heading">Notes:</h3>'
            "<p>(See the end of the chapter for notes.)</p></div></div>"
            '<div class="userstuff module"><h3 class="landmark heading" id="work">Chapter Text'
            f"</h3>{text}</div>"
        )
    nav = [("Notes", "Text/notes.xhtml")]
    nav += [(f"Chapter {n}: Orbit", f"Text/chapter{n}.xhtml") for n in range(1, len(chapters) + 1)]
    return epub(tmp_path / "work.epub", docs, nav)


def _paras(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def test_a_notes_page_before_the_first_chapter_is_front_matter(tmp_path: Path) -> None:
    book = _third_party_ao3_epub(tmp_path, [_paras(PROSE, OTHER, PROSE)] * 2)
    assert [c.title for c in book.chapters] == ["Chapter 1: Orbit", "Chapter 2: Orbit"]
    # (the chapter's notes module is its notes, not the first words of its story)
    assert scenes(book) == [["She walked d"], ["She walked d"]]


def test_an_epigraph_fenced_by_rules_atop_most_chapters_is_no_scene(tmp_path: Path) -> None:
    epigraph = "<hr/><p>ignition — the moment when a star begins to burn.</p><hr/>"
    chapter = epigraph + _paras(PROSE, OTHER, PROSE) + "<hr/>" + _paras(OTHER, PROSE)
    book = _third_party_ao3_epub(tmp_path, [chapter] * 3)
    assert scenes(book) == [["ignition — t", "The lamp in "]] * 3


def test_one_fenced_opening_is_a_short_scene(tmp_path: Path) -> None:
    fenced = "<hr/>" + _paras(OTHER, PROSE) + "<hr/>"
    plain = _paras(PROSE, OTHER, PROSE)
    book = _third_party_ao3_epub(tmp_path, [fenced + plain, plain, plain])
    assert scenes(book)[0] == ["The lamp in ", "She walked d"]


def test_a_point_of_view_name_heading_scenes_opens_one_where_it_stands_alone(
    tmp_path: Path,
) -> None:
    chapter = _paras("Satoru", PROSE, OTHER) + "<hr/>" + _paras("Suguru", PROSE, OTHER)
    chapter += "<hr/>" + _paras("Satoru", OTHER, PROSE)
    chapter += _paras("Suguru", OTHER, PROSE)  # the point of view switches, no rule
    book = _third_party_ao3_epub(tmp_path, [chapter] * 3)
    assert scenes(book) == [["Satoru", "Suguru", "Satoru", "Suguru"]] * 3


def test_a_name_alone_in_a_book_without_such_headers_opens_nothing(tmp_path: Path) -> None:
    chapter = _paras(PROSE, OTHER) + "<hr/>" + _paras(PROSE, "Satoru", OTHER, PROSE)
    book = _third_party_ao3_epub(tmp_path, [chapter] * 3)
    assert scenes(book) == [["She walked d", "She walked d"]] * 3


def test_a_class_the_page_hides_is_not_the_text(tmp_path: Path) -> None:
    style = "<style><![CDATA[ .cmUyMmY2{ display: none; speak: never; } ]]></style>"
    hidden = '<p class="cmUyMmY2">This tale has been lifted without the author\'s consent.</p>'
    body = f"<h1>Chapter 1</h1><p>{PROSE}</p><p>{OTHER}</p><hr/>{hidden}<p>{OTHER}</p>"
    path = tmp_path / "page.html"
    path.write_text(f"<html><head>{style}</head><body>{body}</body></html>", encoding="utf-8")
    book = open_book(path)
    assert scenes(book) == [["She walked d", "The lamp in "]]
    assert "lifted" not in book.text


def _ao3_one_shot(tmp_path: Path, text: str) -> Book:
    return _ao3_download(tmp_path, [("The Watch", text)])


def test_prologue_and_epilogue_inside_a_one_shot_are_its_sections(tmp_path: Path) -> None:
    text = _paras("Prologue", PROSE, OTHER) + "<p></p>" + _paras("Epilogue", OTHER, PROSE)
    book = _ao3_one_shot(tmp_path, text)
    assert [s.first_words for s in book.chapters[0].scenes] == ["Prologue", "Epilogue"]


def test_a_prologue_without_an_epilogue_still_heads_its_chapter(tmp_path: Path) -> None:
    book = _ao3_one_shot(tmp_path, _paras("Prologue", PROSE, OTHER, PROSE))
    assert book.kinds[book.chapters[0].scenes[0].start - 1] == ParaKind.HEADING
    assert scenes(book) == [["She walked d"]]


def test_a_diary_entry_is_a_scene_however_short(tmp_path: Path) -> None:
    days = ["Day One:", "Day Two", "Day Three", "Day Four", "Day Six", "Day Eight"]
    entries = [_paras(day, PROSE, OTHER) for day in days]
    entries[3] = _paras(days[3], OTHER)  # one paragraph under its day: an entry still
    text = _paras(PROSE, OTHER) + "".join("<p> </p>" + entry for entry in entries)
    book = _ao3_one_shot(tmp_path, text)
    assert [s.first_words for s in book.chapters[0].scenes][1:] == [d.rstrip(":") for d in days]


def test_a_short_run_between_spacers_without_such_headers_is_an_inset(tmp_path: Path) -> None:
    text = _paras(PROSE, OTHER, PROSE) + "<p> </p>" + _paras("A note", OTHER) + "<p> </p>"
    text += _paras(PROSE, OTHER, PROSE)
    book = _ao3_one_shot(tmp_path, text)
    assert len(book.chapters[0].scenes) == 1


def _fills(tmp_path: Path, titles: list[tuple[str, bool]]) -> Book:
    """An AO3 download made into text: each fill's title, with AO3's `Chapter Summary` label
    under it when the fill has a summary."""
    lines = ["", "Preface", "", "Seven Fills", "Posted originally on the Archive of Our Own at "]
    lines += ["http://archiveofourown.org/works/1.", "", "Rating:", "Explicit", "Stats:"]
    lines += ["  Chapters: 5/5", "", "Seven Fills", "by someone", "Summary", "Five fills.", "", ""]
    for title, summary in titles:
        lines += [title] + (["Chapter Summary", "A summary of the fill."] if summary else [])
        lines += ["", "", "", PROSE, "", OTHER, "", PROSE, "", "", ""]
    path = tmp_path / "fills.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return open_book(path)


def test_titles_led_by_a_pairing_are_chapters_without_their_summary_label(
    tmp_path: Path,
) -> None:
    titles = [
        ("Jackson/JB; Habits", True),
        ("JB/Mark; three little words", True),
        ("JB/Youngjae; who are you?", True),  # (a title may ask)
        ("Jackson/JB; tall tales", False),
        ("Mark/Youngjae; Hold My Hand", False),
    ]
    book = _fills(tmp_path, titles)
    assert [c.title for c in book.chapters] == [t for t, _ in titles]


def test_a_line_led_by_a_plain_word_is_no_title(tmp_path: Path) -> None:
    titles = [("Habits", True), ("Three little words", True), ("Tall tales", True)]
    lines = [PROSE, "", "Okay; fine", "", OTHER]
    book = _fills(tmp_path, titles)
    path = tmp_path / "fills.txt"
    text = path.read_text(encoding="utf-8").replace(OTHER, "\n".join(lines), 1)
    path.write_text(text, encoding="utf-8")
    assert [c.title for c in open_book(path).chapters] == [t for t, _ in titles]
    assert len(book.chapters) == 3


def test_an_ornament_drawn_with_hieroglyphs_is_a_break() -> None:
    assert is_break_line("—°்⋆ 𓆉 ⋆.˚ 𓆝⋆.°்—")
    assert not is_break_line("Turtle")


def test_a_name_under_a_part_line_opens_no_second_scene(tmp_path: Path) -> None:
    chapter = _paras("Part One", "Satoru", PROSE, OTHER) + "<hr/>" + _paras("Suguru", PROSE)
    chapter += "<hr/>" + _paras("Satoru", OTHER, PROSE)
    book = _third_party_ao3_epub(tmp_path, [chapter] * 3)
    assert scenes(book) == [["Satoru", "Suguru", "Satoru"]] * 3


def test_the_chapter_text_landmark_is_no_text_of_the_scene_whatever_follows_it() -> None:
    # In a third-party AO3 EPUB, a rule right under `Chapter Text` in chapter 25 left the
    # landmark as the first words of the chapter's first scene, and `Text` as its name.
    fanfic = Path(__file__).resolve().parents[1] / "fixtures" / "fanfic"
    book = open_book(fanfic / "ao3_epub_third_party_long_wip_pov_date_headers.epub")
    landmarks = [i for i in range(len(book)) if book.paragraph(i) == "Chapter Text"]
    assert len(landmarks) >= 41
    assert all(book.kinds[i] != ParaKind.TEXT for i in landmarks)
    assert not any("Text" in s.names for s in book.all_scenes())
    assert not any(s.first_words.startswith("Chapter Text") for s in book.all_scenes())
