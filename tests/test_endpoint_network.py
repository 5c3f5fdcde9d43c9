"""Endpoints that misbehave: every request bounded, credentials kept to their origin, secrets kept out.

Each case is a real server on 127.0.0.1 doing what a slow, broken or hostile
store does (issue 13, items 9-11 and the poor cases): orgkg ends with one
line and the right exit code, within its time limit, having sent nothing
where it was not asked to.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from orgkg.endpoint.client import Session
from orgkg.errors import EndpointError
from orgkg.export.http import RetryPolicy, send
from orgkg.export.publish import Targets
from tests.conftest import run
from tests.support.servers import DigestStore, FixedAnswers, Misbehaving, Oxigraph

SECRET = "s3cret-Pa55word"
API_KEY = "k3y-0f-the-API-9f8e7d"
JSON_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"


def trickle(conn: socket.socket, _head: bytes) -> None:
    """One byte a second, for ever (until the server's lifetime ends)."""
    for byte in JSON_HEAD + b"Content-Length: 100000\r\n\r\n" + b" " * 100000:
        conn.sendall(bytes([byte]))
        time.sleep(1)


def hang(conn: socket.socket, _head: bytes) -> None:
    """Accept the request, never answer."""
    time.sleep(60)


def truncated(conn: socket.socket, _head: bytes) -> None:
    """Announce 5,000 bytes, send 30, close."""
    conn.sendall(JSON_HEAD + b"Content-Length: 5000\r\n\r\n" + b'{"head": {"vars": ["x"]}, "re')


def chunked_truncated(conn: socket.socket, _head: bytes) -> None:
    conn.sendall(JSON_HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + b"400\r\n" + b'{"head": ' * 10)


def huge(conn: socket.socket, _head: bytes) -> None:
    """An endless answer without a length: bytes until the client stops reading."""
    conn.sendall(JSON_HEAD + b"\r\n")
    block = b" " * 65536
    while True:
        conn.sendall(block)


def commands(url: str, built: Path) -> dict[str, list[str]]:
    return {
        "query": ["query", "documents", "--endpoint", f"{url}/query", "--timeout", "2"],
        "export": ["export", "--graph", str(built), "--endpoint", f"{url}/query", "--timeout", "2",
                   "--retries", "4"],
    }


def one_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize("command", ["query", "export"])
@pytest.mark.parametrize("script", [trickle, hang], ids=["one-byte-a-second", "never-answers"])
def test_the_timeout_bounds_the_whole_request(built: Path, command: str,
                                              script: Callable[[socket.socket, bytes], None]) -> None:
    with Misbehaving(script) as server:
        start = time.monotonic()
        result = run(*commands(server.url, built)[command])
        elapsed = time.monotonic() - start
    assert result.exit_code == 2
    assert "no complete answer within 2 s" in one_line(result.stderr)
    # all attempts share the one time limit: not 4 x 2 s plus back-off, not the 100 s of the trickle
    assert elapsed < 6, f"took {elapsed:.1f} s under --timeout 2"


@pytest.mark.parametrize("script", [truncated, chunked_truncated], ids=["content-length", "chunked"])
def test_a_truncated_answer_is_one_line(script: Callable[[socket.socket, bytes], None]) -> None:
    with Misbehaving(script) as server:
        result = run("query", "documents", "--endpoint", f"{server.url}/query", "--timeout", "5")
    assert result.exit_code == 2
    assert "cut off" in one_line(result.stderr)


def test_an_answer_over_the_cap_is_refused_while_it_arrives() -> None:
    with Misbehaving(huge) as server:
        result = run("query", "documents", "--endpoint", f"{server.url}/query", "--max-answer", "2")
    assert result.exit_code == 2
    assert "answered more than 2 MB" in one_line(result.stderr) and "--max-answer" in result.stderr


def redirect_to(location: str, status: int = 302) -> Callable[[socket.socket, bytes], None]:
    def script(conn: socket.socket, _head: bytes) -> None:
        conn.sendall(f"HTTP/1.1 {status} Found\r\nLocation: {location}\r\nContent-Length: 0\r\n\r\n".encode())
    return script


@pytest.mark.parametrize("command", ["query", "export"])
def test_credentials_never_follow_a_redirect_to_another_host(
        built: Path, command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGKG_USER", "alice")
    monkeypatch.setenv("ORGKG_PASSWORD", SECRET)
    with FixedAnswers([401, 200], body=b'{"head": {"vars": []}, "results": {"bindings": []}}') as other, \
            Misbehaving(redirect_to(f"{other.url}/query")) as server:
        result = run(*commands(server.url, built)[command])
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert "redirect" in line and "another host" in line
    assert other.requests == [], "orgkg followed the redirect to another origin"
    assert all(b"Authorization" not in r for r in server.requests)
    assert SECRET not in result.stdout + result.stderr


def test_a_redirect_that_changes_the_method_is_an_error() -> None:
    with Misbehaving(redirect_to("/elsewhere", 303)) as server:
        result = run("query", "documents", "--endpoint", f"{server.url}/query")
    assert result.exit_code == 2
    assert "changing the request's method" in one_line(result.stderr)
    assert len(server.requests) == 1


def test_a_same_origin_307_is_followed_with_the_same_method(built: Path) -> None:
    answers = iter([redirect_to("/query2", 307)])

    def script(conn: socket.socket, head: bytes) -> None:
        step = next(answers, None)
        if step is not None:
            step(conn, head)
            return
        body = b'{"head": {"vars": ["g"]}, "results": {"bindings": []}}'
        conn.sendall(JSON_HEAD + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)

    with Misbehaving(script) as server:
        result = run("query", "documents", "--endpoint", f"{server.url}/query", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == []
    heads = [r.split(b" ")[:2] for r in server.requests]
    assert [(m, p.split(b"?")[0]) for m, p in heads] == [(b"POST", b"/query"), (b"POST", b"/query2")]
    assert b"Content-Length: 0" not in server.requests[1]


def test_a_404_says_the_url_is_not_an_endpoint_and_where_to_look(built: Path) -> None:
    with FixedAnswers([404]) as fake:
        query = run("query", "documents", "--endpoint", f"{fake.url}/")
        export = run("export", "--graph", str(built), "--endpoint", f"{fake.url}/")
    q, e = one_line(query.stderr), one_line(export.stderr)
    assert query.exit_code == export.exit_code == 2
    assert "not a SPARQL query endpoint" in q and "/query" in q
    assert "not a SPARQL query endpoint" in e and "/query" in e
    assert len(fake.requests) == 2, "publishing began at a URL that is not an endpoint"
    for line in (q, e):
        assert "try again" not in line


def test_a_wrong_graph_store_url_is_named_with_its_option(built: Path, tmp_path: Path) -> None:
    server = Oxigraph(tmp_path / "ox").start()
    try:
        result = run("export", "--graph", str(built), "--endpoint", server.query_url,
                     "--store-endpoint", f"{server.url}/nowhere")
    finally:
        server.stop()
    line = one_line(result.stderr)
    assert result.exit_code == 2
    assert "not a Graph Store endpoint" in line and "--store-endpoint" in line


def test_the_base_url_of_a_real_store_changes_nothing(built: Path, tmp_path: Path) -> None:
    server = Oxigraph(tmp_path / "ox").start()
    try:
        result = run("export", "--graph", str(built), "--endpoint", f"{server.url}/")
        remote = run("query", "documents", "--endpoint", server.query_url, "--format", "json")
    finally:
        server.stop()
    assert result.exit_code == 2
    assert "not a SPARQL query endpoint" in one_line(result.stderr)
    assert json.loads(remote.stdout) == []


def test_store_urls_keep_the_endpoint_query_string() -> None:
    t = Targets.from_endpoint(f"https://h.example/sparql?apikey={API_KEY}")
    assert t.store == f"https://h.example/store?apikey={API_KEY}"
    assert t.update == f"https://h.example/update?apikey={API_KEY}"
    t = Targets.from_endpoint("http://h:7878/ds/query/")
    assert (t.update, t.store) == ("http://h:7878/ds/update", "http://h:7878/ds/store")


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[Oxigraph]:
    server = Oxigraph(tmp_path / "ox").start()
    yield server
    server.stop()


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_an_api_key_in_the_endpoint_is_never_published_nor_printed(
        built: Path, oxigraph: Oxigraph, protocol: str, tmp_path: Path) -> None:
    endpoint = f"{oxigraph.query_url}?apikey={API_KEY}"
    result = run("export", "--graph", str(built), "--endpoint", endpoint, "--protocol", protocol)
    assert result.exit_code == 0, result.stderr
    everything = tmp_path / "everything.rq"
    everything.write_text("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    dump = run("query", str(everything), "--endpoint", endpoint, "--format", "json")
    assert dump.exit_code == 0, dump.stderr
    rows = json.loads(dump.stdout)
    endpoints = [r["o"] for r in rows if r["p"] == "http://rdfs.org/ns/void#sparqlEndpoint"]
    assert endpoints == [oxigraph.query_url]
    for text in (result.stdout, result.stderr, dump.stdout, dump.stderr):
        assert API_KEY not in text
    failing = run("query", "documents", "--endpoint", f"http://127.0.0.1:9/query?apikey={API_KEY}")
    assert failing.exit_code == 2 and API_KEY not in failing.stderr


def test_a_long_error_answer_still_gives_its_first_line(built: Path) -> None:
    body = b"Store exploded: disk full\n" + b"x" * 100_000
    with FixedAnswers([500], body=body) as fake:
        query = run("query", "documents", "--endpoint", f"{fake.url}/query")
        export = run("export", "--graph", str(built), "--endpoint", f"{fake.url}/query")
    assert query.exit_code == 2 and export.exit_code == 1
    for result in (query, export):
        assert "HTTP 500: Store exploded: disk full" in one_line(result.stderr)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:99999/query", "http://127.0.0.1:abc/query", "http://[::1/query",
    "http://127.0.0.1:9/qu ery", "http://127.0.0.1:9/q\nX-Injected: 1", "http://127.0.0.1:9/\x1b[31mred",
])
def test_a_malformed_endpoint_url_is_one_line(url: str) -> None:
    result = run("query", "documents", "--endpoint", url)
    assert result.exit_code == 2
    assert "not a valid URL" in one_line(result.stderr) and "\x1b" not in result.stderr


def test_a_redirect_location_reaches_the_terminal_escaped() -> None:
    with Misbehaving(redirect_to("http://127.0.0.1:1/\x1b[31mred")) as server:
        result = run("query", "documents", "--endpoint", f"{server.url}/query")
    assert result.exit_code == 2
    assert "another host" in one_line(result.stderr) and "\x1b" not in result.stderr


def test_digest_authentication_as_the_server_asks_the_password_never_on_the_wire(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGKG_USER", "alice")
    monkeypatch.setenv("ORGKG_PASSWORD", SECRET)
    session = Session()
    with DigestStore("alice", SECRET) as store:
        for graph in ("https://w3id.org/orgkg/id/graph/a", "https://w3id.org/orgkg/id/graph/b"):
            status = send("PUT", f"{store.url}/store?graph={graph}", b"<a:s> <a:p> <a:o> .\n",
                          "application/n-triples", RetryPolicy(), session=session)
            assert status == 204
    assert session.schemes() == ["Digest"]
    # challenged once; afterwards each request carries its own Digest answer (nonce count 2, 3 ...)
    assert [("Authorization" in headers) for _, _, headers in store.requests] == [False, True, True]
    for _, _, headers in store.requests:
        assert SECRET not in str(headers)
        assert not headers.get("Authorization", "").startswith("Basic")


def test_wrong_digest_credentials_are_refused_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORGKG_USER", "alice")
    monkeypatch.setenv("ORGKG_PASSWORD", "not-the-password")
    with DigestStore("alice", SECRET) as store, \
            pytest.raises(EndpointError, match=r"refused the credentials \(HTTP 401\)"):
        send("PUT", f"{store.url}/store?graph=g", b"", "application/n-triples", RetryPolicy())
    assert len(store.requests) == 2  # the challenge, one answer to it; never retried blindly
