"""The position register: one flat record per described post, computed from the graph.

Each field comes from a named query in ``queries/register/``; this module only
runs them and gathers their rows into records shaped as
``docs/records.md`` defines.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from orgkg.graph.built import BuiltGraph
from orgkg.query.rows import Row, rows

Record = dict[str, Any]

def _lists(graph: BuiltGraph, name: str, shape: Callable[[Row], Any]) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in rows(graph, name):
        item = shape(row)
        if item not in grouped[row["g"]]:
            grouped[row["g"]].append(item)
    return grouped


LIST_FIELDS: dict[str, tuple[str, Callable[[Row], Any]]] = {
    "identifiers": ("register-identifiers", lambda r: {"scheme": r["scheme"], "value": r["value"]}),
    "org_units": ("register-units", lambda r: r["name"]),
    "direct_reports": ("register-direct-reports",
                       lambda r: {"title": r["title"], "identifier": r["identifier"]}),
    "peers": ("register-peers", lambda r: r["title"]),
    "series": ("register-series", lambda r: r["title"]),
    "duties": ("register-duties", lambda r: {"text": r["text"], "percent": r["percent"]}),
    "budgets": ("register-budgets",
                lambda r: {"amount": r["amount"], "currency": r["currency"], "scope": r["scope"]}),
    "staff_counts": ("register-staff-counts", lambda r: {"count": r["count"], "scope": r["scope"]}),
    "factors": ("register-factors",
                lambda r: {"name": r["name"], "degree": r["degree"], "points": r["points"]}),
}

def _base(row: Row) -> Record:
    job_class = None
    if row["classCode"] is not None or row["classTitle"] is not None:
        job_class = {"code": row["classCode"], "title": row["classTitle"]}
    return {
        "source": row["source"],
        "family": row["family"],
        "title": row["title"],
        "identifiers": [],
        "jurisdiction": row["jurisdiction"],
        "organization": row["organization"],
        "org_units": [],
        "location": row["location"],
        "reports_to": row["reportsTo"],
        "direct_reports": [],
        "peers": [],
        "supervises_count": row["supervisesCount"],
        "job_class": job_class,
        "level": row["level"],
        "series": [],
        "series_rank": row["seriesRank"],
        "flsa": row["flsa"],
        "duties": [],
        "education": row["education"],
        "experience_years": row["experienceYears"],
        "budgets": [],
        "staff_counts": [],
        "factors": [],
        "total_points": row["totalPoints"],
        "iri": row["post"],
    }


EVIDENCE_KEYS = ("field", "value", "document", "start", "end", "quote")


def positions(graph: BuiltGraph, *, evidence: bool = False) -> list[Record]:
    """Every described post's record, ordered by source document.

    With ``evidence``, each record also has ``"evidence"``: where each of its
    values was read (``EVIDENCE_KEYS``), in document order, from the graph's
    annotations.
    """
    records: dict[str, Record] = {}
    for row in rows(graph, "register-positions"):
        records.setdefault(row["g"], _base(row))
    lists = dict(LIST_FIELDS)
    if evidence:
        lists["evidence"] = ("register-evidence", lambda r: {k: r[k] for k in EVIDENCE_KEYS})
        for record in records.values():
            record["evidence"] = []
    for field, (query, shape) in lists.items():
        for name, items in _lists(graph, query, shape).items():
            if name in records:
                records[name][field] = items
    return list(records.values())
