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
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox
from rdflib import Graph, URIRef

from orgkg.graph.built import BuiltGraph
from orgkg.query.library import get
from orgkg.query.values import with_value_rows
from orgkg.validate import limits
from orgkg.validate.engine.base import WORKERS
from orgkg.validate.model import Finding, Result
from orgkg.validate.quotes import quotes
from orgkg.validate.shapes import rule_name

CHUNK = 250


def describe(graph: BuiltGraph, results: list[Result], shapes: Graph, *,
             with_quotes: bool = True) -> list[Finding]:
    """Findings in a stable order: by rule, then severity, position title, focus and value
    (``with_quotes=False``: without the quotes of the text they are about)."""
    about = _about(graph, {r.focus for r in results if isinstance(r.focus, URIRef)})
    detail = limits.details(graph, results, shapes)
    quoted = quotes(graph, results, shapes) if with_quotes else {}
    findings = []
    for i, r in enumerate(results):
        post, title, document = about.get(str(r.focus), (None, None, None))
        findings.append(Finding(r, rule_name(shapes, r.shape), post, title, document, detail.get(i, ""),
                                quoted.get(i, ())))
    return sorted(findings, key=lambda f: (f.rule, f.severity.rank, f.title or "", f.focus,
                                           str(f.result.value or ""), f.message))


def _about(graph: BuiltGraph, foci: Iterable[URIRef]) -> dict[str, tuple[str | None, str | None, str | None]]:
    text = get("validate-describe").text
    ordered = sorted(str(f) for f in foci)

    def chunk(part: list[str]) -> list[tuple[str, tuple[str | None, str | None, str | None]]]:
        rows = graph.query(with_value_rows(text, "focus", (ox.NamedNode(f) for f in part)), union=True)
        assert isinstance(rows, ox.QuerySolutions)
        return [(row["focus"].value, _values(row)) for row in rows]

    parts = [ordered[i:i + CHUNK] for i in range(0, len(ordered), CHUNK)]
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return dict(pair for found in pool.map(chunk, parts) for pair in found)


def _values(row: ox.QuerySolution) -> tuple[str | None, str | None, str | None]:
    post, title, doc = (row[k] for k in ("post", "title", "document"))
    return (post.value if post is not None else None, title.value if title is not None else None,
            doc.value if doc is not None else None)
