"""Validation speed: orgkg's fast engine against plain pyshacl, same shapes, same findings.

    python -m bench.validate                         # 1,000 / 10,000 / 100,000 positions
    python -m bench.validate --sizes 1000 --pyshacl-max 1000    # a quick run

For each size, the synthetic organisation (``bench.synthetic``) is generated
with ``defects`` (each rule broken once per 1,000 positions) and loaded into a
persistent store in the layout ``orgkg build`` writes. The fast engine's time
is the whole of ``orgkg.validate.validate`` on that store (shapes and ontology
read, every check run, findings described, the ``sh:ValidationReport`` made);
plain pyshacl runs the same shapes over the RDF merge with the ontology (its
time excludes building that rdflib graph). The two engines' results are
compared as sets of (focus, path, value, severity, source shape, constraint
component). pyshacl runs only up to ``--pyshacl-max`` positions (it takes
about an hour at 10,000); its results and time are kept in
``bench/.cache/pyshacl-*.json`` under a digest of the data, shapes, ontology
and pyshacl version, so a later run re-measures the fast engine and reuses
that baseline only while none of those changed (the table says when it was
measured). Results go to ``bench/results/validate.md``.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import time
from collections import Counter
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

import pyoxigraph as ox

from bench.synthetic import cached_store, write_nquads
from orgkg.graph.built import BuiltGraph
from orgkg.resources import data_dir, ontology_path
from orgkg.validate import shapes as shape_files
from orgkg.validate import validate
from orgkg.validate.engine.base import ontology_graph
from orgkg.validate.engine.plain import PlainEngine, merged

HERE = Path(__file__).resolve().parent
CACHE, RESULTS = HERE / ".cache", HERE / "results"
Key = tuple[str, ...]


def store_for(n: int) -> tuple[Path, BuiltGraph]:
    CACHE.mkdir(exist_ok=True)
    nq, path = CACHE / f"synthetic-{n}-seed7-defects.nq", CACHE / f"store-{n}-defects"
    if not nq.exists():
        print(f"generating {n} positions with defects ...", flush=True)
        write_nquads(nq.with_suffix(".tmp"), n, defects=True).rename(nq)
    return nq, BuiltGraph(ox.Store.read_only(str(cached_store(nq, path))))


def fast(store: BuiltGraph) -> tuple[float, set[Key], Counter[str]]:
    """Seconds for the whole ``validate`` call, and the engine's results."""
    gc.collect()  # not the garbage of the sizes before
    start = time.perf_counter()
    report = validate(store)
    seconds = time.perf_counter() - start
    results = [f.result for f in report.findings]
    return seconds, {r.key() for r in results}, Counter(str(r.shape).rsplit("#", 1)[-1] for r in results)


def digest(nq: Path) -> str:
    h = hashlib.sha256(f"{nq.name} {nq.stat().st_size} pyshacl {version('pyshacl')}".encode())
    for path in [*sorted(data_dir("shapes").glob("*.ttl")), ontology_path()]:
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def plain(nq: Path, store: BuiltGraph) -> tuple[float, set[Key], str]:
    """pyshacl's seconds, results and when it was measured (from the cache while still valid)."""
    cache = CACHE / f"pyshacl-{nq.stem}-{digest(nq)}.json"
    if cache.exists():
        saved = json.loads(cache.read_text(encoding="utf-8"))
        return saved["seconds"], {tuple(k) for k in saved["results"]}, saved["measured"]
    shapes, ontology, data = shape_files.load(), ontology_graph(ontology_path()), merged(store)
    start = time.perf_counter()
    results = PlainEngine().run_graph(data, shapes, ontology)
    seconds = time.perf_counter() - start
    keys = {r.key() for r in results}
    measured = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    cache.write_text(json.dumps({"seconds": seconds, "measured": measured, "results": sorted(keys)}),
                     encoding="utf-8")
    return seconds, keys, measured


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
        nq, store = store_for(n)
        total, fast_keys, per_shape[n] = fast(store)
        print(f"{n}: fast {total:.1f} s, {len(fast_keys)} results", flush=True)
        if n <= a.pyshacl_max:
            plain_s, plain_keys, measured = plain(nq, store)
            same = fast_keys == plain_keys
            last_plain = (n, plain_s)
            print(f"{n}: pyshacl {plain_s:.1f} s ({measured}), {len(plain_keys)} results, identical: {same}",
                  flush=True)
            rows.append((n, total, f"{plain_s:.1f} ({measured})", f"{plain_s / total:.0f}x",
                         "yes" if same else "NO", len(fast_keys)))
        else:
            est = last_plain[1] * n / last_plain[0] if last_plain else None
            extrapolated = f"~{est:.0f} (extrapolated, linear)" if est else "-"
            rows.append((n, total, extrapolated, f"~{est / total:.0f}x" if est else "-", "not run",
                         len(fast_keys)))
        write(a.out, rows, per_shape)


def write(out: Path, rows: list[tuple[object, ...]], per_shape: dict[int, Counter[str]]) -> None:
    out.parent.mkdir(exist_ok=True)
    lines = ["# Validation: fast engine vs plain pyshacl", "",
             "`python -m bench.validate` (synthetic organisation with `defects`, in the layout `orgkg build` "
             "writes; same shapes, same machine). The fast engine is measured in this run; pyshacl when "
             "shown (its results and time are reused while the data, shapes, ontology and pyshacl version "
             "are unchanged).", "",
             "| positions | fast: `validate` (s) | pyshacl (s, when measured) | speed-up | "
             "identical findings | results |", "|---|---|---|---|---|---|"]
    lines += [f"| {n:,} | {t:.1f} | {p} | {r} | {same} | {k} |"
              for n, t, p, r, same, k in rows]  # type: ignore[misc]
    lines += ["", "Results per shape:", "", "| shape | " + " | ".join(f"{n:,}" for n in per_shape) + " |",
              "|---|" + "---|" * len(per_shape)]
    names = sorted({s for c in per_shape.values() for s in c})
    lines += [f"| {s} | " + " | ".join(str(c.get(s, 0)) for c in per_shape.values()) + " |" for s in names]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
