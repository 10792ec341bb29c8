"""The collaboration-gap analysis: each gap type a question a coordinator or consortium would ask.

Every check has three outcomes per subject: the graph shows a **gap**, the graph shows **no gap** (no finding), or
the data needed to judge is absent — then the finding's status is **unknown**, says which data would settle it,
and is never counted as a gap. Each gap type is one module of this package (``function_not_served.py`` …): its
``GAP`` record is the only place its id, titles, rationale, source, severity and "enough data to judge" rule are
written, and its ``detect`` function is the rule. The registry finds the modules; adding a gap type is adding one
module (see CONTRIBUTING.md).

>>> eco = ecosysteem.load()
>>> findings = find_gaps(eco, network="Twente")
>>> any("Toereikend aanbod" in f.subject_label for f in findings)
True
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import pkgutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from ecosysteem._progress import task
from ecosysteem.analysis.gaps._context import Context
from ecosysteem.analysis.gaps._model import SEVERITY_ORDER, Finding, GapType, Severity, Status
from ecosysteem.errors import QueryError
from ecosysteem.graph import Ecosystem
from ecosysteem.graph.index import GraphIndex

__all__ = [
    "DEFAULT_REQUIRED_TYPES",
    "GAP_TYPES",
    "SEVERITY_ORDER",
    "Context",
    "Finding",
    "GapType",
    "Severity",
    "Status",
    "find_gaps",
    "gap_types",
    "summary_line",
]


@dataclass(frozen=True)
class _Check:
    gap: GapType
    detect: Callable[[Context], list[Finding]]
    order: int


@functools.cache
def _checks() -> tuple[_Check, ...]:
    """Every module of this package (on its ``__path__``) with a ``GAP`` and a ``detect``: the registry."""
    checks = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module: ModuleType = importlib.import_module(f"{__name__}.{info.name}")
        checks.append(_Check(module.GAP, module.detect, getattr(module, "ORDER", 100)))
    return tuple(sorted(checks, key=lambda c: (c.order, c.gap.id)))


def _by_id() -> dict[str, _Check]:
    return {c.gap.id: c for c in _checks()} | {a: c for c in _checks() for a in c.gap.aliases}


GAP_TYPES: tuple[GapType, ...] = tuple(c.gap for c in _checks())
"""Every gap type, in catalogue order."""

from ecosysteem.analysis.gaps.missing_partner_types import DEFAULT_REQUIRED_TYPES  # noqa: E402


def gap_types() -> list[GapType]:
    """Return the catalogue of gap types, in catalogue order.

    >>> [g.id for g in gap_types()][:2]
    ['function-not-served', 'loop-not-served']
    """
    return [c.gap for c in _checks()]


def find_gaps(
    eco: Ecosystem,
    types: Iterable[str] | None = None,
    *,
    network: str | None = None,
    level: str | None = None,
    reference_date: dt.date | str | None = None,
    required_types: Sequence[str] | None = None,
    status: str | None = None,
    index: GraphIndex | None = None,
) -> list[Finding]:
    """Run the gap checks (or the ``types`` given) on ``eco`` and return the findings, sorted.

    Parameters
    ----------
    eco
        The graph to analyse.
    types
        Gap ids (see :func:`gap_types`); all when ``None``.
    network
        Keep only findings about this network (IRI, ``network/slug``, or a part of its name).
    level
        Keep only findings whose subject is at this level (``landelijk``, ``bovenregionaal``, ``regionaal``).
    reference_date
        Judge every activity's period as of this date; by default each activity is judged as of the date of
        its own source document (a 2021 plan is read in 2021).
    required_types
        Organisation types each network should have; ``"a|b"`` means either (default
        :data:`DEFAULT_REQUIRED_TYPES`, from the Kwaliteitskader).
    status
        Keep only ``"gap"`` or only ``"unknown"`` findings.
    index
        An :meth:`~ecosysteem.graph.Ecosystem.index` of ``eco`` to share with other analyses of the same graph.

    Returns
    -------
    list of Finding
        Gaps first, then unknowns; each by severity, subject, gap type.

    Examples
    --------
    >>> findings = find_gaps(ecosysteem.load(), network="Twente", status="gap")
    >>> [f.message_en for f in findings if "pharmacy" in f.message_en]
    ['No partner of type pharmacy']
    """
    wanted = _wanted(types)
    params = {"reference_date": _date(reference_date), "required_types": required_types}
    ctx = Context(eco, params, index)
    findings: list[Finding] = []
    with task("gaps", len(wanted)) as advance:
        for check in wanted:
            findings += check.detect(ctx)
            advance(1)
    findings = _filtered(eco, _merge_unknowns(findings), network=network, level=level, status=status)
    return sorted(findings, key=Finding.sort_key)


def _merge_unknowns(findings: list[Finding]) -> list[Finding]:
    """One line per subject for the same reason: a consortium with no data is one unknown, not one per check."""
    merged: dict[tuple[str, str], Finding] = {}
    out = []
    for f in findings:
        if f.status != Status.unknown:
            out.append(f)
            continue
        key = (f.subject, f.message_en)
        first = merged.get(key)
        if first is None:
            merged[key] = f
            out.append(f)
            continue
        also = _by_id()[f.gap].gap
        checks_nl, checks_en = f"ook voor: {also.title('nl')}", f"also for: {also.title('en')}"
        updated = first.model_copy(
            update={"evidence_nl": [*first.evidence_nl, checks_nl], "evidence_en": [*first.evidence_en, checks_en]}
        )
        out[out.index(first)] = merged[key] = updated
    return out


def _wanted(types: Iterable[str] | None) -> list[_Check]:
    if types is None:
        return list(_checks())
    if isinstance(types, str):  # one gap type, not its letters
        types = [types]
    wanted, known = [], _by_id()
    for t in types:
        check = known.get(t)
        if check is None:
            known_ids = ", ".join(c.gap.id for c in _checks())
            raise QueryError(
                f"unknown gap type {t!r}; known: {known_ids}",
                nl=f"onbekend soort gat {t!r}; bekend zijn: {known_ids} (zie ecosysteem gaps --list)",
            )
        if check not in wanted:
            wanted.append(check)
    return wanted


def _date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise QueryError(
            f"reference_date {value!r} is not a date (YYYY-MM-DD)",
            nl=f"peildatum {value!r} is geen datum; schrijf JJJJ-MM-DD",
        ) from None


def _filtered(eco: Ecosystem, findings: list[Finding], **keep: Any) -> list[Finding]:
    from ecosysteem.analysis.gaps._filters import level_iri, match_networks

    if keep["network"] is not None:
        targets = match_networks(eco, keep["network"])
        findings = [f for f in findings if targets.intersection(f.networks) or f.subject in targets]
    if keep["level"] is not None:
        wanted = level_iri(keep["level"])
        findings = [f for f in findings if f.level == wanted]
    if keep["status"] is not None:
        findings = [f for f in findings if f.status == Status(keep["status"])]
    return findings


def summary_line(findings: Sequence[Finding], lang: str = "nl", status: str | None = None) -> str:
    """``"N gaps, M unknown (…)"``: the counts, and which data would settle the unknowns.

    With ``status`` (the report was filtered to ``gap`` or ``unknown``) only that count is given, saying the
    other was left out rather than counting it as zero.

    >>> summary_line([], "en")
    '0 gaps, 0 unknown'
    >>> summary_line([], "nl", status="gap")
    '0 gaten (de onbekende niet getoond: --status gap)'
    """
    gaps = sum(1 for f in findings if f.status == Status.gap)
    unknown = [f for f in findings if f.status == Status.unknown]
    needs = sorted({f.needs(lang) for f in unknown if f.needs(lang)})
    en = lang == "en"
    counted = {
        Status.gap: f"{gaps} gaps" if en else f"{gaps} gaten",
        Status.unknown: f"{len(unknown)} unknown" if en else f"{len(unknown)} onbekend",
    }
    if not needs:
        settle = ""
    elif en:
        settle = f" (would be settled by: {'; '.join(needs)})"
    else:
        settle = f" (te beslissen met: {'; '.join(needs)})"
    if status == Status.gap:
        left_out = "unknowns not shown" if en else "de onbekende niet getoond"
        return f"{counted[Status.gap]} ({left_out}: --status gap)"
    if status == Status.unknown:
        left_out = "gaps not shown" if en else "de gaten niet getoond"
        return f"{counted[Status.unknown]}{settle} ({left_out}: --status unknown)"
    return f"{counted[Status.gap]}, {counted[Status.unknown]}{settle}"
