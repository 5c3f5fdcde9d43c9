"""Which engine keeps the built graph: rdflib's memory store, oxrdflib, or pyoxigraph.

    python -m bench.store                      # 1,000 / 10,000 / 100,000 positions
    python -m bench.store --sizes 1000 10000   # a quicker run

For each size it measures, in one run: load time; the reporting chain of the
deepest position; span of control for all supervisors; everyone under the top
position; then, on pyoxigraph, every named query; and opening the built
persistent store against parsing the graph with rdflib's default store.
rdflib and oxrdflib read the union of the named graphs as N-Triples (rdflib's
default store would need several copies to hold the N-Quads); pyoxigraph
reads the N-Quads and queries with the union as default graph.
Generated files are cached under ``bench/.cache/`` (git-ignored): the 100,000
positions take about 5 minutes to generate. Results go to
``bench/results/store.md``.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from bench.synthetic import DEPARTMENT, JURISDICTION, cached_store, write_nquads
from orgkg.mapping.iris import mint
from orgkg.query.library import NamedQuery, library
from orgkg.query.values import with_values

HERE = Path(__file__).resolve().parent
CACHE, RESULTS = HERE / ".cache", HERE / "results"
CORE = ("reporting-chain", "span-of-control", "everyone-under")


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def files(n: int) -> tuple[Path, Path, Path]:
    """The cached N-Quads, union N-Triples and persistent store for N positions."""
    CACHE.mkdir(exist_ok=True)
    nq, nt, store = (CACHE / f"synthetic-{n}-seed7.nq", CACHE / f"synthetic-{n}-seed7-union.nt",
                     CACHE / f"store-{n}-built")
    if not nq.exists():
        print(f"generating {n} positions ...", flush=True)
        write_nquads(nq.with_suffix(".tmp"), n).rename(nq)
    raw = cached_store(nq, CACHE / f"store-{n}-named")
    if not nt.exists():
        s = ox.Store.read_only(str(raw))
        triples = s.query("CONSTRUCT { ?s ?p ?o } WHERE "
                          "{ SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }")
        ox.serialize(triples, output=str(nt.with_suffix(".tmp")), format=ox.RdfFormat.N_TRIPLES)
        nt.with_suffix(".tmp").rename(nt)
    if not store.exists():  # the layout `orgkg build` writes: named graphs + their union as default graph
        s = ox.Store(str(store.with_suffix(".tmp")))
        s.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        s.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
        s.flush()
        del s
        store.with_suffix(".tmp").rename(store)
    return nq, nt, store


def positions(n: int) -> dict[str, str]:
    """IRIs of the top and the deepest (last generated) synthetic position."""
    def post(number: int) -> str:
        return str(mint("post", JURISDICTION, DEPARTMENT, "number", str(number)))
    return {"top": post(100000), "deepest": post(100000 + n - 1)}


def values_for(q: NamedQuery, posts: dict[str, str]) -> dict[str, ox.NamedNode | ox.Literal]:
    out: dict[str, ox.NamedNode | ox.Literal] = {}
    for p in q.params:
        if p.optional:
            continue
        if p.kind == "iri":
            out[p.name] = ox.NamedNode(posts["top" if q.name == "everyone-under" else "deepest"])
        else:
            out[p.name] = ox.Literal("Analyst III")
    return out


def rdflib_run(g: Graph, q: NamedQuery, posts: dict[str, str]) -> int:
    bindings: dict[str, URIRef | Literal] = {
        k: URIRef(v.value) if isinstance(v, ox.NamedNode) else Literal(v.value)
        for k, v in values_for(q, posts).items()}
    return len(list(g.query(q.text, initBindings=bindings)))


def ox_run(store: ox.Store, q: NamedQuery, posts: dict[str, str], union_copy: bool = True) -> int:
    """Run as `orgkg query` does: union queries read the default-graph union copy."""
    text = with_values(q.text, values_for(q, posts))
    answer = store.query(text, use_default_graph_as_union=q.union and not union_copy)
    return len(list(answer))  # type: ignore[arg-type]


def measure(n: int, rdflib_core: bool) -> dict[str, Any]:
    nq, nt, store_dir = files(n)
    posts, lib = positions(n), library()
    row: dict[str, Any] = {"n": n}
    gc.collect()
    row["rdflib_load"], g = timed(lambda: Graph().parse(str(nt), format="nt"))
    row["triples"] = len(g)
    if rdflib_core:
        for name in CORE:
            row[f"rdflib_{name}"], _ = timed(lambda name=name, g=g: rdflib_run(g, lib[name], posts))
    del g
    gc.collect()
    row["oxrdflib_load"], og = timed(lambda: Graph(store="Oxigraph").parse(str(nt), format="nt"))
    for name in CORE:
        row[f"oxrdflib_{name}"], _ = timed(lambda name=name, og=og: rdflib_run(og, lib[name], posts))
    del og
    gc.collect()
    row["ox_load"], mem = timed(lambda: _bulk_load(nq))
    row["quads"] = len(mem)
    del mem
    row["ox_open"], store = timed(lambda: _open(store_dir))
    # The chart issue's queries (queries/chart/) are measured by bench.chart.
    mine = {name: q for name, q in lib.items() if q.path.parent.name in ("queries", "register")}
    row["queries"] = {name: timed(lambda q=q: ox_run(store, q, posts)) for name, q in mine.items()}
    for name in CORE:
        row[f"ox_{name}"] = row["queries"][name][0]
    return row


def _bulk_load(nq: Path) -> ox.Store:
    mem = ox.Store()
    mem.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    return mem


def _open(path: Path) -> ox.Store:
    store = ox.Store.read_only(str(path))
    store.query("ASK { GRAPH ?g { ?s ?p ?o } }")
    return store


def report(rows: list[dict[str, Any]]) -> str:
    lines = ["# Store benchmark: rdflib vs oxrdflib vs pyoxigraph", "",
             "Reproduce: `python -m bench.store` (or `make bench-store`). Times in seconds, one run each,",
             "on this machine (2 cores). rdflib and oxrdflib parse the union N-Triples;",
             "pyoxigraph bulk-loads the N-Quads; 'open' is opening the store `orgkg build` writes",
             "(read-only) plus a first query. Union queries read the store's default-graph union copy.", "",
             "| positions | quads | union triples | engine | load "
             "| reporting chain (deepest) "
             "| span of control (all) | everyone under top |",
             "|---:|---:|---:|---|---:|---:|---:|---:|"]
    for r in rows:
        engines = (("rdflib", "rdflib_load"), ("oxrdflib", "oxrdflib_load"), ("pyoxigraph", "ox_load"),
                   ("pyoxigraph, open built store", "ox_open"))
        for eng, load in engines:
            prefix = "ox" if eng.startswith("pyox") else eng
            cells = [_f(r.get(f"{prefix}_{c}")) for c in CORE]
            lines.append(f"| {r['n']:,} | {r['quads']:,} | {r['triples']:,} | {eng} | {_f(r[load])} | "
                         + " | ".join(cells) + " |")
    lines += ["", "## Ratios (same run)", "",
              "| positions | rdflib parse / open built store | rdflib parse / pyoxigraph load "
              "| span: rdflib / pyoxigraph | chain: rdflib / pyoxigraph "
              "| everyone under: rdflib / pyoxigraph |",
              "|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        ratios = [_x(r["rdflib_load"], r["ox_open"]), _x(r["rdflib_load"], r["ox_load"])]
        ratios += [_x(r.get(f"rdflib_{c}"), r[f"ox_{c}"])
                   for c in ("span-of-control", "reporting-chain", "everyone-under")]
        lines.append(f"| {r['n']:,} | " + " | ".join(ratios) + " |")
    big = rows[-1]
    lines += ["", f"## Every named query on pyoxigraph at {big['n']:,} positions (built store)", "",
              "| query | seconds | rows | under 0.5 s |", "|---|---:|---:|---|"]
    for name, (secs, count) in sorted(big["queries"].items()):
        lines.append(f"| {name} | {secs:.3f} | {count:,} | {'yes' if secs < 0.5 else 'NO'} |")
    return "\n".join(lines) + "\n"


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _x(a: float | None, b: float | None) -> str:
    return "-" if a is None or not b else f"{a / b:,.0f}x"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--rdflib-queries-up-to", type=int, default=100000,
                    help="skip rdflib's queries above this size (they are the slow baseline)")
    ap.add_argument("--out", type=Path, default=RESULTS / "store.md")
    a = ap.parse_args()
    rows = []
    for n in a.sizes:
        rows.append(measure(n, rdflib_core=n <= a.rdflib_queries_up_to))
        print(report(rows), flush=True)
        a.out.parent.mkdir(exist_ok=True)
        a.out.write_text(report(rows), encoding="utf-8")
        print(f"-> {a.out}", flush=True)


if __name__ == "__main__":
    main()
