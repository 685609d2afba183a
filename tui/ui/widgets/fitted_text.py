"""Text cut to the cells a row gives it, after a whole word, with `…` and its quotes closed."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from tui.book.model import closed_after_cut


def cut_at_word(text: str, room: int) -> str:
    """``text`` in ``room`` cells, cut after its last whole word that fits, with `…`, and a
    quotation the cut left open closed after it (`“12 May.--Let me begin…”`)."""
    if cell_len(text) <= room:
        return text
    shown = text
    for spare in range(3):  # (room for the closing marks)
        cut = text.rfind(" ", 0, room - spare)
        if cut < room // 2:
            cut = room - 1 - spare
        shown = closed_after_cut(text[:cut].rstrip(" —-,;:·") + "…")
        if cell_len(shown) <= room:
            break
    return shown


class FittedText:
    """A line of ``parts`` (text and its style each) cut by `cut_at_word` to the width it is
    given when drawn: a row of a list, cut there, shows one `…` and no quote left open, where
    Rich's own ellipsis added a second after a label's (`“…fair, as f…`)."""

    def __init__(self, *parts: tuple[str, str]) -> None:
        self.parts = [(words, style) for words, style in parts if words]

    def __str__(self) -> str:
        """The whole line, uncut."""
        return "".join(words for words, _style in self.parts)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        whole = cell_len(str(self))
        return Measurement(min(1, whole), whole)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        shown = cut_at_word(str(self), options.max_width)
        text = Text(no_wrap=True, overflow="crop")
        at = 0
        for words, style in self.parts:  # (each part's style over what is left of it)
            end = min(len(shown), at + len(words))
            text.append(shown[at:end], style=style)
            at = end
        text.append(shown[at:], style=self.parts[-1][1] if self.parts else "")
        yield text
