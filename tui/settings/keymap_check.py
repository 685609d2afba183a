"""Checking the user's [keys] table: action ids, key names, reserved keys and clashes."""

from __future__ import annotations

from collections.abc import Collection
from contextlib import suppress
from typing import Any

from tui.paths import default_config_path, shown_path
from tui.settings.key_clashes import KEEPS_A_KEY, Report, Taken, settle_clashes
from tui.settings.key_display import writable_keys
from tui.settings.key_names import (
    RESERVED,
    KeyNameError,
    character_of,
    normalise_key,
    sent_as,
    split_keys,
)
from tui.settings.keymaps import (
    DEFAULT_PRESET,
    action_ids,
    parse_key_list,
    screen_actions,
)
from tui.settings.placement import misplaced
from tui.settings.schema import IGNORED, IGNORED_TABLE, describe, sentence
from tui.settings.spelling import closest_by_words, closest_name
from tui.settings.terminal_keys import not_sent_apart

# Screens whose focus is a text box: a printable key there is typed, not run as an action.
TYPING_SCREENS = {
    "finder": "the finder's search box",
    "bookmark_label": "the bookmark name box",
    "value_entry": "the settings screen's box for typing a value",
}

# Screens where digits typed before a key are a count (`5j`, `5G`): a digit is never a key.
COUNTING_SCREENS = {
    "reader": "the reader",
    "library": "the library",
    "settings": "the settings screen",
}


def types_text(key: str) -> bool:
    """True for a key that types into a text box: a printable character or space."""
    return key == "space" or ("+" not in key and character_of(key) is not None)


def taken_by(keys: dict[str, str], action: str, key: str) -> list[str]:
    """The other actions that ``key`` runs on a screen where ``action`` is bound."""
    screens = [ids for ids in screen_actions().values() if action in ids]
    return [
        other
        for other, value in keys.items()
        if other != action and key in value.split(",") and any(other in ids for ids in screens)
    ]


def _whose(
    keys: dict[str, str], action: str, key: str, yours: Collection[str] | None
) -> tuple[str, str]:
    """Whether ``action`` may be given ``key`` that other actions run on its screens:
    ("", "") when it is free; ("", a note) when it is the preset's, which ``action`` would
    take; else (whose it is, "") when it may not be taken: one of them is the user's own entry
    (or, with ``yours`` None, whoever has it: the settings screen shows the clash instead), or
    it is the only key of an action that must keep one."""
    owners = taken_by(keys, action, key)
    if not owners:
        return "", ""
    whose = " and ".join(f"{owner}'s" for owner in owners)
    if yours is None or any(owner in yours for owner in owners):
        return whose, ""
    for owner in owners:
        if owner in KEEPS_A_KEY and keys.get(owner, "").split(",") == [key]:
            return f"{owner}'s only", ""
    return "", f" ({key} is {whose} key now: {action} would take it)"


def _sent_as_another(
    err: KeyNameError,
    action: str,
    keys: dict[str, str] | None,
    yours: Collection[str] | None = None,
) -> tuple[str, str | None]:
    """What is wrong with a key that terminals send as another (ctrl+i as tab): that other key
    is suggested unless it is already ``action``'s or may not be taken (`_whose`)."""
    twin = err.suggestion or ""
    if twin in (keys or {}).get(action, "").split(","):
        return f'"{err.written}" {err.reason}; {twin} is already {action}\'s key', None
    whose, note = _whose(keys or {}, action, twin, yours)
    if not whose:
        return f'"{err.written}" {err.reason}{note}', twin
    return (
        f'"{err.written}" {err.reason}, and {twin} is already {whose} key: choose another key',
        None,
    )


def _suggested(
    err: KeyNameError,
    action: str,
    keys: dict[str, str] | None,
    yours: Collection[str] | None = None,
) -> tuple[str, str | None]:
    """What is wrong with a misspelt key (`^Y`), and the spelling meant: suggested unless it
    may not be taken (`_whose`), so that taking the advice never makes a clash; a default's
    key it would take is named."""
    meant = err.suggestion
    if meant is None:
        return f'"{err.written}" {err.reason}', None
    whose = note = ""
    for key in meant.split(","):  # (`j k` may be `j,k`, a list missing its commas)
        with suppress(KeyNameError):
            whose, note = _whose(keys or {}, action, normalise_key(key), yours)
        if whose:
            break
    if not whose:
        return f'"{err.written}" {err.reason}{note}', meant
    reason = err.reason.rstrip(".")
    return (
        f'"{err.written}" {reason}; the key meant, "{meant}", is {whose} key now: choose another',
        None,
    )


