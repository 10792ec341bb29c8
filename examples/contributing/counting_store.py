"""An example store, written as CONTRIBUTING.md's third recipe says: one module and one entry in STORE_KINDS.

A store that answers like the rdflib memory store and counts the SPARQL queries it is asked, for finding out
what a command asks of a store. ``tests/test_contributing.py`` registers it as ``counting`` and runs the gap
report and every named query on it.
"""

from __future__ import annotations

from typing import Any

from ecosysteem.graph.stores import Store, StoreKind
from ecosysteem.graph.stores.memory import MemoryStore


class CountingStore(MemoryStore):
    """The memory store, counting the queries it answers."""

    kind = "counting"

    def __init__(self) -> None:
        super().__init__()
        self.queries = 0

    def query(self, sparql: str, *args: Any, **kwargs: Any) -> Any:
        self.queries += 1
        return super().query(sparql, *args, **kwargs)


def open_counting(rest: str, options: dict[str, Any]) -> Store:
    """``counting`` takes no argument and no option."""
    return CountingStore()


KIND = StoreKind("counting", open_counting)
"""The entry for ``ecosysteem.graph.stores.STORE_KINDS``."""
