"""The listing index (graph.listings, computed by query.listings from what the build holds) answers the
whole-organisation listings with the rows the queries give, in their order: on the samples' build (with
their register), on synthetic organisations with their reporting cycle, after incremental builds that
change a reporting line, a title, or nothing a listing reads; whole and for each unit, level and post."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from bench.synthetic import graphs as synthetic_graphs
from rdflib import Graph, URIRef

from orgkg.build import build
from orgkg.build import write as write_module
from orgkg.errors import GraphError
from orgkg.graph.built import BuiltGraph
from orgkg.graph.listings import FILE, Facts, ListingIndex, facts
from orgkg.graph.listings import seen as listings_seen
from orgkg.graph.output import BUILD, built_id, resolve
from orgkg.graph.structure import derive, placements, posts, reporting_lines, with_structure
from orgkg.graph.terms import XSD
from orgkg.query.library import library, parse
from orgkg.query.listings import LISTINGS, answer, index, update
from orgkg.query.local import LocalGraph
from orgkg.query.order import ordering
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


def index_of(graphs: dict[URIRef, Graph], path: Path, *more: Facts) -> ListingIndex:
    """The index the build writes for these graphs (and ``more`` facts): from their parts, as
    ``build.write`` makes it."""
    lines = sorted(set(reporting_lines(graphs.values())))
    shape = derive(lines, sorted(set(posts(graphs.values()))))
    given = {str(iri): facts(g) for iri, g in graphs.items()} | {f"more-{i}": f for i, f in enumerate(more)}
    index(path, shape, lines, sorted(set(placements(graphs.values()))),
          {iri: ("", _given(f)) for iri, f in given.items()})
    return ListingIndex(path)


def _given(f: Facts) -> Callable[[], Facts]:
    return lambda: f


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
    boss = next(b for _, b in lines if any(b == r for r, _ in lines))  # with a post above and below it
    french = Facts(titles=((boss, ("Chef", "@fr")),))
    index = index_of(graphs, tmp_path / FILE, french)
    kept = {name for name in LISTINGS if index.rows(name) is not None}
    assert kept == set()  # three take its least title (MIN), positions-by-level orders by it
    nobody = Facts(titles=(("https://example.org/p", ("Chef", "@fr")),))  # a post in no listing
    index = index_of(graphs, tmp_path / "other.sqlite", nobody)
    assert {name for name in LISTINGS if index.rows(name) is not None} == set(LISTINGS)


def change(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


REGISTER, DOCUMENT = Path("register") / "positions.csv", Path("002_98d24b394b33c00d.txt")
NUMBERED = Path("004_537286d98502ce55.txt")  # its post states its position number; reports in the register
# Each change (a file, the text replaced in it), and how the build makes the listing index: linked from
# the build before (nothing a listing reads changed), patched (a copy of it, with the rows of the posts
# whose facts changed made again: the structure is the same) or whole (the structure changed).
CHANGES: dict[str, tuple[Path, str, str, str]] = {
    "a reporting line": (REGISTER, "66090,32155023,", "66090,66022,", "whole"),
    "a unit": (REGISTER, "Management Services Bureau / Information Services,,,Pay Band 5,1,Filled,Helena,"
               "2024-07-01\n", "Management Services Bureau / Web Services,,,Pay Band 5,1,Filled,Helena,"
               "2024-07-01\n", "whole"),
    "a title in the register": (REGISTER, "Network Administrator", "Network Administrator II", "patched"),
    # a post without a position number is named by its document and title: another post, another structure
    "a title in a document": (DOCUMENT, "User Systems Coordinator", "User Systems Lead", "whole"),
    "a title in a document with its position number": (
        NUMBERED, "Computer Information System Manager\t\t113217", "Chief Information Officer\t\t113217",
        "patched"),
    "a level": (DOCUMENT, "Level: Range 18", "Level: Range 19", "patched"),
    "a stated span": (DOCUMENT, "(3 FTEs)", "(4 FTEs)", "patched"),  # its post supervises one: a row
    "a date only": (REGISTER, "Network Administrator,State of Montana,Secretary of State,Management Services "
                    "Bureau / Information Services,,,Pay Band 5,1,Filled,Helena,2024-07-01",
                    "Network Administrator,State of Montana,Secretary of State,Management Services Bureau / "
                    "Information Services,,,Pay Band 5,1,Filled,Helena,2024-08-01", "linked"),
}


@pytest.mark.parametrize("what", [*sorted(CHANGES), "a document added", "a document deleted"])
def test_after_an_incremental_build(what: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The index after each change: the rows and order of the queries on the store, and the same rows
    as a whole build of the same inputs writes; patched, linked or written whole as the change asks."""
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    shutil.copytree(SAMPLES, inputs)
    shutil.copytree(ROOT / "data" / "register", inputs / "register")
    build([inputs], out)
    before = built_id(resolve(out), "listings")
    if what in CHANGES:
        file, old, new, way = CHANGES[what]
        change(inputs / file, old, new)
    elif what == "a document added":
        text = (inputs / DOCUMENT).read_text(encoding="utf-8")
        (inputs / "005_added.txt").write_text(text.replace("User Systems Coordinator", "User Systems Analyst")
                                              .replace("Benchmark Job #076", "Benchmark Job #077"),
                                              encoding="utf-8")
        way = "whole"
    else:
        (inputs / DOCUMENT).unlink()
        way = "whole"
    whole: list[Path] = []

    def counted(path: Path, *args: Any, **kwargs: Any) -> None:
        whole.append(path)
        index(path, *args, **kwargs)

    monkeypatch.setattr(write_module, "listing_index", counted)
    report = build([inputs], out)
    assert report.incremental and len(report.read) == (0 if what == "a document deleted" else 1)
    written = built_id(resolve(out), "listings") != before
    assert (way, written, bool(whole)) in {("linked", False, False), ("patched", True, False),
                                           ("whole", True, True)}, (way, written, whole)
    found = ListingIndex.open(out)
    assert found is not None and found.build() == built_id(resolve(out), "listings")
    check(BuiltGraph.open(out), found)
    monkeypatch.undo()
    build([inputs], tmp_path / "whole")  # the same inputs built whole: the same index
    fresh = ListingIndex.open(tmp_path / "whole")
    assert fresh is not None
    for name in LISTINGS:
        assert found.rows(name) == fresh.rows(name), name
    assert tables(found) == tables(fresh)


