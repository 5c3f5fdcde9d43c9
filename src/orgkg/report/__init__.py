"""The spans-and-layers report: figures read from the graph, plots, one offline page.

    figures = read_figures(BuiltGraph.open(Path("out")))     # typed data (report.figures)
    Path("report.html").write_text(render_page(figures))     # the page (report.page)
    write_plots(figures, Path("plots"), PlotFormat.png)      # each plot as a file (report.plots)
"""

from __future__ import annotations

from orgkg.report.figures import Figures, read_figures
from orgkg.report.page import render_page
from orgkg.report.plots import PLOTS, PlotFormat, write_plots

__all__ = ["PLOTS", "Figures", "PlotFormat", "read_figures", "render_page", "write_plots"]
