"""Alberta position profiles: the work unit, the location and a class named in the opening text.

- ``Work Unit:  Region / Division / Branch`` is split into levels (``rules.organisation.path_steps``),
  outermost first; a run of bare acronyms (``AJC / CSS / SRQA``: business
  units sharing one level: three or more, or two the text also writes
  ``AJC/CSS``) stays one level. A level written ``Name - Place``
  (``EFS - Edmonton``) names the place the unit works in.
- The location is the ``Location:`` field, else the position's own location
  sentence ("the position is located in X" -- not "supervision of this position
  is located in Y", which places the supervisor), else "in the X office", else
  the place a work-unit level names.
- A class stated in the opening text with its code, whose letters are the
  initials of the class title: "This Administrative Support 4 (AS4) position".
"""

from __future__ import annotations

import functools
import re

from orgkg.extract.lexicon import alternation
from orgkg.extract.records import JobClass
from orgkg.extract.rules.location import labelled_location
from orgkg.extract.rules.organisation import path_steps
from orgkg.extract.structure import parse
from orgkg.extract.text import clean_title

PLACE = r"([A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*){0,3})"
ACRONYM = re.compile(r"[A-Z&]{2,6}")


def unit_parts(unit: str | None, text: str = "") -> list[tuple[str, str]]:
    """``Operations Division / Approvals / Rangeland`` -> each level, outermost first."""
    parts: list[str] = []
    for p in (clean_title(p) for p in path_steps(unit or "")):
        if p and parts and ACRONYM.fullmatch(p) and ACRONYM.fullmatch(parts[-1].split(" / ")[-1]):
            parts[-1] = f"{parts[-1]} / {p}"
        elif p:
            parts.append(p)
    out: list[str] = []
    for p in parts:  # acronyms run together are siblings when three or more, or written ``A/B`` elsewhere
        names = p.split(" / ")
        siblings = len(names) >= 3 or (len(names) == 2 and "/".join(names) in text)
        out += [p] if siblings or len(names) == 1 else names
    kinds = ("division", "branch", "section", "unit", "office")
    return [(p, next((k for k in kinds if p.lower().endswith(k)), "unit")) for p in out]


def gluable(unit: str) -> bool:
    """A unit name a short title may take (``Manager, Rangeland``): not a list of acronyms."""
    return bool(re.search(r"[a-z]", unit)) and " / " not in unit


@functools.cache
def _located() -> re.Pattern[str]:
    """"the position is located in (the) X" (``[words] located_subjects``, ``located_verbs``,
    ``located_participles``, ``located_links``), X in capitals."""
    said = (alternation("words", key) for key in ("located_subjects", "located_verbs", "located_participles",
                                                  "located_links"))
    return re.compile(r"\b(?:{})\s+(?:{})\s+(?:{})\s+(?:{})\s+(?:the\s+)?".format(*said) + PLACE)


def location(text: str, units: list[tuple[str, str]]) -> str | None:
    if said := labelled_location(parse(text)):
        return said[0]
    for m in _located().finditer(text):
        if not re.search(r"(?i)\b(?:supervision|supervisor|manager)\s+of\s+(?:this|the)\s+$",
                         text[max(0, m.start() - 40) : m.start()]):
            return clean_title(m.group(1))
    office_of = r"\b(?:in|at|from)\s+the\s+" + PLACE + r"\s+(?:office|worksite|district\s+office)\b"
    if office := re.search(office_of, text):
        return clean_title(office.group(1))
    placed = (re.fullmatch(r".+?\s+[-\u2013]\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)", n) for n, _ in units)
    return next((m.group(1) for m in placed if m), None)


def opening_class(text: str) -> JobClass | None:
    """"This Administrative Support 4 (AS4) position" -> (AS4, Administrative Support 4)."""
    for m in re.finditer(r"\b((?:[A-Z][a-z]+\s+){1,5})(\d{1,2})\s*\(([A-Z]{2,5})\s?(\d{1,2})\)", text):
        words = m.group(1).split()
        initials = "".join(w[0] for w in words)
        if initials.endswith(m.group(3)) and m.group(2) == m.group(4):
            title = " ".join([*words[len(words) - len(m.group(3)):], m.group(2)])
            return JobClass(m.group(3) + m.group(4), title)
    return None
