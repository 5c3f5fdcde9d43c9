"""The reporting-line view: a networkx ``DiGraph`` read from the built store.

Nodes are posts (keyed by IRI); an edge ``supervisor -> report`` is a
reporting line (``report org:reportsTo supervisor``), so the graph reads top
down. Each node carries what the documents say of the post: ``title``,
``described`` (is it described by a document, or only mentioned?),
``registered`` (does a position register list it?),
``document`` and ``documents``, ``unit``, ``job_class``/``class_code``,
``level``, ``series``/``series_rank``, ``duties``, ``titles``,
``evidence`` (the sentence behind each fact: field, value and the quote
with the rest of its sentence) and ``findings``. A post named in several named graphs (the same IRI) is one
node whose facts are merged, the describing document's statements first.

Everything is read with named queries (``queries/chart/*.rq``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from orgkg.chart.findings import Findings, normalise
from orgkg.graph.built import BuiltGraph
from orgkg.query.rows import Row, rows


@dataclass
class _Post:
    """What the graphs say of one post, the describing graphs' rows first."""

    iri: str
    described: list[Row] = field(default_factory=list)
    mentioned: list[Row] = field(default_factory=list)

    def first(self, key: str) -> Any:
        return next((r[key] for r in [*self.described, *self.mentioned] if r[key] is not None), None)

    def sources(self, rows: list[Row]) -> list[str]:
        return sorted({r["source"] for r in rows if r["source"]})


def _posts(graph: BuiltGraph) -> dict[str, _Post]:
    posts: dict[str, _Post] = {}
    for row in rows(graph, "chart-posts"):
        post = posts.setdefault(row["post"], _Post(row["post"]))
        (post.described if row["described"] else post.mentioned).append(row)
    return posts


def _attributes(post: _Post, classes: dict[str, Row], units: dict[str, Row]) -> dict[str, Any]:
    cls = classes.get(post.first("class") or "", {})
    described, mentioned = post.sources(post.described), post.sources(post.mentioned)
    documents = sorted({*described, *mentioned})
    return {
        "title": post.first("title") or post.iri.rsplit("/", 1)[-1],
        "described": bool(post.described),
        "registered": any(r["registered"] for r in post.mentioned),
        "document": next(iter(described or mentioned), None),
        "documents": tuple(documents),
        "unit": units.get(post.first("unit") or "", {}).get("label"),
        "unit_iri": post.first("unit"),
        "job_class": cls.get("label") or cls.get("code"),
        "class_code": cls.get("code"),
        "level": post.first("level"),
        "series": cls.get("series"),
        "series_rank": cls.get("rank"),
        "graph": (post.described or post.mentioned)[0]["g"],
    }


def _first_per_key(graph: BuiltGraph, name: str, key: str) -> dict[str, Row]:
    found: dict[str, Row] = {}
    for row in rows(graph, name):
        kept = found.setdefault(row[key], row)
        for k, v in row.items():  # fill gaps from later rows (another graph's statements)
            if kept.get(k) is None and v is not None:
                kept[k] = v
    return found


def _duties(graph: BuiltGraph, graphs: dict[str, str]) -> dict[str, list[tuple[str, float | None]]]:
    """Duties of each described post, from the graph its facts were taken from."""
    duties: dict[str, list[tuple[str, float | None]]] = defaultdict(list)
    for row in rows(graph, "register-duties"):
        if graphs.get(row["post"]) == row["g"]:
            duties[row["post"]].append((row["text"], row["percent"]))
    return duties


Sentence = tuple[str, str, str, str, str]  # field, value, text before, quote, text after


def _evidence(graph: BuiltGraph, graphs: dict[str, str]) -> dict[str, list[Sentence]]:
    """The sentence behind each fact of a described post, from the graph its facts were taken from."""
    found: dict[str, list[Sentence]] = defaultdict(list)
    for row in rows(graph, "chart-evidence"):
        if graphs.get(row["post"]) == row["g"]:
            item = (row["field"], row["value"], row["prefix"] or "", row["exact"], row["suffix"] or "")
            if item not in found[row["post"]]:
                found[row["post"]].append(item)
    return found


def _titles(graph: BuiltGraph) -> dict[str, list[str]]:
    titles: dict[str, list[str]] = defaultdict(list)
    for row in rows(graph, "chart-titles"):
        titles[row["post"]].append(row["title"])
    return titles


def reporting_view(graph: BuiltGraph, findings: Findings | None = None) -> nx.DiGraph:
    """Posts and reporting lines of the whole store, with their facts as attributes."""
    classes = _first_per_key(graph, "chart-classes", "class")
    units = _first_per_key(graph, "chart-units", "unit")
    posts = _posts(graph)
    view = nx.DiGraph(units={iri: (r["label"], r["parent"]) for iri, r in units.items()})
    for iri, post in sorted(posts.items()):
        view.add_node(iri, **_attributes(post, classes, units))
    for row in rows(graph, "chart-reporting-lines"):
        sup, rep = row["supervisor"], row["report"]
        for iri in (sup, rep):
            if iri not in view:  # a post only ever named as a supervisor elsewhere
                view.add_node(iri, **_attributes(_Post(iri, [], [_bare(iri, row)]), classes, units))
        if view.has_edge(sup, rep):
            edge = view.edges[sup, rep]
            edge["primary"] = edge["primary"] or bool(row["primary"])
            edge["documents"] = tuple(sorted({*edge["documents"], row["source"]}))
        else:
            view.add_edge(sup, rep, primary=bool(row["primary"]), documents=(row["source"],))
    graphs = {iri: data["graph"] for iri, data in view.nodes(data=True)}
    duties, titles, by_post = _duties(graph, graphs), _titles(graph), normalise(findings)
    evidence = _evidence(graph, graphs)
    for iri, data in view.nodes(data=True):
        data["duties"] = tuple(duties.get(iri, ()))
        data["evidence"] = tuple(evidence.get(iri, ()))
        data["titles"] = tuple(titles.get(iri, [data["title"]]))
        data["findings"] = by_post.get(iri, ())
    return view


def _bare(iri: str, row: Row) -> Row:
    return {"g": row["g"], "post": iri, "described": None, "registered": None, "title": None,
            "source": row["source"], "unit": None, "class": None, "level": None}
