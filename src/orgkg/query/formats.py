"""Query results as text: table, CSV, JSON (a stable array of objects) or Turtle.

Formatting is separate from running: every function takes a finished ``Result``.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Callable, Iterable
from typing import Any, TextIO

import pyoxigraph as ox
from rich.console import Console
from rich.table import Table

from orgkg.errors import QueryError
from orgkg.graph.terms import python_value as plain
from orgkg.mapping.namespaces import PREFIXES
from orgkg.query.results import Result, Value

# "id:post\/x" would need escaped slashes in Turtle: instance IRIs are written whole.
TURTLE_PREFIXES = {p: ns for p, ns in PREFIXES.items() if p != "id"}


def short(term: Value) -> str:
    """A term for people: IRIs as CURIEs where a prefix fits, literals as their text."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, ns in PREFIXES.items():
            if term.value.startswith(ns) and len(term.value) > len(ns):
                return f"{prefix}:{term.value[len(ns):]}"
        return term.value
    value = plain(term)
    return str(value).lower() if isinstance(value, bool) else str(value)


def write_json(result: Result, out: TextIO) -> None:
    """A JSON array, written a row at a time (the same text as ``json.dumps(rows, indent=2)``)."""
    if result.form == "ASK":
        out.write(json.dumps(result.boolean) + "\n")
        return
    items: Iterable[Any] = result.records()
    if result.triples or result.form in ("CONSTRUCT", "DESCRIBE"):
        items = ([plain(t.subject), plain(t.predicate), plain(t.object)]
                 for t in sorted(result.triples, key=str))
    first = True
    for item in items:
        out.write("[\n" if first else ",\n")
        out.write(textwrap.indent(json.dumps(item, indent=2, ensure_ascii=False), "  "))
        first = False
    out.write("[]\n" if first else "\n]\n")


def write_csv(result: Result, out: TextIO) -> None:
    """CSV with a header line, written a row at a time."""
    w = csv.writer(out, lineterminator="\n")
    if result.form == "ASK":
        w.writerows([["answer"], [str(result.boolean).lower()]])
    elif result.form in ("CONSTRUCT", "DESCRIBE"):
        w.writerow(["subject", "predicate", "object"])
        w.writerows([[plain(t.subject), plain(t.predicate), plain(t.object)]
                     for t in sorted(result.triples, key=str)])
    else:
        w.writerow(result.variables)
        w.writerows(["" if t is None else plain(t) for t in row] for row in result.rows)


def to_json(result: Result) -> str:
    out = io.StringIO()
    write_json(result, out)
    return out.getvalue()


def to_csv(result: Result) -> str:
    out = io.StringIO()
    write_csv(result, out)
    return out.getvalue()


def to_turtle(result: Result) -> str:
    if result.form not in ("CONSTRUCT", "DESCRIBE"):
        raise QueryError("--format turtle", f"needs a CONSTRUCT or DESCRIBE query, this is {result.form}",
                         "use table, csv or json")
    data = ox.serialize(sorted(result.triples, key=str), format=ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)
    return data.decode("utf-8") if data else ""


def print_table(result: Result, console: Console) -> None:
    if result.form == "ASK":
        console.print(str(result.boolean).lower())
        return
    if result.form in ("CONSTRUCT", "DESCRIBE"):
        heads: tuple[str, ...] = ("subject", "predicate", "object")
        rows: list[tuple[Value, ...]] = [(t.subject, t.predicate, t.object)
                                         for t in sorted(result.triples, key=str)]
    else:
        heads, rows = result.variables, list(result.rows)
    table = Table(*heads, show_lines=False)
    for row in rows:
        table.add_row(*(short(t) for t in row))
    console.print(table)
    console.print(f"{len(rows)} rows", style="dim")


TEXT_FORMATS: dict[str, Callable[[Result], str]] = {"json": to_json, "csv": to_csv, "turtle": to_turtle}
# The formats written as the rows arrive (a query of millions of rows starts at once).
STREAMED: dict[str, Callable[[Result, TextIO], None]] = {"json": write_json, "csv": write_csv}
