"""Counting a text's words: runs between spaces, each CJK character; a huge text's by samples."""

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
# Books longer than this have their words estimated from samples.
WORD_SAMPLE_CHARS = 2_000_000
WORD_SAMPLE_WINDOWS = 20


def words_in(text: str) -> int:
    """Words in ``text``: its runs of non-spaces, each CJK character counted as one, runs
    divided by full-width punctuation as by spaces."""
    if text.isascii():
        return len(text.split())
    text = _CJK_PUNCTUATION().sub(" ", text)
    cjk = len(_CJK().findall(text))
    return len(_CJK().sub(" ", text).split()) + cjk if cjk else len(text.split())


def count_words(text: str, paragraphs: int) -> int:
    """Words in the text; exact for ordinary books, estimated from the spaces in a sample of
    huge ones (no 13M-string lists, no pass over all the text)."""
    if len(text) <= 4_000_000:
        return words_in(text)
    size = len(text)
    window = WORD_SAMPLE_CHARS // WORD_SAMPLE_WINDOWS
    step = size // WORD_SAMPLE_WINDOWS
    spaces = sum(text.count(" ", k * step, k * step + window) for k in range(WORD_SAMPLE_WINDOWS))
    return round(spaces * size / (window * WORD_SAMPLE_WINDOWS)) + paragraphs
