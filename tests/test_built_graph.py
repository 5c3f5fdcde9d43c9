"""The built graph object: its union copy stays the union of its named graphs through every change."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from orgkg.graph.built import INFERRED_GRAPH, BuiltGraph
from tests.conftest import SAMPLES, run

TRIG = """
<urn:g:a> { <urn:x:s> <urn:x:p> <urn:x:shared> . <urn:x:s> <urn:x:p> <urn:x:only-a> . }
<urn:g:b> { <urn:x:s> <urn:x:p> <urn:x:shared> . }
"""
ALL = "SELECT DISTINCT ?o WHERE { <urn:x:s> <urn:x:p> ?o } ORDER BY ?o"


def objects(graph: BuiltGraph, *, union: bool = True) -> list[str]:
    return [row["o"].value for row in graph.query(ALL, union=union)]  # type: ignore[index, union-attr]


def union_copy(graph: BuiltGraph) -> set[ox.Triple]:
    return {q.triple for q in graph.store.quads_for_pattern(None, None, None, ox.DefaultGraph())}


def test_replacing_a_named_graph_keeps_the_union_copy_in_step() -> None:
    graph = BuiltGraph.from_trig(TRIG)
    assert graph.union_copy and objects(graph) == ["urn:x:only-a", "urn:x:shared"]
    new = ox.Triple(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.NamedNode("urn:x:new"))
    graph.replace_graph(ox.NamedNode("urn:g:a"), [new])
    assert objects(graph) == ["urn:x:new", "urn:x:shared"]  # only-a gone, shared kept (b still says it)
    assert union_copy(graph) == set(graph.triples())
    graph.replace_graph(ox.NamedNode("urn:g:b"), [])
    assert objects(graph) == ["urn:x:new"]
    assert [g.value for g in graph.named_graphs()] == ["urn:g:a"]


def test_a_graph_without_the_union_copy_answers_the_same() -> None:
    with_copy = BuiltGraph.from_trig(TRIG)
    bare = ox.Store()
    bare.bulk_extend(with_copy.quads())
    without = BuiltGraph(bare)
    assert not without.union_copy
    assert objects(without) == objects(with_copy)
    default = set(with_copy.merged().quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert set(without.merged()) == default


def test_the_inferred_graph_joins_the_union_and_is_written_beside_the_graph(
        built: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(built, out)
    post = ox.NamedNode("https://w3id.org/orgkg/id/post/x")
    typed = ox.Triple(post, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                      ox.NamedNode("https://w3id.org/orgkg/ontology#SupervisoryPost"))
    path = BuiltGraph.open(out, writable=True).add_inferred([typed])
    assert path == out / "inferred.trig" and "SupervisoryPost" in path.read_text(encoding="utf-8")
    graph = BuiltGraph.open(out)
    assert typed in union_copy(graph)
    assert [q.triple for q in graph.quads(ox.NamedNode(str(INFERRED_GRAPH)))] == [typed]
    del graph
    shutil.rmtree(out / "store")  # the TriG fallback reads inferred.trig too
    assert typed in set(BuiltGraph.open(out).triples())


def test_a_rebuild_leaves_no_stale_inferred_graph(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(built, out, symlinks=True)
    typed = ox.Triple(ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:b"), ox.NamedNode("urn:x:c"))
    BuiltGraph.open(out, writable=True).add_inferred([typed])
    assert ox.NamedNode(str(INFERRED_GRAPH)) in BuiltGraph.open(out).named_graphs()
    result = run("build", str(SAMPLES), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    graph = BuiltGraph.open(out)
    assert graph.folder is not None and not (graph.folder / "inferred.trig").exists()
    assert ox.NamedNode(str(INFERRED_GRAPH)) not in graph.named_graphs()
    assert typed not in union_copy(graph)
    assert not os.path.lexists(out / "inferred.trig")  # nor its link in the output folder


@pytest.mark.parametrize("folder", ["missing", "empty"])
def test_opening_something_that_is_not_a_built_graph_says_what_to_do(tmp_path: Path, folder: str) -> None:
    if folder == "empty":
        (tmp_path / folder).mkdir()
    result = run("positions", "--graph", str(tmp_path / folder))
    assert result.exit_code == 2 and "orgkg build" in result.stderr
