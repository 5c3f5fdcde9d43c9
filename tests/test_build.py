"""`orgkg build`: named graphs per document, deterministic, parseable, fault-tolerant."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from orgkg.build.write import LAST, PART, Loader, part_size
from orgkg.extract import recognise
from orgkg.graph.built import BuiltGraph
from orgkg.graph.store import trig_text
from orgkg.graph.structure import STRUCTURE_GRAPH
from orgkg.mapping.evidence import is_evidence
from orgkg.mapping.namespaces import ORGKG
from tests.conftest import SAMPLES, run

FAMILIES = {
    "000_90ea68258074114b.txt": "goc-ex-position-description",
    "001_8ba5af5d962b80b0.txt": "alberta-position-profile",
    "002_98d24b394b33c00d.txt": "bc-benchmark-job",
    "003_12d5e8fc9094d42c.txt": "denver-class-specification",
    "004_537286d98502ce55.txt": "montana-job-profile",
}


@pytest.mark.parametrize(("name", "family"), FAMILIES.items())
def test_recogniser_names_each_sample_family(name: str, family: str) -> None:
    found = recognise((SAMPLES / name).read_text(encoding="utf-8"))
    assert found.family == family
    assert found.confidence >= 0.7


def test_unknown_layout_goes_to_the_generic_loader() -> None:
    assert recognise("Shopping list\n\n- eggs\n- milk\n").family == "generic"


def _build(out: Path, *inputs: Path, seed: str = "0") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    cmd = [sys.executable, "-m", "orgkg", "build", *map(str, inputs), "--out", str(out)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)


def test_building_twice_gives_byte_identical_output(tmp_path: Path) -> None:
    first, second = _build(tmp_path / "a", SAMPLES, seed="1"), _build(tmp_path / "b", SAMPLES, seed="2")
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert trig_text(tmp_path / "a/current") == trig_text(tmp_path / "b/current")


def test_one_named_graph_per_document_with_its_provenance(built: Path) -> None:
    """Beside them, the structure the build derives from their reporting lines (graph.structure)."""
    ds = Dataset()
    ds.parse(data=trig_text(built / "current"), format="trig")
    graphs = [g for g in ds.graphs() if g.identifier not in (ds.default_graph.identifier, STRUCTURE_GRAPH)]
    assert len(ds.graph(STRUCTURE_GRAPH)) > 0
    assert len([g for g in graphs if len(g)]) == len(FAMILIES)
    for g in graphs:
        if not len(g):
            continue
        (doc,) = set(g.subjects(RDF.type, ORGKG.SourceDocument))
        assert g.value(doc, ORGKG.documentFamily) is not None
        assert len(str(g.value(doc, ORGKG.sha256))) == 64
        assert g.value(doc, ORGKG.loaderVersion) is not None


def test_no_blank_nodes_and_trig_parses_alike_in_rdflib_and_oxigraph(built: Path) -> None:
    ds = Dataset()
    ds.parse(data=trig_text(built / "current"), format="trig")
    quads = list(ds.quads())
    assert quads
    assert not any(type(t).__name__ == "BNode" for q in quads for t in q[:3])
    store = ox.Store()
    for path in (built / "graphs").iterdir():  # each graph's file is a TriG document of its own
        store.load(path=str(path), format=ox.RdfFormat.TRIG)
    assert len(store) == len(quads)


def test_the_store_is_loaded_and_opens_without_parsing(built: Path) -> None:
    store = ox.Store.read_only(str(built / "store"))
    trig = trig_text(built / "current")
    reparsed = ox.Store()
    reparsed.load(trig.encode(), ox.RdfFormat.TRIG)
    named = [q for q in store if isinstance(q.graph_name, ox.NamedNode)]
    assert len(named) == len(reparsed)
    # The default graph holds the union of the named graphs' facts, for whole-organisation
    # queries; the evidence annotations stay in the named graphs only.
    default = set(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    facts = {q.triple for q in reparsed if not is_evidence(q.subject.value)}
    assert {q.triple for q in default} == facts
    assert len(facts) < len({q.triple for q in reparsed})


def test_mentioned_positions_are_nodes_with_reporting_lines(built: Path) -> None:
    ds = Dataset()
    ds.parse(data=trig_text(built / "current"), format="trig")
    org = "http://www.w3.org/ns/org#"
    # The federal sample: the ADM has six direct reports, the described post one of them.
    adm_reports = {}
    for s, _, o, _ in ds.quads((None, URIRef(org + "reportsTo"), None, None)):
        adm_reports.setdefault(o, set()).add(s)
    assert max(len(v) for v in adm_reports.values()) == 6


def test_a_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(SAMPLES, docs)
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(bytes(range(256)) * 40)
    result = run("build", str(docs), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith(str(docs / "empty.txt") + ": ") for line in lines)
    assert any(line.startswith(str(docs / "binary.txt") + ": ") for line in lines)
    assert "Traceback" not in result.stderr
    report = json.loads((tmp_path / "out/build-report.json").read_text())
    assert sum(r["status"] == "ok" for r in report) == len(FAMILIES)
    assert sum(r["status"] == "failed" for r in report) == 2
    clean = _build(tmp_path / "clean", SAMPLES)
    assert clean.returncode == 0
    assert trig_text(tmp_path / "out/current") == trig_text(tmp_path / "clean/current")


def test_folders_skip_files_without_a_reader(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    shutil.copy(SAMPLES / "002_98d24b394b33c00d.txt", tmp_path / "docs")
    (tmp_path / "docs/chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = run("build", str(tmp_path / "docs"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "chart.png: skipped" in result.stderr


def test_data_on_stdout_messages_on_stderr(built: Path) -> None:
    result = run("positions", "--graph", str(built), "--format", "json")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert len(records) == len(FAMILIES)
    assert result.stderr == ""


def test_a_missing_graph_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run("positions", "--graph", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "no such graph folder" in result.stderr


def test_a_changed_document_gives_a_small_diff(tmp_path: Path) -> None:
    import difflib

    docs = tmp_path / "docs"
    shutil.copytree(SAMPLES, docs)
    before = _build(tmp_path / "before", docs)
    montana = docs / "004_537286d98502ce55.txt"
    montana.write_text(montana.read_text(encoding="utf-8").replace("**35%**", "**30%**"), encoding="utf-8")
    after = _build(tmp_path / "after", docs)
    assert before.returncode == after.returncode == 0
    old = trig_text(tmp_path / "before/current").splitlines()
    new = trig_text(tmp_path / "after/current").splitlines()
    changed = [ln for ln in difflib.unified_diff(old, new, lineterm="", n=0)
               if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]
    # The share of time, and the document's digest: one line out, one in, for each.
    assert len(changed) == 4, changed


def test_a_store_load_that_fails_at_its_end_stops_its_thread(tmp_path: Path) -> None:
    """A graph whose text ends unfinished fails the load only once its stream has ended: the loading
    thread stops (it does not wait for more graphs) and the build gets the error."""
    loader = Loader(tmp_path)
    loader.queue.put(b"<http://example.org/a> <http://example.org/b> ")
    loader.end()
    loader.thread.join(timeout=30)
    assert not loader.thread.is_alive()
    with pytest.raises(SyntaxError):
        loader.finish()


def test_a_store_loader_told_how_many_graphs_come_leaves_little_for_its_last_load() -> None:
    """The last bulk load sorts and writes its quads after every document is read, with nothing else
    to run beside it: told how many graphs to expect, a loader leaves LAST graphs for it; not told, it
    loads PART graphs, then as many as before."""
    def sizes(expected: int | None, total: int) -> list[int]:
        done: list[int] = []
        while sum(done) < total:
            done.append(part_size(sum(done), expected))
        return done
    assert sizes(465, 465) == [PART, PART, 2 * PART, 465 - 4 * PART - LAST, LAST]
    assert sizes(None, 465) == [PART, PART, 2 * PART, 4 * PART]
    assert sizes(10, 10) == [10]
    assert sizes(10, 100)[:2] == [10, PART]  # more graphs than expected: loaded all the same


def test_a_post_whose_title_was_not_read_has_a_null_title_and_a_placeholder_label(tmp_path: Path) -> None:
    """The register says what was read: no title is null, not the placeholder shown in charts and listings."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "untitled.txt").write_text("Duties\n\n- Prepare the annual budget of the unit.\n"
                                       "- Supervise the clerks of the office.\n\n"
                                       "Education: Bachelor's degree in Accounting.\n", encoding="utf-8")
    assert run("build", str(docs), "--out", str(tmp_path / "out"), "-q").exit_code == 0
    positions = run("positions", "--graph", str(tmp_path / "out"), "--format", "json", "--evidence")
    [record] = json.loads(positions.stdout)
    assert record["title"] is None and record["education"] == "Bachelor's degree in Accounting"
    assert all(item["field"] != "title" for item in record["evidence"])
    graph = BuiltGraph.open(tmp_path / "out")
    shown = {(t.subject.value, t.object.value) for t in graph.triples()
             if t.predicate == ox.NamedNode(str(ORGKG.primaryTitle))}
    a_untitled_post = (ox.NamedNode(str(RDF.type)), ox.NamedNode(str(ORGKG.UntitledPost)))
    untitled = {t.subject.value for t in graph.triples() if (t.predicate, t.object) == a_untitled_post}
    assert (record["iri"], "Untitled position") in shown and untitled == {record["iri"]}
