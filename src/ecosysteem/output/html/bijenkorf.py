"""The bijenkorf view: the plate of seed 002 drawn with vis-network and filled with the data of the graph.

The layout is fixed and computed here, never simulated: society is the outer frame, the national level
(*imker en natuurbeheerder*) a band at the top, the supra-regional hive in the middle with the six functions as a
honeycomb around the patient and naasten, the three loops (onderwijs, praktijk, onderzoek) with their fourteen
actions around the hive, and the regional networks in a band below. Supra-regional collaborations, networks and
their activities are attached where they belong; a function or action without any activity in scope is drawn
empty (grey, dashed), and the tooltip names the collaborations for which the gap analysis reports it missing.

>>> from ecosysteem.graph.ecosystem import load
>>> page = bijenkorf_html(load(), lang="en", findings=[])
>>> "Linking function national" in page and "http://" not in page.split("<script>")[0]
True
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import URIRef

from ecosysteem.analysis.compare import collaboration_activities
from ecosysteem.analysis.gaps import Finding, find_gaps, function_not_served, loop_not_served
from ecosysteem.analysis.network import LANDELIJK, level_graph, network_activities
from ecosysteem.errors import OutputError, QueryError
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.resolve import resolve
from ecosysteem.output.html._common import LEVEL_COLOURS, describe, sources_of, tooltip
from ecosysteem.output.html._render import (
    check_lang,
    escape,
    legend_html,
    new_network,
    render_page,
    text,
    write_page,
)
from ecosysteem.vocab import EZ, ID, RDF, SKOS

__all__ = ["GAP_TYPES", "LOOP_COLOURS", "BijenkorfScope", "bijenkorf_html", "bijenkorf_scope", "write_bijenkorf"]

LOOP_COLOURS: dict[str, str] = {
    str(ID["loop/onderwijs"]): "#7b4fa0",
    str(ID["loop/praktijk"]): "#c8463d",
    str(ID["loop/onderzoek"]): "#1f7f86",
}
"""One colour per loop."""

HEX_RADIUS = 104
_HONEY = "#f2b705"
_HONEY_DARK = "#9a6b00"
_EMPTY_FILL = "#eeeeee"
_EMPTY_BORDER = "#9a9a9a"
_PATIENT = "#d9576b"
_ACTIVITY = "#555555"

_WORDS: dict[str, dict[str, str]] = {
    "title": {
        "nl": "Bijenkorf — bovenregionale samenwerking in de palliatieve zorg",
        "en": "Beehive — supra-regional collaboration in palliative care",
    },
    "lead": {
        "nl": "De praatplaat gevuld met de gegevens van de graaf. Beweeg over een element voor de beschrijving en "
        "bronnen; klik om de buren te markeren, klik op de achtergrond om terug te gaan.",
        "en": "The conversation plate filled with the data of the graph. Hover over an element for its description "
        "and sources; click to highlight its neighbours, click the background to go back.",
    },
    "focus": {"nl": "Focus", "en": "Focus"},
    "level_suffix": {"nl": "niveau", "en": "level"},
    "fn_alive": {"nl": "Functie met activiteiten (hexagon)", "en": "Function with activities (hexagon)"},
    "fn_empty": {"nl": "Functie zonder activiteit (leeg)", "en": "Function without activity (empty)"},
    "act_alive": {"nl": "Actie met activiteiten", "en": "Action with activities"},
    "act_empty": {"nl": "Actie zonder activiteit (leeg)", "en": "Action without activity (empty)"},
    "loop": {"nl": "Lus", "en": "Loop"},
    "activity": {"nl": "Activiteit (uit de plannen)", "en": "Activity (from the plans)"},
    "collab": {"nl": "Bovenregionale samenwerking", "en": "Supra-regional collaboration"},
    "network": {"nl": "Regionaal netwerk of keten", "en": "Regional network or chain"},
    "national": {"nl": "Landelijke partij", "en": "National party"},
    "society": {"nl": "Maatschappij (kader)", "en": "Society (frame)"},
    "gap": {"nl": "Gat volgens de gap-analyse, geen activiteit bij", "en": "Gap found by the gap analysis, none at"},
    "served_by": {"nl": "Activiteiten", "en": "Activities"},
    "member": {"nl": "lid van", "en": "member of"},
    "serves": {"nl": "dient", "en": "serves"},
}


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


def _level_of(eco: Ecosystem, node: URIRef) -> str | None:
    value = eco.graph.value(node, EZ.level)
    return str(value) if value is not None else None


def _classification(eco: Ecosystem, activities: set[str]) -> dict[str, list[str]]:
    """Concept (function, action, loop) → the activities classified under it, as compare.py counts them."""
    g = eco.graph
    found: dict[str, set[str]] = defaultdict(set)
    for act in activities:
        node = URIRef(act)
        for prop in (EZ.servesFunction, EZ.servesAction, EZ.loop):
            for concept in g.objects(node, prop):
                found[str(concept)].add(act)
        # An action lies along one loop, so an activity serving the action serves that loop too.
        for action in g.objects(node, EZ.servesAction):
            for loop in g.objects(action, EZ.loop):
                found[str(loop)].add(act)
    return {k: sorted(v) for k, v in found.items()}


def bijenkorf_scope(eco: Ecosystem, *, collaboration: str | None = None, network: str | None = None) -> BijenkorfScope:
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

    Returns
    -------
    BijenkorfScope
        Raises :class:`~ecosysteem.errors.QueryError` when a name matches nothing or more than one entity.

    >>> from ecosysteem.graph.ecosystem import load
    >>> scope = bijenkorf_scope(load(), collaboration="Septet")
    >>> "https://w3id.org/ecosysteem/id/network/utrecht-stad" in scope.networks
    True
    """
    g = eco.graph
    lg = level_graph(eco)
    supra = str(ID["level/bovenregionaal"])
    regional = str(ID["level/regionaal"])
    all_collabs = sorted(
        str(c) for c in g.subjects(RDF.type, EZ.SupraRegionalCollaboration) if isinstance(c, URIRef)
    ) or [n for n, d in lg.nodes(data=True) if d.get("kind") == "collaboration" and d.get("level") == supra]
    all_networks = sorted(
        n
        for n, d in lg.nodes(data=True)
        if d.get("kind") == "network" or (d.get("kind") == "collaboration" and d.get("level") == regional)
    )
    if collaboration is not None and network is not None:
        raise QueryError("focus on a collaboration or on a network, not both")
    if collaboration is not None:
        iri = resolve(eco, collaboration, "collaboration")
        acts = {str(a) for a in collaboration_activities(eco, iri)}
        members = sorted(m for m in lg.predecessors(str(iri)) if m in all_networks) if str(iri) in lg else []
        scope = BijenkorfScope(acts, [str(iri)], members, str(iri))
    elif network is not None:
        iri = resolve(eco, network, "network")
        acts = {str(a) for a in network_activities(eco, iri)}
        collabs = sorted(c for c in lg.successors(str(iri)) if lg.nodes[c].get("kind") == "collaboration")
        scope = BijenkorfScope(acts, [c for c in collabs if lg.nodes[c].get("level") != str(LANDELIJK)], [str(iri)])
        scope.focus = str(iri)
    else:
        acts = set()
        for cls in (EZ.Activity, EZ.Project, EZ.Pilot, EZ.Programme, EZ.Meeting):
            acts |= {str(a) for a in g.subjects(RDF.type, cls) if isinstance(a, URIRef)}
        scope = BijenkorfScope(acts, all_collabs, all_networks)
    scope.counts = _classification(eco, scope.activities)
    return scope


