"""Rules for layouts real producers emit.

Part titles, contents lists, bare and serial numbers, author's notes, navigation lines, title
pages and the pauses that are not scene breaks.
"""

from __future__ import annotations

from support_engine import SCENE, headings, scene_lines

from tui.book.model import ParaKind
from tui.book.rules.notes import looks_like_author_talk
from tui.book.text.parse import parse_text


def test_book_and_part_titles_open_the_chapter_below_them() -> None:
    text = f"Book One: The Coast\n\nPart I\n\nCh. 1 — The Wreck\n\n{SCENE}\n\n"
    text += f"Part II\n\nCh. 2 — Salvage\n\n{SCENE}"
    book = parse_text(text)
    assert headings(book) == [("Ch. 1: The Wreck", 5), ("Ch. 2: Salvage", 17)]
    assert book.chapters[0].start == 0
    assert [book.kinds[i] for i in (0, 1, 2)] == [ParaKind.HEADING] * 3


def test_a_part_title_with_story_under_it_is_a_chapter() -> None:
    short = "The second letter came in 1953.\n\nBy the fifth, she looked forward to them."
    book = parse_text(f"Part 1\n\n{SCENE}\n\nPart 2\n\n{short}\n\nPart 3\n\n{SCENE}")
    assert [title for title, _ in headings(book)] == ["Part 1", "Part 2", "Part 3"]


def test_a_contents_list_is_not_chapters_even_when_it_ends_like_the_book() -> None:
    contents = "Contents\n\nPrologue\nChapter 1: Dawn\nChapter 2: Dusk\nEpilogue\n"
    text = f"{contents}\nPrologue\n\n{SCENE}\n\nChapter 1: Dawn\n\n{SCENE}\n\n"
    text += f"Chapter 2: Dusk\n\n{SCENE}\n\nEpilogue\n\n{SCENE}"
    book = parse_text(text)
    assert [line for _, line in headings(book)] == [8, 18, 28, 38]
    assert book.front_matter[0].kind == "toc"


def test_chapters_titled_without_numbers_are_found_through_the_contents_list() -> None:
    contents = "Contents\n\nThe Invitation\nLamplighters\nThe Long Night\n"
    text = f"{contents}\nThe Invitation\n\n{SCENE}\n\nLamplighters\n\n{SCENE}\n\n"
    text += f"The Long Night\n\n{SCENE}"
    book = parse_text(text)
    assert headings(book) == [("The Invitation", 7), ("Lamplighters", 17), ("The Long Night", 27)]


def test_bare_numbers_between_a_prologue_and_an_epilogue_are_chapters() -> None:
    numbered = "".join(f"{n}\n\n{SCENE}\n\n" for n in (1, 2, 3))
    book = parse_text(f"Prologue\n\n{SCENE}\n\n{numbered}Epilogue\n\n{SCENE}")
    assert [title for title, _ in headings(book)] == ["Prologue", "1", "2", "3", "Epilogue"]


def test_bare_numbers_inside_a_book_with_chapter_headings_are_not_chapters() -> None:
    counting = "1\n\nShe waited.\n\n2\n\nShe waited longer.\n\n3"
    text = f"Chapter 1\n\n{SCENE}\n\n{counting}\n\n{SCENE}\n\nChapter 2\n\n{SCENE}"
    assert [title for title, _ in headings(parse_text(text))] == ["Chapter 1", "Chapter 2"]


def test_serial_chapters_numbered_within_arcs() -> None:
    text = ""
    for number in ("1.01", "1.02", "2.01", "2.02"):
        text += f"{number}\n\n{SCENE}\n\n"
    book = parse_text(f"Arc 1 (Kindling)\n\n{text}")
    assert [title for title, _ in headings(book)] == ["1.01", "1.02", "2.01", "2.02"]
    assert book.chapters[0].start == 0  # the arc title opens its first chapter


