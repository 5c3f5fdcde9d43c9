"""Reports-to by its label (``Reports to:``, ``Responsible to:``, ``Relève de :``), a prose phrase
(``[phrases] reports_to``: "Rattaché directement à la directrice des affaires juridiques", "sous la
supervision d'une coordinatrice"), never what names no position ("relève de la convention ..."); the
superiors English prose names (``supervisor_phrases``: "reporting to the Director, Finance Branch, the
incumbent ...", "under the general direction of the X"), the one prose reader every family calls."""

from __future__ import annotations

import re
from functools import cache

from orgkg.extract.lexicon import (
    BLANKS,
    abbreviation_guard,
    alternation,
    fold,
    leading,
    numbers,
    patterns,
    words,
    words_in,
    written,
)
from orgkg.extract.needles import Needled, Started, lacks, opening
from orgkg.extract.rules.duties import is_duty_verb
from orgkg.extract.rules.labels import Found, before_run_in_label, clean, first_value, labelled
from orgkg.extract.rules.organisation import unit_word
from orgkg.extract.rules.subordinates import COUNT, listed_post, superior_of_listed
from orgkg.extract.rules.titles import BEFORE_NAME, in_prose, is_section_name, names_a_post, phrase
from orgkg.extract.structure import Document, Span
from orgkg.extract.text import clean_title, singular, singular_title, squash


def reports_to(doc: Document, *, deputy: bool = False) -> Found | None:
    """A supervisor's field, else the one a phrase names, cut at the next clause (``sous l'autorité
    directe du préfet des Deux-Sèvres et concourt directement à ...``: a long sentence read far enough
    to find where its clause ends); for a ``deputy``, never the superior of the unit it seconds the head of
    (``of_a_unit``)."""
    found = first_value(doc, "reports_to", loose=True, max_words=12)
    if found and names_a_unit(found[0]):
        found = None  # ``Positionnement hiérarchique :`` / ``Pôle solidarités`` / ``secrétariat général``:
        # the units the post stands in, top down, not whom it reports to
    found = found or _row(doc, "reports_to_row") or phrase(
        doc, "reports_to", stop=".;:(),", reach=300, accept=lambda found: None
        if superior_of_list().match(doc.text, found[1].start) or superior_of_listed(doc.text, found[1].start)
        or (deputy and of_a_unit(doc.text, found[1])) else _short(superior(doc, found)))
    if found and (lead := _phrase_in_value().match(doc.text, found[1].start, found[1].end)):
        found = clean(doc, lead.end(), found[1].end) or found
    if found and (second := second_body(found[0])):
        found = clean(doc, found[1].start, found[1].start + second) or found
    if found and (opens := _new_sentence().search(doc.text, found[1].start, found[1].end)):
        found = clean(doc, found[1].start, opens.start()) or found
    return found if found and len(found[0].split()) <= 12 else None


def names_a_unit(value: str) -> bool:
    """``Département Géographique``, ``Pôle solidarités``: a French unit's name (its first word a ``[words]
    unit_words`` entry, no ``title_heads`` word in it), not the post it reports to (``Direction du Cabinet du
    Maire`` names the mayor)."""
    said = fold(value).split()
    return bool(said) and said[0] in words_in("fr", "words", "unit_words") and \
        not set(said) & words("words", "title_heads")


def is_deputy(title: str) -> bool:
    """A deputy's title: a ``[words] deputies`` word in it (``directeur départemental adjoint``)."""
    return bool(set(fold(title).split()) & words("words", "deputies"))


def of_a_unit(text: str, value: Span) -> bool:
    """The superior a phrase names at ``value`` is a unit's or a body's (its head's, not its deputy's): a unit
    is the subject of its sentence, before the phrase ("La DDT met en œuvre sous l'autorité du préfet", "...,
    la DDETS est placée sous l'autorité du préfet"), or right after the superior where the phrase opens the
    sentence ("Sous l'autorité du préfet de région, la direction régionale ... est chargée de ...")."""
    before = text[_sentence_start(text, value.start) : value.start]
    if _unit_subject().search(before):
        return True
    return "," not in before and len(before.strip()) <= 60 and bool(_unit_subject().match(text, value.end))


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``at`` opens: after a line's break or a full stop, at most 400 characters
    back."""
    lo = max(0, at - 400)
    stops = [m.end() for m in re.finditer(r"[.!?](?=\s)|\n", text[lo:at])]
    return lo + (stops[-1] if stops else 0)


@cache
def _unit_subject() -> re.Pattern[str]:
    """A unit or a body as a clause's subject, opening the text or after a comma: an article (``[words]
    subject_articles``), then a ``[words] unit_words`` or ``organisation_nouns`` word, maybe after words
    in capitals (``la direction régionale``, ``the Policy Division``), or an acronym in capitals (``la
    DDETS``)."""
    the = leading("words", "subject_articles")
    kinds = f"{alternation('words', 'unit_words')}|{alternation('words', 'organisation_nouns')}"
    named = rf"(?:[A-Z][\w&'-]*\s+){{0,4}}(?i:{kinds})\b"
    return re.compile(rf"(?:^|,)\s*(?i:{the})(?:{named}|[A-Z]{{2,}}[A-Z0-9]*\b)")


@cache
def _phrase_in_value() -> re.Pattern[str]:
    """A label's value that opens with a supervisor's phrase (``[phrases] reports_to``): "Reporting
    Relationship: Reports to the Director of Planning", "Positionnement hiérarchique : sous l'autorité du chef
    du service communication"; the superior follows it."""
    return re.compile(rf"(?i)(?:{alternation('phrases', 'reports_to')})(?:[ \t]+|(?<=['’]))(?=\w)")


def after_phrase(value: str) -> str:
    """A label's value without the supervisor's phrase it opens with (``_phrase_in_value``)."""
    lead = _phrase_in_value().match(value)
    return value[lead.end() :] if lead else value


def seconded(doc: Document) -> Found | None:
    """The superior a deputy seconds: "Aux côtés du directeur, qu'il seconde et supplée, le directeur
    adjoint ..." (``[phrases] seconded``, the value ending where a ``[words] seconds`` word follows it), else
    the one it stands in for: "Il supplée le directeur en cas d'absence" (``[phrases] stands_in``, up to the
    next clause)."""
    return phrase(doc, "seconded", stop=".;:()", reach=500, accept=lambda found: _seconded_to(doc, found)) \
        or phrase(doc, "stands_in", stop=".;:(),", accept=lambda found: _to_clause_end(doc, found))


