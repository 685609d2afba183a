"""The user's [keys] laid over the keymap preset, with clashes settled and told.

A key the user gives an action runs that action, and the default that had it loses it, with a
word saying which and how to give it another; two of the user's own entries that clash are
told, and neither is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from tui.settings.key_display import writable_keys
from tui.settings.keymaps import (
    DEFAULT_PRESET,
    Clash,
    find_clashes,
    given_by_preset,
    preset_keys,
)
from tui.settings.schema import sentence, toml_value

# Actions that must keep a key, and why: without them there is no way out or no way to learn
# the keys. Every other action may be given no key ("" or []), which frees its keys.
KEEPS_A_KEY = {
    "quit": "it is how you leave a screen and chapbook",
    "help": "it lists every other key",
    "close": "it is the only way out of some dialogs (a bookmark's label)",
    "finder_cancel": "it is the way out of the finder",
}


class Report(Protocol):
    """Takes what is wrong with one entry; a warning is about an entry that is still used."""

    def __call__(self, setting: str, message: str, *, warning: bool = False) -> None: ...


@dataclass(frozen=True)
class Settling:
    """The user's entries being laid over a preset: ``chosen`` (changed as clashes settle),
    the ``preset``'s keys, where each message goes (``report``), each key as the user wrote
    it (``written``) and what was told already (``told``, so nothing is said twice)."""

    chosen: dict[str, str]
    preset: dict[str, str]
    report: Report
    written: dict[str, str]
    told: set[tuple[str, ...]]

    def named(self, key: str) -> str:
        """``key`` as the user wrote it, for a message."""
        return _named(key, self.written)


# An action of the preset → each key of its own that an entry of the user's took → that entry.
Taken = dict[str, dict[str, str]]


def _left(preset: dict[str, str], taken: Taken) -> dict[str, str]:
    """The keys of each action that lost some to the user's entries: what it keeps."""
    return {
        action: ",".join(key for key in preset[action].split(",") if key and key not in lost)
        for action, lost in taken.items()
    }


def settle_clashes(
    chosen: dict[str, str],
    preset: dict[str, str],
    report: Report,
    written: dict[str, str],
    preset_name: str = DEFAULT_PRESET,
) -> tuple[dict[str, str], Taken]:
    """Every action's keys: the preset's with the user's entries ``chosen`` laid over, and
    what the preset's actions lost to them. A key of the user's own wins over the preset's
    (a default added since they wrote it, or one of the keymap they chose), unless it is the
    only key of an action that must keep one; two entries of the user's that clash both fall
    back to the preset. ``written``: each key as the user wrote it (`?`), for the messages."""
    chosen = dict(chosen)
    taken: Taken = {}
    settling = Settling(chosen, preset, report, written, told=set())
    while True:
        # (a key taken for an entry since dropped is the default's again)
        taken = {
            action: kept
            for action, lost in taken.items()
            if (kept := {k: a for k, a in lost.items() if k in chosen.get(a, "").split(",")})
        }
        keys = {**preset, **_left(preset, taken), **chosen}
        clashes = [c for c in find_clashes(keys) if any(a in chosen for a in c.actions)]
        if not clashes:
            _tell_taken(taken, keys, preset_name, settling)
            return keys, taken
        # Two of the user's own first: settling them may drop the entry that took a key.
        among_mine = [c for c in clashes if sum(a in chosen for a in c.actions) > 1]
        if among_mine:
            for clash in among_mine:
                _both_fall_back(clash, settling)
            continue
        for clash in clashes:
            [action] = [a for a in clash.actions if a in chosen]
            others = [a for a in clash.actions if a != action]
            # (what each keeps after the keys taken so far: `top = "Q,q"` takes quit's two)
            keeps = {
                o: [k for k in keys[o].split(",") if k not in taken.get(o, {})] for o in others
            }
            stuck = [o for o in others if o in KEEPS_A_KEY and keeps[o] == [clash.key]]
            if stuck:
                _refused(action, clash, stuck[0], settling)
                break  # (the entry changed: its other clashes are found again)
            for other in others:
                taken.setdefault(other, {})[clash.key] = action


def _named(clash_key: str, written: dict[str, str]) -> str:
    return written.get(clash_key) or writable_keys(clash_key)


def _both_fall_back(clash: Clash, settling: Settling) -> None:
    """Two (or more) of the user's entries give one key: neither can be chosen over the
    other, so each goes back to the preset's keys; told once, at the later entry."""
    chosen, preset, told = settling.chosen, settling.preset, settling.told
    mine = [a for a in chosen if a in clash.actions]
    if len(mine) < 2:
        return  # (settled by another clash just now)
    action = mine[-1]
    # (a default that has the key too loses it to whichever entry keeps it: not named here)
    owners = " and ".join(f"{other}'s" for other in mine if other != action)
    fallback = " and ".join(f"{toml_value(writable_keys(preset[a]))} for {a}" for a in mine)
    reason = (
        f'"{settling.named(clash.key)}" is also {owners} key on the {clash.screen} screen: '
        "give one of them another key"
    )
    if not told.intersection((a,) for a in mine):
        settling.report(f"keys.{action}", sentence(reason) + f" Using {fallback} for now.")
        told.update((a,) for a in mine)
    for each in mine:
        chosen.pop(each, None)


