"""Findings that compare with a limit say the value found and the limit.

A core SHACL constraint (``sh:maxCount 15``, ``sh:maxInclusive 100``) gives a
result whose message cannot name the number it found. Whatever the engine,
this adds it, engine-independently: ``(16 found; at most 15)``. Counts are
taken in the merged graph along the shape's path; ranges read the result's
value. The limit is the shape's own (after ``--max-span``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from orgkg.graph.built import BuiltGraph
from orgkg.query.values import with_value_rows
from orgkg.validate.model import Result

# component -> (the shape's parameter, how the limit reads, whether the value is counted along the path)
BOUNDS: dict[URIRef, tuple[URIRef, str, bool]] = {
    SH.MaxCountConstraintComponent: (SH.maxCount, "at most", True),
    SH.MinCountConstraintComponent: (SH.minCount, "at least", True),
    SH.MaxInclusiveConstraintComponent: (SH.maxInclusive, "at most", False),
    SH.MinInclusiveConstraintComponent: (SH.minInclusive, "at least", False),
}


def details(graph: BuiltGraph, results: list[Result], shapes: Graph) -> dict[int, str]:
    """For each result (by position in ``results``) that compares with a limit: ``(N found; at most M)``."""
    counts = _counts(graph, [r for r in results if r.component in BOUNDS and BOUNDS[r.component][2]])
    out = {}
    for i, r in enumerate(results):
        if r.component not in BOUNDS:
            continue
        param, reads, counted = BOUNDS[r.component]
        limit = shapes.value(r.shape, param)
        found = counts.get((str(r.focus), r.path or ""), 0) if counted else _plain(r.value)
        if limit is not None and found is not None:
            out[i] = f"({found} found; {reads} {_plain(limit)})"
    return out


def _counts(graph: BuiltGraph, results: Iterable[Result]) -> dict[tuple[str, str], int]:
    """How many distinct values each focus node has along each path (paths come from the shapes)."""
    by_path: dict[str, set[str]] = defaultdict(set)
    for r in results:
        if r.path and isinstance(r.focus, URIRef):
            by_path[r.path].add(str(r.focus))
    view = graph.merged()
    out = {}
    for path, foci in by_path.items():
        text = f"SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE {{ ?this {path} ?v }} GROUP BY ?this"
        rows = view.query(with_value_rows(text, "this", (ox.NamedNode(f) for f in sorted(foci))))
        assert isinstance(rows, ox.QuerySolutions)
        out.update({(row["this"].value, path): int(row["n"].value) for row in rows})
    return out


def _plain(term: Node | None) -> object:
    return term.toPython() if isinstance(term, Literal) else term
