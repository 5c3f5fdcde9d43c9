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
    "us-pa-clerical-supervisor-class/job_class": "'JOB TITLE:' and 'JOB CODE:' of a class",
    # the second batch, gathered after the first rules landed
    "au-ballarat-manager-run-in-labels/reports_to": "a table flattened to one line of run-in capital labels",
    "fr-seine-saint-denis-seconde-le-directeur/reports_to": "'seconde le directeur dans ...'",
    "gb-cabinet-office-to-whom-will-report/reports_to": "'the X, to whom ... will report'",
    "us-foster-city-supervises-five-department-heads/staff_counts": "'Supervises five X' as a staff",
    # the fourth batch (organisation, units, title, identifiers, level, staff counts, French duties)
    "be-spw-direction-lignes-vous-effectuez/title": "the title over a sentence, the body's lines below",
    "be-spw-direction-lignes-vous-effectuez/organization":
        "a body's lines without labels, an address under them",
    "ch-geneve-safco-demi-douzaine/organization": "'rattaché au Département X (DIN)' in prose",
    "ch-geneve-safco-demi-douzaine/org_units": "'Le Service X (SAFCO), rattaché au ...' in prose",
    "fr-metropole-lyon-unite-equipe-de-4/org_units":
        "'La Direction X (DPM)', 'le service de X (SMC)' in prose",
    "za-dihlabeng-ref-no-in-title-line/title":
        "'RANK: FUNCTION (Ref No. X)' under the employer's and a banner line",
    "za-dihlabeng-ref-no-in-title-line/organization": "the employer in capitals on the first line",
    "za-kzn-cogta-assistant-director-level-10/title":
        "the generic family's first short line before the shared rule",
    "za-kzn-cogta-assistant-director-level-10/organization":
        "the department's name alone on a line under the title",
    "za-kzn-cogta-assistant-director-level-10/jurisdiction": "a province's name alone on a line",
    "za-kzn-cogta-assistant-director-level-10/identifiers": "'Post Ref2/247': a label run into its code",
    "za-umhlathuze-sap-post-number-task-level/title": "the signatory 'CITY MANAGER' before 'RANK: FUNCTION'",
    # the fourth batch's second round
    "be-jodoigne-echelle-e2-tirets/org_units":
        "'pour le service technique des Travaux – Equipe de X' in a title",
    "be-jodoigne-echelle-e2-tirets/level": "'ouvriers manœuvres E2': a grade inside the title",
    "be-jodoigne-echelle-e2-tirets/duties": "'-' alone on its line over unbulleted items",
    "ca-aurora-division-operations/title": "a job board's 'Title - Place - Employer' line over the employer",
    "ca-aurora-division-operations/organization": "the employer alone on two lines under the title",
    "ca-laval-job-posting-number-class/level": "'SALARY: Class 9 – from $...': a class inside a salary",
    "ca-laval-job-posting-number-class/org_units": "'the Public Works Department' in prose",
    "ca-morin-heights-made-up-of-thirty/org_units": "'The X Department is made up of ...' in prose",
    "ca-morin-heights-made-up-of-thirty/staff_counts": "'is made up of thirty ... employees'",
    "ch-jura-numero-de-fonction-classe/level":
        "'Classe de traitement* 16': a run-in label with a footnote mark",
    "fr-eurometropole-metz-rattachement-barre/reports_to": "a superior whose title holds a comma",
    "fr-pyrenees-orientales-ref-et-chemin-d-unites/title": "the posting's number run on after the title",
    "fr-pyrenees-orientales-ref-et-chemin-d-unites/org_units": "'au sein du A/B/C/D': a path without spaces",
    "lu-parcs-groupe-d-indemnite/org_units": "'pour les besoins du Service X' in prose",
    "lu-parcs-groupe-d-indemnite/level": "'« groupe d'indemnité A1, sous-groupe ... »' in prose",
    "lu-parcs-groupe-d-indemnite/education": "'détenir un diplôme ... d'un grade de « Master »'",
    "us-glascock-his-staff-consist-of/title": "the title only in 'Office of the County Manager' and prose",
    "us-glascock-his-staff-consist-of/supervises_count": "the staff named in a sentence, not counted",
    # the fourth batch's third round
    "ch-geneve-auteur-departement-office/title": "'Auteur' alone on its line over the publishing body",
    "ch-geneve-auteur-departement-office/organization": "'Auteur' over 'Département X, Office Y (OCEau)'",
    "ch-geneve-auteur-departement-office/org_units": "'Auteur' over 'Département X, Office Y (OCEau)'",
    "fr-lyon-placee-sous-la-responsabilite-tirets/education":
        "a job board's level tags ('Bac +2') before the text's",
    "fr-villeurbanne-missions-lignes/reports_to": "'Sous la responsabilité du.de la X': an inclusive article",
    "fr-villeurbanne-missions-lignes/duties": "lines without bullets under a lead-in sentence",
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
