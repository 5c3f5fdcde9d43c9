"""A named graph's facts as rdflib's Turtle serializer writes them, several times quicker.

A build's graph files (``graphs/``) keep each document's facts as rdflib's sorted Turtle (subjects
by how often they are referred to, then by IRI; ``a`` and ``rdfs:label``
first, then predicates and objects sorted; a subject's objects of one
predicate after ``,``). rdflib's serializer copies the graph, walks it
through its store and computes each name's prefix again for every document,
which was most of the time a build spends writing. ``facts`` writes the same
text from the triples directly, for the graphs the mapper makes (IRIs and
literals, prefixes bound); for anything else (blank nodes, lists, classes,
predicates no bound prefix shortens) it returns None and rdflib writes it.
``tests/test_turtle.py`` holds it to rdflib's text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, split_uri
from rdflib.term import _PLAIN_LITERAL_TYPES, Identifier, Node, _is_valid_uri

from orgkg.mapping.namespaces import bind_prefixes
from orgkg.mapping.triples import literal

Triple = tuple[Node, Node, Node]


def _bound() -> dict[str, str]:
    """namespace -> prefix, as a new graph with orgkg's prefixes has them (rdflib's own included)."""
    g = Graph()
    bind_prefixes(g)
    out = {}
    for _, ns in g.namespaces():
        prefix = g.store.prefix(ns)
        if prefix is not None:
            out[str(ns)] = prefix
    return out


_BOUND = _bound()
assert not any(p.startswith("_") for p in _BOUND.values())  # rdflib would rename those
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
#: the first predicates of a subject, in this order (rdflib's ``predicateOrder``)
_FIRST = (RDF.type, RDFS.label)
# the terms tested for each triple, looked up once (a ``DefinedNamespace`` attribute is a call)
_TYPE, _NIL, _CLASS = RDF.type, RDF.nil, RDFS.Class
_FIRST_SET = frozenset(_FIRST)


def _is(node: Node, term: URIRef) -> bool:
    """``node == term`` for an IRI ``term`` without rdflib's ``__eq__`` (a Python call per test):
    a node of another type (a literal, a blank node, a subclass) is never equal to it."""
    return type(node) is URIRef and str.__eq__(node, term)


class _NotPlainError(Exception):
    """The graph holds something only rdflib's serializer writes as it does."""


@functools.lru_cache(maxsize=1 << 16)
def pname(uri: str) -> str | None:
    """``prefix:local`` as rdflib's serializer writes ``uri`` with the bound prefixes, else None.

    rdflib's ``get_pname`` with its ``compute_qname``: the name split where rdflib
    splits it, the namespace's bound prefix, parentheses and stray ``%`` escaped,
    never a local name ending in ``.``.
    """
    if not _is_valid_uri(uri):
        prefix, namespace, local = _BOUND.get(uri), uri, ""
    else:
        try:
            namespace, local = split_uri(uri)
        except ValueError:
            namespace, local = uri, ""
        prefix = _BOUND.get(namespace)
        if prefix is None:
            prefix, namespace, local = _BOUND.get(uri), uri, ""
    if prefix is None:
        return None
    local = _PERCENT.sub("\\%", local.replace("(", r"\(").replace(")", r"\)"))
    return None if local.endswith(".") else f"{prefix}:{local}"


def _datatype(iri: URIRef) -> str | None:
    return pname(str(iri))


def _label(node: Node) -> str:
    if isinstance(node, Literal):
        if node.datatype in _PLAIN_LITERAL_TYPES and "\n" not in node:  # a number, a truth value: bare
            return node._literal_n3(use_plain=True, qname_callback=_datatype)
        return literal(node, _datatype)
    if not isinstance(node, URIRef):
        raise _NotPlainError
    if _is(node, _NIL):
        return "()"
    return pname(str(node)) or node.n3()


def _verb(node: Node) -> str:
    if _is(node, _TYPE):
        return "a"
    if _is(node, _NIL):
        return "()"
    if not isinstance(node, URIRef):
        raise _NotPlainError
    found = pname(str(node))
    if found is None:  # rdflib would make up a prefix for it
        raise _NotPlainError
    return found


def facts(triples: Iterable[Triple]) -> str | None:
    """What ``Graph.serialize(format="turtle")`` writes for these triples after its ``@prefix``
    lines (the graph's iteration order given, as it decides between objects that sort alike);
    None when only rdflib's serializer writes it as it does."""
    subjects: dict[URIRef, dict[URIRef, list[Identifier]]] = {}
    refs: dict[Node, int] = {}
    for s, p, o in triples:
        if not (isinstance(s, URIRef) and isinstance(p, URIRef) and isinstance(o, Identifier)) or (
                _is(p, _TYPE) and _is(o, _CLASS)):
            return None
        subjects.setdefault(s, {}).setdefault(p, []).append(o)
        refs[o] = refs.get(o, 0) + 1
    order = sorted((False, refs.get(s, 0), s) for s in subjects)
    try:
        statements = [_statement(s, subjects[s]) for _, _, s in order]
    except _NotPlainError:
        return None
    text = "".join(f"\n{st}\n" for st in statements) + "\n"
    return text.encode("utf-8", "replace").decode("utf-8")


def _statement(subject: URIRef, properties: dict[URIRef, list[Identifier]]) -> str:
    first = [p for p in _FIRST if p in properties]
    rest = sorted(p for p in properties if p not in _FIRST_SET)
    out = [_label(subject)]
    for i, p in enumerate([*first, *rest]):
        objects = sorted(properties[p])
        out.append((" " if i == 0 else " ;\n    ") + _verb(p) + " "
                   + ",\n        ".join(_label(o) for o in objects))
    return "".join(out) + " ."
