"""The generator proper: one function per kind of entity, called in a fixed order by :func:`generate_into`.

The order of the calls and of the random draws inside them is part of the output: the same size and seed must
give the same bytes, so a change here that draws in another order changes every file generated before.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ecosysteem._progress import Advance
from ecosysteem.synthetic._data import (
    _ACUTE_REGIONS,
    _ALL_ACTIONS,
    _CHAINS,
    _CHAINS_EXTRA,
    _EDUCATION,
    _FUNCTIONS,
    _LACKABLE,
    _LINES,
    _MEMBER_SHARE,
    _PILLARS,
    _RESEARCH,
    _ROLES_CARE,
    _ROLES_PATIENT,
    _THEMES,
    _TYPE_LABELS,
    _WORKGROUP_THEMES,
    SUPRAREGIONS,
    _allocate,
    _Net,
    _slug,
    _Writer,
)

__all__ = ["generate_into"]

Pairs = list[tuple[str, str]]


@dataclass
class _Context:
    """What every step shares: the writer, the random generator, the size, the source document, the layout."""

    w: _Writer
    rng: random.Random
    n: int
    seed: int
    src: str = ""
    nets: list[_Net] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    supra_nets: list[list[_Net]] = field(default_factory=list)
    supra_slugs: list[str] = field(default_factory=list)
    unlinked_net: int = 0
    uncertain_net: int = 0
    unlinked_supra: int = 0
    blind_function: list[int] = field(default_factory=list)
    blind_action: list[int] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    home: list[int] = field(default_factory=list)
    org_slugs: list[str] = field(default_factory=list)
    year: int = 0

    def __post_init__(self) -> None:
        t = self.w.term
        self.a, self.label, self.source = t("rdf", "type"), t("rdfs", "label"), t("dcterms", "source")

    def labels(self, nl: str, en: str) -> Pairs:
        """The Dutch and English label of a synthetic entity, each marked as synthetic."""
        w = self.w
        return [(self.label, w.text(nl + " (synthetisch)", "nl")), (self.label, w.text(en + " (synthetic)", "en"))]

    def entity(self, kind: str, slug: str, cls: tuple[str, str], nl: str, en: str, pairs: Pairs) -> None:
        """Write one labelled, sourced entity of class ``cls`` (namespace, name)."""
        t = self.w.term
        self.w.entity(t(kind, slug), [(self.a, t(*cls)), *self.labels(nl, en), *pairs, (self.source, self.src)])


def generate_into(w: _Writer, n: int, seed: int, progress: Advance) -> None:
    """Write the whole synthetic ecosystem of ``n`` organisations for ``seed`` through ``w``."""
    ctx = _Context(w, random.Random(seed), n, seed)
    _write_source(ctx)
    _lay_out_networks(ctx)
    _place_organisations(ctx)
    _write_supraregions(ctx)
    _write_networks(ctx)
    _write_organisations(ctx, progress)
    chain_links = _write_chains(ctx)
    ctx.year = 2022 + seed % 3
    plan_of: list[str] = []
    groups_of: list[list[str]] = []
    for net in ctx.nets:  # each network's goals, plan and groups together, in this order
        plan_of.append(_write_network_plan(ctx, net))
        groups_of.append(_write_groups(ctx, net))
    _write_supra_plans(ctx)
    _write_activities(ctx, plan_of, groups_of, chain_links)


def _write_source(ctx: _Context) -> None:
    """The one source document every synthetic entity cites, naming the command that made the file."""
    t, w, n, seed = ctx.w.term, ctx.w, ctx.n, ctx.seed
    ctx.src = t("source", f"synthetic-seed-{seed}-n-{n}")
    w.entity(
        ctx.src,
        [
            (ctx.a, t("ez", "SourceDocument")),
            *ctx.labels(f"Synthetisch ecosysteem, seed {seed}, {n} organisaties", f"Synthetic ecosystem, seed {seed}"),
            (t("dcterms", "title"), w.text(f"ecosysteem generate --organisations {n} --seed {seed}", "nl")),
            (t("dcterms", "publisher"), '"ecosysteem (synthetic generator)"'),
            (
                t("dcterms", "description"),
                w.text(
                    # The text names the generator's first home; it stays, so that a seed gives the same bytes.
                    "Fictieve gegevens, gegenereerd voor tests en benchmarks; verhoudingen volgen landelijke "
                    "aantallen (zie ecosysteem.graph.synthetic.NATIONAL_COUNTS). Geen echte organisaties.",
                    "nl",
                ),
            ),
            (
                t("dcterms", "description"),
                w.text(
                    "Fictional data generated for tests and benchmarks; proportions follow national counts "
                    "(see ecosysteem.graph.synthetic.NATIONAL_COUNTS). No real organisations.",
                    "en",
                ),
            ),
            (ctx.source, ctx.src),
        ],
    )


def _lay_out_networks(ctx: _Context) -> None:
    """The networks in their supra-regional collaborations, their sizes, and the gaps designed into them."""
    rng, nets = ctx.rng, ctx.nets
    for s, (_nl, _en, regions) in enumerate(SUPRAREGIONS):
        for region in regions:
            nets.append(_Net(len(nets), "synthetic-" + _slug(region), region, s))
    ctx.weights = [0.4 + rng.random() * 1.6 for _ in nets]  # networks differ in size (about 1:5)
    ctx.unlinked_net = rng.randrange(len(nets))
    ctx.uncertain_net = (ctx.unlinked_net + 1) % len(nets)
    ctx.unlinked_supra = rng.randrange(len(SUPRAREGIONS))
    for net in rng.sample(nets, 6):
        net.transmural_gap = True
    for i, net in enumerate(rng.sample(nets, 6)):
        net.lacks = _LACKABLE[i % len(_LACKABLE)]
    ctx.blind_function = [rng.randrange(len(_FUNCTIONS)) for _ in SUPRAREGIONS]
    ctx.blind_action = [rng.randrange(len(_ALL_ACTIONS)) for _ in SUPRAREGIONS]
    ctx.supra_nets = [[net for net in nets if net.supra == s] for s in range(len(SUPRAREGIONS))]
    ctx.supra_slugs = ["synthetic-" + _slug(nl) for nl, _en, _r in SUPRAREGIONS]


def _place_organisations(ctx: _Context) -> None:
    """Each organisation's type (national proportions) and home network (weighted by network size)."""
    rng, nets, n = ctx.rng, ctx.nets, ctx.n
    types = _allocate(n)
    rest = types[7:]
    rng.shuffle(rest)
    types[7:] = rest
    cum: list[float] = []
    acc = 0.0
    for weight in ctx.weights:
        acc += weight
        cum.append(acc)
    home = rng.choices(range(len(nets)), cum_weights=cum, k=n)
    for i in range(7):  # one UMC per supra-regional collaboration, in its first network
        home[i] = ctx.supra_nets[i][0].index
    counters: dict[str, int] = {}
    for i, type_ in enumerate(types):
        net = _home_network(ctx, nets[home[i]], type_)
        home[i] = net.index
        counters[type_] = counters.get(type_, 0) + 1
        ctx.org_slugs.append(f"synthetic-{type_}-{counters[type_]:06d}")
        net.orgs.append(i)
        net.by_type.setdefault(type_, []).append(i)
        if type_ in _LINES["eerste-lijn"]:
            net.first.append(i)
        elif type_ in _LINES["specialist"]:
            net.specialist.append(i)
    ctx.types, ctx.home = types, home
    for nets_of_supra in ctx.supra_nets:
        _set_aside_fragile_pair(nets_of_supra[0])


