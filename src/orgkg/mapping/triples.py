"""A graph kept as its triples in the order they were added: for graphs too large for rdflib's
own store (a position register of 100,000 rows gives millions of triples).

``Triples`` is an rdflib ``Graph``: it is built with ``add`` and read with the
usual look-ups (``subjects``, ``objects``, ``value``, ``subject_objects``, ``in``),
which all go through ``triples``; each triple is kept once, in a dictionary,
and the indexes a look-up needs (by subject, by predicate) are made on its
first use. Adding a triple costs a dictionary insert instead of rdflib's three
indexes and contexts. The graph layer writes it as one-line statements in
the order the triples were added (``graph.store.block``): the same inputs,
the same order, the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rdflib import Graph
from rdflib.term import Node

Triple = tuple[Node, Node, Node]


class Triples(Graph):
    """A graph of triples in insertion order, with look-ups by subject and by predicate."""

    def __init__(self) -> None:
        super().__init__()
        self._all: dict[Triple, None] = {}
        self._by_subject: dict[Node, dict[Node, list[Node]]] | None = None
        self._by_predicate: dict[Node, dict[Node, list[Node]]] | None = None

    def add(self, triple: Any) -> Triples:
        if triple not in self._all:
            self._all[triple] = None
            self._by_subject = self._by_predicate = None
        return self

    def __len__(self) -> int:
        return len(self._all)

    def __iter__(self) -> Iterator[Triple]:  # type: ignore[override]
        return iter(self._all)

    def __contains__(self, triple: object) -> bool:
        if isinstance(triple, tuple) and len(triple) == 3 and None not in triple:
            return triple in self._all
        return any(True for _ in self.triples(triple))

    def by_subject(self) -> dict[Node, dict[Node, list[Node]]]:
        """Each subject's objects by predicate, subjects and predicates in the order they first appear."""
        if self._by_subject is None:
            self._by_subject = _index(self._all)
        return self._by_subject

    def _predicates(self) -> dict[Node, dict[Node, list[Node]]]:
        if self._by_predicate is None:
            self._by_predicate = _index((p, o, s) for s, p, o in self._all)
        return self._by_predicate

    def triples(self, triple: Any, *args: Any, **kwargs: Any) -> Iterator[Triple]:  # type: ignore[override]
        s, p, o = triple
        if s is not None:
            pairs = self.by_subject().get(s, {})
            for p2 in (pairs if p is None else (p,) if p in pairs else ()):
                for o2 in pairs[p2]:
                    if o is None or o2 == o:
                        yield s, p2, o2
        elif p is not None:
            objects = self._predicates().get(p, {})
            for o2 in (objects if o is None else (o,) if o in objects else ()):
                for s2 in objects[o2]:
                    yield s2, p, o2
        else:
            for t in self._all:
                if o is None or t[2] == o:
                    yield t


def _index(triples: Iterable[Triple]) -> dict[Node, dict[Node, list[Node]]]:
    """``{first: {second: [third, ...]}}``, in the order the triples come."""
    index: dict[Node, dict[Node, list[Node]]] = {}
    for a, b, c in triples:
        index.setdefault(a, {}).setdefault(b, []).append(c)
    return index