GAP_TYPES: tuple[str, ...] = (function_not_served.GAP.id, loop_not_served.GAP.id)
"""The gap types the bijenkorf marks: functions, loops and actions a supra-regional collaboration does not serve."""


def _gaps_by_concept(
    eco: Ecosystem, collaborations: list[str], lang: str, findings: Sequence[Finding] | None
) -> dict[str, list[str]]:
    """Concept IRI → labels of the drawn collaborations for which the gap analysis finds it unserved."""
    wanted = set(collaborations)
    out: dict[str, set[str]] = defaultdict(set)
    for finding in find_gaps(eco, list(GAP_TYPES)) if findings is None else findings:
        if finding.gap in GAP_TYPES and finding.subject in wanted and finding.concept and finding.status == "gap":
            out[finding.concept].add(eco.label(URIRef(finding.subject), lang))
    return {k: sorted(v) for k, v in out.items()}


def _concepts(eco: Ecosystem, scheme: str) -> list[URIRef]:
    """The concepts of a scheme ordered by notation (numbers compared as numbers)."""
    g = eco.graph
    found = [c for c in g.subjects(SKOS.inScheme, ID[f"scheme/{scheme}"]) if isinstance(c, URIRef)]

    def key(c: URIRef) -> tuple[str, int, str]:
        notation = str(g.value(c, SKOS.notation) or "")
        head, _, tail = notation.rpartition("-")
        if not head:
            head, tail = "", notation
        return (head, int(tail) if tail.isdigit() else 0, notation or str(c))

    return sorted(found, key=key)


