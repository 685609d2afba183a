"""Blocks to book paragraphs: scene breaks from rules, ornaments and gaps; image placeholders.

Everything here looks at one document at a time and never at the table of contents, so the
text of a document comes out the same whether the whole book is converted or only its start:
offsets in a preview agree with the full book.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from tui.book.markup.convert import (
    BREAK,
    GAP,
    HEADING,
    IMAGE,
    MARGIN_GAP,
    TEXT,
    Block,
    Document,
)
from tui.book.markup.rule_lines import split_at_rules
from tui.book.markup.style_legend import legend_breaks
from tui.book.markup.tags import BREAK_CLASS
from tui.book.model import ParaKind
from tui.book.rules.breaks import is_break_line, is_dialogue_pause, is_pause_line
from tui.book.rules.scenes import TITLE_LINE_CHARS

BREAK_TEXT = "* * *"  # the stored text of a break made from <hr> or an ornament image
# The stored text of an empty paragraph between paragraphs of prose: a spacer, as in text files
# made from EPUBs, so the scene pass weighs it as a soft break (it may only set off a line).
GAP_TEXT = "\xa0"
WIDE_GAP_LINES = 3  # empty lines in a row that part scenes as surely as a drawn break
IMAGE_TEXT = "[image]"  # an image with no alt text worth showing
SPACING_WINDOW = 8  # pairs of paragraphs on each side that decide whether a gap is spacing
BACKLINK_CHARS = 24
PAUSE_CHARS = 8  # `. . .` and shorter
# A message as stories set them: `> busy?`, `< No.`, `Rio: fuck off`, `To: agatha@…`.
CHAT_LINE = re.compile(r"[<>]\s+\S|[A-Z][\w .'’-]{0,20}:\s+\S")
BACKLINKS = frozenset(
    ("toc", "back to contents", "back to toc", "return to contents", "back to top", "top")
)
CAPTION_CHARS = 120  # a heading this short between an image and a rule is the image's caption
CAPTION_WORDS_CHARS = 60  # and so is a plain paragraph this short
IMAGE_PLACEHOLDER = re.compile(r"\[image(?::[^\]]*)?\]")  # what the converter shows of an image
ILLUSTRATION = re.compile(r"\[\s*Illustrations?\b[^\]]*\]?\s*$", re.I)
MAX_BREAK_SCAN = 64  # longer paragraphs are ornament lines only when drawn with a few glyphs
MAX_RULE_CHARS = 240  # a rule typed across the page (`-----…`, `~*~*~…`), at the longest
PREFORMATTED_CLASS = re.compile(r"mono|preformat", re.I)
# The class of a block that holds a picture: `div.fig`, `figleft`, `illustration`, `image`.
FIGURE_CLASS = re.compile(r"(?:^|[\s#])(?:fig|illus|image|img|pic)[\w-]*")
# What a converter leaves of a picture it dropped: the image's file name (`0029m`, `p045.jpg`).
FILE_NAME_TEXT = re.compile(r"(?=[\w-]*[a-z])[\w-]*\d[\w-]*(?:\.(?:jpe?g|png|gif|svg|webp))?", re.I)


# Whether an image-only paragraph is a scene-break ornament: (src, marks of its paragraph).
OrnamentTest = Callable[[str, str], bool]


@dataclass(slots=True)
class Para:
    """A book paragraph before the structure pass gives it its final kind."""

    text: str
    spans: list[tuple[int, int, str]] | None
    hint: ParaKind  # TEXT, HEADING or BREAK
    block: Block | None  # where it came from
    image: bool = False  # an image placeholder
    from_gap: bool = False  # a break made from an empty paragraph
    gap_lines: int = 0  # such a break: the empty lines it stands for


@dataclass(slots=True)
class Source:
    """A converted document (an EPUB spine item, or an HTML file) and where its paragraphs are."""

    name: str  # the section name: spine item path, or the HTML file name
    first: int  # index of its first paragraph in the book
    end: int  # one past its last
    title: str  # its <title>
    body_marks: str  # id and classes of its <body>
    ids: dict[str, int]  # element id -> book paragraph index


def document_paragraphs(
    doc: Document, is_ornament: OrnamentTest | None = None
) -> tuple[list[Para], list[int]]:
    """The paragraphs of one document, and for each block the index of the first paragraph at
    or after it (to place element ids)."""
    blocks = doc.blocks
    spacing = _spacing_gaps(blocks)
    out: list[Para] = []
    where: list[int] = []
    gap = False
    gap_lines = 0  # the empty lines of the gap so far
    gap_quoted = True  # every empty paragraph of the gap so far is inside a blockquote
    pictures = False  # an image or an `[Illustration]` line is among the paragraphs
    insets = _quotes_are_insets(blocks)
    for index, block in enumerate(blocks):
        where.append(len(out))
        # Rule lines between `<br>`s (`*` five times, one a line) cut a paragraph into pieces
        # with a break between them.
        split = split_at_rules(block) if block.kind == TEXT and "\n" in block.text else None
        for piece in split or (block,):
            kind = piece.kind
            if kind == GAP:
                if piece.marks and BREAK_CLASS.search(piece.marks):
                    gap, gap_lines, gap_quoted = False, 0, True
                    if out and out[-1].hint != ParaKind.BREAK:
                        out.append(Para(BREAK_TEXT, None, ParaKind.BREAK, piece))
                    continue
                if piece.tag == MARGIN_GAP and _after_inset(out, blocks):
                    continue
                if out and index not in spacing:
                    gap = True
                    gap_lines += piece.lines
                    gap_quoted = gap_quoted and _quoted_block(piece)
                continue
            para = _paragraph(piece, is_ornament)
            if para.hint == ParaKind.TEXT and len(para.text) <= BACKLINK_CHARS and _backlink(para):
                continue
            if gap:
                quoted = insets and gap_quoted and _within_quote(out[-1], para)
                if _gap_is_break(out, para) and not quoted:
                    out.append(
                        Para(
                            GAP_TEXT, None, ParaKind.BREAK, None, from_gap=True, gap_lines=gap_lines
                        )
                    )
                gap, gap_lines, gap_quoted = False, 0, True
            if para.hint == ParaKind.BREAK and out and out[-1].hint == ParaKind.BREAK:
                continue  # `<hr/><hr/>`, or an ornament after a gap: one break
            if insets and len(out) >= 2 and _quoted_rule(out[-1]) and _within_quote(out[-2], para):
                out.pop()  # a rule inside a quotation (an epigraph's elision) parts its passages
            if para.image or para.text[:1] == "[":
                pictures = True
            out.append(para)
    if pictures:
        out, where = _unbreak_pictures(out, where)
    _pauses_as_breaks(out)
    for j in legend_breaks(out):  # a style's name in a legend, not a worded break marker
        source = out[j].block
        if source is not None:
            out[j] = Para(out[j].text, source.spans, ParaKind.TEXT, source)
    return out, where


def _after_inset(out: list[Para], blocks: list[Block]) -> bool:
    """Whether the paragraph before a spaced paragraph's margin is set apart by a class of its
    own (a letter's signature, `p.right`; verse): the margin then spaces the return to the
    text after the inset, and the scene goes on."""
    block = out[-1].block if out else None
    if block is None or block.kind != TEXT:
        return False
    usual = Counter(b.marks for b in blocks if b.kind == TEXT).most_common(1)[0][0]
    return block.marks != usual


def _pauses_as_breaks(out: list[Para]) -> None:
    """A paragraph of only `…`, `...` or `—` marks a scene break where the site dropped the
    author's ornament, unless it stands between two lines of dialogue (a pause); so does a
    paragraph of a lone `.`, typed where the site dropped an empty line."""
    for k in range(1, len(out) - 1):
        para = out[k]
        if para.hint != ParaKind.TEXT or len(para.text) > PAUSE_CHARS:
            continue
        if para.text.strip() == ".":
            # (under a chapter's title line, `Chapter 3: Doors.`, it spaces the title block)
            before, after = out[k - 1], out[k + 1]
            dots = before.text.strip() == "." or after.text.strip() == "."
            if (
                dots
                or ParaKind.BREAK in (before.hint, after.hint)
                or len(before.text) > TITLE_LINE_CHARS
            ):
                out[k] = Para(para.text, None, ParaKind.BREAK, para.block)
            continue
        if not is_pause_line(para.text) or _preformatted(para.block):
            continue  # (a dash in a table set out in fixed-width type is the sum's rule)
        if not is_dialogue_pause(out[k - 1].text, out[k + 1].text):
            out[k] = Para(para.text, None, ParaKind.BREAK, para.block)


def _preformatted(block: Block | None) -> bool:
    """Text set out as typed, in fixed-width type (`<pre>`, `div.pgmonospaced`): a table, an
    inscription, a sum."""
    return block is not None and (
        block.tag == "pre" or PREFORMATTED_CLASS.search(block.context) is not None
    )


def set_apart(para: Para) -> bool:
    """The whole paragraph is in italics or bold, as authors set their notes and downloaders
    their title lines."""
    return _whole_emphasis(para.text, para.spans)


def _backlink(para: Para) -> bool:
    """`ToC`, `Back to contents`: a link back to the contents, not part of the text."""
    return para.text.strip("[]() ").casefold() in BACKLINKS


def is_illustration(para: Para) -> bool:
    """Gutenberg's `[Illustration]` and `[Illustration: The Gate]` lines."""
    return (
        para.hint == ParaKind.TEXT
        and para.text[:1] == "["
        and ILLUSTRATION.match(para.text) is not None
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
    """A line that can be an image's caption: a heading, a paragraph marked as a caption, or a
    line of a few words."""
    if len(para.text) > CAPTION_CHARS:
        return False
    block = para.block
    if para.hint == ParaKind.HEADING:
        return True
    if block is not None and "caption" in f"{block.tag} {block.marks}":
        return True
    return len(para.text) <= CAPTION_WORDS_CHARS


def _unbreak_pictures(out: list[Para], where: list[int]) -> tuple[list[Para], list[int]]:
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


def _spacing_gaps(blocks: list[Block]) -> set[int]:
    """Empty paragraphs that are only spacing: some converters put one between most
    paragraphs, where scene breaks leave one between a few. Decided over the neighbouring
    SPACING_WINDOW paragraphs on each side, never the whole document, so that the start of a
    long file is converted the same whether or not the rest of it is read."""
    pairs: list[list[int]] = []  # for each pair of adjacent prose paragraphs, the gaps between
    runs: list[int] = []  # for each pair, its run: prose not interrupted by a heading or break
    between: list[int] = []
    firsts: list[Block] = []  # for each pair, its first paragraph
    previous: Block | None = None  # the last paragraph of prose, while prose runs on
    run = 0
    for i, block in enumerate(blocks):
        if block.kind == GAP:
            between.append(i)
            continue
        if _in_table(block):
            continue  # a game's status box, say: its cells have spacing of their own
        is_text = block.kind == TEXT
        if is_text and previous is not None:
            pairs.append(between)
            runs.append(run)
            firsts.append(previous)
        elif not is_text:
            run += 1
        previous, between = (block if is_text else None), []
    gapped = [1 if p else 0 for p in pairs]
    widths = [sum(blocks[g].lines for g in gaps) for gaps in pairs]
    spaced: list[int] = []  # pairs parted by the page's spacing
    wider: list[int] = []  # those of them parted by a gap clearly wider than the spacing around
    for t, gaps in enumerate(pairs):
        if not gaps:
            continue
        lo, hi = max(0, t - SPACING_WINDOW), min(len(pairs), t + SPACING_WINDOW + 1)
        while runs[lo] != runs[t]:
            lo += 1
        while runs[hi - 1] != runs[t]:
            hi -= 1
        count = sum(gapped[lo:hi])
        if count < 4 or count * 5 <= (hi - lo) * 3:
            continue
        spaced.append(t)
        # (after lines set in italics, a chapter's epigraph or a note, a gap only sets them apart)
        first = firsts[t]
        if (
            widths[t] > 1
            and _wider(widths, lo, hi, t)
            and not _whole_emphasis(first.text, first.spans)
        ):
            wider.append(t)
    # A gap clearly wider than the spacing (eight `<br>`s where five part every paragraph) is
    # a scene's when the page keeps to one such width; wider gaps of every length are pauses
    # (a chat falling silent for a while, and then for longer).
    shapes = Counter(widths[t] for t in wider)
    scenes = set(wider) if shapes and shapes.most_common(1)[0][1] * 3 >= len(wider) * 2 else set()
    return {g for t in spaced if t not in scenes for g in pairs[t]}


def _wider(widths: list[int], lo: int, hi: int, t: int) -> bool:
    """Whether gap ``t`` is clearly wider than the commonest gap of pairs ``lo``..``hi``."""
    usual = Counter(w for w in widths[lo:hi] if w).most_common(1)[0][0]
    return widths[t] >= max(usual + 1, usual * 3 / 2)


def _whole_emphasis(text: str, spans: list[tuple[int, int, str]] | None) -> bool:
    """The whole of ``text`` is in italics or bold."""
    length = len(text.rstrip())
    return any(start == 0 and stop >= length for start, stop, _ in spans or ())


def _may_be_break(text: str) -> bool:
    """Worth the break-line test: short, or a long line drawn with at most three glyphs."""
    size = len(text)
    return size <= MAX_BREAK_SCAN or (size <= MAX_RULE_CHARS and len(set(text) - {" "}) <= 3)


def _paragraph(block: Block, is_ornament: OrnamentTest | None) -> Para:
    kind = block.kind
    if kind in (TEXT, HEADING):
        if _may_be_break(block.text) and is_break_line(block.text):
            return Para(block.text, None, ParaKind.BREAK, block)
        if kind == TEXT and _dropped_picture(block):
            return Para(IMAGE_TEXT, None, ParaKind.TEXT, block, image=True)
        hint = ParaKind.HEADING if kind == HEADING else ParaKind.TEXT
        return Para(block.text, block.spans, hint, block)
    if kind == BREAK:
        return Para(BREAK_TEXT, None, ParaKind.BREAK, block)
    if kind == IMAGE:
        if block.text:  # alt text worth showing: `[image: A map of the town]`
            return Para(block.text, None, ParaKind.TEXT, block, image=True)
        images = block.images or []
        if (
            images
            and is_ornament is not None
            and all(is_ornament(s, block.marks) for s, _ in images)
        ):
            return Para(BREAK_TEXT, None, ParaKind.BREAK, block)
        return Para(IMAGE_TEXT, None, ParaKind.TEXT, block, image=True)
    raise ValueError(f"unknown block kind {kind!r}")


def _dropped_picture(block: Block) -> bool:
    """A picture's frame holding only the image's file name (`<div class="fig">0029m</div>`),
    left where a converter dropped the image: a picture, not text to read."""
    text = block.text.strip()
    return (
        len(text) <= 40
        and FIGURE_CLASS.search(block.marks) is not None
        and FILE_NAME_TEXT.fullmatch(text) is not None
    )


def _gap_is_break(out: list[Para], after: Para) -> bool:
    """An empty paragraph between two paragraphs of prose may be a scene break; one setting
    off a message (`> are you coming?`, `Rio: fuck off`, an e-mail's `To:`), or a table (a
    game's status box), is its spacing."""
    return (
        bool(out)
        and out[-1].hint == ParaKind.TEXT
        and after.hint in (ParaKind.TEXT, ParaKind.HEADING)  # (a heading: a point of view's)
        and not (CHAT_LINE.match(out[-1].text) or CHAT_LINE.match(after.text))
        and not any(p.block is not None and _in_table(p.block) for p in (out[-1], after))
    )


def _quoted_block(block: Block | None) -> bool:
    return block is not None and "blockquote" in block.context.split()


def _quotes_are_insets(blocks: list[Block]) -> bool:
    """Whether the document's blockquotes are set into prose outside them (a letter, a
    notice), not wrapped around the whole text by a converter."""
    texts = [b for b in blocks if b.kind == TEXT]
    quoted = sum(1 for b in texts if _quoted_block(b))
    return 0 < quoted * 2 < len(texts)


def _quoted_rule(para: Para) -> bool:
    """A break drawn with `<hr>` inside a blockquote."""
    block = para.block
    return (
        para.hint == ParaKind.BREAK
        and block is not None
        and block.tag == "hr"
        and (_quoted_block(block))
    )


def _within_quote(before: Para, after: Para) -> bool:
    """Whether both sides of an empty paragraph inside a quoted inset (between a letter's
    signature and its postscript) are in it: the gap spaces the inset, and the scene goes on
    around it."""
    return _quoted_block(before.block) and _quoted_block(after.block)


def _in_table(block: Block) -> bool:
    context = block.context
    return "table" in context and "table" in context.split()


class Paragraphs:
    """The book's paragraphs, appended one document at a time."""

    def __init__(self) -> None:
        self.paras: list[Para] = []
        self.sources: list[Source] = []

    def add(
        self,
        name: str,
        doc: Document,
        is_ornament: OrnamentTest | None = None,
        keep: int | None = None,
    ) -> Source:
        """Append a document's paragraphs; with ``keep``, only those of its first ``keep``
        blocks (the start of a file read in part)."""
        paras, where = document_paragraphs(doc, is_ornament)
        if keep is not None:
            cut = where[keep] if keep < len(where) else len(paras)
            del paras[cut:]
            where = [min(w, cut) for w in where[:keep]]
        first = len(self.paras)
        self.paras.extend(paras)
        ids = {
            ident: first + where[i] if i < len(where) else first + len(paras)
            for ident, i in doc.ids.items()
            if keep is None or i < keep
        }
        source = Source(name, first, len(self.paras), doc.title, doc.body_marks, ids)
        self.sources.append(source)
        return source