def test_author_note_over_several_paragraphs_ends_at_the_break_before_the_story() -> None:
    note = (
        "A/N: Thank you all for the reviews on the first chapter!\n\n"
        "To the guest who asked: yes, she comes back later.\n\n~~~\n\n"
    )
    book = parse_text(f"Chapter 1\n\n{SCENE}\n\nChapter 2\n\n{note}{SCENE}")
    assert scene_lines(book) == [[3], [19]]
    assert book.kinds[book.para_of_line(15)] == ParaKind.NOTE


def test_chapter_notes_end_where_the_story_starts() -> None:
    text = f"Chapter 1\n\nChapter Notes\n\nLast chapter! Thank you for the kudos.\n\n{SCENE}"
    text += f"\n\n***\n\n{SCENE}"
    book = parse_text(text)
    assert scene_lines(book) == [[7, 17]]


def test_an_author_note_opening_the_last_chapter_is_not_end_matter() -> None:
    text = f"Chapter 1\n\n{SCENE}\n\nChapter 2\n\nA/N: Thanks for reading, enjoy!\n\n{SCENE}"
    book = parse_text(text)
    assert book.end_matter == []
    assert scene_lines(book) == [[3], [15]]


def test_navigation_lines_are_labels_not_story() -> None:
    nav = "Previous Chapter | Next Chapter"
    text = f"Chapter 1\n\n{nav}\n\n{SCENE}\n\n{nav}\n\nChapter 2\n\n{nav}\n\n{SCENE}"
    book = parse_text(text)
    assert scene_lines(book) == [[5], [19]]
    assert book.kinds[1] == ParaKind.LABEL


def test_a_lone_ellipsis_is_a_break_in_narration_but_a_pause_in_dialogue() -> None:
    talk = "“Did you take it?”\n\n…\n\n“Answer me.”"
    text = f"Chapter 1\n\n{SCENE}\n\n…\n\n{SCENE}\n\n{talk}"
    book = parse_text(text)
    assert scene_lines(book) == [[3, 13]]


def test_one_sentence_between_two_breaks_is_a_scene() -> None:
    text = f"Chapter 1\n\n{SCENE}\n\n***\n\n“Is it dead?” asked the boy. It was not.\n\n***\n\n"
    text += SCENE
    assert scene_lines(parse_text(text)) == [[3, 13, 17]]


def test_title_page_name_and_labels() -> None:
    book = parse_text(f"Glasshouse Summer\n\nAnnika Leroux\n\nChapter 1\n\n{SCENE}")
    assert (book.title, book.author) == ("Glasshouse Summer", "Annika Leroux")
    text = "The eBook of Fog\n\nTitle: Fog\n\nAuthor: Ada Marsh\n\nBY ADA MARSH\n\nCHAPTER I\n\n"
    book = parse_text(text + SCENE)
    assert (book.title, book.author) == ("Fog", "Ada Marsh")
    book = parse_text("《青云剑歌》\n\n作者：林间听雨\n\n第一章 山门\n\n　　天还没亮。\n")
    assert (book.title, book.author) == ("青云剑歌", "林间听雨")


def test_a_name_set_between_dashes_under_the_title_is_the_author() -> None:
    book = parse_text(f"The Glass Harbour\n\n- ANNIKA LEROUX -\n\nChapter 1\n\n{SCENE}")
    assert (book.title, book.author) == ("The Glass Harbour", "Annika Leroux")


def test_a_name_after_a_bracketed_title_on_its_line_is_the_author() -> None:
    opening = "\n\n第一章 山门\n\n　　天还没亮。\n"
    book = parse_text("《青云剑歌》林间听雨" + opening)
    assert (book.title, book.author) == ("青云剑歌", "林间听雨")
    book = parse_text("《青云剑歌》 林间听雨 著" + opening)
    assert (book.title, book.author) == ("青云剑歌", "林间听雨")
    for not_a_name in ("全本", "上卷", "第一部"):  # an edition or a volume, not a writer
        book = parse_text(f"《青云剑歌》{not_a_name}" + opening)
        assert (book.title, book.author) == ("青云剑歌", None), not_a_name


