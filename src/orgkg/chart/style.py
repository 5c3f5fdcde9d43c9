"""What every chart format shares: the chart to draw, colours, labels, flat attributes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import Enum
from typing import Any

import networkx as nx

from orgkg.chart.findings import Finding, worst


class ColourBy(Enum):
    level = "level"
    job_class = "class"
    unit = "unit"
    document = "document"

    @property
    def attribute(self) -> str:
        return {"class": "job_class"}.get(self.value, self.value)


# Soft fills that stay readable under dark text (Tableau 20's light half and friends).
PALETTE = ("#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2",
           "#dbdb8d", "#9edae5", "#fdd0a2", "#c7e9c0", "#dadaeb", "#fcbba1", "#d9d9d9")
NONE_COLOUR = "#eeeeee"
MENTIONED_FILL = "#ffffff"
REGISTERED_FILL = "#eef3f7"
VIOLATION = "#c62828"


@dataclass(frozen=True)
class Chart:
    """A selected view and how to present it."""

    graph: nx.DiGraph
    colour_by: ColourBy = ColourBy.unit
    title: str = "Reporting lines"

    def colours(self) -> dict[str, str]:
        """Colour of each value of the colour-by attribute: commonest values first."""
        counts = Counter(v for v in (d.get(self.colour_by.attribute) for _, d in self.graph.nodes(data=True))
                         if v is not None)
        ordered = sorted(counts, key=lambda v: (-counts[v], str(v)))
        return {str(v): PALETTE[i % len(PALETTE)] for i, v in enumerate(ordered)}

    def colour(self, iri: str, colours: dict[str, str]) -> str:
        value = self.graph.nodes[iri].get(self.colour_by.attribute)
        return NONE_COLOUR if value is None else colours[str(value)]


def subtitle(data: dict[str, Any]) -> str:
    """The second line of a position's box: class and level, when known."""
    parts = [str(p) for p in (data.get("class_code") or data.get("job_class"), data.get("level")) if p]
    if data.get("class_code") and data.get("job_class") and data["class_code"] != data["job_class"]:
        parts[0] = f"{data['class_code']} {data['job_class']}"
    return " · ".join(parts) if parts else {"described": "", "registered": "registered, not described"}.get(
        kind(data), "mentioned only")


def kind(data: dict[str, Any]) -> str:
    """``described`` (a document describes it), ``registered`` (only a position register lists it)
    or ``mentioned`` (documents only name it): each is drawn its own way."""
    if data.get("described"):
        return "described"
    return "registered" if data.get("registered") else "mentioned"


def findings_text(findings: tuple[Finding, ...]) -> str:
    return "\n".join(f"{f.severity}: {f.message}" for f in findings)


NODE_FIELDS = ("title", "described", "registered", "document", "documents", "unit", "job_class", "class_code",
               "level", "series", "series_rank", "span", "depth", "headcount", "findings", "severity",
               "violations")
EDGE_FIELDS = ("primary", "documents")


def flat_node(data: dict[str, Any]) -> dict[str, Any]:
    """A node's attributes as scalars (str, int, bool), absent ones left out: for file formats."""
    findings: tuple[Finding, ...] = data.get("findings", ())
    flat = {
        **{k: data.get(k) for k in NODE_FIELDS[:-3]},
        "documents": "; ".join(data.get("documents", ())),
        "findings": findings_text(findings) or None,
        "severity": worst(findings),
        "violations": sum(1 for f in findings if f.severity == "Violation"),
    }
    return {k: v for k, v in flat.items() if v is not None}


def flat_edge(data: dict[str, Any]) -> dict[str, Any]:
    return {"primary": bool(data.get("primary")), "documents": "; ".join(data.get("documents", ()))}


def flat_graph(chart: Chart) -> nx.DiGraph:
    """The chart's graph with scalar attributes only, plus ``colour`` (the fill)."""
    colours = chart.colours()
    out = nx.DiGraph()
    for iri, data in chart.graph.nodes(data=True):
        out.add_node(iri, **flat_node(data), colour=chart.colour(iri, colours))
    for a, b, data in chart.graph.edges(data=True):
        out.add_edge(a, b, **flat_edge(data))
    return out
