"""``python -m ecosysteem`` runs the command-line interface."""

from ecosysteem.cli import main

main()
