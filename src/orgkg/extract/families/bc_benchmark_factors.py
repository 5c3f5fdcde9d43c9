"""The REASON FOR CLASSIFICATION tables of a BC benchmark job: factor, degree, points.

Rows come in these layouts:

- ``factor no. | FACTOR NAME rationale | degree | points`` separated by tabs or runs
  of spaces, the name in capitals at the head of the rationale (or on the line
  above it), the middle cell sometimes wrapped in ``<p>``;
- a Markdown pipe table ``| 1 | Job Knowledge | rationale | G | 250 |`` with the
  name in its own cell, in any case;
- ``N. FACTOR NAME (degree) ........ points`` with a dotted leader, the rationale below;
- one cell per line (a converted table): number, name, rationale, degree, points;
- any of those with the name in title case before the rationale: the plan's
  factor names are known, so a cell that opens with one is read as that factor.
"""

from __future__ import annotations

import re

from orgkg.extract.records import Factor
from orgkg.extract.text import squash, title_case

#: The factors of the BC Public Service job evaluation plan, as the gold names them.
KNOWN_FACTORS = (
    "Job Knowledge", "Mental Demands", "Interpersonal Communications Skill",
    "Physical Coordination and Dexterity", "Responsibility for Work Assignments",
    "Responsibility for Financial Resources", "Responsibility for Physical Assets/Information",
    "Responsibility for Human Resources", "Responsibility for Well Being/Safety of Others",
    "Sensory Effort/Multiple Demands", "Physical Effort", "Surroundings", "Hazards",
)

FACTOR_ROW = re.compile(
    r"^[ \t]*(\d{1,2})[ \t]+(.+?)[ \t]+([A-H]{1,3}[+-]?)[ \t]+(\d{1,3}(?:\.\d+)?)[ \t]*$",
    re.M | re.S,
)
#: ``3. INTERPERSONAL COMMUNICATIONS SKILL (C) ........ 30``: a dotted leader runs to the points
DOTTED_ROW = re.compile(
    r"(?m)^[ \t]*(\d{1,2})[.)]?[ \t]+([^\n(]{3,80}?)[ \t]*\(([A-H]{1,3}[+-]?)\)[ \t]*\.{2,}[ \t]*"
    r"(\d{1,3}(?:\.\d+)?)[ \t]*$"
)
TABLE = re.compile(r"(?:REASON|RATIONALE|BASIS)\s+FOR\s+CLASSIFICATION", re.I)
TOTAL = re.compile(r"(?im)^[ \t]*Total\b(?:[ \t]+(?:Class\.?[ \t]+)?Points|[ \t]*\.{3,}|[ \t]*:)")
DEGREE = re.compile(r"[A-H]{1,3}[+-]?")
POINTS = re.compile(r"\d{1,3}(?:\.\d+)?")


def _key(text: str) -> str:
    return re.sub(r"\W", "", text).upper()


def factors(text: str) -> list[Factor]:
    by_number: dict[int, Factor] = {}
    for table in TABLE.split(text)[1:]:
        table = TOTAL.split(table)[0]
        table = re.sub(r"</?p>", " ", table)
        rows = _pipe_rows(table) or _dotted_rows(table) or [
            (int(m.group(1)), [m.group(2)], m.group(3), m.group(4)) for m in FACTOR_ROW.finditer(table)
        ] or _cell_rows(table)
        for number, cells, degree, points in rows:
            name = _factor_name(cells[0]) if len(cells) == 1 else _known(cells[0]) or title_case(cells[0])
            if name and number not in by_number:
                by_number[number] = Factor(name, degree, float(points))
    return [by_number[n] for n in sorted(by_number)]


def _pipe_rows(table: str) -> list[tuple[int, list[str], str, str]]:
    """``| 3 | Name | rationale | C | 30 |`` -> (3, [name, rationale], degree, points)."""
    out = []
    for line in table.splitlines():
        if not line.strip().startswith("|"):
            continue
        cells = [squash(c) for c in line.strip().strip("|").split("|")]
        if len(cells) < 4 or not cells[0].isdigit() or len(cells[0]) > 2:
            continue
        degree, points = cells[-2], cells[-1]
        if DEGREE.fullmatch(degree) and POINTS.fullmatch(points) and cells[1]:
            out.append((int(cells[0]), cells[1:-2], degree, points))
    return out


def _dotted_rows(table: str) -> list[tuple[int, list[str], str, str]]:
    """``1. JOB KNOWLEDGE (F) ...... 200`` rows, the rationale on the lines below."""
    return [(int(m.group(1)), [m.group(2)], m.group(3), m.group(4)) for m in DOTTED_ROW.finditer(table)]


def _cell_rows(table: str) -> list[tuple[int, list[str], str, str]]:
    """A table converted one cell per line: number, name, rationale lines, degree, points."""
    lines = [ln.strip() for ln in table.splitlines() if ln.strip()]
    out = []
    for i, line in enumerate(lines[:-3]):
        if not re.fullmatch(r"\d{1,2}", line) or re.fullmatch(r"[\d.]+", lines[i + 1]):
            continue
        for j in range(i + 2, min(i + 14, len(lines) - 1)):
            if re.fullmatch(r"\d{1,2}", lines[j]):
                break
            if DEGREE.fullmatch(lines[j]) and POINTS.fullmatch(lines[j + 1]):
                name = lines[i + 1] if len(lines[i + 1].split()) <= 8 else ""
                out.append((int(line), [name, " ".join(lines[i + 2 : j])], lines[j], lines[j + 1]))
                break
    return out


def _known(cell: str) -> str | None:
    """The plan's factor a cell opens with, whatever its case."""
    key = _key(cell)
    for known in sorted(KNOWN_FACTORS, key=len, reverse=True):
        if key.startswith(_key(known)):
            return known
    return None


def _factor_name(cell: str) -> str | None:
    """The leading ALL-CAPS words of a rationale cell in title case, else a known name it opens with."""
    caps: list[str] = []
    for word in squash(cell).split():
        letters = re.sub(r"[^A-Za-z]", "", word)
        if not letters or not letters.isupper():
            break
        caps.append(word)
    if len(caps) > 1 and len(re.sub(r"[^A-Za-z]", "", caps[-1])) == 1:
        caps.pop()  # a rationale opening with "A ..." is not part of the name
    phrase = " ".join(caps).rstrip(" :.-")
    if not phrase or len(re.sub(r"[^A-Za-z]", "", phrase)) < 3:
        return _known(cell)
    return _known(phrase) or title_case(phrase)


