"""The folder-level build: inputs -> an output folder, and a typed report of what happened.

    from orgkg.build import BuildOptions, build
    report = build([Path("data/documents")], Path("out"), BuildOptions(strict=False))
    report.outcomes, report.reused, report.read, report.removed, report.seconds

Used alike by ``orgkg build``, the tests and the benchmarks. Documents are
read on every core (``work``); a build into a folder that holds an earlier
build reads only the inputs whose content (SHA-256), name or options changed,
or whose mentions now resolve to other posts (``graph.identity``), keeps the
other named graphs' files (linked, ``write``), and removes the graphs of
inputs that are gone; its output is the same as a full build's. An input
whose size, modification time and inode are those the build before saw is
not hashed again (``state``). The folder switches to the new build as a
whole (``graph.output``).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from orgkg.build.directory import needed
from orgkg.build.model import BuildOptions, BuildReport, Piece, sums, total
from orgkg.build.state import Previous, Stat, previous
from orgkg.build.work import Job, Readers, reused
from orgkg.build.write import Loader, Source, Spill, write_version
from orgkg.errors import InputError, NoDocumentsError
from orgkg.graph.build import NOT_A_POSITION, Found, collect, duplicate, same_content, shared_names, skipped
from orgkg.graph.identity import resolve
from orgkg.graph.output import Output
from orgkg.graph.store import GRAPHS, graph_file
from orgkg.read import READERS, load_bytes
from orgkg.read.table import SUFFIXES as TABLES
from orgkg.read.table import is_table
from orgkg.safety import offline

__all__ = ["BuildOptions", "BuildReport", "build"]

Slot = tuple[Piece, Source | None]


def build(paths: Sequence[Path], out: Path, options: BuildOptions | None = None, *,
          on_piece: Callable[[Piece], None] | None = None) -> BuildReport:
    """Build ``paths`` (files and folders) into the output folder ``out``.

    ``on_piece`` is called with each input's piece as soon as it is known, in
    input order (the command prints a line per document from it). Raises
    ``NoDocumentsError`` when the inputs hold nothing orgkg reads, and
    ``OutputError`` when ``out`` cannot be written; a bad document is never
    an exception, only its outcome. With ``strict``, the first failure stops
    the build and nothing is written (``report.stopped``).
    """
    options = options or BuildOptions()
    clock = _Clock()
    files = list(collect(paths, follow_links=options.follow_links))
    if not any(found.explicit or skipped(found) is None for found in files):
        kinds = ", ".join(sorted([*READERS, *TABLES]))
        raise NoDocumentsError(", ".join(map(str, paths)), f"no documents found (orgkg reads {kinds}); "
                               f"nothing written to {out}")
    with offline("orgkg build"), Output.open(out, wait=options.wait) as output:
        prev = previous(out) if options.incremental and not output.created else None
        started = time.time_ns()
        plan, jobs, digests = _plan(files, options, prev)
        clock.lap("hash")
        version = output.new_version()
        spill = Spill(version)
        todo = [x for x in plan if isinstance(x, Job)]
        loader: Loader | None = None
        try:
            with Readers(todo, options.workers) as readers:
                loader = Loader(version, len(todo)) if prev is None else None  # after the pool's fork
                slots, pending, stopped = _read(plan, readers.read(todo), spill, options.strict, on_piece,
                                                loader)
                clock.lap("read")
                if stopped:
                    spill.close()
                    return BuildReport(out, [p.outcome for p, _ in slots], seconds=clock.seconds)
                slots = _join(slots, pending, jobs, readers, spill, prev)
                clock.lap("join")
            pieces = [p for p, _ in slots]
            said = {id(p.outcome): p.said for p in pieces if p.said is not None}  # kept as written
            report = [said.get(id(o)) or vars(o) for o in same_content([p.outcome for p in pieces])]
            trig, graphs, written = write_version(version, slots, spill, prev, report,
                                                  _cache(digests, started), loader)
            clock.lap("write")
        finally:
            if loader is not None:
                loader.close()
        output.publish(listed={GRAPHS: written})
        clock.lap("publish")
    keys = {p.key for p in pieces}
    gone = [kept.outcome.path for key, kept in (prev.pieces.items() if prev else []) if key not in keys]
    return BuildReport(out, same_content([p.outcome for p in pieces]), out / trig.name,
                       reused=tuple(p.outcome.path for p in pieces if p.outcome.reused),
                       read=tuple(p.outcome.path for p in pieces if not p.outcome.reused and p.graph),
                       removed=tuple(gone), incremental=prev is not None, graphs=graphs,
                       seconds=clock.seconds)


@dataclass(frozen=True)
class Twin:
    """An input with the same content as an earlier one (``first``): one source, read once."""

    path: Path
    first: str
    digest: str


Plan = list[Slot | Job | Twin]


#: Each input's stat and SHA-256, as this build found them.
Digests = dict[str, tuple[Stat, str]]


def _plan(files: list[Found], options: BuildOptions, prev: Previous | None,
          ) -> tuple[Plan, dict[int, Job], Digests]:
    """For each input: its piece when it needs no reading (skipped, the same content as an earlier
    input, or kept from ``prev``), else its job; the job of every input that could be read (a
    kept one is read again if its mentions now resolve otherwise); and each input's digest."""
    shared = shared_names(found.path for found in files)
    plan: Plan = []
    jobs: dict[int, Job] = {}
    seen: dict[str, str] = {}
    digests: Digests = {}
    for i, found in enumerate(files):
        path = found.path
        left = None if found.explicit else skipped(found)
        if left is not None:
            plan.append((Piece(left.outcome), None))
            continue
        digest = _digest(path, options, prev, digests)
        if digest is not None and digest in seen:
            plan.append(Twin(path, seen[digest], digest))
            continue
        if digest is not None:
            seen[digest] = str(path)
        key = _key(path, digest, options, shared)
        jobs[i] = Job(path, key, path.name in shared, options.limits, options.columns)
        kept = prev.pieces.get(key) if prev is not None and key is not None else None
        if prev is not None and kept is not None and kept.outcome.seconds <= (
                options.limits.timeout or float("inf")):
            source = Source(os.path.join(prev.graphs, graph_file(kept.graph)), 0, -1) if kept.graph else None
            plan.append((reused(kept, path), source))
        else:
            plan.append(jobs[i])
    return plan, jobs, digests


