"""Level and class: a level field, else a classification said in prose, else a code in the title.

A level field is any ``[labels] level`` entry (``Level:``, ``Position Level:``,
``Grade:``, ``Niveau du poste :``, ``Classification:``); prose gives it as
"classified as a AS-05", "Designated as an AS-06", "classé IT-03", "classifié [CS-03](...)", "at the
EC-05 level". A Government of Canada group code (``IT`` in ``IT-03``) names the class by
the ``[groups]`` table, in the document's language, else by the group the
sentence places it in ("AS-06 within the Program Administrations group"). A US
federal pay plan triple (``GS 2210 11``) gives both class and level (``pay_plan``);
a form's level value is made whole with its label (``level_of``: ``Pay Band``/``7``
-> ``Pay Band 7``).
"""

from __future__ import annotations

import re
from functools import cache

from orgkg.extract.lexicon import (
    LANGUAGES,
    alternation,
    fold,
    language,
    leading,
    patterns,
    table,
    words,
)
from orgkg.extract.needles import AtLineStart, Needled, Started
from orgkg.extract.records import JobClass
from orgkg.extract.rules.labels import Found, clean, labelled
from orgkg.extract.rules.titles import framed, level_alone, names_a_post, phrase
from orgkg.extract.structure import Document, Span
from orgkg.extract.text import clean_title, repair_level, squash, strip_parenthetical_acronym

CODE = r"[A-Z]{2,3}[ \t]?-[ \t]?[0-9OIl]{1,2}\b|[A-Z]{2,3}[0-9]{1,2}\b"
PROSE = re.compile(
    rf"(?:(?P<stated>\b(?:classifi(?:ed|cation|[ée]e?s?)|[Dd]esignated)\s+(?:as\s+|at\s+|of\s+|comme\s+)?"
    rf"(?:an?\s+|the\s+|une?\s+)?"
    rf"|\bclass[ée]e?s?\s+(?:au\s+niveau\s+)?)"
    rf"|\bat\s+the\s+|\bau\s+niveau\s+|\bniveau\s+)\[?(?P<code>{CODE})"
    rf"|\((?P<code2>{CODE})\s+level\)")
#: ``PROSE`` searched where a match opens: a character it opens with (``c``lassified, ``D``esignated, ``a``t
#: the, ``n``iveau, ``(``), the pattern asked there inside the search: ``_sre`` skips to one of them at once,
#: where ``PROSE``, opening with ``\b``, is tried at every character (three times the time over a document).
_PROSE_AT = Started(PROSE, r"[cDdan(]", asked=True)
GROUP_CODE = re.compile(r"\b([A-Z]{2,3})[ \t]?-[ \t]?[0-9OIl]{1,2}\b")


def _code(value: str) -> str:
    return repair_level(value) if GROUP_CODE.fullmatch(value.strip()) else value


#: a level named by a letter: ``Band A``, ``Grade C``, ``Catégorie A``, ``Groupe II``.
LETTER_LEVEL = re.compile(r"(?i)(?:pay\s*)?(?:band|grade|level|niveau|groupe|cat[ée]gorie)\s+[A-Z]{1,3}\+?")


#: a level that is one letter (or two, ``A/A+``) under its label: ``Catégorie : A``, ``Band: B``.
LETTER = re.compile(r"[A-Z]\+?(?:[ \t]*/[ \t]*[A-Z]\+?)?")
#: a French civil-service category or a senior post's group said in prose: ``Fonctionnaire A/A+``,
#: ``ouvert aux fonctionnaires de catégorie A``, ``poste de catégorie B``, ``Emploi contractuel de cat. B``,
#: ``emploi ... (groupe II)``, ``relève du groupe II``;
#: never a driving licence's (``permis de conduire de catégorie B``).
PROSE_FR = re.compile(
    r"(?<![\w-])(?:[Ff]onctionn?aires?(?:[ \t]+titulaires?)?[ \t]+(?:de[ \t]+)?"
    r"(?:(?P<cat>cat[ée]gorie)[ \t]+)?"
    r"|(?:[Pp]ostes?|[Ee]mplois?(?:[ \t]+contractuels?)?|[Cc]orps|[Aa]gents?)[ \t]+(?:de[ \t]+)?"
    r"(?P<cat2>cat(?:[ée]gorie|\.))[ \t]+)"
    rf"(?P<letters>{LETTER.pattern})(?!\w)"
    r"|\((?P<group>groupe[ \t]+[IVX]{1,4})\)"
    # ``Cet emploi relève du groupe II du statut d'emploi de direction``, ``classé dans le groupe III``,
    # ``Les emplois sont classés dans le groupe 2 (filière technique)``, ``Cet emploi est classé en
    # groupe IV``
    r"|(?:rel[èe]ve|relevant|class[ée]e?s?)[ \t]+(?:du|dans[ \t]+le|en|au)[ \t]+"
    r"(?P<group2>groupe[ \t]+(?:[IVX]{1,4}|\d{1,2}))(?!\w)"
    r"|(?P<cat3>\b[Cc]at[ée]gorie[ \t]+(?P<letter3>[ABC]\+?))(?!\w|/[ \t]*[A-Z])")
#: ``PROSE_FR`` searched only in a text holding its words (``catégorie``, ``groupe``, ``fonctionnaire``).
_PROSE_FR = Needled(PROSE_FR)
LICENCE = re.compile(r"(?i)permis\b[^.\n]{0,25}$")


