"""Leave out personal data: persons, every triple about them, and their names inside any text.

Names of people are personal data under the AVG (GDPR). The ontology marks them: ``ez:Person`` is a subclass of
``ez:PersonalData``. :func:`without_personal_data` returns a copy of a graph without them, for exports and HTML
that are shared beyond the people named:

- every node typed ``ez:PersonalData`` or one of its subclasses (``ez:Person``, also ``schema:Person`` and
  ``foaf:Person``), every node that a triple ``ez:mentionsPerson`` points to, and every ``org:Membership`` whose
  member is such a node, are removed with every triple in which they are subject or object, together with the
  blank nodes only they refer to;
- in every remaining literal, each occurrence of a removed person's name (any of their labels, case- and
  accent-insensitive, as a whole word) is replaced by a placeholder — ``[persoon]`` in Dutch and untagged text,
  ``[person]`` in English — so "Agnes van Berkum (netwerkcoördinator)" becomes "[persoon] (netwerkcoördinator)":
  the role stays, the name goes;
- every literal is also searched for a removed person's first name and last name on their own (``Agnes``,
  ``van Berkum``, ``mevrouw Van Berkum``; a last name without particles such as ``Wenneger`` too), wherever the
  text is: a source label, a note that names the person without ``ez:mentionsPerson``. These shorter forms count
  only where the name is capitalised (the last word of ``van Berkum``), so that a person called *Roos* does not
  redact every *roos* (rose) in the graph; a capitalised word at the start of a sentence may still be taken.

A name written differently from every label of the person (initials, a nickname, a typo) is not found; give
the person an ``skos:altLabel`` with that spelling to have it redacted too.

>>> from ecosysteem.graph import load
>>> eco = without_personal_data(load())
>>> any("Agnes van Berkum" in str(o) for o in eco.graph.objects())
False
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import overload

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from ecosysteem.graph.convert import bind_prefixes
from ecosysteem.graph.ecosystem import Ecosystem
from ecosysteem.vocab import EZ, ORG, RDF, RDFS, SDO, SKOS

__all__ = [
    "DEFAULT_PLACEHOLDERS",
    "NAME_PROPERTIES",
    "name_variants",
    "person_names",
    "personal_nodes",
    "without_personal_data",
]

FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SDO_HTTP = Namespace("http://schema.org/")

NAME_PROPERTIES: tuple[URIRef, ...] = (
    RDFS.label,
    SKOS.prefLabel,
    SKOS.altLabel,
    SKOS.hiddenLabel,
    SDO.name,
    SDO.alternateName,
    SDO_HTTP.name,
    FOAF.name,
)
"""The properties whose literals are taken as a person's name."""

_GIVEN_FAMILY: tuple[tuple[URIRef, URIRef], ...] = (
    (SDO.givenName, SDO.familyName),
    (SDO_HTTP.givenName, SDO_HTTP.familyName),
    (FOAF.givenName, FOAF.familyName),
)

DEFAULT_PLACEHOLDERS: Mapping[str, str] = {"nl": "[persoon]", "en": "[person]", "": "[persoon]"}
"""Placeholder per language tag (primary subtag); ``""`` is used for untagged text and unknown languages."""

_PERSON_CLASSES: tuple[URIRef, ...] = (EZ.PersonalData, EZ.Person, SDO.Person, SDO_HTTP.Person, FOAF.Person)


def _classes(graph: Graph) -> set[Node]:
    """The personal-data classes and, through ``rdfs:subClassOf``, every subclass of them in ``graph``."""
    found: set[Node] = set(_PERSON_CLASSES)
    for cls in _PERSON_CLASSES:
        found |= {c for c in graph.transitive_subjects(RDFS.subClassOf, cls) if c is not None}
    return found


def personal_nodes(graph: Graph) -> set[Node]:
    """Return the nodes that are personal data: persons, persons mentioned, and their memberships.

    Parameters
    ----------
    graph
        The rdflib graph to look in.

    Returns
    -------
    set
        The IRIs (and blank nodes) of every node typed with a personal-data class (or a subclass of one),
        every object of ``ez:mentionsPerson``, and every ``org:Membership`` whose ``org:member`` is one of them.

    >>> from ecosysteem.graph import load
    >>> sorted(str(n).rsplit("/", 1)[-1] for n in personal_nodes(load().graph))[:2]
    ['agnes-van-berkum', 'elly-wenneger']
    """
    persons = _persons(graph)
    memberships = {m for p in persons for m in graph.subjects(ORG.member, p)}
    return persons | memberships


def _persons(graph: Graph) -> set[Node]:
    classes = _classes(graph)
    persons: set[Node] = set()
    for cls in classes:
        persons |= set(graph.subjects(RDF.type, cls))
    persons |= set(graph.objects(None, EZ.mentionsPerson))
    return persons - classes  # a class is never itself personal data


