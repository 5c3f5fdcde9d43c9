"""City and County of Denver class specifications (one class of a class series).

Layout read by these rules:

- a page header: ``Career Service Authority`` (or ``Office of Human Resources``),
  the class title, ``Page 1 of N`` (repeated on later pages, and dropped here);
- ``GENERAL STATEMENT OF CLASS DUTIES``;
- ``DISTINGUISHING CHARACTERISTICS``: ``The X is the third class in a four class
  series; the Y series also contains the A, B, and C`` (the series, with the
  subject's rank) and ``distinguished from the *A*, which ...`` sentences;
- ``Level of Supervision Exercised:``: ``supervisory duties over incumbents
  classified as X I, II, or III`` (the subordinate classes);
- ``ESSENTIAL DUTIES``: one paragraph per duty (a paragraph that ends without
  punctuation runs on past a page break), up to ``Any one position may not include``;
- ``MINIMUM QUALIFICATIONS`` with ``Education Requirement:`` and
  ``Experience Requirement:`` (years, and ``at the type and level of X``);
- ``CLASS DETAIL``: ``FLSA CODE:``, and in some specs ``CLASS CODE:``/``JOB CODE:``
  and ``PAY GRADE:``.

Class names are written the way the series writes them: when the series uses an
acronym (``IT``) a name spelled out (``Information Technology``) is shortened.
"""

from __future__ import annotations

import re

from orgkg.extract.base import Extractor, cue_score
from orgkg.extract.records import (
    Duty,
    Extraction,
    Identifier,
    JobClass,
    MentionedPosition,
    Organisation,
    Position,
    StaffCount,
)
from orgkg.extract.text import NUMBER_WORDS, clean_title, field_value, find_sections, squash, to_int

JURISDICTION = "City and County of Denver"
ORG_HEADER = re.compile(
    r"^\s*(?:\*\*)?(Career\s+Service\s+Authority|Office\s+of\s+Human\s+Resources)(?:\*\*)?\s*$",
    re.I | re.M,
)
PAGE = re.compile(r"^\s*Page\s+\d+\s+of\s+\d+\s*$", re.I)
#: header lines that are not the class title: the form's name, the employer, a ``Label: value`` line.
BOILERPLATE = re.compile(r"^(?:class|job)\s+(?:specification|description)s?$|^city\s+and\s+county\b|:",
                         re.I)

CUES: dict[str, float] = {
    r"GENERAL\s+STATEMENT\s+OF\s+CLASS\s+DUTIES": 0.35,
    r"DISTINGUISHING\s+CHARACTERISTICS": 0.15,
    r"^\s*CLASS\s+DETAIL\s*$": 0.15,
    r"FLSA\s+CODE\s*:": 0.1,
    r"Career\s+Service\s+Authority|Office\s+of\s+Human\s+Resources": 0.1,
    r"Level\s+of\s+Supervision\s+Exercised": 0.1,
    r"(?:class|level)\s+in\s+an?\s+\w+[\s-]+(?:class|level)\s+series": 0.15,
    r"Any\s+one\s+position\s+may\s+not\s+include\s+all": 0.1,
}

H_GENERAL = r"^\s*GENERAL\s+STATEMENT\s+OF\s+CLASS\s+DUTIES"
H_DISTINGUISH = r"^\s*DISTINGUISHING\s+CHARACTERISTICS"
H_GUIDE = r"^\s*Guidelines,\s+Difficulty"
H_RECEIVED = r"^\s*Level\s+of\s+Supervision\s+Received"
H_CONTACTS = r"^\s*Interpersonal\s+Communications\s+and\s+Purpose"
H_EXERCISED = r"^\s*Level\s+of\s+Supervision\s+Exercised\s*:?"
H_DUTIES = r"^\s*ESSENTIAL\s+(?:DUTIES|FUNCTIONS)\s*:?"
H_ANY_ONE = r"^\s*Any\s+one\s+position\s+may\s+not\s+include"
H_MINQ = r"^\s*MINIMUM\s+QUALIFICATIONS"
H_EDUCATION = r"^\s*Education(?:\s+Requirements?)?\s*:"
H_EXPERIENCE = r"^\s*Experience(?:\s+Requirements?)?\s*:"
H_EQUIV = r"^\s*Education\s*/\s*Experience\s+Equivalency"
H_LICENCE = r"^\s*Licensure"
H_DETAIL = r"^\s*CLASS\s+DETAIL"
HEADINGS = (H_GENERAL, H_DISTINGUISH, H_GUIDE, H_RECEIVED, H_CONTACTS, H_EXERCISED, H_DUTIES,
            H_ANY_ONE, H_MINQ, H_EDUCATION, H_EXPERIENCE, H_EQUIV, H_LICENCE, H_DETAIL)

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
         "X": 10}


