"""``ecosysteem report``: a small static site — overview with the gaps, the bijenkorf, the network, the comparison.

Every page is self-contained (scripts and styles inlined) and the pages link to each other with relative links,
so the site opens from the file system with no server. All pages are built in memory first; then they are
written into a fresh temporary folder beside the target, which is renamed into place when the target does not
exist yet, or whose files each replace their namesake in an existing target (other files there are left alone).
Either way a reader never sees a half-written page, and a failure leaves the target as it was.

>>> from ecosysteem.graph.ecosystem import load
>>> pages = report_pages(load(), gaps=False)
>>> sorted(name for name in pages if "/" not in name)
['bijenkorf.html', 'comparison.html', 'index.html', 'network.html']
>>> pages["network/twente.html"].count("<h1")
1
"""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from rdflib import URIRef

from ecosysteem._files import atomic_folder
from ecosysteem._gc import paused_gc
from ecosysteem.analysis.compare import ComparisonMatrix, comparison_matrix
from ecosysteem.analysis.gaps import Finding, find_gaps, gap_types
from ecosysteem.analysis.network import ACTIVITY_CLASSES, PARTY_PROPERTIES, IriView
from ecosysteem.analysis.scope import Scope
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.index import LABEL_PROPERTIES, GraphIndex
from ecosysteem.output.findings import SEVERITY_ORDER, STATUSES, FindingView, gap_rationale, gap_title, present
from ecosysteem.output.html._render import check_lang, render_template
from ecosysteem.output.html.bijenkorf import bijenkorf_html
from ecosysteem.output.html.comparison_view import comparison_html
from ecosysteem.output.html.network_view import MAX_NODES, network_html
from ecosysteem.output.profile import build_profile, profile_path, profile_subjects, subject_kind, views_by_subject
from ecosysteem.output.words import heading, word, words
from ecosysteem.vocab import EZ, RDF

__all__ = ["PAGES", "index_html", "profile_html", "report_pages", "write_report"]

PAGES: tuple[str, ...] = ("index.html", "bijenkorf.html", "network.html", "comparison.html")
"""The fixed pages of the site (besides them, one profile page per network and consortium)."""

_CLASSIFIED_BY = (EZ.servesFunction, EZ.servesAction, EZ.loop, *(prop for _role, prop in PARTY_PROPERTIES))
"""What the comparison classifies and counts every activity by (term-level look-ups of the index)."""
_TOC = (
    ("findings", "findings"),
    ("checklist", "checklist"),
    ("partners", "partners"),
    ("plans", "plans"),
    ("bijenkorf", "in_bijenkorf"),
    ("peers", "peers"),
    ("sources", "sources"),
)


def _nav(lang: str) -> tuple[tuple[str, str], ...]:
    return (
        ("index.html", word("home", lang)),
        ("bijenkorf.html", word("bijenkorf", lang)),
        ("network.html", word("network_view", lang)),
        ("comparison.html", word("comparison", lang)),
    )


def _count(index: GraphIndex, *classes: URIRef) -> int:
    return len({s for cls in classes for s in index.iri_subjects(RDF.type, cls)})


@dataclass(frozen=True)
class _Row:
    view: FindingView
    keys: str
    href: str


@dataclass
class _Group:
    key: str
    name: str
    href: str
    rows: list[_Row] = field(default_factory=list)


def _groups(views: list[FindingView], profiles: dict[str, tuple[str, str]], lang: str) -> list[_Group]:
    """Findings per network or consortium: by their subject when it has a profile, else their first network."""
    other = _Group("", word("national_and_other", lang), "")
    groups: dict[str, _Group] = {}
    for v in views:
        key = v.subject if v.subject in profiles else next((n for n in v.networks if n in profiles), "")
        group = other if not key else groups.setdefault(key, _Group(key, profiles[key][0], profiles[key][1]))
        keys = " ".join(sorted({k for k in (v.subject, *v.networks) if k in profiles}))
        group.rows.append(_Row(v, keys, profiles[v.subject][1] if v.subject in profiles else ""))
    ordered = sorted(groups.values(), key=lambda g: (g.name.casefold(), g.key))
    return [*ordered, other] if other.rows else ordered


