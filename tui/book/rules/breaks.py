"""Scene-break lines: glyph ornaments (`* * *`, `oOo`, `❖`), spacer lines, and set-off lines."""

from __future__ import annotations

import re

from tui.book.rules.patterns import compiled_on_first_use

# Characters that make a line look blank to a reader but are not plain spaces: a line made
# only of these (and spaces) is a "spacer", the blank paragraph EPUB converters leave for
# a scene break. Python's str.isspace() counts NBSP as space, so test explicitly.
SPACER_CHARS = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u200b\u202f\u205f\u3000\ufeff\u2800"
)
_SPACER = re.compile(rf"[ \t{SPACER_CHARS}]*[{SPACER_CHARS}][ \t{SPACER_CHARS}]*")

QUOTES = "\"“”„‟‘’‚'«»‹›「」『』〝〞＂"
# Sentence punctuation: a line of only these is lost dialogue (`!”`, `…`, `?!`), never a break.
_SENTENCE_PUNCT = set(".,!?…;:¿¡‽⁉⁈")
_DASHES = set("-—–―_=")
_BRACKETS = set("[](){}")
_STRIP = " \t" + SPACER_CHARS
# Letter ornaments: `oOo`, `xXx`, `-x-x-`, `OoOoO`, `xox`; at least two letters or symbols.
_DIGIT_RUN = re.compile(r"(\d)\1{3,11}")
_LETTER_GLYPH = re.compile(r"(?=.{2})[^\w\s]*(?:[oO0xX]+[^\w\s]*)+")
_WORD_BREAK = re.compile(
    r"[^\w]*(?:(?:line|page|scene|section|time|pov)[ -]?(?:break|skip|change|switch)|"
    r"break|scene change|time skip|pov change|flashback(?: end)?)[^\w]*",
    re.IGNORECASE,
)
MAX_BREAK_CHARS = 60
_QUOTE = re.compile("[" + re.escape(QUOTES) + "]")
_ALNUM = re.compile(r"[^\W_]")
# Hieroglyphs (Egyptian, Anatolian) are letters to Unicode but pictures in an ornament
# (`—°்⋆ 𓆉 ⋆.˚ 𓆝⋆.°்—`, a fish and a turtle): nobody writes fan fiction in them.
_PICTURE_LETTERS = re.compile("[\U00013000-\U0001342f\U00014400-\U0001467f]")


_END_LINE = re.compile(
    r"[\W_]*(?:the end|end file|fin|end|owari|finis|to be continued(?:\W+in)?|tbc|終|完|全文完|"
    # a Latin book's scribe: `Explicit liber Apollonii`, `Explicit feliciter`
    r"explicit\s+(?:liber|feliciter|opus|hic)\b(?: [^\W\d_]+){0,3}|"
    r"（完）)[\W_]*",
    re.IGNORECASE,
)
END_LINE_CHARS = 40


def is_end_line(line: str) -> bool:
    """`The End`, `~Fin~`, `To be continued...`, `終`, `Explicit liber …`: a line that closes a
    story or a chapter."""
    return len(line) <= END_LINE_CHARS and _END_LINE.fullmatch(line) is not None


# Marks that draw an author's own ornament (`o~o~YCB~o~o`, `8*8*8*8`); the decorative ones,
# not those of dates, times and links.
_GLYPH_MARKS = frozenset("~*=+#^<>|\\/-_.:•°º")
_DECORATIVE = frozenset("~*=+#^<>|\\•°º")
GLYPH_LINE_CHARS = 24
_INITIALS = re.compile(r"[A-Z0-9]{1,5}")


# Initials drawn over and over, `DBDBDBDBDB`: a unit of two or three capitals, four times.
_REPEATED_INITIALS = re.compile(r"([A-Z]{2,3})\1{3,}")
MAX_REPEATED_INITIALS = 40


