"""Graphviz DOT, written in pure Python: boxes top-down, every attribute kept on its node."""

from __future__ import annotations

import html
import textwrap
from typing import Any

from orgkg.chart.formats.base import ChartWriter
from orgkg.chart.style import MENTIONED_FILL, REGISTERED_FILL, VIOLATION, Chart, flat_graph, kind, subtitle

HEAD = """digraph orgchart {
  graph [rankdir=TB, nodesep=0.25, ranksep=0.55, fontname="Helvetica", fontsize=16, labelloc=t,
         pad=0.3, label=%s];
  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10, color="#546e7a",
        margin="0.14,0.07", penwidth=1.2];
  edge [color="#78909c", arrowhead=none, penwidth=1.2];
"""


def quote(value: Any) -> str:
    """A DOT double-quoted string (``true``/``false`` and numbers as themselves)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def label(data: dict[str, Any]) -> str:
    """An HTML-like label: the title in bold (wrapped), class and level below."""
    lines = textwrap.wrap(str(data["title"]), 30, break_long_words=True) or [""]
    title = "<BR/>".join(html.escape(x) for x in lines)
    if data.get("violations"):
        title = f'<FONT COLOR="{VIOLATION}">&#9888; </FONT>{title}'
    cell = f"<B>{title}</B>" if data.get("described") else f"<I>{title}</I>"
    sub = subtitle(data)
    if sub:
        cell += f'<BR/><FONT POINT-SIZE="8" COLOR="#37474f">{html.escape(sub)}</FONT>'
    return f"<{cell}>"


def _node(iri: str, data: dict[str, Any]) -> str:
    how = kind(data)
    look: dict[str, Any] = {"fillcolor": {"described": data["colour"], "registered": REGISTERED_FILL}.get(
        how, MENTIONED_FILL)}
    if how != "described":
        look["style"] = "rounded,filled,dotted" if how == "registered" else "rounded,filled,dashed"
        look["color"] = data["colour"] if data["colour"] != "#eeeeee" else "#90a4ae"
    if data.get("violations"):
        look.update(color=VIOLATION, penwidth=2.6)
    attrs = [f"label={label(data)}", f"tooltip={quote(data['title'])}"]
    attrs += [f"{k}={quote(v)}" for k, v in {**data, **look}.items()]
    return f"  {quote(iri)} [{', '.join(attrs)}];\n"


def dot_source(chart: Chart) -> str:
    graph = flat_graph(chart)
    parts = [HEAD % quote(chart.title)]
    parts += [_node(iri, data) for iri, data in sorted(graph.nodes(data=True))]
    for a, b, data in sorted(graph.edges(data=True)):
        extra = "" if data["primary"] else ", style=dashed"
        attrs = ", ".join(f"{k}={quote(v)}" for k, v in data.items())
        parts.append(f"  {quote(a)} -> {quote(b)} [{attrs}{extra}];\n")
    parts.append("}\n")
    return "".join(parts)


class DotWriter(ChartWriter):
    suffixes = (".dot", ".gv")
    description = "Graphviz DOT source (render it with `dot -Tsvg`)"

    def render(self, chart: Chart) -> bytes:
        return dot_source(chart).encode("utf-8")
