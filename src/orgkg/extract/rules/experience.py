"""Minimum years of experience, English and French, read where a requirement stands.

A count of experience is said four ways: a number before its words ("five (5) years of progressively
responsible experience", ``counted_years``), a ``[phrases] experience`` template ("{n} ans d'expérience",
"minimum of {n} years"), a number under an experience label ("Experience: 3+ years", "Années
d'expérience : 2") and months as a share of a year ("six months", "6 mois d'expérience" are 0.5). Of every
count a document says, the one read is the first where a requirement stands (``education.standing``):
under a qualifications heading before anywhere else, never in an employer's description or a duty when a
qualifications section says one, under "Preferred Qualifications" or "Atouts" only where no heading says
what is required, and in a clause that only prefers it ("5 years preferred", "serait appréciée") last.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from orgkg.extract.lexicon import LANGUAGES, alternation, numbers, table
from orgkg.extract.needles import AtLineStart, Needled, lowered
from orgkg.extract.rules.education import preferred_clause, standing
from orgkg.extract.rules.figures import phrase_numbers
from orgkg.extract.structure import Document, Span
from orgkg.extract.text import NUMBER, to_number

#: a count found: its value and where its number stands.
Count = tuple[float, Span]


def experience_years(doc: Document) -> Count | None:
    """The minimum years of experience ``doc`` asks, and where its number stands."""
    return minimum_years(doc.text)


def counted_years(text: str) -> float | None:
    """The minimum years of experience ``text`` asks (``minimum_years``), without where."""
    found = minimum_years(text)
    return found[0] if found else None


def minimum_years(text: str) -> Count | None:
    """Of every count of experience ``text`` says, the first where a requirement stands (the module's
    doc); a count in a clause only preferring it only where no other is said."""
    rank: Callable[[int], int | None] | None = None  # where each line stands, read at the first count
    best: tuple[int, int, Count] | None = None
    for value, span in _counts(text):
        rank = rank or standing(text)
        where = rank(span.start)
        if where is None or _aged().match(text, span.end) or _schooling().match(text, span.end):
            continue  # not where a requirement stands, an age ("at least 16 years of age"), or schooling
            # ("experience equivalent to four years of college")
        if preferred_clause(text, span.start, span.end):
            where = 3
        if best is None or (where, span.start) < best[:2]:
            best = (where, span.start, (value, span))
    return best[2] if best else None


def _counts(text: str) -> Iterator[Count]:
    """Every count of experience ``text`` says, in the four ways, and a count in an experience label's."""
    for m in _counted().finditer(text):
        if _substitutes().search(re.split(r"[.;]\s|\n", text[max(0, m.start() - 200) : m.start()])[-1]):
            continue  # "Two years of college may substitute for one year of the required experience"
        if (years := to_number(m.group("n"))) is not None:
            yield (round(years / 12, 2) if m.group("months") else years), Span(m.start("n"), m.end("n"))
    for n, span in _phrased("experience", text):
        yield float(n), span
    for label in (_years_label(), _counted_label()):
        for m in label.finditer(text):
            said = m.group(1)
            count = int(said) if said.isdigit() else numbers().get(said.casefold())
            if count is not None:
                yield float(count), Span(m.start(1), m.end(1))
    for n, span in _phrased("experience_months", text):
        yield round(n / 12, 2), span
    # the label says what is counted: "Experience: ... Normally, four years of office support work"
    for m in _in_label_value().finditer(text):
        if _recent().search(text, max(0, m.start("n") - 20), m.start("n")):
            continue  # "within the last 10 years": when, not how long
        if (years := to_number(m.group("n"))) is not None:
            yield (round(years / 12, 2) if m.group("months") else years), Span(m.start("n"), m.end("n"))


def _phrased(group: str, text: str) -> Iterator[tuple[int, Span]]:
    """``phrase_numbers(group, text)``, read only where a template may say it: where the lowercased text
    holds every word of one of ``group``'s templates (``_template_words``); most documents say no months,
    and the templates, tried at every number, were a third of the rule's time."""
    low = lowered(text)
    if low is None or any(all(w in low for w in said) for said in _template_words(group)):
        yield from phrase_numbers(group, text)


@cache
def _template_words(group: str) -> tuple[frozenset[str], ...]:
    """The words of each ``[phrases] group`` template, lowercased, its slots (``{n}``) left out."""
    said = (table("phrases", lang).get(group) for lang in LANGUAGES)
    entries = (e for each in said if isinstance(each, list) for e in each)
    return tuple(frozenset(re.findall(r"[^\W\d_]+", re.sub(r"\{\w\}", " ", str(e)).lower())) for e in entries)


@cache
def _recent() -> re.Pattern[str]:
    """``[words] experience_recency`` ending the text before a count: "within the last", "in the past"."""
    return re.compile(rf"(?i)\b(?:{alternation('words', 'experience_recency', languages=('en',))})\s+$")


