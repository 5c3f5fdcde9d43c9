"""State of Montana job profiles (the Pay Plan 020 "Job Profile and Evaluation" form).

Layout: a form converted from Word/PDF. SECTION I (Identification) is a grid
of tab-separated label rows, each followed by a row of values in the same
columns: Working Title / Job Code Number / Job Code Title; Pay Band / Position
Number / FLSA checkboxes; Department / Division and Bureau; Section and Unit /
Work Address and Phone. Checkboxes survive as HTML ``<input checked ...>``
remnants (or ``[x]``, ``☒``). SECTION II lists the lettered major duties
(``A.`` ... with or without a ``-`` list marker), each carrying its share of
time (``**35%**``) and followed by numbered sub-tasks (not duties), then the
supervision questions ("The number of positions supervised: N" and a list of
"Title, position NNNNN" lines). SECTION III holds the education and
experience checkbox tables. The supervisor comes from "under the supervision
of the X" / "supervised by the X" wording.
"""

from __future__ import annotations

import re

from orgkg.extract.base import Extractor
from orgkg.extract.families.montana_form import inline_fields, lead_percent_duties, numbered_duties
from orgkg.extract.families.montana_people import staff_counts, subordinates, supervisor
from orgkg.extract.lexicon import alternation
from orgkg.extract.records import (
    UNTITLED,
    Duty,
    Extraction,
    Identifier,
    JobClass,
    Organisation,
    Position,
)
from orgkg.extract.rules.budgets import budgets
from orgkg.extract.rules.education import education as shared_education
from orgkg.extract.rules.experience import counted_years
from orgkg.extract.rules.location import place_of
from orgkg.extract.rules.organisation import unit_word
from orgkg.extract.structure import parse
from orgkg.extract.text import (
    between,
    clean_title,
    field_value,
    first_sentence,
    flsa_status,
    parse_percent,
    squash,
    to_int,
)

CUES: dict[str, float] = {
    r"state\s+of\s+montana": 0.2,
    r"job\s+profile": 0.15,
    r"pay\s+plan\s+0?20\b": 0.2,
    r"job\s+code\s+(?:number|title)": 0.2,
    r"\bpay\s+band\b": 0.1,
    r"division\s+and\s+bureau": 0.1,
    r"section\s+and\s+unit": 0.1,
    r"^[^\w\n]*section\s+ii\b": 0.1,
}

LABELS: dict[str, str] = {
    "working title": r"working\s+title",
    "job code number": r"job\s+code\s+(?:number|no\.?|#)",
    "job code title": r"job\s+code\s+title",
    "pay band": r"pay\s+band",
    "position number": r"position\s+(?:number|no\.?|#)",
    "department": r"department|agency",
    "division": r"division(?:\s+(?:and|/|&)\s+bureau)?",
    "bureau": r"bureau",
    "section": r"section(?:\s+(?:and|/|&)\s+unit)?|unit",
    "address": r"work\s+address(?:\s+and\s+phone)?|address|(?:work\s+|duty\s+)?location",
    "produced by": r"profile\s+produced\s+by",
    "phone": r"(?:work\s+)?phone",
    "supervisor": r"supervisor(?:'s)?(?:\s+(?:title|name))?",
}
#: a checked box: an HTML remnant, ``[X]``, a ballot-box glyph, or a lone ``X`` before the option.
CHECKED = (r"(?:<input[^>]*\bchecked\b[^>]*>|\[[xX\u2713\u2714]\]|[\u2612\u2611\u2714\u2713\u25a0]"
           r"|(?<![^\s(:])[xX](?=[ \t]+[A-Za-z]))")
UNCHECKED = r"(?:<input[^>]*>|\[\s\]|[\u2610\u25a1]|_{2,})"


def _label_of(cell: str) -> str | None:
    cell = squash(re.sub(r"<[^>]+>", "", cell)).strip(" :*").lower()
    for key, pat in LABELS.items():
        if re.fullmatch(pat, cell):
            return key
    return None


