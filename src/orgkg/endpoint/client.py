"""One HTTP exchange with a store: bounded in time and size, credentials kept to their origin.

Every request runs under a deadline that bounds all of it (connecting,
sending, the status line, the headers and the whole body), enforced by a
watchdog that shuts the connection when time is up: a server that trickles
one byte a second cannot hold orgkg past ``--timeout``. An answer larger than
the cap (``--max-answer``) is refused while it arrives, and an answer cut off
by the server is an error, never a partial result.

Credentials are sent only when the server asks (HTTP 401), by the scheme it
asks for (Digest, else Basic), and only to the origin (scheme, host, port)
they were given for. Redirects are followed only when they keep the origin and
the method (307/308); any other redirect is an error, so nothing (neither the
credentials nor a POST turned into an empty GET) goes anywhere unasked.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import os
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field

from orgkg.endpoint.access import Credentials, credentials, display, redact
from orgkg.errors import EndpointError

MAX_ANSWER = 1 << 30  # bytes: the default cap on one answer (1 GiB)
CHUNK = 1 << 16
ERROR_BODY = 4096  # bytes of an error answer kept for its message
REDIRECTS = 3


class UnreachableError(EndpointError):
    """No complete answer: the connection failed, was cut, or the time ran out."""

    def __init__(self, where: str, reason: str, hint: str | None = None, *, retryable: bool = True,
                 what: str | None = None) -> None:
        super().__init__(where, what or f"cannot reach the endpoint ({reason})", hint)
        self.reason, self.retryable = reason, retryable


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    content_type: str = ""
    www_authenticate: tuple[str, ...] = ()
    location: str = ""
    retry_after: str = ""

    def detail(self, url: str) -> str:
        """The first line of an error answer's text, short, without the URL's query values."""
        text = self.body.decode("utf-8", "replace").strip()
        return redact(text.splitlines()[0][:200], url) if text else ""


@dataclass
class Deadline:
    """A time limit over a whole request (with its retries)."""

    seconds: float
    end: float = field(init=False)

    def __post_init__(self) -> None:
        self.end = time.monotonic() + self.seconds

    def remaining(self) -> float:
        return self.end - time.monotonic()


def origin(url: str) -> tuple[str, str, int]:
    """Scheme, host and port: where credentials may go (an invalid URL is nobody's origin)."""
    try:
        parts = urllib.parse.urlsplit(url)
        default = 443 if parts.scheme == "https" else 80
        return parts.scheme, (parts.hostname or "").lower(), parts.port or default
    except ValueError:
        return "", "", 0


def with_query(url: str, params: Mapping[str, str]) -> str:
    """The URL with these query parameters added to those it has (built by urllib, not pasted)."""
    if not params:
        return url
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True) + list(params.items())
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


class Auth:
    """The credentials of one origin, and the scheme its server asked for."""

    def __init__(self, creds: Credentials) -> None:
        self.creds, self.scheme = creds, ""
        self.challenge: dict[str, str] = {}
        self.count = 0

    def accept(self, challenges: tuple[str, ...]) -> bool:
        """Take the server's WWW-Authenticate challenges; False if no scheme we speak is offered."""
        text = ", ".join(challenges)
        digest = re.search(r"\bDigest\s+(.*)", text, re.I | re.S)
        if digest:
            self.scheme, self.count = "Digest", 0
            self.challenge = {k.lower(): v.strip('"') for k, v in
                              re.findall(r'(\w+)\s*=\s*("(?:[^"\\]|\\.)*"|[^,\s]+)', digest.group(1))}
            return "nonce" in self.challenge
        if re.search(r"\bBasic\b", text, re.I) or not text:
            self.scheme = "Basic"
            return True
        return False

    def header(self, method: str, url: str) -> str | None:
        if self.scheme == "Basic":
            return self.creds.header()
        if self.scheme == "Digest":
            return self._digest(method, url)
        return None

    def _digest(self, method: str, url: str) -> str:
        c = self.challenge
        algorithm = c.get("algorithm", "MD5")
        name = algorithm.upper().removesuffix("-SESS")
        hash_name = {"MD5": "md5", "SHA-256": "sha256", "SHA-512-256": "sha512_256"}.get(name, "md5")

        def h(text: str) -> str:
            return hashlib.new(hash_name, text.encode("utf-8")).hexdigest()

        parts = urllib.parse.urlsplit(url)
        uri = parts.path + (f"?{parts.query}" if parts.query else "")
        self.count += 1
        nc, cnonce = f"{self.count:08x}", os.urandom(8).hex()
        realm, nonce = c.get("realm", ""), c["nonce"]
        ha1 = h(f"{self.creds.user}:{realm}:{self.creds.password}")
        if algorithm.upper().endswith("-SESS"):
            ha1 = h(f"{ha1}:{nonce}:{cnonce}")
        ha2 = h(f"{method}:{uri}")
        qops = [q.strip() for q in c.get("qop", "").split(",") if q.strip()]
        fields = {"username": self.creds.user, "realm": realm, "nonce": nonce, "uri": uri}
        if "auth" in qops:
            fields["response"] = h(f"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}")
            extra = f", qop=auth, nc={nc}, cnonce=\"{cnonce}\""
        else:
            fields["response"], extra = h(f"{ha1}:{nonce}:{ha2}"), ""
        if "opaque" in c:
            fields["opaque"] = c["opaque"]
        quoted = ", ".join(f'{k}="{v}"' for k, v in fields.items())
        return f"Digest {quoted}, algorithm={algorithm}{extra}"


