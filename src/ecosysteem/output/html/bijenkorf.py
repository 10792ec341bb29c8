"""The bijenkorf view: the plate of seed 002 drawn with vis-network and filled with the data of the graph.

The layout is fixed and computed here, never simulated: society is the outer frame, the national level
(*imker en natuurbeheerder*) a band at the top, the supra-regional hive in the middle with the six functions as a
honeycomb around the patient and naasten, the three loops (onderwijs, praktijk, onderzoek) with their fourteen
actions around the hive, and the regional networks in a band below. Supra-regional collaborations, networks and
their activities are attached where they belong; a function or action without any activity in scope is drawn
empty (grey, dashed) — or unknown (white, blue dotted) where the gap analysis cannot judge for lack of data — and
the tooltip names the collaborations for which the analysis reports it missing, or the data that would settle it.

The module decides *what* is shown (the scope, the state of each concept); ``_bijenkorf_geometry`` says *where*
things go and ``_bijenkorf_plate`` *draws* them.

>>> from ecosysteem.graph.ecosystem import load
>>> page = bijenkorf_html(load(), lang="en", findings=[])
>>> "Linking function national" in page and "http://" not in page.split("<script>")[0]
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from rdflib import URIRef

from ecosysteem.analysis.compare import classifier
from ecosysteem.analysis.gaps import Finding, find_gaps, function_not_served, loop_not_served
from ecosysteem.analysis.network import LANDELIJK, level_graph
from ecosysteem.analysis.scope import Scope
from ecosysteem.errors import OutputError, QueryError
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.index import GraphIndex
from ecosysteem.graph.resolve import resolve
from ecosysteem.output.html import _bijenkorf_geometry as geo
from ecosysteem.output.html._bijenkorf_plate import (
    ACTIVITY,
    EMPTY_FILL,
    HONEY,
    LOOP_COLOURS,
    PATIENT,
    UNKNOWN_BORDER,
    ConceptState,
    Plate,
)
from ecosysteem.output.html._common import LEVEL_COLOURS, legend, link_nodes
from ecosysteem.output.html._render import check_lang, render_template, write_page
from ecosysteem.output.words import heading, words
from ecosysteem.vocab import EZ, ID, RDF, SKOS

__all__ = [
    "GAP_TYPES",
    "HEX_RADIUS",
    "LOOP_COLOURS",
    "BijenkorfScope",
    "bijenkorf_html",
    "bijenkorf_scope",
    "concept_states",
    "write_bijenkorf",
]

HEX_RADIUS = geo.HEX_RADIUS
_TYPE = str(RDF.type)


@dataclass
class BijenkorfScope:
    """What the bijenkorf shows: the activities in scope and the collaborations and networks drawn.

    Attributes
    ----------
    activities
        IRIs of the activities whose functions, actions and loops count.
    collaborations
        IRIs of the supra-regional collaborations drawn in the hive.
    networks
        IRIs of the regional networks (and regional chains) drawn in the regional band.
    focus
        The IRI focused on, or ``None`` for the whole graph.
    """

    activities: set[str]
    collaborations: list[str]
    networks: list[str]
    focus: str | None = None
    counts: dict[str, list[str]] = field(default_factory=dict)
    """Concept IRI → sorted IRIs of the in-scope activities classified under it."""
    levels: nx.DiGraph | None = None
    """The level graph (:func:`~ecosysteem.analysis.network.level_graph`) the scope was decided on."""


def _classification(index: GraphIndex, activities: set[str]) -> dict[str, list[str]]:
    """Concept (function, action, loop) → the activities classified under it, by the comparison's classifier."""
    found: dict[str, set[str]] = defaultdict(set)
    for columns in ("function", "action", "loop"):
        classify = classifier(index, columns)
        for act in activities:
            for concept in classify(URIRef(act)):
                found[str(concept)].add(act)
    return {k: sorted(v) for k, v in found.items()}


