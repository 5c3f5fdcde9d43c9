"""Query results for the tabular layer (table, CSV, JSON), and as Turtle.

Formatting is separate from running: ``rows`` turns a finished ``Result``
into ``tabular.Rows`` (a SELECT's solutions, or a CONSTRUCT's triples as
subject/predicate/object), which ``orgkg.tabular`` writes as the rows arrive.
"""

from __future__ import annotations

import json
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


def rows(result: Result) -> tabular.Rows:
    """A SELECT's solutions, a CONSTRUCT's (or DESCRIBE's) triples, or an ASK's answer, as rows."""
    footer = (lambda n: f"{n} rows")  # noqa: E731 (a one-line caption)
    if result.form == "ASK":
        return tabular.Rows(("answer",), [(result.boolean,)])
    if result.form in ("CONSTRUCT", "DESCRIBE"):
        triples = ((t.subject, t.predicate, t.object) for t in sorted(result.triples, key=str))
        return tabular.Rows(("subject", "predicate", "object"), triples, python_value, short, footer=footer)
    return tabular.Rows(result.variables, result.rows, python_value, short, footer=footer)


def write(result: Result, fmt: str, out: TextIO) -> None:
    """The result in one of ``FORMATS``; an ASK's JSON is the bare boolean."""
    if fmt == "turtle":
        out.write(to_turtle(result))
    elif fmt == "json" and result.form == "ASK":
        out.write(json.dumps(result.boolean) + "\n")
    else:
        tabular.write(rows(result), fmt, out)


def to_turtle(result: Result) -> str:
    if result.form not in ("CONSTRUCT", "DESCRIBE"):
        raise QueryError("--format turtle", f"needs a CONSTRUCT or DESCRIBE query, this is {result.form}",
                         "use table, csv or json")
    data = ox.serialize(sorted(result.triples, key=str), format=ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)
    return data.decode("utf-8") if data else ""
