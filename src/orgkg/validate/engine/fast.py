"""The fast engine: each constraint evaluated once, set-based, in the embedded store.

Shapes are translated by ``compile`` into one query per (shape, constraint);
each runs over the union of the store's named graphs; every distinct row is
one result, built exactly as a SHACL engine builds it (focus ``?this``;
``?value`` if bound, else the focus node for a node shape's SPARQL
constraint; ``?path`` if bound, else the shape's path; messages with
``{?var}`` filled in from the row).

The queries read the RDF merge of the named graphs, where each triple is
there once, as a SHACL engine does (``BuiltGraph.merged``). The store's union of
named graphs would repeat a triple once per document that states it (a
class's label is repeated in every document of that class), and joins over
those repeats multiply.

The checks run one per core at a time (``base.WORKERS``).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from rdflib.term import Node

from orgkg.graph.built import BuiltGraph
from orgkg.graph.terms import to_rdflib
from orgkg.mapping.triples import text
from orgkg.validate.engine.base import WORKERS, Engine
from orgkg.validate.engine.compile import Check, Hierarchy, compile_shapes, path_text
from orgkg.validate.model import Result

SUBCLASS = "SELECT DISTINCT ?sub ?sup WHERE { ?sub <http://www.w3.org/2000/01/rdf-schema#subClassOf> ?sup }"


def hierarchy(view: ox.Store, ontology: Graph) -> Hierarchy:
    """The class hierarchy of the ontology and of the data together (as a SHACL engine sees it)."""
    pairs: list[tuple[Node, Node]] = list(ontology.subject_objects(RDFS.subClassOf))
    rows = view.query(SUBCLASS)
    assert isinstance(rows, ox.QuerySolutions)
    for row in rows:
        sub, sup = to_rdflib(row["sub"]), to_rdflib(row["sup"])
        if sub is not None and sup is not None:
            pairs.append((sub, sup))
    return Hierarchy(pairs)


class FastEngine(Engine):
    name = "fast"

    def run(self, graph: BuiltGraph, shapes: Graph, ontology: Graph) -> list[Result]:
        view = graph.merged()
        checks = compile_shapes(shapes, hierarchy(view, ontology))
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            found = pool.map(lambda check: run_check(view, shapes, check), checks)
        return [result for results in found for result in results]


def run_check(view: ox.Store, shapes: Graph, check: Check) -> list[Result]:
    """The results of one check over the merged view."""
    rows = _rows(view, check.untargeted or check.query)
    if check.untargeted is not None and check.members is not None:
        targets = _targets(view, check.members, {row.get("this") for row in rows})
        rows = _rows(view, check.query) if targets is None else [r for r in rows if r.get("this") in targets]
    return [_result(shapes, check, row) for row in rows]


def _rows(view: ox.Store, query: str) -> list[dict[str, Node]]:
    """The distinct solutions of a query, as bound variables (rdflib terms)."""
    solutions = view.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    seen: set[tuple[Node | None, ...]] = set()
    rows = []
    for row in solutions:
        terms = tuple(to_rdflib(row[n]) for n in names)
        if terms not in seen:
            seen.add(terms)
            rows.append({n: t for n, t in zip(names, terms, strict=True) if t is not None})
    return rows


def _targets(view: ox.Store, members: str, foci: set[Node | None]) -> set[Node] | None:
    """Which of ``foci`` are focus nodes of the shape (None if a blank node cannot be asked about)."""
    if not foci:
        return set()
    if any(not isinstance(f, (URIRef, Literal)) for f in foci):
        return None
    values = " ".join(sorted(text(f) for f in foci if f is not None))
    answer = view.query(f"SELECT ?this WHERE {{ VALUES ?this {{ {values} }} FILTER EXISTS {{ {members} }} }}")
    assert isinstance(answer, ox.QuerySolutions)
    found = (to_rdflib(row["this"]) for row in answer)
    return {term for term in found if term is not None}


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
        message = message.replace(f"{{?{var}}}", str(term)).replace(f"{{${var}}}", str(term))
    return message
