"""Where paragraphs end in hard-wrapped text that sets nothing between them.

No blank line, no indentation: only the wrap that filled each line.

Such a text (a corpus export wrapped at 80 or 90 columns) shows a paragraph's end only by its
last line: a line the wrap did not fill, because the next line's first word would have fitted
on it, ends a paragraph. A title alone on its line (`Intermezzo`, `II.`) may stand under a
paragraph's full last line, where it looks like that paragraph's own short last line: under a
line that ends a sentence, a short line opening on a capital that ends none (a title has no
full stop), or that is set wholly in capitals (`DHOYA.`), is a paragraph of its own.
"""

from __future__ import annotations

import re

from tui.book.rules.sentence_ends import CLOSING_QUOTES, FULL_STOPS

# A line whose length with the next line's first word stays under this share of the wrap
# width was not filled: its paragraph ends there. (A wrap that measured bytes, or kept a few of
# its source's own line breaks, fills its lines a little short of the width.)
FILLED_SHARE = 0.85
# A sentence ends on these, and may close a quotation after them (`»`, `«` in German).
_SENTENCE_END = (*FULL_STOPS, *CLOSING_QUOTES, "»", "«")


def unfilled_line_ends(text: str, lo: int, hi: int, width: int, short: int) -> list[int]:
    """Starts of lines that begin a paragraph in ``text[lo:hi]``, beyond those under a short
    line (shorter than ``short``): under a line the wrap did not fill, and titles under a
    line that ends a sentence. Only lines shorter than the fill limit are looked at, found by
    one regular expression: a minority of a wrapped text's lines."""
    limit = int(width * FILLED_SHARE)
    if limit < 2:
        return []
    found = []
    # (a non-blank line shorter than the limit, and the non-blank line right under it)
    pattern = re.compile(r"(?m)^([^\n]{1," + str(limit - 1) + r"}+)\n(?=([ \t]*[^ \t\n][^\n]*))")
    for m in pattern.finditer(text, lo, hi):
        line, below = m.group(1).rstrip(), m.group(2).split(None, 1)
        if not line.strip() or not below:
            continue  # (a line of other spaces, `\u00a0`, above or below)
        if len(line) + 1 + len(below[0]) <= limit:
            found.append(m.end())
    # (a title under a full line: the start of the line above ends a sentence)
    titles = re.compile(r"(?m)^([^\n]*\S)[ \t]*\n(?=([ \t]*\S[^\n]{0," + str(short - 1) + r"})\n)")
    for m in titles.finditer(text, lo, hi):
        if m.group(1).endswith(_SENTENCE_END) and _title_line(m.group(2).strip()):
            found.append(m.end())
    return sorted(set(found))


def _title_line(line: str) -> bool:
    """A short line that reads as a title rather than a paragraph's last words: it opens on a
    capital (or a digit) and ends on no sentence's stop, or is set wholly in capitals."""
    if not line or not any(char.isalnum() for char in line):
        return False
    if line.isupper():
        return True
    return (line[0].isupper() or line[0].isdigit()) and not line.endswith(
        (*_SENTENCE_END, ",", ";", ":", "-", "–", "—")
    )
