"""Write a build's version folder from its pieces: ``graphs/``, the store, the title index, the
listing index, the report and ``sources.json`` (what the next build reuses).

New named graphs are spilled to a scratch file as they arrive, then each is
written to its own file in ``graphs/`` (``graph.store``). A graph kept from
the build before is that build's file, hard-linked: unchanged, it is never
copied, so a build that changed one document writes one graph file. The
derived structure, the title index and the listing index are made again only
when the digests of what the pieces give them changed (``state.Totals``);
else they are linked too. The title index of the build before is copied and
patched when some inputs' titles changed (their pairs out, the new ones in).
The listing index is computed from the derived structure and the pieces'
parts in memory (``query.listings``), never by querying the store. The store
is loaded from the graph files (a new build's, from the graphs as they are
read: ``Loader``), or, when the build before is reused, copied
from that build's store (hard links: ``Store.backup``) and only the named
graphs that changed are replaced.
Nothing of the build before is ever written to: its version folder stays
whole until the switch (``graph.output``).
"""

from __future__ import annotations

import io
import json
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cached_property, partial
from pathlib import Path
from queue import SimpleQueue
from typing import IO, Any, cast

import pyoxigraph as ox

from orgkg.build.model import Piece, sums, total
from orgkg.build.state import FILE as STATE
from orgkg.build.state import Previous, Stat, Totals, part, save
from orgkg.graph import listings, titles
from orgkg.graph.built import INFERRED_GRAPH, BuiltGraph
from orgkg.graph.output import BUILD, step
from orgkg.graph.store import GRAPHS, HEAD, REPORT, STORE, encoded, graph_file, load_files, report_text
from orgkg.graph.structure import STRUCTURE_GRAPH, Inputs, Structure, derive, derived
from orgkg.graph.titles import TitleIndex
from orgkg.query.listings import Pieces
from orgkg.query.listings import index as listing_index
from orgkg.query.listings import update as patched

SPILL = ".new-graphs"
Title = tuple[str, str]


@dataclass(frozen=True)
class Source:
    """Where a named graph's bytes are: a file, an offset and a length; a length of -1 is a whole
    graph file of the build before (linked, not copied)."""

    file: str
    offset: int
    length: int
    facts: tuple[int, int] | None = None  # the byte range of its facts in it (``graph.store.Block``)

    @property
    def linked(self) -> bool:
        return self.length < 0


class Spill:
    """The scratch file new named graphs are appended to while documents are read."""

    def __init__(self, version: Path) -> None:
        self.path = str(version / SPILL)
        self.handle: IO[bytes] = open(self.path, "wb")  # noqa: SIM115 (closed by ``close``)

    def add(self, data: bytes, facts: tuple[int, int] | None = None) -> Source:
        offset = self.handle.tell()
        self.handle.write(data)
        return Source(self.path, offset, len(data), facts)

    def read(self, source: Source) -> bytes:
        self.handle.flush()
        with open(self.path, "rb") as handle:
            handle.seek(source.offset)
            return handle.read(source.length)

    def close(self) -> None:
        self.handle.close()


#: Graphs in a ``Loader``'s first bulk load (each later one: as many as all before it).
PART = 64
#: Graphs in a ``Loader``'s last bulk load, when it knows how many to expect: that load sorts and
#: writes its quads after the last document is read, with no other work left to run beside it.
LAST = 32


def part_size(sent: int, expected: int | None) -> int:
    """How many graphs a ``Loader``'s next bulk load takes, ``sent`` in the loads before it: ``PART``,
    then as many as before (few store files); with ``expected`` graphs in all, the part before the
    last leaves ``LAST`` for it, so that little is loaded once every document is read."""
    size, left = max(PART, sent), (expected or 0) - sent
    if left <= 0:  # none expected, or more sent than expected
        return size
    return left if left <= 2 * LAST else min(size, left - LAST)


