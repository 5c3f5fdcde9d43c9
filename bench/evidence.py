"""What evidence costs: triples, bytes and build time, with and without the annotations.

    python -m bench.evidence            # writes bench/results/evidence.md

For each document set under tests/ (and the samples), every document is read
and extracted once; then mapped twice, with its evidence (the build's way:
one Web Annotation per item, quotes with their sentence) and with the
evidence left out (``Extraction.evidence`` emptied, no text), and each
mapping written as the build writes it (``graphs/``, the Oxigraph store
with its union copy, the title index). The best of three runs is kept.
"""

from __future__ import annotations

import argparse
import dataclasses
import platform
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from orgkg.errors import InputError
from orgkg.extract import extract_tidy
from orgkg.extract.records import Extraction
from orgkg.graph.build import indexed_text
from orgkg.graph.store import GRAPHS, STORE, write
from orgkg.mapping import Provenance, to_graph
from orgkg.read import Limits, read, supported

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
SETS = {
    "samples (data/documents)": ROOT / "data/documents",
    "extraction cases": ROOT / "tests/cases/extract",
    "tests/heldout": ROOT / "tests/heldout/docs",
    "tests/heldout2": ROOT / "tests/heldout2/docs",
    "tests/corpus/dev": ROOT / "tests/corpus/dev/docs",
}

Doc = tuple[str, str, Extraction]  # name, text, extraction


def documents(folder: Path) -> list[Doc]:
    out = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or not supported(path) or path.name in ("SOURCES.md", "README.md"):
            continue
        try:
            text = indexed_text(read(path, Limits()))
        except InputError:
            continue
        out.append((str(path.relative_to(folder)).replace("/", "-"), text, extract_tidy(text)))
    return out


def mapped(docs: list[Doc], *, evidence: bool) -> dict[URIRef, Graph]:
    graphs = {}
    for name, text, ex in docs:
        prov = Provenance(name=name, sha256="0" * 64, family=ex.family, confidence=ex.confidence,
                          loader_version="bench")
        if evidence:
            iri, g = to_graph(ex, prov, text=text)
        else:
            iri, g = to_graph(dataclasses.replace(ex, evidence=[]), prov)
        graphs[iri] = g
    return graphs


def best(fn: Callable[[], Any], runs: int = 3) -> tuple[float, Any]:
    times, value = [], None
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    return min(times), value


def size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def written(graphs: dict[URIRef, Graph]) -> tuple[float, int, int, int]:
    """Seconds to write, graph files bytes, store bytes, triples in the union copy."""
    folder = Path(tempfile.mkdtemp(prefix="orgkg-bench-evidence-"))
    try:
        seconds, _ = best(lambda: write(folder, graphs, []))
        store = ox.Store.read_only(str(folder / STORE))
        union = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        del store
        return seconds, size(folder / GRAPHS), size(folder / STORE), union
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def measure(name: str, folder: Path) -> dict[str, Any]:
    extract_s, docs = best(lambda: documents(folder), runs=1)
    items = sum(len(ex.evidence) for _, _, ex in docs)
    row: dict[str, Any] = {"set": name, "documents": len(docs), "items": items, "extract": extract_s}
    for key, flag in (("without", False), ("with", True)):
        map_s, graphs = best(lambda flag=flag: mapped(docs, evidence=flag))
        write_s, trig, store, union = written(graphs)
        row[key] = {"triples": sum(len(g) for g in graphs.values()), "map": map_s, "write": write_s,
                    "trig": trig, "store": store, "union": union}
    return row


def table(rows: list[dict[str, Any]]) -> str:
    head = ("| set | documents | evidence items | triples without → with | per item | union copy "
            "without → with | map + write without → with | read + extract | documents/s without → with "
            "| graph files | store |\n"
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
    lines = []
    for r in rows:
        a, b = r["without"], r["with"]
        extra = b["triples"] - a["triples"]
        per = f"{extra / r['items']:.1f}" if r["items"] else "–"
        lines.append(
            f"| {r['set']} | {r['documents']} | {r['items']:,} | {a['triples']:,} → {b['triples']:,} "
            f"(×{b['triples'] / max(a['triples'], 1):.2f}) | {per} | {a['union']:,} → {b['union']:,} | "
            f"{a['map'] + a['write']:.2f} s → {b['map'] + b['write']:.2f} s | {r['extract']:.2f} s | "
            f"{r['documents'] / (r['extract'] + a['map'] + a['write']):.0f} → "
            f"{r['documents'] / (r['extract'] + b['map'] + b['write']):.0f} | "
            f"{a['trig'] / 1e3:,.0f} → {b['trig'] / 1e3:,.0f} kB | "
            f"{a['store'] / 1e3:,.0f} → {b['store'] / 1e3:,.0f} kB |")
    return head + "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=RESULTS / "evidence.md")
    args = parser.parse_args()
    rows = [measure(name, folder) for name, folder in SETS.items() if folder.is_dir()]
    text = ("# What evidence costs (`python -m bench.evidence`)\n\n"
            f"Machine: {platform.machine()}, Python {platform.python_version()}, {platform.system()}; "
            "shared by other jobs, best of 3 runs for mapping and writing, one run for reading and "
            "extracting (the same with or without: the extractors find evidence either way).\n\n"
            + table(rows))
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
