"""The :class:`Ecosystem`: an rdflib graph with the ontology and data loaded, and the verbs a script needs."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import BaseModel
from rdflib import Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier, Node

from ecosysteem._iri import iri_tail, short_iri
from ecosysteem._progress import task
from ecosysteem.errors import ModelError, QueryError
from ecosysteem.graph.convert import entities, from_graph, to_triples
from ecosysteem.graph.index import LABEL_PROPERTIES, GraphIndex, pick_text
from ecosysteem.graph.stores import Store, file_digest, open_store, source_graph
from ecosysteem.graph.validate import Engine, ValidationReport, validate_store
from ecosysteem.model import (
    Activity,
    Collaboration,
    Concept,
    Entity,
    Network,
    Organisation,
    SourceDocument,
)
from ecosysteem.model._fields import _expand_iri
from ecosysteem.resources import dataset_files, ontology_files, package_dir
from ecosysteem.vocab import EZ, SKOS, scheme_iri

__all__ = ["Ecosystem", "load", "open_ecosystem", "to_node", "validate"]

M = TypeVar("M", bound=BaseModel)


def to_node(value: Any) -> Identifier:
    """Turn a Python value into an RDF term for a query binding.

    ``URIRef`` and ``Literal`` pass through; a model instance becomes its IRI; everything else becomes a literal
    (``str`` → plain string, ``int`` → ``xsd:integer`` …). Strings are never turned into IRIs implicitly: pass
    ``URIRef(...)`` or a model when you mean an entity.
    """
    if isinstance(value, URIRef | Literal):
        return value
    if isinstance(value, Entity | Concept):
        return URIRef(value.id)
    if isinstance(value, str | int | float | bool):
        return Literal(value)
    raise QueryError(
        f"cannot bind {value!r} ({type(value).__name__}) in a query: pass a str, number, URIRef or model",
        nl=f"kan {value!r} ({type(value).__name__}) niet in een query invullen: geef tekst, een getal, een URIRef "
        "of een model",
    )


class Ecosystem:
    """A graph of the palliative-care ecosystem.

    Build one with :func:`ecosysteem.load`, which loads the ontology and the default datasets. The graph lives
    in a :attr:`store` (Oxigraph in memory by default; rdflib in memory, Oxigraph on disk or a SPARQL endpoint, see
    :func:`~ecosysteem.graph.stores.open_store`). SPARQL runs on the store's engine; :attr:`graph` is an rdflib
    graph of the same triples for Python-side access, and everything rdflib offers works on it.

    >>> eco = load()
    >>> len(eco.networks()) >= 4
    True
    """

    def __init__(self, graph: Graph | None = None, *, store: Store | str | None = None) -> None:
        if graph is not None and store is not None:
            raise ValueError("give a graph or a store, not both")
        if graph is not None:
            from ecosysteem.graph.stores.memory import MemoryStore

            self.store: Store = MemoryStore(graph)
        else:
            self.store = open_store(store)
        self.files: list[Path] = []
        """The files loaded so far, in order (also those :meth:`load` found already held and skipped)."""
        self.skipped: list[Path] = []
        """Files :meth:`load` did not reload because the store already holds them unchanged."""

    @classmethod
    def open(cls, store: Store | str, **options: Any) -> Ecosystem:
        """Open a store and what it already holds, loading nothing (``options`` go to :func:`open_store`).

        >>> Ecosystem.open("oxigraph").store.kind
        'oxigraph'
        """
        return cls(store=open_store(store, **options))

    @property
    def graph(self) -> Graph:
        """The rdflib graph for Python-side access (on a SPARQL endpoint: a local copy, fetched on first use)."""
        return self.store.graph

    def close(self) -> None:
        """Close the store (a persistent store's directory is released)."""
        self.store.close()

    def __enter__(self) -> Ecosystem:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self.store)

    def __repr__(self) -> str:
        return f"<Ecosystem: {len(self)} triples from {len(self.files)} files in {self.store.describe()}>"

    # -- building -------------------------------------------------------------------------------------------

    def load(self, *paths: str | Path) -> Ecosystem:
        """Add RDF files (Turtle, JSON-LD, N-Triples, RDF/XML) to the graph and return ``self``.

        On a store with named graphs (Oxigraph, SPARQL) each file is its own graph, named after the file
        (:func:`~ecosysteem.graph.stores.source_graph`): loading a file again replaces what it loaded before,
        and a file the store already holds unchanged (same SHA-256) is skipped, so reopening a persistent store
        with the same files loads nothing.

        Raises :class:`~ecosysteem.errors.DataError` or :class:`~ecosysteem.errors.ParseError` naming the file
        (and line) at fault; a file that fails adds nothing.
        """
        files = [Path(p) for p in paths]
        held = self.store.sources() if self.store.named_graphs and files else {}
        sizes = [p.stat().st_size if p.is_file() else 0 for p in files]
        with task("loading", sum(sizes)) as advance:
            for path, size in zip(files, sizes, strict=True):
                if self.store.named_graphs:
                    digest = file_digest(path) if path.is_file() else None
                    if digest is not None and held.get(str(source_graph(path))) == digest:
                        self.skipped.append(path)
                        self.files.append(path)
                        advance(size)
                        continue
                    self.store.load_file(path, digest=digest)
                else:
                    self.store.load_file(path)
                self.files.append(path)
                advance(size)
        return self

    def add(self, *models: BaseModel) -> Ecosystem:
        """Add model instances (organisations, activities …) to the graph and return ``self``.

        Raises :class:`~ecosysteem.errors.ModelError` (adding nothing) for an organisation whose type is not in the
        graph's organisation-type scheme; a graph without that scheme (``Ecosystem()``) accepts any type.

        >>> from ecosysteem.model import Organisation
        >>> eco = Ecosystem().add(Organisation(label_nl="Hospice De Kapberg"))
        >>> len(eco)
        3
        """
        for model in models:
            self._check_organisation_type(model)
        self.store.add_triples(t for model in models for t in to_triples(model))
        return self

    def _check_organisation_type(self, model: BaseModel) -> None:
        """Refuse an organisation type the graph's organisation-type scheme does not hold (when it holds one)."""
        kind = getattr(model, "organisation_type", None)
        if not kind:
            return
        scheme = scheme_iri("organisation-type")
        if (URIRef(kind), SKOS.inScheme, scheme) in self.graph or (None, SKOS.inScheme, scheme) not in self.graph:
            return
        known = sorted(str(c).rsplit("/", 1)[-1] for c in self.graph.subjects(SKOS.inScheme, scheme))
        name, shown = getattr(model, "label_nl", ""), short_iri(kind)
        raise ModelError(
            f"{name!r}: unknown organisation type {shown!r}; "
            f"use one of the organisation-type scheme: {', '.join(known)}",
            nl=f"{name!r}: onbekend organisatietype {shown!r}; kies een type uit het schema: {', '.join(known)}",
        )

    # -- reading --------------------------------------------------------------------------------------------

    def get(self, iri: str, cls: type[M] | None = None) -> M:
        """Return the entity with ``iri`` (full IRI or ``kind/slug``) as a model instance.

        Raises :class:`~ecosysteem.errors.ModelError` when ``iri`` is no IRI or not in the graph.
        """
        try:
            full = URIRef(_expand_iri(iri))
        except ValueError as exc:
            raise ModelError(
                str(exc),
                nl=f"{iri!r} is geen IRI (https://…) en geen pad 'soort/naam' zoals 'organisation/zgt'",
            ) from None
        if (full, None, None) not in self.graph:
            raise ModelError(
                f"{iri!r} is not in the graph",
                nl=f"{iri!r} staat niet in de graaf; controleer de IRI of laad de gegevens",
            )
        return from_graph(self.graph, full, cls)

    def entities(self, cls: type[M]) -> list[M]:
        """Return every entity of model class ``cls`` (subclasses included), sorted by IRI."""
        if self.store.kind == "memory":
            return entities(self.graph, cls)
        return entities(cast(Graph, _BySubject(self.graph)), cls)

    def organisations(self, type: str | None = None) -> list[Organisation]:
        """Return the organisations, optionally only those whose type is ``type`` or narrower.

        ``type`` is an organisation-type concept: a full IRI, ``organisation-type/ziekenhuis`` or just
        ``ziekenhuis``.
        """
        orgs = self.entities(Organisation)
        if type is None:
            return orgs
        wanted = URIRef(_expand_iri(type if "/" in type else f"organisation-type/{type}"))
        narrower = {wanted} | set(self.graph.transitive_subjects(SKOS.broader, wanted))
        return [o for o in orgs if o.organisation_type and URIRef(o.organisation_type) in narrower]

    def networks(self) -> list[Network]:
        """Return the regional networks (*Netwerken Palliatieve Zorg*)."""
        return self.entities(Network)

    def collaborations(self) -> list[Collaboration]:
        """Return every collaboration: networks, supra-regional collaborations, chains, acute-care networks."""
        return self.entities(Collaboration)

    def activities(self, network: str | None = None) -> list[Activity]:
        """Return the activities, optionally only those in a plan of ``network`` (IRI or ``network/slug``)."""
        acts = self.entities(Activity)
        if network is None:
            return acts
        net = URIRef(_expand_iri(network))
        plans = {str(p) for p in self.graph.subjects(EZ.planOf, net)}
        return [a for a in acts if a.in_plan in plans]

    def sources(self) -> list[SourceDocument]:
        """Return the source documents."""
        return self.entities(SourceDocument)

    def concepts(self, scheme: str) -> list[Concept]:
        """Return the concepts of a scheme (``level``, ``function``, ``loop``, ``action``, ``theme`` …)."""
        iri = URIRef(scheme) if scheme.startswith("http") else scheme_iri(scheme)
        subjects = sorted(s for s in self.graph.subjects(SKOS.inScheme, iri) if isinstance(s, URIRef))
        return [from_graph(self.graph, s, Concept) for s in subjects]

    def index(self) -> GraphIndex:
        """Return a fresh :class:`~ecosysteem.graph.index.GraphIndex`: fast Python-side look-ups on any store.

        The index is a snapshot, read lazily one predicate at a time; ask for a new one after changing the graph.

        >>> from ecosysteem.vocab import ID, ORG
        >>> index = load(store="oxigraph").index()
        >>> len(index.subjects(ORG.organization, ID["collaboration/ligare"])) >= 2
        True
        """
        return GraphIndex(self.store)

    def label(self, iri: str | URIRef, lang: str = "nl") -> str:
        """Return the label of ``iri`` in ``lang`` (falling back to any label, then to the IRI's last segment)."""
        return self.text(iri, *LABEL_PROPERTIES, lang=lang) or iri_tail(str(iri))

    def text(self, iri: str | URIRef, *predicates: URIRef, lang: str = "nl") -> str:
        """The first literal of ``predicates`` on ``iri`` in ``lang``, else the first in any language, else ``""``.

        >>> from ecosysteem.vocab import DCTERMS, ID
        >>> load().text(ID["network/twente"], DCTERMS.description, lang="en")[:9]
        'The three'
        """
        return pick_text((self.store.literals_of(str(iri), str(p)) for p in predicates), lang)

    # -- querying -------------------------------------------------------------------------------------------

    def query(
        self, sparql: str, bindings: Mapping[str, Any] | None = None, *, allow_service: bool = False, **kwargs: Any
    ) -> Result:
        """Run a SPARQL query with safely bound parameters and return rdflib's result.

        Values are bound as RDF terms (see :func:`to_node`), never pasted into the query text, so a value
        cannot change the query. ecosysteem's prefixes (``ez:``, ``org:``, ``skos:`` …) are predeclared.
        A query that calls another server (``SERVICE``) is refused unless ``allow_service=True``, and an
        update is always refused (:class:`~ecosysteem.errors.QueryRefused`).

        >>> eco = load()
        >>> rows = eco.query("SELECT ?n WHERE { ?n a ez:Network ; ez:level ?level }",
        ...                  level=URIRef("https://w3id.org/ecosysteem/id/level/regionaal"))
        >>> len(rows) >= 4
        True
        """
        from ecosysteem.graph.query_guard import check_query  # the SPARQL parser loads only when asked

        check_query(sparql, allow_service=allow_service)
        values = {**(bindings or {}), **kwargs}
        init = {name: to_node(value) for name, value in values.items()}
        return self.store.query(sparql, init)

    # -- output and checks ------------------------------------------------------------------------------------

    def serialize(self, format: str = "turtle") -> str:
        """Return the whole graph as text (``turtle``, ``json-ld``, ``nt``, ``xml``)."""
        return self.graph.serialize(format=format)

    def validate(self, engine: Engine = "sparql") -> ValidationReport:
        """Check the graph against ecosysteem's SHACL shapes; see :class:`ValidationReport`.

        ``engine="sparql"`` (default) runs the shapes as violation queries on the store's engine;
        ``engine="pyshacl"`` runs pySHACL, the reference implementation (slow at national scale). Both give the
        same violations.
        """
        return validate_store(self.store, engine=engine)

    def network_summary(self) -> dict[str, dict[str, int]]:
        """Per network: its activities (in its plans, or naming it as a party) and its distinct partners.

        Partners are the organisations, collaborations and groups named as responsible, lead or participant in
        those activities, plus the members of the network. One aggregate query on the store's engine
        (``queries/network-summary.rq``).
        """
        rows = self.store.query_strings(_packaged_query("network-summary"), name="network-summary")
        out: dict[str, dict[str, int]] = {}
        for network, activities, partners in rows:
            assert network is not None  # grouped by it
            out[self.label(network)] = {"activities": int(activities or 0), "partners": int(partners or 0)}
        return out

    def info(self) -> dict[str, dict[str, int]]:
        """Counts for a quick look: per class, per level, per source document, per concept scheme.

        One aggregate query on the store's engine (``queries/graph-counts.rq``); classes are named by their prefixed
        name, the rest by their label.
        """
        rows = self.store.query_strings(_packaged_query("graph-counts"), name="graph-counts")
        counts: dict[str, Counter[str]] = {kind: Counter() for kind in ("class", "level", "source", "scheme")}
        shorten = self.graph.namespace_manager.normalizeUri
        for kind, key, count in rows:
            assert kind is not None and key is not None  # grouped by them
            counts[kind][shorten(URIRef(key)) if kind == "class" else self.label(key)] += int(count or 0)
        return {
            "classes": dict(sorted(counts["class"].items())),
            "levels": dict(sorted(counts["level"].items())),
            "sources": dict(sorted(counts["source"].items())),
            "schemes": dict(sorted(counts["scheme"].items())),
        }


