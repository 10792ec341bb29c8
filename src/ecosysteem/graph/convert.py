"""Models ↔ RDF, driven only by the mapping each model class declares on its fields."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ecosysteem.errors import ModelError
from ecosysteem.graph.index import BULK_AFTER, GraphIndex
from ecosysteem.model import MODEL_CLASSES, Concept, Entity, rdf_fields
from ecosysteem.vocab import PREFIXES, RDF, SKOS, XSD

__all__ = [
    "bind_prefixes",
    "expand_curie",
    "from_graph",
    "model_class_for",
    "model_class_of",
    "to_graph",
    "to_triples",
]

M = TypeVar("M", bound=BaseModel)

_DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}


@functools.cache  # reading models asks for the same few dozen CURIEs once per field of every entity
def expand_curie(curie: str) -> URIRef:
    """Expand ``prefix:local`` with ecosysteem's prefixes.

    >>> expand_curie("ez:Network")
    rdflib.term.URIRef('https://w3id.org/ecosysteem/def#Network')
    """
    prefix, _, local = curie.partition(":")
    try:
        return URIRef(str(PREFIXES[prefix]) + local)
    except KeyError:
        raise ModelError(
            f"unknown prefix {prefix!r} in {curie!r}",
            nl=f"onbekend voorvoegsel {prefix!r} in {curie!r}; gebruik een van de voorvoegsels van ecosysteem",
        ) from None


def bind_prefixes(graph: Graph) -> Graph:
    """Bind ecosysteem's prefixes on ``graph`` (for readable serialisations) and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def _to_node(value: Any, kind: str, lang: str | None) -> Node:
    if kind == "iri":
        return URIRef(value)
    if kind == "text":
        return Literal(value, lang=lang)
    if kind == "date":
        return Literal(value, datatype=_DATE_TYPES[len(value)])
    if kind == "integer":
        return Literal(int(value), datatype=XSD.integer)
    if kind == "boolean":
        return Literal(bool(value), datatype=XSD.boolean)
    if kind == "uri":
        return Literal(str(value), datatype=XSD.anyURI)
    return Literal(str(value))


def to_triples(model: BaseModel) -> Iterable[tuple[URIRef, URIRef, Node]]:
    """Yield the triples of one model instance."""
    subject = URIRef(model.id)  # type: ignore[attr-defined]
    yield subject, RDF.type, expand_curie(model.rdf_type)  # type: ignore[attr-defined]
    for name, meta in rdf_fields(type(model)).items():
        value = getattr(model, name)
        if value is None:
            continue
        predicate = expand_curie(meta["rdf"])
        for item in value if isinstance(value, list) else [value]:
            yield subject, predicate, _to_node(item, meta["kind"], meta["lang"])


def to_graph(models: Iterable[BaseModel], graph: Graph | None = None) -> Graph:
    """Add the triples of ``models`` to ``graph`` (a new graph if none) and return it.

    >>> from ecosysteem.model import Organisation
    >>> g = to_graph([Organisation(label_nl="ZGT")])
    >>> len(g)
    3
    """
    graph = bind_prefixes(Graph()) if graph is None else graph
    for model in models:
        for triple in to_triples(model):
            graph.add(triple)
    return graph


def model_class_for(graph: Graph, subject: URIRef) -> type[BaseModel] | None:
    """Return the most specific model class whose RDF class ``subject`` has, or ``None``."""
    return model_class_of(str(t) for t in graph.objects(subject, RDF.type) if isinstance(t, URIRef))


@functools.cache
def _class_iris() -> tuple[tuple[type[BaseModel], str], ...]:
    return tuple((cls, str(expand_curie(cls.rdf_type))) for cls in MODEL_CLASSES)


def model_class_of(types: Iterable[str]) -> type[BaseModel] | None:
    """Return the most specific model class among the RDF classes ``types`` (IRIs as strings), or ``None``.

    >>> model_class_of(["https://w3id.org/ecosysteem/def#Network", "https://w3id.org/ecosysteem/def#Collaboration"])
    <class 'ecosysteem.model.agents.Network'>
    """
    found = set(types)
    best: type[BaseModel] | None = None
    for cls, iri in _class_iris():
        if iri in found and (best is None or issubclass(cls, best)):
            best = cls
    if best is None and str(SKOS.Concept) in found:
        return Concept
    return best


