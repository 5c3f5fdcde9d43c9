"""Publishing to, and querying, a REAL Oxigraph server on 127.0.0.1 (PyPI `oxigraph`).

Every named query gives the same rows locally and on each real store (``STORES``:
Oxigraph, and Virtuoso when installed), after `build` and after `reason`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar
from unittest import mock

import pyoxigraph as ox
import pytest
from bench.synthetic import write_nquads

from orgkg.export.http import RetryPolicy, send
from orgkg.graph.store import STORE
from orgkg.query.library import library
from orgkg.query.remote import Endpoint
from tests.conftest import run
from tests.support.servers import FixedAnswers, Oxigraph, StoreServer, Virtuoso
from tests.test_queries import EMPTY_ON_SAMPLES, HOSTILE, example_params, params_for, sample_values

SECRET = "s3cret-Pa55word"
VOID = "https://w3id.org/orgkg/id/void"
S = TypeVar("S", bound=StoreServer)
COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory, built: Path) -> Iterator[Oxigraph]:
    yield from serving(Oxigraph, built, tmp_path_factory.mktemp("oxigraph"), keep_void=True)


def counts(url: str) -> dict[str, int]:
    rows = Endpoint(url, timeout=10).run(COUNTS, {}, union=False).rows
    return {r[0].value: int(r[1].value) for r in rows}  # type: ignore[union-attr]


def local_counts(graph_dir: Path) -> dict[str, int]:
    store = ox.Store.read_only(str(graph_dir / STORE))
    return {g.value: len(list(store.quads_for_pattern(None, None, None, g))) for g in store.named_graphs()}


def test_publish_puts_every_document_graph_and_a_void_graph(published: Oxigraph, built: Path) -> None:
    remote = counts(published.query_url)
    local = local_counts(built)
    assert {g: remote[g] for g in local} == local
    assert "https://w3id.org/orgkg/id/void" in remote
    assert set(remote) == set(local) | {"https://w3id.org/orgkg/id/void"}


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_republishing_adds_no_duplicates(published: Oxigraph, built: Path, protocol: str) -> None:
    before = counts(published.query_url)
    result = run("export", "--graph", str(built), "--endpoint", published.query_url, "--protocol", protocol)
    assert result.exit_code == 0, result.stderr
    assert "every count matches" in result.stderr
    assert counts(published.query_url) == before


@pytest.fixture(scope="module")
def documents_only(published: Oxigraph) -> Oxigraph:
    """The published store less its VoID graph, so it holds what the local graph holds."""
    drop_void(published)
    return published


def assert_same_rows(folder: Path, url: str, name: str) -> None:
    values = sample_values(folder)
    local = run("query", name, "--graph", str(folder), "--format", "csv", *params_for(name, values))
    remote = run("query", name, "--endpoint", url, "--format", "csv", *params_for(name, values))
    assert local.exit_code == remote.exit_code == 0, remote.stderr
    assert sorted(local.stdout.splitlines()) == sorted(remote.stdout.splitlines())
    assert len(local.stdout.splitlines()) > 1 or name in EMPTY_ON_SAMPLES


NO_VIRTUOSO = pytest.mark.skipif(
    Virtuoso.executable() is None,
    reason="virtuoso-t is not installed (tools/system-deps.sh installs virtuoso-opensource-7-bin)")
#: The real stores every named query is asked of, after build and after reason.
STORES = [pytest.param(Oxigraph, id="oxigraph"), pytest.param(Virtuoso, id="virtuoso", marks=NO_VIRTUOSO)]


def publish(server: StoreServer, folder: Path, protocol: str = "gsp", *extra: str) -> tuple[int, str]:
    """``orgkg export`` of ``folder`` to ``server`` by ``protocol``, with the server's credentials."""
    with mock.patch.dict(os.environ, server.credentials):
        result = run("export", "--graph", str(folder), *server.publish_args(protocol), *extra)
    return result.exit_code, result.stderr


def drop_void(server: StoreServer) -> None:
    """The store less its VoID graph, so it holds what the local graph holds."""
    with mock.patch.dict(os.environ, server.credentials):
        drop = urllib.parse.urlencode({"update": f"DROP SILENT GRAPH <{VOID}>"}).encode()
        send("POST", server.update_url, drop, "application/x-www-form-urlencoded", RetryPolicy())


def serving(kind: type[S], folder: Path, location: Path, *, keep_void: bool = False) -> Iterator[S]:
    """A server of its own with ``folder`` published to it, its VoID graph dropped unless kept."""
    server = kind(location).start()
    try:
        code, stderr = publish(server, folder)
        assert code == 0, stderr
        if not keep_void:
            drop_void(server)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module", params=STORES)
