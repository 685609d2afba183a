"""A play's scenes, a contents heading, a licence and a bibliography, as a reader takes them.

A play's scenes under its acts, a page's own contents heading, a licence named by its issuer and
a bibliography among the chapters, as a reader takes them.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import epub_builders as eb
from markup_books import epub, outline, story

from tui.book.formats import open_book


def _verse(seed: int) -> str:
    # (a play's lines, one link and a line break each, no paragraph around them)
    lines = eb.prose(seed, 6)
    return (
        "<blockquote>"
        + "".join(f"<a name={n}>{t}</a><br>" for n, t in enumerate(lines))
        + ("</blockquote>")
    )


def _play(acts: list[list[str]]) -> str:
    body = ""
    seed = 1
    for n, scenes in enumerate(acts, 1):
        body += f"<h3>ACT {'I' * n if n < 4 else 'IV'}</h3>"
        for scene in scenes:
            body += f"<h3>{scene}</h3><b>KING</b>{_verse(seed)}"
            seed += 1
    return (
        f"<html><head><title>The Lantern King: Entire Play</title></head><body>{body}</body></html>"
    )


def test_a_plays_scenes_numbered_anew_under_each_act_are_its_chapters(tmp_path: Path) -> None:
    acts = [
        ["PROLOGUE", "SCENE I. London. A hall.", "SCENE II. The same."],
        ["SCENE I. France. A camp.", "SCENE II. The field.", "SCENE III. The same."],
        ["PROLOGUE", "SCENE I. A street."],
    ]
    path = tmp_path / "play.html"
    path.write_text(_play(acts), encoding="utf-8")
    book = open_book(path)
    # Every scene (and each act's prologue) is a chapter; the act opens the first under it.
    assert [title for title, _ in outline(book)] == [s for act in acts for s in act]
    assert [book.paragraph(c.start) for c in book.chapters[:4]] == [
        "ACT I",
        "SCENE I. London. A hall.",
        "SCENE II. The same.",
        "ACT II",
    ]


def test_acts_without_scenes_numbered_under_them_stay_the_chapters(tmp_path: Path) -> None:
    body = "".join(f"<h3>ACT {n}</h3>{story(k, 5)}" for k, n in enumerate(["I", "II", "III"]))
    body += "<h3>A Note on the Text</h3>" + story(9, 2)
    path = tmp_path / "acts.html"
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    titles = [title for title, _ in outline(open_book(path))]
    assert titles[:3] == ["ACT I", "ACT II", "ACT III"]


def test_a_contents_heading_does_not_make_its_level_the_chapters(tmp_path: Path) -> None:
    # A fragment with its contents under an <h2>, one season's heading an <h2> over the
    # reviews under it, the reviews in <h3>s, and the notes' heading in Polish.
    reviews = ["Molier, Tartuffe", "Fredro, Śluby panieńskie", "Rittner, Głupi Jakub"]
    body = '<div id="book-text"><div id="toc"><h2>Spis treści</h2><ol>'
    body += "".join(f'<li><a href="#s{n}">{r}</a></li>' for n, r in enumerate(reviews))
    body += "</ol></div><h1>Flirt z Melpomeną</h1>"
    body += f'<h3><a name="s0"></a>{reviews[0]}</h3>{story(1, 4)}<h2>Sezon 1919/1920</h2>'
    body += "".join(
        f'<h3><a name="s{n}"></a>{r}</h3>{story(n + 1, 4)}' for n, r in enumerate(reviews[1:], 1)
    )
    body += '<div id="footnotes"><h3>Przypisy</h3><p>[1] Note one.</p><p>[2] Note two.</p></div>'
    path = tmp_path / "flirt.html"
    path.write_text(body + "</div>", encoding="utf-8")
    book = open_book(path)
    assert [c.title for c in book.chapters] == reviews
    assert [s.kind for s in book.end_matter] == ["end_notes"]


def test_a_licence_named_by_its_issuer_is_end_matter(tmp_path: Path) -> None:
    docs = {
        "c1": f"<h2>1. Tablemount</h2>{story(1, 5)}",
        "c2": f"<h2>2. Depot</h2>{story(2, 5)}",
        "lic": f"<h2>License</h2>{story(3, 2)}",
        "cc": "<h3>CREATIVE COMMONS LICENSE INFORMATION</h3><p>Section 1 - Definitions.</p>"
        f"<hr/>{story(4, 3)}<hr/>{story(5, 3)}",
        "pg": "<h2>PROJECT GUTENBERG ”SMALL PRINT”</h2><p>END OF THE EBOOK</p><p>&#160;</p>"
        f"{story(6, 3)}",
    }
    nav = [
        ("1. Tablemount", "Text/c1.xhtml"),
        ("2. Depot", "Text/c2.xhtml"),
        ("License", "Text/lic.xhtml"),
        ("CREATIVE COMMONS LICENSE INFORMATION", "Text/cc.xhtml"),
        ("PROJECT GUTENBERG ”SMALL PRINT”", "Text/pg.xhtml"),
    ]
    book = epub(tmp_path / "lic.epub", docs, nav)
    assert outline(book) == [("1. Tablemount", 1), ("2. Depot", 1)]
    assert len(book.end_matter) == 3


def test_a_bibliographys_gaps_between_its_lists_are_no_scene_breaks(tmp_path: Path) -> None:
    works = "".join(f"<p>Author {n}, A History of Numbers (Leipzig, 18{n}0).</p>" for n in range(6))
    gap = '<p class="indent"><span class="bigskip"></span></p>'
    docs = {
        "a1": f"<h2>Article 1<br/>INTRODUCTION.</h2>{story(1, 5)}",
        "a2": f"<h2>Article 2<br/>GEOMETRY.</h2>{story(2, 5)}",
        "bib": f"<h2>BIBLIOGRAPHY.</h2>{story(3, 1)}{works}{gap}{story(4, 1)}{works}{gap}"
        f"{story(5, 1)}{works}",
        "a3": f"<h2>GENERAL TENDENCIES.</h2>{story(6, 3)}{gap}{story(7, 3)}",
    }
    nav = [
        ("INTRODUCTION.", "Text/a1.xhtml"),
        ("GEOMETRY.", "Text/a2.xhtml"),
        ("BIBLIOGRAPHY.", "Text/bib.xhtml"),
        ("GENERAL TENDENCIES.", "Text/a3.xhtml"),
    ]
    book = epub(tmp_path / "math.epub", docs, nav)
    scenes = dict(outline(book))
    assert scenes["BIBLIOGRAPHY."] == 1
    # (a chapter of prose keeps the break its gap makes)
    assert scenes["GENERAL TENDENCIES."] == 2


def test_gaps_around_a_notice_repeated_atop_the_chapters_are_no_scene_breaks(
    tmp_path: Path,
) -> None:
    notice = "Read it now on the Lantern Press site, where all our favourite stories are free."
    titles = ["The Ferry", "The Bell", "The Fog", "The Return"]
    taglines = ["Love is a tide.", "Who rings at midnight?", "Nothing is lost.", "Come home."]
    docs = {
        f"c{n}": f"<h1>{title}</h1><p><i>{title}</i> by Ada Quill (@adaquill) is now out in "
        f"paperback!</p><p><img src='c{n}.jpg'/></p><p>{notice}</p><p/>"
        f"<p><b>{tagline}</b></p>{story(n, 4)}" + ("<p/>" + story(n + 9, 4) if n == 3 else "")
        for n, (title, tagline) in enumerate(zip(titles, taglines, strict=True))
    }
    nav = [(title, f"Text/c{n}.xhtml") for n, title in enumerate(titles)]
    book = epub(tmp_path / "promo.epub", docs, nav)
    # (the last chapter's gap in its story, with no notice beside it, still parts scenes)
    assert outline(book) == [("The Ferry", 1), ("The Bell", 1), ("The Fog", 1), ("The Return", 2)]
