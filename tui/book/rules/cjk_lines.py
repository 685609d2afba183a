"""Line breaks inside a paragraph that join its lines with no space: those in Chinese and Japanese.

A book's source breaks its lines anywhere; where a paragraph's lines are joined, a line break
reads as a space between words. Chinese and Japanese are written without spaces, so a line
break between two of their characters joins them with none (`張\\n飛` is `張飛`), as browsers
do (CSS Text's segment break rules). Their full-width punctuation carries its own space, so a
break beside it joins with none either (`將軍─\\n。` is `將軍─。`). Hangul is left out, as CSS
leaves it out: Korean sets spaces between its words, and its lines break at them.
"""

from __future__ import annotations

import re

from tui.book.rules.patterns import compiled_on_first_use

# Han (radicals, ideographs and their extensions), kana, bopomofo, CJK symbols and punctuation,
# vertical, small and full-width forms (halfwidth katakana among them, not halfwidth hangul).
_CJK_CHARS = (
    "\u2e80-\u2fdf\u3000-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe6f\uff00-\uff9f\uffe0-\uffef\U00020000-\U0003ffff"
)
_CJK = compiled_on_first_use(f"[{_CJK_CHARS}]")
# The whitespace a paragraph's text collapses to single spaces (HTML's, and a text's lines).
_SPACES = compiled_on_first_use(r"[ \t\n\r\f\v]+")


def is_cjk(char: str) -> bool:
    """Whether ``char`` is a Chinese or Japanese character or CJK punctuation."""
    return bool(char) and _CJK().match(char) is not None


def joins_without_space(before: str, after: str) -> bool:
    """Whether a line break between the characters ``before`` and ``after`` joins them with no
    space: both are CJK, or one is CJK punctuation (`。` `，` `「`), or one is CJK and the other
    a mark that is no letter or digit (`“` `—` `─`)."""
    if not before or not after:
        return False
    if is_cjk(before):
        return is_cjk(after) or not before.isalnum() or not after.isalnum()
    if is_cjk(after):
        return not after.isalnum() or not before.isalnum()
    return False


def joined_lines(text: str) -> str:
    """The lines of ``text`` joined as one paragraph: each stripped, empty ones dropped, a space
    between two unless they join with none (see `joins_without_space`)."""
    lines = text.split("\n")
    if _CJK().search(text) is None:
        return " ".join(body for line in lines if (body := line.strip()))
    out: list[str] = []
    for line in lines:
        body = line.strip()
        if not body:
            continue
        if out and not joins_without_space(out[-1][-1], body[0]):
            out.append(" ")
        out.append(body)
    return "".join(out)


def collapse_spaces(text: str, before: str = "") -> str:
    """``text`` with each run of whitespace made one space, and a run holding a line break
    between two characters that join (see `joins_without_space`) made none. ``before`` is the
    character the text follows, for a run at its start; a run at its end stays a space, the
    character after it unknown."""
    spaces = _SPACES()
    if not is_cjk(before) and (text.isascii() or _CJK().search(text) is None):
        return spaces.sub(" ", text)  # no CJK on either side of any run: each is one space

    def one_space(run: re.Match[str]) -> str:
        if "\n" not in run.group() and "\r" not in run.group():
            return " "
        start, end = run.span()
        left = text[start - 1] if start else before
        right = text[end] if end < len(text) else ""
        return "" if joins_without_space(left, right) else " "

    return spaces.sub(one_space, text)
