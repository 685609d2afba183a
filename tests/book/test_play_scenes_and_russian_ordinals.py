"""Russian ordinal headings, and a play's scenes numbered anew under each act.

Both are read as a reader takes them.
"""

from __future__ import annotations

from pathlib import Path

from shape_support import written

from tui.book.formats import open_book
from tui.book.rules.headings import match_heading


def test_russian_ordinals_after_their_keyword_name_chapters_and_acts() -> None:
    act = match_heading("Действие четвёртое")
    assert act is not None and (act.kind, act.number) == ("part", 4)
    chapter = match_heading("Глава двадцатая")
    assert chapter is not None and (chapter.kind, chapter.number) == ("chapter", 20)
    last = match_heading("Часть последняя")
    assert last is not None and last.kind == "part"
    # (a Russian ordinal after an English keyword is no number)
    assert match_heading("Chapter первая") is None


RU = "Городской сад стоял пустой, и сторож медленно обходил его дорожки до самого вечера."
RU_LINE = "Лекарь. Я пришёл сказать, что дорога размыта и почта сегодня не придёт вовсе."


def _play(word: str, scenes: list[list[str]]) -> str:
    text = "\nВетер в саду\n\nДействующие лица\n\nЛекарь, старик.\nСторож.\n"
    ordinals = ["первое", "второе", "третье"]
    for n, numbers in enumerate(scenes):
        text += f"\nДействие {ordinals[n]}\n\nСад у дома\n\n"
        for number in numbers:
            text += f"{word} {number}\n\n" + "\n".join([RU, RU_LINE, RU_LINE, RU] * 3) + "\n\n"
    return text


def test_a_plays_scenes_numbered_anew_under_each_act_open_its_scenes(tmp_path: Path) -> None:
    scenes = [["I", "II", "III"], ["I", "II"], ["I", "II", "III", "последнее"]]
    book = open_book(written(tmp_path, "play.txt", _play("Явление", scenes)))
    titles = ["Действие первое", "Действие второе", "Действие третье"]
    assert [c.title for c in book.chapters] == titles
    # (each act's first scene opens with the act, under its setting)
    assert [len(c.scenes) for c in book.chapters] == [3, 2, 4]
    assert [s.first_words.split()[0] for s in book.chapters[2].scenes[1:]] == ["Явление"] * 3
    # (the list of the persons of the play is front matter, no chapter)
    assert book.paragraph(book.front_matter[-1].heading or 0) == "Действующие лица"


def test_numbered_lines_that_never_start_over_open_no_scenes(tmp_path: Path) -> None:
    # (`Вариант 2`, `Вариант 3` counting on through the acts: not a count of each act's scenes)
    scenes = [["1", "2"], ["3", "4"], ["5", "6"]]
    book = open_book(written(tmp_path, "play.txt", _play("Вариант", scenes)))
    assert [len(c.scenes) for c in book.chapters] == [1, 1, 1]
