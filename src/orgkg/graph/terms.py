"""The one home of term conversion: pyoxigraph terms to rdflib terms, to plain Python values, and
to and from the JSON data the build keeps (``Stored``: its listing facts and index, ``graph.listings``).

    to_rdflib(ox.Literal("3", datatype=XSD_INTEGER))   # rdflib Literal 3
    python_value(ox.Literal("35.0", datatype=XSD_DECIMAL))  # 35
    python_value(ox.Literal("0.555555555555555555", datatype=XSD_DECIMAL))  # 0.555555555555556

Every reader of the store uses these (query results, the register, the chart
view, validation, the reasoner's input, JSON-LD export), so a value reads the
same everywhere: integers as ``int``; an ``xsd:decimal`` rounded to
``DECIMAL_PLACES`` fractional digits, then as ``int`` when it is whole (``35.0``
is ``35``), else ``float``; ``xsd:double``/``xsd:float`` as
``float``; ``xsd:boolean`` as ``bool`` (``true`` or ``1``); IRIs and other
literals as their text; a quoted triple as its N-Triples text.

SPARQL leaves the precision of decimal division to the store: Oxigraph keeps 18
fractional digits, cut (``5.0 / 9`` is ``0.555555555555555555``); Virtuoso 15,
rounded (``0.555555555555556``). Rounding both to 15 (half up) reads one value
from either: a value cut at 18 digits rounds as the exact one does.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from functools import cache
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGERS = frozenset(XSD + t for t in (
    "integer", "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
    "int", "long", "short", "byte", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte"))
FLOATS = frozenset(XSD + t for t in ("double", "float"))
DECIMAL_PLACES = 15  # the fewest any store tested keeps (Virtuoso 7); Oxigraph keeps 18
_PLACES, _WIDE = Decimal(1).scaleb(-DECIMAL_PLACES), Context(prec=1000)

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def to_rdflib(term: Term | None) -> Node | None:
    """The same term for rdflib, built from its parts (a plain literal stays plain: RDF 1.1's xsd:string)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == XSD + "string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unexpected term {term!r}")


def python_value(term: Term | None) -> Any:
    """A term as a JSON-ready Python value (see the module's rules)."""
    if term is None:
        return None
    if isinstance(term, ox.Triple):
        return str(term)
    if not isinstance(term, ox.Literal):
        return term.value
    dt = term.datatype.value
    try:
        if dt in INTEGERS:
            return int(term.value)
        if dt == XSD + "decimal":
            number = Decimal(term.value).quantize(_PLACES, rounding=ROUND_HALF_UP, context=_WIDE)
            return int(number) if number == number.to_integral_value() else float(number)
        if dt in FLOATS:
            return float(term.value)
    except (ValueError, InvalidOperation):  # an ill-typed literal ("abc"^^xsd:integer) reads as its text
        return term.value
    if dt == XSD + "boolean":
        return term.value in ("true", "1")
    return term.value


#: A term kept as JSON data (the build's listing facts and index, ``graph.listings``): an IRI as
#: ``(iri,)``; a literal as ``(text, kind)``, kind "" for xsd:string, "@tag" for a language, else
#: its datatype IRI. Tuples of text throughout, so kept terms sort and hash alike.
Stored = tuple[str] | tuple[str, str]


def stored(term: Node | Term | None) -> Stored | None:
    """An IRI or literal, rdflib's or pyoxigraph's, as kept (``Stored``); None for anything else
    (a blank node, a quoted triple)."""
    if isinstance(term, ox.NamedNode):
        return (term.value,)
    if isinstance(term, URIRef):
        return (str(term),)
    if isinstance(term, ox.Literal):
        text, language, datatype = term.value, term.language, term.datatype.value
    elif isinstance(term, Literal):
        text, language = str(term), term.language
        datatype = str(term.datatype) if term.datatype is not None else XSD + "string"
    else:
        return None
    if language:
        return text, f"@{language}"
    return text, "" if datatype == XSD + "string" else datatype


def from_stored(kept: Stored | list[str] | None, datatypes: dict[str, ox.NamedNode],
                ) -> ox.NamedNode | ox.Literal | None:
    """The pyoxigraph term ``kept`` (a tuple, or the list JSON gives back); ``datatypes`` caches the
    datatype IRIs made (one each)."""
    if kept is None:
        return None
    if len(kept) == 1:
        return ox.NamedNode(kept[0])
    value, kind = kept[0], kept[1]
    if not kind:
        return ox.Literal(value)
    if kind[0] == "@":
        return ox.Literal(value, language=kind[1:])
    datatype = datatypes.get(kind) or datatypes.setdefault(kind, ox.NamedNode(kind))
    return ox.Literal(value, datatype=datatype)


_ANY = ox.NamedNode("https://w3id.org/orgkg/id/any")


def as_kept(term: ox.Literal) -> ox.Literal:
    """A literal as the store gives it back (Oxigraph keeps a number of a derived type as
    ``xsd:integer``, in its canonical form: ``"03"^^xsd:positiveInteger`` is read as ``"3"^^xsd:integer``);
    a plain string is kept as it is."""
    if not term.language and term.datatype.value == XSD + "string":
        return term
    return _kept_by_store(term)


@cache  # few distinct values are not plain strings (layers, counts, level labels)
def _kept_by_store(term: ox.Literal) -> ox.Literal:
    store = ox.Store()
    store.add(ox.Quad(_ANY, _ANY, term))
    kept = next(iter(store)).object
    assert isinstance(kept, ox.Literal)
    return kept
