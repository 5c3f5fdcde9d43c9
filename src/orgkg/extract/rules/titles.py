"""The position's title: a title field, else the document's first heading, else its first short line.

A title is at most 120 characters and never a section's name (``Summary``,
``Key Responsibilities``), a sentence, a placeholder or a label; a trailing
``job description`` / ``description de poste`` is the document's kind, not the title.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import cache, lru_cache

from orgkg.extract.lexicon import (
    LANGUAGES,
    alternation,
    fold,
    gender_bracket,
    inclusive,
    leading,
    patterns,
    said,
    table,
    unaccented,
    words,
    words_in,
    written,
)
from orgkg.extract.needles import Needled, opened_by
from orgkg.extract.rules.duties import SECTION_NO, is_duty_verb, is_lead_in
from orgkg.extract.rules.identifiers import TITLE_NUMBER, numbered_lead, reference
from orgkg.extract.rules.labels import COUNT, DATE, Found, clean, every_label, labelled
from orgkg.extract.structure import Document, Line, Span, per_document
from orgkg.extract.structure.lines import ROMAN
from orgkg.extract.text import singular

MAX = 120
KIND = re.compile(r"\s*[-\u2013:|]?\s*\b(?:job|position|role)\s+"
                  r"(?:description|profile|specification|posting)s?$"
                  r"|\s*[-\u2013:|]?\s*\b(?:description|profil)\s+(?:de\s+|du\s+)?poste$", re.I)


#: a section's number after its name: `` iii``, `` 2``, `` b``, in quotes too (``Annex ‘A’``: folded, its
#: closing quote stays an apostrophe).
NUMBERED = re.compile(r"\s+(?:[ivxlc]{1,5}|\d{1,3}|[a-z])'?$")


def is_section_name(text: str) -> bool:
    """``Summary``, ``Key Responsibilities``, ``Specialized Experience``: a section, not a title."""
    folded = fold(SECTION_NO.sub("", text))
    folded = NUMBERED.sub("", folded) or folded  # ``ANNEXE III``, ``Appendix 2``: the section, numbered
    groups = ("duties", "stop", "not_titles", "context", "work_profiles")
    last = folded.split()[-1] if folded else ""
    if _headings_side_by_side(folded.split()):
        return True  # ``DESCRIPTION BENEFITS QUESTIONS``: a job site's tabs set side by side
    # ``responsable formation``, ``ADMINISTRATEUR ÉTUDES``: a post's head, then its field (in lower case, or
    # no duties' heading: ``Manager Responsibilities`` is a section), no section
    said = folded.split()
    headed = len(said) == 2 and said[0] in words("words", "title_heads") and (
        text[:1].islower() or said[1] not in words("headings", "duties"))
    return any(folded in words("headings", g) for g in (*groups, "page_kinds", "employer")) or \
        folded.startswith(_long_sections()) or (
        len(folded.split()) <= 2 and not headed and any(last in words("headings", g) for g in groups))


@cache
def _long_sections() -> tuple[str, ...]:
    """The ``[headings] duties`` and ``not_titles`` entries of two words or more, folded: a name opening
    with one is a section's (``str.startswith`` of them all at once)."""
    return tuple(w for g in ("duties", "not_titles") for w in words("headings", g) if len(w.split()) >= 2)


def _headings_side_by_side(parts: list[str]) -> bool:
    """Section names set side by side, ``and`` between them, their initials after them:
    ``DESCRIPTION BENEFITS QUESTIONS``, ``KNOWLEDGE, SKILLS AND ABILITIES (KSA)``, ``WORKING
    CONDITIONS AND PHYSICAL REQUIREMENTS``."""
    if len(parts) >= 3 and parts[-1] == "".join(w[0] for w in parts[:-1] if w != "and"):
        parts = parts[:-1]
    headings = words("headings", "duties") | words("headings", "stop") | words("headings", "not_titles")
    if len(parts) >= 2 and all(w in headings for w in parts if w != "and"):
        return True
    pieces = " ".join(parts).split(" and ")
    return len(pieces) >= 2 and all(p and is_section_name(p) for p in pieces)


#: the labels of fields that are never a title, alone on a line over their value (``Reference number``).
OTHER_LABELS = ("identifier", "level", "location", "staff", "organization", "unit")


@lru_cache(maxsize=4096)  # the rules ask it of the same lines again and again
def acceptable(title: str) -> bool:
    """A title a person would write: short, not a sentence, a section name or a label."""
    t = title.strip()
    folded = fold(t)
    if folded in words("labels", "title") or any(folded in words("labels", k) for k in OTHER_LABELS) \
            or is_lead_in(t + ":") or reference(t) or (
            folded.split() and folded.split()[-1] in words("words", "hiring_verbs")):
        return False  # a label, ``The main responsibilities of the post are``, ``Offre n° O0592...``,
        # ``La Ville de Durbuy engage``
    if folded.split() and folded.split()[0] in words_in("fr", "words", "organisation_nouns") \
            and not set(folded.split()) & words("words", "title_heads") \
            and (t.isupper() or (len(folded.split()) >= 2 and not names_a_post(t))):
        return False  # ``CENTRE HOSPITALIER RÉGIONAL DE TOULOUSE``, ``Conseil départemental de la Gironde``:
        # a body's name, no post's
    if len(folded.split()) >= 2 and folded.split()[0] in words_in("fr", "words", "unit_words") \
            and not names_a_post(t):
        return False  # ``Direction des ressources humaines``: a unit's name, no post's
    if MONEY.search(t) or re.search(r"[ \t]\u00b7[ \t]", t):
        return False  # ``$20 - $25 an hour``: a wage; ``Acme Corp · Toronto, ON (Hybrid)``: a job board's
        # employer and place, a dot between them
    if DATE.search(t):
        return False  # ``OPENING DATE: 11/07/22``, ``Publié le 12/01/2026``: a date
    if WEB_ADDRESS.search(t):
        return False  # ``EFAULT.ASPX?C=APPLY&LJOBID=537851``: a piece of a page's address
    if folded.split() and is_duty_verb(folded.split()[0]) and t.split()[0][:1].isupper() \
            and in_prose(t.split()[1:]) and not names_a_post(t):
        return False  # ``Provide overarching strategic leadership``: a duty in words of prose, no post (not
        # ``Research Botanist``)
    if _other_labels_lead(folded):
        return False  # ``Position Number Community Division/Region``: a row of fields' labels
    if _street_address(folded) or POSTAL.search(t) or town_and_state().fullmatch(t):
        return False  # ``123 Elm Street``, ``Albany, NY 12207``, ``2 rue de l'Hôtel de ville``, ``Edmonton,
        # AB``: where the employer is
    if folded.split() and {w for w in re.findall(r"[\w-]+", fold(t.split(";")[0])) if not w.isdigit()} <= \
            words("headings", "employment_terms"):
        return False  # ``Permanent, full-time role``, ``Contrat de 3 ans``, ``Temporary full time; one year
        # contract with possibility of renewal``: how the post is held, not which
    if " ".join(folded.split()[:2]) in {w for w in words("labels", "location") if len(w.split()) == 2} \
            and len(folded.split()) > 2:
        return False  # ``Based in Dunmore - Southern Region``: a place's label run into its value
    if _sentence(t):
        return False  # ``The Trust comprises 4 hospitals``
    if _ARTICLE_LOWER.match(t):
        return False  # ``l’orientation et la protection des lanceurs d’alerte``: a list's item in prose
    if _names_only(folded, t):
        return False  # ``Bristol, Darlington, London, Manchester``: a list of places, no post
    if _link_words().search(folded):
        return False  # ``For Benefits information Click HERE``: a link on a job site's page
    if _copula().search(t):
        return False  # ``The Group's Academic Partner is NUI Galway``: a sentence
    if _numbered_label().search(folded):
        return False  # ``Job Type FT Exempt Salaried Staff Job Number FY2604765``: a row of fields
    if folded.split() and folded.split()[-1] in words("words", "not_last"):
        return False  # a clause cut short: ``Commission and``, ``As a designer you will``
    if len(folded.split()) >= 3 and folded.split()[0] in _body_firsts() \
            and folded.split()[1] in words("words", "body_links"):
        return False  # ``DEPARTMENT OF EMPLOYMENT AND LABOUR``, ``Gouvernement du Québec``: a body's name
    return (0 < len(t) <= MAX and len(unbracketed(t).split()) <= 15 and not t.endswith((":", ";", "!"))
            and not re.search(r"[.!?]\s+[A-Z]|\{\{|\{%|^\W*$|\bn\W?\s?\d|\b(?:19|20)\d\d\b", t)
            and not re.fullmatch(r"[A-Z]{1,4}[- ]?\d{1,2}|\W*\w{1,3}\W*", t) and not is_section_name(t)
            and not CODE_ONLY.fullmatch(t)  # ``TR12-GAP-12``: a profile's code, not its title
            and not re.fullmatch(r"\d+[ \t]+\w+", t)  # ``02 postes``: how many posts, not which
            and not re.search(r"\d{1,3}(?:[,\u00a0 ]\d{3})+\b", t)  # ``CAD 90,000 - 120,000``: a salary
            and not level_alone().fullmatch(t))  # ``GROUPE II`` over a notice's posts: their level


