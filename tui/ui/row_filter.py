"""What a list's filter keeps: the rows holding every word typed.

Smart-case, with keys read as vim and emacs users write them, and a long word forgiven one
slip.
"""

from __future__ import annotations

import re

from tui.book.slips import one_slip

# A control key as vim and emacs write it: `C-o`, `<C-o>`, `^O`.
_CONTROL_WRITTEN = re.compile(r"<?(?:[cC]-|\^)(\S)>?")
# A word typed this long may be a row's word with one slip (`bokmark`); a shorter one is too
# often another word with a letter changed.
SLIP_FROM = 5
# The words of a row, apart at spaces, punctuation and the underscores of an action's id.
_ROW_WORD = re.compile(r"[^\W_]+")


def holds_words(keys: str, text: str, query: str) -> bool:
    """Whether a row whose keys read ``keys`` (as shown, apart by spaces) and whose words are
    ``text`` holds every word of ``query``. A word in small letters matches in any case, one
    with a capital only as written (smart case, as vim's search); a word of one character is a
    key (`G`, `n`, `?`), looked for among the keys only, where in the words every row would hold
    it; a control key may be written as vim or emacs writes it (`C-o`, `<C-o>`, `^O`:
    `ctrl+o`); and a word of five letters or more that the row does not hold may be one of its
    words, or the start of one, with one slip (`bokmark`, `serach`)."""
    return all(_holds(keys, text, word) for word in query.split())


def _holds(keys: str, text: str, word: str) -> bool:
    control = _CONTROL_WRITTEN.fullmatch(word)
    if control is not None:
        word = f"ctrl+{control.group(1).lower()}"
    if len(word) == 1:
        return word in keys.split()
    row = f"{keys} {text}"
    if not any(character.isupper() for character in word):
        row = row.lower()
    return word in row or (len(word) >= SLIP_FROM and _slipped(word, row))


def _slipped(word: str, row: str) -> bool:
    """Whether ``word`` is a word of ``row``, or the start of one as typed so far, with one
    letter added, dropped, changed, or two swapped."""
    size = len(word)
    return any(
        one_slip(word, written[:length])
        for written in _ROW_WORD.findall(row)
        for length in (size - 1, size, size + 1)
        if length <= len(written)
    )
