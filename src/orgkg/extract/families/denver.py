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

from orgkg.extract.base import Extractor
from orgkg.extract.families.denver_series import canon as _canon
from orgkg.extract.families.denver_series import classes as _classes
from orgkg.extract.families.denver_series import series as _series
from orgkg.extract.lexicon import alternation
from orgkg.extract.records import (
    UNTITLED,
    Duty,
    Extraction,
    Identifier,
    JobClass,
    MentionedPosition,
    Organisation,
    Position,
    StaffCount,
)
from orgkg.extract.rules.classification import experience_class
from orgkg.extract.rules.education import education as shared_education
from orgkg.extract.rules.experience import counted_years
from orgkg.extract.rules.supervised import Counting, supervised_count
from orgkg.extract.text import (
    clean_title,
    field_value,
    find_sections,
    flsa_status,
    squash,
    title_case,
)

JURISDICTION = "City and County of Denver"
ORG_HEADER = re.compile(
    r"^\s*(?:\*\*)?(Career\s+Service\s+Authority|Office\s+of\s+Human\s+Resources)(?:\*\*)?\s*$",
    re.I | re.M,
)
PAGE = re.compile(r"^\s*Page\s+\d+\s+of\s+\d+\s*$", re.I)
#: a running page header or footer: ``Class Title (CODE)          Page 2 of 3``.
RUNNING = re.compile(r"^[^\n]{0,160}?\bPage\s+\d+\s+(?:of|/)\s+\d+\s*$", re.I)
#: header lines that are not the class title: the form's name, the employer, a ``Label: value`` line.
BOILERPLATE = re.compile(r"^(?:class|job)\s+(?:specification|description)s?$|^city\s+and\s+county\b|:",
                         re.I)

CUES: dict[str, float] = {
    r"GENERAL\s+STATEMENT\s+OF\s+(?:CLASS\s+)?DUTIES": 0.35,
    r"DISTINGUISHING\s+(?:CHARACTERISTICS|FACTORS)": 0.15,
    r"^\s*CLASS\s+DETAIL\s*$": 0.15,
    r"FLSA\s+CODE\s*:": 0.1,
    r"Career\s+Service\s+Authority|Office\s+of\s+Human\s+Resources": 0.1,
    r"Level\s+of\s+Supervision\s+Exercised": 0.1,
    r"(?:class|level)\s+in\s+an?\s+\w+[\s-]+(?:class|level)\s+series": 0.15,
    r"Any\s+one\s+position\s+may\s+not\s+include\s+all": 0.1,
}

H_GENERAL = r"^\s*GENERAL\s+STATEMENT\s+OF\s+(?:CLASS\s+)?DUTIES"
H_DISTINGUISH = r"^\s*DISTINGUISHING\s+(?:CHARACTERISTICS|FACTORS)"
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



class DenverClassSpecification(Extractor):
    family = "denver-class-specification"
    cues = CUES

    def extract(self, text: str) -> Extraction:
        text = text.replace("\r\n", "\n").replace("\u00a0", " ")
        org, title = _header(text)
        body = _drop_page_headers(text, org, title)
        sec = find_sections(body, HEADINGS, flags=re.I | re.M)
        series = _series(sec.get(H_DISTINGUISH, ""), title)
        exercised = sec.get(H_EXERCISED, "")
        head = body[: m.start()] if (m := re.search(H_GENERAL, body, re.I | re.M)) else ""
        detail = sec.get(H_DETAIL, "") + "\n" + head
        code = _label(detail, _labels("job_code", "class_code"))
        years, at_class = _experience(sec.get(H_EXPERIENCE, ""))
        count = supervised_count(squash(exercised), COUNTING)
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
            education=shared_education(sec.get(H_EDUCATION, ""), whole_clause=True),  # the form's field
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
    org = _as_written(squash(m.group(1))) if m else None
    rest = text[m.end():] if m else text
    stop = re.search(H_GENERAL, rest, re.I | re.M)
    head = rest[: stop.start()] if stop else (rest[:400] if m else "")
    for line in head.splitlines():
        line = clean_title(line.replace("*", " "))
        if line and len(line.split()) <= 12 and not (PAGE.match(line) or ORG_HEADER.match(line)
                                                     or BOILERPLATE.search(line)):
            return org, _as_written(line)
    m = re.search(r"The\s+([A-Z].{2,80}?)\s+is\s+the\s+\w+\s+class\b", text)
    return org, clean_title(m.group(1)) if m else UNTITLED


def _as_written(line: str) -> str:
    """An all-capitals header line in title case: ``PARK RANGER II`` -> ``Park Ranger II``."""
    return title_case(line) if line.isupper() else line


def _drop_page_headers(text: str, org: str | None, title: str) -> str:
    """Remove ``Page N of M`` lines and the standalone org/title lines of page headers."""
    drop = {title.casefold()} | ({org.casefold()} if org else set())
    kept = [ln for ln in text.splitlines()
            if not RUNNING.match(ln) and clean_title(ln.replace("*", " ")).casefold() not in drop]
    return "\n".join(kept)


def _label(text: str, label: str) -> str | None:
    """``Label: value`` on its own line, or one of several on a line (``Job Code: X   Pay Grade: Y``)."""
    value = field_value(text, label, stop=r"[ \t]{2,}|\t|\n")
    if not value:
        m = re.search(rf"(?im)(?:^[ \t*]*|(?<=[ \t][ \t])|(?<=\t))(?:{label})[ \t*]*:[ \t*]*([^\s:][^\n:]*?)"
                      r"[ \t*]*(?=[ \t]{2,}|\t|$)", text)
        value = squash(m.group(1)) if m else None
    return clean_title(value) or None if value else None


def _labels(*keys: str) -> str:
    """The ``[form_labels] keys`` entries as one alternation."""
    return "|".join(alternation("form_labels", key) for key in keys)


def _flsa(text: str) -> str | None:
    value = _label(text, _labels("flsa"))
    if not value:
        return None
    return flsa_status(value) or value


def _pay_grade(detail: str) -> str | None:
    value = _label(detail, _labels("level"))
    if not value or "$" in value:
        return None
    value = re.sub(r"(?i)^pay\s+grade\s*", "", value)
    return f"Pay Grade {value}" if value else None


#: how a specification's prose counts whom the post supervises: a ``[words] count_verbs`` verb, maybe "a
#: team of", and a count of ``count_nouns`` (or posts: ``count_nouns_posts``).
COUNTING = Counting(teams=False, nouns=("count_nouns_posts",), reported=False)


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
        if paras and not bullet and re.search(r"[a-z]-$", paras[-1]) and s[:1].islower():
            paras[-1] = paras[-1][:-1] + s  # a word hyphenated across lines: "recom-" + "mends"
        elif paras and not bullet and _runs_on(paras[-1], s, after_blank):
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


def _experience(section: str) -> tuple[float | None, str | None]:
    text = squash(section)
    return counted_years(text), experience_class(text)