def _digest(path: Path, options: BuildOptions, prev: Previous | None, digests: Digests) -> str | None:
    """The SHA-256 of an input; None when its bytes cannot be read (it fails when read). The
    digest the build before found is taken when the file's size, modification time and inode
    are the same (a cache key only: identity is the digest)."""
    try:
        info = os.stat(path)
        stat: Stat | None = (info.st_size, info.st_mtime_ns, info.st_ino)
    except OSError:
        stat = None
    known = prev.files.get(str(path)) if prev is not None and stat is not None else None
    if known is not None and known[0] == stat:
        digests[str(path)] = known
        return known[1]
    try:
        digest = hashlib.sha256(load_bytes(path, options.limits)).hexdigest()
    except InputError:
        return None
    if stat is not None:
        digests[str(path)] = (stat, digest)
    return digest


#: A file changed less than this long before a build started may change again within the same
#: modification time: its digest is not kept for the next build, which hashes it again.
RACY_NS = 2_000_000_000


def _cache(digests: Digests, started: int) -> Digests:
    return {path: (stat, digest) for path, (stat, digest) in digests.items() if stat[1] < started - RACY_NS}


def _key(path: Path, digest: str | None, options: BuildOptions, shared: set[str]) -> str | None:
    """What an input's graph is made from: its content, the name its IRIs are minted from, and
    for a register the column names given."""
    if digest is None:
        return None
    name = f"{path.name}#{digest[:16]}" if path.name in shared else path.name
    columns = sorted((options.columns or {}).items()) if is_table(path) else []
    return f"{digest} {name} {columns}"


#: Graphs that wait for the directory: input index -> where its unjoined triples are spilled.
Pending = dict[int, Source]
#: Unjoined graphs are finished this many at a time (their triples are read back per batch).
BATCH = 256


def _read(plan: Plan, read: Iterator[Piece], spill: Spill, strict: bool,
          on_piece: Callable[[Piece], None] | None, loader: Loader | None = None,
          ) -> tuple[list[Slot], Pending, bool]:
    """Every input's piece in input order, new graphs spilled (and sent to ``loader``); the unjoined
    ones; and whether ``strict`` stopped at a failure."""
    slots: list[Slot] = []
    pending: Pending = {}
    for item in plan:
        if isinstance(item, Job):
            piece = next(read)
            slot, raw = _spilled(piece, spill)
            if loader is not None:
                loader.add(piece, slot[1])
            if raw is not None:
                pending[len(slots)] = raw
        elif isinstance(item, Twin):
            slot = _twin(item, next(p for p, _ in slots if p.outcome.path == item.first))
        else:
            slot = item
        slots.append(slot)
        if on_piece is not None:
            on_piece(slot[0])
        if strict and slot[0].outcome.status in ("failed", NOT_A_POSITION):
            return slots, pending, True
    return slots, pending, False


def _twin(twin: Twin, first: Piece) -> Slot:
    """A twin of a document read is that document; a twin of a file that failed fails alike."""
    if first.outcome.status == "ok":
        return Piece(duplicate(twin.path, twin.first, twin.digest)), None
    return Piece(replace(first.outcome, path=str(twin.path))), None


def _spilled(p: Piece, spill: Spill) -> tuple[Slot, Source | None]:
    """The piece's slot with its graph written to the spill file; and where its unjoined graph went."""
    raw = None if p.raw is None else spill.add(p.raw)
    if p.block is None:
        return (replace(p, raw=None), None), raw
    return (replace(p, block=None, facts=None, raw=None), spill.add(p.block, p.facts)), raw


def _join(slots: list[Slot], pending: Pending, jobs: dict[int, Job], readers: Readers,
          spill: Spill, prev: Previous | None) -> list[Slot]:
    """Join mentions across documents once every document's posts are known (the directory of
    ``graph.identity``): finish the unjoined graphs whose mentions join other posts (the others
    were written as read), and read again the kept graphs whose
    mentions now resolve otherwise than when they were written (none when the posts offered to
    the directory are those of the build before)."""
    same = (prev is not None and prev.totals is not None
            and total(sums(p).directory for p, _ in slots if p.graph is not None) == prev.totals.directory)
    if same and not pending:
        return slots
    need = needed([p for p, _ in slots], pending, prev, same)
    directory, named, again = need.directory, need.named, need.again
    for i, p in zip(again, readers.read([jobs[i] for i in again]), strict=True):
        slots[i], raw = _spilled(p, spill)
        if raw is not None:
            pending[i] = raw
    resolved = {i: resolve(slots[i][0].asks, directory, named) for i in pending}
    todo = sorted(i for i, found in resolved.items() if found != slots[i][0].resolution)  # others: as read
    for start in range(0, len(todo), BATCH):
        batch = todo[start:start + BATCH]
        items = [(slots[i][0], spill.read(pending[i]), resolved[i]) for i in batch]
        for i, p in zip(batch, readers.finish(items), strict=True):
            slots[i] = _spilled(p, spill)[0]
    return slots


class _Clock:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.seconds[name] = now - self.last
        self.last = now
