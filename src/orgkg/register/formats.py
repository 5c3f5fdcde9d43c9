"""Formatting the register for people and programs: JSON, CSV, a terminal table."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from rich.console import Console
from rich.table import Table

COLUMNS = ("source", "title", "organization", "reports_to", "level", "supervises_count", "family")


def to_json(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return " ".join(_cell(v) for v in value.values() if v is not None)
    return str(value)


def to_csv(records: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    fields = list(records[0]) if records else []
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for rec in records:
        writer.writerow({k: _cell(v) for k, v in rec.items()})
    return buf.getvalue()


def print_table(records: list[dict[str, Any]], console: Console) -> None:
    table = Table(*COLUMNS, title=f"{len(records)} positions", title_justify="left")
    for rec in records:
        table.add_row(*(_cell(rec.get(c)) for c in COLUMNS))
    console.print(table)
