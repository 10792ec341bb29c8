"""Regions: network regions, sub-regions, acute-care regions, provinces, municipalities."""

from __future__ import annotations

from ecosysteem.model._base import Entity
from ecosysteem.model._fields import IRI, iri, iris

__all__ = ["Region"]


class Region(Entity):
    """An area; ``region_type`` is a concept of the region-type scheme."""

    rdf_type = "ez:Region"
    iri_kind = "region"

    region_type: IRI | None = iri("ez:regionType")
    within: list[IRI] = iris("ez:withinRegion")