def _set_aside_fragile_pair(net: _Net) -> None:
    """Take two GP practices out of the network's pools: they will work only with one home-care organisation."""
    practices = net.by_type.get("huisartsenpraktijk", [])
    if len(practices) < 2 or not net.by_type.get("thuiszorg"):
        return
    net.fragile = practices[-2:]
    for pool in (net.orgs, net.first, practices):
        pool[:] = [i for i in pool if i not in net.fragile]


def _home_network(ctx: _Context, net: _Net, type_: str) -> _Net:
    """``net``, or a neighbour when ``net`` is designed to lack organisations of ``type_``."""
    if net.lacks != type_:
        return net
    siblings = ctx.supra_nets[net.supra]
    net = siblings[(siblings.index(net) + 1) % len(siblings)]
    if net.lacks == type_:
        net = ctx.nets[(net.index + 1) % len(ctx.nets)]
    return net


def _write_supraregions(ctx: _Context) -> None:
    """Each supra-regional collaboration: its region, itself (hosted by its UMC) and its national link."""
    t = ctx.w.term
    for s, (nl, en, _regions) in enumerate(SUPRAREGIONS):
        slug = ctx.supra_slugs[s]
        ctx.entity("region", slug, ("ez", "Region"), nl, en, [(t("ez", "regionType"), t("region-type", "bovenregio"))])
        ctx.entity(
            "collaboration",
            slug,
            ("ez", "SupraRegionalCollaboration"),
            f"Consortium {nl}",
            f"Consortium {en}",
            [
                (t("ez", "level"), t("level", "bovenregionaal")),
                (t("ez", "region"), t("region", slug)),
                (t("ez", "host"), t("organisation", ctx.org_slugs[s])),
            ],
        )
        if s != ctx.unlinked_supra:
            ctx.entity(
                "membership",
                f"{slug}--loco",
                ("org", "Membership"),
                f"Consortium {nl} in het LOCo",
                f"Consortium {en} in LOCo",
                [
                    (t("org", "member"), t("collaboration", slug)),
                    (t("org", "organization"), t("collaboration", "loco")),
                ],
            )


