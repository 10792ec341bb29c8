"""From located rows to models to RDF: resolving names, checking values, collecting every problem."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from rdflib import Graph, URIRef

from ecosysteem.graph.convert import bind_prefixes, expand_curie, to_graph
from ecosysteem.graph.names import normalise_name
from ecosysteem.graph.workbook._cells import parse_date, split_values
from ecosysteem.graph.workbook._index import Entry, Index, Vocabulary, key, kind_name, short_id, suggest
from ecosysteem.graph.workbook._problems import Msg, Problem, WorkbookError
from ecosysteem.graph.workbook._read import RawRow, RawSheet, read_files
from ecosysteem.graph.workbook._shapes import shape_violations
from ecosysteem.graph.workbook._spec import (
    ACTIVITIES,
    COLLABORATIONS,
    IMPORT_ORDER,
    MEMBERSHIPS,
    NOT_SAME,
    ORGANISATIONS,
    PARTIES,
    PARTY_ROLES,
    SHEETS,
    SOURCES,
    Column,
    Sheet,
)
from ecosysteem.model import (
    Activity,
    Collaboration,
    Entity,
    Membership,
    Network,
    Organisation,
    Project,
    SourceDocument,
    rdf_fields,
    slugify,
)
from ecosysteem.model._fields import BASE, _expand_iri
from ecosysteem.vocab import RDFS

__all__ = ["ImportResult", "derive_iri", "import_workbook"]

RowId = tuple[str, str, int]
KEY_FIELDS = ("in_plan", "part_of", "network", "unit_of", "member", "organization", "plan")
"""Reference columns an IRI is derived from; they are resolved before any other reference."""

_NETWORK_PREFIX = re.compile(r"^\s*netwerk(en)?\s+palliatieve\s+zorg\s+", re.IGNORECASE)
_DEFAULT_LEVEL = {"netwerk": "level/regionaal", "bovenregionaal samenwerkingsverband": "level/bovenregionaal"}
_SCHEME_NAMES: dict[str, Msg] = {
    "level": ("niveau", "level"),
    "organisation-type": ("organisatietype", "organisation type"),
    "line-of-care": ("lijn", "line of care"),
    "region-type": ("regiosoort", "region type"),
    "group-type": ("groepssoort", "group type"),
    "role": ("rol", "role"),
    "party-role": ("rol", "role"),
    "status": ("status", "status"),
    "pillar": ("pijler", "pillar"),
    "loop": ("kringloop", "loop"),
    "function": ("bijenkorffunctie", "bijenkorf function"),
    "action": ("bijenkorfactie", "bijenkorf action"),
    "theme": ("thema", "theme"),
}
NEAR = 0.9
"""How similar (:func:`ecosysteem.graph.names.similarity`) a new name must be to an existing one to be asked about."""
_SAME_KINDS = (ORGANISATIONS, COLLABORATIONS)
"""Sheets whose new rows are first matched against what exists (never a silent second entity)."""


def derive_iri(cls: type[BaseModel], data: dict[str, Any]) -> str:
    """Return the IRI a row gets when its *id* cell is empty: the model's rule, and for a network the region part.

    >>> derive_iri(Network, {"label_nl": "Netwerk Palliatieve Zorg Salland"})
    'https://w3id.org/ecosysteem/id/network/salland'
    """
    if cls is Network:
        name = _NETWORK_PREFIX.sub("", str(data["label_nl"])) or str(data["label_nl"])
        return f"{BASE}network/{slugify(name)}"
    if not issubclass(cls, Entity):
        raise TypeError(f"{cls.__name__} is not an entity class")
    data = dict(data)
    if issubclass(cls, Activity) and data.get("network") and not (data.get("in_plan") or data.get("part_of")):
        data["part_of"] = data["network"]  # an activity without a plan is named after its network
    return f"{BASE}{cls.iri_kind}/{cls.slug_for(data)}"


def _what(column: Column) -> Msg:
    """What a column's values are called in messages, ``(nl, en)``."""
    if column.kind == "concept":
        return _SCHEME_NAMES.get(column.scheme or "", (column.scheme or "waarde", column.scheme or "value"))
    if column.field in ("member", "party"):
        return ("partij", "party")
    if len(column.targets) == 1 and column.targets[0] is not Entity:
        return kind_name(column.targets[0])
    if column.targets == (Organisation, Collaboration):
        return ("organisatie of samenwerkingsverband", "organisation or collaboration")
    return ("ding", "entity") if Entity in column.targets else ("partij", "party")


@dataclass
class _Keyed:
    row: RawRow
    cls: type[BaseModel]
    iri: str
    data: dict[str, Any]


