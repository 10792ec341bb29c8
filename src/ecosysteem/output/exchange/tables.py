"""CSV: one table per class of entity (organisations, collaborations, activities …), for spreadsheets.

Several tables make several files: :func:`write_csv` writes them into a ZIP archive (when the path ends in
``.zip``) or into a new folder, atomically either way.
"""

from __future__ import annotations

import contextlib
import csv
import io
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from ecosysteem.errors import OutputError
from ecosysteem.graph import Ecosystem
from ecosysteem.model import MODEL_CLASSES, Entity, rdf_fields
from ecosysteem.output._atomic import write_atomic
from ecosysteem.output.exchange._common import short

__all__ = ["TABLE_CLASSES", "to_csv_tables", "write_csv"]

TABLE_CLASSES: tuple[type[Entity], ...] = tuple(
    c for c in MODEL_CLASSES if not any(c is not other and issubclass(c, other) for other in MODEL_CLASSES)
)
"""The classes that get a table; a subclass (``Network``, ``Project`` …) shares its parent's table."""

_ZIP_DATE = (2020, 1, 1, 0, 0, 0)  # a fixed timestamp keeps the archive identical for identical data


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    text = str(value)
    return short(text) if text.startswith("https://w3id.org/ecosysteem/id/") else text


def _columns(table_class: type[Entity]) -> list[str]:
    columns = ["id", "class"]
    for cls in MODEL_CLASSES:
        if issubclass(cls, table_class):
            columns += [name for name in rdf_fields(cls) if name not in columns]
    return columns


def to_csv_tables(eco: Ecosystem) -> dict[str, str]:
    """Return ``{file name: CSV text}``: one table per class in :data:`TABLE_CLASSES`, also when empty.

    Each row is one entity as its model reads it: ``id`` and IRI values shortened to ``kind/slug``, ``class`` the
    most specific model class (``Network`` in the collaboration table), lists joined with ``"; "``.

    >>> from ecosysteem.graph import load
    >>> tables = to_csv_tables(load())
    >>> tables["organisation.csv"].splitlines()[0][:40]
    'id,class,label_nl,label_en,description_n'
    """
    out: dict[str, str] = {}
    for table_class in TABLE_CLASSES:
        columns = _columns(table_class)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for entity in eco.entities(table_class):
            row = {**entity.model_dump(), "class": type(entity).__name__}
            writer.writerow([_cell(row.get(column)) for column in columns])
        out[f"{table_class.iri_kind}.csv"] = buffer.getvalue()
    return out


def _zip(tables: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in sorted(tables.items()):
            archive.writestr(zipfile.ZipInfo(name, date_time=_ZIP_DATE), text.encode("utf-8"))
    return buffer.getvalue()


def write_csv(eco: Ecosystem, path: str | Path) -> Path:
    """Write the tables of :func:`to_csv_tables` to ``path``: a ZIP archive if it ends in ``.zip``, else a folder.

    Both are atomic: the archive is renamed into place; the folder is filled under a temporary name and then
    renamed, so it must not exist yet (or be empty).

    Raises :class:`~ecosysteem.errors.OutputError` if the folder exists and holds files, or cannot be written.
    """
    path = Path(path)
    tables = to_csv_tables(eco)
    if path.suffix.lower() == ".zip":
        return write_atomic(path, _zip(tables))
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise OutputError(f"{path}: exists and is not an empty folder; give a new folder or a .zip file")
    parent = path.parent if str(path.parent) else Path()
    if not parent.is_dir():
        raise OutputError(f"{path}: the folder {parent} does not exist; create it first")
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent))
    try:
        for name, text in tables.items():
            (tmp / name).write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            shutil.rmtree(tmp)
        raise OutputError(f"{path}: cannot write it ({exc.strerror})") from None
    return path
