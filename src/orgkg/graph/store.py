"""The built graph on disk: ``graphs/`` (the record), ``store/`` and ``titles.sqlite`` (for queries).

``graphs/`` holds one TriG file per named graph (one per document, register
and the derived structure), each ``HEAD`` and the graph's block, written
deterministically (each graph's Turtle sorted by rdflib), so the same inputs
give byte-identical files. The file is named after the graph's IRI
(``graph_file``); ``trig_text`` gives the whole build as one TriG document
(``HEAD`` and the blocks in IRI order). One file per graph lets a build that
changed one document write one file and link the others from the build
before (``build.write``). ``store/`` is a persistent Oxigraph store loaded
from them, so later commands open the graph without parsing anything;
``titles.sqlite`` indexes post titles for text search (``graph.titles``).
``graph.built`` opens them. A build writes all of them into a fresh version
folder that replaces the old one as a whole (``graph.output``).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any, NamedTuple

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from orgkg.graph import titles, turtle
from orgkg.graph.output import BUILD, step
from orgkg.graph.structure import STRUCTURE_GRAPH
from orgkg.mapping.evidence import Statement, is_evidence
from orgkg.mapping.namespaces import PREFIXES, bind_prefixes
from orgkg.mapping.triples import Triples
from orgkg.mapping.triples import text as term_text

GRAPHS = "graphs"
STORE = "store"
REPORT = "build-report.json"
INFERRED_TRIG = "inferred.trig"  # written by `orgkg reason` (graph.built); a new build has none


def trig(graphs: Mapping[URIRef, Graph]) -> str:
    """One TriG document with a named graph per entry, in a stable order.

    A graph's facts are written as rdflib's sorted Turtle; its evidence
    annotations (``mapping.evidence``), most of its triples, as sorted
    one-line statements, several times quicker to write. Nothing is indented
    or dropped inside the Turtle: a literal may span lines (a quote of two
    lines keeps them exactly).
    """
    return HEAD + "".join(block(iri, graphs[iri]) for iri in sorted(graphs))


#: The prefixes every TriG file of a build starts with.
HEAD = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())


def block(iri: URIRef, g: Graph) -> str:
    """One named graph as ``trig`` writes it: ``trig_text`` is ``HEAD`` and the blocks sorted by IRI
    (so a block written once can be copied into a later build unchanged)."""
    return encoded(iri, g).data.decode("utf-8")


class Block(NamedTuple):
    """A named graph's block as its file holds it (UTF-8, after ``HEAD``), and the byte range of
    its statements that belong in the union copy (``in_union``: its facts, written before its
    evidence); None when that is not known (the union copy is then found by parsing the block)."""

    data: bytes
    facts: tuple[int, int] | None


def encoded(iri: URIRef, g: Graph, evidence: Sequence[Statement] = ()) -> Block:
    """``block``, encoded, with where its facts are (``load_files`` copies them to the union
    without parsing the graph twice); ``evidence``: more of its evidence, as written
    (``mapping.evidence.statements``)."""
    if isinstance(g, Triples):
        body, facts = g.body(), -1  # a register's: its statements as its rows wrote them
    elif iri == STRUCTURE_GRAPH:
        body = _one_line_body(g)
        facts = len(body)  # layers, posts above and figures (``graph.structure``): no evidence
    else:
        body, facts = _graph_body(g, evidence)
    start = f"\n<{iri}> {{\n".encode()
    if facts < 0:
        return Block(start + body.encode("utf-8") + b"\n}\n", None)
    head, rest = body[:facts].encode("utf-8"), body[facts:].encode("utf-8")
    return Block(start + head + rest + b"\n}\n", (len(start), len(start) + len(head)))


def _graph_body(g: Graph, more: Sequence[Statement] = ()) -> tuple[str, int]:
    """A graph's body and the length of its facts at its start (its evidence, and ``more``, follows)."""
    facts: list[tuple[Node, Node, Node]] = []
    evidence: list[tuple[Node, Node, Node]] = []
    for t in g:
        (evidence if isinstance(t[0], URIRef) and is_evidence(str(t[0])) else facts).append(t)
    body = turtle.facts(facts)
    if body is None:  # not the mapper's kind of graph: rdflib writes it
        whole = Graph()
        whole.addN((s, p, o, whole) for s, p, o in facts)
        bind_prefixes(whole)
        body = whole.serialize(format="turtle")
    # split("\n"), not splitlines(): a literal may hold U+2028, \x1c or \x85, which are not line ends here
    lines = body.split("\n")
    start = 0
    while start < len(lines) and (lines[start].startswith("@prefix") or not lines[start].strip()):
        start += 1
    written = "\n".join(lines[start:])
    joined = "\n".join([*lines[start:], *_lines(sorted([*_rows(evidence, _PREFIXED), *more]))])
    text = joined.strip("\n")
    lead = len(joined) - len(joined.lstrip("\n"))
    return text, max(0, min(len(text), len(written) - lead))


