"""Widgets shared by the screens: the reading view, status line, prompt and library list."""
