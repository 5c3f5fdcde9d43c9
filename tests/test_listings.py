"""The listing index (graph.listings, computed by query.listings from what the build holds) answers the
whole-organisation listings with the rows the queries give, in their order: on the samples' build (with
their register), on synthetic organisations with their reporting cycle, after incremental builds that
change a reporting line, a title, or nothing a listing reads; whole and for each unit, level and post."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from bench.synthetic import graphs as synthetic_graphs
from rdflib import Graph, URIRef

from orgkg.build import build
from orgkg.errors import GraphError
from orgkg.graph.built import BuiltGraph
from orgkg.graph.listings import FILE, Facts, ListingIndex, facts, write
from orgkg.graph.output import BUILD, built_id, resolve
from orgkg.graph.structure import derive, placements, posts, reporting_lines, with_structure
from orgkg.query.library import library, parse
from orgkg.query.listings import LISTINGS, answer, listings
from orgkg.query.local import LocalGraph
from orgkg.query.params import Term
from orgkg.query.run import run as run_named
from tests.conftest import ROOT, SAMPLES, run
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
NOTHING = ox.NamedNode("https://example.org/nothing")


def cases(graph: BuiltGraph, most: int = 60) -> list[tuple[str, dict[str, Term]]]:
    """Each listing whole, and for up to ``most`` units, posts above others and level labels each,
    spread over them (with the posts of a reporting cycle, and an IRI that is nothing in the graph)."""
    picks: dict[str, list[Term]] = {}
    for row in graph.query(PICKS):  # type: ignore[union-attr]
        picks.setdefault(row["kind"].value, []).append(row["value"])
    units, bosses, levels = (spread(picks.get(k, []), most) for k in ("unit", "post", "level"))
    found: list[tuple[str, dict[str, Term]]] = [(n, {}) for n in LISTINGS if n != "everyone-under"]
    found += [(n, {"unit": u}) for n in LISTINGS if n != "everyone-under" for u in [*units, NOTHING]]
    found += [("everyone-under", {"post": p}) for p in [*bosses, *picks.get("cycle", []), NOTHING]]
    found += [("positions-by-level", {"level": v}) for v in [*levels, ox.Literal("no such level")]]
    found += [("positions-by-level", {"level": v, "unit": u}) for v in levels[:5] for u in units[:5]]
    return found


def spread(values: list[Term], most: int) -> list[Term]:
    return values[::max(1, len(values) // most)]


def check(graph: BuiltGraph, index: ListingIndex) -> None:
    """Every case answered from the index, with the rows and order of the query run on the store."""
    store = LocalGraph(graph)
    rows = 0
    for name, values in cases(graph):
        query = library()[name]
        expected = store.answer(query, values)
        got = answer(index, query, values)
        assert got is not None, (name, values)  # from the index, not the store
        assert got.variables == expected.variables, name
        wanted = list(expected.rows)
        assert got.rows == wanted, (name, values)
        rows += len(wanted)
    assert rows > 0


def test_on_the_samples_build(built: Path) -> None:
    index = ListingIndex.open(built)
    assert index is not None and (resolve(built) / FILE).is_file()
    check(BuiltGraph.open(built), index)
    assert BuiltGraph.open(built).listings() is not None  # what `orgkg query` gives its engine


def test_on_the_samples_with_their_register(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([SAMPLES, ROOT / "data" / "register"], out)
    index = ListingIndex.open(out)
    assert index is not None
    check(BuiltGraph.open(out), index)


def index_of(graphs: dict[URIRef, Graph], path: Path) -> ListingIndex:
    """The index the build writes for these graphs: from their parts, as ``build.write`` makes it."""
    lines = sorted(set(reporting_lines(graphs.values())))
    shape = derive(lines, sorted(set(posts(graphs.values()))))
    write(path, listings(shape, lines, [facts(g) for g in graphs.values()]), shape.above,
          sorted(set(placements(graphs.values()))))
    return ListingIndex(path)


@pytest.mark.parametrize("n", [250, 800])
def test_on_synthetic_organisations_with_their_reporting_cycle(n: int, tmp_path: Path) -> None:
    graphs = dict(synthetic_graphs(n, defects=True))
    graph = quads_store(with_structure(graphs))
    assert any(True for _ in graph.query(PICKS.replace("DISTINCT", "").split("UNION")[0].split("{", 1)[0]
                                         + "{ ?p orgkg:reportsToTransitively ?p }"))  # a cycle is there
    check(graph, index_of(graphs, tmp_path / FILE))


def test_a_title_in_a_language_leaves_its_listings_to_the_store(tmp_path: Path) -> None:
    graphs = dict(synthetic_graphs(60, defects=True))
    lines = list(reporting_lines(graphs.values()))
    french = Facts(titles=(("https://example.org/p", ("Chef", "@fr")),))
    kept = listings(derive(lines), lines, [*(facts(g) for g in graphs.values()), french])
    assert set(kept) == {"positions-by-level"}  # the others take a least title (MIN) of every post


def change(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# Each change to the register, and whether the listing index is written again (else linked).
CHANGES = {
    "a reporting line": ("66090,32155023,", "66090,66022,", True),
    "a title": ("Network Administrator", "Network Administrator II", True),
    "a date only": ("Network Administrator,State of Montana,Secretary of State,Management Services Bureau / "
                    "Information Services,,,Pay Band 5,1,Filled,Helena,2024-07-01",
                    "Network Administrator,State of Montana,Secretary of State,Management Services Bureau / "
                    "Information Services,,,Pay Band 5,1,Filled,Helena,2024-08-01", False),
}


@pytest.mark.parametrize("what", sorted(CHANGES))
def test_after_an_incremental_build(what: str, tmp_path: Path) -> None:
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    shutil.copytree(SAMPLES, inputs)
    shutil.copytree(ROOT / "data" / "register", inputs / "register")
    build([inputs], out)
    before = built_id(resolve(out), "listings")
    old, new, written = CHANGES[what]
    change(inputs / "register" / "positions.csv", old, new)
    report = build([inputs], out)
    assert report.incremental and len(report.read) == 1
    index = ListingIndex.open(out)
    assert index is not None
    assert (built_id(resolve(out), "listings") != before) is written
    assert index.build() == built_id(resolve(out), "listings")
    check(BuiltGraph.open(out), index)


def test_only_the_librarys_own_queries_with_their_parameters_are_answered(built: Path) -> None:
    graph = BuiltGraph.open(built)
    index = graph.listings()
    assert index is not None
    engine, store = LocalGraph(graph, listings=index), LocalGraph(graph)
    own = library()["post-layers"]
    assert answer(index, own, {}) is not None
    assert answer(index, parse(own.path), {}) is None  # the same text, not the library's query: a user's file
    assert answer(index, library()["documents"], {}) is None
    assert answer(index, own, {"unit": ox.Literal("a unit")}) is None
    assert answer(index, own, {"level": ox.Literal("EX-03")}) is None
    assert answer(index, library()["everyone-under"], {}) is None
    # through `orgkg query`'s path, the same answer as the store's
    assert list(run_named(engine, "post-layers").rows) == list(run_named(store, "post-layers").rows)


def test_an_index_from_another_build_is_refused(built: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    shutil.copytree(built, folder, symlinks=True)
    version = folder / "current"
    data = json.loads((version / BUILD).read_text(encoding="utf-8"))
    (version / BUILD).unlink()  # a link to the build's own file: written anew, never in place
    (version / BUILD).write_text(json.dumps({**data, "listings": "another"}), encoding="utf-8")
    with pytest.raises(GraphError, match="listing index is not from the build beside it"):
        BuiltGraph.open(folder).listings()


def test_orgkg_query_answers_from_the_index_and_a_build_without_it_the_same(
        built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    rows = ListingIndex.rows

    def counted(self: ListingIndex, name: str, **where: str | None) -> object:
        asked.append(name)
        return rows(self, name, **where)

    monkeypatch.setattr(ListingIndex, "rows", counted)
    folder = tmp_path / "out"
    shutil.copytree(built, folder, symlinks=True)
    for name in ("post-layers", "span-of-control", "positions-by-level"):
        from_index = run("query", name, "--graph", str(built), "--format", "csv")
        assert from_index.exit_code == 0 and asked[-1:] == [name]
        (resolve(folder) / FILE).unlink(missing_ok=True)  # an older build: no index, the store answers
        from_store = run("query", name, "--graph", str(folder), "--format", "csv")
        assert from_store.stdout == from_index.stdout and len(from_index.stdout.splitlines()) > 1
    assert asked == ["post-layers", "span-of-control", "positions-by-level"]