def built_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                built: Path) -> Iterator[StoreServer]:
    """The samples, published to a store of their own."""
    yield from serving(request.param, built, tmp_path_factory.mktemp("built-store"))


@pytest.fixture(scope="module", params=STORES)
def reasoned_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                   reasoned: Path) -> Iterator[StoreServer]:
    """The samples after `orgkg reason` (the inferred graph added), published to a store of their own."""
    yield from serving(request.param, reasoned, tmp_path_factory.mktemp("reasoned-store"))


@pytest.mark.parametrize("name", sorted(library()))
def test_every_named_query_gives_the_same_rows_locally_and_on_the_store(
        built_store: StoreServer, built: Path, name: str) -> None:
    assert_same_rows(built, built_store.query_url, name)


@pytest.mark.parametrize("name", sorted(library()))
def test_after_reason_every_named_query_gives_the_same_rows_locally_and_on_the_store(
        reasoned_store: StoreServer, reasoned: Path, name: str) -> None:
    assert_same_rows(reasoned, reasoned_store.query_url, name)


def test_after_reason_the_inferred_types_are_in_both_answers(reasoned_store: StoreServer,
                                                              reasoned: Path) -> None:
    post = "post=id:post/chief-client-solutions-officer-acb236b2fc62"
    for where in (["--graph", str(reasoned)], ["--endpoint", reasoned_store.query_url]):
        result = run("query", "describe-post", *where, "--param", post, "--format", "csv")
        assert "SupervisoryPost" in result.stdout, where


@pytest.mark.parametrize("name", sorted(n for n, q in library().items() if "--param" in q.examples[0]))
def test_every_header_example_gives_the_same_rows_locally_and_on_the_server(
        documents_only: Oxigraph, built: Path, name: str) -> None:
    args = ["--format", "csv", *example_params(name)]
    local = run("query", name, "--graph", str(built), *args)
    remote = run("query", name, "--endpoint", documents_only.query_url, *args)
    assert local.exit_code == remote.exit_code == 0, remote.stderr
    assert sorted(local.stdout.splitlines()) == sorted(remote.stdout.splitlines())


def test_hostile_values_change_nothing_on_the_server(published: Oxigraph) -> None:
    before = counts(published.query_url)
    ok = run("query", "find-posts", "--endpoint", published.query_url, "--format", "json",
             "--param", f"text={HOSTILE}")
    assert ok.exit_code == 0, ok.stderr
    assert json.loads(ok.stdout) == []
    bad = run("query", "provenance", "--endpoint", published.query_url, "--param", "post=<http://e/a>b>")
    assert bad.exit_code == 2 and "not a valid IRI" in bad.stderr
    assert counts(published.query_url) == before


def test_a_stopped_endpoint_is_one_clear_line(tmp_path: Path) -> None:
    dead = Oxigraph(tmp_path)  # never started: nothing listens on its port
    result = run("query", "documents", "--endpoint", dead.query_url, "--timeout", "2")
    assert result.exit_code == 2
    assert "cannot reach the endpoint" in result.stderr and "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A graph folder of 600 synthetic positions (600 named graphs), enough to stop a server mid-way."""
    out = tmp_path_factory.mktemp("synthetic")
    nq = write_nquads(out / "graph.nq", 600)
    store = ox.Store(str(out / STORE))
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    store.flush()
    return out


