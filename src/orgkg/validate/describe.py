"""Results -> findings: the position each result concerns, its title and its document.

A finding's position is its focus node when that is a post, or the post that
owns the focus (a duty, budget, staff count or evaluation). The named query
``validate-describe`` (``queries/validate/describe.rq``) gives, for a set of
focus nodes, the post, title and source document; the focus nodes are bound
with a VALUES block of RDF terms first in its WHERE clause (so evaluation
starts from them), never pasted text.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import Graph, URIRef

from orgkg.graph.store import has_union_copy
from orgkg.query.library import get
from orgkg.query.values import with_value_rows
from orgkg.validate.model import Finding, Result
from orgkg.validate.shapes import rule_name

CHUNK = 500


def describe(store: ox.Store, results: list[Result], shapes: Graph) -> list[Finding]:
    """Findings in a stable order: by rule, then severity, position title, focus and value."""
    about = _about(store, {r.focus for r in results if isinstance(r.focus, URIRef)})
    findings = []
    for r in results:
        post, title, document = about.get(str(r.focus), (None, None, None))
        findings.append(Finding(r, rule_name(shapes, r.shape), post, title, document))
    return sorted(findings, key=lambda f: (f.rule, f.severity.rank, f.title or "", f.focus,
                                           str(f.result.value or ""), f.message))


def _about(store: ox.Store, foci: Iterable[URIRef]) -> dict[str, tuple[str | None, str | None, str | None]]:
    text = get("validate-describe").text
    ordered = sorted(str(f) for f in foci)
    out: dict[str, tuple[str | None, str | None, str | None]] = {}
    union = not has_union_copy(store)
    for i in range(0, len(ordered), CHUNK):
        query = with_value_rows(text, "focus", (ox.NamedNode(f) for f in ordered[i:i + CHUNK]))
        rows = store.query(query, use_default_graph_as_union=union)
        for row in rows:  # type: ignore[union-attr]
            focus = row["focus"].value
            post, title, doc = (row[k].value if row[k] is not None else None
                                for k in ("post", "title", "document"))
            out[focus] = (post, title, doc)
    return out