#: The prefixes evidence statements are written with (a graph that only holds them).
_PREFIXED = Graph()
bind_prefixes(_PREFIXED)


def _one_line_body(g: Graph) -> str:
    """A graph of simple statements (the derived structure: IRIs and numbers) as sorted one-line
    statements, without rdflib's Turtle serializer (many times quicker on hundreds of thousands)."""
    bind_prefixes(g)
    return "\n".join(_statements(list(g), g))


def _statements(triples: list[tuple[Node, Node, Node]], ns_of: Graph) -> list[str]:
    """Sorted statements, one per line, a subject's next ones after ``;``; predicates (and
    ``rdf:type`` / ``rdf:predicate`` objects) written with the graph's prefixes."""
    return _lines(sorted(_rows(triples, ns_of)))


def _rows(triples: list[tuple[Node, Node, Node]], ns_of: Graph) -> list[Statement]:
    """Each triple as ``_statements`` writes it: subject, predicate and object in Turtle."""
    ns, short, kinds = ns_of.namespace_manager, {}, {RDF.type, RDF.predicate}
    for term in {t[1] for t in triples} | {t[2] for t in triples if t[1] in kinds}:
        short[term] = "a" if term == RDF.type else term.n3(ns)
    return [(term_text(s), short[p] if p in short else term_text(p), short[o] if o in short else term_text(o))
            for s, p, o in triples]


def _lines(rows: list[Statement]) -> list[str]:
    """Sorted rows as statements, one per line, a subject's next ones after ``;``."""
    statements = [f"{s} {p} {o}" if i == 0 or rows[i - 1][0] != s else f"    {p} {o}"
                  for i, (s, p, o) in enumerate(rows)]
    ends = [" ." if i + 1 == len(rows) or rows[i + 1][0] != rows[i][0] else " ;" for i in range(len(rows))]
    return [a + b for a, b in zip(statements, ends, strict=True)]


#: Where the graphs of a build are named (``mapping.mapper.graph_iri``).
GRAPH_BASE = "https://w3id.org/orgkg/id/graph/"
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,150}")


def graph_file(iri: str) -> str:
    """The name of a named graph's file in ``graphs/``: the last part of its IRI when that is a plain
    name under ``GRAPH_BASE`` (``<slug>-<digest>.trig``, ``structure.trig``), else a digest of it."""
    rest = iri.removeprefix(GRAPH_BASE)
    if rest != iri and _PLAIN.fullmatch(rest):
        return f"{rest}.trig"
    return f"{hashlib.sha256(iri.encode('utf-8')).hexdigest()[:32]}.trig"


def graph_text(block_bytes: bytes) -> bytes:
    """A graph's file: ``HEAD`` and its block (a TriG document of its own)."""
    return HEAD.encode("utf-8") + block_bytes


def trig_text(folder: Path) -> str:
    """Every named graph in ``folder/graphs/`` as one TriG document: ``HEAD`` and the blocks in IRI
    order (what ``trig`` writes for the same graphs). ``ValueError`` for a file not written so."""
    blocks = []
    for path in (folder / GRAPHS).glob("*.trig"):
        text = path.read_text(encoding="utf-8")
        if not text.startswith(HEAD + "\n<"):
            raise ValueError(f"{path.name} is not a graph file of a build")
        blocks.append((text[len(HEAD) + 2:text.index(">", len(HEAD))], text[len(HEAD):]))
    return HEAD + "".join(b for _, b in sorted(blocks))


