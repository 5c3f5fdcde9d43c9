"""Every value an extraction gives carries evidence, and every quote is the text at its offsets.

Over every document under tests/ that extraction reads: the samples, the
extraction case folders, the held-out sets and the development part of the
real corpus (``tests/corpus/dev``). The corpus's first-look part is left to
the closing evaluation: nobody runs the loaders on it while rules are written.
Offsets index ``tidy`` of the reader's text, which ``orgkg read FILE`` prints.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from orgkg.errors import InputError, NotAPositionError
from orgkg.extract import extract_tidy
from orgkg.extract.evidence import coverage
from orgkg.extract.text import tidy
from orgkg.read import Limits, read
from tests.conftest import ROOT

TESTS = ROOT / "tests"
SETS = {
    "samples": sorted((ROOT / "data" / "documents").glob("*.txt")),
    "cases": sorted(TESTS.glob("cases/extract/*/*/input.txt")),
    "heldout": sorted(p for d in TESTS.glob("heldout*/docs") for p in d.iterdir()),
    "corpus-dev": sorted(p for p in TESTS.glob("corpus/dev/docs/*") if p.is_file()),
}


def _texts(paths: list[Path]) -> list[tuple[Path, str]]:
    out = []
    for path in paths:
        try:
            out.append((path, tidy(read(path, Limits()).text)))
        except InputError:
            continue  # an unreadable file has no values to prove
    return out


@pytest.mark.parametrize("name", [k for k, v in SETS.items() if v])
def test_values_carry_evidence_that_quotes_the_read_text(name: str) -> None:
    have = total = 0
    for path, text in _texts(SETS[name]):
        try:
            ex = extract_tidy(text)
        except NotAPositionError:
            continue  # reported as no position: no values to prove
        got, n = coverage(ex)
        have, total = have + got, total + n
        for e in ex.evidence:
            assert text[e.start : e.end] == e.quote, (path.name, e)
            assert e.quote.strip(), (path.name, e)
    assert total and have / total >= 0.99, f"{have} of {total} values have evidence"
