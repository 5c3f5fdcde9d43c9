"""Read a spreadsheet export (``.csv``, ``.tsv``, ``.xlsx``) into rows of cell texts.

Position registers come out of HR systems as CSV or Excel files. This module
only turns their bytes into a ``Table``: cells as stripped strings, each row
with its 1-based row number in the file, so a problem can name the row a
person sees in a spreadsheet. Which column means what is decided later
(``orgkg.extract.register``). Dates and numbers in Excel cells are written as
ISO dates and plain numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from orgkg.errors import InputError
from orgkg.read.text import decode

SUFFIXES = (".csv", ".tsv", ".xlsx")
#: A register larger than this many rows is refused (a 100,000-post organisation is well inside).
MAX_ROWS = 2_000_000
#: An .xlsx whose parts would inflate beyond this many bytes is refused (ZIP bombs).
MAX_XLSX_INFLATED = 1024 * 1024 * 1024


@dataclass(frozen=True)
class Row:
    number: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A sheet: its rows in file order (row numbers as a spreadsheet shows them)."""

    rows: tuple[Row, ...]
    reader: str
    encoding: str | None = None


def is_table(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def read_table(path: Path, data: bytes) -> Table:
    """The rows of one register file; ``InputError`` with a one-line reason if unreadable."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _xlsx(path, data)
    text, encoding = decode(path, data)
    if "\x00" in text:
        raise InputError(str(path), "binary file: NUL bytes in what should be a CSV export")
    delimiter = "\t" if suffix == ".tsv" else _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            if reader.line_num > MAX_ROWS:
                raise InputError(str(path), f"over {MAX_ROWS} rows", "split the register")
            rows.append(Row(reader.line_num, tuple(c.strip() for c in row)))
    except csv.Error as err:
        raise InputError(str(path), f"not a readable {suffix[1:].upper()} file at line "
                         f"{reader.line_num}: {err}") from None
    return Table(tuple(rows), f"orgkg.read.table (csv, {delimiter!r})", encoding)


def _delimiter(text: str) -> str:
    """Comma, semicolon (European exports) or tab: the one the header line uses most."""
    head = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=head.count)


def _xlsx(path: Path, data: bytes) -> Table:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        inflated = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise InputError(str(path), "not an Excel .xlsx file (not a ZIP archive)",
                         "export the register as .xlsx or .csv") from None
    if inflated > MAX_XLSX_INFLATED:
        raise InputError(str(path), f"refused: the workbook would inflate to {inflated} bytes")
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds for damaged workbooks
        raise InputError(str(path), f"not a readable Excel workbook ({type(err).__name__})",
                         "open and re-save it, or export it as .csv") from None
    try:
        sheet = next((s for s in book.worksheets if s.max_row and s.max_row > 1), None)
        if sheet is None:
            raise InputError(str(path), "the workbook has no sheet with rows")
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
            if number > MAX_ROWS:
                raise InputError(str(path), f"over {MAX_ROWS} rows", "split the register")
            rows.append(Row(number, tuple(_cell(v) for v in values)))
    finally:
        book.close()
    return Table(tuple(rows), f"orgkg.read.table (openpyxl {openpyxl.__version__})")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