def _from_node(node: Node, kind: str) -> Any:
    if kind == "iri":
        return str(node) if isinstance(node, URIRef) else None
    if not isinstance(node, Literal):
        return None
    if kind == "integer":
        return int(node)
    if kind == "boolean":
        return bool(node.toPython())
    return str(node)


class _Field(NamedTuple):
    """One mapped field of a model class, ready for reading: its name, predicate, mapping and whether a list."""

    name: str
    predicate: URIRef
    kind: str
    lang: str | None
    many: bool


@functools.cache
def _fields(model_cls: type[BaseModel]) -> tuple[_Field, ...]:
    return tuple(
        _Field(
            name,
            expand_curie(meta["rdf"]),
            meta["kind"],
            meta["lang"],
            _is_list(model_cls.model_fields[name].annotation),
        )
        for name, meta in rdf_fields(model_cls).items()
    )


def _node_values(field: _Field, objects: Iterable[Node]) -> list[Any]:
    """The values of ``field`` among the ``objects`` of its predicate: the text in its language, the IRIs …"""
    values = []
    for obj in objects:
        if field.kind == "text" and (not isinstance(obj, Literal) or obj.language != field.lang):
            continue
        if field.kind in ("string", "uri") and isinstance(obj, Literal) and obj.language is not None:
            continue
        value = _from_node(obj, field.kind)
        if value is not None:
            values.append(value)
    return values


def _no_model(subject: str) -> ModelError:
    return ModelError(
        f"<{subject}> has no rdf:type that ecosysteem models; cannot read it as a model",
        nl=f"<{subject}> heeft geen rdf:type dat ecosysteem kent; geef het een type uit de ontologie",
    )


def _model(model_cls: type[M], subject: str, values_of: Callable[[_Field], list[Any]]) -> M:
    """Validate the model of ``subject`` whose field values ``values_of`` gives (one definition for every reader)."""
    data: dict[str, Any] = {"id": subject}
    for field in _fields(model_cls):
        values = values_of(field)
        if field.many:
            data[field.name] = sorted(set(values))
        elif values:
            data[field.name] = sorted(values)[0]
    try:
        return model_cls.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ModelError(
            f"<{subject}> does not fit {model_cls.__name__}: {problems}",
            nl=f"<{subject}> past niet in {model_cls.__name__}: {problems}; verbeter deze gegevens",
        ) from None


def from_graph(graph: Graph, subject: str | URIRef, cls: type[M] | None = None) -> M:
    """Read the entity ``subject`` from ``graph`` as a model instance.

    ``cls`` defaults to the most specific model class matching the subject's ``rdf:type``. Values of fields that
    take one value but have several in the graph: the smallest is taken, so the result is deterministic.

    Raises :class:`~ecosysteem.errors.ModelError` if the subject has no known type or its data do not fit the model.
    """
    subject = URIRef(subject)
    model_cls = cls or model_class_for(graph, subject)
    if model_cls is None:
        raise _no_model(str(subject))
    return _model(model_cls, str(subject), lambda field: _node_values(field, graph.objects(subject, field.predicate)))  # type: ignore[return-value]


def _is_list(annotation: Any) -> bool:
    return getattr(annotation, "__origin__", None) is list


def _wanted(cls: type[BaseModel]) -> list[str]:
    """The RDF classes (IRIs) whose subjects are entities of ``cls``: its own and its subclasses'."""
    if cls is Concept:
        return [str(SKOS.Concept)]
    return [str(expand_curie(c.rdf_type)) for c in MODEL_CLASSES if issubclass(c, cls)]


def entities(graph: Graph, cls: type[M]) -> list[M]:
    """Read every subject typed as ``cls`` (or a subclass) from ``graph``, sorted by IRI."""
    subjects = sorted({s for t in _wanted(cls) for s in graph.subjects(RDF.type, URIRef(t)) if isinstance(s, URIRef)})
    return [from_graph(graph, s, None if cls is not Concept else Concept) for s in subjects]  # type: ignore[misc]