def unbracketed(title: str) -> str:
    """A title without what it says in brackets (another name, its employer and place: ``Directeur général
    Simplification & Digitalisation (SPF Stratégie et Appui - Bruxelles)``), whose words are counted; a
    bracket listing things, commas between them, stays (``(intoxication, blessure, ...)``: prose)."""
    return BRACKETED.sub(" ", title)


BRACKETED = re.compile(r"\([^(),\n]*\)")


#: a French definite article in lower case opening a value: ``l’orientation ...``, ``la défense ...``.
_ARTICLE_LOWER = re.compile(r"(?:l['\u2019]|(?:la|le|les|du|des)\s)")


#: a web address or a piece of one: a query's ``?x=``/``&x=``, a page's extension, a scheme or ``www.``.
WEB_ADDRESS = re.compile(r"(?i)[?&]\w+=|\.(?:aspx?|html?|php|jsp)\b|https?://|\bwww\.")


def _other_labels_lead(folded: str) -> bool:
    """A label of two words or more of another field (``_other_labels``) leading more words: a row of a
    form's labels or a label run into its value, no title (``Position Number Community Division``)."""
    said = folded.split()
    return len(said) > 2 and any(" ".join(said[:n]) in _other_labels() for n in (2, 3) if len(said) > n)


@cache
def _body_firsts() -> frozenset[str]:
    """The first words of a body's name before ``of`` (``[words] body_first``, ``place_heads``,
    ``government_firsts``): ``STATE OF NORTH CAROLINA``, ``City of Kingston``, ``Department of ...``."""
    return words("words", "body_first") | words("words", "place_heads") | words("words", "government_firsts")


@cache
def _other_labels() -> frozenset[str]:
    """The labels of two words or more of a number, a level or a place (not a staff's: ``human resources``).
    """
    return frozenset(w for k in ("identifier", "level", "location") for w in words("labels", k)
                     if len(w.split()) >= 2)


#: an amount of money: a currency's sign before or after its digits (``$20``, ``45 000 €``, ``£32,000``).
MONEY = re.compile(r"[$\u20ac\u00a3][ \t]?\d|\d[ \t]?[$\u20ac\u00a3]")


#: a postal code as an address writes it: ``NY 12207`` (a state's letters, then five digits), ``K1A 0B1``,
#: ``44800 Saint-Herblain`` (five digits, then the town).
POSTAL = re.compile(r"\b[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?\b|\b[A-Z]\d[A-Z][ \t]?\d[A-Z]\d\b"
                    r"|(?:^|,[ \t]*)\d{5}[ \t]+[A-Z\u00c0-\u00de]")


def _town(stops: str = "") -> str:
    """A town's name: one to three capitalised words (``stops``: the marks they may hold besides apostrophes
    and hyphens)."""
    word = rf"[A-Z][a-z'\u2019{stops}-]+"
    return rf"{word}(?:[ \t]+{word}){{0,2}}"


#: a town's name, an abbreviation's full stop in any word (``Fredericton``, ``St. John's``, ``Sault Ste.
#: Marie``).
TOWN_WORDS = _town(".")
#: a town's name without a full stop but an abbreviation opening it, never right after another word, where it
#: ends a street (``15 W. 16th St. New York, NY``, ``120 Main St. Springfield, IL``): ``St. Louis, MO`` opens
#: its line or follows a stop. ``_town()`` whose first capital, the abbreviation's or the name's, opens the
#: pattern (the abbreviation's letters, the lookbehind over that capital, after it): ``_sre`` skips to a
#: capital at once, where an optional abbreviation first was tried at every character.
TOWN_NO_STREET = rf"[A-Z](?:(?<!\w[ \t].)[a-z]{{1,3}}\.[ \t]+[A-Z])?{_town().removeprefix('[A-Z]')}"


@cache
def town_and_state() -> re.Pattern[str]:
    """``New York, NY``, ``St. Louis, MO``: a town (``TOWN_NO_STREET``) and the code of its state or province
    (``[words] us_states``, ``canadian_provinces``), the code in group ``state``."""
    codes = "|".join(sorted({*written("words", "us_states"), *written("words", "canadian_provinces")}))
    return re.compile(rf"{TOWN_NO_STREET},[ \t]*(?P<state>{codes or '(?!)'})\b")


def _street_address(folded: str) -> bool:
    """A number, then a ``[words] street_words`` entry among the next few words: a street address."""
    said = [w.strip(".,") for w in folded.split()]
    return bool(said) and said[0][:1].isdigit() and bool(set(said[1:6]) & words("words", "street_words"))


def names_a_post(title: str) -> bool:
    """A ``[words] title_heads``, ``posting_title_heads`` or ``post_words`` entry among the words of
    ``title`` (a plural's singular too): ``Records Management Clerk``, ``Directeur(trice) — gestion de
    projets``, not ``200 Main Street``, ``Ville en vert``, ``Fiche de poste``."""
    said = fold(title).split()
    single, spaced = _post_nouns()
    return any(w in single or singular(w) in single for w in said) or \
        any(f" {e} " in f" {' '.join(said)} " for e in spaced)


def head_noun(title: str) -> str:
    """The head noun of a title or a name, folded: its last word before a ``[words] body_links`` word, a
    comma, a dash or a bracket (``advisor`` for 'Senior Policy Advisor', ``office`` for 'Office of the City
    Manager', ``manager`` for 'Manager, Local Government and Housing'); "" for none."""
    said = re.split(r"\s[-\u2013(]", plain(title).split(",")[0])[0].split()
    links = words("words", "body_links")
    named = next((k for k, w in enumerate(said) if k and w in links), len(said))
    return said[named - 1] if said else ""


def plain(text: str) -> str:
    """Case, accents and apostrophes folded, punctuation kept, one space: ``Rattaché directement à X,
    le sous-directeur`` -> ``rattache directement a x, le sous-directeur``."""
    return re.sub(r"\s+", " ", unaccented(text.replace("\u2019", "'")).casefold())


def names_a_body(line: str) -> bool:
    """A line that is a body's or a unit's name, no title: its head noun (``head_noun``) the last word of a
    body's or a unit's name (English ``[words] organisation_heads``, ``unit_words``: ``Office of the City
    Manager``, ``Ontario Public Service``), or a ``[words] body_line_words`` entry among its words and a head
    noun that is no post's (``Marion County``); ``Manager, Local Government and Housing``, ``County
    Administrator`` are posts."""
    head, said = head_noun(line), f" {' '.join(fold(line).split())} "
    return head in _body_heads() or (any(f" {w} " in said for w in words("words", "body_line_words")) and \
        not names_a_post(head))


@cache
def _body_heads() -> frozenset[str]:
    return words_in("en", "words", "organisation_heads") | words_in("en", "words", "unit_words")


@cache
def _post_nouns() -> tuple[frozenset[str], tuple[str, ...]]:
    """The nouns of a post, folded: those of one word, and those of more (``vice president``)."""
    keys = ("title_heads", "posting_title_heads", "post_words")
    nouns = frozenset().union(*(words("words", k) for k in keys))
    return frozenset(w for w in nouns if " " not in w), tuple(w for w in nouns if " " in w)


def _sentence(title: str) -> bool:
    """A sentence, no title: an article opening it (``[words] sentence_articles``) and a word in lower case
    after that is no ``[words] title_links`` word (its verbs: ``_copula``)."""
    said = title.split()
    return len(said) >= 4 and fold(said[0]) in words("words", "sentence_articles") and in_prose(said[1:])


def in_prose(said: list[str]) -> bool:
    """A word in lower case among ``said`` that is no ``[words] title_links`` word: ``will``, ``work`` in
    ``Senior Analyst will work with the Data Engineer``, not ``of`` in ``Director of Finance``."""
    return any(w[:1].islower() and fold(w) not in words("words", "title_links") for w in said)


#: an English ``[words] list_joins`` word opening a list's last item: ``and Finance``.
_JOINED = re.compile(rf"^(?:{'|'.join(patterns('words', 'list_joins', languages=('en',)))})\s+")
#: an English article before a capitalised word (``[words] subject_articles``): ``the Director``.
_THE_NAME = re.compile(rf"[ \t](?:{'|'.join(patterns('words', 'subject_articles', languages=('en',)))})"
                       r"[ \t]+(?=[A-Z])")


def _names_only(folded: str, title: str) -> bool:
    """Three names or more, one word each, parted by commas, none a ``[words] title_heads`` word: the
    places or bodies a posting lists, never a title (``Director, Finance, Administration`` is one)."""
    items = [i.strip() for i in title.split(",")]
    return len(items) >= 3 and all(len(i.split()) == 1 and i[:1].isupper() for i in items[:-1]) \
        and len(_JOINED.sub("", items[-1]).split()) == 1 \
        and not set(folded.split()) & words("words", "title_heads")