def person_names(graph: Graph, nodes: Iterable[Node] | None = None) -> list[str]:
    """Return the names of the persons in ``graph`` (or of ``nodes``), longest first, without duplicates.

    A name is any literal of :data:`NAME_PROPERTIES`, or a given name followed by a family name. Longest first
    so that "Agnes van Berkum" is replaced before a shorter "Agnes" could split it.
    """
    people = _persons(graph) if nodes is None else set(nodes)
    names: set[str] = set()
    for person in people:
        for prop in NAME_PROPERTIES:
            names |= {" ".join(str(v).split()) for v in graph.objects(person, prop) if isinstance(v, Literal)}
        for given_prop, family_prop in _GIVEN_FAMILY:
            for given in graph.objects(person, given_prop):
                for family in graph.objects(person, family_prop):
                    names.add(" ".join(f"{given} {family}".split()))
    # A name needs two letters to be a name: a one-letter label would redact every such word in the graph.
    return sorted((n for n in names if sum(c.isalpha() for c in n) >= 2), key=lambda n: (-len(n), n))


_PARTICLES = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "het",
        "ten",
        "ter",
        "te",
        "'t",
        "in",
        "op",
        "uit",
        "aan",
        "bij",
        "voor",
        "la",
        "le",
        "du",
        "des",
        "von",
        "vom",
        "zu",
        "d'",
        "l'",
    ]
)
"""Dutch (and a few other) surname particles: ``van``, ``de``, ``van der`` … precede the last name proper."""


def name_variants(graph: Graph, nodes: Iterable[Node] | None = None) -> list[str]:
    """Return the first and last names of the persons in ``graph`` (or of ``nodes``) on their own, longest first.

    From ``schema:givenName``/``schema:familyName`` where given, else from each full name of :func:`person_names`:
    the first word is the first name, the rest the last name (with its particles: ``van Berkum``); a last name
    without particles (``Wenneger``) counts on its own too.

    >>> from ecosysteem.graph import load
    >>> [v for v in name_variants(load().graph) if "Berkum" in v or v == "Agnes"]
    ['van Berkum', 'Agnes']
    """
    people = _persons(graph) if nodes is None else set(nodes)
    variants: set[str] = set()
    for given_prop, family_prop in _GIVEN_FAMILY:
        for person in people:
            variants |= {" ".join(str(v).split()) for v in graph.objects(person, given_prop)}
            variants |= {" ".join(str(v).split()) for v in graph.objects(person, family_prop)}
    for name in person_names(graph, people):
        variants |= _name_parts(name)
    full = set(person_names(graph, people))
    found = (v for v in variants - full if sum(c.isalpha() for c in v) >= 2 and v.casefold() not in _PARTICLES)
    return sorted(found, key=lambda n: (-len(n), n))


_TITLES = frozenset(["dr", "drs", "mr", "ir", "ing", "prof", "dhr", "mevr", "mw", "mevrouw", "meneer", "heer"])


def _name_parts(name: str) -> set[str]:
    """First name, last name with particles and (without particles) the last name alone, from a full name.

    Titles and initials are no first name: ``Dr. A. van Berkum`` gives only ``van Berkum``.

    >>> sorted(_name_parts("Agnes van Berkum")), sorted(_name_parts("dr. E. Wenneger")), _name_parts("Van Dijk")
    (['Agnes', 'van Berkum'], ['Wenneger'], {'Van Dijk'})
    """
    words = name.split()
    named = [w for w in words if w.rstrip(".").casefold() not in _TITLES and not w.endswith(".")]
    lead = words.index(named[0]) if named else len(words)
    parts: set[str] = set()
    if named and named[0].casefold() not in _PARTICLES and len(named) > 1 and lead == 0:
        parts.add(named[0])
        named = named[1:]
    if not named:
        return parts
    parts.add(" ".join(named))
    core = list(named)
    while core and core[0].casefold() in _PARTICLES:
        core = core[1:]
    if core == named:
        parts.add(" ".join(core))
    return parts


_TYPOGRAPHIC = str.maketrans(
    {"‘": "'", "’": "'", "‛": "'", "′": "'", "`": "'", "“": '"', "”": '"', "‐": "-", "‑": "-", "–": "-", "—": "-"}
)


def _fold(text: str) -> tuple[str, list[int]]:
    """``text`` without accents, in lower case, with plain quotes and hyphens, and each character's origin index.

    >>> _fold("Zoë O’Neil")[0]
    "zoe o'neil"
    """
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char.translate(_TYPOGRAPHIC)):
            if unicodedata.combining(part):
                continue
            for low in part.casefold():
                folded.append(low)
                origin.append(index)
    return "".join(folded), origin


def _pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    parts = []
    for name in names:
        folded, _ = _fold(name)
        words = [re.escape(w) for w in folded.split()]
        if words:
            parts.append(r"\s+".join(words))
    if not parts:
        return None
    # Whole words only: no letter or digit may touch the name on either side.
    return re.compile(r"(?<![^\W_])(?:" + "|".join(parts) + r")(?![^\W_])")


