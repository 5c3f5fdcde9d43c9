"""Figures written around a number: years of experience and staff counts, English and French (budgets:
rules/budgets).

Each ``[phrases] experience`` / ``[phrases] staff`` entry is a template with
``{n}`` where the number stands (digits, ``1 200`` with a space or a
non-breaking space, or a ``[numbers]`` word), ``{m}`` where another number
stands (``{n} à {m} ans``: the first is the minimum), ``{w}`` where any one
word stands and ``{p}`` where any ``[words] counted_staff`` entry stands:
"{n} ans d'expérience", "expérience {w} de {n} ans" (``expérience
professionnelle de 5 ans``), "{n} {p}" (``12 collaborateurs``, ``45 FTEs``). An approximate number
(``[approximate]``: "une soixantaine de collaborateurs") stands for its value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from types import MappingProxyType

from orgkg.extract.lexicon import LANGUAGES, alternation, numbers, said, table, written
from orgkg.extract.needles import Needled, folded, lowered
from orgkg.extract.records import StaffCount
from orgkg.extract.rules.labels import headed
from orgkg.extract.structure import Document, Span, per_document


@cache
def _numbers() -> Mapping[str, int]:
    """Numbers in words and approximate ones (``[numbers]``, ``[approximate]``); read-only, as cached."""
    approximate = {str(k): int(str(v)) for lang in LANGUAGES for k, v in table("approximate", lang).items()}
    return MappingProxyType({**numbers(), **approximate})


@cache
def _approximate() -> str:
    """``soixantaine de``, ``dozen``: an approximate number and the linking word after it."""
    names = [str(k) for lang in LANGUAGES for k in table("approximate", lang)]
    return "|".join(sorted(names, key=len, reverse=True)) or "(?!)"


#: a number in words repeated in figures in brackets, after it: ``trois (3) années``, ``nine (9) staff``.
FIGURES = re.compile(r"[ \t]*\(\d{1,3}\)")
#: one word in a template (``{w}``): ``expérience {w} de {n} ans``.
WORD = r"[^\W\d_][\w\u00b7-]*"
@cache
def _other() -> str:
    """A second number, not the one read (``{m}``): ``{n} à {m} ans d'expérience`` reads the minimum;
    in figures or in words (``Two to five years``)."""
    exact = (w for w in _numbers() if w not in _approximate().split("|"))
    return rf"(?:\d{{1,3}}|{'|'.join(sorted(exact, key=len, reverse=True))})"


@cache
def _parts(group: str) -> tuple[str, list[str]]:
    """The number a template's ``{n}`` stands for, and each template of ``group`` with its slots."""
    exact = (w for w in _numbers() if w not in _approximate().split("|"))
    words_ = "|".join(sorted(exact, key=len, reverse=True))
    number = (rf"(?P<n>\d{{1,3}}(?:[ \u00a0\u202f,'\u2019]\d{{3}})*(?!\d)|(?:{_approximate()})"
              rf"(?:\s+(?:de|d['\u2019]|of))?|(?:{words_})(?:{FIGURES.pattern})?)")
    parts = []
    for lang in LANGUAGES:
        entries = table("phrases", lang).get(group, [])
        for entry in entries if isinstance(entries, list) else []:
            words = said(str(entry))
            words = words.replace(r"\{n\}\s+", "{n}(?:(?<=['\u2019])|\\s+)")  # ``centaine d'agents``
            words = words.replace(r"\{p\}", f"(?:{alternation('words', 'counted_staff')})")
            for slot in ("n", "w", "m"):
                words = words.replace(rf"\{{{slot}\}}", f"{{{slot}}}")
            parts.append(words)
    return number, list(dict.fromkeys(parts))  # ``{n} {p}`` in both languages: tried once


@cache
def _template(group: str) -> re.Pattern[str]:
    number, parts = _parts(group)
    filled = (f"(?:{p.format(n=number, w=WORD, m=_other())})" for p in parts)
    alternation = "|".join(filled).replace("(?P<n>", "(?:")
    # never the decimals of a number: ``1,25 ETP`` is no staff of 25; never its last thousands: ``1'400``
    return re.compile(rf"(?i)(?<!\w)(?<!\d[,.'\u2019])(?:{alternation})(?!\w)")


@cache
def _starts(group: str, folded: bool = False) -> Needled:
    """Where a template of ``group`` can start: the words before its first slot, else that slot;
    only at a character one of them starts with (``_first``: most words are passed over at once,
    not tried against every template's start: half the time of the figures rules). ``folded``: the
    same, case-sensitive, to be searched in the lowercased text (``_places``)."""
    heads = _heads(group)
    number = _parts(group)[0]
    filled = (f"(?:{h.format(n=number, w=WORD, m=_other())})" for h in heads)
    alternation = "|".join(filled).replace("(?P<n>", "(?:")
    first = _first(heads)
    check = f"(?=[{first}])" if first else ""
    return Needled(rf"{'' if folded else '(?i)'}(?<!\w){check}(?=(?:{alternation}))")


