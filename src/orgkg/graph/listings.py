"""The build's listing index: the whole-organisation listings' rows, in order, in SQLite beside the store.

At 100,000 positions a listing of every post (``everyone-under`` the top post,
``post-layers``, ``positions-by-level``, ``span-of-control``) takes seconds in
the store: reading 100,000 terms back out of it is a disk look-up each
(bench/results/layers.md). The build computes these listings' rows from what it
holds in memory (the derived structure, and each input's ``Facts``: its primary
titles, described posts, levels and stated spans; ``query.listings``) and keeps
them here, in order, with the posts they concern:

    post      each post (or supervisor) of a row, by a number
    row       (listing, rank, post, terms): a listing's rows in order, each row's terms as JSON
    above     (boss, post): every post above a post (``orgkg:reportsToTransitively``)
    placed    (unit, post): ``org:postIn``

A listing for one unit (or under one post) is then the whole listing's rows for
the posts concerned: a subset of ordered rows is still in order. The file names
the build that wrote it, as the title index does (``graph.titles``); a build
whose inputs give the listings the same facts links the file of the build
before instead (``build.write``).
"""

from __future__ import annotations

import gc
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any, NamedTuple

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from orgkg.errors import GraphError
from orgkg.graph.output import built_id, resolve
from orgkg.graph.terms import Stored, from_stored, stored
from orgkg.mapping.vocab import ORGKG

FILE = "listings.sqlite"

Pair = tuple[str, Stored]  # (IRI, a term kept)
Line = tuple[str, str]
Row = tuple[ox.NamedNode | ox.Literal | None, ...]


class Facts(NamedTuple):
    """What the listings read of one input (or of the whole build), besides the derived structure's
    parts: IRIs as text, terms kept as ``graph.terms.Stored``."""

    titles: tuple[Pair, ...] = ()  # (post, its orgkg:primaryTitle)
    described: tuple[str, ...] = ()  # posts with an orgkg:describedBy
    levels: tuple[Line, ...] = ()  # (post, level node) of orgkg:level
    labels: tuple[Pair, ...] = ()  # (level node, its skos:prefLabel)
    stated: tuple[Pair, ...] = ()  # (post, its orgkg:supervisesCount)

    @classmethod
    def from_json(cls, data: Sequence[Sequence[Any]]) -> Facts:
        """The facts as ``json`` gives them back (lists for tuples)."""
        titles, described, levels, labels, stated = data
        return cls(_pairs(titles), tuple(described), tuple((a, b) for a, b in levels), _pairs(labels),
                   _pairs(stated))


def _pairs(data: Iterable[Sequence[Any]]) -> tuple[Pair, ...]:
    return tuple((iri, tuple(kept)) for iri, kept in data)


def facts(g: Graph) -> Facts:
    """The listings' facts of one input's graph: its posts' primary titles, descriptions, levels
    and stated spans, and the labels of the levels it names (each level is labelled in every graph
    that names it, ``mapping.terms``)."""
    def pairs(predicate: URIRef) -> tuple[Pair, ...]:
        return tuple(dict.fromkeys((str(s), kept) for s, o in g.subject_objects(predicate)
                                   if isinstance(s, URIRef) and (kept := stored(o)) is not None))
    levels = tuple(dict.fromkeys((str(s), str(o)) for s, o in g.subject_objects(ORGKG.level)
                                 if isinstance(s, URIRef) and isinstance(o, URIRef)))
    nodes = {URIRef(node) for _, node in levels} | set(g.subjects(RDF.type, ORGKG.Level))
    labels = tuple(dict.fromkeys((str(node), kept) for node in nodes
                                 for label in g.objects(node, SKOS.prefLabel)
                                 if (kept := stored(label)) is not None))
    described = tuple(dict.fromkeys(str(s) for s in g.subjects(ORGKG.describedBy) if isinstance(s, URIRef)))
    return Facts(pairs(ORGKG.primaryTitle), described, levels, labels, pairs(ORGKG.supervisesCount))


class Listing(NamedTuple):
    """One listing's rows in order: its variables, the one naming the post each row concerns, and
    each row's terms (kept: ``Stored``, None where unbound)."""

    variables: tuple[str, ...]
    post: str
    rows: list[tuple[Stored | None, ...]]


