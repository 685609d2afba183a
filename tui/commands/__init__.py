"""Entry points of the `chapbook` subcommands."""
