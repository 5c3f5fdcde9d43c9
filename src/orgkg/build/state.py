"""What a build leaves for the next one: ``sources.json``, ``outcomes.jsonl`` and ``parts/`` in
its version folder.

For each input it read: its outcome, its key (what its graph was made from),
the file of its named graph in ``graphs/``, and what the whole-build parts
take from it (reporting lines, posts, placements and vacancies for the
derived structure, titles for the title index, the posts it offers to and
asks of the directory mentions are joined through, and what its mentions
resolved to). Those parts are kept as JSON texts in pack files of ``parts/``
(``Stored``: a pack, an offset and each part's length), each parsed only when
the next build needs it (``part``), the offers one a line, so that those
naming a key or post are found and parsed alone (``naming``), with a digest of each (``Sums``): when the
digests of the whole build are the same as the build before's, so is the part
(the derived structure, the title index, the directory), and the next build
links it instead of making it again. ``sources.json`` itself holds only the
keys, graphs, digests and where the parts are, and ``outcomes.jsonl`` each
outcome as one line of the report (a kept piece's line is written again as
it is, not encoded again), so reading and writing them costs little; a build
adds one pack (the parts of what it read) and links the packs of the build
before it still uses, writing again the parts it keeps from a pack that is
mostly unused or one too many (``PACKS``): a build that changed one document
parses and encodes no part of the others.

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

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from functools import cache
from pathlib import Path
from typing import Any

from orgkg.build.model import PARTS, Packs, Piece, Stored, Sums
from orgkg.errors import OutputError
from orgkg.graph.build import Outcome
from orgkg.graph.listings import Facts
from orgkg.graph.output import resolve
from orgkg.graph.store import GRAPHS, STORE

FILE = "sources.json"
#: Each piece's outcome, one JSON line per piece in the order of ``sources.json``'s (as the report
#: writes it once the piece is kept: read back, a kept piece's line is written again as it is).
OUTCOMES = "outcomes.jsonl"
#: Where the pieces' parts are kept: pack files, each the parts of the inputs one build read.
PARTS_FOLDER = "parts"
#: At most this many packs of the build before are linked into a build (the others' parts are copied).
PACKS = 8
#: The parts kept one JSON text a line (a line found by what it names is parsed alone: ``naming``).
LINED = ("offers",)
FORMAT = 6
_PACKAGE = Path(__file__).resolve().parents[1]
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
    """Digests of a whole build's parts (``sums``), and the ids of the builds that wrote its title and
    listing indexes."""

    structure: str
    directory: str
    titles: str
    titles_build: str | None = None
    listed: str = ""  # the listings' own facts (``graph.listings.Facts``), beside the structure's
    listings_build: str | None = None  # the build that wrote the listing index
    #: the listing index's stat in this build's folder (``graph.listings.seen``), taken before this file
    #: is written: the next build reads the index's pages again only when it changed (``listings.sound``)
    listings_seen: tuple[int, int, int] | None = None


@dataclass(frozen=True)
class Previous:
    """The build in the output folder, as far as the next build can reuse it."""

    version: Path
    pieces: dict[str, Piece]  # by key
    files: dict[str, tuple[Stat, str]]  # by path: the stat and SHA-256 it had
    totals: Totals | None
    graphs: str = ""  # its graphs/ folder

    @property
    def store(self) -> Path:
        return self.version / STORE


def previous(folder: Path) -> Previous | None:
    """The reusable build in ``folder``: None when there is none, or orgkg other than this wrote it."""
    version = resolve(folder)
    try:
        data = json.loads((version / FILE).read_bytes())
        if data.get("orgkg") != fingerprint() or not (version / GRAPHS).is_dir():
            return None
        said = (version / OUTCOMES).read_text(encoding="utf-8").split("\n")
        outcomes = json.loads("[" + ",".join(said[:len(data["pieces"])]) + "]")
        if len(outcomes) != len(data["pieces"]):
            raise ValueError("an outcome for each piece")
        pieces = {}
        packs = Packs(str(version / PARTS_FOLDER))
        for record, outcome, text in zip(data["pieces"], outcomes, said, strict=False):
            piece = _piece(record, outcome, text, packs)
            if piece.key is not None:
                pieces[piece.key] = piece
        files = {path: ((int(a), int(b), int(c)), str(d)) for path, (a, b, c, d) in data["files"].items()}
        totals = Totals(**data["totals"]) if data.get("totals") else None
        return Previous(version, pieces, files, totals, str(version / GRAPHS))
    except (OSError, ValueError, KeyError, TypeError):  # an older build, or a damaged file: read everything
        return None


def save(version: Path, pieces: Iterable[Piece], files: dict[str, tuple[Stat, str]], totals: Totals) -> None:
    """Write ``sources.json`` and ``parts/``: the packs of the build before that it still uses
    (linked), and a new pack with the other parts."""
    pieces = list(pieces)
    folder = version / PARTS_FOLDER
    folder.mkdir()
    kept = _kept_packs(pieces)
    new = folder / f"{version.name}.json"
    records = []
    with open(new, "wb") as pack:
        for p in pieces:
            at = p.stored
            if at is not None and at.pack in kept:
                records.append(_record(p, [kept[at.pack], at.offset, list(at.lengths)]))
                continue
            texts = _texts(p)
            records.append(_record(p, [new.name, pack.tell(), [len(t) for t in texts]]))
            pack.write(b"".join(texts))
        empty = pack.tell() == 0
    if empty:
        new.unlink()
    for path, name in kept.items():
        os.link(path, folder / name)
    data = {"orgkg": fingerprint(), "pieces": records,
            "files": {path: [*st, digest] for path, (st, digest) in files.items()}, "totals": vars(totals)}
    (version / FILE).write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    (version / OUTCOMES).write_text("\n".join(_said(p) for p in pieces) + "\n", encoding="utf-8")


def _said(p: Piece) -> str:
    """A piece's outcome as a kept piece's (``reused``), as the report writes it."""
    if p.said is not None:
        return p.said
    return json.dumps(vars(p.outcome if p.outcome.reused else replace(p.outcome, reused=True)))


def _kept_packs(pieces: list[Piece]) -> dict[str, str]:
    """The packs of the build before to link (path -> file name): at most ``PACKS``, the largest
    that this build still uses at least half of."""
    used: dict[str, int] = {}
    for p in pieces:
        if p.stored is not None:
            used[p.stored.pack] = used.get(p.stored.pack, 0) + sum(p.stored.lengths)
    sizes = {}
    for path in used:
        with contextlib.suppress(OSError):  # gone: its parts are read (and fail) below
            sizes[path] = os.stat(path).st_size
    worth = sorted((path for path in sizes if 2 * used[path] >= sizes[path]), key=lambda p: -sizes[p])
    return {path: os.path.basename(path) for path in worth[:PACKS]}


def _texts(p: Piece) -> list[bytes]:
    """A piece's parts as JSON texts, in ``PARTS`` order (a kept piece's as its pack holds them): a
    part of ``LINED`` one JSON text a line (JSON writes a line break in a string as ``\\n``)."""
    if p.stored is not None:
        return [p.stored.text(name) for name in PARTS]
    return [b"\n".join(map(_json, getattr(p, name))) if name in LINED else _json(getattr(p, name))
            for name in PARTS]


def _json(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode("utf-8")


def part(p: Piece, name: str) -> Any:
    """One part of a piece (``lines``, ``offers`` ...), parsed alone if it is kept in a pack."""
    if p.stored is None:
        return getattr(p, name)
    with _kept(p, name):
        text = p.stored.text(name)
        return _PARSE[name](json.loads(b"[" + text.replace(b"\n", b",") + b"]" if name in LINED else text))


def needles(values: Iterable[Any]) -> list[bytes]:
    """Values (keys, posts) as the parts' JSON texts write them, to look for with ``naming``."""
    return [_json(value) for value in values]


