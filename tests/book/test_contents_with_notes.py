"""A contents list that says a paragraph or two about each story under its title.

The stories follow under the same titles. Texts written for these tests.
"""

from __future__ import annotations

from support_engine import headings, story

from tui.book.text.parse import parse_text

NOTED = ["THE QUAY", "THE NET-LOFT.", "THE TIDE.", "THE LAMPS", "THE STORM."]


def annotated_contents_book() -> str:
    """A collection whose contents list says a paragraph about each story under its title in
    capitals, the titles grouped under a group title; then the stories under the same titles."""
    notes = "\n\n\n".join(f"{title}\n\n{story(2)}" for title in NOTED)
    stories = "\n\n\n\n\n".join(f"{title}\n\n\n{story(6)}" for title in NOTED)
    return (
        "HARBOUR TALES\n\n\nBY A. WRITER\n\n\n\n\nA TABLE OF CONTENTS\n\n\nFIRST STORIES\n\n\n"
        f"{notes}\n\n\n\n\nFIRST STORIES\n\n\n\n{stories}\n"
    )


def test_a_contents_list_with_notes_under_its_titles_is_not_the_stories() -> None:
    book = parse_text(annotated_contents_book())
    found = [(title, line) for title, line in headings(book) if title != "FIRST STORIES"]
    assert [title for title, _ in found] == [t.rstrip(".") for t in NOTED]
    # (each title is the one over its story, after the list)
    first_story = annotated_contents_book().split("\n").index("THE QUAY", 20) + 1
    assert found[0][1] == first_story
