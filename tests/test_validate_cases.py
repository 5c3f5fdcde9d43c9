"""Validation specified by documents: each case folder breaks one rule the way a real document would.

``tests/cases/validate/<case>/documents/`` is built with ``orgkg build`` and
checked with ``orgkg validate --format json``; the findings must be exactly
those of ``expected.json`` (rule, severity, position title), and the exit
code 1 when one is a Violation, else 0.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, run

CASES = ROOT / "tests" / "cases" / "validate"


def build(case: Path, out: Path) -> Path:
    result = run("build", str(case / "documents"), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    return out


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_case_gives_exactly_the_expected_findings(case: str, tmp_path: Path) -> None:
    folder = CASES / case
    out = build(folder, tmp_path / "out")
    result = run("validate", "--graph", str(out), "--format", "json")
    found = sorted((Path(f["rule"]).name.split("#")[-1], f["severity"], f["title"])
                   for f in json.loads(result.stdout))
    expected = json.loads((folder / "expected.json").read_text())["findings"]
    assert found == sorted((e["rule"], e["severity"], e["title"]) for e in expected)
    assert result.exit_code == (1 if any(e["severity"] == "Violation" for e in expected) else 0)


def test_cases_cover_the_five_families() -> None:
    families = set()
    for doc in CASES.glob("*/documents/*.txt"):
        families.add(doc.name.split("-")[0])
    assert families == {"montana", "denver", "bc", "goc", "alberta"}
