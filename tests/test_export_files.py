"""Export to files: every format re-read by rdflib AND pyoxigraph gives the same graph."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from orgkg.export.files import FORMATS, context
from orgkg.graph.store import STORE
from tests.conftest import run

RDFLIB_NAMES = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld",
                "rdfxml": "xml"}


def expected(built: Path) -> Dataset:
    """The named graphs of the built store (their terms exactly as stored)."""
    store = ox.Store.read_only(str(built / STORE))
    named = [q for q in store if isinstance(q.graph_name, ox.NamedNode)]
    ds = Dataset()
    ds.parse(data=ox.serialize(named, format=ox.RdfFormat.N_QUADS).decode(), format="nquads")
    return ds


def union(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def per_graph(ds: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_round_trips_through_rdflib_and_pyoxigraph(built: Path, tmp_path: Path,
                                                                name: str) -> None:
    f = FORMATS[name]
    out = tmp_path / f"graph.{f.extensions[0]}"
    result = run("export", "--graph", str(built), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    want = expected(built)
    # rdflib, given the local context for JSON-LD (the file carries it inline anyway: nothing is fetched)
    got = Dataset()
    extra = {"context": context()} if name == "jsonld" else {}
    got.parse(out, format=RDFLIB_NAMES[name], **extra)
    # pyoxigraph, strict
    oxi = Dataset()
    nq = ox.serialize(ox.parse(path=str(out), format=f.rdf), format=ox.RdfFormat.N_QUADS)
    oxi.parse(data=(nq or b"").decode(), format="nquads")
    for read in (got, oxi):
        if f.quads:
            assert per_graph(read).keys() == per_graph(want).keys()
            for iri, g in per_graph(want).items():
                assert isomorphic(per_graph(read)[iri], g), f"{name}: graph {iri} differs"
        else:
            assert isomorphic(union(read), union(want)), f"{name}: the union differs"


def test_exports_are_deterministic(built: Path, tmp_path: Path) -> None:
    for name in ("turtle", "nquads", "jsonld"):
        a, b = tmp_path / f"a.{name}", tmp_path / f"b.{name}"
        for out in (a, b):
            assert run("export", "--graph", str(built), "--out", str(out), "--format", name).exit_code == 0
        assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize(("fmt", "first"), [
    ("application/n-quads", b"<https://w3id.org/orgkg/id/"),
    ("nq", b"<https://w3id.org/orgkg/id/"),
    ("text/turtle", b"@prefix"),
    ("ttl", b"@prefix"),
    ("application/rdf+xml", b"<?xml"),
])
def test_format_by_short_name_or_media_type_to_stdout(built: Path, fmt: str, first: bytes) -> None:
    result = run("export", "--graph", str(built), "--format", fmt)
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.startswith(first)


def test_jsonld_reads_naturally_with_the_context(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.jsonld"
    assert run("export", "--graph", str(built), "--out", str(out)).exit_code == 0
    doc = json.loads(out.read_text())
    assert doc["@context"]["reportsTo"]["@id"] == "org:reportsTo"
    text = out.read_text()
    assert '"reportsTo"' in text and '"primaryTitle"' in text
    assert "http://www.w3.org/ns/org#reportsTo" not in text


@pytest.mark.parametrize(("args", "message"), [
    (["--out", "graph.xyz"], "cannot tell the format"),
    (["--out", "graph.ttl", "--format", "yaml"], "unknown format"),
    ([], "give --out FILE"),
])
def test_bad_export_requests(built: Path, tmp_path: Path, args: list[str], message: str) -> None:
    args = [str(tmp_path / a) if a.startswith("graph.") else a for a in args]
    result = run("export", "--graph", str(built), *args)
    assert result.exit_code == 2 and message in result.stderr
