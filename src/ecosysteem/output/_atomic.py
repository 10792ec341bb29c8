"""Write files so that a reader never sees half of one: write a temporary file beside the target, then rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ecosysteem._files import file_mode
from ecosysteem.errors import OutputError

__all__ = ["write_atomic"]


def write_atomic(path: str | Path, content: str | bytes) -> Path:
    """Write ``content`` to ``path`` atomically (UTF-8 for text) and return the path.

    The data goes to a temporary file in the same folder, is flushed to disk and then renamed over ``path``;
    if anything fails, ``path`` is untouched and the temporary file is removed. The file gets the permissions a
    plain ``open(path, "w")`` would give (an existing file keeps its mode), not ``mkstemp``'s private 0600.
    """
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise OutputError(f"{path}: the folder {folder} does not exist; create it first")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).chmod(file_mode(path))
        Path(tmp).replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise OutputError(f"{path}: cannot write it ({exc.strerror})") from None
    return path