def team_head(doc: Document) -> Found | None:
    """The head a leadership team's composition names beside its deputies, the superior of a deputy: "L'équipe
    de direction est composée d'un directeur assisté de 4 directeurs régionaux adjoints", "... composée d'une
    directrice départementale et de deux adjoints" (``[phrases] team_head``, the head up to a ``[words]
    team_head_ends`` word, a ``[words] deputies`` word after it in the sentence)."""
    return phrase(doc, "team_head", stop=".;:()", reach=200, accept=lambda found: _head_of_team(doc, found))


def _head_of_team(doc: Document, found: Found) -> Found | None:
    m = _team_head_end().search(found[0])
    if not m or not {singular(w) for w in fold(found[0][m.end() :]).split()} & words("words", "deputies"):
        return None
    return _short(clean(doc, found[1].start, found[1].start + m.start()))


@cache
def _team_head_end() -> re.Pattern[str]:
    ends = alternation("words", "team_head_ends")
    return re.compile(rf"[ \t]*,?[ \t]+(?:{ends})(?:\b|(?<=['\u2019]))", re.I)


def _seconded_to(doc: Document, found: Found) -> Found | None:
    m = _seconds().search(found[0])
    return _short(clean(doc, found[1].start, found[1].start + m.start())) if m else None


@cache
def _seconds() -> re.Pattern[str]:
    return re.compile(rf"[ \t]*,?[ \t]*(?:{alternation('words', 'seconds')})\b", re.I)


@cache
def _new_sentence() -> re.Pattern[str]:
    """Where a new sentence opens inside a value, a page's lines run together: a ``[words] sentence_openers``
    word in its capitals after a word ("Director, Finance Operations Are you ready for a challenge? Apply
    now"), not a title's own capitals ("Chief Administrative Officer")."""
    return re.compile(rf"(?<=\S)\s+(?:{alternation('words', 'sentence_openers')})\b")


@cache
def superior_of_list() -> re.Pattern[str]:
    """A title in capitals right before a ``[headings] copulas`` verb: "Director, Client Services are: ...",
    what reports to it following, not its superior (not "Director, the Manager is responsible ...": another
    subject)."""
    verbs, the = alternation("headings", "copulas"), alternation("words", "subject_articles")
    word = rf"(?!(?i:{the})\b)[A-Z][\w'&()/-]*"  # a word in capitals, no article opening a sentence's subject
    links = alternation("words", "capitals_links", r"[ \t]+")
    return re.compile(rf"{word}(?:(?:,?[ \t]+(?:{links}))*,?[ \t]+{word})*,?[ \t]+(?:{verbs})\b")


@cache
def _and_the() -> re.Pattern[str]:
    """An English ``[words] list_and`` word and an article (``subject_articles``) before a capital."""
    and_, the = ("|".join(patterns("words", key, languages=("en",)))
                 for key in ("list_and", "subject_articles"))
    return re.compile(rf"\s+(?:{and_})\s+(?:{the})\s+(?=[A-Z])")


def second_body(value: str) -> int | None:
    """Where "and the" names a second superior after a first one ending in a ``[words] title_heads`` or
    ``organisation_heads`` word: "Portishead Town Council and the Staffing and Finance Committee"."""
    heads = words("words", "title_heads") | words("words", "organisation_heads")
    for m in _and_the().finditer(value):
        before = fold(value[: m.start()]).split()
        if before and before[-1] in heads:
            return m.start()
    return None


def _short(found: Found | None) -> Found | None:
    return found if found and len(found[0].split()) <= 12 else None


def reports_noun(text: str, start: int) -> bool:
    """The "reports" at ``start`` is the noun, after a ``[words] before_reports_noun`` word
    ("processing of all reports to the Secretary of State"), or the object of the duty verb opening its
    clause ("Provide routine and ad hoc reports to the Director"; not after a ``[words]
    before_reports_verb`` word or a comma: "Manages the office and reports to the Board", "Oversees the
    office, reports to the Board"), not the verb."""
    if noun_word_before(text, start):
        return True
    clause = re.split(r"[.;:!?](?:\s|$)", text[text.rfind("\n", 0, start) + 1 : start])[-1]
    if clause.rstrip().endswith(","):
        return False  # "Oversees the parks department, reports to the Director": the verb after a comma
    lead = clause.strip(" \t-*\u2022\u25cf\u25aa\u00b7").split()
    return len(lead) >= 2 and is_duty_verb(lead[0]) and \
        fold(lead[-1]) not in words("words", "before_reports_verb")


def noun_word_before(text: str, start: int) -> bool:
    """A ``[words] before_reports_noun`` word just before ``start``: "all reports", "other various
    reporting" (the noun, not the verb)."""
    before = fold(text[max(0, start - 40) : start]).split()
    return bool(before) and before[-1] in words("words", "before_reports_noun")


def superior(doc: Document, found: Found) -> Found | None:
    """A supervisor named after a phrase, up to the next clause ("d'une coordinatrice et aura pour
    missions"); None where the phrase names no position ("relève de la convention collective") or
    "reports" is the noun ("all reports to the Secretary")."""
    value, span = found
    first, token = fold(value).split()[0], fold(value.split()[0])  # ``seven-member City Council``: no count
    if first in words("words", "not_superiors") or token.isdigit() or token in _number_words():
        return None  # ``relève de la convention``; ``établissements publics relevant des trois ministères``:
        # a count of bodies, not a superior
    if names_a_unit(value):
        return None  # ``Rattaché.e au Département Géographique``: a unit, not the post it reports to
    if (matters := _matters_of().search(doc.text, max(0, span.start - 40), span.start)) and (
            not _names_someone(value) or _under_a_noun(doc.text, matters.start(), value)):
        return None  # ``les aspects relevant des ressources humaines et des finances``: matters, no superior;
        # ``les établissements d'enseignement relevant du CSS``: what falls under a body
    window = max(0, span.start - 40)
    said = re.search(r"(?i)\b(report(?:s|ing))\s+(?:directly\s+)?to\s+(?:the\s+)?$",
                     doc.text[window : span.start])
    if said and (reports_noun if said.group(1).lower() == "reports" else noun_word_before)(
            doc.text, window + said.start()):
        return None  # "all reports to the Secretary", "other various reporting to the State ...": the noun
    end = _continued(doc.text, span.end)
    if m := _clause_end().search(doc.text, span.start, end) or _second_title(doc.text, span.start, end):
        end = m.start()
    verbs = words("words", "duty_verbs")
    end = next((m.start() for m in _joined_verb().finditer(doc.text, span.start, end)
                if {m.group(1), m.group(1)[:-1], m.group(1) + "r"} & verbs), end)
    return clean(doc, span.start, end) if end != span.end else (value, span)


