"""The line that ends a Gutenberg story and opens its licence, found among mentions of Gutenberg."""

from __future__ import annotations

from tui.book.text.gutenberg import end_mark

STORY = (
    "She had read of Project Gutenberg in the papers.\n"
    "Project Gutenberg, said he, was nothing to him.\n\n"
)


def test_the_end_mark_is_the_line_that_opens_with_it_not_a_mention_before() -> None:
    text = STORY + "*** END OF THE PROJECT GUTENBERG EBOOK THE LAMPS ***\nLicence.\n"
    mark = end_mark(text)
    assert mark is not None
    assert mark.group().startswith("*** END OF THE PROJECT GUTENBERG EBOOK")


def test_an_old_texts_end_line_is_found_in_any_case() -> None:
    for line in (
        "End of Project Gutenberg's The Lamps, by A. Writer",
        "END OF THIS PROJECT GUTENBERG ETEXT",
    ):
        mark = end_mark(STORY + line + "\n")
        assert mark is not None and mark.start() == len(STORY)


def test_a_story_that_only_mentions_gutenberg_has_no_end_mark() -> None:
    assert end_mark(STORY * 3) is None
    assert end_mark("") is None


def test_the_end_mark_is_looked_for_from_where_the_reader_asks() -> None:
    line = "*** END OF THE PROJECT GUTENBERG EBOOK THE LAMPS ***\n"
    text = line + STORY + line
    mark = end_mark(text, 1)
    assert mark is not None and mark.start() == len(line) + len(STORY)


def test_an_old_texts_end_line_may_curl_its_apostrophe() -> None:
    mark = end_mark(STORY + "End of Project Gutenberg’s The Lamps, by A. Writer\n")
    assert mark is not None and mark.start() == len(STORY)


def test_a_1990s_texts_end_line_may_open_with_the() -> None:
    mark = end_mark(STORY + "The End of Project Gutenberg etext of The Lamps by A. Writer\n")
    assert mark is not None and mark.start() == len(STORY)
