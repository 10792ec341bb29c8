"""File permissions for atomically written files, shared by every layer that writes one."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["file_mode"]


def file_mode(path: Path) -> int:
    """The mode a plain ``open(path, "w")`` would leave: an existing file's own, else 0o666 less the umask.

    ``tempfile.mkstemp`` creates private 0600 files; a file renamed over ``path`` gets this mode instead.
    """
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)  # reading the umask means setting it; put it straight back
        os.umask(umask)
        return 0o666 & ~umask
