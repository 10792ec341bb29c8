"""Index equivalents of some named gap queries: the same rows, computed from the graph index in Python.

The gap catalogue reads several of its named queries (``queries/*.rq``) on every report. Where a query is an
anti-join over look-ups the report's :class:`~ecosysteem.graph.index.GraphIndex` answers anyway, computing its
rows from the index costs a fraction of running it: on Oxigraph at 100,000 organisations these nine queries took
about 3 s together, their equivalents a few tenths of a second, and on rdflib's own engine the difference is far
larger. The named queries stay the definitions: users run them (``ecosysteem query …``), and
``tests/test_gap_rows.py`` checks on the default data and on synthetic data, on every store, that each equivalent
returns exactly its query's rows.

The equivalents follow IRIs only (the index's string tables); a graph with a blank node or a literal in the places
they read (a membership written as ``[ … ]``, a theme written as text) is answered by the named queries instead —
see :func:`applies`.

>>> import ecosysteem
>>> from ecosysteem.analysis.network import IriView
>>> eco = ecosysteem.load()
>>> rows = EQUIVALENTS["networks-with-records"](IriView(eco.index()))
>>> ("https://w3id.org/ecosysteem/id/network/twente",) in rows
True
"""

from __future__ import annotations

from collections.abc import Callable

from ecosysteem.analysis.network import PARTY_PROPERTIES, IriView
from ecosysteem.graph import Ecosystem
from ecosysteem.vocab import EZ, ID, ORG, RDF, SKOS

__all__ = ["BACKGROUND_FIRST", "EQUIVALENTS", "Rows", "applies"]

Rows = list[tuple[str | None, ...]]
"""Rows as :func:`~ecosysteem.analysis.queries.query_strings` returns them."""

_PARTIES = tuple(str(prop) for _role, prop in PARTY_PROPERTIES)
_TYPE, _IN_SCHEME, _MEMBER, _ORGANIZATION = str(RDF.type), str(SKOS.inScheme), str(ORG.member), str(ORG.organization)
_IN_PLAN, _PLAN_OF = str(EZ.inPlan), str(EZ.planOf)
_SERVES_FUNCTION, _SERVES_ACTION, _LOOP = str(EZ.servesFunction), str(EZ.servesAction), str(EZ.loop)
_SUPRA = str(EZ.SupraRegionalCollaboration)
_CHAINS = (str(EZ.CareChain), str(EZ.AcuteCareNetwork))
_THEME, _ORG_TYPE, _BROADER = str(EZ.theme), str(EZ.organisationType), str(SKOS.broader)
_PARTICIPANT_TYPE, _PARTICIPANT_ROLE, _LINE = str(EZ.participantType), str(EZ.participantRole), str(EZ.lineOfCare)
_READ = (
    ORG.member,
    ORG.organization,
    EZ.responsible,
    EZ.lead,
    EZ.participant,
    EZ.inPlan,
    EZ.planOf,
    EZ.partOf,
    EZ.theme,
    EZ.loop,
    EZ.servesAction,
    EZ.servesFunction,
    EZ.organisationType,
    EZ.participantType,
    EZ.participantRole,
    EZ.lineOfCare,
)
_NON_IRI_CHECK = (
    "ASK { VALUES ?p { " + " ".join(f"<{p}>" for p in _READ) + " } ?s ?p ?o FILTER(!isIRI(?s) || !isIRI(?o)) }"
)
_LOOP_PARTNERS = (
    (str(ID["loop/onderwijs"]), str(ID["organisation-type/onderwijsinstelling"])),
    (str(ID["loop/onderzoek"]), str(ID["organisation-type/onderzoeksinstelling"])),
    (str(ID["loop/praktijk"]), str(ID["organisation-type/zorgaanbieder"])),
)
"""As the ``VALUES`` of ``gap-loop-without-partner``: each loop and the kind of organisation it needs."""
_CARE_PROVIDER = str(ID["organisation-type/zorgaanbieder"])


def applies(eco: Ecosystem) -> bool:
    """Whether the equivalents give the named queries' rows on ``eco``: only IRIs where they read.

    A blank node (a membership written as ``[ … ]``) or a literal (a theme written as text) in a place the
    equivalents read makes them step aside. One ``ASK`` on the store (a fraction of a second on Oxigraph at
    national scale, run in the background by the gap report).
    """
    return not bool(eco.store.query(_NON_IRI_CHECK).askAnswer)