@cache
def _joined_verb() -> re.Pattern[str]:
    """``et`` / ``and`` (``[words] list_and``) and a word in lower case after a superior, where that word is a
    ``[words] duty_verbs`` verb in the third person (``conseille``, ``manages``; not ``voirie``): "relève du
    directeur des affaires juridiques et conseille les services" (the post's next verb)."""
    return re.compile(rf"\s+(?:{alternation('words', 'list_and')})\s+([a-zà-ÿ]+)(?=\s)")


@cache
def _matters_of() -> re.Pattern[str]:
    """A ``[words] matters_participles`` word right before a phrase's value: "relevant des ...", which may
    say what falls under something, not whom the post reports to."""
    participles = alternation("words", "matters_participles")
    return re.compile(rf"(?i)\b(?:{participles})\s+(?:\w+\s+)?(?:du|de\s+la|de\s+l['’]|des|de)\s*$")


def _under_a_noun(text: str, at: int, value: str) -> bool:
    """The participle at ``at`` follows a word in lower case (a noun it qualifies, no comma between) and
    ``value`` opens with no person's word (``[words] title_heads``): "les établissements d'enseignement
    relevant du CSS" says what falls under a body; "sous la matrice relevant du responsable régional"
    still names a superior."""
    before = re.split(r"[\n.;:!?,()]", text[max(0, at - 30) : at])[-1].split()
    first = fold(value).split()[0] if value.split() else ""
    return bool(before) and before[-1][:1].islower() and before[-1][-1:].isalpha() and \
        singular(first) not in words("words", "title_heads") and first not in words("words", "title_heads")


def _names_someone(value: str) -> bool:
    """A value opening with a person's or a body's word (``[words] title_heads``, ``organisation_nouns``,
    ``unit_words``, singular or plural, each part of a compound) or a name in capitals."""
    said = value.split()
    if not said or said[0][:1].isupper():
        return bool(said)
    keys = ("title_heads", "organisation_nouns", "unit_words")
    heads = frozenset().union(*(words("words", key) for key in keys))
    parts = fold(said[0]).split()  # ``président-directeur``: each part
    return bool({p for part in parts for p in (part, singular(part))} & heads)


@cache
def _number_words() -> frozenset[str]:
    """Numbers written in words, every language (``[numbers]``): ``trois``, ``two``."""
    found = frozenset(fold(k) for k in numbers())
    return found - {"un", "une", "one"}


def _continued(text: str, end: int) -> int:
    """The end of a title that goes on after its comma with a ``[words] title_continues`` word:
    "directeur de l'environnement, de la végétalisation et du littoral, au sein de ..."."""
    while m := _continuation().match(text, end):
        end = m.end()
    return end


@cache
def _continuation() -> re.Pattern[str]:
    said = alternation("words", "title_continues", " ")
    return re.compile(rf",[ \t]+(?:{said})(?:(?<=['\u2019])|[ \t]+)[^.;:(),\n]+")


def _second_title(text: str, start: int, end: int) -> re.Match[str] | None:
    """Where "and" names a second superior: "Directeur régional et du Directeur adjoint"."""
    return next((m for m in _AND_TITLE.finditer(text, start, end)
                 if fold(m.group(1)) in words("words", "title_heads")), None)


#: "and" (``[words] list_and``), maybe a ``second_title_links`` word, and the first word after them (``et du
#: Directeur``, ``and the Board``).
_AND_TITLE = re.compile(rf"(?i)\s+(?:{alternation('words', 'list_and')})\s+"
                        rf"(?:{alternation('words', 'second_title_links')})?\s*([\w-]+)")


@cache
def _clause_end() -> re.Pattern[str]:
    """Where another clause starts: ``et`` / ``and`` / ``or`` and a ``[words] clause_links`` verb, or a
    ``[words] clause_breaks`` word."""
    return re.compile(rf"(?i)\s+(?:et|and|or|ou)\s+(?:{alternation('words', 'clause_links')})\b"
                      rf"|\s+(?:{alternation('words', 'clause_breaks')})\b")



#: a deputy's title names whom it assists: ``adjoint au délégué à X``, ``Deputy to the Director``: a ``[words]
#: deputies`` word, the title whole or after a comma (``chef de service, adjoint au directeur des affaires
#: juridiques``), then a whole ``[words] deputy_links`` word, longest first (``aux directeurs``, not ``au``
#: and ``x directeurs``).
DEPUTY_OF = re.compile(rf"(?i)(?:^|,[ \t]*)(?:{alternation('words', 'deputies', BLANKS)}){BLANKS}"
                       rf"(?:{leading('words', 'deputy_links', BLANKS)})(?P<boss>\S.{{2,100}})")


def deputy_of(doc: Document, title: str) -> Found | None:
    """``adjoint au délégué à l'encadrement supérieur`` reports to the ``délégué à l'encadrement supérieur``,
    where the document names it."""
    m = DEPUTY_OF.search(title)
    boss = m.group("boss") if m else ""
    if not m and not lacks(doc.text, title + ",") and (
            said := re.search(re.escape(title) + r"(?=,[ \t]*\w)", doc.text, re.I)):
        # ``L'emploi de chef de service, adjoint au directeur des affaires juridiques, sera vacant``
        m = DEPUTY_OF.match(doc.text, said.end())
        boss = re.split(r"[,.;:()\n]", m.group("boss"))[0] if m else ""
    if not boss:
        return None
    boss = re.sub(r"\s*\([A-Z][\w/&.-]{1,11}\)\s*$", "", boss).strip()
    at = re.search(r"\s+".join(map(re.escape, boss.split())), doc.text, re.I)
    return (boss, Span(at.start(), at.end())) if at else None


def deputy(doc: Document) -> Found | None:
    """The one position a sentence says assists the post: "Il est assisté d'un adjoint, porte-parole du
    ministère" (``[phrases] deputy``), up to the next clause."""
    return phrase(doc, "deputy", stop=".;:()", accept=lambda found: _to_clause_end(doc, found))


def supervised_named(doc: Document) -> list[Found]:
    """The positions a sentence says the post supervises (``supervised_counted``'s, without their count)."""
    return supervised_counted(doc)[0]


