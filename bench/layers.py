"""Whole-organisation questions before and after the derived structure (graph.structure), in one run.

    python -m bench.layers                     # 100,000 positions
    python -m bench.layers --sizes 1000 10000  # quicker

On the store ``bench.store`` caches (the synthetic organisation in the layout
``orgkg build`` writes, the structure graph included), it measures:

- the build-time cost: reading the reporting lines and posts, deriving every
  post's layer and posts above (``graph.structure.derive``), and
  making the triples;
- before/after: the queries as they were before the structure was derived
  (``BEFORE``: ``everyone-under`` walking ``org:reportsTo+``, ``layers-per-unit``
  walking ``orgkg:primaryReportsTo+``) against the named queries now, asked of
  the same store in the same run;
- every query of the report (``orgkg report``) for the whole organisation:
  the four that read the figures the build counts (``COUNTED``: as they were
  before, counting at each ask, against the named queries now), the others
  as they are; then the report itself (figures, page) and ``orgkg report``
  as a command, end to end (a process started, the store opened, the page
  written);
- apart, the whole-organisation listings (everyone under the top post with
  titles, sorted; every post's layer; every supervisor's span; every post's
  level), each sorted by the store (as before ``query.order``), by orgkg
  (now), and fetched unsorted, with wall and CPU time.

Each time is the lower of two runs (another process may share the two cores).
Results go to ``bench/results/layers.md``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from bench.earlier import BEFORE, COUNTED, HEAD
from bench.store import CACHE, RESULTS, timed
from bench.synthetic import cached_store, figures_of, structure_of, write_nquads
from orgkg.graph.built import BuiltGraph
from orgkg.graph.store import STORE
from orgkg.graph.structure import facts
from orgkg.query.library import NamedQuery, library
from orgkg.query.local import LocalGraph
from orgkg.query.order import ordering
from orgkg.query.values import with_values
from orgkg.report import read_figures, render_page

# The top post, and the head of the deepest post's unit (the post in it whose supervisor sits elsewhere).
PICK = HEAD + """
SELECT ?top ?head ?unit WHERE {
  { SELECT ?top WHERE { ?top orgkg:layer 1 . ?x org:reportsTo ?top } LIMIT 1 }
  { SELECT ?deep WHERE { ?deep orgkg:layer ?l ; org:postIn ?u } ORDER BY DESC(?l) ?deep LIMIT 1 }
  ?deep org:postIn ?unit .
  ?head org:postIn ?unit ; orgkg:primaryReportsTo ?above .
  FILTER NOT EXISTS { ?above org:postIn ?unit }
} LIMIT 1
"""
# bench.store's engine operation "everyone under the top post" (plain SPARQL, no titles), and the
# same question asked of the derived facts.
PLAIN = {"before": HEAD + "SELECT ?sub WHERE { ?sub org:reportsTo+ ?top }",
         "after": HEAD + "SELECT ?sub WHERE { ?sub orgkg:reportsToTransitively ?top }"}
REPORT = ("span-summary", "span-distribution", "positions-per-layer", "layers-per-unit",
          "managers-per-staff", "positions-per-level", "longest-chain")
GOAL = 1.0  # seconds: issue 12's goal for each whole-organisation question at 100,000 positions
Value = ox.NamedNode | ox.Literal


def best(fn: Any) -> tuple[float, Any]:
    first, value = timed(fn)
    return min(first, timed(fn)[0]), value


def best_cpu(fn: Any) -> tuple[float, float, Any]:
    """The lower wall and CPU seconds of two runs, and the value."""
    runs = []
    for _ in range(2):
        wall, cpu = time.perf_counter(), time.process_time()
        value = fn()
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    return min(w for w, _ in runs), min(c for _, c in runs), value


def listing(engine: LocalGraph, q: NamedQuery, values: dict[str, Value]) -> dict[str, Any]:
    """One listing three ways: sorted by the store (its ORDER BY, as orgkg query did before
    query.order), by orgkg (the rows fetched unsorted, then ordered in Python: what it does now),
    and fetched unsorted (what the store's part costs now)."""
    text = with_values(q.text, values)
    plan = ordering(text)
    assert plan is not None, q.name
    def count(query: str) -> int:
        answer = engine.graph.query(query, union=q.union)
        assert isinstance(answer, ox.QuerySolutions)
        return sum(1 for _ in answer)
    return {"store sorts": best_cpu(lambda: count(text)),
            "orgkg sorts": best_cpu(lambda: run(engine, q, values)),
            "unsorted": best_cpu(lambda: count(plan.text))}


def run(engine: LocalGraph, q: NamedQuery, values: dict[str, Value]) -> int:
    return sum(1 for _ in engine.run(engine.narrow(q, values), values, union=q.union).rows)


def before(name: str, texts: dict[str, str] = BEFORE) -> NamedQuery:
    now = library()[name]
    return NamedQuery(name, now.summary, texts[name], now.path, now.params, now.examples, union=True)


def report_command(store: Path) -> float:
    """``orgkg report`` on a graph folder holding the store, end to end (the lower of two runs)."""
    folder = store.with_name(store.name + "-folder")
    folder.mkdir(exist_ok=True)
    if not (folder / STORE).exists():
        os.symlink(store.resolve(), folder / STORE)
    cmd = [sys.executable, "-m", "orgkg", "report", "--graph", str(folder),
           "--out", str(folder / "report.html")]
    return best(lambda: subprocess.run(cmd, capture_output=True, check=True))[0]


def store_for(n: int) -> Path:
    """The cached store of N positions (the same files as ``bench.store``'s, made when missing)."""
    CACHE.mkdir(exist_ok=True)
    nq = CACHE / f"synthetic-{n}-seed7.nq"
    if not nq.exists():
        write_nquads(nq.with_suffix(".tmp"), n).rename(nq)
    return cached_store(nq, CACHE / f"store-{n}-built")


def measure(n: int) -> dict[str, Any]:
    store = ox.Store.read_only(str(store_for(n)))
    graph = BuiltGraph(store)
    engine, lib = LocalGraph(graph), library()
    [pick] = list(store.query(PICK))  # type: ignore[arg-type]
    found = {k: pick[k] for k in ("top", "head", "unit")}  # type: ignore[index]
    row: dict[str, Any] = {"n": n}
    def derive() -> int:
        structure = structure_of(store)
        return sum(1 for _ in facts(structure, figures_of(store, structure)))
    row["derive"], size = best(derive)
    row["structure_triples"] = size
    asks = {"everyone-under (named query: titles, sorted), top post":
                ("everyone-under", {"post": found["top"]}),
            "everyone-under, head of a unit": ("everyone-under", {"post": found["head"]}),
            "layers-per-unit, whole organisation": ("layers-per-unit", {}),
            "layers-per-unit, one unit": ("layers-per-unit", {"unit": found["unit"]})}
    row["compare"] = {}
    plain = {k: NamedQuery(k, "", text, Path(k), union=True) for k, text in PLAIN.items()}
    row["compare"]["everyone under the top post, plain SPARQL (bench.store's operation)"] = (
        best(lambda: run(engine, plain["before"], {"top": found["top"]})),
        best(lambda: run(engine, plain["after"], {"top": found["top"]})))
    for label, (name, values) in asks.items():
        old, new = before(name), lib[name]
        row["compare"][label] = (best(lambda q=old, v=values: run(engine, q, v)),
                                 best(lambda q=new, v=values: run(engine, q, v)))
    counted = {name: before(name, COUNTED) for name in COUNTED}
    row["report_queries"] = {
        name: (best(lambda q=counted[name]: run(engine, q, {})) if name in counted else None,
               best(lambda q=lib[name]: run(engine, q, {}))) for name in REPORT}
    row["post-layers, one unit"] = best(lambda: run(engine, lib["post-layers"], {"unit": found["unit"]}))
    row["listings"] = {label: listing(engine, lib[name], values) for label, (name, values) in {
        "everyone-under the top post (titles, sorted)": ("everyone-under", {"post": found["top"]}),
        "post-layers, whole organisation": ("post-layers", {}),
        "span-of-control, whole organisation": ("span-of-control", {}),
        "positions-by-level, whole organisation": ("positions-by-level", {})}.items()}
    row["figures"], figures = best(lambda: read_figures(graph))
    row["page"], page = best(lambda: render_page(figures))
    row["page_bytes"] = len(page.encode("utf-8"))
    row["command"] = report_command(store_for(n))
    return row


def report(rows: list[dict[str, Any]]) -> str:
    out = ["# Spans and layers: the derived structure, before and after", "",
           "Reproduce: `python -m bench.layers` (the store `bench.store` caches, with the structure graph "
           "`orgkg build` derives). Seconds, the lower of two runs, on this 2-core machine shared with "
           "other work; 'before' is the query as it was before the structure was derived (commit b3d637d, "
           "walking `org:reportsTo+`), 'after' the named query now, on the same store in the same run.", ""]
    out += ["| positions | derive layers, posts above and figures (build time) | structure triples |",
            "|---:|---:|---:|"]
    out += [f"| {r['n']:,} | {r['derive']:.2f} | {r['structure_triples']:,} |" for r in rows]
    out += ["", "| positions | question | before: s | after: s | rows | faster |",
            "|---:|---|---:|---:|---:|---:|"]
    for r in rows:
        for label, ((b, rows_b), (a, rows_a)) in r["compare"].items():
            note = "" if rows_a == rows_b else f" (before {rows_b:,})"
            out.append(f"| {r['n']:,} | {label} | {b:.3f} | {a:.3f} | {rows_a:,}{note} | {b / a:.0f}x |")
    out += ["", f"Every query of the report, whole organisation (goal: under {GOAL:.0f} s at 100,000 "
            "positions); 'before' is the query counting at each ask (`COUNTED`, commit 868a9aa), "
            "'after' the named query reading the figures the build counted:", "",
            "| positions | query | before: s | after: s | rows | under 1 s |",
            "|---:|---|---:|---:|---:|---|"]
    for r in rows:
        items = [*r["report_queries"].items(), ("post-layers, one unit", (None, r["post-layers, one unit"]))]
        for name, (old, (secs, count)) in items:
            was = f"{old[0]:.3f}" if old else "(same query)"
            ok = "yes" if secs < GOAL else "NO"
            out.append(f"| {r['n']:,} | {name} | {was} | {secs:.3f} | {count:,} | {ok} |")
    out += ["", "Listings (every row of the organisation, with titles), measured apart from the aggregates, "
            "three ways in the same run: sorted by the store (its ORDER BY: `orgkg query` before "
            "`query.order`), by orgkg (the rows fetched unsorted, then ordered in Python: `orgkg query` "
            "now), and only fetched unsorted (the store's part of it now). Wall and CPU seconds, the "
            "lower of two runs each:", "",
            "| positions | listing | rows | store sorts: wall / CPU | orgkg sorts: wall / CPU "
            "| fetched unsorted: wall / CPU |", "|---:|---|---:|---:|---:|---:|"]
    for r in rows:
        for label, ways in r["listings"].items():
            cells = " | ".join(f"{ways[k][0]:.2f} / {ways[k][1]:.2f}"
                               for k in ("store sorts", "orgkg sorts", "unsorted"))
            out.append(f"| {r['n']:,} | {label} | {ways['orgkg sorts'][2]:,} | {cells} |")
    out += ["", "Where a listing's time goes now (100,000 positions, this store, CPU seconds at load 5 to 7, "
            "measured apart in the sixth session): the join is cheap once the store hashes it (the top "
            "post's subordinates joined with their titles, counted by the store: 0.23 s; the same rows "
            "returned: 1.33 s hashed, 3.29 s looked up row by row, which is why the listings read their "
            "titles in sub-queries). What costs is reading the answer's terms back: each IRI or title "
            "not inlined is a RocksDB look-up of about 5 us (every post with its title: counted 0.03 s, "
            "returned 1.16 s, before Python holds a term), then making Python terms of them (about 0.2 s "
            "per 100,000 rows of two terms) and sorting them (0.2 to 0.5 s). Serialising the solutions "
            "in Rust (TSV, JSON) saves nothing once the terms are made again in Python. So a listing of "
            "100,000 rows with titles cannot come out of this store in under 1 s; it would need the rows "
            "from outside it (a prototype SQLite index of each post's layer, least primary title and "
            "posts above answered everyone-under the top post, sorted, in 0.15 s; 0.48 s with the rows "
            "made pyoxigraph terms). orgkg query sorts these listings itself: the store's ORDER BY takes "
            "several times as long (compare the first two columns)."]
    out += ["", "| positions | all figures read (7 queries) | page rendered (4 plots) | page size "
            "| `orgkg report` end to end |", "|---:|---:|---:|---:|---:|"]
    out += [f"| {r['n']:,} | {r['figures']:.2f} | {r['page']:.2f} | {r['page_bytes'] / 1024:.0f} KiB "
            f"| {r['command']:.2f} |" for r in rows]
    out += ["", f"Load average at the end of the run: {os.getloadavg()[0]:.1f} on "
            f"{len(os.sched_getaffinity(0))} cores (the machine is shared)."]
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    a = ap.parse_args()
    rows = []
    for n in a.sizes:
        start = time.perf_counter()
        rows.append(measure(n))
        print(f"{n}: {time.perf_counter() - start:.0f} s", flush=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "layers.md").write_text(report(rows), encoding="utf-8")
    print(report(rows))


if __name__ == "__main__":
    main()
