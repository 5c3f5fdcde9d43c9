"""Validation speed: orgkg's fast engine against plain pyshacl, same shapes, same findings.

    python -m bench.validate                         # 1,000 / 10,000 / 100,000 positions
    python -m bench.validate --sizes 1000 --pyshacl-max 1000    # a quick run

For each size, the synthetic organisation (``bench.synthetic``) is generated
with ``defects`` (each rule broken once per 1,000 positions) and loaded into a
persistent store, as ``orgkg build`` leaves it. The fast engine runs every
shape set-based in the store (its time is split into building the merged view
and running the queries); plain pyshacl runs the same shapes over the RDF
merge with the ontology (its time excludes building that rdflib graph). The
two engines' results are compared as sets of (focus, path, value, severity,
source shape, constraint component). pyshacl runs only up to
``--pyshacl-max`` positions; larger sizes are extrapolated from it and marked
so. Files are cached under ``bench/.cache/``; results go to
``bench/results/validate.md``.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from bench.synthetic import cached_store, write_nquads
from orgkg.resources import ontology_path
from orgkg.validate import shapes as shape_files
from orgkg.validate.engine.base import ontology_graph
from orgkg.validate.engine.compile import compile_shapes
from orgkg.validate.engine.fast import hierarchy, merged_view, run_check
from orgkg.validate.engine.plain import PlainEngine, merged
from orgkg.validate.model import Result

HERE = Path(__file__).resolve().parent
CACHE, RESULTS = HERE / ".cache", HERE / "results"


def store_for(n: int) -> ox.Store:
    CACHE.mkdir(exist_ok=True)
    nq, path = CACHE / f"synthetic-{n}-seed7-defects.nq", CACHE / f"store-{n}-defects"
    if not nq.exists():
        print(f"generating {n} positions with defects ...", flush=True)
        write_nquads(nq.with_suffix(".tmp"), n, defects=True).rename(nq)
    return ox.Store.read_only(str(cached_store(nq, path)))


def fast(store: ox.Store) -> tuple[float, float, list[Result]]:
    shapes, ontology = shape_files.load(), ontology_graph(ontology_path())
    start = time.perf_counter()
    view = merged_view(store)
    viewed = time.perf_counter()
    results: list[Result] = []
    for check in compile_shapes(shapes, hierarchy(view, ontology)):
        results += run_check(view, shapes, check)
    return viewed - start, time.perf_counter() - viewed, results


def plain(store: ox.Store) -> tuple[float, list[Result]]:
    shapes, ontology, data = shape_files.load(), ontology_graph(ontology_path()), merged(store)
    start = time.perf_counter()
    results = PlainEngine().run_graph(data, shapes, ontology)
    return time.perf_counter() - start, results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--pyshacl-max", type=int, default=10000)
    ap.add_argument("--out", type=Path, default=RESULTS / "validate.md")
    a = ap.parse_args()
    rows: list[tuple[object, ...]] = []
    per_shape: dict[int, Counter[str]] = {}
    last_plain: tuple[int, float] | None = None
    for n in a.sizes:
        store = store_for(n)
        view_s, query_s, fast_results = fast(store)
        total = view_s + query_s
        print(f"{n}: fast {total:.1f} s (view {view_s:.1f} + queries {query_s:.1f}), "
              f"{len(fast_results)} results", flush=True)
        per_shape[n] = Counter(str(r.shape).rsplit("#", 1)[-1] for r in fast_results)
        if n <= a.pyshacl_max:
            plain_s, plain_results = plain(store)
            same = {r.key() for r in fast_results} == {r.key() for r in plain_results}
            last_plain = (n, plain_s)
            print(f"{n}: pyshacl {plain_s:.1f} s, {len(plain_results)} results, identical: {same}",
                  flush=True)
            rows.append((n, total, view_s, query_s, f"{plain_s:.1f}", f"{plain_s / total:.1f}x",
                         "yes" if same else "NO", len(fast_results)))
        else:
            est = last_plain[1] * n / last_plain[0] if last_plain else None
            extrapolated = f"~{est:.0f} (extrapolated, linear)" if est else "-"
            rows.append((n, total, view_s, query_s, extrapolated,
                         f"~{est / total:.0f}x" if est else "-", "not run", len(fast_results)))
    write(a.out, rows, per_shape)


def write(out: Path, rows: list[tuple[object, ...]], per_shape: dict[int, Counter[str]]) -> None:
    out.parent.mkdir(exist_ok=True)
    lines = ["# Validation: fast engine vs plain pyshacl", "",
             "`python -m bench.validate` (synthetic organisation with `defects`; same shapes, same machine, "
             "same run).", "",
             "| positions | fast total (s) | merged view (s) | queries (s) | pyshacl (s) | speed-up | "
             "identical findings | results |", "|---|---|---|---|---|---|---|---|"]
    lines += [f"| {n:,} | {t:.1f} | {v:.1f} | {q:.1f} | {p} | {r} | {same} | {k} |"
              for n, t, v, q, p, r, same, k in rows]  # type: ignore[misc]
    lines += ["", "Results per shape:", "", "| shape | " + " | ".join(f"{n:,}" for n in per_shape) + " |",
              "|---|" + "---|" * len(per_shape)]
    names = sorted({s for c in per_shape.values() for s in c})
    lines += [f"| {s} | " + " | ".join(str(c.get(s, 0)) for c in per_shape.values()) + " |" for s in names]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