def _places(group: str, text: str) -> Iterator[int]:
    """Where ``_starts(group)`` stand in ``text``: where the heads, written in lowercase as the
    lexicon writes them, stand in the lowercased text (a case-sensitive search is a third quicker:
    ``_sre`` compares a case-insensitive literal character by character, a case-sensitive
    alternation skips the branches whose first character differs), else where ``_starts`` match."""
    starts = _starts(group)
    if not starts.may_match(text):
        return iter(())
    folded = _starts(group, folded=True).pattern
    low = lowered(text) if folded.pattern == folded.pattern.lower() else None
    found = starts.pattern.finditer(text) if low is None else folded.finditer(low)
    return (m.start() for m in found)


def _heads(group: str) -> list[str]:
    return list(dict.fromkeys(p.split("{", 1)[0] or p[: p.index("}") + 1] for p in _parts(group)[1]))


def _first(heads: list[str]) -> str | None:
    """The characters the ``heads`` start with, as a character class's body (``\\d`` for a number);
    None when a head may start otherwise (a word slot, a group)."""
    numbers = [*_numbers(), *(w for w in _approximate().split("|") if w != "(?!)")]
    starts = set()
    for head in heads:
        if head.startswith(("{n}", "{m}")):  # a number: in figures or in words
            starts |= {"\\d", *(w[0] for w in numbers)}
        elif head[:1].isalpha():
            starts.add(head[0])
        else:
            return None
    return None if any(not s.isalpha() and s != "\\d" for s in starts) else "".join(sorted(starts))


def _matches(group: str, text: str) -> Iterator[re.Match[str]]:
    """``_template(group).finditer(text)``, the templates tried only where one can start: every
    template tried at every word took most of a document's extraction time; and first, case-sensitive, in
    the lowercased text (``needles.folded``), the template itself only where that matches."""
    template, lower, pos = _template(group), folded(_template(group)), 0
    low = lowered(text) if lower is not None else None
    for start in _places(group, text):
        if start < pos or (lower is not None and low is not None and not lower.match(low, start)):
            continue
        if m := template.match(text, start):
            yield m
            pos = m.end()


def _value(token: str) -> int | None:
    token = re.sub(r"[ \u00a0\u202f,'\u2019]", "", token.casefold())
    return int(token) if token.isdigit() else _numbers().get(token)


@cache
def number() -> re.Pattern[str]:
    """A number in figures or in words (``[numbers]``, ``[approximate]``); its thousands apart by a space, a
    comma or, as in Switzerland, an apostrophe (``1'400 collaborateurs``)."""
    return re.compile(r"\d{1,3}(?:[ \u00a0\u202f,'\u2019]\d{3})*(?!\d)|\b(?:" + "|".join(_numbers()) + r")\b",
                      re.I)


def _number_in(text: str, *, last: bool = False) -> tuple[int, int] | None:
    """The span of the number inside a matched phrase (its first, or its ``last``)."""
    found = list(number().finditer(text))
    m = found[-1 if last else 0] if found else None
    return (m.start(), m.end()) if m else None


def phrase_numbers(group: str, text: str) -> Iterator[tuple[int, Span]]:
    """The number each ``[phrases] group`` template says in ``text`` and where it stands: "{n} years of
    experience", "expérience de {n} ans" (the first number of a range, ``{n} à {m} ans``)."""
    for m in _matches(group, text):
        if (at := _number_in(m.group(0))) and (n := _value(m.group(0)[at[0] : at[1]])):
            yield n, Span(m.start() + at[0], m.start() + at[1])


#: the linking words around a number, not part of a scope (``[words] number_links``): ``d'environ``, ``de``,
#: ``of``; an elided one (``d'``) also before a word.
_ELIDED = "|".join(said(w) for w in written("words", "number_links") if w.endswith("'")) or "(?!)"
LINKS = re.compile(rf"(?i)(?:^|\s)(?:{alternation('words', 'number_links')})(?=\s|$)"
                   rf"|^(?:{_ELIDED})|(?<=\s)(?:{_ELIDED})")


#: a labelled staff figure: a whole number opening the value (``45``, ``approximately 1,200``).
LABELLED_COUNT = re.compile(r"[ \t]*(?:approximately[ \t]+|about[ \t]+|environ[ \t]+)?"
                            r"(\d{1,3}(?:[ \u00a0\u202f,]\d{3})*|\d+)(?![\d.%$€£-])")


