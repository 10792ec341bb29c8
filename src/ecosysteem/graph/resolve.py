"""The one name resolver: a name, abbreviation or id typed by a user → the one entity it means.

Every command that takes a name (``gaps --network``, ``viz … --network/--collaboration/--around``, ``profiel``,
``query --param network=…``) resolves it here, so the same string means the same thing everywhere. A value is
tried, in order, as

1. an IRI, a ``kind/slug`` id or a bare slug (``network/twente``, ``twente``);
2. a whole name: ``skos:prefLabel``, ``rdfs:label``, ``dcterms:title``, ``skos:altLabel`` or
   ``ez:abbreviation`` (ZGT, MST), compared after normalisation (case, accents, punctuation, spacing);
3. a part of a name (every word of the value found in one name).

The first step with exactly one match wins. An empty value, a value that matches several entities at the first
step that matches anything, and a value that matches nothing are refused with a :class:`ResolveError` that
lists the candidates (or suggestions); it never silently picks or merges.

>>> from ecosysteem.graph.ecosystem import load
>>> eco = load()
>>> str(resolve(eco, "Twente", "network")).rsplit("/", 1)[-1]
'twente'
>>> str(resolve(eco, "ZGT", "agent")).rsplit("/", 1)[-1]
'zgt'
>>> resolve(eco, "Utrecht", "network")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ecosysteem.graph.resolve.ResolveError: 'Utrecht' matches 3 networks: ... Utrecht stad, ...; give more of the name ...
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rdflib import URIRef

from ecosysteem.errors import QueryError
from ecosysteem.graph.names import normalise_name, rank_candidates
from ecosysteem.vocab import BASE, DCTERMS, EZ, PREFIXES, RDF, SKOS

if TYPE_CHECKING:
    from ecosysteem.graph.ecosystem import Ecosystem

__all__ = ["KINDS", "Candidate", "Kind", "ResolveError", "candidates", "resolve"]

Kind = Literal["network", "collaboration", "subject", "agent", "organisation"]

KINDS: dict[str, tuple[URIRef, ...]] = {
    "network": (EZ.Network,),
    "collaboration": (EZ.SupraRegionalCollaboration, EZ.Collaboration, EZ.CareChain, EZ.AcuteCareNetwork),
    "subject": (EZ.Network, EZ.SupraRegionalCollaboration),
    "agent": (EZ.Organisation, EZ.Network, EZ.Collaboration, EZ.SupraRegionalCollaboration, EZ.Group),
    "organisation": (EZ.Organisation,),
}
"""The classes each kind of name stands for (a ``collaboration`` is never also a network)."""

_NOUNS: dict[str, tuple[str, str, str, str]] = {
    # kind: nl singular, nl plural, en singular, en plural
    "network": ("netwerk", "netwerken", "network", "networks"),
    "collaboration": ("samenwerkingsverband", "samenwerkingsverbanden", "collaboration", "collaborations"),
    "subject": ("netwerk of consortium", "netwerken en consortia", "network or consortium", "networks and consortia"),
    "agent": ("organisatie of verband", "organisaties en verbanden", "agent", "agents"),
    "organisation": ("organisatie", "organisaties", "organisation", "organisations"),
}

_NAME_PROPERTIES = (SKOS.prefLabel, PREFIXES["rdfs"]["label"], DCTERMS.title, SKOS.altLabel, EZ.abbreviation)
_SHOWN = 12


@dataclass(frozen=True)
class Candidate:
    """An entity a name may mean: its label (Dutch) and its IRI."""

    label: str
    iri: str


class ResolveError(QueryError):
    """A name that is empty, means several entities, or means none; carries the candidates.

    ``str()`` gives the English message; :meth:`message` gives it in Dutch or English.
    """

    exit_kind = "usage"

    def __init__(self, value: str, kind: str, reason: str, candidates: Sequence[Candidate]) -> None:
        self.value = value
        self.kind = kind
        self.reason = reason  # "empty" | "ambiguous" | "unknown"
        self.candidates = list(candidates)
        super().__init__(self.message("en"), nl=self.message("nl"))

    def message(self, lang: str = "nl", *, iris: bool = False) -> str:
        """The one-line message in ``lang``; with ``iris`` the candidates' IRIs follow their names."""
        one_nl, many_nl, one_en, many_en = _NOUNS[self.kind]
        names = ", ".join(f"{c.label} <{c.iri}>" if iris else c.label for c in self.candidates[:_SHOWN])
        more = len(self.candidates) - _SHOWN
        if more > 0:
            names += f" … (+{more})"
        nl = lang == "nl"
        if self.reason == "empty":
            return f"lege naam: geef een {one_nl}" if nl else f"empty name: give a {one_en}"
        if self.reason == "ambiguous":
            if nl:
                return f"{self.value!r} past bij {len(self.candidates)} {many_nl}: {names}; geef meer van de naam"
            return f"{self.value!r} matches {len(self.candidates)} {many_en}: {names}; give more of the name or the id"
        if nl:
            hint = f"; bedoelt u: {names}?" if names else ""
            return f"geen {one_nl} heet {self.value!r}{hint}"
        hint = f"; did you mean: {names}?" if names else ""
        return f"no {one_en} matches {self.value!r}{hint}"


