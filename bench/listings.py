"""The whole-organisation listings answered by the store and from the build's listing index, same run.

    python -m bench.listings [N]      # default 100,000 positions; prints a Markdown section

On the store ``bench.layers`` caches (``store_for``), the listing index
(``query.listings``) is written as a build writes it (timed: build time), then
each listing is run both ways on the same store, in the same run: 'store' is
``LocalGraph`` without the index (the query, ordered in Python: ``query.order``),
'index' is ``LocalGraph.answer`` with it. The rows must be equal, in order.
Wall and CPU seconds, the lower of two runs each.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

import pyoxigraph as ox

from bench.layers import CACHE, PICK, best_cpu, store_for
from orgkg.graph.built import BuiltGraph
from orgkg.query.library import library
from orgkg.query.listings import ListingIndex, write
from orgkg.query.local import LocalGraph


def measure(n: int) -> list[str]:
    store = ox.Store.read_only(str(store_for(n)))
    graph = BuiltGraph(store)
    path = CACHE / f"listings-{n}.sqlite"
    cpu, wall = time.process_time(), time.perf_counter()
    write(path, graph)
    built = (time.perf_counter() - wall, time.process_time() - cpu)
    [pick] = list(store.query(PICK))  # type: ignore[arg-type]
    found: dict[str, Any] = {k: pick[k] for k in ("top", "head", "unit")}  # type: ignore[index]
    plain, indexed = LocalGraph(graph, listings=None), LocalGraph(graph, listings=ListingIndex(path))
    lib = library()
    out = [f"Load average before: {os.getloadavg()[0]:.1f}; the index written in {built[0]:.1f} s "
           f"({built[1]:.1f} s CPU), {path.stat().st_size / 2**20:.0f} MiB.", "",
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
