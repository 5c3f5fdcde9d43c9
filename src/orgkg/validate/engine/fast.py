"""The fast engine: each constraint evaluated once, set-based, in the embedded store.

Shapes are translated by ``compile`` into one query per (shape, constraint);
each runs over the union of the store's named graphs; every distinct row is
one result, built exactly as a SHACL engine builds it (focus ``?this``;
``?value`` if bound, else the focus node for a node shape's SPARQL
constraint; ``?path`` if bound, else the shape's path; messages with
``{?var}`` filled in from the row).

The queries read the RDF merge of the named graphs, where each triple is
there once, as a SHACL engine does: the default graph of a store written by
``orgkg build``, which keeps that merge (``graph.store.has_union_copy``), or
else a merged copy made in memory (``merged_view``). The store's union of
named graphs would repeat a triple once per document that states it (a
class's label is repeated in every document of that class), and joins over
those repeats multiply.
"""

from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import RDFS
from rdflib.term import Node

from orgkg.graph.store import has_union_copy
from orgkg.validate.engine.base import Engine
from orgkg.validate.engine.compile import Check, Hierarchy, compile_shapes, path_text
from orgkg.validate.engine.terms import to_rdflib
from orgkg.validate.model import Result

SUBCLASS = "SELECT DISTINCT ?sub ?sup WHERE { ?sub <http://www.w3.org/2000/01/rdf-schema#subClassOf> ?sup }"


def merged_view(store: ox.Store) -> ox.Store:
    """The RDF merge of the store's named graphs: in memory, each triple once, in the default graph."""
    union = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    assert isinstance(union, ox.QueryTriples)
    view = ox.Store()
    view.bulk_load(union.serialize(format=ox.RdfFormat.N_TRIPLES), ox.RdfFormat.N_TRIPLES)
    return view


def hierarchy(view: ox.Store, ontology: Graph) -> Hierarchy:
    """The class hierarchy of the ontology and of the data together (as a SHACL engine sees it)."""
    pairs: list[tuple[Node, Node]] = list(ontology.subject_objects(RDFS.subClassOf))  # type: ignore[arg-type]
    for row in view.query(SUBCLASS):
        sub, sup = to_rdflib(row["sub"]), to_rdflib(row["sup"])
        if sub is not None and sup is not None:
            pairs.append((sub, sup))
    return Hierarchy(pairs)


class FastEngine(Engine):
    name = "fast"

    def run(self, store: ox.Store, shapes: Graph, ontology: Graph) -> list[Result]:
        view = store if has_union_copy(store) else merged_view(store)
        results: list[Result] = []
        for check in compile_shapes(shapes, hierarchy(view, ontology)):
            results += run_check(view, shapes, check)
        return results


def run_check(view: ox.Store, shapes: Graph, check: Check) -> list[Result]:
    """The results of one check over the merged view."""
    solutions = view.query(check.query)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    seen: set[tuple[Node | None, ...]] = set()
    out = []
    for row in solutions:
        terms = tuple(to_rdflib(row[n]) for n in names)
        if terms in seen:
            continue
        seen.add(terms)
        bound = {n: t for n, t in zip(names, terms, strict=True) if t is not None}
        out.append(_result(shapes, check, bound))
    return out


def _result(shapes: Graph, check: Check, bound: dict[str, Node]) -> Result:
    focus = bound["this"]
    value = bound.get("value")
    if value is None and check.constraint is not None:
        value = focus if check.node_shape else None
    path = check.path
    if "path" in bound:
        path = path_text(shapes, bound["path"])
    sparql = check.constraint is not None
    messages = [_fill(m, bound) for m in check.messages] if sparql else list(check.messages)
    return Result(focus, check.severity, check.shape, check.component, path, value, " ".join(messages))


def _fill(message: str, bound: dict[str, Node]) -> str:
    for var, term in bound.items():
        message = re.sub(r"\{[?$]" + re.escape(var) + r"\}", lambda _, t=term: str(t), message)
    return message
