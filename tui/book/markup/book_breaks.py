"""Scene breaks weighed over the whole book, once its paragraphs are read.

An author's own ornament used more than once is a break, and in a book that draws its breaks
again and again, its empty paragraphs are beats (unless a heading or a line saying when
follows). Some empty paragraphs are no break: in a book that sets off its chapters' epigraphs
with an empty paragraph, that one; one before an inset (a letter) of the kind the book
announces with a colon; one where a list ends or begins in a book whose empty paragraphs all
stand there; and one empty line after text set out as typed (a cipher in a `<pre>`). In a book
that types a rule of its own for its breaks, a lone `...` is words left out.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from tui.book.markup.convert import TEXT
from tui.book.markup.para import Para, introduces_next, set_apart
from tui.book.model import ParaKind
from tui.book.rules.breaks import GLYPH_LINE_CHARS, is_glyph_line, is_lone_hyphen, is_pause_line

# A line saying when: a year or a month.
WHEN_LINE = re.compile(
    r"\b(?:1[5-9]\d\d|20\d\d)\b|\b(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b"
)
WHEN_LINE_CHARS = 60
# A paragraph opening on time gone by.
TIME_PASSED = re.compile(
    r"(?:later|hours later|minutes later|days later|weeks later|months later|years later|"
    r"(?:that|the next|the following) (?:night|evening|morning|afternoon|day|week)|"
    r"in the morning|the morning after|the day after|meanwhile|"
    r"(?:an?|one|two|three|four|five|six|a few|several) (?:hours?|days?|weeks?|months?|years?) "
    r"(?:later|after|passed|go by))\b",
    re.IGNORECASE,
)
# Rule or ornament breaks in a book from which on its empty paragraphs are no breaks.
DRAWN_HABIT = 5
EPIGRAPH_PARAS = 4  # paragraphs of an epigraph and its attribution under a heading, at most
EPIGRAPH_HABIT = 3  # chapters opening on an epigraph set off by a gap that make it a habit


def ornaments_as_breaks(paras: list[Para]) -> None:
    """A paragraph of the author's own ornament (`-.-FH-.-`, `o~o~YCB~o~o`, a hyphen alone:
    `-`) is a scene break when the book uses it more than once."""
    found: dict[str, list[int]] = {}
    faces: dict[str, list[int]] = {}
    short = GLYPH_LINE_CHARS + 4
    for k in [k for k, para in enumerate(paras) if len(para.text) <= short]:
        para = paras[k]
        text = para.text.strip()
        if para.hint == ParaKind.TEXT and (is_glyph_line(text) or is_lone_hyphen(text)):
            found.setdefault(text, []).append(k)
        elif para.hint == ParaKind.TEXT and _drawn_face(text):
            faces.setdefault(text, []).append(k)
    found.update((text, places) for text, places in faces.items() if len(places) >= FACE_HABIT)
    for places in found.values():
        if len(places) > 1:
            for k in places:
                paras[k] = Para(paras[k].text, None, ParaKind.BREAK, paras[k].block)


def captioned_ornaments(paras: list[Para]) -> None:
    """A short paragraph that opens on the ornament the book parts its scenes with (a lone
    paragraph of it, ORNAMENT_HABIT times or more) and goes on with a few words (`⚔︎ Four
    Years Later… ⚔︎`, `◆` / `Present day`) is that break with a caption: a break, and the
    scene starts after it."""
    used = Counter(
        p.text.strip()
        for p in paras
        if p.hint == ParaKind.BREAK and not p.from_gap and not _ALNUM.search(p.text)
    )
    glyphs = [glyph for glyph, n in used.items() if n >= ORNAMENT_HABIT and glyph]
    if not glyphs:
        return
    for k, para in enumerate(paras):
        text = para.text.strip()
        if para.hint != ParaKind.TEXT or len(text) > CAPTION_CHARS or para.image:
            continue
        glyph = next((g for g in glyphs if text.startswith(g)), None)
        if glyph is not None and text[len(glyph) : len(glyph) + 1].isspace():
            paras[k] = Para(para.text, para.spans, ParaKind.BREAK, para.block)


ORNAMENT_HABIT = 3  # lone paragraphs of one ornament that make it the book's break
CAPTION_CHARS = 60  # an ornament and its caption (`⚔︎ Four Years Later… ⚔︎`), at most
_ALNUM = re.compile(r"[^\W_]")


# A face drawn in letters and marks used this often is the author's ornament.
FACE_HABIT = 3
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")


def _drawn_face(text: str) -> bool:
    """A kaomoji or a little picture drawn with letters of any script among symbols (`/ᐠ > ˕
    <マ`, `(=^･ω･^=)`): letters, but never two in a row, so no word, and a symbol drawn
    (`>`, `=`), where a word of one letter said aloud (`“对。”`) or a label (`A/N:`) has only
    punctuation."""
    if not any(c.isalpha() for c in text) or _TWO_LETTERS.search(text):
        return False
    return any(unicodedata.category(c)[0] == "S" for c in text)


def gaps_beside_ornaments(paras: list[Para]) -> None:
    """A book that marks its scenes with a rule or ornament again and again marks them so;
    its empty paragraphs are lesser pauses (a beat, a memory), blank to the eye and no break,
    and so are its wider gaps (where a forum's export lost an embed or a picture)."""
    drawn = sum(
        1
        for k, p in enumerate(paras)
        if p.hint == ParaKind.BREAK and not p.from_gap and not _by_heading(paras, k)
    )
    if drawn < DRAWN_HABIT:
        return
    blank_rules = _centred_blank_rules(paras)
    for k, para in enumerate(paras):
        if not para.from_gap or k in blank_rules:
            continue
        after = paras[k + 1] if k + 1 < len(paras) else None
        # (one before a heading, a point of view's, still opens the scene the heading names,
        # and so does one before a line saying when: `1733, January`, `Later that night, …`)
        if after is None or not (after.hint == ParaKind.HEADING or says_when(after.text)):
            # (no lines of a gap kept: however wide, it parts nothing here)
            paras[k] = Para(para.text, None, ParaKind.LABEL, None)


def _centred_blank_rules(paras: list[Para]) -> set[int]:
    """In a book that centres the ornaments of its breaks (`#`), the empty paragraphs it
    centres between paragraphs of uncentred prose: the same break line with no glyph in it
    (spacing is never centred), a lesser break beside the drawn ones, not a beat."""
    ornaments = [p.block for p in paras if p.hint == ParaKind.BREAK and not p.from_gap]
    centred = sum(1 for b in ornaments if b is not None and b.kind == TEXT and b.centred)
    if 2 * centred <= len(ornaments):
        return set()
    return {
        k
        for k, para in enumerate(paras)
        if para.from_gap
        and para.centred
        and 0 < k < len(paras) - 1
        and all(_uncentred_prose(paras[j]) for j in (k - 1, k + 1))
    }


def _uncentred_prose(para: Para) -> bool:
    block = para.block
    return para.hint == ParaKind.TEXT and block is not None and not block.centred


def says_when(text: str) -> bool:
    """A paragraph that opens on the time it is: a short line with a year or a month in it
    (`1733, January`, `March 19th, 2021`), or words of time passing (`Later that night`,
    `The next morning`, `Hours later`)."""
    text = text.strip()
    if len(text) <= WHEN_LINE_CHARS and WHEN_LINE.search(text):
        return True
    return TIME_PASSED.match(text) is not None


def _by_heading(paras: list[Para], k: int) -> bool:
    """A rule right before or after a heading: it parts chapters, not scenes."""
    return any(0 <= j < len(paras) and paras[j].hint == ParaKind.HEADING for j in (k - 1, k + 1))


def gaps_under_epigraphs(paras: list[Para]) -> list[int]:
    """An empty paragraph between a chapter's epigraph and its first paragraph of prose sets
    the epigraph apart; it parts no scenes. Decided over the whole book: where three chapters
    or more open on a few paragraphs set apart from the prose (`<pre>` verse, a class of their
    own, a quotation, italics) and then a gap, every such gap is spacing. It stays blank on the
    page, as a line that is no break. Returns the epigraphs' paragraphs, for the page to set
    in like a quotation."""
    usual = Counter(p.block.marks for p in paras if p.hint == ParaKind.TEXT and p.block)
    if not usual:
        return []
    prose_marks = usual.most_common(1)[0][0]
    found = [
        (k, g)
        for k, para in enumerate(paras)
        if para.hint == ParaKind.HEADING and (g := _gap_under_epigraph(paras, k, prose_marks))
    ]
    if len(found) < EPIGRAPH_HABIT:
        return []
    for _, g in found:
        para = paras[g]
        paras[g] = Para(para.text, None, ParaKind.LABEL, None, gap_lines=para.gap_lines)
    return [j for k, g in found for j in range(k + 1, g)]


def _gap_under_epigraph(paras: list[Para], k: int, prose_marks: str) -> int | None:
    """The gap after the epigraph under the heading at ``k`` (the last of its heading lines),
    or None when the heading has no epigraph set off by a gap."""
    if k + 1 < len(paras) and paras[k + 1].hint == ParaKind.HEADING:
        return None  # (the heading's own title or subtitle follows)
    j = k + 1
    while j < len(paras) and j - k <= EPIGRAPH_PARAS and paras[j].hint == ParaKind.TEXT:
        if not _set_off(paras[j], prose_marks):
            return None
        j += 1
    if j == k + 1 or j >= len(paras) - 1 or not paras[j].from_gap:
        return None
    after = paras[j + 1]
    return j if after.hint == ParaKind.TEXT and not _set_off(after, prose_marks) else None


def _set_off(para: Para, prose_marks: str) -> bool:
    """Set apart from the book's prose: preformatted, verse, quoted, a class of its own, or
    wholly in italics or bold."""
    block = para.block
    if block is None or para.image:
        return False
    return (
        block.tag == "pre"
        or block.verse > 0
        or "blockquote" in block.context.split()
        or block.marks != prose_marks
        or set_apart(para)
    )


def gaps_before_insets(paras: list[Para]) -> None:
    """An empty paragraph before an inset sets it off (`This was Mr. Casaubon's letter.` /
    gap / `<p class="letter">MY DEAR MISS BROOKE,…`): no scene break. An inset is told by its
    class over the whole book: one the book announces with a colon (`…the following
    letter:—`) at least as often as it follows other gaps, and never a chapter's first
    paragraph (as an unindented class opening scenes and chapters is)."""
    usual = Counter(p.block.marks for p in paras if p.hint == ParaKind.TEXT and p.block)
    if not usual:
        return
    prose_marks = usual.most_common(1)[0][0]
    announced: Counter[str] = Counter()
    after_gap: Counter[str] = Counter()
    openers: set[str] = set()
    for k in range(1, len(paras)):
        para, before = paras[k], paras[k - 1]
        block = para.block
        if para.hint != ParaKind.TEXT or block is None or block.marks == prose_marks:
            continue
        if before.hint == ParaKind.HEADING:
            openers.add(block.marks)
        elif before.from_gap:
            after_gap[block.marks] += 1
        elif before.hint == ParaKind.TEXT and introduces_next(before.text):
            announced[block.marks] += 1
    insets = {c for c, n in announced.items() if n >= after_gap[c] and c not in openers}
    for k in range(len(paras) - 1):
        para, after = paras[k], paras[k + 1]
        if para.from_gap and after.block is not None and after.block.marks in insets:
            paras[k] = Para(para.text, None, ParaKind.LABEL, None, gap_lines=para.gap_lines)


# Lines of an inset set wholly in italics or bold (a text message, a line of a song): a
# paragraph this short, or a stanza set in lines.
INSET_LINE_CHARS = 120
INSET_RUN = 2  # such paragraphs in a row that make an inset (one alone is a thought, a sign)
INSET_GAPS = 2  # empty paragraphs in a book, all beside insets, before none is taken for a break
INSET_DRAWN = 2  # ornament breaks that make the empty paragraphs beside insets no breaks


def gaps_beside_set_apart_insets(paras: list[Para]) -> None:
    """Where every empty paragraph of a book (two or more) stands between its prose and a run
    of short paragraphs set wholly in italics or bold (a poem's stanzas, a string of text
    messages), the book sets off those insets with them: they stay blank and part no scenes.
    A book that parts its scenes with empty paragraphs has some between two paragraphs of
    prose."""
    _blank_when_all_stand(paras, _beside_inset)


def gaps_beside_insets_in_drawn_books(paras: list[Para]) -> None:
    """In a book that draws its breaks (an ornament INSET_DRAWN times or more), one empty
    paragraph beside an inset (a run of paragraphs set wholly in italics or bold, the one by
    it short: a text message, a phone's notice) sets the inset off from the story; it stays
    blank and parts no scenes. (`gaps_beside_set_apart_insets` does the same in any book
    whose every empty paragraph stands so.)"""
    drawn = sum(1 for p in paras if p.hint == ParaKind.BREAK and not p.from_gap)
    if drawn < INSET_DRAWN:
        return
    for k, para in enumerate(paras):
        # (not a class's top margin: one on prose after an inset still opens a scene)
        if not (para.from_gap and para.gap_lines <= 1 and not para.margin):
            continue
        after, before = paras[k + 1 : k + 1 + INSET_RUN], paras[max(0, k - INSET_RUN) : k]
        if para.hint == ParaKind.BREAK and (_inset_run(after) or _inset_run(before[::-1])):
            paras[k] = Para(para.text, None, ParaKind.LABEL, None, gap_lines=para.gap_lines)


def _inset_run(run: list[Para]) -> bool:
    """``run`` (nearest the gap first) is an inset's: set apart, the first a short line."""
    return (
        len(run) == INSET_RUN
        and _inset_line(run[0])
        and all(p.hint == ParaKind.TEXT and not p.image and set_apart(p) for p in run)
    )


def _blank_when_all_stand(paras: list[Para], where: Callable[[list[Para], int], bool]) -> None:
    """When every empty paragraph of the book (two or more) stands ``where`` says, they are
    the layout's, not the author's breaks: they stay blank and part no scenes."""
    gaps = [k for k, para in enumerate(paras) if para.from_gap and para.hint == ParaKind.BREAK]
    if len(gaps) < INSET_GAPS or not all(where(paras, k) for k in gaps):
        return
    for k in gaps:
        para = paras[k]
        paras[k] = Para(para.text, None, ParaKind.LABEL, None, gap_lines=para.gap_lines)


def _beside_inset(paras: list[Para], k: int) -> bool:
    """The empty paragraph ``k`` has prose on one side and an inset's run on the other."""
    if k == 0 or k + 1 >= len(paras):
        return False
    if _prose_line(paras[k - 1]):
        run = paras[k + 1 : k + 1 + INSET_RUN]
    elif _prose_line(paras[k + 1]):
        run = paras[max(0, k - INSET_RUN) : k]
    else:
        return False
    return len(run) == INSET_RUN and all(_inset_line(para) for para in run)


def _prose_line(para: Para) -> bool:
    return para.hint == ParaKind.TEXT and not para.image and not set_apart(para)


def _inset_line(para: Para) -> bool:
    return (
        para.hint == ParaKind.TEXT
        and set_apart(para)
        and ("\n" in para.text or len(para.text) <= INSET_LINE_CHARS)
    )


def gaps_beside_lists(paras: list[Para]) -> None:
    """Where every empty paragraph of a book (two or more) stands where a list ends or
    begins, they are what a converter leaves where a list breaks into a paragraph (DocBook's
    `</ul></div><p></p>`): they stay blank and part no scenes. A book that parts its scenes
    with empty paragraphs has some between two paragraphs of prose."""
    _blank_when_all_stand(paras, _at_list_edge)


def _at_list_edge(paras: list[Para], k: int) -> bool:
    """The empty paragraph ``k`` has a list's item on one side and a paragraph or heading
    outside that list on the other."""
    if k == 0 or k + 1 >= len(paras):
        return False
    before, after = paras[k - 1].block, paras[k + 1].block
    if before is None or after is None:
        return False
    return before.listed != after.listed and not (before.listed and after.listed)


def gaps_after_typed_insets(paras: list[Para]) -> None:
    """One empty line after text set out as typed (a cipher, an inscription in a `<pre>`,
    `What do you make of it, Holmes?` under it) sets the inset apart from the talk around
    it, as the line after a letter does: it stays blank, and parts no scenes. (Run after
    `gaps_under_epigraphs`, which takes the gaps under chapters' epigraphs first.)"""
    for k in range(1, len(paras)):
        para, before = paras[k], paras[k - 1]
        block = before.block
        if not para.from_gap or para.gap_lines > 1 or block is None or before.hint != ParaKind.TEXT:
            continue
        if block.tag == "pre":
            paras[k] = Para(para.text, None, ParaKind.LABEL, None, gap_lines=para.gap_lines)


RULE_HABIT = 2  # breaks typed as one rule of the author's that make it the book's


def pauses_beside_rules(kinds: bytearray, paras: list[Para]) -> None:
    """In a book that parts its scenes with a rule typed of its own (`——————`, twice or more;
    not the fences round its notes, which are notes by now), a lone `......` or `…` is no
    break but words left out inside a scene (a song going on, a crowd shouting): it stays a
    line of the text."""
    rules: Counter[str] = Counter()
    pauses = []
    for k in _positions(kinds, ParaKind.BREAK):
        para = paras[k]
        if para.from_gap or para.block is None or para.block.kind != TEXT:
            continue
        text = para.text.strip()
        if is_pause_line(text) and not text.strip(".…"):
            pauses.append(k)  # (a lone `—` may still be a break: a site drops ornaments so)
        else:
            rules[text] += 1
    if pauses and any(n >= RULE_HABIT for n in rules.values()):
        for k in pauses:
            kinds[k] = ParaKind.TEXT


def _positions(kinds: bytearray, kind: int) -> list[int]:
    """Where paragraphs of ``kind`` stand (found by bytes, not a loop over every paragraph)."""
    found = []
    k = kinds.find(kind)
    while k >= 0:
        found.append(k)
        k = kinds.find(kind, k + 1)
    return found