def bijenkorf_scope(
    eco: Ecosystem, *, collaboration: str | None = None, network: str | None = None, rules: Scope | None = None
) -> BijenkorfScope:
    """Decide what the bijenkorf shows: everything, one supra-regional collaboration, or one network.

    Parameters
    ----------
    eco
        The ecosystem.
    collaboration
        Focus on this collaboration (IRI, ``collaboration/slug``, slug or part of its name): its activities
        (those naming it, and those of its member networks) and its member networks.
    network
        Focus on this network: its activities and the collaborations it is a member of.
    rules
        The scope rules over the graph's index (:class:`~ecosysteem.analysis.scope.Scope`) to share with other
        pages; one is made when not given.

    Returns
    -------
    BijenkorfScope
        Raises :class:`~ecosysteem.errors.QueryError` when a name matches nothing or more than one entity.

    >>> from ecosysteem.graph.ecosystem import load
    >>> scope = bijenkorf_scope(load(), collaboration="Septet")
    >>> "https://w3id.org/ecosysteem/id/network/utrecht-stad" in scope.networks
    True
    """
    rules = rules or Scope.of(eco)
    index = rules.g  # one for the level graph, the scope and the classification
    lg = level_graph(eco, index)
    supra = str(ID["level/bovenregionaal"])
    regional = str(ID["level/regionaal"])
    all_collabs = sorted(set(index.iri_subjects(_TYPE, str(EZ.SupraRegionalCollaboration)))) or [
        n for n, d in lg.nodes(data=True) if d.get("kind") == "collaboration" and d.get("level") == supra
    ]
    all_networks = sorted(
        n
        for n, d in lg.nodes(data=True)
        if d.get("kind") == "network" or (d.get("kind") == "collaboration" and d.get("level") == regional)
    )
    if collaboration is not None and network is not None:
        raise QueryError(
            "focus on a collaboration or on a network, not both",
            nl="kies één focus: een samenwerkingsverband of een netwerk, niet allebei",
        )
    if collaboration is not None:
        iri = resolve(eco, collaboration, "collaboration")
        acts = set(rules.collaboration_activities(str(iri)))
        members = sorted(m for m in lg.predecessors(str(iri)) if m in all_networks) if str(iri) in lg else []
        scope = BijenkorfScope(acts, [str(iri)], members, str(iri))
    elif network is not None:
        iri = resolve(eco, network, "network")
        acts = set(rules.network_activities(str(iri)))
        collabs = sorted(c for c in lg.successors(str(iri)) if lg.nodes[c].get("kind") == "collaboration")
        scope = BijenkorfScope(acts, [c for c in collabs if lg.nodes[c].get("level") != str(LANDELIJK)], [str(iri)])
        scope.focus = str(iri)
    else:
        scope = BijenkorfScope(set(rules.activities()), all_collabs, all_networks)
    scope.counts = _classification(index, scope.activities)
    scope.levels = lg
    return scope


GAP_TYPES: tuple[str, ...] = (function_not_served.GAP.id, loop_not_served.GAP.id)
"""The gap types the bijenkorf marks: functions, loops and actions a supra-regional collaboration does not serve."""


def concept_states(
    eco: Ecosystem, scope: BijenkorfScope, findings: Sequence[Finding] | None, lang: str = "nl"
) -> dict[str, ConceptState]:
    """The state of every function, loop and action drawn: ``alive``, ``empty`` or ``unknown``.

    Alive when an activity in scope serves it. Empty when the gap analysis finds it missing for a drawn
    collaboration (those are named), or when nothing serves it and no analysis was run. Unknown when nothing
    serves it and the analysis cannot judge the drawn collaborations (its *needs* say which data would settle it).
    """
    wanted = set(scope.collaborations)
    found = find_gaps(eco, list(GAP_TYPES)) if findings is None else findings
    relevant = [f for f in found if f.gap in GAP_TYPES and f.subject in wanted]
    unknown = sorted({f.needs(lang) for f in relevant if f.status == "unknown" and f.needs(lang)})
    gap_in: dict[str, set[str]] = defaultdict(set)
    for f in relevant:
        if f.status == "gap" and f.concept:
            gap_in[f.concept].add(eco.label(URIRef(f.subject), lang))
    states: dict[str, ConceptState] = {}
    for scheme in ("function", "loop", "action"):
        for concept in _concepts(eco, scheme):
            iri = str(concept)
            if scope.counts.get(iri):
                states[iri] = ConceptState("alive")
            elif gap_in.get(iri) or not unknown:
                states[iri] = ConceptState("empty", gap_in=tuple(sorted(gap_in.get(iri, ()))))
            else:
                states[iri] = ConceptState("unknown", needs="; ".join(unknown))
    return states


def _concepts(eco: Ecosystem, scheme: str) -> list[URIRef]:
    """The concepts of a scheme ordered by notation (numbers compared as numbers)."""
    g = eco.graph
    unknown = set(g.objects(ID["collection/onbekend"], SKOS.member))  # 'onbekend' is no part of the plate
    found = [c for c in g.subjects(SKOS.inScheme, ID[f"scheme/{scheme}"]) if isinstance(c, URIRef) and c not in unknown]

    def key(c: URIRef) -> tuple[str, int, str]:
        notation = str(g.value(c, SKOS.notation) or "")
        head, _, tail = notation.rpartition("-")
        if not head:
            head, tail = "", notation
        return (head, int(tail) if tail.isdigit() else 0, notation or str(c))

    return sorted(found, key=key)


