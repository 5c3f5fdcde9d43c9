"""Build: files -> one named graph per document, each landing whole or not at all.

``load`` runs one document through read -> recognise/extract -> map and
returns its outcome with its graph; a failure is an outcome too, so one bad
document never loses the others. ``collect`` expands folders.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from rdflib import Graph, URIRef
from rdflib.namespace import ORG, RDF

from orgkg import __version__
from orgkg.errors import InputError, NotAPositionError
from orgkg.extract import EXTRACTORS, Recognition, extract_tidy
from orgkg.extract.register import recognise as recognise_register
from orgkg.extract.text import tidy
from orgkg.mapping import Provenance
from orgkg.mapping.evidence import Statement
from orgkg.mapping.mapper import mapped
from orgkg.mapping.register import RegisterParts, RegisterSource, register_parts
from orgkg.read import Document, Limits, Worker, load_bytes, read, supported
from orgkg.read.limits import deadline
from orgkg.read.table import is_table, read_table

#: The family name a position register is reported under.
REGISTER = "position-register"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#: the status of a document that was read but describes no position.
NOT_A_POSITION = "not a position description"
#: the status of a file whose content (SHA-256) an earlier input has: one source, read once.
DUPLICATE = "duplicate"


@dataclass(frozen=True)
class Outcome:
    """What happened to one input file: typed data, formatted by the CLI."""

    path: str
    status: str  # "ok", "failed", "skipped", NOT_A_POSITION or DUPLICATE
    family: str | None = None
    confidence: float | None = None
    positions: int = 0
    triples: int = 0
    error: str | None = None
    encoding: str | None = None
    media_type: str | None = None
    reader: str | None = None
    pages: int | None = None
    seconds: float = 0.0
    problems: tuple[str, ...] = ()  # a register's bad rows, one message each
    sha256: str | None = None
    same_content: tuple[str, ...] = ()  # the other inputs with this content (read once, as this one)
    reused: bool = False  # its graph was kept from the build before (the same content): not read again


@dataclass(frozen=True)
class Loaded:
    outcome: Outcome
    graph_iri: URIRef | None = None
    graph: Graph | None = None
    parts: RegisterParts | None = None  # a register's: what the build takes from its graph, from its rows
    evidence: tuple[Statement, ...] = ()  # a document's evidence, apart from its graph (as written)


class Found(NamedTuple):
    """A file to consider: whether the user named it, and whether it is a symbolic link out of the
    folder it was found in (not followed unless asked: a link to /etc/passwd is no job description)."""

    path: Path
    explicit: bool
    escapes: bool = False


def collect(paths: Iterable[Path], *, follow_links: bool = False) -> Iterator[Found]:
    """Every file to consider. Folders are walked recursively in sorted order; hidden files are
    passed over; links are followed only inside the folder unless ``follow_links``."""
    for path in paths:
        if path.is_dir():
            yield from sorted(_walk(path, follow_links), key=lambda found: found.path.parts)
        else:
            yield Found(path, True)


def _walk(root: Path, follow_links: bool) -> Iterator[Found]:
    inside, visited = root.resolve(), set()
    for folder, dirs, names in os.walk(root, followlinks=follow_links):
        here = Path(folder)
        if here.resolve() in visited:  # a link back up: walked already
            dirs[:] = []
            continue
        visited.add(here.resolve())
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        links = _links(folder)
        # Not only regular files: a pipe or socket named like a document is reported, not passed over.
        for name in names:
            if not name.startswith("."):
                child = here / name
                yield Found(child, False, name in links and not follow_links and _escapes(child, inside))
        for name in dirs:  # a link to a folder is walked when followed, else reported if it leads out
            if name in links and not follow_links and _escapes(here / name, inside):
                yield Found(here / name, False, True)


def _links(folder: str) -> set[str]:
    """The names of the symbolic links in a folder (from the folder's listing: no call per file)."""
    try:
        with os.scandir(folder) as entries:
            return {entry.name for entry in entries if entry.is_symlink()}
    except OSError:
        return set()


def _escapes(link: Path, inside: Path) -> bool:
    return not link.resolve().is_relative_to(inside)


def load(path: Path, *, name_shared: bool = False, limits: Limits | None = None,
         worker: Worker | None = None, columns: Mapping[str, str] | None = None) -> Loaded:
    """Read, extract and map one document; never raises for a bad document.

    When another input has the same file name (``name_shared``), the
    document's IRIs are minted from its name and a digest of its content.
    ``limits`` caps the file's size and the time spent on it; risky readers
    run in ``worker``. Any failure leaves no graph: the document lands whole
    or not at all. Position registers (``.csv``, ``.tsv``, ``.xlsx``) go to
    ``load_register``, with ``columns`` mapping a site's own headers. A file
    whose content an earlier input has is not given here (``duplicate``).
    """
    limits = limits or Limits()
    start = time.perf_counter()
    if is_table(path):
        return load_register(path, limits=limits, columns=columns)
    try:
        with deadline(str(path), limits.timeout):  # reading, decoding, extraction and mapping alike
            doc = read(path, limits, worker)
            iri, graph, evidence, found = _extract_and_map(doc, name_shared=name_shared)
    except NotAPositionError as err:
        return Loaded(Outcome(str(path), NOT_A_POSITION, error=err.message[:500],
                              seconds=time.perf_counter() - start))
    except InputError as err:
        return _failed(path, err.message, start)
    except RecursionError as err:
        return _failed(path, f"too deeply nested to read ({err})", start)
    except Exception as err:  # a bug in an extractor must not lose the other documents
        return _failed(path, f"internal error ({type(err).__name__}: {err}); please report it", start)
    return Loaded(
        Outcome(
            str(path), "ok", family=found.family, confidence=found.confidence,
            positions=len(set(graph.subjects(RDF.type, ORG.Post))), triples=len(graph) + len(evidence),
            encoding=doc.encoding, media_type=doc.media_type, reader=doc.reader,
            pages=len(doc.pages) or None, seconds=time.perf_counter() - start, sha256=doc.sha256,
        ),
        iri,
        graph,
        evidence=tuple(evidence),
    )


def load_register(path: Path, *, limits: Limits, columns: Mapping[str, str] | None = None) -> Loaded:
    """Read, recognise and map one position register; its bad rows become the outcome's problems."""
    start = time.perf_counter()
    try:
        data = load_bytes(path, limits)
        with deadline(str(path), limits.timeout):
            table = read_table(path, data)
            register = recognise_register(str(path), table, columns)
            source = RegisterSource(path.name, hashlib.sha256(data).hexdigest(), table.reader,
                                    "text/csv" if path.suffix.lower() != ".xlsx" else XLSX)
            iri, graph, parts = register_parts(register, source)
    except InputError as err:
        return _failed(path, err.message, start)
    except Exception as err:  # a bug must not lose the other documents
        return _failed(path, f"internal error ({type(err).__name__}: {err}); please report it", start)
    return Loaded(
        Outcome(str(path), "ok", family=REGISTER, positions=len(register.entries), triples=len(graph),
                encoding=table.encoding, media_type=source.media_type, reader=table.reader,
                seconds=time.perf_counter() - start,
                problems=tuple(f"row {p.row}: {p.message}" for p in register.problems)),
        iri,
        graph,
        parts,
    )


def duplicate(path: Path, first: str, sha256: str) -> Outcome:
    """The outcome of a file whose content an earlier input has: one source, read once."""
    return Outcome(str(path), DUPLICATE, error=f"same content as {first} (SHA-256 {sha256[:12]}...): "
                   "one source, read once", sha256=sha256)


def _failed(path: Path, message: str, start: float) -> Loaded:
    return Loaded(Outcome(str(path), "failed", error=message[:500], seconds=time.perf_counter() - start))


def indexed_text(doc: Document) -> str:
    """The text a document's evidence offsets index: what ``orgkg read FILE`` prints.

    The reader's text, tidied as every extractor reads it (``extract.text.tidy``).
    The build extracts from exactly this string, so an offset into it is an
    offset into what the extractor saw.
    """
    return tidy(doc.text)


def _extract_and_map(doc: Document, *,
                     name_shared: bool) -> tuple[URIRef, Graph, list[Statement], Recognition]:
    text = indexed_text(doc)
    extraction = extract_tidy(text)
    found = Recognition(extraction.family, extraction.confidence)
    extractor = EXTRACTORS[found.family]
    prov = Provenance(
        name=doc.name,
        sha256=doc.sha256,
        family=found.family,
        confidence=found.confidence,
        loader_version=f"orgkg {__version__}; {found.family} {extractor.version}",
        media_type=doc.media_type,
        encoding=doc.encoding,
        reader=doc.reader,
        key=f"{doc.name}#{doc.sha256[:16]}" if name_shared else "",
    )
    iri, graph, evidence = mapped(extraction, prov, text=text)
    return iri, graph, evidence, found


def shared_names(paths: Iterable[Path]) -> set[str]:
    """File names that more than one input has: their IRIs also carry a content digest."""
    names = Counter(p.name for p in paths)
    return {name for name, n in names.items() if n > 1}


def same_content(outcomes: list[Outcome]) -> list[Outcome]:
    """Each document read once, with the names of the other inputs that hold the same content."""
    twins: dict[str, list[str]] = {}
    for o in outcomes:
        if o.status == DUPLICATE and o.sha256:
            twins.setdefault(o.sha256, []).append(o.path)
    return [replace(o, same_content=tuple(twins[o.sha256]))
            if o.status != DUPLICATE and o.sha256 in twins else o for o in outcomes]


def skipped(found: Found) -> Loaded | None:
    """An outcome for a file found in a folder that orgkg has no reader for, or that is a link out."""
    path = found.path
    if found.escapes:
        return Loaded(Outcome(str(path), "skipped", error="a symbolic link out of the folder "
                              f"(to {path.resolve()}); pass --follow-links to read it"))
    if supported(path) or is_table(path):
        return None
    return Loaded(Outcome(str(path), "skipped", error=f"no reader for {path.suffix or 'this file'}"))