def _keeps(field: _Field, language: str | None) -> bool:
    """Whether a literal in ``language`` is a value of ``field`` (as :func:`_node_values` decides for a term)."""
    if field.kind == "text":
        return language == field.lang
    if field.kind in ("string", "uri"):
        return language is None
    return True


def _index_values(index: GraphIndex, subject: str, field: _Field) -> list[Any]:
    """What :func:`_node_values` finds, read from an index as strings (rdflib terms only for numbers and booleans)."""
    if field.kind == "iri":
        return index.iri_objects(subject, field.predicate)
    if field.kind in ("integer", "boolean"):  # their value depends on the datatype: read the terms
        return _node_values(field, index.objects(URIRef(subject), field.predicate))
    return [value for value, language in index.literals(subject, field.predicate) if _keeps(field, language)]


def _bulk_values(index: GraphIndex, field: _Field) -> Iterator[tuple[str, Any]]:
    """Every ``(subject, value)`` of ``field`` in the graph, from one pass over its predicate."""
    if field.kind == "iri":
        yield from index.iri_pairs(field.predicate)
    elif field.kind in ("integer", "boolean"):
        for node, obj in index.subject_objects(field.predicate):
            if isinstance(node, URIRef):
                yield from ((str(node), value) for value in _node_values(field, [obj]))
    else:
        for subject, text, language in index.literal_triples(field.predicate):
            if _keeps(field, language):
                yield subject, text


Reader = Callable[[str], Callable[[_Field], list[Any]]]
"""Given a subject, the function that gives the values of each of its fields."""


def _direct_reader(index: GraphIndex) -> Reader:
    """Read a subject's fields by asking the index about that subject (for a few entities)."""
    return lambda subject: functools.partial(_index_values, index, subject)


def _bulk_reader(index: GraphIndex, classes: dict[str, type[BaseModel]]) -> Reader:
    """Read the fields of every subject in ``classes`` at once: one pass over each field's predicate."""
    found: dict[str, dict[_Field, list[Any]]] = {s: {} for s in classes}
    for field in {f for model_cls in set(classes.values()) for f in _fields(model_cls)}:
        for subject, value in _bulk_values(index, field):
            values = found.get(subject)
            if values is not None:
                values.setdefault(field, []).append(value)
    return lambda subject: lambda field: found[subject].get(field, [])


def index_entities(index: GraphIndex, cls: type[M]) -> list[M]:
    """Read every entity of ``cls`` (or a subclass) through ``index``: :func:`entities`, on any store, in bulk.

    The same models as :func:`entities` (and :func:`from_graph` for each subject). Above
    :data:`~ecosysteem.graph.index.BULK_AFTER` entities each field's predicate is read whole, once per index, and
    no rdflib term is made (but for numbers and booleans); below it the index is asked subject by subject. Pass
    one index for several classes (as the CSV tables and the FHIR bundle do): a predicate they share, such as
    ``rdfs:label``, is then read once for all of them. For a single class on a fresh index,
    :meth:`Ecosystem.entities <ecosysteem.graph.Ecosystem.entities>` costs about the same.

    >>> from ecosysteem.graph import load
    >>> from ecosysteem.model import Network
    >>> eco = load()
    >>> index_entities(eco.index(), Network) == entities(eco.graph, Network)
    True
    """
    subjects = sorted({s for t in _wanted(cls) for s in index.iri_subjects(RDF.type, t)})
    bulk = len(subjects) > BULK_AFTER
    if bulk:
        index.read_whole([RDF.type])  # the types of many subjects: cheaper in one pass than one by one
    classes: dict[str, Any] = {
        s: cls if cls is Concept else model_class_of(index.iri_objects(s, RDF.type)) for s in subjects
    }
    for subject, model_cls in classes.items():
        if model_cls is None:
            raise _no_model(str(subject))
    reader = _bulk_reader(index, classes) if bulk else _direct_reader(index)
    return [_model(classes[s], s, reader(s)) for s in subjects]


__all__ += ["entities", "index_entities"]
_ = Entity  # re-exported type for annotations in callers
