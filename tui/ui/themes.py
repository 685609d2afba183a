"""chapbook's own themes: "paper" (sepia, for reading) and "ansi" (the terminal's 16 colours)."""

from __future__ import annotations

import os

from textual.app import App
from textual.theme import Theme

from tui.settings.defaults import defaults

# A warm paper page with brown ink: low contrast glare for long reading sessions.
PAPER = Theme(
    name="paper",
    primary="#8a5a2b",
    secondary="#6f7d3c",
    accent="#a8432a",
    warning="#9a6a00",
    error="#a12a2a",
    success="#4f7a28",
    foreground="#433422",
    background="#f4ecd8",
    surface="#efe5cc",
    panel="#e4d5b4",
    boost="#e9dcc0",
    dark=False,
    variables={
        "footer-key-foreground": "#8a5a2b",
        "block-cursor-background": "#d6c193",
        "block-cursor-foreground": "#2e2416",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-background": "#e4d5b4",
        "input-selection-background": "#d9c49a",
        "screen-selection-background": "#d9c49a",
        "screen-selection-foreground": "#433422",
        "scrollbar": "#c9b48c",
        "scrollbar-hover": "#b39a6c",
        "scrollbar-active": "#8a5a2b",
        "scrollbar-background": "#efe5cc",
    },
)

# Only the terminal's own palette: text and background are the terminal's defaults, accents
# are the 16 ANSI colours, so it looks right on any terminal and sends the shortest codes.
ANSI = Theme(
    name="ansi",
    ansi=True,
    primary="ansi_blue",
    secondary="ansi_cyan",
    accent="ansi_magenta",
    warning="ansi_yellow",
    error="ansi_red",
    success="ansi_green",
    foreground="ansi_default",
    background="ansi_default",
    surface="ansi_default",
    panel="ansi_default",
    boost="ansi_default",
    dark=True,
    variables={
        "ansi-background": "ansi_default",
        "ansi-foreground": "ansi_default",
        "border": "ansi_blue",
        "border-blurred": "ansi_default",
        "footer-background": "ansi_default",
        "footer-key-foreground": "ansi_blue",
        "footer-description-foreground": "ansi_default",
        "block-cursor-foreground": "ansi_default",
        "block-cursor-background": "ansi_default",
        "block-cursor-text-style": "reverse",
        "block-cursor-blurred-text-style": "underline",
        "block-hover-background": "ansi_default",
        "input-cursor-background": "ansi_default",
        "input-cursor-foreground": "ansi_default",
        "input-cursor-text-style": "reverse",
        "input-selection-background": "ansi_blue",
        "input-selection-foreground": "ansi_default",
        "screen-selection-background": "ansi_blue",
        "screen-selection-foreground": "ansi_default",
        "scrollbar": "ansi_blue",
        "scrollbar-hover": "ansi_cyan",
        "scrollbar-active": "ansi_cyan",
        "scrollbar-background": "ansi_default",
        "scrollbar-background-hover": "ansi_default",
        "scrollbar-background-active": "ansi_default",
        "scrollbar-corner-color": "ansi_default",
    },
)

THEMES = (PAPER, ANSI)


def no_color_requested() -> bool:
    """True when NO_COLOR is set. Textual itself checks presence only, and so do we."""
    return "NO_COLOR" in os.environ


def register_themes(app: App) -> None:
    for theme in THEMES:
        app.register_theme(theme)


def few_colours(app: App) -> bool:
    """True when the terminal shows only 16 colours (TERM=linux, screen, xterm, vt100 ...).

    Textual then maps every shade of a theme to the nearest of the 16, and pairs such as the
    default theme's key hints (orange on grey) become one colour on another of equal
    brightness. A headless app (tests, screenshots) has no terminal to ask."""
    return not app.is_headless and app.console.color_system == "standard"


def theme_for(app: App, wanted: str) -> str:
    """The theme to show: "ansi" under NO_COLOR, and instead of the default theme on a
    16-colour terminal; else `wanted` if it exists, else the default."""
    if no_color_requested():
        return ANSI.name
    if wanted == defaults()["theme"] and few_colours(app):
        return ANSI.name
    return wanted if wanted in app.available_themes else "textual-dark"
