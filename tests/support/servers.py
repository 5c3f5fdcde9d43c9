"""Real servers for the store tests, all on 127.0.0.1: Oxigraph, Virtuoso, and small standard-library ones.

``Oxigraph`` runs the PyPI ``oxigraph`` server (``oxigraph serve``) on a free
port with its data in a folder, so a test can stop it and start it again on
the same data; ``Virtuoso`` likewise runs ``virtuoso-t``. ``LocalHTTP`` is a
standard-library HTTP server that records what it was sent; ``FixedAnswers``
answers every request with the next status of a list (then the last one
again), for the 401/500/503 cases a real store cannot be made to produce on
demand, and ``DigestStore`` takes only HTTP Digest. ``Misbehaving`` follows a
script on a raw socket.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar, Self

from tests.support.processes import stop


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class StoreServer:
    """A SPARQL store run as our child process on 127.0.0.1 (a free port), its data in ``location``,
    so a test can stop it and start it again on the same data. ``publish_args`` and ``credentials``
    say how ``orgkg export`` publishes to it; ``update_url`` takes SPARQL Update as a form."""

    NAME, QUERY_PATH, UPDATE_PATH = "", "/query", "/update"
    STARTS_IN = 20.0  # seconds
    credentials: ClassVar[dict[str, str]] = {}

    def __init__(self, location: Path) -> None:
        self.location, self.port = location, free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.url}{self.QUERY_PATH}"

    @property
    def update_url(self) -> str:
        return f"{self.url}{self.UPDATE_PATH}"

    def publish_args(self, protocol: str) -> list[str]:
        """``orgkg export``'s endpoint options for ``protocol`` (``gsp`` or ``update``)."""
        return ["--endpoint", self.query_url, "--protocol", protocol]

    def launch(self) -> subprocess.Popen[bytes]:
        raise NotImplementedError

    def log_tail(self) -> str:
        """The end of the server's log, to say why it did not start."""
        return ""

    def start(self) -> Self:
        self.process = self.launch()
        deadline = time.monotonic() + self.STARTS_IN
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                with urllib.request.urlopen(f"{self.query_url}?query=ASK%7B%7D", timeout=2):
                    return self
            except OSError:
                time.sleep(0.05)
        tail = self.log_tail()
        self.stop()
        raise RuntimeError(f"the {self.NAME} server did not start{': ' if tail else ''}{tail}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            stop(self.process, wait=20)
        self.process = None


class Oxigraph(StoreServer):
    NAME = "oxigraph"

    def launch(self) -> subprocess.Popen[bytes]:
        beside = Path(sys.executable).parent / "oxigraph"
        exe = str(beside) if beside.exists() else shutil.which("oxigraph")
        assert exe, "the oxigraph server (PyPI 'oxigraph', the test extra) is not installed"
        return subprocess.Popen(
            [exe, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(self) -> None:
        """Killed: as a store that is lost, not shut down."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None


class LocalHTTP:
    """A standard-library HTTP server on 127.0.0.1 (a free port), serving from a thread while in a
    ``with`` block: it reads each request of ``METHODS``, keeps its method, path and headers in
    ``requests`` and lets ``respond`` answer it."""

    METHODS: tuple[str, ...] = ("GET", "POST", "PUT")

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                outer.requests.append((self.command, self.path, dict(self.headers)))
                outer.respond(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        for method in self.METHODS:
            setattr(Handler, f"do_{method}", Handler._answer)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def respond(self, request: BaseHTTPRequestHandler) -> None:
        raise NotImplementedError

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


class FixedAnswers(LocalHTTP):
    """Answers each request with the next status of ``statuses`` (the last one repeats)."""

    def __init__(self, statuses: list[int], body: bytes = b"") -> None:
        super().__init__()
        self.statuses, self.body = list(statuses), body

    def respond(self, request: BaseHTTPRequestHandler) -> None:
        status = self.statuses.pop(0) if len(self.statuses) > 1 else self.statuses[0]
        request.send_response(status)
        if status == 401:
            request.send_header("WWW-Authenticate", 'Basic realm="store"')
        request.send_header("Content-Length", str(len(self.body)))
        request.end_headers()
        request.wfile.write(self.body)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ServerThreads = 4
CheckpointInterval = 0
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""
VIRTUOSO_USER, VIRTUOSO_PASSWORD = "dba", "dba"  # a new database's administrator


class Virtuoso(StoreServer):
    """OpenLink Virtuoso 7 (Debian `virtuoso-opensource-7-bin`) on 127.0.0.1, its database in a folder.
    ``orgkg export`` publishes to its authenticated endpoints (HTTP Digest)."""

    NAME, QUERY_PATH, UPDATE_PATH = "Virtuoso", "/sparql", "/sparql-auth"
    STARTS_IN = 60.0
    credentials: ClassVar[dict[str, str]] = {"ORGKG_USER": VIRTUOSO_USER, "ORGKG_PASSWORD": VIRTUOSO_PASSWORD}

    def __init__(self, location: Path) -> None:
        super().__init__(location)
        self.sql_port = free_port()

    @staticmethod
    def executable() -> str | None:
        return shutil.which("virtuoso-t")

    def publish_args(self, protocol: str) -> list[str]:
        endpoint = (["--store-endpoint", f"{self.url}/sparql-graph-crud-auth"] if protocol == "gsp"
                    else ["--update-endpoint", self.update_url])
        return [*super().publish_args(protocol), *endpoint]

    def launch(self) -> subprocess.Popen[bytes]:
        exe = self.executable()
        assert exe, "virtuoso-t is not installed (tools/system-deps.sh installs virtuoso-opensource-7-bin)"
        self.location.mkdir(parents=True, exist_ok=True)
        ini = self.location / "virtuoso.ini"
        ini.write_text(VIRTUOSO_INI.format(dir=self.location, sql_port=self.sql_port, http_port=self.port))
        # +foreground keeps it our child, so the test can stop it by its process id.
        return subprocess.Popen([exe, "+configfile", str(ini), "+foreground"], cwd=self.location,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def log_tail(self) -> str:
        log = self.location / "virtuoso.log"
        return log.read_text(errors="replace")[-500:] if log.exists() else ""


class Misbehaving:
    """A raw TCP server on 127.0.0.1 that plays ``script(conn, request)`` on each connection, for
    what no real store does on demand: trickling bytes, cutting an answer short, redirecting away.
    Every request's head (method, path, headers) is kept in ``requests``; the server stops itself
    after ``lifetime`` seconds whatever the client does."""

    def __init__(self, script: Callable[[socket.socket, bytes], None], lifetime: float = 30.0) -> None:
        self.script, self.lifetime = script, lifetime
        self.requests: list[bytes] = []
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def _serve(self) -> None:
        end = time.monotonic() + self.lifetime
        while not self.stopping.is_set() and time.monotonic() < end:
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._one, args=(conn, end), daemon=True).start()

    def _one(self, conn: socket.socket, end: float) -> None:
        with conn:
            conn.settimeout(max(0.1, end - time.monotonic()))
            try:
                head = b""
                while b"\r\n\r\n" not in head:
                    data = conn.recv(65536)
                    if not data:
                        return
                    head += data
                top, _, body = head.partition(b"\r\n\r\n")
                self.requests.append(top)
                length = re.search(rb"(?im)^content-length:\s*(\d+)", top)
                missing = int(length.group(1)) - len(body) if length else 0
                while missing > 0:  # read the whole request: closing on unread data would reset it
                    data = conn.recv(min(missing, 65536))
                    if not data:
                        return
                    missing -= len(data)
                self.script(conn, head)
            except OSError:
                pass

    def __enter__(self) -> Misbehaving:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.thread.join(timeout=5)
        self.sock.close()


class DigestStore(LocalHTTP):
    """A standard-library server that takes only HTTP Digest (RFC 7616, MD5, qop=auth) for one user,
    checking each response itself; it answers 204, and every request's headers are kept."""

    REALM, NONCE, OPAQUE = "orgkg-test", "5f3c0a1d9e", "0pq"
    METHODS = ("POST", "PUT", "DELETE")

    def __init__(self, user: str, password: str) -> None:
        super().__init__()
        self.user, self.password = user, password

    def respond(self, request: BaseHTTPRequestHandler) -> None:
        ok = self.valid(request.command, request.headers.get("Authorization", ""))
        request.send_response(204 if ok else 401)
        if not ok:
            request.send_header("WWW-Authenticate", self.challenge())
        request.send_header("Content-Length", "0")
        request.end_headers()

    def challenge(self) -> str:
        return (f'Digest realm="{self.REALM}", nonce="{self.NONCE}", qop="auth", algorithm=MD5, '
                f'opaque="{self.OPAQUE}"')

    def valid(self, method: str, header: str) -> bool:
        if not header.startswith("Digest "):
            return False
        f = {k: v.strip('"') for k, v in re.findall(r'(\w+)=("[^"]*"|[^,\s]+)', header[7:])}
        def md5(text: str) -> str:
            return hashlib.md5(text.encode()).hexdigest()
        ha1 = md5(f"{self.user}:{self.REALM}:{self.password}")
        ha2 = md5(f"{method}:{f.get('uri', '')}")
        expected = md5(f"{ha1}:{self.NONCE}:{f.get('nc')}:{f.get('cnonce')}:auth:{ha2}")
        return (f.get("username") == self.user and f.get("nonce") == self.NONCE and f.get("qop") == "auth"
                and f.get("opaque") == self.OPAQUE and f.get("response") == expected)
