"""Plans, goals, activities (projects, pilots, meetings, programmes), their outputs and national frameworks."""

from __future__ import annotations

from typing import Any

from ecosysteem.model._base import Entity, expand, owner_slug
from ecosysteem.model._fields import (
    IRI,
    PartialDate,
    boolean,
    date,
    integer,
    iri,
    iris,
    string,
    text,
    uri,
)
from ecosysteem.model._slug import slugify

__all__ = ["Activity", "Framework", "Goal", "Meeting", "Output", "Pilot", "Plan", "Programme", "Project"]


class Plan(Entity):
    """An annual plan, multi-year plan or plan of approach of a network, collaboration or project."""

    rdf_type = "ez:Plan"
    iri_kind = "plan"

    plan_of: IRI | None = iri("ez:planOf")
    based_on: list[IRI] = iris("ez:basedOn", "plans, frameworks or programmes it builds on")
    goals: list[IRI] = iris("ez:hasGoal")
    start_date: PartialDate | None = date("schema:startDate")
    end_date: PartialDate | None = date("schema:endDate")


class Goal(Entity):
    """A main goal of a plan; its IRI is ``goal/{plan-slug}--{slug}`` when ``plan`` is given."""

    rdf_type = "ez:Goal"
    iri_kind = "goal"

    themes: list[IRI] = iris("ez:theme")
    requires_patient_participation: bool | None = boolean(
        "ez:requiresPatientParticipation", "the source makes patients' participation a precondition for this goal"
    )

    @classmethod
    def slug_for(cls, data: dict[str, Any]) -> str:
        own = slugify(str(data["label_nl"]))
        plan = data.pop("plan", None)
        return f"{owner_slug(expand(plan))}--{own}" if plan else own


class Activity(Entity):
    """Something a network or collaboration does: goal, actions and results, who, when, with whom.

    Its IRI is ``activity/{plan-or-project-slug}--{slug}``.

    >>> a = Activity(label_nl="Afstemming Menzis", in_plan="plan/jaarplan-2021-twente",
    ...              participants=["organisation/menzis"], start_date="2021", end_date="2021")
    >>> a.slug
    'jaarplan-2021-twente--afstemming-menzis'
    """

    rdf_type = "ez:Activity"
    iri_kind = "activity"

    in_plan: IRI | None = iri("ez:inPlan")
    part_of: IRI | None = iri("ez:partOf", "the project or programme this is a phase of")
    groups: list[IRI] = iris("ez:group")
    pillars: list[IRI] = iris("ez:pillar")
    contributes_to: list[IRI] = iris("ez:contributesToGoal")
    goal_text_nl: str | None = text("ez:goalText", "nl")
    goal_text_en: str | None = text("ez:goalText", "en")
    result_text_nl: str | None = text("ez:resultText", "nl")
    result_text_en: str | None = text("ez:resultText", "en")
    who_text_nl: str | None = text("ez:whoText", "nl", "the 'wie' verbatim")
    who_text_en: str | None = text("ez:whoText", "en")
    period_text_nl: str | None = text("ez:periodText", "nl", "the 'wanneer' verbatim")
    period_text_en: str | None = text("ez:periodText", "en")
    start_date: PartialDate | None = date("schema:startDate")
    end_date: PartialDate | None = date("schema:endDate")
    status: IRI | None = iri("ez:status")
    level: IRI | None = iri("ez:level")
    regions: list[IRI] = iris("ez:region")
    themes: list[IRI] = iris("ez:theme")
    functions: list[IRI] = iris("ez:servesFunction", "bijenkorf functions (editorial classification)")
    actions: list[IRI] = iris("ez:servesAction", "bijenkorf actions (editorial classification)")
    loops: list[IRI] = iris("ez:loop")
    responsible: list[IRI] = iris("ez:responsible")
    lead: list[IRI] = iris("ez:lead")
    participants: list[IRI] = iris("ez:participant")
    participant_types: list[IRI] = iris("ez:participantType")
    participant_roles: list[IRI] = iris("ez:participantRole")
    funded_by: list[IRI] = iris("ez:fundedBy")
    advised_by: list[IRI] = iris("ez:advisedBy")
    based_on: list[IRI] = iris("ez:basedOn")
    outputs: list[IRI] = iris("ez:output")
    mentions: list[IRI] = iris("ez:mentionsPerson")
    interview_count: int | None = integer("ez:interviewCount")
    questionnaire_count: int | None = integer("ez:questionnaireCount")
    participant_count: int | None = integer("ez:participantCount")
    proposal_count: int | None = integer("ez:proposalCount")
    recommendation_count: int | None = integer("ez:recommendationCount")
    approximate: bool | None = boolean("ez:approximate")

    @classmethod
    def slug_for(cls, data: dict[str, Any]) -> str:
        own = slugify(str(data["label_nl"]))
        parent = data.get("in_plan") or data.get("part_of")
        return f"{owner_slug(expand(parent))}--{own}" if parent else own


class Project(Activity):
    """An activity with its own term, lead and often funding; phases point to it with ``part_of``."""

    rdf_type = "ez:Project"

    @classmethod
    def slug_for(cls, data: dict[str, Any]) -> str:
        return slugify(str(data["label_nl"]))


class Pilot(Project):
    """A project that tries a way of working on a small scale."""

    rdf_type = "ez:Pilot"

    @classmethod
    def slug_for(cls, data: dict[str, Any]) -> str:
        return Activity.slug_for(data)


class Programme(Project):
    """A (national) programme, such as NPPZ II."""

    rdf_type = "ez:Programme"


class Meeting(Activity):
    """A meeting, conference, symposium or work table."""

    rdf_type = "ez:Meeting"


class Output(Entity):
    """A product of an activity: booklet, vision, assessment framework, toolkit, policy note, article."""

    rdf_type = "ez:Output"
    iri_kind = "output"

    authors: list[IRI] = iris("ez:author")
    mentions: list[IRI] = iris("ez:mentionsPerson")
    issued: PartialDate | None = date("dcterms:issued")
    recommendation_count: int | None = integer("ez:recommendationCount")


class Framework(Entity):
    """A national framework or agreement (Kwaliteitskader, kader consultatie, Integraal Zorgakkoord …)."""

    rdf_type = "ez:Framework"
    iri_kind = "framework"

    abbreviation: str | None = string("ez:abbreviation")
    issued: PartialDate | None = date("dcterms:issued")
    url: str | None = uri("schema:url")
