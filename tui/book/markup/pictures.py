"""The rules, gaps and frames a document keeps around its pictures.

The rules and gaps that only set an illustration off, and the frames a converter left holding a
dropped image's file name.
"""

from __future__ import annotations

import re

from tui.book.markup.convert import Block
from tui.book.markup.para import BREAK_TEXT, GAP_TEXT, Para, is_illustration
from tui.book.model import ParaKind

CAPTION_CHARS = 120  # a heading this short between an image and a rule is the image's caption
CAPTION_WORDS_CHARS = 60  # and so is a plain paragraph this short
IMAGE_PLACEHOLDER = re.compile(r"\[image(?::[^\]]*)?\]")  # what the converter shows of an image
# The class of a block that holds a picture: `div.fig`, `figleft`, `illustration`, `image`.
FIGURE_CLASS = re.compile(r"(?:^|[\s#])(?:fig|illus|image|img|pic)[\w-]*")
# What a converter leaves of a picture it dropped: the image's file name (`0029m`, `p045.jpg`).
FILE_NAME_TEXT = re.compile(r"(?=[\w-]*[a-z])[\w-]*\d[\w-]*(?:\.(?:jpe?g|png|gif|svg|webp))?", re.I)


def unbreak_pictures(out: list[Para], where: list[int]) -> tuple[list[Para], list[int]]:
    """Rules and gaps that set off an illustration are layout, not scene breaks."""
    drop = {
        k
        for k, para in enumerate(out)
        if para.hint == ParaKind.BREAK
        and para.text in (BREAK_TEXT, GAP_TEXT)
        and (_pictorial(out, k, -1) or _pictorial(out, k, 1))
    }
    if not drop:
        return out, where
    shift = [0] * (len(out) + 1)
    for k in range(len(out)):
        shift[k + 1] = shift[k] + (k in drop)
    kept = [p for k, p in enumerate(out) if k not in drop]
    return kept, [w - shift[w] for w in where]


def dropped_picture(block: Block) -> bool:
    """A picture's frame holding only the image's file name (`<div class="fig">0029m</div>`),
    left where a converter dropped the image: a picture, not text to read."""
    text = block.text.strip()
    return (
        len(text) <= 40
        and FIGURE_CLASS.search(block.marks) is not None
        and FILE_NAME_TEXT.fullmatch(text) is not None
    )


def _pictorial(out: list[Para], k: int, step: int) -> bool:
    """Whether an illustration sits next to paragraph ``k`` on one side: an image or an
    `[Illustration]` line, or a short caption under an image."""
    j = k + step
    if not 0 <= j < len(out):
        return False
    near = out[j]
    if _picture(near):
        return True
    if near.hint == ParaKind.BREAK or not _short_caption(near):
        return False
    j += step
    return 0 <= j < len(out) and _picture(out[j])


def _picture(para: Para) -> bool:
    """An image, an `[Illustration]` line, or a plate: an image with its caption set in the
    same frame (`<div class="figcenter"><img alt="…"/><span>It was the Water Rat</span>`)."""
    if para.image or is_illustration(para):
        return True
    block = para.block
    if block is None or not block.images or para.hint != ParaKind.TEXT:
        return False
    caption = IMAGE_PLACEHOLDER.sub("", para.text).strip()
    return len(caption) <= CAPTION_CHARS


def _short_caption(para: Para) -> bool:
    """A line that can be an image's caption: a heading, a paragraph marked as a caption or set
    inside one (`<div class="caption"><p>…</p></div>`), or a line of a few words."""
    if len(para.text) > CAPTION_CHARS:
        return False
    block = para.block
    if para.hint == ParaKind.HEADING:
        return True
    if block is not None and "caption" in f"{block.tag} {block.marks} {block.context}":
        return True
    return len(para.text) <= CAPTION_WORDS_CHARS