def is_glyph_line(line: str) -> bool:
    """An ornament of the author's own, drawn with marks between letters or digits
    (`o~o~YCB~o~o`, `8*8*8*8`), of brackets alone (`(())`, `()`) or of initials over and over
    (`DBDBDBDBDB`): a break when the book repeats it (see the text parser). `**BANG**` and
    `*sigh*` are words marked up, not ornaments."""
    if len(line) <= MAX_REPEATED_INITIALS and _REPEATED_INITIALS.fullmatch(line):
        return True
    if len(line) > GLYPH_LINE_CHARS or " " in line or "://" in line or "@" in line:
        return False
    if len(line) >= 2 and set(line) <= _BRACKETS and any(c in "([{" for c in line):
        return True
    marks = [c for c in line if c in _GLYPH_MARKS]
    if len(marks) < 3:
        return False
    all_marks = "".join(_GLYPH_MARKS)
    core = line.strip(all_marks)
    if any(c in _DECORATIVE for c in core):  # `**A/N:**` is a label in bold
        return bool(_DECORATIVE.intersection(marks))
    # Initials set in a frame of mixed marks, `...~AIV~...`, `**~*XO*~**`, `-.-FH-.-`: the
    # author's own mark. A name in a frame, `~*~Harry~*~`, is a label; `**BANG**` is a word in
    # bold, and `...NO...` a word drawn out.
    if not _INITIALS.fullmatch(core):
        return False
    at = line.index(core)
    left, right = line[:at], line[at + len(core) :]
    return min(len(left), len(right)) >= 3 and len(set(left + right)) >= 2


def is_lone_hyphen(line: str) -> bool:
    """A hyphen alone on its line: no rule by itself (a dash cut off in dialogue), but an
    author's own divider when the book uses it again."""
    return line.strip() == "-"


def is_dash_pair(line: str) -> bool:
    """Two different dashes typed as a line, `—-` or `–-`: an author's own rule, a break when
    the book uses it again (a lone `—`, `——` or `--` may be a pause in dialogue)."""
    return _DASH_PAIR.fullmatch(line) is not None and line[0] != line[1]


def is_spacer_line(line: str) -> bool:
    """A line that looks blank but holds non-breaking or other special spaces, or a lone
    `.`, which authors type where a site would drop an empty line."""
    return bool(line) and (_SPACER.fullmatch(line) is not None or line.strip(" \t") == ".")


def is_break_line(line: str) -> bool:
    """A glyph scene-break line: `* * *`, `***`, `~~~`, `---`, `###`, `#`, `oOo`, `xXx`, `-x-x-`,
    `❖`, `§`, `~*~`, `8888`, any short line of one repeated symbol, centred or not, or a
    written `Line Break`.

    Lone dialogue punctuation (`!”`, `…”`, `?!`, `“…”`) is never a break.
    """
    text = line.strip(_STRIP)
    if not text:
        return False
    if len(text) > MAX_BREAK_CHARS:
        # A long rule of one or two symbols (`=====...` across the page) is still a break.
        chars = set(text) - set(_STRIP)
        return (
            len(text) <= 2 * MAX_BREAK_CHARS
            and len(chars) <= 2
            and not any(c.isalnum() or c in QUOTES or c in _SENTENCE_PUNCT for c in chars)
        )
    if _QUOTE.search(text):
        return False
    compact = _PICTURE_LETTERS.sub("\u2022", "".join(text.split()))
    if _ALNUM.search(compact):
        if _LETTER_GLYPH.fullmatch(compact):
            if _spoken_letter(compact):
                return False
            # `XII`, `IX` or `X.` standing alone is a chapter number, not an ornament.
            numeral = re.fullmatch(r"(?:[IVX]{1,3}|[ivx]{1,3})\.?", compact)
            return not numeral or compact in ("XXX", "xxx")
        # `8888`, `0000`: a digit typed over and over where the site dropped the ornament
        return _WORD_BREAK.fullmatch(text) is not None or _DIGIT_RUN.fullmatch(compact) is not None
    chars = set(compact)
    if _DOT_GROUPS.fullmatch(text):
        return True  # `... ... ...`, `.   .   .`: dots drawn out across the line, no pause
    if chars <= _SENTENCE_PUNCT | _BRACKETS:
        # `]` closes a caption or a note; `[...]` is a silence in brackets: not ornaments
        return False
    if chars == {"_"}:
        return len(compact) >= 2  # `__`: underscores are never speech cut off
    if chars <= _DASHES | _SENTENCE_PUNCT:
        # `---`, `___`, `===`, `- - -`; a lone dash or `—!` is interrupted dialogue (but see
        # `is_pause_line`).
        return sum(c in _DASHES for c in compact) >= 3 and not chars & _SENTENCE_PUNCT - {"."}
    # `█████████,`: a name blacked out, closing a letter
    return not compact.endswith(",")


