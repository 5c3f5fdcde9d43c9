"""Reading documents on every core: one job per input, run in a pool of processes.

Each pool process reads, extracts and maps its documents with ``graph.build.load``
and writes each one's named graph as its file in ``graphs/`` will hold it, so the
build process only assembles. A graph whose mentions could name posts of
other documents (``graph.identity``) comes back unjoined (its triples as JSON:
``dump``), and is finished in a second round (``finish``), once every
document's posts are known. The guarantees of a single
reader hold in each pool process: every document under its time limit
(``read.limits.deadline``), the risky readers in that process's own fenced
worker (``read.worker``). A pool process dies with the build
(``PR_SET_PDEATHSIG``, and its reader worker with it) and ignores Ctrl-C
(the build answers it and ends the pool). A build of a few documents reads
them in its own process: starting the pool would cost more than it saves.

Pool processes are forked from the build when it runs a single thread: they
start with everything imported, at once (a spawned process imports the whole
pipeline again, about half a second of CPU each, longer than reading the
corpus of ``bench.corpus`` takes). A build with other threads (a program
embedding the library) spawns them, as forking a threaded process is unsafe.
A pool process forks its reader worker the same way (spawned, it imported the
readers again: about 0.1 s of CPU per pool process, a third of what reading
the corpus's Word files took), and the build imports the libraries of the
isolated readers its inputs need before it forks (``preload``): once, not once
per reader worker. The build's own reader worker is spawned, without the
build's memory.
"""

from __future__ import annotations

import gc
import importlib
import json
import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from multiprocessing.pool import Pool
from multiprocessing.util import Finalize
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from orgkg.build.model import Piece, sums
from orgkg.graph.build import load
from orgkg.graph.identity import Resolution, asks, joined, joined_statements, offered, offers
from orgkg.graph.listings import Facts, facts
from orgkg.graph.store import encoded
from orgkg.graph.structure import placements, posts, reporting_lines, vacancies
from orgkg.mapping.evidence import Statement
from orgkg.mapping.register import RegisterParts
from orgkg.mapping.vocab import ORGKG
from orgkg.read import READERS, Limits, Reader, Worker
from orgkg.read.limits import born_deaf_to_ctrl_c, child_of
from orgkg.read.worker import Ahead, Primed

#: A pool process is started only for at least this many documents to read.
PER_PROCESS = 8


@dataclass(frozen=True)
class Job:
    """One input to read: ``key`` is what its graph will be made from (None: it is not readable)."""

    path: Path
    key: str | None
    name_shared: bool
    limits: Limits
    columns: Mapping[str, str] | None
    primed: Primed | None = None  # its text, read ahead (``read.worker.Ahead``)


def read(job: Job, worker: Worker | None) -> Piece:
    """Read, extract and map one input; write its named graph as it is when its mentions join no
    other post; when they could name posts of other documents, keep it unjoined too (``raw``),
    for ``finish`` if they do."""
    loaded = load(job.path, name_shared=job.name_shared, limits=job.limits, worker=worker,
                  columns=job.columns)
    g = loaded.graph
    if loaded.graph_iri is None or g is None:
        return Piece(loaded.outcome, job.key)
    if loaded.parts is not None:  # a register: what the build takes from it, from its rows
        return registered(Piece(loaded.outcome, job.key, str(loaded.graph_iri)), g, loaded.parts)
    p = Piece(loaded.outcome, job.key, str(loaded.graph_iri), offers=tuple(offers(g)), asks=tuple(asks(g)))
    done = finished(p, g, (), loaded.evidence)
    return replace(done, raw=dump(g, loaded.evidence)) if p.asks else done


def finish(item: tuple[Piece, bytes, Resolution]) -> Piece:
    """A piece's graph (``raw``) with its mentions joined as ``resolution`` says, written."""
    p, raw, resolution = item
    g, evidence = undump(raw)
    return finished(p, joined(g, resolution), resolution, joined_statements(evidence, resolution))


def dump(g: Graph, evidence: Sequence[Statement] = ()) -> bytes:
    """A graph's triples, in its order, and its evidence statements, as JSON: each term as rdflib
    builds it again (an IRI; a literal's lexical form, language and datatype; a blank node's name).
    Several times quicker to read back than N-Triples through rdflib's parser, and only data (no pickle)."""
    def term(t: Node) -> list[str | None]:
        if isinstance(t, Literal):
            return ["l", str(t), t.language, None if t.datatype is None else str(t.datatype)]
        return ["b" if isinstance(t, BNode) else "u", str(t)]
    triples = [[term(t) for t in triple] for triple in g]
    return json.dumps([triples, evidence], ensure_ascii=False).encode("utf-8")


def undump(raw: bytes) -> tuple[Graph, list[Statement]]:
    """The graph and evidence ``dump`` wrote."""
    def term(t: list[str | None]) -> Node:
        if t[0] == "l":
            return Literal(t[1], lang=t[2], datatype=None if t[3] is None else URIRef(t[3]))
        return BNode(t[1]) if t[0] == "b" else URIRef(str(t[1]))
    triples, evidence = json.loads(raw)
    g = Graph(store="SimpleMemory")
    g.addN((term(s), term(p), term(o), g) for s, p, o in triples)
    return g, [(s, p, o) for s, p, o in evidence]


