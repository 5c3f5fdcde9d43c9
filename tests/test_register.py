"""`orgkg positions`: the register computed from the graph loses nothing the extractors read.

For every sample and every extraction case, the record the register computes
from the built graph equals the record projected straight from the
extractor's output (lists compared as multisets: the graph keeps no order
for reporting lines).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from orgkg.extract import extract
from tests.conftest import ROOT, SAMPLES, run
from tests.support.project import project

CASES = sorted((Path(__file__).parent / "cases" / "extract").glob("*/*/input.txt"))
UNORDERED = ("identifiers", "direct_reports", "peers", "org_units")


def canonical(record: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in record.items() if k != "iri"}
    for key in UNORDERED:
        out[key] = sorted(json.dumps(x, sort_keys=True) for x in out[key])
    return json.loads(json.dumps(out))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, Any]]]:
    """Samples and case inputs under unique names, built into one graph."""
    docs = tmp_path_factory.mktemp("corpus")
    for path in SAMPLES.glob("*.txt"):
        shutil.copy(path, docs / path.name)
    for path in CASES:
        shutil.copy(path, docs / f"{path.parent.parent.name}--{path.parent.name}.txt")
    out = tmp_path_factory.mktemp("graph")
    assert run("build", str(docs), "--out", str(out)).exit_code == 0
    result = run("positions", "--graph", str(out), "--format", "json")
    records = {r["source"]: r for r in json.loads(result.stdout)}
    return docs, records


def distinct(docs: Path) -> list[Path]:
    """The files with content no earlier file has: a copy of a sample is the same source, read once."""
    seen: set[bytes] = set()
    firsts = []
    for path in sorted(docs.iterdir()):
        if path.read_bytes() not in seen:
            seen.add(path.read_bytes())
            firsts.append(path)
    return firsts


def test_every_document_has_one_record(corpus: tuple[Path, dict[str, Any]]) -> None:
    docs, records = corpus
    assert sorted(records) == sorted(p.name for p in distinct(docs))


def test_register_equals_the_extraction(corpus: tuple[Path, dict[str, Any]]) -> None:
    docs, records = corpus
    for path in distinct(docs):
        expected = project(extract(path.read_text(encoding="utf-8")), path.name)
        assert canonical(records[path.name]) == canonical(expected), path.name


def test_csv_and_table_formats(built: Path) -> None:
    csv_out = run("positions", "--graph", str(built), "--format", "csv").stdout
    assert csv_out.splitlines()[0].startswith("source,family,title")
    assert len(csv_out.splitlines()) == 6
    table = run("positions", "--graph", str(built), "--format", "table").stdout
    assert "Secretary of State" in table


def test_samples_score_at_least_095_against_gold(built: Path, tmp_path: Path) -> None:
    records = tmp_path / "records.json"
    records.write_text(run("positions", "--graph", str(built), "--format", "json").stdout)
    cmd = [sys.executable, str(ROOT / "tools" / "score.py"), "--gold", str(ROOT / "data" / "gold"),
           "--pred", str(records), "--json"]
    scores = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
    assert scores["overall"]["f1"] >= 0.95
    assert scores["field_macro_f1"] >= 0.95