@cache
def _copula() -> re.Pattern[str]:
    """A ``[headings] copulas`` verb as written, in lower case between two words of a title."""
    said = "|".join(re.escape(w) for w in sorted(words("headings", "copulas"), key=len, reverse=True))
    return re.compile(rf"\S[ \t]+(?:{said})[ \t]+\S")


@cache
def _link_words() -> re.Pattern[str]:
    """A ``[headings] not_title_words`` entry as a whole word of a folded title."""
    said = "|".join(re.escape(w) for w in sorted(words("headings", "not_title_words"), key=len, reverse=True))
    return re.compile(rf"(?<!\S)(?:{said})(?!\S)")


@cache
def _numbered_label() -> re.Pattern[str]:
    """An ``[labels] identifier`` entry of two words or more, a number after it, in a folded title."""
    labels = sorted((w for w in words("labels", "identifier") if " " in w), key=len, reverse=True)
    said = "|".join(re.escape(w) for w in labels)
    return re.compile(rf"(?<!\S)(?:{said}) \S*\d")


@cache
def level_alone() -> re.Pattern[str]:
    """A level alone, a ``[words] level_words`` entry and its number, maybe after its scheme's letters:
    ``(WMS BAND 2)``, ``Grade 7``, ``Pay Range GC16``, ``TASK LEVEL T22``, ``GROUPE II`` (a Journal officiel
    notice's group over its posts), ``Grade VII`` (a number in Roman numerals, as Irish public bodies write
    grades); the scheme's letters in capitals only ("from Level 7" is no level's scheme)."""
    level = alternation("words", "level_words")
    return re.compile(rf"(?i)(?:(?-i:[A-Z]{{2,5}})[ \t]+)?(?:pay[ \t]+)?(?:{level})[ \t]+"
                      r"(?:[A-Z]{0,2}\d{1,2}[A-Z]?|[IVX]{1,4}(?!\w))")


#: a code of parts in capitals and digits: ``TR12-GAP-12``, ``AFG21198``.
CODE_ONLY = re.compile(r"(?=[^ ]*\d)[A-Z0-9]{2,}(?:[-/.][A-Z0-9]+)*")


@cache
def lead_kind() -> re.Pattern[str]:
    """A posting's kind leading its title (``[words] posting_kinds``), a dash, colon or bar after it:
    ``Offre d'emploi – Responsable ...``, ``Job posting: Analyst``; or the words leading to the post with no
    sign between (``posting_leads``): ``Recrutement d'un(e) gestionnaire comptable``."""
    kinds, leads = (alternation("words", key, r"[ \t]+") for key in ("posting_kinds", "posting_leads"))
    return re.compile(rf"(?i)^(?:(?:{kinds})[ \t]*[-\u2013\u2014:|][ \t]*|(?:{leads})[ \t]+)(?=\S)")


def without_kind(title: str) -> str:
    """``title`` without the posting's kind leading it (``lead_kind``)."""
    lead = lead_kind().match(title)
    return title[lead.end() :] if lead and title[lead.end() :].strip() else title


def _trim_kind(doc: Document, found: Found) -> Found:
    lead = lead_kind().match(found[0])
    if lead and (rest := clean(doc, found[1].start + lead.end(), found[1].end)):
        found = rest  # the posting's kind is no part of the title
    value, span = found
    m = KIND.search(value)
    if m and m.start() > 0:
        end = span.start + len(doc.text[span.start : span.end].rstrip()) - (len(value) - m.start())
        return value[: m.start()].strip(), Span(span.start, max(end, span.start + 1))
    return found


@cache
def _run_in_label() -> re.Pattern[str]:
    """A ``[labels] title`` entry of two words or more leading a line, run into its value in capitals with no
    colon (a table's row flattened: ``Job Title Payroll Officer``)."""
    labels = "|".join(said(w, r"[ \t]+") for w in sorted(written("labels", "title"), key=len, reverse=True)
                      if " " in w)
    return re.compile(rf"(?i:{labels})[ \t]+(?=[A-Z\u00c0-\u00de])")


def without_run_in_label(line: str) -> str:
    """``Job Title Payroll Officer`` -> ``Payroll Officer``: a title's label run into its value, when the
    value names a post."""
    m = _run_in_label().match(line)
    return line[m.end() :] if m and names_a_post(line[m.end() :]) else line


@cache
def _run_in_title_label() -> re.Pattern[str]:
    """A ``[labels] title`` entry run into a line of a form's fields, a capital first: one of two words or
    more in any case (``Job Title and Grade``, ``Position Title``), one of a word in capitals (``POSITION``)
    before a value that is not (``POSITION Project Officer ...``)."""
    long = "|".join(said(w, r"[ \t]+") for w in sorted(written("labels", "title"), key=len, reverse=True)
                    if " " in w)
    single = "|".join(re.escape(w.upper()) for w in written("labels", "title") if " " not in w)
    return re.compile(rf"(?<!\w)(?:(?=[A-Z])(?i:{long})|(?:{single})(?=[ \t]+[A-Z][a-z]))"
                      r"[ \t]+(?=[A-Z\u00c0-\u00de])")


@cache
def _next_label() -> re.Pattern[str]:
    """Where the next field of such a line begins: a label of any kind of two words or more (``[labels]``), a
    capital first, maybe in a bracket (``(Grade Code: 3877)``, ``Campaign Reference G2308b``)."""
    kinds = sorted({str(k) for lang in LANGUAGES for k in table("labels", lang)})
    labels = sorted({w for k in kinds for w in written("labels", k) if " " in w}, key=len, reverse=True)
    alternatives = "|".join(said(w, r"[ \t]+") for w in labels)
    return re.compile(rf"[ \t]+\(?(?=[A-Z\u00c0-\u00de])(?i:{alternatives})(?!\w)")


#: how far into a document a form's line of run-in fields is looked for.
RUN_IN_REACH = 3000


def run_in_title(doc: Document) -> Found | None:
    """``Job Title and Grade Medical Scientist, Senior (Biochemistry) (Grade Code: 3877) Campaign Reference
    G2308b``, ``Position Title Senior Policy Advisor, Aboriginal Consultation Position Number ...``: a form's
    table read as one line, the title's label run into its value up to the next field's label; a value in
    capitals first, naming a post (``names_a_post``)."""
    following = _next_label()
    for m in _run_in_title_label().finditer(doc.text, 0, RUN_IN_REACH):
        end = doc.text.find("\n", m.end())
        cut = following.search(doc.text, m.end(), min(end if end >= 0 else len(doc.text), m.end() + MAX + 1))
        found = clean(doc, m.end(), cut.start()) if cut else None
        if found and acceptable(found[0]) and names_a_post(found[0]):
            return found
    return None


def title_field(doc: Document, *, loose: bool = False) -> Found | None:
    """A title field's value: labels naming the post's own title (``[words] own_title_labels``: ``Business
    Title`` below ``Title: 1165-YN - Associate``), then those naming a title before ``Position``, ``Job``; a
    label with its post's ordinal too (``Poste 1 : AGENT DE DÉONTOLOGIE ET DE DISCIPLINE``); never how many
    posts are open (``1 poste`` over ``Offres``: a count leading the label)."""
    fields = labelled(doc, "title", loose=loose, numbered=True) + labelled(doc, "title_colon", loose=False)
    own = words("words", "own_title_labels")
    for f in sorted(fields, key=lambda f: (fold(f.label) not in own, "title" not in fold(f.label),
                                           f.value_start)):
        if COUNT.match(fold(f.label)):
            continue
        found = _unmarked(doc, _paired(doc, f.label, clean(doc, f.value_start, f.value_end)))
        if found and "," in found[0]:
            found = _posted_by(doc, found) or (found if acceptable(found[0]) else None)
        if found and not acceptable(found[0]):
            found = _for_purpose(doc, found)
        if found and acceptable(found[0]) and not _label_tail(doc, f.label_start):
            return _trim_kind(doc, found)
    return None


#: a slash between two labels or two values: ``Position Class Code / Title``, ``L4015 / Science Mus ...``.
SLASHED = re.compile(r"[ \t]+/[ \t]+")


def _for_purpose(doc: Document, found: Found) -> Found | None:
    """``roles: une lead développeuse ou un lead développeur pour soutenir les agents qui assurent la sécurité
    aérienne``: a title field's value too long for a title, the post sought (a ``[words] sought_articles``
    entry before it dropped), then what it is for (``_sought_end``): the post, when it names one."""
    value, span = found
    cut = _sought_end().search(value)
    if not cut or cut.start() == 0:
        return None
    at = doc.text.find(value[: cut.start()], span.start, span.end)
    if at < 0:
        return None
    article = _sought_article().match(value)
    post = clean(doc, at + (article.end() if article else 0), at + cut.start())
    return post if post and acceptable(post[0]) and names_a_post(post[0]) else None


@cache
def _sought_article() -> re.Pattern[str]:
    """A ``[words] sought_articles`` entry opening a value: ``une``, ``un·e``, ``une ou un``."""
    articles = "|".join(sorted(patterns("words", "sought_articles"), key=len, reverse=True))
    return re.compile(rf"(?i)(?:{articles})[ \t]+(?=\S)")