def write(folder: Path, graphs: Mapping[URIRef, Graph], report: list[dict[str, Any]]) -> Path:
    """Write ``graphs/``, the store, the title index and the build report into a new, empty
    ``folder`` (a version folder of ``graph.output``, switched into place as a whole)."""
    step("write graphs")
    (folder / GRAPHS).mkdir()
    for iri in sorted(graphs):
        (folder / GRAPHS / graph_file(str(iri))).write_text(HEAD + block(iri, graphs[iri]), encoding="utf-8")
    text = trig(graphs)
    step("write store")
    store = ox.Store(str(folder / STORE))
    load(store, text)
    store.flush()
    del store
    step("write titles")
    titles.write(folder / titles.FILE, graphs, build=folder.name)
    step("write report")
    (folder / REPORT).write_text(report_text(report), encoding="utf-8")
    step("write build.json")
    (folder / BUILD).write_text(json.dumps({"build": folder.name}) + "\n", encoding="utf-8")
    return folder / GRAPHS


def report_text(report: Sequence[dict[str, Any] | str]) -> str:
    """``build-report.json``: a list of every input's outcome, one per line (``json``'s quick encoder:
    an indented file of 10,000 documents took a second to write); a line given as text is written
    as it is (an outcome kept from the build before)."""
    return "[\n" + ",\n".join(r if isinstance(r, str) else json.dumps(r) for r in report) + "\n]\n"


def load(store: ox.Store, trig_text: str) -> None:
    """Load the named graphs, and their union again in the default graph (duplicates merge).

    The TriG is parsed once. Queries that read the whole organisation
    (reporting chains cross documents) run on the default graph:
    pyoxigraph's ``use_default_graph_as_union`` gives the same answers but is
    far slower on joins (bench/results/store.md). ``GRAPH ?g`` still sees only
    the per-document graphs; exports and publication read named graphs only.
    Evidence (``mapping.evidence``) stays in the named graphs only: the union
    copy holds the facts, and stays as small as it was without evidence.
    """
    quads = list(ox.parse(trig_text.encode("utf-8"), ox.RdfFormat.TRIG))
    store.bulk_extend(quads)
    store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                      for q in quads if in_union(q))


def load_files(store: ox.Store, paths: Sequence[str | Path],
               facts: Mapping[str, tuple[int, int]] | None = None, *,
               union: Sequence[str | Path] = ()) -> None:
    """``load`` for TriG files, streamed: the files are never held in memory as quads. ``facts``
    gives, for a file (by path), the byte range of its statements that belong in the union copy:
    those are loaded as the default graph in the same pass; the union copy of any other file is
    taken from parsing it again. ``union``: files whose named graph is in the store already, and
    whose union copy only is loaded (from their ``facts``)."""
    facts = facts or {}
    copies: list[str | Path | tuple[str | Path, int, int] | bytes] = [
        part for path in [*paths, *union] if str(path) in facts
        for part in (b"{\n", (path, *facts[str(path)]), b"\n}\n")]
    store.bulk_load(io.BufferedReader(_Chain([HEAD.encode("utf-8"), *paths, *copies]), 1 << 20),
                    format=ox.RdfFormat.TRIG)
    others = [path for path in paths if str(path) not in facts]
    if others:
        store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                          for q in ox.parse(io.BufferedReader(_Chain(others), 1 << 20),
                                            format=ox.RdfFormat.TRIG)
                          if in_union(q))


class _Chain(io.RawIOBase):
    """Files (or a byte range of one, or bytes) read one after the other as one stream (TriG files
    each starting with their prefixes make one TriG document)."""

    def __init__(self, parts: Sequence[str | Path | tuple[str | Path, int, int] | bytes]) -> None:
        self.parts = list(reversed(parts))
        self.handle: IO[bytes] | None = None
        self.left = -1  # bytes still to read from the handle (-1: to its end)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while True:
            if self.handle is None:
                if not self.parts:
                    return 0
                self.handle, self.left = _open(self.parts.pop())
            view = memoryview(buffer)
            n: int = self.handle.readinto(view if self.left < 0 else view[:self.left])  # type: ignore[attr-defined]
            if n:
                self.left -= n if self.left >= 0 else 0
                return n
            self.handle.close()
            self.handle = None


def _open(part: str | Path | tuple[str | Path, int, int] | bytes) -> tuple[IO[bytes], int]:
    if isinstance(part, bytes):
        return io.BytesIO(part), -1
    if isinstance(part, tuple):
        path, start, end = part
        handle = open(path, "rb")  # noqa: SIM115 (closed when read)
        handle.seek(start)
        return handle, end - start
    return open(part, "rb"), -1


def in_union(statement: ox.Quad | ox.Triple) -> bool:
    """Whether a statement of a named graph belongs in the union copy: facts do, evidence does not."""
    return not (isinstance(statement.subject, ox.NamedNode) and is_evidence(statement.subject.value))

