"""Load the default graph, add a hospice and its role in a Twente activity, then ask who takes part in what.

Run:  python examples/add_organisation.py
"""

from __future__ import annotations

import ecosysteem
from ecosysteem import Activity, Organisation

eco = ecosysteem.load()

hospice = Organisation(
    label_nl="Hospice Het Witte Huis",
    organisation_type="organisation-type/hospice",
    regions=["region/twente"],
    sources=["source/seed-004"],
)
activity = eco.get("activity/jaarplan-2021-twente--gluren-bij-de-burens", Activity)
activity.participants = [*activity.participants, hospice.id]
eco.add(hospice, activity)

rows = eco.query(
    """
    SELECT ?activity ?label WHERE {
        ?activity ez:participant ?org ; rdfs:label ?label .
        FILTER(LANG(?label) = "nl")
    }
    """,
    org=hospice,  # bound safely as an IRI, never pasted into the query text
)
for _activity, label in rows:  # type: ignore[misc]
    print(f"{hospice.label_nl} neemt deel aan: {label}")
print(f"{len(eco)} triples; validation: {'conforms' if eco.validate().conforms else 'violations'}")
