"""A graph kept as its statements' Turtle text: for graphs too large for rdflib's own store (a
position register of 100,000 rows gives millions of triples).

``Triples`` is an rdflib ``Graph`` built with ``add`` (rdflib terms, for the
few shared nodes) or ``statement`` (terms already written as Turtle, for
what every row writes: no rdflib term is made, hashed or compared per row).
Each statement is kept once, under its subject, subjects in the order they
first appear. The graph layer writes it as one-line statements in that order
(``body``, ``graph.store.block``): the same inputs, the same bytes. Read with
the usual look-ups (``triples``, ``subjects`` ...), it is parsed once into an
rdflib graph (slow for a large register: the build never does it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from orgkg.mapping.namespaces import PREFIXES, bind_prefixes

Triple = tuple[Node, Node, Node]

#: Objects written with the graph's prefixes (classes), like predicates.
_CLASSES = (RDF.type, RDF.predicate)
_PREFIXED = Graph()
bind_prefixes(_PREFIXED)
_NEXT = " ;\n    "  # a subject's next statement
_HEAD = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())


def name(term: URIRef) -> str:
    """An ontology term as a statement writes it: prefixed (``orgkg:title``), ``a`` for rdf:type."""
    return "a" if term == RDF.type else term.n3(_PREFIXED.namespace_manager)


def iri(value: str) -> str:
    """A minted IRI (``mapping.iris``: nothing in it needs escaping) as Turtle."""
    return f"<{value}>"


def string(text: str) -> str:
    """A string as a Turtle (and TriG, SPARQL) literal's quoted text, always valid: the one writer of
    literals (the mapper's, the register's, the graph files', the validator's queries).

    It writes what rdflib's ``Literal.n3`` writes (the graph files keep rdflib's text), but where
    rdflib is wrong: a value without a line end in short form (``"..."``), backslash, quote and
    carriage return escaped; one with a line end in long form (three quotes), backslash and carriage
    return escaped, three quotes in a row escaped, and a quote at its end escaped when it is not yet.
    rdflib takes that quote as escaped when a backslash stands before it, which may be a backslash
    of the value (``...\\"``): its text then ends the string a quote early and is no Turtle. Any
    other character (tab, other controls) is allowed as it is in both forms.
    """
    if "\n" not in text:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r") + '"'
    encoded = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if encoded[-1] == '"' and (len(encoded) - 1 - len(encoded[:-1].rstrip("\\"))) % 2 == 0:
        encoded = encoded[:-1] + '\\"'  # an even run of backslashes before it: the value's own
    return '"""' + encoded.replace("\r", "\\r") + '"""'


def literal(term: Literal, datatype: Callable[[URIRef], str | None] = lambda _: None) -> str:
    """An rdflib literal as Turtle (``string``, then its language or datatype); ``datatype`` names a
    datatype IRI (a prefixed name), else it is written whole."""
    quoted = string(str(term))
    if term.language:
        return f"{quoted}@{term.language}"
    if term.datatype is None:
        return quoted
    return f"{quoted}^^{datatype(term.datatype) or f'<{term.datatype}>'}"


def text(term: Node, *, prefixed: bool = False) -> str:
    """Any rdflib term as Turtle; an IRI ``prefixed`` as a predicate or a class is written."""
    if isinstance(term, URIRef):
        return name(term) if prefixed else term.n3()
    if isinstance(term, Literal):
        return literal(term)
    if isinstance(term, BNode):
        return term.n3()
    raise TypeError(f"not a term of a statement: {term!r}")


class Triples(Graph):
    """A graph of statements kept as Turtle text, grouped by subject in the order they first appear."""

    def __init__(self) -> None:
        super().__init__()
        self._subjects: dict[str, list[str]] = {}  # subject -> "predicate object" of each statement
        self._count = 0
        self._names: dict[Node, str] = {}
        self._view: Graph | None = None

    def statement(self, s: str, p: str, o: str) -> None:
        """Add one statement, its terms written as Turtle (``iri``, ``string``, ``name`` ...)."""
        known, said = self._subjects.setdefault(s, []), f"{p} {o}"
        if said not in known:  # a subject has few statements
            known.append(said)
            self._count += 1
            self._view = None

    def subject(self, s: str, said: list[str]) -> None:
        """Add a subject's statements (``"predicate object"``, each once): at once when the subject is new."""
        if s in self._subjects:
            for one in said:
                self.statement(s, *one.split(" ", 1))
        else:
            self._subjects[s] = said
            self._count += len(said)
            self._view = None

    def add(self, triple: Any) -> Triples:
        self.statement(*self._text(triple))
        return self

    def _text(self, triple: Triple) -> tuple[str, str, str]:
        s, p, o = triple
        if p not in self._names:  # few predicates: each written once
            self._names[p] = text(p, prefixed=True)
        return text(s), self._names[p], text(o, prefixed=p in _CLASSES)

    def __len__(self) -> int:
        return self._count

    def __contains__(self, triple: object) -> bool:
        if isinstance(triple, tuple) and len(triple) == 3 and None not in triple:
            s, p, o = self._text(triple)
            return f"{p} {o}" in self._subjects.get(s, ())
        return any(True for _ in self.triples(triple))

    def body(self) -> str:
        """Every statement on a line of its own, a subject's next ones after ``;``."""
        return "\n".join(s + " " + _NEXT.join(said) + " ." for s, said in self._subjects.items() if said)

    def view(self) -> Graph:
        """The statements as an rdflib graph (parsed once)."""
        if self._view is None:
            self._view = Graph(store="SimpleMemory")
            self._view.parse(data=_HEAD + self.body(), format="turtle")
        return self._view

    def __iter__(self) -> Iterator[Triple]:  # type: ignore[override]
        return iter(self.view())

    def triples(self, triple: Any, *args: Any, **kwargs: Any) -> Iterator[Triple]:  # type: ignore[override]
        return self.view().triples(triple)
