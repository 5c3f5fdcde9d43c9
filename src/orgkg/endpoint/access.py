"""Endpoint URLs and credentials, shared by remote queries and publishing.

An endpoint must be an ``http(s)`` URL without a user or password in it
(a ``file:`` URL would read a local file, and a password on the
command line shows in the process list). Credentials come from the
``ORGKG_USER``/``ORGKG_PASSWORD`` environment variables or from a netrc file
(``NETRC`` or ``~/.netrc``), and are never printed: errors name the endpoint
by its scheme, host, port and path only.
"""

from __future__ import annotations

import base64
import netrc
import os
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from orgkg.errors import EndpointError

USER_VAR, PASSWORD_VAR = "ORGKG_USER", "ORGKG_PASSWORD"


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str = field(repr=False)

    def header(self) -> str:
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
        return f"Basic {token}"


def check_url(url: str) -> str:
    """The URL if it is a plain http(s) URL; an EndpointError otherwise (without echoing secrets)."""
    if any(c.isspace() or not c.isprintable() for c in url):
        raise EndpointError("--endpoint", "is not a valid URL (it holds a space or a control character)",
                            "percent-encode it")
    try:
        parts = urllib.parse.urlsplit(url)
        _ = parts.port
    except ValueError as err:
        raise EndpointError("--endpoint", f"is not a valid URL ({err})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointError("--endpoint", "must be an http:// or https:// URL")
    if parts.username is not None or parts.password is not None:
        raise EndpointError(f"{parts.scheme}://{parts.hostname}", "the URL carries credentials",
                            f"put them in {USER_VAR}/{PASSWORD_VAR} or a netrc file instead")
    return url


def display(url: str) -> str:
    """The URL as errors show it: no query string, no credentials, no control characters."""
    try:
        p = urllib.parse.urlsplit(url)
        port = f":{p.port}" if p.port else ""
    except ValueError:
        return "(an invalid URL)"
    shown = f"{p.scheme}://{p.hostname}{port}{p.path}"
    return "".join(c if c.isprintable() and not c.isspace() else f"\\x{ord(c):02x}" for c in shown)


def credentials(url: str) -> Credentials | None:
    """Credentials for the endpoint's host: environment first, then netrc."""
    user, password = os.environ.get(USER_VAR), os.environ.get(PASSWORD_VAR)
    if user and password is not None:
        return Credentials(user, password)
    path = Path(os.environ.get("NETRC", Path.home() / ".netrc"))
    host = urllib.parse.urlsplit(url).hostname or ""
    if not path.is_file():
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(host)
    except (netrc.NetrcParseError, OSError) as err:
        raise EndpointError(str(path), f"cannot read the netrc file ({type(err).__name__})") from None
    if entry is None:
        return None
    login, _account, secret = entry
    return Credentials(login or "", secret or "")


def redact(text: str, url: str) -> str:
    """The text with the values of the URL's query string (API keys ...) blanked out."""
    for _name, value in urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query):
        if len(value) >= 3:
            text = text.replace(value, "***").replace(urllib.parse.quote(value, safe=""), "***")
    return text