def naming(p: Piece, name: str, looked: Sequence[bytes]) -> Any:
    """What of one part of a piece may name one of the values ``looked`` (``needles``): for a kept
    piece, the part's values whose JSON line holds one (a part of ``LINED``), or the whole part if its
    text holds one, else nothing; for a piece read now, the whole part. The caller keeps those that
    do: the text is only looked through, and only what may match is parsed."""
    if p.stored is None:
        return getattr(p, name)
    with _kept(p, name):
        text = p.stored.text(name)
        if name not in LINED:
            return part(p, name) if any(needle in text for needle in looked) else ()
        found = set()
        for needle in looked:
            at = text.find(needle)
            while at >= 0:
                start, end = text.rfind(b"\n", 0, at) + 1, text.find(b"\n", at)
                found.add((start, len(text) if end < 0 else end))
                at = -1 if end < 0 else text.find(needle, end)
        if not found:
            return ()
        return _PARSE[name](json.loads(b"[" + b",".join(text[a:b] for a, b in sorted(found)) + b"]"))


@contextlib.contextmanager
def _kept(p: Piece, name: str) -> Iterator[None]:
    """A part of the build before's read: a file of parts/ removed or changed by hand is one error."""
    try:
        yield
    except (OSError, ValueError, TypeError) as err:
        assert p.stored is not None
        raise OutputError(p.stored.pack, f"the {name} the build before kept here are missing or damaged "
                          f"({err})", "build again with --full") from None


_PARSE: dict[str, Any] = {
    "lines": lambda v: tuple((a, b) for a, b in v),
    "posts": tuple,
    "units": lambda v: tuple((a, b) for a, b in v),
    "vacant": tuple,
    "titles": lambda v: tuple((a, b) for a, b in v),
    "offers": lambda v: tuple(((k1, k2), post) for (k1, k2), post in v),
    "asks": lambda v: tuple((mention, (k1, k2)) for mention, (k1, k2) in v),
    "resolution": lambda v: tuple((mention, tuple(found)) for mention, found in v),
    "listed": Facts.from_json,
}


def _record(p: Piece, at: list[Any]) -> list[Any]:
    return [p.key, p.graph, list(p.sums or ()), at]


_TUPLES = {f.name for f in fields(Outcome) if f.type in ("tuple[str, ...]",)}


def _piece(r: list[Any], outcome: dict[str, Any], said: str, packs: Packs) -> Piece:
    key, graph, digests, (name, offset, lengths) = r
    values: dict[str, Any] = {k: tuple(v) if k in _TUPLES else v for k, v in outcome.items()}
    if not values.get("reused"):  # a piece of the build before is only ever kept
        raise ValueError("not an outcome of a kept piece")
    stored = Stored(packs, os.path.join(packs.folder, name), int(offset), tuple(map(int, lengths)))
    return Piece(Outcome(**values), key, graph, sums=Sums(*digests) if digests else None, stored=stored,
                 said=said)
