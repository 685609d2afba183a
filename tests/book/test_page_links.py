"""A saved page's links are the site's, not the story's text.

A saved page's links to the previous and next chapter, its index and its comments are the
site's: the reader does not show them as the story's text.
"""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book

STORY = "".join(
    f"<p>The ferry crossed the bay for the {n}th time that night.</p>" for n in range(8)
)


def _texts(path: Path) -> list[str]:
    book = open_book(path)
    return [book.paragraph(i) for i in range(len(book))]


def test_links_to_the_next_and_previous_chapter_are_not_shown(tmp_path: Path) -> None:
    page = tmp_path / "chapter.html"
    page.write_text(
        f'<html><body><p><a href="../">Main fanfic page</a></p>{STORY}'
        '<p><a href="/1">Previous Chapter</a> <a href="/3"><span>Next Chapter</span></a></p>'
        '<p><a href="#c">Read Comments</a> - <a href="#r">Post Comment</a></p>'
        "</body></html>",
        encoding="utf-8",
    )
    texts = _texts(page)
    assert texts[0].startswith("The ferry crossed")
    assert texts[-1].startswith("The ferry crossed")


def test_a_chinese_readers_links_to_the_chapters_and_contents_are_not_shown(
    tmp_path: Path,
) -> None:
    page = tmp_path / "12.html"
    row = '<a href="11.html">上一章</a><a href="../work.html#12">章节目录</a>'
    page.write_text(
        f'<html><body>{STORY}<div>{row}<a href="13.html">下一章</a></div></body></html>',
        encoding="utf-8",
    )
    assert _texts(page)[-1].startswith("The ferry crossed")


def test_a_prompt_to_comment_around_its_link_is_not_shown(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        f"<html><body>{STORY}<center>Please <a href='/c.cgi'>post a comment</a> on this "
        "story.<br>Read <a href='/c.html'>posted comments</a>.</center></body></html>",
        encoding="utf-8",
    )
    assert not any("comment" in text for text in _texts(page))


def test_the_same_words_unlinked_or_in_a_sentence_are_the_story(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        f"<html><body>{STORY}<p>Next chapter</p>"
        "<p>She chose to <a href='/x'>read the comments</a> on her letter before bed.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    texts = _texts(page)
    assert "Next chapter" in texts
    assert any(text.startswith("She chose to read the comments") for text in texts)
