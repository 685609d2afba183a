"""The terminal side of the app: the driver, output tidied on its way to the terminal, pastes
kept whole when the terminal's codes arrive split (`pastes`), and unexpected errors kept off
it (`crash`).

The one place that may touch Textual's internals; `CHAPBOOK_PLAIN_OUTPUT=1` turns the
rewriting off, `CHAPBOOK_DEBUG=1` shows errors as Textual does.
"""
