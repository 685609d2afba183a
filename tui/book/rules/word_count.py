"""Counting a text's words: runs between spaces, and each Chinese, Japanese or Korean character."""

from __future__ import annotations

from tui.book.rules.patterns import compiled_on_first_use

# Chinese and Japanese are written without spaces between words: each character counts as one
# (Korean syllables too), so a novel in them is not "1.2k words".
_CJK = compiled_on_first_use(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")


def words_in(text: str) -> int:
    """Words in ``text``: its runs of non-spaces, each CJK character counted as one."""
    if text.isascii():
        return len(text.split())
    cjk = len(_CJK().findall(text))
    return len(_CJK().sub(" ", text).split()) + cjk if cjk else len(text.split())
