"""Title and author from a text's first lines: a CJK author line, a name over the title."""

from __future__ import annotations

import re
from itertools import islice

from tui.book.text.front_matter import Front, person_name, readable_name

# How far into the text its first lines are looked for.
_HEAD_CHARS = 6000
_HEAD_LINES = 60
_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
# A CJK author line: a dynasty in brackets (`〔清〕`, `（明）`) or a one- or two-character
# dynasty set off by a space (`清 `), the name, and 著 / 撰 / 作 ('wrote', 'compiled').
_DYNASTY = rf"(?:[〔［\[（(【]\s*{_HAN}{{1,2}}\s*[〕］\]）)】]|{_HAN}{{1,2}}[\s\u3000?・·])"
_WROTE = r"(?:編著|编著|著|撰|作)"
_CJK_AUTHOR = re.compile(
    rf"\s*(?P<dynasty>{_DYNASTY})?\s*(?P<name>{_HAN}{{2,4}}?)\s*(?P<wrote>{_WROTE})?\s*"
)
# A name line over the title names its author; the author's full name is set there and
# seldom again, where a title character's name recurs through the story.
_MAX_NAME_REPEATS = 3
_MAX_TITLE_CHARS = 80
_SENTENCE_ENDS = (".", "!", "?", ",", ";", ":", "。", "！", "？")


def names_at_top(front: Front, text: str) -> None:
    """Correct ``front``'s title and author from the layout of the text's first lines, where
    no label (`Title:`, `Author:`) names them."""
    if front.meta.get("author"):
        return
    lines = [line.strip() for line in text[:_HEAD_CHARS].splitlines()[:_HEAD_LINES]]
    while lines and not lines[0]:
        lines.pop(0)
    if not lines:
        return
    if _plain(front.title) != _plain(lines[0]):
        return  # (the title was found elsewhere than on the first line)
    under = [line for line in lines[1:4] if line][:1]
    if not under or not any(c.isalnum() for c in under[0]):
        return  # (a line of `=` or `-` under the first underlines it: a heading, not a name)
    if not front.author:
        author = cjk_author(under[0])
        if author:
            front.author = author
            return
    named = _plain(front.author or "")
    if named in ("", _plain(lines[0]), _plain(under[0])) and author_over_title(
        lines[0], under[0], text
    ):
        front.title, front.author = under[0], readable_name(lines[0])


def cjk_author(line: str) -> str | None:
    """The name on a CJK author line (`〔清〕吳敬梓著`, `清 吳敬梓著`, `吳敬梓 撰`): a
    dynasty before it or 著 / 撰 / 作 after it say it is a name."""
    match = _CJK_AUTHOR.fullmatch(line)
    if match is None or not (match["dynasty"] or match["wrote"]):
        return None
    return match["name"]


def author_over_title(top: str, under: str, text: str) -> bool:
    """``top`` is the author's name set over the title ``under``: a name of capitalised
    words, set nowhere much else in the book, over a line that is no name, or is one whose
    words the book also writes in lower case (`Der Untertan`: `der`) where the name's are
    never."""
    if not person_name(top) or not _title_shaped(under):
        return False
    # (counted no further than the bound: an 80 MB serial is not read through for a name)
    repeats = re.finditer(re.escape(top), text, re.IGNORECASE)
    if next(islice(repeats, _MAX_NAME_REPEATS, None), None) is not None:
        return False
    if not person_name(under):
        return True
    return not _written_in_lower_case(top, text) and _written_in_lower_case(under, text)


def _written_in_lower_case(line: str, text: str) -> bool:
    """One of the line's words occurs in lower case in the text (common words, not names)."""
    return any(
        re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", text)
        for word in re.findall(r"\w+", line)
        if len(word) > 1
    )


def _title_shaped(line: str) -> bool:
    return 0 < len(line) <= _MAX_TITLE_CHARS and not line.endswith(_SENTENCE_ENDS)


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()
