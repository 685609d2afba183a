"""Old Project Gutenberg etexts name their book in their header's lines, in several ways."""

from __future__ import annotations

from tui.book.text.parse import parse_text

SMALL_PRINT_END = "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n\n"


def chapters(name: str = "Tommy and Tuppence") -> str:
    return "\n\n".join(f"CHAPTER {n}\n\n" + f"{name} walked on. " * 40 for n in ("I", "II", "III"))


def test_an_old_header_naming_the_etext_without_a_comma_names_the_book() -> None:
    # `Project Gutenberg's Etext of Secret Adversary by Agatha Christie`: the book had been
    # named after its scanner's credit line; the title page keeps the article.
    header = (
        "Project Gutenberg's Etext of Secret Adversary by Agatha Christie\n"
        "#2 in our series by Agatha Christie\n\n"
        "Please take a look at the important information in this header.\n\n"
        "The Secret Adversary\n\nby Agatha Christie\n\n"
        "Scanned by Charles Keller with OmniPage Professional OCR software\n\n" + SMALL_PRINT_END
    )
    book = parse_text(header + chapters() + "\n")
    assert (book.title, book.author) == ("The Secret Adversary", "Agatha Christie")


def test_an_old_header_naming_the_book_in_a_later_line_names_it_and_its_author() -> None:
    # The first line names the book in the author's possessive; a line under it names it
    # plainly, `Etext of Title, by Author`.
    header = (
        "The Project Gutenberg Etext of Ada Marsh's The Glass Harbour.\n\n"
        "Please take a look at the important information in this header.\n\n"
        "The Glass Harbour by Ada Marsh\n\n"
        "The Project Gutenberg Etext of The Glass Harbour, by Ada Marsh\n\n" + SMALL_PRINT_END
    )
    book = parse_text(header + chapters("Nell") + "\n")
    assert (book.title, book.author) == ("The Glass Harbour", "Ada Marsh")


def test_an_old_header_naming_only_the_book_gives_its_title() -> None:
    header = (
        "***This is the Project Gutenberg Etext of The Glass Harbour***\n"
        "*****This file should be named glshb10.txt or glshb10.zip******\n\n"
        "Information about Project Gutenberg (one page)\n\n"
        "Notes from Project Gutenberg Executive Director\n\n" + SMALL_PRINT_END
    )
    book = parse_text(header + chapters("Nell") + "\n")
    assert book.title == "The Glass Harbour"


def test_an_old_header_naming_the_book_over_its_byline_gives_its_author() -> None:
    # `Project Gutenberg Etext of The Glass Harbour` with `by Ada Marsh` on the line under it.
    header = (
        "Project Gutenberg Etext of The Glass Harbour \nby Ada Marsh\n\n\n"
        "Copyright laws are changing all over the world, be sure to check.\n\n"
        "Please take a look at the important information in this header.\n\n" + SMALL_PRINT_END
    )
    book = parse_text(header + chapters("Nell") + "\n")
    assert (book.title, book.author) == ("The Glass Harbour", "Ada Marsh")