@dataclass
class ImportResult:
    """What an import found: the models built from the valid rows, and every problem, located.

    ``graph`` holds the triples of ``models`` only (not the context the names were resolved against). When
    ``problems`` holds errors, write nothing — unless a partial import was asked for, in which case ``models``
    are the rows without problems.
    """

    models: list[BaseModel] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    """What the import decided on its own and says so: e.g. a name linked to an existing entity of another spelling."""
    locations: dict[str, str] = field(default_factory=dict)
    """IRI → ``file, sheet 'S', row R`` of the row it comes from"""
    rows_read: int = 0
    rows_skipped: int = 0
    _graph: Graph | None = field(default=None, repr=False, compare=False)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        """True when there are no errors (warnings allowed)."""
        return not self.errors

    @property
    def graph(self) -> Graph:
        """The RDF of the imported models (made once: the import already made it to check the shapes)."""
        if self._graph is None:
            self._graph = to_graph(self.models, bind_prefixes(Graph()))
        return self._graph

    def turtle(self) -> str:
        """The imported models as Turtle."""
        return self.graph.serialize(format="turtle")

    def report(self, lang: str = "nl") -> str:
        """A readable report in ``lang``: one line per problem, one per note, then the summary."""
        lines = [p.text(lang) for p in sorted(self.problems)]
        lines += [n.text(lang) for n in sorted(self.notes)]
        lines.append(self.summary(lang))
        return "\n".join(lines)

    def summary(self, lang: str = "nl") -> str:
        """One line: entities, rows, skipped rows, errors, warnings, names linked to existing entities."""
        linked = len(self.notes)
        if lang == "en":
            return (
                f"{len(self.models)} entities from {self.rows_read} rows; {self.rows_skipped} row(s) skipped; "
                f"{len(self.errors)} error(s), {len(self.warnings)} warning(s); "
                f"{linked} name(s) linked to an existing entity."
            )
        return (
            f"{len(self.models)} dingen uit {self.rows_read} rijen; {self.rows_skipped} rij(en) overgeslagen; "
            f"{len(self.errors)} fout(en), {len(self.warnings)} waarschuwing(en); "
            f"{linked} naam/namen gekoppeld aan een bestaand ding."
        )

    def raise_for_errors(self) -> None:
        """Raise :class:`WorkbookError` (listing every problem, in Dutch and English) if there are errors."""
        if self.errors:
            raise WorkbookError(sorted(self.problems))


def import_workbook(
    *paths: str | Path,
    context: Any = None,
    encoding: str | None = None,
    partial: bool = False,
    validate: bool = True,
) -> ImportResult:
    """Read filled-in workbooks (``.xlsx``) or CSV files (one per sheet) into models, resolving every name.

    Parameters
    ----------
    paths:
        one workbook made from :func:`template_workbook`, or CSV files named after the sheets
        (``organisaties.csv``, ``activiteiten.csv`` …; ``,``, ``;`` or tab delimited, UTF-8).
    context:
        the graph (an :class:`~ecosysteem.graph.Ecosystem` or rdflib ``Graph``) that names not defined in the
        workbook are looked up in, and whose vocabularies the drop-down values come from; default
        :func:`ecosysteem.load` (ontology + default datasets).
    encoding:
        the encoding of the CSV files, if not UTF-8 (e.g. ``"cp1252"``).
    partial:
        leave out rows with problems (and rows that refer to them) instead of stopping at them.
    validate:
        also check the result against the SHACL shapes (together with ``context``).

    Returns
    -------
    ImportResult
        the models and every problem with its file, sheet, row, column and value. Nothing is raised for bad
        rows: call :meth:`ImportResult.raise_for_errors` to turn errors into a :class:`WorkbookError`.

    Examples
    --------
    >>> from ecosysteem.graph.workbook import import_workbook
    >>> result = import_workbook("no-such-file.xlsx", context=Graph())
    >>> print(result.errors[0])
    no-such-file.xlsx: bestand niet gevonden: no-such-file.xlsx
    """
    files = [Path(p) for p in paths]
    graph = _context_graph(context)
    sheets, structural = read_files(files, encoding)
    importer = _Importer(sheets, graph, files[0].name if files else "werkboek")
    return importer.run(structural, partial=partial, validate=validate)


def _context_graph(context: Any) -> Graph:
    if context is None:
        from ecosysteem.graph.ecosystem import load

        return load().graph
    if isinstance(context, Graph):
        return context
    graph = getattr(context, "graph", None)
    if isinstance(graph, Graph):
        return graph
    raise TypeError(f"context must be an Ecosystem or an rdflib Graph, not {type(context).__name__}")


