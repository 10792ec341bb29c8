"""The ``ecosysteem`` command: a thin layer over the Python API.

Exit status: 0 when the command ran (whatever it found); 2 for a usage error (an unknown query, gap type, name or
option value …); 1 for a data problem (a missing or malformed file, a workbook with problems, an unwritable output)
and when ``validate`` finds violations — with one clear line on stderr instead of a traceback (see ``_app``).
Heavy modules are imported inside the commands so that ``ecosysteem --help`` stays fast.

Each module of this package adds its commands to the one :data:`cli` group; importing them here registers them.
"""

from __future__ import annotations

from ecosysteem.cli import analysis, core, diff, generate, viz, workbook
from ecosysteem.cli._app import cli, main

__all__ = ["cli", "main"]

_COMMAND_MODULES = (analysis, core, diff, generate, viz, workbook)
