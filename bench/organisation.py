"""A whole synthetic organisation, built end to end as ``orgkg build`` builds a real one.

    python -m bench.organisation                          # 100,000 positions, 10,000 documents
    python -m bench.organisation --positions 10000 --documents 1000

It writes a consistent position register (CSV, the headers of
``extract/register_columns.toml``) of N positions, the tree and classes of
``bench.synthetic``, and D documents, one per position of a sample of them,
each stating its position number, title, unit, class, level and supervisor.
Some documents disagree with their row on purpose (supervisor, level, class,
unit, title) and some state a number the register does not have; the
manifest (``manifest.json``) records each. Then it builds everything with
``orgkg.build``, changes one document and builds again into the same folder
(incremental), validates, runs the named queries, writes the report page and
the chart, and writes each step's time to ``bench/results/organisation.md``.

Layouts: the top three layers in the federal EX layout (a header line per
level of the unit path), the others in turn in the Alberta profile, Montana
job profile and generic labelled-field layouts, after the bundled samples and
the extract case folders; and for each class the posts hold, a class
specification in the Denver layout and a benchmark job in the BC layout
(``class_documents``). Titles are class and unit, as employers write them;
a post shares its title with others of its unit only below the units' heads,
and then carries its number in brackets (``retitle``). The BC benchmark and
Denver class specification documents describe benchmark jobs and classes,
not posts: they state no position number and no disagreement is planted in
them. A disagreement is planted only where the layout's extractor
reads that field. The findings of the reconciliation query (``register-vs-documents``) are
compared with the planted disagreements: found, missed, extra.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.synthetic import DEPARTMENT, UNIT_KINDS, Node, _classify, _ladder, _tree
from orgkg.build import BuildOptions, build
from orgkg.read import Limits

HERE = Path(__file__).resolve().parent
CACHE, RESULTS = HERE / ".cache", HERE / "results"
HEADERS = ["Position Number", "Reports To Position", "Title", "Department", "Unit Path", "Job Code",
           "Class", "Level", "FTE", "Status", "Location", "Effective Date"]
KINDS = ("supervisor", "level", "class", "unit", "title", "number not in register")


def level(x: Node) -> str:
    return f"Pay Band {10 - min(x.depth, 9)}"


def executive(x: Node) -> bool:
    """The top three layers are executives: described in the federal EX layout, class EX."""
    return x.depth <= 2


def class_of(x: Node) -> tuple[str, str]:
    """(job code, class title) as the register states them."""
    if executive(x):
        return "EX", "Executive Group"
    return job_code(x.job_class), x.job_class


def job_code(job_class: str) -> str:
    return f"{11000 + sum(map(ord, job_class)) % 1000}"


def register(nodes: list[Node], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADERS)
        for x in nodes:
            code, title = class_of(x)
            w.writerow([x.number, x.parent.number if x.parent else "", x.title, DEPARTMENT,
                        " / ".join(u for u, _ in x.units), code, title, level(x), "1.0",
                        "Filled", "Capital City", "2025-04-01"])


#: The layouts documents are written in, after the bundled samples and the extract case folders.
LAYOUTS = ("alberta-position-profile", "montana-job-profile", "generic")


def layout(x: Node, i: int) -> str:
    return "goc-ex-position-description" if executive(x) else LAYOUTS[i % len(LAYOUTS)]


def document(x: Node, kind: str, fields: dict[str, str]) -> str:
    code, title = class_of(x)
    f = {"title": x.title, "number": x.number, "unit": x.units[-1][0] if x.units else DEPARTMENT,
         "path": " / ".join(u for u, _ in x.units) or DEPARTMENT, "class": title, "code": code,
         "level": level(x), "supervisor": x.parent.title if x.parent else "", **fields}
    duties = ["Leads the work of the unit and sets its priorities.",
              "Prepares briefing notes and performance reports.", "Advises on service standards."]
    return TEMPLATES[kind](f, duties)


def _goc(f: dict[str, str], duties: list[str]) -> str:
    reports = f"The position reports to the {f['supervisor']}." if f["supervisor"] else ""
    boss = f"SUPERVISOR'S TITLE: {f['supervisor']}\n" if f["supervisor"] else ""
    # The federal form has a line per level of the organisation (BRANCH, DIRECTORATE, DIVISION ...).
    units = "".join(f"{kind.upper()}: {name}\n" for name, kind in zip(f["path"].split(" / "), UNIT_KINDS,
                                                                         strict=False) if name != DEPARTMENT)
    return (f"GOVERNMENT OF CANADA\nEXECUTIVE GROUP POSITION DESCRIPTION\n\nPOSITION TITLE: {f['title']}\n"
            f"POSITION NUMBER: {f['number']}\nDEPARTMENT: {DEPARTMENT}\n{units}{boss}\n"
            f"GENERAL ACCOUNTABILITY\nThe position is accountable for the programs of the {f['unit']}.\n\n"
            f"ORGANIZATION STRUCTURE\n{reports}\n\nSPECIFIC ACCOUNTABILITIES\n" + "\n".join(duties) + "\n")


def _alberta(f: dict[str, str], duties: list[str]) -> str:
    return (f"Position Profile\n\nJob Title:  {f['title']}\n\nWork Unit:  {f['path']}\n\n"
            f"Ministry:  {DEPARTMENT}\n\nPosition Number:  {f['number']}\n\nClassification:  {f['class']}\n\n"
            f"Level:  {f['level']}\n\nDate:  April 2025\n\nPosition Summary\n\n"
            f"The position reports to the {f['supervisor']}. It serves the {f['unit']}.\n\n"
            "Responsibilities and Activities\n\n" + "\n".join(f"  \u00a7 {d}" for d in duties) + "\n")


def _montana(f: dict[str, str], duties: list[str]) -> str:
    return ("STATE OF MONTANA JOB PROFILE AND EVALUATION\n\n"
            "SECTION I \u2013 Identification \u2013 Leave Spaces Blank if Unknown\n\n"
            f"Working Title\t\tJob Code Number\tJob Code Title\n{f['title']}\t\t{f['code']}\t{f['class']}\n"
            f"Pay Band\tPosition Number\n{f['level'].split()[-1]}\t{f['number']}\n"
            f"Department\t\tDivision and Bureau\n{DEPARTMENT}\t\t{f['unit']}\n\n"
            "SECTION II \u2013 Major Duties or Responsibilities\n\n" + "\n".join(duties) + "\n")


def _generic(f: dict[str, str], duties: list[str]) -> str:
    boss = f"Reports to: {f['supervisor']}\n" if f["supervisor"] else ""
    return (f"Position Title: {f['title']}\nPosition Number: {f['number']}\nDepartment: {DEPARTMENT}\n"
            f"Branch: {f['unit']}\nClassification: {f['class']}\nLevel: {f['level']}\n{boss}\n"
            "Key Responsibilities\n" + "\n".join(f"- {d}" for d in duties) + "\n")


ORDINALS = ("first", "second", "third", "fourth", "fifth")
NUMBERS = ("one", "two", "three", "four", "five")


def class_documents(nodes: list[Node]) -> dict[str, str]:
    """A class specification (Denver layout) and a benchmark job (BC layout) for each class the
    posts hold: documents of jobs and classes, not of posts, so they state no position number and
    are never reconciled with a register row (each is a post of its own document)."""
    docs: dict[str, str] = {}
    for i, job_class in enumerate(sorted({x.job_class for x in nodes})):
        ladder = _ladder(job_class)
        rank = ladder.index(job_class)
        others = ", ".join(c for c in ladder if c != job_class)
        series = (f"The {job_class} is the {ORDINALS[rank]} class in a {NUMBERS[len(ladder) - 1]} class "
                  f"series; the series also contains the {others}.\n\n" if len(ladder) > 1 else "")
        slug = job_class.lower().replace(" ", "-")
        docs[f"class-{slug}.txt"] = (
            f"Office of Human Resources\n\n{job_class}\n\nPage 1 of 2\n\n"
            "GENERAL STATEMENT OF CLASS DUTIES\n\n"
            "Performs professional work for the department's programs at this level of the series.\n\n"
            f"DISTINGUISHING CHARACTERISTICS\n\n{series}ESSENTIAL DUTIES\n\n"
            "Prepares briefing notes and performance reports.\n\nAdvises on service standards.\n\n"
            "MINIMUM QUALIFICATIONS\n\nEducation Requirement:\n\n"
            "Bachelor's degree in public administration.\n\n"
            "Experience Requirement:\n\nTwo years of experience in program delivery.\n\n"
            "CLASS DETAIL\n\nFLSA CODE: Exempt\n")
        docs[f"benchmark-{slug}.txt"] = (
            f"JOB DESCRIPTION\n\nBenchmark Job # {100 + i:03d}\n\nMinistry:  {DEPARTMENT}\n"
            f"Location:  Capital City\n\nWorking Title:  {job_class}\nLevel:  Range {12 + 3 * rank}\n"
            f"Classification:  {job_class.split()[0]}\n\nPRIMARY FUNCTION\n\n"
            "To deliver the department's programs at this level of the series.\n\n"
            "JOB DUTIES AND TASKS\n\n1.  Prepares briefing notes and performance reports\n"
            "2.  Advises on service standards\n3.  Reviews program results\n")
    return docs


TEMPLATES = {"goc-ex-position-description": _goc, "alberta-position-profile": _alberta,
             "montana-job-profile": _montana, "generic": _generic}
#: What each layout's extractor does not read, so no disagreement of that kind is planted in it.
BLIND = {"goc-ex-position-description": {"level", "class", "unit"}, "montana-job-profile": {"supervisor"},
         "alberta-position-profile": set(), "generic": set()}


def retitle(nodes: list[Node]) -> None:
    """Titles as employers write them: class and unit ("Manager II, Division 27 Division"); the
    position number is added in brackets only where several posts of a unit share a class
    (``bench.synthetic`` numbers every title). A bracket after a title is an alias to the federal
    reader ("ADM, X Branch (Chief Information Officer)"), so the posts described in that layout,
    and their supervisors, are the unique ones (the top layers, one post per unit)."""
    plain = {x.number: f"{x.job_class}, {x.units[-1][0] if x.units else DEPARTMENT}" for x in nodes}
    shared: dict[str, int] = {}
    for title in plain.values():
        shared[title] = shared.get(title, 0) + 1
    for x in nodes:
        x.title = plain[x.number] if shared[plain[x.number]] == 1 else f"{plain[x.number]} ({x.number})"


def generate(n: int, d: int, folder: Path, seed: int = 7) -> dict[str, object]:
    """The register, the documents and the manifest of planted disagreements, in ``folder``."""
    rng = random.Random(seed)
    nodes = _tree(n, rng)
    _classify(nodes, rng)
    retitle(nodes)
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "documents").mkdir(parents=True)
    register(nodes, folder / "register.csv")
    described = rng.sample(nodes[1:], min(d, n - 1))
    per = max(1, d // 200)  # disagreements of each kind: one document in 200
    todo = [kind for kind in KINDS for _ in range(per)]
    planted: list[dict[str, str]] = []
    layouts: dict[str, int] = {}
    for i, x in enumerate(described):
        kind = layout(x, i)
        layouts[kind] = layouts.get(kind, 0) + 1
        wrong = next((k for k in todo if k not in BLIND[kind] and (k != "supervisor" or x.parent)), None)
        fields = _disagree(wrong, x, nodes, rng) if wrong else {}
        name = f"position-{x.number}.txt"
        if wrong:
            todo.remove(wrong)
            planted.append({"document": name, "layout": kind, "number": fields.get("number", x.number),
                            "kind": wrong, **{k: v for k, v in fields.items() if k != "number"}})
        (folder / "documents" / name).write_text(document(x, kind, fields), encoding="utf-8")
    for name, text in class_documents(nodes).items():
        kind = "denver-class-specification" if name.startswith("class-") else "bc-benchmark-job"
        layouts[kind] = layouts.get(kind, 0) + 1
        (folder / "documents" / name).write_text(text, encoding="utf-8")
    manifest = {"positions": n, "documents": len(described), "layouts": layouts, "seed": seed,
                "planted": planted}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def _disagree(kind: str, x: Node, nodes: list[Node], rng: random.Random) -> dict[str, str]:
    other = nodes[rng.randrange(1, len(nodes))]
    wrong_class = "Program Officer I" if x.job_class != "Program Officer I" else "Analyst I"
    return {"supervisor": {"supervisor": other.title},
            "level": {"level": "Pay Band 1" if level(x) != "Pay Band 1" else "Pay Band 2"},
            "class": {"class": wrong_class, "code": job_code(wrong_class)},  # another class: its code too
            "unit": {"unit": "Unit of Elsewhere",
                     "path": " / ".join([*(u for u, _ in x.units[:-1]), "Unit of Elsewhere"])},
            "title": {"title": f"{x.title} (acting)"},
            "number not in register": {"number": str(900000 + int(x.number))}}[kind]


def timed(what: str, times: dict[str, float], fn: object, *args: object, **kw: object) -> object:
    start = time.perf_counter()
    value = fn(*args, **kw)  # type: ignore[operator]
    times[what] = time.perf_counter() - start
    return value


def orgkg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "orgkg", *args], capture_output=True, text=True, check=False)


QUERIES = ("span-of-control", "posts-without-supervisor", "layers-per-unit", "positions-by-level",
           "span-summary", "positions-per-layer", "longest-chain", "managers-per-staff")


def run(n: int, d: int) -> str:
    folder = CACHE / f"organisation-{n}-{d}"
    times: dict[str, float] = {}
    manifest = timed("generate", times, generate, n, d, folder)
    out = folder / "out"
    shutil.rmtree(out, ignore_errors=True)
    inputs = [folder / "register.csv", folder / "documents"]
    # A register of 100,000 rows takes longer than the default 60 s per input on a busy machine.
    options = BuildOptions(limits=Limits(timeout=0))
    full = timed("full build", times, build, inputs, out, options)
    doc = sorted((folder / "documents").iterdir())[0]
    doc.write_text(doc.read_text(encoding="utf-8") + "- Reviews risk assessments.\n", encoding="utf-8")
    again = timed("incremental build (one document changed)", times, build, inputs, out, options)
    # The same through the command, as a person runs it (the interpreter's start and imports included).
    doc = sorted((folder / "documents").iterdir())[1]
    doc.write_text(doc.read_text(encoding="utf-8") + "- Reviews risk assessments.\n", encoding="utf-8")
    timed("incremental build, `orgkg build` command (another document changed)", times, orgkg, "build",
          *map(str, inputs), "--out", str(out), "--timeout", "0", "-q")
    for step, args in (("validate", ["validate", "--graph", str(out), "--format", "json"]),
                       ("report page", ["report", "--graph", str(out), "--out", str(folder / "report.html")]),
                       ("chart", ["chart", "--graph", str(out), "--out", str(folder / "chart.html")])):
        result = timed(step, times, orgkg, *args)
        if result.returncode not in (0, 1):  # type: ignore[attr-defined]
            times[step + " (failed: " + result.stderr.strip()[:80] + ")"] = times.pop(step)  # type: ignore[attr-defined]
    for q in QUERIES:
        timed(f"query {q}", times, orgkg, "query", q, "--graph", str(out), "--format", "csv")
    found = timed("query register-vs-documents", times, orgkg, "query", "register-vs-documents",
                  "--graph", str(out), "--format", "json")
    return _markdown(n, d, manifest, full, again, times) + compare(manifest, found.stdout)  # type: ignore[attr-defined]


#: The planted kinds as the reconciliation query names its fields.
FIELDS = {**{k: k for k in KINDS[:5]}, "number not in register": "position number not in the register"}


def compare(manifest: dict[str, object], answer: str) -> str:
    """The disagreements the reconciliation query finds, against the planted ones."""
    try:
        rows = json.loads(answer)
    except ValueError:
        return f"\nThe reconciliation query gave no answer: {answer[:200]}\n"
    found = {(r["document"], r["field"]) for r in rows
             if r.get("document") and r["field"] != "registered supervisory post without a document"}
    planted = {(p["document"], FIELDS[p["kind"]]) for p in manifest["planted"]}  # type: ignore[attr-defined]
    missed, extra = sorted(planted - found), sorted(found - planted)
    kinds: dict[str, int] = {}
    for _, field in extra:
        kinds[field] = kinds.get(field, 0) + 1
    unattached = sum(r["field"] == "registered supervisory post without a document" for r in rows)
    return (f"\n## Findings against the planted disagreements (`orgkg query register-vs-documents`)\n\n"
            f"- planted {len(planted)}, found {len(planted & found)}, missed {len(missed)}, "
            f"extra {len(extra)} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items())) or 'none'})\n"
            f"- missed: {', '.join(f'{d} ({f})' for d, f in missed[:20]) or 'none'}\n"
            f"- extra, first ten: {', '.join(f'{d} ({f})' for d, f in extra[:10]) or 'none'}\n"
            f"- registered supervisory posts without a document (Info): {unattached}\n")


def _markdown(n: int, d: int, manifest: dict[str, object], full: object, again: object,
              times: dict[str, float]) -> str:
    cores = len(os.sched_getaffinity(0))
    docs = sum(o.status == "ok" for o in full.outcomes) - 1  # type: ignore[attr-defined]
    read_s = full.seconds.get("read", 0.0)  # type: ignore[attr-defined]
    register_s = next((o.seconds for o in full.outcomes if o.family == "position-register"), 0.0)  # type: ignore[attr-defined]
    rate = docs / read_s if read_s else 0.0
    layouts = ", ".join(f"{k} {v}" for k, v in manifest["layouts"].items())  # type: ignore[attr-defined]
    rows = "\n".join(f"| {k} | {v:.2f} |" for k, v in times.items())
    planted = manifest["planted"]
    kinds = {k: sum(p["kind"] == k for p in planted) for k in KINDS}  # type: ignore[union-attr,index]
    return f"""# A synthetic organisation end to end

`python -m bench.organisation --positions {n} --documents {d}` on {cores} cores
(load average before the run: {os.getloadavg()[0]:.1f}; the machine is shared).

| step | seconds |
|---|---:|
{rows}

- Full build: {docs} documents and a register of {n} rows; reading took {read_s:.1f} s:
  {rate:.1f} documents per second, {rate / cores:.1f} per core.
  Steps: {', '.join(f'{k} {v:.1f} s' for k, v in full.seconds.items())}.
- The register ({n} rows) was read, recognised and mapped in {register_s:.1f} s (its own time, in
  one pool process, while the other process read documents).
- Incremental build: {len(again.reused)} reused, {len(again.read)} read, {len(again.removed)} removed;
  steps: {', '.join(f'{k} {v:.2f} s' for k, v in again.seconds.items())}.
- Documents by layout: {layouts}.
- Planted disagreements ({len(planted)}): {', '.join(f'{k} {v}' for k, v in kinds.items())}
  (manifest.json).
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--positions", type=int, default=100_000)
    ap.add_argument("--documents", type=int, default=10_000)
    a = ap.parse_args()
    text = run(a.positions, a.documents)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "organisation.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
