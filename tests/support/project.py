"""Project an ``Extraction`` straight to a position record, bypassing the graph.

Used two ways: a fast loop while writing extraction rules, and the round-trip
test that proves the register computed from the graph equals this projection
(the graph loses nothing the extractor read).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from orgkg.extract import extract
from orgkg.extract.records import UNTITLED, Extraction

SHARED = Path(__file__).resolve().parents[3] / "shared"


def project(ex: Extraction, source: str) -> dict[str, Any]:
    s, o = ex.subject, ex.organisation
    jc = s.job_class
    rank = None
    if jc and jc.title and ex.series:
        titles = [t.casefold() for t in ex.series]
        if jc.title.casefold() in titles:
            rank = titles.index(jc.title.casefold()) + 1
    return {
        "source": source,
        "family": ex.family,
        "title": None if s.title == UNTITLED else s.title,  # the placeholder is shown, not read
        "identifiers": [{"scheme": i.scheme, "value": i.value} for i in s.identifiers],
        "jurisdiction": o.jurisdiction,
        "organization": o.organization,
        "org_units": [name for name, _ in o.units],
        "location": o.location,
        "reports_to": s.reports_to[0].title if s.reports_to else None,
        "direct_reports": [{"title": r.title, "identifier": r.identifier} for r in s.direct_reports],
        "peers": [p.title for p in s.peers],
        "supervises_count": s.supervises_count,
        "job_class": {"code": jc.code, "title": jc.title} if jc else None,
        "level": s.level,
        "series": list(ex.series),
        "series_rank": rank,
        "flsa": s.flsa,
        "duties": [{"text": d.text, "percent": d.percent} for d in s.duties],
        "education": s.education,
        "experience_years": s.experience_years,
        "budgets": [{"amount": b.amount, "currency": b.currency, "scope": b.scope} for b in s.budgets],
        "staff_counts": [{"count": c.count, "scope": c.scope} for c in s.staff_counts],
        "factors": [{"name": f.name, "degree": f.degree, "points": f.points} for f in s.factors],
        "total_points": s.total_points,
    }


def main(folder: str = "data/documents") -> None:
    """Extract every document in ``folder``, print the records, score them."""
    records = []
    for path in sorted(Path(folder).glob("*.txt")):
        ex = extract(path.read_text(encoding="utf-8"))
        records.append(project(ex, path.name))
    out = Path("/tmp/orgkg-projected.json")
    out.write_text(json.dumps(records, indent=2))
    subprocess.run(
        [sys.executable, str(SHARED / "eval/score.py"), "--gold", str(SHARED / "gold"),
         "--pred", str(out), "--details"],
        check=False,
    )


if __name__ == "__main__":
    main(*sys.argv[1:])
