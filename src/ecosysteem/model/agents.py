"""Organisations, collaborations (networks, consortia, chains), groups, persons and memberships."""

from __future__ import annotations

from typing import Any

from ecosysteem.model._base import Entity, expand, owner_slug
from ecosysteem.model._fields import IRI, PartialDate, date, integer, iri, iris, string, uri
from ecosysteem.model._slug import slugify

__all__ = [
    "AcuteCareNetwork",
    "CareChain",
    "Collaboration",
    "Group",
    "Membership",
    "Network",
    "Organisation",
    "Person",
    "SupraRegionalCollaboration",
]


class Organisation(Entity):
    """An organisation: care provider, education or research institution, municipality, insurer, national body.

    >>> zgt = Organisation(label_nl="ZGT", organisation_type="organisation-type/ziekenhuis")
    >>> zgt.id
    'https://w3id.org/ecosysteem/id/organisation/zgt'
    """

    rdf_type = "ez:Organisation"
    iri_kind = "organisation"

    organisation_type: IRI | None = iri("ez:organisationType", "concept of the organisation-type scheme")
    line_of_care: IRI | None = iri("ez:lineOfCare", "only where it differs from the type's line of care")
    level: IRI | None = iri("ez:level", "level/landelijk for national actors")
    regions: list[IRI] = iris("ez:region")
    abbreviation: str | None = string("ez:abbreviation")
    url: str | None = uri("schema:url")
    ura_number: str | None = string("ez:uraNumber")
    agb_code: str | None = string("ez:agbCode")
    kvk_number: str | None = string("ez:kvkNumber")


class Collaboration(Entity):
    """A named collaboration of organisations (``org:OrganizationalCollaboration``)."""

    rdf_type = "ez:Collaboration"
    iri_kind = "collaboration"

    level: IRI | None = iri("ez:level", "level/regionaal, level/bovenregionaal or level/landelijk")
    regions: list[IRI] = iris("ez:region")
    host: IRI | None = iri("ez:host", "host organisation (penvoerder)")
    abbreviation: str | None = string("ez:abbreviation")
    url: str | None = uri("schema:url")


class Network(Collaboration):
    """A regional *Netwerk Palliatieve Zorg*.

    >>> Network(label_nl="Twente", level="level/regionaal").id
    'https://w3id.org/ecosysteem/id/network/twente'
    """

    rdf_type = "ez:Network"
    iri_kind = "network"

    network_count: int | None = integer("ez:networkCount", "networks this joint network comprises, if several")


class SupraRegionalCollaboration(Collaboration):
    """A supra-regional collaboration (consortium, IZA region): the bijenkorf."""

    rdf_type = "ez:SupraRegionalCollaboration"


class CareChain(Collaboration):
    """A disease chain (dementia, stroke, Parkinson's)."""

    rdf_type = "ez:CareChain"


class AcuteCareNetwork(Collaboration):
    """The network of an acute-care region and its ROAZ."""

    rdf_type = "ez:AcuteCareNetwork"


class Group(Entity):
    """A workgroup, network group, board, core group … of a network, collaboration or project.

    Its IRI is ``group/{owner-slug}--{slug}``.

    >>> Group(label_nl="Werkgroep beleid", unit_of="network/twente").id
    'https://w3id.org/ecosysteem/id/group/twente--werkgroep-beleid'
    """

    rdf_type = "ez:Group"
    iri_kind = "group"

    group_type: IRI | None = iri("ez:groupType", "concept of the group-type scheme")
    unit_of: IRI | None = iri("ez:unitOf", "the network, collaboration, project or organisation")

    @classmethod
    def slug_for(cls, data: dict[str, Any]) -> str:
        own = slugify(str(data["label_nl"]))
        return f"{owner_slug(expand(data['unit_of']))}--{own}" if data.get("unit_of") else own


class Person(Entity):
    """A named natural person. Names are personal data: exports can leave persons out."""

    rdf_type = "ez:Person"
    iri_kind = "person"

    roles: list[IRI] = iris("ez:role", "concepts of the role scheme")
    affiliations: list[IRI] = iris("ez:affiliation")


class Membership(Entity):
    """``member`` belongs to ``organization`` (an ``org:Membership``), optionally in a role and a period.

    Its IRI is ``membership/{member-slug}--{organization-slug}``; the label is made from the two slugs when
    not given.

    >>> Membership(member="network/twente", organization="collaboration/ligare").id
    'https://w3id.org/ecosysteem/id/membership/twente--ligare'
    """

    rdf_type = "org:Membership"
    iri_kind = "membership"

    member: IRI = iri("org:member")
    organization: IRI = iri("org:organization")
    role: IRI | None = iri("org:role")
    start_date: PartialDate | None = date("schema:startDate")
    end_date: PartialDate | None = date("schema:endDate")

    @classmethod
    def slug_for(cls, data: dict[str, Any]) -> str:
        return f"{owner_slug(expand(data['member']))}--{owner_slug(expand(data['organization']))}"

    def __init__(self, **data: Any) -> None:
        if data.get("label_nl") is None and data.get("member") and data.get("organization"):
            data["label_nl"] = (
                f"{owner_slug(expand(data['member']))} lid van {owner_slug(expand(data['organization']))}"
            )
            data.setdefault(
                "label_en",
                f"{owner_slug(expand(data['member']))} member of {owner_slug(expand(data['organization']))}",
            )
        super().__init__(**data)