def finished(p: Piece, g: Graph, resolution: Resolution, evidence: Sequence[Statement] = ()) -> Piece:
    written = encoded(URIRef(p.graph or ""), g, evidence)
    done = replace(p, block=written.data, facts=written.facts, raw=None,
                   lines=tuple(reporting_lines([g])), posts=tuple(posts([g])), titles=titles(g),
                   units=tuple(placements([g])), vacant=tuple(vacancies([g])), listed=facts(g),
                   resolution=resolution, sums=None)  # the digests of the graph as read are not its own
    return replace(done, sums=sums(done))


def registered(p: Piece, g: Graph, parts: RegisterParts) -> Piece:
    """A register's piece: its graph written, its parts as its rows give them (a register
    mentions no post by title: nothing of it waits for the directory)."""
    written = encoded(URIRef(p.graph or ""), g)
    done = replace(p, block=written.data, facts=written.facts, lines=tuple(parts.lines),
                   posts=tuple(parts.posts), titles=tuple(parts.titles), units=tuple(parts.units),
                   vacant=tuple(parts.vacant), offers=tuple(offered(parts.named, parts.organisation)),
                   listed=Facts(tuple((post, (title, "")) for post, title in parts.titles),
                                levels=tuple(parts.levels),
                                labels=tuple((node, (label, "")) for node, label in parts.labels.items())))
    return replace(done, sums=sums(done))


def titles(g: Graph) -> tuple[tuple[str, str], ...]:
    """The (post, title) pairs of the title index (``graph.titles``)."""
    return tuple((str(post), str(title)) for post, title in g.subject_objects(ORGKG.title)
                 if isinstance(post, URIRef) and isinstance(title, Literal))


def _isolated() -> dict[str, type[Reader]]:
    return {cls.__name__: cls for cls in set(READERS.values()) if cls.isolated}


def _reader_worker(*, fork: bool = False) -> Worker:
    return Worker(_isolated(), fork=fork)


_WORKER: Worker | None = None


def _start(parent: int) -> None:
    """A pool process's first act: die with the build, leave Ctrl-C to it, have a reader worker."""
    global _WORKER
    child_of(parent)
    # A pool process is daemonic, and a daemonic process may not start the reader worker; this one
    # still ends with the pool (terminated by it, or by the kernel when the build dies).
    mp.current_process().daemon = False
    _WORKER = _reader_worker(fork=start_method() == "fork")
    Finalize(None, _WORKER.close, exitpriority=10)


def _read_in_pool(job: Job) -> Piece:
    if _WORKER is not None:
        _WORKER.primed = job.primed
    return read(job, _WORKER)


def start_method() -> str:
    """``fork`` when this process runs a single thread (counting threads of native libraries, which
    ``threading`` does not see), else ``spawn``."""
    try:
        threads = len(os.listdir("/proc/self/task"))
    except OSError:  # no /proc: not Linux, where fork is not the default for good reasons
        return "spawn"
    return "fork" if threads == 1 and "fork" in mp.get_all_start_methods() else "spawn"