def _is_label_row(line: str) -> bool:
    cells = [c for c in line.split("\t")
             if c.strip() and not re.search(CHECKED + "|" + UNCHECKED + r"|FLSA", c)]
    return bool(cells) and all(_label_of(c) for c in cells)


def _grid(text: str) -> dict[str, str]:
    """SECTION I: label rows paired with the value row under them, column by column."""
    out: dict[str, str] = {}
    lines = text.splitlines()
    for i, line in enumerate(lines[:-1]):
        if "\t" not in line or not _is_label_row(line):
            continue
        below = lines[i + 1]
        if _is_label_row(below) or ("\t" not in below and not below.strip()):
            continue
        labels, values = line.split("\t"), below.split("\t")
        keyed = [(j, _label_of(c)) for j, c in enumerate(labels) if _label_of(c)]
        filled = [squash(v) for v in values if squash(v)]
        if len(filled) == len(keyed) and any(
            j >= len(values) or not squash(values[j]) for j, _ in keyed
        ):
            pairs = [(k, v) for (_, k), v in zip(keyed, filled, strict=True)]
        else:
            pairs = [(k, squash(values[j])) for j, k in keyed if j < len(values)]
        for key, value in pairs:
            if key and value and key not in out:
                out[key] = value
    for key, value in inline_fields(text, _label_of).items():
        out.setdefault(key, value)
    for key, pat in LABELS.items():
        if key not in out:
            found = field_value(text, pat)
            if found and "\t" not in found:
                out[key] = found
    for key, value in _stacked(text).items():
        out.setdefault(key, value)
    return out


def _stacked(text: str) -> dict[str, str]:
    """``Label:`` alone on a line, its value on the next non-blank line (not itself a label)."""
    out: dict[str, str] = {}
    lines = [ln.strip() for ln in text.splitlines()]
    for i, line in enumerate(lines):
        key = _label_of(line) if line.endswith(":") or len(line.split()) <= 4 else None
        if not key or key in out:
            continue
        below = next((ln for ln in lines[i + 1:i + 3] if ln), "")
        if below and not _label_of(below) and not below.endswith(":") and len(below.split()) <= 14 \
                and not re.match(r"(?i)section\b", below):
            out[key] = squash(below)
    return out


def _checked(text: str) -> list[str]:
    """The option text after each checked box."""
    return [squash(m.group(1)) for m in re.finditer(
        CHECKED + r"\s*([^<|\t\n\u2610\u2612\u2611\[_]+)", text)]


def _flsa(text: str) -> str | None:
    checked = next(filter(None, map(flsa_status, _checked(text))), None)
    value = field_value(text, alternation("form_labels", "flsa"))
    return checked or (flsa_status(value) if value and not _checked(value + " ") else None)


EDUCATION = (
    (r"post[\s-]*graduate|master|doctor|\bjd\b", "Post-graduate degree"),
    (r"bachelor|college\s+degree|4[\s-]*year\s+degree", "Bachelor's degree"),
    (r"associate", "Associate degree"),
    (r"high\s+school|GED", "High school diploma or equivalent"),
    (r"college|vocational|training", None),
)


def _education(text: str) -> str | None:
    for option in _checked(text):
        if re.search(r"\bno\s+education", option, re.I):
            return None
        for pat, name in EDUCATION:
            if re.search(pat, option, re.I):
                return name or clean_title(option)
    stated = field_value(text, r"education(?:\s+level)?") or ""  # in the form's words, as its boxes
    return next((name for pat, name in EDUCATION if name and re.search(pat, stated, re.I)), None) \
        or shared_education(text)


def _experience(text: str) -> float | None:
    """The years the checked box says ("5 or more years of job-related experience"), else those the text
    asks."""
    for option in _checked(text):
        if (years := counted_years(option)) is not None:
            return years
    return counted_years(text)


