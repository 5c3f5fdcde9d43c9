"""A named query's solutions on the embedded store, as plain Python rows.

Shared by every reader of the store that wants dictionaries rather than
RDF terms (the register, the chart view): numbers typed, booleans as bool,
IRIs and other literals as strings.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox

from orgkg.graph.built import BuiltGraph
from orgkg.query.library import get

Row = dict[str, Any]
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "nonNegativeInteger", "positiveInteger", "int", "long")}
_NUMBERS = {_XSD + t for t in ("decimal", "double", "float")}


def python_value(term: Any) -> Any:
    """A result term as JSON-ready Python: ``35.0`` is ``35``, ``22.5`` stays ``22.5``."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt in _INTEGERS:
            return int(term.value)
        if dt in _NUMBERS:
            number = float(term.value)
            return int(number) if number.is_integer() else number
        if dt == _XSD + "boolean":
            return term.value == "true"
    return term.value


def rows(graph: BuiltGraph, name: str) -> Iterator[Row]:
    """The solutions of the named query ``name``, one dictionary per row."""
    query = get(name)
    solutions = graph.query(query.text, union=query.union)
    assert isinstance(solutions, ox.QuerySolutions)
    variables = [v.value for v in solutions.variables]
    for solution in solutions:
        yield {v: python_value(solution[v]) for v in variables}
