"""A paragraph chosen as a chapter heading, and what it carries.

Its title, the heading lines it joins, the part it opens.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class HeadingChoice:
    """A paragraph chosen as a chapter heading."""

    para: int  # the heading line
    title: str  # display title
    start: int = -1  # first paragraph of the chapter (a part title before the heading)
    extra: tuple[int, ...] = ()  # other heading paragraphs: part title, duplicate, subtitle
    # The part (book, volume) the chapter opens, as its title over the heading names it
    # (`PART II`, `Book the Second`); "" when the chapter is a part itself; None: no new part.
    part: str | None = None
    # The author's own heading repeated under a download's, the chapter's header (title, byline,
    # summary, notes) between them: the paragraph of that second heading, or -1.
    repeated: int = -1

    def __post_init__(self) -> None:
        if self.start < 0:
            self.start = self.para
