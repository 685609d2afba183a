"""Replace the prose of a fan-fiction test file with placeholder words, keeping its structure.

Real saved pages and downloads make the best test fixtures, but most fan works are not openly
licensed. This script swaps every word of the prose (story text, summaries, notes) for a
placeholder word of similar length from a fixed list, chosen from a hash of the original word,
so the same word always becomes the same placeholder. Capitalisation, punctuation, quote marks,
numbers, HTML entities, contractions' endings (`don't` -> `cow't`) and all whitespace and line
ends are kept, and so is everything that is structure rather than prose: markup, comments,
scripts and styles, site chrome outside the story text, headings, chapter heading lines, break
lines made of glyphs (`***`, `~~~`, `o~o~YCB~o~o`), label words (`A/N:`, `Disclaimer:`),
point-of-view labels (`BPOV`), metadata lines, YAML front matter, and the phrases given with
``--keep`` (the work's title, the authors' pen names) wherever they appear.

    python tools/replace_prose.py IN OUT [--keep PHRASE ...] [--keep-block TEXT ...]
                                         [--keep-line N ...] [--prose-class NAME ...]
    python tools/replace_prose.py --map TEXT [--keep PHRASE ...] [--keep-block TEXT ...]

IN and OUT are .txt, .md, .html/.htm/.xhtml or .epub files, optionally gzipped (`.gz`; written
with no name and no time, so the output is byte-for-byte reproducible). In HTML, only the text
inside story containers (AO3's `userstuff`, `#chapterText`, `.chapter-content` ... and
``--prose-class``; in `<body>` when a page or book has none) and prose attributes (`<meta>`
descriptions, `data-summary`) is replaced. In an EPUB only the (X)HTML entries are rewritten;
every other entry keeps its bytes, the entry order is kept and `mimetype` stays first and
stored. ``--map`` prints TEXT as the same mapping turns it, to convert truth strings;
`map_text()` does the same when imported.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import io
import re
import sys
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tui.book.rules.notes import may_be_talk, talk_words

# Plain words, none of them a number, a time, a label or a word readers' heuristics look for
# (`chapter`, `later`, `review` ...).
WORD_LIST = """
at be do he if in is it me my no of on or so to up us we
ant bag bee bin box bus cap car cat cow cup dog egg elk fan fig fox gem hat hen ice ink jam jar
jug key kit lid map mop mug net nut oak owl pan pea pen pie pig pot ram rug sea sky tea tin toy
tub van web yak zoo
bark bell boat bowl cake card coin corn desk door drum duck farm fern fish flag frog gate goat
harp hill iron jade kite lake lamp leaf lime lion milk mint moss nest oven park pear pine pond
rain ring road rock rope sail salt sand seed ship shoe silk sock soup star stem swan tent tile
tree vase wall wave wing wolf wool yard
apple beach berry brick bread cabin candy chair chalk cliff cloud coral crane daisy eagle fence
field flute glove grape grass honey horse house jelly koala ladle lemon maple melon ocean olive
otter paper pearl piano plant quilt radio river robin salad scarf sheep shell shore spoon stone
stool table tiger towel train tulip wagon water whale wheat zebra
anchor barrel basket beaver bottle bridge butter cactus candle canvas carpet castle cherry copper
cotton donkey falcon flower forest garden ginger guitar hammer harbor island jacket kettle ladder
lizard marble meadow mitten muffin napkin needle orange oyster paddle parrot pebble pencil pepper
pigeon pillow planet pocket puzzle rabbit ribbon rocket saddle salmon shovel silver spider sponge
statue teapot ticket tomato tunnel turtle valley velvet violin walnut wallet willow window yellow
balcony biscuit blanket cabbage cabinet cartoon chicken compass crystal cupcake diamond dolphin
feather gallery giraffe granite hamster harvest iceberg jasmine kitchen lantern leather leopard
library lobster machine mailbox mustard octopus orchard painter panther peacock pelican penguin
picture pilgrim popcorn printer pumpkin raccoon rooster seaweed shelter soldier sparrow spinach
station student teacher thimble tractor trumpet unicorn village volcano weather whistle
airplane backpack bluebird building cardigan chestnut cucumber dinosaur doorbell elephant
envelope firewood flamingo football hedgehog hospital kangaroo keyboard lavender lemonade
magazine mountain mushroom necklace notebook painting pinecone railroad sandwich scissors
seashell shoelace sidewalk squirrel teaspoon tortoise treasure triangle umbrella vineyard
woodland zucchini
blueberry butterfly carpenter chocolate cranberry crocodile dandelion detective dragonfly
evergreen fireplace furniture harmonica houseboat jellyfish marmalade orchestra pineapple
porcupine raspberry sandpaper saxophone scarecrow snowflake telephone telescope waterfall
xylophone
blackberry buttermilk chandelier cornflower dishwasher floorboard gooseberry grapefruit
kingfisher lighthouse lumberjack motorcycle paintbrush peppermint photograph rhinoceros
skyscraper strawberry sunglasses tablecloth tambourine toothbrush trampoline typewriter
windowsill woodpecker
candlestick caterpillar clothesline countryside gingerbread grasshopper hummingbird marshmallow
pomegranate screwdriver thunderbolt watermelons wheelbarrow
blackberries grandparents kindergarten marshmallows photographer refrigerator strawberries
thunderstorm watercolours
"""
WORDS = WORD_LIST.split()
LONGEST = max(map(len, WORDS))
BY_LENGTH: dict[int, list[str]] = {}
for _word in WORDS:
    BY_LENGTH.setdefault(len(_word), []).append(_word)

# Word endings kept after an apostrophe: `don't`, `she's`, `we'll`, `you're`, `I've`, `I'd`.
SUFFIXES = {"s", "t", "ll", "re", "ve", "d", "m"}
APOSTROPHES = "'’ʼ`"
LETTER_ENTITY = "\x00"  # stands for an entity that is a letter: kept, and not part of a word

WORD = re.compile(r"[^\W\d_]+")
ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# Spans kept inside a prose line: URLs, e-mail addresses, inline tags, Markdown footnote
# markers and reference-link labels.
INLINE_KEEP = re.compile(
    r"https?://[^\s)\]>\"']+|www\.[^\s)\]>\"']+|[\w.+-]+@[\w-]+\.[\w.]+|<[^<>]+>|"
    r"\[\^[^\]]*\]|\]\[[^\]]*\]"
)

NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"last|final"
)
# A chapter heading line: `Chapter 3`, `CHAPTER ONE: Title`, `Part II - Title`, `Prologue`.
HEADING = re.compile(
    r"[\W_]*(?:(?:chapter|chap|ch|part|book|volume|vol|act|section|episode|chapitre|"
    r"capitulo|capítulo|kapitel)\.?\s*(?:\d+[a-z]?|(?-i:[IVXLCDM]+|[ivxlcdm]{1,4})|"
    rf"(?:{NUMBER_WORDS})"
    rf"(?:[\s-](?:{NUMBER_WORDS}))?)|prologue|epilogue|interlude|afterword|foreword|preface|"
    r"introduction|prolog|epilog|prólogo|epílogo)(?:[\W_].*)?",
    re.IGNORECASE,
)
# FanFicFare's chapter lines in its TXT output: a tab, the chapter number and its title.
TOC_LINE = re.compile(r"\t\d+\.\s.*")
BARE_LABEL = re.compile(
    rf"[\W_]*(?:chapter|chap|ch|part|book)\.?\s*(?:\d+|[ivxlcdm]+|{NUMBER_WORDS})[\W_]*",
    re.IGNORECASE,
)
# A point-of-view label: `BPOV`, `Edward POV`, `Harry's POV`, `POV: Draco`.
POV = re.compile(
    r"[\W_]*(?:(?:[\w'’.-]+\s+){0,3}[\w'’.-]+\s+(?:pov|p\.o\.v\.?|point of view)|"
    r"pov\s*[:\-–—]\s*[\w'’. -]{1,40}|(?-i:[A-Z][a-z]{0,2}POV))[\W_]*",
    re.IGNORECASE,
)
# Label words at the start of a line or paragraph: `A/N:`, `Disclaimer:`, `Summary:`.
LABEL = re.compile(
    r"[\W_]*(?:(?:a/n|a\.n\.|t/n|n/a|ndt|ndc)\b|"
    r"(?:an|authors?['’]?s?\s+notes?|author\s+notes?|translator['’]?s?\s+notes?|tl\s+note|"
    r"notes?|ps|p\.s|disclaimer|summary|warnings?|rating|rated|genre|edited|beta(?:['’]?d|ed)?"
    r"(?:\s+by)?|dedication|dedicated\s+to|chapter\s+text|chapter\s+notes|chapter\s+summary|"
    r"chapter\s+end\s+notes|end\s+notes|spoilers?|pairings?|characters?|word\s+count|prompt|"
    r"status|updated?|posted)(?=[\W_]*(?:[:：]|$)))",
    re.IGNORECASE,
)
# Lines kept whole: metadata (FanFicFare's title page, story headers), the title and author
# fields of a story header, download chrome.
META_LINE = re.compile(
    r"[\W_]*(?:category|categories|genres?|language|status|published|updated|completed|"
    r"packaged|rating|rated|chapters|words|publisher|story\s+url|author\s+url|url|source|site|"
    r"fandoms?|relationships?|characters|pairings?|series|collections?|stats|title|"
    r"authors?|pen\s*name|by)\s*[:：].*|end file\.?|.*project gutenberg.*",
    re.IGNORECASE,
)
# The end of a story: `~The End~`, `Fin`, `TBC`.
END_MARK = re.compile(
    r"[\W_]*(?:the\s+end|fin|end|finis|tbc|to\s+be\s+continued(?:\W+in)?)[\W_]*|"
    # a screenplay's scene heading: `INT. A BEDROOM - NIGHT`
    r"(?-i:(?:INT|EXT|INT\.?/EXT|I/E)\.\s+[A-Z0-9][A-Z0-9 .,'’&/()\\\-–—]*)",
    re.IGNORECASE,
)
ORNAMENT = re.compile(r"[^\w\s.,!?;:'\"“”‘’()]")
LINK_DEFINITION = re.compile(r"\s{0,3}\[[^\]^][^\]]*\]:\s*\S+\s*(?:\"[^\"]*\")?\s*")

BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "div",
    "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "head", "header", "hr", "html", "li", "main", "nav", "ol", "option", "p", "pre", "section",
    "select", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
}  # fmt: skip
VOID_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip
CLOSES_P = BLOCK_TAGS - {"br", "option", "select", "title"}
RAW_TAGS = {"script", "style", "textarea"}
KEPT_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "select", "option", "title", "nav"}
PROSE_CLASSES = {
    "userstuff", "chapter-content", "author-note", "story-summary",
    "story-author-notes__text", "storytext", "storytextp", "text-left",
}  # fmt: skip
PROSE_IDS = {"chapterText", "storytext", "honbun", "maegaki", "atogaki"}  # Hameln: text, notes
PROSE_ATTRIBUTES = {"data-summary"}
DESCRIPTIONS = {"description", "og:description", "twitter:description"}

MARKUP = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?.*?\?>|"
    r"</?[A-Za-z][^\s/>]*(?:\"[^\"]*\"|'[^']*'|[^'\">])*>",
    re.DOTALL,
)
TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
ATTRIBUTE = re.compile(r"""([^\s=/>]+)(\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+)""")


def placeholder(word: str) -> str:
    """The placeholder for ``word``: a list word of about its length, with its capitals."""
    if len(word) < 2:
        return word
    lower = word.lower()
    size = min(len(word), LONGEST)
    while size not in BY_LENGTH:
        size -= 1
    choices = BY_LENGTH[size]
    pick = choices[int(hashlib.sha256(lower.encode("utf-8")).hexdigest(), 16) % len(choices)]
    if word.isupper():
        return pick.upper()
    if word[0].isupper():
        return pick.capitalize()
    return pick


def plain_text(text: str) -> str:
    """``text`` compared as a whole: lowercase words only."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def is_glyph_line(text: str) -> bool:
    """A break line made of glyphs: `***`, `~~~`, `xxx`, `o~o~YCB~o~o`, `8*8*8*8`, `-----`."""
    stripped = text.strip()
    if not stripped:
        return False
    runs = WORD.findall(stripped)
    if not runs:
        return True
    if all(set(run.lower()) <= {"x", "o"} for run in runs) and len(stripped) <= 60:
        return True
    ornaments = len(ORNAMENT.findall(stripped))
    return (
        len(stripped) <= 40
        and ornaments >= 2
        and all((run.isupper() and len(run) <= 4) or set(run.lower()) <= {"x", "o"} for run in runs)
    )