def level(doc: Document, title: str = "") -> Found | None:
    """The level, grade or band and the span it was read from."""
    for loose in (False, True):
        for f in labelled(doc, "level", loose=loose):
            if (found := clean(doc, f.value_start, f.value_end)) and (said := _level_value(f.label, found)):
                return said
    for m in _PROSE_AT.finditer(doc.text):
        before = re.split(r"[.;:!?\n]", doc.text[max(0, m.start() - 80) : m.start()])[-1]
        # a classification stated ("classified as", "classé") is the post's; "at the AS-04 level" only where
        # nothing before it says it is another's ("experience at the AS-04 level")
        if m.group("stated") or not _elsewhere().search(before):
            key = "code" if m.group("code") else "code2"
            return _code(m.group(key)), Span(m.start(key), m.end(key))
    return (_french_prose(doc) or _on_its_own(doc) or _after_a_comma(doc) or _closing_the_title(doc)
            or _after_the_title(doc, title))


#: a group-and-level code closing a title, in brackets or after a dash or comma: ``Policy Analyst (EC-05)``,
#: ``Senior Analyst - EC-06``.
TITLE_CODE = re.compile(rf"(?:\(|[ \t][-\u2013\u2014][ \t]*|,[ \t]*)(?P<code>{GROUP_CODE.pattern})\)?[ \t]*$")


def _closing_the_title(doc: Document) -> Found | None:
    """The code closing the post's title: on the document's first line or heading, or in its title field
    (``# Policy Analyst (EC-05)``, ``Job Title: Senior Analyst - EC-06``); a code in brackets further down
    is another post's (``supervises three Program Officers (PM-04)``)."""
    first = next((ln for ln in doc.lines if not ln.blank), None)
    heading = doc.lines[doc.headings[0].line] if doc.headings else None
    spans = [(ln.body_start, ln.body_start + len(doc.body(ln))) for ln in (first, heading) if ln]
    spans += [(f.value_start, f.value_end) for f in labelled(doc, "title")[:1]]
    for start, end in spans:
        if m := TITLE_CODE.search(doc.text[start:end].rstrip()):
            return _code(m.group("code")), Span(start + m.start("code"), start + m.end("code"))
    return None


def _level_value(label: str, found: Found) -> Found | None:
    """The level a level field's value gives: ``Catégorie : A`` -> ``Catégorie A``; the code in ``Program
    Manager (PM-04)``, ``EC-06 (Économique ...)``, ``Administrative Services, AS-05``; a grade named with its
    initials (``Senior Executive Officer (SEO)``); never a degree (``Niveau : Bac +5``, ``[words]
    not_levels``) or a French grade's ordinal (``de 2e classe``)."""
    value, span = found
    if LETTER.fullmatch(value):
        return f"{_label_word(label)} {value}", span
    if len(value.split()) > 6 or fold(value).split()[0] in words("words", "not_levels") or \
            _class_code_in(value):  # ``Niveau : Bac +5``; ``Accounting Assistant (Class Code 1120)``: a class
        return None
    if fold(value) in words("words", "grade_names"):  # ``Grade: Higher Executive Officer``
        return value, span
    if not (re.search(r"\d|^[A-Z]{2,5}\d?$", ORDINAL_FR.sub("", value)) or LETTER_LEVEL.fullmatch(value)
            or _named_with_its_grade(value)):
        return None
    if named := CODE_NAMED.fullmatch(value):  # ``TP02/Technical Associate Staff Member``
        return named.group(1), Span(span.start, span.start + named.end(1))
    if (closing := BRACKETED_CODE.search(value)) and closing.start() > 0:
        if not LEVEL_CODE.fullmatch(closing.group(1)):
            return None  # ``Information Technology Specialist 3 (C1234)``: a class and its code
        # ``Program Coordinator (OAG 12)``: a class and its level
        return closing.group(1), Span(span.start + closing.start(1), span.start + closing.end(1))
    if grade := GRADE_AFTER_COMMA.search(value):  # ``Catégories professionnelles , P-5``
        return grade.group("grade"), Span(span.start + grade.start("grade"), span.start + grade.end("grade"))
    code = GROUP_CODE.search(value) or re.search(CODE, value)
    if code and code.group(0) != value and (code.re is GROUP_CODE or len(value.split()) > 3):
        return _code(code.group(0)), Span(span.start + code.start(), span.start + code.end())
    return _code(value), span


@cache
def _class_code_label() -> re.Pattern[str]:
    return re.compile(rf"(?i)\b(?:{alternation('form_labels', 'class_code', languages=('en',))})(?!\w)")


def _class_code_in(value: str) -> bool:
    """A class's code label inside a value (``[form_labels] class_code``): the value names a class."""
    return _class_code_label().search(value) is not None


def _named_with_its_grade(value: str) -> bool:
    """A grade named in words, its ``[words] grades`` initials in brackets closing it: ``Higher Executive
    Officer (HEO)``."""
    tail = CLOSING_CODE.search(value)
    return tail is not None and tail.group(1) in {g.upper() for g in words("words", "grades")}


