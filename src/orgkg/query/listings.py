"""The build's listing index: the whole-organisation listings' rows, in order, in SQLite beside the store.

At 100,000 positions a listing of every post (``everyone-under`` the top post,
``post-layers``, ``positions-by-level``, ``span-of-control``) takes seconds in
the store: reading 100,000 terms back out of it is a disk look-up each
(bench/results/layers.md). The build runs each of these named queries once,
whole, on the store it has just written (``LocalGraph``, so with the same
ordering), and keeps the rows in their order with the posts they concern:

    post      each post (or supervisor) of a row, by a number
    row       (listing, rank, post, terms): a listing's rows in order
    above     (boss, post): ``orgkg:reportsToTransitively``, for ``everyone-under``
    placed    (unit, post): ``org:postIn``, for the unit-scoped forms

A listing for one unit (or one level, or under one post) is then the whole
listing's rows for the posts concerned, and a subset of ordered rows is still in
order: the rows are those the query gives, in its order (tests/test_listings.py
checks each against the query). ``everyone-under`` is kept as every titled
post's (subordinate, least title) in the query's order, joined to ``above``.

A listing whose rows hold a term the file cannot keep (a blank node, a quoted
triple) is not kept, and is answered by the store; so is any other query.
The file names the build it belongs to, as the title index does
(``graph.titles``), and is written by every build, whole or incremental, from
the store it wrote (``build.write``); ``orgkg reason`` adds only ``rdf:type``
memberships, which no listing reads, so its version keeps the file.
"""

from __future__ import annotations

import gc
import json
import sqlite3
from collections.abc import Mapping
from contextlib import closing
from pathlib import Path

import pyoxigraph as ox

from orgkg.errors import GraphError
from orgkg.graph.built import BuiltGraph
from orgkg.graph.output import built_id, resolve
from orgkg.graph.terms import from_stored, to_stored
from orgkg.query.library import NamedQuery, library
from orgkg.query.params import Term
from orgkg.query.results import Result, Row

FILE = "listings.sqlite"
#: The named queries kept, and the parameter that scopes each to some of its posts besides ``unit``.
LISTINGS = ("post-layers", "positions-by-level", "span-of-control", "everyone-under")
#: Each listing's variable naming the post a row concerns (its unit is that post's).
_POST = {"post-layers": "post", "positions-by-level": "post", "span-of-control": "supervisor",
         "everyone-under": "subordinate"}
_WITH = "PREFIX orgkg: <https://w3id.org/orgkg/ontology#>\nPREFIX org: <http://www.w3.org/ns/org#>\n"
_ROWS = "SELECT terms FROM row WHERE listing = ?"
_ABOVE = _WITH + "SELECT ?post ?boss WHERE { ?post orgkg:reportsToTransitively ?boss }"
_PLACED = _WITH + "SELECT ?post ?unit WHERE { ?post org:postIn ?unit }"