def is_heading(text: str) -> bool:
    """A chapter, prologue or part heading line, or a FanFicFare chapter line."""
    stripped = text.strip()
    if not stripped or len(stripped) > 120:
        return False
    return bool(HEADING.fullmatch(stripped) or TOC_LINE.fullmatch(text))


@dataclass
class Rules:
    """What is kept besides markup: phrases anywhere, whole blocks equal to a text, lines."""

    keep: Sequence[str] = ()
    keep_blocks: Sequence[str] = ()
    keep_lines: Iterable[int] = ()
    prose_classes: Iterable[str] = ()
    phrases: re.Pattern[str] | None = field(init=False, default=None)
    blocks: set[str] = field(init=False, default_factory=set)
    lines: set[int] = field(init=False, default_factory=set)
    classes: set[str] = field(init=False, default_factory=set)

    def __post_init__(self) -> None:
        parts = [_phrase_pattern(p) for p in sorted(self.keep, key=len, reverse=True) if p]
        self.phrases = re.compile("|".join(parts), re.IGNORECASE) if parts else None
        self.blocks = {plain_text(b) for b in self.keep_blocks if plain_text(b)}
        self.lines = set(self.keep_lines)
        self.classes = PROSE_CLASSES | set(self.prose_classes)

    def keeps_block(self, text: str) -> bool:
        """Whether a whole line or paragraph stays as it is."""
        stripped = text.strip()
        if not stripped:
            return True
        return (
            is_glyph_line(stripped)
            or is_heading(text)
            or POV.fullmatch(stripped) is not None
            or END_MARK.fullmatch(stripped) is not None
            or stripped.startswith("// ")  # Fimfiction's text download banner
            or plain_text(stripped) in self.blocks
        )