def write(path: Path, listings: Mapping[str, Listing], above: Mapping[str, Iterable[str]],
          placed: Iterable[Line], *, build: str | None = None) -> None:
    """The index: each listing's rows, every (post, post above it) of ``above`` (post -> the posts
    above it) and (post, unit) of ``placed``; ``build`` names the build it belongs to."""
    path.unlink(missing_ok=True)
    ids: dict[str, int] = {}

    def number(iri: str) -> int:
        found = ids.get(iri)
        if found is None:
            found = ids[iri] = len(ids) + 1
        return found

    with closing(sqlite3.connect(path)) as db, db:
        db.executescript("""
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE build (id TEXT);
            CREATE TABLE listing (name TEXT PRIMARY KEY, variables TEXT NOT NULL);
            CREATE TABLE post (id INTEGER PRIMARY KEY, iri TEXT UNIQUE NOT NULL);
            CREATE TABLE row (listing TEXT NOT NULL, rank INTEGER NOT NULL, post INTEGER NOT NULL,
                              terms TEXT NOT NULL, PRIMARY KEY (listing, rank)) WITHOUT ROWID;
            CREATE TABLE above (boss INTEGER NOT NULL, post INTEGER NOT NULL);
            CREATE TABLE placed (unit TEXT NOT NULL, post INTEGER NOT NULL);
        """)
        db.execute("INSERT INTO build VALUES (?)", (build,))
        dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode
        for name, listing in listings.items():
            db.execute("INSERT INTO listing VALUES (?, ?)", (name, json.dumps(listing.variables)))
            at = listing.variables.index(listing.post)
            db.executemany("INSERT INTO row VALUES (?, ?, ?, ?)", (
                (name, rank, number(row[at][0]), dumps(row))  # type: ignore[index]
                for rank, row in enumerate(listing.rows)))
        db.executemany("INSERT INTO above VALUES (?, ?)",
                       ((number(boss), number(post)) for post, bosses in above.items() for boss in bosses))
        db.executemany("INSERT INTO placed VALUES (?, ?)", ((unit, number(post)) for post, unit in placed))
        db.executemany("INSERT INTO post VALUES (?, ?)", ((n, iri) for iri, n in ids.items()))
        db.execute("CREATE INDEX above_boss ON above (boss)")
        db.execute("CREATE INDEX placed_unit ON placed (unit)")


_ROWS = "SELECT terms FROM row WHERE listing = ?"


class ListingIndex:
    """An opened listing index; ``open`` gives None where the build wrote none (older builds)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._types: dict[str, ox.NamedNode] = {}

    @classmethod
    def open(cls, folder: Path) -> ListingIndex | None:
        """The index of the build in ``folder``; one another build wrote is stale (``GraphError``)."""
        built = resolve(folder)
        path = built / FILE
        if not path.is_file():
            return None
        build = built_id(built, "listings")
        if build is not None and cls(path).build() != build:
            raise GraphError(str(path), "the listing index is not from the build beside it (stale or "
                             "damaged)", "rebuild with `orgkg build`")
        return cls(path)

    def build(self) -> str | None:
        """The id of the build that wrote the index (None if it does not say)."""
        try:
            with closing(self._connect()) as db:
                row = db.execute("SELECT id FROM build").fetchone()
        except sqlite3.Error:
            return None
        return str(row[0]) if row and row[0] is not None else None

    def rows(self, name: str, *, unit: str | None = None, post: str | None = None,
             ) -> tuple[tuple[str, ...], list[Row]] | None:
        """A listing's variables and rows in order: all, those of the posts in ``unit``, or those
        of the posts under ``post``; None when the index does not keep the listing."""
        try:
            with closing(self._connect()) as db:
                kept = db.execute("SELECT variables FROM listing WHERE name = ?", (name,)).fetchone()
                if kept is None:
                    return None
                if post is not None:
                    found = db.execute(_ROWS + " AND post IN (SELECT a.post FROM post b JOIN above a"
                                       " ON a.boss = b.id WHERE b.iri = ?) ORDER BY rank", (name, post))
                elif unit is not None:
                    found = db.execute(_ROWS + " AND post IN (SELECT post FROM placed WHERE unit = ?)"
                                       " ORDER BY rank", (name, unit))
                else:
                    found = db.execute(_ROWS + " ORDER BY rank", (name,))
                text = "[" + ",".join(terms for (terms,) in found) + "]"  # one JSON text: read at once
        except sqlite3.Error:
            return None
        types, collecting = self._types, gc.isenabled()
        gc.disable()  # 100,000 rows of new terms, none in a cycle: collecting would walk them again and again
        try:
            rows: list[Row] = [tuple(from_stored(t, types) for t in row) for row in json.loads(text)]
        finally:
            if collecting:
                gc.enable()
        return tuple(json.loads(kept[0])), rows

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
