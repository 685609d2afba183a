"""Chapters in titled sections, appendices, typed rules, bylines, acts and a colophon.

Chapters split into titled sections over several files, appendices after them, notes and typed
rules that open no scene, a story titled over its byline, a play's acts over scenes, and a
Japanese e-text's colophon.
"""

from __future__ import annotations

from pathlib import Path

from markup_books import PG_END, PG_START, epub, story

from tui.book.markup.blocks import TEXT, Block
from tui.book.markup.html_book import open_html
from tui.book.markup.rule_lines import split_at_rules

SECTIONS = [["Where It Began", "The Long Winter"], ["Tools", "Habits", "Rules"], ["Money", "Time"]]


def manual(path: Path) -> object:
    """A manual in three numbered chapters, each opening with prose, then titled sections: the
    first in the chapter's own file, the others in files of their own; a preface with sections,
    and two lettered appendices whose headings say `Appendix`."""
    docs = {"pref": "<h1>Preface</h1>" + story(1, 2) + "<h1>Who This Is For</h1>" + story(2, 2)}
    docs["pref2"] = "<h1>How To Read It</h1>" + story(3, 2)
    nav: list = [("Preface", "Text/pref.xhtml", [("Who This Is For", "Text/pref.xhtml#w")])]
    nav[0][2].append(("How To Read It", "Text/pref2.xhtml"))
    names = ["Beginnings", "Working Together", "Keeping Going"]
    for c, (name, sections) in enumerate(zip(names, SECTIONS, strict=True)):
        body = f"<h1>Chapter {c + 1}. {name}</h1>" + story(10 + c, 2)
        body += f'<h1 id="s0">{sections[0]}</h1>' + story(20 + c, 3)
        docs[f"ch{c}"] = body
        kids = [(sections[0], f"Text/ch{c}.xhtml#s0")]
        for s, title in enumerate(sections[1:], 1):
            docs[f"ch{c}s{s}"] = f"<h1>{title}</h1>" + story(30 + 3 * c + s, 3)
            kids.append((title, f"Text/ch{c}s{s}.xhtml"))
        nav.append((f"{c + 1}. {name}", f"Text/ch{c}.xhtml", kids))
    for letter, name in (("A", "Further Reading"), ("B", "Sample Forms")):
        docs[f"ap{letter}"] = f"<h1>Appendix {letter}. {name}</h1>" + story(50, 3)
        nav.append((f"{letter}. {name}", f"Text/ap{letter}.xhtml"))
    return epub(path, docs, nav)


def test_titled_sections_under_numbered_chapters_are_no_chapters(tmp_path: Path) -> None:
    book = manual(tmp_path / "manual.epub")
    assert [c.title for c in book.chapters] == [
        "1. Beginnings",
        "2. Working Together",
        "3. Keeping Going",
    ]
    # (each chapter reads on through its sections' files)
    assert [c.section for c in book.chapters] == [
        "Text/ch0.xhtml",
        "Text/ch1.xhtml",
        "Text/ch2.xhtml",
    ]


def test_appendices_after_the_chapters_are_end_matter(tmp_path: Path) -> None:
    book = manual(tmp_path / "manual.epub")
    assert book.chapters[-1].title == "3. Keeping Going"
    assert book.end_matter


def test_a_part_over_titled_chapters_in_files_of_their_own_keeps_its_chapters(
    tmp_path: Path,
) -> None:
    # (numbered parts, each a title page alone, over chapters of their own files)
    docs: dict[str, str] = {}
    nav: list = []
    for p in range(3):
        docs[f"part{p}"] = f"<h1>{p + 1}. The Season {p}</h1>"
        kids = []
        for c, title in enumerate(SECTIONS[p]):
            docs[f"p{p}c{c}"] = f"<h2>{title}</h2>" + story(10 * p + c, 3)
            kids.append((title, f"Text/p{p}c{c}.xhtml"))
        nav.append((f"{p + 1}. The Season {p}", f"Text/part{p}.xhtml", kids))
    book = epub(tmp_path / "parts.epub", docs, nav)
    assert [c.title for c in book.chapters] == [t for titles in SECTIONS for t in titles]


