"""``python -m lstm_helpers.benchmark``: runs :func:`lstm_helpers.benchmark.cli.main`."""

from .cli import main

main()
