"""Reading a file into normalised text: safe path checks, encoding detection, neutralising."""

from __future__ import annotations

import codecs
import gzip
import io
import os
import re
import stat
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from tui.book.accents import composed_decoded
from tui.book.legacy_encodings import detect_legacy
from tui.book.model import BookError

MAX_BYTES = 1 << 30  # a 14M-word serial is ~84 MB; a gigabyte is not a book
SAMPLE_BYTES = 256 * 1024
# Why a file with no text in it is not a book: `chapbook FILE` refuses it, the library skips it.
NO_TEXT = "empty: no text in it"
# A book stored gzip-compressed (`NAME.txt.gz`) is read by its inner suffix, decompressed in
# memory with the same size cap as any other book.
COMPRESSED_SUFFIX = ".gz"
# Whether a file is compressed is told by its first bytes, not its name: a download saved as
# `story.txt` may still be gzipped.
GZIP_MAGIC = b"\x1f\x8b"

# Control characters (C0 except TAB and LF, DEL, C1) become visible symbols of the same length,
# so offsets and line numbers stay simple: ESC -> `␛`, NUL -> `␀`, C1 -> `�`. Form feed and
# vertical tab are only layout, so they become spaces.
_CONTROL_MAP = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_CONTROL_MAP.update({0x0B: 0x20, 0x0C: 0x20, 0x7F: 0x2421})
_CONTROL_MAP.update({c: 0xFFFD for c in range(0x80, 0xA0)})
# The bidirectional embeddings, overrides and isolates reorder everything after them in a
# terminal that lays out right-to-left text (VTE, Konsole, mlterm): a book's `U+202E` would
# turn the reader's borders and status line around; the marks LRM, RLM and ALM are the
# terminal's to obey too. They are formatting, not text: each becomes U+2060 WORD JOINER,
# which takes no cell and moves nothing (a `�` showed where the book had nothing to see).
# chapbook sets a paragraph's direction itself, by its first strong letter. (The zero-width
# joiners stay: emoji and some scripts need them.)
_BIDI_CONTROLS = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_INVISIBLE = 0x2060
_CONTROL_MAP.update({c: _INVISIBLE for c in _BIDI_CONTROLS})
_CONTROL_RE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_C1_IN_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Magic numbers of common non-text files someone might point chapbook at.
_MAGIC = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
    (b"BOOKMOBI", "a MOBI e-book"),
    (b"\xd0\xcf\x11\xe0", "a Word document"),
)


@dataclass
class LoadedText:
    """A file's text, normalised: LF line ends, no BOM, control characters neutralised."""

    text: str
    encoding: str
    notices: list[str] = field(default_factory=list)
    path: str | None = None


def neutralise(text: str) -> str:
    """Make control characters and escape sequences visible (same length), so book text can
    never drive the terminal."""
    if _CONTROL_RE.search(text) is None:
        return text
    return _CONTROL_RE.sub(lambda m: chr(_CONTROL_MAP[ord(m.group())]), text)


def safe_name(path: str | os.PathLike[str]) -> str:
    """A path fit for a one-line message."""
    return neutralise(str(path)).replace("\n", "␊")


def check_path(path: str | os.PathLike[str]) -> os.stat_result:
    """Stat a path and refuse anything that is not a readable regular file (never opens it)."""
    name = safe_name(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise BookError(f"{name}: broken symbolic link") from None
        raise BookError(f"{name}: no such file") from None
    except PermissionError:
        raise BookError(f"{name}: permission denied") from None
    except OSError as err:
        if err.errno == 40:  # ELOOP
            raise BookError(f"{name}: symbolic link loop") from None
        raise BookError(f"{name}: {err.strerror or 'cannot be read'}") from None
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise BookError(f"{name}: is a directory, not a book")
    special = not_a_file(mode)
    if special:
        raise BookError(f"{name}: {special}")
    if info.st_size > MAX_BYTES:
        raise BookError(f"{name}: too large to be a book ({info.st_size // (1 << 20)} MB)")
    return info


def not_a_file(mode: int) -> str:
    """Why what a path's ``mode`` (from `os.stat`) names is neither a regular file nor a
    folder (`is a named pipe, not a file`), or "": a pipe, a device or a socket is never
    opened to be read, as reading it could wait for ever."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return ""
    if stat.S_ISFIFO(mode):
        return "is a named pipe, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    return "not a regular file"


def is_compressed(path: str | os.PathLike[str]) -> bool:
    """Whether the file's bytes are gzip-compressed, whatever its name (`NAME.txt.gz`, or a
    gzipped download saved as `NAME.txt`); False for anything that cannot be read here."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # a pipe or a device is never opened here (it could block)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            return os.read(fd, len(GZIP_MAGIC)) == GZIP_MAGIC
        finally:
            os.close(fd)
    except OSError:
        return False


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes (decompressed when they are gzipped), after :func:`check_path`;
    opened non-blocking so a swapped-in pipe cannot hang us."""
    data = _read_raw(path)
    if data.startswith(GZIP_MAGIC):
        return _gunzip(data, safe_name(path))
    return data


def _gunzip(data: bytes, name: str) -> bytes:
    """Decompress a gzip file's bytes, refusing a corrupt one or one too large to be a book."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            plain = stream.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        raise BookError(f"{name}: not a readable gzip file (damaged or cut short)") from None
    if len(plain) > MAX_BYTES:
        raise BookError(f"{name}: too large to be a book once decompressed")
    return plain


