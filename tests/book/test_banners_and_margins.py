"""Layouts of e-texts set out by their authors: banners of `=` signs and `#` scene lines.

Headings in banners of `=` signs, the same banners over the pages of praise and thanks around
the story, and `#` lines parting scenes and the quotes of the praise alike. Texts written for
these tests.
"""

from __future__ import annotations

from support_engine import headings, scene_lines, story

from tui.book.model import ParaKind
from tui.book.text.parse import parse_text


def _banner(words: str) -> str:
    return f"======= {words} ======="


def _banner_book() -> str:
    praise = "\n\n#\n\n".join(
        f"A fine book about the sea, number {k}.\n\nA Reviewer, The Harbour Times" for k in range(5)
    )
    parts = [
        "The Net Menders\n\nA. Writer\n\nCopyright 2001 A. Writer\n\n--",
        f"{_banner('Praise:')}\n\n{praise}\n\n--",
        f"{_banner('A word before the story:')}\n\n{story(9)}\n\n--",
        f"{_banner('PROLOGUE')}\n\n{story(4)}\n\n#\n\n{story(4)}",
    ]
    parts += [f"{_banner(f'CHAPTER {k}')}\n\n{story(4)}\n\n#\n\n{story(4)}" for k in (1, 2, 3)]
    parts += [f"--\n\n{_banner('Thanks:')}\n\n{story(2)}"]
    return "\n\n\n".join(parts) + "\n"


def test_headings_in_banners_head_the_chapters() -> None:
    book = parse_text(_banner_book())
    assert [title for title, _ in headings(book)] == [
        "PROLOGUE",
        "CHAPTER 1",
        "CHAPTER 2",
        "CHAPTER 3",
    ]


def test_labels_in_banners_are_pages_around_the_story_not_its_scenes() -> None:
    book = parse_text(_banner_book())
    # (the `#` lines among the praise part no scenes: only those inside the chapters do)
    assert [len(lines) for lines in scene_lines(book)] == [2, 2, 2, 2]
    front = [book.paragraph(i) for i in range(len(book)) if book.kinds[i] == ParaKind.FRONT]
    assert any("A Reviewer" in line for line in front)
    end = [book.paragraph(i) for i in range(len(book)) if book.kinds[i] == ParaKind.END]
    assert _banner("Thanks:") in end


def _set_in(text: str, depth: int = 3) -> str:
    """Every line of ``text`` set ``depth`` spaces in (blank lines stay blank)."""
    return "\n".join(" " * depth + line if line else "" for line in text.split("\n"))


def _margin_book(depth: int = 3) -> str:
    parts = ["THE NET MENDERS\n\nA. Writer"]
    chapter = 0
    for part, motto in enumerate(["The sea keeps what it is given.", "Nets are mostly holes."]):
        attribution = _set_in("- A. Sailor", depth)
        parts.append(f"PART {part + 1}: The Tide\n\n{_set_in(motto, depth)}\n\n{attribution}")
        for _ in range(2):
            chapter += 1
            scenes = [_set_in(story(4), depth) for _ in range(3)]
            rule = "\n\n" + _set_in("* * *", depth) + "\n\n"
            parts.append(f"Chapter {chapter}: Nets\n\n" + rule.join(scenes))
    return "\n\n".join(parts) + "\n"


def test_a_text_set_in_throughout_keeps_its_paragraphs_and_scene_rules() -> None:
    book = parse_text(_margin_book())
    assert book.style == "wrapped"
    # (the lines inside a paragraph are set in like its first: they start no paragraph)
    assert all("\n" in book.raw(i) for i in range(len(book)) if "lamps" in book.raw(i))
    assert [len(lines) for lines in scene_lines(book)] == [3, 3, 3, 3]


def test_a_part_title_over_an_epigraph_and_its_author_is_no_chapter() -> None:
    book = parse_text(_margin_book(depth=0))
    assert [title for title, _ in headings(book)] == [f"Chapter {k}: Nets" for k in (1, 2, 3, 4)]
    assert [chapter.part for chapter in book.chapters] == ["PART 1", "PART 1", "PART 2", "PART 2"]
