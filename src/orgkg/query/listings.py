"""The library's whole-organisation listings, computed by the build and answered from its index.

``orgkg build`` computes the rows of ``everyone-under``, ``post-layers``,
``positions-by-level`` and ``span-of-control`` from what it holds in memory
(``listings``: the derived structure's layers and posts above, the reporting
lines and placements, and every input's ``graph.listings.Facts``) and keeps
them in order in the build's listing index (``graph.listings``). Each listing
is what its query in ``queries/`` gives over the union of the named graphs:

- ``post-layers``: every post with a layer, its layer and least primary title (none: unbound);
- ``positions-by-level``: every described post's (level label, level, post, title), distinct;
- ``span-of-control``: every supervisor with a primary title, its least one, its distinct direct
  reports counted and the largest count a document states (none: unbound);
- ``everyone-under``: every post with a post above it and a primary title, its least one.

Each row is made from one post's facts (``graph.listings.Held``) and is kept
with a key of bytes that orders it as its query's own ORDER BY does, as
``orgkg query`` orders it (``query.order``: ``Ordering.binary``); the listings
are tested equal to the queries, rows and order (tests/test_listings.py). A
listing with a row Python cannot make or order as the store does (a least
title or a largest count of two kinds, a title or level in a language) is not
kept: the store answers it.

``index`` writes the index whole (``structure`` derived again); ``update``
changes a copy of the build before's for the inputs whose facts changed, when
the structure did not: only the rows of the posts those facts concern are made
again (a post's titles, levels and stated span come from every input that
states them; what the structure gives it, from the index).

``answer`` gives the library's own listing with its declared parameters (a
unit, a level, the post at the top) from the index; any other query, a
user's file, or other parameters get None, and are run as SPARQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from orgkg.graph import listings as layout
from orgkg.graph.listings import FactRow, Facts, Held, Kept, Line, ListingIndex, Patch, Post, Written
from orgkg.graph.structure import Structure
from orgkg.graph.terms import XSD, Stored, as_kept, from_stored, stored
from orgkg.query.library import NamedQuery, library
from orgkg.query.order import ordering
from orgkg.query.params import Term
from orgkg.query.results import Result

LISTINGS = ("post-layers", "positions-by-level", "span-of-control", "everyone-under")
#: The parameters each listing is answered with from the index (``everyone-under`` needs its post).
PARAMS = {"post-layers": {"unit"}, "positions-by-level": {"unit", "level"}, "span-of-control": {"unit"},
          "everyone-under": {"post"}}
#: Each listing's variables (the post a row concerns among them), and the kind of its ordered literals.
VARIABLES = {"post-layers": ("layer", "post", "title"),
             "positions-by-level": ("level", "levelNode", "post", "title"),
             "span-of-control": ("supervisor", "title", "direct", "stated"),
             "everyone-under": ("subordinate", "title")}
_KINDS = {"layer": "number", "direct": "number", "title": "string", "level": "string"}
_LAYER, _COUNT = ox.NamedNode(XSD + "positiveInteger"), ox.NamedNode(XSD + "integer")
#: At most this many posts are made again in a copy of the index; more, and it is written whole.
MOST = 20_000
Pieces = Mapping[str, tuple[str, Callable[[], Facts]]]  # graph -> (digest of its facts, its facts)


def index(path: Path, structure: Structure, lines: Iterable[Line], placed: Iterable[Line],
          pieces: Pieces, *, build: str | None = None) -> None:
    """The listing index written whole, from the derived structure, the reporting lines and
    placements and every input's facts."""
    given = {graph: (digest, facts()) for graph, (digest, facts) in pieces.items()}
    titles: dict[str, set[Stored]] = {}
    described: set[str] = set()
    levels: dict[str, set[str]] = {}
    labels: dict[str, set[Stored]] = {}
    stated: dict[str, set[Stored]] = {}
    for _, f in given.values():
        for post, title in f.titles:
            titles.setdefault(post, set()).add(title)
        described.update(f.described)
        for post, node in f.levels:
            levels.setdefault(post, set()).add(node)
        for node, label in f.labels:
            labels.setdefault(node, set()).add(label)
        for post, n in f.stated:
            stated.setdefault(post, set()).add(n)
    below: dict[str, set[str]] = {}
    for report, supervisor in set(lines):
        below.setdefault(supervisor, set()).add(report)
    above, layers = structure.above, structure.layers
    shapes = {post: Post(layers.get(post), bool(above.get(post)), len(below.get(post, ())))
              for post in (*layers, *above, *below)}
    make, rows, dropped = _Rows(), list[Written](), set[str]()
    for post in dict.fromkeys((*shapes, *titles, *described)):
        held = Held(shapes.get(post, Post()), titles.get(post, set()), post in described,
                    levels.get(post, set()), stated.get(post, set()))
        for name, found in make(post, held, labels).items():
            if found is None:
                dropped.add(name)
            elif name not in dropped:
                rows += [(name, key, post, terms) for key, terms in found]
    layout.write(path, {n: v for n, v in VARIABLES.items() if n not in dropped},
                 (row for row in rows if row[0] not in dropped), shapes, above, placed, given, build=build)


