"""A saved place is found in a preview only where the preview holds its very paragraph.

What waits for the whole book says what it is, and Escape gives it up.
"""

from __future__ import annotations

from reader_support import story

from tui.book.anchor import make_anchor
from tui.book.text.parse import parse_preview, parse_text
from tui.reading.pending import WaitingForBook
from tui.reading.saved_places import found_in_part, held_by_part


def test_a_preview_finds_only_the_places_whose_paragraph_it_holds() -> None:
    text = story(chapters=60, scenes=3, paras=6)
    whole = parse_text(text)
    near, far = len(text) // 10, len(text) * 8 // 10
    preview = parse_preview(text, near, 40_000)
    here, there = make_anchor(whole, near), make_anchor(whole, far)
    assert held_by_part(preview, near) and not held_by_part(preview, far)
    assert found_in_part(preview, here) == here.offset
    assert found_in_part(preview, there) is None  # never the preview's nearest paragraph
    moved = type(here)(here.offset, "0" * 12, within=here.within)  # the text changed there
    assert found_in_part(preview, moved) is None


def test_a_wait_says_what_it_is_replaces_and_is_given_up() -> None:
    session = WaitingForBook()
    whole = parse_text(story(chapters=3))
    assert session.wait_for_book("bottom") == "Going there once the whole book is read…"
    said = session.wait_for_place(make_anchor(whole, 10), "mark ‘a’")
    assert said == "Going to mark ‘a’ once the whole book is read… (instead of the end)"
    assert session.cancel() == "mark ‘a’"
    assert session.pending is None and session.cancel() == ""
    session.wait_for_book("contents")
    session.key_ahead("G", "G")
    assert session.typing_ahead() and session.take_keys_ahead() == [("G", "G")]
