"""Style sheets, read for breaks drawn by margins, hidden classes and paragraph spacing.

Style sheets are read for three things only: paragraph classes whose whole style is a blank
line's space above them (`.p2 { margin-top: 2em }`), a scene break drawn by the margin alone;
classes the page hides (`display: none`), which are not the text; and the indent and spacing
each class gives a paragraph (`paragraph_boxes`), for rules weighed over the whole book.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

COMMENT = re.compile(r"/\*.*?\*/|<!\[CDATA\[|\]\]>|<!--|-->", re.S)
RULE = re.compile(r"([^{}@;]+)\{([^{}]*)\}")
CLASS_SELECTOR = re.compile(r"(?:p)?\.([\w-]+)", re.I)  # `.p2`, `p.p2`: nothing more specific
LENGTH = re.compile(r"(\d*\.?\d+)(em|rem|ex|px|pt)?")
EMS_PER_UNIT = {"em": 1.0, "rem": 1.0, "ex": 0.5, "px": 1 / 16, "pt": 1 / 12}
# What a class may set and still be only spacing (its indent aside).
SPACING = frozenset(
    (
        "margin-top",
        "margin-bottom",
        "padding-top",
        "padding-bottom",
        "margin",
        "padding",
        "text-indent",
    )
)
BLANK_LINE_EMS = 1.5  # a top margin this deep reads as a blank line above the paragraph


def spaced_classes(css: str) -> frozenset[str]:
    """The classes (lower case) that give a paragraph nothing but a blank line's space above it,
    more than below it, and no indent from the sides: a scene's opening, not an inset such as
    a letter or verse (those are set in from the margins, or spaced above and below alike)."""
    styles: dict[str, dict[str, str]] = {}
    for selectors, body in RULE.findall(COMMENT.sub("", css)):
        declarations = _declarations(body)
        for selector in selectors.split(","):
            match = CLASS_SELECTOR.fullmatch(selector.strip())
            if match is not None:
                styles.setdefault(match.group(1).lower(), {}).update(declarations)
    found = set()
    for name, style in styles.items():
        if not style or not set(style) <= SPACING:
            continue
        edges = _edges(style)
        if edges is None:
            continue
        top, bottom, sides = edges
        if top >= BLANK_LINE_EMS and bottom < top and sides == 0:
            found.add(name)
    return frozenset(found)


def hidden_classes(css: str) -> frozenset[str]:
    """The classes (lower case) a page's own style sheet hides outright (`.cmUy…{display:
    none}`): a site's injected line (Royal Road's hidden anti-piracy notice), no reader sees it."""
    found = set()
    for selectors, body in RULE.findall(COMMENT.sub("", css)):
        if _declarations(body).get("display") != "none":
            continue
        for selector in selectors.split(","):
            match = CLASS_SELECTOR.fullmatch(selector.strip())
            if match is not None:
                found.add(match.group(1).lower())
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class Box:
    """How a paragraph's classes set it, in ems: its first line's indent, the space above and
    below it, its indent from the sides, and its alignment (`left`, `center`, …; "" unset)."""

    indent: float
    top: float
    bottom: float
    sides: float
    align: str


# What a class declares about a paragraph's box, in the order its rules come.
ClassStyles = dict[str, dict[str, str]]
BOX_PROPERTIES = frozenset(("text-indent", "text-align", *SPACING))


def class_styles(css: str) -> ClassStyles:
    """For each class (lower case) a selector names alone (`.x`, `p.x`), what it declares about
    a paragraph's indent, spacing and alignment, the later rules over the earlier, with margin
    and padding shorthands written out (`margin: 12pt 0` is a top, right, bottom and left)."""
    styles: ClassStyles = {}
    for selectors, body in RULE.findall(COMMENT.sub("", css)):
        declarations = _longhands(_declarations(body))
        if not declarations:
            continue
        for selector in selectors.split(","):
            match = CLASS_SELECTOR.fullmatch(selector.strip())
            if match is not None:
                styles.setdefault(match.group(1).lower(), {}).update(declarations)
    return styles


def paragraph_box(marks: str, styles: ClassStyles) -> Box | None:
    """The box the classes among ``marks`` give a paragraph, in the order the style sheets
    declare them; None when none of its classes is styled, or a length cannot be read."""
    merged: dict[str, str] = {}
    for mark in marks.split():
        declared = styles.get(mark)
        if declared is not None:
            merged.update(declared)
    if not merged:
        return None
    lengths = []
    for name in ("text-indent", "margin-top", "padding-top", "margin-bottom", "padding-bottom"):
        lengths.append(_ems(merged.get(name, "0")))
    sides = [_ems(merged.get(f"{box}-{side}", "0")) for box in BOX_SIDES for side in SIDES]
    if None in lengths or None in sides:
        return None
    indent, top, top_pad, bottom, bottom_pad = (v or 0.0 for v in lengths)
    return Box(
        indent,
        top + top_pad,
        bottom + bottom_pad,
        sum(v or 0.0 for v in sides),
        merged.get("text-align", ""),
    )


BOX_SIDES = ("margin", "padding")
SIDES = ("left", "right")
EDGES = ("top", "right", "bottom", "left")


def _longhands(declarations: dict[str, str]) -> dict[str, str]:
    """The box properties of ``declarations``, shorthands written out as their four edges."""
    out: dict[str, str] = {}
    for name, value in declarations.items():
        if name in BOX_SIDES:
            values = value.split()
            if not 1 <= len(values) <= 4:
                continue
            top = values[0]
            right = values[1] if len(values) > 1 else top
            bottom = values[2] if len(values) > 2 else top
            left = values[3] if len(values) > 3 else right
            for edge, edge_value in zip(EDGES, (top, right, bottom, left), strict=True):
                out[f"{name}-{edge}"] = edge_value
        elif name in BOX_PROPERTIES or name.startswith(BOX_SIDES):
            out[name] = value
    return out


def _declarations(body: str) -> dict[str, str]:
    out = {}
    for part in body.split(";"):
        name, colon, value = part.partition(":")
        if colon:
            out[name.strip().lower()] = value.replace("!important", "").strip().lower()
    return out


def _edges(style: dict[str, str]) -> tuple[float, float, float] | None:
    """(space above, space below, space at the sides) in ems, margins and padding together;
    None when a length cannot be read (a percentage of the page's width, `auto`)."""
    top = bottom = sides = 0.0
    for box in ("margin", "padding"):
        if box in style:
            values = [_ems(v) for v in style[box].split()]
            if not values or len(values) > 4 or None in values:
                return None
            lengths = [v or 0.0 for v in values]
            t = lengths[0]
            r = lengths[1] if len(lengths) > 1 else t
            b = lengths[2] if len(lengths) > 2 else t
            left = lengths[3] if len(lengths) > 3 else r
            top, bottom, sides = top + t, bottom + b, sides + r + left
        for edge in ("top", "bottom"):
            value = style.get(f"{box}-{edge}")
            if value is None:
                continue
            ems = _ems(value)
            if ems is None:
                return None
            if edge == "top":
                top += ems
            else:
                bottom += ems
    return top, bottom, sides


def _ems(value: str) -> float | None:
    if value in ("0", "0.0"):
        return 0.0
    match = LENGTH.fullmatch(value.strip())
    if match is None or match.group(2) is None:
        return None
    return float(match.group(1)) * EMS_PER_UNIT[match.group(2)]
