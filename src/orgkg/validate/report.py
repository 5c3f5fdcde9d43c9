"""Results -> the standard ``sh:ValidationReport`` graph (what ``--format turtle`` prints).

Built the way SHACL engines build it: ``sh:conforms`` (false when there is
any result, even a Warning, as SHACL defines it), then one
``sh:ValidationResult`` per result with its focus node, path, value,
severity, source shape, source constraint component and message. A path
that is not a single property is copied from the shapes graph.
"""

from __future__ import annotations

import hashlib

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from orgkg.mapping.namespaces import bind_prefixes
from orgkg.validate.model import Result
from orgkg.validate.shapes import ORGSH


def report_graph(results: list[Result], shapes: Graph) -> Graph:
    g = Graph()
    bind_prefixes(g)
    g.bind("sh", SH)
    g.bind("orgsh", ORGSH)
    report = BNode("report")
    g.add((report, RDF.type, SH.ValidationReport))
    g.add((report, SH.conforms, Literal(not results, datatype=XSD.boolean)))
    for r in sorted(results, key=lambda r: (r.key(), r.message)):
        node = BNode("r" + hashlib.sha256(repr((r.key(), r.message)).encode()).hexdigest()[:16])
        g.add((report, SH.result, node))
        g.add((node, RDF.type, SH.ValidationResult))
        g.add((node, SH.focusNode, r.focus))
        g.add((node, SH.resultSeverity, r.severity.iri))
        g.add((node, SH.sourceShape, r.shape))
        g.add((node, SH.sourceConstraintComponent, r.component))
        if r.value is not None:
            g.add((node, SH.value, r.value))
        if r.message:
            g.add((node, SH.resultMessage, Literal(r.message)))
        path = _path_node(shapes, r)
        if path is not None:
            g.add((node, SH.resultPath, path))
            _copy(shapes, path, g)
    return g


def _path_node(shapes: Graph, r: Result) -> Node | None:
    if r.path is None:
        return None
    node = shapes.value(r.shape, SH.path)
    if node is not None:
        return node
    return URIRef(r.path.strip("<>")) if r.path.startswith("<") else None


def _copy(source: Graph, node: Node, target: Graph) -> None:
    """Copy the blank-node structure of a path (lists, inverse paths ...)."""
    if not isinstance(node, BNode):
        return
    for p, o in source.predicate_objects(node):
        target.add((node, p, o))
        _copy(source, o, target)