def supervised_counted(doc: Document) -> tuple[list[Found], int | None]:
    """The positions a sentence says the post supervises: "The Director supervises the department
    managers and works with the Board", "Supervision is exercised over library Clerks, Pages and
    Volunteers" (``[phrases] supervises``), each a title in capitals or ending in a ``[words]
    title_heads`` word ("managers", "library Clerks"), its leading ``[words] supervised_lead`` words
    dropped ("all", "the work of subordinate", "a team that includes"); nothing where what is supervised
    is work or staff, not positions ("supervises the daily operations", "exercises direct supervision
    over clerical staff"). With them how many, where each is counted ("one Digital Initiatives
    librarian, and five Access & Collection Services staff members": 6), else None."""
    for lead in _supervises().finditer(doc.text):
        line = doc.text[doc.text.rfind("\n", 0, lead.start()) + 1 : lead.start()]
        opening = fold(lead.group(0)) in words("words", "supervises_opening")
        if opening and line.strip(" \t-*\u2022.0123456789") and not _given(line) and not _infinitives(line):
            continue  # "under the supervision of the Director": received; "- Supervision of X" opens its item
        said = _TOLD.match(doc.text, lead.end())
        found = clean(doc, lead.end(), said.end()) if said else None
        if found and (end := _list_end(found[0])):
            found = clean(doc, found[1].start, found[1].start + end)
        if found and (found := _to_clause_end(doc, found)) and (out := _counted_positions(*found)):
            return [f for f, _ in out], _total(out)
    return [], None


def _infinitives(before: str) -> bool:
    """A series of a duty's verbs after ``to`` that the imperative after ``before`` goes on: "The purpose of
    this position is to oversee the agency's administration of ..., supervise the program analysts"."""
    return before.rstrip().endswith(",") and any(is_duty_verb(m.group(1))
                                                 for m in _to_verb().finditer(before))


@cache
def _to_verb() -> re.Pattern[str]:
    """A ``[words] infinitive_marks`` word (``to``) and a word in lower case: an infinitive, maybe."""
    return re.compile(rf"\b(?:{alternation('words', 'infinitive_marks')})[ \t]+([a-z]+)\b")


def _given(before: str) -> bool:
    """The supervision a line names after ``before`` is the post's to give: "responsible for ... and the
    supervision of the Education Staff" (an article before it, not after a ``[words] supervision_under`` word:
    "under the supervision of")."""
    said = fold(before).split()
    return len(said) >= 2 and said[-1] in words("words", "subject_articles") \
        and said[-2] not in words("words", "supervision_under")


#: what a supervising verb says, up to a stop or a bracket, over a post's classification in brackets ("a
#: Senior Analyst (EC-05) and two Analysts (EC-04)").
_TOLD = re.compile(r"(?:[^.;:()\n]|\([A-Z]{2,4}[- ]?\d{1,2}\)){2,300}")


def supervised_listed(doc: Document) -> tuple[list[Found], int | None]:
    """The positions a ``[labels] supervised`` label lists as its value, run in or on the line below it
    ("Direct reports" / "Toihautu Principal Advisor Māori, Rautaki Māori Operations Manager, ...";
    "Supervises: 4 Voter Services Representatives"), each a position as ``supervised_counted`` reads
    them, and how many: the counts given, else one a position; nothing where one item names no position
    ("Supervises: staff and volunteers as assigned")."""
    for f in labelled(doc, "supervised"):
        found = clean(doc, f.value_start, f.value_end)
        if found and (says_nothing(found[0]) or (_count_in(found[0]) is not None and " " not in found[0])):
            return [], None  # "DIRECT REPORTS: Nil": no one (``supervises_stated``'s 0); "Two": a count
        if found and _sentence(found[0]):
            continue  # "Supervision Exercised:" / "Exercises direct supervision over staff.": told
        first = COUNT_THEN_LIST.match(doc.text, found[1].start, found[1].end) if found else None
        inner = clean(doc, first.start(2), first.end(2)) if first else None
        if first and inner and (out := _counted_positions(*inner, whole=True)):
            return [f for f, _ in out], int(first.group(1))  # "3 (Manager, X; Manager, Y)": how many, which
        if found and (out := _counted_positions(*found, whole=True)):
            if not any(names_a_post(f[0]) or _staff(f[0]) for f, _ in out):
                continue  # "Supervises: Varies": no post named (a staff is: "Supervises: Coordination Staff")
            if any(f[0].count("(") != f[0].count(")") for f, _ in out):
                return [], None  # "3 FTE (1 x Senior Analyst, 2 x Analyst)": a figure's parts, split
            if any(_plural(f[0]) and n in (None, 1) for f, n in out):
                return [f for f, _ in out], None  # "Customer Service Officers": how many, not said
            uncounted = all(n is None for _, n in out)
            return [f for f, _ in out], (len(out) if uncounted else _total(out))
    return [], None


#: a count, then the posts it counts in brackets: ``3 (Manager, Grants; Manager, Outreach; Coordinator)``.
COUNT_THEN_LIST = re.compile(r"(\d{1,3})[ \t]*\((.+)\)[ \t]*$")


def _staff(title: str) -> bool:
    """A group of staff, its last word a ``[words] staff_nouns`` one (``Coordination Staff``)."""
    said = fold(title).split()
    return bool(said) and singular(said[-1]) in words("words", "staff_nouns")


def _plural(title: str) -> bool:
    """A title in the plural: its last word a ``[words] title_heads`` word's plural (``Officers``)."""
    last = fold(title).split()[-1] if title.split() else ""
    return last != singular(last) and singular(last) in words("words", "title_heads")


def _sentence(value: str) -> bool:
    """A value written as a sentence: a capital, words in lower case (``in_prose``), a full stop."""
    return value[:1].isupper() and value.endswith(".") and in_prose(value.split()[1:])


def says_nothing(value: str) -> bool:
    """A value that says no one: a ``[words] nothing`` entry ("None", "N/A", "Not applicable", "Néant"),
    maybe with a full stop."""
    said = value.strip().rstrip(".").strip()
    return bool(said) and fold(said) in words("words", "nothing")  # an empty value says nothing at all


def _total(items: list[tuple[Found, int | None]]) -> int | None:
    """How many the counted items make (``one X, one Y, and five Z``: 7); None where one is not counted."""
    counts = [n for _, n in items if n is not None]
    return sum(counts) if len(counts) == len(items) else None


