"""Evidence as W3C Web Annotation: where in its document each fact was read.

Each ``Evidence`` of an ``Extraction`` becomes, in the document's named graph::

    <doc>/evidence/7 a oa:Annotation ;
        orgkg:recordField "title" ; orgkg:recordValue "..." ;
        oa:hasBody <doc>/evidence/7/body ; oa:hasTarget <doc>/evidence/7/target .
    <doc>/evidence/7/body a rdf:Statement ;          # the fact it supports
        rdf:subject <post> ; rdf:predicate orgkg:title ; rdf:object "..." .
    <doc>/evidence/7/target a oa:SpecificResource ; oa:hasSource <doc> ;
        oa:hasSelector <doc>/evidence/7/position , <doc>/evidence/7/quote .
    <doc>/evidence/7/position a oa:TextPositionSelector ; oa:start 120 ; oa:end 151 .
    <doc>/evidence/7/quote a oa:TextQuoteSelector ; oa:exact "..." .

Offsets are Unicode code points into the text ``orgkg read FILE`` prints. The
mapper notes, as it writes each fact, which record field and value it comes
from (``Facts``); an Evidence is matched to its fact by field and value. The
statement is reified, never asserted twice: the fact itself is in the graph
once, as the mapper wrote it.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from orgkg.mapping.iris import BASE, child, normalise
from orgkg.mapping.namespaces import OA, ORGKG, PREFIXES, bind_prefixes
from orgkg.mapping.triples import string
from orgkg.mapping.triples import text as term_text

if TYPE_CHECKING:  # the records' package imports every family's rules: not for readers of the store
    from orgkg.extract.records import Evidence

Triple = tuple[URIRef, URIRef, URIRef | Literal]

_EVIDENCE_IRI = re.compile(re.escape(BASE) + r"document/[^/]+/evidence/")


def is_evidence(iri: str) -> bool:
    """Whether ``iri`` names an annotation or one of its parts (body, target, selectors)."""
    return _EVIDENCE_IRI.match(iri) is not None


def _key(value: object) -> str:
    """How a value is matched: names folded as IRIs fold them, numbers as numbers."""
    text = str(value)
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        return normalise(text)
    return f"#{number:g}"


class Facts:
    """What the mapper wrote for each record field: value keys -> the triple that holds it."""

    def __init__(self) -> None:
        self._by_field: dict[str, list[tuple[set[str], Triple]]] = defaultdict(list)

    def note(self, field: str, values: Iterable[object], triple: Triple) -> None:
        keys = {_key(v) for v in values if v is not None and str(v) != ""}
        self._by_field[field].append((keys, triple))

    def find(self, field: str, value: str) -> Triple | None:
        """The fact an evidence item of ``field`` and ``value`` supports.

        Values match as names or numbers; failing that, the field's only fact.
        """
        candidates = self._by_field.get(field, [])
        key = _key(value)
        for keys, triple in candidates:
            if key in keys:
                return triple
        return candidates[0][1] if len(candidates) == 1 else None


_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")
CONTEXT = 160  # at most this many characters of the sentence on each side of a quote


def sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The rest of the sentence (or line) around ``text[start:end]``: what comes before and after.

    A sentence ends at ``.``, ``!``, ``?`` or ``;`` before white space, or at a
    line end; each side is cut to ``CONTEXT`` characters, at a word.
    """
    before = text[max(0, start - CONTEXT * 2):start]
    cut = [m.end() for m in _SENTENCE_END.finditer(before)]
    prefix = before[cut[-1]:] if cut else before
    after = text[end:end + CONTEXT * 2]
    stop = _SENTENCE_END.search(after)
    suffix = after[:stop.end() if stop and stop.group() != "\n" else stop.start()] if stop else after
    if len(prefix) > CONTEXT:
        prefix = prefix[-CONTEXT:].split(" ", 1)[-1]
    if len(suffix) > CONTEXT:
        suffix = suffix[:CONTEXT].rsplit(" ", 1)[0]
    return prefix.lstrip(), suffix.rstrip()