#: the scope said after a labelled figure: ``6 (direct)``, ``4 en direct``, ``12 employees (direct)``.
_SAID = re.compile(r"(?:[ \t]+(?:en[ \t]+)?[^\W\d_][\w-]*)?(?:[ \t]*\([^()\n]{2,30}\))?")
#: a figure after another, its scope in brackets or a word after it: ``, 14 (indirect)``, ``, 35 indirect``,
#: ``, 18 en indirect``, `` / 40`` (the label's scope: ``Employees supervised (direct/indirect): 3 / 40``).
SCOPED_COUNT = re.compile(r"[ \t]*[,;/][ \t]*(?:(?:and|et)[ \t]+)?(\d{1,5})(?![\d.,%$€£-])"
                          r"(?:[ \t]*\(([^()\n]{2,30})\)|[ \t]+((?:en[ \t]+)?[^\W\d_][\w-]*))?")


def _labelled_staff(doc: Document) -> Iterator[tuple[StaffCount, Span]]:
    """A figure under a ``[labels] staff`` label: ``FTEs: 45``, ``Staff supervised: 12``."""
    for f in headed(doc, "staff", "staff_label_heads"):
        yield from counts_in(doc.text, f.value_start, f.value_end, f.label)


def counts_in(text: str, start: int, end: int, label: str) -> Iterator[tuple[StaffCount, Span]]:
    """The staff figures of a labelled value (``text[start:end]``), scoped by its ``label``: the whole number
    opening it, then more, each with its scope: ``6 (direct), 14 (indirect)``, ``4 direct, 35 indirect``."""
    m = LABELLED_COUNT.match(text, start, end)
    if not m or not (n := _value(m.group(1))):
        return
    yield StaffCount(n, label), Span(m.start(1), m.end(1))
    first = _SAID.match(text, m.end(), end)
    at = first.end() if first else m.end()
    while (more := SCOPED_COUNT.match(text, at, end)) and (k := _value(more.group(1))):
        at = more.end()  # one after another
        if k != n:
            scope = (more.group(2) or more.group(3) or "").strip()
            yield StaffCount(k, f"{label} ({scope})" if scope else label), Span(more.start(1), more.end(1))


def stated_staff(doc: Document) -> list[tuple[StaffCount, Span]]:
    """Staff figures said by a ``[phrases] staff`` template or under a ``[labels] staff`` label."""
    out: list[tuple[StaffCount, Span]] = list(_labelled_staff(doc))
    for m in _matches("staff", doc.text):
        if _joined().search(doc.text, max(0, m.start() - 40), m.start()):
            continue  # "Works as part of a team of four provincial Directors": its peers, not its staff
        before = doc.text[max(0, m.start() - OTHERS_REACH) : m.start()]
        if _others().search(re.split(r"[.;!?]\s", before)[-1]):
            continue  # "utilisé par près de 12 000 gestionnaires": its users, not its staff
        at = _number_in(m.group(0))
        n = _value(m.group(0)[at[0] : at[1]]) if at else None
        if n and at and n not in {c.count for c, _ in out}:
            figures = FIGURES.match(m.group(0), at[1])  # ``nine (9) staff``: the figures are no scope
            after = figures.end() if figures else at[1]
            scope = LINKS.sub("", f"{m.group(0)[: at[0]]} {m.group(0)[after:]}").strip()
            out.append((StaffCount(n, scope), Span(m.start() + at[0], m.start() + at[1])))
    return out


#: how far before a figure, in its sentence, the words saying whom else it counts are looked for.
OTHERS_REACH = 80


@cache
def _others() -> re.Pattern[str]:
    """A ``[words] others_counted`` entry: who a figure after it counts is not the post's staff (its users, a
    community it belongs to): "Il sera utilisé par près de 12 000 gestionnaires", "la communauté beta.gouv.fr,
    qui réunit plus de 200 personnes"."""
    return re.compile(rf"(?i)(?<!\w)(?:{alternation('words', 'others_counted')})(?!\w)")


@cache
def _joined() -> re.Pattern[str]:
    """A ``[words] team_joined`` entry ending the text before a team: "as part of ", "will join "."""
    return re.compile(rf"(?i)(?<!\w)(?:{alternation('words', 'team_joined')})[ \t]+$")


@per_document  # asked by the staff counts and by the count supervised
def team_led(doc: Document) -> tuple[int, Span] | None:
    """How many the post leads where a sentence says it leads a team of them (a ``[phrases] team_led``
    template just after a ``[words] team_verbs`` verb): "Vous dirigerez une équipe qui comprend
    actuellement trois autres membres", "chargé de l'encadrement d'une équipe de 4 agents"; never a team
    it joins ("rejoindre une équipe de 2 700 collaborateurs")."""
    for m in _matches("team_led", doc.text):
        if not _led().search(doc.text, max(0, m.start() - 40), m.start()) or not (at := _number_in(m.group(0),
                                                                                                 last=True)):
            continue  # (the last number: ``une`` opens ``une équipe de 4``)
        if (n := _value(m.group(0)[at[0] : at[1]])) and not _floor_after().match(doc.text, m.end()):
            return n, Span(m.start() + at[0], m.start() + at[1])
    return None


