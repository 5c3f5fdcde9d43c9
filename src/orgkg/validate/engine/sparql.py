"""A shape's SHACL-SPARQL constraint as one set-based query.

The constraint's SELECT runs per focus node in a SHACL engine, with ``$this``
pre-bound. Here it runs once: its top-level WHERE group is joined with the
target pattern that binds ``?this`` (the same variable as ``$this``), or, where
its own triple patterns bind ``?this``, run without it and its rows kept for
the focus nodes afterwards (``sparql_check``). It reads the RDF merge of
the named graphs, as a SHACL engine does, so its solutions are the ones a
SHACL engine sees. ``$PATH`` becomes the shape's path. SHACL-SPARQL forbids
VALUES and MINUS and asks sub-queries to project pre-bound variables
(section 5.3.1), which is what makes the join the same as the pre-binding.
"""

from __future__ import annotations

import re

from rdflib import Graph, Literal
from rdflib.namespace import SH
from rdflib.term import Node

from orgkg.errors import ShapesError
from orgkg.query.plan import binds_this, hash_joined, unread
from orgkg.query.text import head, mentions, rename_this, where_group

# Refused: what SHACL-SPARQL forbids with pre-bound variables, what this engine does not bind, and
# LIMIT/OFFSET, which mean "per focus node" in a SHACL engine and "in all" when run once.
_FORBIDDEN = (r"(?i)\bVALUES\b", r"(?i)\bMINUS\b", r"(?i)\bSERVICE\b", r"(?i)\bLIMIT\b",
              r"(?i)\bOFFSET\b", r"\$currentShape\b", r"\$shapesGraph\b", r"\$value\b")


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


def sparql_check(g: Graph, shape: Node, node: Node, target: str,
                 path: str | None) -> tuple[str, str | None]:
    """The set-based query of the ``sh:sparql`` constraint ``node`` of ``shape``, and the same
    query without the target pattern where the constraint's own top-level triple patterns bind
    ``$this`` (else None). The second one's rows are the findings once those whose focus node is
    not a target are dropped: pre-binding a focus node or keeping its rows afterwards gives the
    same rows, and the store plans the query without the extra join (the reporting cycle walk at
    100,000 positions: 52 s with it, 3.7 s without)."""
    text, start, end = _constraint(g, shape, node, path)
    head_text, body, tail = prefixes(g, node) + text[:start], text[start + 1:end], text[end + 1:]
    planned = hash_joined(body, unread(text))
    untargeted = f"{head_text}{{ {planned} }}{tail}" if binds_this(body) else None
    return f"{head_text}{{ {target} {planned} }}{tail}", untargeted


def _constraint(g: Graph, shape: Node, node: Node, path: str | None) -> tuple[str, int, int]:
    """The constraint's SELECT with ``$PATH`` filled in and ``$this`` as ``?this``, and the
    positions of its WHERE group's braces."""
    select = g.value(node, SH.select)
    if not isinstance(select, Literal):
        raise ShapesError(str(shape), "an sh:sparql constraint needs one sh:select string",
                          "sh:ask and SPARQL-based constraint components are not translated")
    text = str(select)
    for pattern in _FORBIDDEN:
        if mentions(text, pattern):
            word = pattern.removeprefix("(?i)").strip(chr(92) + "b")
            raise ShapesError(str(shape), f"its SPARQL uses {word}, which the fast "
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
    return text, start, end
