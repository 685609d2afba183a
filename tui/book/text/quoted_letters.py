"""Letters and long quotations a story sets off with wider gaps: where they open and close."""

from __future__ import annotations

from tui.book.model import Book
from tui.book.rules.patterns import compiled_on_first_use

# A letter's salutation opening its paragraph (`Dear Madam: Your son...`, `DEAR BROTHER
# SETH--Your letter...`, `“DEAREST HETTY--I have...`): one to four capitalised words after
# `Dear`, then a colon, a comma or a dash, then the line's end or a capital. (`“Dear me, what
# a day”` and `“Dear Tom, you mustn't”` address someone in speech.)
_SALUTATION = compiled_on_first_use(
    r"[“\"‘']?(?:My |MY )?(?:Dear|Dearest|DEAR|DEAREST)(?: (?:[A-Z][\w.'’]*|dear)){1,4}"
    r"(?::|,|--|—)\s*(?:$|[A-Z])"
)
_SPEECH_WITH_TAG = compiled_on_first_use(r"\s*[“\"][^”\"]+[”\"][ \t,]+[a-z]")
# A letter quoted in a few paragraphs ends this many paragraphs after its salutation at most.
LETTER_PARAGRAPHS = 4
_OPENING_QUOTES = ("“", '"')
_TRAILING = " \t\n.…!?,;"


def opens_letter(book: Book, i: int) -> bool:
    """Paragraph ``i`` opens with a letter's salutation, not speech addressing someone."""
    text = book.paragraph(i).lstrip()
    return _SALUTATION().match(text) is not None and _SPEECH_WITH_TAG().match(text) is None


def closes_letter(book: Book, p: int, gaps: set[int]) -> bool:
    """The gap before paragraph ``p`` comes a few paragraphs after a letter's salutation with
    no other wider gap between (``gaps``): it ends the letter, as a reader sees the story
    take up again under a letter read out."""
    for k in range(p - 1, max(-1, p - 1 - LETTER_PARAGRAPHS), -1):
        if opens_letter(book, k):
            return True
        if k in gaps:
            return False
    return False


def _leaves_open(text: str) -> bool:
    """The paragraph opens a quotation it does not close: one speaker's words go on into the
    next paragraph, which opens with a quotation mark again."""
    if "“" in text or "”" in text:
        return text.count("“") > text.count("”")
    return text.count('"') % 2 == 1


def _closes(text: str) -> bool:
    return not _leaves_open(text) and text.rstrip(_TRAILING).endswith(("”", '"'))


def one_quotation(book: Book, start: int, stop: int) -> bool:
    """Paragraphs ``[start, stop)`` (two or more) are one person's words quoted whole, as a
    letter is: each opens with a quotation mark, all but the last leave it open, the last
    closes it. The gaps on either side set that quotation off; no scene starts or ends in it."""
    if stop - start < 2:
        return False
    texts = [book.paragraph(k).strip() for k in range(start, stop)]
    return (
        all(text.startswith(_OPENING_QUOTES) for text in texts)
        and all(_leaves_open(text) for text in texts[:-1])
        and _closes(texts[-1])
    )
