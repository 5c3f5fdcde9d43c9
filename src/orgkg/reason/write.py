"""Inferences into a named graph of their own: ``inferred.trig`` beside ``graph.trig``, and the store.

The file is written deterministically (triples sorted); the store's old
inferred graph is replaced by the new one, so queries and exports see it.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from orgkg.graph.store import STORE
from orgkg.mapping.namespaces import PREFIXES

INFERRED_GRAPH = URIRef("https://w3id.org/orgkg/id/graph/inferred")
INFERRED_TRIG = "inferred.trig"


def trig(types: list[tuple[str, str]]) -> str:
    head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())
    g = Graph()
    for s, c in types:
        g.add((URIRef(s), RDF.type, URIRef(c)))
    lines = sorted(f"    {s.n3()} {p.n3()} {o.n3()} ." for s, p, o in g)
    return head + f"\n<{INFERRED_GRAPH}> {{\n" + "\n".join(lines) + "\n}\n"


def write(folder: Path, types: list[tuple[str, str]]) -> Path:
    text = trig(types)
    path = folder / INFERRED_TRIG
    path.write_text(text, encoding="utf-8")
    if (folder / STORE).is_dir():
        store = ox.Store(str(folder / STORE))
        graph = ox.NamedNode(str(INFERRED_GRAPH))
        if graph in set(store.named_graphs()):
            store.remove_graph(graph)
        store.load(text.encode("utf-8"), ox.RdfFormat.TRIG)
        store.flush()
        del store
    return path
