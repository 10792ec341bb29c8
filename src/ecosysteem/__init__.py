"""ecosysteem — a knowledge graph of the Dutch palliative-care ecosystem.

Organisations, the regional *Netwerken Palliatieve Zorg*, supra-regional collaborations (the *bijenkorf*) and the
national level, with their functions and activities, as an RDF graph you can load, extend, query and analyse.

>>> import ecosysteem
>>> eco = ecosysteem.load()                      # ontology + the default datasets
>>> sorted(n.label_nl for n in eco.networks())[0]
'Netwerk Palliatieve Zorg IJssel-Vecht en Noordoost-Overijssel'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ecosysteem.errors import (
    DataError,
    EcosysteemError,
    ModelError,
    OutputError,
    ParseError,
    QueryError,
    ResourceError,
)
from ecosysteem.graph import Ecosystem, ValidationReport, Violation, from_graph, load, to_graph
from ecosysteem.model import (
    Activity,
    AcuteCareNetwork,
    CareChain,
    Collaboration,
    Concept,
    Framework,
    Goal,
    Group,
    Meeting,
    Membership,
    Network,
    Organisation,
    Output,
    Person,
    Pilot,
    Plan,
    Programme,
    Project,
    Region,
    SourceDocument,
    SupraRegionalCollaboration,
    slugify,
)
from ecosysteem.vocab import EZ, ID

try:
    __version__ = version("ecosysteem")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = [
    "EZ",
    "ID",
    "Activity",
    "AcuteCareNetwork",
    "CareChain",
    "Collaboration",
    "Concept",
    "DataError",
    "EcosysteemError",
    "Ecosystem",
    "Framework",
    "Goal",
    "Group",
    "Meeting",
    "Membership",
    "ModelError",
    "Network",
    "Organisation",
    "Output",
    "OutputError",
    "ParseError",
    "Person",
    "Pilot",
    "Plan",
    "Programme",
    "Project",
    "QueryError",
    "Region",
    "ResourceError",
    "SourceDocument",
    "SupraRegionalCollaboration",
    "ValidationReport",
    "Violation",
    "__version__",
    "from_graph",
    "load",
    "slugify",
    "to_graph",
]
