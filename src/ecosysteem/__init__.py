"""ecosysteem — a knowledge graph of the Dutch palliative-care ecosystem.

Organisations, the regional *Netwerken Palliatieve Zorg*, supra-regional collaborations (the *bijenkorf*) and the
national level, with their functions and activities, as an RDF graph you can load, extend, query and analyse.

>>> import ecosysteem
>>> eco = ecosysteem.load()                      # ontology + the default datasets
>>> sorted(n.label_nl for n in eco.networks() if "Twente" in n.label_nl)
['Netwerken Palliatieve Zorg Twente']
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ecosysteem.analysis.analyse import analyse
    from ecosysteem.analysis.diff import Diff, diff
    from ecosysteem.analysis.gaps import Finding, find_gaps, summary_line
    from ecosysteem.analysis.queries import run_query
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
    from ecosysteem.graph.ecosystem import validate
    from ecosysteem.graph.privacy import without_personal_data
    from ecosysteem.graph.workbook import WorkbookError, export_workbook, import_workbook, template_workbook
    from ecosysteem.io import export
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
    from ecosysteem.output.html.report import write_report
    from ecosysteem.synthetic import generate, synthetic_graph
    from ecosysteem.vocab import EZ, ID

# Names resolve on first use (PEP 562) so that `import ecosysteem` and `ecosysteem --help` stay fast:
# rdflib, pydantic models and networkx are imported only when a script actually touches them.
_LAZY: dict[str, str] = {
    "Activity": "ecosysteem.model",
    "AcuteCareNetwork": "ecosysteem.model",
    "CareChain": "ecosysteem.model",
    "Collaboration": "ecosysteem.model",
    "Concept": "ecosysteem.model",
    "DataError": "ecosysteem.errors",
    "Diff": "ecosysteem.analysis.diff",
    "EZ": "ecosysteem.vocab",
    "EcosysteemError": "ecosysteem.errors",
    "Ecosystem": "ecosysteem.graph",
    "Finding": "ecosysteem.analysis.gaps",
    "Framework": "ecosysteem.model",
    "Goal": "ecosysteem.model",
    "Group": "ecosysteem.model",
    "ID": "ecosysteem.vocab",
    "Meeting": "ecosysteem.model",
    "Membership": "ecosysteem.model",
    "ModelError": "ecosysteem.errors",
    "Network": "ecosysteem.model",
    "Organisation": "ecosysteem.model",
    "Output": "ecosysteem.model",
    "OutputError": "ecosysteem.errors",
    "ParseError": "ecosysteem.errors",
    "Person": "ecosysteem.model",
    "Pilot": "ecosysteem.model",
    "Plan": "ecosysteem.model",
    "Programme": "ecosysteem.model",
    "Project": "ecosysteem.model",
    "QueryError": "ecosysteem.errors",
    "Region": "ecosysteem.model",
    "ResourceError": "ecosysteem.errors",
    "SourceDocument": "ecosysteem.model",
    "Store": "ecosysteem.graph",
    "SupraRegionalCollaboration": "ecosysteem.model",
    "ValidationReport": "ecosysteem.graph",
    "Violation": "ecosysteem.graph",
    "WorkbookError": "ecosysteem.graph.workbook",
    "analyse": "ecosysteem.analysis.analyse",
    "diff": "ecosysteem.analysis.diff",
    "export": "ecosysteem.io",
    "export_workbook": "ecosysteem.graph.workbook",
    "find_gaps": "ecosysteem.analysis.gaps",
    "from_graph": "ecosysteem.graph",
    "generate": "ecosysteem.synthetic",
    "import_workbook": "ecosysteem.graph.workbook",
    "load": "ecosysteem.graph",
    "open_store": "ecosysteem.graph",
    "run_query": "ecosysteem.analysis.queries",
    "slugify": "ecosysteem.model",
    "summary_line": "ecosysteem.analysis.gaps",
    "synthetic_graph": "ecosysteem.synthetic",
    "template_workbook": "ecosysteem.graph.workbook",
    "to_graph": "ecosysteem.graph",
    "validate": "ecosysteem.graph.ecosystem",
    "without_personal_data": "ecosysteem.graph.privacy",
    "write_report": "ecosysteem.output.html.report",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return _version()
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # cache: later lookups skip __getattr__
    return value


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ecosysteem")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0"


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


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
    "Finding",
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
    "analyse",
    "diff",
    "export",
    "export_workbook",
    "find_gaps",
    "from_graph",
    "generate",
    "import_workbook",
    "load",
    "open_store",
    "run_query",
    "slugify",
    "summary_line",
    "synthetic_graph",
    "template_workbook",
    "to_graph",
    "validate",
    "without_personal_data",
    "write_report",
]
