"""Damaged and hostile EPUB and HTML files: a clear error or a best effort, never a crash.

A clear one-line error, or a best effort with a notice; never a traceback, never a network
access, never raw control characters.
"""

from __future__ import annotations

import socket
import zipfile
from pathlib import Path

import pytest
from fixtures import epub_builders as eb
from fixtures.epub_ao3 import ao3_epub

from tui.book.formats import open_book
from tui.book.model import BookError


def refused(path: Path) -> str:
    with pytest.raises(BookError) as caught:
        open_book(path)
    message = str(caught.value)
    assert "\n" not in message and path.name in message
    return message


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "story.epub"
    path.write_text("Chapter 1\n\nJust text with the wrong name.\n")
    assert "not a readable EPUB" in refused(path)


def test_truncated_zip(tmp_path: Path) -> None:
    path = ao3_epub(tmp_path / "cut.epub")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert "damaged zip" in refused(path)


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    message = refused(eb.zip_bomb(tmp_path / "bomb.epub"))
    assert "refused" in message and "expands" in message


def test_path_traversal_in_an_entry_name_is_refused(tmp_path: Path) -> None:
    message = refused(eb.traversal(tmp_path / "escape.epub"))
    assert "unsafe entry name" in message and "../../outside.xhtml" in message


def test_huge_entry_is_refused(tmp_path: Path) -> None:
    path = eb.write_epub(tmp_path / "huge.epub", eb.simple_files())
    eb.forge_sizes(path, "ch1.xhtml", 3_000_000_000)
    message = refused(path)
    assert "refused" in message and "ch1.xhtml" in message


def test_an_entry_larger_than_stated_is_skipped_with_a_notice(tmp_path: Path) -> None:
    path = eb.write_epub(tmp_path / "lie.epub", eb.simple_files())
    eb.forge_sizes(path, "ch1.xhtml", 20)
    book = open_book(path)
    assert [c.title for c in book.chapters] == ["Chapter 2"]
    assert any("ch1.xhtml" in n for n in book.notices)


def test_drm_is_refused(tmp_path: Path) -> None:
    files = eb.simple_files()
    files["META-INF/encryption.xml"] = (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:CipherData>'
        '<enc:CipherReference URI="ch2.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>'
    )
    assert "DRM" in refused(eb.write_epub(tmp_path / "drm.epub", files))


def test_no_documents_at_all(tmp_path: Path) -> None:
    path = eb.write_epub(tmp_path / "empty.epub", {"images/a.png": eb.png(10, 10)}, opf_path=None)
    assert "no content documents" in refused(path)


def test_missing_container_falls_back_to_the_package_file(tmp_path: Path) -> None:
    path = eb.write_epub(tmp_path / "nocontainer.epub", eb.simple_files(3), opf_path=None)
    book = open_book(path)
    assert [c.title for c in book.chapters] == ["Chapter 1", "Chapter 2", "Chapter 3"]
    assert any("container.xml" in n for n in book.notices)


def test_no_package_file_reads_documents_in_name_order(tmp_path: Path) -> None:
    files = {k: v for k, v in eb.simple_files(11).items() if k != "content.opf"}
    book = open_book(eb.write_epub(tmp_path / "loose.epub", files, opf_path=None))
    # ch2 before ch10: natural order.
    assert [c.title for c in book.chapters] == [f"Chapter {n}" for n in range(1, 12)]
    assert any("name order" in n for n in book.notices)


def test_a_missing_spine_document_is_a_notice(tmp_path: Path) -> None:
    files = eb.simple_files(3)
    del files["ch2.xhtml"]
    book = open_book(eb.write_epub(tmp_path / "gap.epub", files))
    assert [c.title for c in book.chapters] == ["Chapter 1", "Chapter 3"]
    assert any("missing" in n for n in book.notices)