def _paired(doc: Document, label: str, found: Found | None) -> Found | None:
    """A label naming two fields with a slash between (``Position Class Code / Title``) over values as many,
    the same slash between (``L4015 / Science Mus Collection Mgr,Sr``): the value in the title's place."""
    labels = SLASHED.split(label.strip())
    if not found or len(labels) < 2 or len(SLASHED.split(found[0])) != len(labels):
        return found
    titled = [k for k, said in enumerate(labels) if fold(said) in words("labels", "title")]
    if len(titled) != 1:
        return found
    value = SLASHED.split(found[0])[titled[0]]
    at = doc.text.find(value, found[1].start, found[1].end + 1)
    return clean(doc, at, at + len(value)) if at >= 0 else found


def _posted_by(doc: Document, found: Found) -> Found | None:
    """``Associate Museum Librarian, Systems - The Metropolitan Museum of Art, Thomas J. Watson Library``: a
    posting's title field, the post, a dash, then its employer and its unit (one of them an employer's name,
    ``employer_name``; ``posting_employer`` reads an employer alone); the post, when it names one."""
    m = POSTED_BY.match(found[0])
    if not m or "," not in m.group("e") or not names_a_post(m.group("t")) or \
            not any(employer_name(part.strip()) for part in m.group("e").split(",")):
        return None
    at = doc.text.find(m.group("t"), found[1].start, found[1].end)
    return clean(doc, at, at + len(m.group("t"))) if at >= 0 else None


def _unmarked(doc: Document, found: Found | None) -> Found | None:
    """A title read without what closes it and is no part of it (``without_marks``): ``Attaché juriste
    (h/f/x)`` -> ``Attaché juriste``."""
    if found and (bare := without_marks(found[0])) != found[0] and bare and (at := found[0].find(bare)) >= 0:
        return clean(doc, found[1].start + at, found[1].start + at + len(bare))
    return found


def _label_tail(doc: Document, start: int) -> bool:
    """A label that ends a longer one, a ``[words] body_links`` word before it on its line: ``poste`` of
    ``Localisation du poste : Aix-en-Provence``, a form's fields run into one paragraph."""
    before = doc.text[doc.text.rfind("\n", 0, start) + 1 : start].split()
    return bool(before) and fold(before[-1]) in words("words", "body_links")


#: a bracket closing a title: ``(m/f)``, ``(réf. E00038399)``.
LAST_BRACKET = re.compile(r"[ \t]*\(([^()\n]{1,40})\)[ \t]*$")


def _post_count(bracket: str) -> bool:
    """``X3 POSTS``, ``2 positions``: how many posts are open (``[words] post_count_nouns``)."""
    m = re.fullmatch(r"x?\s*\d{1,3}\s+(\w+)", fold(bracket))
    return m is not None and m.group(1) in words("words", "post_count_nouns")


def without_marks(title: str) -> str:
    """``Expert en affaires juridiques (m/f) (réf. E00038399)`` -> ``Expert en affaires juridiques``: a
    posting's gender marks (``[words] gender_marks``), its number in brackets after the title and the
    number of posts (``OHS INSPECTOR (X3 POSTS)``) are no part of it, nor the posting's number leading
    it (``POST 10/56 : OHS INSPECTOR``) or after a dash closing it (``X - 138659``)."""
    if lead := numbered_lead(title):
        title = title[lead.end() :]
    if (m := _site_tail().search(title)) and m.start() > 0:
        title = title[: m.start()]  # ``Senior Analyst | Careers | City of Kingston``: where the page is
    if (m := _workload_tail().search(title)) and m.start() > 0:
        title = title[: m.start()]  # ``X - Temps non complet 90%``, ``X (h/f) - Catégorie A+``: how much of
        # the week, the post's category, not the post
    while True:
        if (m := LAST_BRACKET.search(title)) and _no_part(m.group(1), title[: m.start()]):
            title = title[: m.start()]
        elif (m := _workload_tail().search(title) or NUMBER_TAIL.search(title) or _held_tail(title)
              or _requisition_tail(title) or _level_tail(title)) and m.start() > 0:
            title = title[: m.start()]  # ``Senior Project Manager - 138659``: the posting's number, no part
            # of it; ``Assistant administratif (F/H) - CDD``: how the post is held
        elif (said := title.split()) and len(said) > 1 and fold(said[-1]) in words("words", "gender_marks"):
            title = title[: title.rstrip().rfind(" ")].rstrip()  # ``Directeur des services techniques H/F``
        else:
            return title


@cache
def _site_tail() -> re.Pattern[str]:
    """A bar or a dash, then a ``[words] site_sections`` entry (and maybe the site's name after another):
    the part of a web page's title after its post's (``Senior Analyst | Careers | City of Kingston``)."""
    sections = alternation("words", "site_sections", r"[ \t]+")
    sign = r"[ \t]+[-\u2013\u2014|][ \t]+"
    return re.compile(rf"(?i){sign}(?:{sections})(?:{sign}[^\n]*)?[ \t]*$")


def _no_part(bracket: str, before: str) -> bool:
    """A bracket closing a title that is no part of it: a gender mark, the posting's number or code, how
    many posts, how much of the week, a date (``(8/3/21)``), or (a post named ``before`` it) how the post is
    held."""
    return fold(bracket) in words("words", "gender_marks") | words("words", "language_marks") or bool(
        reference(bracket) or _post_count(bracket) or CODE_ONLY.fullmatch(bracket.strip())
        or WORKLOAD.fullmatch(bracket.strip()) or DATE.fullmatch(bracket.strip())) \
        or (_held(bracket) and names_a_post(before)) \
        or _requisition(bracket)


def _requisition(bracket: str) -> bool:
    """``Req 1234``, ``Job ID: 5567``, ``Posting #24-118``: a posting's number and the words that name it
    (``[words] requisition_words``), nothing else."""
    said = fold(bracket).split()
    numbers = [w for w in said if any(c.isdigit() for c in w)]
    return bool(numbers) and len(numbers) < len(said) and \
        all(w in words("words", "requisition_words") for w in said if w not in numbers)


def _held(said: str) -> bool:
    """``Temporary``, ``Permanent, full-time``, ``CDD``: words that say only how the post is held
    (``[headings] employment_terms``)."""
    folded = {w for w in re.findall(r"[\w-]+", fold(said)) if not w.isdigit()}
    return bool(folded) and folded <= words("headings", "employment_terms")


#: a dash or bar and the words after it, closing a title.
DASH_TAIL = re.compile(r"[ \t]+[-\u2013\u2014|][ \t]+(?P<tail>[^-\u2013\u2014|]+)$")


def _held_tail(title: str) -> re.Match[str] | None:
    """``Library Assistant - Full time``, ``Agent (F/H) - CDD``: how the post is held after a dash, a post
    named before it (not ``Communauté de communes du Val Fleuri – Contrat de 3 ans``)."""
    m = DASH_TAIL.search(title)
    return m if m and _held(m.group("tail")) and names_a_post(title[: m.start()]) else None


def _level_tail(title: str) -> re.Match[str] | None:
    """``Staff Nurse - Band 5``, ``Clerk – Grade 7``: the post's level alone (``level_alone``) after a dash
    closing a title, a post named before it."""
    m = DASH_TAIL.search(title)
    return m if m and level_alone().fullmatch(m.group("tail").strip()) and names_a_post(title[: m.start()]) \
        else None


def _requisition_tail(title: str) -> re.Match[str] | None:
    """``Payroll Clerk – Job ID 55321``, ``Analyst - Req #1234``: the posting's number and the words that name
    it (``_requisition``) after a dash closing a title."""
    m = DASH_TAIL.search(title)
    return m if m and _requisition(m.group("tail")) else None


#: a posting's number after a dash closing a title: five digits or more, maybe counts after it, or its
#: sign and digits (``- #24-118``).
NUMBER_TAIL = re.compile(r"[ \t]+[-\u2013\u2014][ \t]+(?:#?\d{5,}(?:[ \t]+\d{1,3})*|#\d[\d-]{1,12})[ \t]*$")


#: a share of the working week: ``90%``, ``80 à 100%``, ``80-100 %``.
WORKLOAD = re.compile(r"\d{1,3}[ \t]*(?:%[ \t]*)?(?:(?:à|-|\u2013|to)[ \t]*\d{1,3}[ \t]*)?%")


@cache
def _workload_tail() -> re.Pattern[str]:
    """A dash or a ``[words] workload_links`` word and a ``[words] workload_marks`` entry (or a share of
    the week: ``Secrétaire général-e à 80%-100%``), or a dash and a ``[words] category_marks`` entry and its
    letter (``Catégorie A+``), closing a title."""
    marks, categories, links = (alternation("words", key, r"[ \t]+")
                                for key in ("workload_marks", "category_marks", "workload_links"))
    category = rf"(?:{categories})[ \t]*[A-C]\+?(?!\w)"
    dash = r"[ \t]+[-\u2013\u2014][ \t]+"
    return re.compile(rf"(?i)(?:{dash}(?:(?:{marks}|{WORKLOAD.pattern})(?!\w)|{category})"
                      rf"|[ \t]+(?:{links})[ \t]+(?:{marks}|{WORKLOAD.pattern})(?!\w)).*$")