def _spread(count: int, start: float, stop: float) -> list[float]:
    if count <= 0:
        return []
    if count == 1:
        return [(start + stop) / 2]
    return [start + (stop - start) * i / (count - 1) for i in range(count)]


def _sunflower(cx: float, cy: float, count: int, spacing: float = 15.0) -> list[tuple[float, float]]:
    """``count`` points packed around ``(cx, cy)`` on a golden-angle spiral."""
    golden = math.pi * (3 - math.sqrt(5))
    return [
        (
            cx + spacing * math.sqrt(i + 0.5) * math.cos(i * golden),
            cy + spacing * math.sqrt(i + 0.5) * math.sin(i * golden),
        )
        for i in range(count)
    ]


_LOOPS_GEOMETRY: dict[str, dict[str, float]] = {
    # Ellipse centre and radii, the arc (degrees, y down) the actions sit on, and where the loop's label sits.
    "onderwijs": {"cx": -530, "cy": -20, "rx": 265, "ry": 215, "a0": 125, "a1": 235, "label": 270},
    "praktijk": {"cx": 530, "cy": -20, "rx": 265, "ry": 215, "a0": -55, "a1": 55, "label": 270},
    "onderzoek": {"cx": 0, "cy": 330, "rx": 400, "ry": 120, "a0": 25, "a1": 155, "label": 90},
}
_NATIONAL_COLUMNS = 9
_REGIONAL_COLUMNS = 9
_COLLAB_COLUMNS = 8


def _zones(national: int, regional: int) -> tuple[dict[str, tuple[float, float, float, float]], dict[str, float]]:
    """The level zones ``(x, y, width, height)`` and the society frame, grown to hold the parties drawn."""
    nat_rows = max(1, math.ceil(national / _NATIONAL_COLUMNS))
    reg_rows = max(1, math.ceil(regional / _REGIONAL_COLUMNS))
    nat_height = max(215.0, 70 + 80 * nat_rows)
    reg_height = max(200.0, 80 + 78 * reg_rows)
    zones = {
        "landelijk": (-960.0, -540 - nat_height, 1920.0, nat_height),
        "bovenregionaal": (-960.0, -515.0, 1920.0, 980.0),
        "regionaal": (-960.0, 490.0, 1920.0, reg_height),
    }
    frame = {"x0": -1000.0, "x1": 1000.0, "y0": -580 - nat_height, "y1": 490 + reg_height + 170}
    return zones, frame