class Session:
    """Requests to one or more endpoints, remembering how each origin authenticates."""

    def __init__(self, *, max_answer: int = MAX_ANSWER) -> None:
        self.max_answer = max_answer
        self.auths: dict[tuple[str, str, int], Auth | None] = {}

    def schemes(self) -> list[str]:
        """The authentication schemes used so far ("Basic", "Digest")."""
        return sorted({a.scheme for a in self.auths.values() if a is not None and a.scheme})

    def request(self, method: str, url: str, body: bytes, headers: Mapping[str, str],
                deadline: Deadline) -> Answer:
        """Send one request (answering an authentication challenge, following a same-origin
        307/308); return the final answer whatever its status."""
        start = url
        for _hop in range(REDIRECTS + 1):
            answer = self._authenticated(method, url, body, headers, deadline)
            if answer.status not in (301, 302, 303, 307, 308):
                return answer
            url = self._redirect(start, url, answer)
        raise EndpointError(display(start), f"redirected more than {REDIRECTS} times")

    def _redirect(self, start: str, url: str, answer: Answer) -> str:
        target = urllib.parse.urljoin(url, answer.location)
        moved = origin(target) != origin(start)
        if answer.status in (307, 308) and not moved:
            return target
        why = "to another host" if moved else "changing the request's method"
        raise EndpointError(display(start), f"answered a redirect (HTTP {answer.status}) {why}, "
                            f"to {display(target)}, which orgkg does not follow",
                            "give the URL the store really answers at")

    def _authenticated(self, method: str, url: str, body: bytes, headers: Mapping[str, str],
                       deadline: Deadline) -> Answer:
        key = origin(url)
        if key not in self.auths:
            creds = credentials(url)
            self.auths[key] = Auth(creds) if creds is not None else None
        auth = self.auths[key]
        for _ in range(2):
            sent = dict(headers)
            value = auth.header(method, url) if auth is not None else None
            if value:
                sent["Authorization"] = value
            answer = exchange(method, url, body, sent, deadline, self.max_answer)
            if answer.status != 401 or auth is None or not auth.accept(answer.www_authenticate):
                return answer
        return answer


ROLES = {
    "query": ("SPARQL query endpoint", "Oxigraph answers at .../query, Fuseki at .../DATASET/query, "
              "Virtuoso at .../sparql, GraphDB at .../repositories/ID"),
    "update": ("SPARQL update endpoint", "pass --update-endpoint: Oxigraph .../update, Fuseki "
               ".../DATASET/update, Virtuoso .../sparql-auth, GraphDB .../repositories/ID/statements"),
    "store": ("Graph Store endpoint", "pass --store-endpoint: Oxigraph .../store, Fuseki .../DATASET/data, "
              "Virtuoso .../sparql-graph-crud-auth, GraphDB .../repositories/ID/rdf-graphs/service"),
}