def update(path: Path, kept: Path, pieces: Pieces, *, build: str) -> bool:
    """The build before's index ``kept``, copied to ``path`` and changed for the inputs whose facts
    changed (or are gone), when the structure is the same as that index's; False (nothing
    written) when it is of another layout, does not keep every listing, or when more than
    ``MOST`` posts would be made again: then ``index`` writes it whole."""
    if not layout.current(kept):
        return False
    patch, done = None, False
    try:
        patch = Patch(kept, path)
        if _patched(patch, pieces):
            patch.done(build)
            done = True
    except sqlite3.Error:  # the index before is damaged past its header (``current``): written whole
        pass
    finally:
        if not done:
            if patch is not None:
                patch.abandon()
            path.unlink(missing_ok=True)
    return done


def _patched(patch: Patch, pieces: Pieces) -> bool:
    if set(patch.listings()) != set(LISTINGS):
        return False
    before = patch.pieces()
    changes: list[tuple[str, str | None, set[FactRow], set[FactRow]]] = [
        (graph, None, patch.facts(graph), set()) for graph in before.keys() - pieces.keys()]
    changes += [(graph, digest, patch.facts(graph), facts().rows())
                for graph, (digest, facts) in pieces.items() if before.get(graph) != digest]
    touched = {fact for _, _, old, new in changes for fact in old ^ new}
    posts = {s for s, kind, _ in touched if kind != 3}
    if len(posts) > MOST:
        return False
    for graph, digest, old, new in changes:
        patch.replace(graph, digest, old, new)
    posts |= patch.with_levels({s for s, kind, _ in touched if kind == 3})  # a level labelled anew
    if len(posts) > MOST:
        return False
    make, dropped = _Rows(), set[str]()
    for post in sorted(posts):
        held = patch.held(post)
        for name, found in make(post, held, patch.labels(held.levels)).items():
            if found is None and name not in dropped:
                patch.drop(name)  # a row the store orders otherwise: the store answers it
                dropped.add(name)
            elif found is not None and name not in dropped:
                patch.put(name, post, found)
    return True


Keyed = list[tuple[bytes, Kept]]


class _Rows:
    """A post's rows of each listing, each with its key; None for a listing with a row that has no
    key or a term Python cannot take as the store does (that listing is not kept)."""

    def __init__(self) -> None:
        self.kept, self.keys = _Kept(), dict[str, Callable[[Any], bytes | None]]()
        for name, variables in VARIABLES.items():
            plan = ordering(library()[name].text)
            key = plan.binary(variables, _KINDS) if plan is not None else None
            assert key is not None, f"{name} is ordered by orgkg"
            self.keys[name] = key

    def __call__(self, post: str, held: Held, labels: Mapping[str, set[Stored]]) -> dict[str, Keyed | None]:
        iri, shape, titles = ox.NamedNode(post), held.post, held.titles
        least = _least(titles)
        found: dict[str, list[tuple[Any, ...]] | None] = {name: [] for name in VARIABLES}
        if shape.layer is not None:
            found["post-layers"] = None if least is False else [
                ((self.kept.number(shape.layer, _LAYER), (iri, (post,)), _title(least)))]
        if held.described and titles:
            named = [self.kept(t) for t in titles]
            found["positions-by-level"] = [
                (label, (ox.NamedNode(node), (node,)), (iri, (post,)), title)
                for node in held.levels for label in map(self.kept, labels.get(node, ())) for title in named]
        if shape.direct and titles:
            most = _largest(held.stated, self.kept)
            found["span-of-control"] = None if least is False or isinstance(most, bool) else [
                ((iri, (post,)), _title(least), self.kept.number(shape.direct, _COUNT),
                 (most, stored(most)))]
        if shape.under and titles:
            found["everyone-under"] = None if least is False else [((iri, (post,)), _title(least))]
        return {name: self._keyed(name, rows) for name, rows in found.items()}

    def _keyed(self, name: str, rows: list[tuple[Any, ...]] | None) -> Keyed | None:
        if rows is None:
            return None
        key, keyed = self.keys[name], []
        for row in rows:
            k = key([term for term, _ in row])
            if k is None:
                return None
            keyed.append((k, tuple(kept for _, kept in row)))
        return keyed