def _wrap(label: str, width: int = 22) -> str:
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return "\n".join(lines)


def _capital(label: str) -> str:
    return label[:1].upper() + label[1:]


def _build(eco: Ecosystem, scope: BijenkorfScope, lang: str, findings: Sequence[Finding] | None) -> dict[str, Any]:
    """Nodes, edges, hexagon styles and the frame of the plate, positions included."""
    g = eco.graph
    w = {k: v[lang] for k, v in _WORDS.items()}
    src_word = text("sources", lang)
    net = new_network()
    hexes: dict[str, dict[str, Any]] = {}
    gaps = _gaps_by_concept(eco, scope.collaborations, lang, findings)
    positions: dict[str, tuple[float, float]] = {}
    lg = level_graph(eco)
    national = sorted(
        (n for n, d in lg.nodes(data=True) if d.get("level") == str(LANDELIJK)),
        key=lambda n: eco.label(URIRef(n), lang).casefold(),
    )
    zones, frame = _zones(len(national), len(scope.networks))

    def node(iri: str, kind: str, label: str, tip: str, x: float, y: float, **options: Any) -> None:
        net.add_node(iri, label=label, tip=tip, x=round(x, 1), y=round(y, 1), kind=kind, fixed=True, **options)
        positions[iri] = (x, y)

    def count_line(iri: str) -> str:
        n = len(scope.counts.get(iri, []))
        return f"{n} {text('activity' if n == 1 else 'activities', lang)}" if n else text("empty", lang)

    def concept_tip(iri: str, title: str) -> str:
        acts = scope.counts.get(iri, [])
        listed = [f"• {eco.label(URIRef(a), lang)}" for a in acts[:12]] + (["…"] if len(acts) > 12 else [])
        gap_line = f"{w['gap']}: {', '.join(gaps[iri])}" if gaps.get(iri) else ""
        return tooltip(
            f"{title} — {count_line(iri)}",
            describe(eco, iri, lang),
            [f"{w['served_by']}:", *listed] if acts else [],
            gap_line,
            sources=sources_of(eco, iri, lang),
            source_word=src_word,
        )

    # Levels: one label node per zone, at the zone's top-left corner.
    for level in _concepts(eco, "level"):
        slug = str(level).rsplit("/", 1)[-1]
        x, y, _w, _h = zones.get(slug, (-960.0, 0.0, 0.0, 0.0))
        label = f"{_capital(eco.label(level, lang))} {w['level_suffix']}"
        colour = LEVEL_COLOURS.get(str(level), "#777777")
        tip = tooltip(label, describe(eco, level, lang), sources=sources_of(eco, level, lang), source_word=src_word)
        node(
            str(level),
            "level",
            label,
            tip,
            x + 110,
            y + 24,
            shape="box",
            color=colour,
            font={"color": "#ffffff", "size": 18, "bold": True},
            margin=8,
        )

    # The patient and naasten in the centre of the honeycomb.
    patient = str(ID["plate/patient-en-naasten"])
    if (URIRef(patient), None, None) in g:
        label = eco.label(URIRef(patient), lang)
        tip = tooltip(label, describe(eco, patient, lang), sources=sources_of(eco, patient, lang), source_word=src_word)
        node(patient, "plate", label, tip, 0, 0, shape="custom")
        hexes[patient] = {
            "r": HEX_RADIUS - 4,
            "fill": _PATIENT,
            "border": "#8e2436",
            "text": "#ffffff",
            "label": label,
            "sub": "",
            "dashed": False,
        }

    # The six functions as a honeycomb around the centre, in the appendix's order, clockwise from top left.
    step = HEX_RADIUS * math.sqrt(3)
    for i, function in enumerate(_concepts(eco, "function")):
        angle = math.radians(-120 + 60 * i)
        x, y = step * math.cos(angle), step * math.sin(angle)
        iri = str(function)
        label = eco.label(function, lang)
        alive = bool(scope.counts.get(iri))
        node(iri, "function", label, concept_tip(iri, label), x, y, shape="custom", alive=alive)
        hexes[iri] = {
            "r": HEX_RADIUS - 3,
            "fill": _HONEY if alive else _EMPTY_FILL,
            "border": _HONEY_DARK if alive else _EMPTY_BORDER,
            "text": "#3a2a00" if alive else "#666666",
            "label": label,
            "sub": count_line(iri),
            "dashed": not alive,
        }

    # The three loops with their actions along the outer arc.
    loops_frame = []
    actions_by_loop: dict[str, list[URIRef]] = defaultdict(list)
    for action in _concepts(eco, "action"):
        loop = g.value(action, EZ.loop)
        if loop is not None:
            actions_by_loop[str(loop)].append(action)
    for loop in _concepts(eco, "loop"):
        iri = str(loop)
        slug = iri.rsplit("/", 1)[-1]
        geo = _LOOPS_GEOMETRY.get(slug)
        if geo is None:
            continue
        colour = LOOP_COLOURS.get(iri, "#777777")
        loops_frame.append({"cx": geo["cx"], "cy": geo["cy"], "rx": geo["rx"], "ry": geo["ry"], "colour": colour})
        la = math.radians(geo["label"])
        label = f"{w['loop']} {eco.label(loop, lang)}"
        node(
            iri,
            "loop",
            label,
            concept_tip(iri, label),
            geo["cx"] + geo["rx"] * math.cos(la),
            geo["cy"] + geo["ry"] * math.sin(la),
            shape="box",
            color=colour,
            font={"color": "#ffffff", "size": 17, "bold": True},
            alive=bool(scope.counts.get(iri)),
            margin=7,
        )
        actions = actions_by_loop.get(iri, [])
        for action, degrees in zip(actions, _spread(len(actions), geo["a0"], geo["a1"]), strict=True):
            a = math.radians(degrees)
            x, y = geo["cx"] + geo["rx"] * math.cos(a), geo["cy"] + geo["ry"] * math.sin(a)
            airi = str(action)
            alive = bool(scope.counts.get(airi))
            label = _wrap(eco.label(action, lang))
            node(
                airi,
                "action",
                label,
                concept_tip(airi, eco.label(action, lang)),
                x,
                y,
                shape="dot",
                size=13,
                alive=alive,
                loop=iri,
                borderWidth=3,
                color={"background": colour if alive else "#ffffff", "border": colour},
                font={
                    "size": 16,
                    "color": "#222222" if alive else "#666666",
                    "strokeWidth": 4,
                    "strokeColor": "#ffffff",
                },
            )
            net.edges.append({"from": iri, "to": airi, "color": {"color": colour, "opacity": 0.5}, "width": 2})

    # National band: the beekeeper and nature manager, then the national parties.
    imker = str(ID["plate/imker-en-natuurbeheerder"])
    x0, y0, _, _ = zones["landelijk"]
    if (URIRef(imker), None, None) in g:
        label = eco.label(URIRef(imker), lang)
        tip = tooltip(label, describe(eco, imker, lang), sources=sources_of(eco, imker, lang), source_word=src_word)
        node(
            imker,
            "plate",
            _wrap(label, 16),
            tip,
            x0 + 110,
            y0 + 120,
            shape="ellipse",
            color={"background": "#ffffff", "border": LEVEL_COLOURS[str(LANDELIJK)]},
            borderWidth=2,
            font={"size": 16},
        )
    cols = max(1, min(len(national), _NATIONAL_COLUMNS))
    for i, iri in enumerate(national):
        row, col = divmod(i, cols)
        xs = _spread(cols, x0 + 420, x0 + 1820)
        label = _wrap(eco.label(URIRef(iri), lang), 20)
        tip = tooltip(
            eco.label(URIRef(iri), lang),
            describe(eco, iri, lang),
            sources=sources_of(eco, iri, lang),
            source_word=src_word,
        )
        node(
            iri,
            "national",
            label,
            tip,
            xs[col],
            y0 + 75 + 80 * row,
            shape="box",
            color={"background": "#e3eef9", "border": LEVEL_COLOURS[str(LANDELIJK)]},
            font={"size": 13},
        )

    # The hive: its name above the honeycomb, the supra-regional collaborations in a row above that.
    hive = str(ID["plate/bijenkorf"])
    if (URIRef(hive), None, None) in g:
        label = eco.label(URIRef(hive), lang)
        tip = tooltip(label, describe(eco, hive, lang), sources=sources_of(eco, hive, lang), source_word=src_word)
        node(
            hive,
            "plate",
            label,
            tip,
            0,
            -HEX_RADIUS * 2.95,
            shape="text",
            font={"size": 24, "bold": True, "color": _HONEY_DARK},
        )
    served = [str(f) for f in _concepts(eco, "function")]
    cols = max(1, min(len(scope.collaborations), _COLLAB_COLUMNS))
    for i, collab in enumerate(scope.collaborations):
        row, col = divmod(i, cols)
        half = min(880.0, 170.0 * cols)
        x, y = _spread(cols, -half + 80, half - 80)[col] + (60 if row % 2 else 0), -460 + 62 * row
        label = eco.label(URIRef(collab), lang)
        collab_acts = collaboration_activities(eco, URIRef(collab))
        counts = _classification(eco, {str(a) for a in collab_acts} & scope.activities)
        tip = tooltip(
            label,
            describe(eco, collab, lang),
            f"{len(collab_acts)} {text('activities', lang)}",
            sources=sources_of(eco, collab, lang),
            source_word=src_word,
        )
        node(
            collab,
            "collaboration",
            _wrap(label, 22),
            tip,
            x,
            y,
            shape="box",
            color={"background": "#fff3cc", "border": _HONEY_DARK},
            borderWidth=2,
            font={"size": 15},
        )
        for fn_iri in served:
            if counts.get(fn_iri):
                net.edges.append(
                    {
                        "from": collab,
                        "to": fn_iri,
                        "dashes": True,
                        "width": 1.5,
                        "color": {"color": _HONEY_DARK, "opacity": 0.45},
                        "tip": f"{label} {w['serves']} {eco.label(URIRef(fn_iri), lang)}",
                    }
                )

    # Regional band: the networks (and regional chains), linked to the collaborations they are members of.
    rx0, ry0, _, _ = zones["regionaal"]
    cols = max(1, min(len(scope.networks), _REGIONAL_COLUMNS))
    for i, iri in enumerate(scope.networks):
        row, col = divmod(i, cols)
        x, y = _spread(cols, rx0 + 330, rx0 + 1830)[col], ry0 + 75 + 78 * row
        label = eco.label(URIRef(iri), lang)
        kind_is_network = (URIRef(iri), RDF.type, EZ.Network) in g
        net_acts = network_activities(eco, URIRef(iri)) if kind_is_network else set()
        tip = tooltip(
            label,
            describe(eco, iri, lang),
            f"{len(net_acts)} {text('activities', lang)}" if net_acts else "",
            sources=sources_of(eco, iri, lang),
            source_word=src_word,
        )
        node(
            iri,
            "network",
            _wrap(label, 20),
            tip,
            x,
            y,
            shape="box",
            borderWidth=2,
            font={"size": 14},
            color={
                "background": "#e4f2df" if kind_is_network else "#f4f9f2",
                "border": LEVEL_COLOURS[str(ID["level/regionaal"])],
            },
        )
    for source, target in sorted(lg.edges()):
        if source in positions and target in positions:
            net.edges.append(
                {
                    "from": source,
                    "to": target,
                    "arrows": "to",
                    "width": 1.5,
                    "color": {"color": "#6b7b8c", "opacity": 0.3},
                    "tip": f"{eco.label(URIRef(source), lang)} {w['member']} {eco.label(URIRef(target), lang)}",
                }
            )

    # Activities: small dots clustered beside the action, function or loop they serve, linked to each.
    targets: dict[str, list[str]] = defaultdict(list)
    for concept, acts in scope.counts.items():
        if concept in positions:
            for act in acts:
                targets[act].append(concept)
    clusters: dict[str, list[str]] = defaultdict(list)
    priority = {"action": 0, "function": 1, "loop": 2}
    kinds = {iri: net.node_map[iri]["kind"] for iri in positions}
    for act, concepts in sorted(targets.items()):
        anchor = min(concepts, key=lambda c: (priority.get(kinds[c], 3), c))
        clusters[anchor].append(act)
    for anchor, acts in sorted(clusters.items()):
        ax, ay = positions[anchor]
        kind = kinds[anchor]
        if kind == "loop":
            # Inside the loop, between its arc and the hive: the free space of the ellipse.
            geo = _LOOPS_GEOMETRY[anchor.rsplit("/", 1)[-1]]
            cx, cy = geo["cx"], geo["cy"] + (30 if geo["cx"] == 0 else 0)
        else:
            # Outward from the centre of the plate, just beyond the hexagon or the action.
            norm = math.hypot(ax, ay) or 1.0
            push = HEX_RADIUS + 40 if kind == "function" else 55
            cx, cy = ax + push * ax / norm, ay + push * ay / norm
        for act, (x, y) in zip(acts, _sunflower(cx, cy, len(acts)), strict=True):
            if act not in positions:
                label = eco.label(URIRef(act), lang)
                served_text = ", ".join(eco.label(URIRef(c), lang) for c in targets[act])
                tip = tooltip(
                    label,
                    describe(eco, act, lang),
                    f"→ {served_text}",
                    sources=sources_of(eco, act, lang),
                    source_word=src_word,
                )
                node(
                    act,
                    "activity",
                    "",
                    tip,
                    x,
                    y,
                    shape="dot",
                    size=6,
                    color={"background": _ACTIVITY, "border": "#ffffff"},
                    borderWidth=1,
                )
            for concept in targets[act]:
                net.edges.append(
                    {"from": act, "to": concept, "width": 1, "color": {"color": "#777777", "opacity": 0.35}}
                )

    # Society: the outer frame with a skyline along the bottom.
    society = str(ID["plate/maatschappij"])
    if (URIRef(society), None, None) in g:
        label = eco.label(URIRef(society), lang)
        tip = tooltip(label, describe(eco, society, lang), sources=sources_of(eco, society, lang), source_word=src_word)
        node(
            society,
            "plate",
            label,
            tip,
            frame["x0"] + 120,
            frame["y1"] - 40,
            shape="box",
            color={"background": "#5d6d7e", "border": "#3d4d5e"},
            font={"color": "#ffffff", "size": 18},
        )

    nodes = []
    for iri in net.node_ids:
        data = dict(net.node_map[iri])
        data.pop("title", None)
        if data.get("kind") == "activity":
            data["label"] = ""  # pyvis puts the id where the label is empty; activities are named in the tooltip
        nodes.append(data)
    edges = []
    for edge in net.edges:
        data = dict(edge)
        data.setdefault("arrows", "")
        edges.append(data)
    zone_frames = [
        {"x": x, "y": y, "w": zw, "h": zh, "colour": LEVEL_COLOURS[str(ID[f"level/{slug}"])]}
        for slug, (x, y, zw, zh) in zones.items()
    ]
    return {
        "nodes": nodes,
        "edges": edges,
        "hex": hexes,
        "frame": {"society": frame, "zones": zone_frames, "loops": loops_frame, "hive": {"r": HEX_RADIUS * 3.2}},
    }


