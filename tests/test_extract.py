"""Extraction rules, as a table of cases: one folder per document.

Each ``tests/cases/extract/<family>/<case>/`` holds ``input.txt`` (a document
written in that family's layout) and ``expected.json`` (the position-record
fields that case pins down; fields left out are not checked). The recogniser
must pick the folder's family, and the extractor must give each expected value.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgkg.extract import extract, recognise
from tests.support.project import project

CASES = sorted(Path(__file__).parent.joinpath("cases", "extract").glob("*/*/"))


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case(case: Path) -> None:
    text = (case / "input.txt").read_text(encoding="utf-8")
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    assert recognise(text).family == case.parent.name
    record = project(extract(text), "input.txt")
    for key, value in expected.items():
        assert record[key] == value, key
