"""The text a finding is about: the evidence of the facts its rule read about its focus node.

A rule reads some properties (its ``sh:path``, the IRIs and prefixed names of
its SPARQL). A finding quotes each evidence annotation whose fact (the
annotation's ``rdf:Statement``) is about the focus node through one of those
properties, or is about a part of it the rule reaches through one (a post's
duties through ``orgkg:hasAccountability``). The named query
``validate-evidence`` gives the candidates, and ``validate-parts`` the parts
whose own evidence counts (one query each: together, Oxigraph planned them
badly, 80 s for 50 posts at 100,000 positions); the focus nodes are bound with a
VALUES block of RDF terms, never pasted text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from orgkg.graph.built import BuiltGraph
from orgkg.query.library import get
from orgkg.query.values import with_value_rows
from orgkg.validate.engine.base import WORKERS
from orgkg.validate.model import Quote, Result

CHUNK = 250
SMALL = 3  # a focus with at most this many quotes of its own is quoted whole when the rule's own miss
_TERM = r"(?:<[^<>\"{}|^`\\\s]+>|[A-Za-z][\w-]*:[A-Za-z_][\w-]*|\ba\b)"
_OPTIONAL = re.compile(r"\b(?:OPTIONAL|EXISTS|MINUS)\s*\{", re.I)
_PROSE = {SH.name, SH.message, SH.description}


@dataclass(frozen=True)
class Reads:
    """What a rule reads about its focus node: properties from it, properties into it, and all it names."""

    forward: frozenset[str] = frozenset()
    inverse: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()


def _prefixes(shapes: Graph) -> dict[str, str]:
    out = {str(p): str(n) for p, n in shapes.namespaces()}
    for decl in shapes.objects(None, SH.declare):
        prefix, ns = shapes.value(decl, SH.prefix), shapes.value(decl, SH.namespace)
        if prefix is not None and ns is not None:
            out[str(prefix)] = str(ns)
    return out


def _required(text: str) -> str:
    """The query without its OPTIONAL, EXISTS and MINUS groups (what every solution must match)."""
    out, i = [], 0
    for m in _OPTIONAL.finditer(text):
        if m.start() < i:
            continue
        depth, j = 1, m.end()
        while j < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        out.append(text[i:m.start()])
        i = j
    return "".join(out) + text[i:]


def _sparql_reads(text: str, prefixes: dict[str, str]) -> Reads:
    def iri(term: str) -> str | None:
        if term.startswith("<"):
            return term[1:-1]
        head, _, local = term.partition(":")
        return prefixes[head] + local if head in prefixes else None

    forward: set[str] = set()
    inverse: set[str] = set()
    for statement in re.split(r"\.\s", _required(text)):
        statement = re.split(r"[{}]", statement)[-1]  # from the group's start
        tokens = statement.replace(";", " ; ").replace(",", " , ").split()
        if len(tokens) < 3:
            continue
        subject = tokens[0]
        for pair in " ".join(tokens[1:]).split(" ; "):
            words = pair.split()
            if len(words) >= 2 and re.fullmatch(_TERM, words[0]) and (found := iri(words[0])):
                if subject.endswith("$this"):
                    forward.add(found)
                if "$this" in words[1:]:
                    inverse.add(found)
    named = {f for m in re.finditer(_TERM, text) if (f := iri(m.group())) is not None}
    return Reads(frozenset(forward), frozenset(inverse), frozenset(named))


def rule_reads(shapes: Graph, shape: Node) -> Reads:
    """What a rule reads: its ``sh:path`` (forward or inverse) and the triple patterns of its SPARQL."""
    prefixes = _prefixes(shapes)
    forward: set[str] = set()
    inverse: set[str] = set()
    named: set[str] = set()
    path = shapes.value(shape, SH.path)
    if path is not None and shapes.value(path, RDF.first) is not None:  # a sequence: its first step
        path = shapes.value(path, RDF.first)
    if isinstance(path, URIRef):
        forward.add(str(path))
    elif path is not None and isinstance(inv := shapes.value(path, SH.inversePath), URIRef):
        inverse.add(str(inv))
    for constraint in shapes.objects(shape, SH.sparql):
        select = shapes.value(constraint, SH.select)
        if isinstance(select, Literal):
            found = _sparql_reads(str(select), prefixes)
            forward |= found.forward
            inverse |= found.inverse
            named |= found.named
    return Reads(frozenset(forward), frozenset(inverse), frozenset(named | forward | inverse))


Candidate = tuple[str, str, str | None, Quote]  # role (subject, object, part), predicate, via, quote


def _candidates(graph: BuiltGraph, foci: Iterable[URIRef]) -> dict[str, list[Candidate]]:
    evidence, parts = get("validate-evidence").text, get("validate-parts").text
    ordered = sorted({str(f) for f in foci})

    def chunk(part: list[str]) -> list[tuple[str, Candidate]]:
        found = _evidence(graph, evidence, part)
        links = [(r["focus"].value, r["via"].value, r["part"].value) for r in _bound(graph, parts, part)]
        of_parts: dict[str, list[Candidate]] = defaultdict(list)
        for node, candidate in _evidence(graph, evidence, sorted({p for _, _, p in links})):
            if candidate[0] == "subject":
                of_parts[node].append(candidate)
        found += [(focus, ("part", predicate, via, quote))
                  for focus, via, node in links for _, predicate, _, quote in of_parts[node]]
        return found

    out: dict[str, list[Candidate]] = defaultdict(list)
    chunks = [ordered[i:i + CHUNK] for i in range(0, len(ordered), CHUNK)]
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for found in pool.map(chunk, chunks):
            for focus, candidate in found:
                out[focus].append(candidate)
    return out


def _bound(graph: BuiltGraph, text: str, foci: list[str]) -> ox.QuerySolutions:
    rows = graph.query(with_value_rows(text, "focus", (ox.NamedNode(f) for f in foci)))
    assert isinstance(rows, ox.QuerySolutions)
    return rows


def _evidence(graph: BuiltGraph, text: str, foci: list[str]) -> list[tuple[str, Candidate]]:
    """The annotations whose fact has one of ``foci`` as subject or object (validate-evidence)."""
    if not foci:
        return []
    found: list[tuple[str, Candidate]] = []
    for row in _bound(graph, text, foci):
        quote = Quote(row["field"].value, row["document"].value, int(row["start"].value),
                      int(row["end"].value), row["exact"].value)
        found.append((row["focus"].value, (row["role"].value, row["predicate"].value, None, quote)))
    return found


def quotes(graph: BuiltGraph, results: list[Result], shapes: Graph) -> dict[int, tuple[Quote, ...]]:
    """For each result (by index), the quotes of the text it is about, in document order.

    When none of the focus's evidence is about what the rule reads (a budget
    with no currency: the currency was never read), a focus with at most
    ``SMALL`` quotes of its own is quoted whole.
    """
    foci = [r.focus for r in results if isinstance(r.focus, URIRef)]
    if not foci:
        return {}
    candidates = _candidates(graph, foci)
    terms: dict[Node, Reads] = {}
    out: dict[int, tuple[Quote, ...]] = {}
    for i, r in enumerate(results):
        reads = terms.setdefault(r.shape, rule_reads(shapes, r.shape))
        found = candidates.get(str(r.focus), [])
        kept = {q for role, predicate, via, q in found
                if (role == "subject" and predicate in reads.forward)
                or (role == "object" and predicate in reads.inverse)
                or (role == "part" and via in reads.forward)}
        own = {q for role, _, _, q in found if role == "subject"}
        if not kept and len(own) <= SMALL:  # a small thing (a budget, a duty): all that was read of it
            kept = own
        if kept:
            out[i] = tuple(sorted(kept, key=lambda q: (q.document, q.start, q.end, q.field)))
    return out