def _after_the_title(doc: Document, title: str) -> Found | None:
    """A level in brackets right after the post's title where a sentence names it: ``... applications for
    the post of Administrative Officer (Grade VII). The Council ...``."""
    said = title.casefold().split()
    if not said:
        return None
    for m in BRACKETED.finditer(doc.text):
        if not level_alone().fullmatch(m.group(1).strip()):
            continue
        line = doc.text[doc.text.rfind("\n", 0, m.start()) + 1 : m.start()]
        before = BLANKS.split(line.rstrip(" \t").casefold())
        if len(before) >= len(said) and before[len(before) - len(said) :][1:] == said[1:] and \
                before[-len(said)].endswith(said[0]):  # the title's words just before the bracket
            return m.group(1).strip(), Span(m.start(1), m.end(1))
    return None


#: a short bracket (``(Grade VII)``), and the blanks between a line's words: the title before it is
#: compared word by word, no pattern compiled for each document's title.
BRACKETED, BLANKS = re.compile(r"\(([^()\n]{4,20})\)"), re.compile(r"[ \t]+")


#: a grade closing a value after a comma: ``Ingénieur, P4``, ``Catégories professionnelles , P-5``.
GRADE_AFTER_COMMA = re.compile(r",[ \t]*(?P<grade>[A-Z]-?\d{1,2})$")


def _after_a_comma(doc: Document) -> Found | None:
    """A grade a level or title field closes with, after a comma (``Intitulé publication : Ingénieur, P4``;
    ``Catégorie et classe : Catégories professionnelles et supérieures , P-5``)."""
    for key in ("level", "title"):
        for f in labelled(doc, key, numbered=key == "title"):  # ``Poste 1 : ADJOINT ADMINISTRATIF, G6``
            found = clean(doc, f.value_start, f.value_end)
            if found and (m := GRADE_AFTER_COMMA.search(found[0])):
                start = found[1].start + m.start("grade")
                return m.group("grade"), Span(start, start + len(m.group("grade")))
    return None


CLOSING_BRACKET = re.compile(r"\(([^()]{4,20})\)$")
CLOSING_CODE = re.compile(r"\(([A-Z0-9 ]{2,8})\)$")


def _on_its_own(doc: Document) -> Found | None:
    """A level on a line of its own (``(WMS BAND 2)``, ``G7`` under the title), or a grade in
    brackets or after a dash closing the title (``# Service Designer (SEO)``, ``Business Analyst –
    B2``); bare codes only from ``[words] grades``, but a band's letters and number after that dash."""
    grades = {g.upper() for g in words("words", "grades")}
    first = next((ln.index for ln in doc.lines if not ln.blank), -1)
    for k, ln in enumerate(doc.lines):
        body = doc.body(ln)
        inner = body.strip("()[] \t")
        start = ln.body_start + body.find(inner)
        if inner and (level_alone().fullmatch(inner) or (inner in grades and k < OPENING)):
            return inner, Span(start, start + len(inner))
        closing = CLOSING_BRACKET.search(body)
        if closing and level_alone().fullmatch(closing.group(1)) and not _elsewhere().search(body):
            # ``R582 444 per annum (Level 10)``, not ``Reports to: Director of Finance (Grade 8)``
            return closing.group(1), Span(ln.body_start + closing.start(1), ln.body_start + closing.end(1))
        tail = CLOSING_CODE.search(body)
        if k < OPENING and tail and tail.group(1) in grades and any(h.line == ln.index for h in doc.headings):
            return tail.group(1), Span(ln.body_start + tail.start(1), ln.body_start + tail.end(1))
        dashed = re.search(r"[ \t][-\u2013\u2014][ \t]+([A-Z0-9]{1,5})$", body)
        if dashed and (dashed.group(1) in grades or BAND.fullmatch(dashed.group(1))) and (
                ln.index == first or any(h.line == ln.index for h in doc.headings[:1])):
            # ``Business Analyst – B2``: the grade after a dash closing the title line
            return dashed.group(1), Span(ln.body_start + dashed.start(1), ln.body_start + dashed.end(1))
        comma = COMMA_LEVEL.search(body)
        if comma and level_alone().fullmatch(comma.group(1)) and ln.index == first:
            # ``Divisional Office Manager, APS Level 6``: the level after a comma closing the title line
            return comma.group(1), Span(ln.body_start + comma.start(1), ln.body_start + comma.end(1))
    return None


#: the words after the last comma closing a line, a level's length: ``..., APS Level 6``.
COMMA_LEVEL = re.compile(r",[ \t]*([^,\n]{3,25}?)[ \t]*$")


#: a band's code, its letters and its number, after a dash closing the title line: ``Business Analyst – B2``,
#: ``Developer – SCS1`` (without a number, only a ``[words] grades`` entry: ``– SEO``).
BAND = re.compile(r"[A-Z]{1,4}[1-9]\d?")
#: the lines at the top of a document where a bare grade stands under the title.
OPENING = 6


def _label_word(label: str) -> str:
    """``- **Catégorie`` -> ``Catégorie``; ``PAY BAND`` -> ``Band``; ``Catégorie du poste`` -> ``Catégorie``
    (the label's word that names a level, else its last word)."""
    named = re.findall(r"(?i)\b(?:band|grade|level|niveau|groupe|cat[ée]gorie)\b", label)
    return str((named or re.findall(r"[^\W\d_]+", label) or [""])[0 if named else -1]).capitalize()


