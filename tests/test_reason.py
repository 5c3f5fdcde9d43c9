"""`orgkg reason`: HermiT on the samples (consistent, supervisory posts inferred) and on a contradiction."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from orgkg.graph.output import Output
from orgkg.mapping.terms import document_post
from tests.conftest import ROOT, SAMPLES, run
from tests.support.faults import Run, killed_at_each_operation, orgkg

INCONSISTENT = ROOT / "tests" / "cases" / "reason" / "inconsistent" / "documents"
SUPERVISORY = "https://w3id.org/orgkg/ontology#SupervisoryPost"

pytestmark = pytest.mark.skipif(shutil.which("java") is None, reason="needs Java (tools/system-deps.sh)")


def test_samples_are_consistent_and_supervisory_posts_inferred(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(built, out)
    result = run("reason", "--graph", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("consistent")
    for source, title in (("000_90ea68258074114b.txt", "Chief, Client Solutions Officer"),
                          ("003_12d5e8fc9094d42c.txt", "IT Program Manager")):
        assert f"{document_post(source, title)}  a  {SUPERVISORY}" in result.stdout
    inferred = (out / "inferred.trig").read_text(encoding="utf-8")
    assert SUPERVISORY.split("#")[1] in inferred
    store = ox.Store.read_only(str(out / "store"))
    rows = list(store.query("SELECT ?p WHERE { GRAPH <https://w3id.org/orgkg/id/graph/inferred> "
                            f"{{ ?p a <{SUPERVISORY}> }} }}"))
    assert len(rows) == result.stdout.count(SUPERVISORY)
    again = run("reason", "--graph", str(out))  # deterministic: the same file again
    assert (out / "inferred.trig").read_text(encoding="utf-8") == inferred and again.exit_code == 0


def test_a_contradiction_is_inconsistent_with_the_culprit_named(tmp_path: Path) -> None:
    built = run("build", str(INCONSISTENT), "--out", str(tmp_path / "out"))
    assert built.exit_code == 0, built.stderr
    result = run("reason", "--graph", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stdout.startswith("INCONSISTENT")
    assert "orgkg:supervisesCount is an owl:FunctionalProperty" in result.stdout
    assert "post/54100233" in result.stdout and "3, 5" in result.stdout


def test_without_java_one_line_and_exit_2(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    result = run("reason", "--graph", str(built))
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and "no Java runtime" in result.stderr


def _reason(out: Path, fault: str | None = None) -> Run:
    return orgkg("reason", "--graph", str(out), fault=fault, timeout=600)


def _inferred(out: Path) -> str:
    """What a reader sees of the inferred graph: the supervisory posts, as the store answers them."""
    result = run("query", "describe-post", "--graph", str(out), "--format", "json", "--param",
                 f"post=<{document_post('003_12d5e8fc9094d42c.txt', 'IT Program Manager')}>")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_reason_killed_at_any_file_operation_leaves_the_build_with_or_without_its_inferences(
        tmp_path: Path) -> None:
    pristine = tmp_path / "pristine"
    assert run("build", str(SAMPLES), "--out", str(pristine), "-q").exit_code == 0
    before = _inferred(pristine)
    done = tmp_path / "done"
    shutil.copytree(pristine, done, symlinks=True)
    assert _reason(done).returncode == 0
    after = _inferred(done)
    assert SUPERVISORY in after and SUPERVISORY not in before
    outcomes = killed_at_each_operation(pristine, tmp_path, _reason, _inferred, before, after, most=30)
    assert "before" in outcomes and "after" in outcomes, outcomes


def test_reason_waits_for_no_build_it_says_who_holds_the_folder(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(built, out, symlinks=True)
    with Output.open(out):  # a build is writing here
        result = _reason(out)
    assert result.returncode == 2 and "another orgkg build is writing here" in result.stderr