def _read_raw(path: str | os.PathLike[str]) -> bytes:
    check_path(path)
    name = safe_name(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except PermissionError:
        raise BookError(f"{name}: permission denied") from None
    except OSError as err:
        raise BookError(f"{name}: {err.strerror or 'cannot be opened'}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise BookError(f"{name}: not a regular file")
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            return handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise BookError(f"{name}: {err.strerror or 'read error'}") from None
    finally:
        if fd >= 0:
            os.close(fd)


def check_text_start(path: str | os.PathLike[str]) -> None:
    """Refuse, from its first bytes, a file that cannot be a text book (a program, an
    image, binary data), so a caller can say so before it starts anything else."""
    check_path(path)
    try:
        with open(path, "rb") as handle:
            if handle.read(len(GZIP_MAGIC)) == GZIP_MAGIC:  # gzipped: judge the text inside
                handle.seek(0)
                with gzip.GzipFile(fileobj=handle) as stream:
                    sample = stream.read(SAMPLE_BYTES)
            else:
                handle.seek(0)
                sample = handle.read(SAMPLE_BYTES)
    except (EOFError, zlib.error, gzip.BadGzipFile):
        damaged = "not a readable gzip file (damaged or cut short)"
        raise BookError(f"{safe_name(path)}: {damaged}") from None
    except OSError as err:
        raise BookError(f"{safe_name(path)}: {err.strerror or 'cannot be read'}") from None
    if len(sample) < SAMPLE_BYTES and not sample.removeprefix(codecs.BOM_UTF8).strip():
        raise BookError(f"{safe_name(path)}: {NO_TEXT}")  # the whole file, and only spacing
    _refuse_binary_sample(path, sample)


def _refuse_binary_sample(path: str | os.PathLike[str], sample: bytes) -> None:
    """Refuse the file at ``path`` (naming it) when its first bytes, ``sample``, are binary
    data; a file that opens on a byte order mark or is UTF-16 without one is text."""
    if any(sample.startswith(bom) for bom, _codec in _BOMS) or _wide_codec(sample):
        return
    try:
        _refuse_binary(sample)
    except BookError as err:
        raise BookError(f"{safe_name(path)}: {err}") from None


def load_text(path: str | os.PathLike[str]) -> LoadedText:
    """Read ``path`` into normalised text; raises BookError with a one-line message."""
    _refuse_binary_start(path)
    data = read_bytes(path)
    try:
        text, encoding, notices = decode_bytes(data)
    except BookError as err:
        raise BookError(f"{safe_name(path)}: {err}") from None
    return LoadedText(text, encoding, notices, str(Path(path)))


def _refuse_binary_start(path: str | os.PathLike[str]) -> None:
    """Refuse a plain file whose first bytes are binary data before the rest is read: the
    verdict `_decode` reaches on the same first bytes, without reading, holding and decoding
    up to a gigabyte first (a 900 MB file of zeros took 4 s and 900 MB of memory to refuse)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return  # (refused, or read as it is, by `read_bytes`)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            sample = os.read(fd, SAMPLE_BYTES)
        finally:
            os.close(fd)
    except OSError:
        return  # (said by `read_bytes`)
    if sample and not sample.startswith(GZIP_MAGIC):
        _refuse_binary_sample(path, sample)


def decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Decode a file's bytes: BOMs, UTF-8, UTF-16 without BOM, legacy encodings detected.

    Returns ``(text, encoding, notices)``; the text has LF line ends, neutralised control
    characters and its accents composed. Raises BookError for binary data.
    """
    text, encoding, notices = _decode(data)
    return composed_decoded(text, data, encoding), encoding, notices


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    notices: list[str] = []
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _finish_wide(data[len(bom) :], codec, notices, bom=True)
    if not data:
        return "", "utf-8", notices
    sample = data[:SAMPLE_BYTES]
    wide = _wide_codec(sample)
    if wide:
        return _finish_wide(data, wide, notices, bom=False)
    _refuse_binary(sample)
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, encoding = _decode_damaged_or_legacy(data, notices)
    else:
        encoding = "utf-8"
        # Most files have no control characters: check the bytes (fast) before the text.
        if not _utf8_has_controls(data):
            return text, encoding, notices
    del data
    return neutralise(text), encoding, notices


def _utf8_has_controls(data: bytes) -> bool:
    return bool(data.translate(None, _NOT_CONTROL_BYTES)) or bool(_C1_IN_UTF8.search(data))


def _finish_wide(data: bytes, codec: str, notices: list[str], *, bom: bool) -> tuple:
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    if bad:
        notices.append(f"{bad} undecodable {codec.upper()} sequences were replaced with �")
    if not bom:
        notices.append(f"read as {codec.upper()} (no byte order mark)")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return neutralise(text), codec, notices


def _wide_codec(sample: bytes) -> str | None:
    """UTF-16/32 without a BOM: ASCII text in them has a zero byte beside every character."""
    if len(sample) < 4:
        return None
    zeros = sample.count(0)
    if zeros < len(sample) // 5:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if zeros > len(sample) // 2 and len(sample) >= 8:
        quads = [sample[k::4].count(0) for k in range(4)]
        quarter = len(sample) // 4
        if min(quads[1:3]) > quarter * 0.9:
            codec = "utf-32-le" if quads[3] > quarter * 0.9 else "utf-32-be"
            return codec if _plausible_wide(sample, codec) else None
    if odd > len(sample) // 2 * 0.6 and even < odd // 8:
        codec = "utf-16-le"
    elif even > len(sample) // 2 * 0.6 and odd < even // 8:
        codec = "utf-16-be"
    else:
        return None
    return codec if _plausible_wide(sample, codec) else None


def _plausible_wide(sample: bytes, codec: str) -> bool:
    width = 4 if "32" in codec else 2
    text = sample[: len(sample) // width * width].decode(codec, errors="replace")
    junk = text.count("\ufffd") + len(_CONTROL_RE.findall(text)) - text.count("\r")
    return junk <= len(text) // 50


def _refuse_binary(sample: bytes) -> None:
    for magic, what in _MAGIC:
        if sample.startswith(magic):
            raise BookError(f"this is {what}, not a text file")
    controls = len(sample.translate(None, _NOT_CONTROL_BYTES))
    if sample.count(0) > len(sample) // 200 + 1:
        raise BookError("looks like a binary file, not text")
    # (a few control characters are allowed in any text, but not a quarter of a short one)
    if controls > max(len(sample) // 20, min(8, len(sample) // 4)) and not (
        # Valid UTF-8 without NULs is text with escape sequences (a colourised log, a story
        # pasted from a terminal): it opens, the sequences neutralised. Binary data is
        # almost never valid UTF-8.
        0 not in sample and controls <= len(sample) // 4 and _is_utf8(sample)
    ):
        raise BookError("looks like a binary file, not text")


def _is_utf8(sample: bytes) -> bool:
    """Valid UTF-8, allowing a character cut off at the end of the sample."""
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start >= len(sample) - 3 and err.reason == "unexpected end of data"
    return True


def _decode_damaged_or_legacy(data: bytes, notices: list[str]) -> tuple[str, str]:
    """Mostly valid UTF-8 with a few bad bytes keeps UTF-8 (bad bytes replaced); otherwise the
    legacy encoding is detected (Windows-1252, Shift_JIS, GB18030 ...)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid = len(data) - len(text.encode("ascii", errors="ignore")) - bad
    if valid >= 4 * bad:
        notices.append(
            f"{bad} invalid UTF-8 byte sequence{'s' if bad != 1 else ''} replaced with �"
        )
        return text, "utf-8"
    del text
    codec = detect_legacy(data[: SAMPLE_BYTES * 2], len(data), notices)
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    if bad:
        notices.append(f"{bad} undecodable bytes replaced with � (read as {codec})")
    return text, codec