def refusal(answer: Answer, url: str, role: str) -> EndpointError | None:
    """The error for an answer no retry can change (credentials refused, no endpoint at the URL)."""
    where = display(url)
    if answer.status in (401, 403):
        if credentials(url) is None:
            return EndpointError(where, f"requires credentials (HTTP {answer.status})",
                                 "set ORGKG_USER/ORGKG_PASSWORD or a netrc entry for this host")
        return EndpointError(where, f"refused the credentials (HTTP {answer.status})",
                             "check ORGKG_USER/ORGKG_PASSWORD or the netrc entry for this host")
    if answer.status == 404:
        name, hint = ROLES[role]
        return EndpointError(where, f"answered HTTP 404: this URL is not a {name}", hint)
    return None


def exchange(method: str, url: str, body: bytes, headers: Mapping[str, str], deadline: Deadline,
             max_answer: int = MAX_ANSWER) -> Answer:
    """One request and its whole answer, within the deadline and the size cap."""
    where = display(url)
    remaining = deadline.remaining()
    if remaining <= 0:
        raise _late(where, deadline)
    parts = urllib.parse.urlsplit(url)
    cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = cls(parts.hostname or "", parts.port, timeout=remaining)
    fired = threading.Event()
    watchdog = threading.Timer(remaining, _cut, (conn, fired))
    watchdog.daemon = True
    watchdog.start()
    target = parts.path or "/"
    if parts.query:
        target += f"?{parts.query}"
    try:
        conn.request(method, target, body=body, headers={**headers, "Connection": "close"})
        response = conn.getresponse()
        limit = max_answer if 200 <= response.status < 300 else ERROR_BODY
        data = _read(response, limit, where, max_answer)
        return Answer(response.status, data, response.getheader("Content-Type", "") or "",
                      tuple(response.headers.get_all("WWW-Authenticate") or ()),
                      response.getheader("Location", "") or "", response.getheader("Retry-After", "") or "")
    except (OSError, http.client.HTTPException) as err:
        if fired.is_set() or isinstance(err, TimeoutError | socket.timeout):
            raise _late(where, deadline) from None
        reason = _transport(err)
        if isinstance(err, http.client.IncompleteRead | http.client.RemoteDisconnected):
            raise UnreachableError(where, reason, "is the store healthy?", what=reason) from None
        raise UnreachableError(where, reason, "is the store running? check the URL") from None
    finally:
        watchdog.cancel()
        conn.close()


def _read(response: http.client.HTTPResponse, limit: int, where: str, max_answer: int) -> bytes:
    declared = response.getheader("Content-Length")
    if limit == max_answer and declared and declared.isdigit() and int(declared) > max_answer:
        raise _too_big(where, max_answer)
    chunks, size = [], 0
    while True:
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > limit and limit == max_answer:
            raise _too_big(where, max_answer)
        chunks.append(chunk)
        if size > limit:  # an error answer: its beginning is enough for the message
            return b"".join(chunks)[:limit]
    if response.length:
        cut = f"the answer was cut off after {size} bytes ({response.length} more were announced)"
        raise UnreachableError(where, cut, "is the store healthy?", what=cut)
    return b"".join(chunks)


def _cut(conn: http.client.HTTPConnection, fired: threading.Event) -> None:
    """The watchdog: time is up, so end the exchange wherever it is."""
    fired.set()
    sock = conn.sock
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _late(where: str, deadline: Deadline) -> UnreachableError:
    late = f"no complete answer within {deadline.seconds:g} s"
    return UnreachableError(where, late, "raise --timeout if the store is slow", retryable=False, what=late)


def _too_big(where: str, max_answer: int) -> UnreachableError:
    big = f"answered more than {max_answer / 1e6:g} MB"
    return UnreachableError(where, big, "narrow the query (a parameter or LIMIT) or raise --max-answer",
                            retryable=False, what=big)


def _transport(err: BaseException) -> str:
    if isinstance(err, http.client.IncompleteRead):
        return f"the answer was cut off after {len(err.partial)} bytes"
    if isinstance(err, http.client.RemoteDisconnected):
        return "the store closed the connection without answering"
    if isinstance(err, ConnectionRefusedError):
        return "connection refused"
    return str(getattr(err, "strerror", None) or type(err).__name__)
