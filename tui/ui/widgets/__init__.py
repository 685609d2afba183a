"""Widgets shared by the screens: the reading view, status line, prompt and library list.

- `reader_view`: the reading view; `status_line`: the reader's status line; `prompt_bar`:
  its one-line prompt.
- `library_table`: the library list; `library_detail`: the bar above it and the detail
  below; `library_scanner`: the scan line and its worker.
- `settings_list`: the settings screen's list of settings and actions; `settings_problems`:
  the panel over it, with what a save did and what is wrong in the file.
- `fitting_footer`, `keyhint`, `safe_input`, `selection`: a footer that fits, the key a user
  has for an action, a text box that holds no control characters, safe option lists.
"""