def _status_counts(views: list[FindingView]) -> dict[str, dict[str, int]]:
    counts = {status: dict.fromkeys([*SEVERITY_ORDER, "total"], 0) for status in STATUSES}
    for v in views:
        row = counts.setdefault(v.status, dict.fromkeys([*SEVERITY_ORDER, "total"], 0))
        row[v.severity] = row.get(v.severity, 0) + 1
        row["total"] += 1
    return counts


def _cards(eco: Ecosystem, index: GraphIndex, w: dict[str, str]) -> list[tuple[int, str]]:
    return [
        (_count(index, EZ.Network), w["networks"]),
        (_count(index, EZ.SupraRegionalCollaboration), w["collaborations"]),
        (_count(index, EZ.Organisation), w["organisations"]),
        (_count(index, *sorted(ACTIVITY_CLASSES)), w["activities"]),
        (_count(index, EZ.SourceDocument), w["source_documents"]),
        (len(eco), w["triples"]),
    ]


def _gap_rows(views: list[FindingView], lang: str) -> list[dict[str, object]]:
    """Each gap type with its title, severity, one-sentence explanation and rationale, and its count here."""
    per_gap = Counter(v.gap for v in views)
    return [
        {
            "id": g.id,
            "title": gap_title(g, lang),
            "severity": str(g.severity),
            "rationale": gap_rationale(g, lang),
            "count": per_gap.get(g.id, 0),
        }
        for g in gap_types()
    ]


def index_html(
    eco: Ecosystem,
    findings: list[Finding] | None,
    *,
    lang: str = "nl",
    profiles: dict[str, tuple[str, str]] | None = None,
    views: list[FindingView] | None = None,
    scope: Scope | None = None,
) -> str:
    """Return the overview page: counts by status and severity, links, gap types, and the findings with a filter.

    Parameters
    ----------
    eco, lang, scope
        As every page takes them (:mod:`ecosysteem.output.html`).
    findings
        From :func:`~ecosysteem.analysis.gaps.find_gaps`, or ``None`` when the analysis was not run.
    profiles
        ``{IRI: (name, page)}`` of the subjects with a profile page (default: every network and consortium).
    views
        ``findings`` presented in ``lang`` (:func:`~ecosysteem.output.findings.present`), when the caller has them.
    """
    lang = check_lang(lang)
    w = words(lang)
    scope = scope or Scope.of(eco)
    if profiles is None:
        profiles = _profiles(eco, scope, lang)
    descs = (w["bijenkorf_desc"], w["network_desc"], w["comparison_desc"])
    pages = [(href, label, desc) for (href, label), desc in zip(_nav(lang)[1:], descs, strict=True)]
    if views is None:
        views = present(eco, findings, lang) if findings is not None else []
    gap_rows = _gap_rows(views, lang)
    groups = _groups(views, profiles, lang)
    subjects = sorted(((g.key, g.name) for g in groups if g.key), key=lambda s: (s[1].casefold(), s[0]))
    listed = sorted(((name, href, "p") for name, href in profiles.values()), key=lambda x: x[0].casefold())
    return render_template(
        "overview.html",
        title=w["overview_title"],
        lang=lang,
        nav=_nav(lang),
        script="overview.js" if findings else "",
        counts=_status_counts(views) if findings is not None else None,
        severities=[(sev, word(sev, lang)) for sev in SEVERITY_ORDER],
        statuses=[(status, word(status, lang)) for status in STATUSES],
        pages=pages,
        cards=_cards(eco, scope.g, w),
        profiles=listed,
        findings=views if findings is not None else None,
        gap_types=gap_rows,
        rationale={g["id"]: g["rationale"] for g in gap_rows},
        groups=groups,
        subjects=subjects,
    )


