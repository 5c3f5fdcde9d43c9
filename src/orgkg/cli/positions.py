"""`orgkg positions --graph DIR`: the position register."""

from __future__ import annotations

from pathlib import Path

import click

from orgkg import tabular
from orgkg.cli.common import graph_option, translate_errors
from orgkg.graph.built import BuiltGraph
from orgkg.register import formats
from orgkg.register.positions import positions as register


@click.command(epilog="Example: orgkg positions --graph out --format json > positions.json")
@graph_option
@click.option("--format", "fmt", type=click.Choice(tabular.FORMATS), default=None,
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
    tabular.write(formats.rows(records), fmt or tabular.default_format())
