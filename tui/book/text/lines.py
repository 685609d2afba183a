"""What a single short line is: a heading, a break, an AO3 landmark, a `Label: value` line ...

`line_candidates.CANDIDATE` finds, in one regular-expression pass over the whole text, the few
lines that may be anything but prose; :func:`classify_line` then looks at each of those alone.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Any, Literal

from tui.book.rules.breaks import (
    SPACER_CHARS,
    is_break_line,
    is_dash_pair,
    is_end_line,
    is_glyph_line,
    is_lone_hyphen,
    is_pause_line,
    is_setoff_line,
    is_slugline,
    is_spacer_line,
    time_shape,
)
from tui.book.rules.heading_decoration import strip_alt_text
from tui.book.rules.headings import MAX_HEADING_CHARS, match_heading
from tui.book.rules.labels import COLOPHON_KEYS, LANDMARKS, LIST_KEYS, META_KEYS
from tui.book.rules.patterns import compiled_on_first_use

__all__ = ["LANDMARKS", "LIST_KEYS", "META_KEYS", "LineInfo", "classify_line"]

AUTHOR_NOTE = re.compile(
    r"[\W_]*(?:a/n|an|a\.n\.|author['’]?s?['’]? ?notes?|authors? notes?|translator['’]?s? notes?|"
    r"t/n|tl note|note from the author|a note from|"
    # the same in other languages fan fiction is written in
    r"n/a|nota de la autora|nota del autor|nota de autor|nota da autora|nota do autor|"
    r"note de l'auteur|note de l'autrice|anmerkung der autorin|anmerkung des autors|"
    r"작가의 말|작가의말|作者有话要说|作者有話要說|作者的话|作者的話)"
    r"(?!\w)\s*(?:\([^)\n]{0,20}\)\s*)?[:\-–—]?",  # `Author's note (5/5) – …`
    re.IGNORECASE,
)
MAX_SHORT_LINE = 160  # longer lines are prose or labelled paragraphs, never headings
MAX_CLASSIFIED_LINE = 400  # longer lines are prose, or an author's note by its label alone
# The labels that open an author's note unmistakably, however long it is (`A/N I hope…`).
LONG_NOTE_LABEL = re.compile(
    r"[\W_]*(?:a/n|a\.n\.|author['’]?s?['’]? ?notes?|authors? notes?)(?!\w)", re.IGNORECASE
)
_HAS_WORD = re.compile(r"[^\W_]")
_SEE_END = re.compile(r"\(?\s*see the end of the (chapter|work) for (?:more )?notes\.?\s*\)?", re.I)
_POSTED = re.compile(r"posted originally on the archive of our own", re.IGNORECASE)
_PLEASE = re.compile(r"please drop by the archive and comment", re.IGNORECASE)
_BY = re.compile(
    r"(?:written |a fanfic(?:tion)? |an? (?:novel|novella|story|tale|romance|play|comedy|"
    r"tragedy|book) )?(?:by|por|par|von|di|автор)[:：]?\s+"
    r"(?P<author>\S.{0,80})",
    re.I,
)
# `BY THE SAME AUTHOR`, `By the Author of “Waverley”`: a publisher's list of the author's other
# books, or a book signed by its earlier ones, follows; no byline, for it names nobody.
_NO_PERSON = re.compile(r"the\s+(?:same\b|(?:author|authoress|writer)s?\s+of\b)", re.IGNORECASE)
_COVER = re.compile(r"cover(?: image)?:\s*(?P<title>.+?),\s+by\s+(?P<author>.+)", re.IGNORECASE)
# A corpus file's label for the book it holds: `[ The Ball and The Cross by G.K. Chesterton 1909 ]`.
_BRACKETED_TITLE = re.compile(
    r"\[\s*(?P<title>\S[^\]]{0,100}?)\s+by\s+(?P<author>[^\]\d]{2,60}?)(?:\s+\d{4})?\s*\]"
)
# `Title: …`; a Markdown file may set its facts as headings (`# Title: …`, `## Author: …`).
_LABEL = re.compile(
    r"(?:#{1,6}[ \t]+)?(?P<key>[A-Za-z][A-Za-z /'’]{0,24}?)\s*:(?:[ \t\u00a0]+(?P<value>.*))?"
)
_CJK_LABEL = re.compile(
    r"(?P<key>[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{2,4})\s*[:：]\s*(?P<value>.*)"
)
# Navigation links saved with a web page: `Previous Chapter | Next Chapter`, `< Prev | Index`,
# `Back to Chapter 1 | Return to Main Page | Forward to Chapter 3`.
_NAV_PLACE = (
    r"(?:the\s+)?(?:chapter(?:\s+\S{1,8})?|main\s+page|index|home|top|toc|illustrations|"
    r"(?:table\s+of\s+)?contents|(?:translator'?s?\s+)?notes.*)"
)


_nav_part = compiled_on_first_use(
    r"[<«‹←\[(]*\s*(?:"
    r"(?:previous|prev|next|last|first)(?:\s+(?:chapter|page|part|episode))?|"
    rf"(?:back|return|forward|go|skip)\s+to\s+{_NAV_PLACE}|"
    r"index|home|main\s+page|(?:table\s+of\s+)?contents|toc|chapter\s+list"
    r")\s*[>»›→\])]*",
    re.IGNORECASE,
)


# In a bar of several links, `Back to <any page title>` is a link too.
_NAV_ANY_PLACE = re.compile(r"(?:back|return|forward|go)\s+to\s+\S.{0,40}", re.IGNORECASE)
_NAV_SPLIT = re.compile(r"\s*[|/•·]\s*|\s{2,}")
_NAV_NEEDS = re.compile(r"\b(?:previous|prev|next|(?:back|return|forward)\s+to)\b", re.IGNORECASE)


def _is_nav(line: str) -> bool:
    """Every part of the line is a navigation link, and one of them points somewhere."""
    if _NAV_NEEDS.search(line) is None:
        return False
    parts = [part for part in _NAV_SPLIT.split(line.strip()) if part]
    if not parts:
        return False
    bar = len(parts) > 1
    return all(
        _nav_part().fullmatch(part) or (bar and _NAV_ANY_PLACE.fullmatch(part)) for part in parts
    )


# A scene's point-of-view label: `Harry's POV`, `POV: Draco`, `[Asuna's POV]`, `~Kaito POV~`,
# `BPOV`, `Harry's POV (Again)...` (a word on when, in brackets, after it).
_POV_LABEL = re.compile(
    r"[\W_]*(?:(?:[\w'’.-]+\s+){0,3}[\w'’.-]+(?:'s|’s)?\s+(?:pov|p\.o\.v\.?|point of view)"
    r"(?:\s*\([^()\n]{1,30}\))?|"
    r"pov\s*[:\-–—]\s*[\w'’. -]{1,40}|"
    # `BPOV`, `EdPOV`: a name's first letters run into it, as the Twilight fandom writes it
    r"(?-i:[A-Z][a-z]{0,2}POV))[\W_]*",
    re.IGNORECASE,
)
# A name set off by symbols: `~Harry~`, `-Draco-`, `[Ginny]`, `*~Luna~*` (a scene label when a
# book uses such lines again and again; see `tui.book.text.sections.label_openers`).
_DECORATED_NAME = re.compile(
    r"(?P<left>[~*=+#<\[(_—–-]{1,3})\s*"
    r"(?P<name>[^\W\d_](?:[\w'’.-]*[^\W\d_])?(?:\s+[^\W\d_](?:[\w'’.-]*[^\W\d_])?){0,2})"
    r"\s*[~*=+#>\])_—–-]{1,3}"
)
# A line set in bold (`**…**`, `__…__`, with italics inside or not).
_BOLD_LINE = re.compile(r"(\*\*|__)(?P<inner>[^\n]{2,60}?)\1")
# Words inside a long ornament, `**~*~*~*A Love Like Magic*~*~*~**`: a break when repeated.
_ORNAMENT_CHARS = "~*=+#°•- \t"
_ORNAMENTED = re.compile(r"[~*=+#°•-]{4,}[^~*=+#°•\n]{1,40}[~*=+#°•-]{4,}")
FRONT_HEADINGS = re.compile(
    r"[\W_]*(?:foreword|preface|introduction|dedication|epigraph|disclaimer|"
    r"acknowledge?ments?|translator'?s? preface|author'?s? foreword|characters?|cast|"
    r"(?:the )?persons (?:of|in) the (?:play|drama)|dramatis person(?:ae|æ)|"
    # (the same in Russian: `Действующие лица`)
    r"действующие лица|"
    # the producer's own pages before the book: `INTRODUCTION TO THE PROJECT GUTENBERG EDITION`
    r"(?:introduction|preface|note) to the (?:project gutenberg|electronic|e-?text) edition|"
    r"transcriber'?s? (?:note|introduction)|"
    r"about the author)[\W_]*",
    re.IGNORECASE,
)

# Landmarks a printed book may write with a colon or full stop after them.
_TITLED_LANDMARKS = frozenset(k for k, v in LANDMARKS.items() if v in ("toc", "preface"))
# A book's index or its list of errata, after its last chapter: `INDEX.`, `General Index`,
# `Errata`.
_BACK_LISTS = re.compile(r"(?:(?P<index>(?:general |alphabetical )?index)|errata|corrigenda)[:.]?")
# The contents of one volume of several: `CONTENTS OF VOLUME II.`, `Contents of Vol. 3`.
_VOLUME_CONTENTS = re.compile(
    r"(?:table of )?contents of (?:the )?vol(?:ume|\.)? ?(?:[ivxlc]{1,6}|\d{1,2})[:.]?"
)


LineKind = Literal[
    "break",
    "spacer",
    "pause",
    "heading",
    "weak",
    "landmark",
    "meta",
    "end",
    "author_note",
    "by",
    "cover",
    "see_end",
    "posted",
    "please",
    "front",
    "nav",
    "decorated",
    "time",
    "pov",
    "tab",
    "glyph",
    "when",
    "picture",  # a picture's file name left on its line (see `line_candidates`)
]


@dataclasses.dataclass(frozen=True, slots=True)
class LineInfo:
    """What one line is; ``kind`` is one of the names below, ``data`` depends on it.

    break, spacer, pause (a lone `…` or `—`: a break unless it is a pause in dialogue), heading
    (Heading), weak (Heading), landmark (landmark name), meta ((key, value)), end (marker
    text), author_note, by (author), cover ((title, author)), see_end (chapter|work), posted,
    please, front (front heading text), nav (`Previous Chapter | Next Chapter`), pov (a
    point-of-view label), decorated ((ornament, name)), tab (a tab-led line's text), glyph
    (an ornament of the author's own, `o~o~YCB~o~o`: a break when the book repeats it), when
    (a bold line saying when or where the scene after it happens: `**Ten Years Later**`).
    """

    kind: LineKind
    data: Any = None
    tab: bool = False  # the line starts with a tab (FanFicFare chapter titles)


@functools.lru_cache(maxsize=4096)
def classify_line(line: str) -> LineInfo | None:
    """Classify one line of text; None for ordinary prose.

    Remembered for the lines met last: a list of `1. Item` lines, a serial's repeated
    `Previous Chapter | Next Chapter`, are classified once."""
    if not line:
        return None
    if len(line) > MAX_CLASSIFIED_LINE:
        # Only its label tells what a long paragraph is, and only a plain note's label is
        # read there: an author's note runs long as often as it does short.
        head = line[:MAX_CLASSIFIED_LINE].strip(" \t" + SPACER_CHARS)
        return LineInfo("author_note", head) if LONG_NOTE_LABEL.match(head) else None
    if line.startswith("// ") and not line.rstrip().endswith("//"):
        line = line[3:].strip()  # Fimfiction's text download: `// Chapter 3 -Title-`, `// by X`
        if not line:
            return None
    # FanFicFare's 78-column wrapping turns the tab before a chapter title into 8 spaces.
    tab = line.startswith("\t") or (line.startswith(" " * 8) and line[8:9] not in (" ", ""))
    found = _classify(line)
    if found is None:
        if tab and line.strip() and len(line) <= 160:
            return LineInfo("tab", line.strip(), True)
        return None
    return dataclasses.replace(found, tab=True) if tab else found


def is_pov_label(line: str) -> bool:
    """A scene's point-of-view label alone: `Harry's POV`, `POV: Draco`, `[Asuna's POV]`."""
    return _POV_LABEL.fullmatch(line.strip()) is not None


def _classify(line: str) -> LineInfo | None:
    if is_spacer_line(line):
        return LineInfo("spacer")
    stripped = line.strip(" \t" + SPACER_CHARS)
    if not stripped:
        return None
    if is_break_line(stripped):
        return LineInfo("break")
    if is_pause_line(stripped):
        return LineInfo("pause")
    if _ORNAMENTED.fullmatch(stripped):
        return _banner(stripped)
    if is_glyph_line(stripped) or is_dash_pair(stripped):
        return LineInfo("glyph", stripped)
    if is_lone_hyphen(stripped):
        return LineInfo("glyph", stripped)  # (a break only where the book uses it again)
    if _HAS_WORD.search(stripped) is None:
        return None  # lone dialogue punctuation: `!”`, `“…”`
    if len(stripped) > MAX_SHORT_LINE:
        return _classify_long(stripped)
    lowered = " ".join(strip_alt_text(stripped).lower().split())
    if lowered in LANDMARKS:
        return LineInfo("landmark", LANDMARKS[lowered])
    if lowered.rstrip(":.") in _TITLED_LANDMARKS:
        return LineInfo("landmark", LANDMARKS[lowered.rstrip(":.")])  # `CONTENTS:`, `Contents.`
    if _VOLUME_CONTENTS.fullmatch(lowered):
        return LineInfo("landmark", "toc")
    back_list = _BACK_LISTS.fullmatch(lowered)
    if back_list:
        return LineInfo("landmark", "index" if back_list["index"] else "errata")
    see_end = _SEE_END.fullmatch(lowered)
    if see_end:
        return LineInfo("see_end", see_end.group(1))
    if _POSTED.match(lowered):
        return LineInfo("posted")
    if _PLEASE.match(lowered):
        return LineInfo("please")
    if is_end_line(stripped):
        return LineInfo("end", stripped)
    heading = match_heading(stripped)
    if heading is not None:
        return LineInfo("heading" if heading.strong else "weak", heading)
    cover = _COVER.fullmatch(stripped) or _BRACKETED_TITLE.fullmatch(stripped)
    if cover:
        return LineInfo("cover", (cover["title"].strip(), cover["author"].strip()))
    if AUTHOR_NOTE.match(stripped) and _author_note_ok(stripped):
        return LineInfo("author_note", stripped)
    label = _LABEL.fullmatch(stripped)
    if label:
        key = " ".join(label["key"].lower().replace("’", "'").split())
        if key in META_KEYS:
            return LineInfo("meta", (META_KEYS[key], (label["value"] or "").strip()))
    cjk_label = _CJK_LABEL.fullmatch(stripped)
    if cjk_label and cjk_label["key"] in COLOPHON_KEYS:
        return LineInfo("landmark", "colophon")
    if cjk_label and cjk_label["key"] in META_KEYS:
        return LineInfo("meta", (META_KEYS[cjk_label["key"]], cjk_label["value"].strip()))
    if _is_nav(stripped):
        return LineInfo("nav")
    by = _BY.fullmatch(stripped)
    if (
        by
        and len(by["author"].split()) <= 8
        and not by["author"].endswith((".", "!", "?"))
        and not _NO_PERSON.match(by["author"])
    ):
        return LineInfo("by", by["author"].strip())
    if len(stripped) <= 50 and FRONT_HEADINGS.fullmatch(stripped):
        return LineInfo("front", stripped)
    if _POV_LABEL.fullmatch(stripped):
        return LineInfo("pov", stripped)
    bold = _BOLD_LINE.fullmatch(stripped)
    if bold and is_setoff_line(bold["inner"].strip("*_ ")):
        return LineInfo("when", stripped)
    decorated = _DECORATED_NAME.fullmatch(stripped)
    if decorated:
        return LineInfo("decorated", (decorated["left"], decorated["name"]))
    if time_shape(stripped) is not None or is_slugline(stripped):
        return LineInfo("time", stripped)  # (a scene's header when the book repeats its shape)
    return None


def _banner(line: str) -> LineInfo:
    """Words set between long runs of an ornament: a chapter's heading when they name one
    (`===== CHAPTER 1 =====`), the heading of a page of front or end matter when they are a
    label (`===== Blurbs: =====`) or name such a page, else an ornament (a break when the book
    repeats it)."""
    heading = match_heading(line)
    if heading is not None and heading.strong:
        return LineInfo("heading", heading)
    words = line.strip(_ORNAMENT_CHARS)
    if words.endswith(":") or FRONT_HEADINGS.fullmatch(words):
        return LineInfo("front", words)
    return LineInfo("glyph", line)


def _classify_long(stripped: str) -> LineInfo | None:
    """A long line can only be a labelled one: `Summary: ...`, `A/N: ...`, an AO3 notice, or a
    keyword heading with a long summary title (`Capítulo 8: Del buen suceso que …`)."""
    head = " ".join(stripped[:80].lower().split())
    heading = match_heading(stripped) if len(stripped) <= MAX_HEADING_CHARS else None
    if heading is not None and heading.strong:
        return LineInfo("heading", heading)
    if _POSTED.match(head):
        return LineInfo("posted")
    if _PLEASE.match(head):
        return LineInfo("please")
    cover = _COVER.fullmatch(stripped) if head.startswith("cover") else None
    if cover:
        return LineInfo("cover", (cover["title"].strip(), cover["author"].strip()))
    if AUTHOR_NOTE.match(stripped) and _author_note_ok(stripped):
        return LineInfo("author_note", stripped)
    label = _LABEL.match(stripped)
    if label and label["value"] is not None:
        key = " ".join(label["key"].lower().replace("’", "'").split())
        if key in META_KEYS:
            return LineInfo("meta", (META_KEYS[key], label["value"].strip()))
    return None


def _author_note_ok(line: str) -> bool:
    """`AN:` and `An` start prose too (`An hour later...`): require a separator for them."""
    head = line.lstrip("*_~-([ \t`").lower()  # (`` `` An hour ago``: a tokenised quote)
    bare_an = head.startswith("an") and not head[2:3].isalpha()
    if bare_an and not head.startswith(("an:", "an -", "an –", "an —", "an)")):
        return head.startswith(("an author", "an a/n"))
    return True
