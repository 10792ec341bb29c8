"""CSV: one table per class of entity (organisations, collaborations, activities …), for spreadsheets.

Several tables make several files: :func:`write_csv` writes them into a ZIP archive (when the path ends in
``.zip``) or into a new folder, atomically either way. The tables are for reading (a spreadsheet, pandas); they
cannot be imported back: ``ecosysteem template --fill`` makes the workbook that ``ecosysteem import`` reads. A text
that a spreadsheet would run as a formula gets OWASP's ``'`` in front (:mod:`ecosysteem._cells`).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from ecosysteem._cells import csv_table
from ecosysteem._files import write_atomic, write_atomic_folder
from ecosysteem._gc import paused_gc
from ecosysteem._iri import short_iri
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.convert import index_entities
from ecosysteem.model import MODEL_CLASSES, Entity, rdf_fields

__all__ = ["TABLE_CLASSES", "to_csv_tables", "write_csv"]

TABLE_CLASSES: tuple[type[Entity], ...] = tuple(
    c for c in MODEL_CLASSES if not any(c is not other and issubclass(c, other) for other in MODEL_CLASSES)
)
"""The classes that get a table; a subclass (``Network``, ``Project`` …) shares its parent's table."""

_ZIP_DATE = (2020, 1, 1, 0, 0, 0)  # a fixed timestamp keeps the archive identical for identical data


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_plain(v) for v in value)
    return short_iri(str(value))


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
    with paused_gc():  # every entity of the graph as a model: many objects that stay alive while read
        index = eco.index()  # shared by the tables: a predicate is read once for all of them
        for table_class in TABLE_CLASSES:
            columns = _columns(table_class)
            entities = index_entities(index, table_class)
            records = ({**entity.model_dump(), "class": type(entity).__name__} for entity in entities)
            rows = ([_plain(r.get(c)) for c in columns] for r in records)
            out[f"{table_class.iri_kind}.csv"] = csv_table(columns, rows)
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
    return write_atomic_folder(path, tables)
