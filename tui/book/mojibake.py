"""UTF-8 text once read as Latin-1 or Windows-1252 and saved again, repaired.

Such text (`KsiÄ\x99ga`, `Ã©tÃ©`) is repaired when the whole text says so, as a reader
would read it.
"""

from __future__ import annotations

import re

# The character each byte 0x80-0x9f becomes when read as Windows-1252 (Latin-1 leaves it a
# C1 control character), back to its byte.
_CP1252_BYTE = {
    bytes([b]).decode("cp1252"): b
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # (bytes Windows-1252 leaves undefined)
}
_CONTINUATION = "[\x80-\xbf" + "".join(re.escape(c) for c in _CP1252_BYTE) + "]"
# One UTF-8 character's bytes, each read as a character of its own.
SEQUENCE = re.compile(
    f"[\xc2-\xdf]{_CONTINUATION}|[\xe0-\xef]{_CONTINUATION}{{2}}|[\xf0-\xf4]{_CONTINUATION}{{3}}"
)
MIN_SEQUENCES = 10  # fewer is a name or two, not a text read wrong
# Non-ASCII characters outside such sequences, at most one per this many sequences: the text
# is mojibake throughout, with at most a short note added later in clean UTF-8.
STRAY_PER_SEQUENCE = 20
NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _character(sequence: str) -> str | None:
    """The character a sequence's bytes spell in UTF-8, or None when they spell none."""
    data = bytes(_CP1252_BYTE.get(c, ord(c)) for c in sequence)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def repaired(text: str) -> str | None:
    """``text`` with its mojibake undone, when the whole text is so: many sequences, each
    decoding cleanly to one character, and hardly any other non-ASCII character. Else None."""
    if re.search("[\xc2-\xf4]", text) is None:
        return None
    found = SEQUENCE.findall(text)
    if len(found) < MIN_SEQUENCES:
        return None
    characters = {s: _character(s) for s in set(found)}
    if any(c is None for c in characters.values()):
        return None
    stray = len(NON_ASCII.findall(SEQUENCE.sub("", text)))
    if stray * STRAY_PER_SEQUENCE > len(found):
        return None
    return SEQUENCE.sub(lambda m: characters[m.group()] or m.group(), text)