def _legend(lang: str) -> list[dict[str, str]]:
    w = {k: v[lang] for k, v in _WORDS.items()}
    level_names = {
        "landelijk": ("Landelijk", "National"),
        "bovenregionaal": ("Bovenregionaal", "Supra-regional"),
        "regionaal": ("Regionaal", "Regional"),
    }
    entries = [
        {"shape": "zone", "colour": "#e9edf1", "label": w["society"]},
        *(
            {
                "shape": "zone",
                "colour": LEVEL_COLOURS[str(ID[f"level/{slug}"])] + "33",
                "label": f"{names[0 if lang == 'nl' else 1]} {w['level_suffix']}",
            }
            for slug, names in level_names.items()
        ),
        {"shape": "hex", "colour": _PATIENT, "label": "Patiënt en naasten" if lang == "nl" else "Patient and family"},
        {"shape": "hex", "colour": _HONEY, "label": w["fn_alive"]},
        {"shape": "hex-empty", "colour": _EMPTY_FILL, "label": w["fn_empty"]},
        *(
            {"shape": "line", "colour": colour, "label": f"{w['loop']} {name}"}
            for name, colour in zip(
                ("onderwijs", "praktijk", "onderzoek") if lang == "nl" else ("education", "practice", "research"),
                LOOP_COLOURS.values(),
                strict=True,
            )
        ),
        {"shape": "dot", "colour": LOOP_COLOURS[str(ID["loop/praktijk"])], "label": w["act_alive"]},
        {"shape": "ring", "colour": LOOP_COLOURS[str(ID["loop/praktijk"])], "label": w["act_empty"]},
        {"shape": "dot", "colour": _ACTIVITY, "label": w["activity"]},
        {"shape": "box", "colour": "#fff3cc", "label": w["collab"]},
        {"shape": "box", "colour": "#e4f2df", "label": w["network"]},
        {"shape": "box", "colour": "#e3eef9", "label": w["national"]},
    ]
    return entries


