"""Extraction rules, as a table of cases: one folder per document.

Each ``tests/cases/extract/<family>/<case>/`` holds ``input.txt`` (a document
written in that family's layout) and ``expected.json`` (the position-record
fields that case pins down; fields left out are not checked). The recogniser
must pick the folder's family, and the extractor must give each expected value.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from orgkg.extract import extract, recognise
from tests.support import wording
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


# ---------------------------------------------------------------- real wordings, field by field
#
# ``tests/cases/wording/<case>/``: a short passage of a real document, its source and what an HR
# analyst reads in it (tests/support/wording.py). Each expected field is one case; the fields the
# rules do not read yet are listed here with why, and pass when a rule learns them (strict xfail).

WORDING_MISREAD: dict[str, str] = {
    "fr-mjc-croix-equipe-de-salaries/staff_counts": "'35 animateur·rice·s': an inclusive word",
    "us-mcps-masters-three-years/education": "'Master^s degree': the page's apostrophe",
    "us-mcps-masters-three-years/experience_years": "'Three years^ successful teaching experience'",
    "us-multnomah-label-above-value/job_class": "'Job code' alone on its line, the code below",
    "us-nazarene-reports-to-the-director/reports_to": "'Reports: To the Director'",
    "us-oceanside-section-consists-of/staff_counts": "'three hourly extra help Maintenance Assistants'",
    "us-pa-clerical-supervisor-class/job_class": "'JOB TITLE:' and 'JOB CODE:' of a class",
    # the second batch, gathered after the first rules landed
    "au-ballarat-manager-run-in-labels/reports_to": "a table flattened to one line of run-in capital labels",
    "fr-seine-saint-denis-seconde-le-directeur/reports_to": "'seconde le directeur dans ...'",
    "gb-cabinet-office-to-whom-will-report/reports_to": "'the X, to whom ... will report'",
    "us-foster-city-supervises-five-department-heads/staff_counts": "'Supervises five X' as a staff",
}
WORDING = [(case, field) for case in wording.CASES for field in wording.fields(case)]


def _wording_param(case: Path, field: str) -> Any:
    key = f"{case.name}/{field}"
    known = [pytest.mark.xfail(reason=WORDING_MISREAD[key], strict=True)] if key in WORDING_MISREAD else []
    return pytest.param(case, field, id=key, marks=known)


@pytest.mark.parametrize(("case", "field"), [_wording_param(case, field) for case, field in WORDING])
def test_real_wording(case: Path, field: str) -> None:
    assert not wording.misread(case, field)


def test_every_wording_case_has_its_source() -> None:
    assert len(wording.CASES) >= 60
    for case in wording.CASES:
        source = json.loads((case / "source.json").read_text(encoding="utf-8"))
        assert source["url"] and source["employer"] and source["language"] in ("en", "fr"), case.name
        assert wording.fields(case), case.name
    assert not {key.split("/")[0] for key in WORDING_MISREAD} - {c.name for c in wording.CASES}
