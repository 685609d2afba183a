"""Scene breaks an author draws in markup with a mark of their own.

A hyphen alone in a paragraph, used again and again beside a centred star; the book's
ornament with a caption after it (`◆` / `Present day`); and in a book that draws its breaks,
the empty paragraphs that set off text messages. Pages written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from shape_support import page, scene_firsts, written

PLACES = ["harbour", "mill", "orchard", "station", "bridge", "chapel", "market", "quarry"]


def scene(n: int) -> str:
    """Three paragraphs of prose, told from other scenes' by where they happen."""
    place = PLACES[n]
    return "".join(
        f"<p>{word} she walked down to the {place} and counted the {thing} there, twice.</p>"
        for word, thing in (
            ("Then", "boats"),
            ("Later", "lamps"),
            ("Once more", "gulls"),
            ("At noon", "carts"),
            ("At dusk", "bells"),
        )
    )


def test_a_hyphen_alone_that_the_book_uses_again_is_a_break(tmp_path: Path) -> None:
    star = '<p align="center">*</p>'
    marks = ["<p>-</p>", star, "<p>-</p>", star, "<p>-</p>"]
    body = scene(0) + "".join(mark + scene(n + 1) for n, mark in enumerate(marks))
    path = written(tmp_path, "story.html", page(body))
    assert scene_firsts(path) == [["Then she walke"] * 6]


def test_a_hyphen_alone_once_is_no_break(tmp_path: Path) -> None:
    body = scene(0) + "<p>-</p>" + scene(1)
    path = written(tmp_path, "story.html", page(body))
    assert scene_firsts(path) == [["Then she walke"]]


STAR = '<p align="center">*</p>'
GAP = "<p>\u00a0</p>"


def test_the_books_ornament_with_a_caption_is_a_break(tmp_path: Path) -> None:
    marks = ['<p align="center">◆</p>'] * 3 + ['<p align="center"><em>◆<br/>Present day</em></p>']
    body = scene(0) + "".join(mark + scene(n + 1) for n, mark in enumerate(marks))
    path = written(tmp_path, "story.html", page(body))
    assert scene_firsts(path) == [["Then she walke"] * 5]


def test_a_gap_beside_text_messages_in_a_book_that_draws_its_breaks_is_no_break(
    tmp_path: Path,
) -> None:
    notice = (
        "<p><b>Crash Detected</b></p><p><b>Her phone has called the emergency services at "
        "8:32am and sent her location to her emergency contacts, as it does after a crash, "
        "and it will do so again.</b></p>"
    )
    unanswered = "<p><b><em>A: Are you there?</em></b></p><p><em>Nothing.</em></p>"
    remembered = "".join(f"<p><em>{text}</em></p>" for text in ("Then " * 20, "Later " * 20))
    body = (
        scene(0)
        + GAP
        + notice
        + STAR
        + scene(1)
        + unanswered
        + GAP
        + remembered
        + STAR
        + scene(2)
        + GAP
        + scene(3)
    )
    path = written(tmp_path, "story.html", page(body))
    # (the gap between two paragraphs of prose is still a break)
    assert scene_firsts(path) == [["Then she walke"] * 4]


def test_a_spaced_paragraph_after_italic_thoughts_still_opens_a_scene(tmp_path: Path) -> None:
    # Its class's top margin is the book's gap between scenes, not an empty paragraph
    # setting off the thoughts before it.
    thoughts = "<p><em>I knew it all along.</em></p><p><em>And I said nothing.</em></p>"
    spaced = '<p class="spacedTop">Then she walked down to the quay and waited.</p>'
    body = scene(0) + STAR + scene(1) + thoughts + spaced + scene(2) + STAR + scene(3)
    html = (
        "<html><head><title>Story</title><style>.spacedTop { margin-top: 2em }</style>"
        f"</head><body>{body}</body></html>"
    )
    path = written(tmp_path, "story.html", html)
    assert scene_firsts(path) == [["Then she walke"] * 4]
