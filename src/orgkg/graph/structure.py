"""The derived structure: each post's layer from the top and every post above it, and the
whole-organisation figures of the report, as a named graph.

    lines = reporting_lines(graphs.values())          # (report, supervisor) over every document
    shape = derive(lines, posts(graphs.values()))     # a pure function over the lines
    sums = count(shape, lines, placements(gs), vacancies(gs))  # per layer, per unit, the deepest post
    graph = as_graph(shape, sums)                     # orgkg:layer, orgkg:reportsToTransitively, figures

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
- The figures (``Figures``): per layer, its posts, managers (posts some post
  reports to) and vacant posts (``orgkg:vacant true``); per unit (or
  organisation) posts sit in, its posts, managers and top and bottom layers;
  the deepest post (the least IRI of the deepest layer). Each is what the
  report's query counted over the union before (a join of every post with
  its unit and layer, seconds at 100,000 positions), and is tested equal to
  it (tests/test_derived_structure.py); the named queries read them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, XSD

from orgkg.mapping.iris import child
from orgkg.mapping.vocab import ORGKG

STRUCTURE_GRAPH = URIRef("https://w3id.org/orgkg/id/graph/structure")

Line = tuple[str, str]  # (report, supervisor): ``report org:reportsTo supervisor``


@dataclass(frozen=True)
class Structure:
    """Each post's layer, and the posts above it (``org:reportsTo+``)."""

    layers: dict[str, int]
    above: dict[str, frozenset[str]]


@dataclass(frozen=True)
class LayerFigures:
    """One layer (or layers added up): its posts, those some post reports to, those vacant."""

    posts: int
    managers: int
    vacant: int

    def __add__(self, other: LayerFigures) -> LayerFigures:
        return LayerFigures(self.posts + other.posts, self.managers + other.managers,
                            self.vacant + other.vacant)


@dataclass(frozen=True)
class UnitFigures:
    """A unit (or organisation) posts sit in: its posts, its managers, its highest and lowest layer."""

    posts: int
    managers: int
    top: int
    bottom: int


@dataclass(frozen=True)
class Figures:
    """The whole-organisation figures: per layer, per unit, and the deepest post (None: no post)."""

    layers: dict[int, LayerFigures]
    units: dict[str, UnitFigures]
    deepest: str | None


def reporting_lines(graphs: Iterable[Graph]) -> Iterator[Line]:
    """Every ``org:reportsTo`` between two IRIs in the graphs (a line stated twice, twice)."""
    return _pairs(graphs, ORG.reportsTo)


def posts(graphs: Iterable[Graph]) -> Iterator[str]:
    """Every ``org:Post`` in the graphs, on a reporting line or not."""
    return _subjects(graphs, RDF.type, ORG.Post)


def placements(graphs: Iterable[Graph]) -> Iterator[Line]:
    """Every (post, unit) of ``org:postIn`` in the graphs (the unit may be an organisation)."""
    return _pairs(graphs, ORG.postIn)


def vacancies(graphs: Iterable[Graph]) -> Iterator[str]:
    """Every post a register marks vacant (``orgkg:vacant true``)."""
    return _subjects(graphs, ORGKG.vacant, Literal(True))


def _pairs(graphs: Iterable[Graph], predicate: URIRef) -> Iterator[Line]:
    """Every (subject, object) of ``predicate`` between two IRIs in the graphs."""
    for g in graphs:
        for subject, obj in g.subject_objects(predicate):
            if isinstance(subject, URIRef) and isinstance(obj, URIRef):
                yield str(subject), str(obj)


def _subjects(graphs: Iterable[Graph], predicate: URIRef, obj: URIRef | Literal) -> Iterator[str]:
    """Every IRI that has ``predicate`` ``obj`` in the graphs."""
    for g in graphs:
        for subject in g.subjects(predicate, obj):
            if isinstance(subject, URIRef):
                yield str(subject)


def derive(lines: Iterable[Line], posts: Iterable[str] = ()) -> Structure:
    """Layers and posts above of every post on a line or in ``posts``, over the strongly
    connected components of the reporting lines in top-down order."""
    below: dict[str, list[str]] = {}  # supervisor -> reports (the top-down edges)
    bosses: dict[str, list[str]] = {}  # report -> supervisors
    for report, supervisor in lines:
        below.setdefault(supervisor, []).append(report)
        below.setdefault(report, [])
        bosses.setdefault(report, []).append(supervisor)
    for post in posts:
        below.setdefault(post, [])
    components = _components(below)
    of = {post: i for i, members in enumerate(components) for post in members}
    above: list[frozenset[str]] = [frozenset()] * len(components)
    layer = [0] * len(components)
    for c in reversed(range(len(components))):  # top-down: every component above c comes first
        members = components[c]
        sups = {of[boss] for post in members for boss in bosses.get(post, ())} - {c}
        found = frozenset().union(*(components[s] | above[s] for s in sups))
        cyclic = len(members) > 1 or any(post in bosses.get(post, ()) for post in members)
        above[c] = found | members if cyclic else found
        layer[c] = 1 + max((layer[s] for s in sups), default=0)
    return Structure({p: layer[of[p]] for p in below}, {p: above[of[p]] for p in below})


