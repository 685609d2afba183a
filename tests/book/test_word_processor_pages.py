"""A novel exported from a word processor as one HTML page.

No `<title>`, its name and author set in bold as its first lines, and e-mails quoted with `>`
inside its scenes.
"""

from __future__ import annotations

from pathlib import Path

from markup_books import outline, story

from tui.book.markup.html_book import open_html


def page(path: Path, body: str) -> Path:
    path.write_text(f"<HTML><HEAD><TITLE></TITLE></HEAD><BODY>{body}</BODY></HTML>")
    return path


def chapters(count: int, middle: str = "") -> str:
    out = ""
    for n in range(1, count + 1):
        out += f"<P><B>Chapter {n}</B></P>" + story(n, 3)
        out += "<P ALIGN=CENTER>#</P>" + story(n + 10, 3)
        out += middle if n == 2 else ""
    return out


def test_an_untitled_page_is_named_by_its_first_lines_in_bold(tmp_path: Path) -> None:
    opening = "<P><B>The Lantern Keeper</B></P><P><B>Ada Quill</B></P><P>Read this first.</P>"
    book = open_html(page(tmp_path / "lantern_keeper_export.html", opening + chapters(3)))
    assert (book.title, book.author) == ("The Lantern Keeper", "Ada Quill")


def test_an_untitled_page_opening_on_prose_is_named_by_its_file(tmp_path: Path) -> None:
    opening = "<P><B>Read this first</B></P><P>The lamp was lit at dusk, as always.</P>"
    book = open_html(page(tmp_path / "lantern_keeper_export.html", opening + chapters(3)))
    assert book.author is None
    assert book.title.casefold() == "lantern keeper export"


def test_a_signature_quoted_under_an_email_is_no_break(tmp_path: Path) -> None:
    mail = "".join(
        f"<P><FONT FACE='monospace'>{line}</FONT></P><P></P>"
        for line in ["&gt; Meet me at the pier at nine.", "&gt; Believe.", "&gt; M1k3y"]
    )
    mails = (mail + story(30, 2)) * 3  # (the signature used again and again)
    book = open_html(page(tmp_path / "mails.html", chapters(3, mails)))
    assert [scenes for _, scenes in outline(book)] == [2, 2, 2]