def _french_prose(doc: Document) -> Found | None:
    """A French category or group said in prose (``PROSE_FR``), never a licence's nor one the words before
    it in its sentence make another's (``[words] grade_elsewhere``: ``dix ans d'ancienneté au moins dans
    un corps de catégorie A``, the candidate's service)."""
    m = next((m for m in _PROSE_FR.finditer(doc.text)
              if not LICENCE.search(doc.text, max(0, m.start() - 30), m.start())
              and not superiors(re.split(r"[.;:!?\n]", doc.text[max(0, m.start() - 80) : m.start()])[-1])),
             None)
    if not m:
        return None
    for key in ("group", "group2"):
        if m.group(key):
            return m.group(key), Span(m.start(key), m.end(key))
    if m.group("cat3"):
        return f"Catégorie {m.group('letter3')}", Span(m.start("cat3"), m.end("cat3"))
    letters = re.sub(r"\s+", "", m.group("letters"))
    if m.group("cat") or m.group("cat2"):
        return f"Catégorie {letters}", Span(m.start("letters"), m.end("letters"))
    return letters, Span(m.start("letters"), m.end("letters"))


#: the French article between ``groupe`` and the group's name (``[words] group_links``): ``groupe des
#: Services ...``; a markdown link's bracket maybe.
GROUP_ARTICLE = "(?:{})?\\[?".format(leading("words", "group_links", r"[ \t]+", languages=("fr",)))
#: the small words between the capitalised words of an English group's name (``[words] group_name_links``).
_GROUP_LINK = "|".join(patterns("words", "group_name_links", r"[ \t]+", languages=("en",))) or "(?!)"
#: a group named with its code: ``au sein du groupe Services des programmes et de l'administration (PA)``,
#: ``in the Program and Administrative Services (PA) group``.
NAMED_GROUP = re.compile(
    rf"\bgroupe[ \t]+{GROUP_ARTICLE}"
    r"(?P<fr>[A-Z\u00c0-\u00de][\w'\u2019 -]{2,80}?)[ \t]*\((?P<frcode>[A-Z]{2,3})\)"
    rf"|(?P<en>[A-Z][\w'-]*(?:[ \t]+(?:{_GROUP_LINK}|[A-Z][\w'-]*)){{0,6}})[ \t]*\((?P<encode>[A-Z]{{2,3}})\)"
    r"[ \t]+[Gg]roup\b")


def group_class(code: str, doc: Document) -> JobClass | None:
    """The class a Government of Canada group code names (``IT-03`` -> IT): the group as the document
    names it with its code, else the ``[groups]`` name where the document says it, else the code alone."""
    m = GROUP_CODE.match(code)
    if not m:
        return None
    if named := NAMED_GROUP.search(doc.text):
        key = "fr" if named.group("fr") else "en"
        return JobClass(named.group(f"{key}code"), named.group(key).strip())
    names = {c: str(n) for c, n in table("groups", language(doc.text)).items()}
    for other, name in names.items():  # ``IT-04 ... in the Computer Systems group``
        if _group_named(name).search(doc.text):
            return JobClass(other, name)
    for placed in _placed_in_group():
        if after := re.search(rf"{re.escape(code)}{placed}", doc.text):
            return JobClass(m.group(1), after.group("name").strip())  # ``AS-06 within the X group``
    own = names.get(m.group(1))  # said as written, capitals included (``Direction``, not ``la direction``)
    return JobClass(m.group(1), own if own and re.search(rf"\b{_loose(own)}\b", doc.text) else None)


@cache
def _group_named(name: str) -> Needled:
    """A ``[groups]`` name where a text names the group (``groupe des Services ...``, ``Computer Systems
    group``): compiled once, and searched only in a text holding its words (not, for each of the
    thirty names, at every character of the document)."""
    loose = _loose(name)
    return Needled(rf"(?i)\bgroupe[ \t]+{GROUP_ARTICLE}{loose}|{loose}[ \t]+group\b")


@cache
def in_group(languages: tuple[str, ...] = LANGUAGES) -> str:
    """After a level's code (and a markdown link's target), the words that place it in an occupational
    group, up to the group's name (``[phrases] in_group``): ``AS-06 within the [``, ``[AS-06](...) au sein
    du groupe des ``."""
    lead = "|".join(patterns("phrases", "in_group", r"[ \t]+", languages=languages)) or "(?!)"
    return rf"(?:\]\([^)\s]*\))?[^.\n]{{0,20}}?\b(?:{lead})[ \t]+{GROUP_ARTICLE}"


@cache
def _placed_in_group() -> tuple[str, str]:
    """After a level's code, the group it is in: ``within the Program Administrations group``, ``[AS-06](...)
    au sein du groupe Services de programmes et de l'administration.``"""
    english = rf"(?P<name>[A-Z][\w'-]*(?:[ \t]+(?:{_GROUP_LINK}|[A-Z][\w'-]*)){{0,6}})[ \t]+[Gg]roup\b"
    french = r"(?P<name>[A-Z\u00c0-\u00de][\w'\u2019 -]{2,80}?)(?=[ \t]*(?:[.,;(\n\]]|$))"
    return in_group(("en",)) + english, in_group(("fr",)) + french


def _loose(name: str) -> str:
    """A name as a pattern that any apostrophe and spacing match."""
    return r"[ \t]+".join(re.sub(r"['\u2019]", "['\u2019]", re.escape(w)) for w in name.split())


#: a US federal pay plan, occupational series and grade: ``GS 2210 11`` / ``GS-2210-11``.
#: The plan first, its word boundary a lookbehind after it: ``_sre`` skips to a first letter at once.
PAY_PLAN = re.compile(r"(GS|GM|GG|WG|WL|WS|ES|SL|ST)(?<=\b..)[ \t-]+(\d{4})[ \t-]+(\d{1,2})\b")


