"""Telling a legacy encoding (Windows-1252, Mac Roman, Shift_JIS, GB18030 ...) from a sample."""

from __future__ import annotations

import codecs
import re

from tui.book.mac_roman import is_mac_roman
from tui.book.model import BookError

# What charset-normalizer names -> the codec that decodes the whole family best.
_CODEC_SUPERSETS = {
    "latin_1": "cp1252",
    "iso8859_1": "cp1252",
    "iso8859_15": "cp1252",
    "ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "hz": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
}


def detect_legacy(sample: bytes, size: int, notices: list[str]) -> str:
    """The codec of a file in a legacy encoding, from ``sample``, its first bytes (``size``
    in all): Windows-1252 rather than its look-alikes, CJK code pages by their supersets.
    Raises BookError when no encoding fits (it may not be text)."""
    from charset_normalizer import from_bytes

    if size > len(sample):
        sample = sample.rsplit(b"\n", 1)[0]
    results = from_bytes(sample)
    best = results.best()
    if best is not None and best.encoding != "cp1252":
        # Windows-1252 is by far the commonest legacy encoding of the texts chapbook reads:
        # when it reads the bytes as well as the best guess (an English text with a few
        # accented names can be Windows-1250 too), take it.
        tied = [
            m
            for m in results
            if m.encoding == "cp1252"
            and m.chaos <= best.chaos + 0.001
            and m.coherence >= best.coherence - 0.01
        ]
        best = tied[0] if tied else best
    if best is None:
        high = sum(1 for b in sample if b >= 0x80)
        if high > len(sample) * 0.4:
            raise BookError("could not tell how this file is encoded (it may not be text)")
        if not _single_byte_text(sample):
            notices.append("the encoding could not be detected: read as Windows-1252")
        return "cp1252"
    codec = codecs.lookup(best.encoding).name.replace("-", "_")
    codec = _CODEC_SUPERSETS.get(codec, codec)
    if codec in _MULTIBYTE and _single_byte_text(sample):
        # A few isolated high bytes in English text (`It\x92s`) are Windows-1252, not Big5.
        return "cp1252"
    if codec in _WESTERN_LOOKALIKES or codec.startswith(("iso8859", "latin", "mac_")):
        if is_mac_roman(sample):  # (its quotes read as Windows-1252 are `Ò Ó Õ`)
            return "mac_roman"
        # Latin-1 would turn Windows-1252 curly quotes (0x91-0x94) into control characters,
        # and DOS/Mac code pages are rarer than Windows-1252 for the same bytes.
        try:
            western = sample.decode("cp1252")
        except UnicodeDecodeError:
            western = None
        if western is not None and (
            codec not in _CENTRAL_EUROPEAN or western == sample.decode(codec, errors="replace")
        ):
            return "cp1252"
    return codec


_MULTIBYTE = {"cp932", "gb18030", "big5hkscs", "cp949", "euc_jp", "euc_kr", "cp950", "johab"}
_WESTERN_LOOKALIKES = {"cp1250", "cp1254", "cp1257", "cp775", "cp850", "cp852", "cp437", "cp858"}
_CENTRAL_EUROPEAN = {"cp1250", "cp1254", "cp1257", "iso8859_2", "iso8859_9", "iso8859_13"}


def _single_byte_text(sample: bytes) -> bool:
    """Mostly ASCII with isolated high bytes: a single-byte encoding, not a CJK one."""
    high = sum(1 for b in sample if b >= 0x80)
    if not high or high > len(sample) // 10:
        return False
    pairs = len(re.findall(rb"[\x80-\xff]{2}", sample))
    return pairs * 5 <= high
