"""The build's listing index: the whole-organisation listings' rows, in order, in SQLite beside the store.

At 100,000 positions a listing of every post (``everyone-under`` the top post,
``post-layers``, ``positions-by-level``, ``span-of-control``) takes seconds in
the store: reading 100,000 terms back out of it is a disk look-up each
(bench/results/layers.md). The build computes these listings' rows from what it
holds in memory (the derived structure, and each input's ``Facts``: its primary
titles, described posts, levels and stated spans; ``query.listings``) and keeps
them here, with the posts they concern and the facts they were made from:

    post      each post (or supervisor) by a number, with what the structure gives its rows:
              its layer, whether a post is above it, its direct reports
    row       (listing, key, post, terms): a listing's rows, each row's terms as JSON; the key
              (``query.order.Ordering.binary``) orders them as the listing's query does
    above     (boss, post): every post above a post (``orgkg:reportsToTransitively``)
    placed    (unit, post): ``org:postIn``
    piece     each input's named graph, with the digest of its facts
    fact      (piece, subject, kind, value): each input's ``Facts``, one a row

A listing for one unit (or under one post) is the whole listing's rows for the
posts concerned, by key: still in order. The file names the build that wrote
it, as the title index does (``graph.titles``). A build whose inputs give the
listings the same facts links the file of the build before; one whose
structure is the same but some inputs' facts are not copies it and changes
only the rows of the posts those facts concern (``Patch``); another writes it
whole (``build.write``).
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any, NamedTuple

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from orgkg.graph.output import BuiltIndex, read_only
from orgkg.graph.terms import Stored, from_stored, stored
from orgkg.mapping.vocab import ORGKG

FILE = "listings.sqlite"
#: The file's layout (``PRAGMA user_version``): a build patches or links only an index of this one.
LAYOUT = 2

Pair = tuple[str, Stored]  # (IRI, a term kept)
Line = tuple[str, str]
Row = tuple[ox.NamedNode | ox.Literal | None, ...]
Kept = tuple[Stored | None, ...]  # a row's terms as kept
FactRow = tuple[str, int, str]  # a row of ``fact`` without its piece: (subject, kind, value)
#: The kinds of facts in ``fact``, by number, as ``Facts`` names its fields.
KINDS = ("titles", "described", "levels", "labels", "stated")
_dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


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


    def rows(self) -> set[FactRow]:
        """The facts as rows of ``fact``: (subject, kind, value); a term as its JSON, a level's node
        as its IRI, a description as nothing."""
        titles, described, levels, labels, stated = self
        return ({(s, 0, _dumps(t)) for s, t in titles} | {(s, 1, "") for s in described}
                | {(s, 2, node) for s, node in levels} | {(s, 3, _dumps(t)) for s, t in labels}
                | {(s, 4, _dumps(t)) for s, t in stated})


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


class Post(NamedTuple):
    """What the structure gives a post's rows: its layer, whether a post is above it, its direct reports."""

    layer: int | None = None
    under: bool = False
    direct: int = 0


class Held(NamedTuple):
    """All the facts of one post the inputs give (``Facts``, gathered over them), and its ``Post``."""

    post: Post
    titles: set[Stored]
    described: bool
    levels: set[str]
    stated: set[Stored]


Written = tuple[str, bytes, str, Kept]  # a row: (listing, key, post, terms)

_SCHEMA = f"""
    PRAGMA user_version = {LAYOUT};
    CREATE TABLE build (id TEXT);
    CREATE TABLE listing (name TEXT PRIMARY KEY, variables TEXT NOT NULL);
    CREATE TABLE post (id INTEGER PRIMARY KEY, iri TEXT UNIQUE NOT NULL, layer INTEGER,
                       under INTEGER NOT NULL DEFAULT 0, direct INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE row (listing TEXT NOT NULL, key BLOB NOT NULL, post INTEGER NOT NULL,
                      terms TEXT NOT NULL, PRIMARY KEY (listing, key)) WITHOUT ROWID;
    CREATE TABLE above (boss INTEGER NOT NULL, post INTEGER NOT NULL);
    CREATE TABLE placed (unit TEXT NOT NULL, post INTEGER NOT NULL);
    CREATE TABLE piece (graph TEXT PRIMARY KEY, digest TEXT NOT NULL);
    CREATE TABLE fact (piece TEXT NOT NULL, subject TEXT NOT NULL, kind INTEGER NOT NULL,
                       value TEXT NOT NULL, PRIMARY KEY (piece, subject, kind, value)) WITHOUT ROWID;
"""
_INDEXES = """
    CREATE INDEX row_post ON row (post);
    CREATE INDEX above_boss ON above (boss);
    CREATE INDEX placed_unit ON placed (unit);
    CREATE INDEX fact_subject ON fact (subject);
    CREATE INDEX fact_level ON fact (value) WHERE kind = 2;
"""


