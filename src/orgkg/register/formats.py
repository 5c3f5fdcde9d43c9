"""The register for the tabular layer: every field in CSV and JSON, the main ones in a table."""

from __future__ import annotations

from typing import Any

from orgkg import tabular

COLUMNS = ("source", "title", "organization", "reports_to", "level", "supervises_count", "family")


def rows(records: list[dict[str, Any]]) -> tabular.Rows:
    """One row per record; a terminal table shows ``COLUMNS`` under the number of positions."""
    columns = list(records[0]) if records else list(COLUMNS)
    return tabular.Rows(columns, ([r.get(c) for c in columns] for r in records), shown=COLUMNS,
                        title=f"{len(records)} positions")