def peers_labelled(doc: Document) -> list[Found]:
    """The posts a ``[labels] peers`` label lists as its value ("Peer positions: Manager, Outreach; Manager,
    Evaluation"), each a position as ``supervised_listed`` reads them; two at least."""
    for f in labelled(doc, "peers", loose=False):
        found = clean(doc, f.value_start, f.value_end)
        if found and not _sentence(found[0]) and len(out := _counted_positions(*found, whole=True)) >= 2:
            return [f for f, _ in out]
    return []


def peers_named(doc: Document) -> list[Found]:
    """The positions a sentence places beside the post (``[phrases] peers``): "you will form part of the
    Program Team, alongside the Service Design Lead, Product Management Lead, and a Delivery Manager
    with the authority to ...", up to the clause's end; two at least (one alone is someone the post
    works with: "work alongside the Chief Information Officer"), each a position as ``supervised_named``
    reads them (nothing where one item names none: "alongside user researchers, developers ...")."""
    for lead in _peers().finditer(doc.text):
        said = re.match(r"[^.;:()\n]{2,300}", doc.text[lead.end() :])
        end = lead.end() + said.end() if said else lead.end()
        if cut := PEERS_END.search(doc.text, lead.end(), end):
            end = cut.start()
        found = clean(doc, lead.end(), end)
        if found and len(out := _positions(*found)) >= 2:
            return out
    return []


#: where a list of peers ends: the clause goes on (``... and a Delivery Manager with the authority to``;
#: ``[words] peers_ends``).
PEERS_END = re.compile(rf"[ \t]+(?:{alternation('words', 'peers_ends')})[ \t]")

@cache
def _peers() -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<!\w)(?:{alternation('phrases', 'peers')})[ \t]+")


def _positions(value: str, span: Span) -> list[Found]:
    """Each position named in a list ("X, Y and Z"), or nothing when one item names no position."""
    return [f for f, _ in _counted_positions(value, span)]


def _counted_positions(value: str, span: Span, *, whole: bool = False) -> list[tuple[Found, int | None]]:
    """Each position named in a list ("X, Y and Z") with the count written before it ("five Z": 5), or
    nothing when one item names no position; the list ends where an item opens with another verb
    ("..., and five staff members, participates in regular strategic planning"). ``whole``: each item
    a title whole (a label's value: "Chef d'équipe voirie"), not cut after its last word in capitals."""
    if shared := _one_per_field(value, span):
        return shared
    out: list[tuple[Found, int | None]] = []
    for at, said in _items(value):
        item = said.strip()
        if out and _list_break().match(item):
            break  # "..., and through them approximately 140 employees": the list has ended
        if _unpaid(item):
            continue  # "curatorial assistants, volunteers and field technicians": volunteers hold no post
        if re.fullmatch(r"[a-z]+ly", item):
            continue  # "five department heads, directly, ...": a manner, no post
        if out and item[:1].islower() and is_duty_verb(item.split()[0]):
            break  # "..., participates in regular strategic planning": the sentence goes on to another verb
        skip = _supervised_lead().match(item)
        count = _count_in(skip.group(0)) if skip else None
        post = whole and listed_post(item[skip.end() :] if skip and count is None else item, lower=True)
        item = item[skip.end() :] if skip else item
        if post:  # a label's item ("2 x Team Leader", "Content Lead – editorial"): the shared title and
            # count, the title one post's where counted ("6 Social Workers", "Line Cooks (4)": ``Line Cook``)
            item, count = (post[1] if post[1] in said else post[0]), count or post[2]
        elif not whole:
            item = _title_part(item, counted=count is not None)
        said_words = fold(item).split()
        last = said_words[-1] if said_words else ""
        headed = bool(said_words) and singular(said_words[0]) in words("words", "title_heads")
        if not item or (not item[0].isupper() and singular(last) not in words("words", "title_heads")
                        and not headed):
            return []  # one item is not a position: the sentence speaks of work, not of posts
        if last in words("words", "unit_words") and not headed:
            return []  # "supervises the Records Division": a unit, no post ("responsable du service": one)
        if item[0].islower() and is_duty_verb(item.split()[0]) and not _gerund_post(said_words) \
                and not (skip and fold(skip.group(0)).split()[-1] in words("words", "subject_articles")):
            return []  # "supervises and evaluates the work of subordinate managers": another verb, no
            # post (not after an article: "the program analysts")
        if count and count > 1 and item[0].isupper() and singular(last) in words("words", "title_heads") \
                and (one := singular_title(item)) != item and one in said:
            item = one  # "two Analysts (EC-04)": two posts of one title, ``Analyst`` (not "staff members")
        start = span.start + at + said.find(item)
        out.append(((item, Span(start, start + len(item))), count))
    return out


def _unpaid(item: str) -> bool:
    """People who hold no post (``[words] unpaid_people``): "volunteers", "student interns"."""
    said = fold(_leading_and().sub("", item.strip())).split()
    return 1 <= len(said) <= 3 and singular(said[-1]) in words("words", "unpaid_people")


def _list_end(value: str) -> int | None:
    """Where a list of supervised posts goes on to work, a noun in lower case after an article, then "of"
    (``_work_of``), no ``[words] title_heads`` word: "the Collections Information Technician and the
    administration of the Digital Asset Management Application"; or to what they do, a ``[words] list_breaks``
    entry after a comma: "les Conseillers généraux coordinateurs du Services Etudes, en charge de ..."."""
    ends = [m.start() for m in _work_of().finditer(value)
            if m.start() and singular(fold(m.group(1))) not in words("words", "title_heads")]
    ends += [m.start() for m in _break_after_comma().finditer(value)]
    return min(ends, default=None)


@cache
def _break_after_comma() -> re.Pattern[str]:
    return re.compile(rf"(?i),[ \t]*(?:{alternation('words', 'list_breaks')})\b")


@cache
def _work_of() -> re.Pattern[str]:
    the, and_ = alternation("words", "subject_articles"), alternation("words", "list_and")
    return re.compile(rf"(?:,|\s+(?:{and_}))\s+(?:{the})\s+([a-z][\w-]*)\s+(?:of|du|de|des)\b")


def _one_per_field(value: str, span: Span) -> list[tuple[Found, int | None]]:
    """Posts named once in the plural, then what each is for (``[phrases] unit_described``), the fields
    listed: "the Associate Vice-Presidents responsible for Financial Services, Facilities Management and
    Information Services" is one post a field (``Associate Vice-President, Financial Services`` ...), each
    counted one; nothing where a field is not written in capitals."""
    m = _posts_for().match(value)
    posts = m.group("posts") if m else ""
    if not m or singular(fold(posts).split()[-1]).split("-")[-1] not in words("words", "title_heads"):
        return []
    one = singular_title(posts)
    out: list[tuple[Found, int | None]] = []
    for at, said in _items(value[m.end() :]):
        field = _leading_and().sub("", said.strip())
        if not field[:1].isupper():
            return []
        start = span.start + m.end() + at + said.find(field)
        out.append(((f"{one}, {field}", Span(start, start + len(field))), 1))
    return out if len(out) >= 2 else []