#: a page printed from its site, its title and its address on the first line (a site's icon between):
#: ``Herbarium Manager -  (https://www.schooljobs.com/careers/ uvu/jobs/newprint/5047593) Biology``.
PRINTED = re.compile(r"[ \t]*(?P<t>\S[^\n]{2,100}?)[ \t]+[-\u2013|][ \t]+(?:[\ue000-\uf8ff][ \t]*)?\(?https?://")


def printed_page(doc: Document) -> Found | None:
    """The title a printed page's first line gives before the page's address."""
    first = next((ln for ln in doc.lines[doc.front_end :] if not ln.blank), None)
    m = PRINTED.match(doc.body(first)) if first else None
    if not first or not m or not acceptable(m.group("t")):
        return None
    start = first.body_start + m.start("t")
    return m.group("t"), Span(start, start + len(m.group("t")))


def above_reference(doc: Document) -> Found | None:
    """``Responsable du Secrétariat Général ...`` over ``Offre n° O059251128001230``: the line right
    above a posting's number, near the top, is the posting's title."""
    previous = None
    for ln in doc.lines[doc.front_end : doc.front_end + 40]:
        if ln.blank:
            continue
        if reference(doc.body(ln)) and previous is not None:
            found = clean(doc, previous.body_start, previous.body_end)
            if found and acceptable(without_marks(found[0])):
                value = without_marks(found[0])
                return value, Span(found[1].start, found[1].start + len(value))
            return None
        previous = ln
    return None


@cache
def _announcing() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An employer's line ending in a ``[words] hiring_verbs`` entry, and an article before a name."""
    verbs, articles = alternation("words", "hiring_verbs"), alternation("words", "articles")
    lead = rf"(?:(?:{articles})(?:[ \t]+|(?<=['\u2019])))?"
    return (re.compile(rf"(?i)^{lead}(?P<e>\S.{{2,80}}?)[ \t]+(?:{verbs})[ \t]*:?$"),
            re.compile(rf"(?i)^(?:{articles})[ \t]+(?=[A-Z\u00c0-\u00de])"))


#: how far down an employer's announcing line is looked for: below a job board's block of fields (``Réf.`` /
#: ``2026/UCRADL/14706`` / ``Type de contrat`` / ``CDI`` / ... / ``Expertise France recrute :``).
ANNOUNCED_LINES = 20


@per_document  # asked for the title, the employer and the named title
def announced(doc: Document) -> tuple[Found, Found] | None:
    """``La Ville de Durbuy engage :`` over ``Un Directeur Financier (H/F/X) commun à la``: near the top,
    an employer announcing on its line the post the next line names; the title (up to its gender
    marks) and the employer, each with its span."""
    employer_line, article = _announcing()
    lines = [ln for ln in doc.lines[doc.front_end : doc.front_end + ANNOUNCED_LINES] if not ln.blank]
    for ln, nxt in itertools.pairwise(lines):
        said, body = employer_line.match(doc.body(ln)), doc.body(nxt)
        lead = article.match(body)
        if not said or not lead or not said.group("e")[0].isupper():
            continue
        rest = body[lead.end() :]
        mark = LAST_BRACKET.search(rest[: rest.find(")") + 1]) if ")" in rest else None
        if mark and fold(mark.group(1)) in words("words", "gender_marks"):
            rest = rest[: mark.start()]
        start = nxt.body_start + lead.end()
        named = clean(doc, start, start + len(rest))
        employer = clean(doc, ln.body_start + said.start("e"), ln.body_start + said.end("e"))
        if named and employer and acceptable(named[0]):
            return named, employer
    return _hiring_below(doc, lines)


@cache
def _hiring_line() -> re.Pattern[str]:
    """A line opening with a ``[words] hiring_verbs`` entry and how many it hires, then the post."""
    verbs = alternation("words", "hiring_verbs")
    return re.compile(rf"(?i)^(?:{verbs})[ \t]+(?:une?|\d{{1,2}})[ \t]+(?P<t>\S.{{2,150}})$")


@cache
def _name_article() -> re.Pattern[str]:
    """A ``[words] subject_articles`` entry leading a body's name alone on its line: ``L’École ...``,
    ``La Ville de ...``."""
    article = leading("words", "subject_articles", r"[ \t]+")
    return re.compile(rf"(?i)(?:{article})(?=[A-Z\u00c0-\u00de])")


def _hiring_below(doc: Document, lines: list[Line]) -> tuple[Found, Found] | None:
    """``L’École Nationale Supérieure d’Architecture de Marseille`` / ``recrute 1 chargé de mission pour le
    projet ...``: a body's name alone on its line, the next opening with its hiring verb and the post."""
    for ln, nxt in itertools.pairwise(lines):
        hired = _hiring_line().match(doc.body(nxt))
        lead = _name_article().match(doc.body(ln))
        name = clean(doc, ln.body_start + (lead.end() if lead else 0), ln.body_end)
        if not hired or not name or not name[0][:1].isupper() or len(name[0].split()) > 12 \
                or name[0].endswith((".", ":", ";")):
            continue
        post = clean(doc, nxt.body_start + hired.start("t"), nxt.body_start + hired.end("t"))
        value = without_marks(post[0]) if post else ""
        if post and acceptable(value):
            return (value, Span(post[1].start, post[1].start + len(value))), name
    return None


def numbered(doc: Document) -> Found | None:
    """``Membres 2021-368-147``: near the top, the words a line gives before its notice's number (a year
    first) name the post."""
    end = doc.lines[min(doc.front_end + 40, len(doc.lines) - 1)].end if doc.lines else 0
    for m in TITLE_NUMBER.finditer(doc.text, 0, end):
        found = clean(doc, m.start("title"), m.end("title"))
        if found and acceptable(found[0]):
            return found
    return None


@cache
def _notice() -> re.Pattern[str]:
    """A notice's number leading its line (``[words] reference_labels``), the words that lead to its post
    (``notice_post_leads``), the post, then maybe what leads to the body it is open in
    (``notice_body_leads``) and the body, up to the line's end or full stop."""
    labels = "|".join(sorted(patterns("words", "reference_labels"), key=len, reverse=True))
    post = "|".join(sorted(patterns("words", "notice_post_leads"), key=len, reverse=True))
    body = "|".join(sorted(patterns("words", "notice_body_leads"), key=len, reverse=True))
    return re.compile(rf"(?im)^[ \t#*]*(?:{labels})[ \t]*[.:]?[ \t]*\d[\w./-]*[ \t]+(?:{post})[ \t]*"
                      rf"(?P<post>[A-Z\u00c0-\u00de][^\n]{{1,120}}?)"
                      rf"(?:[ \t]+(?:{body})[ \t]*(?P<body>[A-Z\u00c0-\u00de][^\n]{{1,120}}?))?"
                      rf"[ \t]*\.?[ \t]*$")


def notice(doc: Document) -> tuple[Found, Found | None] | None:
    """``Avis de recrutement n° 2023-12 d'un(e) Administrateur à la Direction des Services Judiciaires.``:
    near the top, a notice's line names its post after its number, and the body the post is open in; the
    title and the body, each with its span."""
    end = doc.lines[min(doc.front_end + 20, len(doc.lines) - 1)].end if doc.lines else 0
    m = _notice().search(doc.text, 0, end)
    if not m:
        return None
    post = clean(doc, m.start("post"), m.end("post"))
    if not post or not acceptable(post[0]):
        return None
    return post, clean(doc, m.start("body"), m.end("body")) if m.group("body") else None


@cache
def _posting_closed() -> re.Pattern[str]:
    """A closed posting's status (``[words] posting_closed``), run into the line it follows or not."""
    return re.compile(rf"(?i)[ \t]*(?:{alternation('words', 'posting_closed')})")


@per_document
def employer_below(doc: Document) -> tuple[Found, Found] | None:
    """``Conseiller coordinateur du service ICT (m/f/x)`` / ``Institut Royal des Sciences Naturelles de
    Belgique`` / ``Code de sélection``: a posting's first line its title, the next its employer (a name
    opening with an ``[words] organisation_nouns`` entry, no label; a closed posting's status run into it
    left out), then its fields (a known label of
    any kind alone on its line); the title (without its marks) and the employer, each with its span."""
    lines = [ln for ln in doc.lines[doc.front_end : doc.front_end + 8] if not ln.blank][:3]
    if len(lines) < 3 or fold(doc.body(lines[2])) not in every_label():
        return None
    closed = _posting_closed().search(doc.text, lines[1].body_start, lines[1].body_end)
    employer = clean(doc, lines[1].body_start, closed.start() if closed else lines[1].body_end)
    first = fold(employer[0]).split()[:1] if employer else []
    if not employer or not first or first[0] not in words("words", "organisation_nouns") \
            or ":" in employer[0] or len(employer[0].split()) > 12:
        return None
    named = clean(doc, lines[0].body_start, lines[0].body_end)
    value = without_marks(named[0]) if named else ""
    if not named or not acceptable(value):
        return None
    return (value, Span(named[1].start, named[1].start + len(value))), employer


