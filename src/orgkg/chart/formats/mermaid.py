"""Mermaid flowchart (renders in GitHub Markdown); every attribute kept in a ``%%`` comment."""

from __future__ import annotations

import json
import re

from orgkg.chart.formats.base import ChartWriter
from orgkg.chart.style import MENTIONED_FILL, REGISTERED_FILL, VIOLATION, Chart, flat_graph, kind, subtitle

_ENTITIES = {'"': "#quot;", "<": "#lt;", ">": "#gt;", "#": "#35;"}


def text(value: str) -> str:
    """Label text Mermaid shows as written: quotes, angle brackets and # as entity codes."""
    return re.sub(r'["<>#]', lambda m: _ENTITIES[m.group()], value.replace("\n", " "))


def mermaid_source(chart: Chart) -> str:
    graph = flat_graph(chart)
    ids = {iri: f"p{i}" for i, iri in enumerate(sorted(graph))}
    lines = ["flowchart TD", f"  %% {text(chart.title)}: {len(ids)} positions, "
             f"{graph.number_of_edges()} reporting lines"]
    for iri, data in sorted(graph.nodes(data=True)):
        lines.append(f"  %% node {ids[iri]} {json.dumps({'iri': iri, **data}, ensure_ascii=False)}")
    for iri, data in sorted(graph.nodes(data=True)):
        sub = subtitle(data)
        shown = text(str(data["title"])) + (f"<br/><small>{text(sub)}</small>" if sub else "")
        lines.append(f'  {ids[iri]}["{shown}"]')
    for a, b, data in sorted(graph.edges(data=True)):
        lines.append(f"  {ids[a]} {'-->' if data['primary'] else '-.->'} {ids[b]}")
    lines.append(f"  classDef mentioned fill:{MENTIONED_FILL},stroke:#90a4ae,stroke-dasharray:4 3")
    lines.append(f"  classDef registered fill:{REGISTERED_FILL},stroke:#78909c,stroke-dasharray:2 2")
    lines.append(f"  classDef violation stroke:{VIOLATION},stroke-width:3px")
    for iri, data in sorted(graph.nodes(data=True)):
        if data.get("described"):
            lines.append(f"  style {ids[iri]} fill:{data['colour']},stroke:#546e7a")
    for name in ("mentioned", "registered", "violation"):
        members = [ids[i] for i, d in sorted(graph.nodes(data=True))
                   if (bool(d.get("violations")) if name == "violation" else kind(d) == name)]
        if members:
            lines.append(f"  class {','.join(members)} {name}")
    return "\n".join(lines) + "\n"


class MermaidWriter(ChartWriter):
    suffixes = (".mmd", ".mermaid")
    description = "a Mermaid flowchart (GitHub renders it in Markdown)"

    def render(self, chart: Chart) -> bytes:
        return mermaid_source(chart).encode("utf-8")
