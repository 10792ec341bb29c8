"""A synthetic national ecosystem: realistic, deterministic, and large on demand — for tests and benchmarks.

The generator writes RDF text directly (N-Triples or Turtle), line by line, so 100,000 organisations take seconds
rather than minutes. Everything it writes is fiction shaped like the real thing and marked as such: every IRI's
slug starts with ``synthetic-``, every label ends in "(synthetisch)"/"(synthetic)", and every entity's
``dcterms:source`` is one :data:`~ecosysteem.vocab.EZ` ``SourceDocument`` that names the generator, the seed and
the size. It uses the vocabulary of the real datasets (``datasets/README.md``): the organisation-type, role,
theme, pillar and status schemes of ``ontology/vocabularies.ttl``, the bijenkorf functions, loops and actions of
``datasets/002-bijenkorf.ttl`` and the national collaboration ``collaboration/loco`` of ``datasets/national.ttl``
— so load the file **together with the defaults** (``ecosysteem.load(path)``, the default).

Shape of the ecosystem
----------------------
- 65 regional networks in 7 supra-regional collaborations (18 · 7 · 10 · 4 · 10 · 7 · 9), named after the
  regions and consortia in ``shared/reference/networks.csv`` and ``supraregions.csv`` (the regional split is an
  approximation: several real member lists were not found), each with a region, an annual plan with two goals,
  six workgroups and one network group; each supra-regional collaboration hosted by a UMC, with a work plan.
- Organisations in the national proportions of :data:`NATIONAL_COUNTS`, spread over the networks with unequal
  (seeded) network sizes. Organisations that are formal members of a network (hospitals, home care, nursing
  homes, hospices, VPTZ …) get an ``org:Membership``; GP practices, pharmacies and PaTz groups usually are not
  members individually (they are represented through their GP organisation) and appear as activity partners.
- Activities (about one per ten organisations, at least eight per network) in the plans, with a pillar, a
  workgroup, a theme, responsible parties, 1–5 participants, participant roles and kinds, a period and a status;
  some serve a bijenkorf function, action or loop. Care chains (dementia, stroke, Parkinson's) per network and
  eleven acute-care networks (ROAZ regions), most of them linked to a network through an activity.
- Gaps by design, so that every gap type of :data:`ecosysteem.analysis.gaps.GAP_TYPES` has findings: each
  supra-regional collaboration leaves one function and one action unserved; some education and research
  activities have no education or research partner; one network is in no supra-regional collaboration and one
  collaboration has no national link; some networks have only first-line activities (transmural gap) or lack a
  partner type; some activities have no owner, no period, or ended without a result; most lack the patient
  voice; some chains are not connected; one network's consortium membership is uncertain. Articulation points
  and duplicated themes arise by themselves.

The package: :mod:`._data` holds the national counts, regions and vocabularies and the RDF writer;
:mod:`._build` writes each kind of entity in turn.

Progress: writing reports through :func:`ecosysteem._progress.task` ("generating", one unit per
organisation), so the command line shows a bar on a terminal and scripts stay quiet.

Determinism: the same ``organisations`` and ``seed`` give the same bytes, on every platform (only
:class:`random.Random` ``random``/``randrange``/``choice``/``choices``/``shuffle`` are used, and nothing depends
on the clock or on hash order).

>>> buf = io.StringIO()
>>> triples = write_synthetic(buf, 100, seed=1)
>>> buf.getvalue().count("<https://w3id.org/ecosysteem/def#Network> .")
65
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TextIO, cast

from rdflib import Graph

from ecosysteem._files import atomic_file
from ecosysteem._progress import task
from ecosysteem.synthetic._build import generate_into
from ecosysteem.synthetic._data import (
    MIN_ORGANISATIONS,
    NATIONAL_COUNTS,
    SUPRAREGIONS,
    NationalCount,
    SyntheticFormat,
    _Writer,
)

__all__ = [
    "MIN_ORGANISATIONS",
    "NATIONAL_COUNTS",
    "SUPRAREGIONS",
    "NationalCount",
    "SyntheticFormat",
    "generate",
    "synthetic_graph",
    "write_synthetic",
]


def write_synthetic(
    out: TextIO,
    organisations: int,
    seed: int = 0,
    format: SyntheticFormat = "nt",
) -> int:
    """Write a synthetic national ecosystem to the text stream ``out`` and return the number of triples.

    Parameters
    ----------
    out:
        a text stream (a file opened with ``encoding="utf-8"``, :class:`io.StringIO` …).
    organisations:
        how many organisations (at least :data:`MIN_ORGANISATIONS`); ≈14,000 is national scale.
    seed:
        the random seed: the same ``organisations`` and ``seed`` give the same bytes.
    format:
        ``"nt"`` (N-Triples) or ``"turtle"``.

    >>> import io
    >>> buf = io.StringIO()
    >>> write_synthetic(buf, 100, seed=7) > 1000
    True
    """
    if organisations < MIN_ORGANISATIONS:
        raise ValueError(f"organisations must be at least {MIN_ORGANISATIONS}, got {organisations}")
    if format not in ("nt", "turtle"):
        raise ValueError(f"format must be 'nt' or 'turtle', got {format!r}")
    w = _Writer(out, format)
    with task("generating", organisations) as advance:
        generate_into(w, organisations, seed, advance)
    return w.triples


def generate(
    path: str | Path,
    organisations: int,
    seed: int = 0,
    format: SyntheticFormat | None = None,
) -> int:
    """Write a synthetic national ecosystem to ``path`` (atomically) and return the number of triples.

    Parameters
    ----------
    path:
        the file to write; written to a temporary file next to it and renamed, so it is never half-written.
    organisations, seed:
        see :func:`write_synthetic`.
    format:
        ``"nt"`` or ``"turtle"``; by default ``nt`` for a ``.nt`` file and ``turtle`` otherwise.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as d:
    ...     generate(pathlib.Path(d) / "nl.ttl", 100, seed=3) > 1000
    True
    """
    path = Path(path)
    fmt: SyntheticFormat = format or ("nt" if path.suffix.lower() == ".nt" else "turtle")
    if organisations < MIN_ORGANISATIONS:  # before creating anything
        raise ValueError(f"organisations must be at least {MIN_ORGANISATIONS}, got {organisations}")
    with atomic_file(path, "w") as out:
        triples = write_synthetic(cast(TextIO, out), organisations, seed, fmt)
    return triples


def synthetic_graph(organisations: int, seed: int = 0) -> Graph:
    """Return the synthetic ecosystem as an rdflib :class:`~rdflib.Graph` (data only; meant for small sizes).

    Add it to the defaults to analyse it: ``eco = ecosysteem.load(); eco.graph += synthetic_graph(500)``.

    >>> g = synthetic_graph(100, seed=2)
    >>> len(g) > 1000
    True
    """
    buf = io.StringIO()
    write_synthetic(buf, organisations, seed, "nt")
    graph = Graph()
    graph.parse(data=buf.getvalue(), format="nt")
    return graph
