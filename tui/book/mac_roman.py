"""Text saved by a classic Mac (Mac Roman), told from Windows-1252 by its quotes and dashes."""

from __future__ import annotations

import re

# Mac Roman's curly quotes and dashes (0xD0-0xD5) are letters in Windows-1252 (`Ò Ó Ô Õ Ñ
# Ð`), and Windows-1252's (0x91-0x97) are letters in Mac Roman (`ë í ì î ñ ó`): read the
# wrong way, `“Don’t” — café` comes out `ÒDonÕtÓ Ñ cafŽ`. Each is told by where it stands
# as punctuation, which a letter never does: an apostrophe inside a word (`don’t`), a quote
# opened after a space and closed after a letter on the same line, a dash between spaces (a
# name such as `Óscar` or `Òlafur` is none of these).
_MAC_PUNCTUATION = re.compile(
    rb"[a-z]\xd5[a-z]|(?:^|[\s(])\xd2[^\n\xd2\xd3]{1,400}?[a-z.,!?]\xd3|\s[\xd0\xd1]\s",
    re.MULTILINE,
)
_WINDOWS_PUNCTUATION = re.compile(
    rb"[a-z]\x92[a-z]|(?:^|[\s(])\x93[^\n\x93\x94]{1,400}?[a-z.,!?]\x94|\s[\x96\x97]\s",
    re.MULTILINE,
)


def is_mac_roman(sample: bytes) -> bool:
    """Whether the bytes of a single-byte text use Mac Roman's quotes and dashes (at least
    twice) more than Windows-1252's."""
    mac = len(_MAC_PUNCTUATION.findall(sample))
    return mac >= 2 and mac > len(_WINDOWS_PUNCTUATION.findall(sample))