def check_key_value(
    action: str,
    value: Any,
    keys: dict[str, str] | None = None,
    yours: Collection[str] | None = None,
) -> tuple[str, str | None] | str:
    """The normalised keys for one [keys] entry, or (what is wrong, suggestion). ``keys``:
    the keys of every action as they stand, so that a suggestion is not another's key;
    ``yours``: the actions whose keys are the user's own entries, the others' keys being
    defaults that a suggestion may take (None: none may be taken)."""
    if isinstance(value, list) and value:
        for number, item in enumerate(value, 1):
            if not isinstance(item, str):
                # A list of keys is fine; what is wrong is the item that is not a key.
                return (
                    f"item {number} of the list is {describe(item)}, "
                    'not a key in quotes like "x" or "ctrl+f"',
                    None,
                )
        written: str | list[str] = value
    elif isinstance(value, str) and value:
        written = value  # (" " is checked as a key: it names none, and is not a way to unbind)
    elif isinstance(value, str) or (isinstance(value, list) and not value):
        if action in KEEPS_A_KEY:
            return f"names no key, but {action} must keep one: {KEEPS_A_KEY[action]}", None
        return ""  # no key: the action's keys are free for others
    else:
        return f'expected keys in quotes, like "x" or "ctrl+f", not {describe(value)}', None
    try:
        normalised = parse_key_list(written)
    except KeyNameError as err:
        if _is_sent_as_another(err.written):
            return _sent_as_another(err, action, keys, yours)
        named = err.written.strip()
        if named in action_ids():
            # `next_scene = "next_chapter"`: an action's name where its key belongs
            return (
                f'"{named}" names an action, not a key: give {action} a key, as in "x" or "ctrl+f"',
                None,
            )
        return _suggested(err, action, keys, yours)
    for key in normalised.split(","):
        if key in RESERVED:
            return f'"{key}" cannot be bound: {RESERVED[key]}', None
    counting = [
        name for s, name in COUNTING_SCREENS.items() if action in screen_actions().get(s, ())
    ]
    for key in normalised.split(","):
        if counting and len(key) == 1 and key.isdigit():
            return (
                f'"{key}" is a digit, which {counting[0]} takes as a count before a key '
                f"(5j is five lines down): use another key",
                None,
            )
    boxes = [box for s, box in TYPING_SCREENS.items() if action in screen_actions().get(s, ())]
    for key in normalised.split(","):
        if boxes and types_text(key):
            return (
                f'"{key}" would be typed into {boxes[0]} instead: '
                "use a key with ctrl or alt, or an arrow key",
                None,
            )
    return normalised


def _is_sent_as_another(written: str) -> bool:
    """True for a key written as one that terminals send as another (`Ctrl+I`)."""
    lowered = written.strip().lower()
    return sent_as(lowered) is not None


def nearest_action(name: str, actions: list[str]) -> str | None:
    """The action id ``name`` was meant to be (`nxt_chap`, `chapter_next`, `NextChapter` ->
    `next_chapter`; `bookmark_add`, `add_bookmark` -> `bookmark`, holding its words), or None
    when no id is spelt like it (`go_wild`)."""
    return closest_name(name, actions) or closest_by_words(name, actions)


def unknown_action(name: str, value: Any, actions: list[str]) -> str:
    """The message for a [keys] entry whose name is no action id: the nearest id, and where
    the ids are listed (an action id as the value means the two were written the wrong way
    round: `x = "next_chapter"`); a setting's name says where that setting belongs."""
    elsewhere = misplaced("keys", name)
    if elsewhere:
        return sentence(elsewhere) + IGNORED
    listed = f" Every action id is listed under [keys] in {shown_path(default_config_path())}."
    if isinstance(value, str) and value in actions:
        return (
            sentence(f'unknown action: write the action first, {value} = "{name}"')
            + listed
            + IGNORED
        )
    if isinstance(value, dict):  # `[keys.reader]`: the ids are not grouped by screen
        reason = (
            'unknown action: [keys] holds action ids, each with its keys, like next_chapter = "x"'
        )
        return sentence(reason) + listed + IGNORED_TABLE  # (a table: all it holds)
    return sentence("unknown action", nearest_action(name, actions)) + listed + IGNORED


