"""Where a French posting's announcement offers the post: its school, its units and its town.

An academic posting says in one sentence, or in its title, where the post is offered: "Un poste de MCF 27
est à pourvoir au département QLIO à l'IUT Nice - Sophia Antipolis", "... est mis au concours au
département informatique de l'université de Caen Basse-Normandie et au laboratoire GREYC ... à Caen",
"Trois postes de PR ... sont mis au concours à l'Université d'Artois au profit du CRIL (...)", "Poste
d'enseignant-chercheur à l'école des Mines de Nantes". After the announcement (``[phrases] post_offered``, or
a line opening with ``[words] offered_titles``), each place it is offered at (``[words] offered_links``) is
read by its first word: a school (``[words] higher_schools``, which employs as itself) is the organisation,
a unit's word (``unit_words``, ``academic_units``) a unit (its school after a ``part_of_links`` link), a
capitalised name after a bare ``à`` the town; anything else (``à la rentrée 2011``) is passed over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from orgkg.extract.lexicon import alternation, fold, leading, words_in
from orgkg.extract.rules.labels import Found, clean
from orgkg.extract.structure import Document

#: how far after the announcement its places are read, and how early it must come.
REACH = 250
EARLY = 3000


@dataclass
class Offered:
    """The school, units and town an announcement offers the post at."""

    school: Found | None = None
    units: list[Found] = field(default_factory=list)
    town: Found | None = None


@cache
def _announced() -> re.Pattern[str]:
    """An announcement: a ``[phrases] post_offered`` phrase, or a line (a front matter's value too) opening
    with a ``[words] offered_titles`` word."""
    offered = alternation("phrases", "post_offered", r"\s+", languages=("fr",))
    titles = alternation("words", "offered_titles", r"[ \t]+", languages=("fr",))
    return re.compile(rf"(?<!\w)(?:{offered})(?!\w)|^(?:\w+:[ \t]*)?(?:{titles})(?![\w'\u2019])",
                      re.I | re.M)


@cache
def _place() -> re.Pattern[str]:
    """A place the post is offered at: its link (``à l'``, ``au``, ``au profit du``), then its name up to the
    next link, ``et``, a comma, a bracket or the sentence's end."""
    links = leading("words", "offered_links", r"\s+", languages=("fr",))
    units = leading("words", "offered_unit_links", r"\s+", languages=("fr",))
    return re.compile(rf"(?i)(?<![^\s(])(?:(?P<unit_link>{units})|(?P<link>{links}))"
                      r"(?P<name>[^\W\d_](?:(?!\s+(?:à|au|aux|et)\s)[^,;:.()\n\r]|\n(?!\s*\n)|\.(?=\w))*)")


@cache
def _of_school() -> re.Pattern[str]:
    """A unit's link to its school: `` de l'université de Caen``, `` du LIRMM``."""
    links = "|".join(re.escape(w) for w in sorted(words_in("fr", "words", "part_of_links"), key=len,
                                                   reverse=True))
    return re.compile(rf"\s+(?:{links})\s*(?=\w)".replace("'", "['\u2019]"), re.I)


def _kind(name: str) -> str | None:
    said = fold(name)
    first = said.split()[0]
    if any(said == s or said.startswith(s + " ") for s in words_in("fr", "words", "higher_schools")):
        return "school"
    if first in words_in("fr", "words", "unit_words") | words_in("fr", "words", "academic_units"):
        return "unit"
    return None


#: a town's name, one word maybe hyphenated (``Caen``, ``Aix-en-Provence``): two words are as often a body's
#: (``à Polytechnique Montréal``).
TOWN = re.compile(r"[A-Z\u00c0-\u00de][\w'\u2019]*(?:-[\w'\u2019]+)*")


@lru_cache(maxsize=2)
def offered_at(doc: Document) -> Offered:
    """What the first announcements (``_announced``) read offer the post at, each the first found."""
    out = Offered()
    front = doc.lines[doc.front_end].start if doc.front_end < len(doc.lines) else 0
    for cue in _announced().finditer(doc.text, 0, EARLY):
        stop = re.search(r"[.;:!?](?=\s|$)|\n[ \t]*\n[ \t]*[A-Z\u00c0-\u00de]" if cue.start() >= front
                         else r"\n", doc.text[cue.end() : cue.end() + REACH])
        end = cue.end() + (stop.start() if stop else REACH)
        for m in _place().finditer(doc.text, cue.end(), end):
            _read(doc, m, out)
    return out


def _read(doc: Document, m: re.Match[str], out: Offered) -> None:
    start, end = m.start("name"), m.end("name")
    kind = "unit" if m.group("unit_link") else _kind(m.group("name"))
    if kind == "school" and out.school is None:
        out.school = clean(doc, start, end)
    elif kind == "unit":
        of = _of_school().search(doc.text, start, end)
        if of and _kind(doc.text[of.end() : end]) == "school":
            if out.school is None:
                out.school = clean(doc, of.end(), end)
            end = of.start()
        if (unit := clean(doc, start, end)) and fold(unit[0]) not in {fold(u[0]) for u in out.units}:
            out.units.append(unit)
    elif kind is None and out.town is None and fold(m.group("link") or "") == "a" and \
            TOWN.fullmatch(m.group("name").strip()):
        out.town = clean(doc, start, end)
