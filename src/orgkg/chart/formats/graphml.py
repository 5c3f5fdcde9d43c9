"""GraphML for yEd: data keys for every attribute, plus yFiles graphics so yEd shows names.

yEd turns plain ``<data>`` keys into custom properties; the ``nodegraphics``
key (``y:ShapeNode`` with a ``y:NodeLabel``) is what it draws. Nodes carry a
geometry from the tree layout, so the file opens arranged. networkx reads the
file back (``read_graphml``), the yFiles part as ``label``, ``x``, ``y``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import networkx as nx

from orgkg.chart.formats.base import ChartWriter
from orgkg.chart.layout import tree_layout
from orgkg.chart.style import MENTIONED_FILL, REGISTERED_FILL, VIOLATION, Chart, flat_graph, subtitle
from orgkg.chart.style import kind as post_kind

GRAPHML = "http://graphml.graphdrawing.org/xmlns"
Y = "http://www.yworks.com/xml/graphml"
ET.register_namespace("", GRAPHML)
ET.register_namespace("y", Y)
TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _keys(root: ET.Element, graph: nx.DiGraph) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], type] = {}
    for kind, items in (("node", (d for _, d in graph.nodes(data=True))),
                        ("edge", (d for _, _, d in graph.edges(data=True)))):
        for data in items:
            for k, v in data.items():
                found.setdefault((kind, k), type(v))
    ids: dict[tuple[str, str], str] = {}
    for i, ((kind, name), kind_type) in enumerate(sorted(found.items(), key=lambda x: x[0])):
        ids[kind, name] = f"d{i}"
        ET.SubElement(root, f"{{{GRAPHML}}}key", {"id": f"d{i}", "for": kind, "attr.name": name,
                                                  "attr.type": TYPES[kind_type]})
    ET.SubElement(root, f"{{{GRAPHML}}}key", {"id": "ng", "for": "node", "yfiles.type": "nodegraphics"})
    ET.SubElement(root, f"{{{GRAPHML}}}key", {"id": "eg", "for": "edge", "yfiles.type": "edgegraphics"})
    return ids


def _data(parent: ET.Element, key: str, value: Any) -> None:
    text = str(value).lower() if isinstance(value, bool) else str(value)
    ET.SubElement(parent, f"{{{GRAPHML}}}data", {"key": key}).text = text


def _shape(parent: ET.Element, data: dict[str, Any], xy: tuple[float, float]) -> None:
    lines = [str(data["title"]), subtitle(data)]
    width = max(120, 7 * max(len(x) for x in lines) + 24)
    node = ET.SubElement(ET.SubElement(parent, f"{{{GRAPHML}}}data", {"key": "ng"}), f"{{{Y}}}ShapeNode")
    ET.SubElement(node, f"{{{Y}}}Geometry", {"x": f"{xy[0]:.1f}", "y": f"{xy[1]:.1f}",
                                             "width": str(width), "height": "48"})
    fill = {"described": data["colour"], "registered": REGISTERED_FILL}.get(post_kind(data), MENTIONED_FILL)
    ET.SubElement(node, f"{{{Y}}}Fill", {"color": fill.upper(), "transparent": "false"})
    border = VIOLATION if data.get("violations") else "#546E7A"
    ET.SubElement(node, f"{{{Y}}}BorderStyle", {
        "color": border, "width": "2.5" if data.get("violations") else "1.0",
        "type": "line" if data.get("described") else "dashed"})
    ET.SubElement(node, f"{{{Y}}}NodeLabel", {"alignment": "center", "autoSizePolicy": "content",
                                              "fontFamily": "Dialog", "fontSize": "12",
                                              "fontStyle": "bold" if data.get("described") else "italic",
                                              "modelName": "internal", "modelPosition": "c"}
                  ).text = "\n".join(x for x in lines if x)
    ET.SubElement(node, f"{{{Y}}}Shape", {"type": "roundrectangle"})


def _line(parent: ET.Element, primary: bool) -> None:
    edge = ET.SubElement(ET.SubElement(parent, f"{{{GRAPHML}}}data", {"key": "eg"}), f"{{{Y}}}PolyLineEdge")
    ET.SubElement(edge, f"{{{Y}}}LineStyle", {"color": "#78909C", "width": "1.0",
                                              "type": "line" if primary else "dashed"})
    ET.SubElement(edge, f"{{{Y}}}Arrows", {"source": "none", "target": "none"})


def graphml_root(chart: Chart) -> ET.Element:
    graph = flat_graph(chart)
    root = ET.Element(f"{{{GRAPHML}}}graphml")
    keys = _keys(root, graph)
    body = ET.SubElement(root, f"{{{GRAPHML}}}graph", {"id": "reporting-lines", "edgedefault": "directed"})
    where = tree_layout(graph)
    for iri, data in sorted(graph.nodes(data=True)):
        node = ET.SubElement(body, f"{{{GRAPHML}}}node", {"id": iri})
        for k, v in data.items():
            _data(node, keys["node", k], v)
        _shape(node, data, where[iri])
    for i, (a, b, data) in enumerate(sorted(graph.edges(data=True))):
        edge = ET.SubElement(body, f"{{{GRAPHML}}}edge", {"id": f"e{i}", "source": a, "target": b})
        for k, v in data.items():
            _data(edge, keys["edge", k], v)
        _line(edge, bool(data["primary"]))
    ET.indent(root, space=" ")
    return root


class GraphmlWriter(ChartWriter):
    suffixes = (".graphml",)
    description = "GraphML with yFiles label graphics (yEd; networkx reads it back)"

    def render(self, chart: Chart) -> bytes:
        text: bytes = ET.tostring(graphml_root(chart), encoding="utf-8", xml_declaration=True)
        return text + b"\n"