class DenverClassSpecification(Extractor):
    family = "denver-class-specification"

    def recognise(self, text: str) -> float:
        return cue_score(text, CUES)

    def extract(self, text: str) -> Extraction:
        text = text.replace("\r\n", "\n").replace("\u00a0", " ")
        org, title = _header(text)
        body = _drop_page_headers(text, org, title)
        sec = find_sections(body, HEADINGS, flags=re.I | re.M)
        series = _series(sec.get(H_DISTINGUISH, ""), title)
        exercised = sec.get(H_EXERCISED, "")
        head = body[: m.start()] if (m := re.search(H_GENERAL, body, re.I | re.M)) else ""
        detail = sec.get(H_DETAIL, "") + "\n" + head
        code = _label(detail, r"CLASS\s+CODE|JOB\s+CODE|CLASS\s+NUMBER")
        years, at_class = _experience(sec.get(H_EXPERIENCE, ""))
        count = _supervised_count(exercised)
        subject = Position(
            title=title,
            identifiers=[Identifier("job code", code)] if code else [],
            direct_reports=[MentionedPosition(_canon(n, series)) for n in _classes(exercised)],
            supervises_count=count,
            staff_counts=[StaffCount(count, "direct")] if count is not None else [],
            job_class=JobClass(code=code, title=title),
            level=_pay_grade(detail),
            flsa=_flsa(detail if detail.strip() else body),
            duties=_duties(sec.get(H_DUTIES, "")),
            education=_first_paragraph(sec.get(H_EDUCATION, "")),
            experience_years=years,
            experience_at_class=_canon(at_class, series) if at_class else None,
        )
        organisation = Organisation(jurisdiction=JURISDICTION, organization=org)
        return Extraction(family=self.family, subject=subject, organisation=organisation,
                          series=series)


# ---------------------------------------------------------------- header

def _header(text: str) -> tuple[str | None, str]:
    """The header's organisation and class title (the first plain line after it)."""
    m = ORG_HEADER.search(text)
    org = squash(m.group(1)) if m else None
    rest = text[m.end():] if m else text
    stop = re.search(H_GENERAL, rest, re.I | re.M)
    head = rest[: stop.start()] if stop else (rest[:400] if m else "")
    for line in head.splitlines():
        line = clean_title(line.replace("*", " "))
        if line and len(line.split()) <= 12 and not (PAGE.match(line) or ORG_HEADER.match(line)
                                                     or BOILERPLATE.search(line)):
            return org, line
    m = re.search(r"The\s+([A-Z].{2,80}?)\s+is\s+the\s+\w+\s+class\b", text)
    return org, clean_title(m.group(1)) if m else "Untitled position"


def _drop_page_headers(text: str, org: str | None, title: str) -> str:
    """Remove ``Page N of M`` lines and the standalone org/title lines of page headers."""
    drop = {title.casefold()} | ({org.casefold()} if org else set())
    kept = [ln for ln in text.splitlines()
            if not PAGE.match(ln) and clean_title(ln.replace("*", " ")).casefold() not in drop]
    return "\n".join(kept)


