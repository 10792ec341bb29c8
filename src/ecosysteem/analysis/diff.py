"""Change between two versions of the graph: what was added, removed or changed, grouped and readable.

What a coordinator needs when this year's plan replaces last year's: which organisations, networks and
collaborations, memberships, activities, goals and plans came, went or changed, and for a changed one which
properties changed, old value → new value.

**Matching.** Entities are matched by IRI: the same IRI in both versions is the same entity. ecosysteem derives
IRIs from names (``organisation/zgt``), so a label that changes while the IRI stays is a change of that entity,
whereas a renamed entity whose IRI was re-derived from its new name shows as one removed and one added. Only
IRI subjects are entities; blank nodes are compared as part of the entity that refers to them (by content).

>>> from ecosysteem.graph import load
>>> eco = load()
>>> diff(eco, eco).is_empty
True
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Literal as TypingLiteral
from typing import TypedDict

from pydantic import BaseModel, Field
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ecosysteem._iri import short_iri
from ecosysteem.errors import DataError
from ecosysteem.graph import Ecosystem, load
from ecosysteem.graph.convert import model_class_for
from ecosysteem.graph.load import FORMATS
from ecosysteem.graph.privacy import without_personal_data
from ecosysteem.model import (
    Activity,
    Collaboration,
    Concept,
    Framework,
    Goal,
    Group,
    Membership,
    Organisation,
    Output,
    Person,
    Plan,
    Region,
    SourceDocument,
)
from ecosysteem.vocab import DCTERMS, ORG, RDF, RDFS, SDO, SKOS

__all__ = [
    "CATEGORIES",
    "ChangeKind",
    "Diff",
    "EntityChange",
    "PropertyChange",
    "Value",
    "diff",
]

ChangeKind = TypingLiteral["added", "removed", "changed"]

CATEGORIES: dict[str, tuple[str, str]] = {
    "organisation": ("Organisaties", "Organisations"),
    "collaboration": ("Netwerken en samenwerkingsverbanden", "Networks and collaborations"),
    "membership": ("Lidmaatschappen", "Memberships"),
    "activity": ("Activiteiten", "Activities"),
    "goal": ("Doelen", "Goals"),
    "plan": ("Plannen", "Plans"),
    "group": ("Groepen", "Groups"),
    "output": ("Opbrengsten en kaders", "Outputs and frameworks"),
    "person": ("Personen", "Persons"),
    "region": ("Regio's", "Regions"),
    "concept": ("Begrippen", "Concepts"),
    "source": ("Bronnen", "Sources"),
    "other": ("Overig", "Other"),
}
"""The groups a change is reported in, in reporting order, with their Dutch and English headings."""

_CATEGORY_CLASSES: tuple[tuple[type[BaseModel], str], ...] = (
    (Organisation, "organisation"),
    (Collaboration, "collaboration"),
    (Membership, "membership"),
    (Activity, "activity"),
    (Goal, "goal"),
    (Plan, "plan"),
    (Group, "group"),
    (Output, "output"),
    (Framework, "output"),
    (Person, "person"),
    (Region, "region"),
    (Concept, "concept"),
    (SourceDocument, "source"),
)

_WORDS = {
    "added": ("toegevoegd", "added"),
    "removed": ("verwijderd", "removed"),
    "changed": ("gewijzigd", "changed"),
}
_SIGNS = {"added": "+", "removed": "-", "changed": "~"}

# Labels for the properties the ontology reuses without labelling them itself.
_PROPERTY_LABELS: dict[URIRef, tuple[str, str]] = {
    RDF.type: ("soort", "type"),
    RDFS.label: ("naam", "name"),
    SKOS.prefLabel: ("naam", "name"),
    SKOS.altLabel: ("andere naam", "alternative name"),
    SKOS.editorialNote: ("redactionele noot", "editorial note"),
    DCTERMS.description: ("beschrijving", "description"),
    DCTERMS.source: ("bron", "source"),
    DCTERMS.title: ("titel", "title"),
    SDO.startDate: ("startdatum", "start date"),
    SDO.endDate: ("einddatum", "end date"),
    SDO.url: ("website", "website"),
    ORG.member: ("lid", "member"),
    ORG.organization: ("organisatie", "organisation"),
    ORG.role: ("rol", "role"),
}

_TEXT_WIDTH = 160
"""Long texts are shortened to this many characters in the text report (never in JSON)."""


class Value(BaseModel):
    """One value of a property: an IRI (with its labels), a literal, or a blank node described by its content."""

    value: str
    kind: TypingLiteral["iri", "literal", "blank"]
    lang: str | None = None
    datatype: str | None = None
    label_nl: str | None = None
    label_en: str | None = None

    def text(self, lang: str = "nl") -> str:
        """The value as a reader sees it: an IRI's label, a literal's text."""
        if self.kind == "iri":
            return (self.label_nl if lang == "nl" else self.label_en) or self.value
        return self.value


class PropertyChange(BaseModel):
    """A property of an entity whose values differ: all old values and all new values (per language)."""

    property: str
    lang: str | None = Field(default=None, description="language of the literal values compared, if any")
    label_nl: str
    label_en: str
    old: list[Value] = []
    new: list[Value] = []

    def label(self, lang: str = "nl") -> str:
        """The property's label in ``lang``, with the values' language when it is a text."""
        base = self.label_nl if lang == "nl" else self.label_en
        return f"{base} [{self.lang}]" if self.lang else base


class EntityChange(BaseModel):
    """An entity added, removed or changed, with the properties that differ (all of them when added or removed)."""

    iri: str
    category: str
    type: str
    change: ChangeKind
    label_nl: str
    label_en: str
    properties: list[PropertyChange] = []

    def label(self, lang: str = "nl") -> str:
        """The entity's label in ``lang``."""
        return self.label_nl if lang == "nl" else self.label_en

    @property
    def short_iri(self) -> str:
        """The IRI as ``kind/slug`` when it is an ecosysteem entity IRI."""
        return short_iri(self.iri)