#: One statement as a graph file writes it (``graph.store``): subject, predicate (``a`` or a
#: prefixed name) and object, in Turtle; ``rdf:type`` and ``rdf:predicate`` objects prefixed.
Statement = tuple[str, str, str]

_NAMES = Graph()
bind_prefixes(_NAMES)


@functools.cache
def _prefixed(term: URIRef) -> str:
    """A predicate (or a class, a predicate as an object) as the graph file writes it."""
    return "a" if term == RDF.type else term.n3(_NAMES.namespace_manager)


_PARTS = ("body", "target", "position", "quote")


class _Names(NamedTuple):
    """The names an annotation is written with, as the graph file writes them."""

    a: str
    predicate: str
    has_selector: str
    annotation: str
    record_field: str
    record_value: str
    has_body: str
    has_target: str
    statement: str
    subject: str
    object: str
    specific_resource: str
    has_source: str
    position_selector: str
    start: str
    end: str
    quote_selector: str
    exact: str
    prefix: str
    suffix: str


@functools.cache
def _names() -> _Names:
    """Computed once: each ``DefinedNamespace`` attribute is a call, 18 of them per evidence item."""
    return _Names(*(_prefixed(t) for t in (
        RDF.type, RDF.predicate, OA.hasSelector, OA.Annotation, ORGKG.recordField, ORGKG.recordValue,
        OA.hasBody, OA.hasTarget, RDF.Statement, RDF.subject, RDF.object, OA.SpecificResource,
        OA.hasSource, OA.TextPositionSelector, OA.start, OA.end, OA.TextQuoteSelector, OA.exact,
        OA.prefix, OA.suffix)))


_COUNT = f"^^<{XSD.nonNegativeInteger}>"


def _number(n: int) -> str:
    return f'"{n}"{_COUNT}'


def statements(document: URIRef, evidence: list[Evidence], facts: Facts, fallback: URIRef,
               text: str | None = None) -> list[Statement]:
    """One annotation per evidence item, numbered in order under ``document``, as Turtle text.

    An item whose fact cannot be found (a value the mapper did not write as
    such) still gets its annotation; its body then says ``fallback`` (the
    described post) has that value for the field, as a statement, not a fact.
    With the document's ``text``, each quote keeps the rest of its sentence
    (``oa:prefix`` and ``oa:suffix``, when not empty). Written as text, not as
    rdflib terms: the terms and the graph's index took a tenth of a build.
    """
    n = _names()
    a, source = n.a, document.n3()
    out: list[Statement] = []
    for i, ev in enumerate(evidence, 1):
        iri = child(document, "evidence", i)
        ann = iri.n3()
        body, target, position, quote = (f"<{iri}/{part}>" for part in _PARTS)
        fact = facts.find(ev.field, ev.value)
        s, pred, o = (fact[0].n3(), _prefixed(fact[1]), term_text(fact[2])) if fact else \
            (fallback.n3(), n.record_value, string(ev.value))
        out += [
            (ann, a, n.annotation),
            (ann, n.record_field, string(ev.field)),
            (ann, n.record_value, string(ev.value)),
            (ann, n.has_body, body),
            (ann, n.has_target, target),
            (body, a, n.statement),
            (body, n.subject, s),
            (body, n.predicate, pred),
            (body, n.object, o),
            (target, a, n.specific_resource),
            (target, n.has_source, source),
            (target, n.has_selector, position),
            (target, n.has_selector, quote),
            (position, a, n.position_selector),
            (position, n.start, _number(ev.start)),
            (position, n.end, _number(ev.end)),
            (quote, a, n.quote_selector),
            (quote, n.exact, string(ev.quote)),
        ]
        if text is not None:
            prefix, suffix = sentence_around(text, ev.start, ev.end)
            out += [(quote, n.prefix, string(prefix))] if prefix else []
            out += [(quote, n.suffix, string(suffix))] if suffix else []
    return out


def as_triples(rows: Iterable[Statement]) -> Graph:
    """Statements read back into a graph of their own (rdflib's Turtle parser)."""
    heads = "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in PREFIXES.items())
    return Graph().parse(data=heads + "".join(f"{s} {p} {o} .\n" for s, p, o in rows), format="turtle")