def _duties(section: str) -> list[Duty]:
    """Lettered major duties A., B., ... in order; the percent on the line or just after."""
    lines = section.splitlines()
    duties: list[Duty] = []
    expect = "A"
    for i, line in enumerate(lines):
        m = re.match(r"^\s*(?:[-*\u2022]\s*)?(?:\*\*)?([A-H])[.)](?:\*\*)?\s+(\S.*)", line)
        if not m or m.group(1) != expect:
            continue
        percent = parse_percent(line)
        for nxt in lines[i + 1:i + 4]:
            if percent is not None or re.match(r"^\s*(?:[-*]\s*)?(?:\d+|[A-H])[.)]", nxt):
                break
            alone = re.fullmatch(r"[\s*(]*\d{1,3}\s*%[\s*)]*", nxt)
            percent = parse_percent(nxt) if alone else None
        body = re.sub(r"\(?\**\s*\d{1,3}\s*%\s*\**\)?", "", m.group(2))
        using = re.search(r"\s+using\s+(?:the\s+)?knowledge\b", body)
        if using and len(body[: using.start()].split()) >= 6:
            body = body[: using.start()]
        duties.append(Duty(first_sentence(body), percent))
        expect = chr(ord(expect) + 1)
    return duties


def _with_kind(value: str, text: str, kinds: tuple[str, ...]) -> str:
    """'Management Services' -> 'Management Services Bureau' when the text calls it so."""
    if unit_word(value.split()[-1]) or value.split()[-1] in kinds:
        return value
    m = re.search(re.escape(value) + r" +(" + "|".join(kinds) + r")\b", text)
    return f"{value} {m.group(1)}" if m else value


def _units(grid: dict[str, str], text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    levels = (("division", ("Division", "Bureau")), ("bureau", ("Bureau", "Section")),
              ("section", ("Section", "Unit", "Program")))
    own = {kind for _, kinds in levels for kind in kinds}  # ``Program``: a unit's kind in Montana
    for key, kinds in levels:
        parts = [p for p in re.split(r"\s*(?:/|;|,|\s-\s)\s*", grid.get(key, "")) if p]
        for k, part in enumerate(parts):
            name = _with_kind(part, text, kinds)
            last = name.split()[-1]
            kind = unit_word(last) or (last if last in own else kinds[min(k, len(kinds) - 1)]).lower()
            out.append((name, kind))
    return out


def _section(text: str, start: str, stop: str) -> str:
    """From a line opening with ``start`` to one opening with ``stop``."""
    return between(text, rf"^[^\w\n]*{start}", rf"^[^\w\n]*{stop}")


class MontanaJobProfile(Extractor):
    family = "montana-job-profile"
    cues = CUES

    def extract(self, text: str) -> Extraction:
        text = text.replace("\u00a0", " ").replace("\r", "")
        grid = _grid(_section(text, r"section\s+i\b", r"section\s+ii\b") or text)
        duties_part = _section(text, r"section\s+ii\b", r"(?:2\.\s+give|section\s+iii\b)")
        title = grid.get("working title") or grid.get("job code title") or UNTITLED
        code, class_title = grid.get("job code number"), grid.get("job code title")
        band = grid.get("pay band")
        subs = subordinates(text)
        count = re.search(r"number\s+of\s+positions\s+supervised\s*:?\s*(\d+)", text, re.I)
        idents = [Identifier(s, v) for s, v in (("position number", grid.get("position number")),
                                                 ("job code", code)) if v]
        position = Position(
            title=clean_title(title),
            other_titles=[class_title] if class_title and class_title != title else [],
            identifiers=idents,
            reports_to=supervisor(text, grid),
            direct_reports=subs,
            supervises_count=to_int(count.group(1)) if count else (len(subs) or None),
            job_class=JobClass(code, class_title) if code or class_title else None,
            level=(f"Pay Band {band}" if band and band[0].isdigit() else band),
            flsa=_flsa(text),
            duties=_duties(duties_part or text) or lead_percent_duties(duties_part or text)
            or numbered_duties(duties_part),
            budgets=[b for b, _ in budgets(parse(text), currency="USD")],  # a US state's dollars
            education=_education(text),
            experience_years=_experience(text),
            staff_counts=staff_counts(text),
        )
        org = Organisation(
            jurisdiction="State of Montana",
            organization=grid.get("department"),
            units=_units(grid, text),
            location=place_of(grid.get("address"), town=True),
        )
        return Extraction(family=self.family, subject=position, organisation=org)