def _phrase_pattern(phrase: str) -> str:
    """A phrase in visible text: any run of spaces for a space, either apostrophe."""
    out = []
    for char in phrase:
        if char.isspace():
            out.append(r"\s+")
        elif char in APOSTROPHES:
            out.append(f"[{APOSTROPHES}]")
        else:
            out.append(re.escape(char))
    return r"(?<!\w)" + "".join(out).replace(r"\s+\s+", r"\s+") + r"(?!\w)"


@dataclass
class Atom:
    """One character of a block's visible text, or one entity, and the piece it belongs to."""

    piece: int
    raw: str
    char: str


def _atoms(pieces: Sequence[str], entities: bool) -> list[Atom]:
    atoms = []
    for index, piece in enumerate(pieces):
        pos = 0
        while pos < len(piece):
            match = ENTITY.match(piece, pos) if entities and piece[pos] == "&" else None
            if match:
                char = html.unescape(match.group())
                char = LETTER_ENTITY if WORD.fullmatch(char) else char[:1] or " "
                atoms.append(Atom(index, match.group(), char))
                pos = match.end()
            else:
                atoms.append(Atom(index, piece[pos], piece[pos]))
                pos += 1
    return atoms


def replace_block(pieces: Sequence[str], rules: Rules, entities: bool = False) -> list[str]:
    """Replace the prose words of one line or paragraph, given as the text pieces between its
    inline tags; a word split by a tag is replaced as one word, its letters shared out."""
    atoms = _atoms(pieces, entities)
    text = "".join(a.char for a in atoms)
    visible = "".join(html.unescape(a.raw) if a.char == LETTER_ENTITY else a.char for a in atoms)
    if len(visible) != len(text):  # an entity for more than one letter: match on the codes
        visible = text
    if rules.keeps_block(visible):
        return list(pieces)
    protected = [False] * len(atoms)
    label = LABEL.match(visible)
    if label:
        protected[: label.end()] = [True] * label.end()
    spans = [INLINE_KEEP]
    if may_be_talk(visible.strip()):
        # The words an author talks to readers with are kept, so that a reader of the file
        # still tells the author's note from the story.
        spans.append(talk_words())
    if rules.phrases is not None:
        spans.append(rules.phrases)
    for pattern in spans:
        for match in pattern.finditer(visible):
            protected[match.start() : match.end()] = [True] * (match.end() - match.start())
    out = [a.raw for a in atoms]
    for match in WORD.finditer(text):
        start, end = match.span()
        if any(protected[start:end]):
            continue
        word = match.group()
        before = text[start - 1] if start else ""
        # `3rd`, `4pm`, `1980s`; a word of CJK runs to the next punctuation (`9時の五分前…`),
        # so after a digit only a Latin word is kept.
        if before.isdigit() and word.isascii():
            continue
        if (
            word.lower() in SUFFIXES
            and before in APOSTROPHES
            and start >= 2
            and (text[start - 2].isalpha() or text[start - 2] == LETTER_ENTITY)
        ):
            continue
        # a word split by inline tags: each piece keeps its share, the last one the rest
        new = placeholder(word)
        groups: list[list[int]] = []
        for spot in range(start, end):
            if groups and atoms[groups[-1][-1]].piece == atoms[spot].piece:
                groups[-1].append(spot)
            else:
                groups.append([spot])
        for n, group in enumerate(groups):
            share = new if n == len(groups) - 1 else new[: len(group)]
            new = new[len(share) :]
            out[group[0]] = share
            for spot in group[1:]:
                out[spot] = ""
    result = [""] * len(pieces)
    for atom, raw in zip(atoms, out, strict=True):
        result[atom.piece] += raw
    return result


