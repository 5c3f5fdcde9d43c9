"""A shape's SHACL-SPARQL constraint as one set-based query.

The constraint's SELECT runs per focus node in a SHACL engine, with ``$this``
pre-bound. Here it runs once: its top-level WHERE group is joined with the
target pattern that binds ``?this`` (the same variable as ``$this``), and its
solutions are made distinct before any grouping, because a store's union of
named graphs repeats a triple that several documents state, where the RDF
merge a SHACL engine reads holds it once. ``$PATH`` becomes the shape's path.
SHACL-SPARQL forbids pre-bound variables in sub-queries, VALUES and MINUS
(section 5.3.1), which is what makes the join the same as the pre-binding.
"""

from __future__ import annotations

import re

from rdflib import Graph, Literal
from rdflib.namespace import SH
from rdflib.term import Node

from orgkg.errors import ShapesError
from orgkg.validate.engine.plan import hash_joined
from orgkg.validate.sparqltext import head, mentions, rename_this, where_group

_FORBIDDEN = (r"\bVALUES\b", r"\bMINUS\b", r"\bSERVICE\b", r"\$currentShape\b", r"\$shapesGraph\b",
              r"\$value\b")


def prefixes(g: Graph, node: Node) -> str:
    """PREFIX lines for the ``sh:declare``s of the constraint's ``sh:prefixes``."""
    lines: dict[str, str] = {}
    for owner in g.objects(node, SH.prefixes):
        for decl in g.objects(owner, SH.declare):
            prefix, ns = g.value(decl, SH.prefix), g.value(decl, SH.namespace)
            if prefix is None or ns is None:
                raise ShapesError(str(owner), "an sh:declare lacks sh:prefix or sh:namespace")
            if lines.get(str(prefix), str(ns)) != str(ns):
                raise ShapesError(str(owner), f"prefix {prefix} is declared twice, differently")
            lines[str(prefix)] = str(ns)
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(lines.items()))


def sparql_check(g: Graph, shape: Node, node: Node, target: str, path: str | None) -> str:
    """The set-based query of the ``sh:sparql`` constraint ``node`` of ``shape``."""
    select = g.value(node, SH.select)
    if not isinstance(select, Literal):
        raise ShapesError(str(shape), "an sh:sparql constraint needs one sh:select string",
                          "sh:ask and SPARQL-based constraint components are not translated")
    text = str(select)
    for pattern in _FORBIDDEN:
        if mentions(text, pattern):
            raise ShapesError(str(shape), f"its SPARQL uses {pattern.strip(chr(92) + 'b')}, which the fast "
                              "engine does not translate", "run `orgkg validate --engine pyshacl`")
    if mentions(text, r"\$PATH\b"):
        if path is None:
            raise ShapesError(str(shape), "its SPARQL uses $PATH but the shape has no sh:path")
        text = re.sub(r"\$PATH\b", lambda _: path, text)
    text = rename_this(text)
    try:
        start, end = where_group(text)
    except ValueError:
        raise ShapesError(str(shape), "its SPARQL has no WHERE group") from None
    projection = head(text)
    if not re.search(r"\bSELECT\b", projection, re.I):
        raise ShapesError(str(shape), "its SPARQL is not a SELECT query")
    if not re.search(r"\?this\b|\*", projection):
        raise ShapesError(str(shape), "its SELECT does not project $this",
                          "project $this (and group by it) so findings name their focus node")
    body = text[start + 1:end]
    joined = f"{{ {{ SELECT DISTINCT * WHERE {{ {target} {hash_joined(body)} }} }} }}"
    return prefixes(g, node) + text[:start] + joined + text[end + 1:]