def test_a_rule_over_a_chapters_notes_opens_no_scene(tmp_path: Path) -> None:
    notes = '<div class="footnotes"><hr/><div class="footnote"><p>[1] A note.</p></div></div>'
    docs = {f"c{c}": f"<h2>Chapter {c + 1}</h2>" + story(c, 4) + notes for c in range(2)}
    nav = [(f"Chapter {c + 1}", f"Text/c{c}.xhtml") for c in range(2)]
    book = epub(tmp_path / "notes.epub", docs, nav)
    assert [len(c.scenes) for c in book.chapters] == [1, 1]


def test_an_underline_and_a_typed_frame_in_preformatted_text_are_no_breaks() -> None:
    mail = "Subject: the release\n\nReferences:\n===========\n  one item"
    assert split_at_rules(Block(TEXT, mail, tag="pre")) is None
    log = "-" * 40 + "\nr12 | someone | a change\n" + "-" * 40
    assert split_at_rules(Block(TEXT, log, tag="pre")) is None
    # (a rule between lines of text still cuts them)
    cut = "The end of one thing.\n*****\nThe start of another, longer line."
    assert split_at_rules(Block(TEXT, cut, tag="p")) is not None


def test_a_story_titled_in_a_styled_line_over_its_byline_heading(tmp_path: Path) -> None:
    body = '<p class="title3">THE GREEN DOOR</p><h2>By Ada Quill</h2><hr/>' + story(1, 6)
    page = (
        f"<html><head><title>The Green Door</title></head><body><pre>{PG_START}</pre>"
        f"{body}<pre>{PG_END}</pre></body></html>"
    )
    path = tmp_path / "door.html"
    path.write_text(page, encoding="utf-8")
    book = open_html(path)
    assert [c.title for c in book.chapters] == ["THE GREEN DOOR"]


def test_an_acts_heading_over_its_prologue_and_scenes_leaves_their_titles_alone(
    tmp_path: Path,
) -> None:
    docs: dict[str, str] = {}
    nav: list = []
    verse = (
        "<blockquote><p>"
        + "<br/>".join(["A line of verse to open the act"] * 8)
        + "</p></blockquote>"
    )
    for a, act in enumerate(["Act I", "Act II"]):
        kids = [("Prologue", f"Text/a{a}p.xhtml#pro")]
        docs[f"a{a}p"] = f'<h3>{act}</h3><div id="pro"><h3>Prologue</h3>{verse}</div>'
        for s in range(2):
            title = f"SCENE {'I' * (s + 1)}. A street."
            docs[f"a{a}s{s}"] = f"<h3>{title}</h3>" + story(10 * a + s, 4)
            kids.append((title, f"Text/a{a}s{s}.xhtml"))
        nav.append((act, f"Text/a{a}p.xhtml", kids))
    book = epub(tmp_path / "play.epub", docs, nav)
    assert [c.title for c in book.chapters] == [
        "Prologue",
        "SCENE I. A street.",
        "SCENE II. A street.",
    ] * 2
    assert [c.part for c in book.chapters] == ["Act I"] * 3 + ["Act II"] * 3


def test_a_japanese_colophon_after_a_rule_is_end_matter(tmp_path: Path) -> None:
    lines = "".join(f"<div>{'本文の行です。' * 6}{n}</div>" for n in range(8))
    body = (
        "<h1>灯台守</h1><h2>誰か</h2><h3>第一の章</h3>"
        + lines
        + "<h3>第二の章</h3>"
        + lines
        + "<hr/>"
        "<div>底本：「灯台守」架空文庫、架空社</div><div>入力：誰か</div>"
        "<hr/><div>●表記について</div><div>このファイルは作られました。</div>"
    )
    page = f"<html><head><title>灯台守</title></head><body>{body}</body></html>"
    path = tmp_path / "colophon.html"
    path.write_text(page, encoding="utf-8")
    book = open_html(path)
    last = book.chapters[-1]
    assert (last.title, len(last.scenes)) == ("第二の章", 1)
    assert book.end_matter
