"""Counts carried on from another volume, headings a contents list words apart, closing lists.

A second volume whose letters are numbered on from the first (with bare years in the same shape,
signatures and closing dates among them), a contents list whose page column holds entries ending
in a full stop and names a heading in other words, a publisher's list of volumes closing a book
of acts, and an index or a list of errata after the last chapter. Texts written for these tests.
"""

from __future__ import annotations

from support_engine import headings, scene_lines, story

from tui.book.text.lines import classify_line
from tui.book.text.parse import parse_text

FIRST_LETTER = 41
LETTERS = 16


def letters_volume(note_marked: int | None = None) -> str:
    """Letters numbered on from a first volume, each under its number alone, an address and a
    date; some dated by a bare year set as the numbers are, closing on a signature in capitals
    and, once, a date under it."""
    parts = []
    for k in range(LETTERS):
        number = FIRST_LETTER + k
        mark = "[1]" if number == note_marked else ""
        date = f"{1840 + k // 4}." if k % 3 == 0 else f"May {k + 1}, 1841."
        closing = "\n\nJan. 12, 1842." if k == 5 else ""
        closing += f"\n\n{story(1)}" if k == 8 else ""  # (a postscript under the signature)
        parts.append(
            f"{number}.{mark}\n\nTO THE PRINTER.\n\n{date}\n\nMY DEAR SIR,--\n\n{story(3)}"
            f"\n\nYOUR FAITHFUL SERVANT.{closing}"
        )
    return "LETTERS.\n\nVOL. II.\n\n\n\n\n" + "\n\n\n".join(parts) + "\n"


def test_letters_numbered_on_from_another_volume_are_its_chapters() -> None:
    book = parse_text(letters_volume(note_marked=FIRST_LETTER + 4))
    found = [line for _, line in headings(book)]
    lines = book.text.split("\n")
    numbered = [n for n, line in enumerate(lines, 1) if line[:2].isdigit() and "." in line[:6]]
    letters = [n for n in numbered if not lines[n - 1].startswith("18")]
    assert found == letters
    # (the years set alike, the signature in capitals and the date under it open nothing)
    assert all(len(scenes) == 1 for scenes in scene_lines(book))


def test_a_signature_over_a_note_in_the_last_undated_letter_heads_nothing() -> None:
    text = letters_volume()
    last = f"{FIRST_LETTER + LETTERS}.\n\nCODICIL.\n\n{story(2)}\n\nJOHN HENRY SMITH.\n\n"
    note = "[Footnote 1: " + story(1).replace("\n", " ") + "]\n"
    book = parse_text(text + "\n\n" + last + note)
    titles = [title for title, _ in headings(book)]
    assert len(titles) == LETTERS + 1
    assert "JOHN HENRY SMITH" not in titles


def test_a_short_count_from_past_one_heads_nothing() -> None:
    text = "\n\n\n".join(f"{n}.\n\n{story(3)}" for n in (7, 8, 9)) + "\n"
    assert [line for _, line in headings(parse_text("A BOOK\n\n\n\n\n" + text))] == [None]


def test_a_number_with_a_note_mark_glued_on_reads_as_the_number() -> None:
    info = classify_line("308.[1]")
    assert info is not None and info.kind == "weak" and info.data.number == 308


def test_a_volume_s_own_contents_line_opens_its_contents_list() -> None:
    info = classify_line("CONTENTS OF VOLUME II.")
    assert info is not None and (info.kind, info.data) == ("landmark", "toc")


SECTIONS = ["The Old Mill", "Fat Men and Thin.", "The Poet of the Hills", "A Cold Night"]
HEADS = [
    "THE OLD MILL.",
    "FAT MEN AND THIN.",
    "THE FIDDLER, THE POET OF THE HILLS.",
    "A COLD NIGHT.",
]


def listed_book() -> str:
    entries = "\n".join(f"    {title:<40}{9 + 7 * k:>4}" for k, title in enumerate(SECTIONS))
    body = "\n\n\n\n\n".join(f"{head}\n\n\n{story(6)}" for head in HEADS)
    adverts = "       *       *       *\n\n    THE PRINTERS' GUILD,\n        RIVERTON, OHIO.\n\n"
    return (
        f"TALES OF THE HILLS\n\n\n\n\nCONTENTS.\n\n\n{entries}\n\n\n\n\n{body}\n\n\n\n\n"
        f"{adverts}{story(2)}\n"
    )


def test_a_listed_entry_ending_in_a_full_stop_and_one_worded_apart_both_head_chapters() -> None:
    book = parse_text(listed_book())
    lines = book.text.split("\n")
    assert [line for _, line in headings(book)] == [lines.index(h) + 1 for h in HEADS]


def acts_book(closing: str) -> str:
    acts = "\n\n\n\n\n".join(f"ACT {n}\n\n\n{story(8)}" for n in ("I", "II", "III"))
    return f"THE FARM\n\nA DRAMA\n\n\n\n\n{acts}\n\n\n\n\n{closing}\n"


def test_a_list_of_volumes_closing_the_book_heads_no_chapter() -> None:
    volumes = "\n".join(
        f"  Volume {n}, {1911 + k}. {200 + k} pages." for k, n in enumerate(["I", "II", "III"])
    )
    book = parse_text(acts_book(f"THE REVIEW\n\n{volumes}\n\n{story(1)}"))
    assert [title for title, _ in headings(book)] == ["ACT I", "ACT II", "ACT III"]


def test_an_index_after_the_last_chapter_is_end_matter() -> None:
    entries = "\n\n".join(f"Harbour, the {k}th pier of the town." for k in range(20))
    entries += "\n\n\nBoats.\n\n\n" + "\n\n".join(f"Boats, moored {k}." for k in range(20))
    book = parse_text(acts_book(f"INDEX.\n\n\n{entries}"))
    assert [s.kind for s in book.end_matter][:1] == ["index"]
    assert all(len(scenes) == 1 for scenes in scene_lines(book))


def test_errata_after_the_last_chapter_are_end_matter() -> None:
    stars = "       *       *       *       *       *"
    errata = "\n\n".join(f"  the harbour {k}  [harbor]" for k in range(6))
    book = parse_text(acts_book(f"{stars}\n\n\nErrata\n\n{story(1)}\n\n{errata}"))
    assert "errata" in [s.kind for s in book.end_matter]
    assert all(len(scenes) == 1 for scenes in scene_lines(book))
