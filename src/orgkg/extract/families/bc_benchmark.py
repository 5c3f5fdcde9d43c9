"""Province of British Columbia public-service benchmark jobs.

Layout read by these rules:

- a header ``JOB DESCRIPTION`` / ``Benchmark Job #NNN`` (the benchmark number);
- form labels ``Ministry:``, ``Division:``/``Branch:``/``Section:``/``Unit:``,
  ``Location:``, ``Working Title:`` (often Markdown bold), ``Level:`` (``Range 18``)
  and ``Classification:`` (the job class title);
- ``PRIMARY FUNCTION`` prose, then ``JOB DUTIES AND TASKS``: numbered duties
  (``1. Supervises ...``) with lettered sub-tasks (``- a. ...``) that are not duties,
  read by the shared duty rule (``rules.duties``: a duties heading's top-level items);
- one or more ``REASON FOR CLASSIFICATION`` tables (a page header repeats the
  benchmark number and ``Job Title:`` between pages) whose rows are
  ``factor no. | FACTOR NAME IN CAPS rationale | degree | points``, separated by
  tabs or runs of spaces, the middle cell sometimes wrapped in ``<p>``, or a
  Markdown pipe table (read in ``bc_benchmark_factors``);
- ``Total Points: N`` and often the ``Level:`` line again at the end.

The form's labels are the lexicon's ``[bc_benchmark]`` entries; the supervisor is
the ``Reports To`` field's and those the shared prose rule names
(``rules.reporting.superiors_named``). Staff figures (``(3 FTEs)``) are the shared reader's
(``rules.staff``); the first in a duty that supervises is the supervised count.
"""

from __future__ import annotations

import re

from orgkg.extract.base import Extractor
from orgkg.extract.families.bc_benchmark_factors import factors
from orgkg.extract.lexicon import alternation, said, written
from orgkg.extract.records import (
    UNTITLED,
    Extraction,
    Identifier,
    JobClass,
    MentionedPosition,
    Organisation,
    Position,
)
from orgkg.extract.rules.budgets import budgets
from orgkg.extract.rules.duties import duties
from orgkg.extract.rules.location import labelled_location
from orgkg.extract.rules.organisation import path_steps, unit_word
from orgkg.extract.rules.reporting import superiors_named
from orgkg.extract.rules.staff import After, staff_counts, supervised_figure
from orgkg.extract.structure import parse
from orgkg.extract.text import (
    between,
    clean_title,
    field_value,
    repair_numbers,
    squash,
)

JURISDICTION = "Province of British Columbia"
CURRENCY = "CAD"

CUES: dict[str, float] = {
    r"Bench\s*mark\s+(?:Job\s*)?(?:#|No\b\.?|Number)\s*:?\s*[A-Z]{0,3}[0-9OIl]": 0.35,
    r"^\W*Bench\s*mark\s+(?:Job\s+)?Title\s*:|^\W*BENCHMARK\s+JOB\s+DESCRIPTION": 0.15,
    r"(?:REASON|RATIONALE|BASIS)\s+FOR\s+CLASSIFICATION": 0.25,
    r"JOB\s+DUTIES\s+AND\s+TASKS": 0.15,
    r"^\s*(?:PRIMARY\s+FUNCTION|PURPOSE\s+OF\s+(?:THE\s+)?JOB|JOB\s+OVERVIEW)\s*$": 0.1,
    r"FACTOR\s+NO\b|CLASS\.?\s+POINTS": 0.15,
    # the plan's factor names, which only its rating tables print
    r"Interpersonal\s+Communications?\s+Skill[\s\S]{0,3000}?Physical\s+Coordination\s+and\s+Dexterity": 0.2,
    r"^\s*Total(?:\s+Class\.?)?\s+Points\s*:?\s*\d|^\s*TOTAL\s*\.{3,}\s*\d": 0.1,
    r"^\s*Working\s+Title\s*:": 0.05,
    r"\b(?:BC|British\s+Columbia)\s+Public\s+Service\b": 0.05,
}


DUTIES_HEADING = r"^[ \t*#]*(?:JOB\s+)?DUTIES(?:\s+AND\s+(?:TASKS|RESPONSIBILITIES))?\b"
SECTION_END = r"REASON\s+FOR\s+CLASSIFICATION|^\s*Total\s+Points"


class BCBenchmarkJob(Extractor):
    family = "bc-benchmark-job"
    cues = CUES

    def extract(self, text: str) -> Extraction:
        text = text.replace("\r\n", "\n").replace("\u00a0", " ")
        duties_text = between(text, DUTIES_HEADING, SECTION_END) or _before_tables(text)
        duties_or_all = duties_text or text
        subject = Position(
            title=_title(text),
            identifiers=_identifiers(text),
            reports_to=_reports_to(text),
            direct_reports=_supervised_groups(duties_or_all),
            supervises_count=supervised_figure(duties_or_all, SUPERVISES),
            job_class=_job_class(text),
            level=_level(text),
            duties=[d for d, _ in duties(parse(text))],
            budgets=[b for b, _ in budgets(parse(duties_or_all), currency=CURRENCY)],
            staff_counts=[c for c, _ in staff_counts(parse(duties_or_all), flat=duties_or_all,
                                                              nouns=SUPERVISES.nouns)],
            factors=factors(text),
            total_points=_total_points(text),
        )
        return Extraction(family=self.family, subject=subject, organisation=_organisation(text))


