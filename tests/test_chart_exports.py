"""`orgkg chart --out FILE`: every export holds the same nodes, edges and attributes.

GraphML and GEXF are read back by networkx, DOT by pydot, Mermaid by a small
structural parser; SVG is drawn by Graphviz and its boxes must not overlap.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from itertools import combinations
from pathlib import Path

import networkx as nx
import pydot
import pytest

from orgkg.chart import Chart, measure, reporting_view
from orgkg.chart.style import flat_graph
from orgkg.chart.validation import findings_for
from orgkg.graph.built import BuiltGraph
from tests.conftest import run


@pytest.fixture(scope="module")
def expected(built: Path) -> nx.DiGraph:
    """What every export must hold: the samples' view, with their findings, as scalar attributes."""
    graph = BuiltGraph.open(built)
    view = reporting_view(graph, findings_for(graph))
    measure(view)
    return flat_graph(Chart(view))


@pytest.fixture(scope="module")
def exported(built: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("chart")
    files = {}
    for suffix in (".graphml", ".gexf", ".dot", ".mmd", ".svg", ".html"):
        files[suffix] = out / f"chart{suffix}"
        result = run("chart", "--graph", str(built), "--out", str(files[suffix]))
        assert result.exit_code == 0, result.stderr
        heading, figures = result.stderr.splitlines()
        assert heading.split()[:3] == ["chart", "positions", "described"]
        assert figures.split()[1:4] == ["28", "5", "23"]  # positions, described, reporting lines
    return files


def same_attributes(read: nx.DiGraph, expected: nx.DiGraph) -> None:
    assert (read.number_of_nodes(), read.number_of_edges()) == (expected.number_of_nodes(),
                                                                expected.number_of_edges())
    assert set(read.edges) == set(expected.edges)
    for iri, data in expected.nodes(data=True):
        assert {k: read.nodes[iri].get(k) for k in data} == data, iri
    for a, b, data in expected.edges(data=True):
        assert {k: read.edges[a, b].get(k) for k in data} == data


def test_graphml_reads_back_with_every_attribute_and_a_yed_label(exported: dict[str, Path],
                                                                   expected: nx.DiGraph) -> None:
    read = nx.read_graphml(exported[".graphml"])
    same_attributes(read, expected)
    for _, data in read.nodes(data=True):
        assert data["label"].split("\n")[0] == data["title"]  # what yEd draws in the box
        assert data["shape_type"] == "roundrectangle"
    xml = exported[".graphml"].read_text(encoding="utf-8")
    assert 'yfiles.type="nodegraphics"' in xml and "<y:NodeLabel" in xml


def test_gexf_reads_back_with_every_attribute(exported: dict[str, Path], expected: nx.DiGraph) -> None:
    read = nx.read_gexf(exported[".gexf"])
    same_attributes(read, expected)
    assert all(read.nodes[n]["label"] == d["title"] for n, d in expected.nodes(data=True))


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dot_parses_with_every_node_edge_and_attribute(exported: dict[str, Path],
                                                       expected: nx.DiGraph) -> None:
    (graph,) = pydot.graph_from_dot_file(str(exported[".dot"]))
    defaults = ("node", "edge", "graph")
    nodes = {n.get_name().strip('"'): n for n in graph.get_nodes() if n.get_name() not in defaults}
    assert set(nodes) == set(expected)
    assert {(e.get_source().strip('"'), e.get_destination().strip('"')) for e in graph.get_edges()} == set(
        expected.edges)
    for iri, data in expected.nodes(data=True):
        attrs = nodes[iri].get_attributes()
        assert attrs["title"].strip('"').replace('\\"', '"') == data["title"]
        assert attrs["described"] == str(data["described"]).lower()
        assert attrs["headcount"] == str(data["headcount"])


MERMAID_NODE = re.compile(r'^  (p\d+)\["(.*)"\]$')
MERMAID_EDGE = re.compile(r"^  (p\d+) (-->|-\.->) (p\d+)$")
MERMAID_DATA = re.compile(r"^  %% node (p\d+) (\{.*\})$")


def parse_mermaid(text: str) -> tuple[dict[str, str], set[tuple[str, str]], dict[str, dict[str, object]]]:
    """Nodes (id -> label), edges and the attribute comments; any other line must be known syntax."""
    lines = text.splitlines()
    assert lines[0] == "flowchart TD"
    nodes, edges, data = {}, set(), {}
    for line in lines[1:]:
        if m := MERMAID_NODE.match(line):
            assert '"' not in m.group(2)
            nodes[m.group(1)] = m.group(2)
        elif m := MERMAID_EDGE.match(line):
            edges.add((m.group(1), m.group(3)))
        elif m := MERMAID_DATA.match(line):
            data[m.group(1)] = json.loads(m.group(2))
        else:
            assert re.match(r"^  (%% |classDef |class |style )", line), line
    return nodes, edges, data


def test_mermaid_parses_with_every_node_edge_and_attribute(exported: dict[str, Path],
                                                           expected: nx.DiGraph) -> None:
    nodes, edges, data = parse_mermaid(exported[".mmd"].read_text(encoding="utf-8"))
    iri = {k: v["iri"] for k, v in data.items()}
    assert set(iri.values()) == set(expected) and set(nodes) == set(iri)
    assert {(iri[a], iri[b]) for a, b in edges} == set(expected.edges)
    for key, attrs in data.items():
        assert {k: v for k, v in attrs.items() if k != "iri"} == expected.nodes[iri[key]]


def boxes(svg: Path) -> list[tuple[float, float, float, float]]:
    """The bounding box of every node shape Graphviz drew."""
    ns = {"s": "http://www.w3.org/2000/svg"}
    out = []
    for g in ET.parse(svg).getroot().iterfind(".//s:g[@class='node']", ns):
        shape = g.find(".//s:path", ns)
        points = shape.get("d") if shape is not None else g.find(".//s:polygon", ns).get("points")  # type: ignore[union-attr]
        numbers = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", points or "")]
        xs, ys = numbers[0::2], numbers[1::2]
        out.append((min(xs), min(ys), max(xs), max(ys)))
    return out


def test_svg_is_a_top_down_chart_whose_boxes_do_not_overlap(exported: dict[str, Path],
                                                            expected: nx.DiGraph) -> None:
    text = exported[".svg"].read_text(encoding="utf-8")
    drawn = boxes(exported[".svg"])
    assert len(drawn) == expected.number_of_nodes()
    for a, b in combinations(drawn, 2):
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    for title in ("Chief, Client Solutions Officer", "IT Program Manager"):
        assert title in text


def test_formats_that_cannot_be_written_exit_2_with_what_to_do(built: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("chart", "--graph", str(built), "--out", str(tmp_path / "chart.xlsx"))
    assert result.exit_code == 2 and "no chart format for the extension '.xlsx'" in result.stderr
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without Graphviz
    result = run("chart", "--graph", str(built), "--out", str(tmp_path / "chart.svg"))
    assert result.exit_code == 2
    assert "install graphviz (apt-get install graphviz) or use .html/.dot" in result.stderr
    assert not (tmp_path / "chart.svg").exists()


def test_selection_by_title_and_unknown_names(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "chart.graphml"
    result = run("chart", "--graph", str(built), "--out", str(out),
                 "--root", "chief, client solutions officer")  # titles match whatever the case
    assert result.exit_code == 0, result.stderr
    assert nx.read_graphml(out).number_of_nodes() == 5
    result = run("chart", "--graph", str(built), "--out", str(out), "--unit", "Practice Management Office",
                 "--colour-by", "level")
    assert result.exit_code == 0 and nx.read_graphml(out).number_of_nodes() == 2
    result = run("chart", "--graph", str(built), "--out", str(out), "--root", "Chief Client Officer")
    assert result.exit_code == 2 and "no position is named so" in result.stderr
