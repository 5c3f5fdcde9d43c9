"""The structure the build derives (graph.structure): layers and posts above, equal to org:reportsTo+,
and the report's figures, equal to the queries that counted them before.

The derived ``orgkg:reportsToTransitively`` pairs must be exactly the answers
of the SPARQL path ``org:reportsTo+`` over the union of the documents, and
each ``orgkg:layer`` 1 + the deepest supervisor's layer, on the bundled
samples, on small hand-made organisations and on synthetic ones (with their
injected reporting cycle). The figures (per layer, per unit, the deepest
post) must be what ``bench.earlier.COUNTED`` (the named queries as they were before the
figures were derived) counts over the union, on the same graphs and on the
samples built with their position register (one vacant post).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from bench.earlier import COUNTED
from bench.synthetic import graphs as synthetic_graphs
from rdflib import Graph, URIRef

from orgkg.graph.built import BuiltGraph
from orgkg.graph.structure import (
    STRUCTURE_GRAPH,
    Figures,
    LayerFigures,
    Structure,
    UnitFigures,
    count,
    derive,
    with_structure,
)
from orgkg.graph.terms import python_value
from orgkg.query.rows import rows
from tests.conftest import ROOT, run
from tests.support.orgs import loop, shared_post, store_of

PATH = """PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?post ?boss WHERE { ?post org:reportsTo+ ?boss }"""
DERIVED = """PREFIX orgkg: <https://w3id.org/orgkg/ontology#>
SELECT ?post ?boss WHERE { ?post orgkg:reportsToTransitively ?boss }"""
LAYERS = """PREFIX orgkg: <https://w3id.org/orgkg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?post ?layer WHERE { ?post a org:Post . OPTIONAL { ?post orgkg:layer ?layer } }"""
LINES = """PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?post ?boss WHERE { ?post org:reportsTo ?boss }"""


def counted(graph: BuiltGraph, name: str) -> set[tuple[object, ...]]:
    """The rows of the query as it counted before, each row's values in its variables' order."""
    answer = graph.query(COUNTED[name])
    return {tuple(python_value(row[v]) for v in answer.variables) for row in answer}  # type: ignore[union-attr]


def read(graph: BuiltGraph, name: str) -> set[tuple[object, ...]]:
    """The rows of the named query now (reading the figures), in the old query's variables."""
    keys = [v.value for v in graph.query(COUNTED[name]).variables]  # type: ignore[union-attr]
    return {tuple(r[k] for k in keys) for r in rows(graph, name)}


def check_figures(graph: BuiltGraph) -> None:
    for name in COUNTED:
        assert read(graph, name) == counted(graph, name), name


def pairs(graph: BuiltGraph, text: str) -> set[tuple[str, str]]:
    return {(row["post"].value, row["boss"].value) for row in graph.query(text)}  # type: ignore[union-attr]


def check(graph: BuiltGraph) -> None:
    """Posts above are org:reportsTo+; every post has one layer, 1 + its deepest supervisor's
    (posts of one cycle share theirs)."""
    assert pairs(graph, DERIVED) == pairs(graph, PATH)
    layers: dict[str, set[int]] = {}
    for row in graph.query(LAYERS):  # type: ignore[union-attr]
        found = layers.setdefault(row["post"].value, set())
        if row["layer"] is not None:
            found.add(int(row["layer"].value))
    assert all(len(found) == 1 for found in layers.values()), "every post has exactly one layer"
    layer = {post: min(found) for post, found in layers.items()}
    above, supervisors = pairs(graph, PATH), {}  # type: ignore[var-annotated]
    for post, boss in pairs(graph, LINES):
        if (boss, post) not in above:  # not the same cycle
            supervisors.setdefault(post, []).append(boss)
    for post in layer:
        assert layer[post] == 1 + max((layer[s] for s in supervisors.get(post, [])), default=0), post


