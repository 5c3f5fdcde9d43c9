"""Government of Canada executive (EX) group position descriptions.

Layout: usually an OCR'd scan. A header of form labels (``POSITION TITLE:``,
``POSITION NUMBER:``, ``DEPARTMENT:``, ``BRANCH:``, ``LOCATION:``,
``CLASS/LEVEL:``), often run together on one line, then upper-case sections:
GENERAL ACCOUNTABILITY, ORGANIZATION STRUCTURE ("This is one of N positions
reporting directly to the X. The others are: ... Reporting to the Y are the
following positions: ..."), NATURE AND SCOPE, DIMENSIONS ("Label: value"
pairs of staff and budgets) and SPECIFIC ACCOUNTABILITIES (duty sentences
that start with a verb, separated by bullets that OCR may render as ``e``,
``s`` or ``Ss``). Page footers ("<doc no> <FILE>.DOC Revised <date> Page N of
M") interrupt sentences anywhere and are removed first.
"""

from __future__ import annotations

import re

from orgkg.extract.base import Extractor
from orgkg.extract.families.goc_ex_dimensions import dimensions
from orgkg.extract.families.goc_ex_header import header_fields
from orgkg.extract.families.ocr_cues import fix_ocr_words, ocr, ocr_any
from orgkg.extract.lexicon import fold, language, table
from orgkg.extract.records import (
    UNTITLED,
    Duty,
    Extraction,
    Identifier,
    JobClass,
    MentionedPosition,
    Organisation,
    Position,
)
from orgkg.extract.rules.classification import level as shared_level
from orgkg.extract.rules.classification import superiors
from orgkg.extract.rules.location import place_of
from orgkg.extract.rules.organisation import organisation_named, unit_of_superior
from orgkg.extract.rules.reporting import superiors_said
from orgkg.extract.rules.subordinates import posts_after, subordinates
from orgkg.extract.rules.titles import named_around
from orgkg.extract.structure import parse
from orgkg.extract.text import (
    clean_title,
    find_sections,
    first_sentence,
    repair_level,
    repair_numbers,
    squash,
    strip_parenthetical_acronym,
    to_int,
)

FR_GENERAL = r"RESPONSABILIT[ÉE]S?\s+G[ÉE]N[ÉE]RALES?"
FR_SCOPE = r"NATURE\s+ET\s+(?:[ÉE]TENDUE|PORT[ÉE]E)"
FR_STRUCTURE = r"STRUCTURE\s+(?:ORGANISATIONNELLE|DE\s+L.ORGANISATION)"
FR_SPECIFIC = r"(?-i:RESPONSABILIT[ÉE]S\s+SP[ÉE]CIFIQUES)"
STRUCTURE = ("ORGANIZATION STRUCTURE", "ORGANISATION STRUCTURE", "ORGANIZATIONAL STRUCTURE")
#: ``SPECIFIC ACCOUNTABILITIES`` as scanned: ``PECIFIC ACOUNTABILITY``, ``5PECIFIC ACC0UNTABILlTIES``
SPECIFIC = (r"(?-i:(?:[S5]\s?)?)" + ocr("PECIFIC", case=True) + r"\s*(?-i:AC?)"
            + ocr("COUNTABILIT", case=True) + r"(?-i:[I1l|]ES|Y)")

CUES = {
    # the form's own name, English or French, as scanned
    ocr_any("EXECUTIVE GROUP POSITION DESCRIPTION", "EXECUTIVE POSITION DESCRIPTION"): 0.4,
    r"Executive\s+Group\s+Benchmark|Benchmark\s+Index\s+by\s+Function"
    r"|Postes?\s+rep[èe]res?\s+(?:du\s+groupe\s+de\s+la\s+direction|par\s+fonction)": 0.4,
    r"DESCRIPTION\s+DE\s+POSTE\W{1,5}GROUPE\s+DE\s+LA\s+DIRECTION|GROUPE\s+DE\s+LA\s+DIRECTION": 0.3,
    # the plan's section headings, English or French, OCR-damaged
    ocr("GENERAL ACCOUNTABILITY") + "|" + FR_GENERAL: 0.25,
    ocr("NATURE AND SCOPE") + "|" + FR_SCOPE: 0.2,
    ocr_any(*STRUCTURE) + "|" + FR_STRUCTURE: 0.1,
    SPECIFIC + "|" + FR_SPECIFIC: 0.1,
    ocr("DIMENSIONS", case=True): 0.1,
    r"(?:CLASS\s*/\s*LEVEL|GROUP\s+(?:AND|&)\s+LEVEL|CLASSIFICATION|GROUPE\s+ET\s+NIVEAU|NIVEAU)"
    r"\W{0,40}?EX\s*-\s*[0-9OIl]": 0.2,
    r"\bEX\s*-\s*[0-9O]{1,2}\b": 0.1,
    r"Government of Canada|Gouvernement du Canada": 0.1,
    r"positions?\s+reporting\s+(?:directly\s+)?to\s+the": 0.1,
}


