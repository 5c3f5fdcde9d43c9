"""What a query answered, as typed data: solutions, a boolean, or triples."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

Value = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None
Row = tuple[Value, ...]

_INTEGER = {"integer", "nonNegativeInteger", "positiveInteger", "int", "long", "short",
            "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong"}
_NUMBER = {"decimal", "double", "float"}
_XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True)
class Result:
    """One query's answer. ``form`` is SELECT, ASK, CONSTRUCT or DESCRIBE."""

    form: str
    variables: tuple[str, ...] = ()
    # A tuple, or (a local SELECT) a one-pass iterator: rows are read from the store as they are
    # written out, so a query of millions of rows starts at once and holds little memory.
    rows: Iterable[Row] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = field(default_factory=tuple)

    def records(self) -> Iterator[dict[str, Any]]:
        """Rows as JSON-ready dicts: numbers as numbers, booleans as booleans, IRIs as strings."""
        return ({v: plain(t) for v, t in zip(self.variables, row, strict=True)} for row in self.rows)


def plain(term: Value) -> Any:
    """A result term as a plain Python value."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        local = dt[len(_XSD):] if dt.startswith(_XSD) else ""
        if local in _INTEGER:
            return int(term.value)
        if local in _NUMBER:
            number = float(term.value)
            return int(number) if number.is_integer() and local == "decimal" else number
        if local == "boolean":
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value