def pay_plan(text: str) -> tuple[JobClass | None, str | None]:
    """A ``GS 2210 11`` triple: the class (series code, official title) and the level ``GS-11``."""
    m = PAY_PLAN.search(text)
    if not m:
        return None, None
    line_start = text.rfind("\n", 0, m.start()) + 1
    if text[line_start : m.start()].rstrip(" \t*_").endswith(":"):  # ``Series/Grade: GS-0343-12``: a label's
        return JobClass(m.group(2), None), f"{m.group(1)}-{m.group(3)}"  # value, no title beside it
    cells = [c for c in re.split(r"[ \t]{2,}|\t", text[line_start : m.start()]) if c.strip()]
    if not cells and not text[m.end() :].split("\n", 1)[0].strip():
        # the triple alone on its line, the official title on the line above (its grade repeated), a page's
        # control between them passed over (``[headings] not_titles``: ``Printable View``)
        above = [ln.strip() for ln in text[max(0, line_start - 200) : line_start].splitlines()
                 if ln.strip() and fold(ln.strip()) not in words("headings", "not_titles")]
        cells = [re.sub(rf"\s+0?{int(m.group(3))}$", "", above[-1])] if above else []
    title = strip_parenthetical_acronym(clean_title(cells[-1])) if cells else None
    if title and (len(title.split()) > 8 or not re.search(r"[a-z]", title)):
        title = None
    return JobClass(m.group(2), title), f"{m.group(1)}-{m.group(3)}"


#: a level said with its kind: ``Pay Band 4``, ``Grade 12``, ``Range 21A``, ``Band 8b``.
GRADE_SAID = (r"\b(Pay\s+Band|Pay\s+Grade|Salary\s+Grade|Grade|Range|Band)\s+"
              r"(\d{1,3}(?:[A-Z]|[a-d](?![a-z]))?(?:/\d{1,3})?)\b")
PAY_GRADE = Needled(GRADE_SAID)


def grade_said(text: str) -> str | None:
    """The first level said with its kind (``PAY_GRADE``) that is the post's: not another's or a schooling's
    (``[words] grade_elsewhere`` in its sentence before it: "3 years at Band 7 level", "Completion of Grade
    12", "three Grade 6 led functions"), nor one a level word follows ("at Band 7 level")."""
    for m in PAY_GRADE.finditer(text):
        before = re.split(r"[.;!?\n]", text[max(0, m.start() - 80) : m.start()])[-1]
        if not _elsewhere().search(before) and not re.match(r"[ \t]+level\b", text[m.end() :]):
            return f"{' '.join(m.group(1).split())} {m.group(2)}"
    return None


@cache
def _elsewhere() -> re.Pattern[str]:
    return re.compile(rf"(?i)\b(?:{alternation('words', 'grade_elsewhere')})(?!\w)")


def superiors(before: str) -> bool:
    """The words before a level, in its sentence or line, make it another's or a schooling's (``[words]
    grade_elsewhere``): ``Reports to: Director General (``, ``Relève du directeur général (``."""
    return _elsewhere().search(before) is not None


#: a US federal pay plan's code under its label (``Pay Plan: GS``), a series' number (``Series: 0343``, maybe
#: its name after it) and a grade's (``Grade: 12``).
PLAN = re.compile(PAY_PLAN.pattern.split("(?<=")[0])
SERIES, PLAN_GRADE = re.compile(r"(\d{4})(?:[ \t-]+(.+))?"), re.compile(r"(\d{1,2})")


def plan_fields(doc: Document) -> tuple[JobClass | None, str | None]:
    """A US federal pay plan, series and grade under their own labels (``[labels] pay_plan``, ``series``,
    ``level``): ``Pay Plan: GS`` / ``Series: 0343`` / ``Grade: 12`` -> the class 0343 and the level GS-12."""
    def value(key: str, form: re.Pattern[str]) -> re.Match[str] | None:
        said = (f.value(doc.text).strip(" \t*_") for f in labelled(doc, key))
        return next((m for v in said if (m := form.fullmatch(v))), None)
    plan, series, grade = value("pay_plan", PLAN), value("series", SERIES), value("level", PLAN_GRADE)
    if not plan or not (series or grade):
        return None, None
    title = clean_title(series.group(2)) if series and series.group(2) else None
    return (JobClass(series.group(1), title) if series else None,
            f"{plan.group(0)}-{int(grade.group(1)):02d}" if grade else None)


@cache
def form_level_labels() -> tuple[str, ...]:
    """A form's level labels (``[form_labels] level``, English), the longest first: ``Pay Grade/Range``,
    ``Group & Level``, ``Salary Range``."""
    return tuple(patterns("form_labels", "level", languages=("en",), apostrophe="['\u2019]?"))


@cache  # each level label's line, compiled once (in re's cache, they were compiled again)
def _level_line(label: str) -> Needled:
    """A line opening with ``label`` and its colon; searched only after the line breaks, and only in a text
    holding the label's words (``Needled``: most of the labels, most documents)."""
    return Needled(rf"(?im)^[ \t*\-]*({label})[ \t]*:[ \t]*([^\n]+)")


@cache
def _level_column() -> re.Pattern[str]:
    """A level label opening a later column of its line, three blanks or a tab after the first's value:
    ``Job Class: Accountant II          Pay Range: 18``."""
    labels = "|".join(form_level_labels())
    return re.compile(rf"(?:[ ]{{3,}}|\t)({labels})[ \t]*:[ \t]*(\S[^\n]*)", re.I)