def employer_above(doc: Document) -> tuple[Found, Found] | None:
    """``Leeds Teaching Hospitals`` / ``Critical Care Rehabilitation Team Leader (XR07)``: a job board's
    posting, its employer's name on its first line (its last word an ``[words] organisation_heads`` or
    ``employer_heads`` word, maybe plural), its title on the next (a ``[words] title_heads`` word in it, its
    code in brackets no part of it); the title and the employer, each with its span."""
    lines = [ln for ln in doc.lines[doc.front_end : doc.front_end + 8] if not ln.blank][:2]
    employer = clean(doc, lines[0].body_start, lines[0].body_end) if len(lines) == 2 else None
    said = fold(employer[0]).split() if employer else []
    heads = words("words", "organisation_heads") | words("words", "employer_heads")
    if not employer or not said or len(said) > 8 or ":" in employer[0] or \
            not {said[-1], said[-1][:-1]} & heads or set(said) & words("words", "title_heads"):
        return None  # ``Home / Nurse Manager-Perioperative Services``: a post's name, no employer's
    named = clean(doc, lines[1].body_start, lines[1].body_end)
    value = without_marks(named[0]) if named else ""
    posts = words("words", "title_heads") | words("words", "posting_title_heads")
    if not named or not acceptable(value) or not set(fold(value).split()) & posts:
        return None
    return (value, Span(named[1].start, named[1].start + len(value))), employer


def title(doc: Document) -> Found | None:
    """The title and the span it was read from."""
    if found := title_field(doc) or title_field(doc, loose=True) or above_reference(doc) or numbered(doc) \
            or printed_page(doc):
        return found
    if hired := announced(doc) or employer_below(doc):
        return hired[0]
    for h in doc.headings:
        if h.line > doc.front_end + 40:
            break
        if h.colon and not (found := _ranked(doc, h.start, h.end)):
            continue  # a label or a lead-in (``Start display at page:``), never a title
        if _labelled_value(doc, h.start):
            continue  # ``Main area`` / ``Physiotherapy``: another field's value under its label
        if LIST_NUMBER.match(doc.text, h.start, h.end):
            continue  # ``1) Steering Committee Governance``: an item of a numbered list of sections
        found = found if h.colon else clean(doc, h.start, h.end)
        if found and (lead := numbered_lead(found[0])):  # ``POST 10/56 : OHS INSPECTOR (X3 POSTS)``
            value = without_marks(found[0])
            start = found[1].start + lead.end()
            found = (value, Span(start, start + len(value))) if value else None
        found = _unmarked(doc, found)
        if found and not acceptable(found[0]) and (post := duties_of(found[0])):
            found = clean(doc, found[1].start, found[1].start + len(post))
        if found and acceptable(found[0]) and not KIND.fullmatch(" " + found[0]):
            return _trim_kind(doc, found)
    return None


def duties_of(heading: str) -> str | None:
    """``Executive Director Responsibilities`` -> ``Executive Director``: a heading naming a post, then the
    section of its duties (its last word a ``[headings] duties`` entry of one word); None for another."""
    said = heading.split()  # a post of two words or more (``Manager Responsibilities`` is a section)
    post = heading[: heading.rstrip().rfind(" ")].rstrip() if len(said) >= 3 else ""
    last = fold(post.split()[-1]) if post else ""
    return post if post and fold(said[-1]) in words("headings", "duties") and \
        last in words("words", "title_heads") and acceptable(post) else None


#: a list's number and its bracket opening a heading: ``1) ``, ``(2) ``.
LIST_NUMBER = re.compile(r"\(?\d{1,2}\)[ \t]+")


def _labelled_value(doc: Document, start: int) -> bool:
    """The value, starting at ``start``, of a field whose label is another field's (``[labels]``, not a
    title's): a job site's summary, each label alone on its line over its value."""
    titles = words("labels", "title")
    return any(f.value_start == start and fold(f.label) in every_label() and fold(f.label) not in titles
               for f in doc.fields)


#: a rank in capitals, a colon, the function it heads: ``ASSISTANT DIRECTOR: MUNICIPAL FINANCE SUPPORT``.
RANKED = re.compile(r"(?P<rank>[A-Z][A-Z ]{2,40}?)[ \t]*:[ \t]*"
                    r"(?P<function>[A-Z][A-Z ,&'\u2019-]{2,100}?)[ \t]*(?:\([^()]*\))?[ \t]*$")


def _ranked(doc: Document, start: int, end: int) -> Found | None:
    """A heading in capitals whose part before the colon is a rank (its first or last word a ``[words]
    title_heads`` entry, not any field's label): the whole heading is the title, less a bracket closing it."""
    m = RANKED.fullmatch(doc.text, start, end)
    if not m:
        return None
    rank = fold(m.group("rank")).split()
    heads = words("words", "title_heads")
    labels = set().union(*(words("labels", k) for k in (*OTHER_LABELS, "title", "reports_to", "class")))
    if not rank or " ".join(rank) in labels or not (rank[0] in heads or rank[-1] in heads):
        return None
    return clean(doc, m.start("rank"), m.end("function"))


#: after a name's initial, the surname and the title's next word, both in capitals (``Margaret J. Ellery
#: College Librarian``; ``Records Team B. The incumbent ...``: a unit's letter ends its sentence).
BEFORE_NAME = r"[ \t]+[A-Z][a-z][\w'-]*[ \t]+[A-Z]"


#: a French word's other gender in brackets right after it (``départemental(e)``, ``adjoint(e)``,
#: ``directeur(trice)``): part of the word, no bracket closing a clause.
GENDER = gender_bracket()
INCLUSIVE = rf"(?<=\w){GENDER}"


@cache
def _phrases(group: str, stop: str, reach: int = 120) -> Needled:
    """One pattern for every ``[phrases] group`` entry (``{roman}`` in it: a number in Roman numerals), the
    words after it (up to ``stop``, at most ``reach`` characters) in group 1."""
    leads = "|".join(inclusive(lead) for lead in patterns("phrases", group)).replace(r"\{roman\}", ROMAN)
    after = r"(?:(?<=['\u2019])|\s+)"  # ``qu'adjoint``: no space after an elided word
    # ``the Snr. Program Delivery Manager``: an abbreviation's full stop ends no clause, nor a name's initial
    # (``the Caleb T. Winchester University Librarian``; not ``Team B. The incumbent``)
    short = alternation("words", "abbreviations")
    token = rf"(?:\b(?:{short})\.(?=[ \t]+\w)|(?-i:\b[A-Z]\.(?={BEFORE_NAME}))|{INCLUSIVE}|[^{stop}\n])"
    pattern = rf"(?i)\b(?:{leads}){after}({token}{{2,{reach}}}?)(?=(?!{GENDER})\s*[{stop}\n]|$)"
    headed = Needled(pattern)  # tried where its leads' first words stand; where a lead opens otherwise (``à
    # pourvoir à``, a number), where the leads are found first (not the whole clause tried at every word)
    return headed if headed.heads else Needled(pattern, places=opened_by(rf"\b(?:{leads})", re.I))


def phrase(doc: Document, group: str, *, stop: str = ".;:()", reach: int = 120,
           accept: Callable[[Found], Found | None] | None = None) -> Found | None:
    """The words after a ``[phrases] group`` entry, up to the end of the clause (a ``stop`` character,
    at most ``reach`` characters on); ``accept`` may trim a value or refuse it (None: the next phrase
    is tried)."""
    for m in _phrases(group, re.escape(stop), reach).finditer(doc.text):
        if (found := clean(doc, m.start(1), m.end(1))) and (accept is None or (found := accept(found))):
            return found
    return None


#: a title inside a sentence: capitalised words, linked by ``of``, ``for``, ``and``, commas, brackets.
_T = (r"(?P<t>[A-Z\u00c0-\u00de][\w'\u2019&/-]*(?:(?:,?[ \t]+|[ \t]*\(|\)[ \t]*)"
      r"(?:of|for|and|the|de|du|des|la|[A-Z\u00c0-\u00de(][\w'\u2019&/)-]*)){0,10}\)?)")


def framed(key: str, inner: str, space: str = r"[ \t]+") -> tuple[Needled, ...]:
    """The ``[phrases] key`` entries (words around ``{t}``) with ``inner`` in place of ``{t}``, ``space``
    between their words, each searched only in a text holding its words: the phrase's words in any case,
    ``inner`` as it is written (a title's words in capitals: ``division is`` is no title)."""
    out = []
    for entry in written("phrases", key):
        before, after = (said(w, space) for w in entry.partition("{t}")[::2])
        out.append(Needled(f"(?i:{before}){inner}(?i:{after})"))
    return tuple(out)


@cache
def _around() -> tuple[Needled, ...]:
    """The ``[phrases] title_around`` entries around a title (``_T``)."""
    return framed("title_around", _T)


