"""``orgkg validate`` keeps its findings about posts, and ``orgkg chart`` marks them without validating again.

The chart's marks are the same whether it reads the kept findings or
validates itself; it reads them only for the same build, shapes, ontology,
maximum span and engine (``validate.saved``); a version folder that cannot be
written keeps nothing and validation answers the same.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from orgkg.chart.validation import findings_for, from_findings
from orgkg.graph.built import BuiltGraph
from orgkg.graph.output import resolve
from orgkg.validate import Options, findings, saved
from tests.conftest import ROOT, run

CASE = ROOT / "tests" / "cases" / "validate" / "register-supervisor-differs" / "documents"


@pytest.fixture(scope="module")
def built_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("kept") / "out"
    assert run("build", str(CASE), "--out", str(out)).exit_code == 0
    return out


@pytest.fixture
def graph_dir(built_case: Path, tmp_path: Path) -> Path:
    """A copy of the built case, so each test keeps its own findings."""
    copy = tmp_path / "out"
    shutil.copytree(built_case, copy, symlinks=True)
    return copy


def validate(graph_dir: Path, *args: str) -> None:
    assert run("validate", "--graph", str(graph_dir), "--format", "json", *args).exit_code in (0, 1)


def chart_key(graph: BuiltGraph) -> str | None:
    options = Options()
    return saved.key(graph, options.shapes, options.max_span, options.engine)


def test_the_chart_marks_the_same_findings_kept_or_found_now(graph_dir: Path) -> None:
    graph = BuiltGraph.open(graph_dir)
    found_now = findings_for(graph)
    assert not (resolve(graph_dir) / saved.FILE).exists()
    validate(graph_dir)
    assert (resolve(graph_dir) / saved.FILE).is_file()
    assert saved.kept(graph, chart_key(graph)) is not None
    assert findings_for(BuiltGraph.open(graph_dir)) == found_now == from_findings(findings(graph))
    assert any(severity == "Warning" for marks in found_now.values() for severity, _ in marks)


def test_the_chart_reads_the_kept_findings_rather_than_validating(graph_dir: Path) -> None:
    validate(graph_dir)
    path = resolve(graph_dir) / saved.FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    data["findings"] = [[post, severity, "kept: " + message] for post, severity, message in data["findings"]]
    path.write_text(json.dumps(data), encoding="utf-8")
    marks = findings_for(BuiltGraph.open(graph_dir))
    assert marks and all(message.startswith("kept: ") for pairs in marks.values() for _, message in pairs)


@pytest.mark.parametrize("args", [["--max-span", "1"], ["--engine", "pyshacl"],
                                  ["--shapes", str(ROOT / "shapes")]])
def test_findings_kept_for_other_options_are_not_the_charts(graph_dir: Path, args: list[str]) -> None:
    validate(graph_dir, *args)
    graph = BuiltGraph.open(graph_dir)
    same_shapes = args[0] == "--shapes"  # orgkg's own shapes named by their folder are the same shapes
    assert (saved.kept(graph, chart_key(graph)) is not None) == same_shapes


def test_a_new_build_is_not_marked_with_the_findings_of_the_last(graph_dir: Path) -> None:
    validate(graph_dir)
    assert run("build", str(CASE), "--out", str(graph_dir)).exit_code == 0
    graph = BuiltGraph.open(graph_dir)
    assert saved.kept(graph, chart_key(graph)) is None


def test_findings_that_cannot_be_kept_leave_validation_as_it_is(graph_dir: Path) -> None:
    """Where the file cannot be written (a folder in its place; as for a read-only copy), nothing is
    kept and validation answers the same."""
    (resolve(graph_dir) / saved.FILE).mkdir()
    done = run("validate", "--graph", str(graph_dir), "--format", "json")
    assert done.exit_code in (0, 1) and json.loads(done.stdout)
    assert (resolve(graph_dir) / saved.FILE).is_dir()
    assert not [p for p in resolve(graph_dir).iterdir() if p.name.startswith(f".{saved.FILE}")]
