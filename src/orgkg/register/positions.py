"""The position register: one flat record per described post, computed from the graph.

Each field comes from a named query in ``queries/register/``; this module only
runs them and gathers their rows into records shaped as
``shared/schema/position-record.md`` defines.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import pyoxigraph as ox

from orgkg.query.library import get

Record = dict[str, Any]
Row = dict[str, Any]

_INTEGER_TYPES = {
    "http://www.w3.org/2001/XMLSchema#integer",
    "http://www.w3.org/2001/XMLSchema#nonNegativeInteger",
    "http://www.w3.org/2001/XMLSchema#positiveInteger",
}
_NUMBER_TYPES = {"http://www.w3.org/2001/XMLSchema#decimal", "http://www.w3.org/2001/XMLSchema#double"}


def python_value(term: Any) -> Any:
    """A query result term as JSON-ready Python: numbers typed, IRIs as strings."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt in _INTEGER_TYPES:
            return int(term.value)
        if dt in _NUMBER_TYPES:
            number = float(term.value)
            return int(number) if number.is_integer() else number
        return term.value
    return term.value


def rows(store: ox.Store, name: str) -> Iterator[Row]:
    solutions = store.query(get(name).text)
    assert isinstance(solutions, ox.QuerySolutions)
    variables = [v.value for v in solutions.variables]
    for solution in solutions:
        yield {v: python_value(solution[v]) for v in variables}


def _lists(store: ox.Store, name: str, shape: Callable[[Row], Any]) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in rows(store, name):
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


def positions(store: ox.Store) -> list[Record]:
    """Every described post's record, ordered by source document."""
    records: dict[str, Record] = {}
    for row in rows(store, "register-positions"):
        records.setdefault(row["g"], _base(row))
    for field, (query, shape) in LIST_FIELDS.items():
        for graph, items in _lists(store, query, shape).items():
            if graph in records:
                records[graph][field] = items
    return list(records.values())
