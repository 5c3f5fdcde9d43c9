"""Publish the built graph to a SPARQL 1.1 store: the store's copy of the dataset mirrors the build.

Each named graph of the build (one per document, and the inferred graph of
``orgkg reason`` when there is one) is replaced whole (GSP PUT or DROP +
INSERT in one update), then the VoID description. Re-publishing gives the
same store. Publishing stops at the first graph the store will not take: the
graphs sent before it are in place and complete, the rest are as they were,
and a later run completes. Then the graphs of this dataset (IRIs in orgkg's
namespace) that the store holds but the build no longer has, left by an
earlier publish, are removed (``keep_stale`` keeps them). Last, every graph of
the dataset in the store is counted and compared with the local counts,
which catches a store that silently drops statements. Before anything is
sent, one ``ASK {}`` checks that the query URL is a SPARQL endpoint.
"""

from __future__ import annotations

import contextlib
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

import pyoxigraph as ox

from orgkg.endpoint.access import display
from orgkg.endpoint.client import Session, UnreachableError
from orgkg.errors import EndpointError, PublishError
from orgkg.export import void
from orgkg.export.base import Publisher
from orgkg.export.gsp import GraphStorePublisher
from orgkg.export.http import RetryPolicy, StoreFailedError, send
from orgkg.export.update import FORM, UpdatePublisher
from orgkg.graph.built import BuiltGraph
from orgkg.mapping.iris import BASE
from orgkg.query.remote import Endpoint

PROTOCOLS: dict[str, type[Publisher]] = {"gsp": GraphStorePublisher, "update": UpdatePublisher}
ASK_FORM = urllib.parse.urlencode({"query": "ASK {}"}).encode("ascii")
COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


@dataclass(frozen=True)
class Targets:
    """The store's three addresses: query (for the counts), update, and graph store."""

    query: str
    update: str
    store: str

    @classmethod
    def from_endpoint(cls, url: str, update: str | None = None, store: str | None = None) -> Targets:
        """Oxigraph and Fuseki name them .../query, .../update and .../store (or .../data); the
        query string of the endpoint (an API key ...) is kept on each."""
        parts = urllib.parse.urlsplit(url)
        base = parts.path.rstrip("/")
        for tail in ("/query", "/sparql"):
            if base.endswith(tail):
                base = base[: -len(tail)]
                break

        def beside(name: str) -> str:
            return urllib.parse.urlunsplit(parts._replace(path=f"{base}/{name}", fragment=""))

        return cls(url, update or beside("update"), store or beside("store"))


def in_dataset(graph: str) -> bool:
    """Whether a graph of the store belongs to orgkg's dataset (its IRI is in orgkg's namespace)."""
    return graph.startswith(BASE)


@dataclass(frozen=True)
class GraphCount:
    graph: str
    local: int | None  # None: not in the build (a stale graph kept)
    remote: int | None

    @property
    def ok(self) -> bool:
        return self.local is None or self.local == self.remote


@dataclass
class Publication:
    published: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    counts: list[GraphCount] = field(default_factory=list)
    schemes: list[str] = field(default_factory=list)

    @property
    def mismatches(self) -> list[GraphCount]:
        return [c for c in self.counts if not c.ok]


def local_graphs(graph: BuiltGraph) -> dict[ox.NamedNode, list[ox.Triple]]:
    return {g: [q.triple for q in graph.quads(g)] for g in graph.named_graphs()}


def remote_counts(targets: Targets, timeout: float, session: Session | None = None) -> dict[str, int]:
    result = Endpoint(targets.query, timeout=timeout, session=session).run(COUNTS, {}, union=False)
    return {g.value: int(n.value) for g, n in result.rows
            if isinstance(g, ox.NamedNode) and isinstance(n, ox.Literal)}


def publish(built: BuiltGraph, targets: Targets, protocol: str, policy: RetryPolicy,
            progress: Callable[[str], None] = lambda _: None, *, keep_stale: bool = False,
            session: Session | None = None) -> Publication:
    """Replace each named graph in the store, then the VoID graph; remove the stale graphs
    (unless ``keep_stale``); then compare the counts of every graph of the dataset."""
    session = session or Session()
    graphs = local_graphs(built)
    counts = {g: len(ts) for g, ts in graphs.items()}
    graphs[void.GRAPH] = void.description(counts, display(targets.query))
    url = targets.update if protocol == "update" else targets.store
    publisher = PROTOCOLS[protocol](url, policy, session)
    check_query_endpoint(targets, policy, session)
    done = Publication()
    for graph, triples in graphs.items():
        _step(partial(publisher.replace, graph, triples), publisher, f"graph <{graph.value}> not published",
              done, len(graphs))
        done.published.append(graph.value)
        progress(graph.value)
    remote = _counts(targets, policy, session)
    stale = sorted(g for g in remote if in_dataset(g) and ox.NamedNode(g) not in graphs)
    if keep_stale:
        done.kept = stale
    elif stale:
        for g in stale:
            _step(partial(publisher.delete, ox.NamedNode(g)), publisher,
                  f"stale graph <{g}> not removed", done, len(graphs))
            done.removed.append(g)
        remote = _counts(targets, policy, session)
    names = {g.value: len(ts) for g, ts in graphs.items()}
    shown = sorted(set(names) | {g for g in remote if in_dataset(g)})
    done.counts = [GraphCount(g, names.get(g), remote.get(g)) for g in shown]
    done.schemes = session.schemes()
    return done


def check_query_endpoint(targets: Targets, policy: RetryPolicy, session: Session) -> None:
    """Before sending anything: the query URL (where the counts are read) must be a SPARQL
    endpoint, so a wrong ``--endpoint`` (a server's base URL: 404) stops with nothing changed."""
    # StoreFailedError: an endpoint is there; whatever ails it, the counts at the end will tell.
    with contextlib.suppress(StoreFailedError):
        send("POST", targets.query, ASK_FORM, FORM, policy, session=session, role="query")


def _counts(targets: Targets, policy: RetryPolicy, session: Session) -> dict[str, int]:
    try:
        return remote_counts(targets, policy.timeout, session)
    except EndpointError as err:
        raise PublishError(err.where, f"every graph was sent, but the store could not be counted: {err.what}",
                           err.hint) from None


def _step(action: Callable[[], None], publisher: Publisher, what: str, done: Publication, total: int) -> None:
    where = display(publisher.url)
    try:
        action()
    except StoreFailedError as err:
        raise PublishError(where, f"{what}: the store answered {err} "
                           f"({len(done.published)} of {total} graphs published before it)",
                           "earlier graphs are in place; fix the store and run again") from None
    except UnreachableError as err:
        if not done.published:
            raise EndpointError(where, err.what, err.hint) from None
        raise PublishError(where, f"lost the store: {what} ({err.reason}; "
                           f"{len(done.published)} of {total} graphs published before it)",
                           "earlier graphs are in place; run again to complete") from None