@cache
def _in_label_value() -> AtLineStart:
    """A count of years (or months) of something in the value of an experience label (``[labels]
    experience_years``), the label saying what is counted: "Experience: Any combination of work experience and
    training ... Normally, four years of increasingly responsible office support work". English."""
    def en(key: str) -> str:
        return alternation("words", key, languages=("en",))
    labels = alternation("labels", "experience_years", r"[ \t]+", languages=("en",))
    unit = rf"(?:(?P<years>{en('experience_year_units')})|(?P<months>{en('experience_month_units')}))"
    return AtLineStart(rf"[ \t]*(?:[-*\u2022][ \t]*)?(?:{labels})[ \t]*:[^\n]*?(?<!\w)(?P<n>{NUMBER})"
                       rf"(?:[ \t]*\(\d{{1,2}}\))?[ \t]+{unit}[ \t]+(?:of|in)\b", re.I)


@cache
def _aged() -> re.Pattern[str]:
    """A count's year word (``[words] year_words``) then an age's (``age_words``), after its number."""
    return re.compile(rf"(?i)(?:\s*\(\d+\))?[\s-]*(?:{alternation('words', 'year_words')})\s+"
                      rf"(?:{alternation('words', 'age_words')})\b")


@cache
def _schooling() -> re.Pattern[str]:
    """A count's year word (``[words] year_words``) then what is schooling (``experience_not_of``), after its
    number."""
    return re.compile(rf"(?i)(?:\s*\(\d+\))?[\s-]*(?:{alternation('words', 'year_words')})\s+"
                      rf"(?:{alternation('words', 'experience_not_of', languages=('en',))})\b")


@cache
def _substitutes() -> re.Pattern[str]:
    return re.compile(rf"(?i)\b(?:{alternation('words', 'experience_substitutes', languages=('en',))})\b")


@cache
def _counted() -> Needled:
    """A number, its unit (``[words] experience_year_units``, ``experience_month_units``) and up to ten
    words before an ``experience_nouns`` word; between the number and the unit, figures in brackets, a
    floor (``experience_number_floors``), a range (``experience_number_ranges`` and a word, or a hyphen and
    a number), an ``experience_unit_kinds`` word; a hyphen only before an ``experience_hyphened_units``
    unit. English."""
    def en(key: str) -> str:
        return alternation("words", key, languages=("en",))
    between = rf"(?:\+|{en('experience_number_floors')}|(?:{en('experience_number_ranges')})\s+\w+|-\s*\d+)"
    unit = rf"(?:(?P<years>{en('experience_year_units')})|(?P<months>{en('experience_month_units')}))"
    hyphen = rf"-(?=(?:{en('experience_hyphened_units')}))"
    # never another unit among the words up to "experience": "four years of college and two years of
    # experience" counts the college, then the experience
    word = rf"(?!(?:{en('experience_year_units')}|{en('experience_month_units')})\b)[\w/,*'\u2019-]+"
    return Needled(rf"(?P<n>\b{NUMBER}\b)(?:\s*\(\d+\))?\s*{between}?(?:\s+|{hyphen})"
                   rf"(?:(?:{en('experience_unit_kinds')})\s+)?{unit}['\u2019]?\+?\s+(?:(?:{en('number_links')})\s+)?"
                   rf"(?:{word}\s+){{0,10}}?(?:{en('experience_nouns')})", re.I)


@cache
def _counted_label() -> AtLineStart:
    """A label that says the unit (``[labels] experience_years_counted``) and a number alone after it, on
    its line or the next, or in its table row, or the first of a range: "Années d'expérience : 2", "Years of
    experience: 2-5", "| Years of experience | 3 |"."""
    bullet, gap = r"(?:[-*\u2022|][ \t]*)?", r"[ \t]+"
    labels = alternation("labels", "experience_years_counted", gap)
    return AtLineStart(rf"[ \t]*{bullet}(?:{labels})[ \t]*[:|][ \t]*(?:\n[ \t]*{bullet})?(\d{{1,2}})\+?[ \t]*"
                       r"(?=$|\||[-\u2013][ \t]*\d)", re.I | re.M)


@cache
def _years_label() -> AtLineStart:
    """Years under an experience label (``[labels] experience_years``), in figures or words, on its line or
    the next, or in its table row: "Experience: 5 years", "• Experience" / "5 Year", "Expérience : 3 ans", "|
    Experience | 4 years |", "Minimum Experience: Five years"."""
    bullet, gap = r"(?:[-*\u2022|][ \t]*)?", r"[ \t]+"
    labels = alternation("labels", "experience_years", gap)
    spelled = "|".join(sorted(numbers(), key=len, reverse=True))
    units = alternation("words", "year_words", gap)
    return AtLineStart(rf"[ \t]*{bullet}(?:{labels})[ \t]*[:\u2013\u2014|-]?[ \t]*"
                       rf"(?:\n[ \t]*{bullet})?(?:minimum[ \t]+(?:of[ \t]+|de[ \t]+)?)?"
                       rf"(\d{{1,2}}|(?:{spelled})\b)(?:[ \t]*\(\d{{1,2}}\))?\+?[ \t]*(?:{units})\b", re.I)