def test_every_spine_document_missing_is_one_line_naming_the_damage(tmp_path: Path) -> None:
    """The package lists documents the zip does not hold (an EPUB cut short, or packed
    wrongly): nothing to read, said in one line, not a ValueError from building no book."""
    files = {k: v for k, v in eb.simple_files(3).items() if not k.endswith(".xhtml")}
    path = eb.write_epub(tmp_path / "hollow.epub", files)
    message = refused(path)
    assert "damaged EPUB: none of the 3 documents its reading order lists is there" in message


def test_the_reader_and_a_scan_say_so_too(tmp_path: Path, capsys) -> None:
    from tui.cli import main
    from tui.library.scan import read_facts

    files = {k: v for k, v in eb.simple_files(1).items() if not k.endswith(".xhtml")}
    path = eb.write_epub(tmp_path / "hollow.epub", files)
    assert main(["outline", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"chapbook: {path}: damaged EPUB: the one document its reading order lists is not in "
        "the file\n"
    )
    assert "damaged EPUB" in read_facts(str(path)).error


def test_malformed_xhtml_is_read_as_well_as_it_can_be(tmp_path: Path) -> None:
    files = eb.simple_files(1)
    files["ch1.xhtml"] = (
        b"<html><body><h1>Chapter 1</h1>"
        b"<p>It&rsquo;s a &nbsp;<i>broken &bogus; page"  # unclosed <i> and <p>, unknown entity
        b"<p>Second \x1b[31mred\x1b[0m paragraph</b></span>"  # raw escape sequence, stray ends
        b"<p>Caf\xe9 latin-1 byte<div><p>After &#27;[2J clear"  # invalid UTF-8, numeric ESC
    )
    book = open_book(eb.write_epub(tmp_path / "messy.epub", files))
    texts = [book.paragraph(i) for i in range(len(book))]
    assert texts[0] == "Chapter 1"
    assert texts[1] == "It’s a \xa0broken &bogus; page"
    assert book.spans[1] == [(8, len(texts[1]), "italic")]
    assert 2 not in book.spans  # the unclosed <i> ended with its paragraph
    assert "\x1b" not in book.text and "red" in texts[2]
    assert texts[3].startswith("Caf") and "latin-1 byte" in texts[3]
    assert any("ch1.xhtml" in n for n in book.notices)  # the bad byte is reported


def test_nothing_is_fetched_and_no_script_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the network was used")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    files = eb.simple_files(1)
    files["ch1.xhtml"] = eb.xhtml(
        "Chapter 1",
        '<link rel="stylesheet" href="https://example.invalid/x.css"/>'
        '<script src="https://example.invalid/x.js">document.write("SCRIPT")</script>'
        "<h1>Chapter 1</h1><p>Before "
        '<img src="https://example.invalid/pic.png" alt="a remote picture"/> after.</p>'
        "<style>p { color: red }</style><p>End.</p>",
    )
    book = open_book(eb.write_epub(tmp_path / "remote.epub", files))
    assert "SCRIPT" not in book.text and "color" not in book.text
    assert book.paragraph(1) == "Before [image: a remote picture] after."


def test_html_file_that_is_binary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    with zipfile.ZipFile(path, "w") as out:
        out.writestr("a.txt", "\xff" * 100)
    assert "zip archive" in refused(path)


def test_unreadable_html_gives_one_line(tmp_path: Path) -> None:
    assert "no such file" in refused(tmp_path / "missing.html")
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><title>x</title></head><body>  </body></html>")
    assert "no readable text" in refused(empty)


def test_many_damaged_documents_give_a_short_list_of_notices(tmp_path: Path) -> None:
    files = eb.simple_files(12)
    for k in range(12):
        files[f"ch{k + 1}.xhtml"] = f"<h1>Chapter {k + 1}</h1><p>Caf".encode() + b"\xe9</p>"
    book = open_book(eb.write_epub(tmp_path / "latin.epub", files))
    assert len(book.chapters) == 12
    assert book.paragraph(1) == "Café"  # no charset declared, not UTF-8: detected
    assert len(book.notices) == 6 and book.notices[-1] == "… and 7 more problems like these"
