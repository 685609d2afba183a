"""Part titles over bare numbers that start over at one (`上　先生と私` over `一` … `三十六`)."""

from __future__ import annotations

from itertools import pairwise

from tui.book.rules.headings import Heading, match_heading
from tui.book.rules.sentence_ends import SENTENCE_ENDS
from tui.book.text.lines import LineInfo
from tui.book.text.weak_headings import longest_run, spaced_like_chapters

# A part's title is a short line ...
PART_TITLE_CHARS = 40
# ... and not a sentence, nor a line of dialogue, as the last line of a chapter may be: it
# ends on none of `SENTENCE_ENDS`.


def titles_over_restarts(infos: dict[int, LineInfo], paragraph) -> dict[int, LineInfo]:
    """Where a book with no chapter headings numbers its chapters bare and starts over at one
    two times or more, each time right under a short line of its own (not a sentence, not a
    number), those lines are the titles of the parts the numbers start over in: part
    headings, as `PART II` over `I` would be. Each count must run on, spaced like chapters,
    up to the next title. In a book whose other counts start under part headings
    (`PART V.` over `I.`), one such title is enough: a second work bound after the parts
    (`DHOYA.` over `I.`)."""
    headings = {i for i, info in infos.items() if info.kind == "heading"}
    if any(infos[i].data.kind != "part" for i in headings):
        return {}
    weak = sorted(
        (i, info.data)
        for i, info in infos.items()
        if info.kind == "weak" and info.data.kind == "number"
    )
    ones = [i for i, heading in weak if heading.number == 1]
    if len(ones) < 2:
        return {}
    titles: dict[int, LineInfo] = {}
    for one, after in pairwise([*ones, weak[-1][0] + 1]):
        run = longest_run([(i, h) for i, h in weak if one <= i < after], paragraph)
        if not run or run[0][0] != one or not spaced_like_chapters(run):
            return {}
        above = one - 1
        if above in headings:
            continue
        title = paragraph(above).strip() if above >= 0 and above not in infos else ""
        if _part_title(title):
            titles[above] = LineInfo("heading", Heading("part", len(titles) + 1, title, "", True))
        elif one != ones[0]:
            return {}  # (only the first count may open without a title: the front matter's)
    return titles if len(titles) + len(headings) >= 2 else {}


def _part_title(text: str) -> bool:
    if not text or "\n" in text or len(text) > PART_TITLE_CHARS:
        return False
    if match_heading(text) is not None:
        return False
    # (a title set in capitals may close on a full stop, as old books set them: `DHOYA.`)
    if text.endswith(SENTENCE_ENDS) and not (text.isupper() and _one_full_stop(text)):
        return False
    return any(char.isalpha() for char in text)


def _one_full_stop(text: str) -> bool:
    return text.endswith(".") and not text.endswith("..")