def check_keys(
    table: dict[str, Any],
    preset: dict[str, str],
    report: Report,
    preset_name: str = DEFAULT_PRESET,
) -> tuple[dict[str, str], Taken]:
    """The effective keys: `preset` (the keys of the keymap ``preset_name``) with the valid
    entries of `table` laid over (`settle_clashes`), and the keys the preset's actions lost
    to them."""
    chosen: dict[str, str] = {}
    for action, value in table.items():
        if action not in preset:
            report(f"keys.{action}", unknown_action(action, value, list(preset)))
            continue
        checked = check_key_value(action, value, {**preset, **chosen}, yours=chosen)
        if isinstance(checked, tuple):
            reason, suggestion = checked
            report(f"keys.{action}", sentence(reason, suggestion, writable_keys(preset[action])))
            continue
        chosen[action] = checked
        repeated = written_twice(value) if checked else None
        if repeated:
            report(f"keys.{action}", repeated, warning=True)
        for unsent in not_sent(action, value, {**preset, **chosen}, preset[action]):
            report(f"keys.{action}", unsent, warning=True)
    return settle_clashes(chosen, preset, report, _as_written(table), preset_name)


def not_sent(
    action: str, value: str | list[str], keys: dict[str, str], default: str = ""
) -> list[str]:
    """What to say of each key in a checked value that most terminals never send as it is
    (`ctrl+shift+x` arrives as ctrl+x, `super+q` not at all): it stays bound, for terminals
    that do send it, and the key meant is suggested while it is free for ``action``. When no
    key of the value is sent as written, how to keep ``default`` (the preset's keys) too: the
    entry took them from ``action`` (`search = "ctrl+shift+/"`, and `/` searched no more)."""
    said: list[str] = []
    if not keys.get(action):
        return said  # (no key: nothing to send)
    written_keys = list(dict.fromkeys(split_keys(value)))
    for written in written_keys:
        apart = not_sent_apart(normalise_key(written))  # (the value was checked)
        if apart is None:
            continue
        written = written.strip()
        reason, instead = apart
        if not instead:
            said.append(
                sentence(f'"{written}" {reason}')
                + " For a key every terminal sends, write Ctrl with a letter or a function key."
            )
            continue
        owners = [
            owner
            for owner in taken_by(keys, action, instead)
            if instead not in keys.get(action, "").split(",")
        ]
        if owners:
            whose = " and ".join(f"{owner}'s" for owner in owners)
            said.append(sentence(f'"{written}" {reason}; {instead} is {whose} key here'))
        elif {"super", "hyper"} & set(normalise_key(written).split("+")):
            # (Super and Hyper arrive not at all: alt is another key, not the one meant)
            said.append(
                sentence(f'"{written}" {reason}')
                + f' For a key every terminal sends, write "{instead}".'
            )
        else:
            said.append(sentence(f'"{written}" {reason}', instead or None))
    if said and len(said) == len(written_keys) and default:
        mine = ",".join(key.strip() for key in written_keys)
        kept = writable_keys(default)
        said[-1] += (
            f' {action} has no key most terminals send now: write {action} = "{kept},{mine}" '
            f'to keep "{kept}" too.'
        )
    return said


def written_twice(value: str | list[str]) -> str | None:
    """What to say of a keys value that names one key more than once (`"w,w"`, `"?,
    question_mark"`): it is bound once, so the second was likely meant as another key. None
    when each key is written once."""
    seen: dict[str, str] = {}
    twice: dict[str, list[str]] = {}
    for written in split_keys(value):
        key = normalise_key(written)  # (the value was checked: every key has a name)
        if key in seen:
            twice.setdefault(key, [seen[key]]).append(written.strip())
        else:
            seen[key] = written.strip()
    if not twice:
        return None
    named = "; ".join(_named_twice(spellings) for spellings in twice.values())
    return sentence(
        f"{named}: it is bound once, so remove the repeat or write the key you meant there"
    )


def _named_twice(spellings: list[str]) -> str:
    """`"w" is written twice` or `"?" and "question_mark" are one key`, for a repeated key."""
    kinds = list(dict.fromkeys(spellings))
    if len(kinds) == 1:
        return f'"{kinds[0]}" is written {"twice" if len(spellings) == 2 else "more than once"}'
    return " and ".join(f'"{kind}"' for kind in kinds) + " are one key"


def _as_written(table: dict[str, Any]) -> dict[str, str]:
    """Each key name of the user's [keys] entries (`question_mark`) → the key as they wrote it
    (`?`), so that a message names the key they typed."""
    written: dict[str, str] = {}
    for value in table.values():
        if not isinstance(value, (str, list)):
            continue
        for key in split_keys(value):
            if not isinstance(key, str):
                continue  # (reported as not a key)
            try:
                written.setdefault(normalise_key(key), key.strip())
            except KeyNameError:
                continue
    return written