@pytest.mark.parametrize("what", ["a date only", "a title in the register"])
def test_a_damaged_index_before_is_written_whole_not_linked_or_patched(what: str, tmp_path: Path) -> None:
    """A page past its header overwritten (its layout still reads): neither linked forward nor patched."""
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    shutil.copytree(SAMPLES, inputs)
    shutil.copytree(ROOT / "data" / "register", inputs / "register")
    build([inputs], out)
    before = resolve(out) / FILE
    with before.open("r+b") as f:
        f.seek(2 * 4096)
        f.write(b"\xff" * 4096)
    file, old, new, _ = CHANGES[what]
    change(inputs / file, old, new)
    assert build([inputs], out).incremental
    found = ListingIndex.open(out)
    assert found is not None and found.build() == resolve(out).name  # written by this build
    assert not found.path.samefile(before)
    build([inputs], tmp_path / "whole")
    fresh = ListingIndex.open(tmp_path / "whole")
    assert fresh is not None and tables(found) == tables(fresh)


@pytest.mark.parametrize("tick", ["before the record", "in the record's tick"])
def test_an_index_before_whose_stat_is_unchanged_is_not_read_again(tick: str, tmp_path: Path) -> None:
    """The build before records its index's size, modification time and inode in ``sources.json``: a
    page overwritten with the modification time put back is trusted (what a stat cannot tell: linked
    forward), unless the time is not earlier than the record's own (a write in the same tick of the
    clock would not show in it: read whole, found damaged, written whole)."""
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    shutil.copytree(SAMPLES, inputs)
    shutil.copytree(ROOT / "data" / "register", inputs / "register")
    build([inputs], out)
    before, state = resolve(out) / FILE, resolve(out) / "sources.json"
    recorded = json.loads(state.read_text(encoding="utf-8"))["totals"]["listings_seen"]
    assert recorded == list(listings_seen(before))
    with before.open("r+b") as f:
        f.seek(2 * 4096)
        f.write(b"\xff" * 4096)
    os.utime(before, ns=(recorded[1], recorded[1]))
    os.utime(state, ns=(recorded[1] + (10**9 if tick == "before the record" else 0),) * 2)
    file, old, new, _ = CHANGES["a date only"]
    change(inputs / file, old, new)
    assert build([inputs], out).incremental
    found = ListingIndex.open(out)
    assert found is not None
    assert found.path.samefile(before) == (tick == "before the record")


