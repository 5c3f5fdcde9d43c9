"""The position register against the documents: the example register, and the named query.

``make run`` builds the bundled documents with the illustrative register of
``data/register/`` (the Montana Secretary of State's Information Services
unit), which agrees with its job profile except for one planted
disagreement: the register calls the unit "Information Services", the
profile "Information Technology". Validation reports exactly that one
reconciled finding, and ``register-vs-documents`` lists exactly that row. On
every register case folder of ``tests/cases/validate`` the query lists the
same disagreements as the rules of ``shapes/register.ttl``, and its text as
written (what an endpoint runs) gives the same rows as the hash-joined text
the local engine runs (``# plan: hash-join``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from orgkg.errors import QueryError
from orgkg.graph.built import BuiltGraph
from orgkg.query.library import get, parse
from orgkg.query.local import LocalGraph
from tests.conftest import ROOT, SAMPLES, run

REGISTER = ROOT / "data" / "register"
CASES = ROOT / "tests" / "cases" / "validate"
#: Each reconciliation rule and the ``field`` the named query gives its disagreement.
FIELDS = {
    "RegisterTitleAgrees": "title",
    "RegisterSupervisorAgrees": "supervisor",
    "RegisterLevelAgrees": "level",
    "RegisterClassAgrees": "class",
    "RegisterUnitAgrees": "unit",
    "DescribedNumberRegistered": "position number not in the register",
    "RegisteredSupervisorDescribed": "registered supervisory post without a document",
}


def build(out: Path, *inputs: Path) -> Path:
    result = run("build", *map(str, inputs), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    return out


def findings(graph: Path) -> list[dict[str, Any]]:
    result = run("validate", "--graph", str(graph), "--format", "json")
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return [f for f in found if f["rule"].rsplit("#", 1)[-1] in FIELDS]


def disagreements(graph: Path, *args: str) -> list[dict[str, Any]]:
    result = run("query", "register-vs-documents", "--graph", str(graph), "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


@pytest.fixture(scope="module")
def with_register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What ``make run`` builds: the bundled documents and the example register."""
    return build(tmp_path_factory.mktemp("with-register"), SAMPLES, REGISTER)


def test_make_run_builds_the_register_beside_the_documents() -> None:
    recipe = (ROOT / "Makefile").read_text("utf-8").split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "orgkg build data/documents data/register" in recipe


def test_the_example_register_gives_exactly_the_one_planted_finding(with_register: Path) -> None:
    (finding,) = findings(with_register)
    assert finding["rule"].endswith("#RegisterUnitAgrees") and finding["severity"] == "Warning"
    assert finding["title"] == "Computer Information System Manager"
    for part in ("004_537286d98502ce55.txt", '"Information Technology"', "positions.csv, row 3",
                 '"Information Services"'):
        assert part in finding["message"]


def test_the_named_query_lists_the_same_disagreement_with_both_sources(with_register: Path) -> None:
    (row,) = disagreements(with_register)
    assert {k: row[k] for k in ("number", "field", "document", "documentValue", "register", "row",
                                "registerValue")} == {
        "number": "32155023", "field": "unit", "document": "004_537286d98502ce55.txt",
        "documentValue": "Information Technology", "register": "positions.csv", "row": 3,
        "registerValue": "Information Services"}


def test_the_example_register_is_labelled_illustrative() -> None:
    first_line = (REGISTER / "positions.csv").read_text("utf-8").splitlines()[0]
    assert "Illustrative" in first_line
    assert "illustrative" in (ROOT / "data" / "register.md").read_text("utf-8").lower()


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.name.startswith("register-")))
def test_the_query_lists_what_the_rules_find(case: str, tmp_path: Path) -> None:
    graph = build(tmp_path / "out", CASES / case / "documents")
    by_rules = sorted((f["post"], FIELDS[f["rule"].rsplit("#", 1)[-1]]) for f in findings(graph))
    by_query = sorted((r["post"], r["field"]) for r in disagreements(graph))
    assert by_query == by_rules


def test_every_class_carries_the_keys_the_rules_compare_it_by(tmp_path: Path) -> None:
    """The register's class and the document's, as built: code and title, each case folded."""
    graph = BuiltGraph.open(build(tmp_path / "out", CASES / "register-class-differs" / "documents"))
    answer = graph.query("SELECT ?key WHERE { ?class a <https://w3id.org/orgkg/ontology#JobClass> ; "
                         "<https://w3id.org/orgkg/ontology#classKey> ?key }")
    assert isinstance(answer, ox.QuerySolutions)
    assert {row["key"].value for row in answer} >= {
        "code 179118", "title civil engineering supervisor",  # the register's row
        "code 179117", "title civil engineering manager"}     # the job profile


def solutions(graph: BuiltGraph, text: str) -> list[tuple[str | None, ...]]:
    answer = graph.query(text)
    assert isinstance(answer, ox.QuerySolutions)
    names = [v.value for v in answer.variables]
    return [tuple(None if row[n] is None else str(row[n]) for n in names) for row in answer]


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.name.startswith("register-")))
def test_the_hash_joined_query_answers_as_written(case: str, tmp_path: Path) -> None:
    graph = BuiltGraph.open(build(tmp_path / "out", CASES / case / "documents"))
    query = get("register-vs-documents")
    planned = LocalGraph(graph).narrow(query, {})
    assert query.hash_join and planned != query.text and "SELECT * WHERE" in planned
    rows = solutions(graph, query.text)
    assert solutions(graph, planned) == rows and bool(rows) == (case != "register-clean")


def test_a_unit_keeps_the_disagreements_of_its_posts(with_register: Path) -> None:
    def fields(*args: str) -> list[str]:
        return [row["field"] for row in disagreements(with_register, *args)]
    assert fields("--param", "unit=id:unit/information-technology-69028fe27ee3") == ["unit"]
    assert fields("--param", "unit=id:unit/information-services-553b0e9fdbb3") == ["unit"]  # the register's
    assert fields("--param", "unit=id:unit/management-services-bureau-44d3a324a39a") == []  # not sub-units


def test_a_plan_header_names_a_known_plan(tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text("# name: q\n# summary: s\n# plan: nested-loops\nSELECT ?s WHERE { ?s ?p ?o }\n",
                    encoding="utf-8")
    with pytest.raises(QueryError, match="plan"):
        parse(path)
