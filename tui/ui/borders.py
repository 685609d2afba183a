"""ASCII borders, for console fonts that lack the rounded corners `╭╮╰╯` (`[display] borders`)."""

from __future__ import annotations

ASCII_CLASS = "-ascii-borders"

# The app carries ASCII_CLASS when `borders = "ascii"`: every rounded box is drawn with
# `+`, `-` and `|` instead, in the colour it has.
ASCII_BORDERS_CSS = """
ChapbookApp.-ascii-borders {
    FinderScreen > #finder,
    BookmarkLabelScreen > Vertical,
    BookmarksScreen > Vertical,
    KeyCaptureScreen > Static { border: ascii $accent; }
    ConfirmRemove > Vertical,
    SortMenu > Vertical,
    UpdateOffer > Vertical,
    HelpList { border: ascii $primary; }
    FinderScreen #finder-preview { border-top: ascii $panel-lighten-2; }
}
"""
