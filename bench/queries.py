"""``orgkg query`` on a built organisation as a user runs it: the report's named queries, before and after.

    python -m bench.queries --graph bench/.cache/organisation-100000-10000/out-this \\
        --before /work/wt/s5-base/.venv/bin/orgkg

Each query is a process of its own (``orgkg query NAME --graph DIR --format csv``,
output discarded), timed as ``bench.organisation``'s query step times it, for
the ``orgkg`` of this checkout and, when given, another install's (``--before``)
in the same run, alternately; wall and CPU seconds (the process's user + system
time), the lower of ``--runs`` runs each. The start-up (``orgkg query --help``)
is timed apart. Results go to ``bench/results/queries.md``.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench.store import RESULTS

QUERIES = ("span-of-control", "positions-by-level", "posts-without-supervisor", "layers-per-unit",
           "span-summary", "positions-per-layer", "longest-chain", "managers-per-staff", "post-layers")
HERE = [sys.executable, "-m", "orgkg"]


def timed(cmd: list[str]) -> tuple[float, float, int]:
    """Wall and CPU seconds of one process, and the lines it wrote."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout.count(b"\n")


def best(cmd: list[str], runs: int) -> tuple[float, float, int]:
    found = [timed(cmd) for _ in range(runs)]
    return min(w for w, _, _ in found), min(c for _, c, _ in found), found[0][2]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, required=True)
    ap.add_argument("--before", help="another install's orgkg command, timed in the same run")
    ap.add_argument("--runs", type=int, default=2)
    a = ap.parse_args()
    installs = ({"before": [a.before]} if a.before else {}) | {"after": HERE}
    asks = {"(start-up: `orgkg query --help`)": ["query", "--help"]}
    asks |= {q: ["query", q, "--graph", str(a.graph), "--format", "csv"] for q in QUERIES}
    out = ["# `orgkg query` on the whole organisation, before and after", "",
           f"`python -m bench.queries --graph {a.graph}" + (f" --before {a.before}`" if a.before else "`"),
           f"({len(asks) - 1} named queries, each a process of its own writing CSV, as "
           f"`bench.organisation`'s query step runs them; wall / CPU seconds, the lower of {a.runs} runs).",
           "",
           "| query | lines out | " + " | ".join(f"{k}: wall / CPU" for k in installs) + " |",
           "|---|---:|" + "---:|" * len(installs)]
    for label, args in asks.items():
        cells, lines = [], 0
        for cmd in installs.values():
            wall, cpu, lines = best([*cmd, *args], a.runs)
            cells.append(f"{wall:.2f} / {cpu:.2f}")
        shown = f"{lines - 1:,}" if "--graph" in args else ""
        out.append(f"| {label} | {shown} | " + " | ".join(cells) + " |")
        print(out[-1], flush=True)
    out += ["", f"Load average at the end of the run: {os.getloadavg()[0]:.1f} on "
            f"{len(os.sched_getaffinity(0))} cores (the machine is shared)."]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "queries.md").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
