"""A register's graph and what the build takes from it, written from its rows.

A register of 100,000 rows gives millions of triples, so the mapper writes its
rows' statements as text (``mapping.triples``) and gives the build the
reporting lines, posts, placements, vacancies, titles and the posts it offers
to the mention directory as its rows state them (``RegisterParts``), instead
of reading them back from the graph. Both must be exactly what the graph
says: for every register case, the bundled example register and a register of
awkward rows, the parts equal the graph's own (``graph.structure``,
``graph.identity``), and the text the build writes parses to the graph.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import ORG

from orgkg.build.work import titles
from orgkg.extract.register import load_columns, recognise
from orgkg.graph.identity import offered, offers
from orgkg.graph.store import HEAD, block
from orgkg.graph.structure import placements, posts, reporting_lines, vacancies
from orgkg.mapping.namespaces import ORGKG
from orgkg.mapping.register import RegisterParts, RegisterSource, register_parts
from orgkg.mapping.triples import Triples
from orgkg.read.table import SUFFIXES, read_table
from tests.conftest import ROOT

CASES = sorted(p for p in (Path(__file__).parent / "cases" / "register").iterdir() if p.is_dir())
REGISTERS = [next(p for p in case.iterdir() if p.suffix in SUFFIXES) for case in CASES]

AWKWARD = """Position Number,Reports To Position,Title,Jurisdiction,Department,Unit Path,Class,Level,Status
A-1,,"Director, ""Quoted"" Services",,Dept of Things,Operations,Manager,Band 3,Filled
A 2,A-1,Analyst,,DEPT OF THINGS,Operations / Intake,Analyst,Band 1,Vacant
B3,A-1,Clerk,State of X,,Front Desk,,,Vacant
C4,,Adviser,,,,,,
a 1,A-1,Other Title,,Elsewhere,Unit Z,Manager,Band 3,Filled
"""


def _mapped(path: Path) -> tuple[URIRef, Triples, RegisterParts]:
    columns = path.parent / "columns.toml"
    data = path.read_bytes()
    table = read_table(path, data)
    register = recognise(str(path), table, load_columns(columns) if columns.exists() else None)
    source = RegisterSource(path.name, hashlib.sha256(data).hexdigest(), table.reader, "text/csv")
    return register_parts(register, source)


def _awkward(tmp_path: Path) -> Path:
    path = tmp_path / "awkward.csv"
    path.write_text(AWKWARD, encoding="utf-8")
    return path


@pytest.fixture(params=[*REGISTERS, ROOT / "data" / "register" / "positions.csv", "awkward"],
                ids=lambda p: p if isinstance(p, str) else p.parent.name)
def register(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return _awkward(tmp_path) if request.param == "awkward" else Path(request.param)


def test_the_parts_from_the_rows_are_the_graphs(register: Path) -> None:
    _, g, parts = _mapped(register)
    graph = g.view()
    assert set(parts.lines) == set(reporting_lines([graph]))
    assert set(parts.posts) == set(posts([graph]))
    assert set(parts.units) == set(placements([graph]))
    assert set(parts.vacant) == set(vacancies([graph]))
    assert set(parts.titles) == set(titles(graph))
    assert sorted(offered(parts.named, parts.organisation)) == sorted(offers(graph))


def test_the_written_block_is_the_graph(register: Path) -> None:
    iri, g, _ = _mapped(register)
    written = Dataset()
    written.parse(data=HEAD + block(iri, g), format="trig")
    assert set(written.graph(iri)) == set(g.view())
    assert len(g) == len(g.view())


def test_awkward_rows(tmp_path: Path) -> None:
    """Two numbers that fold to one post are one post with both titles; a quote in a title
    survives; a post with no organisation (a jurisdiction only, or nothing) offers nothing."""
    _, g, parts = _mapped(_awkward(tmp_path))
    graph = g.view()
    post = next(p for p, t in parts.titles if t == "Other Title")
    assert {str(t) for t in graph.objects(URIRef(post), ORGKG.title)} == {
        'Director, "Quoted" Services', "Other Title"}
    assert len(set(graph.objects(URIRef(post), ORG.postIn))) == 2
    keys = {key for key, _ in offered(parts.named, parts.organisation)}
    assert ("dept of things", "analyst") in keys
    assert not any(title in ("clerk", "adviser") for _, title in keys)
    assert (None, ORGKG.vacant, Literal(True)) in graph
