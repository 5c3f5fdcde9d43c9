"""Publish the built graph to a SPARQL 1.1 store, one named graph per document.

Each graph is replaced whole (GSP PUT or DROP + INSERT in one update), then
the VoID description; re-publishing gives the same store. Publishing stops at
the first graph the store will not take: the graphs sent before it are in
place and complete, the rest are as they were, and a later run completes.
Afterwards every named graph in the store is counted and compared with the
local counts, which catches a store that silently drops statements.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pyoxigraph as ox

from orgkg.endpoint.access import display
from orgkg.errors import EndpointError, PublishError
from orgkg.export import void
from orgkg.export.base import Publisher
from orgkg.export.gsp import GraphStorePublisher
from orgkg.export.http import RetryPolicy, StoreFailedError, UnreachableError
from orgkg.export.update import UpdatePublisher
from orgkg.query.remote import Endpoint

PROTOCOLS: dict[str, type[Publisher]] = {"gsp": GraphStorePublisher, "update": UpdatePublisher}
COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


@dataclass(frozen=True)
class Targets:
    """The store's three addresses: query (for the counts), update, and graph store."""

    query: str
    update: str
    store: str

    @classmethod
    def from_endpoint(cls, url: str, update: str | None = None, store: str | None = None) -> Targets:
        """Oxigraph and Fuseki name them .../query, .../update and .../store (or .../data)."""
        base = url.rstrip("/")
        for tail in ("/query", "/sparql"):
            if base.endswith(tail):
                base = base[: -len(tail)]
                break
        return cls(url, update or f"{base}/update", store or f"{base}/store")


@dataclass(frozen=True)
class GraphCount:
    graph: str
    local: int
    remote: int | None

    @property
    def ok(self) -> bool:
        return self.local == self.remote


@dataclass
class Publication:
    published: list[str] = field(default_factory=list)
    counts: list[GraphCount] = field(default_factory=list)

    @property
    def mismatches(self) -> list[GraphCount]:
        return [c for c in self.counts if not c.ok]


def local_graphs(store: ox.Store) -> dict[ox.NamedNode, list[ox.Triple]]:
    graphs: dict[ox.NamedNode, list[ox.Triple]] = {}
    for g in sorted(store.named_graphs(), key=str):
        if isinstance(g, ox.NamedNode):
            graphs[g] = [q.triple for q in store.quads_for_pattern(None, None, None, g)]
    return graphs


def remote_counts(targets: Targets, timeout: float) -> dict[str, int]:
    result = Endpoint(targets.query, timeout=timeout).run(COUNTS, {}, union=False)
    return {g.value: int(n.value) for g, n in result.rows
            if isinstance(g, ox.NamedNode) and isinstance(n, ox.Literal)}


def publish(store: ox.Store, targets: Targets, protocol: str, policy: RetryPolicy,
            progress: Callable[[str], None] = lambda _: None) -> Publication:
    """Replace each named graph in the store, then the VoID graph, then compare counts."""
    graphs = local_graphs(store)
    counts = {g: len(ts) for g, ts in graphs.items()}
    graphs[void.GRAPH] = void.description(counts, targets.query)
    publisher = PROTOCOLS[protocol](targets.update if protocol == "update" else targets.store, policy)
    done = Publication()
    for graph, triples in graphs.items():
        _replace(publisher, graph, triples, done, len(graphs))
        done.published.append(graph.value)
        progress(graph.value)
    remote = remote_counts(targets, policy.timeout)
    done.counts = [GraphCount(g.value, len(ts), remote.get(g.value)) for g, ts in graphs.items()]
    return done


def _replace(publisher: Publisher, graph: ox.NamedNode, triples: list[ox.Triple], done: Publication,
             total: int) -> None:
    where = display(publisher.url)
    try:
        publisher.replace(graph, triples)
    except StoreFailedError as err:
        raise PublishError(where, f"graph <{graph.value}> not published: the store answered {err} "
                           f"({len(done.published)} of {total} graphs published before it)",
                           "earlier graphs are in place; fix the store and run again") from None
    except UnreachableError as err:
        if not done.published:
            raise EndpointError(where, f"cannot reach the store ({err})",
                                "is it running? check --endpoint") from None
        raise PublishError(where, f"lost the store while publishing <{graph.value}> ({err}; "
                           f"{len(done.published)} of {total} graphs published before it)",
                           "earlier graphs are in place; run again to complete") from None
