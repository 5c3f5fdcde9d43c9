"""What a query answered, as typed data: solutions, a boolean, or triples."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from orgkg.graph.terms import python_value

Value = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None
Row = tuple[Value, ...]



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
        return ({v: python_value(t) for v, t in zip(self.variables, row, strict=True)} for row in self.rows)
