"""The pydantic model: the entities a script user creates and reads.

Every class declares its RDF class (``rdf_type``) and, on each field, the predicate it maps to. The converter in
:mod:`ecosysteem.graph` reads that metadata, so models → RDF → models is generic and lossless.
"""

from __future__ import annotations

from ecosysteem.model._base import Entity, rdf_fields
from ecosysteem.model._slug import slugify
from ecosysteem.model.agents import (
    AcuteCareNetwork,
    CareChain,
    Collaboration,
    Group,
    Membership,
    Network,
    Organisation,
    Person,
    SupraRegionalCollaboration,
)
from ecosysteem.model.concepts import Concept
from ecosysteem.model.places import Region
from ecosysteem.model.plans import Activity, Framework, Goal, Meeting, Output, Pilot, Plan, Programme, Project
from ecosysteem.model.sources import SourceDocument

__all__ = [
    "MODEL_CLASSES",
    "Activity",
    "AcuteCareNetwork",
    "CareChain",
    "Collaboration",
    "Concept",
    "Entity",
    "Framework",
    "Goal",
    "Group",
    "Meeting",
    "Membership",
    "Network",
    "Organisation",
    "Output",
    "Person",
    "Pilot",
    "Plan",
    "Programme",
    "Project",
    "Region",
    "SourceDocument",
    "SupraRegionalCollaboration",
    "rdf_fields",
    "slugify",
]

MODEL_CLASSES: tuple[type[Entity], ...] = (
    Organisation,
    Collaboration,
    Network,
    SupraRegionalCollaboration,
    CareChain,
    AcuteCareNetwork,
    Group,
    Person,
    Membership,
    Plan,
    Goal,
    Activity,
    Project,
    Pilot,
    Programme,
    Meeting,
    Output,
    Framework,
    Region,
    SourceDocument,
)
"""Every entity class, most general first (the reader picks the most specific one that matches)."""
