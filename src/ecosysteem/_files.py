"""Writing files so that a reader never sees half of one; the one atomic-write helper of every layer.

Data goes to a temporary file (or folder) beside the target, is flushed to disk and renamed over it; if anything
fails the target is untouched, the temporary file is removed and an :class:`~ecosysteem.errors.OutputError` says
in one line which file could not be written and why (a missing or read-only folder, a full disk …).

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     write_atomic(pathlib.Path(d) / "a.txt", "hallo").read_text(encoding="utf-8")
'hallo'
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Literal

from ecosysteem.errors import OutputError

__all__ = ["atomic_file", "atomic_folder", "file_mode", "write_atomic", "write_atomic_folder"]


def file_mode(path: Path) -> int:
    """The mode a plain ``open(path, "w")`` would leave: an existing file's own, else 0o666 less the umask.

    ``tempfile.mkstemp`` creates private 0600 files; a file renamed over ``path`` gets this mode instead.
    """
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def _folder_mode(path: Path) -> int:
    """The mode ``mkdir`` would give (0o777 less the umask), or the replaced folder's own; not mkdtemp's 0o700."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o777 & ~_umask()


def _umask() -> int:
    umask = os.umask(0)  # reading the umask means setting it; put it straight back
    os.umask(umask)
    return umask


def _folder(path: Path) -> Path:
    folder = path.parent if str(path.parent) else Path()
    if folder.exists() and not folder.is_dir():
        raise OutputError(
            f"{path}: {folder} is a file, not a folder; choose another place",
            nl=f"{path}: {folder} is een bestand, geen map; kies een andere plek",
        )
    if not folder.is_dir():
        raise OutputError(
            f"{path}: the folder {folder} does not exist; create it first",
            nl=f"{path}: de map {folder} bestaat niet; maak die eerst aan",
        )
    return folder


def _cannot(path: Path, exc: OSError) -> OutputError:
    return OutputError(
        f"{path}: cannot write it ({exc.strerror or exc}); choose another file or folder",
        nl=f"{path}: kan hier niet schrijven ({exc.strerror or exc}); kies een ander bestand of een andere map",
    )


@contextlib.contextmanager
def atomic_file(path: str | Path, mode: Literal["w", "wb"] = "w") -> Iterator[IO[Any]]:
    """Open a temporary file for writing that replaces ``path`` when the ``with`` block ends without error.

    Parameters
    ----------
    path
        The file to write; its folder must exist.
    mode
        ``"w"`` (UTF-8 text, ``\\n`` line ends) or ``"wb"``.

    Returns
    -------
    A context manager yielding the open file. The file gets the permissions ``open(path, "w")`` would give.

    Raises
    ------
    OutputError
        The folder is missing or cannot be written, or writing fails; ``path`` is then untouched.
    """
    path = Path(path)
    folder = _folder(path)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _cannot(path, exc) from None
    tmp = Path(name)
    try:
        handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n") if mode == "w" else os.fdopen(fd, "wb")
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.chmod(file_mode(path))
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _cannot(path, exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: str | Path, content: str | bytes) -> Path:
    """Write ``content`` to ``path`` atomically (UTF-8 for text) and return the path.

    The data goes to a temporary file in the same folder, is flushed to disk and then renamed over ``path``;
    if anything fails, ``path`` is untouched and the temporary file is removed. The file gets the permissions a
    plain ``open(path, "w")`` would give (an existing file keeps its mode), not ``mkstemp``'s private 0600.

    Raises :class:`~ecosysteem.errors.OutputError` when the file cannot be written.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    with atomic_file(path, "wb") as handle:
        handle.write(data)
    return Path(path)


def write_atomic_folder(path: str | Path, files: Mapping[str, str | bytes]) -> Path:
    """Write ``files`` (name → content) into the new folder ``path`` as a whole and return the path.

    ``path`` must not exist yet or be an empty folder (see :func:`atomic_folder` for replacing a folder). Raises
    :class:`~ecosysteem.errors.OutputError` otherwise, or when it cannot be written.
    """
    path = Path(path)
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise OutputError(
            f"{path}: exists and is not an empty folder; give a new folder or a .zip file",
            nl=f"{path}: bestaat al en is geen lege map; geef een nieuwe map of een .zip-bestand",
        )
    with atomic_folder(path) as staging:
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (staging / name).write_bytes(data)
    return path


@contextlib.contextmanager
def atomic_folder(path: str | Path, what: tuple[str, str] = ("the folder", "de map")) -> Iterator[Path]:
    """A temporary folder beside ``path`` to fill; when the block ends without error it replaces ``path`` whole.

    The folder is put on disk (one ``os.sync`` where there is one: a flush per file costs a journal commit each)
    and swapped in by renames; an old folder at ``path`` is removed only once the new one is in place. Staging
    folders of earlier runs whose process has ended are removed first. If the block fails, ``path`` is untouched
    and the staging folder removed; an ``OSError`` becomes an :class:`~ecosysteem.errors.OutputError` that names
    ``what`` was written, in English and Dutch (``("the site", "de site")``).
    """
    path = Path(path)
    folder = _folder(path)
    if path.exists() and not path.is_dir():
        raise OutputError(
            f"{path}: it is a file, not a folder; give a folder",
            nl=f"{path}: dit is een bestand, geen map; geef een map",
        )
    _clean_stale(folder, path.name)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=folder))
    except OSError as exc:
        raise _cannot(path, exc) from None
    try:
        yield staging
        staging.chmod(_folder_mode(path))
        _to_disk(staging)
        _swap(staging, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        raise OutputError(
            f"{path}: cannot write {what[0]} ({exc.strerror or exc}); choose another folder or free some space",
            nl=f"{path}: kan {what[1]} niet schrijven ({exc.strerror or exc}); kies een andere map of maak ruimte vrij",
        ) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _to_disk(staging: Path) -> None:
    if hasattr(os, "sync"):
        os.sync()
        return
    for path in sorted(p for p in staging.rglob("*") if p.is_file()):
        with path.open("r+b") as handle:
            os.fsync(handle.fileno())


def _swap(staging: Path, target: Path) -> None:
    """Put ``staging`` where ``target`` is, by renames; the old folder is removed only once the new one is in place."""
    if not target.exists():
        staging.rename(target)
        return
    old = target.with_name(f".{target.name}.{os.getpid()}.old.tmp")
    target.rename(old)
    try:
        staging.rename(target)
    except OSError:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _clean_stale(parent: Path, name: str) -> None:
    """Remove staging folders of earlier runs for ``name`` whose process no longer runs."""
    for folder in parent.glob(f".{name}.*.tmp"):
        pid = folder.name[len(name) + 2 :].split(".", 1)[0]
        if folder.is_dir() and not (pid.isdigit() and _running(int(pid))):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our own earlier run, ended by an error that could not clean up
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
