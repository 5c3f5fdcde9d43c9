"""The whole-organisation listings answered by the store and from the build's listing index, same run.

    python -m bench.listings [N]      # default 100,000 positions; prints a Markdown section

On the store ``bench.layers`` caches (``store_for``), the listing index is
computed and written whole as ``orgkg build`` does (``query.listings.index``
over the derived structure and the facts the build holds in memory; timed: what
a build adds when the structure changed), from the same facts read back out of
the store once (untimed: a build has them from its inputs). What each document's facts cost the build to take
(``graph.listings.facts``, in the reading processes) is timed on the first
``SAMPLE`` synthetic documents. Then each listing is answered both ways on the
same store, in the same run: 'store' is ``LocalGraph`` without the index (the
query, ordered in Python: ``query.order``), 'index' with it. The rows must be
equal, in order. Wall and CPU seconds, the lower of two runs each.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from typing import Any

import pyoxigraph as ox

from bench.layers import CACHE, PICK, best_cpu, store_for
from bench.synthetic import graphs, structure_of
from orgkg.graph.built import BuiltGraph
from orgkg.graph.listings import Facts, ListingIndex, facts
from orgkg.graph.terms import stored
from orgkg.query.library import library
from orgkg.query.listings import LISTINGS, index
from orgkg.query.local import LocalGraph

SAMPLE = 2000
_WITH = ("PREFIX orgkg: <https://w3id.org/orgkg/ontology#>\nPREFIX org: <http://www.w3.org/ns/org#>\n"
         "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n")
_FACTS = {
    "titles": "SELECT ?a ?b WHERE { ?a orgkg:primaryTitle ?b }",
    "described": "SELECT DISTINCT ?a WHERE { ?a orgkg:describedBy ?d }",
    "levels": "SELECT ?a ?b WHERE { ?a orgkg:level ?b FILTER(isIRI(?b)) }",
    "labels": "SELECT DISTINCT ?a ?b WHERE { ?x orgkg:level ?a . ?a skos:prefLabel ?b }",
    "stated": "SELECT ?a ?b WHERE { ?a orgkg:supervisesCount ?b }",
}


def store_facts(store: ox.Store) -> tuple[Facts, list[tuple[str, str]], list[tuple[str, str]]]:
    """The build's facts, its reporting lines and placements, read back out of the store's union."""
    def rows(text: str) -> list[Any]:
        return [tuple(r) for r in store.query(_WITH + text)]  # type: ignore[union-attr]
    found: dict[str, Any] = {}
    for name, text in _FACTS.items():
        if name in ("described",):
            found[name] = tuple(r[0].value for r in rows(text))
        elif name == "levels":
            found[name] = tuple((a.value, b.value) for a, b in rows(text))
        else:
            found[name] = tuple((a.value, stored(b)) for a, b in rows(text))
    lines = [(a.value, b.value) for a, b in rows("SELECT ?a ?b WHERE { ?a org:reportsTo ?b }")]
    placed = [(a.value, b.value) for a, b in rows("SELECT ?a ?b WHERE { ?a org:postIn ?b }")]
    return Facts(**found), lines, placed


def measure(n: int) -> list[str]:
    store = ox.Store.read_only(str(store_for(n)))
    graph = BuiltGraph(store)
    path = CACHE / f"listings-{n}.sqlite"
    load = os.getloadavg()[0]
    given, lines, placed = store_facts(store)
    structure = structure_of(store)
    cpu, wall = time.process_time(), time.perf_counter()
    index(path, structure, lines, placed, {"bench": ("", lambda: given)}, build="bench")
    written = (time.perf_counter() - wall, time.process_time() - cpu)
    kept = [name for name in LISTINGS if ListingIndex(path).rows(name, post="") is not None]
    sample = list(itertools.islice(graphs(n), SAMPLE))
    cpu, wall = time.process_time(), time.perf_counter()
    for _, g in sample:
        facts(g)
    each = ((time.perf_counter() - wall) / len(sample), (time.process_time() - cpu) / len(sample))
    [pick] = list(store.query(PICK))  # type: ignore[arg-type]
    found: dict[str, Any] = {k: pick[k] for k in ("top", "head", "unit")}  # type: ignore[index]
    plain, indexed = LocalGraph(graph), LocalGraph(graph, listings=ListingIndex(path))
    lib = library()
    out = [f"Load average before: {load:.1f}. The index computed from memory and written whole "
           f"(`query.listings.index`) in {written[0]:.2f} s ({written[1]:.2f} s CPU), "
           f"{path.stat().st_size / 2**20:.0f} MiB, listings kept: {', '.join(kept)}. Each document's facts "
           f"(`graph.listings.facts`, {len(sample):,} synthetic "
           f"documents): {each[0] * 1000:.2f} ms ({each[1] * 1000:.2f} ms CPU).", "",
           "| positions | listing | rows | store: wall / CPU | index: wall / CPU | same rows |",
           "|---:|---|---:|---:|---:|---|"]
    for label, name, values in (
            ("everyone-under, the top post", "everyone-under", {"post": found["top"]}),
            ("post-layers, whole organisation", "post-layers", {}),
            ("positions-by-level, whole organisation", "positions-by-level", {}),
            ("span-of-control, whole organisation", "span-of-control", {}),
            ("everyone-under, head of a unit", "everyone-under", {"post": found["head"]}),
            ("post-layers, one unit", "post-layers", {"unit": found["unit"]}),
            ("positions-by-level, one unit", "positions-by-level", {"unit": found["unit"]}),
            ("span-of-control, one unit", "span-of-control", {"unit": found["unit"]})):
        q = lib[name]
        sw, sc, before = best_cpu(lambda e=plain, q=q, v=values: list(e.answer(q, v).rows))
        iw, ic, after = best_cpu(lambda e=indexed, q=q, v=values: list(e.answer(q, v).rows))
        out.append(f"| {n:,} | {label} | {len(after):,} | {sw:.3f} / {sc:.3f} | {iw:.3f} / {ic:.3f} "
                   f"| {'yes' if after == before else 'NO'} |")
        print(out[-1], file=sys.stderr, flush=True)
    out += ["", f"Load average after: {os.getloadavg()[0]:.1f} on {len(os.sched_getaffinity(0))} cores."]
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print("\n".join(measure(n)))


if __name__ == "__main__":
    main()