def form_level(text: str) -> str | None:
    """The level a form's level line gives (``form_level_labels``, the first label that gives one, then a
    later column of a line), made whole with its label (``level_of``): ``Pay Band: 7`` -> ``Pay Band 7``."""
    for lab in form_level_labels():
        m = _level_line(lab).search(text)
        if m and (said := level_of(squash(m.group(1)), squash(m.group(2)))):
            return said
    for m in _level_column().finditer(text):  # a later column's of its line
        if said := level_of(squash(m.group(1)), squash(m.group(2))):
            return said
    return None


def level_of(label: str, value: str) -> str | None:
    """``Pay Band``/``7`` -> ``Pay Band 7``; ``Classification``/``AS-07`` -> ``AS-07``; ``Pay Grade``/``E08``
    -> ``E08`` (a code says its own kind); never a sum (``Salary Range``/``46,000 - 52,000``)."""
    if "$" in value or not value:
        return None
    value = re.sub(r"[ \t]*/[ \t]*", "/", value)  # ``9 / 10`` -> ``9/10``
    code = repair_level(value)
    if re.fullmatch(r"[A-Z]{2,4}-\d\d", code):
        return code
    if LETTER_LEVEL.fullmatch(value):
        return value  # ``Band A``, ``Grade C``, ``Catégorie A``: a level named by a letter
    if named := CODE_NAMED.fullmatch(value):  # ``TP02/Technical Associate Staff Member`` -> ``TP02``
        return named.group(1)
    if re.match(r"[A-Z]\d", value):
        return value.split()[0]
    if re.match(r"[^\W\d_]", value):
        return value if re.search(r"\d", ORDINAL_FR.sub("", value)) else None
    if not NUMBERED.fullmatch(value.split()[0]):
        return None
    word = re.sub(r"[^\W\d_]+", lambda w: w.group(0).capitalize(), " ".join(label.split()))
    return f"{word} {value.split()[0]}"


#: a level's code, then its name after a slash or a dash: ``TP02/Technical Associate Staff Member``,
#: ``M3 - Manager``.
CODE_NAMED = re.compile(r"([A-Z]{1,5}\d{1,3}[A-Z]?)[ \t]*(?:/|[-\u2013\u2014][ \t])[ \t]*[A-Za-z][^\d\n]*")
#: a code in brackets closing a value (``Program Coordinator (OAG 12)``, ``Analyst 3 (C1234)``) and a level's
#: code, its letters and a number of one or two figures (``OAG 12``, ``PM3``; ``C1234`` is a class's code).
BRACKETED_CODE = re.compile(r"[ \t]*\(([A-Z]{1,5}[ \t]?\d[\dA-Z]{0,5})\)$")
LEVEL_CODE = re.compile(r"[A-Z]{2,5}[ \t]?\d{1,2}")
#: a level's number under its label: ``14``, ``21A``, ``8b``, ``5/6``; never a sum (``46,000``).
NUMBERED = re.compile(r"\d{1,3}[A-Za-z]?(?:/\d{1,3}[A-Za-z]?)?")


#: a note in brackets closing a sought class: ``Ingénieur d’études (emploi ouvert aux contractuels)``.
CLOSING_NOTE = re.compile(r"[ \t]*\([^()\n]*\)$")


def class_sought(doc: Document) -> Found | None:
    """The class a French posting seeks: the first grade, cadre d'emplois or corps its label names
    (``Grade(s) recherché(s)`` / ``Attaché``; ``Corps : Ingénieur d’études (emploi ouvert également aux
    contractuels)``, less the note in brackets), else the cadre d'emplois a sentence names; else the class
    an English sentence places the post in (``class_named``) or a title line names in brackets
    (``class_beside_title``)."""
    named = labelled(doc, "grade_named") if language(doc.text) == "fr" else []
    for f in [*labelled(doc, "grade_sought"), *named]:
        found = clean(doc, f.value_start, f.value_end)
        if found and (note := (CLOSING_NOTE.search(found[0]) or STEPS.search(found[0]))) and note.start() > 0:
            found = found[0][: note.start()], Span(found[1].start, found[1].start + note.start())
        if found and len(found[0].split()) <= 6 and (f not in named or _in_words(found[0])):
            return found
    return class_in_prose(doc) or class_named(doc) or class_beside_title(doc)


#: a line that is a post's title, its label maybe, then the class it is filled in, in brackets, closed by
#: its step in roman figures, and maybe a dash and a code after them: ``Title: Elections Analyst (Auditor -
#: Analyst I)``, ``Marine Invertebrate Collection Manager (F&W Biological Scientist II) - OPS 77901628``.
BESIDE_TITLE = AtLineStart(r"[ \t]*(?:[A-Za-z][\w ]{1,30}:[ \t]*)?(?P<post>[A-Z][^\n():]{2,80}?)[ \t]+"
                           r"\((?P<class>[A-Z][^()\n]{2,60}?[ \t](?:I{1,3}|IV|V))\)"
                           r"(?:[ \t]+[-\u2013][ \t]+[^\n()]{1,30})?[ \t]*$")


def class_beside_title(doc: Document) -> Found | None:
    """The class a title line names in brackets after the post's title (``BESIDE_TITLE``), both naming a
    post: a working title and the civil-service class it is filled in."""
    for m in BESIDE_TITLE.finditer(doc.text):
        if len(m.group("post").split()) <= 8 and names_a_post(m.group("post")) and \
                names_a_post(m.group("class")):
            return clean(doc, *m.span("class"))
    return None


