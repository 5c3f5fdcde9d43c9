"""The build's title index: every post's title, lower-cased, in a small SQLite file beside the store.

Looking for a word in titles is a scan of every title; in the store each long
string is a look-up on disk, so at 100,000 positions the scan takes about a
second (bench/results/store.md). SQLite scans the same 100,000 titles in a few
milliseconds. The index only narrows: the query still applies its own text
filter to the posts the index names, so its answers are the same with or
without the index (and on an endpoint, which has none).

Titles are lower-cased as SPARQL's ``LCASE`` does (Unicode lower case), so
"contains, in any case" means the same thing here and in the query.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from contextlib import closing
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from orgkg.errors import GraphError
from orgkg.graph.output import built_id, resolve
from orgkg.mapping.vocab import ORGKG

FILE = "titles.sqlite"


def write(path: Path, graphs: Mapping[URIRef, Graph], *, build: str | None = None) -> None:
    """The index of every ``orgkg:title`` in the graphs (a post titled in two documents twice)."""
    write_pairs(path, ((str(post), str(title)) for g in graphs.values()
                       for post, title in g.subject_objects(ORGKG.title) if isinstance(title, Literal)),
                build=build)


def write_pairs(path: Path, pairs: Iterable[tuple[str, str]], *, build: str | None = None) -> None:
    """The index of ``(post IRI, title)`` pairs, replacing any earlier file; ``build`` names the
    build it belongs to, so an index from another build is told from the right one."""
    path.unlink(missing_ok=True)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("CREATE TABLE title (post TEXT NOT NULL, lower TEXT NOT NULL)")
        db.executemany("INSERT INTO title VALUES (?, ?)", ((p, t.lower()) for p, t in pairs))
        db.execute("CREATE TABLE build (id TEXT)")
        db.execute("INSERT INTO build VALUES (?)", (build,))


class TitleIndex:
    """An opened title index; ``open`` gives None where the build wrote none (older builds)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def open(cls, folder: Path) -> TitleIndex | None:
        """The index of the build in ``folder``; one that another build wrote is stale, and
        ``GraphError`` says so (its answers would narrow a search to posts that are not there)."""
        built = resolve(folder)
        path = built / FILE
        if not path.is_file():
            return None
        build = built_id(built, "titles")
        if build is not None and cls(path).build() != build:
            raise GraphError(str(path), "the title index is not from the build beside it (stale or "
                             "damaged)", "rebuild with `orgkg build`")
        return cls(path)

    def build(self) -> str | None:
        """The id of the build that wrote the index (None if it does not say)."""
        try:
            with closing(sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)) as db:
                row = db.execute("SELECT id FROM build").fetchone()
        except sqlite3.Error:
            return None
        return str(row[0]) if row and row[0] is not None else None

    def posts_containing(self, text: str, limit: int) -> list[str] | None:
        """The posts whose title contains ``text`` in any case; None when more than ``limit`` do
        (listing them would not narrow the query) or the file cannot be read."""
        try:
            with closing(sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)) as db:
                found = [row[0] for row in db.execute(
                    "SELECT DISTINCT post FROM title WHERE instr(lower, ?) > 0 ORDER BY post LIMIT ?",
                    (text.lower(), limit + 1))]
        except sqlite3.Error:
            return None
        return found if len(found) <= limit else None
