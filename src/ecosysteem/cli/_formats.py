"""The ``--format`` choices of the commands that write exchange formats: the one table ``ecosysteem.io.FORMATS``."""

from __future__ import annotations

from collections.abc import Sequence

import click

__all__ = ["FormatChoice"]


class FormatChoice(click.Choice[str]):
    """The names of :data:`ecosysteem.io.FORMATS` (or those of them in ``only``), read when a command needs them.

    The registry imports rdflib and networkx; ``ecosysteem --help`` should not wait for them.
    """

    def __init__(self, only: Sequence[str] | None = None) -> None:
        self.only = tuple(only) if only is not None else None
        super().__init__((), case_sensitive=True)

    @property
    def choices(self) -> tuple[str, ...]:
        from ecosysteem.io import FORMATS

        return tuple(name for name in FORMATS if self.only is None or name in self.only)

    @choices.setter
    def choices(self, _value: object) -> None:
        """click's ``__init__`` sets the choices; here they come from the registry."""