class _Importer:
    def __init__(self, sheets: list[RawSheet], context: Graph, file_name: str) -> None:
        self.sheets = sheets
        self.context = context
        self.base_index = Index.from_graph(context)
        schemes = {c.scheme for s in SHEETS for c in s.columns if c.scheme}
        self.vocab = Vocabulary.from_graph(context, schemes)
        self.file_name = file_name
        self.rows: dict[Sheet, list[RawRow]] = {}
        for raw in sheets:
            self.rows.setdefault(raw.sheet, []).extend(raw.rows)

    # -- the driver ------------------------------------------------------------------------------------------

    def run(self, structural: list[Problem], partial: bool, validate: bool) -> ImportResult:
        all_rows = [r for rows in self.rows.values() for r in rows]
        excluded: set[RowId] = set()
        problems: list[Problem] = list(structural)
        if partial:
            excluded |= self._rows_of(structural)
        models: dict[RowId, BaseModel] = {}
        for _round in range(12):
            models, found = self._attempt(excluded)
            problems += found
            bad = self._rows_of(found)
            if bad and partial:
                excluded |= bad
                continue
            if bad or not validate or not models:
                break
            if any(p.severity == "error" for p in problems) and not partial:
                break
            violations = self._shacl(models)
            problems += violations
            bad = self._rows_of(violations)
            if not (bad and partial):
                break
            excluded |= bad
        result = ImportResult(rows_read=len(all_rows), rows_skipped=len({_rid(r) for r in all_rows} & excluded))
        result.problems = sorted(set(problems))
        result.notes = sorted(set(self.notes))
        if partial or not result.errors:
            result.models = sorted(models.values(), key=lambda m: str(getattr(m, "id", "")))
            used_default = any(self._default_source in getattr(m, "sources", []) for m in result.models)
            if used_default and self._default_source_model is not None:
                result.models.append(self._default_source_model)
            checked = getattr(self, "_checked", None)
            if checked is not None and checked[0] is models:
                result._graph = checked[1]
                if used_default and self._default_source_model is not None:
                    to_graph([self._default_source_model], result._graph)
        result.locations = {
            str(getattr(m, "id", "")): f"{rid[0]}, sheet '{rid[1]}', row {rid[2]}" for rid, m in models.items()
        }
        return result

    @staticmethod
    def _rows_of(problems: Iterable[Problem]) -> set[RowId]:
        rows: set[RowId] = set()
        for p in problems:
            if p.severity != "error" or not p.row:
                continue
            rows.add((p.file, p.sheet, p.row))
            if p.message_en.startswith("merged cells") and p.value:
                numbers = [int(n) for n in re.findall(r"\d+", p.value)]
                rows |= {(p.file, p.sheet, n) for n in range(min(numbers), max(numbers) + 1)}
        return rows

    # -- one pass over every row -----------------------------------------------------------------------------

    def _attempt(self, excluded: set[RowId]) -> tuple[dict[RowId, BaseModel], list[Problem]]:
        self.index = self.base_index.copy()
        self.keyed: dict[RowId, _Keyed] = {}
        self.defined: dict[str, RowId] = {}
        self.notes: list[Problem] = []
        self.excluded_names = {
            key(r.text(c) or ""): r.where
            for rows in self.rows.values()
            for r in rows
            if _rid(r) in excluded
            for c in r.sheet.columns
            if c.field == "label_nl"
        }
        problems: list[Problem] = []
        for sheet in IMPORT_ORDER:
            problems += self._key_sheet(sheet, [r for r in self.rows.get(sheet, []) if _rid(r) not in excluded])
        self._set_default_source()
        failed = self._rows_of(problems)
        for sheet in IMPORT_ORDER:
            for row in self.rows.get(sheet, []):
                if _rid(row) in self.keyed and _rid(row) not in failed:
                    problems += self._fill(self.keyed[_rid(row)])
        additions: dict[str, dict[str, list[str]]] = {}
        for row in self.rows.get(PARTIES, []):
            if _rid(row) not in excluded:
                problems += self._party(row, additions)
        models, found = self._models(additions, self._rows_of(problems))
        return models, problems + found

    def _models(
        self, additions: dict[str, dict[str, list[str]]], failed: set[RowId]
    ) -> tuple[dict[RowId, BaseModel], list[Problem]]:
        """The model of every keyed row without problems, with the parties sheet *Wie* adds to activities and the
        links held by the entity a row names (a plan's goals)."""
        models: dict[RowId, BaseModel] = {}
        problems = self._stored_on(additions, failed)
        failed = failed | self._rows_of(problems)
        for rid, keyed in self.keyed.items():
            if rid in failed:
                continue
            stored = {c.field for c in keyed.row.sheet.columns if c.stored_on}  # no fields of the row's model
            data = {k: v for k, v in keyed.data.items() if k not in stored}
            for name, values in additions.get(keyed.iri, {}).items():
                data[name] = [*data.get(name, []), *values]
            data.pop("same_as", None)
            if network := data.pop("network", None):
                data["responsible"] = [network, *(p for p in data.get("responsible", []) if p != network)]
            if found := self._activity_rule(keyed, data):
                problems.append(found)
                continue
            try:
                models[rid] = keyed.cls.model_validate(data)
            except ValidationError as exc:
                problems += self._invalid(keyed, exc)
        return models, problems

    def _stored_on(self, additions: dict[str, dict[str, list[str]]], failed: set[RowId]) -> list[Problem]:
        """Add each row to the entity that holds its link (a goal to its plan's ``goals``): see ``Column.stored_on``.

        That entity must be a row of this workbook: a link added to an entity of the context would be lost.
        """
        problems: list[Problem] = []
        for rid, keyed in self.keyed.items():
            for column in keyed.row.sheet.columns:
                holder = keyed.data.get(column.field) if column.stored_on and rid not in failed else None
                if holder is None or column.stored_on is None:
                    continue
                if holder in self.defined:
                    additions.setdefault(holder, {}).setdefault(column.stored_on, []).append(keyed.iri)
                    continue
                text = keyed.row.text(column)
                what = _what(column)
                sheet = next(s for s in SHEETS if set(column.targets) <= set(s.classes))
                message = (
                    f"'{text}' is geen {what[0]} van dit werkboek: zet het op blad {sheet.nl}",
                    f"'{text}' is not a {what[1]} of this workbook: add it to sheet {sheet.nl}",
                )
                problems.append(keyed.row.problem(column, message, text))
        return problems

    @staticmethod
    def _invalid(keyed: _Keyed, exc: ValidationError) -> list[Problem]:
        problems = []
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else ""
            column = next((c for c in keyed.row.sheet.columns if c.field == name), None)
            message = str(error["msg"])
            problems.append(
                keyed.row.problem(
                    column, (f"ongeldige waarde: {message}", message), keyed.row.text(column) if column else None
                )
            )
        return problems

    @staticmethod
    def _activity_rule(keyed: _Keyed, data: dict[str, Any]) -> Problem | None:
        """An activity belongs to a plan, a project, or a network or other party (it may stand alone)."""
        if keyed.row.sheet is not ACTIVITIES or issubclass(keyed.cls, Project):
            return None
        parties = ("responsible", "lead", "participants", "funded_by", "advised_by")
        if data.get("in_plan") or data.get("part_of") or any(data.get(p) for p in parties):
            return None
        return keyed.row.problem(
            ACTIVITIES.column("network"),
            (
                "een activiteit hoort bij een plan (kolom 'plan'), een project (kolom 'deel van') of een netwerk "
                "(kolom 'netwerk', of een partij op blad Wie)",
                "an activity belongs to a plan (column 'plan'), a project (column 'deel van') or a network "
                "(column 'netwerk', or a party on sheet Wie)",
            ),
        )

    # -- phase 1: every row's IRI --------------------------------------------------------------------------------

    def _key_sheet(self, sheet: Sheet, rows: list[RawRow]) -> list[Problem]:
        problems: list[Problem] = []
        pending = list(rows)
        label = next((c for c in sheet.columns if c.field == "label_nl"), None)
        while pending:
            deferred: list[RawRow] = []
            waiting = {normalise_name(r.text(label) or "") for r in pending} if label is not None else set()
            for row in pending:
                outcome = self._key(row, waiting)
                if outcome is None:
                    deferred.append(row)
                else:
                    problems += outcome
                    if outcome and label is not None and row.text(label):
                        self.excluded_names.setdefault(key(row.text(label) or ""), row.where)
            if len(deferred) == len(pending):
                for row in deferred:
                    problems += self._key(row, set()) or []
                break
            pending = deferred
        return problems

    def _key(self, row: RawRow, waiting: set[str]) -> list[Problem] | None:
        """Work out the row's class and IRI and index it; ``None`` if it waits for a row not keyed yet."""
        sheet = row.sheet
        cls, problems = self._class_of(row)
        for column in sheet.columns:
            if column.required and row.text(column) is None:
                problems.append(
                    row.problem(
                        column,
                        (f"de verplichte cel '{column.nl}' is leeg", f"the required cell '{column.nl}' is empty"),
                    )
                )
        data: dict[str, Any] = {}
        label = next((c for c in sheet.columns if c.field == "label_nl"), None)
        if label is not None and row.text(label):
            data["label_nl"] = row.text(label)
        for column in sheet.columns:
            if column.field in KEY_FIELDS and (text := row.text(column)):
                found = self.index.lookup(text, column.targets, _what(column))
                if found.iri is None:
                    if normalise_name(text) in waiting:
                        return None
                    problems.append(self._unresolved(row, column, text, found.error, found.suggestion))
                else:
                    data[column.field] = found.iri
        if problems:
            return problems
        iri, names, problems = self._iri(row, cls, data)
        if iri is None:
            return problems
        if iri in self.defined:
            first = self.defined[iri]
            name = row.text(label) if label is not None else short_id(iri)
            return [
                row.problem(
                    label,
                    (
                        f"dubbel: '{name}' staat al op blad '{first[1]}', rij {first[2]} (beide worden "
                        f"{short_id(iri)}); houd één rij over, of geef een van beide een eigen id",
                        f"duplicate: '{name}' is already defined in sheet '{first[1]}', row {first[2]} "
                        f"(both become {short_id(iri)}); keep one row, or give one of them its own id",
                    ),
                    name,
                )
            ]
        data["id"] = iri
        self.defined[iri] = _rid(row)
        names += [n for c in sheet.columns if c.field in ("label_nl", "label_en", "abbreviation") if (n := row.text(c))]
        owner = data.get("unit_of") or data.get("in_plan") or data.get("part_of") or data.get("network")
        owner = owner or data.get("plan")
        self.index.add(Entry(iri, cls, names, owner, row.where[1]))
        self.keyed[_rid(row)] = _Keyed(row, cls, iri, data)
        return []

    def _class_of(self, row: RawRow) -> tuple[type[BaseModel], list[Problem]]:
        """The row's model class (from the *soort* column), and a problem if that value is unknown."""
        sheet = row.sheet
        kind_column = next((c for c in sheet.columns if c.field == "" and c.kind == "choice"), None)
        if kind_column is None or not (text := row.text(kind_column)):
            return sheet.class_for(None), []
        choices = {key(a): b for a, b in sheet.kind_choices()}
        kind = choices.get(key(text))
        if kind is not None:
            return sheet.class_for(kind), []
        options = [nl for nl, _ in sheet.kind_choices()]
        message = (f"onbekende soort '{text}'", f"unknown kind '{text}'")
        return sheet.class_for(None), [row.problem(kind_column, message, text, suggest(text, options))]

    def _iri(
        self, row: RawRow, cls: type[BaseModel], data: dict[str, Any]
    ) -> tuple[str | None, list[str], list[Problem]]:
        """The row's IRI: its *id*, else an existing entity it is the same as, else derived from its name.

        Returns the IRI (``None`` on a problem), the names the existing entity is known by, and the problems.
        """
        sheet = row.sheet
        label = next((c for c in sheet.columns if c.field == "label_nl"), None)
        id_column = next(c for c in sheet.columns if c.kind == "id") if sheet.entity else None
        if id_column is not None and (text := row.text(id_column)):
            return self._given_id(row, id_column, cls, text)
        if sheet in _SAME_KINDS and data.get("label_nl"):
            if twin := self._twin(row, cls, str(data["label_nl"])):
                return None, [], [twin]
            iri, problems = self._match(row, cls, str(data["label_nl"]))
            if iri is not None or problems:
                entry = self.base_index.entries.get(iri or "")
                if entry is not None:  # the existing entity's own labels stay; the typed one is a name to refer by
                    data.update(self._labels_of(iri or ""))
                return iri, list(entry.names) if entry else [], problems
        try:
            if cls is Membership:
                return derive_iri(cls, {"label_nl": "", **data}), [], []
            return derive_iri(cls, data), [], []
        except ValueError as exc:
            return (
                None,
                [],
                [row.problem(label, (f"ongeldige naam: {exc}", str(exc)), row.text(label) if label else None)],
            )

    def _given_id(
        self, row: RawRow, column: Column, cls: type[BaseModel], text: str
    ) -> tuple[str | None, list[str], list[Problem]]:
        """An *id* cell: a valid IRI of the sheet's kind (an existing entity of another kind is an error)."""
        try:
            iri = _expand_iri(text)
        except ValueError as exc:
            return None, [], [row.problem(column, (f"ongeldige id: {exc}", str(exc)), text)]
        existing = self.base_index.entries.get(iri)
        kind = kind_name(cls)
        if existing is not None and not issubclass(existing.cls, row.sheet.classes):
            other = kind_name(existing.cls)
            name = existing.names[0] if existing.names else short_id(iri)
            is_ = (f"al een {other[0]} ('{name}')", f"already a {other[1]} ('{name}')")
            rule = (
                f"moet een {kind[0]} zijn; laat de id leeg of zet de rij op het goede blad",
                f"must be a {kind[1]}; leave the id empty or move the row to the right sheet",
            )
            return None, [], [_wrong_kind_of_id(row, column, text, kind, is_, rule)]
        prefix = iri[len(BASE) :].split("/", 1)[0] if iri.startswith(BASE) else None
        allowed = {getattr(c, "iri_kind", "") for c in row.sheet.classes}
        if existing is None and prefix is not None and prefix not in allowed:
            is_ = (f"een id van soort '{prefix}'", f"an id of kind '{prefix}'")
            starts = sorted(a + "/" for a in allowed if a)
            rule = (f"begint met {' of '.join(starts)}", f"starts with {' or '.join(starts)}")
            return None, [], [_wrong_kind_of_id(row, column, text, kind, is_, rule)]
        return iri, list(existing.names) if existing else [], []

    def _match(self, row: RawRow, cls: type[BaseModel], name: str) -> tuple[str | None, list[Problem]]:
        """Look for ``name`` among the existing entities of the row's kind (see :data:`_SAME_KINDS`).

        The same name after :func:`normalise_name` links (with a note for the summary); a similar one is a
        problem that names the candidate and how to confirm it (column *zelfde als*); *zelfde als* = ``nee``
        makes a new entity. Returns the IRI linked to (or ``None``) and the problems.
        """
        column = row.sheet.column("same_as")
        what = kind_name(cls)
        same_text = row.text(column)
        if same_text is not None and key(same_text) in NOT_SAME:
            return None, []
        if same_text is not None:
            found = self.base_index.lookup(same_text, (cls,), what)
            if found.iri is None:
                return None, [row.problem(column, found.error or ("", ""), same_text, found.suggestion)]
            return found.iri, []
        exact = self.base_index.same_name(name, (cls,))
        if len(exact) == 1:
            self.notes.append(self._link_note(row, name, exact[0]))
            return exact[0].iri, []
        near = exact or [e for e, _n in self.base_index.similar(name, (cls,), NEAR)]
        if not near:
            return None, []
        options = "; ".join(f"'{e.names[0]}' ({short_id(e.iri)})" for e in near[:3])
        message = (
            f"'{name}' lijkt op een bestaande {what[0]}: {options}. Is het dezelfde, zet die naam dan in kolom "
            "'zelfde als'; is het een andere, zet daar 'nee'",
            f"'{name}' looks like an existing {what[1]}: {options}. If it is the same, put that name in column "
            "'zelfde als'; if it is another one, put 'nee' there",
        )
        label = next(c for c in row.sheet.columns if c.field == "label_nl")
        return None, [row.problem(label, message, name, near[0].names[0])]

    def _twin(self, row: RawRow, cls: type[BaseModel], name: str) -> Problem | None:
        """A problem if an earlier row of this workbook has the same name written otherwise ("MC" / "Medisch
        Centrum"); the very same name is the duplicate check's (both rows get one IRI)."""
        for entry in self.index.same_name(name, (cls,)):
            first = self.defined.get(entry.iri)
            if first is None or first == _rid(row) or key(name) in {key(n) for n in entry.names}:
                continue
            label = next(c for c in row.sheet.columns if c.field == "label_nl")
            message = (
                f"'{name}' is dezelfde naam als '{entry.names[0]}' op blad '{first[1]}', rij {first[2]}, anders "
                "geschreven: houd één rij over, of geef een van beide een eigen id",
                f"'{name}' is the same name as '{entry.names[0]}' in sheet '{first[1]}', row {first[2]}, written "
                "otherwise: keep one row, or give one of them its own id",
            )
            return row.problem(label, message, name)
        return None

    @staticmethod
    def _link_note(row: RawRow, name: str, entry: Entry) -> Problem:
        label = next(c for c in row.sheet.columns if c.field == "label_nl")
        existing = entry.names[0] if entry.names else short_id(entry.iri)
        message = (
            f"'{name}' is '{existing}' ({short_id(entry.iri)}) uit de bestaande gegevens: gekoppeld, geen nieuwe "
            "aangemaakt",
            f"'{name}' is '{existing}' ({short_id(entry.iri)}) of the existing data: linked, no new one made",
        )
        return row.problem(label, message, name, severity="note")

    def _labels_of(self, iri: str) -> dict[str, Any]:
        """The Dutch and English labels the context gives ``iri``."""
        labels: dict[str, Any] = {}
        for literal in self.context.objects(URIRef(iri), RDFS.label):
            language = getattr(literal, "language", None)
            if language in ("nl", "en"):
                labels.setdefault(f"label_{language}", str(literal))
        return labels

    def _unresolved(self, row: RawRow, column: Column, text: str, error: Msg | None, suggestion: str | None) -> Problem:
        message = error or (f"'{text}' niet gevonden", f"cannot resolve '{text}'")
        if key(text) in self.excluded_names:
            where = self.excluded_names[key(text)]
            message = (
                f"{message[0]} (het staat op {where[0]}, en die rij heeft fouten)",
                f"{message[1]} (it is defined in {where[1]}, which has errors)",
            )
        return row.problem(column, message, text, suggestion)

    def _set_default_source(self) -> None:
        first = next((k for k in self.keyed.values() if k.cls is SourceDocument), None)
        self._default_source_model: SourceDocument | None = None
        if first is not None:
            self._default_source = first.iri
            return
        stem = Path(self.file_name).stem
        self._default_source_model = SourceDocument(
            label_nl=f"Werkboek {self.file_name}",
            label_en=f"Workbook {self.file_name}",
            title=self.file_name,
            source_file=self.file_name,
            id=f"{BASE}source/werkboek-{slugify(stem)}",
        )
        self._default_source = self._default_source_model.id

    # -- phase 2: every cell -------------------------------------------------------------------------------------

    def _fill(self, keyed: _Keyed) -> list[Problem]:
        row, data = keyed.row, keyed.data
        problems: list[Problem] = []
        for column in row.sheet.columns:
            text = row.text(column)
            if column.field in (*KEY_FIELDS, "label_nl", "", "id") and column.field in data:
                continue
            if column.field in ("", "id", "same_as") or text is None:
                continue
            values, found = self._values(row, column, text, self.index.preferred(data))
            problems += found
            if not found:
                data[column.field] = values if column.multi else values[0]
        if keyed.cls is not SourceDocument and not data.get("sources"):
            data["sources"] = [self._default_source]
        entry = self.index.entries[keyed.iri]
        if data.get("plan_of"):
            entry.owner = data["plan_of"]
        problems += self._row_rules(keyed)
        return problems

    def _values(self, row: RawRow, column: Column, text: str, prefer: set[str]) -> tuple[list[Any], list[Problem]]:
        values: list[Any] = []
        problems: list[Problem] = []
        parts = split_values(text, lines_only=column.kind == "texts") if column.multi else [text]
        for part in parts:
            try:
                if column.kind == "date":
                    values.append(parse_date(part))
                elif column.kind == "integer":
                    if not re.fullmatch(r"\d+", part):
                        problems.append(
                            row.problem(
                                column, (f"'{part}' is geen geheel getal", f"'{part}' is not a whole number"), part
                            )
                        )
                        continue
                    values.append(int(part))
                elif column.kind == "ref":
                    found = self.index.lookup(part, column.targets, _what(column), prefer)
                    if found.iri is None:
                        problems.append(self._unresolved(row, column, part, found.error, found.suggestion))
                    values.append(found.iri)
                elif column.kind == "concept":
                    scheme = self.vocab.scheme(column.scheme or "")
                    found = scheme.lookup(part, _what(column))
                    if found.iri is None:
                        problems.append(row.problem(column, found.error or ("", ""), part, found.suggestion))
                    values.append(found.iri)
                elif column.kind == "choice":
                    choices = {key(a): b for a, b in column.choices}
                    if key(part) not in choices:
                        message = (f"onbekende waarde '{part}'", f"unknown value '{part}'")
                        options = [a for a, _ in column.choices]
                        problems.append(row.problem(column, message, part, suggest(part, options)))
                    values.append(choices.get(key(part)))
                else:
                    values.append(part)
            except ValueError as exc:
                problems.append(row.problem(column, _date_message(part, exc), part))
        return values, problems

    def _row_rules(self, keyed: _Keyed) -> list[Problem]:
        """What the shapes require, checked here so the message can name the cell."""
        row, data, cls = keyed.row, keyed.data, keyed.cls
        sheet = row.sheet
        problems: list[Problem] = []
        if sheet is COLLABORATIONS and issubclass(cls, Collaboration):
            kind = sheet.kind_of(cls)
            linked = keyed.iri in self.base_index.entries  # the existing data already say level and region
            if not data.get("level") and not linked:
                if kind in _DEFAULT_LEVEL:
                    data["level"] = BASE + _DEFAULT_LEVEL[kind]
                else:
                    message = (f"een {kind} heeft een niveau nodig (kolom 'niveau')", f"a {kind} needs a level")
                    problems.append(row.problem(sheet.column("level"), message))
            if cls is Network and not data.get("regions") and not linked:
                message = (
                    "een netwerk heeft een regio nodig (kolom 'regio's'; zet die op blad Regio's)",
                    "a network needs a region (column 'regio's'; define it on sheet Regio's)",
                )
                problems.append(row.problem(sheet.column("regions"), message))
        if sheet is SOURCES and not data.get("title"):
            data["title"] = data.get("label_nl")  # the shapes want a title; the name is one
        if sheet is MEMBERSHIPS and not data.get("label_nl"):
            member, organisation = (self.index.entries[data[f]] for f in ("member", "organization"))
            data["label_nl"] = f"{member.names[0]} lid van {organisation.names[0]}"
            data.setdefault("label_en", f"{member.names[0]} member of {organisation.names[0]}")
        return problems

    # -- the Wie sheet ------------------------------------------------------------------------------------------

    def _party(self, row: RawRow, additions: dict[str, dict[str, list[str]]]) -> list[Problem]:
        sheet = row.sheet
        activity_col, party_col, role_col = sheet.columns
        activity_text, party_text = row.text(activity_col), row.text(party_col)
        problems = [
            row.problem(c, (f"de verplichte cel '{c.nl}' is leeg", f"the required cell '{c.nl}' is empty"))
            for c in (activity_col, party_col)
            if row.text(c) is None
        ]
        if problems or activity_text is None or party_text is None:
            return problems
        activity = self.index.lookup(activity_text, (Activity,), kind_name(Activity))
        if activity.iri is None:
            problems.append(self._unresolved(row, activity_col, activity_text, activity.error, activity.suggestion))
        elif activity.iri not in self.defined or self.defined[activity.iri] not in self.keyed:
            problems.append(
                row.problem(
                    activity_col,
                    (
                        f"'{activity_text}' is geen activiteit van dit werkboek: zet haar op blad Activiteiten",
                        f"'{activity_text}' is not an activity of this workbook: add it to sheet Activiteiten",
                    ),
                    activity_text,
                )
            )
        prefer = {o for o in (self.index.owner(activity.iri), self.index.owner(self.index.owner(activity.iri))) if o}
        party = self.index.lookup(party_text, party_col.targets, _what(party_col), prefer)
        if party.iri is None:
            problems.append(self._unresolved(row, party_col, party_text, party.error, party.suggestion))
        role = "deelnemer"
        if role_text := row.text(role_col):
            found = self.vocab.scheme(role_col.scheme or "").lookup(role_text, _what(role_col))
            if found.iri is None:
                problems.append(row.problem(role_col, found.error or ("", ""), role_text, found.suggestion))
            else:
                role = found.iri.rstrip("/").rsplit("/", 1)[-1]
        if not problems and activity.iri and party.iri:
            additions.setdefault(activity.iri, {}).setdefault(PARTY_ROLES[role], []).append(party.iri)
        return problems

    # -- phase 4: the shapes -------------------------------------------------------------------------------------

    def _shacl(self, models: dict[RowId, BaseModel]) -> list[Problem]:
        imported = to_graph(models.values(), bind_prefixes(Graph()))
        self._checked = (models, imported)  # the result's graph, if these models are the result
        source = to_graph([self._default_source_model], Graph()) if self._default_source_model else Graph()
        imported += source
        by_iri = {str(getattr(m, "id", "")): rid for rid, m in models.items()}
        problems: list[Problem] = []
        violations = shape_violations(self.context, imported, sorted(by_iri))
        imported -= source
        for violation in violations:
            keyed = self.keyed[by_iri[violation.focus]]
            column = _column_for_path(keyed.row.sheet, keyed.cls, violation.path)
            problems.append(
                keyed.row.problem(
                    column,
                    (
                        f"voldoet niet aan de regels: {violation.message} (SHACL: {violation.path})",
                        f"{violation.message} (SHACL: {violation.path})",
                    ),
                    violation.value,
                )
            )
        return problems


