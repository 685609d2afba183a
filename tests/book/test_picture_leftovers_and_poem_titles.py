"""Plain texts made from illustrated pages, and the poems a story quotes under a title.

Plain texts made from illustrated pages, a picture's file name and its link left on lines of
their own between paragraphs; and the poems a story quotes under a title set alone. Texts
written for these tests.
"""

from __future__ import annotations

from support_engine import headings, story

from tui.book.model import ParaKind
from tui.book.rules.illustrations import image_file_line
from tui.book.text.parse import parse_text

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
VERSE = [
    "The tide goes out beneath the quay,",
    "The nets lie drying in the sun,",
    "The gulls cry out across the sea,",
    "And all the mending work is done.",
]


def picture(k: int) -> str:
    return f"p{k:03d}.jpg (12{k}K)\n\nFull Size"


def illustrated_book(chapters: int = 8) -> str:
    """Chapters headed `CHAPTER N.` over a capitals title, with pictures left as their file
    names between paragraphs, set off by three and four blank lines."""
    parts = []
    for k in range(chapters):
        parts.append(
            f"CHAPTER {ROMAN[k]}.\nOF THE HARBOUR AND THE BOATS\n\n{story(3)}\n\n\n\n"
            f"{picture(2 * k)}\n\n\n\n\n{story(3)}\n\n\n\n{picture(2 * k + 1)}\n\n\n\n{story(2)}"
        )
    return "\n\n\n\n".join(parts) + "\n"


def test_a_pictures_file_name_and_link_are_no_scene_break_and_no_story() -> None:
    book = parse_text(illustrated_book())
    assert len(book.chapters) == 8
    assert all(len(c.scenes) == 1 for c in book.chapters)
    leftovers = [
        i for i in range(len(book)) if book.paragraph(i) in ("Full Size", "p000.jpg (120K)")
    ]
    assert leftovers and all(book.kinds[i] == ParaKind.LABEL for i in leftovers)


def test_a_file_name_that_starts_like_a_part_heads_nothing() -> None:
    text = illustrated_book().replace("p004.jpg (124K)", "part2.jpg (130K)")
    book = parse_text(text)
    assert [title.split(":")[0] for title, _ in headings(book)] == [
        f"CHAPTER {ROMAN[k]}" for k in range(8)
    ]


def test_image_file_lines() -> None:
    for line in ("p008.jpg (289K)", "c06a.jpg (92K)", "images/plate-3.png", "  fig_2.GIF  "):
        assert image_file_line(line)
    for line in ("He opened p008.jpg at once.", "part 2", "The photo.jpg file was lost (2K)"):
        assert not image_file_line(line)


def poems_book() -> str:
    """Chapters whose story quotes a poem now and then under a capitals title set alone
    (`SONNET`, `SONG`), as a narrator's name would be set over a section."""
    verse = "\n".join(VERSE)
    parts = []
    for k in range(8):
        parts.append(
            f"CHAPTER {ROMAN[k]}.\n\n{story(3)}\n\n\nSONNET\n\n{verse}\n\n\n{story(3)}\n\n\n"
            f"SONG\n\n{verse}\n\n\n{story(2)}"
        )
    return "\n\n\n\n".join(parts) + "\n"


def test_the_title_of_each_poem_a_story_quotes_opens_no_scene() -> None:
    book = parse_text(poems_book())
    assert len(book.chapters) == 8
    assert all(len(c.scenes) == 1 for c in book.chapters)


def spaced_titles_book(under: str) -> str:
    """Chapters set under four blank lines; in the third, a line in capitals set as far under
    the story, over ``under``."""
    parts = [f"CHAPTER {ROMAN[k]}.\n\n{story(5)}" for k in range(6)]
    parts[2] += f"\n\n\n\n\nTHE FISHERMAN'S LAY\n\n{under}\n\n{story(3)}"
    return "THE HARBOUR\n\n\n\n\n" + "\n\n\n\n\n".join(parts) + "\n"


def test_a_poems_title_set_as_far_apart_as_the_chapters_opens_no_section() -> None:
    sections = parse_text(spaced_titles_book(story(2)))
    assert len(sections.chapters[2].scenes) == 2
    poem = parse_text(spaced_titles_book("\n".join(VERSE)))
    assert len(poem.chapters[2].scenes) == 1
