"""Shape of the reporting structure: span of control, depth, head count, roots, orphans.

``tree_parents`` picks one supervisor per post (the primary line, else the
first by title) and breaks reporting cycles, giving the forest that charts
draw top-down. ``measure`` writes each post's ``span`` (direct reports),
``depth`` (layers below the top of its tree), ``headcount`` (everyone who
reports to it directly or indirectly) and ``parent`` onto the view's nodes.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import networkx as nx


@dataclass(frozen=True)
class Shape:
    """The structure as a whole: tops of trees, lone posts, cycles, layers."""

    roots: tuple[str, ...]
    orphans: tuple[str, ...]
    cycles: tuple[tuple[str, ...], ...]
    layers: int
    positions: int
    reporting_lines: int


def _order(view: nx.DiGraph, iri: str) -> tuple[str, str]:
    return (str(view.nodes[iri].get("title") or "").casefold(), iri)


def tree_parents(view: nx.DiGraph) -> dict[str, str | None]:
    """One supervisor per post, so that the result is a forest (no cycles)."""
    parents: dict[str, str | None] = {}
    for iri in view:
        sups = sorted(view.predecessors(iri), key=lambda s: (not view.edges[s, iri]["primary"],
                                                             *_order(view, s)))
        parents[iri] = sups[0] if sups else None
    for iri in sorted(view):
        seen: list[str] = []
        here: str | None = iri
        while here is not None and here not in seen:
            seen.append(here)
            here = parents[here]
        if here is not None:  # a cycle: cut it at its first post by IRI
            loop = seen[seen.index(here):]
            parents[min(loop)] = None
    return parents


def children(view: nx.DiGraph, parents: dict[str, str | None]) -> dict[str, list[str]]:
    """Each post's reports in the forest, ordered by title."""
    kids: dict[str, list[str]] = {iri: [] for iri in view}
    for iri, parent in parents.items():
        if parent is not None:
            kids[parent].append(iri)
    for iri in kids:
        kids[iri].sort(key=lambda k: _order(view, k))
    return kids


def tops(view: nx.DiGraph, parents: dict[str, str | None]) -> list[str]:
    return sorted((i for i, p in parents.items() if p is None), key=lambda i: _order(view, i))


def _depths(view: nx.DiGraph, parents: dict[str, str | None]) -> dict[str, int]:
    kids = children(view, parents)
    depth: dict[str, int] = {}
    queue = deque((t, 0) for t in tops(view, parents))
    while queue:
        iri, d = queue.popleft()
        depth[iri] = d
        queue.extend((k, d + 1) for k in kids[iri])
    return depth


def _headcounts(view: nx.DiGraph) -> dict[str, int]:
    """Everyone under each post; shared subtrees (two supervisors) counted once per post."""
    if nx.is_directed_acyclic_graph(view) and all(view.in_degree(n) <= 1 for n in view):
        count: dict[str, int] = {}
        for iri in reversed(list(nx.topological_sort(view))):
            count[iri] = sum(1 + count[k] for k in view.successors(iri))
        return count
    return {iri: len(nx.descendants(view, iri)) for iri in view}


def measure(view: nx.DiGraph) -> Shape:
    """Write ``span``, ``depth``, ``headcount`` and ``parent`` on every node; return the shape."""
    parents = tree_parents(view)
    depth, heads = _depths(view, parents), _headcounts(view)
    for iri, data in view.nodes(data=True):
        data.update(span=view.out_degree(iri), depth=depth[iri], headcount=heads[iri],
                    parent=parents[iri])
    cycles = [tuple(sorted(c)) for c in nx.strongly_connected_components(view)
              if len(c) > 1 or view.has_edge(next(iter(c)), next(iter(c)))]
    return Shape(
        roots=tuple(sorted(n for n in view if view.in_degree(n) == 0 and view.out_degree(n) > 0)),
        orphans=tuple(sorted(n for n in view if view.degree(n) == 0)),
        cycles=tuple(sorted(cycles)),
        layers=1 + max(depth.values(), default=-1),
        positions=view.number_of_nodes(),
        reporting_lines=view.number_of_edges(),
    )