def map_text(text: str, keep: Sequence[str] = (), keep_blocks: Sequence[str] = ()) -> str:
    """``text`` as the replacement turns it (for truth strings: first words, titles)."""
    return replace_block([text], Rules(keep=keep, keep_blocks=keep_blocks))[0]


# Plain text and Markdown


def _split_lines(text: str) -> list[tuple[str, str]]:
    parts = re.split(r"(\r\n|\n|\r)", text)
    parts.append("")
    return [(parts[i], parts[i + 1]) for i in range(0, len(parts) - 1, 2)]


def replace_text(text: str, rules: Rules, markdown: bool = False) -> str:
    """Replace the prose lines of a plain-text or Markdown book."""
    lines = _split_lines(text)
    out = []
    front_end = -1
    if markdown and lines and lines[0][0].strip() == "---":
        front_end = next(
            (i for i in range(1, len(lines)) if lines[i][0].strip() in {"---", "..."}), -1
        )
    previous = ""
    for index, (line, end) in enumerate(lines):
        number = index + 1
        stripped = line.strip()
        keep = (
            index <= front_end
            or number in rules.lines
            or META_LINE.fullmatch(stripped) is not None
            or (markdown and (stripped.startswith(("#", "<", ":::")) or _is_definition(line)))
            or (BARE_LABEL.fullmatch(previous) is not None and 0 < len(stripped) <= 80)
            or (rules.phrases is not None and _only_kept(stripped, rules))
        )
        out.append((line if keep else replace_block([line], rules)[0]) + end)
        previous = line.strip()
    return "".join(out)


