"""Project Gutenberg's wrapper around a story: the header, the licence, and what they say.

A Gutenberg text opens with a header (`Title:`, `Author:`, release notes) ended by a line
`*** START OF THE PROJECT GUTENBERG EBOOK ... ***` (older files: `*END*THE SMALL PRINT!...`),
and closes with `*** END OF THE PROJECT GUTENBERG EBOOK ... ***` or `End of (the) Project
Gutenberg (E)text of ...` before the licence. The story lies between: nothing outside can be
a chapter or a scene, the header is front matter and the licence end matter.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, MutableSequence, Sequence
from dataclasses import dataclass

from tui.book.rules.labels import field_value
from tui.book.rules.patterns import compiled_on_first_use

# The header's end, as printed since 2001 or in the older `small print` licence.
_START = compiled_on_first_use(
    r"^[ \t]*\*{3}[ \t]*START OF (?:THE|THIS) PROJECT GUTENBERG E-?(?:BOOK|TEXT)\b[^\n]*$|"
    r"^[ \t]*\*END\*?[ \t]*THE SMALL PRINT![^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
# (`End of Project Gutenberg's Jack Sheppard, by …`: an old text names the book, not the etext;
# a newer one may curl the apostrophe, `Gutenberg’s`; `The End of Project Gutenberg etext of
# Summer`, as the 1990s texts close)
_END = compiled_on_first_use(
    r"^[ \t]*(?:\*{3}[ \t]*END OF (?:THE|THIS) PROJECT GUTENBERG E-?(?:BOOK|TEXT)\b|"
    r"(?:The )?End of (?:the |this )?Project Gutenberg"
    r"(?:(?:['’]s)? ?(?:E-?book|E-?text|Etext)\b|['’]s ))[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A Gutenberg text names itself in its first lines.
_NAMED = compiled_on_first_use(r"Project Gutenberg", re.IGNORECASE)
_LABEL = compiled_on_first_use(
    r"^(Title|Author|Translator|Editor|Illustrator):[ \t]*(\S[^\n]*(?:\n[ \t]+\S[^\n]*)*)",
    re.MULTILINE,
)
# (`Etext of Secret Adversary by Agatha Christie`: some old headers leave out the comma)
_NAMING = compiled_on_first_use(
    r"Gutenberg(?:['’]s)? ?(?:E-?book|E-?text|Etext) of "
    r"(?:(?P<title>[^,\n]{2,100}), by |(?P<bare>[^,\n]{2,100}?) by )"
    r"(?P<author>[^\n*]{2,80}?)[ \t*]*$",
    re.IGNORECASE,
)
# (`***This is the Project Gutenberg Etext of The Scarlet Letter***`: the book, and no author)
_NAMING_TITLE = compiled_on_first_use(
    r"Gutenberg(?:['’]s)? ?(?:E-?book|E-?text|Etext) of (?P<title>[^,\n*]{2,100}?)[ \t.*]*$",
    re.IGNORECASE,
)
# (`Project Gutenberg Etext of The Private Papers of Henry Ryecroft` over `by George Gissing`)
_BYLINE_UNDER = compiled_on_first_use(
    r"[ \t]*by[ \t]+(?P<author>[A-Z][^\n.!?*,]{1,60}?)[ \t]*", re.IGNORECASE
)
HEADER_CHARS = 20_000  # the header and the small print fit in this much text
# Every end mark names Project Gutenberg, spelt in one of these cases.
_END_MARK_WORDS = ("utenberg", "UTENBERG")


def end_mark(text: str, lo: int = 0, hi: int | None = None) -> re.Match[str] | None:
    """The first `*** END OF THE PROJECT GUTENBERG EBOOK` line in ``[lo, hi)``, read only on
    the lines that name Gutenberg: the mark's regex, anchored to a line's start, would be tried
    at every character of an 80 MB serial (half a second), where a word search skips them."""
    hi = len(text) if hi is None else hi
    marks = []
    for word in _END_MARK_WORDS:
        at = text.find(word, lo, hi)
        while at >= 0:
            line = max(text.rfind("\n", lo, at) + 1, lo)
            mark = _END().match(text, line, hi)
            if mark is not None:
                marks.append(mark)
                break
            line_end = text.find("\n", at, hi)
            at = text.find(word, line_end, hi) if line_end >= 0 else -1
    return min(marks, key=re.Match.start, default=None)


@dataclass(frozen=True, slots=True)
class Wrapper:
    """Where a Gutenberg text's story lies, in paragraphs, and what its header says."""

    start: int  # first paragraph after the header (0 when the header is missing)
    end: int  # the first paragraph of the licence (the paragraph count when it is missing)
    title: str = ""
    author: str = ""


