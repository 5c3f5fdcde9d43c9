"""`orgkg validate`: the samples' findings, the three formats, the exit codes, the engines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench.synthetic import graphs
from rdflib import Graph
from rdflib.namespace import RDF, SH

from orgkg.graph.built import BuiltGraph
from orgkg.graph.store import write as write_store
from orgkg.mapping.terms import document_post
from orgkg.resources import ontology_path
from orgkg.validate import Options, findings, validate
from orgkg.validate import shapes as shape_files
from orgkg.validate.engine import FastEngine, PlainEngine
from orgkg.validate.engine.base import ontology_graph
from orgkg.validate.formats import FORMATTERS
from tests.conftest import run

SAMPLE_FINDINGS = {
    ("OneSupervisor", "Violation", "Manager, Practice Management Office"),
    ("DescribedPostNamedOneWay", "Warning", "Manager, Practice Management Office"),
    ("DescribedPostNamedOneWay", "Warning", "Chief, Client Solutions Officer"),
    ("StatedSpanAllNamed", "Warning", "User Systems Coordinator"),
}


def as_json(out: Path, *extra: str) -> tuple[int, list[dict[str, object]]]:
    result = run("validate", "--graph", str(out), "--format", "json", *extra)
    return result.exit_code, json.loads(result.stdout)


def test_samples_findings(built: Path) -> None:
    code, items = as_json(built)
    assert {(str(f["rule"]).rsplit("#", 1)[-1], f["severity"], f["title"]) for f in items} == SAMPLE_FINDINGS
    assert code == 1
    alberta = next(f for f in items if str(f["rule"]).endswith("OneSupervisor"))
    assert alberta["document"] == "001_8ba5af5d962b80b0.txt"
    assert "two different ways" in str(alberta["message"])
    assert set(alberta) == {"severity", "rule", "rule_name", "component", "focus", "post", "title",
                            "document", "path", "value", "message", "quotes"}


def test_a_finding_quotes_the_text_it_is_about(built: Path) -> None:
    """Each quote is `orgkg read`'s text at its offsets, and is about what the rule checks."""
    _, items = as_json(built)
    quoted = {str(f["rule"]).rsplit("#", 1)[-1]: f["quotes"] for f in items}
    assert {q["field"] for q in quoted["OneSupervisor"]} == {"reports_to"}  # type: ignore[union-attr]
    span = {q["field"] for q in quoted["StatedSpanAllNamed"]}  # type: ignore[union-attr]
    assert span == {"supervises_count", "direct_reports"}
    assert {q["field"] for q in quoted["DescribedPostNamedOneWay"]} == {"title"}  # type: ignore[union-attr]
    samples = Path(__file__).resolve().parents[1] / "data" / "documents"
    for f in items:
        assert f["quotes"], f["rule"]
        for q in f["quotes"]:  # type: ignore[attr-defined]
            assert q["document"] == f["document"]
            text = run("read", str(samples / q["document"])).stdout
            assert text[q["start"]:q["end"]] == q["quote"]
    lines = run("validate", "--graph", str(built)).stdout.splitlines()
    supervisor = next(q for q in quoted["OneSupervisor"])  # type: ignore[union-attr]
    shown = f"\u201c{supervisor['quote']}\u201d"
    assert any(ln.strip().startswith(shown) and "characters" in ln for ln in lines)


def test_text_groups_by_rule_and_counts(built: Path) -> None:
    result = run("validate", "--graph", str(built))
    lines = result.stdout.splitlines()
    assert "one supervisor (OneSupervisor): 1" in lines
    assert "described position named one way (DescribedPostNamedOneWay): 2" in lines
    assert lines[-1] == "1 violation, 3 warnings, 0 infos"
    assert any("Chief Applications Officer" in ln and "[000_90ea68258074114b.txt]" in ln for ln in lines)


def test_turtle_is_a_standard_report(built: Path) -> None:
    result = run("validate", "--graph", str(built), "--format", "turtle")
    report = Graph().parse(data=result.stdout, format="turtle")
    node = report.value(None, RDF.type, SH.ValidationReport, any=False)
    assert node is not None and report.value(node, SH.conforms).toPython() is False
    results = list(report.objects(node, SH.result))
    assert len(results) == len(SAMPLE_FINDINGS)
    shapes = {str(report.value(r, SH.sourceShape)).rsplit("#", 1)[-1] for r in results}
    assert shapes == {r for r, _, _ in SAMPLE_FINDINGS}


def test_max_span_option(built: Path) -> None:
    _, items = as_json(built, "--max-span", "5")
    spans = [f for f in items if str(f["rule"]).endswith("SpanWithinMaximum")]
    assert [f["title"] for f in spans] == ["ADM, Systems Branch"]  # six posts report to the ADM
    assert spans[0]["severity"] == "Warning"


