"""The marks a sentence ends on, which tell a line of prose from a title, a label or a name."""

from __future__ import annotations

# A sentence's stops, and the ellipsis it may trail off with.
STOPS = (".", "!", "?")
FULL_STOPS = (*STOPS, "…")
# Quotes closing a sentence spoken or cited.
CLOSING_QUOTES = ('"', "”", "’")
# The marks a clause ends on, running on into the next line.
CLAUSE_MARKS = (",", ";", ":")
# Chinese and Japanese stops and closing quotes, set full width.
CJK_STOPS = ("。", "！", "？", "」", "』")
# A line ending on any of these is a sentence, or a piece of one: no title, label or name.
SENTENCE_ENDS = FULL_STOPS + CLOSING_QUOTES + CLAUSE_MARKS + CJK_STOPS
