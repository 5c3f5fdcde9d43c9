"""One object for a built graph: every reader and writer of a graph folder goes through ``BuiltGraph``.

    graph = BuiltGraph.open(Path("out"))              # read-only
    graph.query(text, union=True)                     # the union of the named graphs
    graph.quads()                                     # the named graphs' quads (never the union copy)
    BuiltGraph.open(Path("out"), writable=True).add_inferred(triples)

The store keeps each document's named graph and, in its default graph, the
union of their facts again (each triple once; evidence annotations stay in
the named graphs, ``store.in_union``): whole-organisation queries read that
copy, which is far quicker on joins than pyoxigraph's
``use_default_graph_as_union`` (bench/results/store.md). Every change made
here (``replace_graph``, ``add_inferred``) keeps the copy in step, so a query
gives the same rows locally as on a server whose default graph is the union.
A store without the copy (an older build, a bare store in a test) is read
through ``use_default_graph_as_union`` instead; nothing outside this module
needs to know which.

``open`` is the one place a built folder is opened.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from orgkg.errors import GraphError
from orgkg.graph.listings import ListingIndex
from orgkg.graph.output import resolve, shown
from orgkg.graph.store import GRAPHS, INFERRED_TRIG, STORE, in_union, load, trig_text
from orgkg.graph.titles import TitleIndex
from orgkg.mapping.namespaces import PREFIXES

INFERRED_GRAPH = URIRef("https://w3id.org/orgkg/id/graph/inferred")

Answer = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


class BuiltGraph:
    """A built graph, open: its store, and its folder when it has one."""

    def __init__(self, store: ox.Store, folder: Path | None = None) -> None:
        self.store, self.folder = store, folder
        self.union_copy = any(True for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    @classmethod
    def open(cls, folder: Path, *, writable: bool = False) -> BuiltGraph:
        """The graph built into ``folder`` (its store, or parsed from its TriG files when it has none)."""
        if not folder.is_dir():
            raise GraphError(str(folder), "no such graph folder", "run `orgkg build PATH --out DIR` first")
        given, folder = folder, resolve(folder)  # the current version, read whole (graph.output)
        if (folder / STORE).is_dir():
            try:
                store = ox.Store(str(folder / STORE)) if writable else ox.Store.read_only(str(folder / STORE))
            except (OSError, RuntimeError) as err:  # RuntimeError: RocksDB's "Corruption: ..."
                raise GraphError(str(given), f"the store is damaged or unreadable ({_first_line(err)})",
                                 "rebuild with `orgkg build`") from None
            return cls(store, folder)
        if (folder / GRAPHS).is_dir():
            store = ox.Store()
            for name in (GRAPHS, INFERRED_TRIG):
                try:
                    if name == GRAPHS:
                        load(store, trig_text(folder))
                    elif (folder / name).is_file():
                        load(store, (folder / name).read_text(encoding="utf-8"))
                except (SyntaxError, ValueError) as err:  # UnicodeDecodeError is a ValueError
                    raise GraphError(str(given / name), f"not valid TriG: {_first_line(err)}",
                                     "rebuild with `orgkg build`") from None
            return cls(store, folder)
        raise GraphError(str(folder), f"holds neither {STORE}/ nor {GRAPHS}/",
                         "run `orgkg build PATH --out DIR` first")

    @classmethod
    def from_trig(cls, text: str) -> BuiltGraph:
        """An in-memory graph from a TriG text, laid out as ``orgkg build`` lays out its store."""
        store = ox.Store()
        load(store, text)
        return cls(store)

    def titles(self) -> TitleIndex | None:
        """The build's title index (None for an in-memory graph or an older build)."""
        return TitleIndex.open(self.folder) if self.folder is not None else None

    def listings(self) -> ListingIndex | None:
        """The build's listing index (None for an in-memory graph or an older build)."""
        return ListingIndex.open(self.folder) if self.folder is not None else None

    def query(self, text: str, *, union: bool = True) -> Answer:
        """Run SPARQL; ``union``: the default graph is the union of the named graphs.

        Raises ``SyntaxError`` for bad SPARQL and ``OSError`` when the store fails.
        """
        return self.store.query(text, use_default_graph_as_union=union and not self.union_copy)

    def merged(self) -> ox.Store:
        """A store whose default graph is the RDF merge of the named graphs' facts, each triple once."""
        if self.union_copy:
            return self.store
        view = ox.Store()
        view.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                         for t in self.triples() if in_union(t))
        return view

    def named_graphs(self) -> list[ox.NamedNode]:
        return sorted((g for g in self.store.named_graphs() if isinstance(g, ox.NamedNode)), key=str)

    def quads(self, graph: ox.NamedNode | None = None) -> list[ox.Quad]:
        """The quads of one named graph, or of every named graph (never the default graph's union copy)."""
        if graph is not None:
            return list(self.store.quads_for_pattern(None, None, None, graph))
        return [q for q in self.store if isinstance(q.graph_name, ox.NamedNode)]

    def triples(self) -> list[ox.Triple]:
        """Every triple of every named graph, once, in a stable order."""
        return sorted({q.triple for q in self.quads()}, key=str)

    def replace_graph(self, graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> None:
        """Replace one named graph whole (or add it), and the union copy with it."""
        new = set(triples)
        old = {q.triple for q in self.quads(graph)}
        if self.store.contains_named_graph(graph):
            self.store.remove_graph(graph)
        self.store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in new)
        if not self.union_copy:
            return
        for t in old - new:
            if not any(isinstance(q.graph_name, ox.NamedNode)
                       for q in self.store.quads_for_pattern(t.subject, t.predicate, t.object, None)):
                self.store.remove(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()))
        self.store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                          for t in new if in_union(t))

    def add_inferred(self, triples: Iterable[ox.Triple]) -> Path | None:
        """The reasoner's named graph, replacing the last one: in the store, and as ``inferred.trig``
        beside ``graphs/`` (triples sorted, so the same inferences give the same file)."""
        triples = set(triples)
        self.replace_graph(ox.NamedNode(str(INFERRED_GRAPH)), triples)
        self.store.flush()
        if self.folder is None:
            return None
        head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())
        lines = sorted(f"    {t} ." for t in triples)
        path = self.folder / INFERRED_TRIG
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(head + f"\n<{INFERRED_GRAPH}> {{\n" + "\n".join(lines) + "\n}\n", encoding="utf-8")
        tmp.replace(path)
        return shown(path)


def _first_line(err: BaseException) -> str:
    return str(err).strip().split("\n")[0][:200]
