"""Positions as content anchors: found again after reflow, appended chapters, edits before them."""

from __future__ import annotations

from reader_support import make_book, story

from tui.book.anchor import Anchor, fingerprint, make_anchor, resolve_anchor
from tui.reading.jumps import JumpList


def test_anchor_holds_the_offset_and_its_paragraphs_fingerprint() -> None:
    text = story()
    book = make_book(text)
    offset = text.index("Scene 2.1 opens.") + 20
    anchor = make_anchor(book, offset)
    para = book.para_at(offset)
    assert anchor.offset == offset
    assert anchor.fingerprint == fingerprint(book.paragraph(para))
    assert anchor.within == 20


def test_fingerprint_ignores_whitespace_and_case() -> None:
    assert fingerprint("She  said\nno.") == fingerprint("she said NO.")
    assert fingerprint("She said no.") != fingerprint("She said yes.")


def test_same_book_resolves_exactly() -> None:
    text = story()
    book = make_book(text)
    anchor = make_anchor(book, text.index("Scene 3.2 opens."))
    assert resolve_anchor(book, anchor) == (anchor.offset, True)


def test_chapters_added_at_the_end_keep_the_place() -> None:
    old = story(chapters=3)
    new = old + "\n" + story(chapters=2, first_chapter=4, front=False)
    place = old.index("Scene 2.3 opens.")
    anchor = make_anchor(make_book(old), place)
    offset, exact = resolve_anchor(make_book(new), anchor)
    assert exact and new[offset:].startswith("Scene 2.3 opens.")


def test_text_inserted_before_the_place_is_followed() -> None:
    old = story()
    place = old.index("Scene 2.2 opens.") + 9
    anchor = make_anchor(make_book(old), place)
    new = old.replace("Summary:", "Updated: chapters 3/5.\n\nSummary:", 1)
    offset, exact = resolve_anchor(make_book(new), anchor)
    assert exact
    assert new[offset - 9 :].startswith("Scene 2.2 opens.")


def test_a_paragraph_far_away_is_found_in_the_whole_book() -> None:
    old = story(chapters=3, paras=6)
    place = old.index("Scene 3.3 opens.")
    anchor = make_anchor(make_book(old), place)
    padding = "\n\n".join(f"New prologue paragraph {n}." for n in range(6000))
    new = padding + "\n\n" + old
    book = make_book(new)
    assert resolve_anchor(book, anchor, whole_book=False)[1] is False
    offset, exact = resolve_anchor(book, anchor)
    assert exact and new[offset:].startswith("Scene 3.3 opens.")


def test_a_lost_paragraph_falls_back_to_the_nearest_offset() -> None:
    old = story()
    place = old.index("Scene 2.2 opens.")
    anchor = make_anchor(make_book(old), place)
    new = old.replace("Scene 2.2 opens.", "Scene 2.2 was rewritten entirely.")
    offset, exact = resolve_anchor(make_book(new), anchor)
    assert not exact
    assert offset == place


def test_offset_past_a_shorter_book_is_clamped() -> None:
    book = make_book("Only a little text.\n")
    offset, exact = resolve_anchor(book, Anchor(10_000, "0" * 12))
    assert not exact and offset == len(book.text)


def test_anchor_round_trips_through_a_dict() -> None:
    anchor = Anchor(1234, "abcdef012345", 17.5, within=12)
    assert Anchor.from_dict(anchor.to_dict()) == anchor
    plain = {"offset": 5, "fingerprint": "x", "saved_at": 1.0}
    assert Anchor.from_dict(plain).within == 0


def test_jump_list_goes_back_through_every_jump() -> None:
    jumps = JumpList()
    for offset in (10, 200, 3000):
        jumps.push(offset)
    assert jumps.back(current=5000) == 3000
    assert jumps.back(current=3000) == 200
    assert jumps.back(current=200) == 10
    assert jumps.back(current=10) is None


def test_jump_list_skips_the_place_you_are_at() -> None:
    jumps = JumpList()
    jumps.push(10)
    jumps.push(20)
    assert jumps.back(current=20) == 10


