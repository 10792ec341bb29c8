"""SKOS concepts: levels, functions, loops, actions, themes, organisation types, roles …"""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from ecosysteem.model._fields import IRI, iri, iris, string, text

__all__ = ["Concept"]


class Concept(BaseModel):
    """A concept of one of ecosysteem's SKOS schemes (read from the graph; rarely built by hand)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=True)

    rdf_type: ClassVar[str] = "skos:Concept"

    id: IRI
    label_nl: str = text("skos:prefLabel", "nl")
    label_en: str | None = text("skos:prefLabel", "en")
    definition_nl: str | None = text("skos:definition", "nl")
    definition_en: str | None = text("skos:definition", "en")
    notation: str | None = string("skos:notation")
    schemes: list[IRI] = iris("skos:inScheme")
    broader: list[IRI] = iris("skos:broader")
    line_of_care: IRI | None = iri("ez:lineOfCare")
    loop: IRI | None = iri("ez:loop")
    sources: list[IRI] = iris("dcterms:source")

    @property
    def slug(self) -> str:
        """The last segment of the IRI."""
        return self.id.rsplit("/", 1)[-1]