@cache
def _posts_for() -> re.Pattern[str]:
    """Posts in the plural, in capitals, and the words saying what each is for: "Associate Vice-Presidents
    responsible for "."""
    said = alternation("phrases", "unit_described", r"[ \t]+")
    return re.compile(rf"(?P<posts>[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*)*s)[ \t]+(?:{said})[ \t]+(?=[A-Z])")


def _gerund_post(said: list[str]) -> bool:
    """Two words, a verb's ``-ing`` form naming what a post does, then its ``[words] title_heads`` word:
    "teaching assistants", "training officers" (a post, not another verb)."""
    return len(said) == 2 and said[0].endswith("ing") and singular(said[1]) in words("words", "title_heads")


@cache
def _and_item() -> re.Pattern[str]:
    """An item of a list up to the ``[words] list_and`` word and the next: ``Teacher Assistants`` in
    ``Teacher Assistants and Cook``, ``le responsable`` in ``le responsable et deux gestionnaires``."""
    return re.compile(rf".+?(?=\s+(?:{alternation('words', 'list_and')})\s+|$)")


def _items(value: str) -> list[tuple[int, str]]:
    """The items of a list ("X, Y and Z"), each with where it starts; a ``[words] title_heads`` word alone
    before a comma keeps what follows up to the next comma ("Director, Strategy and Performance": one
    title, its head and its field); where semicolons part the items, each is whole between them."""
    if ";" in value:  # "Manager, Finance; Manager, Planning and Development": each title whole
        return [(m.start(), m.group(0)) for m in re.finditer(r"[^;]+", value) if m.group(0).strip()]
    out: list[tuple[int, str]] = []
    for seg in re.finditer(r"[^,]+", value):
        head = out[-1][1].strip() if out else ""
        if head[:1].isupper() and " " not in head and singular(fold(head)) in words("words", "title_heads") \
                and seg.group(0).strip()[:1].isupper() and value[out[-1][0] + len(out[-1][1])] == ",":
            out[-1] = (out[-1][0], value[out[-1][0] : seg.end()])
            continue
        out += [(seg.start() + m.start(), m.group(0)) for m in _and_item().finditer(seg.group(0))]
    return out


def _count_in(lead: str) -> int | None:
    """The count among an item's leading words (``one``, ``five``, ``2``), if any; one for a post's
    singular article alone (``[words] count_one``: "encadre le responsable du service")."""
    for w in (w.strip("*_") for w in lead.split()):
        if w.isdecimal():  # not isdigit: '²' is a digit int() refuses
            return int(w)
        if (n := numbers().get(fold(w))) is not None:
            return int(n)
    return 1 if lead.split() and all(fold(w) in words("words", "count_one") for w in lead.split()) else None


def _title_part(item: str, *, counted: bool = False) -> str:
    """A title without the words after it: "Site Coordinators along with on-site training" -> "Site
    Coordinators" (up to its last word in capitals or ``[words] title_heads`` word); a counted item may
    end in staff words ("five Access & Collection Services staff members": posts of that unit); nothing
    where a ``[words] unit_words`` or ``unit_name_words`` word follows it ("the Land Records office": a unit,
    "the Aquatics and Fitness programs": programmes, no post)."""
    said = item.split()
    heads = words("words", "title_heads")
    ends = [i for i, w in enumerate(said) if w[:1].isupper() or w[:1].isdigit()
            or singular(fold(w)) in heads]
    if not ends:
        return item
    after = said[ends[-1] + 1 :]
    if after and _complement(after[0]) and singular(fold(said[ends[-1]])) in heads:
        return item  # "responsable du service comptabilité": the head's field goes on after it
    if after and (singular(fold(after[0])) in words("words", "unit_words")
                  or fold(after[0]) in words("words", "unit_name_words")):
        return ""
    named = max(i for i, w in enumerate(said) if w[:1].isupper() or w[:1].isdigit()) if any(
        w[:1].isupper() or w[:1].isdigit() for w in said) else -1
    if {singular(fold(w)) for w in said[named + 1 :]} & words("words", "unpaid_people"):
        return ""  # "Museum and Field Studies graduate students (collections assistants)": people who hold no
        # post, their field in capitals before them
    tail = {singular(fold(w)) for w in after}
    if len(after) == 1 and tail <= words("words", "titled_staff_nouns") and said[ends[-1]][:1].isupper():
        return " ".join(said[: ends[-1] + 2])  # "B3 Clinical Support workers": the post's title ends so
    if tail & words("words", "staff_nouns"):
        # "Head Start center staff": staff of a programme, not a post; counted, they are posts
        return item if counted and tail <= words("words", "staff_nouns") else ""
    return " ".join(said[: ends[-1] + 1])


def _complement(word: str) -> bool:
    """A word that goes on with a title after its head word (``[words] title_complements``): ``du``,
    ``d'école``."""
    said = fold(word)
    return said in words("words", "title_complements") or any(
        said.startswith(c) for c in words("words", "title_complements") if c.endswith("'"))


@cache
def _supervised_lead() -> re.Pattern[str]:
    """The words before the first supervised title, no part of it: "all", "the work of subordinate",
    a count ("five department heads": how many is the count rule's), maybe in bold ("les **5 ...**")."""
    lead = rf"{alternation('words', 'supervised_lead')}|\d+|{'|'.join(numbers())}"
    return re.compile(rf"(?i)(?:(?:\*\*|__)?(?:{lead})\s+)+")


@cache
def _list_break() -> re.Pattern[str]:
    """An item that ends a list of supervised posts (``[words] list_breaks``): "and through them ..."."""
    return re.compile(rf"(?i)(?:{alternation('words', 'list_breaks')})\b")


@cache
def _supervises() -> Started:
    """A ``[phrases] supervises`` phrase, tried only at a word opening as one of them does."""
    return Started(rf"(?i)(?<!\w)(?:{alternation('phrases', 'supervises')})\s+",
                   rf"{opening(written('phrases', 'supervises'))}(?<!\w.)", asked=True)


