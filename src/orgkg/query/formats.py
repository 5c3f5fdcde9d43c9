"""Query results for the tabular layer (table, CSV, JSON), and as Turtle.

Formatting is separate from running: ``rows`` turns a finished ``Result``
into ``tabular.Rows`` (a SELECT's solutions, or a CONSTRUCT's triples as
subject/predicate/object), which ``orgkg.tabular`` writes as the rows arrive.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import islice
from typing import TextIO

import pyoxigraph as ox

from orgkg import tabular
from orgkg.errors import QueryError
from orgkg.graph.terms import python_value
from orgkg.mapping.namespaces import PREFIXES, TURTLE_PREFIXES
from orgkg.query.results import Result, Value

FORMATS = (*tabular.FORMATS, "turtle")


def short(term: Value) -> str:
    """A term for people: IRIs as CURIEs where a prefix fits, literals as their text."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, ns in PREFIXES.items():
            if term.value.startswith(ns) and len(term.value) > len(ns):
                return f"{prefix}:{term.value[len(ns):]}"
        return term.value
    value = python_value(term)
    return str(value).lower() if isinstance(value, bool) else str(value)


def rows(result: Result, *, limit: int | None = None) -> tabular.Rows:
    """A SELECT's solutions, a CONSTRUCT's (or DESCRIBE's) triples, or an ASK's answer, as rows;
    ``limit``: only the first rows (a table's caption then says how many there were in all)."""
    if result.form == "ASK":
        return tabular.Rows(("answer",), [(result.boolean,)])
    if result.form in ("CONSTRUCT", "DESCRIBE"):
        columns: tuple[str, ...] = ("subject", "predicate", "object")
        body: Iterator[Sequence[Value]] = ((t.subject, t.predicate, t.object)
                                           for t in sorted(result.triples, key=str))
    else:
        columns, body = result.variables, iter(result.rows)
    if limit is None:
        return tabular.Rows(columns, body, python_value, short, footer=lambda n: f"{n} rows")

    def caption(n: int) -> str:  # read after the rows shown, for a table only: the rest is then counted
        total = n + sum(1 for _ in body)
        return f"{n} rows" if total == n else f"the first {n} of {total} rows (--limit {limit})"
    return tabular.Rows(columns, islice(body, limit), python_value, short, footer=caption)


def write(result: Result, fmt: str, out: TextIO, *, limit: int | None = None) -> None:
    """The result in one of ``FORMATS``; an ASK's JSON is the bare boolean; ``limit`` as ``rows``."""
    if fmt == "turtle":
        out.write(to_turtle(result if limit is None else replace(result, triples=result.triples[:limit])))
    elif fmt == "json" and result.form == "ASK":
        out.write(json.dumps(result.boolean) + "\n")
    else:
        tabular.write(rows(result, limit=limit), fmt, out)


def to_turtle(result: Result) -> str:
    if result.form not in ("CONSTRUCT", "DESCRIBE"):
        raise QueryError("--format turtle", f"needs a CONSTRUCT or DESCRIBE query, this is {result.form}",
                         "use table, csv or json")
    data = ox.serialize(sorted(result.triples, key=str), format=ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)
    return data.decode("utf-8") if data else ""