@cache
def _led() -> re.Pattern[str]:
    """A ``[words] team_verbs`` verb ending the text before a team: ``dirigerez``, ``encadrement d'``, also
    first of a few verbs joined by commas or "and" ("supervise, lead, and train a team of nine")."""
    verbs = alternation("words", "team_verbs")
    return re.compile(rf"(?i)(?<!\w)(?:{verbs}){_SERIES}(?:[ \t]+d['\u2019]|[ \t]+)$")


#: more verbs after the first, joined by commas or "and" / "et": ``, guides, and collaborates with``.
_AND = alternation("words", "list_and")
_SERIES = (rf"(?:(?:,[ \t]*(?:(?:{_AND})[ \t]+)?|[ \t]+(?:{_AND})[ \t]+)[^\W\d_]+"
           rf"(?:[ \t]+(?:{alternation('words', 'series_with')}))?){{0,3}}")


def staff_supervised(doc: Document) -> tuple[int, Span] | None:
    """How many the post supervises where a ``[words] team_verbs`` verb (or a few joined, the first of them
    one) counts them outright: "Supervises and evaluates 2 full-time systems staff", "Supervises, guides,
    and collaborates with 5 professional and 7 paraprofessional staff" (12: the counts before one noun, or
    before each, summed), each count before a ``[words] count_nouns`` / ``counted_staff`` noun; never a
    floor ("supervises at least two employees")."""
    for m in _supervised_staff().finditer(doc.text):
        if _floor_after().match(doc.text, m.end()) or _goes_on().match(doc.text, m.end()) \
                or counts_things().match(doc.text, m.end()):
            continue  # "trois agents ou plus"; "3 techniciens et 2 jardiniers": a count of who is unread
        at = m.start("counts")
        said = m.group("counts")  # each count once: not the figures in brackets repeating it ("two (2)")
        found = [k for k in number().finditer(said) if not said[: k.start()].endswith("(")]
        if any(_floor_after().match(said, k.end()) for k in found):
            continue  # "the supervision of three or more full-time equivalent employees": a floor
        counts = [(k, n) for k in found if (n := _value(k.group(0)))]
        if counts:
            return sum(n for _, n in counts), Span(at + counts[0][0].start(), at + counts[-1][0].end())
    return None


@cache
def counts_things() -> re.Pattern[str]:
    """A ``[words] staff_things`` noun after a count's staff noun, which makes the count one of those things:
    "Leads 2 staff meetings" (matched at the staff noun's end)."""
    return re.compile(rf"(?i)[ \t]+(?:{alternation('words', 'staff_things')})(?!\w)")


@cache
def _nouns() -> str:
    """Who a supervised count counts: ``[words] count_nouns`` and ``counted_staff``."""
    return f"{alternation('words', 'count_nouns')}|{alternation('words', 'counted_staff')}"


@cache
def _supervised_staff() -> Needled:
    said = number().pattern
    adjectives = rf"(?:[ \t]+(?!(?:{alternation('words', 'not_count_adjective')})\b)[a-z][\w-]*){{0,3}}"
    counted = rf"(?<!\w)(?:{said})(?:{FIGURES.pattern})?{adjectives}"  # ``two (2) full-time staff``
    nouns = _nouns()
    return Needled(rf"(?i)(?<!\w)(?:{alternation('words', 'team_verbs')}){_SERIES}[ \t]+"
                      rf"(?P<counts>{counted}(?:[ \t]+(?:{nouns}))?(?:[ \t]+(?:{_AND})[ \t]+{counted})*)"
                      rf"[ \t]+(?:{nouns})(?!\w)")


@cache
def _goes_on() -> re.Pattern[str]:
    """A list of counts going on after the nouns read ("Vous encadrez 3 techniciens et 2 jardiniers",
    "supervises 4 technicians, 2 drafters"): its sum is not the count read."""
    return re.compile(rf"(?i)[ \t]*(?:,[ \t]*(?:(?:{_AND})[ \t]+)?|[ \t]+(?:{_AND})[ \t]+)"
                      rf"(?:{number().pattern})(?!\w)")


@cache
def _floor_after() -> re.Pattern[str]:
    """The words after a count that make it a floor (``[words] count_floors``): "trois agents ou plus"."""
    return re.compile(rf"(?i)(?:[ \t]+[\w\u00b7-]+){{0,2}}[ \t]+(?:{alternation('words', 'count_floors')})\b")