#: the steps of a corps closing its name: ``ingénieur 1er ou 2ème grade`` -> ``ingénieur``.
STEPS = re.compile(r"(?:[ \t]+\d{1,2}(?:e|er|re|ère|ème|nde?)\b(?:[ \t]+(?:ou|et|à)\b)?)+(?:[ \t]+grades?)?$")
#: a French ordinal: ``2e``, ``1re``, ``1ère``, ``2ème``, ``1er``, ``2nde`` (``principal de 2e classe``).
ORDINAL_FR = re.compile(r"\b\d{1,2}(?:e|er|re|ère|ème|nde?)\b")


def _in_words(value: str) -> bool:
    """A grade named in words (``Rédacteur``, ``rédacteur principal de 2e classe``), not a level's code or
    letter (``A3``, ``P4``, ``B``)."""
    return re.search(r"[^\W\d_]{4,}", value) is not None and not re.search(r"\d", ORDINAL_FR.sub("", value))


#: a class's name in a sentence: capitalised words, a slash or ``of``/``and`` between them, a roman or
#: arabic number closing a step (``Deputy Clerk-Recorder / Elections``, ``Office Assistant II``).
_CLASS_NAME = (r"(?P<t>[A-Z][\w'\u2019&-]*(?:[^\S\n]*/[^\S\n]*[A-Z][\w'\u2019&-]*"
               r"|[^\S\n]+(?:of|and|[A-Z][\w'\u2019&-]*|[IVX]{1,4}\b|\d{1,2}\b)){0,8})")


@cache
def _class_around() -> tuple[Needled, ...]:
    """The ``[phrases] class_around`` entries around a class's name, any blank of a line between their words
    (a scraped page's no-break spaces too)."""
    return framed("class_around", _CLASS_NAME, r"[^\S\n]+")


def class_named(doc: Document) -> Found | None:
    """The class a sentence places the post in (``[phrases] class_around``): "The Deputy Clerk-Recorder /
    Elections class specification is used for positions in both ...", "both are in the Elections Services
    Technician classification"; the first said."""
    hits = sorted((m for pattern in _class_around() for m in pattern.finditer(doc.text)),
                  key=lambda m: m.start())
    return next((found for m in hits if (found := clean(doc, *m.span("t")))), None)


def class_in_prose(doc: Document) -> Found | None:
    """The class a sentence names (``[phrases] class_in_prose``): "sur le cadre d'emplois des animateurs
    territoriaux" -> ``animateurs territoriaux``, its words in lower case up to a linking word or a
    capital ("des attachés territoriaux pour sa Direction ...")."""
    return phrase(doc, "class_in_prose", stop=".;:(),", accept=lambda found: _lower_run(doc, found))


def _lower_run(doc: Document, found: Found) -> Found | None:
    m = re.match(r"(?:[a-z\u00e0-\u00ff][\w\u00b7-]*(?:[ \t]+|$))+", found[0])
    said = fold(m.group(0)).split() if m else []
    keep = next((k for k, w in enumerate(said) if w in words("words", "class_breaks")), len(said))
    if not m or not 1 <= keep <= 5:
        return None
    end = found[1].start + len(" ".join(m.group(0).split()[:keep]))
    return clean(doc, found[1].start, end)


#: a level's code of initials and a number: ``HRO18``, ``HRO 18``.
INITIALS_CODE = re.compile(r"([A-Z]{3,5})[ \t]?(\d{1,2})")


def spelled_class(code: str, doc: Document) -> Found | None:
    """The class title a level's code abbreviates, where the document spells it out: ``HRO18`` and the line
    ``Heritage Resources Officer 18`` give the class Heritage Resources Officer 18 (its words' initials
    the code's letters, its number the code's, when written)."""
    m = INITIALS_CODE.fullmatch(code.strip())
    if not m:
        return None
    spelled = r"[ \t]+".join(rf"{c}[a-z]+" for c in m.group(1))
    found = re.search(rf"(?<![\w-]){spelled}(?:[ \t]+{m.group(2)})?(?![\w-])", doc.text)
    return (found.group(0), Span(found.start(), found.end())) if found else None


def experience_class(text: str) -> str | None:
    """The class an experience is counted at (``[words] experience_at_level``, case as written): "two years of
    experience at the level of an Accountant II" -> Accountant II (its article ``experience_class_articles``
    left out, the class ending before punctuation or an ``experience_class_ends`` word)."""
    m = _experience_at_level().search(text)
    return clean_title(m.group(1)) if m else None


@cache
def _experience_at_level() -> re.Pattern[str]:
    def en(key: str) -> str:
        return alternation("words", key, languages=("en",))
    return re.compile(rf"(?:{en('experience_at_level')})\s+(?:(?:{en('experience_class_articles')})\s+)?"
                      rf"([A-Z][\w ]+?)(?=[.,;(]|\s+(?:{en('experience_class_ends')})\b)")


