"""Minimum education: the first degree, diploma or certificate a requirement names.

The degree is looked for first in the lines under a qualifications heading,
then anywhere, in English ("Bachelor's degree in ...", "High School Diploma")
and in the ``[words] degrees`` of each language ("baccalauréat", "licence en",
"bac +3"). What a document only prefers is not a minimum: a degree in a
clause that says "preferred", "desirable", "an asset", or under a heading such
as "Desired" or "Preferred Qualifications", is passed over (unless those are
the only qualifications the document states). A bare "degree" (no level
named) counts inside a qualifications section or where it opens its line
("- Degree from a recognized institution"), not in a note elsewhere
("positions that required possession of a degree").

The value is the degree and what qualifies it up to where the clause turns
to something else: "Bachelor's degree in Political Science" but not "... AND
five (5) years of experience", "PhD level" but not its bracketed remark.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from orgkg.extract.families.generic_duties import is_heading, marker
from orgkg.extract.lexicon import LANGUAGES, table
from orgkg.extract.rules.labels import MD_LINK
from orgkg.extract.text import clean_title

ENGLISH = (r"(?:(?:Bachelor|Master|Doctor|Associate)(?:['’]?s)?(?:\s+of\s+[A-Z]\w+)?\s+degree|"
           r"(?-i:(?:Bachelor|Master|Doctor)\s+of\s+[A-Z]\w+(?:\s+[A-Z]\w+)?)|(?-i:MBA)|"
           r"(?:Bachelor|Master)['’]?s|Ph\.?\s?D\.?|doctorate|(?:(?:university|college|post-secondary|"
           r"undergraduate|graduate)\s+)?degree(?!\s+of\b)|high\s+school\s+diploma|(?-i:GED)|diploma|"
           r"(?:tertiary|university)\s+qualifications?)")
#: a degree that names no level: counted only inside a qualifications section.
BARE = re.compile(r"(?i)degree")
QUALIFICATIONS = re.compile(r"qualif|requirement|education|experience|knowledge|exigences|profil|"
                            r"formation|diplôme|études|scolarité", re.I)
#: what may stand before a degree that opens a line: a list marker, an article.
OPENING = re.compile(r"(?i)[\s\-*\u2022\u25cf\u25aa>\d.)(\[]*(?:(?:an?|the)\s+)?")
#: a heading of what is required (a legal requirement, a licence, is not education).
REQUIRED = re.compile(r"qualif|education|experience|minimum|(?<!legal\s)requirement|exigences|diplôme|"
                      r"études|scolarité", re.I)
PREFERRED = re.compile(r"(?i)\b(?:preferred|desired|desirable|an\s+asset|nice\s+to\s+have|souhaitée?s?|"
                       r"un\s+atout|appréciée?s?)\b")
#: where the clause naming a degree turns to something else.
CLAUSE_END = re.compile(
    r"\.(?!\w)|[;:\n(]|\s+(?:and|plus|with|from|along|et|avec|ainsi\s+que)\s+|\s+AND\s+|\s+or\s+equivalent\b|"
    r",\s+(?:and|plus|or\s+an?|"
    r"or\s+equivalent|supplemented|including|preferably|ou\s+(?:une?|équivalent))\b"
    r"|\s+ou\s+(?:justifier|d['’]une?|une?\s+(?:expérience|formation))\b")


@cache
def _pattern() -> re.Pattern[str]:
    degrees = []
    for lang in LANGUAGES:
        entries = table("words", lang).get("degrees", [])
        degrees += [str(w) for w in entries] if isinstance(entries, list) else []
    other = "".join("|" + re.escape(w).replace(r"\ ", r"\s*").replace("'", "['’]")
                    for w in sorted(degrees, key=len, reverse=True))
    return re.compile(rf"(?i)\b(?:{ENGLISH}{other})(?:\b|(?<=\+)\s*\d)")


@cache
def _initials() -> frozenset[str]:
    """Degrees written in capitals by their initials (``GED``, ``M.L.S``): a degree, not a heading's word."""
    found = {"GED"}
    for lang in LANGUAGES:
        entries = table("words", lang).get("degrees", [])
        found |= {str(w) for w in entries if str(w).isupper()} if isinstance(entries, list) else set()
    return frozenset(found)


def _lines(text: str) -> Iterator[tuple[int, str, bool, bool]]:
    """(offset, line, under a qualifications heading, under a heading of what is preferred)."""
    at, inside, preferred = 0, False, False
    for ln in text.splitlines(keepends=True):
        if is_heading(ln) and marker(ln)[0] == "none":
            inside, preferred = bool(QUALIFICATIONS.search(ln)), bool(PREFERRED.search(ln))
            yield at, ln, False, preferred
        else:
            yield at, ln, inside, preferred
        at += len(ln)


def _only_preferred(line: str, m: re.Match[str]) -> bool:
    """The degree is what the document prefers: "Preferred: X", "X preferred", "X is an asset"."""
    if PREFERRED.search(re.split(r"[.;]", line[: m.start()])[-1]):  # the clause before it only
        return True
    clause = re.split(r"[.;\n]", line[m.end() :])[0]
    said = PREFERRED.search(clause)
    return said is not None and not _pattern().search(clause[: said.start()])


def _opens(line: str, m: re.Match[str]) -> bool:
    """The degree opens its line, list item or qualifications field: ``- Degree from a recognized
    institution``, ``Qualifications: Degree in accounting``, ``Qualifications  Degree in ...``."""
    before = line[: m.start()]
    if OPENING.fullmatch(before):
        return True
    label = re.match(r"([^:\t]{1,40}?)(?:[ \t]*:|\t|[ ]{2,})", before)
    return bool(label and QUALIFICATIONS.search(label.group(1)) and OPENING.fullmatch(before[label.end() :]))


def _found(text: str) -> int | None:
    """Where the first degree a requirement names starts in ``text``."""
    lines = list(_lines(text))
    # a document whose only qualifications are "Desirable Qualifications" means them as the minimum
    required = any(is_heading(ln) and REQUIRED.search(ln) and not PREFERRED.search(ln) for ln in
                   text.splitlines())
    for in_section in (True, False):
        for at, ln, inside, preferred in lines:
            if (in_section and not inside) or (preferred and required):
                continue
            for m in _pattern().finditer(ln):
                if m.group(0).isupper() and m.group(0) not in _initials():
                    continue  # a heading in capitals (``EDUCATION AND DEGREE``) names no degree
                if (not in_section and BARE.fullmatch(m.group(0)) and not _opens(ln, m)) or \
                        _only_preferred(ln, m):
                    continue
                return at + m.start()
    return None


def education(text: str) -> str | None:
    """The first degree a requirement names, with what qualifies it, or None."""
    start = _found(text)
    if start is None:
        return None
    linked = MD_LINK.sub(r"\1", re.sub(r"^([^\]\n]*)\]\([^)\s]+\)", r"\1", text[start : start + 600]))
    rest = re.sub(r"\n(?=[ \t]*[a-z])", " ", linked[:200])  # ``[Degree](https://...) from a [...](...)``
    named = _pattern().match(rest)  # the degree's own words (``graduation from high school``) end no clause
    cut = named.end() if named else 0
    phrase = clean_title(rest[:cut] + CLAUSE_END.split(rest[cut:])[0])
    return phrase[0].upper() + phrase[1:] if phrase else None
