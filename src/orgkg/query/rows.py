"""A named query's solutions on the embedded store, as plain Python rows.

Shared by every reader of the store that wants dictionaries rather than
RDF terms (the register, the chart view); values as ``graph.terms.python_value``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox

from orgkg.graph.built import BuiltGraph
from orgkg.graph.terms import python_value
from orgkg.query.library import get

Row = dict[str, Any]


def rows(graph: BuiltGraph, name: str) -> Iterator[Row]:
    """The solutions of the named query ``name``, one dictionary per row."""
    query = get(name)
    solutions = graph.query(query.text, union=query.union)
    assert isinstance(solutions, ox.QuerySolutions)
    variables = [v.value for v in solutions.variables]
    for solution in solutions:
        yield {v: python_value(solution[v]) for v in variables}
