"""A second real store: OpenLink Virtuoso 7 (Debian `virtuoso-opensource-7-bin`) on 127.0.0.1.

The test suite starts its own server (own `virtuoso.ini`, database in a
temporary folder) and publishes through Virtuoso's authenticated endpoints:
the Graph Store at `/sparql-graph-crud-auth` and SPARQL Update at
`/sparql-auth`, both HTTP Digest (Basic is refused). Queries go to `/sparql`,
whose default graph is the union of every graph. Virtuoso 7.2 never answers a
query POSTed directly as `application/sparql-query` (it waits for a form until
the client's limit): orgkg sends queries as a form, which every store reads.

Every named query gives the same rows as locally, after `build` and after
`reason` (docs/queries.md lists what Virtuoso answers otherwise and how the
queries are written to avoid it).
"""

from __future__ import annotations

import base64
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest

from orgkg.export.http import RetryPolicy, send
from orgkg.query.library import library
from tests.conftest import run
from tests.support.servers import VIRTUOSO_PASSWORD, VIRTUOSO_USER, Virtuoso
from tests.test_store_server import assert_same_rows, counts, local_counts

pytestmark = pytest.mark.skipif(
    Virtuoso.executable() is None,
    reason="virtuoso-t is not installed (tools/system-deps.sh installs virtuoso-opensource-7-bin)")

VOID = "https://w3id.org/orgkg/id/void"
INFERRED = "https://w3id.org/orgkg/id/graph/inferred"
CREDENTIALS = {"ORGKG_USER": VIRTUOSO_USER, "ORGKG_PASSWORD": VIRTUOSO_PASSWORD}



@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso")).start()
    yield server
    server.stop()


def publish(server: Virtuoso, built: Path, protocol: str, *extra: str) -> tuple[int, str]:
    endpoints = (["--store-endpoint", f"{server.url}/sparql-graph-crud-auth"] if protocol == "gsp"
                 else ["--update-endpoint", f"{server.url}/sparql-auth"])
    with mock.patch.dict(os.environ, CREDENTIALS):
        result = run("export", "--graph", str(built), "--endpoint", server.query_url, "--protocol", protocol,
                     *endpoints, *extra)
    return result.exit_code, result.stderr


def dataset(server: Virtuoso) -> dict[str, int]:
    return {g: n for g, n in counts(server.query_url).items() if g.startswith("https://w3id.org/orgkg/")}


@pytest.fixture(scope="module")
def published(virtuoso: Virtuoso, built: Path) -> Virtuoso:
    code, stderr = publish(virtuoso, built, "gsp")
    assert code == 0, stderr
    return virtuoso


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


def drop_void(server: Virtuoso) -> Virtuoso:
    """The store less its VoID graph, so it holds what the local graph holds."""
    with mock.patch.dict(os.environ, CREDENTIALS):
        drop = urllib.parse.urlencode({"update": f"DROP SILENT GRAPH <{VOID}>"}).encode()
        send("POST", f"{server.url}/sparql-auth", drop, "application/x-www-form-urlencoded", RetryPolicy())
    return server


@pytest.fixture(scope="module")
def documents_only(published: Virtuoso) -> Virtuoso:
    return drop_void(published)


@pytest.mark.parametrize("name", sorted(library()))
def test_every_named_query_gives_the_same_rows_locally_and_on_virtuoso(
        documents_only: Virtuoso, built: Path, name: str) -> None:
    assert_same_rows(built, documents_only.query_url, name)


@pytest.fixture(scope="module")
def reasoned_virtuoso(tmp_path_factory: pytest.TempPathFactory, reasoned: Path) -> Iterator[Virtuoso]:
    """The samples after `orgkg reason` (the inferred graph added), published to a Virtuoso of their own."""
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso-reasoned")).start()
    try:
        code, stderr = publish(server, reasoned, "gsp")
        assert code == 0, stderr
        yield drop_void(server)
    finally:
        server.stop()


@pytest.mark.parametrize("name", sorted(library()))
def test_after_reason_every_named_query_gives_the_same_rows_locally_and_on_virtuoso(
        reasoned_virtuoso: Virtuoso, reasoned: Path, name: str) -> None:
    assert_same_rows(reasoned, reasoned_virtuoso.query_url, name)


def test_after_reason_the_inferred_types_are_in_both_answers(reasoned_virtuoso: Virtuoso,
                                                              reasoned: Path) -> None:
    post = "post=id:post/chief-client-solutions-officer-acb236b2fc62"
    for where in (["--graph", str(reasoned)], ["--endpoint", reasoned_virtuoso.query_url]):
        result = run("query", "describe-post", *where, "--param", post, "--format", "csv")
        assert "SupervisoryPost" in result.stdout, where