def _write_networks(ctx: _Context) -> None:
    """Each regional network: its region, itself, and its membership of its supra-regional collaboration."""
    t = ctx.w.term
    for net in ctx.nets:
        region = t("region", net.slug)
        supra = ctx.supra_slugs[net.supra]
        ctx.entity(
            "region",
            net.slug,
            ("ez", "Region"),
            net.name,
            net.name,
            [(t("ez", "regionType"), t("region-type", "netwerkregio")), (t("ez", "withinRegion"), t("region", supra))],
        )
        ctx.entity(
            "network",
            net.slug,
            ("ez", "Network"),
            f"Netwerk Palliatieve Zorg {net.name}",
            f"Palliative Care Network {net.name}",
            [(t("ez", "level"), t("level", "regionaal")), (t("ez", "region"), region)],
        )
        if net.index != ctx.unlinked_net:
            # One membership is marked uncertain, as '(?)' marks some in the reference data (uncertain-link).
            doubt = [(t("ez", "certainty"), ctx.w.typed("onzeker", "string"))] if net.index == ctx.uncertain_net else []
            ctx.entity(
                "membership",
                f"{net.slug}--{supra}",
                ("org", "Membership"),
                f"{net.name} in consortium",
                f"{net.name} in consortium",
                [
                    (t("org", "member"), t("network", net.slug)),
                    (t("org", "organization"), t("collaboration", supra)),
                    *doubt,
                ],
            )


