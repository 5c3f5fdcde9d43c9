"""SPARQL 1.1 Graph Store Protocol: ``PUT ?graph=IRI`` with the graph's N-Triples.

A PUT replaces the graph whole (201 when new, 204 when replaced); on Oxigraph
0.5.13 and later a failed PUT leaves the previous graph as it was. The body is
a triples format, never quads (stores differ on quads sent to ``?graph=``).
"""

from __future__ import annotations

import urllib.parse

import pyoxigraph as ox

from orgkg.export.base import Publisher, ntriples
from orgkg.export.http import send


class GraphStorePublisher(Publisher):
    def replace(self, graph: ox.NamedNode, triples: list[ox.Triple]) -> None:
        sep = "&" if "?" in self.url else "?"
        url = f"{self.url}{sep}{urllib.parse.urlencode({'graph': graph.value})}"
        send("PUT", url, ntriples(triples), "application/n-triples", self.policy)