class Loader:
    """A new build's store, loaded in a thread while its documents are read (pyoxigraph leaves the
    GIL while it loads): each graph read is streamed to the load as it arrives, with its facts as
    the union copy when it waits for no other document; a graph whose mentions wait for the
    directory (``graph.identity``) is loaded as its named graph only (``named``), and
    ``write_version`` adds its union copy when the join left it as read, else puts the joined
    graph in its place. ``write_version`` loads the others (the derived structure) from their
    files beside its last part. The store is in the version folder, which is published only when
    whole. Started after the pool is forked (a threaded process spawns it). ``expected``: how many
    graphs it will be sent at most (the documents to read), for the size of its last load."""

    def __init__(self, version: Path, expected: int | None = None) -> None:
        self.store: ox.Store | None = ox.Store(str(version / STORE))
        self.loaded: set[str] = set()
        self.named: dict[str, Source] = {}  # graphs loaded without their union copy, and where they are
        self.queue: SimpleQueue[bytes | None] = SimpleQueue()
        self.error: BaseException | None = None
        self.ended = False
        self.expected = expected
        self.thread = threading.Thread(target=self._load, args=(self.store,), name="orgkg-store", daemon=True)
        self.thread.start()

    def add(self, p: Piece, source: Source | None = None) -> None:
        """A piece as read (its graph spilled to ``source``): its graph loaded, with its union copy
        when it is final (no mention waits for the directory)."""
        if p.graph is None or p.block is None or p.facts is None or self.store is None:
            return
        head = HEAD.encode("utf-8")
        if p.raw is not None:
            if source is not None and source.facts is not None:
                self.queue.put(head + p.block)
                self.named[p.graph] = source
            return
        self.queue.put(b"".join((head, p.block, b"{\n", p.block[p.facts[0]:p.facts[1]], b"\n}\n")))
        self.loaded.add(p.graph)

    def _load(self, store: ox.Store) -> None:
        stream, sent = _Arriving(self.queue), 0
        try:
            while not stream.done:  # a load sorts and writes its quads when its stream ends
                stream.count = part_size(sent, self.expected)
                sent += stream.count
                store.bulk_load(cast(IO[bytes], stream), format=ox.RdfFormat.TRIG)
        except BaseException as err:  # raised again by ``finish``
            self.error = err
            while not stream.done and self.queue.get() is not None:  # what is still sent is dropped
                pass  # (none when the load failed after its stream's end: waiting would never end)

    def end(self) -> ox.Store:
        """No more graphs: the store, its last part still loading (``finish`` waits for it)."""
        store = self.store
        assert store is not None
        if not self.ended:
            self.queue.put(None)
            self.ended = True
        return store

    def finish(self) -> None:
        """Wait for every graph sent to be loaded."""
        self.close()
        if self.error is not None:
            raise self.error

    def close(self) -> None:
        """End the load (at once when the build stops: the version folder is not published)."""
        if self.store is not None:
            self.end()
            self.thread.join()
            self.store = None


class _Arriving(io.RawIOBase):
    """The blocks a ``Loader`` is sent, read as one stream until it is sent None."""

    def __init__(self, queue: SimpleQueue[bytes | None]) -> None:
        self.queue = queue
        self.left = memoryview(b"")
        self.done = False
        self.count = 0  # blocks still to read before the stream ends (its part of the load)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.left:
            if self.count <= 0:
                return 0
            data = None if self.done else self.queue.get()
            if data is None:
                self.done = True
                return 0
            self.left = memoryview(data)
            self.count -= 1
        n = min(len(buffer), len(self.left))
        buffer[:n] = self.left[:n]
        self.left = self.left[n:]
        return n


def structure_input(pieces: Iterable[Piece]) -> Inputs:
    """Every reporting line, post, placement and vacancy of the build."""
    pieces = list(pieces)
    return Inputs(*(sorted({x for p in pieces for x in part(p, name)})
                    for name in ("lines", "posts", "units", "vacant")))


class _Made:
    """The build's structure input and derived structure, each made once, when first needed (by the
    structure graph or the listing index: neither is made again when its inputs are the same)."""

    def __init__(self, pieces: Iterable[Piece]) -> None:
        self.pieces = list(pieces)

    @cached_property
    def given(self) -> Inputs:
        return structure_input(self.pieces)

    @cached_property
    def shape(self) -> Structure:
        return derive(self.given.lines, self.given.posts)


def totals(pieces: Iterable[Piece]) -> Totals:
    """The digests of the build's whole parts, from its pieces' digests."""
    each = [sums(p) for p in pieces if p.graph is not None]
    return Totals(total(s.structure for s in each), total(s.directory for s in each),
                  total(s.titles for s in each), listed=total(s.listed for s in each))