def write(path: Path, variables: Mapping[str, tuple[str, ...]], rows: Iterable[Written],
          posts: Mapping[str, Post], above: Mapping[str, Iterable[str]], placed: Iterable[Line],
          pieces: Mapping[str, tuple[str, Facts]], *, build: str | None = None) -> None:
    """The index: the listings kept (their variables) and their rows, what the structure gives each
    post, every (post, post above it) of ``above`` (post -> the posts above it), (post, unit) of
    ``placed``, and each input's facts with their digest (graph -> (digest, facts)); ``build``
    names the build it belongs to."""
    path.unlink(missing_ok=True)
    ids = {iri: n for n, iri in enumerate(posts, 1)}

    def number(iri: str) -> int:
        found = ids.get(iri)
        if found is None:
            found = ids[iri] = len(ids) + 1
        return found

    with closing(sqlite3.connect(path)) as db, db:
        db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
        db.execute("INSERT INTO build VALUES (?)", (build,))
        db.executemany("INSERT INTO listing VALUES (?, ?)",
                       ((name, json.dumps(v)) for name, v in variables.items()))
        # in the order of each table's primary key: SQLite appends to its B-tree (in any order: 7 s of CPU
        # more at 100,000 positions)
        ordered = sorted(rows, key=_first_two)
        db.executemany("INSERT INTO row VALUES (?, ?, ?, ?)",
                       ((name, key, number(post), _dumps(terms)) for name, key, post, terms in ordered))
        db.executemany("INSERT INTO above VALUES (?, ?)",
                       ((number(boss), number(post)) for post, bosses in above.items() for boss in bosses))
        db.executemany("INSERT INTO placed VALUES (?, ?)", ((unit, number(post)) for post, unit in placed))
        db.executemany("INSERT INTO post VALUES (?, ?, ?, ?, ?)", (
            (n, iri, *(posts.get(iri) or Post())) for iri, n in ids.items()))
        db.executemany("INSERT INTO piece VALUES (?, ?)", ((g, digest) for g, (digest, _) in pieces.items()))
        db.executemany("INSERT INTO fact VALUES (?, ?, ?, ?)",
                       ((g, *fact) for g in sorted(pieces) for fact in sorted(pieces[g][1].rows())))
        db.executescript(_INDEXES)


def _first_two(row: Written) -> tuple[str, bytes]:
    return row[0], row[1]


def current(path: Path) -> bool:
    """Whether ``path`` is an index of this layout (``LAYOUT``: an older build's is written again)."""
    try:
        with closing(read_only(path)) as db:
            return bool(db.execute("PRAGMA user_version").fetchone()[0] == LAYOUT)
    except sqlite3.Error:
        return False


#: A file's stat as a build records it: size, modification time (ns), inode.
Seen = tuple[int, int, int]


def seen(path: Path) -> Seen:
    """The index's size, modification time (ns) and inode, as the build that wrote or linked it records
    them (``sound``)."""
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns, st.st_ino


def sound(path: Path, build: str | None, recorded: Sequence[int] | None = None,
          since: int | None = None) -> bool:
    """Whether ``path`` is an index of this layout (``current``) that ``build`` wrote, undamaged: what a
    build checks before it links or patches the build before's index into its own (a damaged or stale
    one is written whole). The layout and the build id are read each time; every page is read too
    (``PRAGMA quick_check``: about 0.06 s of CPU at 20,000 posts, 47 MiB, 0.3 s at 270 MiB) unless the
    file's stat is the one the build before ``recorded`` (``seen``) and its modification time earlier
    than ``since`` (when that build wrote its record, ns): as git trusts its index and make its
    targets, a file whose size, modification time and inode are unchanged is taken as unchanged. A
    write to the file changes its modification time; one in the same tick of the clock as the record
    would not show, so a file modified no earlier than ``since`` is read whole (git's 'racily clean').
    Not detected: a change that puts the modification time back (``touch -d``, a copy keeping times
    onto the same inode) or a disk's own corruption under an unchanged stat."""
    try:
        trusted = recorded is not None and since is not None and (
            tuple(recorded) == seen(path) and recorded[1] < since)
        with closing(read_only(path)) as db:
            layout = db.execute("PRAGMA user_version").fetchone()[0]
            made = db.execute("SELECT id FROM build").fetchall()
            checked = [("ok",)] if trusted else db.execute("PRAGMA quick_check").fetchall()
    except (sqlite3.Error, OSError):
        return False
    return bool(layout == LAYOUT and made == [(build,)] and checked == [("ok",)])


