"""A style sheet left in a text file by a download turned into text (AO3's `p.message{…}`)."""

from __future__ import annotations

import re

# One rule: a selector of up to four parts (`p.message`, `.meta dl.tags`, `@page`), none ending
# in a full stop as a sentence does, then its declarations in braces, each `property:value`
# (`{text-align:center}`).
_PART = r"[\w.#*@>+~,:\[\]=-](?:[\w.#*@>+~,:\[\]=-]*[\w#*>+~,:\[\]=-])?"
_RULE = re.compile(
    rf"\s*{_PART}(?:\s+{_PART}){{0,3}}\s*\{{\s*[\w-]+\s*:[^{{}};]*(?:;\s*[\w-]+\s*:[^{{}};]*)*;?\s*\}}"
)
MIN_RULES = 2  # a single `a{b:c}` may be a joke or a code sample in a story


def is_style_sheet(text: str) -> bool:
    """Whether ``text`` (a paragraph) is nothing but rules of a style sheet."""
    if "{" not in text or ":" not in text:
        return False
    at = rules = 0
    while at < len(text):
        match = _RULE.match(text, at)
        if match is None:
            return not text[at:].strip() and rules >= MIN_RULES
        rules += 1
        at = match.end()
    return rules >= MIN_RULES
