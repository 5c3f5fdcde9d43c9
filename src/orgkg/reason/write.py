"""Inferences into a named graph of their own (``graph.built``: ``inferred.trig`` and the store).

The graph's earlier inferred graph is replaced by the new one, and the union
of the named graphs with it, so queries and exports see it.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF

from orgkg.graph.built import BuiltGraph

RDF_TYPE = ox.NamedNode(str(RDF.type))


def write(folder: Path, types: list[tuple[str, str]]) -> Path:
    """Write the (post, class) memberships the reasoner found; the path of ``inferred.trig``."""
    graph = BuiltGraph.open(folder, writable=True)
    path = graph.add_inferred(ox.Triple(ox.NamedNode(s), RDF_TYPE, ox.NamedNode(c)) for s, c in types)
    assert path is not None
    return path
