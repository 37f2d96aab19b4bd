"""``python -m vexascite``."""

from .cli import main

main()