def named_around(text: str) -> str | None:
    """The first title a ``[phrases] title_around`` sentence names in ``text`` (``The Director General,
    Strategic Policy is accountable for ...``), in capitals and a title (``acceptable``)."""
    for m in sorted((m for pattern in _around() for m in pattern.finditer(text)), key=lambda m: m.start()):
        if (value := m.group("t").strip()) and value[0].isupper() and acceptable(value):
            return value
    return None


def title_in_prose(doc: Document) -> Found | None:
    """``Le titulaire exerce les fonctions de sous-directeur, délégué à ...``, ``We are looking for a
    Portfolio Manager to ...``: the title a sentence names."""
    found = phrase(doc, "title", reach=250)
    if found and (served := _served().search(found[0])):  # ``an experienced attorney to serve as the Chief``
        found = found[0][served.end() :], Span(found[1].start + served.end(), found[1].end)
    if found and (cut := _prose_title_end().search(found[0])):
        found = found[0][: cut.start()], Span(found[1].start, found[1].start + cut.start())
    if found and (lead := _hiring_adjectives().match(found[0])):
        # ``is seeking an experienced Senior Advisor``: the post's qualities, then its title in capitals; none
        # (``an experienced public works professional``): no title said
        rest = found[0][lead.end():]
        found = (rest, Span(found[1].start + lead.end(), found[1].end)) if rest[:1].isupper() else None
    found = _unmarked(doc, found)  # ``... à 80%-100%``
    if found and acceptable(found[0]):
        return found
    hits = sorted((m for pattern in _around() for m in pattern.finditer(doc.text)), key=lambda m: m.start())
    for m in hits:
        start, end = m.span("t")
        if last := list(_THE_NAME.finditer(doc.text[start:end])):
            start += last[-1].end()  # ``the Executive Director the Director of X``: the last one named
        value = clean(doc, start, end)
        if value and value[0][0].isupper() and acceptable(value[0]):
            return value
    return _after_superior(doc) or _charged_subject(doc) or _abbreviated_subject(doc) or \
        _repeated_subject(doc)


@cache
def _prose_title_end() -> re.Pattern[str]:
    """Where a title a sentence names ends: ``a Budget Officer to join the team`` (``[words] title_purpose``
    and a word in lower case), ``L'emploi de directeur délégué ... sera vacant`` (``title_ends``), ``Le
    titulaire, en tant que point focal de ..., rendra compte`` (a comma, then a ``clause_links`` verb),
    ``L'emploi de directeur départemental adjoint de la direction départementale de ... est vacant`` (the body
    it is open in, named in lower case: ``[words] body_noun_links`` and a ``bodies_lower`` entry),
    ``pourvoir le poste de coordonnateur ... à la direction de santé publique`` (``post_unit_links`` and a
    ``unit_words`` entry)."""
    to, ends, links = (alternation("words", key) for key in ("title_purpose", "title_ends", "clause_links"))
    owner, body = leading("words", "body_noun_links"), alternation("words", "bodies_lower")
    unit, units = leading("words", "post_unit_links"), alternation("words", "unit_words", languages=("fr",))
    return re.compile(rf"\s+(?:{to})\s+[a-z]|\s+(?:{ends})\s|,\s+(?:{links})\b|\s+(?:{owner})(?:{body})\b"
                      rf"|\s+(?:{unit})(?:{units})\b")


@cache
def _served() -> re.Pattern[str]:
    """The words that name the post a person sought would hold (``[phrases] title_served``), a title in
    capitals after them: ``... attorney to serve as the Chief, Voting Section``."""
    served = alternation("phrases", "title_served", r"[ \t]+")
    return re.compile(rf"(?i:\s+(?:{served})[ \t]+)(?=[A-Z])")


@cache
def _hiring_adjectives() -> re.Pattern[str]:
    """``[words] hiring_adjectives`` entries in lower case, each followed by spaces (or a ``[words]
    list_joins`` word), opening a title."""
    said = alternation("words", "hiring_adjectives", r"[ \t]+")  # as written: ``well-qualified``
    joins = alternation("words", "list_joins")  # ``a well-qualified and compassionate City Clerk``
    return re.compile(rf"(?:(?:{said})(?:,?[ \t]+(?:{joins}))?,?[ \t]+)+")


@cache
def _under_superior() -> re.Pattern[str]:
    """A supervisor's clause (``[phrases] reports_to``), a comma, an article, the post (its first word a
    ``[words] title_heads`` entry) and the verb after it (``[words] clause_links`` or ``duty_verbs``)."""
    lead, heads = alternation("phrases", "reports_to", r"[ \t]+"), alternation("words", "title_heads")
    verbs = f'{alternation("words", "clause_links")}|{alternation("words", "duty_verbs")}'
    article = alternation("words", "post_articles", r"[ \t]+")
    return re.compile(rf"(?i:{lead})[^,.;\n]{{2,100}},[ \t]+(?i:{article})[ \t]*"
                      rf"(?P<t>(?i:{heads})\b[^,.;:()\n]{{0,100}}?)[ \t]+(?:{verbs})\b")


def _after_superior(doc: Document) -> Found | None:
    """``Sous la responsabilité de la directrice générale, le directeur des communications et de la
    participation citoyenne assure la planification ...``: near the top, the post a sentence names as its
    subject after the clause naming its supervisor."""
    return _early_subject(doc, _under_superior(), EARLY_PROSE)


@cache
def _charged() -> re.Pattern[str]:
    """An article (``[words] post_articles``), the post in lower case (its first word a ``[words]
    title_heads`` entry, or a French ``post_words`` one: ``l'employé d'administration``) and what it is
    charged with (``[words] charged_subject``: ``est chargé``, ``a pour mission``), after a clause or
    opening a sentence."""
    heads = f'{alternation("words", "title_heads")}|{alternation("words", "post_words", languages=("fr",))}'
    article = alternation("words", "post_articles", r"[ \t]+")
    charged = alternation("words", "charged_subject", r"[ \t]+")
    return re.compile(rf"(?:^|(?<=[,.;:])[ \t]+)(?:{article})[ \t]*"
                      rf"(?P<t>(?:{heads})\b[^,.;:()\n]{{0,100}}?)[ \t]+(?:{charged})\b", re.M)


def _charged_subject(doc: Document) -> Found | None:
    """``Au sein du groupement ..., l'ingénieur spécialisé en écohydraulique est chargé :``: near the top,
    the post a sentence names in lower case as the one charged with the work."""
    found = _early_subject(doc, _charged(), EARLY_PROSE * 2)
    if found and (placed := _placed().search(found[0])) and placed.start() > 0:
        return clean(doc, found[1].start, found[1].start + placed.start())  # ``l'employé d'administration
        # affecté au service patrimoine ... est chargé de``: the post, not where it is placed
    return found


@cache
def _placed() -> re.Pattern[str]:
    """A ``[words] placed_words`` entry after a post's name, where it is placed in the body begins: ``affecté
    au service``, ``au sein de la direction``."""
    placed = alternation("words", "placed_words", r"[ \t]+")
    return re.compile(rf"(?i)[ \t]+(?:{placed})(?!\w)")


def _early_subject(doc: Document, sentence: re.Pattern[str], reach: int) -> Found | None:
    """The post (group ``t``) of the first ``sentence`` within ``reach`` characters of the top, when it
    is a title."""
    m = sentence.search(doc.text, 0, reach)
    found = clean(doc, m.start("t"), m.end("t")) if m else None
    return found if found and acceptable(found[0]) else None


@cache
def _seeking() -> re.Pattern[str]:
    """A line opening with its employer (or ``We``, ``Nous``), then a ``[words] seeking_verbs`` entry, a
    ``sought_articles`` entry (or how many) and the post; or an ``inviting_leads`` entry and the post."""
    verbs, leads = (alternation("words", key, r"[ \t]+") for key in ("seeking_verbs", "inviting_leads"))
    articles = "|".join(sorted(patterns("words", "sought_articles"), key=len, reverse=True))
    return re.compile(rf"(?i)[^\n.;:!?]{{0,100}}?(?<!\S)(?:(?:{verbs})[ \t]+(?:{articles}|\d{{1,2}})[ \t]+"
                      rf"|(?:{leads})[ \t]*:?[ \t]+)(?P<t>\S[^\n]{{1,200}})")


@cache
def _sought_end() -> re.Pattern[str]:
    """Where the post such a line names ends: a ``[words] sought_ends`` entry and a word in lower case after
    it (``to join``, ``pour rejoindre``), a comma, a full stop, a bracket that is no mark of the post's."""
    ends = alternation("words", "sought_ends", r"[ \t]+")
    return re.compile(rf"[ \t]+(?:{ends})[ \t]+(?=[a-z\u00e0-\u00ff])|[,;:!?]|\.(?:\s|$)")


#: how many lines from the top a line saying whom an employer seeks is looked for in.
SEEKING_LINES = 6


#: where a sentence of a paragraph opens: after a full stop, a space, a capital.
SENTENCE_OPENS = re.compile(r"[.!?][ \t]+(?=[A-Z\u00c0-\u00de])")