def _spoken_letter(compact: str) -> bool:
    """One letter said, not drawn: `O!`, `—O`, `X?` (an ornament of one letter has its
    symbols on both sides, `-o-`, and no sentence's end)."""
    letters = [k for k, c in enumerate(compact) if c.isalnum()]
    if len(letters) != 1:
        return False
    k = letters[0]
    return k == 0 or k == len(compact) - 1 or any(c in _SENTENCE_PUNCT for c in compact)


_DOT_GROUPS = re.compile(r"(?:\.{2,}|…+)(?:\s+(?:\.{2,}|…+)){2,}|\.(?:\s{2,}\.){2,}")
_DASH_PAIR = re.compile(r"[—―–-]{2}")
_PAUSE = re.compile(r"…+\.*|\.{3,}|\.(?: \.){2,}|[—―]{1,2}|--")


def is_pause_line(line: str) -> bool:
    """A line of only `…` (a row of them, trailing full stops and all), `...`, `. . .` or a
    dash `—`: a scene break where FanFiction.net dropped the author's ornament, or a pause in a
    conversation. Not a break by itself: the parser weighs which from the paragraphs around
    it."""
    return _PAUSE.fullmatch(line.strip(_STRIP)) is not None


OPENING_QUOTES = "\"“„«‹「『‘'"


def is_dialogue_pause(before: str, after: str) -> bool:
    """A lone `…` or `—` between two lines of dialogue is somebody saying nothing (or being
    cut off), not a scene break."""
    return before[:1] in OPENING_QUOTES and after[:1] in OPENING_QUOTES


def is_lone_punctuation(line: str) -> bool:
    """Dialogue whose words were lost or never there: `!”`, `…”`, `“—?!”`, `?`."""
    text = line.strip(_STRIP)
    return bool(text) and not any(c.isalnum() for c in text) and not is_break_line(text)


# A short line that opens a scene by saying when or where it happens.
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# A character's age as a scene's time (`**11 Years Old**`, `Harry, age eleven`).
_AGES = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[- ]\w+)?"
)


_setoff = compiled_on_first_use(
    rf"""(?ix)
    (?:\W*)
    (?:
        (?:(?:{_DAYS}),?\s+)?(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{2,4}})?.*
      | \d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?(?:,?\s+\d{{2,4}})?.*
      | (?:{_MONTHS})\s+\d{{4}}.*
      | \d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}.* | \d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}.*
      | (?:{_DAYS})(?:[ ,].*)?
      | \d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?.*
      | (?:[\w'’-]+\s+){{1,3}}(?:hours?|days?|weeks?|months?|years?|minutes?|moments?|
           centur(?:y|ies)|decades?|nights?|mornings?)\s+(?:ago|later|earlier|before|after|prior)\b.*
      | (?:later|earlier|meanwhile|elsewhere|afterwards?|present(?:\s+day)?|now|then|
           flashback|the\s+next\s+(?:day|morning|night|evening|week)|
           that\s+(?:night|morning|evening|afternoon)|the\s+(?:present|past|future)|
           (?:the\s+)?(?:next|following)\s+(?:day|morning|evening|night))\b.*
      | (?:[\w'’.-]+\s+){{0,3}}[\w'’.-]+(?:'s|’s)?\s+(?:pov|p\.o\.v\.?|point\s+of\s+view)
           (?:\s*\([^()\n]{{1,30}}\))?\W*
      | pov\s*[:\-–—]\s*.+
      | (?:location|place|time|date|setting)\s*:\s*.+
      | (?:year|day|week)\s+\d{{1,4}}\b.*
      | (?:.{{0,40}}[,:…–—-]\s*)?(?:\d{{1,3}}|{_AGES})\s+years?\s+old\W*
      | (?:.{{0,40}}[,:…–—-]\s*)?aged?\s+(?:\d{{1,3}}|{_AGES})\W*
    )
    """
)


