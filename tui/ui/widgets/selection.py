"""Option lists that take clicks safely, and can draw their highlight in reverse video.

Reverse video shows the highlight where there is no colour, as under NO_COLOR.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import BindingType
from textual.style import Style
from textual.widgets import OptionList

HIGHLIGHTED = "option-list--option-highlighted"


class SafeOptionList(OptionList, inherit_bindings=False):
    """An `OptionList` that ignores a click on an option it no longer has.

    Textual finds the clicked option by what was drawn under the pointer; drawn before the
    list was filled again (new finder results, a bookmark removed), that can name an option
    past the end, and Textual's own click handler then raised `IndexError`."""

    def on_resize(self, event: events.Resize) -> None:
        # Options wrap to the new width and the list has new room: the old scroll offset may
        # hide the highlighted option, or scroll the top rows away for nothing.
        self.call_after_refresh(self.show_highlight_a_third_down)

    def show_highlight_a_third_down(self) -> None:
        """Scroll the highlighted option a third of the way down the list, where it can be, so
        that what follows it is in view too (the current chapter in the contents, not on the
        last row with nothing after it)."""
        if not self.is_mounted or self.highlighted is None:
            return
        self.scroll_to_highlight(top=True)
        above = self.scrollable_content_region.height // 3
        # (at the list's end it could not go to the top: it is as low as it goes already)
        if above and self.scroll_offset.y < self.max_scroll_y:
            self.scroll_relative(y=-above, animate=False, immediate=True)

    # less's Space and `b` (`screen_down`, `screen_up`): a page, as vim's page keys; a list
    # that takes counts (`CountedOptionList`) moves by rows after one.
    def action_screen_down(self) -> None:
        self.action_page_down()

    def action_screen_up(self) -> None:
        self.action_page_up()

    def on_click(self, event: events.Click) -> None:
        clicked = event.style.meta.get("option")
        if isinstance(clicked, int) and not 0 <= clicked < self.option_count:
            event.prevent_default()  # not Textual's handler either


class ReversibleOptionList(SafeOptionList, inherit_bindings=False):
    """An `OptionList` that honours `text-style: reverse` on its highlighted option.

    Without colours a highlight has nothing but the text style to stand out by, and Textual's
    option list drops `reverse` from it. Subclasses say `:nocolor > .option-list--option-
    highlighted { text-style: bold reverse; }` (the default here) and get it."""

    BINDINGS: ClassVar[list[BindingType]] = []  # subclasses declare their own, with ids
    DEFAULT_CSS: ClassVar[str] = """
    ReversibleOptionList:nocolor > .option-list--option-highlighted { text-style: bold reverse; }
    """

    def get_visual_style(self, *component_classes: str, partial: bool = False) -> Style:
        style = super().get_visual_style(*component_classes, partial=partial)
        if HIGHLIGHTED in component_classes:
            wanted = self.get_component_styles(HIGHLIGHTED).text_style
            if wanted.reverse and not style.reverse:
                style = style + Style(reverse=True)
        return style
