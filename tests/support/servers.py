"""Real servers for the store tests, all on 127.0.0.1: Oxigraph, and a tiny fixed-answer server.

``Oxigraph`` runs the PyPI ``oxigraph`` server (``oxigraph serve``) on a free
port with its data in a folder, so a test can stop it and start it again on
the same data. ``FixedAnswers`` is a standard-library HTTP server that answers
every request with the next status of a list (then the last one again) and
records what it was sent, for the 401/500/503 cases a real store cannot be
made to produce on demand.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Oxigraph:
    def __init__(self, location: Path) -> None:
        self.location, self.port = location, free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    def start(self) -> Oxigraph:
        beside = Path(sys.executable).parent / "oxigraph"
        exe = str(beside) if beside.exists() else shutil.which("oxigraph")
        assert exe, "the oxigraph server (PyPI 'oxigraph', the test extra) is not installed"
        self.process = subprocess.Popen(
            [exe, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/query?query=ASK%7B%7D", timeout=1):
                    return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the oxigraph server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None


class FixedAnswers:
    """Answers each request with the next status of ``statuses`` (the last one repeats)."""

    def __init__(self, statuses: list[int], body: bytes = b"") -> None:
        self.statuses, self.body = list(statuses), body
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                outer.requests.append((self.command, self.path, dict(self.headers)))
                status = outer.statuses.pop(0) if len(outer.statuses) > 1 else outer.statuses[0]
                self.send_response(status)
                if status == 401:
                    self.send_header("WWW-Authenticate", 'Basic realm="store"')
                self.send_header("Content-Length", str(len(outer.body)))
                self.end_headers()
                self.wfile.write(outer.body)

            do_GET = do_POST = do_PUT = _answer  # noqa: N815 (http.server's names)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FixedAnswers:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
