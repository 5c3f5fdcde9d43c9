"""SPARQL 1.1 Update: ``DROP SILENT GRAPH`` and ``INSERT DATA`` in one request.

The request is sent as an HTML form (``update=...``), which every store
takes (Virtuoso 7.2 does not answer a body sent as ``application/sparql-update``).
One request is one transaction, so the graph is replaced whole or not at all;
``SILENT`` lets the first publication succeed when the graph does not exist.
The triples are N-Triples written by pyoxigraph, which are valid inside
``INSERT DATA``: nothing of the data can change the request's operations.
"""

from __future__ import annotations

import urllib.parse

import pyoxigraph as ox

from orgkg.export.base import Publisher, ntriples
from orgkg.export.http import send

FORM = "application/x-www-form-urlencoded"


def request(graph: ox.NamedNode, triples: list[ox.Triple]) -> bytes:
    """The one update request that replaces ``graph``."""
    head = f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n".encode()
    return head + ntriples(triples) + b"} }\n"


class UpdatePublisher(Publisher):
    def replace(self, graph: ox.NamedNode, triples: list[ox.Triple]) -> None:
        self._send(request(graph, triples))

    def delete(self, graph: ox.NamedNode) -> None:
        self._send(f"DROP SILENT GRAPH {graph}\n".encode())

    def _send(self, update: bytes) -> None:
        send("POST", self.url, urllib.parse.urlencode({"update": update}).encode("ascii"), FORM, self.policy,
             session=self.session, role="update")