# ---------------------------------------------------------------- header

def _label(text: str, key: str) -> str | None:
    """The value of a ``[bc_benchmark] key`` label's form line."""
    return _value(text, alternation("bc_benchmark", key))


def _value(text: str, label: str) -> str | None:
    value = field_value(text, label)
    return clean_title(value) or None if value else None


def _level(text: str) -> str | None:
    """``Level: Range 21``; a bare ``Grid: 18`` says which scale: ``Grid 18``."""
    m = re.search(rf"(?im)^[ \t*]*({alternation('bc_benchmark', 'level')})[ \t*]*:[ \t*]*(\S[^\n]*)$", text)
    if not m:
        return None
    value = clean_title(m.group(2))
    if re.fullmatch(r"\d{1,3}", value) and m.group(1).lower() != "level":
        return f"{m.group(1).title()} {value}"
    return value or None


def _before_tables(text: str) -> str:
    """Without a duties heading, the numbered duties sit before the first table."""
    return re.split(r"REASON\s+FOR\s+CLASSIFICATION", text, maxsplit=1, flags=re.I)[0]


def _title(text: str) -> str:
    """The value of the first ``[bc_benchmark] title`` label, in the order they are listed."""
    found = (_value(text, said(label)) for label in written("bc_benchmark", "title"))
    return next(filter(None, found), UNTITLED)


def _identifiers(text: str) -> list[Identifier]:
    pattern = r"Bench\s*mark(?:\s+Job)?\s*(?:#|No\.?|Number)?\s*:?\s*([A-Z]{0,3}[0-9OIl]{1,4})\b"
    for m in re.finditer(pattern, text, re.I):
        value = repair_numbers(m.group(1))
        if re.fullmatch(r"[A-Za-z]{0,3}\d{1,4}", value):
            return [Identifier("benchmark", value)]
    return []


def _job_class(text: str) -> JobClass | None:
    value = _label(text, "class")
    return JobClass(code=None, title=value) if value else None


def _organisation(text: str) -> Organisation:
    ministry = _label(text, "organization")
    if not ministry:  # the letterhead line: ``Ministry of Children and Family Development``
        line = re.search(r"(?m)^[ \t*#]*(Ministry[ \t]+of[ \t]+[A-Z][^\n:]{2,80}?)[ \t*]*$", text[:1500])
        ministry = clean_title(line.group(1)) if line else None
    if ministry and "ministry" not in ministry.lower():
        ministry = f"Ministry of {ministry}"
    units: list[tuple[str, str]] = []
    for kind in written("bc_benchmark", "units"):
        value, label = _value(text, said(kind)), kind.capitalize()
        # ``Branch: Finance and Corporate Services / Financial Services``: a path, outermost first
        parts = [p.strip() for p in path_steps(value or "") if p.strip()]
        for i, part in enumerate(parts):
            word = unit_word(part)
            if i == 0:
                units.append((part if word else f"{part} {label}", kind))
            elif part:
                units.append((part, word or "unit"))
    return Organisation(
        jurisdiction=JURISDICTION,
        organization=ministry,
        units=units,
        location=placed[0] if (placed := labelled_location(parse(text))) else None,
    )


def _reports_to(text: str) -> list[MentionedPosition]:
    return [MentionedPosition(t) for t in superiors_named(text, _label(text, "reports_to"))]


# ---------------------------------------------------------------- staff

#: a benchmark's supervised count: the first staff figure in a duty that supervises, manages or leads
#: (``[words] staff_count_stems``): "1. Supervises registry staff (6 FTEs)"; its figures count posts too.
SUPERVISES = After(stems=("staff_count_stems",), nouns=("count_nouns_posts",))


def _supervised_groups(text: str) -> list[MentionedPosition]:
    """``Supervises user support staff (3 FTEs)`` names the staff group supervised."""
    out: list[MentionedPosition] = []
    pattern = r"(?im)^\s*\d{1,2}[.)]\s+Supervises\s+((?:[a-z][\w/&-]*\s+){1,5}staff)\s*\(\s*\d"
    for m in re.finditer(pattern, text):
        name = squash(m.group(1))
        if name.lower() != "staff" and all(name != o.title for o in out):
            out.append(MentionedPosition(name))
    return out


# ---------------------------------------------------------------- totals

def _total_points(text: str) -> float | None:
    m = re.search(r"(?im)^[ \t]*(?:\*\*)?Total(?:[ \t]+(?:Class\.?[ \t]+)?Points|(?=[ \t]*\.{3}))"
                  r"[ \t.:*]*([0-9OIl]+(?:\.\d+)?)", text)
    return float(repair_numbers(m.group(1))) if m else None