def _label(text: str, label: str) -> str | None:
    """``Label: value`` on its own line, or one of several on a line (``Job Code: X   Pay Grade: Y``)."""
    value = field_value(text, label, stop=r"[ \t]{2,}|\t|\n")
    if not value:
        m = re.search(rf"(?im)(?:^[ \t*]*|(?<=[ \t][ \t])|(?<=\t))(?:{label})[ \t*]*:[ \t*]*([^\s:][^\n:]*?)"
                      r"[ \t*]*(?=[ \t]{2,}|\t|$)", text)
        value = squash(m.group(1)) if m else None
    return clean_title(value) or None if value else None


def _flsa(text: str) -> str | None:
    value = _label(text, r"FLSA(?:\s+CODE|\s+Status)?")
    if not value:
        return None
    if re.search(r"\bnon[\s-]*exempt", value, re.I):
        return "Non-Exempt"
    return "Exempt" if re.search(r"\bexempt", value, re.I) else value


def _pay_grade(detail: str) -> str | None:
    value = _label(detail, r"PAY\s+GRADE|PAY\s+RANGE|GRADE")
    if not value or "$" in value:
        return None
    value = re.sub(r"(?i)^pay\s+grade\s*", "", value)
    return f"Pay Grade {value}" if value else None


# ---------------------------------------------------------------- series and classes

def _split_names(items: str, expect: int | None = None) -> list[str]:
    """``the A, B, and C`` / ``X I, II, or III`` -> class names, Roman shorthand expanded."""
    items = squash(items.replace("*", " "))
    parts = [p for p in re.split(r"\s*,\s*(?:and\s+|or\s+)?", items) if p]
    if len(parts) == 1 or (expect and len(parts) != expect):
        finer = [p for part in parts for p in re.split(r"\s+(?:and|or)\s+", part) if p]
        if len(parts) == 1 or len(finer) == expect:
            parts = finer
    names: list[str] = []
    for part in parts:
        part = clean_title(re.sub(r"(?i)^(?:the|an?)\s+", "", part))
        if part.upper() in ROMAN and names:
            base = re.sub(r"\s+[IVX]+$", "", names[-1])
            part = f"{base} {part.upper()}"
        if part:
            names.append(part)
    return names


def _roman_key(name: str) -> tuple[str, int]:
    m = re.match(r"^(.*?)\s+([IVX]+)$", name)
    return (m.group(1).casefold(), ROMAN.get(m.group(2), 0)) if m else (name.casefold(), 0)


def _order_numerals(names: list[str]) -> list[str]:
    """Within classes that share a base name, order them I < II < III in place."""
    out = list(names)
    for base in {_roman_key(n)[0] for n in names}:
        slots = [i for i, n in enumerate(names) if _roman_key(n)[0] == base]
        for i, n in zip(slots, sorted((names[i] for i in slots), key=_roman_key), strict=True):
            out[i] = n
    return out


def _series(section: str, title: str) -> list[str]:
    text = squash(section.replace("*", " "))
    m = re.search(r"is\s+the\s+(\w+)\s+(?:class|level)\s+in\s+an?\s+(\w+)[\s-]+(?:class|level)\s+series",
                  text, re.I)
    if not m:
        return []
    rank = ORDINALS.get(m.group(1).lower()) or to_int(re.sub(r"\D", "", m.group(1)) or "x")
    size = to_int(m.group(2)) or NUMBER_WORDS.get(m.group(2).lower(), 1 if "single" in
                                                     m.group(2).lower() else None)
    listed = re.search(r"series\s+(?:(?:that|which)\s+)?(?:also\s+)?(?:contains?|includes?|consists?\s+of)"
                       r"\s+(.+?)(?:\s+class(?:es)?)?\.(?=\s|$)", text[m.start(2):], re.I)
    expect = size - 1 if size else None
    others = _split_names(listed.group(1), expect) if listed else []
    if size == 1:
        return []
    if not others:
        others = [clean_title(d) for d in re.findall(
            r"distinguished\s+from\s+(?:the\s+)?(.+?)(?:,|\s+(?:which|in\s+that|by|as)\b)", text)]
        others = others if expect is None or len(set(others)) == expect else []
    others = _order_numerals([o for o in dict.fromkeys(others) if o.casefold() != title.casefold()])
    pos = min(max((rank or len(others) + 1) - 1, 0), len(others))
    return [*others[:pos], title, *others[pos:]]


