"""Write a build's version folder from its pieces: ``graph.trig``, the store, the title index,
the report and ``sources.json`` (what the next build reuses).

New named graphs are spilled to a scratch file as they arrive; ``graph.trig``
is then ``HEAD`` and every graph's bytes in IRI order, copied from the
scratch file or from the build before, so it is byte for byte what a full
build writes. The store is loaded from it, or, when the build before is
reused, copied from that build's store (hard links: ``Store.backup``) and
only the named graphs that changed are replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from orgkg.build.model import Piece
from orgkg.build.state import Placed, Previous, save
from orgkg.graph import titles
from orgkg.graph.built import BuiltGraph
from orgkg.graph.output import BUILD, step
from orgkg.graph.store import HEAD, REPORT, STORE, TRIG, block, load_file
from orgkg.graph.structure import STRUCTURE_GRAPH, Inputs, derived

SPILL = ".new-graphs"


@dataclass(frozen=True)
class Source:
    """Where a named graph's bytes are: a file, an offset and a length."""

    file: Path
    offset: int
    length: int


class Spill:
    """The scratch file new named graphs are appended to while documents are read."""

    def __init__(self, version: Path) -> None:
        self.path = version / SPILL
        self.handle: IO[bytes] = open(self.path, "wb")  # noqa: SIM115 (closed by ``close``)

    def add(self, data: bytes) -> Source:
        offset = self.handle.tell()
        self.handle.write(data)
        return Source(self.path, offset, len(data))

    def read(self, source: Source) -> bytes:
        self.handle.flush()
        with open(self.path, "rb") as handle:
            handle.seek(source.offset)
            return handle.read(source.length)

    def close(self) -> None:
        self.handle.close()


def structure_input(pieces: Iterable[Piece]) -> tuple[Inputs, str]:
    """Every reporting line, post, placement and vacancy of the build, and a digest of them (the
    same: the same structure)."""
    pieces = list(pieces)
    given = Inputs(sorted({line for p in pieces for line in p.lines}),
                   sorted({post for p in pieces for post in p.posts}),
                   sorted({u for p in pieces for u in p.units}),
                   sorted({v for p in pieces for v in p.vacant}))
    digest = hashlib.sha256(json.dumps(list(given)).encode()).hexdigest()
    return given, digest


def write_version(version: Path, pieces: list[tuple[Piece, Source | None]], spill: Spill,
                  prev: Previous | None, report: list[dict[str, object]]) -> tuple[Path, int]:
    """Write the version folder; returns ``graph.trig`` and how many named graphs it holds."""
    given, digest = structure_input(p for p, _ in pieces)
    structure: Source | None = None
    if prev is not None and prev.structure is not None and prev.structure[0] == digest:
        structure = Source(prev.trig, prev.structure[1], prev.structure[2])
    elif given.posts or given.lines:
        g = derived(given)
        if len(g):
            structure = spill.add(block(STRUCTURE_GRAPH, g).encode("utf-8"))
    spill.close()
    graphs = {p.graph: s for p, s in pieces if p.graph is not None and s is not None}
    if structure is not None:
        graphs[str(STRUCTURE_GRAPH)] = structure
    step("write graph.trig")
    placed = _trig(version / TRIG, graphs)
    step("write store")
    if prev is not None:
        _update_store(version, prev, graphs, placed)
    else:
        store = ox.Store(str(version / STORE))
        load_file(store, version / TRIG)
        store.flush()
        del store
    spill.path.unlink()
    step("write titles")
    titles.write_pairs(version / titles.FILE, (t for p, _ in pieces for t in p.titles), build=version.name)
    step("write report")
    (version / REPORT).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    step("write build.json")
    (version / BUILD).write_text(json.dumps({"build": version.name}) + "\n", encoding="utf-8")
    here = placed.get(str(STRUCTURE_GRAPH))
    save(version, [Placed(p, *placed[p.graph]) if p.graph in placed else Placed(p, 0, 0) for p, _ in pieces],
         (digest, *here) if here is not None else None)
    return version / TRIG, len(graphs)


def _trig(path: Path, graphs: dict[str, Source]) -> dict[str, tuple[int, int]]:
    """``HEAD`` and the graphs in IRI order; returns where each graph now is (offset, length)."""
    handles: dict[Path, IO[bytes]] = {}
    placed: dict[str, tuple[int, int]] = {}
    try:
        with open(path, "wb") as out:
            out.write(HEAD.encode("utf-8"))
            for iri in sorted(graphs):
                src = graphs[iri]
                if src.file not in handles:
                    handles[src.file] = open(src.file, "rb")  # noqa: SIM115 (closed below)
                placed[iri] = (out.tell(), src.length)
                _copy(handles[src.file], src, out)
    finally:
        for handle in handles.values():
            handle.close()
    return placed


def _copy(source: IO[bytes], src: Source, out: IO[bytes]) -> None:
    """Copy a graph's bytes, inside the kernel where it can (``copy_file_range``)."""
    out.flush()
    done = 0
    try:
        while done < src.length:
            n = os.copy_file_range(source.fileno(), out.fileno(), src.length - done, src.offset + done)
            if n == 0:
                break
            done += n
    except OSError:
        pass
    out.seek(0, os.SEEK_END)
    if done < src.length:
        source.seek(src.offset + done)
        out.write(source.read(src.length - done))


def _update_store(version: Path, prev: Previous, graphs: dict[str, Source],
                  placed: dict[str, tuple[int, int]]) -> None:
    """The build before's store (hard-linked), with the named graphs that are new, changed or gone
    replaced."""
    ox.Store.read_only(str(prev.store)).backup(str(version / STORE))
    built = BuiltGraph(ox.Store(str(version / STORE)))
    old = {str(g.value) for g in built.named_graphs()}
    trig = version / TRIG
    with open(trig, "rb") as handle:
        for iri in sorted(old | set(graphs)):
            src = graphs.get(iri)
            if src is not None and src.file == prev.trig and iri in old:
                continue  # the same bytes as before: the same graph
            triples: list[ox.Triple] = []
            if src is not None:
                handle.seek(placed[iri][0])
                text = HEAD.encode("utf-8") + handle.read(placed[iri][1])
                triples = [q.triple for q in ox.parse(text, ox.RdfFormat.TRIG)]
            built.replace_graph(ox.NamedNode(iri), triples)
    built.store.flush()
