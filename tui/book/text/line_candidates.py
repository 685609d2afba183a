"""Which lines of a text are worth classifying, found in one pass and then classified.

`CANDIDATE` is one regular-expression pass over the whole text that passes over prose and keeps
the lines that may be a heading, a break, a label or a landmark (see `lines.classify_line` for
what each of them is); `find_candidates` runs it over a text's paragraphs and classifies the
lines it keeps.
"""

from __future__ import annotations

import bisect
import re

from tui.book.rules.breaks import SPACER_CHARS
from tui.book.rules.illustrations import IMAGE_EXTENSIONS, image_file_line
from tui.book.rules.number_words import german_compound_starts, title_case_words
from tui.book.rules.numerals import ENGLISH_ORDINAL, ENGLISH_ORDINAL_INITIALS
from tui.book.text.lines import LineInfo, classify_line

# How the lines worth classifying begin (matched case-insensitively as written, Title case or
# UPPER case). Multi-word entries keep common words (`The`, `See`) from making every line a
# candidate.
_LINE_WORDS = (
    "chapter chap ch part pt book volume vol act arc episode ep interlude side extra omake bonus "
    "stave letter explicit "
    "special intermission season prologue epilogue prelude postlude coda entr afterword "
    "postscript author authors a/n an: an - a.n. translator t/n tl note; end fin owari finis by "
    "por par von di автор nota n/a anmerkung "
    "written cover posted; foreword preface introduction dedication epigraph disclaimer "
    "acknowledgements acknowledgments about cast line page scene time pov flashback image kudos "
    "rating ratings archive warning warnings category categories fandom fandoms relationship "
    "relationships pairing pairings character characters additional tags freeform language "
    "series collections collection stats published updated completed words word; status genre "
    "genres packaged publisher site story url source title summary description hits comments "
    "bookmarks notes actions work contents table chapitre capitulo capítulo kapitel capitolo "
    "previous prev next last index back return forward errata corrigenda "
    "hoofdstuk rozdział kapitola глава часть розділ том действие действующие partie parte teil פרק "
    "prólogo epílogo prologo epilogo prolog epilog пролог эпилог бонус-глава бонусная"
)
# The kinds of work a byline may name before `by` (`A novel by ...`).
_WORK_KINDS = (
    "novel", "novella", "story", "tale", "romance", "play", "comedy", "tragedy", "book", "fanfic",
    "fanfiction",
)  # fmt: skip
LINE_STARTS = [
    *_LINE_WORDS.replace(";", "").split(),
    "the end",
    "the persons",
    "the scenes of",
    "the contents",
    "the table of",
    "a table of",
    "scenes of",
    "dramatis",
    "to be continued",
    "age",
    "aged",
    "int.",
    "ext.",
    "see the end",
    "(see the end",
    "please drop",
    "note from",
    "a note from",
    "note de",
    # a byline naming the kind of work (`A novel by Charles Stross`), as `lines._BY` reads it
    *(f"a {kind}" for kind in _WORK_KINDS),
]


def _by_first_letter(words: list[str]) -> str:
    """One regular expression matching any of ``words``: an alternation per first letter,
    longest words first, so a line that starts with none of them fails at its first letter.
    (Flatter than a full trie, it compiles in half the time: this pattern is compiled at
    every start, before the first page.)"""
    groups: dict[str, set[str]] = {}
    for word in words:
        groups.setdefault(word[0], set()).add(word[1:])
    parts = []
    for first, rests in sorted(groups.items()):
        longest_first = sorted(rests, key=lambda rest: (-len(rest), rest))
        alternatives = "|".join(re.escape(rest) for rest in longest_first if rest)
        optional = "?" if "" in rests else ""
        parts.append(re.escape(first) + (f"(?:{alternatives}){optional}" if alternatives else ""))
    return "(?:" + "|".join(parts) + ")"


def _spellings(words: list[str]) -> list[str]:
    return sorted({form for w in words for form in (w, w.capitalize(), w.title(), w.upper())})