class Diff(BaseModel):
    """The changes from ``old`` to ``new``, matched by IRI, sorted by category, kind of change and label.

    >>> from ecosysteem.graph import load
    >>> Diff(old="a", new="b").to_text("en").splitlines()[-1]
    'No differences.'
    """

    old: str
    new: str
    matched_by: TypingLiteral["iri"] = "iri"
    changes: list[EntityChange] = []

    @property
    def is_empty(self) -> bool:
        """Whether nothing changed."""
        return not self.changes

    def select(self, change: ChangeKind | None = None, category: str | None = None) -> list[EntityChange]:
        """The changes of one kind (``added``, ``removed``, ``changed``) and/or one category."""
        return [
            c
            for c in self.changes
            if (change is None or c.change == change) and (category is None or c.category == category)
        ]

    def added(self, category: str | None = None) -> list[EntityChange]:
        """The entities that are new, optionally of one category (``organisation``, ``activity`` …)."""
        return self.select("added", category)

    def removed(self, category: str | None = None) -> list[EntityChange]:
        """The entities that are gone, optionally of one category."""
        return self.select("removed", category)

    def changed(self, category: str | None = None) -> list[EntityChange]:
        """The entities in both versions whose properties differ, optionally of one category."""
        return self.select("changed", category)

    def summary(self) -> dict[str, dict[str, int]]:
        """Per category (in reporting order), the number added, removed and changed; categories without any left out."""
        out: dict[str, dict[str, int]] = {}
        for category in CATEGORIES:
            counts = {kind: len(self.select(kind, category)) for kind in ("added", "removed", "changed")}
            if any(counts.values()):
                out[category] = counts
        return out

    def to_json(self) -> str:
        """The whole result as JSON (with a ``summary``), for scripts."""
        payload = {"summary": self.summary(), **self.model_dump(mode="json")}
        return json.dumps(payload, ensure_ascii=False, indent=2)

    def to_text(self, lang: str = "nl", details: bool = False) -> str:
        """A readable report in Dutch (``nl``) or English (``en``), grouped by category.

        Changed entities list their changed properties as ``old → new``; with ``details`` the properties of
        added and removed entities are listed too.
        """
        en = lang == "en"
        heading = "Changes from" if en else "Wijzigingen van"
        lines = [f"{heading} {self.old} → {self.new}", "(matched by IRI)" if en else "(vergeleken op IRI)", ""]
        if self.is_empty:
            lines.append("No differences." if en else "Geen verschillen.")
            return "\n".join(lines)
        for category, counts in self.summary().items():
            title = CATEGORIES[category][1 if en else 0]
            parts = [f"{n} {_WORDS[kind][1 if en else 0]}" for kind, n in counts.items() if n]
            lines.append(f"{title}: {', '.join(parts)}")
            for kind in ("added", "removed", "changed"):
                for change in self.select(kind, category):
                    lines.append(f"  {_SIGNS[kind]} {change.label(lang)} ({change.short_iri})")
                    if kind == "changed" or details:
                        lines += [f"      {line}" for line in _property_lines(change, lang)]
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _TEXT_WIDTH else text[: _TEXT_WIDTH - 1] + "…"


def _values_text(values: Sequence[Value], lang: str) -> str:
    if not values:
        return "(geen)" if lang == "nl" else "(none)"
    return ", ".join(_shorten(v.text(lang)) for v in values)


