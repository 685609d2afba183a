"""The links a saved web page leaves after its text, told from a text's own last line."""

from __future__ import annotations

from tui.book.text.end_matter import before_trailing_links
from tui.book.text.lines import LineInfo

STORY = ["It was over.", "She closed the door behind her and went down to the sea."]


def _story_end(lines: list[str]) -> int:
    infos = {i: LineInfo("tab", line, tab=True) for i, line in enumerate(lines) if line[:1] == "\t"}
    return before_trailing_links(infos, lambda i: lines[i], len(lines))


def test_a_group_of_tab_led_links_after_the_text_is_end_matter() -> None:
    lines = [*STORY, "\tThe Latin Library", "\tThe Classics Page"]
    assert _story_end(lines) == len(STORY)


def test_a_single_tab_led_dateline_closing_the_text_is_the_texts_own() -> None:
    lines = [*STORY, "\tLondon, 1923"]
    assert _story_end(lines) == len(lines)