@cache
def _leading_and() -> re.Pattern[str]:
    """A ``[words] list_and`` word opening a list's item: ``and Director, Y``."""
    return re.compile(rf"^(?:{alternation('words', 'list_and')})\s+")


def _to_clause_end(doc: Document, found: Found) -> Found | None:
    """``found`` up to where another clause starts (``_clause_end``, or ``and`` and a duty's verb after a
    comma: "supervise the program analysts and disclosure specialists, and develop processes")."""
    value, span = found
    ends = [m.start() for m in (_clause_end().search(doc.text, span.start, span.end),) if m]
    ends += [m.start() for m in _and_verb().finditer(doc.text, span.start, span.end)
             if is_duty_verb(m.group(1))][:1]
    if ends:
        return clean(doc, span.start, min(ends))
    return found if len(value.split()) <= 12 else None


@cache
def _and_verb() -> re.Pattern[str]:
    """A comma, a ``[words] list_joins`` word (``and``, ``ou``) and a word in lower case: another verb's
    clause, when it is a duty's verb."""
    return re.compile(rf",[ \t]*(?:{alternation('words', 'list_joins')})[ \t]+([a-z]+)\b")


def supervises_stated(doc: Document) -> tuple[int, Span] | None:
    """How many the post supervises where the document says it outright: ``Nombre de personnes
    encadrées : 6`` (``[labels] supervises``, or a ``[labels] supervised`` label: ``Direct reports: 3``), 0
    for ``Encadrement : non``, ``Positions supervised: None`` (a ``[words] nothing`` value), "Pas
    d'encadrement direct", "no supervisory responsibilities" (``[phrases] no_reports``)."""
    for f in sorted(labelled(doc, "supervises") + labelled(doc, "supervised"), key=lambda f: f.value_start):
        found = clean(doc, f.value_start, f.value_end)
        if found and says_nothing(found[0]):
            return 0, found[1]
        # a label alone on its line (``Management`` / ``Non``) counts only with a bare number below it; ``oui,
        # 4 agents``: the number after a ``[words] yes`` word
        yes = _yes().match(found[0]) if found and not f.loose else None
        n = re.compile(r"\d{1,4}(?!\S)").match(found[0], yes.end() if yes else 0) if found else None
        if found and not n and not f.loose and (spelled := numbers().get(fold(found[0]))) is not None:
            return int(spelled), found[1]  # "Direct reports: Three"
        if found and n and (not f.loose or n.end() == len(found[0])):
            said = re.sub(r"\([^()]*\)", "", found[0][n.start() :])  # "4 agents (2 catégorie B, 2 ...)": one
            parts = [_leading_and().sub("", p.strip()) for _, p in _items(said)]
            counted = [c for p in parts if COUNT.match(p) and (c := listed_post(p, lower=True))]
            if len(parts) >= 2 and len(counted) == len(parts):  # "2 agents d'accueil, 1 agent ...": 3
                return sum(c[2] for c in counted), found[1]
            return int(n.group(0)), Span(found[1].start + n.start(), found[1].start + n.end())
    row = _row(doc, "supervises_row")
    if row and says_nothing(row[0]):
        return 0, row[1]
    if row and row[0].isdecimal():
        return int(row[0]), row[1]
    m = _no_reports().search(doc.text)
    return (0, Span(m.start(), m.end())) if m else None


@cache
def _yes() -> re.Pattern[str]:
    """A ``[words] yes`` word and what parts it from a figure: ``oui, ``, ``Yes - ``."""
    return re.compile(rf"(?i)(?:{alternation('words', 'yes')})\b[ \t]*[,:;\u2013\u2014-]?[ \t]*")


def _row(doc: Document, key: str) -> Found | None:
    """A table row flattened to a paragraph of its own, its label run into its value without a colon
    (``[labels] reports_to_row``: "Responsible to WRLC Programme Director" with a blank line round it);
    the value opens with a capital of any alphabet or a digit ("Responsible to Ōtākou Regional Manager"), has
    no sentence's stop and at most 8 words."""
    rows = _row_pattern(key).finditer(doc.text)
    m = next((m for m in rows if m.group("value")[0].isupper() or m.group("value")[0].isdecimal()), None)
    return clean(doc, m.start("value"), m.end("value")) if m else None


@cache
def _row_pattern(key: str) -> re.Pattern[str]:
    label = alternation("labels", key, space=r"[ \t]+")
    return re.compile(rf"(?:\A|\n[ \t]*\n)[ \t]*(?i:{label})"
                      r"[ \t]+(?P<value>[^\W_][^\s.:;]*(?:[ \t]+[^\s.:;]+){0,7})[ \t]*(?=\n[ \t]*\n|\Z)")


@cache
def _no_reports() -> re.Pattern[str]:
    return re.compile(rf"(?i)(?<!\w)(?:{alternation('phrases', 'no_reports')})(?!\w)")


def superiors_named(text: str, labelled: str | None = None,
                    languages: tuple[str, ...] = ("en",)) -> list[str]:
    """The superior a family's label gives (``labelled``, its phrase left out: ``after_phrase``), then those
    the prose names (``supervisor_phrases``), each once."""
    out: dict[str, str] = {}
    for name in filter(None, [after_phrase(labelled or ""), *supervisor_phrases(text, languages)]):
        out.setdefault(name.casefold(), name)
    return list(out.values())


def supervisor_phrases(text: str, languages: tuple[str, ...] = ("en",)) -> list[str]:
    """Supervisors named in prose (``superiors_said``), in their order."""
    return [name for name, _ in superiors_said(text, languages)]


def superiors_said(text: str, languages: tuple[str, ...] = ("en",)) -> list[tuple[str, int]]:
    """Supervisors named in prose in ``languages`` and where each is named: "reporting to the X", "will report
    to the X", "under the supervision of the X", "under general direction of the X", "under the general
    oversight of the X", "under the direction and control of the X", "is supervised by the X", "relève du X",
    "rend compte à la X" (a French title in lower case); not "reports" the noun (a ``[words]
    reports_verb_nouns`` word that ``reports_noun`` reads as one: "submits all reports to the X"; "reporting"
    after a ``before_reports_noun`` word: "other various reporting to the X")."""
    out = []
    for language in languages:
        for m in _supervisor_lead(language).finditer(text):
            lead = fold(m.group(0).split()[0])
            if (lead in words("words", "reports_verb_nouns") and reports_noun(text, m.start())) or \
                    (lead == "reporting" and noun_word_before(text, m.start())):
                continue  # "all reports to the X", "other various reporting to the X": the noun
            rest = re.split(r"\n[ \t]*\n", text[m.end() : m.end() + 200])[0]  # a blank line ends it
            if "\n" in m.group(0):  # ``Reporting to`` ending its line: a label, its value the next line
                rest = rest.split("\n")[0]
            if superior_of_list().match(rest):
                continue  # "Reporting to the Director are the following positions:": its reports, no superior
            name = _superior_named(rest, languages)
            if name and (name[0].isupper() or language != "en") and 1 <= len(name.split()) <= 12 and \
                    not _superior_words(languages)[2].match(name):
                out.append((name, m.start()))
    return sorted(out, key=lambda said: said[1])


