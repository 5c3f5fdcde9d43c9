"""The shapes: read from ``shapes/*.ttl`` (or a folder the user names), adjusted, checked.

``load`` parses every ``.ttl`` file of a folder into one graph; ``with_max_span``
replaces the maximum span of control (the ``sh:maxCount`` of
``orgsh:SpanWithinMaximum``); ``meta_check`` validates the shapes against
shacl-shacl, the W3C shapes for shapes.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH, XSD

from orgkg.errors import ShapesError
from orgkg.resources import data_dir

ORGSH = Namespace("https://w3id.org/orgkg/shapes#")
SPAN_SHAPE = ORGSH.SpanWithinMaximum
DEFAULT_MAX_SPAN = 15


def default_folder() -> Path:
    return data_dir("shapes")


def load(folder: Path | None = None) -> Graph:
    """Every ``.ttl`` file of ``folder`` (default: orgkg's shapes) in one graph."""
    folder = folder or default_folder()
    if not folder.is_dir():
        raise ShapesError(str(folder), "no such shapes folder")
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise ShapesError(str(folder), "holds no .ttl shapes files")
    g = Graph()
    for path in files:
        try:
            g.parse(path, format="turtle")
        except Exception as err:  # rdflib raises many types for bad Turtle
            raise ShapesError(str(path), f"not valid Turtle: {err}".splitlines()[0]) from None
    if not any(g.subjects(RDF.type, SH.NodeShape)) and not any(g.subjects(RDF.type, SH.PropertyShape)):
        raise ShapesError(str(folder), "holds no sh:NodeShape or sh:PropertyShape")
    g.bind("orgsh", ORGSH)
    return g


def with_max_span(shapes: Graph, max_span: int | None) -> Graph:
    """The shapes with the span shape's maximum set to ``max_span`` (unchanged when None)."""
    if max_span is None:
        return shapes
    if max_span < 0:
        raise ShapesError("--max-span", f"must be 0 or more, not {max_span}")
    if (SPAN_SHAPE, SH.maxCount, None) not in shapes:
        raise ShapesError(str(SPAN_SHAPE), "--max-span needs this shape with an sh:maxCount")
    out = Graph()
    for prefix, ns in shapes.namespaces():
        out.bind(prefix, ns)
    for t in shapes:
        out.add(t)
    out.set((SPAN_SHAPE, SH.maxCount, Literal(max_span, datatype=XSD.integer)))
    return out


def meta_check(shapes: Graph) -> list[str]:
    """Messages of shacl-shacl on the shapes graph: empty when the shapes are well-formed SHACL."""
    from pyshacl import validate

    conforms, report, _ = validate(Graph(), shacl_graph=shapes, meta_shacl=True, inference="none")
    if conforms:
        return []
    return sorted(str(m) for m in report.objects(None, SH.resultMessage))


def rule_name(shapes: Graph, shape: URIRef | object) -> str:
    """The rule's readable name: its ``sh:name``, else its local name."""
    name = shapes.value(shape, SH.name)  # type: ignore[arg-type]
    if name is not None:
        return str(name)
    return str(shape).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
