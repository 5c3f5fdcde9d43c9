"""An incremental build and a large register, each one command, for one or several versions of orgkg.

    python -m bench.incremental                           # this checkout, 100,000 positions, 10,000 documents
    python -m bench.incremental --code base=../base/src --code new=src --runs 3
    python -m bench.incremental --only register
    python -m bench.incremental --only incremental --change title   # a title changed, not a duty

The organisation of ``bench.organisation`` (a register of N positions and D
documents) is generated once into ``bench/.cache`` and built in full once per
version of orgkg (``out-<label>``: minutes; kept for later runs, and made
again when that version's code changed, as a build made by other code is not
reused; then built once more with nothing changed, so that it holds two
versions, as a folder does after any build). Each run then copies that
build (hard links: ``cp -al``; a build never writes into the files of a
build before), changes one document and
builds again into the copy, through the library (``orgkg.build``) and
through the command (``orgkg build``, the interpreter's start and imports
included, its bytecode compiled beforehand as an install does: ``_installed``;
the change is a duty more, or with ``--change title`` a document's
title: a position's own, numbered, so only the listings' facts change, not
the structure), and loads the register alone in a process of its own (read,
recognise, map, and what the build takes from it: ``build.work.read``).
Each figure is wall and CPU time (the process and its children), with the
load average before it: the machine is shared. The versions are run in turn
within each run, so they meet the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CACHE, RESULTS = HERE / ".cache", HERE / "results"
LINE = "- Reviews risk assessments.\n"


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _inputs(folder: Path) -> list[Path]:
    return [folder / "register.csv", folder / "documents"]


def _changed(doc: Path, change: str = "duty") -> str:
    """Change a document (a duty more, or its title); returns its text, to put back."""
    text = doc.read_text(encoding="utf-8")
    new = text + LINE if change == "duty" else re.sub(r"(Job Title:\s+)", r"\1Acting ", text, count=1)
    assert new != text, doc
    doc.write_text(new, encoding="utf-8")
    return text


def _full(folder: Path, out: Path) -> dict[str, Any]:
    """The build a run's copies start from, kept (made once per version of the code): a full build,
    then one with nothing changed, so the folder holds two versions as it does after any build, and
    the next build removes the older, as any build does."""
    from orgkg.build import BuildOptions, build
    from orgkg.build.state import previous
    from orgkg.read import Limits

    figures: dict[str, Any] = {}
    if not out.exists() or previous(out) is None:
        shutil.rmtree(out, ignore_errors=True)
        start, cpu = time.perf_counter(), _cpu()
        build(_inputs(folder), out, BuildOptions(limits=Limits(timeout=0)))
        figures["full build"] = [time.perf_counter() - start, _cpu() - cpu]
    if len(list((out / "versions").iterdir())) < 2:
        build(_inputs(folder), out, BuildOptions(limits=Limits(timeout=0)))
    return figures


def child_incremental(folder: Path, label: str, change: str = "duty") -> dict[str, Any]:
    """One run for the version of orgkg this process imports: the library and the command."""
    from orgkg.build import BuildOptions, build
    from orgkg.read import Limits

    out = folder / f"out-{label}"
    figures: dict[str, Any] = _full(folder, out)
    docs = sorted((folder / "documents").iterdir())
    if change == "title":  # a position's own document (its post is its number), with a 'Job Title:'
        docs = [d for d in docs if d.name.startswith("position-")
                and "Job Title:" in d.read_text(encoding="utf-8")][:2]
    copy, installed = folder / f"copy-{label}", _installed()
    for what, doc in (("library", docs[0]), ("command", docs[1])):
        shutil.rmtree(copy, ignore_errors=True)
        subprocess.run(["cp", "-al", str(out), str(copy)], check=True)
        text = _changed(doc, change)
        load, start, cpu = os.getloadavg()[0], time.perf_counter(), _cpu()
        try:
            if what == "library":
                report = build(_inputs(folder), copy, BuildOptions(limits=Limits(timeout=0)))
                figures["steps"] = report.seconds
                assert len(report.read) == 1, report.read
            else:
                subprocess.run([sys.executable, "-m", "orgkg", "build", *map(str, _inputs(folder)),
                                "--out", str(copy), "--timeout", "0", "-q"], check=True,
                               stdout=subprocess.DEVNULL, env=installed)
            figures[what] = [time.perf_counter() - start, _cpu() - cpu, load]
        finally:
            doc.write_text(text, encoding="utf-8")
    shutil.rmtree(copy, ignore_errors=True)
    return figures


def _installed() -> dict[str, str]:
    """The command's environment: orgkg's bytecode compiled beside its code (``__pycache__``, as pip
    does at an install) and read, whatever ``PYTHONDONTWRITEBYTECODE`` says (set, each command compiled
    every module of orgkg from its source: about 0.2 s of CPU)."""
    import orgkg

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(orgkg.__file__).parent)], env=env,
                   check=True, stdout=subprocess.DEVNULL)
    return env


def child_register(folder: Path) -> dict[str, Any]:
    """The register alone: read, recognised, mapped, and its piece of the build."""
    from orgkg.build.work import Job, read
    from orgkg.read import Limits

    load, start, cpu = os.getloadavg()[0], time.perf_counter(), _cpu()
    piece = read(Job(folder / "register.csv", "bench", False, Limits(timeout=0), None), None)
    assert piece.outcome.status == "ok", piece.outcome.error
    return {"register": [time.perf_counter() - start, _cpu() - cpu, load], "triples": piece.outcome.triples}


def _run_child(src: Path, task: str, folder: Path, label: str, change: str = "duty") -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src.resolve()), str(HERE.parent)])}
    done = subprocess.run([sys.executable, "-m", "bench.incremental", "--child", task,
                           "--folder", str(folder), "--label", label, "--change", change],
                          env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{label} {task} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--positions", type=int, default=100_000)
    ap.add_argument("--documents", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--code", action="append", default=[],
                    help="LABEL=SRC: a version of orgkg to measure (its src folder); default: this checkout")
    ap.add_argument("--only", choices=("incremental", "register"))
    ap.add_argument("--change", choices=("duty", "title"), default="duty",
                    help="what the one document changed has changed: a duty more (default) or its title")
    ap.add_argument("--child", choices=("incremental", "register"), help=argparse.SUPPRESS)
    ap.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--label", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        incremental = a.child == "incremental"
        figures = child_incremental(a.folder, a.label, a.change) if incremental else child_register(a.folder)
        print(json.dumps(figures))
        return
    folder = CACHE / f"organisation-{a.positions}-{a.documents}"
    if not (folder / "manifest.json").exists():
        from bench.organisation import generate
        generate(a.positions, a.documents, folder)
    codes = [tuple(c.split("=", 1)) for c in a.code] or [("this", str(HERE.parent / "src"))]
    tasks = [t for t in ("incremental", "register") if a.only in (None, t)]
    rows: list[Row] = []
    for run in range(1, a.runs + 1):
        for task in tasks:
            for label, src in codes:
                figures = _run_child(Path(src), task, folder, label, a.change)
                rows.append((run, label, task, figures))
                print(run, label, task, json.dumps(figures), flush=True)
    text = markdown(a.positions, a.documents, codes, rows, a.change)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "incremental.md").write_text(text, encoding="utf-8")
    print(text)


Row = tuple[int, str, str, dict[str, Any]]


def markdown(n: int, d: int, codes: list[tuple[str, ...]], rows: list[Row], change: str = "duty") -> str:
    lines = ["| run | code | step | wall s | CPU s | load before |", "|---:|---|---|---:|---:|---:|"]
    for run, label, _task, figures in rows:
        for what in ("full build", "library", "command", "register"):
            if what in figures:
                wall, cpu, *load = figures[what]
                before = f"{load[0]:.1f}" if load else ""
                lines.append(f"| {run} | {label} | {what} | {wall:.2f} | {cpu:.2f} | {before} |")
    steps = [f"- {label}, run {run}: " + ", ".join(f"{k} {v:.2f}" for k, v in f["steps"].items())
             for run, label, task, f in rows if task == "incremental" and "steps" in f]
    return (f"# Incremental build and register: {n:,} positions, {d:,} documents\n\n"
            f"`python -m bench.incremental --positions {n} --documents {d} "
            + " ".join(f"--code {c[0]}={c[1]}" for c in codes) + f" --change {change}` on "
            f"{len(os.sched_getaffinity(0))} shared cores. `library`: one document changed (its {change}), "
            "`orgkg.build` "
            "into a copy of the full build; `command`: the same through `orgkg build` (start-up and imports "
            "included, orgkg's bytecode compiled beforehand); `register`: the register alone "
            "(`build.work.read`) in a process of its own.\n\n"
            + "\n".join(lines) + "\n\nSteps of the library build (seconds, wall):\n\n"
            + "\n".join(steps) + "\n")


if __name__ == "__main__":
    main()