def _refused(action: str, clash: Clash, keeper: str, settling: Settling) -> None:
    """The user's key is the only key of an action that must keep one (`close`'s Escape):
    only that key leaves the entry, which keeps its others."""
    chosen, told = settling.chosen, settling.told
    kept = [key for key in chosen[action].split(",") if key and key != clash.key]
    reason = (
        f'"{settling.named(clash.key)}" is {keeper}\'s only key on the {clash.screen} '
        f"screen, and {keeper} must keep a key: {KEEPS_A_KEY[keeper]}. Choose another key, or "
        f"give {keeper} another key too"
    )
    if (action, clash.key) not in told:
        using = ",".join(kept) if kept else settling.preset[action]
        settling.report(f"keys.{action}", sentence(reason, None, writable_keys(using)))
        told.add((action, clash.key))
    if kept:
        chosen[action] = ",".join(kept)
    else:
        chosen.pop(action, None)


def _tell_taken(taken: Taken, keys: dict[str, str], preset_name: str, settling: Settling) -> None:
    """A warning at each entry that took keys from a preset's action: which action lost
    them, what it keeps, and how to give it another (or to end the warning)."""
    lost_to: dict[tuple[str, str], list[str]] = {}
    for other, lost in taken.items():
        for key, action in lost.items():
            lost_to.setdefault((action, other), []).append(key)
    for (action, other), lost_keys in lost_to.items():
        if (action, other) in settling.told:
            continue
        settling.told.add((action, other))
        words = lost_words(action, lost_keys, other, keys, settling.written, preset_name)
        settling.report(f"keys.{action}", words, warning=True)


def lost_words(
    action: str,
    lost: list[str],
    other: str,
    keys: dict[str, str],
    written: dict[str, str],
    preset_name: str = DEFAULT_PRESET,
) -> str:
    """`"p" runs bookmark, as you wrote, not goto_percent (its default key), which keeps
    "%". …`: what became of the preset's action that lost the keys ``lost`` to the user's
    ``action``."""
    named = " and ".join(f'"{_named(key, written)}"' for key in lost)
    plural = "s" if len(lost) > 1 else ""
    source = (
        f"its key{plural} in the {preset_name} keymap"
        if all(given_by_preset(preset_name, other, key) for key in lost)
        else f"its default key{plural}"
    )
    left = writable_keys(keys.get(other, ""))
    if left:
        keeps = f'which keeps "{left}"'
        fix = (
            f'Give {other} another key under [keys] ({other} = "{left},KEY"), or write '
            f'{other} = "{left}" to end this warning.'
        )
    else:
        keeps = "which has no key now"
        fix = (
            f'Give {other} one under [keys] ({other} = "KEY"), or write {other} = "" to end '
            "this warning."
        )
    runs = "run" if len(lost) > 1 else "runs"
    dropped = _dropped_words(action, keys, preset_name)
    return f"{named} {runs} {action}, as you wrote, not {other} ({source}), {keeps}{dropped}. {fix}"


def _split(keys: str) -> list[str]:
    return [key for key in keys.split(",") if key]


def _dropped_words(action: str, keys: dict[str, str], preset_name: str) -> str:
    """`, and "}" no longer runs next_chapter (…)`: the keys the preset gives ``action`` that its
    entry left out, which now do nothing (the rule in default.toml: a key list written under
    [keys] replaces the action's keys); "" when it kept them all."""
    preset = preset_keys(preset_name)
    own = _split(preset.get(action, ""))
    now = _split(keys.get(action, ""))
    # (a key the user gave another action does something: that entry's own warning says so)
    moved = {
        key
        for other, keys_of in keys.items()
        if other != action
        for key in _split(keys_of)
        if key not in _split(preset.get(other, ""))
    }
    dropped = [key for key in own if key not in now and key not in moved]
    if not dropped:
        return ""
    quoted = [f'"{writable_keys(key)}"' for key in dropped]
    named = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"
    verb = "no longer run" if len(dropped) > 1 else "no longer runs"
    both = writable_keys(",".join([*now, *dropped]))
    return (
        f", and {named} {verb} {action} (the keys written for an action replace its own; "
        f'{action} = "{both}" keeps {"them" if len(dropped) > 1 else "it"})'
    )


__all__ = ["KEEPS_A_KEY", "Taken", "lost_words", "settle_clashes"]
