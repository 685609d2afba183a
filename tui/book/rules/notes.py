"""Telling an author's notes from the story: where an `A/N:` or `Notes` block ends."""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.book.rules.patterns import compiled_on_first_use

# Words authors use when they talk to readers and storytellers rarely use inside a scene.
_talk = compiled_on_first_use(
    r"\b(?:fics?|fanfics?|fanfiction|chapters?|reviews?|reviewers?|reviewing|guests?|readers?|"
    r"updates?|updated|updating|beta(?:'?d|ed| reader)?|prompts?|kudos|comments?|canon|"
    r"oc|ocs|au|pov|disclaimer|own (?:nothing|anything)|thanks|thank you|enjoy|hope you|"
    r"heads up|warnings?|tw|cw|content note|lol|sorry (?:for|about)|next time|stay tuned|"
    r"follows?|favou?rites?|inspired by|written for|title (?:is )?from|patreon|discord|"
    r"ko-?fi|shout ?outs?|this (?:story|fic|one|chapter|work|series)|on with (?:the|it)|"
    r"let me know|my (?:beta|first|last) (?:fic|story)|posting|posted|wattpad|tumblr|ao3)\b|"
    r"[:;]-?[)(DPp]|\bxD\b|<3|!!",
    re.IGNORECASE,
)


_DIALOGUE = re.compile(r"[\"“”«»「」]")
MAX_TALK_CHARS = 700


def talk_words() -> re.Pattern[str]:
    """The words and faces with which authors talk to readers (`reviews`, `Thanks`, `:)`)."""
    return _talk()


def may_be_talk(text: str) -> bool:
    """Short enough, and no dialogue in it: a paragraph that could be the author talking."""
    return bool(text) and len(text) <= MAX_TALK_CHARS and _DIALOGUE.search(text) is None


def looks_like_author_talk(text: str) -> bool:
    """A paragraph in which the author talks to readers (`Thanks for the reviews!`, `CW for
    ...`, `Title from a song`), not a paragraph of the story."""
    text = text.strip()
    if not may_be_talk(text):
        return False
    if "_" in text or "*" in text:
        text = text.replace("*", "").replace("_", " ")  # `**_Disclaimer:_**`, set in bold
    return _talk().search(text) is not None


def note_end(paragraph: Callable[[int], str], start: int, stop: int, most: int) -> int:
    """One past the last paragraph of a note whose first paragraph is ``start``.

    The first paragraph always belongs to the note; later ones do while the author is still
    talking (at most ``most`` in all, never reaching ``stop``). Story text does not read like
    talk to readers, so the note ends where the story starts, or at the break line many
    authors put between their note and the story.
    """
    end = min(start + 1, stop)
    while end < min(start + most, stop) and looks_like_author_talk(paragraph(end)):
        end += 1
    return end