def test_exit_2_without_a_graph(tmp_path: Path) -> None:
    result = run("validate", "--graph", str(tmp_path / "missing"))
    assert result.exit_code == 2 and "no such graph folder" in result.stderr


def test_exit_2_on_bad_shapes(built: Path, tmp_path: Path) -> None:
    (tmp_path / "bad.ttl").write_text("this is not turtle", encoding="utf-8")
    result = run("validate", "--graph", str(built), "--shapes", str(tmp_path))
    assert result.exit_code == 2 and "not valid Turtle" in result.stderr


def test_exit_2_on_shapes_the_fast_engine_cannot_translate(built: Path, tmp_path: Path) -> None:
    (tmp_path / "or.ttl").write_text("""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix org: <http://www.w3.org/ns/org#> .
        <urn:x:Either> a sh:NodeShape ; sh:targetClass org:Post ;
            sh:or ( [ sh:path org:reportsTo ; sh:minCount 1 ] [ sh:path org:postIn ; sh:minCount 1 ] ) .
        """, encoding="utf-8")
    result = run("validate", "--graph", str(built), "--shapes", str(tmp_path))
    assert result.exit_code == 2 and "sh:or" in result.stderr and "--engine pyshacl" in result.stderr
    fallback = run("validate", "--graph", str(built), "--shapes", str(tmp_path), "--engine", "pyshacl")
    assert fallback.exit_code == 1 and "urn:x:Either" in fallback.stdout  # pyshacl runs what we cannot


def test_exit_0_when_only_warnings(built: Path, tmp_path: Path) -> None:
    shapes = tmp_path / "shapes"
    shapes.mkdir()
    for name in ("prefixes.ttl", "structure.ttl"):
        text = (shape_files.default_folder() / name).read_text(encoding="utf-8")
        (shapes / name).write_text(text, encoding="utf-8")
    result = run("validate", "--graph", str(built), "--shapes", str(shapes))
    assert result.exit_code == 0 and "2 warnings" in result.stdout


def test_findings_api_for_the_chart(built: Path) -> None:
    found = findings(built)
    assert {(f.post, f.severity.value) for f in found if f.rule == "one supervisor"} == {
        (str(document_post("001_8ba5af5d962b80b0.txt", "Manager, Practice Management Office")), "Violation")}
    assert all(f.focus and f.message for f in found)


@pytest.mark.slow
def test_fast_engine_gives_exactly_pyshacls_findings_on_a_synthetic_organisation(tmp_path: Path) -> None:
    """60 positions with every defect injected; the reference is plain pyshacl."""
    write_store(tmp_path, dict(graphs(60, defects=True)), [])
    store = BuiltGraph.open(tmp_path)
    shapes, ontology = shape_files.load(), ontology_graph(ontology_path())
    fast = {r.key() for r in FastEngine().run(store, shapes, ontology)}
    plain = {r.key() for r in PlainEngine().run(store, shapes, ontology)}
    assert fast == plain
    rules = {k[4].rsplit("#", 1)[-1] for k in fast}
    assert {"SharesAddUpTo100", "NamedReportsWithinStatedSpan", "SupervisesLowerRankOnly",
            "SeriesNumberingHasNoGaps", "NoReportingCycle", "FactorPointsAddUp"} <= rules


def test_validate_accepts_options(built: Path) -> None:
    report = validate(built, Options(engine="fast", max_span=100))
    assert report.has_violations and "sh:ValidationReport" in FORMATTERS["turtle"]().format(report)


def test_odd_literals_of_the_shapes_are_valid_sparql(built: Path, tmp_path: Path) -> None:
    """A shape's literals go into the fast engine's queries through the one writer of literals
    (``mapping.triples.string``): a target node over two lines ending in a backslash and a quote (which
    rdflib's ``n3`` ends a quote early) and a bound so written give pyshacl's findings, not a traceback."""
    (tmp_path / "odd.ttl").write_text(r'''
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:x:Odd> a sh:PropertyShape ; sh:targetNode """Keeper of the
        \\\"""" ; sh:path <urn:x:p> ; sh:minCount 1 .
        <urn:x:Bound> a sh:PropertyShape ; sh:targetNode <urn:x:n> ; sh:path <urn:x:p> ;
            sh:maxInclusive """Keeper
        \\\"""" .
        ''', encoding="utf-8")
    for engine in ("fast", "pyshacl"):
        code, items = as_json(built, "--shapes", str(tmp_path), "--engine", engine)
        assert code == 1
        assert [(f["rule"], f["focus"]) for f in items] == [("urn:x:Odd", 'Keeper of the\n        \\"')]