def bijenkorf_html(
    eco: Ecosystem,
    *,
    lang: str = "nl",
    collaboration: str | None = None,
    network: str | None = None,
    findings: Sequence[Finding] | None = None,
    nav: tuple[tuple[str, str], ...] = (),
) -> str:
    """Return the bijenkorf page as one self-contained HTML document.

    Parameters
    ----------
    eco
        The ecosystem; it must hold the bijenkorf model (seed 002, part of the default data).
    lang
        ``"nl"`` (default) or ``"en"``: labels, tooltips and legend.
    collaboration, network
        Focus on one supra-regional collaboration or one network (see :func:`bijenkorf_scope`).
    findings
        Gap findings to mark (those of :data:`GAP_TYPES` are used); ``None`` runs those gap types here. A caller
        that already ran :func:`~ecosysteem.analysis.gaps.find_gaps` passes its findings to save the time.
    nav
        Links to other pages, ``(href, label)``, shown above the title.

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
            "(part of the default data; leave out --no-defaults)"
        )
    scope = bijenkorf_scope(eco, collaboration=collaboration, network=network)
    data = _build(eco, scope, lang, findings)
    words = {k: v[lang] for k, v in _WORDS.items()}
    focus = ""
    if scope.focus:
        name = escape(eco.label(URIRef(scope.focus), lang))
        focus = f'<p class="lead"><strong>{escape(words["focus"])}:</strong> {name}</p>'
    body = (
        f'<h1>{escape(words["title"])}</h1>{focus}<p class="lead">{escape(words["lead"])}</p>'
        f'<div class="ez-main"><div id="graph" class="ez-graph" role="img" aria-label="{escape(words["title"])}"></div>'
        f"{legend_html(text('legend', lang), _legend(lang))}</div>"
    )
    return render_page(title=words["title"], lang=lang, body=body, data=data, script="bijenkorf.js", nav=nav)


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