def _packaged_query(name: str) -> str:
    """The SPARQL of one of ecosysteem's packaged queries (``ecosysteem/queries/NAME.rq``), header included."""
    return package_dir("queries").joinpath(f"{name}.rq").read_text(encoding="utf-8")


class _BySubject:
    """A read-only view of a graph that reads all of a subject's triples at once, for reading models.

    Reading a model asks for each of its fields separately (``objects(s, p)``, twenty or so, most of them empty);
    on a store behind rdflib each question is a call into the store. Asking once per subject and answering the
    fields from that is 10-20 times fewer calls.
    """

    def __init__(self, graph: Graph) -> None:
        self._graph = graph
        self._subject: Node | None = None
        self._objects: dict[Node, list[Node]] = {}

    def subjects(self, predicate: Node, obj: Node) -> Iterator[Node]:
        return self._graph.subjects(predicate, obj)

    def objects(self, subject: Node, predicate: Node) -> list[Node]:
        if subject != self._subject:  # a model is read one subject at a time: only the last one is kept
            self._subject, self._objects = subject, defaultdict(list)
            for p, o in self._graph.predicate_objects(subject):
                self._objects[p].append(o)
        return self._objects.get(predicate, [])


def load(*paths: str | Path, defaults: bool = True, store: Store | str | None = None) -> Ecosystem:
    """Load the ontology, the default datasets (unless ``defaults=False``) and ``paths`` into an :class:`Ecosystem`.

    The ontology is always loaded: labels, classes and vocabularies are what queries and validation rely on.

    Parameters
    ----------
    paths:
        your own RDF files, loaded after the defaults.
    defaults:
        whether to load the default datasets.
    store:
        where the graph lives: ``"oxigraph"`` (default: in memory), ``"oxigraph:PATH"``, ``"memory"`` (rdflib),
        ``"sparql:URL"`` or
        a :class:`~ecosysteem.graph.stores.Store` (see :func:`~ecosysteem.graph.stores.open_store`). A persistent
        store that already holds a file unchanged does not load it again.

    >>> eco = load()
    >>> eco.get("network/twente").label_nl
    'Netwerken Palliatieve Zorg Twente'
    >>> load(store="oxigraph").get("network/twente").label_nl
    'Netwerken Palliatieve Zorg Twente'
    """
    eco = Ecosystem(store=store)
    files: Iterable[Path] = ontology_files() + (dataset_files() if defaults else [])
    eco.load(*files, *paths)
    return eco


def open_ecosystem(store: Store | str, **options: Any) -> Ecosystem:
    """Open a store with what it already holds, loading nothing; the same as :meth:`Ecosystem.open`.

    >>> eco = open_ecosystem("oxigraph")
    >>> len(eco)
    0
    """
    return Ecosystem.open(store, **options)


def validate(eco: Ecosystem, engine: Engine = "sparql") -> ValidationReport:
    """Check ``eco`` against ecosysteem's SHACL shapes (:meth:`Ecosystem.validate`).

    Parameters
    ----------
    eco
        The graph to check.
    engine
        ``"sparql"`` (default): the shapes compiled to violation queries on the store's engine; ``"pyshacl"``:
        pySHACL, the reference (slow at national scale). Both give the same violations.

    Returns
    -------
    ValidationReport
        ``conforms`` and the violations, each with its focus node, path, value and message.

    Examples
    --------
    >>> import ecosysteem
    >>> ecosysteem.validate(ecosysteem.load()).conforms
    True
    """
    return eco.validate(engine)
