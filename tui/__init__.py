"""chapbook: a terminal reader for long-form fiction."""

__version__ = "0.1.0"
