"""The terminal side of the app: the driver, and output tidied on its way to the terminal.

The one place that may touch Textual's driver internals; `CHAPBOOK_PLAIN_OUTPUT=1` turns
the rewriting off.
"""