def _is_definition(line: str) -> bool:
    return LINK_DEFINITION.fullmatch(line) is not None


def _only_kept(text: str, rules: Rules) -> bool:
    """A line that is only kept phrases and `by` (`Blueberry Pie`, `by Elizabeth Blossom`)."""
    assert rules.phrases is not None
    rest = re.sub(r"\bby\b", " ", rules.phrases.sub(" ", text), flags=re.IGNORECASE)
    return bool(text) and not WORD.search(rest)


# HTML and XHTML


@dataclass
class _Text:
    raw: str
    block: int
    prose: bool


def _attributes(tag: str) -> dict[str, str]:
    return {
        m.group(1).lower(): m.group(3).strip("\"'")
        for m in ATTRIBUTE.finditer(tag[len(tag.split(None, 1)[0]) :])
    }


def _replace_attribute(tag: str, names: set[str], rules: Rules) -> str:
    def swap(match: re.Match[str]) -> str:
        if match.group(1).lower() not in names:
            return match.group()
        value = match.group(3)
        quote = value[0] if value[:1] in "\"'" else ""
        inner = value[1:-1] if quote else value
        new = replace_block([inner], rules, entities=True)[0]
        return f"{match.group(1)}{match.group(2)}{quote}{new}{quote}"

    head = re.match(r"<[^\s>]+", tag)
    end = head.end() if head else 0
    return tag[:end] + ATTRIBUTE.sub(swap, tag[end:])


