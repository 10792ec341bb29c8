"""What belongs to whom: the one definition of the scope of a network, a consortium and an activity.

Every part of the library that counts "the activities of Twente" or "what Consortium Ligare does" — the gap
analysis, the comparison matrix, the bijenkorf and the profile pages — asks this module, so they agree.

Scope of a **network**: the activities in a plan of the network (``ez:inPlan``/``ez:planOf``), the activities that
name it as a party (``ez:responsible``, ``ez:lead``, ``ez:participant``), and every activity ``ez:partOf`` one of
those, transitively. Scope of a **supra-regional collaboration** (consortium): its own activities, by the same
rule, plus those of its member networks (``org:Membership``). The named query ``collaboration-activities`` states
the consortium rule in SPARQL for users; ``tests/test_scope.py`` checks that the two agree.

**Inheritance along** ``ez:partOf``: a phase or pilot of a project holds the project's owner, period, patient
perspective and source date unless it states its own, and the project's parties take part in it too (seed 000:
the pilots are part of the project that Raedelijn leads with the network coordinator). :class:`Scope` applies
that rule in one place, and every check reads through it.

**As-of date**: a plan is a snapshot. Each activity is judged as of the date of its source document
(``dcterms:issued`` or ``dcterms:date`` of its ``dcterms:source``, else its plan's, else inherited), taken as the
first day the date denotes (``2021`` → 2021-01-01): a 2021 plan is read in 2021.

>>> import ecosysteem
>>> from ecosysteem.analysis.scope import Scope
>>> scope = Scope.of(ecosysteem.load())
>>> pilot = "https://w3id.org/ecosysteem/id/activity/transmurale-verbetering--verbeterpilot-utrecht-stad"
>>> scope.as_of(pilot).year
2024
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TypeVar

from rdflib import URIRef

from ecosysteem.analysis.network import ACTIVITY_CLASSES, PARTY_PROPERTIES, IriView
from ecosysteem.graph import Ecosystem
from ecosysteem.vocab import DCTERMS, EZ, ID, ORG, RDF, SDO, SKOS

__all__ = ["Scope", "parse_period_end", "parse_period_start"]

T = TypeVar("T")

_PART_OF, _IN_PLAN, _PLAN_OF = str(EZ.partOf), str(EZ.inPlan), str(EZ.planOf)
_SOURCE, _TYPE = str(DCTERMS.source), str(RDF.type)
_OWNERS = (str(EZ.lead), str(EZ.responsible))
_PARTIES = tuple(str(prop) for _role, prop in PARTY_PROPERTIES)
_CERTAINTY = EZ.certainty
_UNKNOWN = str(ID["collection/onbekend"])


def parse_period_start(value: str) -> dt.date | None:
    """The first day a date, ``YYYY-MM`` or ``YYYY`` value denotes, or ``None`` if it is not one."""
    try:
        if len(value) == 4:
            return dt.date(int(value), 1, 1)
        if len(value) == 7:
            return dt.date(int(value[:4]), int(value[5:7]), 1)
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_period_end(value: str) -> dt.date | None:
    """The last day a date, ``YYYY-MM`` or ``YYYY`` value denotes, or ``None`` if it is not one."""
    try:
        if len(value) == 4:
            return dt.date(int(value), 12, 31)
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class Scope:
    """The scope rules over one graph index; answers are cached, so build one per analysis.

    Parameters
    ----------
    view
        The string view of the graph's index (:class:`~ecosysteem.analysis.network.IriView`).
    """

    def __init__(self, view: IriView) -> None:
        self.view = view
        self.g = view.g
        self._activities: set[str] | None = None
        self._parents: dict[str, list[str]] = {}
        self._dates: dict[str, dt.date | None] = {}
        self._parties: dict[str, list[str]] = {}
        self._owners: dict[str, list[str]] = {}

    @classmethod
    def of(cls, eco: Ecosystem) -> Scope:
        """The scope of ``eco``'s graph (through its index)."""
        return cls(IriView(eco.index()))

    # -- what is an activity ---------------------------------------------------------------------------------

    def activities(self) -> set[str]:
        """The typed activities (``ez:Activity`` and its subclasses): never the bijenkorf action concepts."""
        if self._activities is None:
            self._activities = {s for c in ACTIVITY_CLASSES for s in self.g.iri_subjects(_TYPE, str(c))}
        return self._activities

    def unknown_values(self) -> set[str]:
        """The ``onbekend`` concepts (members of ``collection/onbekend``): a value known to be unknown.

        A partner of type *onbekend* or a line of care *onbekend* is neither a real value nor a missing one.
        """
        return set(self.g.iri_objects(_UNKNOWN, str(SKOS.member)))

    def is_activity(self, node: str) -> bool:
        """Whether ``node`` is typed as an activity."""
        return node in self.activities()

    # -- scope of networks and consortia ---------------------------------------------------------------------

    def network_activities(self, network: str) -> set[str]:
        """The activities of a network (or of any agent, by the same rule)."""
        return self.view.network_activities(network)

    def members(self, collaboration: str) -> list[str]:
        """The networks and organisations that are members of ``collaboration``, sorted."""
        return sorted(set(self.view.members(collaboration)))

    def member_networks(self, collaboration: str) -> list[str]:
        """The member networks of ``collaboration``, sorted."""
        networks = set(self.view.networks)
        return [m for m in self.members(collaboration) if m in networks]

    def collaboration_activities(self, collaboration: str) -> set[str]:
        """The activities in the scope of a consortium: its own and its member networks'.

        Organisations that are members too (IKNL is a partner in every consortium) bring none of their activities
        elsewhere: IKNL's consultation team in Twente is Twente's work, not Septet's.
        """
        found = set(self.view.network_activities(collaboration))
        for member in self.members(collaboration):
            if self.view.kind(member) == "network":
                found |= self.view.network_activities(member)
        return found

    def partners(self, agent: str, activities: Iterable[str] | None = None) -> set[str]:
        """The partners of ``agent``: its members and the parties of its activities (``agent`` itself left out).

        ``activities`` default to :meth:`network_activities`; a consortium's profile passes its own scope.
        """
        found = set(self.members(agent))
        for activity in self.network_activities(agent) if activities is None else activities:
            found.update(self.parties(activity))  # parties add up along partOf
        found.discard(agent)
        return found

    def broader(self, concepts: Iterable[str]) -> set[str]:
        """``concepts`` and everything ``skos:broader`` than them (kinds of organisation and their broader kinds)."""
        seen, todo = set(concepts), list(concepts)
        while todo:
            for nxt in self.g.iri_objects(todo.pop(), str(SKOS.broader)):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    def uncertain(self, node: str) -> bool:
        """Whether the data marks ``node`` (a membership, an entity) as uncertain (``ez:certainty``)."""
        return any(value == "onzeker" for value, _lang in self.g.literals(_uri(node), _CERTAINTY))

    # -- inheritance along partOf ------------------------------------------------------------------------------

    def lineage(self, activity: str) -> list[str]:
        """``activity``, then what it is part of, then what that is part of …, nearest first (no cycles)."""
        found = self._parents.get(activity)
        if found is None:
            found, node, seen = [activity], activity, {activity}
            while parents := sorted(p for p in self.g.iri_objects(node, _PART_OF) if p not in seen):
                node = parents[0]
                seen.add(node)
                found.append(node)
            self._parents[activity] = found
        return found

    def inherited(self, activity: str, read: Callable[[str], T]) -> tuple[T, str | None]:
        """The first non-empty ``read(node)`` along :meth:`lineage`, and the node it came from.

        Returns ``(read(activity), None)`` when nothing in the lineage has a value.
        """
        for node in self.lineage(activity):
            value = read(node)
            if value:
                return value, node
        return read(activity), None

    def owners(self, activity: str) -> list[str]:
        """The responsible parties and leads of ``activity``, inherited along ``ez:partOf``."""
        found = self._owners.get(activity)
        if found is None:
            read = self.inherited(activity, lambda a: sorted({o for p in _OWNERS for o in self.g.iri_objects(a, p)}))
            found = self._owners[activity] = read[0]
        return found

    def parties(self, activity: str) -> list[str]:
        """The named parties (responsible, lead, participant) of ``activity`` and of what it is part of.

        Unlike the owner, parties add up: the parties of a project take part in its phases too.
        """
        found = self._parties.get(activity)
        if found is None:
            found = self._parties[activity] = sorted(
                {o for node in self.lineage(activity) for p in _PARTIES for o in self.g.iri_objects(node, p)}
            )
        return found

    def inherited_objects(self, activity: str, prop: str) -> list[str]:
        """The IRI values of ``prop`` on ``activity``, inherited along ``ez:partOf``."""
        return self.inherited(activity, lambda a: self.g.iri_objects(a, prop))[0]

    def literal(self, node: str, prop: str) -> list[str]:
        """The literal values of ``prop`` on ``node``."""
        return [value for value, _lang in self.g.literals(_uri(node), _uri(prop))]

    def inherited_literal(self, activity: str, prop: str) -> list[str]:
        """The literal values of ``prop`` on ``activity``, inherited along ``ez:partOf``."""
        return self.inherited(activity, lambda a: self.literal(a, prop))[0]

    # -- dates ---------------------------------------------------------------------------------------------------

    def source_date(self, node: str) -> dt.date | None:
        """The earliest date of ``node``'s source documents (``dcterms:issued`` or ``dcterms:date``)."""
        if node not in self._dates:
            dates = [
                parse_period_start(value)
                for source in self.g.iri_objects(node, _SOURCE)
                for prop in (str(DCTERMS.issued), str(DCTERMS.date))
                for value in self.literal(source, prop)
            ]
            known = [d for d in dates if d is not None]
            self._dates[node] = min(known) if known else None
        return self._dates[node]

    def as_of(self, activity: str) -> dt.date | None:
        """The date ``activity`` is judged as of: its source document's, else its plan's, inherited."""

        def read(node: str) -> dt.date | None:
            return self.source_date(node) or _first(self.source_date(p) for p in self.g.iri_objects(node, _IN_PLAN))

        return self.inherited(activity, read)[0]

    def period(self, activity: str) -> tuple[str | None, str | None, bool]:
        """``(start, end, has_text)`` of ``activity``'s period, inherited along ``ez:partOf`` as one unit."""

        def read(node: str) -> tuple[str | None, str | None, bool] | None:
            start = _first(iter(self.literal(node, str(SDO.startDate))))
            end = _first(iter(self.literal(node, str(SDO.endDate))))
            text = bool(self.literal(node, str(EZ.periodText)))
            return (start, end, text) if start or end or text else None

        found = self.inherited(activity, read)[0]
        return found if found is not None else (None, None, False)

    def years(self, activity: str) -> set[int]:
        """The years ``activity`` runs in: its (inherited) period, else the year it is judged as of."""
        start, end, _text = self.period(activity)
        first = parse_period_start(start) if start else None
        last = parse_period_end(end) if end else None
        if first and last:
            return set(range(first.year, last.year + 1))
        known = first or last or self.as_of(activity)
        return {known.year} if known else set()

    def plans(self, activity: str) -> list[str]:
        """The plans ``activity`` (or what it is part of) is in."""
        return self.inherited_objects(activity, _IN_PLAN)

    def plans_of(self, agent: str) -> list[str]:
        """The plans of ``agent`` (``ez:planOf``), sorted: a plan is the agent's own statement of its work."""
        return sorted(self.g.iri_subjects(_PLAN_OF, agent))

    def plan_networks(self, plan: str) -> list[str]:
        """The agents a plan is of."""
        return self.g.iri_objects(plan, _PLAN_OF)

    def memberships(self) -> list[tuple[str, str, str]]:
        """Every ``(membership, member, organization)``, sorted."""
        return self.view.memberships()

    def organizations_of(self, member: str) -> list[str]:
        """What ``member`` is a member of."""
        return sorted(
            {
                o
                for mem in self.g.iri_subjects(str(ORG.member), member)
                for o in self.g.iri_objects(mem, str(ORG.organization))
            }
        )


def _first(values: Iterable[T | None]) -> T | None:
    for value in values:
        if value is not None:
            return value
    return None


def _uri(node: str) -> URIRef:
    return URIRef(node)