@functools.cache
def _combining() -> re.Pattern[str]:
    """A character class of every combining character (they all lie in the first two planes)."""
    ranges: list[str] = []
    start = previous = -2
    for code in [c for c in range(0x20000) if unicodedata.combining(chr(c))] + [-1]:
        if code != previous + 1:
            if start >= 0:
                ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(previous)) if previous > start else ""))
            start = code
        previous = code
    return re.compile("[" + "".join(ranges) + "]")


def _quick_fold(text: str) -> str:
    """:func:`_fold` of the whole text at C speed, without the index map: to skip texts that name nobody."""
    return _combining().sub("", unicodedata.normalize("NFKD", text.translate(_TYPOGRAPHIC))).casefold()


def _redact(text: str, pattern: re.Pattern[str], placeholder: str, capitalised: bool = False) -> str:
    """Replace every match of ``pattern`` in the folded form of ``text`` by ``placeholder`` in ``text`` itself.

    With ``capitalised``, only matches whose last word starts with a capital in ``text`` are replaced.
    """
    if pattern.search(_quick_fold(text)) is None:
        return text
    folded, origin = _fold(text)
    out: list[str] = []
    last = 0
    for match in pattern.finditer(folded):
        if match.end() == match.start():
            continue
        start = origin[match.start()]
        end = origin[match.end() - 1] + 1
        if capitalised and not text[start:end].split()[-1][:1].isupper():
            continue
        out.append(text[last:start])
        out.append(placeholder)
        last = end
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _placeholder(literal: Literal, placeholders: Mapping[str, str]) -> str:
    lang = (literal.language or "").split("-", 1)[0].lower()
    return placeholders.get(lang, placeholders.get("", DEFAULT_PLACEHOLDERS[""]))


def _dependent_bnodes(graph: Graph, roots: set[Node]) -> set[Node]:
    """Blank nodes reachable from ``roots`` that nothing outside the removed set refers to."""
    removed = set(roots)
    stack = [o for r in roots for o in graph.objects(r, None) if isinstance(o, BNode)]
    while stack:
        node = stack.pop()
        if node in removed:
            continue
        if all(s in removed for s in graph.subjects(None, node)):
            removed.add(node)
            stack.extend(o for o in graph.objects(node, None) if isinstance(o, BNode))
    return removed - roots


def _strip(graph: Graph, placeholders: Mapping[str, str]) -> Graph:
    people = personal_nodes(graph)
    pattern = _pattern(person_names(graph))
    variants = _pattern(name_variants(graph))
    removed = people | _dependent_bnodes(graph, people)
    out = bind_prefixes(Graph())
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace, override=False)
    for s, p, o in graph:
        if s in removed or o in removed:
            continue
        if pattern is not None and isinstance(o, Literal):
            text = str(o)
            new = _redact(text, pattern, _placeholder(o, placeholders))
            if variants is not None:
                new = _redact(new, variants, _placeholder(o, placeholders), capitalised=True)
            if new != text:
                o = Literal(new, lang=o.language, datatype=o.datatype)
        out.add((s, p, o))
    return out


@overload
def without_personal_data(source: Ecosystem, placeholders: Mapping[str, str] | None = None) -> Ecosystem: ...
@overload
def without_personal_data(source: Graph, placeholders: Mapping[str, str] | None = None) -> Graph: ...


def without_personal_data(
    source: Ecosystem | Graph, placeholders: Mapping[str, str] | None = None
) -> Ecosystem | Graph:
    """Return a copy of ``source`` without persons and with their names redacted from every literal.

    Parameters
    ----------
    source
        An :class:`~ecosysteem.graph.Ecosystem` or an rdflib ``Graph``; it is not changed.
    placeholders
        The text that replaces a name, per language tag (see :data:`DEFAULT_PLACEHOLDERS`).

    Returns
    -------
    Ecosystem or Graph
        A new object of the same kind. Persons (``ez:PersonalData`` and subclasses), persons mentioned
        (``ez:mentionsPerson``) and their memberships are gone with every triple about them; every literal that
        named one of them keeps its language and datatype and reads ``[persoon]`` (``[person]`` in English)
        where the name was.

    Examples
    --------
    >>> from ecosysteem.graph import load
    >>> eco = without_personal_data(load())
    >>> plan = eco.get("plan/jaarplan-2021-twente")
    >>> "Agnes" in plan.description_nl, "[persoon] en [persoon]" in plan.description_nl
    (False, True)
    """
    chosen = {**DEFAULT_PLACEHOLDERS, **(placeholders or {})}
    if isinstance(source, Ecosystem):
        stripped = _strip(source.graph, chosen)
        if source.store.kind == "memory":
            eco = Ecosystem(stripped)
        else:
            # A copy in memory on the same fast engine; a persistent store or an endpoint is never written to.
            eco = Ecosystem(store="oxigraph")
            eco.store.add_triples(stripped)
        eco.files = list(source.files)
        return eco
    return _strip(source, chosen)