def write_version(version: Path, pieces: list[tuple[Piece, Source | None]], spill: Spill,
                  prev: Previous | None, report: list[dict[str, Any] | str],
                  files: dict[str, tuple[Stat, str]], loader: Loader | None = None,
                  ) -> tuple[Path, int, list[str]]:
    """Write the version folder; returns ``graphs/``, how many named graphs it holds, and the
    files of ``graphs/`` written new (the others are links to the build before's). ``loader``: a
    new build's store, with the graphs it was sent loaded."""
    now = totals(p for p, _ in pieces)
    same = prev.totals if prev is not None and prev.totals is not None else None
    made = _Made(p for p, _ in pieces)
    structure: Source | None = None
    kept_structure = os.path.join(prev.graphs, graph_file(str(STRUCTURE_GRAPH))) if prev is not None else None
    if same is not None and same.structure == now.structure and kept_structure is not None:
        structure = Source(kept_structure, 0, -1) if os.path.isfile(kept_structure) else None
    elif made.given.posts or made.given.lines:
        g = derived(made.given, made.shape)
        if len(g):
            structure = spill.add(*encoded(STRUCTURE_GRAPH, g))
    spill.close()
    graphs = {p.graph: s for p, s in pieces if p.graph is not None and s is not None}
    if structure is not None:
        graphs[str(STRUCTURE_GRAPH)] = structure
    step("write graphs")
    stored: _Beside | None = None
    if prev is not None:
        paths = _graph_files(version / GRAPHS, graphs)
        step("write store")
        before = {p.graph for p in prev.pieces.values() if p.graph is not None} | {
            str(STRUCTURE_GRAPH), str(INFERRED_GRAPH)}
        _update_store(version, prev, graphs, paths, before)
    else:
        step("write store")
        stored = _Beside(partial(_files_and_store, version, graphs, loader))
    try:
        step("write titles")
        titles_build = _title_index(version, [p for p, _ in pieces], prev, now)
        step("write listings")
        listed: Pieces = {p.graph: (sums(p).listed, partial(part, p, "listed")) for p, _ in pieces
                          if p.graph is not None}
        listings_build = _listing_index(version, prev.version if prev is not None else None, same, now,
                                        made, listed)
        step("write report")
        (version / REPORT).write_text(report_text(report), encoding="utf-8")
        step("write build.json")
        (version / BUILD).write_text(json.dumps({"build": version.name, "titles": titles_build,
                                                 "listings": listings_build}) + "\n", encoding="utf-8")
        now = replace(now, titles_build=titles_build, listings_build=listings_build,
                      listings_seen=listings.seen(version / listings.FILE))
        save(version, [p for p, _ in pieces], files, now)
    finally:
        if stored is not None:
            stored.wait()
    (version / SPILL).unlink()
    written = [graph_file(iri) for iri, src in graphs.items() if not src.linked]
    return version / GRAPHS, len(graphs), written


class _Beside:
    """A function run in a thread beside the caller's own work; ``wait`` ends with it (its error raised)."""

    def __init__(self, run: Callable[[], None]) -> None:
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(run,), name="orgkg-store-rest", daemon=True)
        self.thread.start()

    def _run(self, run: Callable[[], None]) -> None:
        try:
            run()
        except BaseException as err:  # raised again by ``wait``
            self.error = err

    def wait(self) -> None:
        self.thread.join()
        if self.error is not None:
            raise self.error


def _files_and_store(version: Path, graphs: dict[str, Source], loader: Loader | None) -> None:
    """A new build's graph files, then its store's last load (``_new_store``): ``write_version`` runs
    them in a thread (``_Beside``) beside its title and listing indexes, report and state."""
    _new_store(version, graphs, _graph_files(version / GRAPHS, graphs), loader)


def _new_store(version: Path, graphs: dict[str, Source], paths: dict[str, str],
               loader: Loader | None) -> None:
    """A new build's store: what ``loader`` was not sent loaded from the graph files, beside its last
    part (two bulk loads of a store run side by side); the graphs it loaded without their union copy
    get it when the join left them as read, else the joined graph in their place. It runs in a
    thread (``_files_and_store``) while ``write_version`` writes the title and listing indexes, the
    report and the state: most of it is pyoxigraph's, which leaves the GIL, and it is the last load
    of a new build, once every document is read, when the other core has nothing else to do."""
    store = loader.end() if loader is not None else ox.Store(str(version / STORE))
    loaded, named = (loader.loaded, loader.named) if loader is not None else (set(), {})
    head = len(HEAD.encode("utf-8"))
    facts = {paths[iri]: (head + f[0], head + f[1]) for iri, src in graphs.items() if (f := src.facts)}
    joined = sorted(iri for iri, src in named.items() if graphs.get(iri) != src)
    if joined and loader is not None:  # the graphs as read go before the joined ones are loaded
        loader.finish()
        for iri in joined:
            store.clear_graph(ox.NamedNode(iri))
    rest = [paths[iri] for iri in sorted(paths) if iri not in loaded and (iri not in named or iri in joined)]
    union = [paths[iri] for iri in sorted(named) if iri not in joined]
    if rest or union:
        load_files(store, rest, facts, union=union)
    if loader is not None:
        loader.finish()
    store.flush()
    del store