def candidates(eco: Ecosystem, kind: str) -> list[URIRef]:
    """Return every entity of ``kind`` (see :data:`KINDS`), sorted by IRI."""
    g = eco.graph
    found = {s for cls in KINDS[kind] for s in g.subjects(RDF.type, cls) if isinstance(s, URIRef)}
    if kind == "collaboration":
        found = {c for c in found if (c, RDF.type, EZ.Network) not in g}
    return sorted(found)


def _labels(eco: Ecosystem, node: URIRef) -> set[str]:
    return {str(v) for p in _NAME_PROPERTIES for v in eco.graph.objects(node, p) if str(v).strip()}


def _as_id(value: str, pool: Iterable[URIRef]) -> list[URIRef]:
    full = value if value.startswith(("http://", "https://")) else f"{BASE}{value}"
    return [c for c in pool if str(c) == full or str(c).rsplit("/", 1)[-1] == value]


def resolve(eco: Ecosystem, value: str, kind: str = "network") -> URIRef:
    """Return the one entity of ``kind`` that ``value`` names.

    Parameters
    ----------
    eco
        The ecosystem.
    value
        An IRI, an id (``network/twente``, ``twente``), a full name, an abbreviation or short name
        (``ZGT``), or part of a name (``Twente``).
    kind
        ``"network"``, ``"collaboration"`` (networks excluded), ``"subject"`` (network or consortium),
        ``"agent"`` (organisation, network, collaboration or group) or ``"organisation"``.

    Returns
    -------
    URIRef
        The entity.

    Raises
    ------
    ResolveError
        When ``value`` is empty, matches several entities, or matches none; it lists the candidates.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    wanted = value.strip()
    if not wanted:
        raise ResolveError(value, kind, "empty", [])
    pool = candidates(eco, kind)
    exact = _as_id(wanted, pool)
    if len(exact) == 1:
        return exact[0]
    needle = normalise_name(wanted)
    labels = {c: _labels(eco, c) for c in pool}
    whole = [c for c in pool if any(normalise_name(n) == needle for n in labels[c])]
    partial = [c for c in pool if any(_contains(n, wanted, needle) for n in labels[c])]
    for matched in (exact, whole, partial):
        if len(matched) == 1:
            return matched[0]
        if matched:
            raise ResolveError(value, kind, "ambiguous", _described(eco, matched))
    raise ResolveError(value, kind, "unknown", _described(eco, _suggest(wanted, labels)))


def _contains(name: str, wanted: str, needle: str) -> bool:
    """Whether ``wanted`` is part of ``name``: every word of it begins a word of the name (both normalised), or it
    occurs in the name as written (so that 'Netwerk', a word normalising drops, still finds the networks)."""
    words = normalise_name(name).split()
    if needle and all(any(w.startswith(part) for w in words) for part in needle.split()):
        return True
    return wanted.casefold() in name.casefold()


def _suggest(wanted: str, labels: dict[URIRef, set[str]]) -> list[URIRef]:
    owners: dict[str, set[URIRef]] = {}
    for node, names in labels.items():
        for name in names:
            owners.setdefault(name, set()).add(node)
    found: dict[URIRef, None] = {}
    for candidate in rank_candidates(wanted, owners, cutoff=0.6, limit=5):
        found.update(dict.fromkeys(sorted(owners[candidate.name])))
    return list(found)[:5]


def _described(eco: Ecosystem, nodes: Iterable[URIRef]) -> list[Candidate]:
    found = (Candidate(eco.label(n, "nl"), str(n)) for n in nodes)
    return sorted(found, key=lambda c: (c.label.casefold(), c.iri))