class Patch:
    """A copy of the build before's index, changed for the inputs whose facts changed
    (``query.listings.update``): their facts replaced, the rows of the posts they concern made
    again. The build before's file is never written to. The copy keeps no journal (it is a new file
    in the version folder being written): on any failure the copy is removed (``abandon``) and the
    index written whole, so nothing half-patched is ever published."""

    def __init__(self, kept: Path, path: Path) -> None:
        shutil.copyfile(kept, path)
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("BEGIN")

    def listings(self) -> dict[str, tuple[str, ...]]:
        """The listings the index keeps, with their variables."""
        found = self.db.execute("SELECT name, variables FROM listing")
        return {name: tuple(json.loads(v)) for name, v in found}

    def pieces(self) -> dict[str, str]:
        """Each input's named graph, with the digest of its facts when they were kept."""
        return dict(self.db.execute("SELECT graph, digest FROM piece"))

    def facts(self, graph: str) -> set[FactRow]:
        """An input's facts as kept (``Facts.rows``)."""
        return set(self.db.execute("SELECT subject, kind, value FROM fact WHERE piece = ?", (graph,)))

    def replace(self, graph: str, digest: str | None, old: set[FactRow],
                new: set[FactRow]) -> None:
        """An input's facts ``old`` replaced by ``new`` (the input gone: ``digest`` None)."""
        self.db.executemany("DELETE FROM fact WHERE piece = ? AND subject = ? AND kind = ? AND value = ?",
                            ((graph, *f) for f in old - new))
        self.db.executemany("INSERT INTO fact VALUES (?, ?, ?, ?)", ((graph, *f) for f in new - old))
        if digest is None:
            self.db.execute("DELETE FROM piece WHERE graph = ?", (graph,))
        else:
            self.db.execute("INSERT OR REPLACE INTO piece VALUES (?, ?)", (graph, digest))

    def with_levels(self, nodes: Iterable[str]) -> set[str]:
        """The posts at any of these levels."""
        return {post for node in nodes for (post,) in self.db.execute(
            "SELECT subject FROM fact WHERE kind = 2 AND value = ?", (node,))}

    def held(self, post: str) -> Held:
        """All that the index holds of a post for its rows."""
        found = self.db.execute("SELECT layer, under, direct FROM post WHERE iri = ?", (post,)).fetchone()
        titles, levels, stated, described = set(), set(), set(), False
        for kind, value in self.db.execute("SELECT kind, value FROM fact WHERE subject = ?", (post,)):
            if kind == 0:
                titles.add(_term(value))
            elif kind == 1:
                described = True
            elif kind == 2:
                levels.add(value)
            elif kind == 4:
                stated.add(_term(value))
        shape = Post(found[0], bool(found[1]), found[2]) if found else Post()
        return Held(shape, titles, described, levels, stated)

    def labels(self, nodes: Iterable[str]) -> dict[str, set[Stored]]:
        """Each level node's labels."""
        return {node: {_term(v) for (v,) in self.db.execute(
            "SELECT value FROM fact WHERE subject = ? AND kind = 3", (node,))} for node in nodes}

    def put(self, name: str, post: str, rows: Iterable[tuple[bytes, Kept]]) -> None:
        """A post's rows of a listing, in place of those it had."""
        rows = list(rows)
        found = self.db.execute("SELECT id FROM post WHERE iri = ?", (post,)).fetchone()
        if found is None and not rows:
            return
        if found is None:
            found = self.db.execute("INSERT INTO post (iri) VALUES (?) RETURNING id", (post,)).fetchone()
        n = found[0]
        self.db.execute("DELETE FROM row WHERE listing = ? AND post = ?", (name, n))
        self.db.executemany("INSERT INTO row VALUES (?, ?, ?, ?)",
                            ((name, key, n, _dumps(terms)) for key, terms in rows))

    def drop(self, name: str) -> None:
        """A listing no longer kept (the store answers it)."""
        self.db.execute("DELETE FROM row WHERE listing = ?", (name,))
        self.db.execute("DELETE FROM listing WHERE name = ?", (name,))

    def done(self, build: str) -> None:
        """The changes kept, the index now ``build``'s."""
        self.db.execute("UPDATE build SET id = ?", (build,))
        self.db.execute("COMMIT")
        self.db.close()

    def abandon(self) -> None:
        self.db.close()


def _term(value: str) -> Stored:
    return tuple(json.loads(value))


# The rows in key order, as the primary key keeps them: ``+post`` keeps SQLite from finding them by
# ``row_post`` instead and sorting them again (everyone-under the top post: 1.5 s of CPU against 0.65).
_ROWS = "SELECT terms FROM row WHERE listing = ?"


class ListingIndex(BuiltIndex):
    """An opened listing index (``BuiltIndex.open``)."""

    FILE, PART, NOUN = FILE, "listings", "listing index"

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._types: dict[str, ox.NamedNode] = {}

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
                    found = db.execute(_ROWS + " AND +post IN (SELECT a.post FROM post b JOIN above a"
                                       " ON a.boss = b.id WHERE b.iri = ?) ORDER BY key", (name, post))
                elif unit is not None:
                    found = db.execute(_ROWS + " AND +post IN (SELECT post FROM placed WHERE unit = ?)"
                                       " ORDER BY key", (name, unit))
                else:
                    found = db.execute(_ROWS + " ORDER BY key", (name,))
                text = "[" + ",".join(terms for (terms,) in found) + "]"  # one JSON text: read at once
        except sqlite3.Error:
            return None
        types, collecting = self._types, gc.isenabled()
        gc.disable()  # 100,000 rows of new terms, none in a cycle: collecting would walk them again and again
        try:
            rows: list[Row] = [tuple(from_stored(t, types) for t in row) for row in json.loads(text)]
            variables = tuple(json.loads(kept[0]))
        except (ValueError, TypeError, IndexError, KeyError):  # a damaged row: the store answers
            return None
        finally:
            if collecting:
                gc.enable()
        return variables, rows


