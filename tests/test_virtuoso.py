"""A second real store: OpenLink Virtuoso 7 (Debian `virtuoso-opensource-7-bin`) on 127.0.0.1.

The test suite starts its own server (own `virtuoso.ini`, database in a
temporary folder) and publishes through Virtuoso's authenticated endpoints:
the Graph Store at `/sparql-graph-crud-auth` and SPARQL Update at
`/sparql-auth`, both HTTP Digest (Basic is refused). Queries go to `/sparql`,
whose default graph is the union of every graph. Virtuoso 7.2 never answers a
query POSTed directly as `application/sparql-query` (it waits for a form until
the client's limit): orgkg sends queries as a form, which every store reads.

Every named query gives the same rows as locally, after `build` and after
`reason`: tests/test_store_server.py asks them of every real store, Virtuoso
included (docs/queries.md lists what Virtuoso answers otherwise and how the
queries are written to avoid it).
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.servers import VIRTUOSO_PASSWORD, VIRTUOSO_USER, Virtuoso
from tests.test_store_server import NO_VIRTUOSO, VOID, counts, local_counts, publish, serving

pytestmark = NO_VIRTUOSO

INFERRED = "https://w3id.org/orgkg/id/graph/inferred"





def dataset(server: Virtuoso) -> dict[str, int]:
    return {g: n for g, n in counts(server.query_url).items() if g.startswith("https://w3id.org/orgkg/")}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory, built: Path) -> Iterator[Virtuoso]:
    yield from serving(Virtuoso, built, tmp_path_factory.mktemp("virtuoso"), keep_void=True)


def test_publish_through_the_graph_store_with_digest_authentication(published: Virtuoso, built: Path) -> None:
    remote, local = dataset(published), local_counts(built)
    assert {g: remote[g] for g in local} == local
    assert set(remote) == set(local) | {VOID}


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_republishing_by_either_protocol_changes_nothing(published: Virtuoso, built: Path,
                                                         protocol: str) -> None:
    before = dataset(published)
    code, stderr = publish(published, built, protocol)
    assert code == 0, stderr
    assert "(HTTP Digest authentication); every count matches" in stderr
    assert dataset(published) == before


def test_basic_authentication_alone_is_refused_by_virtuoso(published: Virtuoso) -> None:
    """Why Digest is needed: the same credentials sent by Basic get 401 (so orgkg answers the challenge)."""
    token = base64.b64encode(f"{VIRTUOSO_USER}:{VIRTUOSO_PASSWORD}".encode()).decode()
    body = b"update=CLEAR%20SILENT%20GRAPH%20%3Cx%3E"
    request = urllib.request.Request(f"{published.url}/sparql-auth", data=body,
                                     headers={"Authorization": f"Basic {token}"}, method="POST")
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=10)
    assert err.value.code == 401


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_republishing_after_a_rebuild_removes_the_earlier_inferred_graph(
        published: Virtuoso, built: Path, reasoned: Path, protocol: str) -> None:
    """A publish of the reasoned build left its inferred graph; publishing the build without it removes
    that graph (listed), or keeps it with --keep-stale (listed in the final check)."""
    code, stderr = publish(published, reasoned, protocol)
    assert code == 0, stderr
    assert INFERRED in dataset(published)
    code, stderr = publish(published, built, protocol, "--keep-stale")
    assert code == 0, stderr
    assert "stale, kept" in stderr and INFERRED in dataset(published)
    code, stderr = publish(published, built, protocol)
    assert code == 0, stderr
    assert f"removed stale graph {INFERRED}" in stderr
    assert dataset(published) == {**local_counts(built), VOID: dataset(published)[VOID]}
