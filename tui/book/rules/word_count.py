"""Counting a text's words: runs between spaces, and each Chinese, Japanese or Korean character."""

from __future__ import annotations

from tui.book.rules.patterns import compiled_on_first_use

# Chinese and Japanese are written without spaces between words: each character counts as one
# (Korean syllables too), so a novel in them is not "1.2k words".
_CJK = compiled_on_first_use(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
# Full-width punctuation (`，` `。` `：` `《》` `（）`) is set without spaces around it, so it
# divides words as a space does: Latin words and numbers in a Chinese text are not one run
# (nor are they joined by the curly double quotes set beside that punctuation).
_CJK_PUNCTUATION = compiled_on_first_use(
    r"[\u201c\u201d\u3000-\u3003\u3008-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]"
)


def words_in(text: str) -> int:
    """Words in ``text``: its runs of non-spaces, each CJK character counted as one, runs
    divided by full-width punctuation as by spaces."""
    if text.isascii():
        return len(text.split())
    text = _CJK_PUNCTUATION().sub(" ", text)
    cjk = len(_CJK().findall(text))
    return len(_CJK().sub(" ", text).split()) + cjk if cjk else len(text.split())
