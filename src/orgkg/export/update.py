"""SPARQL 1.1 Update: ``DROP SILENT GRAPH`` and ``INSERT DATA`` in one request.

One request is one transaction, so the graph is replaced whole or not at all;
``SILENT`` lets the first publication succeed when the graph does not exist.
The triples are N-Triples written by pyoxigraph, which are valid inside
``INSERT DATA``: nothing of the data can change the request's operations.
"""

from __future__ import annotations

import pyoxigraph as ox

from orgkg.export.base import Publisher, ntriples
from orgkg.export.http import send


def request(graph: ox.NamedNode, triples: list[ox.Triple]) -> bytes:
    """The one update request that replaces ``graph``."""
    head = f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n".encode()
    return head + ntriples(triples) + b"} }\n"


class UpdatePublisher(Publisher):
    def replace(self, graph: ox.NamedNode, triples: list[ox.Triple]) -> None:
        send("POST", self.url, request(graph, triples), "application/sparql-update", self.policy)