_ENGLISH_NUMBER_WORDS = [
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
    "Twenty",
    "Thirty",
    "Forty",
    "Fifty",
]
_OTHER_NUMBER_WORDS = title_case_words()
_NUMBER_WORDS = [*_ENGLISH_NUMBER_WORDS, *_OTHER_NUMBER_WORDS]
# `Twelve`, `Twenty-One`, `Erstes Kapitel`, `One: The Storm`, `Un : Kiba` (a word of another
# language must end there: `Une fois` is prose, a cheap test before the line is classified).
_NUMBER_WORD_LINE = (
    r"(?=[" + "".join(sorted({w[0] for w in _NUMBER_WORDS})) + r"])"
    r"(?:"
    + _by_first_letter(_ENGLISH_NUMBER_WORDS)
    + r"|(?:"
    + _by_first_letter(_OTHER_NUMBER_WORDS)
    # (German compounds past twelve, by how they start: `Einundzwanzigstes Kapitel`)
    + "|"
    + _by_first_letter(german_compound_starts())
    + "[a-zäöüß]*"
    + r")(?![^\W\d_]))"
    r"(?:[\w \u00a0-]{0,40}\.?|[ \t\u00a0]*(?:[:.]|[-–—]+)[^\n]{1,90})[ \t]*(?=\n)"
)
# (the first letter looked at before the words: a line of prose starting with none of them
# fails at once, where the words, matched in either case, are each tried)
_ORDINAL_KEYWORD_LINE = (
    r"(?i:(?:the[ \t]+)?(?=["
    + ENGLISH_ORDINAL_INITIALS
    + r"])"
    + ENGLISH_ORDINAL
    + r"[ \t]+(?:chapter|act|book|part|volume|canto|stave))\b"
)
_STARTS = _spellings(LINE_STARTS)
# Cheap guards first (a dialogue line fails at once; the trie is tried only after a letter
# that can start one of its words): this pass runs over every line of an 80 MB book.
CANDIDATE = re.compile(
    # blank lines (a third of all lines) fail at once
    r"\n(?!\n)(?:\t| {8}(?! )|[ \t]*+(?:"
    # a line of only `…` or `—` (weighed later: a break or a pause in dialogue), or only `.`;
    # or dots drawn across it, `... ... ...`, `.    .    .`
    r"(?=[….—―-])(?:(?:\.{2,}|…+)(?:[ \t]+(?:\.{2,}|…+))+|\.(?:[ \t]{2,}\.){2,}|…+\.*|\.{3,}|"
    r"\. \. \.|\.|[—―]{1,2}|--)"
    r"[ \t]*(?=\n)|"
    # an ornament drawn from dots, `...~AIV~...`
    r"\.{2,}[~*=+#^<>|\\•°º](?=\S{1,20}\n)|"
    # not dialogue: `“Hi.”`, `—and then`, `— Hi, — he said.` (dash dialogue as in Russian,
    # Spanish or French books: a dash, words, punctuation, more words)
    r"(?![“\"‘'!?.,;:…]|[—–]\w|[—–―][ \t]+[^\n]*?[,.!?…][\"”»]?[ \t]+\S)"
    r"(?:[^\w\s(«「『]|_|[" + SPACER_CHARS + r"]|"
    r"(?=["
    + re.escape("".join(sorted({w[0] for w in _STARTS})))
    + r"])"
    + _by_first_letter(_STARTS)
    + r"[sS]?(?![a-z])|"
    # (`308.[1]`: a number with a note's mark glued on)
    r"\d{1,4}\.?(?:[ \t\u2000-\u200a]|(?=\n)|\[\d{1,3}\][ \t]*(?=\n))|"
    r"\d{1,3}\.\d{1,3}(?:[ \t:|\-–—]|(?=\n))|"
    # `Gestation 1.1`: possessive, so a capitalised first word fails without backtracking
    r"[A-Z][a-z'’-]++(?: [A-Z][a-z'’-]++){0,2}+ \d{1,3}\.\d{1,3}[ \t:|\-–—\n]|"
    # `p008.jpg (289K)`: a picture's file name, left where a conversion dropped the picture
    r"[\w-]++(?:[./][\w-]++)*?\." + IMAGE_EXTENSIONS + r"\b|"
    r"[IVXLC]{1,7}(?:[ \t]?\.)?(?:\[\d{1,3}\])?[ \t]*(?=\n)|"
    # `II. THE LEAGUE`, `III. - ON FALLING IN LOVE`, `XII. ЗАКЛЮЧЕНИЕ` (a capital of the
    # Latin, Greek or Cyrillic alphabet after the numeral)
    r"[IVXLC]{1,7}\.[ \t]+(?:[-–—]+[ \t]+)?(?=[A-ZÀ-ÖØ-ÞΑ-ΩА-ЯЁЄІЇҐ])|"
    # `IV luku`, `II. fejezet`: the number before the word for chapter (Finnish, Hungarian)
    r"[IVXLC]{1,7}\.?[ \t]+(?i:luku|fejezet|peatükk)\b|"
    + _NUMBER_WORD_LINE
    + r"|"
    # `FIRST ACT`, `The Seventy-seventh Chapter.`: an English ordinal before its keyword
    + _ORDINAL_KEYWORD_LINE
    + r"|"
    # `DEUXIÈME PARTIE`, `ERSTES KAPITEL`, `TWEEDE HOOFDSTUK[2]`: a word in capitals before a
    # keyword that follows its number (the number words are weighed when the line is
    # classified), a note's mark glued on or not
    r"[A-ZÀ-ÖØ-Þ]{3,24}[ \t]+(?:PARTIE|CHAPITRE|KAPITEL|TEIL|CAP[IÍ]TULO|CAPITOLO|PARTE|"
    r"HOOFDSTUK|DEEL)(?:\[\d{1,3}\])?[ \t]*(?=\n)|"
    r"(?:[oO0xX][^\w\n]*){2,}(?=\n)|"
    # `o~o~YCB~o~o`, `8*8*8*8`: an ornament of the author's own; so are `(())` and
    # initials over and over, `DBDBDBDBDB`
    r"\w{1,4}[~*=+#^<>|\\•°º](?=\S{1,20}\n)|"
    r"\([()\[\]{}]*[ \t]*(?=\n)|[A-Z]{8,40}[ \t]*(?=\n)|"
    # `Ginny's POV`: possessive, like the serial numbers above
    r"[A-Z][\w'’.-]*+(?: [A-Z][\w'’.-]*+){0,2} (?:POV|pov|P\.O\.V)|[A-Z][a-z]{0,2}POV\b|"
    # `三十六`: a number in CJK numerals alone on its line
    r"[〇一二三四五六七八九十百千]{1,6}[ \t]*(?=\n)|"
    r"[第序楔终終尾番后後あプエ幕間閑제완작저줄完全作著书書内简簡文目底])))"
)