def _instances(view: IriView, cls: str) -> list[str]:
    return view.g.iri_subjects(_TYPE, cls)


def _scope(view: IriView, collaboration: str) -> set[str]:
    """The activities in scope of a supra-regional collaboration, as ``collaboration-activities`` defines them."""
    parties = {collaboration, *view.members(collaboration)}
    scope: set[str] = set()
    for party in parties:
        scope |= view.network_activities(party)
    return scope


def collaboration_activities(view: IriView) -> Rows:
    """``collaboration-activities``: every (supra-regional collaboration, activity in its scope)."""
    return sorted((c, a) for c in _instances(view, _SUPRA) for a in _scope(view, c))


def function_not_served(view: IriView) -> Rows:
    """``gap-function-not-served``: (collaboration, function) with no activity in scope serving the function."""
    g = view.g
    functions = g.iri_subjects(_IN_SCHEME, str(ID["scheme/function"]))
    rows = []
    for collaboration in _instances(view, _SUPRA):
        served = {f for a in _scope(view, collaboration) for f in g.iri_objects(a, _SERVES_FUNCTION)}
        rows += [(collaboration, f) for f in functions if f not in served]
    return sorted(rows)


def loop_not_served(view: IriView) -> Rows:
    """``gap-loop-not-served``: (collaboration, loop or action, kind) with no activity in scope for it."""
    g = view.g
    concepts = [(c, "loop") for c in g.iri_subjects(_IN_SCHEME, str(ID["scheme/loop"]))]
    concepts += [(c, "action") for c in g.iri_subjects(_IN_SCHEME, str(ID["scheme/action"]))]
    rows = []
    for collaboration in _instances(view, _SUPRA):
        served: set[str] = set()
        for activity in _scope(view, collaboration):
            actions = g.iri_objects(activity, _SERVES_ACTION)
            served.update(actions)
            served.update(g.iri_objects(activity, _LOOP))
            served.update(loop for action in actions for loop in g.iri_objects(action, _LOOP))
        rows += [(collaboration, c, kind) for c, kind in concepts if c not in served]
    return sorted(rows)


def networks_with_records(view: IriView) -> Rows:
    """``networks-with-records``: the networks named by a membership, a plan or an activity."""
    g = view.g

    def recorded(network: str) -> bool:
        return bool(
            g.iri_subjects(_ORGANIZATION, network)
            or g.iri_subjects(_PLAN_OF, network)
            or any(g.iri_subjects(p, network) for p in _PARTIES)
        )

    return sorted((n,) for n in view.networks if recorded(n))


def chain_not_connected(view: IriView) -> Rows:
    """``gap-chain-not-connected``: the care chains and acute-care networks sharing nothing with a network."""
    g = view.g
    networks = set(view.networks)

    def activity_with_network(activity: str) -> bool:
        if any(n in networks for p in _PARTIES for n in g.iri_objects(activity, p)):
            return True
        return any(n in networks for plan in g.iri_objects(activity, _IN_PLAN) for n in g.iri_objects(plan, _PLAN_OF))

    def connected(chain: str) -> bool:
        if any(activity_with_network(a) for p in _PARTIES for a in g.iri_subjects(p, chain)):
            return True
        memberships = {*g.iri_subjects(_MEMBER, chain), *g.iri_subjects(_ORGANIZATION, chain)}
        return any(
            n in networks for m in memberships for n in (*g.iri_objects(m, _MEMBER), *g.iri_objects(m, _ORGANIZATION))
        )

    chains = [c for cls in _CHAINS for c in _instances(view, cls)]  # as the query's UNION: twice if typed twice
    return sorted((c,) for c in chains if not connected(c))


def loop_without_partner(view: IriView) -> Rows:
    """``gap-loop-without-partner``: (activity, loop, kind of organisation) where no party is of that kind."""
    g = view.g
    activities = {a for a, _loop in g.iri_pairs(_LOOP)}
    activities.update(a for a, action in g.iri_pairs(_SERVES_ACTION) if g.iri_objects(action, _LOOP))
    rows = []
    for activity in activities:
        actions = g.iri_objects(activity, _SERVES_ACTION)
        loops = {
            *g.iri_objects(activity, _LOOP),
            *(loop for action in actions for loop in g.iri_objects(action, _LOOP)),
        }
        wanted = [(loop, category) for loop, category in _LOOP_PARTNERS if loop in loops]
        if not wanted:
            continue
        kinds = {t for p in _PARTIES for party in g.iri_objects(activity, p) for t in g.iri_objects(party, _ORG_TYPE)}
        kinds.update(g.iri_objects(activity, _PARTICIPANT_TYPE))
        kinds.update([broader for kind in kinds for broader in g.iri_objects(kind, _BROADER)])
        if any(g.iri_objects(role, _LINE) for role in g.iri_objects(activity, _PARTICIPANT_ROLE)):
            kinds.add(_CARE_PROVIDER)  # a care role (with a line of care) counts as a care provider
        rows += [(activity, loop, category) for loop, category in wanted if category not in kinds]
    return sorted(rows)


