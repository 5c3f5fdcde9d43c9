"""Short real passages read field by field: the wording set of ``tests/cases/wording``.

Each ``tests/cases/wording/<case>/`` holds ``input.txt`` (a short passage of a
real job description, posting or class specification, as published),
``source.json`` (employer, country, language, address, and what an HR analyst
reads in it, written before orgkg was run on it) and ``expected.json`` (the
record fields that reading pins down, ``null`` or ``[]`` where the passage
names nothing: a value read there is wrong). A field reads right when
``tools/score.py`` counts neither a miss nor a wrong value for it.

``python -m tests.support.wording`` prints how many passages read right, per field.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from orgkg.errors import NotAPositionError
from orgkg.extract import extract
from tests.support.project import project

ROOT = Path(__file__).resolve().parents[2]
CASES = sorted(ROOT.joinpath("tests", "cases", "wording").glob("*/"))
#: an expected key -> the scorer's fields it stands for (a class is scored by its code and title).
SCORED = {"job_class": ("job_class.code", "job_class.title")}


@cache
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("orgkg_score", ROOT / "tools" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def expected(case: Path) -> dict[str, Any]:
    found: dict[str, Any] = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    return found


def fields(case: Path) -> list[str]:
    """The record fields a case pins down (``~alt`` / ``~optional`` keys go with their field)."""
    return [k for k in expected(case) if "~" not in k]


def record(case: Path) -> dict[str, Any]:
    """What orgkg reads in the passage; nothing where it finds no position in it."""
    text = (case / "input.txt").read_text(encoding="utf-8")
    try:
        return project(extract(text), "input.txt")
    except NotAPositionError:
        return {}


def misread(case: Path, field: str, found: dict[str, Any] | None = None) -> list[str]:
    """How ``field`` is misread in the passage (empty when it reads right)."""
    score, gold = scorer(), expected(case)
    found = record(case) if found is None else found
    tally = score.Tally()
    for name in SCORED.get(field, (field,)):
        if name.startswith("job_class.") and score.get(gold, name) is None:
            continue  # the analyst read no class code (or title) there: not scored
        if field in score.OBJ_LISTS or field in score.STR_LISTS:
            score.score_list_field(tally, name, gold, found)
        else:
            score.score_scalar(tally, name, gold, found, numeric=name in score.SCALAR_NUM)
    return list(tally.misses)


def main() -> None:
    right, seen = Counter[str](), Counter[str]()
    for case in CASES:
        found = record(case)
        for field in fields(case):
            seen[field] += 1
            misses = misread(case, field, found)
            right[field] += not misses
            if misses and "-v" in sys.argv:
                print(f"{case.name}: {'; '.join(misses)}")
    print(f"{'field':<18} right / passages")
    for field in sorted(seen):
        print(f"{field:<18} {right[field]:>5} / {seen[field]}")
    print(f"{'all':<18} {sum(right.values()):>5} / {sum(seen.values())}   ({len(CASES)} passages)")


if __name__ == "__main__":
    main()
