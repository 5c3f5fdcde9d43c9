"""Publishing one named graph to a store: a tiny base class and the protocols by name."""

from __future__ import annotations

from abc import ABC, abstractmethod

import pyoxigraph as ox

from orgkg.endpoint.client import Session
from orgkg.export.http import RetryPolicy


class Publisher(ABC):
    """Replaces one named graph in a store with the given triples, whole; or removes it."""

    def __init__(self, url: str, policy: RetryPolicy, session: Session | None = None) -> None:
        self.url, self.policy, self.session = url, policy, session or Session()

    @abstractmethod
    def replace(self, graph: ox.NamedNode, triples: list[ox.Triple]) -> None:
        """Make the store's graph hold exactly these triples (raises on failure)."""

    @abstractmethod
    def delete(self, graph: ox.NamedNode) -> None:
        """Remove the graph from the store (nothing to do if it is not there)."""


def ntriples(triples: list[ox.Triple]) -> bytes:
    """N-Triples lines, sorted; every term serialised (and escaped) by pyoxigraph."""
    return "".join(f"{t} .\n" for t in sorted(triples, key=str)).encode("utf-8")