def network_theme_activities(view: IriView) -> Rows:
    """``network-theme-activities``: (plan's network, theme, activity, party or ``None``) of planned activities."""
    g = view.g
    rows: set[tuple[str | None, ...]] = set()
    for activity, plan in g.iri_pairs(_IN_PLAN):
        themes = g.iri_objects(activity, _THEME)
        if not themes:
            continue
        parties: set[str | None] = {party for p in _PARTIES for party in g.iri_objects(activity, p)} or {None}
        rows.update(
            (network, theme, activity, party)
            for network in g.iri_objects(plan, _PLAN_OF)
            for theme in themes
            for party in parties
        )
    return sorted(rows, key=lambda row: tuple(v or "" for v in row))


def activity_lines(view: IriView) -> Rows:
    """``activity-lines``: (network, activity, line of care) for the lines of care among an activity's parties."""
    g = view.g
    lines_of: dict[str, list[str]] = {}  # a party's lines: its own, else its kind's (both, as the query's union)

    def party_lines(party: str) -> list[str]:
        found = lines_of.get(party)
        if found is None:
            kinds = g.iri_objects(party, _ORG_TYPE)
            found = lines_of[party] = [
                *g.iri_objects(party, _LINE),
                *(x for k in kinds for x in g.iri_objects(k, _LINE)),
            ]
        return found

    rows: set[tuple[str | None, ...]] = set()
    for activity, networks in view.activity_networks().items():
        lines = {line for p in _PARTIES for party in g.iri_objects(activity, p) for line in party_lines(party)}
        for prop in (_PARTICIPANT_TYPE, _PARTICIPANT_ROLE):
            lines.update(line for kind in g.iri_objects(activity, prop) for line in g.iri_objects(kind, _LINE))
        rows.update((network, activity, line) for network in networks for line in lines)
    return sorted(rows)


def network_partner_types(view: IriView) -> Rows:
    """``network-partner-types``: (network, organisation type) of its members and its activities' parties."""
    g = view.g
    kinds_of: dict[str, list[str]] = {}

    def kinds(party: str) -> list[str]:
        found = kinds_of.get(party)
        if found is None:
            found = kinds_of[party] = g.iri_objects(party, _ORG_TYPE)
        return found

    rows: set[tuple[str | None, ...]] = set()
    for activity, networks in view.activity_networks().items():
        types = {t for p in _PARTIES for party in g.iri_objects(activity, p) for t in kinds(party)}
        types.update(g.iri_objects(activity, _PARTICIPANT_TYPE))
        rows.update((network, t) for network in networks for t in types)
    for network in view.networks:
        rows.update((network, t) for member in view.members(network) for t in kinds(member))
    return sorted(rows)


EQUIVALENTS: dict[str, Callable[[IriView], Rows]] = {
    "collaboration-activities": collaboration_activities,
    "gap-function-not-served": function_not_served,
    "gap-loop-not-served": loop_not_served,
    "networks-with-records": networks_with_records,
    "gap-chain-not-connected": chain_not_connected,
    "gap-loop-without-partner": loop_without_partner,
    "network-theme-activities": network_theme_activities,
    "activity-lines": activity_lines,
    "network-partner-types": network_partner_types,
}
"""Named query → the function that computes its rows from an :class:`IriView`."""

BACKGROUND_FIRST: frozenset[str] = frozenset({"activity-lines", "network-partner-types"})
"""Equivalents the gap report uses only where queries cannot run in the background (rdflib in memory).

Their Python work falls on the report's critical path, while the store answers the queries on the other core:
on Oxigraph at 100,000 organisations the report finished about 0.7 s sooner (and used 0.3 s more CPU) with these
two run as queries. The others cost less in Python than their queries cost anywhere.
"""
