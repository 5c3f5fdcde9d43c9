"""The build's typed data: its options, each input's part of it, and the report it returns."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from orgkg.graph.build import Outcome
from orgkg.graph.identity import Ask, Offer, Resolution
from orgkg.graph.listings import Facts
from orgkg.read import Limits

Line = tuple[str, str]
#: The parts of a piece a build keeps for the next one, as JSON texts in a pack (``state``).
PARTS = ("lines", "posts", "units", "vacant", "titles", "offers", "asks", "resolution", "listed")


@dataclass(frozen=True, kw_only=True)
class BuildOptions:
    """How to build.

    ``workers``: processes reading documents (None: one per core; a build of
    a few documents reads them in this process). ``incremental``: reuse what
    the build already in the output folder read from the same content.
    ``follow_links``: follow symbolic links out of the given folders.
    """

    limits: Limits = field(default_factory=Limits)
    strict: bool = False
    wait: bool = False
    columns: Mapping[str, str] | None = None
    workers: int | None = None
    incremental: bool = True
    follow_links: bool = False


class Sums(NamedTuple):
    """Digests of what a piece gives the whole-build parts: the same digests, the same parts."""

    structure: str  # its reporting lines, posts, placements and vacancies (the derived structure)
    directory: str  # the posts it offers to the directory mentions are joined through
    titles: str  # its (post, title) pairs (the title index)
    listed: str  # what the listings read of it besides the structure's parts (``graph.listings.Facts``)


def digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, separators=(",", ":")).encode("utf-8")).hexdigest()


def total(sums: Iterable[str]) -> str:
    """The digest of a whole build's part from its pieces' digests (a multiset: order does not count)."""
    return digest(sorted(sums))


class Packs:
    """The pack files of a build's ``parts/``, each read once, when a part of it is first needed."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self._read: dict[str, bytes] = {}

    def read(self, path: str) -> bytes:
        if path not in self._read:
            with open(path, "rb") as handle:
                self._read[path] = handle.read()
        return self._read[path]


@dataclass(frozen=True)
class Stored:
    """Where the parts of a piece kept from the build before are: a pack file, an offset, and each
    part's length (``PARTS`` order)."""

    packs: Packs
    pack: str
    offset: int
    lengths: tuple[int, ...]

    def text(self, name: str) -> bytes:
        """One part's JSON text; ``OSError`` or ``ValueError`` when the pack is gone or too short."""
        i = PARTS.index(name)
        start = self.offset + sum(self.lengths[:i])
        data = self.packs.read(self.pack)[start:start + self.lengths[i]]
        if len(data) != self.lengths[i]:
            raise ValueError("shorter than it was written")
        return data


_NO_FACTS = Facts()


@dataclass(frozen=True)
class Piece:
    """One input's part of a build: what happened to it, where its named graph is written, and
    what the whole-build parts (the derived structure, the title index, joined mentions) take from it.

    ``key`` says what the graph was made from (content digest, the name its IRIs are minted
    from, options): the same key and the same ``resolution`` give the same graph. ``offers``
    and ``asks`` are its part of the directory mentions are joined through
    (``graph.identity``), ``resolution`` what its mentions resolved to; a change of the
    directory re-reads only the documents whose mentions resolve differently. ``raw`` (its triples
    as JSON, ``work.dump``, while the build runs) is the graph before its mentions are joined,
    kept in case they join another post (``block`` is written as if they join none).
    """

    outcome: Outcome
    key: str | None = None
    graph: str | None = None
    block: bytes | None = None  # the named graph's block as its file holds it (while it is being written)
    facts: tuple[int, int] | None = None  # where the block's facts are (``graph.store.Block``)
    lines: tuple[Line, ...] = ()
    posts: tuple[str, ...] = ()
    titles: tuple[tuple[str, str], ...] = ()
    offers: tuple[Offer, ...] = ()
    asks: tuple[Ask, ...] = ()
    resolution: Resolution = ()
    units: tuple[Line, ...] = ()  # (post, unit) of org:postIn, for the structure's figures
    vacant: tuple[str, ...] = ()  # posts marked orgkg:vacant true
    listed: Facts = _NO_FACTS  # primary titles, descriptions, levels, stated spans: for the listing index
    raw: bytes | None = None
    sums: Sums | None = None
    stored: Stored | None = None  # where its parts are, when kept from the build before
    said: str | None = None  # its outcome as the build before wrote it (JSON): the report's line, as is


def sums(p: Piece) -> Sums:
    """The digests of a piece read in this build (a kept one has them already)."""
    if p.sums is not None:
        return p.sums
    structure = [sorted(set(p.lines)), sorted(set(p.posts)), sorted(set(p.units)), sorted(set(p.vacant))]
    return Sums(digest(structure), digest(sorted(p.offers)), digest(sorted(p.titles)),
                digest([sorted({str(fact) for fact in f}) for f in p.listed]))


@dataclass(frozen=True)
class BuildReport:
    """What a build did: every input's outcome (in input order) and the build's totals.

    ``reused``, ``read`` and ``removed`` are paths: inputs whose graph was
    kept from the build before (same content), inputs read now, and inputs of
    the build before whose graphs are gone. ``seconds`` times each step.
    """

    folder: Path
    outcomes: list[Outcome]
    trig: Path | None = None  # graphs/, the TriG files; None: nothing written (--strict stopped the build)
    reused: tuple[str, ...] = ()
    read: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    incremental: bool = False  # a build in the folder was reused
    graphs: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def positions(self) -> int:
        return sum(o.positions for o in self.outcomes)

    @property
    def triples(self) -> int:
        return sum(o.triples for o in self.outcomes)

    @property
    def stopped(self) -> bool:
        return self.trig is None

    @property
    def problems(self) -> bool:
        """A document failed, or a register row was bad."""
        return any(o.status == "failed" or o.problems for o in self.outcomes)

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)