def _heading(upper: str, title: str) -> str:
    """An upper-case heading anywhere (OCR runs lines together), or title case on its own line."""
    return rf"(?:{upper})|(?im:^[ \t#*]*(?:{title})[ \t*:]*$)"


SECTIONS = {
    "general": _heading(ocr_any("GENERAL ACCOUNTABILITY", "GENERAL ACCOUNTABILITIES", case=True)
                        + "|" + FR_GENERAL, r"General\s+Accountability|" + FR_GENERAL),
    "structure": _heading(ocr_any(*STRUCTURE, case=True) + "|" + FR_STRUCTURE,
                          r"Organi[sz]ation(?:al)?\s+Structure|" + FR_STRUCTURE),
    "scope": _heading(ocr("NATURE AND SCOPE", case=True) + "|" + FR_SCOPE,
                      r"Nature\s+(?:and|&)\s+Scope|" + FR_SCOPE),
    "dimensions": _heading(r"\b" + ocr("DIMENSIONS", case=True) + r"\b", r"Dimensions"),
    "specific": _heading(
        SPECIFIC + r"|KEY\s+ACTIVITIES|PRINCIPAL\s+ACCOUNTABILITIES|" + FR_SPECIFIC,
        r"(?:Specific|Key|Principal)\s+(?:Accountabilities|Activities|Responsibilities)|"
        r"Responsabilit[ée]s\s+(?:sp[ée]cifiques|principales)|Principales\s+responsabilit[ée]s"
        r"|Activit[ée]s\s+principales|Principales\s+activit[ée]s",
    ),
    "end": _heading("(?:" + ocr_any("CERTIFICATION", "SIGNATURE", case=True) + r")S?\b|APPROVALS?\b",
                    r"Certifications?|Signatures?|Attestation"),
}

PAGE = r"Page\s*[0-9IOl|]{1,3}"
FOOTER = re.compile(
    r"(?:\b\d[0-9OIl]{2,7}\s+|(?-i:(?:\b[A-Z][A-Z0-9\-]{1,15}[ \t]+){1,3})"
    r"(?=[\w\-]{1,60}\.(?:DOCX?|WPD|PDF)\b))?"
    r"(?:[\w\-]{1,60}\.(?:DOCX?|WPD|PDF)\b\s*)?(?:Revised\s+\S{1,20}\s+)?"
    rf"{PAGE}\s*(?:of|/)\s*[0-9IOl|]{{1,3}}",
    re.I,
)
#: a running page header on its own line: ``40318 - Director, X            Page 2 / 4``
RUNNING_TITLE = re.compile(r"(?m)^[ \t]*[\w-]{3,20}[ \t]+[-\u2013][ \t]+(\S[^\n]{2,80}?)[ \t]{3,}" + PAGE)
PAGE_HEADER = re.compile(rf"(?im)^[^\n]{{0,100}}?[ \t]{{3,}}{PAGE}(?:\s*(?:of|/)\s*[0-9IOl|]{{1,3}})?[ \t]*$")


#: a group-and-level code: ``AS-07``.
GROUP_LEVEL = r"[A-Z]{2,4}-\d\d"
#: names of the form and of the government, never the department.
NOT_DEPARTMENTS = frozenset(fold(n) for n in ("Government of Canada", "Gouvernement du Canada",
                                               "Executive Group", "Groupe de la direction", "Public Service",
                                               "Federal Public Service"))
UNIT_KINDS = ("branch", "sector", "directorate", "division", "region")

# OCR renders list bullets as stray letters: ``s``, ``S``, ``Ss``, ``e``, ``o``.
MARK = (
    r"(?:[\u2022\u25cf\u25aa\u25a0\u25e6\u00b7*>\u00bb\u00ab\u00a2\u00a9\u00ae\-\u2013]"
    r"|\d{1,2}[.)])"
)
LETTER = r"(?:[sS][sS]?|e|o)"
PEERS_INTRO = re.compile(
    r"The\s+other(?:s|\s+[^:.]{0,80}?)\s+(?:are|include)\b(?:\s+the)?\s*:?"
    r"|Les\s+autres(?:\s+[^:.]{0,80}?)?\s+sont\b(?:\s+les\s+suivants)?\s*:?", re.I
)
SELF_WORDS = re.compile(r"^(?:incumbent|position|this position|holder|occupant)$", re.I)
NOT_VERBS = {
    "This", "His", "Hers", "Its", "As", "Thus", "Was", "Is", "Towards", "Always", "Various",
    "Perhaps", "Whereas", "Besides", "Unless", "Canadians", "Services", "Systems", "Programs",
}