def test_on_the_samples_the_derived_facts_are_the_transitive_query(built: Path) -> None:
    graph = BuiltGraph.open(built)
    check(graph)
    check_figures(graph)
    assert any(str(g.value) == str(STRUCTURE_GRAPH) for g in graph.named_graphs())


def quads_store(graphs: dict[URIRef, Graph]) -> BuiltGraph:
    """The graphs in a store as N-Quads (quicker than TriG through rdflib), read as their union."""
    text = "".join(f"{s.n3()} {p.n3()} {o.n3()} {iri.n3()} .\n" for iri, g in graphs.items() for s, p, o in g)
    store = ox.Store()
    store.load(text.encode("utf-8"), ox.RdfFormat.N_QUADS)
    return BuiltGraph(store)


@pytest.mark.parametrize("n", [250, 800])
def test_on_synthetic_organisations_with_their_reporting_cycle(n: int) -> None:
    graph = quads_store(with_structure(dict(synthetic_graphs(n, defects=True))))
    check(graph)
    check_figures(graph)
    cyclic = {p for p, b in pairs(graph, DERIVED) if p == b}
    assert len(cyclic) == 2 * max(1, n // 1000)  # each injected cycle is two posts above themselves


@pytest.mark.parametrize("documents", [shared_post, loop], ids=["shared-post", "loop"])
def test_on_small_organisations(documents) -> None:  # type: ignore[no-untyped-def]
    graph = store_of(documents())
    check(graph)
    check_figures(graph)


def test_with_a_register_the_figures_are_the_queries_counts(tmp_path: Path) -> None:
    """The samples and their register (one vacant post, posts placed by documents and rows)."""
    out = tmp_path / "out"
    data = ROOT / "data"
    result = run("build", str(data / "documents"), str(data / "register"), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    graph = BuiltGraph.open(out)
    check_figures(graph)
    assert sum(r["vacant"] for r in rows(graph, "positions-per-layer")) == 1


def test_figures_by_hand() -> None:
    """top <- a <- b, c under top; a and c in unit U, b in unit V and organisation O; b vacant."""
    lines = [("a", "top"), ("b", "a"), ("c", "top")]
    shape = derive(lines, ["top"])
    placed = [("a", "U"), ("c", "U"), ("b", "V"), ("b", "O"), ("b", "V")]
    figures = count(shape, lines, placed, ["b", "nobody"])
    assert figures.layers == {1: LayerFigures(1, 1, 0), 2: LayerFigures(2, 1, 0), 3: LayerFigures(1, 0, 1)}
    assert figures.units == {"U": UnitFigures(2, 1, 2, 2), "V": UnitFigures(1, 0, 3, 3),
                             "O": UnitFigures(1, 0, 3, 3)}
    assert figures.deepest == "b"
    assert count(derive([]), [], [], []) == Figures({}, {}, None)


def test_layers_by_hand() -> None:
    """top <- a <- b <- c, and d reporting to both top and b; e on no line; x <-> y a cycle under c."""
    lines = [("a", "top"), ("b", "a"), ("c", "b"), ("d", "top"), ("d", "b"), ("x", "c"), ("x", "y"),
             ("y", "x"), ("z", "y")]
    shape = derive(lines, ["e"])
    assert shape.layers == {"top": 1, "a": 2, "b": 3, "c": 4, "d": 4, "e": 1, "x": 5, "y": 5, "z": 6}
    assert shape.above["d"] == {"top", "a", "b"}
    assert shape.above["e"] == frozenset() and shape.above["top"] == frozenset()
    assert shape.above["x"] == shape.above["y"] == {"top", "a", "b", "c", "x", "y"}
    assert shape.above["z"] == {"top", "a", "b", "c", "x", "y"}


def test_a_lone_cycle_is_its_own_top() -> None:
    assert derive([("p", "q"), ("q", "p"), ("r", "r")]) == Structure(
        {"p": 1, "q": 1, "r": 1}, {"p": frozenset("pq"), "q": frozenset("pq"), "r": frozenset("r")})


def test_no_posts_no_structure_graph() -> None:
    assert with_structure({}) == {}
