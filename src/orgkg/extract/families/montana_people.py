"""Montana job profiles: the people a profile names (supervisor, subordinates, staff counts).

The supervisor comes from the SECTION I ``Supervisor`` field and from the shared
prose rule ("under the supervision of the X", "reports to the X":
``rules.reporting.supervisor_phrases``), a unit after "of the" set off by a comma; the
subordinates from the lines after "positions supervised" (a list of
"Title, position NNNNN" lines or a ``Title   Position Number`` table, whose
heading row and any sentence after it are not positions); staff counts from
"supervises N revenue agents", "unit of N ...", "supervises three Fire Engine
Captains"; budgets from "budget of $N" wording.
"""

from __future__ import annotations

import re

from orgkg.extract.records import MentionedPosition, StaffCount
from orgkg.extract.rules.organisation import unit_word
from orgkg.extract.rules.reporting import supervisor_phrases
from orgkg.extract.rules.staff import After, counted_after
from orgkg.extract.text import clean_title, squash

#: a table's column-heading row (``Title    Position Number``), not a subordinate.
HEADER_ROW = re.compile(r"(?i)(?:(?:working\s+|job\s+|class\s+)?title|position\s+(?:number|no\.?|#)|"
                        r"name|class(?:ification)?|job\s+code|PCN|FTE|\s)+")


def supervisor(text: str, grid: dict[str, str]) -> list[MentionedPosition]:
    out: list[MentionedPosition] = []
    raw = [grid["supervisor"]] if "supervisor" in grid else []
    raw += supervisor_phrases(text)
    for r in raw:
        r = re.sub(r"\s*\((?i:position|pos\.?|PCN)\b[^)]*\)", "", r)
        t = re.split(r"[,;:.](?:\s|$)|\s+(?:and|who|which|to)\s+(?=[a-z])", r)[0]
        unit = re.search(r"\s+of\s+the\s+(.+)$", t)
        if unit and unit_word(unit.group(1).split()[-1], names=True):
            t = f"{t[: unit.start()]}, {unit.group(1)}"  # ``Chief of the Audit Bureau``: ``Chief, Audit ...``
        t = clean_title(t)
        if t and t.casefold() not in {p.title.casefold() for p in out}:
            out.append(MentionedPosition(t))
    return out


def subordinates(text: str) -> list[MentionedPosition]:
    m = re.search(r"(?:position\s+numbers?\s+for\s+the\s+)?positions?\s+supervised\s*:?[^\n]*"
                  r"\n(.*?)(?=\n\s*(?:please\s+check|\d+\.\s|section\s+i)|\Z)", text, re.I | re.S)
    if not m:
        return []
    out: list[MentionedPosition] = []
    for line in m.group(1).splitlines():
        line = squash(re.sub(r"^\s*(?:[-*\u2022]|\d+[.)])\s+", "", line))
        if not line or ":" in line or len(line.split()) > 14 or HEADER_ROW.fullmatch(line) \
                or (line.endswith(".") and len(line.split()) >= 5):
            continue
        num = re.search(r"\b\d{4,}\b", line)
        title = re.sub(r"\b(?:new\s+)?(?:position|pos\.?|PCN)\s*(?:number|no\.?|#)?\s*:?\s*"
                       r"|\b\d{4,}\b|[()#]", " ", line, flags=re.I)
        title = clean_title(title)
        if title:
            out.append(MentionedPosition(title, num.group(0) if num else None))
    return out


#: a Montana profile's staff count: after a ``[words] count_verbs`` verb or a ``staff_count_groups_montana``
#: group ("includes", "unit of", "team of"), counting ``count_nouns``, posts, occupations or a title in the
#: plural ("supervises 5 Captains").
STAFF = After(verbs=("count_verbs", "staff_count_groups_montana"),
              nouns=("count_nouns_posts", "count_nouns_occupations"), titles=True)


def staff_counts(text: str) -> list[StaffCount]:
    return counted_after(text, STAFF)


