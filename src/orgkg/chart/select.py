"""Choosing what to draw: a position's subtree, a unit, a number of layers.

Positions and units are named by IRI or by title/label and matched in Python
over the view (never pasted into SPARQL). A title that several posts share is
an error that lists them, so the user can give the IRI instead.
"""

from __future__ import annotations

import difflib
from collections import deque
from dataclasses import dataclass

import networkx as nx

from orgkg.chart.metrics import children, tree_parents
from orgkg.errors import ChartError


@dataclass(frozen=True)
class Selection:
    """What to draw; ``None`` means no restriction."""

    root: str | None = None
    unit: str | None = None
    depth: int | None = None


def _looks_like_iri(text: str) -> bool:
    return text.startswith("<") or text.split(":", 1)[0] in {"http", "https", "urn"}


def _match(name: str, what: str, labels: dict[str, set[str]]) -> str:
    """The one key whose labels include ``name`` (case-insensitive), or the IRI itself."""
    if _looks_like_iri(name):
        iri = name.strip("<>")
        if iri in labels:
            return iri
        raise ChartError(name, f"no {what} has this IRI", f"see `orgkg positions` for the {what}s")
    wanted = name.casefold().strip()
    found = sorted(k for k, names in labels.items() if wanted in {n.casefold().strip() for n in names})
    if len(found) == 1:
        return found[0]
    if found:
        raise ChartError(name, f"{len(found)} {what}s have this name: {', '.join(found[:5])}",
                         "give the IRI instead")
    every = sorted({n for names in labels.values() for n in names})
    close = difflib.get_close_matches(name, every, n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(repr(c) for c in close)}?" if close else "give a title or an IRI"
    raise ChartError(name, f"no {what} is named so", hint)


def find_position(view: nx.DiGraph, name: str) -> str:
    labels = {iri: {d["title"], *d.get("titles", ())} for iri, d in view.nodes(data=True)}
    return _match(name, "position", labels)


def find_unit(view: nx.DiGraph, name: str) -> str:
    units: dict[str, tuple[str | None, str | None]] = view.graph.get("units", {})
    return _match(name, "unit", {iri: {label} if label else set() for iri, (label, _) in units.items()})


def _units_under(view: nx.DiGraph, unit: str) -> set[str]:
    units: dict[str, tuple[str | None, str | None]] = view.graph.get("units", {})
    below: dict[str, list[str]] = {}
    for iri, (_, parent) in units.items():
        if parent:
            below.setdefault(parent, []).append(iri)
    found, queue = {unit}, deque([unit])
    while queue:
        for sub in below.get(queue.popleft(), []):
            if sub not in found:
                found.add(sub)
                queue.append(sub)
    return found


def _in_unit(view: nx.DiGraph, unit: str) -> set[str]:
    """Posts in the unit or its sub-units, with their reports whose unit is not stated."""
    units = _units_under(view, unit)
    inside = {n for n, d in view.nodes(data=True) if d.get("unit_iri") in units}
    return inside | {r for n in inside for r in view.successors(n) if not view.nodes[r].get("unit_iri")}


def _within(view: nx.DiGraph, depth: int) -> set[str]:
    parents = tree_parents(view)
    kids = children(view, parents)
    keep: set[str] = set()
    queue = deque((n, 0) for n, p in parents.items() if p is None)
    while queue:
        iri, d = queue.popleft()
        keep.add(iri)
        if d < depth:
            queue.extend((k, d + 1) for k in kids[iri])
    return keep


def select(view: nx.DiGraph, selection: Selection) -> nx.DiGraph:
    """The sub-view to draw (a copy; node attributes measured on the whole view are kept)."""
    keep = set(view)
    if selection.root is not None:
        root = find_position(view, selection.root)
        keep &= {root, *nx.descendants(view, root)}
    if selection.unit is not None:
        keep &= _in_unit(view, find_unit(view, selection.unit))
    sub = view.subgraph(keep).copy()
    if selection.depth is not None:
        sub = sub.subgraph(_within(sub, selection.depth)).copy()
    return sub
