"""`orgkg report --graph DIR --out report.html`: spans and layers, one offline page with its plots."""

from __future__ import annotations

from pathlib import Path

import click

from orgkg.cli.common import graph_option, stderr_console, translate_errors
from orgkg.graph.built import BuiltGraph
from orgkg.report import PlotFormat, read_figures, render_page, write_plots


@click.command(epilog="Example: orgkg report --graph out --out report.html --plots plots --plot-format png")
@graph_option
@click.option("--out", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="The HTML page to write.")
@click.option("--plots", "plots_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Also write each plot as a file into this folder.")
@click.option("--plot-format", type=click.Choice([f.value for f in PlotFormat]), default=PlotFormat.svg.value,
              show_default=True, help="The plots' file format (with --plots).")
@click.option("--title", default="Spans and layers", show_default=True, help="The page's heading.")
@translate_errors
def report(graph_dir: Path, out: Path, plots_dir: Path | None, plot_format: str, title: str) -> None:
    """Spans of control and layers of the organisation: figures, tables and plots on one page.

    Read from the graph with the named queries (span-summary, span-distribution,
    positions-per-layer, layers-per-unit, managers-per-staff, positions-per-level,
    longest-chain); the page asks for nothing over the network.
    """
    figures = read_figures(BuiltGraph.open(graph_dir))
    out.write_text(render_page(figures, title=title), encoding="utf-8")
    console = stderr_console()
    s = figures.spans
    console.print(f"{out}: {figures.whole.posts} posts, {figures.depth} layers, {s.managers} managers, "
                  f"mean span {'-' if s.mean is None else f'{s.mean:.1f}'}, "
                  f"{s.narrow} with 1 or 2 reports", markup=False)
    if plots_dir is not None:
        for path in write_plots(figures, plots_dir, PlotFormat(plot_format)):
            console.print(f"{path}", markup=False)
