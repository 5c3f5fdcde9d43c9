"""The derived structure: each post's layer from the top and every post above it, as a named graph.

    lines = reporting_lines(graphs.values())          # (report, supervisor) over every document
    shape = derive(lines, posts(graphs.values()))     # a pure function: networkx over the lines
    graph = as_graph(shape)                           # orgkg:layer, orgkg:reportsToTransitively

Whole-organisation questions (layers, spans by layer, everyone under a post)
walk ``org:reportsTo+`` in SPARQL, which at 100,000 positions takes seconds
(bench/results/layers.md). ``orgkg build`` computes the answers once, from
the reporting lines of every document and register together, and keeps them
in the named graph ``STRUCTURE_GRAPH`` (and so in the union copy queries
read), so those questions become look-ups.

- ``orgkg:reportsToTransitively`` holds exactly the pairs of ``org:reportsTo+``:
  every post above a post, however far; a post in a reporting cycle is above
  itself, as the path gives it.
- ``orgkg:layer`` is 1 for a post that reports to no post, otherwise 1 + the
  layer of its deepest supervisor (the longest chain above it). The posts of
  a reporting cycle count as one step and share a layer.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, XSD

from orgkg.mapping.vocab import ORGKG

STRUCTURE_GRAPH = URIRef("https://w3id.org/orgkg/id/graph/structure")

Line = tuple[str, str]  # (report, supervisor): ``report org:reportsTo supervisor``


@dataclass(frozen=True)
class Structure:
    """Each post's layer, and the posts above it (``org:reportsTo+``)."""

    layers: dict[str, int]
    above: dict[str, frozenset[str]]


def reporting_lines(graphs: Iterable[Graph]) -> Iterator[Line]:
    """Every ``org:reportsTo`` between two IRIs in the graphs (a line stated twice, twice)."""
    for g in graphs:
        for report, supervisor in g.subject_objects(ORG.reportsTo):
            if isinstance(report, URIRef) and isinstance(supervisor, URIRef):
                yield str(report), str(supervisor)


def posts(graphs: Iterable[Graph]) -> Iterator[str]:
    """Every ``org:Post`` in the graphs, on a reporting line or not."""
    for g in graphs:
        for post in g.subjects(RDF.type, ORG.Post):
            if isinstance(post, URIRef):
                yield str(post)


def derive(lines: Iterable[Line], posts: Iterable[str] = ()) -> Structure:
    """Layers and posts above of every post on a line or in ``posts``, over the strongly
    connected components of the reporting lines in top-down order."""
    top_down = nx.DiGraph((supervisor, report) for report, supervisor in lines)
    top_down.add_nodes_from(posts)
    components = nx.condensation(top_down)
    members: dict[int, frozenset[str]] = {c: frozenset(components.nodes[c]["members"]) for c in components}
    above: dict[int, frozenset[str]] = {}
    layer: dict[int, int] = {}
    for c in nx.topological_sort(components):
        sups = list(components.predecessors(c))
        found = frozenset().union(*(members[s] | above[s] for s in sups))
        cyclic = len(members[c]) > 1 or any(top_down.has_edge(p, p) for p in members[c])
        above[c] = found | members[c] if cyclic else found
        layer[c] = 1 + max((layer[s] for s in sups), default=0)
    mapping = components.graph["mapping"]
    return Structure({p: layer[mapping[p]] for p in top_down},
                     {p: above[mapping[p]] for p in top_down})


def facts(structure: Structure) -> Iterator[tuple[URIRef, URIRef, URIRef | Literal]]:
    """The named graph's triples: ``orgkg:layer`` and ``orgkg:reportsToTransitively`` of every post."""
    for post, n in structure.layers.items():
        iri = URIRef(post)
        yield iri, ORGKG.layer, Literal(n, datatype=XSD.positiveInteger)
        for boss in structure.above[post]:
            yield iri, ORGKG.reportsToTransitively, URIRef(boss)


def as_graph(structure: Structure) -> Graph:
    g = Graph()
    for triple in facts(structure):
        g.add(triple)
    return g


def structure_graph(graphs: Iterable[Graph]) -> Graph:
    """The derived named graph of a build's graphs (``STRUCTURE_GRAPH``)."""
    graphs = list(graphs)
    return as_graph(derive(reporting_lines(graphs), posts(graphs)))


def with_structure(graphs: Mapping[URIRef, Graph]) -> dict[URIRef, Graph]:
    """The build's graphs and, when any post is in them, their derived structure graph."""
    derived = structure_graph(graphs.values())
    return {**graphs, STRUCTURE_GRAPH: derived} if len(derived) else dict(graphs)