def replace_html(source: str, rules: Rules) -> str:
    """Replace the prose text of an (X)HTML page: text inside story containers (or, on a page
    without any, inside its body), outside headings, scripts and menus, and the description
    attributes."""
    text, found = _rewrite_html(source, rules, whole_body=False)
    return text if found else _rewrite_html(source, rules, whole_body=True)[0]


def _rewrite_html(source: str, rules: Rules, whole_body: bool) -> tuple[str, bool]:
    """The page with its prose replaced, and whether it has a story container."""
    items: list[str | _Text] = []
    found = False
    stack: list[tuple[str, bool, bool]] = []  # tag, opens prose, keeps its text
    block = 0
    pos = 0
    raw_end: re.Pattern[str] | None = None
    while pos < len(source):
        if raw_end is not None:
            match = raw_end.search(source, pos)
            stop = match.start() if match else len(source)
            items.append(source[pos:stop])
            pos = stop
            raw_end = None
            continue
        match = MARKUP.search(source, pos)
        stop = match.start() if match else len(source)
        if stop > pos:
            prose = any(p for _, p, _ in stack) and not any(k for _, _, k in stack)
            items.append(_Text(source[pos:stop], block, prose))
        if not match:
            break
        tag = match.group()
        pos = match.end()
        name_match = TAG_NAME.match(tag)
        if not name_match:
            items.append(tag)
            continue
        name = name_match.group(1).lower()
        if name in BLOCK_TAGS:
            block += 1
        if tag.startswith("</"):
            if any(n == name for n, _, _ in stack):
                while stack and stack.pop()[0] != name:
                    pass
            items.append(tag)
            continue
        attrs = _attributes(tag)
        if name == "meta" and (attrs.get("name") or attrs.get("property", "")) in DESCRIPTIONS:
            tag = _replace_attribute(tag, {"content"}, rules)
        elif PROSE_ATTRIBUTES & set(attrs):
            tag = _replace_attribute(tag, PROSE_ATTRIBUTES, rules)
        items.append(tag)
        if name in RAW_TAGS and not tag.endswith("/>"):
            raw_end = re.compile(rf"</{name}\s*>", re.IGNORECASE)
        if name in VOID_TAGS or tag.endswith("/>"):
            continue
        if name in CLOSES_P and stack and stack[-1][0] == "p":
            stack.pop()
        classes = {c.rstrip("0123456789") for c in attrs.get("class", "").split()}
        opens = bool(classes & rules.classes or attrs.get("id") in PROSE_IDS)
        opens = opens and attrs.get("id") != "chapters"  # AO3: the chapters hold userstuff
        found = found or opens
        opens = opens or (whole_body and name == "body")
        stack.append((name, opens, name in KEPT_TAGS or name in RAW_TAGS))
    return _replace_blocks(items, rules), found


