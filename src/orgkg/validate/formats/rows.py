"""Findings as rows for the tabular layer (``orgkg.tabular``): a table, CSV, or a JSON object each."""

from __future__ import annotations

from typing import Any

from orgkg import tabular
from orgkg.validate.model import Finding, Report

COLUMNS = ("severity", "rule", "rule_name", "component", "focus", "post", "title", "document", "path",
           "value", "message", "quotes")
SHOWN = ("severity", "rule_name", "title", "document", "message")


def as_dict(f: Finding) -> dict[str, Any]:
    r = f.result
    return {
        "severity": f.severity.value,
        "rule": str(r.shape),
        "rule_name": f.rule,
        "component": str(r.component),
        "focus": f.focus,
        "post": f.post,
        "title": f.title,
        "document": f.document,
        "path": r.path,
        "value": None if r.value is None else str(r.value),
        "message": f.message,
        "quotes": [{"field": q.field, "document": q.document, "start": q.start, "end": q.end,
                    "quote": q.text} for q in f.quotes],
    }


def rows(report: Report) -> tabular.Rows:
    """One row per finding, in the report's stable order; a terminal table shows the readable columns."""
    return tabular.Rows(COLUMNS, ([as_dict(f)[c] for c in COLUMNS] for f in report.findings), shown=SHOWN)
