"""Settings and keys: the shipped `config/default.toml` merged with the user's file.

- `settings`: `Settings`, `load_settings` and `reload_if_changed`; `schema`: what each setting
  may hold.
- `defaults`: the shipped defaults, every setting and every action's keys.
- `keymaps`: presets, each screen's actions, clashes; `key_names`: key names as Textual
  delivers them, normalised and checked; `key_guesses`: the key meant by one written otherwise
  (`ctlr+f`, `PgDn`, `<C-f>`); `key_display`: keys as people see them (`PgDn`) and
  as they would write them back;
  `terminal_keys`: keys most terminals never send as written, and what to write instead.
- `keymap_check`: checking a user's `[keys]` table; `key_clashes`: the user's keys laid over
  the preset, a default losing the key the user gave another action, with a word;
  `entry_words` and `keymap_slips`: what to say of entries not read as written (`[[reader]]`,
  `preset = "vim"` under [keys]); `edit`: editing settings in the app;
  `store`: writing the user's overrides back safely; `repairs`: the entries a save gives the
  values in use, where the file's could not be used; `template`: the settings.toml
  `chapbook config init` writes, every setting shown and none set; `warnings_told`: which
  warnings of the file were told already, so that start-up tells each set once.
"""
