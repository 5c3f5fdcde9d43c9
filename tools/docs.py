"""Run the commands printed in README.md and docs/*.md, and compare (or regenerate) what they print.

    python tools/docs.py                 # check every file: a diff per output that differs, exit 1
    python tools/docs.py --generate      # rewrite the printed outputs from real runs
    python tools/docs.py README.md       # one file

A fenced block whose lines start with ``$ `` is a session: each command runs
(in bash, in a scratch folder where the repository's files are linked and the
bundled samples are already built into ``out/``; a page's own ``orgkg build ...
--out out`` starts from an empty folder), and the lines after it up to
the next ``$ `` are what it prints, standard error included. A command
printed alone in its block is checked against what follows the block: a
fenced ``turtle``/``json``/``text`` block is its output as printed; a
Markdown table is its CSV output as a table (IRIs as CURIEs, cells cut at 70
characters, at most ``ROWS`` rows); anything else, only that it succeeds.

Unstable parts: times (``6.2 s``) compare as any time; a line ``...``
stands for any lines and ``...`` inside a line for any text; ``--generate``
keeps them (``regenerated``), rewriting only the lines that changed. A block after
``<!-- docs: skip REASON -->`` is not run; ``<!-- docs: setup COMMAND -->``
runs COMMAND first. ``orgkg`` is the one installed beside this Python (the
project's ``.venv/bin``, first on PATH, as after ``. .venv/bin/activate``).
Standard library only, plus the ``orgkg`` command.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROWS, WIDTH = 5, 70
LINKED_OUT = {".git", ".venv", "out", "build", "dist"}
_TIME = re.compile(r"\b\d+(?:\.\d+)? ?s\b")
_WILD = re.compile(r"\.\.\.|" + _TIME.pattern)
_MARK = re.compile(r"<!--\s*docs:\s*(skip|setup)\b\s*(.*?)\s*-->")
_RESULT_FENCES = ("```turtle", "```json", "```text")
PREFIXES = {"id": "https://w3id.org/orgkg/id/", "orgkg": "https://w3id.org/orgkg/ontology#",
            "org": "http://www.w3.org/ns/org#", "skos": "http://www.w3.org/2004/02/skos/core#"}


@dataclass
class Step:
    command: str
    expected: list[str]
    start: int  # the lines [start, end) of the file hold the expected output
    end: int
    mode: str = "session"  # session (lines after the command), fence, table, or run (exit 0 only)


@dataclass
class Block:
    steps: list[Step] = field(default_factory=list)
    skip: str | None = None
    setup: list[str] = field(default_factory=list)


def blocks(lines: list[str]) -> list[Block]:
    """The command blocks of a Markdown file, with their expected outputs and where those stand."""
    found, marks, i = [], [], 0
    while i < len(lines):
        m = _MARK.search(lines[i])
        if m:
            marks.append(m)
        if lines[i].startswith("```") and i + 1 < len(lines) and lines[i + 1].startswith("$ "):
            end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
            block = Block(skip=next((m.group(2) or "skipped" for m in marks if m.group(1) == "skip"), None),
                          setup=[m.group(2) for m in marks if m.group(1) == "setup"])
            for j in range(i + 1, end):
                if lines[j].startswith("$ "):
                    block.steps.append(Step(lines[j][2:], [], j + 1, j + 1))
                else:
                    block.steps[-1].expected.append(lines[j])
                    block.steps[-1].end = j + 1
            if len(block.steps) == 1 and not block.steps[0].expected:
                _follows(lines, end + 1, block.steps[0])
            found.append(block)
            marks, i = [], end
        elif lines[i].strip() and not m:
            marks = []
        i += 1
    return found


def _follows(lines: list[str], i: int, step: Step) -> None:
    """A lone command's output printed after its block: a result fence, or a Markdown table."""
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines) and lines[i].startswith(_RESULT_FENCES):
        end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
        step.mode, step.start, step.end, step.expected = "fence", i + 1, end, lines[i + 1:end]
    elif i < len(lines) and lines[i].startswith("|"):
        end = i
        while end < len(lines) and (lines[end].startswith("|") or lines[end].startswith("(")):
            end += 1
        step.mode, step.start, step.end, step.expected = "table", i, end, lines[i:end]
    else:
        step.mode = "run"


