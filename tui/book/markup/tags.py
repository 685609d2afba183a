"""Markup helpers for the EPUB and HTML readers: tag tables, attributes, decoding, cleaning."""

from __future__ import annotations

import codecs
import posixpath
import re
from urllib.parse import unquote

from tui.book.accents import composed, composed_decoded
from tui.book.loader import decode_bytes, neutralise
from tui.book.model import BookError
from tui.book.mojibake import repaired
from tui.book.rules.cjk_lines import collapse_spaces
from tui.book.rules.patterns import word_set

# Elements that start and end a paragraph.
BLOCK_TAGS = word_set(
    "p div h1 h2 h3 h4 h5 h6 li dt dd blockquote pre section article header footer aside "
    "nav main figure figcaption center address table tr ul ol dl body html caption hgroup "
    "details summary form fieldset legend"
)
# Elements with no end tag.
VOID_TAGS = word_set("br hr img meta link input col area base wbr source embed param track keygen")
# Elements whose text is not book text: ruby readings, form widgets, embedded objects.
SKIP_TAGS = word_set(
    "rt rp select option button textarea iframe object audio video canvas map math title desc"
)
# Elements in <head> that do not end it.
HEAD_TAGS = word_set("meta link title style script base noscript")
# Inside these a single <br> is a line break; elsewhere it ends the paragraph.
LINE_BREAK_OWNERS = word_set(
    "p h1 h2 h3 h4 h5 h6 li dt dd td th pre figcaption caption center address"
)
HEADING_TAGS = word_set("h1 h2 h3 h4 h5 h6")
# A block set in fixed-width type as typed (`div.pgmonospaced`, `div.preformatted`): its spaces
# and its lines are kept, as a `<pre>`'s are.
PREFORMATTED_MARKS = re.compile(r"(?:^|[\s_-])(?:pg)?mono(?:spaced?)?(?:$|[\s_-])|preformat")


_P = frozenset(("p",))
_HEADINGS = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6"))
# Block elements whose start ends an open paragraph of the given kinds (HTML's implied ends).
IMPLICIT_CLOSE = {
    **dict.fromkeys(word_set("div blockquote dl ol ul table pre section article aside nav"), _P),
    **dict.fromkeys(word_set("header footer main figure address center fieldset form"), _P),
    "p": _HEADINGS,
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), _HEADINGS),
    "li": frozenset(("p", "li")),
    "dt": frozenset(("p", "dt", "dd")),
    "dd": frozenset(("p", "dd")),
    "tr": frozenset(("tr",)),
}
ITALIC_TAGS = frozenset(("i", "em", "cite", "var", "dfn"))
BOLD_TAGS = frozenset(("b", "strong"))


# One token of markup: a comment, CDATA, a declaration or processing instruction, a tag, text,
# or a lone `<` that starts no tag (kept as text). An unclosed comment runs to the end, as in
# browsers. The attribute pattern knows quotes, so `alt="a > b"` does not end the tag.
TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<!\[CDATA\[(?P<cdata>.*?)(?:\]\]>|\Z)"
    r"|<[!?][^>]*>?"
    # Quotes delimit only a value after `=`, as in browsers: a stray `;'` in a tag is text.
    r"|<(?P<end>/)?(?P<tag>[A-Za-z][^\s/>]*)"
    r"(?P<attrs>(?:[^>=]|=\s*(?:\"[^\"]*\"|'[^']*'|(?=[^\"'])))*)>"
    r"|(?P<text>[^<]+)"
    r"|<",
    re.S,
)
# TOKEN's last group (match.lastindex) for CDATA, a tag (its attributes group), text
TOKEN_CDATA, TOKEN_TAG, TOKEN_TEXT = 1, 4, 5
LOWER_TAGS = {t: t for t in word_set("p div span i b em strong a br hr img h1 h2 h3 h4 li td tr")}
# Elements whose content is code or fallback markup, removed before tokenizing.
RAW_TEXT = re.compile(r"<(script|style|template|noscript)\b.*?(?:</\1\s*>|\Z)", re.S | re.I)
RAW_TEXT_START = re.compile(r"<(?:script|style|template|noscript)\b", re.I)
# Class names of elements that stand for a scene break (drawn by the book's style sheet).
BREAK_CLASS = re.compile(
    r"scene-?break|section-?break|space-?break|separator|divider|dinkus|asterism|"
    r"transition|(?:^|\s|(?<!page)[_-])(?:break|sep|hr)(?:$|[\s_-])",
    re.I,
)
# Class names and epub:types of elements that hold verse (`div.poem`, `div.stanza`,
# `div.linegroup`, `extract-verse`, `z3998:poem`): a `<p>` in one is a line of a stanza, not a
# paragraph.
VERSE_CLASS = re.compile(r"(?:^|[\s:_-])(?:verse|poem|poetry|stanza|line-?group)(?:$|[\s_-])")
# Marks of a line of verse that set it no differently from the others of its stanza: a class
# that only sets it in (`i2`, `indent1`), its id (`#ln20`, named for a link to it).
LINE_ONLY_MARKS = re.compile(r"\b(?:i|ind|indent)\d*\b|(?:^|(?<=\s))#\S*")
# A line of verse's number, set in the margin (`<span class="lnum">20</span>` every tenth line).
LINE_NUMBER_CLASS = re.compile(r"(?:^|\s)(?:lnum|linenum|lineno|line-?num(?:ber)?)(?:$|\s)")
PRE_BLANK = re.compile(r"\n[ \t\r\f\v\xa0]*\n\s*")


