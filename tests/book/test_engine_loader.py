"""Loading files: encodings, line endings, control characters and paths that are not books."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from tui.book.formats import open_book
from tui.book.loader import decode_bytes, load_text, neutralise
from tui.book.model import BookError

STORY = (
    "Chapter 1\n\n“It’s late,” Mara said — and the café was quiet.\n\n"
    "Tobias didn’t answer; he was counting the boats again.\n"
)
JAPANESE = (
    "第一章　始まり\n\n彼女は窓の外を見ていた。「今日は雨が降るのかな」と彼女は言った。\n\n"
    "朝になると、雨はやんでいた。町はまだ眠っていた。\n"
) * 3
CHINESE = (
    "第十二章 开始\n\n他走进了房间，看到桌子上放着一封信。“这是谁写的？”他问道。\n\n"
    "第二天早上，雨停了，街上没有一个人。\n"
) * 3


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (STORY.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + STORY.encode("utf-8"), "utf-8"),
        (STORY.encode("utf-16"), "utf-16-le"),
        (b"\xfe\xff" + STORY.encode("utf-16-be"), "utf-16-be"),
        (STORY.encode("utf-32"), "utf-32-le"),
        (STORY.encode("cp1252") * 3, "cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf32-bom", "windows-1252"],
)
def test_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    text, found, _ = decode_bytes(data)
    assert found == encoding
    assert text.startswith("Chapter 1\n\n“It’s late,” Mara said — and the café")
    assert "\ufeff" not in text  # the BOM is not part of the text


def test_windows_1252_curly_quotes_are_not_control_characters() -> None:
    # Latin-1 would turn 0x93/0x94 into C1 control characters.
    text, encoding, _ = decode_bytes(b"He said \x93hello\x94 and it\x92s fine.\n")
    assert encoding == "cp1252"
    assert text == "He said “hello” and it’s fine.\n"


@pytest.mark.parametrize("copies", [1, 3, 40])
def test_mac_roman_is_read_with_its_quotes_and_dashes(copies: int) -> None:
    """A story saved on a classic Mac: its quotes and dashes are letters in Windows-1252, which
    took it (`ÒItÕs late,Ó Mara said Ñ and the cafŽ`) whenever those bytes decoded."""
    text, encoding, _ = decode_bytes(STORY.encode("mac_roman") * copies)
    assert encoding == "mac_roman"
    assert text.startswith("Chapter 1\n\n“It’s late,” Mara said — and the café")


@pytest.mark.parametrize(
    "story",
    [
        "Her cousin I\xf1igo came from Bilbao.\n\n\xd3scar and \xd2lafur came too, \xd2scar.\n\n",
        "EL CORAZ\xd3N DE LA CIUDAD\n\nA sign: \xd2PEN \xd3NLY, and \xd4DE TO JOY.\n\n",
    ],
    ids=["names", "capitals"],
)
def test_windows_1252_letters_that_are_mac_quotes_stay_letters(story: str) -> None:
    """`Ò`, `Ó` and `Ô` written as letters (names, words in capitals) are no Mac quotes:
    only an apostrophe inside a word, quotes opened and closed, or a dash between spaces
    tell one."""
    from tui.book.mac_roman import is_mac_roman

    assert not is_mac_roman(story.encode("latin-1") * 4)


def test_utf16_without_bom_is_detected() -> None:
    for codec in ("utf-16-le", "utf-16-be"):
        text, encoding, notices = decode_bytes(STORY.encode(codec))
        assert encoding == codec
        assert text == STORY
        assert any("byte order mark" in n for n in notices)


@pytest.mark.parametrize(
    ("source", "codec", "expected"),
    [(JAPANESE, "shift_jis", "cp932"), (CHINESE, "gb18030", "gb18030")],
)
def test_cjk_legacy_encodings_are_detected(source: str, codec: str, expected: str) -> None:
    text, encoding, _ = decode_bytes(source.encode(codec))
    assert encoding == expected
    assert text == source


def test_invalid_bytes_inside_utf8_are_replaced_not_fatal() -> None:
    data = STORY.encode() * 5 + b"broken \xff\xfe bytes\n" + STORY.encode() * 5
    text, encoding, notices = decode_bytes(data)
    assert encoding == "utf-8"
    assert "broken �� bytes" in text
    assert "“It’s late,”" in text
    assert any("invalid UTF-8" in n for n in notices)


def test_crlf_cr_and_mixed_line_endings_become_lf() -> None:
    text, _, _ = decode_bytes(b"one\r\ntwo\rthree\nfour\r\n")
    assert text == "one\ntwo\nthree\nfour\n"
    text, _, _ = decode_bytes("one\r\ntwo\rthree\n".encode("utf-16"))
    assert text == "one\ntwo\nthree\n"


def test_escape_sequences_and_controls_are_made_visible_same_length() -> None:
    raw = "red \x1b[31mALERT\x1b[0m bell\x07 nul\x00 c1\x9b2J tab\tok\n"
    shown = neutralise(raw)
    assert len(shown) == len(raw)  # offsets stay valid
    assert "\x1b" not in shown and "\x07" not in shown and "\x00" not in shown
    assert "\x9b" not in shown
    assert "␛[31mALERT" in shown and "␇" in shown and "␀" in shown
    assert "\t" in shown and shown.endswith("\n")


def test_bidi_controls_are_neither_obeyed_nor_shown_and_joiners_stay() -> None:
    # U+202E showed as `�`: the book has nothing to see there.
    raw = "\u202eesrever\u202c \u2066iso\u2069 \u202bembed\u202c rlm\u200f lrm\u200e zwj👨\u200d👩"
    shown = neutralise(raw)
    assert len(shown) == len(raw)
    assert "�" not in shown
    assert cell_len(shown) == cell_len("esrever iso embed rlm lrm zwj👨\u200d👩")
    assert not set(shown) & {chr(c) for c in (0x61C, 0x200E, 0x200F, *range(0x202A, 0x202F))}
    assert not set(shown) & {chr(c) for c in range(0x2066, 0x206A)}
    assert shown.endswith("zwj👨\u200d👩")  # emoji need the joiner


def test_control_characters_in_a_utf8_file_are_neutralised() -> None:
    text, _, _ = decode_bytes(b"Title\n\nA \x1b]0;pwned\x07 line.\n")
    assert "\x1b" not in text and "\x07" not in text
    assert "␛]0;pwned␇" in text


def _colourised_log(lines: int = 400) -> bytes:
    """A terminal log with colour codes: valid UTF-8, no NUL, about 6% control characters."""
    out = []
    for n in range(lines):
        level = ("\x1b[32mINFO\x1b[0m", "\x1b[33mWARN\x1b[0m", "\x1b[1;31mFAIL\x1b[0m")[n % 3]
        out.append(f"{level} step {n}: the lamp was lit — \x1b[36mok\x1b[0m\n")
    return "".join(out).encode("utf-8")


def test_a_colourised_log_opens_with_its_escape_sequences_neutralised(tmp_path: Path) -> None:
    data = _colourised_log()
    controls = sum(1 for b in data if b < 0x20 and b not in (0x09, 0x0A))
    assert 0.05 < controls / len(data) < 0.08  # more than the old "binary" limit
    path = tmp_path / "build.log.txt"
    path.write_bytes(data)
    book = open_book(path)
    assert "\x1b" not in book.text
    assert "␛[32mINFO␛[0m step 0: the lamp was lit — ␛[36mok␛[0m" in book.text


@pytest.mark.parametrize(
    "data",
    [os.urandom(4096), b"\x00" * 4096, b"%PDF-1.7\n" + os.urandom(512), b"PK\x03\x04" + b"x" * 64],
    ids=["random", "nul", "pdf", "zip"],
)
def test_binary_data_is_refused_with_a_message(data: bytes) -> None:
    with pytest.raises(BookError) as err:
        decode_bytes(data)
    assert "\n" not in str(err.value)


def test_empty_and_blank_files_give_an_empty_book(tmp_path: Path) -> None:
    for name, data in (("empty.txt", b""), ("blank.txt", b"\n\n  \n\t\n\n")):
        path = tmp_path / name
        path.write_bytes(data)
        book = open_book(path)
        assert len(book) == 0
        assert book.chapters == []
        assert book.notices  # the user is told why there is nothing to read


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(BookError, match="no such file"):
        open_book(tmp_path / "nowhere.txt")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(BookError, match="directory"):
        open_book(tmp_path)


def test_symlink_loop_and_broken_link(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(BookError, match="loop"):
        open_book(tmp_path / "a")
    (tmp_path / "dangling").symlink_to(tmp_path / "gone.txt")
    with pytest.raises(BookError, match="broken"):
        open_book(tmp_path / "dangling")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    # In a child process with a timeout: opening a FIFO for reading would block forever.
    code = (
        "import sys\nfrom tui.book.formats import open_book\nfrom tui.book.model import BookError\n"
        f"try:\n    open_book({str(fifo)!r})\nexcept BookError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=20)
    assert "named pipe" in out.stdout


def test_load_text_reports_encoding_and_path(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.encode("cp1252") * 2)
    loaded = load_text(path)
    assert loaded.encoding == "cp1252"
    assert loaded.path == str(path)
    assert loaded.text.startswith("Chapter 1")


def test_windows_1252_wins_a_tie_with_central_european_code_pages() -> None:
    # An English story with a Spanish name: the bytes read as well in Windows-1250, where
    # 0xF1 is `ń`; Windows-1252 (`ñ`) is the far commoner encoding.
    story = (
        "\x93Coffee,\x94 said the man at the window. \xc9lodie brought it \x96 caf\xe9.\n\n"
        "Her cousin I\xf1igo arrived from Bilbao with a guitar\x85 and opinions.\n\n"
    ) * 4
    text, encoding, _ = decode_bytes(story.encode("latin-1"))
    assert encoding == "cp1252"
    assert "Iñigo" in text and "Élodie" in text and "café" in text


def test_a_binary_file_is_refused_from_its_first_bytes_not_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 900 MB file of zeros named `.txt` took 4 s and 900 MB of memory to refuse: it was
    read whole before its first bytes were looked at."""
    import tui.book.loader as loader

    path = tmp_path / "zeros.txt"
    with path.open("wb") as handle:
        handle.truncate(300 << 20)  # (sparse: no disk used)

    def read_whole(_path: object) -> bytes:
        raise AssertionError("the whole file was read")

    monkeypatch.setattr(loader, "read_bytes", read_whole)
    with pytest.raises(BookError, match=r"zeros\.txt: looks like a binary file, not text"):
        open_book(path)
