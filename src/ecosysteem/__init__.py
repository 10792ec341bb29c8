"""ecosysteem — a knowledge graph of the Dutch palliative-care ecosystem.

Organisations, the regional *Netwerken Palliatieve Zorg*, supra-regional collaborations (the *bijenkorf*) and the
national level, with their functions and activities, as an RDF graph you can load, extend, query and analyse.

>>> import ecosysteem
>>> eco = ecosysteem.load()                      # ontology + the default datasets
>>> sorted(n.label_nl for n in eco.networks() if "Twente" in n.label_nl)
['Netwerken Palliatieve Zorg Twente']
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from ecosysteem.analysis.diff import Diff, diff
from ecosysteem.errors import (
    DataError,
    EcosysteemError,
    ModelError,
    OutputError,
    ParseError,
    QueryError,
    ResourceError,
)
from ecosysteem.graph import Ecosystem, Store, ValidationReport, Violation, from_graph, load, open_store, to_graph
from ecosysteem.graph.privacy import without_personal_data
from ecosysteem.graph.synthetic import generate, synthetic_graph
from ecosysteem.graph.workbook import WorkbookError, export_workbook, import_workbook, template_workbook
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
    "Diff",
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
    "Store",
    "SupraRegionalCollaboration",
    "ValidationReport",
    "Violation",
    "WorkbookError",
    "__version__",
    "diff",
    "export_workbook",
    "from_graph",
    "generate",
    "import_workbook",
    "load",
    "open_store",
    "slugify",
    "synthetic_graph",
    "template_workbook",
    "to_graph",
    "without_personal_data",
]
