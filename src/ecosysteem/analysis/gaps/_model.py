"""The records of the gap analysis: a gap type (its one definition) and a finding (one subject, one judgement)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Finding", "GapType", "Severity", "Status"]


class Severity(StrEnum):
    """How urgent a gap is.

    ``high`` only where the graph positively shows a hole in something the source documents say matters,
    ``medium`` a hole worth discussing, ``low`` an opportunity or a point to confirm.
    """

    high = "high"
    medium = "medium"
    low = "low"


class Status(StrEnum):
    """What a check could tell: ``gap`` (the graph shows the hole) or ``unknown`` (the data to judge is absent)."""

    gap = "gap"
    unknown = "unknown"


SEVERITY_ORDER: dict[str, int] = {Severity.high: 0, Severity.medium: 1, Severity.low: 2}
"""Most severe first: the order of every list of findings."""


class GapType(BaseModel):
    """One kind of collaboration gap: what it is, why it matters, when the data is enough to judge.

    Each gap type is defined once, in its own module of :mod:`ecosysteem.analysis.gaps`; ``gaps --list``, the
    report's explanations and the documentation all read this record.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    title_nl: str
    title_en: str
    explanation_nl: str
    explanation_en: str
    rationale_nl: str
    rationale_en: str
    source: str
    severity: Severity
    enough_data_nl: str
    enough_data_en: str
    method: str
    parameters: dict[str, str] = Field(default_factory=dict)
    aliases: tuple[str, ...] = ()

    def title(self, lang: str = "nl") -> str:
        """The title in ``lang`` (``nl`` or ``en``)."""
        return self.title_en if lang == "en" else self.title_nl

    def explanation(self, lang: str = "nl") -> str:
        """What the gap type finds, in one sentence, in ``lang``."""
        return self.explanation_en if lang == "en" else self.explanation_nl

    def rationale(self, lang: str = "nl") -> str:
        """Why it matters, in ``lang``."""
        return self.rationale_en if lang == "en" else self.rationale_nl

    def enough_data(self, lang: str = "nl") -> str:
        """When the data is enough to judge (otherwise a finding is ``unknown``), in ``lang``."""
        return self.enough_data_en if lang == "en" else self.enough_data_nl


class Finding(BaseModel):
    """One judgement about one subject: a gap the graph shows, or a check the data cannot settle (``unknown``)."""

    model_config = ConfigDict(frozen=True)

    gap: str
    status: Status = Status.gap
    severity: Severity
    subject: str
    subject_label: str
    subject_label_en: str = ""
    subject_kind: str
    message_nl: str
    message_en: str
    evidence_nl: list[str] = Field(default_factory=list)
    evidence_en: list[str] = Field(default_factory=list)
    needs_nl: str = Field("", description="for an unknown: which data would settle it")
    needs_en: str = ""
    concept: str | None = Field(None, description="what within the subject is missing: a function, loop, action, type")
    sources: list[str] = Field(default_factory=list, description="source documents of the subject and evidence")
    networks: list[str] = Field(default_factory=list, description="networks the finding concerns, for filtering")
    level: str | None = None

    @property
    def evidence(self) -> list[str]:
        """The evidence in English (kept for scripts written against earlier versions)."""
        return self.evidence_en

    def message(self, lang: str = "nl") -> str:
        """The finding in one line, in ``lang``."""
        return self.message_en if lang == "en" else self.message_nl

    def label(self, lang: str = "nl") -> str:
        """The subject's name in ``lang``."""
        return (self.subject_label_en or self.subject_label) if lang == "en" else self.subject_label

    def evidence_in(self, lang: str = "nl") -> list[str]:
        """The evidence, in words, in ``lang``."""
        return self.evidence_en if lang == "en" else self.evidence_nl

    def needs(self, lang: str = "nl") -> str:
        """For an unknown: the data that would settle it, in ``lang``."""
        return self.needs_en if lang == "en" else self.needs_nl

    def sort_key(self) -> tuple[int, int, str, str, str]:
        """Status (gaps first), severity, subject, gap type, message: the order findings are reported in."""
        return (
            0 if self.status == Status.gap else 1,
            SEVERITY_ORDER[self.severity],
            self.subject_label.casefold(),
            self.gap,
            self.message_en,
        )
