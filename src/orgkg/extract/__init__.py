"""Extract: normalised text of one document -> typed records (no RDF here).

``EXTRACTORS`` is the explicit family-name -> class table; ``recognise``
picks the family of a text, falling back to the generic extractor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from orgkg.errors import NotAPositionError
from orgkg.extract.base import Extractor
from orgkg.extract.evidence import attach
from orgkg.extract.families.alberta import AlbertaPositionProfile
from orgkg.extract.families.bc_benchmark import BCBenchmarkJob
from orgkg.extract.families.denver import DenverClassSpecification
from orgkg.extract.families.generic import GenericDescription
from orgkg.extract.families.goc_ex import GoCExecutivePosition
from orgkg.extract.families.montana import MontanaJobProfile
from orgkg.extract.lexicon import opening_words, words
from orgkg.extract.records import UNTITLED, Evidence, Extraction
from orgkg.extract.rules.titles import title
from orgkg.extract.rules.values import clean_value, sanitise, short_title
from orgkg.extract.structure import parse
from orgkg.extract.text import tidy

EXTRACTORS: dict[str, type[Extractor]] = {
    cls.family: cls
    for cls in (
        GoCExecutivePosition,
        AlbertaPositionProfile,
        BCBenchmarkJob,
        DenverClassSpecification,
        MontanaJobProfile,
        GenericDescription,
    )
}

GENERIC = GenericDescription.family
#: Below this score a family's cues are too weak and the generic extractor reads the text.
MIN_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Recognition:
    family: str
    confidence: float


def recognise(text: str) -> Recognition:
    """The family whose cues ``text`` matches best, or ``generic`` (the text tidied first)."""
    return _recognise(tidy(text))


def _recognise(text: str) -> Recognition:
    best = Recognition(GENERIC, 0.0)
    for name, cls in EXTRACTORS.items():
        if name == GENERIC:
            continue
        score = cls().recognise(text)
        if score > best.confidence:
            best = Recognition(name, score)
    if best.confidence < MIN_CONFIDENCE:
        # how much the text speaks of a job, not only how little the families' cues matched
        said = words("words", "position_words").intersection(opening_words(text))
        return Recognition(GENERIC, round(min(1.0 - best.confidence, len(said) / JOB_WORDS), 2))
    return best


def extract(text: str, family: str | None = None) -> Extraction:
    """Recognise (unless ``family`` is given) and extract one document's text.

    The text is tidied first (``text.tidy``); call this rather than a family's
    ``extract`` directly.
    """
    return extract_tidy(tidy(text), family)


def extract_tidy(text: str, family: str | None = None) -> Extraction:
    """``extract`` of a text already tidied (``text.tidy``): the build's, whose offsets the evidence
    counts in."""
    found = Recognition(family, 1.0) if family else _recognise(text)
    result = EXTRACTORS[found.family]().extract(text)
    result.family = found.family
    result.confidence = found.confidence
    sanitise(result)
    if result.subject.title == UNTITLED:
        named_title(text, result)
    if found.family == GENERIC and not family:
        facts = position_facts(result)
        if not facts and not speaks_of_a_position(text):
            raise NotAPositionError("document", "not a position description",
                                    "no title field, duties, reporting line, level, class or organisation")
        # generic's confidence is how much of a position it found, not how little the families did
        result.confidence = round(min(1.0, len(facts) / FULL), 2)
    attach(text, result)
    return result


def named_title(text: str, ex: Extraction) -> None:
    """A post its family left untitled takes the title the structure names: a title field
    (``* Title: X``, ``Titre du poste : X``) or the first heading that reads as a title."""
    if found := title(parse(text)):
        name, span = found
        ex.subject.title = short_title(clean_value(name) or UNTITLED)
        if ex.subject.title == name:
            ex.evidence.append(Evidence.at("title", name, span, text))


def speaks_of_a_position(text: str) -> bool:
    """Prose of some length that uses the words of a job (``position``, ``duties``, ``poste`` ...)."""
    found = re.findall(r"\w+", text.casefold())
    return len(found) >= 50 and bool(set(found) & words("words", "position_words"))


#: as many of a job's words (``position``, ``duties``, ``salary`` ...) as make a text surely about one.
JOB_WORDS = 4
#: as many kinds of position fact as make a reading certain.
FULL = 5


def position_facts(ex: Extraction) -> set[str]:
    """The kinds of position fact an extraction holds (beyond a title read from a bare first line)."""
    s, o = ex.subject, ex.organisation
    found = {
        "duties": bool(s.duties), "reports_to": bool(s.reports_to or s.direct_reports),
        "level": bool(s.level or s.job_class), "organisation": bool(o.organization or o.units),
        "qualifications": bool(s.education or s.experience_years is not None),
        "identifiers": bool(s.identifiers), "figures": bool(s.budgets or s.staff_counts or s.factors),
        "location": bool(o.location), "flsa": bool(s.flsa),
    }
    return {k for k, v in found.items() if v}


__all__ = ["EXTRACTORS", "Extractor", "Recognition", "extract", "extract_tidy", "recognise"]
