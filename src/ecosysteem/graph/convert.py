"""Models ↔ RDF, driven only by the mapping each model class declares on its fields."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from ecosysteem.errors import ModelError
from ecosysteem.model import MODEL_CLASSES, Concept, Entity, rdf_fields
from ecosysteem.vocab import PREFIXES, RDF, SKOS, XSD

__all__ = ["bind_prefixes", "expand_curie", "from_graph", "model_class_for", "to_graph", "to_triples"]

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
    types = set(graph.objects(subject, RDF.type))
    best: type[BaseModel] | None = None
    for cls in MODEL_CLASSES:
        if expand_curie(cls.rdf_type) in types and (best is None or issubclass(cls, best)):
            best = cls
    if best is None and SKOS.Concept in types:
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


def from_graph(graph: Graph, subject: str | URIRef, cls: type[M] | None = None) -> M:
    """Read the entity ``subject`` from ``graph`` as a model instance.

    ``cls`` defaults to the most specific model class matching the subject's ``rdf:type``. Values of fields that
    take one value but have several in the graph: the smallest is taken, so the result is deterministic.

    Raises :class:`~ecosysteem.errors.ModelError` if the subject has no known type or its data do not fit the model.
    """
    subject = URIRef(subject)
    model_cls = cls or model_class_for(graph, subject)
    if model_cls is None:
        raise ModelError(
            f"<{subject}> has no rdf:type that ecosysteem models; cannot read it as a model",
            nl=f"<{subject}> heeft geen rdf:type dat ecosysteem kent; geef het een type uit de ontologie",
        )
    data: dict[str, Any] = {"id": str(subject)}
    for name, meta in rdf_fields(model_cls).items():
        predicate = expand_curie(meta["rdf"])
        values = []
        for obj in graph.objects(subject, predicate):
            if meta["kind"] == "text" and (not isinstance(obj, Literal) or obj.language != meta["lang"]):
                continue
            if meta["kind"] in ("string", "uri") and isinstance(obj, Literal) and obj.language is not None:
                continue
            value = _from_node(obj, meta["kind"])
            if value is not None:
                values.append(value)
        field = model_cls.model_fields[name]
        if _is_list(field.annotation):
            data[name] = sorted(set(values))
        elif values:
            data[name] = sorted(values)[0]
    try:
        return model_cls.model_validate(data)  # type: ignore[return-value]
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ModelError(
            f"<{subject}> does not fit {model_cls.__name__}: {problems}",
            nl=f"<{subject}> past niet in {model_cls.__name__}: {problems}; verbeter deze gegevens",
        ) from None


def _is_list(annotation: Any) -> bool:
    return getattr(annotation, "__origin__", None) is list


def entities(graph: Graph, cls: type[M]) -> list[M]:
    """Read every subject typed as ``cls`` (or a subclass) from ``graph``, sorted by IRI."""
    wanted = {expand_curie(c.rdf_type) for c in MODEL_CLASSES if issubclass(c, cls)}
    if cls is Concept:
        wanted = {SKOS.Concept}
    subjects = sorted({s for t in wanted for s in graph.subjects(RDF.type, t) if isinstance(s, URIRef)})
    return [from_graph(graph, s, None if cls is not Concept else Concept) for s in subjects]  # type: ignore[misc]


__all__ += ["entities"]
_ = Entity  # re-exported type for annotations in callers