def find_wrapper(
    text: str, starts: Sequence[int], paragraph_at: Callable[[int], int]
) -> Wrapper | None:
    """The story bounds of a Gutenberg text (None for any other text).

    ``paragraph_at(offset)`` is the paragraph holding a character offset."""
    n = len(starts)
    head = text[:HEADER_CHARS]
    start_mark = _START().search(head)
    if start_mark is None and _NAMED().search(text, 0, 2000) is None:
        tail_mark = end_mark(text, max(0, len(text) - 200_000))
        if tail_mark is None:
            return None
    first = paragraph_at(start_mark.end()) + 1 if start_mark else 0
    last_mark = end_mark(text, start_mark.end() if start_mark else 0)
    last = paragraph_at(last_mark.start()) if last_mark else n
    if first >= last:
        return None
    labels: dict[str, str] = {}
    for m in _LABEL().finditer(head, 0, start_mark.start() if start_mark else len(head)):
        labels.setdefault(m.group(1).lower(), field_value(m.group(1).lower(), m.group(2)))
    if "title" not in labels:
        # `End of this Project Gutenberg etext of Moby Dick, by Herman Melville`, or the same
        # words on the first line, or on a line of the header under it.
        header = head[: start_mark.start()] if start_mark else head[:3000]
        lines = [line for line in header.splitlines() if "utenberg" in line.lower()]
        lines += [last_mark.group()] if last_mark else []
        named = next((m for m in map(_NAMING().search, lines) if m is not None), None)
        titled = _NAMING_TITLE().search(lines[0]) if lines and named is None else None
        if titled is not None:
            labels["title"] = titled["title"].strip()
            author = _byline_under(header, lines[0])
            if author:
                labels["author"] = author
        if named is not None:
            title = (named["title"] or named["bare"]).strip()
            # A catalogue line drops the title's article (`Etext of Secret Adversary`); the
            # title page under it keeps it (`The Secret Adversary`).
            article = re.search(
                rf"^[ \t]*((?:the|a|an)[ \t]+{re.escape(title)})[ \t]*$",
                text[:HEADER_CHARS],
                re.IGNORECASE | re.MULTILINE,
            )
            labels["title"] = article.group(1) if article else title
            labels["author"] = named["author"].strip()
    return Wrapper(first, last, labels.get("title", ""), labels.get("author", ""))


def _byline_under(header: str, naming: str) -> str:
    """The author on the line right under the header's line naming the book without its
    author (`by George Gissing`), or ""."""
    lines = header.splitlines()
    k = lines.index(naming) + 1 if naming in lines else len(lines)
    byline = _BYLINE_UNDER().fullmatch(lines[k]) if k < len(lines) else None
    return byline["author"].strip() if byline else ""


def part_at_marks(
    text: str,
    starts: MutableSequence[int],
    ends: MutableSequence[int],
    lines: MutableSequence[int],
    lo: int = 0,
    hi: int | None = None,
) -> None:
    """Set the `*** START OF` and `*** END OF` lines apart from the lines run on to them with
    no blank line between (`*** START … ***` / `[Illustration:`): the header ends, and the
    licence starts, with its line, so the book's first paragraph is whole."""
    hi = len(text) if hi is None else hi
    marks = [m for m in (_START().search(text, lo, min(hi, lo + HEADER_CHARS)),) if m]
    marks += [m for m in (end_mark(text, lo, hi),) if m]
    for m in marks:
        k = bisect.bisect_right(starts, m.start()) - 1
        if k < 0 or ends[k] < m.start():
            continue  # (not inside a paragraph)
        cuts = []
        if starts[k] < m.start() and text[m.start() - 1] == "\n":
            cuts.append(m.start())  # lines before the mark's
        if ends[k] > m.end() and text[m.end()] == "\n":
            cuts.append(m.end() + 1)  # lines after it
        for cut in reversed(cuts):
            starts.insert(k + 1, cut)
            ends.insert(k + 1, ends[k])
            ends[k] = cut - 1
            lines.insert(k + 1, lines[k] + text.count("\n", starts[k], cut))
