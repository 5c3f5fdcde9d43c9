"""Each check of the fast validation engine timed on its own, on a built graph folder.

    python -m bench.shapes --graph bench/.cache/organisation-100000-10000/out
    python -m bench.shapes --graph out --only RegisterClassAgrees --timeout 60

``orgkg validate`` runs every check (one query per shape and constraint,
``validate.engine.compile``) and then describes the findings; when it is slow
this says which check, and how long describing takes. Each check runs in a
process of its own, one at a time, so one that does not finish is stopped
after ``--timeout`` seconds (a pyoxigraph query cannot be interrupted) and
the others are still measured. The table (check, results, seconds) is
printed and, with ``--out``, written as Markdown.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import time
from pathlib import Path

from orgkg.graph.built import BuiltGraph
from orgkg.resources import ontology_path
from orgkg.validate import shapes as shape_files
from orgkg.validate.describe import describe
from orgkg.validate.engine.base import ontology_graph
from orgkg.validate.engine.compile import Check, compile_shapes
from orgkg.validate.engine.fast import hierarchy, run_check

Row = tuple[str, int | None, float]


def checks(graph: BuiltGraph, shapes: Path | None) -> list[Check]:
    ontology = ontology_graph(ontology_path())
    return compile_shapes(shape_files.load(shapes), hierarchy(graph.merged(), ontology))


def name(check: Check) -> str:
    shape = str(check.shape).rsplit("#", 1)[-1]
    return shape if check.constraint is not None else f"{shape} ({str(check.component).rsplit('#', 1)[-1]})"


def _one(folder: str, shapes: Path | None, index: int, answer: mp.Queue) -> None:  # type: ignore[type-arg]
    graph = BuiltGraph.open(Path(folder))
    check = checks(graph, shapes)[index]
    start = time.perf_counter()
    found = run_check(graph.merged(), shape_files.load(shapes), check)
    answer.put((len(found), time.perf_counter() - start))


def time_check(folder: Path, shapes: Path | None, index: int, timeout: float) -> tuple[int | None, float]:
    """(results, seconds) of one check, or (None, timeout) when it did not finish in time."""
    answer: mp.Queue = mp.Queue()  # type: ignore[type-arg]
    child = mp.get_context("fork").Process(target=_one, args=(str(folder), shapes, index, answer))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return None, timeout
    count, seconds = answer.get()
    return count, seconds


def time_describe(folder: Path, shapes_folder: Path | None) -> tuple[int, float, float]:
    """(results, seconds to run every check in this process, seconds to describe them)."""
    graph = BuiltGraph.open(folder)
    shapes = shape_files.load(shapes_folder)
    start = time.perf_counter()
    view = graph.merged()
    results = [r for c in checks(graph, shapes_folder) for r in run_check(view, shapes, c)]
    ran = time.perf_counter() - start
    start = time.perf_counter()
    describe(graph, results, shapes)
    return len(results), ran, time.perf_counter() - start


def table(rows: list[Row], timeout: float) -> str:
    lines = ["| check | results | seconds |", "|---|---:|---:|"]
    for check, count, seconds in sorted(rows, key=lambda r: -r[2]):
        lines.append(f"| {check} | {'-' if count is None else count} | "
                     f"{'> ' + format(timeout, '.0f') if count is None else format(seconds, '.2f')} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, required=True)
    ap.add_argument("--shapes", type=Path, help="a shapes folder (default: orgkg's)")
    ap.add_argument("--timeout", type=float, default=120.0)
    ap.add_argument("--only", help="time only the checks whose name contains this")
    ap.add_argument("--describe", action="store_true", help="then run every check and describe the findings")
    ap.add_argument("--out", type=Path, help="write the table here (Markdown)")
    a = ap.parse_args()
    names = [name(c) for c in checks(BuiltGraph.open(a.graph), a.shapes)]
    rows: list[Row] = []
    for i, check in enumerate(names):
        if a.only and a.only not in check:
            continue
        count, seconds = time_check(a.graph, a.shapes, i, a.timeout)
        rows.append((check, count, seconds))
        print(f"{check}: {'did not finish' if count is None else count} in {seconds:.2f} s", flush=True)
    text = table(rows, a.timeout)
    if a.describe:
        count, ran, described = time_describe(a.graph, a.shapes)
        text += (f"\nAll checks in one process: {count} results in {ran:.1f} s; "
                 f"describing them {described:.1f} s.\n")
    print(text)
    if a.out:
        a.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