def _profiles(eco: Ecosystem, scope: Scope, lang: str) -> dict[str, tuple[str, str]]:
    """``{IRI: (name, page)}`` of every subject with a profile page."""
    return {iri: (scope.g.label(iri, lang), profile_path(iri, kind)) for iri, kind in profile_subjects(eco, scope)}


@dataclass(frozen=True)
class _Served:
    anchor: str
    label: str
    kind: str
    activities: tuple[tuple[str, str], ...]  # (label, anchor on the profile page)


def _matrices(eco: Ecosystem, lang: str, scope: Scope) -> dict[tuple[str, str], ComparisonMatrix]:
    """The comparison matrices of the site, ``(rows, columns) →`` matrix: the comparison page and the profiles."""
    return {
        (rows, columns): comparison_matrix(eco, rows=rows, columns=columns, lang=lang, scope=scope)
        for rows in ("network", "collaboration")
        for columns in ("function", "loop", "action")
    }


def _served(matrices: Mapping[tuple[str, str], ComparisonMatrix], lang: str, scope: Scope) -> dict[str, list[_Served]]:
    """Per network and consortium: its activities under each function, loop and action (the comparison's counts)."""
    out: dict[str, list[_Served]] = {}
    for (_rows, columns), matrix in matrices.items():
        kind = word(columns, lang)
        for row, _label in matrix.rows:
            for col, label in matrix.columns:
                acts = sorted(
                    (scope.g.label(a, lang), f"act-{a.rsplit('/', 1)[-1]}") for a in matrix.cell(row, col).members
                )
                out.setdefault(row, []).append(_Served(f"bk-{col.rsplit('/', 1)[-1]}", label, kind, tuple(acts)))
    return out


def profile_html(
    eco: Ecosystem,
    iri: str,
    findings: list[Finding] | None,
    *,
    lang: str = "nl",
    kind: str | None = None,
    served: list[_Served] | None = None,
    scope: Scope | None = None,
    views: list[FindingView] | None = None,
) -> str:
    """Return the profile page of the network or consortium ``iri`` (see :mod:`ecosysteem.output.profile`)."""
    lang = check_lang(lang)
    scope = scope or Scope.of(eco)
    p = build_profile(eco, iri, findings, kind=kind, lang=lang, scope=scope, views=views)
    toc = [(a, word(k, lang)) for a, k in _TOC if a != "checklist" or p.checklist]
    return render_template(
        "profile.html",
        title=p.name,
        lang=lang,
        nav=_nav(lang),
        root="../",
        p=p,
        kind_word=heading(subject_kind(p.kind, lang)),
        toc=toc,
        served=served if served is not None else _served(_matrices(eco, lang, scope), lang, scope).get(iri, []),
        bijenkorf_href=f"bijenkorf.html#focus={quote(iri, safe='')}",
    )


def report_pages(eco: Ecosystem, *, lang: str = "nl", gaps: bool = True, max_nodes: int = MAX_NODES) -> dict[str, str]:
    """Build every page of the site in memory and return ``{file name: HTML}``.

    The overview, the bijenkorf, the network view and the comparison, and a profile page per network
    (``network/<slug>.html``) and per consortium (``collaboration/<slug>.html``).

    Parameters
    ----------
    eco, lang
        As every page takes them (:mod:`ecosysteem.output.html`).
    gaps
        Run the gap analysis for the overview and profile pages (the slowest part on a large graph).
    max_nodes
        Threshold of the network view's aggregated mode (see :func:`~.network_view.network_html`).
    """
    lang = check_lang(lang)
    with paused_gc():  # a national site: hundreds of thousands of objects that live until the pages are done
        return _pages(eco, lang, gaps, max_nodes)