def curie(cell: str) -> str:
    for prefix, ns in PREFIXES.items():
        if cell.startswith(ns) and len(cell) > len(ns):
            return f"{prefix}:{cell[len(ns):]}"
    return cell


def as_table(text: str) -> list[str]:
    """CSV as a Markdown table (``ROWS`` rows at most, then how many there are)."""
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return []

    def cells(row: list[str]) -> str:
        shown = [curie(c) for c in row]
        shown = [c if len(c) <= WIDTH else c[:WIDTH - 3] + "..." for c in shown]
        return "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in shown) + " |"

    out = [cells(rows[0]), "|" + "---|" * len(rows[0])] + [cells(r) for r in rows[1:ROWS + 1]]
    if len(rows) - 1 > ROWS:
        out.append(f"({len(rows) - 1} rows; the first {ROWS} shown)")
    return out


class Session:
    """A scratch folder with the repository's files linked in and the samples built into ``out/``."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="orgkg-docs-"))
        for entry in ROOT.iterdir():
            if entry.name not in LINKED_OUT:
                (self.dir / entry.name).symlink_to(entry)
        bin_dir = str(Path(sys.executable).parent)
        self.env = {**{k: v for k, v in os.environ.items() if not k.startswith("ORGKG_")},
                    "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
                    "NO_COLOR": "1", "TERM": "dumb"}
        self.status = 0
        self.run("orgkg build data/documents --out out")

    def run(self, command: str) -> str:
        done = subprocess.run(["bash", "-c", f"(exit {self.status}); {command}"], cwd=self.dir, env=self.env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
        self.status = done.returncode
        return done.stdout

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def printed(step: Step, output: str) -> list[str]:
    """What the documentation should print for ``output``, in the step's mode."""
    if step.mode == "table":
        return as_table(output)
    lines = output.rstrip("\n").split("\n") if output.strip() else []
    return [line.rstrip() for line in lines]


def _pattern(line: str) -> str:
    """One printed line as a regular expression: times alike, ``...`` as any text."""
    out, pos = [], 0
    for m in _WILD.finditer(line):
        out += [re.escape(line[pos:m.start()]), ".*" if m.group() == "..." else _TIME.pattern]
        pos = m.end()
    return "".join(out) + re.escape(line[pos:])


def _elided(line: str) -> bool:
    return line.strip() == "..."


def matches(expected: list[str], actual: list[str]) -> bool:
    """``expected`` against ``actual``: times alike, ``...`` lines and ``...`` inside lines as wildcards."""
    rx = "".join(r"(?:.*\n)*?" if _elided(line) else _pattern(line.rstrip()) + r"\n" for line in expected)
    return re.fullmatch(rx, "".join(a + "\n" for a in actual)) is not None


# What each change costs when aligning printed lines with actual ones (``regenerated``): a printed
# line gone costs most, so a changed line is rewritten in place rather than swallowed by a ``...``
# before it; a ``...`` covering one more line costs almost nothing.
GONE, NEW, CHANGED, COVERED = 2000, 1000, 1500, 1


