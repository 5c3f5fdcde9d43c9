"""What a build leaves for the next one: ``sources.json`` in its version folder.

For each input it read: its outcome, its key (what its graph was made from),
where its named graph sits in that version's ``graph.trig`` (byte offset and
length), and what the whole-build parts take from it (reporting lines,
posts, titles, the posts it offers to and asks of the directory mentions are
joined through, and what its mentions resolved to); and the same for
the derived structure graph. A build into the folder reads only the inputs
whose key it has no piece for, and copies the other graphs' bytes from the
old ``graph.trig``, so its output is the same as a full build's.

The file says which orgkg wrote it (``fingerprint``: a digest of the
installed package's code and data); from another one, nothing is reused.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from functools import cache
from pathlib import Path
from typing import Any

from orgkg.build.model import Piece
from orgkg.graph.build import Outcome
from orgkg.graph.output import resolve
from orgkg.graph.store import STORE, TRIG

FILE = "sources.json"
FORMAT = 1
_PACKAGE = Path(__file__).resolve().parents[1]


@cache
def fingerprint() -> str:
    """A digest of orgkg's own files: a build made by other code reuses nothing."""
    h = hashlib.sha256(f"format {FORMAT}".encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".toml", ".json", ".ttl", ".txt", ".csv"):
            h.update(str(path.relative_to(_PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@dataclass(frozen=True)
class Placed:
    """A piece of an earlier build, and where its graph's bytes are in that build's graph.trig."""

    piece: Piece
    offset: int
    length: int


@dataclass(frozen=True)
class Previous:
    """The build in the output folder, as far as the next build can reuse it."""

    version: Path
    pieces: dict[str, Placed]  # by key
    structure: tuple[str, int, int] | None  # digest of its input, offset, length

    @property
    def trig(self) -> Path:
        return self.version / TRIG

    @property
    def store(self) -> Path:
        return self.version / STORE


def previous(folder: Path) -> Previous | None:
    """The reusable build in ``folder``: None when there is none, or orgkg other than this wrote it."""
    version = resolve(folder)
    try:
        data = json.loads((version / FILE).read_text(encoding="utf-8"))
        if data.get("orgkg") != fingerprint() or not (version / TRIG).is_file():
            return None
        pieces = {}
        for record in data["pieces"]:
            placed = Placed(_piece(record), int(record["offset"]), int(record["length"]))
            if placed.piece.key is not None:
                pieces[placed.piece.key] = placed
        structure = data.get("structure")
        return Previous(version, pieces, tuple(structure) if structure else None)
    except (OSError, ValueError, KeyError, TypeError):  # an older build, or a damaged file: read everything
        return None


def save(version: Path, placed: Iterable[Placed], structure: tuple[str, int, int] | None) -> None:
    records = [{**_record(p.piece), "offset": p.offset, "length": p.length} for p in placed]
    data = {"orgkg": fingerprint(), "pieces": records, "structure": list(structure) if structure else None}
    (version / FILE).write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")


def _record(p: Piece) -> dict[str, Any]:
    return {"outcome": vars(p.outcome), "key": p.key, "graph": p.graph, "lines": p.lines, "posts": p.posts,
            "units": p.units, "vacant": p.vacant,
            "titles": p.titles, "offers": p.offers, "asks": p.asks, "resolution": p.resolution}


_TUPLES = {f.name for f in fields(Outcome) if f.type in ("tuple[str, ...]",)}


def _piece(r: dict[str, Any]) -> Piece:
    values: dict[str, Any] = {k: tuple(v) if k in _TUPLES else v for k, v in r["outcome"].items()}
    outcome = Outcome(**values)
    return Piece(replace(outcome, reused=False), r["key"], r["graph"], None,
                 tuple((a, b) for a, b in r["lines"]), tuple(r["posts"]),
                 tuple((a, b) for a, b in r["titles"]),
                 tuple(((k1, k2), post) for (k1, k2), post in r["offers"]),
                 tuple((mention, (k1, k2)) for mention, (k1, k2) in r["asks"]),
                 tuple((mention, tuple(found)) for mention, found in r["resolution"]),
                 units=tuple((a, b) for a, b in r["units"]), vacant=tuple(r["vacant"]))