def _least(titles: set[Stored]) -> str | bool | None:
    """A post's least primary title (``MIN``; None: none), or False when one is not a plain string
    (one in a language, a number: MIN then compares by rules of the store's own)."""
    if any(len(t) != 2 or t[1] for t in titles):
        return False
    return min((t[0] for t in titles), default=None)


Both = tuple[ox.NamedNode | ox.Literal | None, Stored | None]  # a term, and its kept form


class _Kept:
    """Terms as the store gives them back (``graph.terms.as_kept``), each with its kept form."""

    def __init__(self) -> None:
        self.types: dict[str, ox.NamedNode] = {}
        self.made: dict[Stored, Both] = {}

    def __call__(self, term: Stored) -> Both:
        if len(term) == 2 and not term[1]:  # a plain string: as it is (most titles: not remembered)
            return ox.Literal(term[0]), term
        if term not in self.made:
            found = from_stored(term, self.types)
            found = as_kept(found) if isinstance(found, ox.Literal) else found
            self.made[term] = found, stored(found)
        return self.made[term]

    def number(self, n: int, datatype: ox.NamedNode) -> Both:
        return self((str(n), datatype.value))


def _title(text: str | bool | None) -> Both:
    return (None, None) if not isinstance(text, str) else (ox.Literal(text), (text, ""))


def _largest(counts: set[Stored], kept: _Kept) -> ox.Literal | bool | None:
    """The largest of a post's stated counts as the store keeps them (``MAX``; None: none); False
    when they are not all integers (``MAX`` would compare them by rules of the store's own)."""
    if not counts:
        return None
    found = [k for c in counts if isinstance(k := kept(c)[0], ox.Literal) and k.datatype == _COUNT]
    if len(found) != len(counts):
        return False
    try:
        return max(found, key=lambda k: int(k.value))
    except ValueError:  # an integer the store could not read as one
        return False


def listed(query: NamedQuery, values: Mapping[str, Term]) -> bool:
    """Whether ``query`` with ``values`` is one of the library's listings with its declared
    parameters (not a user's file of the same text, nor other parameters): what ``answer`` may
    answer from the index, and the only queries that need it."""
    name = query.name
    if name not in LISTINGS or query is not library().get(name):
        return False
    if not set(values) <= PARAMS[name] or (name == "everyone-under" and "post" not in values):
        return False
    return all(v is None or isinstance(v, ox.NamedNode) for v in (values.get("unit"), values.get("post")))


def answer(index: ListingIndex, query: NamedQuery, values: Mapping[str, Term]) -> Result | None:
    """The rows of one of the library's listings with its declared parameters (``listed``), in its
    order, from the index; None for any other query or parameter, or a listing the index does not
    keep."""
    if not listed(query, values):
        return None
    name = query.name
    unit, post, level = values.get("unit"), values.get("post"), values.get("level")
    found = index.rows(name, unit=_iri(unit), post=_iri(post))
    if found is None:
        return None
    variables, rows = found
    if post is not None:
        variables, rows = ("post", *variables), [(post, *row) for row in rows]
    if level is not None:
        at = variables.index("level")
        rows = [row for row in rows if row[at] == level]
    return Result("SELECT", variables, rows)


def _iri(term: Any) -> str | None:
    return term.value if isinstance(term, ox.NamedNode) else None