def _pages(eco: Ecosystem, lang: str, gaps: bool, max_nodes: int) -> dict[str, str]:
    nav = _nav(lang)
    index = eco.index()  # one index for the whole site: the gap report, the network view and every profile
    index.read_whole([RDF.type], literals=LABEL_PROPERTIES)  # the pages name and type nearly every node
    for predicate in _CLASSIFIED_BY:
        index.subject_objects(predicate)  # read whole once: the comparison and the bijenkorf ask of every activity
    findings = find_gaps(eco, index=index) if gaps else None  # once: the overview, the bijenkorf and the profiles
    views = present(eco, findings, lang) if findings is not None else None
    scope = Scope(IriView(index))  # one, shared by every page: it caches
    subjects = profile_subjects(eco, scope)
    profiles = _profiles(eco, scope, lang)
    links = {iri: page for iri, (_name, page) in profiles.items()}
    matrices = _matrices(eco, lang, scope)
    pages = {
        "index.html": index_html(eco, findings, lang=lang, profiles=profiles, views=views, scope=scope),
        "bijenkorf.html": bijenkorf_html(
            eco, lang=lang, nav=nav, findings=findings if findings is not None else [], links=links, scope=scope
        ),
        "network.html": network_html(eco, lang=lang, max_nodes=max_nodes, nav=nav, links=links, scope=scope),
        "comparison.html": comparison_html(eco, lang=lang, nav=nav, links=links, scope=scope, matrices=matrices),
    }
    served = _served(matrices, lang, scope)
    concerning = views_by_subject(views or [])
    for iri, kind in subjects:
        mine = concerning.get(iri, []) if views is not None else None
        pages[profile_path(iri, kind)] = profile_html(
            eco, iri, findings, lang=lang, kind=kind, served=served.get(iri, []), scope=scope, views=mine
        )
    return pages


_MANIFEST = ".ecosysteem-site"
"""The file in a site folder that lists the pages the last report wrote (other files there are the user's)."""


def write_report(
    eco: Ecosystem, directory: str | Path, *, lang: str = "nl", gaps: bool = True, max_nodes: int = MAX_NODES
) -> Path:
    """Write the site into ``directory`` as a whole and return the path of its ``index.html``.

    The site is built in a staging folder beside the target and swapped in with renames: a reader, or a run
    killed at any moment, sees the old site or the new one, never a mix. Files of the user's own in an existing
    site folder are carried over; pages of the previous report that the new one no longer has are dropped.
    Staging folders left by earlier runs that were killed are removed. The folder's parent must exist. Raises
    :class:`~ecosysteem.errors.OutputError` when the target is a file or cannot be written; nothing is changed then.

    Parameters
    ----------
    eco
        The ecosystem.
    directory
        The folder of the site.
    lang, gaps, max_nodes
        See :func:`report_pages`.
    """
    target = Path(directory)
    with atomic_folder(target, ("the site", "de site")) as staging:
        pages = report_pages(eco, lang=lang, gaps=gaps, max_nodes=max_nodes)
        _write_pages(staging, pages)
        if target.exists():
            _carry_over(target, staging, set(pages))
    return target / "index.html"


def _write_pages(staging: Path, pages: dict[str, str]) -> None:
    for name in sorted(pages):
        path = staging / name
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_page(path, pages[name])
        path.chmod(0o644)
    (staging / _MANIFEST).write_text("".join(f"{name}\n" for name in sorted(pages)), encoding="utf-8")
    for folder in sorted({p for name in pages for p in Path(name).parents if str(p) != "."}):
        (staging / folder).chmod(0o755)


def _write_page(path: Path, page: str) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(page)


def _carry_over(old: Path, staging: Path, pages: set[str]) -> None:
    """Copy the user's own files of the old site (those no report wrote) into the new one."""
    manifest = old / _MANIFEST
    ours = set(manifest.read_text(encoding="utf-8").split()) if manifest.is_file() else set()
    ours |= set(PAGES)
    for path in sorted(old.rglob("*")):
        name = path.relative_to(old).as_posix()
        if path.is_file() and name not in pages and name not in ours and name != _MANIFEST:
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, staging / name)
