"""Build speed over the real documents of ``tests/corpus/`` (documents per second).

    python -m bench.corpus                          # -> bench/results/corpus.md
    python -m bench.corpus --against ../speed-base  # and other checkouts' code, in the same run

Builds every document under ``tests/corpus/*/docs`` into a fresh folder with
``orgkg.build`` (on every core), then again into the same folder (nothing
changed: everything reused), and reports documents per second and per core.
Each build runs in a fresh Python process, as ``orgkg build`` does (the time
counted is the ``build`` call's: pool start included, interpreter start not).

The machine is shared, so a figure alone says little: each run records the
load average before it and the CPU time it used (its own and its processes'),
and with ``--against`` (once or more) the checkouts' code (their ``src``, on
this checkout's interpreter) are run in turn, ``--rounds`` times each, and
compared by their median in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT / "tests" / "corpus"
GOAL = 50.0


def one() -> dict[str, Any]:
    """Build the corpus twice in this process (the code ``orgkg`` imports); the figures as a dict."""
    from orgkg.build import BuildOptions, build

    folders = sorted(CORPUS.glob("*/docs"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        cpu, children = time.process_time(), _children()
        start = time.perf_counter()
        full = build(folders, out, BuildOptions())
        wall = time.perf_counter() - start
        cpu, children = time.process_time() - cpu, _children() - children
        start = time.perf_counter()
        again = build(folders, out, BuildOptions())
        second = time.perf_counter() - start
    return {"files": len(full.outcomes), "docs": sum(o.status == "ok" for o in full.outcomes),
            "wall": wall, "cpu": cpu, "children": children, "again": second, "reused": len(again.reused),
            "steps": full.seconds}


def _children() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run(src: Path) -> dict[str, Any]:
    """One measured build of the code under ``src``, in a fresh process; with the load average before it."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    load = os.getloadavg()[0]
    done = subprocess.run([sys.executable, "-m", "bench.corpus", "--one"], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    return {**json.loads(done.stdout.splitlines()[-1]), "load": load}


def rate(r: dict[str, Any]) -> float:
    return float(r["docs"]) / float(r["wall"])


def cpu_ms(r: dict[str, Any]) -> float:
    """CPU milliseconds per document: the build's process and its pool (less sensitive to load than time)."""
    return 1000 * (float(r["cpu"]) + float(r["children"])) / float(r["docs"])


def report(sides: dict[str, list[dict[str, Any]]], cores: int) -> str:
    names = list(sides)
    first = sides[names[0]][0]
    rows = []
    for name in names:
        for i, r in enumerate(sides[name], 1):
            rows.append(f"| {name} | {i} | {r['load']:.1f} | {r['wall']:.2f} | {rate(r):.1f} | "
                        f"{rate(r) / cores:.1f} | {cpu_ms(r):.0f} | {r['again']:.2f} |")
    med = {name: statistics.median(rate(r) for r in runs) for name, runs in sides.items()}
    cpu = {name: statistics.median(cpu_ms(r) for r in runs) for name, runs in sides.items()}
    lines = [f"| {name} | {med[name]:.1f} | {med[name] / cores:.1f} | {cpu[name]:.0f} | "
             f"{cores * 1000 / cpu[name]:.0f} |" for name in names]
    steps = {name: _median_run(runs)["steps"] for name, runs in sides.items()}
    text = f"""# Build speed over the real corpus

`python -m bench.corpus{' --against ...' if len(names) > 1 else ''}`: {first['files']} files under
tests/corpus/*/docs, {first['docs']} read as position documents, on {cores} cores. The machine is
shared: each run gives the 1-minute load average before it; CPU ms per document counts the build's
process and its pool processes; the estimate (documents per second) is what that CPU time gives on
{cores} idle cores (cores x 1000 / CPU ms: an upper bound, the writing at the end runs on one core).

| code | median documents per second | per core | CPU ms per document | CPU-bound estimate |
|---|---:|---:|---:|---:|
{chr(10).join(lines)}

| code | run | load average | seconds | documents per second | per core | CPU ms per document | again |
|---|---:|---:|---:|---:|---:|---:|---:|
{chr(10).join(rows)}

"Again": the same build into the same folder, nothing changed ({first['reused']} reused), in seconds.
Steps of the median run: {'; '.join(f"{name}: " + ', '.join(f'{k} {v:.2f} s' for k, v in steps[name].items())
                                    for name in names)}.
"""
    a = names[0]
    for b in names[1:]:
        text += (f"\n{a} / {b}, same run: {med[a] / med[b]:.2f} times the documents per second, "
                 f"{cpu[b] / cpu[a]:.2f} times less CPU per document.\n")
    text += f"Goal (issues 11, 12): at least {GOAL:g} documents per second on this machine.\n"
    return text


def _median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return sorted(runs, key=rate)[(len(runs) - 1) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--against", type=Path, action="append", default=[],
                        help="another checkout, run in turn with this one (may be given more than once)")
    parser.add_argument("--rounds", type=int, default=None,
                        help="runs of each (default 1, or 3 with --against)")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one()))
        return
    rounds = args.rounds or (3 if args.against else 1)
    sides: dict[str, list[dict[str, Any]]] = {"this": []}
    for other in args.against:
        sides[f"against ({other.name})"] = []
    srcs = [ROOT / "src", *(other.resolve() / "src" for other in args.against)]
    for _ in range(rounds):
        for name, src in zip(sides, srcs, strict=True):
            sides[name].append(run(src))
            print(f"{name}: {rate(sides[name][-1]):.1f} documents per second", file=sys.stderr)
    text = report(sides, len(os.sched_getaffinity(0)))
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "corpus.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
