"""The terminal side of the app: the driver, its input and output, and handing it over.

The driver, bytes that are not UTF-8 read without a crash (`input_bytes`), output tidied on its
way to the terminal, pastes kept whole when the terminal's codes arrive split (`pastes`), the
terminal handed to a shell or a pager and taken back (`handover`), resizes the terminal has
already left skipped (`resizes`), keys handled one at a time in the order typed
(`keys_in_order`), keys typed while chapbook starts read as typed (`typed_early`), ctrl+space
one key however the terminal sends it (`nul_key`), and unexpected errors kept off it (`crash`).

The one place that may touch Textual's internals; `CHAPBOOK_PLAIN_OUTPUT=1` turns the
rewriting off, `CHAPBOOK_DEBUG=1` shows errors as Textual does.
"""
