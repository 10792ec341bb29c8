"""The ``ecosysteem`` command: a thin layer over the Python API.

Exit status: 0 when the command ran (whatever it found), 1 when ``validate`` finds violations, 2 for bad usage or
bad input (a missing or malformed file, an unknown query …), with one clear line on stderr instead of a traceback.
Heavy modules are imported inside the commands so that ``ecosysteem --help`` stays fast.

Each module of this package adds its commands to the one :data:`cli` group; importing them here registers them.
"""

from __future__ import annotations

from ecosysteem.cli import analysis, core, diff, generate, viz, workbook
from ecosysteem.cli._app import cli, main

__all__ = ["cli", "main"]

_COMMAND_MODULES = (analysis, core, diff, generate, viz, workbook)
