"""GEXF for Gephi, written by networkx: labels, colours and tree positions as ``viz``."""

from __future__ import annotations

import io

import networkx as nx

from orgkg.chart.formats.base import ChartWriter
from orgkg.chart.layout import tree_layout
from orgkg.chart.style import MENTIONED_FILL, REGISTERED_FILL, Chart, flat_graph, kind


def _rgb(colour: str) -> dict[str, int | float]:
    return {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16), "a": 1.0}


def gexf_graph(chart: Chart) -> nx.DiGraph:
    graph = flat_graph(chart)
    where = tree_layout(graph)
    for iri, data in graph.nodes(data=True):
        fill = {"described": data["colour"], "registered": REGISTERED_FILL}.get(kind(data), MENTIONED_FILL)
        x, y = where[iri]
        data["label"] = data["title"]
        data["viz"] = {"color": _rgb(fill), "size": 10.0 + min(data.get("headcount", 0), 40) / 4,
                       "position": {"x": x, "y": -y, "z": 0.0}}
    return graph


class GexfWriter(ChartWriter):
    suffixes = (".gexf",)
    description = "GEXF 1.2 for Gephi"

    def render(self, chart: Chart) -> bytes:
        buffer = io.BytesIO()
        nx.write_gexf(gexf_graph(chart), buffer, version="1.2draft")
        return buffer.getvalue()