def sought(doc: Document) -> Found | None:
    """``The City of Lakeview is hiring a Parks Maintenance Worker to join its team``, ``La Ville de Rennes
    recrute un(e) Responsable du service des sports``, ``Nous recherchons un(e) Comptable fournisseurs pour
    rejoindre notre équipe``: near the top, a line (or a sentence of a paragraph) saying whom its employer
    seeks; the post it names, up to
    what it is for (``_sought_end``), without its marks, in capitals or naming a post (``names_a_post``)."""
    fielded = {f.line for f in doc.fields if not f.loose}  # a posting's header of fields (``Location:
    # Kingman, AZ``) over its prose is not counted, unless it is the line sought (``... invites applications
    # for the position of: Collections Manager``)
    lines = [ln for k, ln in enumerate(doc.lines[doc.front_end : doc.front_end + 8 * SEEKING_LINES],
                                       start=doc.front_end)
             if not ln.blank and (k not in fielded or _seeking().match(doc.body(ln)))]
    for ln in lines[:SEEKING_LINES]:
        body = doc.body(ln)
        opens = (0, *(o.end() for o in SENTENCE_OPENS.finditer(body)))  # a paragraph's sentences in turn
        if not (m := next((m for at in opens if (m := _seeking().match(body, at))), None)):
            continue
        said = m.group("t")
        if _served().search(said):
            continue  # ``an experienced attorney to serve as the Chief, Voting Section``: title_in_prose's
        if lead := _hiring_adjectives().match(said):  # ``an experienced Senior Advisor``: its qualities, then
            # its title in capitals; none (``an experienced attorney``): no title said
            rest = said[lead.end() :]
            said = " " * lead.end() + rest if rest[:1].isupper() else ""
        said = said[: cut.start()] if (cut := _sought_end().search(said)) else said
        pad, said = len(said) - len(said.lstrip()), said.strip().rstrip(" .")
        bare = without_marks(said)
        start = ln.body_start + m.start("t") + pad + max(said.find(bare), 0)
        found = clean(doc, start, start + len(bare))
        if found and acceptable(found[0]) and (found[0][0].isupper() or names_a_post(found[0])):
            return found
    return None


#: how far into a document a sentence naming the post is looked for.
EARLY_PROSE = 1000


#: ``The Assistant Inspector General for Audit (AIGA) directs ...``: a title named with its initials,
#: the subject of a duty verb.
ABBREVIATED = re.compile(r"\b[Tt]he[ \t]+(?P<t>[A-Z][\w'\u2019-]*"
                         r"(?:[ \t]+(?:of|for|and|the|[A-Z][\w'\u2019-]*)){1,8})"
                         r"[ \t]+\((?P<a>[A-Z]{2,6})\)[ \t]+(?P<v>[a-z]+)\b")


def _abbreviated_subject(doc: Document) -> Found | None:
    heads = words("words", "organisation_heads") | words("unit_heads", "ranked")
    for m in ABBREVIATED.finditer(doc.text):
        initials = "".join(w[0] for w in m.group("t").split() if w[0].isupper())
        last = fold(m.group("t").split()[-1])
        if initials == m.group("a") and last not in heads and is_duty_verb(m.group("v")):
            value = clean(doc, m.start("t"), m.end("t"))
            if value and acceptable(value[0]):
                return value
    return None


#: ``the Vice-President (Administration) provides``: a post in capitals after ``the``, a verb after it.
SUBJECT = re.compile(rf"\b[Tt]he[ \t]+{_T}[ \t]+(?P<v>[a-z]+)\b")


def _repeated_subject(doc: Document) -> Found | None:
    """``As the senior officer ..., the Vice-President (Administration) provides leadership ... the
    Vice-President (Administration) builds ...``: near the top, the post the opening sentences name twice
    or more as the subject of a duty's verb (``is_duty_verb``; the last post a match names, ``_last_named``),
    naming a post (``names_a_post``)."""
    early = SUBJECT.finditer(doc.text, 0, EARLY_PROSE * 2)
    hits = [_last_named(m) for m in early if is_duty_verb(m.group("v"))]
    for post, start in hits:
        if sum(h == post for h, _ in hits) >= 2 and names_a_post(post):
            value = clean(doc, start, start + len(post))
            if value and acceptable(value[0]):
                return value
    return None


def _last_named(m: re.Match[str]) -> tuple[str, int]:
    """The post a ``SUBJECT`` match names, and where: the last one after an article (``Elections Code, the
    Registrar of Voters plans``: ``Registrar of Voters``)."""
    said, start = m.group("t"), m.start("t")
    if last := list(_THE_NAME.finditer(said)):
        said, start = said[last[-1].end() :], start + last[-1].end()
    return said, start


#: a posting's title followed by its employer: ``Library Director - Potsdam Public Library``.
POSTED_BY = re.compile(r"^(?P<t>.+?)[ \t]+[-\u2013\u2014|][ \t]+(?P<e>[A-Z][^|]{2,100}?)[ \t]*$")


@cache
def _board_category() -> re.Pattern[str]:
    """A job board's category over its posting: a ``[words] board_category_leads`` entry and a name."""
    leads = alternation("words", "board_category_leads", r"[ \t]+")
    return re.compile(rf"(?i:{leads})[ \t]+(?P<cat>[A-Z\u00c0-\u00de][^\n]{{2,80}}?)[ \t]*")


#: a spaced dash closing a text: where a posting's line names its category after it (``board_posting``).
DASH_AT_END = re.compile(r"[ \t]+[-\u2013\u2014][ \t]+$")


def board_posting(doc: Document, title: str) -> tuple[str, Found | None] | None:
    """A job board's category line read as the title (``Recrutement Structures de coopération
    territoriale``) over the posting's line that repeats it after a dash (``Chargé de Mission Plui - Marne
    la Vallee Val d'Europe Agglomération H/F - Structures de coopération territoriale``): the title and the
    employer that line names between the dashes, its gender mark apart (the posting's line read as the title
    too); with no employer between
    (``1 Responsable Unite Espaces Verts H/F - Grand Lyon``), the title alone, how many posts apart."""
    lines = [ln for ln in doc.lines if not ln.blank][:2]
    if len(lines) < 2 or title not in (doc.body(lines[0]).strip(), doc.body(lines[1]).strip()):
        return None  # the category's line or the posting's read as the title
    if not (m := _board_category().fullmatch(doc.body(lines[0]).strip())):
        return None
    line, category = doc.body(lines[1]).strip(), m.group("cat")
    tail = DASH_AT_END.search(line, 0, len(line) - len(category)) if line.endswith(category) else None
    if not tail:
        return None
    posted = POSTED_BY.match(line[: tail.start()])
    if not posted or not acceptable(posted.group("t")):
        alone = without_marks(POSTS_LEADING.sub("", line[: tail.start()]))
        return (alone, None) if acceptable(alone) and names_a_post(alone) else None
    employer = posted.group("e")
    while employer.split() and fold(employer.split()[-1]) in words("words", "gender_marks"):
        employer = employer[: employer.rstrip().rfind(" ")].rstrip()
    start = lines[1].body_start + line.find(employer)
    return without_marks(posted.group("t").strip()), (employer, Span(start, start + len(employer)))


#: how many posts a job board's line opens with, before the title in capitals: ``1 Responsable ...``.
POSTS_LEADING = re.compile(r"^\d{1,2}[ \t]+(?=[A-Z\u00c0-\u00de])")


def posting_employer(doc: Document, title: str) -> tuple[str, Found | None] | None:
    """``System Director - North Country Library System``: the title and the employer a job board's
    title names after a dash (``employer_name``), not a team's (``Policy Advisor - Policy Team``); a place's
    government named first (``Town Clerk — Town of Hillsborough``) is cut from the title, but is no
    organisation here (the place: a jurisdiction, maybe)."""
    m = POSTED_BY.match(title)
    if not m or not acceptable(m.group("t")) or not (employer := employer_name(m.group("e"))):
        return None
    if fold(employer.split()[0]) in words("words", "place_heads"):
        return m.group("t").strip(), None
    at = doc.text.find(title)
    start = doc.text.find(employer, at if at >= 0 else 0)
    return m.group("t").strip(), (employer, Span(start, start + len(employer)))


def employer_name(said: str) -> str | None:
    """``North Country Library System (BCCLS)`` -> ``North Country Library System``: an employer's name in
    capitals ending in an organisation word (``[words] organisation_heads``, ``employer_heads``,
    ``place_heads``) or opening with a place's and ``of`` (``City of Brookfield``, ``Town of Hillsborough``),
    without its initials; None for another name (``Policy Team``)."""
    employer = re.sub(r"[ \t]*\([^()]*\)$", "", said).strip()  # its initials: ``(BCCLS)``
    named = [w for w in employer.split() if w[0].isalpha()]
    if not named or "," in employer or any(w[0].islower() and w not in ("of", "for", "and", "the", "de")
                                          for w in named):
        return None
    keys = ("organisation_heads", "employer_heads", "place_heads")
    heads = frozenset().union(*(words("words", k) for k in keys))
    opens = len(named) >= 3 and fold(named[0]) in words("words", "place_heads") and \
        fold(named[1]) in words("words", "body_links")
    return employer if fold(named[-1]) in heads or opens else None
