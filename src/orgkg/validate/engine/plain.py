"""The plain engine: pyshacl over the RDF merge of the named graphs, with the ontology.

This is the reference any SHACL user would run; it evaluates SHACL-SPARQL
constraints one focus node at a time, so it is slow on large organisations.
"""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from orgkg.errors import ShapesError
from orgkg.graph.built import BuiltGraph
from orgkg.graph.terms import to_rdflib
from orgkg.validate.engine.base import Engine
from orgkg.validate.engine.compile import path_text
from orgkg.validate.model import Result, Severity


def merged(graph: BuiltGraph) -> Graph:
    """The union of the named graphs as one rdflib graph (each triple once)."""
    g = Graph()
    for t in graph.triples():
        g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))  # type: ignore[arg-type]
    return g


class PlainEngine(Engine):
    name = "pyshacl"

    def run(self, graph: BuiltGraph, shapes: Graph, ontology: Graph) -> list[Result]:
        return self.run_graph(merged(graph), shapes, ontology)

    def run_graph(self, data: Graph, shapes: Graph, ontology: Graph) -> list[Result]:
        from pyshacl import validate
        from pyshacl.errors import ConstraintLoadError, ReportableRuntimeError, ShapeLoadError

        try:
            _, report, _ = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                    allow_warnings=True, inplace=True)
        except (ReportableRuntimeError, ShapeLoadError, ConstraintLoadError) as err:
            raise ShapesError("shapes", f"pyshacl cannot run them: {err}".splitlines()[0]) from None
        return results_of(report)


def results_of(report: Graph) -> list[Result]:
    """The results of an ``sh:ValidationReport`` graph."""
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        path_node = report.value(r, SH.resultPath)
        messages = sorted(str(m) for m in report.objects(r, SH.resultMessage))
        out.append(Result(
            focus=_one(report, r, SH.focusNode),
            severity=Severity.from_iri(_one(report, r, SH.resultSeverity)),
            shape=_one(report, r, SH.sourceShape),
            component=_one(report, r, SH.sourceConstraintComponent),  # type: ignore[arg-type]
            path=path_text(report, path_node) if path_node is not None else None,
            value=report.value(r, SH.value),
            message=" ".join(messages),
        ))
    return out


def _one(g: Graph, s: Node, p: Node) -> Node:
    value = g.value(s, p)
    if value is None:
        raise ShapesError(str(s), f"a validation result lacks {p.n3()}")
    return value
