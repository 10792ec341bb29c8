"""What every gap check reads: the graph's index, the scope rules, labels, and how a finding is written."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ecosysteem.analysis.gaps._model import Finding, GapType, Severity, Status
from ecosysteem.analysis.network import IriView
from ecosysteem.analysis.scope import Scope
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.index import GraphIndex
from ecosysteem.vocab import DCTERMS, EZ, ID, ORG, RDF, SDO

__all__ = ["Context"]

_KINDS: tuple[tuple[str, str], ...] = tuple(
    (str(cls), name)
    for cls, name in (
        (EZ.Network, "network"),
        (EZ.SupraRegionalCollaboration, "supra-regional collaboration"),
        (EZ.Collaboration, "collaboration"),
        (EZ.CareChain, "care chain"),
        (EZ.AcuteCareNetwork, "acute-care network"),
        (EZ.Group, "group"),
        (EZ.Organisation, "organisation"),
        (EZ.Person, "person"),
        (EZ.Plan, "plan"),
        (EZ.Goal, "goal"),
    )
)
"""What a finding's subject is called, by its most specific class first."""

_TYPE, _LEVEL, _SOURCE = str(RDF.type), EZ.level, str(DCTERMS.source)
_READ = (
    EZ.lead, EZ.responsible, EZ.participant, EZ.partOf, EZ.inPlan, EZ.planOf, EZ.theme, EZ.organisationType,
    EZ.participantType, EZ.participantRole, EZ.lineOfCare, EZ.status, ORG.member, ORG.organization, DCTERMS.source,
)  # fmt: skip
_READ_LITERALS = (SDO.startDate, SDO.endDate, EZ.periodText, EZ.certainty)
"""What most checks pass over: read whole at the start, not asked subject by subject."""
_REGIONAL = str(ID["level/regionaal"])


class Context:
    """The graph, its index and scope, the parameters of the run, and the helpers that write findings.

    Subjects are IRI strings; every look-up is a dictionary access on the index's string tables, because a
    national report has tens of thousands of findings.
    """

    def __init__(self, eco: Ecosystem, params: dict[str, Any], index: GraphIndex | None = None) -> None:
        self.eco = eco
        self.params = params
        self.index = index if index is not None else eco.index()
        self.index.read_whole(_READ, literals=_READ_LITERALS)
        self.view = IriView(self.index)
        self.scope = Scope(self.view)
        self.networks = set(self.view.networks)
        self._activity_networks: dict[str, list[str]] | None = None
        self.memo: dict[tuple[str, str], Any] = {}
        """Per-run results checks share or repeat (``(what, key) → value``), e.g. a network's partner kinds."""

    def label(self, iri: str, lang: str = "nl") -> str:
        """The name of ``iri`` in ``lang`` (the index caches labels)."""
        return self.index.label(iri, lang)

    def labels(self, iris: Iterable[str], lang: str = "nl") -> str:
        """The names of ``iris``, sorted and joined, or a dash when there are none."""
        names = sorted({self.label(i, lang) for i in iris}, key=str.casefold)
        return ", ".join(names) or "—"

    def kind(self, iri: str) -> str:
        """What the subject is: network, supra-regional collaboration, …, activity or entity."""
        types = self.index.iri_objects(iri, _TYPE)
        for cls, name in _KINDS:
            if cls in types:
                return name
        return "activity" if types else "entity"

    def level(self, iri: str) -> str | None:
        """The subject's level; a network without one is regional."""
        level = self.view.first(iri, _LEVEL)
        if level is None and iri in self.networks:
            level = _REGIONAL
        return level

    def networks_of(self, activity: str) -> list[str]:
        """The networks whose scope holds ``activity`` (:meth:`Scope.network_activities`), sorted."""
        if self._activity_networks is None:
            self._activity_networks = self.view.activity_networks()
        return self._activity_networks.get(activity, [])

    def sources(self, *nodes: str) -> list[str]:
        """The source documents of ``nodes`` (``dcterms:source``), sorted."""
        return sorted({s for node in nodes for s in self.index.iri_objects(node, _SOURCE)})

    def finding(
        self,
        gap: GapType,
        subject: str,
        message: tuple[str, str],
        evidence: tuple[Sequence[str], Sequence[str]] = ((), ()),
        *,
        networks: Iterable[str] = (),
        severity: Severity | None = None,
        status: Status = Status.gap,
        needs: tuple[str, str] = ("", ""),
        about: Iterable[str] = (),
        concept: str | None = None,
    ) -> Finding:
        """Write one finding of ``gap`` about ``subject``.

        ``message``, ``evidence`` and ``needs`` are ``(nl, en)`` pairs; ``about`` are further nodes (activities,
        memberships) whose sources support the finding; ``concept`` is what within the subject is missing (a
        function, loop, action or kind of partner).
        """
        return Finding(
            gap=gap.id,
            status=status,
            severity=severity or gap.severity,
            subject=subject,
            subject_label=self.label(subject),
            subject_label_en=self.label(subject, "en"),
            subject_kind=self.kind(subject),
            message_nl=message[0],
            message_en=message[1],
            evidence_nl=list(evidence[0]),
            evidence_en=list(evidence[1]),
            needs_nl=needs[0],
            needs_en=needs[1],
            concept=concept,
            sources=self.sources(subject, *about),
            networks=sorted(set(networks)),
            level=self.level(subject),
        )

    def unknown(
        self,
        gap: GapType,
        subject: str,
        missing: tuple[str, str],
        needs: tuple[str, str],
        evidence: tuple[Sequence[str], Sequence[str]] = ((), ()),
        *,
        networks: Iterable[str] = (),
        about: Iterable[str] = (),
    ) -> Finding:
        """One ``unknown`` about ``subject``: ``missing`` says what the data lacks, ``needs`` what would settle it."""
        return self.finding(
            gap,
            subject,
            (f"Niet te beoordelen: {missing[0]}", f"Cannot be assessed: {missing[1]}"),
            evidence,
            networks=networks,
            severity=Severity.low,
            status=Status.unknown,
            needs=needs,
            about=about,
        )

    def unknown_per_network(
        self,
        gap: GapType,
        activities: Iterable[str],
        missing: tuple[str, str],
        needs: tuple[str, str],
    ) -> list[Finding]:
        """One ``unknown`` per network for ``activities`` that cannot be judged (else one per activity).

        ``missing`` is an ``(nl, en)`` pair of templates with ``{activities}``: "3 activiteiten", "1 activity"
        (:func:`n_activities`).
        """
        by_subject: dict[str, list[str]] = {}
        for activity in sorted(activities):
            for subject in self.networks_of(activity) or [activity]:
                by_subject.setdefault(subject, []).append(activity)
        out = []
        for subject, acts in sorted(by_subject.items()):
            names_nl, names_en = self.labels(acts), self.labels(acts, "en")
            counted = n_activities(len(acts))
            out.append(
                self.unknown(
                    gap,
                    subject,
                    (missing[0].format(activities=counted[0]), missing[1].format(activities=counted[1])),
                    needs,
                    ([f"activiteiten: {names_nl}"], [f"activities: {names_en}"]),
                    networks=[subject] if subject in self.networks else self.networks_of(subject),
                    about=acts,
                )
            )
        return out


def n_activities(n: int) -> tuple[str, str]:
    """``n`` activities in Dutch and English, singular for one: ``("1 activiteit", "1 activity")``."""
    return (f"{n} activiteit", f"{n} activity") if n == 1 else (f"{n} activiteiten", f"{n} activities")
