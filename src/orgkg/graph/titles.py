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

import json
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping
from contextlib import closing
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from orgkg.graph.output import BuiltIndex
from orgkg.mapping.vocab import ORGKG

FILE = "titles.sqlite"
#: A patch changing more pairs than this writes the index whole instead.
MOST = 20_000


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


def patch_pairs(path: Path, kept: Path, gone: Iterable[tuple[str, str]], new: Iterable[tuple[str, str]],
                *, build: str) -> bool:
    """The build before's index ``kept`` copied to ``path``, the pairs ``gone`` taken out (a row
    each: a post titled alike in two documents has two) and those of ``new`` put in: the index
    ``write_pairs`` writes of the pairs after (the same rows; their order is no answer's).
    False, and nothing left at ``path``, when more than ``MOST`` pairs change, ``kept`` cannot be
    read or does not hold a pair of ``gone``: then write it whole. ``kept`` is never written to."""
    lower = Counter((p, t.lower()) for p, t in gone)
    higher = Counter((p, t.lower()) for p, t in new)
    out, put = lower - higher, higher - lower
    if out.total() + put.total() > MOST:
        return False
    done = False
    try:
        shutil.copyfile(kept, path)
        with closing(sqlite3.connect(path, isolation_level=None)) as db:
            db.execute("PRAGMA journal_mode = OFF")  # a new file: on failure removed, never published
            db.execute("BEGIN")
            rows = db.execute("SELECT rowid, post, lower FROM title WHERE post IN (SELECT value FROM "
                              "json_each(?))", (json.dumps(sorted({p for p, _ in out})),))
            drop = []
            for rowid, post, title in rows:
                if out[post, title] > 0:
                    out[post, title] -= 1
                    drop.append((rowid,))
            if out.total() == 0:
                db.executemany("DELETE FROM title WHERE rowid = ?", drop)
                db.executemany("INSERT INTO title VALUES (?, ?)", sorted(put.elements()))
                db.execute("UPDATE build SET id = ?", (build,))
                db.execute("COMMIT")
                done = True
    except sqlite3.Error:  # the index before is damaged: written whole
        pass
    finally:
        if not done:
            path.unlink(missing_ok=True)
    return done


class TitleIndex(BuiltIndex):
    """An opened title index (``BuiltIndex.open``)."""

    FILE, PART, NOUN = FILE, "titles", "title index"

    def posts_containing(self, text: str, limit: int) -> list[str] | None:
        """The posts whose title contains ``text`` in any case; None when more than ``limit`` do
        (listing them would not narrow the query) or the file cannot be read."""
        try:
            with closing(self._connect()) as db:
                found = [row[0] for row in db.execute(
                    "SELECT DISTINCT post FROM title WHERE instr(lower, ?) > 0 ORDER BY post LIMIT ?",
                    (text.lower(), limit + 1))]
        except sqlite3.Error:
            return None
        return found if len(found) <= limit else None
