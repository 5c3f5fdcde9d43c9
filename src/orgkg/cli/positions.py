"""`orgkg positions --graph DIR`: the position register."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from orgkg.cli.common import graph_option, stdout_console, translate_errors
from orgkg.graph.built import BuiltGraph
from orgkg.register import formats
from orgkg.register.positions import positions as register


@click.command(epilog="Example: orgkg positions --graph out --format json > positions.json")
@graph_option
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "table"]), default=None,
              help="Output format (default: table on a terminal, json otherwise).")
@click.option("--evidence", is_flag=True,
              help="Add to each record where each of its values was read (field, value, document, "
                   "start, end, quote).")
@translate_errors
def positions(graph_dir: Path, fmt: str | None, evidence: bool) -> None:
    """Print the position register computed from the graph.

    With --evidence, the offsets count Unicode code points into the text
    `orgkg read FILE` prints.
    """
    records = register(BuiltGraph.open(graph_dir), evidence=evidence)
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    if fmt == "json":
        click.echo(formats.to_json(records), nl=False)
    elif fmt == "csv":
        click.echo(formats.to_csv(records), nl=False)
    else:
        formats.print_table(records, stdout_console())
