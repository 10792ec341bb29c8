"""An example gap type, written as CONTRIBUTING.md's first recipe says: one module, its record and its rule.

A plan whose source document carries no date cannot be read "as of" its own date. ``tests/test_contributing.py``
puts this file on the gap package's path and runs it through ``find_gaps``, as it would run a module of the
package itself.
"""

from __future__ import annotations

from ecosysteem.analysis.gaps import Context, Finding, GapType, Severity
from ecosysteem.vocab import DCTERMS, EZ, RDF

ORDER = 200
GAP = GapType(
    id="plan-without-date",
    title_nl="Plan zonder datum",
    title_en="Plan without a date",
    explanation_nl="Een plan waarvan de brondocumenten geen datum hebben.",
    explanation_en="A plan whose source documents carry no date.",
    rationale_nl="Een plan is een momentopname: zonder datum is niet te zeggen of iets verstreken is.",
    rationale_en="A plan is a snapshot: without a date nothing can be said to have ended.",
    source="CONTRIBUTING.md (example)",
    severity=Severity.low,
    enough_data_nl="het plan heeft een bron",
    enough_data_en="the plan has a source",
    method="dcterms:issued or dcterms:date of the plan's dcterms:source",
)


def detect(ctx: Context) -> list[Finding]:
    """One low finding per plan with a source but no dated source."""
    out = []
    for plan in sorted(ctx.index.iri_subjects(str(RDF.type), str(EZ.Plan))):
        if ctx.index.iri_objects(plan, str(DCTERMS.source)) and ctx.scope.source_date(plan) is None:
            out.append(ctx.finding(GAP, plan, ("Plan zonder gedateerde bron", "Plan without a dated source")))
    return out
