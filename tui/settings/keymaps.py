"""Keymaps: the presets, each screen's actions, and keys that would do two things on a screen."""

from __future__ import annotations

from dataclasses import dataclass

from tui.settings.defaults import defaults
from tui.settings.key_names import KeyNameError, normalise_key, split_keys

DEFAULT_PRESET = "default"


@dataclass(frozen=True)
class Clash:
    """One key bound to two or more actions on one screen."""

    screen: str
    key: str
    actions: tuple[str, ...]


def action_ids() -> list[str]:
    """Every action id, in the order `default.toml` lists them."""
    return list(defaults()["keys"])


def screen_actions() -> dict[str, tuple[str, ...]]:
    """Screen name → the action ids bound on that screen (`[screens]` in default.toml)."""
    return {name: tuple(ids) for name, ids in defaults()["screens"].items()}


def screens_of(action_id: str) -> list[str]:
    """The screens an action is bound on."""
    return [name for name, ids in screen_actions().items() if action_id in ids]


def preset_names() -> list[str]:
    """`default` and every `[keymaps.NAME]` preset."""
    return [DEFAULT_PRESET, *defaults().get("keymaps", {})]


def preset_keys(preset: str) -> dict[str, str]:
    """Action id → keys for a preset: `[keys]` with the preset's own entries laid over."""
    keys = dict(defaults()["keys"])
    if preset != DEFAULT_PRESET:
        keys.update(defaults()["keymaps"][preset])
    return keys


def given_by_preset(preset: str, action: str, key: str) -> bool:
    """True when ``action`` has ``key`` from the preset ``preset``'s own entries (its
    `[keymaps.NAME]` table), not from `[keys]`."""
    if preset == DEFAULT_PRESET:
        return False
    value = defaults()["keymaps"].get(preset, {}).get(action)
    return bool(value) and key in parse_key_list(value).split(",")


def changed_from_defaults(keys: dict[str, str]) -> dict[str, str]:
    """The entries of ``keys`` (action id → keys) that differ from `default.toml`'s own keys:
    all a keymap over bindings made with the defaults needs."""
    default = defaults()["keys"]
    return {action: value for action, value in keys.items() if default.get(action) != value}


def parse_key_list(value: str | list[str]) -> str:
    """Normalise a [keys] value to Textual's comma-separated form, or raise KeyNameError.

    `"Space, PgDn"` raises (with a suggestion); `["?", "f1"]` → `"question_mark,f1"`. Repeated
    keys are kept once.
    """
    keys: list[str] = []
    parts = split_keys(value)
    for number, written in enumerate(parts):
        if isinstance(value, str) and len(parts) > 1 and not written.strip():
            raise KeyNameError(value, _empty_between_commas(value, number, len(parts)))
        if isinstance(value, list) and "," in written.strip(",") and written.strip() != ",":
            # `["j,k"]`: in a list the comma separates nothing
            each = ", ".join(f'"{key.strip()}"' for key in written.split(",") if key.strip())
            raise KeyNameError(
                written, f"holds more than one key: in a list each key has its own quotes, [{each}]"
            )
        key = normalise_key(written)
        if key not in keys:
            keys.append(key)
    if not keys:
        raise KeyNameError(str(value), "names no key")
    return ",".join(keys)


def _empty_between_commas(value: str, number: int, count: int) -> str:
    """Why `"[,"` names no key after its comma: the comma separates keys, so the comma key
    itself has to be written by its name."""
    if number == count - 1:
        where = "a comma at its end"
    elif number == 0:
        where = "a comma at its start"
    else:
        where = "two commas in a row"
    named = ",".join(part.strip() or "comma" for part in value.split(","))
    return (
        f"has {where}, which makes an empty key name (a comma separates keys): remove that "
        f'comma, or write the comma key as "comma": "{named}"'
    )


def find_clashes(keys: dict[str, str]) -> list[Clash]:
    """Every key bound to more than one action on the same screen."""
    clashes: list[Clash] = []
    for screen, ids in screen_actions().items():
        owners: dict[str, list[str]] = {}
        for action_id in ids:
            for key in keys.get(action_id, "").split(","):
                if key and action_id not in owners.setdefault(key, []):
                    owners[key].append(action_id)
        clashes.extend(
            Clash(screen, key, tuple(actions))
            for key, actions in owners.items()
            if len(actions) > 1
        )
    return clashes


def clashes_for(keys: dict[str, str], action_id: str, key: str) -> list[Clash]:
    """What binding `key` to `action_id` (in place of its keys) would clash with."""
    trial = dict(keys)
    trial[action_id] = key
    return [
        clash for clash in find_clashes(trial) if clash.key == key and action_id in clash.actions
    ]
