"""The one tabular output layer: rows as a terminal table, CSV or JSON.

    rows = Rows(("title", "level"), [("Chief", "EX-03")])
    write(rows, default_format(), sys.stdout)

Every command that prints rows (``positions``, ``query``, ``validate``) goes
through it: its ``--format`` choices start from ``FORMATS``, its default is
``default_format`` (a table on a terminal, JSON otherwise), and the writers
take rows as they arrive (a query of millions of rows starts at once). The
summaries commands print on standard error (``export``'s counts, ``chart``'s
figures) are small tables written as aligned text (``write_text``). In a
table, cell text from documents is printed as text, never read as terminal
markup (a title holding ``[/]``, ``[red]`` or ``[link=...]`` shows as written).
"""

from __future__ import annotations

import csv
import json
import os
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from rich.console import Console
from rich.table import Column, Table
from rich.text import Text

FORMATS = ("table", "csv", "json")


def cell_text(value: Any) -> str:
    """A plain value as one cell of text: booleans as in JSON, lists joined with ``; ``, a mapping's values
    with spaces."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "; ".join(cell_text(v) for v in value)
    if isinstance(value, dict):
        return " ".join(cell_text(v) for v in value.values() if v is not None)
    return str(value)


@dataclass(frozen=True)
class Rows:
    """Named columns and their rows (read once). ``value`` turns a cell into its JSON/CSV value,
    ``text`` into what a table shows; ``shown`` are the columns a table shows (all by default)."""

    columns: Sequence[str]
    rows: Iterable[Sequence[Any]]
    value: Callable[[Any], Any] = lambda cell: cell
    text: Callable[[Any], str] = cell_text
    shown: Sequence[str] | None = None
    title: str | None = None
    footer: Callable[[int], str] | None = None  # from the number of rows, printed after a table

    def records(self) -> Iterable[dict[str, Any]]:
        return ({c: self.value(v) for c, v in zip(self.columns, row, strict=True)} for row in self.rows)


def default_format(stream: TextIO | None = None) -> str:
    """A table on a terminal, JSON otherwise (piped or redirected)."""
    return "table" if (stream or sys.stdout).isatty() else "json"


def console(stream: TextIO | None = None) -> Console:
    """Tables on standard output: the terminal's width, or wide when piped."""
    out = stream or sys.stdout
    return Console(file=out, width=None if out.isatty() else 200, no_color="NO_COLOR" in os.environ)


def write(rows: Rows, fmt: str, out: TextIO | None = None) -> None:
    """The rows in one of ``FORMATS`` on ``out`` (standard output by default)."""
    out = out or sys.stdout
    WRITERS[fmt](rows, out)
    out.flush()


def write_json(rows: Rows, out: TextIO) -> None:
    """A JSON array of objects, written an object at a time (the text of ``json.dumps(list, indent=2)``)."""
    first = True
    for item in rows.records():
        out.write("[\n" if first else ",\n")
        out.write(textwrap.indent(json.dumps(item, indent=2, ensure_ascii=False), "  "))
        first = False
    out.write("[]\n" if first else "\n]\n")


def write_csv(rows: Rows, out: TextIO) -> None:
    """CSV with a header line, a row at a time; lists joined with ``; ``."""
    w = csv.writer(out, lineterminator="\n")
    w.writerow(rows.columns)
    value = rows.value  # each cell's value, then its text: ``records`` less the dictionary per row
    w.writerows([cell_text(value(v)) for v in row] for row in rows.rows)


def write_table(rows: Rows, out: TextIO) -> None:
    """A terminal table: every cell and heading as plain text (``rich.text.Text``), never markup."""
    shown = list(rows.shown or rows.columns)
    at = [list(rows.columns).index(c) for c in shown]
    table = Table(*(Column(header=Text(c)) for c in shown), title=Text(rows.title) if rows.title else None,
                  title_justify="left")
    n = 0
    for row in rows.rows:
        table.add_row(*(Text(rows.text(row[i])) for i in at))
        n += 1
    target = console(out)
    target.print(table)
    if rows.footer is not None:
        target.print(Text(rows.footer(n), style="dim"))


def write_text(rows: Rows, out: TextIO) -> None:
    """A small table as aligned plain text, for a summary: a line per row, columns two spaces apart,
    a column of numbers right-aligned, no borders; then the footer (``rows`` are read whole)."""
    shown = list(rows.shown or rows.columns)
    at = [list(rows.columns).index(c) for c in shown]
    body = [[row[i] for i in at] for row in rows.rows]
    cells = [list(shown)] + [[rows.text(v) for v in row] for row in body]
    widths = [max(len(line[k]) for line in cells) for k in range(len(shown))]
    right = [bool(body) and all(isinstance(row[k], int | float) or row[k] is None for row in body)
             for k in range(len(shown))]
    for line in cells:
        text = "  ".join(c.rjust(w) if r else c.ljust(w) for c, w, r in zip(line, widths, right, strict=True))
        out.write(text.rstrip() + "\n")
    if rows.footer is not None:
        out.write(rows.footer(len(body)) + "\n")
    out.flush()


WRITERS: dict[str, Callable[[Rows, TextIO], None]] = {
    "table": write_table, "csv": write_csv, "json": write_json}
