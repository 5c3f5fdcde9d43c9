"""The header form of a GoC EX position description: label -> value.

Labels (``POSITION TITLE:``, ``POSITION NUMBER:``, ``DEPARTMENT:``, ``BRANCH:``,
``LOCATION:``, ``CLASSIFICATION:`` ...) come one per line, run together on a few
OCR'd lines (``POSITIONTITLE: Regional\\nDirector, X POSITION NUMBER: ...``), or
bilingual (``Position Title / Titre du poste:``). A value runs to the next label;
it spans lines only where OCR ran the form together (the next label then sits
mid-line), else it is its first line. Without a ``DEPARTMENT:`` label the
letterhead's ``<Name> Canada`` names the department.
"""

from __future__ import annotations

import re

from orgkg.extract.text import squash

LABELS = {
    "title": r"POSITION\s*TITLE|TITLE\s*OF\s*POSITION|JOB\s*TITLE",
    "number": r"POSITION\s*(?:NUMBER|NO\b\.?|#)",
    "benchmark": r"(?:EXECUTIVE\s+GROUP\s+)?BENCHMARK\s*(?:-\s*)?(?:NUMBER|NO\b\.?|#)",
    "department": r"DEPARTMENT(?:\s*/\s*AGENCY)?|AGENCY",
    "branch": r"BRANCH",
    "sector": r"SECTOR",
    "directorate": r"DIRECTORATE",
    "division": r"DIVISION",
    "region": r"REGION",
    "location": r"(?:GEOGRAPHIC\s*)?LOCATION",
    "class": r"CLASS(?:IFICATION)?\s*/\s*LEVEL|GROUP\s*(?:AND|/|&)\s*LEVEL|CLASSIFICATION",
    "supervisor": r"SUPERVISOR'?S?\s*(?:POSITION\s*)?TITLE|REPORTS\s*TO",
    "french": r"TITRE\s+DU\s+POSTE|NUM[ÉE]RO\s+DU\s+POSTE|MINIST[ÈE]RE|LIEU|DATE",
}
#: the same labels in French; read only with their colon (``Titre du poste :``), in any case.
FRENCH = {
    "title": r"Titre\s+(?:du|de)\s+poste",
    "benchmark": r"Poste\s+rep[èe]re(?:\s+du\s+groupe\s+de\s+la\s+direction)?\s*(?:-\s*)?Num[ée]ro",
    "number": r"Num[ée]ro\s+(?:du|de)\s+poste",
    "department": r"Minist[èe]re(?:\s*/\s*organisme)?|Organisme",
    "branch": r"Direction\s+g[ée]n[ée]rale",
    "sector": r"Secteur",
    "directorate": r"Direction",
    "division": r"Division",
    "region": r"R[ée]gion",
    "location": r"Lieu(?:\s+de\s+travail)?|Emplacement",
    "class": r"Groupe\s+et\s+niveau|Classification|Niveau(?:\s+du\s+poste)?",
    "supervisor": r"Rel[èe]ve\s+de|Rend\s+compte\s+[àa]|Titre\s+du\s+poste\s+du\s+superviseur",
}
#: the other language's label after a slash: ``Position Title / Titre du poste:``
BILINGUAL = r"(?:[ \t]*/[ \t]*[^:;/\n]{1,40}?)?"
#: a federal department named in the letterhead: ``Natural Resources Canada``, ``Department of X``
DEPARTMENT_NAME = (r"(?-i:\b(?!Government\b)[A-Z][\w'&-]*(?:[ \t]+(?:and|of|for|the|[A-Z][\w'&-]*)){0,5}"
                   r"[ \t]+Canada\b|\bDepartment[ \t]+of(?:[ \t]+(?:and|the|[A-Z][\w'&-]*)){1,6})")


def _label_hits(region: str) -> list[re.Match[str]]:
    """The header's labels in order; a French label inside an English one's span gives way."""
    alternation = "|".join(f"(?P<{k}>{p})" for k, p in LABELS.items())
    colon = re.finditer(rf"\b(?:{alternation}){BILINGUAL}\s*[:;]", region, re.I)
    # OCR may drop the colon and run an upper-case label into its value: ``CLASS/LEVELEX-OI``
    bare = re.finditer(rf"(?<![A-Za-z])(?:{alternation})(?=[ \t]*[A-Z0-9(])", region)
    french = "|".join(f"(?P<{k}>{p})" for k, p in FRENCH.items())
    colon_fr = re.finditer(rf"(?im)(?:^|(?<=[ \t][ \t]))[ \t*]*\b(?:{french})[ \t]*:", region)
    found = sorted([*colon, *bare, *colon_fr], key=lambda m: (m.start(), -m.end()))
    hits: list[re.Match[str]] = []
    for m in found:
        if hits and m.start() < hits[-1].end():
            if hits[-1].lastgroup == "french" and m.lastgroup != "french":
                hits[-1] = m
            continue
        hits.append(m)
    return hits


def header_fields(region: str) -> dict[str, str]:
    """Label -> value of the header form in ``region`` (the text before the first section)."""
    hits = _label_hits(region)
    out: dict[str, str] = {}
    for i, m in enumerate(hits):
        stop = hits[i + 1].start() if i + 1 < len(hits) else len(region)
        value = region[m.end() : stop]
        lines = [ln for ln in value.split("\n") if ln.strip()]
        run_on = i + 1 < len(hits) and region[region.rfind("\n", 0, stop) + 1 : stop].strip()
        if m.lastgroup and lines and m.lastgroup not in out:
            out[m.lastgroup] = squash(value if run_on else lines[0])
    if "department" not in out:
        first = hits[0].start() if hits else len(region)
        if name := re.search(DEPARTMENT_NAME, region[:first]):
            out["department"] = name.group(0)
    return out
