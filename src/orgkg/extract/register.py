"""A position register's rows -> typed posts (``RegisterEntry``), with one problem per bad row.

Columns are found by their headers (``register_columns.toml``: English and
French words, folded as ``mapping.iris.normalise`` folds names) or by a
``--columns`` TOML file that maps a site's own headers to fields. The header
row is the first row that names a position-number column and at least one
other known column, so a title line above the table is passed over.

A row with no position number, or a number already seen, is reported and
left out; a row whose reports-to number names no row, or whose date cannot
be read, is reported and kept without that value. Nothing here knows RDF.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path

from orgkg.errors import InputError
from orgkg.read.table import Row, Table

FIELDS = ("position_number", "reports_to", "title", "jurisdiction", "organization", "units", "class_code",
          "class_title", "level", "fte", "status", "location", "effective_date")
#: How many rows from the top may come before the header row.
HEADER_SEARCH = 20
_UNIT_SEPARATORS = re.compile(r"\s*(?:/|>|\\|\|)\s*")


@dataclass(frozen=True)
class RegisterEntry:
    """One post as the register states it; ``row`` is its row number in the file."""

    row: int
    number: str
    title: str | None = None
    reports_to: str | None = None
    organization: str | None = None
    units: tuple[str, ...] = ()
    class_code: str | None = None
    class_title: str | None = None
    level: str | None = None
    fte: float | None = None
    vacant: bool | None = None
    location: str | None = None
    effective: dt.date | None = None
    jurisdiction: str | None = None


@dataclass(frozen=True)
class RowProblem:
    row: int
    message: str


@dataclass
class Register:
    """A register's good entries (file order) and its problems (one per bad row or value)."""

    entries: list[RegisterEntry] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    columns: dict[str, list[str]] = field(default_factory=dict)


def fold(text: str) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()
    t = t.replace("#", " number ")  # "Position #" is "Position number"
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9]+", " ", t)).strip()


@cache
def _words() -> tuple[dict[str, str], dict[str, bool]]:
    data = tomllib.loads((Path(__file__).with_name("register_columns.toml")).read_text("utf-8"))
    headers = {fold(word): name for name, words in data["fields"].items() for word in words}
    status = {fold(w): True for w in data["status"]["vacant"]}
    status.update({fold(w): False for w in data["status"]["filled"]})
    return headers, status


def load_columns(path: Path) -> dict[str, str]:
    """A ``--columns`` file: ``[columns]`` maps a header as written to a field name."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(str(path), f"cannot read the columns file: {err}") from None
    except tomllib.TOMLDecodeError as err:
        raise InputError(str(path), f"not valid TOML: {err}") from None
    table = data.get("columns")
    if not isinstance(table, dict) or not table:
        raise InputError(str(path), "no [columns] table",
                         'write e.g. [columns] "Pos Nbr" = "position_number"')
    bad = {v for v in table.values() if v not in FIELDS}
    if bad:
        raise InputError(str(path), f"unknown field {sorted(map(str, bad))[0]!r}",
                         f"fields are {', '.join(FIELDS)}")
    return {fold(str(k)): str(v) for k, v in table.items()}


def _header(table: Table, extra: Mapping[str, str]) -> tuple[Row, dict[int, str]] | None:
    headers = {**_words()[0], **extra}
    for row in table.rows[:HEADER_SEARCH]:
        found = {i: headers[fold(c)] for i, c in enumerate(row.cells) if fold(c) in headers}
        names = set(found.values())
        if "position_number" in names and len(names) >= 2:
            return row, found
    return None


def recognise(where: str, table: Table, extra: Mapping[str, str] | None = None) -> Register:
    """The register in ``table``; ``InputError`` when no header row names a position number."""
    found = _header(table, extra or {})
    if found is None:
        raise InputError(where, "not a position register: no header row with a position-number "
                         "column and another known column in the first rows",
                         "name the columns with --columns FILE (docs/register.md)")
    head, columns = found
    register = Register(columns={})
    for i, name in sorted(columns.items()):
        register.columns.setdefault(name, []).append(head.cells[i])
    seen: set[str] = set()
    for row in table.rows:
        if row.number <= head.number or not any(row.cells):
            continue
        values: dict[str, list[str]] = {}
        for i, name in columns.items():
            cell = row.cells[i] if i < len(row.cells) else ""
            if cell:
                values.setdefault(name, []).append(cell)
        entry = _entry(row.number, values, register.problems)
        if entry is None:
            continue
        if entry.number in seen:
            register.problems.append(RowProblem(row.number, f"duplicate position number {entry.number}; "
                                                "row left out (the first row with it is kept)"))
            continue
        seen.add(entry.number)
        register.entries.append(entry)
    _check_reports_to(register)
    return register


def _entry(number: int, values: dict[str, list[str]], problems: list[RowProblem]) -> RegisterEntry | None:
    def one(name: str) -> str | None:
        return values.get(name, [None])[0]

    position = one("position_number")
    if not position:
        problems.append(RowProblem(number, "no position number; row left out"))
        return None
    units = tuple(u for cell in values.get("units", []) for u in _UNIT_SEPARATORS.split(cell) if u)
    return RegisterEntry(
        row=number, number=position, title=one("title"), reports_to=one("reports_to"),
        organization=one("organization"), units=units, class_code=one("class_code"),
        class_title=one("class_title"), level=one("level"),
        fte=_fte(number, one("fte"), problems), vacant=_vacant(one("status")),
        location=one("location"), effective=_date(number, one("effective_date"), problems),
        jurisdiction=one("jurisdiction"),
    )


def _fte(row: int, text: str | None, problems: list[RowProblem]) -> float | None:
    if text is None:
        return None
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = -1.0
    if not 0 <= value <= 10:
        problems.append(RowProblem(row, f"unreadable FTE {text!r}; kept without it"))
        return None
    return value


def _vacant(text: str | None) -> bool | None:
    return None if text is None else _words()[1].get(fold(text))


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y")


def _date(row: int, text: str | None, problems: list[RowProblem]) -> dt.date | None:
    """ISO and unambiguous written dates; ``03/04/2024`` is refused (day or month first?)."""
    if text is None:
        return None
    day = _parse_date(text)
    if day is None:
        problems.append(RowProblem(row, f"unreadable date {text!r} (write it as YYYY-MM-DD); "
                                   "kept without it"))
    return day


@lru_cache(maxsize=4096)  # a register's rows share a few effective dates
def _parse_date(text: str) -> dt.date | None:
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text[:10] if fmt == "%Y-%m-%d" else text, fmt).date()
        except ValueError:
            continue
    return None


def _check_reports_to(register: Register) -> None:
    numbers = {e.number for e in register.entries}
    for i, entry in enumerate(register.entries):
        if entry.reports_to and entry.reports_to not in numbers:
            register.problems.append(RowProblem(
                entry.row, f"reports to position {entry.reports_to}, which no row has; "
                "kept without its reporting line"))
            register.entries[i] = replace(entry, reports_to=None)
    register.problems.sort(key=lambda p: p.row)