def find_candidates(text: str, starts, ends, lo: int = 0, hi: int | None = None) -> dict:
    """Classify the paragraphs whose first line may be more than prose (one regex pass)."""
    hi = len(text) if hi is None else hi
    n = len(starts)
    infos: dict[int, LineInfo] = {}
    if n == 0:
        return infos
    first = bisect.bisect_left(starts, lo)
    positions = [starts[first]] if first < n else []
    positions += [m.start() + 1 for m in CANDIDATE.finditer(text, max(lo - 1, 0), hi)]
    if hi >= len(text):
        positions.append(starts[-1])  # the last line, which may have no newline to end it
    for pos in positions:
        i = bisect.bisect_left(starts, pos)
        if i >= n or starts[i] != pos or i in infos:
            continue
        end = ends[i]
        newline = text.find("\n", pos, end)
        line = text[pos : newline if newline >= 0 else end]
        if newline < 0 and image_file_line(line):
            infos[i] = LineInfo("picture")  # (no title, however it starts: `part2.jpg`)
            continue
        info = classify_line(line)
        if info is None and newline >= 0:
            info = _wrapped_heading(text[pos:end])
        if info is None:
            continue
        if (
            newline >= 0
            and not _multiline_ok(info, end - pos)
            and not (info.kind == "heading" and wrapped_in_capitals(text[pos:end]))
        ):
            continue
        infos[i] = info
    return infos


def _wrapped_heading(paragraph: str) -> LineInfo | None:
    """A heading whose title goes on over a second line (`4 - Cheerfulness Again Asserts
    Itself at Blooms-End,` / `    and Clym Finds His Vocation`): its first line stops
    mid-phrase, at a comma or before a small letter, and the two read as a heading."""
    first, _, second = paragraph.partition("\n")
    second = second.strip()
    if "\n" in second or len(paragraph) > 160 or not second:
        return None
    if not (first.rstrip().endswith(",") or second[:1].islower()):
        return None
    info = classify_line(" ".join(paragraph.split()))
    return info if info is not None and info.kind in ("heading", "weak") else None


# A heading wrapped over several lines in capitals (`CHAPTER VII. HOW MR. WINKLE, INSTEAD OF
# SHOOTING AT THE PIGEON AND` / `KILLING THE CROW, …`): at most this many lines and characters.
CAPITALS_HEADING_LINES = 6
CAPITALS_HEADING_CHARS = 600
CAPITALS_SHARE = 0.9  # of its letters (`HOW Mr. PICKWICK` is still set in capitals)


def wrapped_in_capitals(paragraph: str) -> bool:
    """A paragraph of a few lines set in capitals: a heading's long title wrapped, not prose."""
    if len(paragraph) > CAPITALS_HEADING_CHARS:
        return False
    if paragraph.count("\n") >= CAPITALS_HEADING_LINES:
        return False
    letters = [c for c in paragraph if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return bool(letters) and upper >= CAPITALS_SHARE * len(letters)


def _multiline_ok(info: LineInfo, length: int) -> bool:
    """In hard-wrapped text a paragraph is several lines; only short ones can be headings,
    while a wrapped `Summary: ...` or `A/N: ...` paragraph is still labelled."""
    if info.kind in ("heading", "weak", "tab", "end", "landmark", "by", "cover", "front"):
        return length <= 160
    return info.kind in ("meta", "author_note", "see_end", "posted", "please")
