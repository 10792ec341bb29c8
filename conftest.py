"""Names every doctest in ``src/`` may use without importing them (root conftest, so ``pytest src`` works too)."""

from __future__ import annotations

import pytest
from rdflib import Graph

import ecosysteem


@pytest.fixture(autouse=True)
def _doctest_namespace(doctest_namespace: dict[str, object]) -> None:
    doctest_namespace["ecosysteem"] = ecosysteem
    doctest_namespace["Graph"] = Graph