def _changed_texts(old: str, new: str) -> tuple[str, str]:
    """Both texts shortened around where they first differ, so a change late in a long text stays visible.

    >>> _changed_texts("a" * 300 + "X", "a" * 300 + "Y")
    ('…aaaaaaaaaaX', '…aaaaaaaaaaY')
    """
    old, new = " ".join(old.split()), " ".join(new.split())
    if len(old) <= _TEXT_WIDTH and len(new) <= _TEXT_WIDTH:
        return old, new
    same = 0
    while same < min(len(old), len(new)) and old[same] == new[same]:
        same += 1
    start = max(0, same - 10)  # a little shared context before the change

    def window(text: str) -> str:
        part = text[start:]
        part = part if len(part) <= _TEXT_WIDTH else part[: _TEXT_WIDTH - 1] + "…"
        return ("…" if start else "") + part

    return window(old), window(new)


def _property_lines(change: EntityChange, lang: str) -> list[str]:
    lines = []
    for prop in change.properties:
        if len(prop.old) == len(prop.new) == 1:
            old, new = _changed_texts(prop.old[0].text(lang), prop.new[0].text(lang))
        else:
            old, new = _values_text(prop.old, lang), _values_text(prop.new, lang)
        lines.append(f"{prop.label(lang)}: {old} → {new}")
        if change.category == "membership" and prop.property == str(SDO.endDate) and prop.new and not prop.old:
            ended = prop.new[0].value
            lines.append(f"(membership ended {ended})" if lang == "en" else f"(lidmaatschap beëindigd per {ended})")
    return lines


# -- computing the difference ---------------------------------------------------------------------------------


def _bnode_key(graph: Graph, node: BNode, depth: int = 0) -> str:
    """A blank node described by its content, so that equal structures in two graphs compare equal."""
    if depth > 5:
        return "[…]"
    parts = sorted(f"{p.n3()} {_term_key(graph, o, depth + 1)}" for p, o in graph.predicate_objects(node))
    return "[" + "; ".join(parts) + "]"


def _term_key(graph: Graph, term: Node, depth: int = 0) -> str:
    if isinstance(term, BNode):
        return _bnode_key(graph, term, depth)
    return term.n3() if isinstance(term, URIRef | Literal) else str(term)


def _category(graph: Graph, subject: URIRef) -> tuple[str, str]:
    cls = model_class_for(graph, subject)
    if cls is None:
        return "other", ""
    for base, category in _CATEGORY_CLASSES:
        if issubclass(cls, base):
            return category, cls.__name__
    return "other", cls.__name__


class _Names(TypedDict):
    label_nl: str
    label_en: str


class _Labeller:
    """Labels from the new graph, falling back on the old one (a removed entity's label is only there)."""

    def __init__(self, old: Ecosystem, new: Ecosystem) -> None:
        self.old, self.new = old, new

    def __call__(self, node: URIRef, lang: str) -> str:
        for eco in (self.new, self.old):
            if (node, None, None) in eco.graph:
                return eco.label(node, lang)
        return self.new.label(node, lang)

    def names(self, node: URIRef) -> _Names:
        """The node's labels as the ``label_nl`` and ``label_en`` of a change record."""
        return {"label_nl": self(node, "nl"), "label_en": self(node, "en")}

    def prop(self, prop: URIRef) -> _Names:
        """As :meth:`names`, for a property (the ones the ontology reuses without labels are labelled here)."""
        if prop in _PROPERTY_LABELS:
            label_nl, label_en = _PROPERTY_LABELS[prop]
            return {"label_nl": label_nl, "label_en": label_en}
        return self.names(prop)


def _value(graph: Graph, term: Node, labels: _Labeller) -> Value:
    if isinstance(term, URIRef):
        return Value(value=str(term), kind="iri", **labels.names(term))
    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype is not None else None
        return Value(value=str(term), kind="literal", lang=term.language, datatype=datatype)
    return Value(value=_term_key(graph, term), kind="blank")


def _grouped(graph: Graph, subject: URIRef) -> dict[tuple[URIRef, str | None], dict[str, Node]]:
    """The values of ``subject`` by (property, language of literal), each keyed by a comparable string."""
    out: dict[tuple[URIRef, str | None], dict[str, Node]] = {}
    for prop, obj in graph.predicate_objects(subject):
        if not isinstance(prop, URIRef):
            continue
        lang = obj.language if isinstance(obj, Literal) else None
        out.setdefault((prop, lang), {})[_term_key(graph, obj)] = obj
    return out


