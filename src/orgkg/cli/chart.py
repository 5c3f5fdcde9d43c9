"""`orgkg chart --graph DIR --out FILE`: an org chart of the reporting lines."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import networkx as nx

from orgkg import tabular
from orgkg.chart import Chart, ColourBy, Selection, find_position, find_unit, measure, reporting_view, select
from orgkg.chart.formats import WRITERS, writer_for
from orgkg.chart.validation import findings_for
from orgkg.cli.common import graph_option, translate_errors
from orgkg.errors import ChartError
from orgkg.graph.built import BuiltGraph

FORMATS = "\n".join(f"  {s:<9} {w.description}" for s, w in sorted(WRITERS.items()) if s in w.suffixes[:1])


def _title(view: nx.DiGraph, root: str | None, unit: str | None) -> str:
    title = "Reporting lines"
    if root is not None:
        title += f" under {view.nodes[find_position(view, root)]['title']}"
    if unit is not None:
        title += f" in {view.graph['units'][find_unit(view, unit)][0]}"
    return title


@click.command(epilog="Example: orgkg chart --graph out --out chart.html --colour-by level\n\n"
                      f"\b\nFormats, by FILE's extension:\n{FORMATS}")
@graph_option
@click.option("--out", "out", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="File to write; its extension picks the format.")
@click.option("--root", default=None, help="Draw only this position and those under it (IRI or title).")
@click.option("--depth", type=click.IntRange(min=0), default=None,
              help="Draw at most this many layers below the top.")
@click.option("--unit", default=None, help="Draw only posts in this unit and its sub-units (IRI or name).")
@click.option("--colour-by", "colour_by", type=click.Choice([c.value for c in ColourBy]),
              default=ColourBy.unit.value, show_default=True, help="What the box colours show.")
@click.option("--title", default=None, help="The chart's heading (default: says what is drawn).")
@click.option("--findings/--no-findings", "with_findings", default=True, show_default=True,
              help="Validate the graph and mark each position's findings.")
@translate_errors
def chart(graph_dir: Path, out: Path, root: str | None, depth: int | None, unit: str | None,
          colour_by: str, title: str | None, with_findings: bool) -> None:
    """Draw the reporting lines as an org chart: interactive HTML, SVG/PNG, or a graph file."""
    writer = writer_for(out)
    writer.check()
    graph = BuiltGraph.open(graph_dir)
    view = reporting_view(graph, findings_for(graph) if with_findings else None)
    measure(view)
    drawn = select(view, Selection(root=root, unit=unit, depth=depth))
    if drawn.number_of_nodes() == 0:
        raise ChartError(str(graph_dir), "nothing to draw", "the graph or the selection has no positions")
    shape = measure(drawn.copy())
    writer.write(Chart(drawn, ColourBy(colour_by), title or _title(view, root, unit)), out)
    described = sum(1 for _, d in drawn.nodes(data=True) if d["described"])
    figures = (str(out), shape.positions, described, shape.reporting_lines, len(shape.roots),
               len(shape.orphans), shape.layers)
    tabular.write_text(tabular.Rows(SUMMARY, [figures]), sys.stderr)


# The summary printed on standard error: what the chart draws.
SUMMARY = ("chart", "positions", "described", "reporting lines", "top positions", "orphans", "layers")
