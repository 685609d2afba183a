"""Shapes met in a Chinese translation, a diary one-shot, pasted documents and long works in
progress: chapters of prose written without spaces, headings set off by underlining, rules
fencing pasted documents, and scene headers of point-of-view names and dates."""

from __future__ import annotations

from pathlib import Path

from tui.book.formats import open_book
from tui.book.markup.front import is_prose
from tui.book.markup.para import Para
from tui.book.model import Book, ParaKind
from tui.book.rules.word_count import words_in

PROSE = "She walked down to the harbour and counted the boats again, slowly, twice over."
OTHER = "The lamp in the tower was lit at dusk, and the keeper wrote the hour in his book."
CHINESE = "他走到港口，又慢慢地数了两遍船。灯塔在黄昏时亮起，守灯人在本子上写下时间。"


def scenes(book: Book) -> list[list[str]]:
    return [[s.first_words[:12] for s in c.scenes] for c in book.chapters]


def _ao3_download(tmp_path: Path, chapters: list[tuple[str, str]]) -> Book:
    body = "".join(
        f'<div class="meta group"><h2 class="heading">{title}</h2></div>'
        f'<div class="userstuff">{text}</div>'
        for title, text in chapters
    )
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"/>
<title>The Watch - keeper - Archive of Our Own</title></head><body>
<div id="preface"><h1>The Watch</h1><div class="byline">by keeper</div></div>
<div id="chapters" class="userstuff">{body}</div>
<div id="afterword"><p>Please drop by the Archive and comment.</p></div>
</body></html>"""
    path = tmp_path / "watch.html"
    path.write_text(page, encoding="utf-8")
    return open_book(path)


def test_full_width_punctuation_divides_words() -> None:
    assert words_in("Yang，Reuenthal：“Odin。”") == 3
    assert words_in(CHINESE) == 33  # each character a word, the punctuation none


def test_a_chinese_sentence_is_prose() -> None:
    assert is_prose(Para(CHINESE, None, ParaKind.TEXT, None))
    assert not is_prose(Para("宇宙历782年六月，费沙", None, ParaKind.TEXT, None))


def test_chapters_titled_and_written_in_chinese_are_chapters(tmp_path: Path) -> None:
    text = f"<p>宇宙历782年六月，费沙</p>{f'<p>{CHINESE}</p>' * 4}<hr/>{f'<p>{CHINESE}</p>' * 3}"
    book = _ao3_download(tmp_path, [("以错误的视角审读文本", text), ("背水一战", text)])
    assert [c.title for c in book.chapters] == ["以错误的视角审读文本", "背水一战"]
    assert [len(c.scenes) for c in book.chapters] == [2, 2]