def _property_changes(old: Graph, new: Graph, subject: URIRef, labels: _Labeller) -> list[PropertyChange]:
    before, after = _grouped(old, subject), _grouped(new, subject)
    changes = []
    for key in sorted(set(before) | set(after), key=lambda k: (str(k[0]), k[1] or "")):
        old_values, new_values = before.get(key, {}), after.get(key, {})
        if set(old_values) == set(new_values):
            continue
        prop, lang = key
        changes.append(
            PropertyChange(
                property=str(prop),
                lang=lang,
                **labels.prop(prop),
                old=[_value(old, old_values[k], labels) for k in sorted(old_values)],
                new=[_value(new, new_values[k], labels) for k in sorted(new_values)],
            )
        )
    return changes


def _subjects(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef)}


Source = Ecosystem | Graph | str | Path


def _describe(source: Source) -> str:
    if isinstance(source, Ecosystem):
        return f"<{len(source)} triples>"
    if isinstance(source, Graph):
        return f"<{len(source)} triples>"
    text = str(source)
    # Never echo an endpoint URL: it might hold credentials.
    return "sparql:<endpoint>" if text.startswith("sparql:") else text


def _open(source: Source, stack: ExitStack) -> Ecosystem:
    """An Ecosystem for a diff side: as given, a graph, a store spec, a folder of RDF files or one RDF file."""
    if isinstance(source, Ecosystem):
        return source
    if isinstance(source, Graph):
        return Ecosystem(source)
    text = str(source)
    if text.startswith(("oxigraph:", "sparql:")):
        return stack.enter_context(Ecosystem.open(text))
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in FORMATS)
        if not files:  # an empty graph would show everything as added or removed
            known = ", ".join(sorted(FORMATS))
            raise DataError(
                f"{path}: the folder holds no RDF files ({known}); give a folder with RDF files",
                path,
                nl=f"{path}: de map bevat geen RDF-bestanden ({known}); geef een map met RDF-bestanden",
            )
        return load(*files, defaults=False)
    # The ontology is loaded on both sides (it cancels out) so that concepts and properties have labels.
    return load(path, defaults=False)


def diff(old: Source, new: Source, personal_data: bool = True) -> Diff:
    """Compare two versions of the graph and return what was added, removed and changed, matched by IRI.

    Parameters
    ----------
    old, new
        Each an :class:`~ecosysteem.graph.Ecosystem`, an rdflib ``Graph``, a store spec (``oxigraph:PATH``,
        ``sparql:URL``), a folder of RDF files or one RDF file (a file or folder is loaded with the ontology,
        without the default datasets).
    personal_data
        ``False`` compares both sides without persons and with their names redacted (see
        :func:`~ecosysteem.graph.privacy.without_personal_data`), so the result names nobody.

    Returns
    -------
    Diff
        One :class:`EntityChange` per IRI subject whose triples differ, sorted by category (see
        :data:`CATEGORIES`), kind of change and label; a changed entity lists each differing property (per
        language for texts) with its old and new values.

    Raises :class:`~ecosysteem.errors.DataError` / :class:`~ecosysteem.errors.ParseError` for a file that cannot
    be read.

    Examples
    --------
    >>> from ecosysteem.graph import load
    >>> from ecosysteem.model import Organisation
    >>> old = load()
    >>> new = load().add(Organisation(label_nl="Hospice De Kapberg", organisation_type="organisation-type/hospice"))
    >>> [(c.change, c.category, c.label_nl) for c in diff(old, new).changes]
    [('added', 'organisation', 'Hospice De Kapberg')]
    """
    with ExitStack() as stack:
        old_eco, new_eco = _open(old, stack), _open(new, stack)
        if not personal_data:
            old_eco, new_eco = without_personal_data(old_eco), without_personal_data(new_eco)
        old_graph, new_graph = old_eco.graph, new_eco.graph
        labels = _Labeller(old_eco, new_eco)
        changes: list[EntityChange] = []
        old_subjects, new_subjects = _subjects(old_graph), _subjects(new_graph)
        for subject in old_subjects | new_subjects:
            kind: ChangeKind
            if subject not in old_subjects:
                kind, graph = "added", new_graph
            elif subject not in new_subjects:
                kind, graph = "removed", old_graph
            else:
                kind, graph = "changed", new_graph
            properties = _property_changes(old_graph, new_graph, subject, labels)
            if not properties:
                continue
            category, type_name = _category(graph, subject)
            if category == "other" and kind == "changed":
                category, type_name = _category(old_graph, subject)
            changes.append(
                EntityChange(
                    iri=str(subject),
                    category=category,
                    type=type_name,
                    change=kind,
                    **labels.names(subject),
                    properties=properties,
                )
            )
    order = {category: i for i, category in enumerate(CATEGORIES)}
    kinds = {"added": 0, "removed": 1, "changed": 2}
    changes.sort(key=lambda c: (order[c.category], kinds[c.change], c.label_nl.casefold(), c.iri))
    return Diff(old=_describe(old), new=_describe(new), changes=changes)
