"""Whether a copy sent through the terminal (OSC 52) can reach the clipboard inside tmux."""

from __future__ import annotations

import functools
import os
import subprocess

# What makes tmux pass a program's OSC 52 copy on to the terminal's clipboard.
TMUX_FIX = "set -g set-clipboard on"
TMUX_ASK = ("tmux", "show", "-gv", "set-clipboard")
ASK_SECONDS = 1.0


@functools.cache
def tmux_set_clipboard() -> str | None:
    """tmux's `set-clipboard` (`on`, `external`, `off`) when chapbook runs inside tmux, asked
    once; None outside tmux, or when tmux cannot be asked (then nothing is claimed)."""
    if not os.environ.get("TMUX"):
        return None
    try:
        done = subprocess.run(
            TMUX_ASK,
            capture_output=True,
            text=True,
            timeout=ASK_SECONDS,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    value = done.stdout.strip()
    return value if done.returncode == 0 and value else None


def copy_kept_by_tmux(copied: str) -> str:
    """What to say of a copy when tmux keeps it from the clipboard (its `set-clipboard` is
    not `on`); "" when it goes through, as far as can be told."""
    value = tmux_set_clipboard()
    if value is None or value == "on":
        return ""
    return (
        f"{copied}, but tmux's set-clipboard is {value}, so it did not reach the clipboard: "
        f"add `{TMUX_FIX}` to ~/.tmux.conf"
    )
