"""What a list's filter keeps: the rows holding every word typed, smart-case, with keys read as
vim and emacs users write them."""

from __future__ import annotations

import re

# A control key as vim and emacs write it: `C-o`, `<C-o>`, `^O`.
_CONTROL_WRITTEN = re.compile(r"<?(?:[cC]-|\^)(\S)>?")


def holds_words(keys: str, text: str, query: str) -> bool:
    """Whether a row whose keys read ``keys`` (as shown, apart by spaces) and whose words are
    ``text`` holds every word of ``query``. A word in small letters matches in any case, one
    with a capital only as written (smart case, as vim's search); a word of one character is a
    key (`G`, `n`, `?`), looked for among the keys only, where in the words every row would hold
    it; and a control key may be written as vim or emacs writes it (`C-o`, `<C-o>`, `^O`:
    `ctrl+o`)."""
    return all(_holds(keys, text, word) for word in query.split())


def _holds(keys: str, text: str, word: str) -> bool:
    control = _CONTROL_WRITTEN.fullmatch(word)
    if control is not None:
        word = f"ctrl+{control.group(1).lower()}"
    if len(word) == 1:
        return word in keys.split()
    if not any(character.isupper() for character in word):
        return word in f"{keys} {text}".lower()
    return word in f"{keys} {text}"