def test_a_server_stopped_mid_publish(synthetic: Path, tmp_path: Path) -> None:
    server = Oxigraph(tmp_path / "data").start()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    cmd = [sys.executable, "-m", "orgkg", "export", "--graph", str(synthetic), "--endpoint", server.query_url,
           "--retries", "2", "--timeout", "5"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(counts(server.query_url)) < 20:
            time.sleep(0.02)
        server.stop()
        _, err = proc.communicate(timeout=60)
    finally:
        server.stop()
    assert proc.returncode != 0
    message = err.decode()
    assert "lost the store" in message and "run again" in message, message
    assert len(message.strip().splitlines()) == 1
    server.start()
    try:
        local, remote = local_counts(synthetic), counts(server.query_url)
        assert 20 <= len(remote) < len(local)
        assert all(remote[g] == local[g] for g in remote), "a graph was left half-published"
        again = run("export", "--graph", str(synthetic), "--endpoint", server.query_url)
        assert again.exit_code == 0, again.stderr
        remote = counts(server.query_url)
        assert {g: remote[g] for g in local} == local
    finally:
        server.stop()


@pytest.mark.parametrize(("status", "code", "message"), [
    (500, 1, "the store answered HTTP 500"),
    (401, 2, "refused the credentials (HTTP 401)"),
])
def test_a_store_that_fails_or_refuses(built: Path, monkeypatch: pytest.MonkeyPatch,
                                       status: int, code: int, message: str) -> None:
    monkeypatch.setenv("ORGKG_USER", "alice")
    monkeypatch.setenv("ORGKG_PASSWORD", SECRET)
    with FixedAnswers([204, status]) as fake:
        result = run("export", "--graph", str(built), "--endpoint", f"{fake.url}/query", "--retries", "1")
    assert result.exit_code == code
    assert message in result.stderr and "Traceback" not in result.stderr
    assert SECRET not in result.stderr + result.stdout
    # credentials only once the store asks for them, by the scheme it asks for
    assert "Authorization" not in fake.requests[0][2]
    if status == 401:
        assert fake.requests[-1][2]["Authorization"].startswith("Basic ")


def test_credentials_from_netrc_and_never_printed(built: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login bob password {SECRET}\n")
    netrc.chmod(0o600)
    monkeypatch.delenv("ORGKG_USER", raising=False)
    monkeypatch.setenv("NETRC", str(netrc))
    with FixedAnswers([401]) as fake:
        q = run("query", "documents", "--endpoint", f"{fake.url}/query")
        assert q.exit_code == 2 and "refused the credentials" in q.stderr
        in_url = run("query", "documents", "--endpoint", f"http://bob:{SECRET}@127.0.0.1:9/query")
    assert in_url.exit_code == 2 and "carries credentials" in in_url.stderr
    for out in (q.stderr, q.stdout, in_url.stderr, in_url.stdout):
        assert SECRET not in out
    assert fake.requests and "Authorization" in fake.requests[-1][2]


def test_retries_only_busy_answers_then_succeeds() -> None:
    with FixedAnswers([503, 503, 204]) as fake:
        status = send("PUT", f"{fake.url}/store?graph=x", b"", "application/n-triples",
                      RetryPolicy(attempts=4, base=0.01), sleep=lambda _: None)
    assert status == 204 and len(fake.requests) == 3


def test_a_server_error_is_not_retried(built: Path) -> None:
    with FixedAnswers([500]) as fake:
        result = run("export", "--graph", str(built), "--endpoint", f"{fake.url}/query",
                     "--protocol", "update")
    updates = [r for r in fake.requests if r[1] == "/update"]
    assert result.exit_code == 1 and len(updates) == 1 and updates[0][0] == "POST"


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Oxigraph]:
    server = Oxigraph(tmp_path / "fresh").start()
    yield server
    server.stop()


STALE = "https://w3id.org/orgkg/id/graph/inferred"
FOREIGN = "http://example.org/someone-elses-graph"


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_publishing_mirrors_the_build_and_removes_stale_graphs(built: Path, fresh: Oxigraph,
                                                               protocol: str) -> None:
    for graph in (STALE, FOREIGN):  # an earlier publish's inferred graph, and a graph that is not ours
        send("PUT", f"{fresh.url}/store?graph={graph}", b"<http://e/s> <http://e/p> <http://e/o> .\n",
             "application/n-triples", RetryPolicy())
    kept = run("export", "--graph", str(built), "--endpoint", fresh.query_url, "--protocol", protocol,
               "--keep-stale")
    assert kept.exit_code == 0, kept.stderr
    assert STALE in counts(fresh.query_url) and "stale, kept" in kept.stderr
    result = run("export", "--graph", str(built), "--endpoint", fresh.query_url, "--protocol", protocol)
    assert result.exit_code == 0, result.stderr
    assert f"removed stale graph {STALE}" in result.stderr and "1 stale removed" in result.stderr
    remote = counts(fresh.query_url)
    local = local_counts(built)
    assert STALE not in remote and remote[FOREIGN] == 1  # only the dataset's own graphs are touched
    assert set(remote) == set(local) | {"https://w3id.org/orgkg/id/void", FOREIGN}
    # the final check lists every graph of the dataset in the store
    table = [line.split()[0] for line in result.stderr.splitlines()[2:-1]]
    assert sorted(table) == sorted(set(local) | {"https://w3id.org/orgkg/id/void"})


def test_a_kept_stale_graph_is_listed_in_the_final_check(built: Path, fresh: Oxigraph) -> None:
    """A dataset graph in the store beside the build, kept, is listed; the exit code stays 0."""
    send("PUT", f"{fresh.url}/store?graph={STALE}", b"<http://e/s> <http://e/p> <http://e/o> .\n",
         "application/n-triples", RetryPolicy())
    result = run("export", "--graph", str(built), "--endpoint", fresh.query_url, "--keep-stale")
    assert result.exit_code == 0, result.stderr
    row = next(line for line in result.stderr.splitlines() if line.startswith(STALE))
    assert row.split()[1:3] == ["-", "1"]
