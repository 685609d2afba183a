"""A story collection's contents that list each story's sections: the sections open scenes.

They do even where the spine cuts a story in two or one story's sections are titled poems.
"""

from __future__ import annotations

from pathlib import Path

from fixtures import epub_builders as eb
from markup_books import epub, outline

STORIES = ["THE MASK", "THE YELLOW SIGN", "THE LOVE TEST", "RUE BARREE"]
NUMERALS = ["I", "II", "III"]
POEMS = ["THE STUDIO", "THE PHANTOM", "THE THRONG"]


def _section(anchor: str, title: str, seed: int) -> str:
    return f'<h3 id="{anchor}">{title}</h3>' + eb.paras(eb.prose(seed, 3))


def collection(tmp_path: Path, *, titled: bool = False):
    """Four stories with numbered sections in two documents, the spine cut after the second
    story's heading; with ``titled``, the third story's sections are titled poems instead."""
    bodies: list[str] = []
    nav: list = []
    for s, story in enumerate(STORIES):
        names = POEMS if titled and s == 2 else NUMERALS
        doc = "part0" if s < 1 else "part1"
        heading = f'<h2 id="s{s}">{story}</h2>'
        sections = "".join(_section(f"s{s}n{n}", t, s * 3 + n) for n, t in enumerate(names))
        bodies.append(heading + "\x00" + sections if s == 1 else heading + sections)
        head = "part0" if s <= 1 else "part1"
        nav.append(
            (
                story,
                f"Text/{head}.xhtml#s{s}",
                [(t, f"Text/{doc}.xhtml#s{s}n{n}") for n, t in enumerate(names)],
            )
        )
    first, cut = "".join(bodies[:2]).split("\x00")
    docs = {"part0": first, "part1": cut + "".join(bodies[2:])}
    return epub(tmp_path / "stories.epub", docs, nav)


def test_sections_listed_under_a_story_cut_by_the_spine_are_still_its_sections(
    tmp_path: Path,
) -> None:
    book = collection(tmp_path)
    assert outline(book) == [(story, 3) for story in STORIES]


def test_a_story_whose_listed_sections_are_titled_has_sections_like_the_others(
    tmp_path: Path,
) -> None:
    book = collection(tmp_path, titled=True)
    assert outline(book) == [(story, 3) for story in STORIES]
    poems = book.chapters[2]
    opening = poems.scenes[1].start  # (the poem's title heads its scene)
    assert "THE PHANTOM" in (book.paragraph(opening - 1), book.paragraph(opening))


def test_a_story_whose_listed_sections_start_at_two_opens_a_scene_at_two(
    tmp_path: Path,
) -> None:
    listed = [NUMERALS, NUMERALS, NUMERALS[1:]]  # (the third story's `I` went unlisted)
    docs = {
        f"story{s}": f'<h2 id="s{s}">{story}</h2>'
        + (eb.paras(eb.prose(40, 2)) if s == 2 else "")
        + "".join(
            _section(f"s{s}n{NUMERALS.index(t)}", t, s * 3 + n) for n, t in enumerate(listed[s])
        )
        for s, story in enumerate(STORIES[:3])
    }
    nav = [
        (
            story,
            f"Text/story{s}.xhtml#s{s}",
            [(t, f"Text/story{s}.xhtml#s{s}n{NUMERALS.index(t)}") for t in listed[s]],
        )
        for s, story in enumerate(STORIES[:3])
    ]
    book = epub(tmp_path / "two.epub", docs, nav)
    assert outline(book) == [(story, 3) for story in STORIES[:3]]


def test_a_dash_row_in_a_menu_set_as_a_table_is_no_scene_break(tmp_path: Path) -> None:
    rows = ["Soup.", "—", "Fish.", "Sardines.", "—", "Dessert.", "Prunes."]
    menu = "<table><tbody>" + "".join(f"<tr><td>{r}</td></tr>" for r in rows)
    menu += "</tbody></table>"
    body = "<h2>THE DINNER</h2>" + eb.paras(eb.prose(1, 3)) + menu + eb.paras(eb.prose(2, 3))
    book = epub(tmp_path / "menu.epub", {"dinner": body}, [("THE DINNER", "Text/dinner.xhtml")])
    assert outline(book) == [("THE DINNER", 1)]


def test_a_title_page_whose_poem_and_contents_are_tables_is_front_matter(
    tmp_path: Path,
) -> None:
    song = ["Along the shore the cloud waves break,", "The twin suns sink behind the lake."]
    table = "<table><tbody>" + "".join(f"<tr><td>{r}</td></tr>" for r in song)
    table += "</tbody></table><table><tbody><tr><td>CONTENTS</td></tr>"
    table += "".join(f"<tr><td>{s}</td></tr>" for s in STORIES[:2]) + "</tbody></table>"
    docs = {
        "title": "<h1 id='t'>THE LANTERN KEEPER</h1><p>BY ADA QUILL</p>" + table,
        "stories": "".join(
            f'<h2 id="s{s}">{story}</h2>' + eb.paras(eb.prose(s, 4))
            for s, story in enumerate(STORIES[:2])
        ),
    }
    nav = [("THE LANTERN KEEPER", "Text/title.xhtml#t")] + [
        (story, f"Text/stories.xhtml#s{s}") for s, story in enumerate(STORIES[:2])
    ]
    book = epub(tmp_path / "title.epub", docs, nav)
    assert [c.title for c in book.chapters] == STORIES[:2]