def _normalise(text: str) -> str:
    """Drop converter banners (``--- ... ---``) and page footers."""
    text = re.sub(r"(?m)^\s*-{3}.*-{3}\s*$", "", text)
    text = PAGE_HEADER.sub("", text.replace("\f", "\n"))
    return fix_ocr_words(FOOTER.sub(" ", text))


def _header(text: str) -> dict[str, str]:
    """Label -> value of the header form, read before the first section heading."""
    starts = [m.start() for p in SECTIONS.values() if (m := re.search(p, text))]
    return header_fields(text[: min(starts)] if starts else text[:2000])


def _level_before_sections(text: str) -> str:
    """A group-and-level code in the heading lines above the form (``Benchmark 49 to 60 (EX-04)``), not a
    superior's (``Reports to: Director General (EX-03)``)."""
    starts = [m.start() for p in SECTIONS.values() if (m := re.search(p, text))]
    region = text[: min(starts)] if starts else text[:2000]
    return next((m.group(0) for m in re.finditer(r"\bEX\s*-\s*0?[1-5]\b", region)
                 if not superiors(region[region.rfind("\n", 0, m.start()) + 1 : m.start()])), "")


def _fix_ocr_word(title: str) -> str:
    """``Generai`` -> ``General``: OCR reads a word-final ``l`` as ``i``."""
    return re.sub(r"(?<=[a-z]{3}a)i\b", "l", title)


def _supervisor(section: str, skip: tuple[int, int]) -> tuple[list[str], int]:
    """The first superior the section's prose names (``rules.reporting.superiors_said``, English and French)
    outside its list of direct reports (``skip``), and where it is named."""
    said = superiors_said(section[: skip[0]] + " " * (skip[1] - skip[0]) + section[skip[1] :], ("en", "fr"))
    return ([said[0][0]], said[0][1]) if said else ([], 0)


def _letter_bullets(section: str) -> str:
    """OCR's letter bullets, two or more on a line (``Ss Director General, X s Director General, Y``), as
    list marks again, so the shared rule reads the list run on in the line."""
    def marks(line: re.Match[str]) -> str:
        found = list(LETTER_BULLET.finditer(line.group(0)))
        return LETTER_BULLET.sub(" \u2022 ", line.group(0)) if len(found) >= 2 else line.group(0)
    return re.sub(r"[^\n]+", marks, section)


#: a letter bullet before a title in capitals: `` Ss Director``, `` s Manager``, `` e Director``.
LETTER_BULLET = re.compile(rf"(?:^|(?<=\s)){LETTER}\s+(?=[A-Z])")


def _structure(section: str, pos: Position) -> None:
    """Supervisor, peers and direct reports from the ORGANIZATION STRUCTURE section, the direct reports as
    the shared rule reads them (``rules.subordinates``) once OCR's letter bullets are marks again."""
    section = _letter_bullets(section)
    subs = subordinates(section)
    names, after = _supervisor(section, (subs.span.start, subs.span.end) if subs else (len(section),) * 2)
    pos.reports_to = [MentionedPosition(n) for n in names]
    peers = PEERS_INTRO.search(section, after)
    if peers and peers.start() < (subs.span.start if subs else len(section)):
        listed = section[: subs.span.start if subs else len(section)]
        french = peers.group(0)[:3].casefold() == "les"  # French titles are written in lower case
        pos.peers = [MentionedPosition(clean_title(_fix_ocr_word(t)))
                     for t, _, _, _ in posts_after(listed, peers.end(), lower=french)]
    if subs:
        who = subs.superior[0]
        if who and not SELF_WORDS.match(who) and who.casefold() != pos.title.casefold():
            pos.other_titles.append(who)
        pos.direct_reports = [MentionedPosition(_fix_ocr_word(t), repair_numbers(n) if n else None)
                              for t, _, _, n in subs.posts]
        pos.supervises_count = subs.count
    else:
        m = re.search(r"(\w+)\s*(?:\(\d+\)\s*)?positions?\s+report(?:ing|s)?\s+(?:directly\s+)?"
                      r"to\s+(?:the\s+)?(?:incumbent|this\s+position)", section, re.I)
        pos.supervises_count = to_int(m.group(1)) if m else None


def _starts_duty(sentence: str) -> bool:
    """A duty statement opens with a verb in the third person: ``Provides``, ``Leads``."""
    m = re.match(r"([A-Z][a-z]+s)\b\s+(\w+)", sentence)
    if not m or m.group(1) in NOT_VERBS or m.group(1).endswith("ss"):
        return False
    return m.group(2).lower() not in {"are", "were", "must", "will", "should", "can", "may", "is"}


