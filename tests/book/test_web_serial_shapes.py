"""Shapes of real files from an eighth gathering: web serials saved as text and as WordPress
pages, Royal Road and Wattpad downloads, and EPUBs built by translation sites' scrapers."""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book

PROSE = "She walked down to the harbour and counted the boats again, slowly, twice over."
OTHER = "The lamp in the tower was lit at dusk, and the keeper wrote the hour in his book."
MORE = "Rain came in over the hills before noon, and the road turned to mud by evening."
SAID = "“Are we there yet?” asked the boy, who had asked it a dozen times that morning."
ASKED = "“Nearly,” his mother said, and did not look up from the map on her knees at all."


def scene_firsts(path: Path) -> list[list[str]]:
    return [[s.first_words[:14] for s in c.scenes] for c in open_book(path).chapters]


def written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_two_different_dashes_used_again_are_the_books_breaks(tmp_path: Path) -> None:
    # A serial with a paragraph a line and no blank lines: `—-` parts its scenes, between
    # lines of dialogue too (a lone `—` there would be somebody falling silent).
    lines = [PROSE, SAID, "—-", ASKED, OTHER, "—-", MORE, SAID, "—-", OTHER]
    path = written(tmp_path, "chapter.txt", "\n".join(lines) + "\n")
    assert scene_firsts(path) == [[PROSE[:14], ASKED[:14], MORE[:14], OTHER[:14]]]
    once = written(tmp_path, "once.txt", "\n".join([PROSE, SAID, "—", ASKED, OTHER]) + "\n")
    assert scene_firsts(once) == [[PROSE[:14]]]


def page(body: str, title: str = "Story") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def test_a_wider_run_of_line_breaks_in_a_text_spaced_out_by_them(tmp_path: Path) -> None:
    # A chapter that is one <p>, its paragraphs parted by five <br/>s; eight part its scenes.
    five, eight = "<br/>" * 5, "<br/>" * 8
    texts = [PROSE, OTHER, MORE, SAID, ASKED, PROSE, OTHER]
    body = five.join(texts[:4]) + eight + five.join(texts[4:])
    path = written(tmp_path, "chapter.html", page(f"<h2>Chapter 1</h2><p>{body}</p>"))
    assert scene_firsts(path) == [[PROSE[:14], ASKED[:14]]]


def test_a_wider_gap_after_an_epigraph_is_no_break(tmp_path: Path) -> None:
    # Empty paragraphs part every paragraph; the run after the chapter's lines in italics
    # sets them apart from the story.
    gap, wide = "<p>&nbsp;</p>", "<p>&nbsp;</p>" * 6
    motto = [f"<p><em>{line}</em></p>" for line in ("The sea was calm.", "The sea is calm.")]
    prose = [f"<p>{t}</p>" for t in (PROSE, OTHER, MORE, SAID, ASKED)]
    body = gap.join(motto) + wide + gap.join(prose)
    path = written(tmp_path, "chapter.html", page(f"<h2>Chapter 1</h2>{body}"))
    assert len(scene_firsts(path)[0]) == 1
