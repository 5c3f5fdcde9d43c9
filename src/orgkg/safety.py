"""Safe by default: commands that work on local files make no network connection.

``offline`` turns on a process-wide audit hook (PEP 578) that refuses
``socket.connect``, ``socket.getaddrinfo`` and ``urllib.Request`` for the
duration of a block (commands that talk to an ``--endpoint`` do not enter
one). The refusal is raised inside the library that tried
(rdflib fetching a JSON-LD ``@context``, a SPARQL ``SERVICE``, owlready2
following ``owl:imports`` ...), before any packet is sent.
"""

from __future__ import annotations

import sys
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from orgkg.errors import OrgkgError


class NetworkRefusedError(OrgkgError, PermissionError):
    """Something tried to reach the network while orgkg was working offline."""


class _Guard:
    def __init__(self) -> None:
        self.depth = 0
        self.where = ""
        self.installed = False

    def hook(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.depth:
            return
        host = None
        if event == "socket.connect" and isinstance(args[1], tuple):
            host = str(args[1][0])
        elif event == "socket.getaddrinfo":
            host = str(args[0])
        elif event == "urllib.Request":
            host = urllib.parse.urlsplit(str(args[0])).hostname or str(args[0])
        if host is not None:
            raise NetworkRefusedError(self.where, f"refused a network connection to {host}",
                                 "orgkg works offline; pass --allow-network to permit it")


_GUARD = _Guard()


@contextmanager
def offline(where: str = "orgkg") -> Iterator[None]:
    """Refuse network access inside the block."""
    if not _GUARD.installed:
        sys.addaudithook(_GUARD.hook)
        _GUARD.installed = True
    saved = _GUARD.where
    _GUARD.where = where
    _GUARD.depth += 1
    try:
        yield
    finally:
        _GUARD.depth -= 1
        _GUARD.where = saved