def _duties(section: str) -> list[Duty]:
    """Duty statements: each bullet, and each sentence that opens with a verb, starts one.

    A stray OCR letter counts as a bullet only before a verb (``e Leads``), so
    a possessive ``s`` (``HRDC s IT``) does not split a sentence.
    """
    text = re.sub(rf"\s{MARK}\s+(?=[A-Z\u00c0-\u00de])", " \x00", " " + squash(section))
    text = re.sub(rf"\s{LETTER}\s+(?=[A-Z][a-z]{{2,}}s\b)", " \x00", text)
    duties: list[str] = []
    for n, chunk in enumerate(text.split("\x00")):
        for i, sentence in enumerate(re.split(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u00de\"(])", chunk.strip())):
            if sentence and ((n > 0 and i == 0) or _starts_duty(sentence)):
                duties.append(first_sentence(sentence))
    return [Duty(d) for d in duties if len(d.split()) >= 3]


def _title(header: dict[str, str], sections: dict[str, str], raw_text: str) -> str:
    """The working title: the header's, else "The X is accountable for", else the running
    page header's (``40318 - Director, X      Page 2 / 4``); never the form's own name; no acronym."""
    raw = header.get("title")
    if not raw:
        named = named_around(sections.get(SECTIONS["general"], ""))
        running = re.search(RUNNING_TITLE, raw_text)
        raw = named or (running.group(1) if running else UNTITLED)
    raw = clean_title(raw)
    return strip_parenthetical_acronym(raw) or UNTITLED


def _organisation(header: dict[str, str], french: bool = False) -> Organisation:
    units = []
    for kind in UNIT_KINDS:
        name = clean_title(header.get(kind, ""))
        if name and kind not in name.lower() and not french:
            name = f"{name} {kind.title()}"
        if name:
            units.append((name, kind))
    dept = header.get("department")
    return Organisation(
        jurisdiction="Government of Canada",
        organization=strip_parenthetical_acronym(clean_title(dept)) if dept else None,
        units=units,
        location=place_of(header.get("location")),
    )


class GoCExecutivePosition(Extractor):
    family = "goc-ex-position-description"
    cues = CUES

    def extract(self, text: str) -> Extraction:
        raw, text = text, _normalise(text)
        header = _header(text)
        sections = find_sections(text, SECTIONS.values(), flags=0)
        pos = Position(title=_title(header, sections, raw))
        number = repair_numbers(header.get("number", ""))
        if m := re.search(r"(?:\b[A-Z]{1,5}-?)?\d[\d\-]{2,}", number):
            pos.identifiers.append(Identifier("position number", m.group(0)))
        if m := re.match(r"\s*(\d{1,3}(?:-[A-Z]-\d{1,2})?)\b", header.get("benchmark", "")):
            pos.identifiers.append(Identifier("benchmark", m.group(1)))
        level = repair_level(header.get("class", "") or _level_before_sections(text))
        if not re.fullmatch(GROUP_LEVEL, level) and (said := shared_level(parse(text))) and \
                re.fullmatch(GROUP_LEVEL, repair_level(said[0])):
            level = repair_level(said[0])  # ``Position Level: AS-07``: the shared level fields, its code only
        code = re.match(r"([A-Z]{2,4})-\d\d$", level)
        pos.level = level if code else None
        group = code.group(1) if code else "EX"
        named = table("form_groups", language(text)).get(group)  # ``groupe de la direction``
        pos.job_class = JobClass(group, str(named) if named else None)
        _structure(sections.get(SECTIONS["structure"], ""), pos)
        if pos.title == UNTITLED and pos.other_titles:  # "positions reporting to the X, are:"
            pos.title = pos.other_titles.pop(0)
        if header.get("supervisor"):
            pos.reports_to.insert(0, MentionedPosition(clean_title(header["supervisor"])))
        pos.budgets, pos.staff_counts = dimensions(sections.get(SECTIONS["dimensions"], ""))
        pos.duties = _duties(sections.get(SECTIONS["specific"], ""))
        org = _organisation(header, language(text) == "fr")
        if not org.units and pos.reports_to and (unit := unit_of_superior(pos.reports_to[0].title)):
            org.units.append((unit, unit.split()[-1].casefold()))
        scope = sections.get(SECTIONS["scope"], "")
        if not org.organization and (named := organisation_named(parse(scope), not_names=NOT_DEPARTMENTS)):
            org.organization = named[0]  # the department named only in Nature and Scope
        return Extraction(family=self.family, subject=pos, organisation=org)
