"""A read-only, in-process index of the graph for Python-side analysis: one bulk read per predicate.

The network projections and the gap catalogue ask many small questions of the graph ("the types of this node",
"the parties of that activity"). On rdflib's in-memory store each look-up is a dictionary access, but on Oxigraph
or a SPARQL endpoint each is a call into another engine, and a national graph asks hundreds of thousands of them.
:class:`GraphIndex` answers the same questions from Python dictionaries filled by one bulk read of each predicate
it is asked about many times (:meth:`~ecosysteem.graph.stores.Store.subject_objects`), so the cost is one pass
over those triples whatever the backend; a predicate asked about only a few times is looked up directly.

It offers the part of rdflib's :class:`~rdflib.Graph` read API that analysis code uses, with a bound predicate:
``objects``, ``subjects``, ``subject_objects``, ``value``, ``transitive_objects``, ``transitive_subjects`` and
``(s, p, o) in index``, plus :meth:`label` and :meth:`text` with the same rules as :meth:`Ecosystem.label` and
:meth:`Ecosystem.text`. It is a snapshot:
:meth:`Ecosystem.index` builds a new one after the graph changes.

For whole-graph passes (projections, the gap catalogue) there is a second, string-level API over the triples
whose subject and object are both IRIs: :meth:`iri_pairs`, :meth:`iri_objects` and :meth:`iri_subjects` take and
return plain ``str`` IRIs. It makes no rdflib term at all, which is most of what a pass over a national graph
costs otherwise (:meth:`~ecosysteem.graph.stores.Store.iri_pairs` reads the store that way).

>>> from ecosysteem.graph import load
>>> from ecosysteem.vocab import EZ, ID
>>> index = load().index()
>>> (ID["network/twente"], RDF.type, EZ.Network) in index
True
>>> index.label(ID["organisation/zgt"], "en") == load().label(ID["organisation/zgt"], "en")
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from rdflib import DCTERMS, RDF, RDFS, SKOS, BNode, URIRef
from rdflib.term import Node

from ecosysteem._iri import iri_tail

if TYPE_CHECKING:
    from ecosysteem.graph.stores import Store

__all__ = ["BULK_AFTER", "LABEL_PROPERTIES", "GraphIndex", "pick_text"]

_NO_STRINGS: list[str] = []

LABEL_PROPERTIES: tuple[URIRef, ...] = (SKOS.prefLabel, RDFS.label, DCTERMS.title)
"""Where a label is looked for, in this order (as :meth:`Ecosystem.label` does)."""


def _key(term: Node) -> str:
    # Tables are keyed by plain strings: a dict look-up with an rdflib term as key falls back on rdflib's
    # Python-level __eq__ whenever the stored key is an equal but distinct object, and that dominated the cost.
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return "_:" + str(term)
    return "\x00" + str(term)  # a literal: never equal to a node's key


def _text(key: str) -> str:
    """The text of the term a :func:`_key` stands for (``str`` of the term, as labels fall back on)."""
    if key.startswith("_:"):
        return key[2:]
    return key[1:] if key.startswith("\x00") else key


def _by_text(literal: tuple[str, str | None]) -> tuple[str, str]:
    return literal[0], literal[1] or ""


class _Table:
    """The triples of one predicate: objects by subject and subjects by object, keyed by :func:`_key`."""

    __slots__ = ("by_object", "by_subject", "pairs")

    def __init__(self, pairs: Iterable[tuple[Node, Node]], terms: dict[str, Node]) -> None:
        self.pairs: list[tuple[Node, Node]] = []
        self.by_subject: dict[str, list[Node]] = defaultdict(list)
        self.by_object: dict[str, list[Node]] = defaultdict(list)
        seen: set[tuple[str, str]] = set()
        for s, o in pairs:
            sk, ok = _key(s), _key(o)
            if (sk, ok) in seen:
                continue  # the same triple from another named graph
            seen.add((sk, ok))
            # One object per distinct term, so the sets and dicts callers build compare by identity.
            s = terms.setdefault(sk, s)
            o = terms.setdefault(ok, o)
            self.pairs.append((s, o))
            self.by_subject[sk].append(o)
            self.by_object[ok].append(s)


class _IriTable:
    """The IRI-to-IRI triples of one predicate as plain strings: objects by subject and subjects by object."""

    __slots__ = ("by_object", "by_subject", "pairs")

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.pairs = list(dict.fromkeys(pairs))  # the same triple from another named graph counts once
        by_subject: dict[str, list[str]] = {}
        by_object: dict[str, list[str]] = {}
        for s, o in self.pairs:
            found = by_subject.get(s)
            if found is None:
                by_subject[s] = [o]
            else:
                found.append(o)
            found = by_object.get(o)
            if found is None:
                by_object[o] = [s]
            else:
                found.append(s)
        self.by_subject = by_subject
        self.by_object = by_object


_SMALL = 5_000
"""A predicate with at most this many triples is read whole at once on a store with direct look-ups."""

BULK_AFTER = 2_000
"""Look-ups of one predicate answered one by one before the index reads that predicate whole.

