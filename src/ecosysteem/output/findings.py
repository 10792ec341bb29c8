"""Gap findings as people read them: names instead of IRIs, Dutch or English words, evidence and sources.

One presenter for every human output of the gap analysis — ``ecosysteem gaps`` (table and Markdown),
``ecosysteem profiel`` and the report site — so a finding reads the same everywhere. IRIs appear only when asked
for (``iris=True``; the CLI's ``--iris``); CSV and JSON output keep the raw :class:`Finding` records.

>>> from ecosysteem.graph.ecosystem import load
>>> from ecosysteem.analysis.gaps import find_gaps
>>> eco = load()
>>> from ecosysteem.analysis.gaps import missing_partner_types
>>> views = present(eco, find_gaps(eco, [missing_partner_types.GAP.id], network="network/twente"))
>>> views[0].subject_label, views[0].severity_word, views[0].message
('Netwerken Palliatieve Zorg Twente', 'middel', 'Geen partner van het type apotheek')
>>> summary_line(views, "nl")
'2 gaten, 0 onbekend'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rdflib import Literal, URIRef

from ecosysteem.analysis.gaps import SEVERITY_ORDER, Status
from ecosysteem.output.words import heading, word, words
from ecosysteem.vocab import DCTERMS, SDO

if TYPE_CHECKING:
    from ecosysteem.analysis.gaps import Finding, GapType
    from ecosysteem.graph import Ecosystem

__all__ = [
    "SEVERITY_ORDER",
    "STATUSES",
    "FindingView",
    "SourceView",
    "findings_text",
    "gap_rationale",
    "gap_title",
    "present",
    "source_view",
    "summary_line",
    "word",
]

STATUSES: tuple[str, ...] = tuple(Status)
"""The statuses of a finding, gaps first (as the analysis defines them)."""

_IRI = re.compile(r"https?://[^\s;,)>\]]+")


@dataclass(frozen=True)
class SourceView:
    """A source document as shown: its title, its date (``""`` when not recorded) and its IRI and URL."""

    title: str
    date: str
    iri: str
    url: str = ""

    def text(self) -> str:
        """``Title (date)``, or the title alone."""
        return f"{self.title} ({self.date})" if self.date else self.title


@dataclass(frozen=True)
class FindingView:
    """One finding in words: what every human output shows of it."""

    gap: str
    gap_title: str
    severity: str
    severity_word: str
    status: str
    status_word: str
    subject: str
    subject_label: str
    message: str
    evidence: str
    needs: str
    networks: tuple[str, ...]
    sources: tuple[SourceView, ...] = field(default_factory=tuple)
    finding: Finding | None = field(default=None, compare=False, repr=False)

    def sort_key(self) -> tuple[int, str, str, str]:
        """Severity first, then subject, gap and message: the order of every list of findings."""
        return (SEVERITY_ORDER.get(self.severity, 9), self.subject_label.casefold(), self.gap, self.message)


def gap_title(gap: GapType, lang: str) -> str:
    """The title of a gap type in ``lang``."""
    return gap.title(lang)


def gap_rationale(gap: GapType, lang: str) -> str:
    """What a gap type finds and why it matters, in ``lang``."""
    return f"{gap.explanation(lang)} {gap.rationale(lang)}".strip()


def _names(eco: Ecosystem, text: str, lang: str) -> str:
    """Replace every IRI in ``text`` by the label of what it names."""
    return _IRI.sub(lambda m: eco.label(URIRef(m.group(0)), lang), text)


def source_view(eco: Ecosystem, iri: str, lang: str) -> SourceView:
    """Describe a source document by its title (``dcterms:title`` or label) and date."""
    node = URIRef(iri)
    g = eco.graph
    title = _literal(g.objects(node, DCTERMS.title), lang) or eco.label(node, lang)
    date = ""
    for prop in (DCTERMS.issued, DCTERMS.created, DCTERMS.date, DCTERMS.modified):
        date = _literal(g.objects(node, prop), lang)
        if date:
            break
    url = _literal(g.objects(node, SDO.url), lang)
    return SourceView(title=title, date=date, iri=iri, url=url)


def _literal(values: Iterable[Any], lang: str) -> str:
    fallback = ""
    for value in sorted(values, key=str):
        if isinstance(value, Literal):
            if value.language in (lang, None):
                return str(value)
            fallback = fallback or str(value)
        elif isinstance(value, URIRef):
            fallback = fallback or str(value)
    return fallback


def present(eco: Ecosystem, findings: Iterable[Finding], lang: str = "nl", *, iris: bool = False) -> list[FindingView]:
    """Turn findings into :class:`FindingView` records in ``lang``, sorted by severity and subject.

    Parameters
    ----------
    eco
        The ecosystem the findings came from (for names and source titles).
    findings
        From :func:`~ecosysteem.analysis.gaps.find_gaps`.
    lang
        ``"nl"`` or ``"en"``.
    iris
        Keep IRIs in the evidence text instead of replacing them by names.
    """
    from ecosysteem.analysis.gaps import gap_types

    types = {g.id: g for g in gap_types()}
    sources: dict[str, SourceView] = {}
    views = []
    for f in findings:
        gap = types.get(f.gap)
        status = str(f.status)
        evidence = "; ".join(f.evidence_in(lang))
        for s in f.sources:
            if s not in sources:
                sources[s] = source_view(eco, s, lang)
        cited = tuple(sources[s] for s in sorted(set(f.sources)))
        views.append(
            FindingView(
                gap=f.gap,
                gap_title=gap_title(gap, lang) if gap else f.gap,
                severity=str(f.severity),
                severity_word=word(str(f.severity), lang),
                status=status,
                status_word=word(status, lang) if status in STATUSES else status,
                subject=f.subject,
                subject_label=f.label(lang),
                message=f.message(lang),
                evidence=evidence if iris else _names(eco, evidence, lang),
                needs=f.needs(lang),
                networks=tuple(f.networks),
                sources=cited,
                finding=f,
            )
        )
    return sorted(views, key=FindingView.sort_key)


def summary_line(views: Sequence[FindingView], lang: str, status: str | None = None) -> str:
    """``N gaten, M onbekend (…)`` / ``N gaps, M unknown (…)``: the last line of every gap report.

    The words are :func:`ecosysteem.analysis.gaps.summary_line`'s; ``status`` is the filter the report was made with.
    """
    from ecosysteem.analysis.gaps import summary_line as line

    return line([v.finding for v in views if v.finding is not None], lang, status)


def _cell(view: FindingView, iris: bool) -> str:
    return f"{view.subject_label} <{view.subject}>" if iris else view.subject_label


def findings_text(
    views: Sequence[FindingView], lang: str, fmt: str = "table", *, iris: bool = False, status: str | None = None
) -> str:
    """The gap report as text (``table``) or Markdown: gaps per gap type, then one line per unknown subject.

    Ends with :func:`summary_line` (``status``: the filter the findings were found with, if any).
    """
    from ecosysteem.output.tables import render_table

    md = fmt == "markdown"
    w = words(lang)
    parts: list[str] = []
    gaps = [v for v in views if v.status != "unknown"]
    if gaps:
        parts.append(f"## {heading(w['gaps'])} ({len(gaps)})" if md else f"{w['gaps'].upper()} ({len(gaps)})")
    for title, group in _grouped(gaps):
        rows = [
            {
                w["severity"]: v.severity_word,
                w["subject"]: _cell(v, iris),
                w["finding"]: v.message,
                w["evidence"]: v.evidence,
                w["source"]: "; ".join(s.text() for s in v.sources),
            }
            for v in group
        ]
        columns = [w["severity"], w["subject"], w["finding"], w["evidence"]]
        if any(v.sources for v in group):
            columns.append(w["source"])
        head = f"### {title} ({len(group)})" if md else f"{title} ({len(group)})"
        parts.append(f"{head}\n{render_table(rows, columns, 'markdown' if md else 'table')}")
    unknown = [v for v in views if v.status == "unknown"]
    if unknown:
        lines = [f"## {heading(w['unknown'])} ({len(unknown)})" if md else f"{w['unknown'].upper()} ({len(unknown)})"]
        lines.append(w["unknowns_lead"])
        for _subject, group in _per_subject(unknown):
            what = "; ".join(dict.fromkeys(v.gap_title for v in group))
            needs = "; ".join(dict.fromkeys(v.needs for v in group if v.needs))
            tail = f" — {w['needs']}: {needs}" if needs else ""
            lines.append(f"{'- ' if md else '  '}{_cell(group[0], iris)}: {what}{tail}")
        parts.append("\n".join(lines))
    if not views:
        parts.append(w["none_found"])
    parts.append(summary_line(views, lang, status))
    return "\n\n".join(parts)


def _grouped(views: Sequence[FindingView]) -> list[tuple[str, list[FindingView]]]:
    groups: dict[str, list[FindingView]] = {}
    for v in sorted(views, key=FindingView.sort_key):
        groups.setdefault(v.gap_title, []).append(v)
    return sorted(groups.items(), key=lambda item: (SEVERITY_ORDER.get(item[1][0].severity, 9), item[0].casefold()))


def _per_subject(views: Sequence[FindingView]) -> list[tuple[str, list[FindingView]]]:
    groups: dict[str, list[FindingView]] = {}
    for v in views:
        groups.setdefault(v.subject, []).append(v)
    return sorted(groups.items(), key=lambda item: (item[1][0].subject_label.casefold(), item[0]))