_TIME_WORDS = compiled_on_first_use(
    rf"(?i)\b(?:\d+(?:st|nd|rd|th)?|{_AGES}|first|second|third|fourth|fifth|sixth|seventh|"
    rf"eighth|ninth|tenth|{_MONTHS}|{_DAYS})\b"
)


_LAPSE = compiled_on_first_use(
    r"(?i)\b(?:(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centur(?:y|ies))\s+"
    r"(?:later|after|before|earlier|ago|old)|aged?\s+\w+)\b"
)


_SLUGLINE = re.compile(r"(?:INT|EXT|INT\.?/EXT|I/E)\.\s+[A-Z0-9][A-Z0-9 .,'’&/()\-–—]*")


def is_slugline(line: str) -> bool:
    """A screenplay's scene heading: `INT. A BEDROOM - NIGHT`."""
    return _SLUGLINE.fullmatch(line) is not None


def time_shape(text: str) -> str | None:
    """A set-off line's shape with its numbers left out (`One Year after the Accident` and
    `Two Years after the Accident` share one), or None when the line is not a set-off line
    counting time gone by or an age. A date or an hour is no such line: a letter's or a
    diary's dateline (`August 13th, 17—`, `7:50`) heads an entry, not a scene."""
    if not is_setoff_line(text) or not _LAPSE().search(text):
        return None
    shape, count = _TIME_WORDS().subn("#", text.strip(_STRIP).casefold())
    # (numbers in a row are one; `Year` and `Years` are one word)
    return re.sub(r"s\b", "", re.sub(r"(#\W*)+", "# ", shape)).strip() if count else None


# A date and nothing else: `MAY 4.`, `JANUARY 8, 1772.`, `_3 May._`, `Tuesday, June 2nd`.
_DATE_ONLY = compiled_on_first_use(
    rf"""(?ix)
    [_*]*
    (?:(?:{_DAYS}),?\s+)?
    (?:
        (?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?
      | \d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})
    )
    (?:,?\s+\d{{4}})?\.?[_*]*
    """
)


def is_date_line(text: str) -> bool:
    """A line that is a date alone, as a letter or a diary entry is headed."""
    return _DATE_ONLY().fullmatch(text.strip()) is not None


def date_only() -> re.Pattern[str]:
    """The pattern of `is_date_line`, for a pass over many lines stripped already."""
    return _DATE_ONLY()


def is_setoff_line(text: str) -> bool:
    """A short line that says when or where a scene happens (`March 6th, 2024`,
    `Six Hours Ago`, `Later that night`, `Harry's POV`, `11 Years Old`): it opens its scene."""
    line = text.strip(_STRIP)
    if not line or len(line) > 70 or any(q in line for q in '"“”«»「」'):
        return False
    if len(line.split()) > 9:
        return False
    return _setoff().fullmatch(line) is not None


# A date run into the first sentence of its entry by a dash: `May 7th.--I love my garden.`,
# `December 27th--It is the fashion`, `_3 May. Bistritz._--Left Munich` is not (a place too).
RUN_IN_DATE = compiled_on_first_use(
    rf"""(?ix)
    ^[_*]*
    (?P<date>
        (?:(?:{_DAYS}),?\s+)?
        (?:
            (?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?
          | \d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})
        )
        (?:,?\s+\d{{4}})?\.?
    )
    [_*]*[ \t]*(?:--|—|–)[ \t]*(?=\S)
    """,
    re.MULTILINE,
)
