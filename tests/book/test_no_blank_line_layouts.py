"""Texts with no blank line between paragraphs.

Hard-wrapped prose whose paragraphs end only on a line the wrap did not fill, with titles alone
on their lines; a paragraph a line, with volumes titled in capitals over numerals that start
over; a second work bound after a novel's parts; and stories marked by indentation alone,
centred titles over them and single blank lines between their sections. Texts written for these
tests.
"""

from __future__ import annotations

import textwrap

from reader_support import paragraph
from support_engine import headings

from tui.book.text.parse import parse_text


def wrapped(paragraphs: list[str], width: int = 80) -> list[str]:
    """Paragraphs wrapped at ``width`` columns, each line ending with a space, as a corpus
    export sets them: no blank lines and no indentation. Each paragraph's last line is cut
    to end well short of the width, on `It rained.`."""
    lines = []
    for text in paragraphs:
        wrap = textwrap.wrap(text, width)
        wrap[-1] = wrap[-1][:40].rsplit(" ", 1)[0] + " It rained."
        lines += [line + " " for line in wrap]
    return lines


def chapter_prose(seed: int, count: int) -> list[str]:
    return [paragraph(seed + k, 5 + k % 3) for k in range(count)]


TITLES = ["The Salt Road", "Lanterns", "The Ferryman's Daughter", "An Interval", "Low Tide"]


def hard_wrapped_book() -> str:
    lines = [" "]
    for k, title in enumerate(TITLES):
        lines.append(title + " ")
        lines += wrapped(chapter_prose(k * 3, 3 if title == "An Interval" else 8))
    return "\n".join(lines) + "\n"


def test_hard_wrapped_text_without_blank_lines_is_read_as_wrapped_paragraphs() -> None:
    book = parse_text(hard_wrapped_book())
    assert book.style == "wrapped"
    # (every paragraph of prose ends on `It rained.`: none runs on into the next)
    prose = [book.paragraph(i) for i in range(len(book)) if "rained" in book.paragraph(i)]
    assert all(text.endswith("It rained.") and text.count("It rained.") == 1 for text in prose)


def test_titles_alone_between_wrapped_paragraphs_head_the_chapters() -> None:
    book = parse_text(hard_wrapped_book())
    assert [title for title, _ in headings(book)] == TITLES


def test_a_line_of_verse_among_wrapped_prose_is_no_title() -> None:
    verse = ["And far along the shingle ", "The lanterns swing and fall ", "Till morning "]
    lines = hard_wrapped_book().split("\n")
    at = lines.index("Lanterns ") + 4
    book = parse_text("\n".join(lines[:at] + verse + lines[at:]))
    assert [title for title, _ in headings(book)] == TITLES


def test_one_stray_blank_line_in_a_wrapped_book_of_chapters_is_no_break() -> None:
    lines = hard_wrapped_book().split("\n")
    at = lines.index("Lanterns ") + 6
    book = parse_text("\n".join([*lines[:at], "", *lines[at:]]))
    assert [title for title, _ in headings(book)] == TITLES
    assert all(len(c.scenes) == 1 for c in book.chapters)


def test_a_line_after_a_blank_line_of_spaces_at_the_top_keeps_its_line_number() -> None:
    book = parse_text(" \nThe Salt Road\nThe rain had not stopped for three days and nights.\n")
    assert [book.line_of(i) for i in range(len(book))] == [2, 3]


VOLUMES = [("AT HOME", 6), ("ABROAD", 5), ("THE RETURN", 7)]


def volumes_book() -> str:
    """Three volumes titled in capitals closed by a stop (`AT HOME.`), one paragraph a line
    and no blank lines, chapters numbered `I.` on from one again in each volume."""
    lines = []
    for name, count in VOLUMES:
        lines.append(f"{name}.")
        for n in range(1, count + 1):
            lines.append(f"{['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'][n - 1]}.")
            lines += [paragraph(n + k, 4) for k in range(5)]
        lines.append(f"END OF {name}.")
    return "\n".join(lines) + "\n"


def test_volume_titles_in_capitals_closed_by_a_stop_over_numbers_starting_over() -> None:
    book = parse_text(volumes_book())
    assert len(book.chapters) == 18
    assert [c.part for c in book.chapters] == [
        f"{name}." for name, count in VOLUMES for _ in range(count)
    ]


def test_a_title_ending_a_sentence_in_small_letters_opens_no_volume() -> None:
    text = volumes_book().replace("ABROAD.", "Then they went abroad.")
    assert len(parse_text(text).chapters) < 18