def _wrong_kind_of_id(row: RawRow, column: Column, text: str, kind: Msg, is_: Msg, rule: Msg) -> Problem:
    """The problem of an *id* cell that is not of the sheet's ``kind``: what it ``is_``, and the sheet's ``rule``."""
    return row.problem(
        column,
        (
            f"id '{text}' is {is_[0]}, geen {kind[0]}: een id op blad '{row.sheet.nl}' {rule[0]}",
            f"id '{text}' is {is_[1]}, not a {kind[1]}: an id on sheet '{row.sheet.nl}' {rule[1]}",
        ),
        text,
    )


def _date_message(part: str, exc: ValueError) -> Msg:
    """A date cell's problem in both languages (the English text is the parser's)."""
    if "exists" in str(exc):
        return f"'{part}' is geen bestaande datum", str(exc)
    return f"'{part}' is geen datum: schrijf jjjj, jjjj-mm of jjjj-mm-dd (of dd-mm-jjjj)", str(exc)


def _column_for_path(sheet: Sheet, cls: type[BaseModel], path: str) -> Column | None:
    for name, meta in rdf_fields(cls).items():
        if meta["rdf"] == path or str(expand_curie(meta["rdf"])) == path:
            return next((c for c in sheet.columns if c.field == name), None)
    return None


def _rid(row: RawRow) -> RowId:
    return (row.file, row.sheet.nl, row.row)
