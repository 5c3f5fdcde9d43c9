"""A top-down tree layout in Python, so yEd and Gephi open the chart already arranged.

Leaves take consecutive slots left to right in depth-first order; a parent
sits centred over its first and last child; each layer is one row.
"""

from __future__ import annotations

import networkx as nx

from orgkg.chart.metrics import children, tops, tree_parents


def tree_layout(graph: nx.DiGraph, *, dx: float = 260.0, dy: float = 140.0) -> dict[str, tuple[float, float]]:
    """(x, y) of every post: y grows downwards, one row per layer."""
    parents = tree_parents(graph)
    kids = children(graph, parents)
    where: dict[str, tuple[float, float]] = {}
    slot = 0.0
    for top in tops(graph, parents):
        stack: list[tuple[str, int, bool]] = [(top, 0, False)]
        while stack:
            iri, depth, done = stack.pop()
            if not kids[iri]:
                where[iri] = (slot * dx, depth * dy)
                slot += 1
            elif done:
                first, last = where[kids[iri][0]][0], where[kids[iri][-1]][0]
                where[iri] = ((first + last) / 2, depth * dy)
            else:
                stack.append((iri, depth, True))
                stack.extend((k, depth + 1, False) for k in reversed(kids[iri]))
        slot += 0.5  # a gap between trees
    return where
