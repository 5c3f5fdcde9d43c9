"""How many the post supervises where its prose counts them, one reader (``supervised_count``) a family
configures (``Counting``).

A verb and the count after it ("supervises 5", "supervision of 12 staff", ``[words] count_verbs``), a team
the post leads ("leads a team of approximately 10", ``team_verbs``), or a count before who reports to the
post ("8 direct reports", "5 staff report directly to this position", ``[phrases] reports_counted``); never a
class's floor ("the supervision of three or more employees", ``[words] count_floors``). The figures a label
states are ``rules.reporting.supervises_stated``'s; a team's size in French, ``rules.figures.team_led``'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from orgkg.extract.lexicon import BLANKS, alternation
from orgkg.extract.needles import Needled, positions
from orgkg.extract.rules.staff import count_nouns, floor
from orgkg.extract.text import NUMBER, NUMBER_WORDS, to_int

N = rf"\b{NUMBER}\b"
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Counting:
    """How a family's prose counts whom the post supervises: ``verbs``, the ``[words]`` keys of the verbs
    before the count (``count_verbs``; Alberta's ``direct_count_verbs``: "directly supervises 6"); ``teams``:
    also a ``team_verbs`` verb and a team ("leads a small team of 6"); ``nouns``: where given, who the count
    counts must follow it, maybe ``[words] count_adjectives`` ("full-time"), a ``count_nouns`` word or one of
    these keys' (Denver's ``count_nouns_posts``: "supervises 4 positions"); ``reported``: also a count before
    a ``[phrases] reports_counted`` phrase ("8 direct reports") or ``[words] reporting_nouns`` and a
    ``[phrases] reporting_to_post`` phrase ("5 professional staff report directly to this position")."""

    verbs: tuple[str, ...] = ("count_verbs",)
    teams: bool = True
    nouns: tuple[str, ...] | None = None
    reported: bool = True


#: what the shared rules (the generic family) read: every way.
GENERIC = Counting()


def supervised_count(text: str, how: Counting = GENERIC) -> int | None:
    """The count the first of ``how``'s ways to match in ``text`` gives (a verb's where a verb and a
    reported count start at one place)."""
    led, reported = _counting(how)
    first = led.search(text)
    second = reported.search(text) if reported else None
    said = first if first and (not second or first.start() <= second.start()) else second
    return to_int(said.group(1)) if said else None


@cache
def _counting(how: Counting) -> tuple[Needled, Needled | None]:
    """Two patterns, searched apart: the first starts with a verb (tried only where one stands), the second
    with a number (tried only where one starts: ``_number_places``)."""
    about, team = alternation("words", "approximately"), alternation("words", "team_nouns")
    verbs = "|".join(alternation("words", key) for key in how.verbs)
    if how.teams:
        verbs += rf"|(?:{alternation('words', 'team_verbs')})\s+an?\s+(?:[\w&-]+\s+){{0,2}}?(?:{team})\s+of"
    who = "" if how.nouns is None else \
        rf"\s+(?:(?:{alternation('words', 'count_adjectives')})\s+)?(?:{count_nouns(*how.nouns)})\b"
    led = Needled(rf"(?:{verbs})\s+(?:a\s+(?:{team})\s+of\s+|(?:[\w-]+\s+){{0,4}}?\()?(?:(?:{about})\s+)?"
                  rf"({N})(?!\s*%)(?!{floor().pattern}){who}", re.I)
    if not how.reported:
        return led, None
    nouns, to_post = alternation("words", "reporting_nouns"), alternation("phrases", "reporting_to_post")
    return led, Needled(rf"({N})[ \t]+(?:{alternation('phrases', 'reports_counted', BLANKS)}"
                        rf"|(?:\w+\s+){{0,3}}(?:{nouns})\s+(?:{to_post}))", re.I, places=_number_places)


def _number_places(text: str, low: str) -> list[int]:
    """Where an ``N`` can start (``Needled``'s places): a run of digits, a number's word (in the lowercased
    text ``low``)."""
    found = {m.start() for m in _DIGITS.finditer(low)}
    for word in NUMBER_WORDS:
        found.update(positions(low, word.lower()))
    return sorted(found)