def _replace_blocks(items: list[str | _Text], rules: Rules) -> str:
    groups: dict[int, list[int]] = {}
    for index, item in enumerate(items):
        if isinstance(item, _Text) and item.prose:
            groups.setdefault(item.block, []).append(index)
    out = [item if isinstance(item, str) else item.raw for item in items]
    for indexes in groups.values():
        new = replace_block([out[i] for i in indexes], rules, entities=True)
        for i, text in zip(indexes, new, strict=True):
            out[i] = text
    return "".join(out)


# Files


def _decode(data: bytes) -> tuple[str, str]:
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def replace_epub(data: bytes, rules: Rules) -> bytes:
    """Rewrite the (X)HTML entries of an EPUB; keep every other entry, the order and
    `mimetype` first and stored."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    pages = {
        info.filename: content.decode("utf-8", "surrogateescape")
        for info, content in entries
        if re.search(r"\.x?html?$", info.filename, re.IGNORECASE)
    }
    done = {name: _rewrite_html(text, rules, whole_body=False) for name, text in pages.items()}
    if not any(found for _, found in done.values()):  # no story containers: the bodies
        done = {name: _rewrite_html(text, rules, whole_body=True) for name, text in pages.items()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info, content in entries:
            if info.filename in done:
                content = done[info.filename][0].encode("utf-8", "surrogateescape")
            target.writestr(info, content, compress_type=info.compress_type)
    return out.getvalue()


def replace_file(data: bytes, suffix: str, rules: Rules) -> bytes:
    """The replaced copy of a file's bytes; ``suffix`` says what it is (`.md`, `.epub` ...)."""
    if suffix == ".epub":
        return replace_epub(data, rules)
    if suffix in {".html", ".htm", ".xhtml"}:
        text = data.decode("utf-8", "surrogateescape")
        return replace_html(text, rules).encode("utf-8", "surrogateescape")
    text, encoding = _decode(data)
    markdown = suffix in {".md", ".markdown"}
    return replace_text(text, rules, markdown=markdown).encode(encoding)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", type=Path, help="file to read")
    parser.add_argument("output", nargs="?", type=Path, help="file to write")
    parser.add_argument("--keep", action="append", default=[], help="phrase kept anywhere")
    parser.add_argument(
        "--keep-block", action="append", default=[], help="line or paragraph kept when equal"
    )
    parser.add_argument("--keep-line", action="append", type=int, default=[], help="text line")
    parser.add_argument("--prose-class", action="append", default=[], help="HTML story class")
    parser.add_argument("--map", action="append", default=[], help="print TEXT as replaced")
    args = parser.parse_args(argv)
    rules = Rules(args.keep, args.keep_block, args.keep_line, args.prose_class)
    for text in args.map:
        print(replace_block([text], rules)[0])
    if args.map and not args.input:
        return 0
    if not args.input or not args.output:
        parser.error("give IN and OUT, or --map TEXT")
    data = args.input.read_bytes()
    name = args.input.name
    if name.endswith(".gz"):
        data, name = gzip.decompress(data), name[:-3]
    result = replace_file(data, Path(name).suffix.lower(), rules)
    if args.output.name.endswith(".gz"):
        result = gzip.compress(result, compresslevel=9, mtime=0)
    args.output.write_bytes(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
