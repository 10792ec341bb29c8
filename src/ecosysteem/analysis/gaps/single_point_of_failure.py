"""Single point of failure: a party whose removal splits the collaboration network, and single links."""

from __future__ import annotations

from collections import Counter

from ecosysteem.analysis.gaps._context import Context
from ecosysteem.analysis.gaps._model import Finding, GapType, Severity

ORDER = 100
GAP = GapType(
    id="single-point-of-failure",
    title_nl="Kwetsbare schakel",
    title_en="Single point of failure",
    explanation_nl="Organisaties of groepen zonder wie het samenwerkingsnetwerk uiteenvalt (scharnierpunten), "
    "en enkele verbindingen (bruggen).",
    explanation_en="Organisations or groups whose removal splits the collaboration network (articulation "
    "points), and single links (bridges).",
    rationale_nl="Kwetsbaarheden en continuïteit: samenwerking die aan één partij hangt, breekt met haar.",
    rationale_en="Kwetsbaarheden and continuity: collaboration that hangs on one party breaks with it.",
    source="seed 002 (Capaciteit specialisten: kwetsbaarheden, continuïteit)",
    severity=Severity.medium,
    enough_data_nl="de vastgelegde samenwerking beslist, tussen organisaties: netwerken, consortia, het landelijk "
    "overleg, ketens, acute-zorgnetwerken en hun werkgroepen verbinden hun leden zo bedoeld (de bijenkorf) en zijn "
    "zelf geen kwetsbare schakel; een scharnierpunt telt pas als het minstens twee groepen van twee of meer partijen "
    "scheidt (partijen met één vastgelegde verbinding zeggen meer over de gegevens)",
    enough_data_en="the recorded collaboration decides, between organisations: networks, consortia, the national "
    "consultation, chains, acute-care networks and their workgroups link their members by design (the beehive) and "
    "are no single point of failure themselves; an articulation point counts only when it separates at least two "
    "groups of two or more parties (parties with one recorded link say more about the data)",
    method="articulation points and bridges of the collaboration graph (one depth-first search)",
)


def detect(ctx: Context) -> list[Finding]:
    """Articulation points (medium) and bridges between two non-leaves (low)."""
    from ecosysteem.analysis.metrics import weak_links_of_edges

    agents, via = ctx.view.collaborations()
    degree: Counter[str] = Counter()
    for a, b in via:
        degree[a] += 1
        degree[b] += 1
    splits, all_bridges = weak_links_of_edges(via)
    # A structure (network, consortium, group …) is the hub its members meet in by design, not a vulnerable party;
    # a leaf's only link is trivially a bridge, and the articulation point already covers it.
    splits = {node: parts for node, parts in splits.items() if agents.get(node) == "organisation"}
    bridges = [
        (a, b)
        for a, b in all_bridges
        if degree[a] > 1 and degree[b] > 1 and agents.get(a) == agents.get(b) == "organisation"
    ]
    if not splits and not bridges:
        return []
    networks = ctx.view.networks_by_agent()
    out = []
    for node, parts in splits.items():
        if sum(1 for size in parts if size > 1) < 2:
            continue  # only leaves cut off: parties with one recorded link say more about the data than the network
        out.append(
            ctx.finding(
                GAP,
                node,
                (
                    f"Zonder deze partij valt het samenwerkingsnetwerk in {len(parts)} delen uiteen",
                    f"Without this party the collaboration network splits into {len(parts)} parts",
                ),
                (
                    [f"verbindingen: {degree[node]}", f"grootte van de delen zonder haar: {parts}"],
                    [f"links: {degree[node]}", f"part sizes after removal: {parts}"],
                ),
                networks=sorted(networks.get(node, ())),
            )
        )
    for a, b in bridges:
        out.append(
            ctx.finding(
                GAP,
                a,
                (f"Enige verbinding met {ctx.label(b)}", f"Only link with {ctx.label(b, 'en')}"),
                ([f"via: {ctx.labels(via[a, b])}"], [f"via: {ctx.labels(via[a, b], 'en')}"]),
                networks=sorted(networks.get(a, set()) | networks.get(b, set())),
                severity=Severity.low,
                about=sorted(via[a, b]),
            )
        )
    return out
