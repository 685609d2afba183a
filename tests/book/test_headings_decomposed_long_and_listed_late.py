"""Headings a reader still sees as chapters, however oddly they are written or listed.

Accents written decomposed, long summary titles, bare numerals whose keyword only comes back in
a contents list after the text, and an edition's `Vol. I.` on a title page.
"""

from __future__ import annotations

from pathlib import Path

from reader_support import paragraph

from tui.book.formats import open_book
from tui.book.loader import decode_bytes
from tui.book.rules.headings import match_heading
from tui.book.text.parse import parse_text

LONG_TITLE = (
    "Del buen suceso que el valeroso caballero tuvo en la espantable y jamás imaginada "
    "aventura de los molinos de viento, con otros sucesos dignos de felice recordación"
)


def test_a_text_with_its_accents_decomposed_reads_as_composed() -> None:
    text, _, _ = decode_bytes("CAPI\u0301TULO 1: La salida\n\nEl dia.\n".encode())
    assert text.startswith("CAPÍTULO 1: La salida")
    # (a text without a combining accent is left as it is)
    assert decode_bytes("Caf\u00e9 \ufa10\n".encode())[0] == "Caf\u00e9 \ufa10\n"


def test_decomposed_headings_glued_between_paragraph_lines_are_chapters() -> None:
    lines = []
    for n in range(1, 6):
        lines += [f"Capi\u0301tulo {n}: De la venta {n}", paragraph(n, 5), paragraph(n + 9, 5)]
    text, _, _ = decode_bytes(("\n".join(lines) + "\n").encode())
    book = parse_text(text)
    assert [c.title for c in book.chapters][:2] == [
        "Capítulo 1: De la venta 1",
        "Capítulo 2: De la venta 2",
    ]
    assert len(book.chapters) == 5


def test_a_keyword_heading_may_carry_a_long_summary_title_after_its_colon() -> None:
    heading = match_heading(f"Capítulo 8: {LONG_TITLE}")
    assert heading is not None and heading.number == 8 and heading.title == LONG_TITLE
    # A title run on without a separator is still held to the shorter length.
    assert match_heading(f"Chapter 8 {LONG_TITLE}") is None


def test_long_titled_headings_among_short_ones_are_all_chapters() -> None:
    lines = []
    for n in range(1, 7):
        title = LONG_TITLE if n % 2 else f"De la venta {n}"
        lines += [f"Capítulo {n}: {title}", paragraph(n, 5), paragraph(n + 9, 5)]
    book = parse_text("\n".join(lines) + "\n")
    assert len(book.chapters) == 6
    assert book.chapters[0].title == f"Capítulo 1: {LONG_TITLE}"


def numbered_book(numerals: list[str], *, contents: bool) -> str:
    """Chapters headed by bare roman numerals over a sentence-case title, then a contents list
    printed after the text whose first entry carries the keyword."""
    blocks = []
    for k, numeral in enumerate(numerals):
        blocks += [numeral, f"Do caso {k}.", paragraph(k, 5), paragraph(k + 3, 4)]
    if contents:
        blocks.append("INDICE")
        entries = [f"    Capitulo {numerals[0]}         Do caso 0"]
        entries += [f"             {num:<10}Do caso {k}" for k, num in enumerate(numerals[1:], 1)]
        blocks.append("\n".join(entries))
    return "\n\n\n".join(blocks) + "\n"


NUMERALS = ["I", "II.", "III", "IV", "V", "VI", "VII", "VIII"]


def test_bare_numerals_are_the_chapters_when_the_keyword_is_only_in_a_list_after_them() -> None:
    book = parse_text(numbered_book(NUMERALS, contents=True))
    assert [c.title.split(".")[0].split(":")[0] for c in book.chapters] == [
        n.rstrip(".") for n in NUMERALS
    ]


def test_the_same_numerals_without_the_list_are_the_same_chapters() -> None:
    book = parse_text(numbered_book(NUMERALS, contents=False))
    assert len(book.chapters) == len(NUMERALS)


def title_page_then(volume_line: str) -> str:
    blocks = [
        "OPERE DI MARCO VELLANI",
        volume_line,
        "LA LANTERNA",
        "MILANO 1905",
        *(paragraph(k, 5) for k in range(6)),
    ]
    for n in ("PRIMO", "II", "III", "IV"):
        blocks += [f"CAPITOLO {n}.", *(paragraph(k + 7, 5) for k in range(4))]
    return "\n\n\n".join(blocks) + "\n"


def test_an_editions_volume_number_on_its_title_page_is_no_chapter() -> None:
    book = parse_text(title_page_then("Vol. I."))
    assert [c.title for c in book.chapters] == [
        "CAPITOLO PRIMO",
        "CAPITOLO II",
        "CAPITOLO III",
        "CAPITOLO IV",
    ]


def test_a_part_line_with_its_own_title_still_opens_a_chapter() -> None:
    book = parse_text(title_page_then("Vol. I. La lanterna"))
    assert book.chapters[0].title.startswith("Vol. I")


def test_sentence_case_lines_under_nearly_every_numeral_are_the_chapters_titles() -> None:
    book = parse_text(numbered_book(NUMERALS, contents=False))
    assert [c.title for c in book.chapters][:3] == [
        "I: Do caso 0",
        "II: Do caso 1",
        "III: Do caso 2",
    ]


def test_a_short_sentence_under_a_few_numerals_is_story() -> None:
    blocks = []
    for k, numeral in enumerate(NUMERALS):
        first = "Ela saiu." if k < 2 else paragraph(k + 20, 4)
        blocks += [numeral, first, paragraph(k, 5), paragraph(k + 3, 4)]
    book = parse_text("\n\n\n".join(blocks) + "\n")
    assert [c.title for c in book.chapters][:2] == ["I", "II."]


def test_a_web_page_with_its_accents_decomposed_reads_as_composed(tmp_path: Path) -> None:
    chapters = "".join(
        f"<h2>CAPI\u0301TULO {n}</h2><p>{paragraph(n, 5)}</p><p>Lle\u0301gase.</p>"
        for n in range(1, 4)
    )
    page = f"<html><head><title>Novela</title></head><body>{chapters}</body></html>"
    for encoding in ("utf-8", "utf-16"):
        path = tmp_path / f"novela-{encoding}.html"
        path.write_bytes(page.encode(encoding))
        book = open_book(path)
        assert [c.title for c in book.chapters] == ["CAPÍTULO 1", "CAPÍTULO 2", "CAPÍTULO 3"]
        assert "Llégase." in book.text