def test_a_place_between_paragraphs_belongs_to_the_one_below() -> None:
    text = story()
    book = make_book(text)
    below = text.index("Scene 2.2 opens.")
    para = book.para_at(below)
    gap = book.ends[para - 1]  # the blank row after the paragraph above
    anchor = make_anchor(book, gap)
    assert anchor.fingerprint == fingerprint(book.paragraph(para))
    assert anchor.within == gap - below < 0
    assert resolve_anchor(book, anchor) == (gap, True)
    # Text inserted before it: the place is still the gap just above that paragraph.
    new = text.replace("Summary:", "Updated: chapters 3/5.\n\nSummary:", 1)
    offset, exact = resolve_anchor(make_book(new), anchor)
    assert exact and offset == new.index("Scene 2.2 opens.") + anchor.within


def test_a_lost_place_is_never_moved_onto_boilerplate_repeated_through_the_book() -> None:
    notes = "See the end of the chapter for notes."
    old = story(chapters=3)
    place = old.index("Scene 2.2 opens.")
    anchor = make_anchor(make_book(notes + "\n\n" + old), 0)  # a place on the notes line
    # Another story: the same boilerplate opens each of its chapters, nothing else is shared.
    new = "\n\n".join(f"{notes}\n\nChapter {n}\n\nOther words, part {n}." for n in range(1, 5))
    offset, exact = resolve_anchor(make_book(new), Anchor(place, anchor.fingerprint))
    assert not exact
    assert offset == min(place, len(new))


def test_a_line_found_twice_still_takes_the_place_to_the_nearer() -> None:
    old = story()
    place = old.index("Scene 2.2 opens.")
    anchor = make_anchor(make_book(old), place)
    new = "Scene 2.2 opens.\n\n" + old.replace("Summary:", "Updated.\n\nSummary:", 1)
    offset, exact = resolve_anchor(make_book(new), anchor)
    assert exact and offset > len("Scene 2.2 opens.") and new[offset:].startswith("Scene 2.2")


def _fan_fiction(chapters: int = 5, paras: int = 8) -> str:
    """A story whose paragraphs share no sentences (fan fiction's, unlike the helpers'
    story, whose paragraphs mix a dozen sentences): chapters of numbered, worded paragraphs."""
    words = [
        "amber",
        "brook",
        "cinder",
        "dune",
        "ember",
        "fjord",
        "glade",
        "heron",
        "island",
        "juniper",
        "kestrel",
        "lagoon",
        "meadow",
        "nettle",
        "orchard",
        "pebble",
        "quarry",
        "rowan",
        "saffron",
        "thistle",
        "umber",
        "willow",
        "yarrow",
        "zephyr",
    ]
    parts = ["Lanterns Over the Quay", "by Tessaly Brook"]
    for c in range(1, chapters + 1):
        parts.append(f"Chapter {c}")
        for p in range(paras):
            seed = c * 100 + p
            sentence = " ".join(words[(seed * (k + 3) + k * k) % len(words)] for k in range(18))
            parts.append(f"Paragraph {c}-{p} tells of the {sentence}, and then {seed} more.")
    return "\n\n".join(parts) + "\n"


def test_an_edited_paragraph_is_found_where_it_moved_to() -> None:
    old = _fan_fiction()
    book = make_book(old)
    saved = old.index("Paragraph 5-3 ")
    anchor = make_anchor(book, saved)
    # About 150 characters inserted in chapter 3, and the saved paragraph's first words edited.
    inserted = "An aside added on a later reading, " * 4 + "in the middle of it all.\n\n"
    new = old.replace("Paragraph 3-2 ", inserted + "Paragraph 3-2 ", 1)
    new = new.replace("Paragraph 5-3 tells of the", "Here paragraph 5-3 now speaks of the", 1)
    offset, exact = resolve_anchor(make_book(new), anchor)
    assert not exact  # the paragraph is not the same: the reader says it opened nearby
    # ... at the start of the edited paragraph, not above it where the old offset falls.
    assert new[offset:].startswith("Here paragraph 5-3 now speaks")


def test_a_place_saved_with_its_sketch_keeps_it_through_a_dict() -> None:
    book = make_book(_fan_fiction())
    anchor = make_anchor(book, book.text.index("Paragraph 2-1 "))
    assert anchor.sketch
    assert Anchor.from_dict(anchor.to_dict()) == anchor
