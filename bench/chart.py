"""How the org chart copes with a large organisation: page build, size, and first render.

    python -m bench.chart                    # 10,000 positions (make bench-chart)
    python -m bench.chart --sizes 1000 10000

For each size, on the synthetic organisation (``bench/synthetic.py``, seed 7)
loaded into an in-memory pyoxigraph store, it measures in one run: reading
the networkx view with the named queries; measuring it (span, depth, head
count); writing the HTML page and its size; writing the other exports
(GraphML, GEXF, DOT, Mermaid); then, in real headless Chromium with every
network request blocked, the time from navigation to the first drawn chart,
the time to open every branch (all positions drawn) and to search a title.
Results go to ``bench/results/chart.md``; a screenshot of the first view to
``artifacts/chart-<N>.png``.
"""

from __future__ import annotations

import argparse
import platform
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from tests.support.browser import Chromium

from bench.synthetic import write_nquads
from orgkg.chart import Chart, ColourBy, measure, reporting_view, writer_for
from orgkg.graph.built import BuiltGraph

HERE = Path(__file__).resolve().parent
CACHE, RESULTS, ARTIFACTS = HERE / ".cache", HERE / "results", HERE.parent / "artifacts"
EXPORTS = (".graphml", ".gexf", ".dot", ".mmd")


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def store_of(n: int) -> ox.Store:
    CACHE.mkdir(exist_ok=True)
    nq = CACHE / f"synthetic-{n}-seed7.nq"
    if not nq.exists():
        print(f"generating {n} positions ...", flush=True)
        write_nquads(nq.with_suffix(".tmp"), n).rename(nq)
    store = ox.Store()
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    return store


def in_browser(page_path: Path, n: int) -> dict[str, Any]:
    with Chromium() as page:
        wall = page.open(page_path)
        first = page.evaluate("window.orgkgFirstRender")
        shown = page.evaluate("window.orgkgChart.shown()")
        page.screenshot(ARTIFACTS / f"chart-{n}.png")
        expand, drawn = timed(lambda: page.evaluate("window.orgkgChart.expandAll()"))
        title = page.evaluate("window.orgkgChart.search('(1')[0]") or ""
        search, hits = timed(lambda: page.evaluate(f"window.orgkgChart.search({title[-8:]!r}).length"))
        return {"wall": wall, "first": first / 1000, "shown": shown, "expand": expand, "drawn": drawn,
                "search": search, "hits": hits, "offsite": page.requests_elsewhere(), "errors": page.errors}


def run(n: int, out: Path) -> dict[str, Any]:
    store = store_of(n)
    t_view, view = timed(lambda: reporting_view(BuiltGraph(store)))
    t_measure, shape = timed(lambda: measure(view))
    chart = Chart(view, ColourBy.level, f"Synthetic organisation, {n:,} positions")
    page_path = out / f"chart-{n}.html"
    t_page, _ = timed(lambda: writer_for(page_path).write(chart, page_path))
    exports = {}
    for suffix in EXPORTS:
        path = out / f"chart-{n}{suffix}"
        exports[suffix] = (timed(lambda p=path: writer_for(p).write(chart, p))[0], path.stat().st_size)
    row = {"n": n, "view": t_view, "measure": t_measure, "page": t_page, "size": page_path.stat().st_size,
           "layers": shape.layers, "exports": exports, **in_browser(page_path, n)}
    print(row, flush=True)
    return row


def report(rows: list[dict[str, Any]]) -> str:
    lines = [
        "# Org chart at scale (`python -m bench.chart`)", "",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, "
        f"{platform.system()}; Chromium headless (Debian), network blocked. One run.", "",
        "| positions | view (queries + networkx) | measure | HTML page | page size | first render "
        "(navigation → chart drawn) | drawn at first | expand all (every position drawn) | search |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']:,} | {r['view']:.2f} s | {r['measure']:.2f} s | {r['page']:.2f} s "
            f"| {r['size'] / 1e6:.2f} MB | {r['first']:.2f} s (ready after {r['wall']:.2f} s) "
            f"| {r['shown']} | {r['expand']:.2f} s ({r['drawn']:,} drawn) | {r['search'] * 1000:.0f} ms |")
    lines += ["", "Exports of the same chart (time to write, size):", "",
              "| positions | " + " | ".join(EXPORTS) + " |", "|---:|" + "---:|" * len(EXPORTS)]
    for r in rows:
        cells = [f"{t:.2f} s, {size / 1e6:.1f} MB" for t, size in r["exports"].values()]
        lines.append(f"| {r['n']:,} | " + " | ".join(cells) + " |")
    lines += ["", "Baseline: drawing every position at once (what a page without collapsing does) "
              "against drawing the first layers only: "
              + "; ".join(f"{r['n']:,} positions: {r['expand']:.2f} s vs {r['first']:.2f} s, "
                          f"{r['expand'] / r['first']:.1f}x" for r in rows) + "."]
    lines += ["", "Requests the page attempted beyond its own file: "
              + ", ".join(str(len(r["offsite"])) for r in rows)
              + "; console errors: " + ", ".join(str(len(r["errors"])) for r in rows) + ".", ""]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000])
    a = ap.parse_args()
    out = CACHE / "chart"
    out.mkdir(parents=True, exist_ok=True)
    rows = [run(n, out) for n in a.sizes]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "chart.md").write_text(report(rows), encoding="utf-8")
    print(report(rows))


if __name__ == "__main__":
    main()
