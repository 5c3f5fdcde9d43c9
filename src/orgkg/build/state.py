"""What a build leaves for the next one: ``sources.json`` in its version folder.

For each input it read: its outcome, its key (what its graph was made from),
the file of its named graph in ``graphs/``, and what the whole-build parts
take from it (reporting lines, posts, placements and vacancies for the
derived structure, titles for the title index, the posts it offers to and
asks of the directory mentions are joined through, and what its mentions
resolved to). Those parts are kept as JSON texts, each parsed only when the
next build needs it (``part``), a large one (a register's) in a file of its
own in ``parts/``, with a digest of each (``Sums``): when the digests of the
whole build are the same as the build before's, so is the part (the derived
structure, the title index, the directory), and the next build links it
instead of making it again.

A build into the folder reads only the inputs whose key it has no piece for
and links the other graphs' files from the build before, so its output is the
same as a full build's. Identity is the content's SHA-256; an input's size,
modification time (ns) and inode are only a cache key for its digest
(``files``): an input whose three are unchanged since the build before is not
hashed again.

The file says which orgkg wrote it (``fingerprint``: a digest of the
installed package's code and data); from another one, nothing is reused.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

from orgkg.build.model import Piece, Sums
from orgkg.errors import OutputError
from orgkg.graph.build import Outcome
from orgkg.graph.output import resolve
from orgkg.graph.store import GRAPHS, STORE

FILE = "sources.json"
#: Where parts larger than ``LARGE`` characters are kept, one file each (``AT`` and its name in the record).
PARTS_FOLDER = "parts"
LARGE = 65_536
AT = "@"
FORMAT = 2
_PACKAGE = Path(__file__).resolve().parents[1]
#: The parts of a piece kept as JSON texts and parsed when needed.
PARTS = ("lines", "posts", "units", "vacant", "titles", "offers", "asks", "resolution")
#: An input's stat as the digest cache keys it: size, modification time (ns), inode.
Stat = tuple[int, int, int]


@cache
def fingerprint() -> str:
    """A digest of orgkg's own files: a build made by other code reuses nothing."""
    h = hashlib.sha256(f"format {FORMAT}".encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".toml", ".json", ".ttl", ".txt", ".csv"):
            h.update(str(path.relative_to(_PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@dataclass(frozen=True)
class Totals:
    """Digests of a whole build's parts (``sums``), and the id of the build that wrote its title index."""

    structure: str
    directory: str
    titles: str
    titles_build: str | None = None


@dataclass(frozen=True)
class Previous:
    """The build in the output folder, as far as the next build can reuse it."""

    version: Path
    pieces: dict[str, Piece]  # by key
    files: dict[str, tuple[Stat, str]]  # by path: the stat and SHA-256 it had
    totals: Totals | None

    @property
    def graphs(self) -> Path:
        return self.version / GRAPHS

    @property
    def store(self) -> Path:
        return self.version / STORE


def previous(folder: Path) -> Previous | None:
    """The reusable build in ``folder``: None when there is none, or orgkg other than this wrote it."""
    version = resolve(folder)
    try:
        data = json.loads((version / FILE).read_text(encoding="utf-8"))
        if data.get("orgkg") != fingerprint() or not (version / GRAPHS).is_dir():
            return None
        pieces = {}
        for record in data["pieces"]:
            piece = _piece(record, version / PARTS_FOLDER)
            if piece.key is not None:
                pieces[piece.key] = piece
        files = {path: ((int(a), int(b), int(c)), str(d)) for path, (a, b, c, d) in data["files"].items()}
        totals = Totals(**data["totals"]) if data.get("totals") else None
        return Previous(version, pieces, files, totals)
    except (OSError, ValueError, KeyError, TypeError):  # an older build, or a damaged file: read everything
        return None


def save(version: Path, pieces: Iterable[Piece], files: dict[str, tuple[Stat, str]], totals: Totals) -> None:
    """Write ``sources.json``; a large part goes to a file of its own in ``parts/`` (linked from
    the build before when the piece is kept), so the small file is read and written quickly."""
    folder = version / PARTS_FOLDER
    folder.mkdir()
    data = {"orgkg": fingerprint(), "pieces": [_record(p, folder) for p in pieces],
            "files": {path: [*st, digest] for path, (st, digest) in files.items()}, "totals": vars(totals)}
    (version / FILE).write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")


def part(p: Piece, name: str) -> Any:
    """One part of a piece (``lines``, ``offers`` ...), parsed alone if it is kept as text."""
    if p.stored is None or name not in p.stored:
        return getattr(p, name)
    stored = p.stored[name]
    where = stored[1:] if stored.startswith(AT) else FILE
    try:
        text = Path(where).read_text(encoding="utf-8") if stored.startswith(AT) else stored
        return _PARSE[name](json.loads(text))
    except (OSError, ValueError, TypeError) as err:  # a file of parts/ removed or changed by hand
        raise OutputError(where, f"the {name} the build before kept here are missing or damaged ({err})",
                          "build again with --full") from None


_PARSE: dict[str, Any] = {
    "lines": lambda v: tuple((a, b) for a, b in v),
    "posts": tuple,
    "units": lambda v: tuple((a, b) for a, b in v),
    "vacant": tuple,
    "titles": lambda v: tuple((a, b) for a, b in v),
    "offers": lambda v: tuple(((k1, k2), post) for (k1, k2), post in v),
    "asks": lambda v: tuple((mention, (k1, k2)) for mention, (k1, k2) in v),
    "resolution": lambda v: tuple((mention, tuple(found)) for mention, found in v),
}


def _record(p: Piece, folder: Path) -> dict[str, Any]:
    texts = p.stored if p.stored is not None else {}
    parts = {}
    for name in PARTS:
        text = texts.get(name) or json.dumps(getattr(p, name), separators=(",", ":"))
        if text.startswith(AT):  # a large part of the build before: its file, linked
            file = folder / Path(text[1:]).name
            os.link(text[1:], file)
            text = AT + file.name
        elif len(text) > LARGE:
            file = folder / f"{hashlib.sha256(f'{p.key} {name}'.encode()).hexdigest()[:32]}.json"
            file.write_text(text, encoding="utf-8")
            text = AT + file.name
        parts[name] = text
    return {"outcome": vars(p.outcome), "key": p.key, "graph": p.graph, "sums": list(p.sums or ()), **parts}


_TUPLES = {f.name for f in fields(Outcome) if f.type in ("tuple[str, ...]",)}


def _piece(r: dict[str, Any], folder: Path) -> Piece:
    values: dict[str, Any] = {k: tuple(v) if k in _TUPLES else v for k, v in r["outcome"].items()}
    outcome = Outcome(**{**values, "reused": True})  # a piece of the build before is only ever kept
    sums = Sums(*r["sums"]) if r["sums"] else None
    stored = {name: AT + str(folder / r[name][1:]) if r[name].startswith(AT) else r[name] for name in PARTS}
    return Piece(outcome, r["key"], r["graph"], sums=sums, stored=stored)
