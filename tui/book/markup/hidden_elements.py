"""What a page holds that is not the book's text: page numbers, ads, ways back, comment counts."""

from __future__ import annotations

import re

from tui.book.markup.blocks import HEADING, TEXT, Block
from tui.book.markup.notes import BACKLINK_MARKS

# (`x-ebookmaker-pageno`: Project Gutenberg's converter keeps the printed page so)
PAGE_NUMBER_CLASS = re.compile(r"(?:^|\s|-)(?:pagenum|pageno|page-?num(?:ber)?)(?:$|\s)")
# AO3 downloads head their `div#preface` and `div#afterword` with an `h2.toc-heading`
# (`Preface`, `Afterword`) for e-readers' contents, which their own style sheet hides.
AO3_TOC_HEADING = re.compile(r"(?:^|\s)toc-heading(?:$|\s)")
AO3_WRAPPERS = re.compile(r"(?:^|\s)#(?:preface|afterword)(?:$|\s)")
# The slots Google's ads fill on a page saved from a browser (`<ins class="adsbygoogle">`,
# the `div.google-auto-placed` it puts between paragraphs of a story): their topic chips
# (`Discover more`, `Books & Literature`) are the ad's, not the page's text.
AD_SLOT = re.compile(r"(?:^|\s)(?:adsbygoogle|google-auto-placed)(?:$|\s)")
# The count of readers' comments a web-novel site sets after each paragraph and heading
# (`<span class="comment-count">25</span>`): the site's, glued to the text's last word.
COMMENT_COUNT = re.compile(r"(?:^|\s)(?:paragraph-?|para-?)?comments?[-_]?count(?:$|\s)", re.I)


def is_page_number(marks: str) -> bool:
    """Whether an element with these ``marks`` holds a printed page's number."""
    return PAGE_NUMBER_CLASS.search(marks) is not None


def not_the_text(marks: str, context: str) -> bool:
    """Whether an element with these ``marks`` (inside ``context``) is not the text: a printed
    page number (`<span class="pagenum">Page 73</span>`), a note's link back to its reference,
    AO3's hidden `toc-heading`, an ad's slot, or a count of readers' comments."""
    if is_page_number(marks):
        return True
    if "google" in marks and AD_SLOT.search(marks) is not None:
        return True
    if "ount" in marks and COMMENT_COUNT.search(marks) is not None:
        return True
    if "backlink" in marks and BACKLINK_MARKS.search(marks) is not None:
        return True  # (a note's `↩` back to its reference: a way back, not its text)
    return (
        "toc-heading" in marks  # (a quick look first: this runs for every element with a class)
        and AO3_TOC_HEADING.search(marks) is not None
        and AO3_WRAPPERS.search(context) is not None
    )


# A page that ends its paragraphs with a link of a number alone this often counts comments so.
COUNT_LINK_HABIT = 3
COUNT_LINK_SHARE = 10  # ... and on at least one paragraph in this many
INDEX_MARKS = (",", ";", ":", "p.", "pp.")


def drop_count_links(blocks: list[Block]) -> None:
    """Cut off the bare number a web-novel site's page links to its comments at the end of
    its paragraphs and heading (`…仪式<a href="9说.html#-1">122</a>`, `…………<a …>4</a>`):
    the readers' count, not the text. Decided over the page: the number ends at least three
    paragraphs and one in ten, leads off the page (a note's number links into it), and the
    numbers go up and down as counts do (a list of notes counts up)."""
    tails = [(block, tail) for block in blocks if (tail := _count_tail(block))]
    texts = sum(1 for block in blocks if block.kind in (TEXT, HEADING))
    if len(tails) < COUNT_LINK_HABIT or len(tails) * COUNT_LINK_SHARE < texts:
        return
    counts = [int(tail) for _, tail in tails]
    if counts == sorted(counts):
        return
    for block, tail in tails:
        cut = len(block.text.rstrip()) - len(tail)
        block.text = block.text[:cut].rstrip()
        block.linked = 0
        if block.spans:
            size = len(block.text)
            block.spans = [(s, min(e, size), k) for s, e, k in block.spans if s < size] or None


def _count_tail(block: Block) -> str:
    """The number a paragraph ends on when it is the paragraph's only linked text and the
    link leads off the page; "" otherwise."""
    if not block.linked or block.targets or block.kind not in (TEXT, HEADING):
        return ""
    text = block.text.rstrip()
    tail = text[-block.linked :]
    if len(tail) == len(text) or not tail.isascii() or not tail.isdigit():
        return ""
    # (`Harbour, 12`: an index's entry and the page it links to, listed after a comma)
    return "" if text[: -len(tail)].rstrip().endswith(INDEX_MARKS) else tail
