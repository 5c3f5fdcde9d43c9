"""Position registers (CSV, TSV, Excel exports of an HR system) read into typed entries.

Each case folder under ``tests/cases/register/`` holds one register file, an
optional ``columns.toml`` (the ``--columns`` mapping) and ``expected.json``:
the columns recognised, every entry as ``RegisterEntry`` fields, and every
problem as ``[row, message]``.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from orgkg.errors import InputError
from orgkg.extract.register import RegisterEntry, load_columns, recognise
from orgkg.read.table import SUFFIXES, read_table

CASES = sorted(p for p in (Path(__file__).parent / "cases" / "register").iterdir() if p.is_dir())


def _register_file(case: Path) -> Path:
    return next(p for p in case.iterdir() if p.suffix in SUFFIXES)


def _plain(entry: RegisterEntry) -> dict[str, Any]:
    d = dataclasses.asdict(entry)
    d["units"] = list(entry.units)
    d["effective"] = entry.effective.isoformat() if entry.effective else None
    return d


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_register_case(case: Path) -> None:
    path = _register_file(case)
    columns = load_columns(case / "columns.toml") if (case / "columns.toml").exists() else None
    register = recognise(str(path), read_table(path, path.read_bytes()), columns)
    expected = json.loads((case / "expected.json").read_text("utf-8"))
    assert register.columns == expected["columns"]
    assert [_plain(e) for e in register.entries] == expected["entries"]
    assert [[p.row, p.message] for p in register.problems] == expected["problems"]


def test_a_table_without_a_position_number_column_is_not_a_register(tmp_path: Path) -> None:
    path = tmp_path / "budget.csv"
    path.write_text("Cost centre,Amount\nA100,5000\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"not a position register.*--columns"):
        recognise(str(path), read_table(path, path.read_bytes()))


@pytest.mark.parametrize(("text", "message"), [
    ("[columns]\n'Pos' = 'position_nr'\n", "unknown field 'position_nr'"),
    ("columns = 3\n", "no \\[columns\\] table"),
    ("[columns\n", "not valid TOML"),
])
def test_a_bad_columns_file_says_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "columns.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_columns(path)


def test_a_damaged_workbook_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "register.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(InputError, match=r"not an Excel \.xlsx file|not a readable Excel workbook"):
        read_table(path, path.read_bytes())
