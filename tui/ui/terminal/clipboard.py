"""Whether a copy sent through the terminal (OSC 52) can reach the clipboard inside tmux."""

from __future__ import annotations

import functools
import os
import subprocess
import threading

# What makes tmux pass a program's OSC 52 copy on to the terminal's clipboard.
TMUX_FIX = "set -g set-clipboard on"
TMUX_ASK = ("tmux", "show", "-gv", "set-clipboard")
ASK_SECONDS = 1.0
# One asking at a time: a copy made while the app's start-up worker is still asking waits for
# its answer rather than running tmux a second time.
_ASKING = threading.Lock()


def tmux_set_clipboard() -> str | None:
    """tmux's `set-clipboard` (`on`, `external`, `off`) when chapbook runs inside tmux, asked
    once (the app asks in a worker at start-up, so a copy finds the answer waiting); None
    outside tmux, or when tmux cannot be asked (then nothing is claimed)."""
    with _ASKING:
        return ask_tmux_set_clipboard()


@functools.cache
def ask_tmux_set_clipboard() -> str | None:
    """Run `tmux show -gv set-clipboard` (up to `ASK_SECONDS`), once per process."""
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


def copy_kept_by_tmux(size: str) -> str:
    """What to say of a copy of ``size`` (`2 paragraphs, 143 words`) when tmux keeps it from
    the clipboard; "" when it goes through, as far as can be told. tmux passes a program's
    copy on only when its `set-clipboard` is `on`: `external` (its default) and `off` both
    drop it, so nothing was copied."""
    value = tmux_set_clipboard()
    if value is None or value == "on":
        return ""
    return (
        f"{size} did not reach the clipboard: tmux's set-clipboard is {value}, which keeps "
        f"programs from it. Add `{TMUX_FIX}` to ~/.tmux.conf"
    )