def test_acknowledgements_after_the_story_are_end_matter() -> None:
    book = parse_text(f"Chapter 1\n\n{SCENE}\n\nAcknowledgements\n\nMy thanks to my family.")
    assert [s.kind for s in book.end_matter] == ["acknowledgements"]


def test_tab_indented_song_lines_in_a_one_shot_are_not_headings() -> None:
    song = "\tDown by the mill,\n\tWater goes grey,\n\tCarry me over."
    book = parse_text(f"The River\n\nby fern\n\n{SCENE}\n\n{song}\n\n{SCENE}")
    assert [c.heading for c in book.chapters] == [None]


def test_author_talk() -> None:
    assert looks_like_author_talk("Thanks to my beta for the help!")
    assert looks_like_author_talk("Also this chapter is a bit darker, so heads up.")
    assert looks_like_author_talk("CW for brief mentions of a hospital stay.")
    assert not looks_like_author_talk("The kettle had been broken since Tuesday.")
    assert not looks_like_author_talk("“Thank you,” she said to the beta tester.")


def test_parts_that_start_over_in_every_chapter_are_its_scenes() -> None:
    chapter = f"Part 1\n\n{SCENE}\n\nPart 2\n\n{SCENE}"
    book = parse_text(f"Chapter 1\n\n{chapter}\n\nChapter 2\n\n{chapter}")
    assert [title for title, _ in headings(book)] == ["Chapter 1", "Chapter 2"]
    assert scene_lines(book) == [[5, 15], [27, 37]]
    assert book.kinds[1] == ParaKind.LABEL


def test_bare_numbers_that_start_over_in_every_chapter_are_its_scenes() -> None:
    chapter = f"1\n\n{SCENE}\n\n2\n\n{SCENE}"
    book = parse_text(f"Chapter 1\n\n{chapter}\n\nChapter 2\n\n{chapter}")
    assert scene_lines(book) == [[5, 15], [27, 37]]


def test_markdown_title_and_headings() -> None:
    text = f"# The Fox\n\nby bramble\n\n## Chapter 1: The Watch\n\n{SCENE}\n\n---\n\n{SCENE}"
    book = parse_text(text)
    assert (book.title, book.author) == ("The Fox", "bramble")
    assert headings(book) == [("Chapter 1: The Watch", 5)]
    assert scene_lines(book) == [[7, 17]]


def test_point_of_view_labels_open_scenes() -> None:
    text = f"Chapter 1\n\n~Harry~\n\n{SCENE}\n\n*Thud*\n\n{SCENE}\n\n~Draco~\n\n{SCENE}\n\n"
    text += f"~Harry~\n\n{SCENE}\n\nGinny's POV\n\n{SCENE}\n\nHarry looked back at Draco."
    book = parse_text(text)
    # Each label starts its scene; the lone sound `*Thud*` does not.
    assert scene_lines(book) == [[3, 23, 33, 43]]


def test_sounds_set_off_like_labels_are_not_labels() -> None:
    text = "Chapter 1\n\n"
    for sound in ("*Ding*", "*Clink*", "*Ding*", "*Clink*"):
        text += f"{SCENE}\n\n{sound}\n\n"
    text += f"{SCENE}\n\nHarry looked back at Draco."
    # Named nowhere but in themselves: sounds, not the names of the story's people.
    assert scene_lines(parse_text(text)) == [[3]]


def test_sound_effects_are_not_labels() -> None:
    text = f"Chapter 1\n\n{SCENE}\n\n*BANG*\n\n{SCENE}\n\n*thud*\n\n{SCENE}\n\n*CRASH*\n\n{SCENE}"
    assert scene_lines(parse_text(text)) == [[3]]
