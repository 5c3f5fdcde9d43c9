"""The REASON FOR CLASSIFICATION tables of a BC benchmark job: factor, degree, points.

Rows come in three layouts:

- ``factor no. | FACTOR NAME rationale | degree | points`` separated by tabs or runs
  of spaces, the name in capitals at the head of the rationale (or on the line
  above it), the middle cell sometimes wrapped in ``<p>``;
- a Markdown pipe table ``| 1 | Job Knowledge | rationale | G | 250 |`` with the
  name in its own cell, in any case;
- either of those with the name in title case before the rationale: the plan's
  factor names are known, so a cell that opens with one is read as that factor.
"""

from __future__ import annotations

import re

from orgkg.extract.records import Factor
from orgkg.extract.text import squash

#: The factors of the BC Public Service job evaluation plan, as the gold names them.
KNOWN_FACTORS = (
    "Job Knowledge", "Mental Demands", "Interpersonal Communications Skill",
    "Physical Coordination and Dexterity", "Responsibility for Work Assignments",
    "Responsibility for Financial Resources", "Responsibility for Physical Assets/Information",
    "Responsibility for Human Resources", "Responsibility for Well Being/Safety of Others",
    "Sensory Effort/Multiple Demands", "Physical Effort", "Surroundings", "Hazards",
)
SMALL_WORDS = {"for", "of", "and", "or", "the", "to", "in", "on", "a", "an", "with"}

FACTOR_ROW = re.compile(
    r"^[ \t]*(\d{1,2})[ \t]+(.+?)[ \t]+([A-H]{1,3}[+-]?)[ \t]+(\d{1,3}(?:\.\d+)?)[ \t]*$",
    re.M | re.S,
)
DEGREE = re.compile(r"[A-H]{1,3}[+-]?")
POINTS = re.compile(r"\d{1,3}(?:\.\d+)?")


def _key(text: str) -> str:
    return re.sub(r"\W", "", text).upper()


def factors(text: str) -> list[Factor]:
    by_number: dict[int, Factor] = {}
    for table in re.split(r"REASON\s+FOR\s+CLASSIFICATION", text, flags=re.I)[1:]:
        table = re.split(r"(?im)^\s*Total\s+Points", table)[0]
        table = re.sub(r"</?p>", " ", table)
        rows = _pipe_rows(table) or [
            (int(m.group(1)), [m.group(2)], m.group(3), m.group(4)) for m in FACTOR_ROW.finditer(table)
        ]
        for number, cells, degree, points in rows:
            name = _factor_name(cells[0]) if len(cells) == 1 else _known(cells[0]) or _title_case(cells[0])
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
    return _known(phrase) or _title_case(phrase)


def _title_case(phrase: str) -> str:
    def word(w: str, first: bool) -> str:
        parts = w.split("/")
        out = []
        for i, p in enumerate(parts):
            low = p.lower()
            keep_small = low in SMALL_WORDS and not (first and i == 0)
            out.append(low if keep_small else low[:1].upper() + low[1:])
        return "/".join(out)

    return " ".join(word(w, i == 0) for i, w in enumerate(phrase.split()))