def _components(edges: dict[str, list[str]]) -> list[frozenset[str]]:
    """The strongly connected components of a graph (each node's successors), each after every
    component it reaches (Tarjan's algorithm, without recursion: chains are deep)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for root in edges:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(edges[root]))]
        while work:
            node, successors = work[-1]
            for nxt in successors:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(edges[nxt])))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    members = []
                    while (member := stack.pop()) != node:
                        members.append(member)
                        on_stack.discard(member)
                    on_stack.discard(node)
                    found.append(frozenset([*members, node]))
    return found


def count(structure: Structure, lines: Iterable[Line], placed: Iterable[Line],
          vacant: Iterable[str]) -> Figures:
    """The figures of ``Figures``, counted as the union of the graphs counts them (each reporting
    line, placement and vacancy once): a post counts in a layer and a unit when it has a layer
    (it is an ``org:Post`` or on a reporting line)."""
    layer = structure.layers
    managers = {boss for _, boss in lines}
    open_posts = {p for p in vacant if p in layer}
    per_layer: dict[int, list[int]] = {}
    for post, n in layer.items():
        figures = per_layer.setdefault(n, [0, 0, 0])
        figures[0] += 1
        figures[1] += post in managers
        figures[2] += post in open_posts
    members: dict[str, set[str]] = {}
    for post, unit in placed:
        if post in layer:
            members.setdefault(unit, set()).add(post)
    units = {unit: UnitFigures(len(ps), len(ps & managers), min(layer[p] for p in ps),
                               max(layer[p] for p in ps)) for unit, ps in members.items()}
    deepest = max(layer.values(), default=0)
    return Figures({n: LayerFigures(*f) for n, f in per_layer.items()}, units,
                   min((p for p, n in layer.items() if n == deepest), default=None))


Fact = tuple[URIRef, URIRef, URIRef | Literal]


def facts(structure: Structure, figures: Figures | None = None) -> Iterator[Fact]:
    """The named graph's triples: ``orgkg:layer`` and ``orgkg:reportsToTransitively`` of every post,
    and the figures when given (``figure_facts``)."""
    for post, n in structure.layers.items():
        iri = URIRef(post)
        yield iri, ORGKG.layer, Literal(n, datatype=XSD.positiveInteger)
        for boss in structure.above[post]:
            yield iri, ORGKG.reportsToTransitively, URIRef(boss)
    if figures is not None:
        yield from figure_facts(figures)


def _count(n: int) -> Literal:
    return Literal(n, datatype=XSD.nonNegativeInteger)


def figure_facts(figures: Figures) -> Iterator[Fact]:
    """Each layer as ``<graph/structure/layer/N>`` (``orgkg:LayerFigures``) with its number and
    counts; each unit's counts and layers on the unit; the deepest post on the structure graph."""
    for n, f in figures.layers.items():
        node = child(STRUCTURE_GRAPH, "layer", n)
        yield node, RDF.type, ORGKG.LayerFigures
        yield node, ORGKG.layerNumber, Literal(n, datatype=XSD.positiveInteger)
        yield node, ORGKG.postCount, _count(f.posts)
        yield node, ORGKG.managerCount, _count(f.managers)
        yield node, ORGKG.vacantCount, _count(f.vacant)
    for unit, u in figures.units.items():
        iri = URIRef(unit)
        yield iri, ORGKG.postCount, _count(u.posts)
        yield iri, ORGKG.managerCount, _count(u.managers)
        yield iri, ORGKG.topLayer, Literal(u.top, datatype=XSD.positiveInteger)
        yield iri, ORGKG.bottomLayer, Literal(u.bottom, datatype=XSD.positiveInteger)
    if figures.deepest is not None:
        yield STRUCTURE_GRAPH, ORGKG.deepestPost, URIRef(figures.deepest)


def as_graph(structure: Structure, figures: Figures | None = None) -> Graph:
    g = Graph()
    for triple in facts(structure, figures):
        g.add(triple)
    return g


class Inputs(NamedTuple):
    """What the derived structure is made of."""

    lines: list[Line]
    posts: list[str]
    units: list[Line]  # (post, unit): org:postIn
    vacant: list[str]


def derived(given: Inputs, shape: Structure | None = None) -> Graph:
    """The derived named graph: layers, posts above and the figures (``shape``: the structure
    ``derive`` gave for these inputs, when it is made already)."""
    if shape is None:
        shape = derive(given.lines, given.posts)
    return as_graph(shape, count(shape, given.lines, given.units, given.vacant))


def structure_graph(graphs: Iterable[Graph]) -> Graph:
    """The derived named graph of a build's graphs (``STRUCTURE_GRAPH``), figures included."""
    graphs = list(graphs)
    return derived(Inputs(list(reporting_lines(graphs)), list(posts(graphs)), list(placements(graphs)),
                          list(vacancies(graphs))))


def with_structure(graphs: Mapping[URIRef, Graph]) -> dict[URIRef, Graph]:
    """The build's graphs and, when any post is in them, their derived structure graph."""
    derived = structure_graph(graphs.values())
    return {**graphs, STRUCTURE_GRAPH: derived} if len(derived) else dict(graphs)