ATTRIBUTE = re.compile(r"""([^\s=/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
ITALIC_CLASS = re.compile(r"(?:^|[\s_-])(?:italic|italics|ital|em|emph|emphasis|i)(?:$|[\s_-])")
BOLD_CLASS = re.compile(r"(?:^|[\s_-])(?:bold|strong|b)(?:$|[\s_-])")
ITALIC_STYLE = re.compile(r"font-style\s*:\s*(?:italic|oblique)", re.I)
BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)
XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)

_attr_cache: dict[str, dict[str, str]] = {}


def parse_attrs(text: str) -> dict[str, str]:
    """Attributes of a tag (names lower case, entities in values decoded); cached because real
    books repeat the same few attribute strings on every paragraph."""
    found = _attr_cache.get(text)
    if found is None:
        found = {}
        for match in ATTRIBUTE.finditer(text):
            name = match.group(1).lower()
            value = match.group(2)
            if value is None:
                value = match.group(3)
                if value is None:
                    value = match.group(4) or ""
            if "&" in value:
                value = _unescape(value)
            found.setdefault(name, value)
        if len(_attr_cache) > 20000:
            _attr_cache.clear()
        _attr_cache[text] = found
    return found


class Attrs:
    """A tag's attributes with what the converter needs from them worked out once."""

    __slots__ = ("bold", "centred", "italic", "marks", "values")

    def __init__(self, values: dict[str, str]) -> None:
        self.values = values
        self.marks = marks_of(values)
        self.centred = is_centred(values)
        if "class" in values or "style" in values:
            self.italic, self.bold = style_flags(values)
        else:
            self.italic = self.bold = False


_tag_cache: dict[str, Attrs] = {}


def tag_attrs(text: str) -> Attrs:
    """:class:`Attrs` of an attribute string (cached: books repeat the same few)."""
    found = _tag_cache.get(text)
    if found is None:
        found = Attrs(parse_attrs(text))
        if len(_tag_cache) > 20000:
            _tag_cache.clear()
        _tag_cache[text] = found
    return found


_CENTRED_STYLE = re.compile(r"text-align\s*:\s*center", re.I)


def is_centred(attrs: dict[str, str]) -> bool:
    """The element is centred by its own `align` or `style` attribute."""
    if attrs.get("align", "").strip().lower() == "center":
        return True
    style = attrs.get("style", "")
    return _CENTRED_STYLE.search(style) is not None if style else False


def marks_of(attrs: dict[str, str]) -> str:
    """`#id class1 class2 epubtype` in lower case, for finding structure by name."""
    out = []
    ident = attrs.get("id")
    if ident:
        out.append("#" + ident.lower())
    for key in ("class", "epub:type", "role"):
        value = attrs.get(key)
        if value:
            out.append(value.lower())
    return " ".join(out)


# An entity left standing in text decoded once: the page escaped it twice (`&amp;amp;`).
_ESCAPED_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")


def unescaped_again(text: str) -> str:
    """A title's ``text`` with each entity it plainly still holds decoded (`Magic Shows &amp;
    Miniskirts` reads `Magic Shows & Miniskirts`: AO3 escapes its chapter titles twice), the
    rest as it is."""
    if "&" not in text:
        return text
    return _ESCAPED_ENTITY.sub(lambda entity: _unescape(entity.group()), text)


def _unescape(value: str) -> str:
    import html

    return neutralise(html.unescape(value))


def style_flags(attrs: dict[str, str]) -> tuple[bool, bool]:
    """(italic, bold) from class names such as `italic` or a `font-style` in a style attribute."""
    cls = attrs.get("class", "").lower()
    style = attrs.get("style", "")
    italic = bool(cls and ITALIC_CLASS.search(cls)) or bool(style and ITALIC_STYLE.search(style))
    bold = bool(cls and BOLD_CLASS.search(cls)) or bool(style and BOLD_STYLE.search(style))
    return italic, bold


# Words in the file names of scene-break ornament images (`orn01.png`, `scene-break.gif`).
ORNAMENT_WORDS = word_set(
    "orn ornament ornaments separator sep divider dinkus flourish fleuron asterism scenebreak "
    "break deco decoration swirl squiggle spacer line hr rule border star stars flower"
)
ORNAMENT_PREFIXES = (
    "ornament",
    "separat",
    "divider",
    "flourish",
    "fleuron",
    "scenebreak",
    "dinkus",
)
ORNAMENT_CLASS = re.compile(r"orn|separat|divider|dinkus|scene-?break|asterism|flourish", re.I)


def ornament_hint(src: str, marks: str) -> bool:
    """True when an image's file name, or the classes of the paragraph holding only it, name a
    scene-break ornament. Name words are matched whole: `line.png`, not `timeline.png`."""
    stem = posixpath.basename(unquote(src)).rsplit(".", 1)[0].lower()
    for word in re.split(r"[^a-z]+", stem):
        if word in ORNAMENT_WORDS or word.startswith(ORNAMENT_PREFIXES):
            return True
    return bool(marks) and ORNAMENT_CLASS.search(marks) is not None


def decode_markup(data: bytes, *, refuse_binary: bool = False) -> tuple[str, str | None]:
    """Decode an XHTML/HTML file: a BOM, else the XML declaration or <meta charset>, else UTF-8,
    else the encoding detected by the text loader. Returns (neutralised text with its accents
    composed, notice or None). Raises BookError only with ``refuse_binary``, for data that is
    not text at all."""
    text, notice, encoding = _decoded_markup(data, refuse_binary)
    return composed_decoded(_clean(text), data, encoding), notice


def _decoded_markup(data: bytes, refuse_binary: bool) -> tuple[str, str | None, str]:
    """(text, notice or None, the encoding it was read in) for `decode_markup`."""
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), None, name
    head = data[:2048]
    match = XML_ENCODING.match(head) or META_CHARSET.search(head)
    declared = _codec(match.group(1).decode("ascii", "replace")) if match else None
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        return data.decode(declared, errors="replace"), None, declared
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        mended = repaired(text)
        if mended is None:
            return text, None, "utf-8"
        # (a repaired accent was two characters in the bytes: it is looked for in the text)
        return composed(mended), "UTF-8 read as Latin-1 and saved again: repaired", "utf-8"
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    wide = len(text) - len(text.encode("ascii", errors="ignore")) - text.count("\ufffd")
    if wide >= bad:
        # UTF-8 with a few broken bytes (a cut or a stray byte): the damage stays local.
        return text, f"{bad} invalid UTF-8 byte(s) replaced with �", "utf-8"
    try:
        text, encoding, notices = decode_bytes(data)
    except BookError:
        if refuse_binary:
            raise
        return data.decode("cp1252", errors="replace"), "not UTF-8: read as cp1252", "cp1252"
    note = "; ".join(notices) if notices else f"not UTF-8: read as {encoding}"
    return text, note, encoding


def _clean(text: str) -> str:
    """Decoded markup made safe: carriage returns are line ends (whitespace to HTML, not
    characters to show), every other control character is made visible."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return neutralise(text)


def _codec(name: str) -> str | None:
    try:
        found = codecs.lookup(name).name
    except LookupError:
        return None
    if found in ("iso8859-1", "ascii", "latin-1"):
        return "cp1252"  # what browsers do: the labels mean Windows-1252 in practice
    return found


def clean_line(text: str) -> str:
    """Whitespace collapsed to single spaces, a line break in Chinese or Japanese to none."""
    return " ".join(collapse_spaces(text).split())
