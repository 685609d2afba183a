"""Where the story ends inside its last chapter, and what after it is end matter.

A `THE END` after its prose closes the book, and what follows it before the licence (a
transcriber's notes) is end matter, not more scenes. So are: a page of matter set after a rule
with no heading of its own (`Transcriber's notes:`, a Japanese e-text's `底本：` colophon);
pages under headings after a rule with no prose in them (a publisher's lists of titles); a
document of tables after a rule that the contents does not list; a converter's centred credits
closing the book; a closing page that only lists links; pages with no prose among the end
matter of a book told in prose (an offer, a list of titles); and a contents page after the
story with the pages after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from tui.book.markup.contents_pages import MIN_LISTED, chapter_titles, lists_chapters
from tui.book.markup.front import has_prose, is_front_title, is_prose
from tui.book.markup.para import Para
from tui.book.markup.pictures import IMAGE_PLACEHOLDER
from tui.book.markup.producers import role_of_title, title_key
from tui.book.markup.segments import CHAPTER, END, HEADING_GUESS, Segment
from tui.book.model import ParaKind
from tui.book.rules.breaks import is_end_line
from tui.book.rules.labels import COLOPHON_KEYS

MATTER_TITLE_CHARS = 40  # a title line of matter set in the text, at the longest
# A printer's imprint (`Printed in Great Britain by Richard Clay & Sons`, `PRINTED BY TURNBULL
# AND SPEARS`): the book's last page, not its story.
IMPRINT = re.compile(r"printed\s+(?:in|by|at)\b", re.IGNORECASE)
IMPRINT_LINES = 5  # (the printer's name, trade and town under `Printed in Canada`)
# A producer's colophon closing the book (who converted it, from where, when): at most this many
# centred paragraphs of lines at most this long, one giving a web address or an e-mail.
COLOPHON_PARAGRAPHS = 12
COLOPHON_LINE_CHARS = 100
WEB_ADDRESS = re.compile(r"https?://|\bwww\.|\b[\w.+-]+@[\w-]+\.\w", re.IGNORECASE)
# A list of links closing the book: at least this many paragraphs, this share of them linking
# somewhere, and this share of its text the links' own.
LINK_LIST_ITEMS = 5
LINK_LIST_SHARE = 0.6
LINKED_TEXT_SHARE = 0.3
# A page of tables closing the book: at least this share of its paragraphs are a table's rows.
TABLE_PAGE_SHARE = 2 / 3
# End lines that promise more (`To be continued`) close an instalment, not the book.
CONTINUED = re.compile(r"continued|\btbc\b", re.IGNORECASE)


def contents_after_story(segments: list[Segment], paras: Sequence[Para]) -> None:
    """A contents page after the story's chapters closes the book: it and every chapter after
    it (an errata list, a transcriber's notes) are end matter, not more of the story. A
    chapter whose first lines name other chapters but that goes on in prose looks back on
    them: it is no contents page."""
    titles = chapter_titles(segments)
    chapters = [k for k, s in enumerate(segments) if s.role == CHAPTER]
    if len(titles) < MIN_LISTED or len(chapters) <= MIN_LISTED:
        return
    # (the last chapters only: a contents page stands after the story, not inside it)
    for k in chapters[-MIN_LISTED:]:
        end = segments[k + 1].start if k + 1 < len(segments) else len(paras)
        own = title_key(segments[k].title)
        if lists_chapters(paras, segments[k].start, end, titles, own) and not has_prose(
            paras, segments[k].start, end
        ):
            for later in segments[k:]:
                if later.role == CHAPTER:
                    later.role, later.kind = END, "toc" if later is segments[k] else "end"
            return


def after_the_end(
    segments: Sequence[Segment], paras: Sequence[Para], source_of: Callable[[int], str]
) -> list[Segment]:
    """An end-matter segment starting at the last chapter's `THE END`, when paragraphs follow
    it inside that chapter; else nothing."""
    last = next((k for k in range(len(segments) - 1, -1, -1) if segments[k].role == CHAPTER), None)
    if last is None:
        return []
    start = segments[last].start
    end = segments[last + 1].start if last + 1 < len(segments) else len(paras)
    if _link_list(paras, start, end) and any(s.role == CHAPTER for s in segments[:last]):
        segments[last].role, segments[last].kind = END, "end"  # (further reading, not a chapter)
        return []
    # (whichever comes first: a publisher's advertisements after `THE END` may close with a
    # rule and `Transcriber's notes:`, and the story ended at `THE END`)
    ends = (_the_end(paras, start, end), _ruled_matter(paras, start, end))
    pages = (_ruled_pages(paras, start, end), _ruled_table_page(paras, start, end, source_of))
    found = [k for k in (*ends, *pages) if k is not None]
    if found:
        return [Segment(min(found), END, "end", "", source_of(min(found)), HEADING_GUESS)]
    credits = _colophon(paras, start, end)
    if credits is None:
        return []
    if credits == start:  # (a page of its own, listed in the contents as a chapter would be)
        segments[last].role, segments[last].kind = END, "colophon"
        return []
    return [Segment(credits, END, "colophon", "", source_of(credits), HEADING_GUESS)]


def prose_less_end_pages(segments: Sequence[Segment], paras: Sequence[Para]) -> None:
    """Chapters after the story with no sentence of prose (a publisher's offer under a
    picture, a list of the author's titles), among end matter named as such (`About the
    Author`), are end matter too, where every chapter before them tells the story in prose:
    the pages around that matter, not more of the story (a book of verse keeps its poems)."""

    def prose(j: int) -> bool:
        end = segments[j + 1].start if j + 1 < len(segments) else len(paras)
        return has_prose(paras, segments[j].start, end)

    chapters = [j for j, segment in enumerate(segments) if segment.role == CHAPTER]
    run: list[int] = []  # the chapters with no prose after the story's last, last first
    while chapters and not prose(chapters[-1]):
        run.append(chapters.pop())
    if not run or not chapters:
        return
    story = chapters[-1]
    # (named matter after the story and before the last of them: else they are the story's
    # last pages, and what follows them was end matter already)
    if not any(segments[j].role == END for j in range(story + 1, run[0])):
        return
    if all(prose(j) for j in chapters[:-1]):
        for j in run:
            segments[j].role, segments[j].kind = END, "end"


def _link_list(paras: Sequence[Para], start: int, end: int) -> bool:
    """Whether ``[start, end)`` is a list of links (articles, sites to read further): most of
    its paragraphs link somewhere, and links make much of its text."""
    texts = [p for p in paras[start:end] if p.hint == ParaKind.TEXT and not p.image]
    if len(texts) < LINK_LIST_ITEMS:
        return False
    block = [p.block for p in texts if p.block is not None]
    linking = sum(1 for b in block if b.linked)
    linked = sum(b.linked for b in block)
    chars = sum(len(p.text) for p in texts)
    return linking >= LINK_LIST_SHARE * len(texts) and linked >= LINKED_TEXT_SHARE * chars


def _colophon(paras: Sequence[Para], start: int, end: int) -> int | None:
    """Where the producer's colophon closing the book starts: a few paragraphs of short lines,
    all centred, giving a web address (`Źródło: / http://pl.wikisource.org/…`), after the
    last story's prose or filling a page of its own under at most a heading."""
    k = end
    while k > start and (paras[k - 1].hint == ParaKind.BREAK or _centred_lines(paras[k - 1])):
        k -= 1
    while k < end and paras[k].hint == ParaKind.BREAK:
        k += 1
    if k == end or end - k > COLOPHON_PARAGRAPHS:
        return None
    if not any(WEB_ADDRESS.search(p.text) for p in paras[k:end]):
        return None
    if k == start or (k - 1 == start and paras[start].hint == ParaKind.HEADING):
        return start
    return k


def _centred_lines(para: Para) -> bool:
    block = para.block
    return (
        para.hint == ParaKind.TEXT
        and block is not None
        and (block.tag == "center" or block.centred)
        and all(len(line) <= COLOPHON_LINE_CHARS for line in para.text.split("\n"))
    )


def _ruled_matter(paras: Sequence[Para], start: int, end: int) -> int | None:
    """A page of matter set after a rule or a tail-piece (`<hr/>` then `Transcriber's notes:`
    in bold, or the printer's imprint under a last picture): the story ended there."""
    for k in range(start + 1, end):
        before = paras[k - 1]
        if (before.hint == ParaKind.BREAK or before.image) and (
            _matter_title(paras[k]) or _imprint(paras[k]) or _colophon_label(paras[k])
        ):
            return k
    return None


def _ruled_pages(paras: Sequence[Para], start: int, end: int) -> int | None:
    """Pages under headings of their own set after a rule, with no prose from there to the
    end (a publisher's lists of titles and prices, a licence note): the story ended at the
    rule. The rule is the first after the story's last prose."""
    last_prose = next((k for k in range(end - 1, start - 1, -1) if is_prose(paras[k])), None)
    if last_prose is None:
        return None
    for k in range(last_prose + 1, end - 1):
        if paras[k].hint == ParaKind.BREAK:
            return k + 1 if paras[k + 1].hint == ParaKind.HEADING else None
    return None


def _ruled_table_page(
    paras: Sequence[Para], start: int, end: int, source_of: Callable[[int], str]
) -> int | None:
    """The last chapter's last document, when the contents does not list it apart and it opens
    on a rule over tables (a publisher's lists of titles and years, row by row): where it
    starts; the story ended before it."""
    name = source_of(end - 1)
    first = end - 1
    while first > start and source_of(first - 1) == name:
        first -= 1
    if first <= start or paras[first].hint != ParaKind.BREAK:
        return None
    texts = [p for p in paras[first:end] if p.hint == ParaKind.TEXT and not p.image]
    rows = sum(1 for p in texts if p.block is not None and p.block.tag == "tr")
    if rows < LINK_LIST_ITEMS or rows < TABLE_PAGE_SHARE * len(texts):
        return None
    return first


def _the_end(paras: Sequence[Para], start: int, end: int) -> int | None:
    """The `THE END` after the chapter's prose (or under a picture), when paragraphs of text
    follow it."""
    prose = False
    for k in range(start, end):
        para = paras[k]
        if para.hint != ParaKind.TEXT or para.image:
            continue
        text = para.text.strip()
        if para.block is not None and para.block.images:
            # (a picture captioned `THE END` under it: the caption is the line a reader sees)
            text = IMAGE_PLACEHOLDER.sub("", text).strip()
        if prose and is_end_line(text) and CONTINUED.search(text) is None:
            return k if any(p.hint == ParaKind.TEXT for p in paras[k + 1 : end]) else None
        prose = prose or len(text) > 2 * len("the end")
    return None


def _imprint(para: Para) -> bool:
    text = para.text.strip()
    return (
        para.hint == ParaKind.TEXT
        and IMPRINT.match(text) is not None
        and text.count("\n") < IMPRINT_LINES
    )


def _colophon_label(para: Para) -> bool:
    """`底本：「人間失格」新潮文庫`: a Japanese e-text's colophon, naming the printed edition."""
    key, colon, _ = para.text.strip().replace("：", ":").partition(":")
    return para.hint == ParaKind.TEXT and bool(colon) and key.strip() in COLOPHON_KEYS


def _matter_title(para: Para) -> bool:
    """A short line naming a page of matter: `Transcriber's notes:`, `Afterword`."""
    text = para.text.strip()
    if para.hint != ParaKind.TEXT or len(text) > MATTER_TITLE_CHARS:
        return False
    title = text.rstrip(":").strip()
    role = role_of_title(title)
    return (role is not None and role[0] == "end") or is_front_title(title)
