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

Each is ordered by its query's own ORDER BY as ``orgkg query`` orders it
(``query.order``), and is tested equal to the query, rows and order
(tests/test_listings.py). A listing whose least title or largest count is not
one Python reads as the store does (a title in a language, two kinds of
number) is not kept: the store answers it.

``answer`` gives the library's own listing with its declared parameters (a
unit, a level, the post at the top) from the index; any other query, a
user's file, or other parameters get None, and are run as SPARQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, cast

import pyoxigraph as ox

from orgkg.graph.listings import Facts, Line, Listing, ListingIndex
from orgkg.graph.structure import Structure
from orgkg.graph.terms import XSD, Stored, as_kept, from_stored, to_stored
from orgkg.query.library import NamedQuery, library
from orgkg.query.order import ordering
from orgkg.query.params import Term
from orgkg.query.results import Result

LISTINGS = ("post-layers", "positions-by-level", "span-of-control", "everyone-under")
#: The parameters each listing is answered with from the index (``everyone-under`` needs its post).
PARAMS = {"post-layers": {"unit"}, "positions-by-level": {"unit", "level"}, "span-of-control": {"unit"},
          "everyone-under": {"post"}}
_LAYER, _COUNT = ox.NamedNode(XSD + "positiveInteger"), ox.NamedNode(XSD + "integer")


def listings(structure: Structure, lines: Iterable[Line], facts: Iterable[Facts]) -> dict[str, Listing]:
    """Every listing's rows in order, as its query gives them over the build's union; a listing
    Python cannot compute as the store does is left out."""
    titles: dict[str, set[Stored]] = {}
    described: set[str] = set()
    levels: dict[str, set[str]] = {}
    labels: dict[str, set[Stored]] = {}
    stated: dict[str, set[Stored]] = {}
    for f in facts:
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
    least = _least_titles(titles)
    found = {
        "post-layers": _post_layers(structure, least),
        "positions-by-level": _positions_by_level(described, levels, labels, titles),
        "span-of-control": _span_of_control(below, least, stated),
        "everyone-under": _everyone_under(structure, least),
    }
    return {name: listing for name, listing in found.items() if listing is not None}


def _least_titles(titles: Mapping[str, set[Stored]]) -> dict[str, str] | None:
    """Each post's least primary title (``MIN``), or None when a title is not a plain string (one
    in a language, a number: MIN then compares by rules of the store's own)."""
    if any(len(t) != 2 or t[1] for ts in titles.values() for t in ts):
        return None
    return {post: min(t[0] for t in ts) for post, ts in titles.items()}


# A row to order: its terms as the store gives them back, then the same row kept (``Stored``), which the
# ordering does not look at.
Ordered = tuple[Any, ...]


def _ordered(name: str, variables: tuple[str, ...], post: str, rows: list[Ordered]) -> Listing | None:
    """The rows ordered by the named query's ORDER BY (``query.order``), as kept."""
    plan = ordering(library()[name].text)
    assert plan is not None, f"{name} is ordered by orgkg"
    ordered = plan.sort((*variables, ""), rows)
    if ordered is None:
        return None
    return Listing(variables, post, [cast(tuple[Stored | None, ...], row[-1]) for row in ordered])


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
            self.made[term] = found, to_stored(found)
        return self.made[term]

    def number(self, n: int, datatype: ox.NamedNode) -> Both:
        return self((str(n), datatype.value))


def _title(text: str | None) -> tuple[ox.Literal | None, Stored | None]:
    return (None, None) if text is None else (ox.Literal(text), (text, ""))


def _post_layers(structure: Structure, least: dict[str, str] | None) -> Listing | None:
    if least is None:
        return None
    kept, rows = _Kept(), []
    for post, n in structure.layers.items():
        (layer, kept_layer), (title, kept_title) = kept.number(n, _LAYER), _title(least.get(post))
        rows.append((layer, ox.NamedNode(post), title, (kept_layer, (post,), kept_title)))
    return _ordered("post-layers", ("layer", "post", "title"), "post", rows)


def _positions_by_level(described: set[str], levels: Mapping[str, set[str]],
                        labels: Mapping[str, set[Stored]], titles: Mapping[str, set[Stored]],
                        ) -> Listing | None:
    kept, rows = _Kept(), []
    for post in described:
        if post not in titles or post not in levels:
            continue
        iri, named = ox.NamedNode(post), [kept(t) for t in titles[post]]
        for node in levels[post]:
            level = ox.NamedNode(node)
            rows += [(label, level, iri, title, (kept_label, (node,), (post,), kept_title))
                     for label, kept_label in map(kept, labels.get(node, ())) for title, kept_title in named]
    return _ordered("positions-by-level", ("level", "levelNode", "post", "title"), "post", rows)


def _span_of_control(below: Mapping[str, set[str]], least: dict[str, str] | None,
                     stated: Mapping[str, set[Stored]]) -> Listing | None:
    if least is None:
        return None
    kept, rows = _Kept(), []
    for boss, reports in below.items():
        if boss not in least:
            continue
        most = _largest(stated.get(boss, set()), kept)
        if isinstance(most, bool):
            return None
        (title, kept_title), (direct, kept_direct) = _title(least[boss]), kept.number(len(reports), _COUNT)
        rows.append((ox.NamedNode(boss), title, direct, most,
                     ((boss,), kept_title, kept_direct, to_stored(most))))
    return _ordered("span-of-control", ("supervisor", "title", "direct", "stated"), "supervisor", rows)


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


def _everyone_under(structure: Structure, least: dict[str, str] | None) -> Listing | None:
    """Every post with a post above it and a primary title (the rows of every post's branch at once;
    ``answer`` keeps those under the post asked for)."""
    if least is None:
        return None
    above = structure.above
    rows = [(ox.NamedNode(post), ox.Literal(title), ((post,), (title, "")))
            for post, title in least.items() if above.get(post)]
    return _ordered("everyone-under", ("subordinate", "title"), "subordinate", rows)


def answer(index: ListingIndex, query: NamedQuery, values: Mapping[str, Term]) -> Result | None:
    """The rows of one of the library's listings with its declared parameters, in its order, from
    the index; None for any other query (a user's file of the same text included) or parameter, or
    a listing the index does not keep."""
    name = query.name
    if name not in LISTINGS or query is not library().get(name):
        return None
    if not set(values) <= PARAMS[name] or (name == "everyone-under" and "post" not in values):
        return None
    unit, post, level = values.get("unit"), values.get("post"), values.get("level")
    if any(v is not None and not isinstance(v, ox.NamedNode) for v in (unit, post)):
        return None
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