def _canon(name: str, series: list[str]) -> str:
    """Write ``name`` as the series does: ``Information Technology X`` -> ``IT X``."""
    for member in series:
        if member.casefold() == name.casefold():
            return member
    acronyms = {a for s in series for a in re.findall(r"\b[A-Z]{2,5}\b", s) if a not in ROMAN}
    out = name
    for acr in acronyms:
        spelled = r"\b" + r"\s+".join(f"{c}[a-z]+" for c in acr) + r"\b"
        out = re.sub(spelled, acr, out)
    return out


def _classes(section: str) -> list[str]:
    """Classes named as supervised: ``... incumbents classified as X I, II, or III``."""
    names: list[str] = []
    text = squash(section.replace("*", " "))
    for m in re.finditer(r"classified\s+as\s+(.+?)(?:[.;](?=\s|$)|$)", text, re.I):
        names.extend(_split_names(m.group(1)))
    return list(dict.fromkeys(names))


def _supervised_count(section: str) -> int | None:
    m = re.search(r"supervis\w*\s+(?:a\s+staff\s+of\s+)?(\d+|[a-z]+)\s+(?:full[\s-]time\s+)?"
                  r"(?:employees|staff|positions|subordinates)", squash(section), re.I)
    return to_int(m.group(1)) if m else None


# ---------------------------------------------------------------- duties, qualifications

def _paragraphs(section: str) -> list[str]:
    """Paragraphs and bullets; one cut off mid-sentence (a page break) runs on to the next."""
    paras: list[str] = []
    after_blank = False
    for line in section.splitlines():
        s = line.strip()
        if not s:
            after_blank = True
            continue
        bullet = re.match(r"^(?:[\u2022\u25cf\u25aa*\-\u2013]|\d{1,2}[.)])\s+", s)
        s = s[bullet.end():] if bullet else s
        if paras and not bullet and _runs_on(paras[-1], s, after_blank):
            paras[-1] = f"{paras[-1]} {s}"
        else:
            paras.append(s)
        after_blank = False
    return [squash(p.replace("*", " ")) for p in paras]


def _runs_on(previous: str, line: str, after_blank: bool) -> bool:
    if re.search(r"[.;:!?]$", previous):
        return False
    if not after_blank:
        return True
    dangling = r"(?i)(?:,|\b(?:the|and|or|of|to|a|an|for|with|in))$"
    return line[:1].islower() or bool(re.search(dangling, previous))


def _clause(paragraph: str) -> str:
    m = re.search(r"(?<!\be\.g)(?<!\bi\.e)[.;](?=\s|$)", paragraph)
    return (paragraph[: m.start()] if m else paragraph).strip(" .;:,")


def _duties(section: str) -> list[Duty]:
    return [Duty(_clause(p)) for p in _paragraphs(section)
            if len(p.split()) >= 3 and not p.endswith(":")]


def _first_paragraph(section: str) -> str | None:
    paras = _paragraphs(section)
    if not paras or re.fullmatch(r"(?i)none\.?|n/?a\.?", paras[0]):
        return None
    return _clause(paras[0]) or None


def _experience(section: str) -> tuple[float | None, str | None]:
    text = squash(section)
    years = None
    m = re.search(r"\b(\d+(?:\.\d+)?|[A-Za-z]+)\s*(?:\(\d+\)\s*)?(?:full[\s-]time\s+)?years?\b",
                  text)
    if m:
        word = m.group(1).lower()
        years = float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else _float(word)
    c = re.search(r"(?:type\s+and\s+)?level\s+of\s+(?:an?\s+|the\s+)?(.+?)"
                  r"(?:[.;,](?=\s|$)|\s+(?:or|and)\s+(?:above|higher)|$)", text, re.I)
    at_class = clean_title(c.group(1)) if c else None
    return years, at_class or None


def _float(token: str) -> float | None:
    try:
        return float(token)
    except ValueError:
        return None