A handful of questions is cheapest asked of the store directly; many are cheapest answered from one bulk read.
Switching after a fixed number keeps both cases within a small factor of their best.
"""


def pick_text(literals: Iterable[Iterable[tuple[str, str | None]]], lang: str) -> str:
    """The text of an entity in ``lang``: of each predicate's ``(value, language)`` literals in turn, sorted, the
    first in ``lang``, else the first in any language, else ``""`` (the one rule of ``Ecosystem.text``).

    >>> pick_text([[("b", "en"), ("a", "nl")]], "en"), pick_text([[("x", None)]], "nl"), pick_text([], "nl")
    ('b', 'x', '')
    """
    fallback = ""
    for values in literals:
        for value, language in sorted(values, key=_by_text):
            if language == lang:
                return value
            fallback = fallback or value
    return fallback


class GraphIndex:
    """Look-ups by predicate over a store: asked one by one at first, from one bulk read once there are many.

    Parameters
    ----------
    store
        The :class:`~ecosysteem.graph.stores.Store` to read.
    bulk_after
        Look-ups of a predicate to answer one by one before reading it whole (``0``: read whole at once).
    """

    def __init__(self, store: Store, bulk_after: int = BULK_AFTER) -> None:
        self._store = store
        self._graph = store.graph
        self._bulk_after = bulk_after
        self._asked: dict[str, int] = defaultdict(int)
        self._terms: dict[str, Node] = {}
        self._tables: dict[str, _Table] = {}
        self._literal_tables: dict[str, dict[str, list[tuple[str, str | None]]]] = {}
        self._labels: dict[tuple[str, str], str] = {}
        self._iri_tables: dict[str, _IriTable] = {}
        # On a store with cheap direct look-ups (Oxigraph), a large predicate is asked one subject at a time and
        # read whole only for a full pass; a small one is read whole at once. (bulk_after=0 reads all whole.)
        self._direct = store.direct_lookups and bulk_after > 0
        self._large: dict[str, bool] = {}
        self._checkpoint: dict[str, int] = {}
        self._direct_asked: dict[str, int] = {}

    def _table(self, predicate: URIRef) -> _Table:
        key = str(predicate)
        table = self._tables.get(key)
        if table is None:
            table = self._tables[key] = _Table(self._store.subject_objects(predicate), self._terms)
        return table

    def _bulk(self, key: str) -> bool:
        if key in self._tables or key in self._literal_tables:
            return True
        self._asked[key] += 1
        return self._asked[key] > self._bulk_after

    def objects(self, subject: Node, predicate: URIRef) -> list[Node]:
        """The objects of ``(subject, predicate, ?)``."""
        if self._bulk(str(predicate)):
            return self._table(predicate).by_subject.get(_key(subject), [])
        return list(dict.fromkeys(self._graph.objects(subject, predicate)))

    def subjects(self, predicate: URIRef, obj: Node | None = None) -> list[Node]:
        """The subjects of ``(?, predicate, obj)``; with ``obj=None`` every distinct subject of the predicate."""
        if obj is None:
            return list(dict.fromkeys(s for s, _o in self._table(predicate).pairs))
        if self._bulk(str(predicate)):
            return self._table(predicate).by_object.get(_key(obj), [])
        return list(dict.fromkeys(self._graph.subjects(predicate, obj)))

    def subject_objects(self, predicate: URIRef) -> list[tuple[Node, Node]]:
        """Every distinct ``(subject, object)`` of the predicate, in no particular order."""
        return self._table(predicate).pairs

    def value(self, subject: Node, predicate: URIRef) -> Node | None:
        """One object of ``(subject, predicate, ?)`` (the smallest, for determinism), or ``None``."""
        values = self.objects(subject, predicate)
        return min(values, key=str) if values else None

    def transitive_objects(self, subject: Node, predicate: URIRef) -> Iterator[Node]:
        """``subject`` and everything reachable from it along ``predicate`` (as rdflib's method)."""
        return self._walk(subject, lambda node: self.objects(node, predicate))

    def transitive_subjects(self, predicate: URIRef, obj: Node) -> Iterator[Node]:
        """``obj`` and everything that reaches it along ``predicate`` (as rdflib's method)."""
        return self._walk(obj, lambda node: self.subjects(predicate, node))

    @staticmethod
    def _walk(start: Node, step: Callable[[Node], list[Node]]) -> Iterator[Node]:
        seen = {start}
        todo = [start]
        while todo:
            node = todo.pop()
            yield node
            for nxt in step(node):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)

    def __contains__(self, triple: tuple[Node, URIRef, Node]) -> bool:
        s, p, o = triple
        key = _key(o)
        return any(_key(value) == key for value in self.objects(s, p))

    def literals(self, subject: Node | str, predicate: URIRef) -> list[tuple[str, str | None]]:
        """The literal objects of ``(subject, predicate, ?)`` as ``(lexical form, language tag or None)``.

        ``subject`` is an RDF term or an IRI as a plain string.
        """
        return self._literals(subject if type(subject) is str else _key(subject), predicate)  # type: ignore[arg-type]

    def _literals(self, key: str, predicate: URIRef) -> list[tuple[str, str | None]]:
        if key.startswith("\x00"):
            return []  # a literal is never a subject
        table_key = "literals " + str(predicate)  # counted and tabled apart from the same predicate's nodes
        table = self._literal_tables.get(table_key)
        if table is None:
            if self._direct_for(predicate, literals=True):
                return self._store.literals_of(key, str(predicate))
            if not self._direct and not self._bulk(table_key):
                return self._store.literals_of(key, str(predicate))
            table = self._literal_table(predicate)
        return table.get(key, [])

    def _literal_table(self, predicate: URIRef) -> dict[str, list[tuple[str, str | None]]]:
        key = "literals " + str(predicate)
        table = self._literal_tables.get(key)
        if table is None:
            table = self._literal_tables[key] = defaultdict(list)
            for s, value, language in dict.fromkeys(self._store.subject_literals(predicate)):
                table[s].append((value, language))
        return table

    def literal_triples(self, predicate: URIRef | str) -> Iterator[tuple[str, str, str | None]]:
        """Every distinct ``(subject, lexical form, language tag or None)`` of the literal objects of ``predicate``.

        The subject as :meth:`~ecosysteem.graph.stores.Store.subject_literals` gives it (an IRI, or ``_:`` and a
        blank node's identifier); the predicate is read whole (once).
        """
        for subject, literals in self._literal_table(URIRef(str(predicate))).items():
            for value, language in literals:
                yield subject, value, language

    def _direct_for(self, predicate: URIRef | str, literals: bool = False) -> bool:
        """Whether to ask the store directly about ``predicate``: it is large and not read whole already.

        A large predicate asked about often is read whole after all: at each checkpoint (5,000 questions, then
        four times as many each time) a probe checks whether reading it whole would cost less than the questions
        asked so far, so the cost stays within a small factor of the better choice.
        """
        if not self._direct:
            return False
        key = str(predicate)
        if ("literals " + key in self._literal_tables) if literals else (key in self._iri_tables):
            return False
        large = self._large.get(key)
        if large is None:
            large = self._large[key] = self._store.has_more_than(key, _SMALL)
            self._checkpoint[key] = _SMALL
        if not large:
            return False
        asked = self._direct_asked[key] = self._direct_asked.get(key, 0) + 1
        if asked >= self._checkpoint[key]:
            if not self._store.has_more_than(key, 4 * asked):
                self._large[key] = False  # cheaper whole from now on
                return False
            self._checkpoint[key] = 4 * asked
        return True

    def _iri_table(self, predicate: URIRef | str) -> _IriTable:
        key = str(predicate)
        table = self._iri_tables.get(key)
        if table is None:
            table = self._iri_tables[key] = _IriTable(self._store.iri_pairs(URIRef(key)))
        return table

    def read_whole(self, predicates: Iterable[URIRef | str], literals: Iterable[URIRef | str] = ()) -> None:
        """Read ``predicates`` (IRI objects) and ``literals`` (literal objects) whole now, in one pass each.

        For a caller about to pass over most of their triples (the gap analysis): one bulk read per predicate
        costs less than asking subject by subject, which is what a large predicate gets otherwise.
        """
        for predicate in predicates:
            self._iri_table(predicate)
        for predicate in literals:
            self._literal_table(URIRef(str(predicate)))

    def iri_pairs(self, predicate: URIRef | str) -> list[tuple[str, str]]:
        """Every distinct ``(subject, object)`` of ``predicate`` where both are IRIs, as strings, in no order.

        >>> from ecosysteem.graph import load
        >>> from ecosysteem.vocab import EZ
        >>> ("https://w3id.org/ecosysteem/id/network/twente", str(EZ.Network)) in load().index().iri_pairs(RDF.type)
        True
        """
        return self._iri_table(predicate).pairs

    def iri_objects(self, subject: str, predicate: URIRef | str) -> list[str]:
        """The IRI objects of ``(subject, predicate, ?)`` as strings.

        ``subject`` is an IRI string (a ``URIRef`` is taken too: dictionary keys are plain strings, and an rdflib
        term does not hash like the string of its IRI).
        """
        if self._direct_for(predicate):
            return self._store.iri_objects_of(str(subject), str(predicate))
        return self._iri_table(predicate).by_subject.get(str(subject), _NO_STRINGS)

    def iri_subjects(self, predicate: URIRef | str, obj: str) -> list[str]:
        """The IRI subjects of ``(?, predicate, obj)`` as strings; ``obj`` is an IRI string (or ``URIRef``)."""
        if self._direct_for(predicate):
            return self._store.iri_subjects_of(str(predicate), str(obj))
        return self._iri_table(predicate).by_object.get(str(obj), _NO_STRINGS)

    def text(self, node: Node | str, *predicates: URIRef, lang: str = "nl") -> str:
        """As :meth:`Ecosystem.text`: the first literal of ``predicates`` in ``lang``, else in any language, or ``""``.

        >>> from ecosysteem.graph import load
        >>> from ecosysteem.vocab import ID
        >>> eco = load()
        >>> eco.index().text(ID["network/twente"], DCTERMS.description, lang="en") == eco.text(
        ...     ID["network/twente"], DCTERMS.description, lang="en")
        True
        """
        key = node if type(node) is str else _key(node)  # type: ignore[arg-type]  # a plain str is an IRI here
        return pick_text((self._literals(key, p) for p in predicates), lang)

    def label(self, node: Node | str, lang: str = "nl") -> str:
        """The label of ``node`` in ``lang``, falling back to any label, then to the IRI's last segment.

        ``node`` is an RDF term or an IRI as a plain string.
        """
        key = node if type(node) is str else _key(node)  # type: ignore[arg-type]  # a plain str is an IRI here
        found = self._labels.get((key, lang))
        if found is None:
            found = self._labels[key, lang] = self._label(key, lang)
        return found

    def _label(self, key: str, lang: str) -> str:
        # The rule of Ecosystem.label: the same label when a node has several in one language.
        return pick_text((self._literals(key, p) for p in LABEL_PROPERTIES), lang) or iri_tail(_text(key))

    def is_a(self, node: Node, cls: URIRef) -> bool:
        """Whether ``node`` has ``rdf:type cls`` (asserted; the graph is not inferred)."""
        return (node, RDF.type, cls) in self