def processes(jobs: int, workers: int | None) -> int:
    """How many pool processes read ``jobs`` documents (1: none, the build reads them itself)."""
    cores = workers if workers is not None else (len(os.sched_getaffinity(0)) or 1)
    return max(1, min(cores, jobs // PER_PROCESS))


def own(jobs: Sequence[Job]) -> list[Job]:
    """The jobs a build's process can read itself: documents read without a reader worker."""
    return [job for job in jobs if (reader := READERS.get(job.path.suffix.lower())) is not None
            and not reader.isolated]


def ahead_of(jobs: Sequence[Job]) -> Ahead | None:
    """The files of ``jobs`` that isolated readers read, read ahead (``read.worker.Ahead``)."""
    files = [(reader.__name__, job.path) for job in jobs
             if (reader := READERS.get(job.path.suffix.lower())) is not None and reader.isolated]
    return Ahead(_isolated(), files, jobs[0].limits) if files else None


def preload(suffixes: Iterable[str]) -> None:
    """Import the libraries of the isolated readers of these file suffixes (``Reader.libraries``) in
    this process, before it forks its pool: each pool process's reader worker then starts with
    them, instead of importing them once per worker (the PDF and Word libraries: about 0.2 s of CPU)."""
    for suffix in sorted({s.lower() for s in suffixes}):
        reader = READERS.get(suffix)
        for name in reader.libraries if reader is not None and reader.isolated else ():
            importlib.import_module(name)


class _Pool(Pool):
    """``multiprocessing``'s pool, its worker handler woken only by what it acts on: a pool process's
    end and the pool's own changes (closed, terminated, its last task done). The standard pool also
    wakes it on every result waiting in the results' pipe, and it spins there until the result
    handler has taken the result: about 0.25 s of the build process's CPU over the corpus of
    ``bench.corpus`` (a tenth of it), the GIL taken from the threads that work. (``ThreadPool``
    does the same. The method is private: on a Python whose pool waits on other things than its
    change notifier and results' pipe, it waits on what that pool waits on.)"""

    def _get_sentinels(self) -> list[object]:
        standard: list[object] = super()._get_sentinels()  # type: ignore[misc]
        notifier = getattr(getattr(self, "_change_notifier", None), "_reader", None)
        results = getattr(getattr(self, "_outqueue", None), "_reader", None)
        return [notifier] if notifier is not None and standard == [results, notifier] else standard


@contextmanager
def _frozen() -> Iterator[None]:
    """The build's objects kept out of the garbage collector's passes while its pool forks
    (``gc.freeze``, as the ``gc`` module's documentation advises before a fork): a pool process's
    collections then skip the objects it inherits (about 67,000: modules, compiled rules), whose
    pages they would touch and copy. Over the corpus of ``bench.corpus``: 0.058 -> 0.012 s of
    collections per pool process. The build's process unfreezes them once forked; a program that
    froze its own objects keeps them as they are."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class Readers:
    """The processes reading a build's documents: a pool, or the build's own process.

    A forked pool's processes start with what the build's process compiled and loaded: before it
    forks them, it reads documents itself (``own``), so the patterns the rules build from the
    lexicon on first use are built once, not once in each pool process. Meanwhile, on the core
    that would be idle, the files of isolated readers (PDF, Word) are read ahead (``ahead_of``),
    and their pool processes take the texts finished (``Job.primed``). The build's process reads
    its first document, then more for as long as the reading ahead goes on (at most a quarter of
    its own: ``_before_fork``): the other core is busy all along, and each document read then
    builds the patterns its rules use first once, for both pool processes (over the corpus of
    ``bench.corpus``, a pool process still compiled about 600 patterns of its own, 0.25 s of CPU,
    after one document). Then it imports the libraries of the isolated readers of the files not
    read ahead (``preload``): none when every one was (the read-ahead imported its own, on the
    other core). Leaving the ``with`` block (the end, ``--strict``, Ctrl-C, an error) ends the pool
    at once.
    """

    def __init__(self, jobs: Sequence[Job], workers: int | None) -> None:
        n = processes(len(jobs), workers)
        self.pool: Pool | None = None
        self.worker: Worker | None = None
        self.ahead: dict[int, tuple[Job, Piece]] = {}  # read before the fork, by id of their job
        self.primed: dict[Path, Primed] = {}  # texts read ahead
        if n > 1:
            if start_method() == "fork":
                self._before_fork(jobs)
                preload(job.path.suffix for job in jobs  # those its pool processes' reader workers read
                        if id(job) not in self.ahead and job.path not in self.primed)
            with born_deaf_to_ctrl_c(), _frozen():
                self.pool = _Pool(n, initializer=_start, initargs=(os.getpid(),),
                                  context=mp.get_context(start_method()))
        else:
            self.worker = _reader_worker()

    def _before_fork(self, jobs: Sequence[Job]) -> None:
        """Read this process's first documents while the files of isolated readers are read ahead:
        the first, then the next as long as the reading ahead goes on, at most a quarter of them."""
        mine = own(jobs)
        if not mine:
            return
        ids = {id(job) for job in mine}
        others = ahead_of([job for job in jobs if id(job) not in ids])
        try:
            for job in mine[:max(1, len(mine) // 4)]:
                self.ahead[id(job)] = job, read(job, None)
                if others is None or not others.reading():
                    break
        finally:
            self.primed = others.stop() if others is not None else {}

    def read(self, jobs: Sequence[Job]) -> Iterator[Piece]:
        """Each job's piece, in the jobs' order."""
        if self.pool is None:
            return (read(job, self.worker) for job in jobs)
        ahead, self.ahead = self.ahead, {}
        ids = {id(job) for job in jobs}
        done = {i: piece for i, (_, piece) in ahead.items() if i in ids}
        rest = self.pool.imap(_read_in_pool, [self._primed(job) for job in jobs if id(job) not in done],
                              chunksize=2)
        return (done[id(job)] if id(job) in done else next(rest) for job in jobs)

    def _primed(self, job: Job) -> Job:
        primed = self.primed.pop(job.path, None)
        return job if primed is None else replace(job, primed=primed)

    def finish(self, items: Sequence[tuple[Piece, bytes, Resolution]]) -> Iterator[Piece]:
        """Each item's piece finished (``finish``), in order."""
        if self.pool is not None and len(items) >= PER_PROCESS:
            return self.pool.imap(finish, items, chunksize=4)
        return (finish(item) for item in items)

    def __enter__(self) -> Readers:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if self.pool is not None:
            if kind is None:  # done: each process closes its reader worker (and its temporary files)
                self.pool.close()
            else:
                self.pool.terminate()
            self.pool.join()
        if self.worker is not None:
            self.worker.close()


def reused(p: Piece, path: Path) -> Piece:
    """A piece kept from the build before, for the input now at ``path``."""
    if p.outcome.path == str(path) and p.outcome.reused:
        return p
    return replace(p, outcome=replace(p.outcome, path=str(path), reused=True), said=None)
