"""Aozora Bunko texts: their annotation and ruby marks made plain, line for line, headings kept.

Aozora Bunko's documented text format marks a heading with an annotation after it
(`［＃５字下げ］一［＃「一」は中見出し］`), around it (`［＃中見出し］一［＃中見出し終わり］`) or
over a block of lines (`［＃ここから中見出し］` … `［＃ここで中見出し終わり］`), in three
levels: 大 (large), 中 (middle) and 小 (small) 見出し. Ruby readings stand in `《》` after
their word, a `｜` marking where the word begins (`夕方｜折戸《おりど》`), and the file opens
with a key to these marks between two dashed rules. A reader sees none of the marks: the
annotations, the readings and the `｜` go (as an EPUB's ruby readings do), a character the
character set lacks (`※［＃「てへん＋劣」、第3水準1-84-77］`) is shown by its description,
and lines that held only annotations, or the key, are left blank (markup, not space).
"""

from __future__ import annotations

import re
from typing import NamedTuple

# `［＃…］`: an annotation (at most one line long).
ANNOTATION = re.compile(r"［＃[^］\n]*］")
# A character outside the character set, described in an annotation: `※［＃「てへん＋劣」、…］`.
GAIJI = re.compile(r"※［＃「([^」\n]{1,40})」[^］\n]*］")
RUBY = re.compile(r"《[^》\n]*》")
RUBY_START = "｜"
# The heading annotations and their level: `［＃「一」は中見出し］`, `［＃大見出し］`,
# `［＃「序」は同行中見出し］`, `［＃窓大見出し］`; `［＃ここから小見出し］` opens a block of
# lines whose first line of text is the heading.
HEADING_MARK = re.compile(
    r"［＃(?:「[^」\n]*」は)?(?P<block>ここから)?(?:同行|窓)?(?P<level>[大中小])見出し］"
)
LEVELS = {"大": 1, "中": 2, "小": 3}
# The key to the marks at the top of the file, between dashed rules.
KEY_TITLE = "【テキスト中に現れる記号について】"
DASHED_RULE = re.compile(r"-{10,}\s*")
KEY_LINES = 60  # how far down the first rule of the key may stand
# The lines over the key are, by the format's definition, the title, (a subtitle), the
# author and (a translator, whose line ends in 訳 'translated').
TRANSLATED = ("訳", "譯")
# Annotations enough to tell the format without its key (a text cut from its header), in
# its first characters (a big book of another kind is not searched through).
MIN_ANNOTATIONS = 3
SNIFF_CHARS = 500_000


class AozoraText(NamedTuple):
    """An Aozora text made plain, with the 1-based lines of its chapter headings and of the
    lines that held only markup."""

    text: str
    heading_lines: list[int]
    hidden_lines: list[int]
    names: tuple[str, str | None] | None = None  # the header's title and author


def is_aozora(text: str) -> bool:
    """The text is written in Aozora Bunko's notation: its key to the marks, or annotations."""
    head = text[:SNIFF_CHARS]
    if KEY_TITLE in head:
        return True
    return "［＃" in head and len(ANNOTATION.findall(head)) >= MIN_ANNOTATIONS


def aozora_lines(text: str) -> AozoraText:
    """The text with its marks made plain line for line, its chapter headings (the shallowest
    heading level it uses more than once) and its lines of markup alone."""
    lines = text.split("\n")
    key = _key_lines(lines)
    by_level: dict[int, list[int]] = {}
    hidden: list[int] = []
    plain: list[str] = []
    in_block = 0  # the level of the block heading being read, 0 outside one
    for k, line in enumerate(lines):
        if k in key:
            plain.append("")
            if line.strip():
                hidden.append(k + 1)
            continue
        marked = "［＃" in line
        shown = _shown(line) if marked or "《" in line or RUBY_START in line else line
        plain.append(shown)
        found = HEADING_MARK.search(line) if marked else None
        level = LEVELS[found["level"]] if found else 0
        if found and found["block"]:
            in_block, level = level, 0  # (the block's first line of text is its heading)
        if (level or in_block) and shown.strip():
            by_level.setdefault(level or in_block, []).append(k + 1)
            in_block = 0
        if marked and not shown.strip():
            hidden.append(k + 1)
    repeated = [lv for lv, heads in by_level.items() if len(heads) >= 2]
    headings = by_level[min(repeated)] if repeated else []
    return AozoraText("\n".join(plain), headings, hidden, header_names(lines, key))


def header_names(lines: list[str], key: set[int]) -> tuple[str, str | None] | None:
    """The title and author the header over the key gives: its first line is the title, the
    last (a translator's line under it aside) the author's name, any between a subtitle."""
    if not key:
        return None
    header = [line.strip() for line in lines[: min(key)] if line.strip()]
    if not header:
        return None
    named = header[1:]
    if len(named) > 1 and named[-1].endswith(TRANSLATED):
        named.pop()
    return header[0], (named[-1] if named else None)


def _shown(line: str) -> str:
    """What a reader sees of one line: no annotations, readings or `｜`."""
    line = GAIJI.sub(r"〔\1〕", line)
    line = ANNOTATION.sub("", line)
    return RUBY.sub("", line).replace(RUBY_START, "")


def _key_lines(lines: list[str]) -> set[int]:
    """0-based lines of the key to the marks: from the dashed rule over its title to the rule
    under it (none when the file has no key)."""
    top = next(
        (k for k, line in enumerate(lines[:KEY_LINES]) if KEY_TITLE in line),
        None,
    )
    if top is None:
        return set()
    above = next((k for k in range(top - 1, -1, -1) if DASHED_RULE.fullmatch(lines[k])), top)
    below = next(
        (
            k
            for k in range(top + 1, min(len(lines), top + KEY_LINES))
            if DASHED_RULE.fullmatch(lines[k])
        ),
        None,
    )
    if below is None:
        return set()
    return set(range(above, below + 1))
