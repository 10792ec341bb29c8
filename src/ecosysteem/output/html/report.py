"""``ecosysteem report``: a small static site — overview with the gaps, the bijenkorf, the network, the comparison.

Every page is self-contained (scripts and styles inlined) and the pages link to each other with relative links,
so the site opens from the file system with no server. All pages are built in memory first; then they are
written into a fresh temporary folder beside the target, which is renamed into place when the target does not
exist yet, or whose files each replace their namesake in an existing target (other files there are left alone).
Either way a reader never sees a half-written page, and a failure leaves the target as it was.

>>> from ecosysteem.graph.ecosystem import load
>>> sorted(report_pages(load(), gaps=False))
['bijenkorf.html', 'comparison.html', 'index.html', 'network.html']
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path

from rdflib import URIRef

from ecosysteem.analysis.gaps import Finding, find_gaps, gap_types
from ecosysteem.errors import OutputError
from ecosysteem.graph import Ecosystem
from ecosysteem.output.html._render import check_lang, escape, render_page, text
from ecosysteem.output.html.bijenkorf import bijenkorf_html
from ecosysteem.output.html.comparison_view import comparison_html
from ecosysteem.output.html.network_view import MAX_NODES, network_html
from ecosysteem.vocab import EZ, RDF

__all__ = ["PAGES", "index_html", "report_pages", "write_report"]

PAGES: tuple[str, ...] = ("index.html", "bijenkorf.html", "network.html", "comparison.html")
"""The files of the site."""

_WORDS: dict[str, dict[str, str]] = {
    "title": {"nl": "Het ecosysteem van de palliatieve zorg", "en": "The ecosystem of palliative care"},
    "lead": {
        "nl": "Een overzicht van de kennisgraaf: wie werkt met wie samen, op welk niveau, aan wat — en waar zitten "
        "de gaten? Alle pagina's werken zonder internet.",
        "en": "An overview of the knowledge graph: who works with whom, at which level, on what — and where are the "
        "holes? Every page works without internet.",
    },
    "pages": {"nl": "Pagina's", "en": "Pages"},
    "bijenkorf_desc": {
        "nl": "de praatplaat met functies, lussen en acties, gevuld met de activiteiten",
        "en": "the conversation plate with functions, loops and actions, filled with the activities",
    },
    "network_desc": {
        "nl": "organisaties, netwerken en activiteiten met filters en zoeken",
        "en": "organisations, networks and activities with filters and search",
    },
    "comparison_desc": {
        "nl": "netwerken naast elkaar per functie, lus en actie",
        "en": "networks side by side per function, loop and action",
    },
    "summary": {"nl": "Samenvatting", "en": "Summary"},
    "networks": {"nl": "netwerken palliatieve zorg", "en": "palliative-care networks"},
    "collaborations": {"nl": "bovenregionale samenwerkingen", "en": "supra-regional collaborations"},
    "organisations": {"nl": "organisaties", "en": "organisations"},
    "activities": {"nl": "activiteiten", "en": "activities"},
    "sources": {"nl": "brondocumenten", "en": "source documents"},
    "triples": {"nl": "triples in de graaf", "en": "triples in the graph"},
    "gaps": {"nl": "Gaten in de samenwerking", "en": "Gaps in the collaboration"},
    "gaps_lead": {
        "nl": "Bevindingen van de gap-analyse (ecosysteem gaps), per soort; de ernst staat erbij.",
        "en": "Findings of the gap analysis (ecosysteem gaps), per kind, with their severity.",
    },
    "gaps_off": {"nl": "De gap-analyse is overgeslagen.", "en": "The gap analysis was skipped."},
    "no_gaps": {"nl": "Geen gaten gevonden.", "en": "No gaps found."},
    "kind": {"nl": "Soort gat", "en": "Kind of gap"},
    "count": {"nl": "Aantal", "en": "Count"},
    "severity": {"nl": "Ernst", "en": "Severity"},
    "subject": {"nl": "Betreft", "en": "Concerns"},
    "finding": {"nl": "Bevinding", "en": "Finding"},
    "high": {"nl": "hoog", "en": "high"},
    "medium": {"nl": "middel", "en": "medium"},
    "low": {"nl": "laag", "en": "low"},
}


def _nav(lang: str) -> tuple[tuple[str, str], ...]:
    return (
        ("index.html", text("home", lang)),
        ("bijenkorf.html", text("bijenkorf", lang)),
        ("network.html", text("network_view", lang)),
        ("comparison.html", text("comparison", lang)),
    )


def _count(eco: Ecosystem, *classes: URIRef) -> int:
    return len({s for cls in classes for s in eco.graph.subjects(RDF.type, cls)})


def index_html(eco: Ecosystem, findings: list[Finding] | None, *, lang: str = "nl") -> str:
    """Return the overview page: counts, links to the other pages, and the gaps (``None``: analysis skipped).

    Parameters
    ----------
    eco
        The ecosystem.
    findings
        From :func:`~ecosysteem.analysis.gaps.find_gaps`, or ``None`` when the analysis was not run.
    lang
        ``"nl"`` (default) or ``"en"``.
    """
    lang = check_lang(lang)
    w = {k: v[lang] for k, v in _WORDS.items()}
    counts = [
        (_count(eco, EZ.Network), w["networks"]),
        (_count(eco, EZ.SupraRegionalCollaboration), w["collaborations"]),
        (_count(eco, EZ.Organisation), w["organisations"]),
        (_count(eco, EZ.Activity, EZ.Project, EZ.Pilot, EZ.Programme, EZ.Meeting), w["activities"]),
        (_count(eco, EZ.SourceDocument), w["sources"]),
        (len(eco.graph), w["triples"]),
    ]
    cards = "".join(f'<div class="card"><div class="n">{n}</div>{escape(label)}</div>' for n, label in counts)
    links = "".join(
        f'<li><a href="{escape(href)}">{escape(label)}</a> — {escape(w[desc])}</li>'
        for (href, label), desc in zip(
            _nav(lang)[1:], ("bijenkorf_desc", "network_desc", "comparison_desc"), strict=True
        )
    )
    parts = [
        f'<h1>{escape(w["title"])}</h1><p class="lead">{escape(w["lead"])}</p>',
        f'<section class="section"><h2>{escape(w["pages"])}</h2><ul id="pages">{links}</ul></section>',
        f'<section class="section"><h2>{escape(w["summary"])}</h2></section><div class="cards">{cards}</div>',
        f'<section class="section"><h2>{escape(w["gaps"])}</h2><p>{escape(w["gaps_lead"])}</p></section>',
    ]
    if findings is None:
        parts.append(f'<p class="section">{escape(w["gaps_off"])}</p>')
    elif not findings:
        parts.append(f'<p class="section">{escape(w["no_gaps"])}</p>')
    else:
        titles = {g.id: g.title_nl if lang == "nl" else g.title_en for g in gap_types()}
        per_gap = Counter(f.gap for f in findings)
        summary_rows = "".join(
            f'<tr><td><a href="#gap-{escape(gap)}">{escape(titles.get(gap, gap))}</a></td><td>{n}</td></tr>'
            for gap, n in sorted(per_gap.items(), key=lambda item: (-item[1], item[0]))
        )
        parts.append(
            f'<table class="ez" id="gap-summary"><thead><tr><th>{escape(w["kind"])}</th><th>{escape(w["count"])}'
            f"</th></tr></thead><tbody>{summary_rows}</tbody></table>"
        )
        rows = []
        seen: set[str] = set()
        for f in findings:
            anchor = f' id="gap-{escape(f.gap)}"' if f.gap not in seen else ""
            seen.add(f.gap)
            severity = str(f.severity)
            rows.append(
                f"<tr{anchor}><td>{escape(titles.get(f.gap, f.gap))}</td>"
                f'<td class="sev-{escape(severity)}">{escape(w.get(severity, severity))}</td>'
                f"<td>{escape(eco.label(URIRef(f.subject), lang) if f.subject.startswith('http') else f.subject_label)}"
                f"</td><td>{escape(f.message_nl if lang == 'nl' else f.message_en)}</td></tr>"
            )
        parts.append(
            f'<table class="ez" id="gaps"><thead><tr><th>{escape(w["kind"])}</th><th>{escape(w["severity"])}</th>'
            f"<th>{escape(w['subject'])}</th><th>{escape(w['finding'])}</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
    body = "".join(parts) + f"<footer>{escape(text('generated', lang))}</footer>"
    return render_page(title=w["title"], lang=lang, body=body, vis=False, nav=_nav(lang))


def report_pages(eco: Ecosystem, *, lang: str = "nl", gaps: bool = True, max_nodes: int = MAX_NODES) -> dict[str, str]:
    """Build every page of the site in memory and return ``{file name: HTML}``.

    Parameters
    ----------
    eco
        The ecosystem.
    lang
        ``"nl"`` (default) or ``"en"``.
    gaps
        Run the gap analysis for the overview page (the slowest part on a large graph).
    max_nodes
        Threshold of the network view's aggregated mode (see :func:`~.network_view.network_html`).
    """
    lang = check_lang(lang)
    nav = _nav(lang)
    findings = find_gaps(eco) if gaps else None
    return {
        "index.html": index_html(eco, findings, lang=lang),
        "bijenkorf.html": bijenkorf_html(eco, lang=lang, nav=nav, findings=findings if findings is not None else []),
        "network.html": network_html(eco, lang=lang, max_nodes=max_nodes, nav=nav),
        "comparison.html": comparison_html(eco, lang=lang, nav=nav),
    }


def write_report(
    eco: Ecosystem, directory: str | Path, *, lang: str = "nl", gaps: bool = True, max_nodes: int = MAX_NODES
) -> Path:
    """Write the site (:data:`PAGES`) into ``directory`` and return the path of its ``index.html``.

    The folder's parent must exist; the folder itself is created. Raises :class:`~ecosysteem.errors.OutputError`
    when the target is a file or cannot be written; nothing is changed then.

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
    parent = target.parent if str(target.parent) else Path()
    if not parent.is_dir():
        raise OutputError(f"{target}: the folder {parent} does not exist; create it first")
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: it is a file, not a folder; give a folder for the site")
    pages = report_pages(eco, lang=lang, gaps=gaps, max_nodes=max_nodes)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise OutputError(f"{target}: cannot write there ({exc.strerror})") from None
    try:
        for name, page in pages.items():
            path = staging / name
            with path.open("w", encoding="utf-8", newline="\n") as handle:
                handle.write(page)
                handle.flush()
                os.fsync(handle.fileno())
            path.chmod(0o644)
        staging.chmod(0o755)
        if not target.exists():
            staging.rename(target)
        else:
            for name in pages:
                (staging / name).replace(target / name)
            staging.rmdir()
    except OSError as exc:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        raise OutputError(f"{target}: cannot write the site ({exc.strerror})") from None
    return target / "index.html"
