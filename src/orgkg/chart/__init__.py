"""Reporting-line charts: a networkx view of the graph, measured, selected, and drawn.

    view = reporting_view(store, findings)   # posts and reporting lines, facts as attributes
    shape = measure(view)                    # span, depth, head count; roots, orphans, cycles
    chart = Chart(select(view, Selection(root="IT Program Manager")), ColourBy.level)
    writer_for(Path("chart.html")).write(chart, Path("chart.html"))
"""

from __future__ import annotations

from orgkg.chart.findings import Finding, Findings
from orgkg.chart.formats import WRITERS, writer_for
from orgkg.chart.metrics import Shape, measure
from orgkg.chart.select import Selection, find_position, find_unit, select
from orgkg.chart.style import Chart, ColourBy
from orgkg.chart.view import reporting_view

__all__ = [
    "WRITERS", "Chart", "ColourBy", "Finding", "Findings", "Selection", "Shape", "find_position",
    "find_unit", "measure", "reporting_view", "select", "writer_for",
]