def class_coded(title: str) -> tuple[str, str] | None:
    """A class's code before its name in a title (its name, its code): ``4521 Park Ranger I``, ``0312 -
    Administrative Assistant II``, ``Class Code 2231 Clerk Typist`` (after a ``[form_labels] class_code``
    label). Without a label, the code is of four to six figures and no year, and the name names a post
    (``2025 Seasonal Park Ranger``, ``911 Dispatcher`` keep their figures)."""
    if not (m := _coded_title().fullmatch(title.strip())):
        return None
    code, name = m.group("code"), clean_title(m.group("name"))
    if not m.group("label") and (len(code) < 4 or YEAR.fullmatch(code) or not names_a_post(name)):
        return None
    return name, code


#: a year, never a class's code unless a label says so.
YEAR = re.compile(r"(?:19|20)\d\d")


@cache
def _coded_title() -> re.Pattern[str]:
    labels = "|".join(patterns("form_labels", "class_code", languages=("en",)))
    return re.compile(rf"(?P<label>(?i:{labels})[ \t]*[.:#]?[ \t]*)?(?P<code>\d{{3,6}})"
                      r"(?:[ \t]*[-\u2013\u2014:|][ \t]*|[ \t]+)(?P<name>[A-Z][^\n]*[a-zA-Z)])")


# ---------------------------------------------------------------- a class field's value

#: a class-code label (``[form_labels] class_code``, any language): ``Class Code``, ``Code de la classe
#: d'emplois``: a class's number.
CLASS_CODE_LABELS = tuple(patterns("form_labels", "class_code", languages=LANGUAGES, apostrophe="['\u2019]?"))
#: employment's terms opening a value (``[words] employment_openings``, ``employment_words`` whole), or a
#: figure: never a class (or a title): ``Full-time``, ``Permanent``, ``Term``.
EMPLOYMENT_WORDS = re.compile(rf"(?i)^(?:{alternation('words', 'employment_openings', '[- ]')}"
                              rf"|(?:{alternation('words', 'employment_words')})\b|\d)")
#: an appointment's terms, not a class (``[words] appointment_status``): ``Regular Non-Merit``.
STATUS = re.compile(rf"(?i)\b(?:{alternation('words', 'appointment_status')})")


def class_of(value: str | None, level: str | None, *, labelled: bool) -> tuple[JobClass | None, str | None]:
    """The class a class field's value names, and the level (``level``, the one already read, ``labelled``
    when a level field gave it) with what the value says of it: ``1016 Museum Specialist And Technician``,
    ``AS-05`` (the group, the level), ``LSO 2``, ``Clerk Grade 5/6``, ``Senior Manager Zone 2(M42Z2)``,
    ``Program Coordinator (OAG 12)``; none from a status (``Regular Non-Merit``)."""
    if value and (series := SERIES_CLASS.fullmatch(value)):  # ``1016 Museum Specialist And Technician``
        return JobClass(series.group(1), clean_title(series.group(2))), level
    if not value or ";" in value or EMPLOYMENT_WORDS.match(value) or STATUS.search(value):
        return None, level  # ``Regular Non-Merit; Serves at the discretion of ...``: a status, no class
    if LEVEL_OPENING.match(value) and not level_alone().fullmatch(value):
        return None, level  # ``Position Classification: Band 4 OIC``: a level and its note, no class
    code = repair_level(value)
    if re.fullmatch(r"[A-Z]{2,4}-\d\d", code):
        return JobClass(code.split("-")[0], None), level or code
    if re.fullmatch(r"[A-Z]{2,5} ?\d{1,2}", value) or level_alone().fullmatch(value):
        level = level or value  # a group-and-level code: ``LSO 2``, ``EL1``, ``APS Level 6``
    if (graded := SCHEMED_GRADE.search(value)) and not labelled:  # ``Clerk Grade 5/6``: the class names its
        level = " ".join(graded.group(0).split())  # grade, its scheme's capitals with it (``AO Grade 6/7``)
    if coded := CODED_CLASS.fullmatch(value.strip()):  # ``Senior Manager Zone 2(M42Z2)``: its code closes it
        return JobClass(coded.group(2), clean_title(coded.group(1))), level
    graded = BRACKETED_CODE.search(value)
    if graded and graded.start() > 0 and LEVEL_CODE.fullmatch(graded.group(1)):
        # ``Program Coordinator (OAG 12)``: the class, its level in brackets
        return JobClass(None, clean_title(value[: graded.start()])), level or graded.group(1)
    return JobClass(None, clean_title(value)), level


#: a level said with its kind opening a value: ``Band 4 OIC``.
LEVEL_OPENING = re.compile(GRADE_SAID)
#: a grade said with its kind (``PAY_GRADE``), its scheme's capitals before it maybe: ``AO Grade 6/7``.
SCHEMED_GRADE = re.compile(rf"(?:\b[A-Z]{{2,5}}[ \t]+)?{GRADE_SAID}")


#: a class's number opening its name: ``1016 Museum Specialist And Technician`` (a US federal series), ``2455
#: Administrative Assistant``.
SERIES_CLASS = re.compile(r"(\d{3,6})[ \t]+([A-Z][^\d\n]*)")
#: a class's name closed by its code in brackets: ``Senior Manager Zone 2(M42Z2)``, ``Analyst (PM3)``,
#: ``Accountant II (1234)``, ``Clerk 3 (Class Code 2231)`` (a ``[form_labels] class_code`` label before it).
CODED_CLASS = re.compile(rf"(.*?[^\s(])[ \t]*\((?:(?i:{'|'.join(CLASS_CODE_LABELS)})[ \t]*[.:#]?[ \t]*)?"
                         r"([A-Z]{1,4}\d[\dA-Z]{0,6}|\d{3,6})\)")