def _write_organisations(ctx: _Context, progress: Advance) -> None:
    """Every organisation, and the membership of its network for those that are formal members."""
    w, t, n = ctx.w, ctx.w.term, ctx.n
    org_type = t("ez", "organisationType")
    cls_org, cls_mem = t("ez", "Organisation"), t("org", "Membership")
    member, organization = t("org", "member"), t("org", "organization")
    step = max(1, n // 100)
    for i, type_ in enumerate(ctx.types):
        net = ctx.nets[ctx.home[i]]
        slug = ctx.org_slugs[i]
        nl, en = _TYPE_LABELS[type_]
        number = slug.rsplit("-", 1)[1].lstrip("0")
        w.entity(
            t("organisation", slug),
            [
                (ctx.a, cls_org),
                (ctx.label, w.text(f"{nl} {number} {net.name} (synthetisch)", "nl")),
                (ctx.label, w.text(f"{en} {number} {net.name} (synthetic)", "en")),
                (org_type, t("organisation-type", type_)),
                (ctx.source, ctx.src),
            ],
        )
        if ctx.rng.random() < _MEMBER_SHARE.get(type_, 1.0) and i not in net.fragile:
            membership = [(member, t("organisation", slug)), (organization, t("network", net.slug))]
            w.entity(t("membership", f"{slug}--{net.slug}"), [(ctx.a, cls_mem), *membership, (ctx.source, ctx.src)])
        if (i + 1) % step == 0:
            progress(step)
    if n % step:
        progress(n % step)


def _write_chains(ctx: _Context) -> list[tuple[str, int]]:
    """The care chains of each network and the acute-care networks; returns those to link through an activity."""
    t = ctx.w.term
    chain_links: list[tuple[str, int]] = []  # (chain slug, network index)
    for net in ctx.nets:
        kinds = _CHAINS + (_CHAINS_EXTRA if net.index % 3 == 0 else ())
        for key, nl, en in kinds:
            slug = f"synthetic-{key}-{net.slug.removeprefix('synthetic-')}"
            pairs = [(t("ez", "level"), t("level", "regionaal")), (t("ez", "region"), t("region", net.slug))]
            ctx.entity("collaboration", slug, ("ez", "CareChain"), f"{nl} {net.name}", f"{en} {net.name}", pairs)
            if ctx.rng.random() < 0.75:
                chain_links.append((slug, net.index))
    for k, region in enumerate(_ACUTE_REGIONS):
        slug = "synthetic-acute-zorg-" + _slug(region)
        ctx.entity(
            "collaboration",
            slug,
            ("ez", "AcuteCareNetwork"),
            f"Acute zorgnetwerk {region}",
            f"Acute-care network {region}",
            [(t("ez", "level"), t("level", "regionaal"))],
        )
        if k % 4 != 3:
            chain_links.append((slug, ctx.rng.randrange(len(ctx.nets))))
    return chain_links


def _write_network_plan(ctx: _Context, net: _Net) -> str:
    """A network's annual plan with its two goals; returns the plan's slug."""
    t, w, rng, year = ctx.w.term, ctx.w, ctx.rng, ctx.year
    plan = f"synthetic-jaarplan-{year}-{net.slug.removeprefix('synthetic-')}"
    goals = [_THEMES[0], _THEMES[rng.randrange(1, len(_THEMES))]]
    for theme, gnl, gen in goals:
        pairs = [(t("ez", "theme"), t("theme", theme))]
        if theme == _THEMES[0][0]:  # as seed 001 writes of ACP: 'patiëntparticipatie een voorwaarde'
            pairs.append((t("ez", "requiresPatientParticipation"), w.typed("true", "boolean")))
        ctx.entity("goal", f"{plan}--{theme}", ("ez", "Goal"), gnl, gen, pairs)
    ctx.entity(
        "plan",
        plan,
        ("ez", "Plan"),
        f"Jaarplan {year} {net.name}",
        f"Annual plan {year} {net.name}",
        [
            (t("ez", "planOf"), t("network", net.slug)),
            *[(t("ez", "hasGoal"), t("goal", f"{plan}--{theme}")) for theme, _g, _e in goals],
            (t("schema", "startDate"), w.typed(str(year), "gYear")),
            (t("schema", "endDate"), w.typed(str(year + 1), "gYear")),
        ],
    )
    return plan


def _write_groups(ctx: _Context, net: _Net) -> list[str]:
    """A network's six workgroups and its network group; returns their slugs."""
    t = ctx.w.term
    groups = []
    for k in (*_WORKGROUP_THEMES, -1):
        if k < 0:
            gslug, gtype, gnl, gen = f"{net.slug}--netwerkgroep", "netwerkgroep", "Netwerkgroep", "Network group"
        else:
            theme, tnl, ten = _THEMES[k]
            gslug, gtype, gnl, gen = (
                f"{net.slug}--werkgroep-{theme}",
                "werkgroep",
                f"Werkgroep {tnl}",
                f"{ten} workgroup",
            )
        groups.append(gslug)
        ctx.entity(
            "group",
            gslug,
            ("ez", "Group"),
            f"{gnl} {net.name}",
            f"{gen} {net.name}",
            [(t("ez", "groupType"), t("group-type", gtype)), (t("ez", "unitOf"), t("network", net.slug))],
        )
    return groups


def _supra_plan(ctx: _Context, slug: str) -> str:
    return f"synthetic-werkplan-{ctx.year}-{slug.removeprefix('synthetic-')}"


def _write_supra_plans(ctx: _Context) -> None:
    """Each supra-regional collaboration's work plan (two years)."""
    t, w, year = ctx.w.term, ctx.w, ctx.year
    for s, slug in enumerate(ctx.supra_slugs):
        ctx.entity(
            "plan",
            _supra_plan(ctx, slug),
            ("ez", "Plan"),
            f"Werkplan {year} {SUPRAREGIONS[s][0]}",
            f"Work plan {year} {SUPRAREGIONS[s][1]}",
            [
                (t("ez", "planOf"), t("collaboration", slug)),
                (t("schema", "startDate"), w.typed(str(year), "gYear")),
                (t("schema", "endDate"), w.typed(str(year + 2), "gYear")),
            ],
        )


def _write_activities(
    ctx: _Context, plan_of: list[str], groups_of: list[list[str]], chain_links: list[tuple[str, int]]
) -> None:
    """The activities: in each network's plan (by network size), linking chains, and in the work plans."""
    nets, n = ctx.nets, ctx.n
    specialists_anywhere = [i for i, ty in enumerate(ctx.types) if ty in _LINES["specialist"]]
    acts = _Activities(ctx.w, ctx.rng, ctx.types, ctx.org_slugs, nets, ctx.year, ctx.src)
    per_net_total = max(8 * len(nets), n // 10)
    total_weight = sum(ctx.weights)
    for net in nets:
        count = max(8, round(per_net_total * ctx.weights[net.index] / total_weight))
        for k in range(count):
            blind = (ctx.blind_function[net.supra], ctx.blind_action[net.supra])
            acts.network_activity(net, k, plan_of[net.index], groups_of[net.index], specialists_anywhere, blind)
    for net in nets:
        if net.fragile:
            acts.fragile_activity(net, plan_of[net.index])
    for chain, net_index in chain_links:
        acts.chain_activity(nets[net_index], chain, plan_of[net_index])
    for s, slug in enumerate(ctx.supra_slugs):
        members = [net for net in ctx.supra_nets[s] if not net.transmural_gap]
        for k in range(6 + n // 5000):
            acts.supra_activity(s, slug, _supra_plan(ctx, slug), k, members, ctx.blind_function[s], ctx.blind_action[s])


class _Activities:
    """The activities: each network's plan, links to chains, and the supra-regional work plans."""

    def __init__(
        self,
        w: _Writer,
        rng: random.Random,
        types: list[str],
        org_slugs: list[str],
        nets: list[_Net],
        year: int,
        src: str,
    ) -> None:
        self.w, self.rng, self.types, self.slugs, self.nets, self.year = w, rng, types, org_slugs, nets, year
        t = w.term
        self.a, self.label, self.source, self.src = t("rdf", "type"), t("rdfs", "label"), t("dcterms", "source"), src
        self.p = {
            name: t("ez", name)
            for name in (
                "inPlan",
                "group",
                "pillar",
                "theme",
                "responsible",
                "lead",
                "participant",
                "participantType",
                "participantRole",
                "servesFunction",
                "servesAction",
                "loop",
                "status",
                "periodText",
                "output",
            )
        }
        self.start, self.end = t("schema", "startDate"), t("schema", "endDate")
        self.count = 0

    def _org(self, i: int) -> str:
        return self.w.term("organisation", self.slugs[i])

    def _pick(self, pool: list[int], k: int) -> list[int]:
        if not pool:
            return []
        return sorted({pool[self.rng.randrange(len(pool))] for _ in range(k)})

    def _common(self, nl: str, en: str, plan: str) -> list[tuple[str, str]]:
        w = self.w
        return [
            (self.a, w.term("ez", "Activity")),
            (self.label, w.text(nl + " (synthetisch)", "nl")),
            (self.label, w.text(en + " (synthetic)", "en")),
            (self.p["inPlan"], w.term("plan", plan)),
            (self.source, self.src),
        ]

    def _numbered(self, plan: str, k: int, nl: str, en: str) -> tuple[str, str, list[tuple[str, str]]]:
        """Activity ``k`` of a plan, counted: its theme (drawn), slug and common pairs.

        ``nl`` and ``en`` are the label templates, with ``{theme}`` (the theme's name) and ``{n}`` (``k + 1``).
        """
        self.count += 1
        theme, tnl, ten = _THEMES[self.rng.randrange(len(_THEMES))]
        labels = nl.format(theme=tnl, n=k + 1), en.format(theme=ten, n=k + 1)
        return theme, f"{plan}--activiteit-{k + 1:04d}", self._common(*labels, plan)

    def _period(self, pairs: list[tuple[str, str]], slug: str) -> None:
        """A period and a status: mostly a year or dates in the plan's years; some none, some not started."""
        w, rng, y = self.w, self.rng, self.year
        r = rng.random()
        if r < 0.04:
            pairs.append((self.p["status"], w.term("status", "nog-te-starten")))
            return
        if r < 0.08:
            return  # no period in the source
        if r < 0.2:
            pairs.append((self.p["status"], w.term("status", "doorlopend")))
            pairs.append((self.start, w.typed(str(y), "gYear")))
            pairs.append((self.p["periodText"], w.text("continu", "nl")))
            return
        month = 1 + rng.randrange(12)
        pairs.append((self.start, w.typed(f"{y}-{month:02d}-01", "date")))
        pairs.append((self.end, w.typed(str(y + rng.randrange(2)), "gYear")))
        status = ("afgerond", "lopend", "gepland")[rng.randrange(3)]
        pairs.append((self.p["status"], w.term("status", status)))
        if status == "afgerond" and rng.random() < 0.5:
            out = f"{slug}--resultaat"
            w.entity(
                w.term("output", out),
                [
                    (self.a, w.term("ez", "Output")),
                    (self.label, w.text("Resultaat (synthetisch)", "nl")),
                    (self.label, w.text("Result (synthetic)", "en")),
                    (self.source, self.src),
                ],
            )
            pairs.append((self.p["output"], w.term("output", out)))

    def _classify(
        self, pairs: list[tuple[str, str]], blind_function: int | None, blind_action: int | None
    ) -> str | None:
        """Maybe a bijenkorf function, an action or a loop; returns the loop the activity is in, if any."""
        w, rng = self.w, self.rng
        if rng.random() < 0.3:
            f = rng.randrange(len(_FUNCTIONS))
            if f != blind_function:
                pairs.append((self.p["servesFunction"], w.term("function", _FUNCTIONS[f])))
        r = rng.random()
        if r < 0.3:
            k = rng.randrange(len(_ALL_ACTIONS))
            if k != blind_action:
                loop, action = _ALL_ACTIONS[k]
                pairs.append((self.p["servesAction"], w.term("action", action)))
                return loop
        elif r < 0.45:
            loop = ("onderwijs", "praktijk", "onderzoek")[rng.randrange(3)]
            pairs.append((self.p["loop"], w.term("loop", loop)))
            return loop
        return None

    def _partners_for_loop(self, net: _Net, loop: str | None) -> list[int]:
        """The partner a loop needs (education, research), most of the time: its absence is the gap."""
        rng = self.rng
        wanted = {"onderwijs": _EDUCATION, "onderzoek": _RESEARCH}.get(loop or "")
        if wanted is None or rng.random() < 0.3:
            return []
        pool = [i for ty in wanted for i in net.by_type.get(ty, ())]
        if not pool:
            pool = [
                i for other in self.nets if other.supra == net.supra for ty in wanted for i in other.by_type.get(ty, ())
            ]
        return self._pick(pool, 1)

    def network_activity(
        self, net: _Net, k: int, plan: str, groups: list[str], specialists: list[int], blind: tuple[int, int]
    ) -> None:
        """One activity of a network's plan; it never serves the function and action its consortium leaves blind."""
        w, rng, p = self.w, self.rng, self.p
        theme, slug, pairs = self._numbered(plan, k, "{theme}: activiteit {n}", "{theme}: activity {n}")
        group = groups[rng.randrange(len(groups))]
        pairs.append((p["group"], w.term("group", group)))
        pairs.append((p["pillar"], w.term("pillar", _PILLARS[rng.randrange(len(_PILLARS))])))
        pairs.append((p["theme"], w.term("theme", theme)))
        loop = self._classify(pairs, *blind)
        chosen = self._network_parties(net, k, loop, specialists)
        status_pairs: list[tuple[str, str]] = []
        self._period(status_pairs, slug)
        if (p["status"], w.term("status", "nog-te-starten")) not in status_pairs:  # not yet started: no owner
            pairs.append(self._owner(net, group, chosen))
        pairs.extend((p["participant"], self._org(i)) for i in chosen)
        self._participant_kinds(pairs, net)
        pairs.extend(status_pairs)
        w.entity(w.term("activity", slug), pairs)

    def fragile_activity(self, net: _Net, plan: str) -> None:
        """A designed single point of failure: two GP practices whose only partner is one home-care organisation."""
        w, p = self.w, self.p
        self.count += 1
        lead = net.by_type["thuiszorg"][0]  # a formal member of the network (home care always is)
        pairs = self._common("Overdracht huisartsen en thuiszorg", "Handover GPs and home care", plan)
        pairs.append((p["lead"], self._org(lead)))
        pairs.extend((p["participant"], self._org(i)) for i in net.fragile)
        pairs.append((self.start, w.typed(str(self.year), "gYear")))
        pairs.append((p["status"], w.term("status", "lopend")))
        w.entity(w.term("activity", f"{plan}--overdracht-huisartsen"), pairs)

    def _network_parties(self, net: _Net, k: int, loop: str | None, specialists: list[int]) -> list[int]:
        """The participants of a network activity (organisation indexes)."""
        rng = self.rng
        # The first activity of a network brings the lines together, unless the network is a designed transmural
        # gap, where only first-line (and residential) parties take part.
        if net.transmural_gap:
            pool = [i for i in net.orgs if self.types[i] not in _LINES["specialist"]]
            chosen = self._pick(pool, 1 + rng.randrange(4))
        elif k == 0:
            second = net.specialist or specialists
            chosen = sorted(set(self._pick(net.first or net.orgs, 2) + self._pick(second, 1)))
        else:
            chosen = self._pick(net.orgs, 1 + rng.randrange(4))
            if rng.random() < 0.1 and not net.transmural_gap:  # a hospital from elsewhere serves this region too
                chosen = sorted(set(chosen + self._pick(specialists, 1)))
        if not net.transmural_gap or loop != "onderzoek":
            chosen = sorted(set(chosen + self._partners_for_loop(net, loop)))
        if net.lacks is not None:  # a designed missing partner type stays missing
            chosen = [i for i in chosen if self.types[i] != net.lacks]
        return chosen

    def _owner(self, net: _Net, group: str, chosen: list[int]) -> tuple[str, str]:
        """Who owns a network activity: its workgroup, the network, or its first participant as lead."""
        w, p, r = self.w, self.p, self.rng.random()
        if r < 0.5:
            return (p["responsible"], w.term("group", group))
        if r < 0.8 or not chosen:
            return (p["responsible"], w.term("network", net.slug))
        return (p["lead"], self._org(chosen[0]))

    def _participant_kinds(self, pairs: list[tuple[str, str]], net: _Net) -> None:
        """Kinds of organisation and roles that take part, and sometimes the patient's voice."""
        w, rng, p = self.w, self.rng, self.p
        if rng.random() < 0.3:
            kinds = ("huisartsenpraktijk", "thuiszorg", "verpleeghuis", "apotheek")
            pairs.append((p["participantType"], w.term("organisation-type", kinds[rng.randrange(len(kinds))])))
        if rng.random() < 0.4:
            role = _ROLES_CARE[rng.randrange(len(_ROLES_CARE))]
            if not (net.transmural_gap and role == "palliatief-consulent"):
                pairs.append((p["participantRole"], w.term("role", role)))
        if rng.random() < 0.12:
            pairs.append((p["participantRole"], w.term("role", _ROLES_PATIENT[rng.randrange(len(_ROLES_PATIENT))])))
        elif rng.random() < 0.05:
            clients = self._pick(net.by_type.get("clientenorganisatie", []), 1)
            pairs.extend((p["participant"], self._org(i)) for i in clients)

    def chain_activity(self, net: _Net, chain: str, plan: str) -> None:
        w, p = self.w, self.p
        self.count += 1
        slug = f"{plan}--afstemming-{chain.removeprefix('synthetic-')}"
        pairs = self._common("Afstemming met de keten", "Alignment with the chain", plan)
        pairs += [
            (p["theme"], w.term("theme", "ketenzorg")),
            (p["pillar"], w.term("pillar", "verbinden")),
            (p["responsible"], w.term("network", net.slug)),
            (p["participant"], w.term("collaboration", chain)),
            (p["participantRole"], w.term("role", "ketenregisseur")),
            (self.start, w.typed(str(self.year), "gYear")),
            (p["status"], w.term("status", "doorlopend")),
        ]
        w.entity(w.term("activity", slug), pairs)

    def supra_activity(
        self, s: int, supra: str, plan: str, k: int, members: list[_Net], blind_function: int, blind_action: int
    ) -> None:
        w, rng, p = self.w, self.rng, self.p
        theme, slug, pairs = self._numbered(plan, k, "Bovenregionaal: {theme} {n}", "Supra-regional: {theme} {n}")
        pairs.append((p["theme"], w.term("theme", theme)))
        # Every supra-regional activity serves a function or action, except the collaboration's blind spots.
        f = k % len(_FUNCTIONS)
        if f != blind_function:
            pairs.append((p["servesFunction"], w.term("function", _FUNCTIONS[f])))
        action = k % len(_ALL_ACTIONS)
        loop = None
        if action != blind_action:
            loop = _ALL_ACTIONS[action][0]
            pairs.append((p["servesAction"], w.term("action", _ALL_ACTIONS[action][1])))
        pairs.append((p["responsible"], w.term("collaboration", supra)))
        chosen = [s]  # the host UMC
        for net in (members[rng.randrange(len(members))] for _ in range(2)) if members else ():
            chosen += self._pick(net.orgs, 1)
            if loop is not None:
                chosen += self._partners_for_loop(net, loop)
        pairs.extend((p["participant"], self._org(i)) for i in sorted(set(chosen)))
        pairs.append((self.start, w.typed(str(self.year), "gYear")))
        pairs.append((self.end, w.typed(str(self.year + 2), "gYear")))
        pairs.append((p["status"], w.term("status", "lopend")))
        w.entity(w.term("activity", slug), pairs)