def write(path: Path, graph: BuiltGraph, *, build: str | None = None) -> None:
    """The index of ``graph``'s listings, replacing any earlier file; ``build`` names the build."""
    from orgkg.query.local import LocalGraph  # the engine that answers from this index

    engine = LocalGraph(graph, listings=None)
    path.unlink(missing_ok=True)
    with closing(sqlite3.connect(path)) as db, db:
        db.executescript("""
            CREATE TABLE build (id TEXT);
            CREATE TABLE listing (name TEXT PRIMARY KEY, variables TEXT NOT NULL);
            CREATE TABLE post (id INTEGER PRIMARY KEY, iri TEXT UNIQUE NOT NULL);
            CREATE TABLE row (listing TEXT NOT NULL, rank INTEGER NOT NULL, post INTEGER NOT NULL,
                              terms TEXT NOT NULL, PRIMARY KEY (listing, rank)) WITHOUT ROWID;
            CREATE TABLE above (boss INTEGER NOT NULL, post INTEGER NOT NULL);
            CREATE TABLE placed (unit TEXT NOT NULL, post INTEGER NOT NULL);
        """)
        db.execute("INSERT INTO build VALUES (?)", (build,))
        ids: dict[str, int] = {}

        def number(iri: str) -> int:
            if iri not in ids:
                ids[iri] = len(ids) + 1
            return ids[iri]

        for name in LISTINGS:
            query = library()[name]
            text = query.text if name != "everyone-under" else _titled(query)
            answer = engine.run(text, {}, union=True)
            rows = list(answer.rows)
            column = answer.variables.index(_POST[name])
            encoded = [[to_stored(t) for t in row] for row in rows]
            if any(e is False for row in encoded for e in row) or any(
                    not isinstance(row[column], ox.NamedNode) for row in rows):
                continue  # a term this file cannot keep: the store answers this listing
            db.execute("INSERT INTO listing VALUES (?, ?)", (name, json.dumps(answer.variables)))
            db.executemany("INSERT INTO row VALUES (?, ?, ?, ?)", (
                (name, rank, number(str(row[column].value)), json.dumps(terms))  # type: ignore[union-attr]
                for rank, (row, terms) in enumerate(zip(rows, encoded, strict=True))))
        for text, table in ((_ABOVE, "above"), (_PLACED, "placed")):
            solutions = graph.query(text)
            assert isinstance(solutions, ox.QuerySolutions)
            pairs = [(post, other) for post, other in (tuple(s) for s in solutions)
                     if isinstance(post, ox.NamedNode) and isinstance(other, ox.NamedNode)]
            if table == "above":
                db.executemany("INSERT INTO above VALUES (?, ?)",
                               ((number(b.value), number(p.value)) for p, b in pairs))
            else:
                db.executemany("INSERT INTO placed VALUES (?, ?)",
                               ((u.value, number(p.value)) for p, u in pairs))
        db.executemany("INSERT INTO post VALUES (?, ?)", ((n, iri) for iri, n in ids.items()))
        db.execute("CREATE INDEX above_boss ON above (boss)")
        db.execute("CREATE INDEX placed_unit ON placed (unit)")


def _titled(query: NamedQuery) -> str:
    """``everyone-under`` for every titled post at once: (subordinate, least title), in its order."""
    head = query.text[:query.text.index("SELECT")]
    return head + ("SELECT ?subordinate (MIN(?t) AS ?title)\n"
                   "WHERE { ?subordinate orgkg:primaryTitle ?t }\n"
                   "GROUP BY ?subordinate\nORDER BY ?title ?subordinate\n")


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

    def answer(self, query: NamedQuery, values: Mapping[str, Term]) -> Result | None:
        """The rows of one of the library's listings with these values, in its order; None for
        any other query or parameter, or a listing the index does not keep."""
        name = query.name
        if name not in LISTINGS or query is not library().get(name):
            return None
        allowed = {"everyone-under": {"post"}, "positions-by-level": {"unit", "level"}}.get(name, {"unit"})
        if not set(values) <= allowed or (name == "everyone-under" and "post" not in values):
            return None
        unit, post, level = values.get("unit"), values.get("post"), values.get("level")
        if (unit is not None and not isinstance(unit, ox.NamedNode)) or (
                post is not None and not isinstance(post, ox.NamedNode)):
            return None
        try:  # the listing's rows in order, those of the posts concerned (a set SQLite makes once)
            with closing(self._connect()) as db:
                kept = db.execute("SELECT variables FROM listing WHERE name = ?", (name,)).fetchone()
                if kept is None:
                    return None
                if post is not None:
                    found = db.execute(_ROWS + " AND post IN (SELECT a.post FROM post b JOIN above a"
                                       " ON a.boss = b.id WHERE b.iri = ?) ORDER BY rank", (name, post.value))
                elif unit is not None:
                    found = db.execute(_ROWS + " AND post IN (SELECT post FROM placed WHERE unit = ?)"
                                       " ORDER BY rank", (name, unit.value))
                else:
                    found = db.execute(_ROWS + " ORDER BY rank", (name,))
                text = "[" + ",".join(terms for (terms,) in found) + "]"  # one JSON text: read at once
        except sqlite3.Error:
            return None
        variables = tuple(json.loads(kept[0]))
        if name == "everyone-under":
            variables = ("post", *variables)
        types, collecting = self._types, gc.isenabled()
        gc.disable()  # 100,000 rows of new terms, none in a cycle: collecting would walk them again and again
        try:
            head = () if post is None else (post,)
            rows: list[Row] = [(*head, *(from_stored(t, types) for t in row)) for row in json.loads(text)]
        finally:
            if collecting:
                gc.enable()
        if level is not None:
            at = variables.index("level")
            rows = [row for row in rows if row[at] == level]
        return Result("SELECT", variables, rows)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