def novel_and_tale() -> str:
    """A novel in parts (`PART I. THE TOWN.` over `I.`, `II.` …) and a tale bound after it,
    titled in capitals alone (`THE HERON.` over `I.` to `III.`), a paragraph a line."""
    lines = []
    for part, title, count in (("I", "THE TOWN", 4), ("II", "THE SEA", 3), ("III", "HOME", 4)):
        lines.append(f"PART {part}. {title}.")
        for n in range(count):
            lines.append(["I.", "II.", "III.", "IV."][n])
            lines += [paragraph(n + k, 3) for k in range(6)]
    lines.append("THE HERON.")
    for n in range(3):
        lines.append(["I.", "II.", "III."][n])
        lines += [paragraph(n + k + 2, 3) for k in range(6)]
    lines.append("THE END.")
    return "\n".join(lines) + "\n"


def test_a_second_work_titled_in_capitals_after_the_parts_keeps_its_chapters() -> None:
    book = parse_text(novel_and_tale())
    assert len(book.chapters) == 14
    assert [c.part for c in book.chapters[-3:]] == ["THE HERON."] * 3
    assert book.chapters[-4].part == "PART III"


def document_book(spread: bool) -> str:
    """A paragraph a line with dialogue led by `- `; a register quoted with a lone `-` between
    its short entries, or (``spread``) a lone `-` parting two scenes of story."""
    lines = [f"- {paragraph(k, 2)}" if k % 3 == 0 else paragraph(k, 4) for k in range(12)]
    if spread:
        lines[4:4] = ["-"]
        lines[10:10] = ["-"]
    else:
        lines[6:6] = ["-", "In the year 1819, the eleventh of May.", "Rosporden.", "-", "1818."]
    return "\n".join(lines) + "\n"


def test_a_lone_dash_between_a_quoted_registers_entries_is_no_break() -> None:
    book = parse_text(document_book(spread=False))
    assert [len(c.scenes) for c in book.chapters] == [1]


def test_a_lone_dash_used_again_between_scenes_is_a_break() -> None:
    book = parse_text(document_book(spread=True))
    assert [len(c.scenes) for c in book.chapters] == [3]


# Chinese prose written for these tests: sentences made of a time, a person and a deed.
CJK_TIMES = ["早上", "傍晚", "下雨的时候", "过年以前", "那一天", "后来", "夜里", "第二年春天"]
CJK_PEOPLE = ["他", "母亲", "老人", "孩子们", "船夫", "邻居", "先生", "她"]
CJK_DEEDS = [
    "走到河边去看水",
    "坐在门口剥豆子",
    "望着远处的山出神",
    "收拾桌上的碗筷",
    "想起了去年的事情",
    "慢慢地点了点头",
    "把信放进抽屉里",
    "听见钟声响了三下",
    "在桥头站了很久",
]


def cjk_sentence(k: int) -> str:
    time = CJK_TIMES[k % len(CJK_TIMES)]
    person = CJK_PEOPLE[(k // len(CJK_TIMES)) % len(CJK_PEOPLE)]
    return f"{time}，{person}{CJK_DEEDS[(k * 5) % len(CJK_DEEDS)]}。"


def cjk_paragraph(seed: int, sentences: int) -> list[str]:
    """A paragraph indented by four spaces, hard-wrapped at 38 characters."""
    text = "".join(cjk_sentence(seed * 11 + k * 3) for k in range(sentences))
    lines = [text[k : k + 38] for k in range(0, len(text), 38)]
    return ["    " + lines[0], *lines[1:]]


SECTION_PARAGRAPHS = 20


def cjk_story(title: str, seed: int, sections: int, *, numbered: bool = False) -> list[str]:
    """A story: its centred title, sections of indented paragraphs parted by one blank line
    (or headed by centred numerals), a right-aligned dateline, then its notes."""
    lines = [" " * 28 + title, ""]
    for s in range(sections):
        if numbered:
            lines += [" " * 33 + "一二三四五"[s], ""]
        elif s:
            lines.append("")
        for k in range(SECTION_PARAGRAPHS):
            lines += cjk_paragraph(seed * 100 + s * 20 + k, 3 + k % 4)
    lines += ["", " " * 32 + "一九二五年三月一日", "", "〔１〕　本篇写于北京。", "", "", ""]
    return lines


# The stories' titles and how many sections each has (most are told straight through).
CJK_TITLES = [("河　　边〔１〕", 3), ("灯　下", 1), ("远　方", 5), ("归　　来", 1), ("田　野", 2)]


def cjk_stories() -> str:
    lines = ["", ""]
    for k, (title, sections) in enumerate(CJK_TITLES):
        lines += cjk_story(title, k, sections, numbered=title == "远　方")
    return "\n".join(lines) + "\n"


def test_centred_titles_over_indented_stories_head_chapters_not_their_datelines() -> None:
    book = parse_text(cjk_stories())
    assert book.style == "indented"
    assert [c.title for c in book.chapters] == [" ".join(t.split()) for t, _ in CJK_TITLES]


def test_single_blank_lines_part_the_stories_sections_beside_one_numbered_story() -> None:
    book = parse_text(cjk_stories())
    # (the numbered story's numerals open its sections; the others' blank lines theirs)
    assert [len(c.scenes) for c in book.chapters] == [count for _, count in CJK_TITLES]