def tables(index: ListingIndex) -> dict[str, list[tuple[object, ...]]]:
    """What the index holds besides its rows, posts by their IRIs (each build numbers them its own way)."""
    with closing(sqlite3.connect(index.path)) as db:
        iri = "(SELECT iri FROM post WHERE id = {})"
        found = {name: sorted(db.execute(text)) for name, text in {
            "post": "SELECT iri, layer, under, direct FROM post",
            "above": f"SELECT {iri.format('boss')}, {iri.format('post')} FROM above",
            "placed": f"SELECT unit, {iri.format('post')} FROM placed",
            "fact": "SELECT piece, subject, kind, value FROM fact",
            "piece": "SELECT graph, digest FROM piece"}.items()}
        found["row"] = list(db.execute(f"SELECT listing, key, {iri.format('post')}, terms FROM row "
                                       "ORDER BY listing, key"))
    found["post"] = [row for row in found["post"] if row[1:] != (None, 0, 0)]  # a post a patch added
    return found


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


def test_an_index_from_another_build_refuses_the_listings_alone(built: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    shutil.copytree(built, folder, symlinks=True)
    version = folder / "current"
    data = json.loads((version / BUILD).read_text(encoding="utf-8"))
    (version / BUILD).unlink()  # a link to the build's own file: written anew, never in place
    (version / BUILD).write_text(json.dumps({**data, "listings": "another"}), encoding="utf-8")
    with pytest.raises(GraphError, match="listing index is not from the build beside it"):
        BuiltGraph.open(folder).listings()
    refused = run("query", "post-layers", "--graph", str(folder))
    assert refused.exit_code == 2 and "listing index is not from the build beside it" in refused.stderr
    own = tmp_path / "post-layers.rq"  # the listing's text in a user's file: run as SPARQL, no index read
    own.write_text(library()["post-layers"].text, encoding="utf-8")
    for query in ("documents", "find-posts --param text=a", str(own)):
        args = ["query", *query.split(), "--format", "csv"]
        answered = run(*args, "--graph", str(folder))
        assert answered.exit_code == 0, answered.stderr
        assert answered.stdout == run(*args, "--graph", str(built)).stdout


def test_a_damaged_row_leaves_the_listing_to_the_store(built: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    shutil.copytree(built, folder, symlinks=True)
    path = resolve(folder) / FILE
    shutil.copyfile(path, tmp_path / FILE)  # a link to the build's own file: damaged in a copy
    path.unlink()
    shutil.copyfile(tmp_path / FILE, path)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE row SET terms = substr(terms, 1, 5) WHERE listing = 'post-layers'")
    index = ListingIndex.open(folder)
    assert index is not None and index.rows("post-layers") is None
    from_store = run("query", "post-layers", "--graph", str(folder), "--format", "csv")
    assert from_store.exit_code == 0
    assert from_store.stdout == run("query", "post-layers", "--graph", str(built), "--format", "csv").stdout


def test_a_damaged_index_before_is_written_whole_not_patched(built: Path, tmp_path: Path) -> None:
    kept, path = tmp_path / "kept.sqlite", tmp_path / FILE
    shutil.copyfile(resolve(built) / FILE, kept)
    with kept.open("r+b") as f:  # its header read, a page past it not
        f.seek(2 * 4096)
        f.write(b"\xff" * 4096)
    assert not update(path, kept, {}, build="next") and not path.exists()


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


def test_a_rows_key_of_bytes_orders_as_the_query_does() -> None:
    """``Ordering.binary``: keys whose byte order is ``Ordering.sort``'s, ascending and descending, with
    unbound terms, IRIs, text that begins another, zero bytes, code points past the BMP, and
    numbers below zero and past 32 bits; a literal of another kind has none."""
    plan = ordering("SELECT ?n ?t ?p WHERE { ?p ?t ?n } ORDER BY DESC(?n) ?t ?p")
    assert plan is not None
    texts = ["", "a", "ab", "a\x00", "a\x00b", "b", "é", "\U0001f600", "\uffff", "A", "a b"]
    numbers = [None, *(ox.Literal(str(n), datatype=ox.NamedNode(XSD + "integer"))
                       for n in (0, 1, -1, 2, 255, 256, -256, 2**40, -(2**40), 2**63 - 1))]
    titles = [None, *(ox.Literal(t) for t in texts)]
    rows = [(n, t, ox.NamedNode(f"https://example.org/{p}")) for n in numbers for t in titles
            for p in ("a", "b", "a/b")]
    key = plan.binary(("n", "t", "p"), {"n": "number", "t": "string"})
    assert key is not None
    assert sorted(rows, key=key) == plan.sort(("n", "t", "p"), rows)  # type: ignore[arg-type]
    assert key((ox.Literal("3"), None, None)) is None  # a string where numbers are ordered
    assert key((None, ox.Literal("chef", language="fr"), None)) is None
