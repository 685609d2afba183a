"""Style sheets, read for two things only: paragraph classes whose whole style is a blank line's
space above them (`.p2 { margin-top: 2em }`), a scene break drawn by the margin alone, and
classes the page hides (`display: none`), which are not the text."""

from __future__ import annotations

import re

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
