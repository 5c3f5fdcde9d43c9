"""The reporting-line view: posts as nodes, reporting lines as edges, facts as attributes.

The view is tested as a networkx graph (not a drawing): against the samples'
store, and against small organisations written as extractor records.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from orgkg.chart import Chart, Selection, find_position, measure, reporting_view, select
from orgkg.chart.findings import Finding
from orgkg.chart.formats.dot import dot_source
from orgkg.chart.formats.html import page_data
from orgkg.chart.formats.mermaid import mermaid_source
from orgkg.chart.metrics import tree_parents
from orgkg.chart.style import kind
from orgkg.chart.validation import findings_for
from orgkg.errors import ChartError
from orgkg.graph.built import BuiltGraph
from orgkg.mapping.terms import numbered_post
from tests.conftest import ROOT, run
from tests.support.orgs import loop, shared_post, store_of


def post(number: str) -> str:
    return str(numbered_post(number))


@pytest.fixture(scope="module")
def samples(built: Path) -> nx.DiGraph:
    view = reporting_view(BuiltGraph.open(built))
    measure(view)
    return view


def test_every_post_is_a_node_and_every_reporting_line_an_edge(built: Path, samples: nx.DiGraph) -> None:
    store = BuiltGraph.open(built)
    posts = {r["p"].value for r in store.query(  # type: ignore[index, union-attr]
        "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?p a <http://www.w3.org/ns/org#Post> } }")}
    lines = {(r["s"].value, r["r"].value) for r in store.query(  # type: ignore[index, union-attr]
        "SELECT DISTINCT ?r ?s WHERE { GRAPH ?g { ?r <http://www.w3.org/ns/org#reportsTo> ?s } }")}
    assert set(samples) == posts
    assert set(samples.edges) == lines


def test_the_described_posts_carry_the_registers_facts(built: Path, samples: nx.DiGraph) -> None:
    import json
    records = json.loads(run("positions", "--graph", str(built), "--format", "json").stdout)
    described = {iri: d for iri, d in samples.nodes(data=True) if d["described"]}
    assert len(described) == len(records) == 5
    for r in records:
        node = described[r["iri"]]
        assert (node["title"], node["document"], node["level"], node["series_rank"]) == (
            r["title"], r["source"], r["level"], r["series_rank"])
        assert node["unit"] == (r["org_units"][-1] if r["org_units"] else r["organization"])
        assert [d[0] for d in node["duties"]] == [d["text"] for d in r["duties"]]


def test_a_post_in_several_graphs_is_one_node_with_the_describing_documents_facts() -> None:
    view = reporting_view(store_of(shared_post()))
    p1 = view.nodes[post("P1")]
    assert p1["described"] is True
    assert p1["title"] == "Director of Analysis"  # not the old title analyst.txt gives it
    assert p1["document"] == "director.txt"
    assert p1["documents"] == ("analyst.txt", "director.txt")
    assert (p1["job_class"], p1["class_code"], p1["level"], p1["unit"]) == ("Executive", "EX", "EX-01",
                                                                            "Analysis Branch")
    assert p1["duties"] == (("Directs the branch", 100.0),)
    assert set(p1["titles"]) == {"Director of Analysis", "Head of Analysis (old title)"}
    assert view.nodes[post("P4")]["described"] is False
    assert set(view.edges) == {(post("P1"), post("P2")), (post("P2"), post("P3")), (post("P1"), post("P4"))}


def test_span_depth_headcount_roots_and_orphans() -> None:
    view = reporting_view(store_of(shared_post()))
    shape = measure(view)
    facts = {n: (d["span"], d["depth"], d["headcount"]) for n, d in view.nodes(data=True)}
    assert facts == {post("P1"): (2, 0, 3), post("P2"): (1, 1, 1), post("P3"): (0, 2, 0),
                     post("P4"): (0, 1, 0)}
    assert (shape.roots, shape.orphans, shape.cycles, shape.layers) == ((post("P1"),), (), (), 3)


def test_a_reporting_cycle_is_found_and_cut_for_drawing() -> None:
    view = reporting_view(store_of(loop()))
    shape = measure(view)
    assert shape.cycles == ((post("A"), post("B")),)
    assert shape.orphans == (post("L"),)
    parents = tree_parents(view)
    assert sorted(p is None for p in parents.values()) == [False, True, True]
    assert {view.nodes[n]["headcount"] for n in (post("A"), post("B"))} == {1}  # the other one


def test_findings_are_an_optional_input_kept_most_severe_first() -> None:
    findings = {post("P2"): [("http://www.w3.org/ns/shacl#Warning", "Duties add up to 90%"),
                             ("sh:Violation", "No supervisor stated")]}
    view = reporting_view(store_of(shared_post()), findings)
    assert view.nodes[post("P2")]["findings"] == (Finding("Violation", "No supervisor stated"),
                                                  Finding("Warning", "Duties add up to 90%"))
    assert view.nodes[post("P1")]["findings"] == ()


def test_selecting_a_subtree_a_unit_and_layers() -> None:
    view = reporting_view(store_of(shared_post()))
    measure(view)
    assert set(select(view, Selection(root="senior analyst"))) == {post("P2"), post("P3")}
    assert set(select(view, Selection(root=post("P2")))) == {post("P2"), post("P3")}
    assert set(select(view, Selection(depth=1))) == {post("P1"), post("P2"), post("P4")}
    in_branch = select(view, Selection(unit="Analysis Branch"))
    assert set(in_branch) == set(view)  # every described post sits in it; P4 is a report with no unit
    assert select(view, Selection(root="Clerk", depth=0)).number_of_nodes() == 1


@pytest.mark.parametrize(("name", "message"), [
    ("Nobody At All", "no position is named so"),
    ("Senior Analist", "did you mean 'Senior Analyst'?"),
    ("https://example.org/not-a-post", "no position has this IRI"),
])
def test_unknown_positions_say_what_to_do(name: str, message: str) -> None:
    view = reporting_view(store_of(shared_post()))
    with pytest.raises(ChartError, match=message):
        find_position(view, name)


def test_registered_only_posts_are_drawn_apart_and_carry_the_reconciliation_findings(tmp_path: Path) -> None:
    """A register beside a document: the post the register alone lists is its own kind, drawn
    distinctly in every format, and the register's findings are on the posts they are about."""
    case = ROOT / "tests" / "cases" / "validate" / "register-supervisor-differs" / "documents"
    assert run("build", str(case), "--out", str(tmp_path / "out")).exit_code == 0
    graph = BuiltGraph.open(tmp_path / "out")
    view = reporting_view(graph, findings_for(graph))
    measure(view)
    chief, manager, engineer = (view.nodes[post(n)] for n in ("54100200", "54100233", "54100241"))
    assert [kind(d) for d in (chief, manager, engineer)] == ["registered", "described", "registered"]
    assert chief["document"] == "register.csv" and manager["documents"] == ("montana-program-manager.txt",
                                                                             "register.csv")
    assert [f.severity for f in chief["findings"]] == ["Info"]
    assert "no document describes it" in chief["findings"][0].message
    assert any(f.severity == "Warning" and "Bridge Bureau Chief" in f.message for f in manager["findings"])
    assert (post("54100200"), post("54100233")) in view.edges  # the register's reporting line
    chart = Chart(view)
    nodes = {n["i"]: n for n in page_data(chart)["nodes"]}
    assert nodes[post("54100200")].get("rg") == 1 and not nodes[post("54100200")]["m"]
    assert nodes[post("54100233")]["m"] == 1
    assert "dotted" in next(line for line in dot_source(chart).splitlines() if post("54100200") in line)
    assert any(line.startswith("  class ") and line.endswith(" registered")
               for line in mermaid_source(chart).splitlines())
