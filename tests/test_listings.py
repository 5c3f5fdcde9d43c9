"""The listing index (query.listings) answers the whole-organisation listings with the rows the
queries give, in their order: on the samples' build, after an incremental build, and on synthetic
organisations (with their reporting cycle), whole and for each unit, level and post."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from bench.synthetic import graphs as synthetic_graphs

from orgkg.build import build
from orgkg.errors import GraphError
from orgkg.graph.built import BuiltGraph
from orgkg.graph.output import BUILD
from orgkg.graph.structure import with_structure
from orgkg.query.library import library, parse
from orgkg.query.listings import FILE, LISTINGS, ListingIndex, write
from orgkg.query.local import LocalGraph
from orgkg.query.params import Term
from orgkg.query.run import run as run_named
from tests.conftest import SAMPLES
from tests.test_derived_structure import quads_store

PICKS = """PREFIX orgkg: <https://w3id.org/orgkg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?kind ?value WHERE {
  { ?x org:postIn ?value BIND("unit" AS ?kind) }
  UNION { ?x orgkg:reportsToTransitively ?value BIND("post" AS ?kind) }
  UNION { ?value orgkg:reportsToTransitively ?value BIND("cycle" AS ?kind) }
  UNION { ?x orgkg:level/skos:prefLabel ?value BIND("level" AS ?kind) }
} ORDER BY ?kind ?value"""


def cases(graph: BuiltGraph, most: int = 60) -> list[tuple[str, dict[str, Term]]]:
    """Each listing whole, and for up to ``most`` units, posts above others and level labels each,
    spread over them (with the posts of a reporting cycle, and an IRI that is nothing in the graph)."""
    picks: dict[str, list[Term]] = {}
    for row in graph.query(PICKS):  # type: ignore[union-attr]
        picks.setdefault(row["kind"].value, []).append(row["value"])
    units, posts, levels = (spread(picks.get(k, []), most) for k in ("unit", "post", "level"))
    nothing = ox.NamedNode("https://example.org/nothing")
    found: list[tuple[str, dict[str, Term]]] = [(n, {}) for n in LISTINGS if n != "everyone-under"]
    found += [(n, {"unit": u}) for n in LISTINGS if n != "everyone-under" for u in [*units, nothing]]
    found += [("everyone-under", {"post": p}) for p in [*posts, *picks.get("cycle", []), nothing]]
    found += [("positions-by-level", {"level": v}) for v in levels]
    found += [("positions-by-level", {"level": v, "unit": u}) for v in levels[:5] for u in units[:5]]
    return found


def spread(values: list[Term], most: int) -> list[Term]:
    return values[::max(1, len(values) // most)]


def check(graph: BuiltGraph, index: ListingIndex) -> None:
    """Every case answered from the index, with the rows and order of the query run on the store."""
    store = LocalGraph(graph, listings=None)
    kept = 0
    for name, values in cases(graph):
        query = library()[name]
        expected = store.run(store.narrow(query, values), values, union=query.union)
        got = index.answer(query, values)
        assert got is not None, (name, values)
        assert got.variables == expected.variables, name
        assert list(got.rows) == list(expected.rows), (name, values)
        kept += 1
    assert kept > len(LISTINGS)


def test_on_the_samples_build(built: Path) -> None:
    index = ListingIndex.open(built)
    assert index is not None and (built / FILE).is_file()
    graph = BuiltGraph.open(built)
    check(graph, index)
    engine = LocalGraph(graph)
    assert engine.listings is not None  # a built folder's own index, opened by the engine


@pytest.mark.parametrize("n", [250, 800])
def test_on_synthetic_organisations_with_their_reporting_cycle(n: int, tmp_path: Path) -> None:
    graph = quads_store(with_structure(dict(synthetic_graphs(n, defects=True))))
    write(tmp_path / FILE, graph)
    check(graph, ListingIndex(tmp_path / FILE))


def test_after_an_incremental_build(tmp_path: Path) -> None:
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    shutil.copytree(SAMPLES, inputs)
    build([inputs], out)
    doc = inputs / "002_98d24b394b33c00d.txt"
    doc.write_text(doc.read_text(encoding="utf-8").replace("Ministry: Health", "Ministry: Wellness"),
                   encoding="utf-8")
    (inputs / "003_12d5e8fc9094d42c.txt").unlink()
    assert build([inputs], out).incremental
    index = ListingIndex.open(out)
    assert index is not None
    check(BuiltGraph.open(out), index)


def test_only_the_librarys_own_queries_with_their_parameters_are_answered(built: Path) -> None:
    index = ListingIndex.open(built)
    assert index is not None
    own = library()["post-layers"]
    assert index.answer(own, {}) is not None
    assert index.answer(parse(own.path), {}) is None  # the same text, not the library's query: a user's file
    assert index.answer(library()["documents"], {}) is None
    assert index.answer(own, {"unit": ox.Literal("a unit")}) is None
    assert index.answer(library()["everyone-under"], {}) is None
    # through `orgkg query`'s path, the same answer as the store's
    engine, store = LocalGraph(BuiltGraph.open(built)), LocalGraph(BuiltGraph.open(built), listings=None)
    assert list(run_named(engine, "post-layers").rows) == list(run_named(store, "post-layers").rows)


def test_an_index_from_another_build_is_refused(built: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    shutil.copytree(built, folder, symlinks=True)
    version = folder / "current"
    data = json.loads((version / BUILD).read_text(encoding="utf-8"))
    (version / BUILD).unlink()  # a link to the build's own file: written anew, never in place
    (version / BUILD).write_text(json.dumps({**data, "listings": "another"}), encoding="utf-8")
    with pytest.raises(GraphError, match="listing index is not from the build beside it"):
        LocalGraph(BuiltGraph.open(folder))
