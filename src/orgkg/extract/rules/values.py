"""The last word on every value: nothing that is not part of it survives.

Whatever rule read a value, it never keeps a template placeholder
(``{{ page.title }}``), a markdown bullet or another field run into it
(``Chief Operating Officer * Effective``, ``Programs * Position Number: 10442``),
quotes around it, or markdown emphasis; a title is at most 120 characters.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from orgkg.extract.lexicon import alternation
from orgkg.extract.records import UNTITLED, Extraction, MentionedPosition
from orgkg.extract.rules.subordinates import CLASSIFIED, NUMBER
from orgkg.extract.structure import PLACEHOLDER
from orgkg.extract.structure.fields import RUN_IN as RUN_IN_LABEL

MAX_TITLE = 120
RUN_IN_BULLET = re.compile(r"\s+[*\u2022]\s+\S")
QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def clean_value(value: str | None) -> str | None:
    """``value`` without placeholders, run-in bullets or labels, quotes and emphasis; None if empty."""
    if value is None:
        return None
    if PLACEHOLDER.search(value) or re.fullmatch(r"\s*\[[^\]]*\]\s*", value):
        return None  # ``{{ page.title }}``, ``[to include]``
    if m := RUN_IN_BULLET.search(value):
        value = value[: m.start()]
    if (m := RUN_IN_LABEL.search(value)) and m.start() > 0:
        value = value[: m.start()]
    value = value.replace("**", "").replace("__", "").strip()
    if len(value) >= 2 and value[0] in QUOTES and value[-1] in QUOTES:
        value = value[1:-1].strip()
    return value or None


#: a town in a street address: ``919 SW Grady Way, Renton, WA 98057``, ``14, avenue Duquesne, 75007 Paris``.
TOWN = re.compile(r"([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?),[ \t]*[A-Z]{2}[ \t]+\d{5}"
                  r"|\b\d{5}[ \t]+([A-Z][a-z\u00e0-\u00ff]+(?:[ -][A-Z][a-z\u00e0-\u00ff]+)*)")


#: a postal code closing an address: ZIP, Canadian ``M5V 3C6``, UK ``OX11 0QX``, French ``75007``.
POSTCODE = re.compile(r"\b(?:\d{5}(?:-\d{4})?|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d"
                      r"|[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2})\b")
#: a closing remark in brackets, not an acronym: ``Lyon (direction régionale)``.
REMARK = re.compile(r"(?<=\S)\s*\([^()]*\s[^()]*\)$")
#: where a place goes on as a sentence (``[words] sentence_goes_on``): ``Ventura and may require travel ...``,
#: ``Paris et peut ...``.
SENTENCE_ON = re.compile(rf",?\s+(?:{alternation('words', 'sentence_goes_on')})\s+(?=[a-zà-ÿ])")




def place(value: str | None) -> str | None:
    """A place of work, not a sentence about it: its words before a clause goes on in lower case
    (``Ventura and may require travel``) or a remark in brackets; a street address kept whole;
    else a long value gives its town, or nothing."""
    value = clean_value(value)
    if value and (m := SENTENCE_ON.search(value)) and m.start() > 0:
        value = value[: m.start()]
    if value:  # a closing remark in brackets, not an acronym: ``Lyon (direction régionale)``
        value = REMARK.sub("", value)
    if value is None or len(value.split()) <= 8:
        return value
    if (len(value.split()) <= 14 and POSTCODE.search(value[-12:])
            and not re.search(r"\b[a-zà-ÿ]{4,}\b", value)):
        return value  # ``Metro Hall, 55 John St, Toronto, ON M5V 3C6``
    town = TOWN.search(value)
    return (town.group(1) or town.group(2)) if town else None


def short_title(title: str) -> str:
    """A title of at most 120 characters: its first clause, else cut at a word."""
    if len(title) <= MAX_TITLE:
        return title
    first = re.split(r"[.;:]\s|\s[-\u2013\u2014]\s", title)[0]
    if len(first) <= MAX_TITLE:
        return first.strip()
    return title[:MAX_TITLE].rsplit(" ", 1)[0].rstrip(" ,;:")


@cache
def _post_tail() -> re.Pattern[str]:
    """What closes a post's title without being part of it: its classification (``(EX-01)``), its number
    (``(Position #12345)``), whoever stands in for it (``[words] designees``: ``or designee``)."""
    designees = alternation("words", "designees")
    return re.compile(rf"(?i)(?:{CLASSIFIED.pattern}|{NUMBER.pattern}\s*$|[ \t,]+(?:{designees})\.?\s*$)")


def _mentioned(found: list[MentionedPosition]) -> list[MentionedPosition]:
    """Each post's title clean (``clean_value``), without what closes it and is no part of it
    (``_post_tail``)."""
    out = []
    for m in found:
        title = clean_value(m.title)
        tail = _post_tail().search(title) if title else None
        title = title[: tail.start()].rstrip(" ,") if title and tail and tail.start() > 0 else title
        if title:
            out.append(replace(m, title=short_title(title)))
    return out


def sanitise(ex: Extraction) -> None:
    """Clean every string value of ``ex`` in place."""
    s, o = ex.subject, ex.organisation
    s.title = short_title(clean_value(s.title) or UNTITLED)
    s.other_titles = [short_title(t) for t in map(clean_value, s.other_titles) if t]
    s.reports_to, s.direct_reports, s.peers = (_mentioned(s.reports_to), _mentioned(s.direct_reports),
                                               _mentioned(s.peers))
    s.level, s.education = clean_value(s.level), clean_value(s.education)
    s.duties = list(dict.fromkeys(s.duties))  # a duty said twice is one (the graph's register keeps it once)
    o.organization, o.location = clean_value(o.organization), place(o.location)
    o.jurisdiction = clean_value(o.jurisdiction)
    o.units = [(name, kind) for name, kind in ((clean_value(n), k) for n, k in o.units) if name]
    if s.job_class and s.job_class.title:
        s.job_class = replace(s.job_class, title=clean_value(s.job_class.title))
