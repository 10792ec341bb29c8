"""Drawing the bijenkorf plate: nodes, edges, hexagon styles and the frame, each part of the plate one method.

:class:`Plate` takes what :mod:`~ecosysteem.output.html.bijenkorf` decided to show (the scope and the state of
each function, loop and action) and places it with :mod:`~ecosysteem.output.html._bijenkorf_geometry`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rdflib import URIRef

from ecosysteem.analysis.network import LANDELIJK, level_graph
from ecosysteem.analysis.scope import Scope
from ecosysteem.output.html import _bijenkorf_geometry as geo
from ecosysteem.output.html._common import LEVEL_COLOURS, describe, sources_of, tooltip
from ecosysteem.output.words import heading
from ecosysteem.vocab import EZ, ID, RDF

if TYPE_CHECKING:
    from ecosysteem.graph import Ecosystem

__all__ = ["ConceptState", "Drawing", "Plate"]

HONEY = "#f2b705"
HONEY_DARK = "#9a6b00"
EMPTY_FILL = "#eeeeee"
EMPTY_BORDER = "#9a9a9a"
UNKNOWN_FILL = "#ffffff"
UNKNOWN_BORDER = "#5b7fa6"
PATIENT = "#d9576b"
ACTIVITY = "#555555"
LOOP_COLOURS: dict[str, str] = {
    str(ID["loop/onderwijs"]): "#7b4fa0",
    str(ID["loop/praktijk"]): "#c8463d",
    str(ID["loop/onderzoek"]): "#1f7f86",
}
_F = geo.MIN_FONT


class Drawing:
    """The nodes and edges of a vis-network drawing, as the page's data holds them.

    Each node is a dict with its colour (vis-network's default blue when not given) and options, then ``id``,
    ``label`` (the id when no label is given) and ``shape``; a node added twice keeps its first options. Edges are
    dicts appended to :attr:`edges`.
    """

    def __init__(self) -> None:
        self.node_map: dict[str, dict[str, Any]] = {}
        self.edges: list[dict[str, Any]] = []

    @property
    def node_ids(self) -> list[str]:
        """The node ids in the order they were added."""
        return list(self.node_map)

    def add_node(self, n_id: str, label: str = "", shape: str = "dot", color: Any = "#97c2fc", **options: Any) -> None:
        """Add a node unless there is one with this id."""
        if n_id not in self.node_map:
            self.node_map[n_id] = {"color": color, **options, "id": n_id, "label": label or n_id, "shape": shape}


@dataclass(frozen=True)
class ConceptState:
    """A function, loop or action as the plate shows it: ``alive``, ``empty`` or ``unknown``."""

    state: str
    gap_in: tuple[str, ...] = ()
    """Labels of the drawn collaborations for which the gap analysis reports it missing."""
    needs: str = ""
    """For ``unknown``: which data would settle it."""


@dataclass
class Plate:
    """The plate under construction; call :meth:`draw` once, then read :meth:`data`."""

    eco: Ecosystem
    counts: dict[str, list[str]]
    collaborations: list[str]
    networks: list[str]
    lang: str
    words: dict[str, str]
    states: dict[str, ConceptState]
    concepts: dict[str, list[URIRef]]
    activities: set[str] = field(default_factory=set)
    net: Drawing = field(default_factory=Drawing)
    hexes: dict[str, dict[str, Any]] = field(default_factory=dict)
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    loops_frame: list[dict[str, Any]] = field(default_factory=list)
    lg: Any = None
    """The level graph; made here when the caller has none to share."""
    rules: Scope | None = None
    """The scope rules over the graph's index; made here when the caller has none to share."""

    def __post_init__(self) -> None:
        self.scope = self.rules or Scope.of(self.eco)
        self.index = self.scope.g
        if self.lg is None:
            self.lg = level_graph(self.eco, self.index)
        self.national = sorted(
            (n for n, d in self.lg.nodes(data=True) if d.get("level") == str(LANDELIJK)),
            key=lambda n: (self.label(n).casefold(), n),
        )
        self.sides = self._sides()
        self.network_sides = self._network_sides()
        per_side = max(self.network_sides.count(-1), self.network_sides.count(1), 1)
        self.zones, self.frame = geo.zones(len(self.national), math.ceil(per_side / geo.REGIONAL_COLUMNS))

    # -- helpers ------------------------------------------------------------------------------------------------

    def label(self, iri: str | URIRef) -> str:
        return self.index.label(str(iri), self.lang)

    def tip(self, iri: str, title: str, *parts: str | Sequence[str]) -> str:
        src = sources_of(self.eco, iri, self.lang)
        return tooltip(
            title, describe(self.eco, iri, self.lang), *parts, sources=src, source_word=self.words["sources"]
        )

    def node(self, iri: str, kind: str, label: str, tip: str, x: float, y: float, **options: Any) -> None:
        self.net.add_node(iri, label=label, tip=tip, x=round(x, 1), y=round(y, 1), kind=kind, fixed=True, **options)
        self.positions[iri] = (x, y)

    def count_line(self, iri: str) -> str:
        n = len(self.counts.get(iri, []))
        if n:
            return f"{n} {self.words['activity' if n == 1 else 'activities']}"
        return self.words["unknown" if self.state(iri).state == "unknown" else "empty"]

    def state(self, iri: str) -> ConceptState:
        return self.states.get(iri, ConceptState("alive" if self.counts.get(iri) else "empty"))

    def concept_tip(self, iri: str, title: str) -> str:
        acts = sorted(self.counts.get(iri, []), key=lambda a: (self.label(a).casefold(), a))
        listed = [f"• {self.label(a)}" for a in acts[:12]] + (["…"] if len(acts) > 12 else [])
        state = self.state(iri)
        lines = [f"{heading(self.words['activities'])}:", *listed] if acts else []
        gap_line = f"{self.words['gap_in']}: {', '.join(state.gap_in)}" if state.gap_in else ""
        needs = f"{self.words['unknown_needs']}: {state.needs}" if state.needs else ""
        return self.tip(iri, f"{title} — {self.count_line(iri)}", lines, gap_line, needs)

    def _sides(self) -> list[int]:
        """The side (-1 left, +1 right) of each collaboration: the largest first, each to the emptier side."""
        networks = set(self.networks)
        members = {
            c: [n for n in self.lg.predecessors(c) if n in networks] if c in self.lg else []
            for c in self.collaborations
        }
        load = {-1: 0, 1: 0}
        side: dict[str, int] = {}
        for c in sorted(self.collaborations, key=lambda c: (-len(members[c]), c)):
            side[c] = -1 if load[-1] <= load[1] else 1
            load[side[c]] += len(members[c])
        return [side[c] for c in self.collaborations]

    # -- the parts of the plate -----------------------------------------------------------------------------

    def draw(self) -> Plate:
        """Draw every part, back to front; return ``self``."""
        self.levels()
        self.patient()
        self.functions()
        self.loops()
        self.national_band()
        self.hive()
        self.collaboration_column()
        self.regional_band()
        self.memberships()
        self.activity_dots()
        self.society()
        return self

    def levels(self) -> None:
        for level in self.concepts["level"]:
            slug = str(level).rsplit("/", 1)[-1]
            x, y, _w, _h = self.zones.get(slug, (-geo.PLATE_HALF_WIDTH, 0.0, 0.0, 0.0))
            label = f"{heading(self.label(level))} {self.words['level']}"
            colour = LEVEL_COLOURS.get(str(level), "#777777")
            font = {"color": "#ffffff", "size": _F + 3, "bold": True}
            self.node(
                str(level),
                "level",
                label,
                self.tip(str(level), label),
                x + 150,
                y + 28,
                shape="box",
                color=colour,
                font=font,
                margin=8,
            )

    def patient(self) -> None:
        iri = str(ID["plate/patient-en-naasten"])
        if (URIRef(iri), None, None) not in self.eco.graph:
            return
        label = self.label(iri)
        self.node(iri, "plate", label, self.tip(iri, label), 0, 0, shape="custom")
        self.hexes[iri] = {
            "r": geo.HEX_RADIUS - 4,
            "fill": PATIENT,
            "border": "#8e2436",
            "text": "#ffffff",
            "label": label,
            "sub": "",
            "dashed": False,
            "font": _F,
        }

    def functions(self) -> None:
        functions = self.concepts["function"]
        for function, (x, y) in zip(functions, geo.honeycomb(len(functions)), strict=True):
            iri, label = str(function), self.label(function)
            state = self.state(iri).state
            self.node(
                iri,
                "function",
                label,
                self.concept_tip(iri, label),
                x,
                y,
                shape="custom",
                alive=state == "alive",
                state=state,
            )
            fill, border, colour = {
                "alive": (HONEY, HONEY_DARK, "#3a2a00"),
                "empty": (EMPTY_FILL, EMPTY_BORDER, "#555555"),
                "unknown": (UNKNOWN_FILL, UNKNOWN_BORDER, "#2d4a6b"),
            }[state]
            self.hexes[iri] = {
                "r": geo.HEX_RADIUS - 3,
                "fill": fill,
                "border": border,
                "text": colour,
                "label": label,
                "sub": self.count_line(iri),
                "dashed": state != "alive",
                "dotted": state == "unknown",
                "font": _F,
            }

    def loops(self) -> None:
        by_loop: dict[str, list[URIRef]] = defaultdict(list)
        for action in self.concepts["action"]:
            loop = self.eco.graph.value(action, EZ.loop)
            if loop is not None:
                by_loop[str(loop)].append(action)
        for loop in self.concepts["loop"]:
            iri = str(loop)
            shape = geo.LOOPS.get(iri.rsplit("/", 1)[-1])
            if shape is None:
                continue
            colour = LOOP_COLOURS.get(iri, "#777777")
            self.loops_frame.append({k: shape[k] for k in ("cx", "cy", "rx", "ry")} | {"colour": colour})
            angle = math.radians(shape["label"])
            label = f"{heading(self.words['loop'])} {self.label(loop)}"
            x, y = shape["cx"] + shape["rx"] * math.cos(angle), shape["cy"] + shape["ry"] * math.sin(angle)
            font = {"color": "#ffffff", "size": _F + 2, "bold": True}
            self.node(
                iri,
                "loop",
                label,
                self.concept_tip(iri, label),
                x,
                y,
                shape="box",
                color=colour,
                font=font,
                alive=bool(self.counts.get(iri)),
                margin=7,
            )
            self.actions(iri, shape, colour, by_loop.get(iri, []))

    def actions(self, loop: str, shape: dict[str, float], colour: str, actions: list[URIRef]) -> None:
        for action, degrees in zip(actions, geo.spread(len(actions), shape["a0"], shape["a1"]), strict=True):
            a = math.radians(degrees)
            x, y = shape["cx"] + shape["rx"] * math.cos(a), shape["cy"] + shape["ry"] * math.sin(a)
            iri = str(action)
            state = self.state(iri).state
            background = {"alive": colour, "empty": "#ffffff", "unknown": "#dfe8f2"}[state]
            font = {
                "size": _F,
                "color": "#222222" if state == "alive" else "#555555",
                "strokeWidth": 4,
                "strokeColor": "#ffffff",
            }
            self.node(
                iri,
                "action",
                geo.wrap(self.label(action)),
                self.concept_tip(iri, self.label(action)),
                x,
                y,
                shape="dot",
                size=13,
                alive=state == "alive",
                state=state,
                loop=loop,
                borderWidth=3,
                color={"background": background, "border": colour},
                font=font,
                shapeProperties={"borderDashes": [4, 3] if state == "unknown" else False},
            )
            self.net.edges.append({"from": loop, "to": iri, "color": {"color": colour, "opacity": 0.5}, "width": 2})

    def national_band(self) -> None:
        x0, y0, width, _ = self.zones["landelijk"]
        imker = str(ID["plate/imker-en-natuurbeheerder"])
        if (URIRef(imker), None, None) in self.eco.graph:
            label = self.label(imker)
            colour = {"background": "#ffffff", "border": LEVEL_COLOURS[str(LANDELIJK)]}
            self.node(
                imker,
                "plate",
                geo.wrap(label, 16),
                self.tip(imker, label),
                x0 + 150,
                y0 + 130,
                shape="ellipse",
                color=colour,
                borderWidth=2,
                font={"size": _F},
            )
        places = geo.grid(len(self.national), geo.NATIONAL_COLUMNS, x0 + 470, x0 + width - 130, y0 + 80)
        for iri, (x, y) in zip(self.national, places, strict=True):
            colour = {"background": "#e3eef9", "border": LEVEL_COLOURS[str(LANDELIJK)]}
            self.node(
                iri,
                "national",
                geo.wrap(self.label(iri), 18),
                self.tip(iri, self.label(iri)),
                x,
                y,
                shape="box",
                color=colour,
                font={"size": _F},
            )

    def hive(self) -> None:
        iri = str(ID["plate/bijenkorf"])
        if (URIRef(iri), None, None) in self.eco.graph:
            label = self.label(iri)
            font = {"size": _F + 6, "bold": True, "color": HONEY_DARK}
            self.node(iri, "plate", label, self.tip(iri, label), 0, -geo.HEX_RADIUS * 2.95, shape="text", font=font)

    def collaboration_column(self) -> None:
        functions = [str(f) for f in self.concepts["function"]]
        for collab, (x, y) in zip(self.collaborations, geo.collaboration_slots(self.sides), strict=True):
            label = self.label(collab)
            acts = self.scope.collaboration_activities(collab)
            served = {c for c, members in self.counts.items() if set(members) & acts}
            tip = self.tip(collab, label, f"{len(acts)} {self.words['activities']}")
            colour = {"background": "#fff3cc", "border": HONEY_DARK}
            self.node(
                collab,
                "collaboration",
                geo.wrap(label, 18),
                tip,
                x,
                y,
                shape="box",
                color=colour,
                borderWidth=2,
                font={"size": _F},
            )
            for fn in functions:
                if fn in served:
                    edge_tip = f"{label} {self.words['serves']} {self.label(fn)}"
                    colour_edge = {"color": HONEY_DARK, "opacity": 0.45}
                    self.net.edges.append(
                        {"from": collab, "to": fn, "dashes": True, "width": 1.5, "color": colour_edge, "tip": edge_tip}
                    )

    def _network_sides(self) -> list[int]:
        """The side of each network: that of its (first) collaboration, else the emptier side."""
        side_of = dict(zip(self.collaborations, self.sides, strict=True))
        sides: list[int] = []
        for iri in self.networks:
            mine = sorted(side_of[c] for c in self.lg.successors(iri) if c in side_of) if iri in self.lg else []
            sides.append(mine[0] if mine else (-1 if sides.count(-1) <= sides.count(1) else 1))
        return sides

    def regional_band(self) -> None:
        sides = self.network_sides
        ordered = sorted(
            zip(sides, self.networks, strict=True), key=lambda p: (p[0], self.label(p[1]).casefold(), p[1])
        )
        _x0, y0, _, _ = self.zones["regionaal"]
        places = geo.regional_slots([s for s, _ in ordered], y0 + 90)
        # ordered by side, then name: each side's networks fill its half of the band
        for (_side, iri), (x, y) in zip(ordered, places, strict=True):
            label = self.label(iri)
            is_network = (URIRef(iri), RDF.type, EZ.Network) in self.eco.graph
            acts = self.scope.network_activities(iri) if is_network else set()
            tip = self.tip(iri, label, f"{len(acts)} {self.words['activities']}" if acts else "")
            colour = {
                "background": "#e4f2df" if is_network else "#f4f9f2",
                "border": LEVEL_COLOURS[str(ID["level/regionaal"])],
            }
            self.node(
                iri,
                "network",
                geo.wrap(label, 18),
                tip,
                x,
                y,
                shape="box",
                borderWidth=2,
                font={"size": _F},
                color=colour,
            )

    def memberships(self) -> None:
        for source, target in sorted(self.lg.edges()):
            if source in self.positions and target in self.positions:
                tip = f"{self.label(source)} {self.words['member_of']} {self.label(target)}"
                colour = {"color": "#6b7b8c", "opacity": 0.3}
                self.net.edges.append(
                    {
                        "from": source,
                        "to": target,
                        "arrows": "to",
                        "width": 1.5,
                        "color": colour,
                        "tip": tip,
                        "membership": True,
                    }
                )

    def activity_dots(self) -> None:
        targets: dict[str, list[str]] = defaultdict(list)
        for concept, acts in sorted(self.counts.items()):
            if concept in self.positions:
                for act in acts:
                    targets[act].append(concept)
        priority = {"action": 0, "function": 1, "loop": 2}
        kinds = {iri: self.net.node_map[iri]["kind"] for iri in self.positions}
        clusters: dict[str, list[str]] = defaultdict(list)
        for act, concepts in sorted(targets.items()):
            clusters[min(concepts, key=lambda c: (priority.get(kinds[c], 3), c))].append(act)
        for anchor, acts in sorted(clusters.items()):
            cx, cy = self._cluster_centre(anchor, kinds[anchor])
            for act, (x, y) in zip(acts, geo.sunflower(cx, cy, len(acts)), strict=True):
                if act not in self.positions:
                    served = ", ".join(sorted(self.label(c) for c in targets[act]))
                    colour = {"background": ACTIVITY, "border": "#ffffff"}
                    self.node(
                        act,
                        "activity",
                        "",
                        self.tip(act, self.label(act), f"→ {served}"),
                        x,
                        y,
                        shape="dot",
                        size=6,
                        color=colour,
                        borderWidth=1,
                    )
                for concept in targets[act]:
                    self.net.edges.append(
                        {"from": act, "to": concept, "width": 1, "color": {"color": "#777777", "opacity": 0.35}}
                    )

    def _cluster_centre(self, anchor: str, kind: str) -> tuple[float, float]:
        ax, ay = self.positions[anchor]
        if kind == "loop":
            # Inside the loop, between its arc and the hive: the free space of the ellipse.
            shape = geo.LOOPS[anchor.rsplit("/", 1)[-1]]
            return shape["cx"], shape["cy"] + (30 if shape["cx"] == 0 else 0)
        # Outward from the centre of the plate, just beyond the hexagon or the action.
        norm = math.hypot(ax, ay) or 1.0
        push = geo.HEX_RADIUS + 40 if kind == "function" else 55
        return ax + push * ax / norm, ay + push * ay / norm

    def society(self) -> None:
        iri = str(ID["plate/maatschappij"])
        if (URIRef(iri), None, None) in self.eco.graph:
            label = self.label(iri)
            colour = {"background": "#5d6d7e", "border": "#3d4d5e"}
            self.node(
                iri,
                "plate",
                label,
                self.tip(iri, label),
                self.frame["x0"] + 150,
                self.frame["y1"] - 45,
                shape="box",
                color=colour,
                font={"color": "#ffffff", "size": _F + 1},
            )

    def data(self) -> dict[str, Any]:
        """Nodes, edges, hexagon styles and the frame, ready for the page."""
        nodes = []
        for iri in self.net.node_ids:
            node = dict(self.net.node_map[iri])
            node.pop("title", None)
            if node.get("kind") == "activity":
                node["label"] = ""  # pyvis puts the id where the label is empty; activities are named in the tooltip
            nodes.append(node)
        edges = [{"arrows": "", **edge} for edge in self.net.edges]
        zone_frames = [
            {"x": x, "y": y, "w": zw, "h": zh, "colour": LEVEL_COLOURS[str(ID[f"level/{slug}"])]}
            for slug, (x, y, zw, zh) in self.zones.items()
        ]
        frame = {"society": self.frame, "zones": zone_frames, "loops": self.loops_frame, "hive": {"r": geo.HIVE_RADIUS}}
        return {"nodes": nodes, "edges": edges, "hex": self.hexes, "frame": frame}
