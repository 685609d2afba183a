"""Blocks to book paragraphs: scene breaks from rules, ornaments and gaps; image placeholders.

Everything here looks at one document at a time and never at the table of contents, so the
text of a document comes out the same whether the whole book is converted or only its start:
offsets in a preview agree with the full book.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

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
from tui.book.markup.notes import NOTES_MARKS
from tui.book.markup.numeral_headings import counts_past_thirty, is_thirty
from tui.book.markup.para import BREAK_TEXT, GAP_TEXT, IMAGE_TEXT, Para, Source, introduces_next
from tui.book.markup.pictures import dropped_picture, unbreak_pictures
from tui.book.markup.rule_lines import split_at_rules
from tui.book.markup.spacing import in_table, spacing_gaps
from tui.book.markup.style_legend import legend_breaks
from tui.book.markup.tags import BREAK_CLASS
from tui.book.model import ParaKind
from tui.book.rules.breaks import is_break_line, is_dialogue_pause, is_pause_line
from tui.book.rules.scenes import TITLE_LINE_CHARS

WIDE_GAP_LINES = 3  # empty lines in a row that part scenes as surely as a drawn break
BACKLINK_CHARS = 24
PAUSE_CHARS = 8  # `. . .` and shorter
DOT_ROW_CHARS = 20  # dots in a row, at the least, that draw a line across the page
# A message as stories set them: `> busy?`, `< No.`, `Rio: fuck off`, `To: agatha@…`.
CHAT_LINE = re.compile(r"[<>]\s+\S|[A-Z][\w .'’-]{0,20}:\s+\S")
BACKLINKS = frozenset(
    ("toc", "back to contents", "back to toc", "return to contents", "back to top", "top")
)
MAX_BREAK_SCAN = 64  # longer paragraphs are ornament lines only when drawn with a few glyphs
MAX_RULE_CHARS = 240  # a rule typed across the page (`-----…`, `~*~*~…`), at the longest
PREFORMATTED_CLASS = re.compile(r"mono|preformat", re.I)
# A rule's class naming a note (`hr.note`, `hr.footnote`): the frame of a footnote, no break.
# The marks of a row that leaves words out of a quotation (`— — — —`, `. . . .`).
ELISION_MARKS = frozenset(" \xa0—–-.…")
NOTE_RULE = re.compile(r"(?:^|\s)(?:foot)?notes?(?:$|\s)", re.I)


# Whether an image-only paragraph is a scene-break ornament: (src, marks of its paragraph).
OrnamentTest = Callable[[str, str], bool]


def document_paragraphs(
    doc: Document, is_ornament: OrnamentTest | None = None
) -> tuple[list[Para], list[int]]:
    """The paragraphs of one document, and for each block the index of the first paragraph at
    or after it (to place element ids)."""
    blocks = doc.blocks
    spacing = spacing_gaps(blocks)
    out: list[Para] = []
    where: list[int] = []
    gap = False
    gap_lines = 0  # the empty lines of the gap so far
    gap_quoted = True  # every empty paragraph of the gap so far is inside a blockquote
    gap_margin = False  # a spaced class's top margin is among the gap
    gap_centred = True  # every empty paragraph of the gap so far is centred
    gap_listed = True  # every empty paragraph of the gap so far is inside a list
    pictures = False  # an image or an `[Illustration]` line is among the paragraphs
    insets = _quotes_are_insets(blocks)
    list_insets = _lists_are_insets(blocks)
    thirty = counts_past_thirty(blocks)  # (then a heading `XXX` is chapter thirty)
    for index, block in enumerate(blocks):
        where.append(len(out))
        # Rule lines between `<br>`s (`*` five times, one a line) cut a paragraph into pieces
        # with a break between them.
        split = split_at_rules(block) if block.kind == TEXT and "\n" in block.text else None
        for piece in split or (block,):
            kind = piece.kind
            if kind == GAP:
                if piece.marks and BREAK_CLASS.search(piece.marks):
                    gap, gap_lines, gap_quoted, gap_margin = False, 0, True, False
                    gap_centred = gap_listed = True
                    if out and out[-1].hint != ParaKind.BREAK:
                        out.append(Para(BREAK_TEXT, None, ParaKind.BREAK, piece))
                    continue
                following = blocks[index + 1] if index + 1 < len(blocks) else None
                if piece.tag == MARGIN_GAP and _after_inset(out, blocks, following):
                    continue
                if out and index not in spacing:
                    gap = True
                    gap_lines += piece.lines
                    gap_margin = gap_margin or piece.tag == MARGIN_GAP
                    gap_quoted = gap_quoted and _quoted_block(piece)
                    gap_centred = gap_centred and piece.centred
                    gap_listed = gap_listed and piece.listed > 0
                continue
            para = _paragraph(piece, is_ornament, thirty)
            if para.hint == ParaKind.TEXT and len(para.text) <= BACKLINK_CHARS and _backlink(para):
                continue
            if gap:
                quoted = insets and gap_quoted and _within_quote(out[-1], para)
                # (one empty line after a letter set in a class of its own only sets the
                # letter apart)
                spaced = piece if index and blocks[index - 1].tag == MARGIN_GAP else None
                beside = gap_lines <= 1 and _after_inset(out, blocks, spaced)
                # (an empty paragraph a converter left inside a list spaces its items)
                listed = list_insets and gap_listed
                if _gap_is_break(out, para) and not quoted and not beside and not listed:
                    out.append(
                        Para(
                            GAP_TEXT,
                            None,
                            ParaKind.BREAK,
                            None,
                            from_gap=True,
                            gap_lines=gap_lines,
                            margin=gap_margin,
                            centred=gap_centred,
                        )
                    )
                gap, gap_lines, gap_quoted, gap_margin = False, 0, True, False
                gap_centred = gap_listed = True
            if para.hint == ParaKind.BREAK and out and out[-1].hint == ParaKind.BREAK:
                continue  # `<hr/><hr/>`, or an ornament after a gap: one break
            if insets and len(out) >= 2 and _quoted_rule(out[-1]) and _within_quote(out[-2], para):
                out.pop()  # a rule inside a quotation (an epigraph's elision) parts its passages
            if para.image or para.text[:1] == "[":
                pictures = True
            out.append(para)
    if pictures:
        out, where = unbreak_pictures(out, where)
    _stanza_rules(out)
    _inset_elisions(out)
    _pauses_as_breaks(out)
    for j in legend_breaks(out):  # a style's name in a legend, not a worded break marker
        source = out[j].block
        if source is not None:
            out[j] = Para(out[j].text, source.spans, ParaKind.TEXT, source)
    return out, where


def _after_inset(out: list[Para], blocks: list[Block], spaced: Block | None = None) -> bool:
    """Whether the paragraph before a spaced paragraph's margin is set apart by a class of its
    own (a letter's signature, `p.right`; verse): the margin then spaces the return to the
    text after the inset, and the scene goes on. Not when that paragraph is of the spaced
    paragraph's own class (``spaced``): a section of one paragraph, spaced as the next is."""
    block = out[-1].block if out else None
    if block is None or block.kind != TEXT:
        return False
    if spaced is not None and spaced.kind == TEXT and spaced.marks == block.marks:
        return False
    usual = Counter(b.marks for b in blocks if b.kind == TEXT).most_common(1)[0][0]
    return block.marks != usual


def _stanza_rules(out: list[Para]) -> None:
    """A line drawn inside a poem between two of its stanzas (`_________` set among the
    verse) parts the stanzas, not scenes: it stays a line of the poem."""
    for k in range(1, len(out) - 1):
        para = out[k]
        block = para.block
        if para.hint != ParaKind.BREAK or block is None or not block.verse or not para.text:
            continue
        if all((b := out[j].block) is not None and b.verse for j in (k - 1, k + 1)):
            out[k] = Para(para.text, None, ParaKind.TEXT, block)


def _inset_elisions(out: list[Para]) -> None:
    """A row of marks typed as a line (`— — — —`) inside an inset the text sets apart (an
    epigraph's `div.argument`, its verse and its source around it) marks words left out of
    the quotation, not a scene break: it stays a line of the inset. An inset is a container
    that most of the document's text is not in."""
    rows: list[tuple[int, set[str]]] = []  # (a typed row between text, the containers around)
    for k in range(1, len(out) - 1):
        para, before, after = out[k], out[k - 1], out[k + 1]
        if para.hint != ParaKind.BREAK or para.block is None or para.block.kind != TEXT:
            continue
        if set(para.text) - ELISION_MARKS:
            continue  # (a row of stars parts scenes wherever it stands)
        if before.hint != ParaKind.TEXT or after.hint != ParaKind.TEXT:
            continue
        if before.block is None or after.block is None:
            continue
        shared = set(para.block.context.split()) & set(before.block.context.split())
        shared &= set(after.block.context.split())
        if shared:
            rows.append((k, shared))
    if not rows:
        return
    contexts = [p.block.context.split() for p in out if p.hint == ParaKind.TEXT and p.block]
    counts = Counter(token for tokens in contexts for token in set(tokens))
    for k, shared in rows:
        if any(2 * counts[token] < len(contexts) for token in shared):
            out[k] = Para(out[k].text, None, ParaKind.TEXT, out[k].block)


def _table_row(para: Para) -> bool:
    """A paragraph that is a table's row of its own (not prose set inside a layout table)."""
    return para.block is not None and para.block.tag == "tr"


def _pauses_as_breaks(out: list[Para]) -> None:
    """A paragraph of only `…`, `...` or `—` marks a scene break where the site dropped the
    author's ornament, unless it stands between two lines of dialogue (a pause), or the
    document sets its breaks in a class of their own (then a `…` of the text is a pause); so
    does a paragraph of a lone `.`, typed where the site dropped an empty line."""
    classed = any(_in_break_class(p) for p in out)
    for k in range(1, len(out) - 1):
        para = out[k]
        if para.hint == ParaKind.TEXT and _dot_row(para):
            if not is_dialogue_pause(out[k - 1].text, out[k + 1].text):
                out[k] = Para(para.text, None, ParaKind.BREAK, para.block)
            continue
        if para.hint != ParaKind.TEXT or (len(para.text) > PAUSE_CHARS and not _dot_run(para)):
            continue
        if _classed_mark(para):
            # (the book's own class for its breaks: a dash between two lines of dialogue too)
            out[k] = Para(para.text, None, ParaKind.BREAK, para.block)
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
        if not is_pause_line(para.text) or _preformatted(para.block) or classed:
            continue  # (a dash in a table set out in fixed-width type is the sum's rule)
        if all(_table_row(out[j]) for j in (k - 1, k, k + 1)):
            continue  # (a dash row among a table's rows parts a menu's courses, not scenes)
        if not is_dialogue_pause(out[k - 1].text, out[k + 1].text) and not _thought_pause(out, k):
            out[k] = Para(para.text, None, ParaKind.BREAK, para.block)
    # (the last of a column of them, `…` under `…` closing a chapter's document)
    last = out[-1] if len(out) >= 2 else None
    if (
        last is not None
        and last.hint == ParaKind.TEXT
        and is_pause_line(last.text)
        and out[-2].hint == ParaKind.BREAK
    ):
        out[-1] = Para(last.text, None, ParaKind.BREAK, last.block)


def _in_break_class(para: Para) -> bool:
    """A break, or a mark of no letters, set in a class named for breaks (`p.scenebreak`)."""
    return _break_class(para) and (para.hint == ParaKind.BREAK or _letterless(para))


def _classed_mark(para: Para) -> bool:
    """A mark of no letters or digits (`-`) set in a class named for breaks (`p.scenebreak`)."""
    return _break_class(para) and _letterless(para)


def _break_class(para: Para) -> bool:
    block = para.block
    return block is not None and BREAK_CLASS.search(block.marks) is not None


def _letterless(para: Para) -> bool:
    return bool(para.text.strip()) and not any(c.isalnum() for c in para.text)


def _thought_pause(out: list[Para], k: int) -> bool:
    """A `…` in italics between two paragraphs in italics is a silence in a character's
    thoughts, as a `…` between two quoted lines is in a conversation."""
    return all(_in_italics(out[j]) for j in (k - 1, k, k + 1))


def _in_italics(para: Para) -> bool:
    length = len(para.text.rstrip())
    return any(
        start == 0 and stop >= length and style == "italic"
        for start, stop, style in para.spans or ()
    )


def _dot_row(para: Para) -> bool:
    """A row of dots drawn across the line in the prose (`.........` sixty times over), not
    in a poem nor in text set out as typed (a table's leaders)."""
    text = para.text.strip()
    block = para.block
    return (
        len(text) >= DOT_ROW_CHARS
        and not text.strip(". ")
        and block is not None
        and not block.verse
        and not _preformatted(block)
    )


def _dot_run(para: Para) -> bool:
    """A run of one pause glyph longer than `...` and shorter than a row across the line
    (`.........`, `……………`): a pause line drawn out, weighed as `...` is (a page that
    parts its scenes so types a run of a different length each time)."""
    text = para.text.strip()
    return len(text) < DOT_ROW_CHARS and len(set(text)) == 1 and text[0] in ".…"


def _preformatted(block: Block | None) -> bool:
    """Text set out as typed, in fixed-width type (`<pre>`, `div.pgmonospaced`): a table, an
    inscription, a sum."""
    return block is not None and (
        block.tag == "pre" or PREFORMATTED_CLASS.search(block.context) is not None
    )


def _backlink(para: Para) -> bool:
    """`ToC`, `Back to contents`: a link back to the contents, not part of the text."""
    return para.text.strip("[]() ").casefold() in BACKLINKS


def _may_be_break(text: str) -> bool:
    """Worth the break-line test: short, or a long line drawn with at most three glyphs."""
    size = len(text)
    return size <= MAX_BREAK_SCAN or (size <= MAX_RULE_CHARS and len(set(text) - {" "}) <= 3)


def _paragraph(block: Block, is_ornament: OrnamentTest | None, thirty: bool = False) -> Para:
    kind = block.kind
    if kind in (TEXT, HEADING):
        counted = thirty and is_thirty(block)
        if _may_be_break(block.text) and is_break_line(block.text) and not counted:
            return Para(block.text, None, ParaKind.BREAK, block)
        if kind == TEXT and dropped_picture(block):
            return Para(IMAGE_TEXT, None, ParaKind.TEXT, block, image=True)
        hint = ParaKind.HEADING if kind == HEADING else ParaKind.TEXT
        return Para(block.text, block.spans, hint, block)
    if kind == BREAK:
        if block.tag == "hr" and (
            NOTE_RULE.search(block.marks) or NOTES_MARKS.search(block.context)
        ):
            # (`<hr class="note"/>` above and below a footnote set into the text frames the
            # note: the story goes on after it; so does a rule heading a chapter's notes
            # inside their own `div.footnotes`)
            return Para(BREAK_TEXT, None, ParaKind.LABEL, block)
        return Para(BREAK_TEXT, None, ParaKind.BREAK, block)
    if kind == IMAGE:
        if block.text:  # alt text worth showing: `[image: A map of the town]`
            return Para(block.text, None, ParaKind.TEXT, block, image=True)
        images = block.images or []
        if images and all(alt and is_break_line(alt) for _, alt in images):
            # (a row of stars drawn as a picture says so in its alt text: `*  *  *`)
            return Para(BREAK_TEXT, None, ParaKind.BREAK, block)
        if (
            images
            and is_ornament is not None
            and all(is_ornament(s, block.marks) for s, _ in images)
        ):
            return Para(BREAK_TEXT, None, ParaKind.BREAK, block)
        return Para(IMAGE_TEXT, None, ParaKind.TEXT, block, image=True)
    raise ValueError(f"unknown block kind {kind!r}")


def _gap_is_break(out: list[Para], after: Para) -> bool:
    """An empty paragraph between two paragraphs of prose may be a scene break; one after a
    paragraph that introduces what follows with a colon (`…the following letter:—`), or one
    setting off a message (`> are you coming?`, `Rio: fuck off`, an e-mail's `To:`), or a
    table (a game's status box), is its spacing."""
    return (
        bool(out)
        and out[-1].hint == ParaKind.TEXT
        and after.hint in (ParaKind.TEXT, ParaKind.HEADING)  # (a heading: a point of view's)
        and not (CHAT_LINE.match(out[-1].text) or CHAT_LINE.match(after.text))
        and not introduces_next(out[-1].text)  # (it sets off the letter, in the same scene)
        and not any(p.block is not None and in_table(p.block) for p in (out[-1], after))
    )


def _quoted_block(block: Block | None) -> bool:
    return block is not None and "blockquote" in block.context.split()


def _quotes_are_insets(blocks: list[Block]) -> bool:
    """Whether the document's blockquotes are set into prose outside them (a letter, a
    notice), not wrapped around the whole text by a converter."""
    texts = [b for b in blocks if b.kind == TEXT]
    quoted = sum(1 for b in texts if _quoted_block(b))
    return 0 < quoted * 2 < len(texts)


def _lists_are_insets(blocks: list[Block]) -> bool:
    """Whether the document's lists are set into prose outside them, not wrapped around the
    whole text (a page that indents its story with `<dl><dd>`)."""
    texts = [b for b in blocks if b.kind == TEXT]
    listed = sum(1 for b in texts if b.listed)
    return 0 < listed * 2 < len(texts)


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