def _superior_named(rest: str, languages: tuple[str, ...]) -> str:
    """The superior at the start of ``rest``: on past a comma before a unit in capitals ("Director, Finance
    Branch, the incumbent ..."), not past one after a unit ("Chief of the X Section, Y Division") or before
    another clause; cut where ``_superior_words`` ends it, the other hat in brackets after a rank and its unit
    left out ("ADM, Systems Branch (HRDC Chief, Information Officer)"; not "Vice-President (Operations and
    Finance)")."""
    parts = re.split(r"(,)", squash(rest))
    name = parts[0]
    for i in range(2, len(parts), 2):
        if not re.match(r"\s*[A-Z]", parts[i]) or _superior_words(languages)[0].match(parts[i]) \
                or _ends_in_unit(name):  # ``Chief of the X Section, Y Division``: units, not the title
            break
        name += "," + parts[i]
    # a full stop ends the name, not a name's initial ("Margaret J. Ellery College Librarian")
    name = _superior_words(languages)[1].split(_one_title(name))[0]
    if "," in name:  # a rank and its unit already: the bracket after them is the post's other hat
        name = re.sub(r"(?<=\S)\s*\([^()]+\)$", "", name)
    return _without_section(clean_title(_own_unit(before_run_in_label(name))))


@cache
def _superior_words(languages: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What ends a superior named in prose (``superiors_said``), ``[words]`` of ``languages``: after a comma,
    a ``superior_clause_subjects`` word opening another clause (", The Director ..."); a full stop (not a
    name's initial: "Margaret J. Ellery College Librarian"), a bracket or a ``superior_ends`` word ("the
    Director who ...", not a ``title_joins`` one before a capital: "Deputy Secretary to the Cabinet") or the
    post named as the next clause's subject, its comma left out (``post_subjects``:
    "Reporting directly to the CEO the position is responsible for ..."); and the ``no_superior_words`` that
    name none ("the incumbent")."""
    keys = ("superior_clause_subjects", "superior_ends", "post_subjects", "no_superior_words", "title_joins")
    subjects, ends, post, nothing, joins = (alternation("words", key, languages=languages) for key in keys)
    return (re.compile(rf"\s*(?:{subjects})\b"),
            re.compile(rf"(?i:{abbreviation_guard()})(?:(?<!\b[A-Z])\.|\.(?!{BEFORE_NAME})|[;:()])\s"
                       rf"|\s+(?!(?:{joins})\s+[A-Z])(?:{ends})\s|\s+(?:{post})\b|[.;:]$"),
            re.compile(rf"(?:{nothing})\b", re.I))


@cache
def _supervisor_lead(language: str) -> Needled:
    """The words before a supervisor in prose (``superiors_said``), ``[words]`` and ``[phrases]`` of
    ``language``: a ``reports_verbs`` verb (a ``reports_adverbs`` word after it) and ``reports_links``;
    ``supervision_under``, a ``supervision_nouns`` noun (maybe ``list_and`` a ``supervision_joined`` one)
    and ``supervision_links``; a ``[phrases] supervised_by`` phrase; an article after each
    (``subject_articles``, ``indefinite_articles``; an elided one before the name: "relève de l'adjoint")."""
    def said(group: str, key: str) -> str:
        return alternation(group, key, languages=(language,))
    verbs, adverbs, to, under, nouns, joined, of, the, a, and_ = (said("words", key) for key in (
        "reports_verbs", "reports_adverbs", "reports_links", "supervision_under", "supervision_nouns",
        "supervision_joined", "supervision_links", "subject_articles", "indefinite_articles", "list_and"))
    by = said("phrases", "supervised_by")
    the = rf"(?:(?:{the}|{a})(?:\s+|(?<=')))?"
    return Needled(rf"(?:{verbs})\s+(?:(?:{adverbs})\s+)?(?:{to})(?:\s+|(?<=')){the}"
                      rf"|(?:{under})\s+{the}(?:\w+\s+)?(?:{nouns})(?:\s+(?:{and_})\s+(?:{joined}))?\s+(?:{of})\s+{the}"
                      rf"|\b(?:{by})\s+{the}", re.I)


def _without_section(name: str) -> str:
    """A superior without the section name a flattened form runs in after it: ``Chief Electoral Officer
    Position Purpose`` -> ``Chief Electoral Officer``."""
    said = name.split()
    for k in (3, 2, 1):
        if len(said) > k and is_section_name(" ".join(said[-k:])):
            return " ".join(said[:-k])
    return name


def _one_title(name: str) -> str:
    """The first title where "and" / "or" joins two ("Parks Superintendent and Assistant Superintendent",
    "the Director or designate"), not where it joins a title's words ("Parks and Recreation Director",
    "Director of Finance and Administration"): cut where the words before end in a ``[words] title_heads``
    word or the word after is in lower case."""
    for m in re.finditer(r"\s+(?:and|or)\s+(\S+)|(?<!\bof)(?<!\bfor)(?<!\band)(?<!\bto)\s+[Tt]he\s+(?=[A-Z])",
                         name):
        before = fold(name[: m.start()]).split()
        if m.group(1) is None or not m.group(1)[:1].isupper() or (
                before and singular(before[-1]) in words("words", "title_heads")):
            return name[: m.start()]  # (or where "the" opens another name: "... Services the Director of X")
    return name


def _ends_in_unit(name: str) -> bool:
    return bool(name.split()) and unit_word(name.split()[-1]) is not None


def _own_unit(name: str) -> str:
    """``Chief of the Multimedia Resources Unit of the Audio Visual Services Section``: a title names its
    own unit; the larger ones after it say where that unit sits."""
    head = re.match(r"(.+?\bof[ \t]+the[ \t]+.+?)[ \t]+of[ \t]+the[ \t]+", name)
    return head.group(1) if head and _ends_in_unit(head.group(1)) else name
