"""JSON: one object per finding, in a stable order and with stable keys."""

from __future__ import annotations

import json
from typing import Any

from orgkg.validate.formats.base import Formatter
from orgkg.validate.model import Finding, Report


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


class JsonFormatter(Formatter):
    name = "json"

    def format(self, report: Report) -> str:
        return json.dumps([as_dict(f) for f in report.findings], indent=2, ensure_ascii=False) + "\n"