def _listing_index(version: Path, before: Path | None, same: Totals | None, now: Totals, made: _Made,
                   listed: Pieces) -> str | None:
    """The version's listing index; returns the id of the build that wrote it. The build before's
    (in its folder ``before``, its totals ``same``) serves when the structure is the same and it is sound
    (``graph.listings.sound``: the one that build wrote, undamaged, its pages read again only when its
    stat is not the one that build recorded before its ``sources.json``): linked when the listings' facts
    are the same too, else patched for the facts that changed (``query.listings.update``);
    otherwise, or when it cannot be patched, the index is written whole."""
    index = version / listings.FILE
    kept = before / listings.FILE if before is not None else None
    if (kept is not None and before is not None and same is not None and same.structure == now.structure
            and listings.sound(kept, same.listings_build, same.listings_seen, _written(before / STATE))):
        if same.listed == now.listed:
            os.link(kept, index)
            return same.listings_build
        if patched(index, kept, listed, build=version.name):
            return version.name  # the rows of the posts whose facts changed made again
    listing_index(index, made.shape, made.given.lines, made.given.units, listed, build=version.name)
    return version.name


def _written(path: Path) -> int | None:
    """A file's modification time (ns); None when it cannot be read."""
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def _title_index(version: Path, pieces: list[Piece], prev: Previous | None, now: Totals) -> str | None:
    """Write the title index (linked from the build before when no title changed, patched when a few
    inputs' titles did, else written whole); returns the id of the build that wrote it."""
    index = version / titles.FILE
    same = prev.totals if prev is not None else None
    if prev is not None and same is not None and (kept := prev.version / titles.FILE).is_file():
        if same.titles == now.titles:
            os.link(kept, index)
            return same.titles_build
        changed = _changed_titles(pieces, prev)
        ours = same.titles_build is not None and TitleIndex(kept).build() == same.titles_build
        if changed is not None and ours and titles.patch_pairs(index, kept, *changed, build=version.name):
            return version.name
    titles.write_pairs(index, (t for p in pieces for t in part(p, "titles")), build=version.name)
    return version.name


def _changed_titles(pieces: list[Piece], prev: Previous) -> tuple[list[Title], list[Title]] | None:
    """The (post, title) pairs of the inputs whose titles changed, as the build before kept them and
    as they are now; None when two pieces share a named graph (not told apart by it)."""
    before = {p.graph: p for p in prev.pieces.values() if p.graph is not None}
    after = {p.graph: p for p in pieces if p.graph is not None}
    if len(after) != sum(p.graph is not None for p in pieces) or len(before) != sum(
            p.graph is not None for p in prev.pieces.values()):
        return None
    changed = [g for g in before.keys() | after.keys() if g not in before or g not in after
               or sums(before[g]).titles != sums(after[g]).titles]
    return ([t for g in changed if g in before for t in part(before[g], "titles")],
            [t for g in changed if g in after for t in part(after[g], "titles")])


def _graph_files(folder: Path, graphs: dict[str, Source]) -> dict[str, str]:
    """Each graph's file: a new graph written (``HEAD`` and its block), a kept one linked."""
    folder.mkdir()
    head = HEAD.encode("utf-8")
    handles: dict[str, IO[bytes]] = {}
    paths: dict[str, str] = {}
    try:
        for iri in sorted(graphs):
            src, path = graphs[iri], os.path.join(folder, graph_file(iri))
            paths[iri] = path
            if src.linked:
                os.link(src.file, path)
                continue
            if src.file not in handles:
                handles[src.file] = open(src.file, "rb")  # noqa: SIM115 (closed below)
            handle = handles[src.file]
            handle.seek(src.offset)
            with open(path, "wb") as out:
                out.write(head)
                out.write(handle.read(src.length))
    finally:
        for handle in handles.values():
            handle.close()
    return paths


def _update_store(version: Path, prev: Previous, graphs: dict[str, Source], paths: dict[str, str],
                  before: set[str]) -> None:
    """The build before's store (hard-linked), with the named graphs that are new, changed or gone
    replaced. ``before``: every named graph the store may hold (the build before's, its derived
    structure, the inferred graph of a reason: gone now); listing them from the store takes longer."""
    ox.Store.read_only(str(prev.store)).backup(str(version / STORE))
    built = BuiltGraph(ox.Store(str(version / STORE)))
    for iri in sorted(before | set(graphs)):
        src = graphs.get(iri)
        if src is not None and src.linked and iri in before:
            continue  # the same file as before: the same graph
        triples: list[ox.Triple] = []
        if src is not None:
            triples = [q.triple for q in ox.parse(path=paths[iri], format=ox.RdfFormat.TRIG)]
        built.replace_graph(ox.NamedNode(iri), triples)
    built.store.flush()
