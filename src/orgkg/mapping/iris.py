"""Minting IRIs from stable keys: never raw text pasted into an IRI.

An IRI is ``BASE + kind + "/" + slug + "-" + digest``: the slug (lower-case
ASCII letters, digits and hyphens, at most 48 characters) keeps it readable,
the digest of the full normalised key keeps it unique. The same key always
gives the same IRI, so building the same documents twice gives the same graph
and a title that is written with different spacing, case or punctuation
still names the same thing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from rdflib import URIRef

BASE = "https://w3id.org/orgkg/id/"


LOWER_WORD = re.compile(r"[a-z]+")
NOT_ALNUM = re.compile(r"[^a-z0-9]+")
SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """The matching key of a name: case, accents, punctuation and spacing folded."""
    if text.isascii() and text.isalnum():  # a position number, a code: nothing to fold but case
        return text.lower()
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    t = t.casefold().replace("&", " and ")
    t = NOT_ALNUM.sub(" ", t)
    return SPACES.sub(" ", t).strip()


def slug(text: str, limit: int = 48) -> str:
    s = normalise(text).replace(" ", "-")[:limit].strip("-")
    return s or "x"


@lru_cache(maxsize=1 << 16)  # a register names the same units, classes and levels on many rows
def mint(kind: str, *key: str, label: str | None = None) -> URIRef:
    """The IRI of a ``kind`` of thing (``post``, ``org`` ...) named by ``key`` parts.

    ``label`` (or else the last key part) gives the readable slug; the key
    parts alone give the digest, so the label never changes what is named.
    """
    return URIRef(minted(kind, *key, label=label))


def minted(kind: str, *key: str, label: str | None = None) -> str:
    """``mint``'s IRI as a string (a register's rows write it as text: no rdflib term per row)."""
    if kind not in _KINDS:
        if not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", kind):
            raise ValueError(f"not an IRI kind: {kind!r}")
        _KINDS.add(kind)
    parts = [normalise(k) for k in key]
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]
    readable = label if label is not None else (key[-1] if key else "")
    return f"{BASE}{kind}/{slug(readable)}-{digest}"


_KINDS: set[str] = set()


def child(parent: URIRef, kind: str, index: int) -> URIRef:
    """A numbered part of a minted thing: ``<parent>/duty/3``."""
    if index < 1 or not LOWER_WORD.fullmatch(kind):
        raise ValueError(f"bad child IRI part: {kind!r} {index}")
    return URIRef(f"{parent}/{kind}/{index}")


def part(parent: URIRef, name: str) -> URIRef:
    """A named part of a minted thing: ``<parent>/body``."""
    if not LOWER_WORD.fullmatch(name):
        raise ValueError(f"bad IRI part: {name!r}")
    return URIRef(f"{parent}/{name}")
