"""SPARQL 1.1 Graph Store Protocol: ``PUT ?graph=IRI`` with the graph's N-Triples.

A PUT replaces the graph whole (201 when new, 204 when replaced); on Oxigraph
0.5.13 and later a failed PUT leaves the previous graph as it was. The body is
a triples format, never quads (stores differ on quads sent to ``?graph=``).
A stale graph is removed with ``DELETE ?graph=IRI`` (404: already gone).
"""

from __future__ import annotations

import pyoxigraph as ox

from orgkg.endpoint.client import with_query
from orgkg.export.base import Publisher, ntriples
from orgkg.export.http import send


class GraphStorePublisher(Publisher):
    def replace(self, graph: ox.NamedNode, triples: list[ox.Triple]) -> None:
        send("PUT", with_query(self.url, {"graph": graph.value}), ntriples(triples), "application/n-triples",
             self.policy, session=self.session, role="store")

    def delete(self, graph: ox.NamedNode) -> None:
        send("DELETE", with_query(self.url, {"graph": graph.value}), b"", "application/n-triples",
             self.policy, session=self.session, role="store", missing_ok=True)
