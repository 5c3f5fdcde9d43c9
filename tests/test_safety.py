"""Safe by default: no network while offline, no secrets in output.

A real listening socket on 127.0.0.1 proves "no connection happens": its
accept count stays zero. An audit hook records file opens to prove the
build opens no file it was not given.
"""

from __future__ import annotations

import socket
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph

from orgkg.safety import NetworkRefusedError, offline
from tests.conftest import SAMPLES, run


@pytest.fixture
def listener() -> Iterator[tuple[socket.socket, int]]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.setblocking(False)
    yield server, server.getsockname()[1]
    server.close()


def accepted(server: socket.socket) -> int:
    try:
        server.accept()[0].close()
        return 1
    except BlockingIOError:
        return 0


def test_offline_refuses_sockets_urllib_and_sparql_service(listener: tuple[socket.socket, int]) -> None:
    server, port = listener
    with offline("test"):
        with pytest.raises(NetworkRefusedError, match="--allow-network"):
            socket.create_connection(("127.0.0.1", port), timeout=1)
        with pytest.raises(NetworkRefusedError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
        with pytest.raises(NetworkRefusedError):
            query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
            list(Graph().query(query))
    assert accepted(server) == 0


def test_the_build_connects_to_nothing_and_opens_only_its_inputs(tmp_path: Path) -> None:
    """Every file the build opens is an input, under its output folder, or Python's own code."""
    opened: list[str] = []

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event == "open" and isinstance(args[0], str | Path) and recording:
            opened.append(str(args[0]))
        if event == "socket.connect" and recording:
            opened.append(f"CONNECT {args[1]}")

    recording = False
    sys.addaudithook(hook)
    recording = True
    try:
        result = run("build", str(SAMPLES), "--out", str(tmp_path / "out"))
    finally:
        recording = False
    assert result.exit_code == 0
    src = str(Path(__file__).parents[1] / "src")
    allowed = (str(SAMPLES), str(tmp_path), sys.prefix, sys.base_prefix, src)
    strangers = [p for p in opened if not p.startswith(allowed) and not p.startswith("/dev/")
                 and "site-packages" not in p and "__pycache__" not in p]
    assert strangers == []


def test_no_secret_from_the_environment_appears_in_build_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "s3cr3t-Pa55word-for-the-store"
    monkeypatch.setenv("ORGKG_PASSWORD", secret)
    monkeypatch.setenv("ORGKG_ENDPOINT", f"http://admin:{secret}@127.0.0.1:9/sparql")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    result = run("build", str(SAMPLES), str(tmp_path / "bad.txt"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    report = (tmp_path / "out/build-report.json").read_text(encoding="utf-8")
    assert secret not in result.stderr + result.stdout + report


@pytest.mark.parametrize(
    ("command", "target"),
    [
        (["validate"], "orgkg.cli.validate.run_validation"),
        (["reason", "--no-save"], "orgkg.cli.reason.run_reasoner"),
        (["query", "documents"], "orgkg.cli.query.run"),
    ],
)
def test_local_commands_run_with_the_network_refused(
    command: list[str], target: str, built: Path, listener: tuple[socket.socket, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whatever a library inside validate, reason or a local query tries, no connection is made."""
    server, port = listener

    def reaches_out(*args: Any, **kwargs: Any) -> None:
        socket.create_connection(("127.0.0.1", port), timeout=1)

    monkeypatch.setattr(target, reaches_out)
    result = run(*command, "--graph", str(built))
    assert result.exit_code == 2
    assert "refused a network connection" in result.stderr
    assert result.stderr.count("\n") == 1
    assert accepted(server) == 0