def regenerated(expected: list[str], actual: list[str]) -> list[str]:
    """``actual`` as the page should print it, keeping ``expected``'s elisions where they still fit.

    The printed lines are aligned with the actual ones at the least cost: a ``...`` line stays and
    stands for the lines it still covers, a printed line that still matches stays as printed (its
    ``...`` and times kept), a changed line takes the actual text with its ``...`` put back where
    the printed line had them (``line_elided``), and new lines are added.
    """
    n, m = len(expected), len(actual)

    def same(i: int, j: int) -> bool:
        return re.fullmatch(_pattern(expected[i].rstrip()), actual[j]) is not None

    cost = [[0] * (m + 1) for _ in range(n + 1)]  # cost[i][j]: printing actual[j:] from expected[i:]
    for i in range(n, -1, -1):
        for j in range(m, -1, -1):
            options = []
            if i < n:
                options.append((0 if _elided(expected[i]) else GONE) + cost[i + 1][j])
            if j < m:
                options.append((COVERED if i < n and _elided(expected[i]) else NEW) + cost[i][j + 1])
            if i < n and j < m and not _elided(expected[i]):
                options.append((0 if same(i, j) else CHANGED) + cost[i + 1][j + 1])
            cost[i][j] = min(options) if options else 0
    out, i, j = [], 0, 0
    while i < n or j < m:
        elided = i < n and _elided(expected[i])
        step = (0 if same(i, j) else CHANGED) if i < n and j < m and not elided else None
        if step is not None and cost[i][j] == step + cost[i + 1][j + 1]:
            out.append(expected[i] if same(i, j) else line_elided(expected[i], actual[j]))
            i, j = i + 1, j + 1
        elif j < m and cost[i][j] == (COVERED if elided else NEW) + cost[i][j + 1]:
            if not elided:
                out.append(actual[j])
            j += 1
        else:
            if elided:
                out.append(expected[i])
            i += 1
    return out


def line_elided(printed: str, actual: str) -> str:
    """The actual line with ``...`` where the printed one had it: the text the printed ``...`` stood
    for (aligned on the text around it) is elided again; the actual line whole when little of the
    printed text is left."""
    if "..." not in printed:
        return actual
    marker = "\0"
    a = printed.replace("...", marker)
    matcher = difflib.SequenceMatcher(None, a, actual, autojunk=False)
    kept = sum(size for _, _, size in matcher.get_matching_blocks())
    if 2 * kept < len(a) - a.count(marker):
        return actual
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if marker in a[i1:i2] and op in ("replace", "delete"):
            out.append("...")
        elif op != "delete":
            out.append(actual[j1:j2])
    line = "".join(out)
    return line if re.fullmatch(_pattern(line), actual) else actual


def check(path: Path, *, generate: bool = False) -> list[str]:
    """How what ``path`` prints differs from what its commands print (rewritten if ``generate``)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    problems, edits = [], []
    session = Session()
    try:
        for block in blocks(lines):
            if block.skip is not None:
                continue
            for command in block.setup:
                session.run(command)
            for step in block.steps:
                if re.match(r"orgkg build .*--out out\b", step.command):
                    shutil.rmtree(session.dir / "out")  # a page that builds shows a first build
                output = session.run(step.command)
                if step.mode == "run":
                    if session.status != 0:
                        problems.append(f"{path.name}: `{step.command}` failed:\n{output}")
                    continue
                actual = printed(step, output)
                if not matches(step.expected, actual):
                    edits.append((step.start, step.end, regenerated(step.expected, actual)))
                    diff = difflib.unified_diff(step.expected, actual, "printed", "actual", lineterm="", n=1)
                    problems.append(f"{path.name}:{step.start}: $ {step.command}\n" + "\n".join(diff))
    finally:
        session.close()
    if generate and edits:
        for start, end, actual in sorted(edits, reverse=True):
            lines[start:end] = actual
        path.write_text("\n".join(lines), encoding="utf-8")
    return problems


def documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, help="Markdown files (default: README.md and docs/*.md)")
    ap.add_argument("--generate", action="store_true", help="rewrite the printed outputs from real runs")
    args = ap.parse_args()
    problems = [p for f in (args.files or documents()) for p in check(f.resolve(), generate=args.generate)]
    print("\n\n".join(problems) or "every printed output matches", file=sys.stderr)
    sys.exit(1 if problems and not args.generate else 0)


if __name__ == "__main__":
    main()