def _legend(lang: str) -> list[dict[str, str]]:
    w = words(lang)
    practice = LOOP_COLOURS[str(ID["loop/praktijk"])]
    levels = ("landelijk", "bovenregionaal", "regionaal")
    loops = ("onderwijs", "praktijk", "onderzoek")
    return legend(
        ("zone", "#e9edf1", w["society"]),
        *(
            (("zone", LEVEL_COLOURS[str(ID[f"level/{s}"])] + "33", f"{heading(w[f'level_{s}'])} {w['level']}"))
            for s in levels
        ),
        ("hex", PATIENT, w["patient_and_family"]),
        ("hex", HONEY, w["fn_alive"]),
        ("hex-empty", EMPTY_FILL, w["fn_empty"]),
        ("hex-unknown", UNKNOWN_BORDER, w["fn_unknown"]),
        *(("line", LOOP_COLOURS[str(ID[f"loop/{s}"])], f"{heading(w['loop'])} {w[f'loop_{s}']}") for s in loops),
        ("dot", practice, w["act_alive"]),
        ("ring", practice, w["act_empty"]),
        ("ring-unknown", practice, w["act_unknown"]),
        ("dot", ACTIVITY, w["planned_activity"]),
        ("box", "#fff3cc", heading(w["collaboration"])),
        ("box", "#e4f2df", w["regional_network"]),
        ("box", "#e3eef9", w["national_party"]),
    )


def bijenkorf_html(
    eco: Ecosystem,
    *,
    lang: str = "nl",
    collaboration: str | None = None,
    network: str | None = None,
    findings: Sequence[Finding] | None = None,
    nav: tuple[tuple[str, str], ...] = (),
    links: Mapping[str, str] | None = None,
    scope: Scope | None = None,
) -> str:
    """Return the bijenkorf page as one self-contained HTML document.

    Parameters
    ----------
    eco, lang, nav, links, scope
        As every page takes them (:mod:`ecosysteem.output.html`); ``eco`` must hold the bijenkorf model (seed
        002, part of the default data).
    collaboration, network
        Focus on one supra-regional collaboration or one network (see :func:`bijenkorf_scope`).
    findings
        Gap findings to mark (those of :data:`GAP_TYPES`); ``None`` runs those gap types here.

    Returns
    -------
    str
        The HTML page: vis-network inlined, no external resources, every string escaped.

    >>> from ecosysteem.graph.ecosystem import load
    >>> "Patiënt en naasten" in bijenkorf_html(load(), findings=[])
    True
    """
    lang = check_lang(lang)
    if not _concepts(eco, "function"):
        raise OutputError(
            "the graph holds no bijenkorf functions to draw: load datasets/002-bijenkorf.ttl "
            "(part of the default data; leave out --no-defaults)",
            nl="de graaf bevat geen bijenkorffuncties om te tekenen: laad datasets/002-bijenkorf.ttl "
            "(onderdeel van de standaardgegevens; laat --no-defaults weg)",
        )
    rules = scope or Scope.of(eco)
    shown = bijenkorf_scope(eco, collaboration=collaboration, network=network, rules=rules)
    w = words(lang)
    concepts = {scheme: _concepts(eco, scheme) for scheme in ("level", "function", "loop", "action")}
    states = concept_states(eco, shown, findings, lang)
    plate = Plate(
        eco,
        shown.counts,
        shown.collaborations,
        shown.networks,
        lang,
        w,
        states,
        concepts,
        lg=shown.levels,
        rules=rules,
    )
    data = plate.draw().data()
    link_nodes(data["nodes"], links or {}, lang)
    data["focus"] = _focus(shown, plate, links or {})
    return render_template(
        "bijenkorf.html",
        title=w["bijenkorf_title"],
        lang=lang,
        nav=nav,
        data=data,
        script="bijenkorf.js",
        vis=True,
        focus_name=rules.g.label(shown.focus, lang) if shown.focus else "",
        legend_entries=_legend(lang),
    )


def _focus(scope: BijenkorfScope, plate: Plate, links: Mapping[str, str]) -> dict[str, list[str]]:
    """For each drawn network or consortium with a page: its activities on the plate (for ``#focus=<IRI>``)."""
    drawn = set(plate.positions)
    out = {}
    for iri in sorted(links):
        if iri in drawn:
            acts = plate.scope.network_activities(iri) | plate.scope.collaboration_activities(iri)
            out[iri] = sorted(a for a in acts if a in drawn)
    return out


def write_bijenkorf(
    eco: Ecosystem,
    path: str | Path,
    *,
    lang: str = "nl",
    collaboration: str | None = None,
    network: str | None = None,
) -> Path:
    """Write the bijenkorf page to ``path`` (atomically, UTF-8) and return the path; see :func:`bijenkorf_html`."""
    return write_page(path, bijenkorf_html(eco, lang=lang, collaboration=collaboration, network=network))
