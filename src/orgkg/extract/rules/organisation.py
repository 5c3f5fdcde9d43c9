"""Jurisdiction by the phrases that name a government (``[jurisdictions]`` of the lexicon, and the
forms ``[jurisdiction_kinds]`` gives for every province, territory and state of a kind).

Phrases are matched as written, capitals included (``Civil Service`` names the
UK government; ``civil service exam`` names none). The first phrase in the
document wins; its span is the evidence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from functools import cache
from types import MappingProxyType

from orgkg.extract.lexicon import (
    BLANKS,
    LANGUAGES,
    alternation,
    fold,
    language,
    leading,
    numbers,
    patterns,
    said,
    table,
    unaccented,
    unmarked,
    words,
    words_in,
    written,
)
from orgkg.extract.needles import Needled, Started
from orgkg.extract.rules.classification import CODE, in_group
from orgkg.extract.rules.labels import Found, clean, labelled
from orgkg.extract.rules.placement import after_organisation
from orgkg.extract.rules.titles import acceptable, names_a_body, names_a_post
from orgkg.extract.structure import Document, Span, per_document
from orgkg.extract.text import singular

#: the capitalised words after a name that make it the start of another body's name.
_NAME_GOES_ON = re.compile(r"[ \t]+(?:[A-Z][\w&'\u2019-]*[ \t]+){0,4}(?P<head>[A-Z][a-z]+)\b")


def begins_a_body(text: str, end: int, heads: tuple[str, ...]) -> bool:
    """Whether the name ending at ``end`` begins a longer name that ends in one of the ``[words]``
    lists ``heads`` (``Bergen County Cooperative Library System``, ``Civil Service Sports Council``)."""
    m = _NAME_GOES_ON.match(text, end)
    return m is not None and any(fold(m.group("head")) in words("words", h) for h in heads)


def unit_word(name: str, language: str = "en", *, names: bool = False) -> str | None:
    """The first word of ``name`` that names a unit's kind (``[words] unit_words`` of ``language``), folded:
    ``Finance Branch`` -> ``branch``; None for ``Finance``. With ``names``, also a word that makes it a
    unit's name (``[words] unit_name_words``: ``Library Services``)."""
    kinds = words_in(language, "words", "unit_words")
    more = words_in(language, "words", "unit_name_words") if names else frozenset()
    return next((w for w in fold(name).split() if w in kinds or w in more), None)


def jurisdiction(doc: Document) -> Found | None:
    """The first phrase naming a government, not where the post works with one (``liaise with the
    Civil Service``), where an applicant lives (``RESIDENCE``) nor at the start of another body's name (``the
    Civil Service Sports Council``)."""
    best: tuple[int, str, Span] | None = None
    for runs, cue, name in _government_cues():
        if not runs <= doc.words:  # the search's own answer, quicker: its words are not all in the text
            continue
        m = next((m for m in _cue_pattern(cue).finditer(doc.text)
                  if not PARTNER.search(doc.text[max(0, m.start() - 30) : m.start()])
                  and not RESIDENCE.search(doc.text[max(0, m.start() - 60) : m.start()])
                  and not begins_a_body(doc.text, m.end(), ("organisation_heads", "employer_heads"))),
                 None)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name, Span(m.start(), m.end()))
    return (best[1], best[2]) if best else None


@cache
def _government_cues() -> tuple[tuple[frozenset[str], str, str], ...]:
    """Each phrase of ``governments`` (in its order) with its words (``\\w+`` runs): a match of the phrase,
    whole words, holds each of them as a whole word of the text (``Document.words``)."""
    return tuple((frozenset(re.findall(r"\w+", cue)), cue, name)
                 for cues in governments().values() for cue, name in cues)


@cache
def _cue_pattern(cue: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){said(cue, BLANKS)}(?!\w)")


@cache
def governments() -> Mapping[str, tuple[tuple[str, str], ...]]:
    """The phrases naming a government, each with the government's name, under a word every one of them
    holds (the place's name, or the phrase itself): the ``[jurisdictions]`` entries, and the forms of
    each ``[jurisdiction_kinds]`` entry written out for each of its places."""
    out: dict[str, list[tuple[str, str]]] = {}
    for lang in LANGUAGES:
        for name, cues in table("jurisdictions", lang).items():
            for cue in _strings(cues):
                out.setdefault(cue, []).append((cue, name))
        for kind in table("jurisdiction_kinds", lang).values():
            assert isinstance(kind, dict)
            for names in kind["places"]:
                government = str(kind["name"]).format(place=names[0])
                out.update({place: out.get(place, []) + [(str(cue).format(place=place), government)
                                                         for cue in kind["cues"]] for place in names})
    return MappingProxyType({anchor: tuple(cues) for anchor, cues in out.items()})


def _strings(listed: object) -> list[str]:
    return [str(w) for w in listed] if isinstance(listed, list) else []


#: a capitalised name ending in (or led by) an organisation word: ``Digital Transformation Agency``,
#: ``Department for Education``, ``Treasury Board of Canada Secretariat``, ``ministère des armées``;
#: in French also an organisation word and its adjectives, ``Service numérique canadien (SNC)``.
#: a capitalised word; a full stop only inside (``U.S.``, ``St.``), never ending a sentence (``Education.``).
_CAP = r"[A-Z](?:[\w'\u2019&-]|\.(?=\w)|(?<![a-z]{2})\.)*"
#: the small words between an English name's capitalised words (``[words] name_links``), those linking a
#: body's kind to its name (``body_links``: ``Department for Education``) and an English article.
_LINK, _OF_FOR, _THE = (f"(?:{'|'.join(patterns('words', key, languages=('en',)))})"
                        for key in ("name_links", "body_links", "subject_articles"))
#: the words that never open a name, as written (``[words] name_not_first``): ``The``, ``Our``, ``Le``.
_NOT_FIRST = rf"(?!(?:{alternation('words', 'name_not_first')})\b)"
def _heads(key: str, language: str = "fr") -> str:
    """The ``[words] key`` entries of ``language`` as written (``unmarked``: accents optional, a lower-case
    entry also capitalised), longest first, as one alternation."""
    return "|".join(unmarked(w, BLANKS) for w in sorted(written("words", key, (language,)),
                                                         key=lambda w: (-len(w), w)))


ORG_NAME = re.compile(
    rf"(?<![\w.])(?P<head4>(?:{_heads('bodies_before_adjectives')})"
    r"(?:[ \t]+(?!(?:de|du|des|la|le|les|et|pour|dans|qui)\b)[a-z\u00e0-\u00ff]{3,}){1,3})"
    r"(?=[ \t]*[(.,;:)\n])"
    rf"|(?<![\w.])(?P<head2>{_heads('bodies_before_links', 'en')})[ \t]+(?:[Oo]f|[Ff]or)[ \t]+(?:the[ \t]+)?"
    rf"{_CAP}(?:[ \t]+(?:{_LINK}[ \t]+)?{_CAP}){{0,4}}"
    rf"|(?<![\w.])(?P<head3>{_heads('bodies_before_links', 'fr')})[ \t]+"
    r"(?:de[ \t]+la|de[ \t]+l['\u2019]|des|du|de|d['\u2019])[ \t]*[\w'\u2019-]+"
    r"(?:(?:,[ \t]+|[ \t]+)(?:et|de|du|des|la|le|les|l['\u2019]|d['\u2019])[ \t]*[\w'\u2019-]+"
    r"|[ \t]+[\w'\u2019-]+){0,8}?"  # after a comma only a linked part (``, bureau 2D``: a unit)
    r"(?=[ \t]*[(.;:)\n]|,(?![ \t]+(?:et|de|du|des|la|le|les|l['\u2019]|d['\u2019]))"
    r"|[ \t]+(?:est|a|et(?![ \t]+(?:de|du|des|d['\u2019]))|qui|au|à|pour)\b|$)"
    rf"|(?<![\w.]){_NOT_FIRST}(?:{_CAP}[ \t]+(?:{_LINK}[ \t]+)?){{1,5}}(?P<head>[A-Z][a-z]+)"
    rf"(?:[ \t]+{_OF_FOR}[ \t]+(?:{_THE}[ \t]+)?{_CAP}(?:[ \t]+(?:{_LINK}[ \t]+)?{_CAP}){{0,4}})?")

#: where an ``ORG_NAME`` can start: a capital (or the ``m`` of ``ministère``) after no word character or stop.
_ORG_NAMES = Started(ORG_NAME, r"[A-Zm](?<![\w.].)", asked=True)
#: where a body's name starts inside a longer name: after an owner's possessive (``King County's``), after a
#: unit's word and its link (``Branch of the``).
_OWNER = re.compile(r"['\u2019]s[ \t]+(?=[A-Z])")
_BODY_AFTER = re.compile(rf"[ \t]+{_OF_FOR}[ \t]+(?:{_THE}[ \t]+)?(?=[A-Z])")


def _org_names(text: str, heads: frozenset[str]) -> Iterator[re.Match[str]]:
    """``ORG_NAME``'s matches; after one whose head names no body (``heads``), the body's name it holds after
    an owner's possessive or a unit's word (``[words] unit_words``) and its link, where that has a body's
    head: ``King County's Department of Public Health`` (read to its last capital, ``Health``) holds
    ``Department of Public Health``, ``Strategic Policy Branch of the Ministry of Finance`` (a branch)
    ``Ministry of Finance``."""
    for m in _ORG_NAMES.finditer(text):
        yield m
        if not m.group("head") or m.group("head").casefold() in heads:
            continue
        after = _BODY_AFTER.match(text, m.end("head")) if unit_word(m.group("head")) else None
        owner = _OWNER.search(text, m.start(), m.end())
        for at in (x.end() for x in (owner, after) if x):
            n = ORG_NAME.match(text, at)
            if n and n.end() <= m.end() and (not n.group("head") or n.group("head").casefold() in heads):
                yield n
                break


def organisation_named(doc: Document, *, not_names: set[str] | frozenset[str] = frozenset()) -> Found | None:
    """The organisation the document names most often (its first naming breaks ties)."""
    heads = words("words", "organisation_heads")
    counts: dict[str, int] = {}
    first: dict[str, Span] = {}
    units = [(f.value_start, f.value_end) for f in labelled(doc, "unit")]
    run_on: list[tuple[str, int]] = []
    itself: dict[str, int] = {}
    for m in _org_names(doc.text, heads):
        if m.group("head") and m.group("head").casefold() not in heads and not _linked_body(m.group(0)):
            if said := _body_run_on(m.group(0), heads):
                run_on.append((said, m.start()))
            continue
        if any(a <= m.start() < b and not doc.text[m.end() : b].strip(" \t.;") for a, b in units):
            continue  # (``Affectation : Service support utilisateurs``: a unit's whole value, no employer;
            # ``Direction de rattachement : Direction générale de X, bureau 3B``: the body its path opens)
        name = POSSESSIVE.sub("", m.group(0).strip())  # ``the Department For Education's [division]``
        if fold(name) in not_names and fold(name).split()[-1] in words("words", "self_employers"):
            itself[name] = itself.get(name, 0) + 1  # the jurisdiction, a body that employs as itself
            first.setdefault(name, Span(m.start(), m.start() + len(name)))
            continue
        if fold(name) in not_names or fold(name) in heads or fold(name) in _cues() or _aside(doc.text, m) \
                or fold(name) in _label_words() or fold(name) in words("words", "cadres") or _a_post(name) \
                or fold(name) in words("words", "software") or _unnamed_body(name):
            # ``Organizational Group`` labels a unit, names none; the ``Senior Executive Service``, a corps
            continue
        if LABELLING.match(doc.text, m.end()) and any(unit_word(name, lang) for lang in LANGUAGES):
            continue  # ``Secrétariat du Maire :``, ``ADT Service / Direction : Scolarité``: a unit's label
        counts[name] = counts.get(name, 0) + 1
        first.setdefault(name, Span(m.start(), m.start() + len(name)))
    for said, at in run_on:  # ``Portishead Town Council Recruitment of Town Clerk``, a page's header run
        # into the heading under it: a naming of the body named on its own elsewhere
        if (named := counts if said in counts else itself if said in itself else None) is not None:
            named[said] += 1
            first[said] = min(first[said], Span(at, at + len(said)), key=lambda s: s.start)
    if not counts:
        return body_by_initials(doc, not_names=not_names)
    best = max(counts, key=lambda n: (counts[n], -first[n].start))
    if itself and max((itself[n], -first[n].start) for n in itself) > (counts[best], -first[best].start) \
            and not any(unit_word(best, lang) for lang in LANGUAGES):
        return None  # ``Portishead Town Council`` named first and most: the jurisdiction employs as itself
        # (``[words] self_employers``), no other body is the employer
    if counts[best] < 2 and first[best].start > EARLY:
        return None  # named once, late: an aside, not the employer
    return best, first[best]


def _body_run_on(name: str, heads: frozenset[str]) -> str | None:
    """The body's name a run of capitalised words opens, up to its last ``[words] organisation_heads`` word
    before more capitalised words that name a post (a page's header run into its heading): ``Portishead Town
    Council`` of ``Portishead Town Council Recruitment of Town Clerk``; None for none (``Selective Service
    System``, ``Civil Service Rule``)."""
    said = name.split()
    ends = [i for i, w in enumerate(said[:-1]) if i and w.casefold() in heads and said[i + 1][:1].isupper()
            and names_a_post(" ".join(said[i + 1 :]))]
    return POSSESSIVE.sub("", " ".join(said[: ends[-1] + 1])) if ends else None


def _unnamed_body(name: str) -> bool:
    """A body named by kinds only, a government's word and a body's (``[words] government_firsts``,
    ``organisation_heads``): ``the City Council appoints the City Manager`` names no body of its own."""
    kinds = words_in("en", "words", "government_firsts") | words("words", "organisation_heads")
    return all(w in kinds for w in fold(name).split())


def _linked_body(name: str) -> bool:
    """A body's name whose kind stands before its first link, after a place's or owner's words (``[words]
    bodies_before_links``, ``body_links``): ``U.S. Department of Commerce``, ``Ontario Ministry of
    Health``."""
    if _OWNER.search(name):
        return False  # ``King County's Department of Public Health``: the department, read on its own
    said = fold(name).split()
    links = words_in("en", "words", "body_links")
    at = next((i for i, w in enumerate(said) if w in links), 0)
    return at > 1 and said[at - 1] in words_in("en", "words", "bodies_before_links")


def _a_post(name: str) -> bool:
    """A post's title, not a body: what comes before the name's first ``[words] body_links`` word ends in a
    ``title_heads`` word (``Director of Finance and Administration``, a superior the post reports to)."""
    said = fold(name).split()
    links = words("words", "body_links")
    before = said[: next((i for i, w in enumerate(said) if w in links), len(said))]
    return len(before) < len(said) and bool(before) and singular(before[-1]) in words("words", "title_heads")


def named_at(text: str, name: str) -> list[int]:
    """Where ``name`` stands in ``text`` as written, whole (no word character or hyphen touching it), found
    with ``str.find``: no pattern compiled for a document's own name."""
    out, at = [], text.find(name)
    while name and at >= 0:
        end = at + len(name)
        if not _touches(text[at - 1 : at] if at else "") and not _touches(text[end : end + 1]):
            out.append(at)
        at = text.find(name, at + 1)
    return out


def _touches(char: str) -> bool:
    """A word character or a hyphen next to a name: part of a longer word."""
    return bool(char) and (char.isalnum() or char in "_-")


#: a larger body's name: capitalised words, another part after a spaced dash (``Health New Zealand - Te
#: Whatu Ora``).
_BODY = (rf"{_CAP}(?:[ \t]+(?:{_LINK}[ \t]+)?{_CAP}){{1,6}}"
         rf"(?:[ \t]+[-\u2013][ \t]+{_CAP}(?:[ \t]+{_CAP}){{0,4}})?")
#: what follows a unit's name to say the body it is part of: an English ``[words] part_of_links`` word (after
#: a link's address), an English ``subject_articles`` article.
_OF = "|".join(patterns("words", "part_of_links", languages=("en",)))
_PART_OF = re.compile(rf"(?:\]\([^()\s]*\))?[ \t]+(?:{_OF})[ \t]+(?:{_THE}[ \t]+)?"
                      rf"(?P<body>{_BODY})(?=[ \t]*[,.;:)\n]|$)")


@cache
def _employer_before() -> re.Pattern[str]:
    """A university or college (``[words] self_employers``) named just before a unit's name: ``the
    University of Kansas Biodiversity Institute``."""
    kinds = "|".join(re.escape(w.title()) for w in sorted(words("words", "self_employers")))
    return re.compile(rf"(?<![\w.])(?P<body>(?:{_CAP}[ \t]+){{0,3}}(?:{kinds})"
                      rf"(?:[ \t]+of(?:[ \t]+{_CAP}){{1,3}})?)[ \t]+$")


def body_of_unit(doc: Document, unit: str, *,
                 not_names: set[str] | frozenset[str] = frozenset()) -> Found | None:
    """The larger body a name headed by a unit's word (its last word an ``[words] organisation_heads``,
    ``unit_words`` or ``unit_name_words`` entry, no English ``[words] body_links`` word in it) is said to
    be part of: ``the Hauora Māori Service of Health New Zealand - Te Whatu Ora``, ``the [Remote Sensing
    ... Group](...) at Oak Ridge National Lab``, ``the University of Kansas Biodiversity Institute``; never
    a government (``of the City of Los Angeles``)."""
    said = fold(unit).split()
    heads = words("words", "organisation_heads") | words("words", "unit_words") | \
        words("words", "unit_name_words")
    if len(said) < 2 or said[-1] not in heads or words_in("en", "words", "body_links") & set(said):
        return None
    for at in named_at(doc.text, unit):
        m = _PART_OF.match(doc.text, at + len(unit))
        start = doc.text.rfind("\n", 0, at) + 1
        b = _employer_before().search(doc.text, max(start, at - 80), at)
        for found in (m, b):
            if not found:
                continue
            body = found.group("body")
            if fold(body) in not_names or fold(body) in _cues() or _JURISDICTION_CUE.search(body) or \
                    fold(body.split()[0]) in words("words", "not_bodies"):
                continue
            return body, Span(found.start("body"), found.end("body"))
    return None


#: a name closed by a colon, or by a slash, a word and a colon: a form's label (``Employee Group:``,
#: ``Service / Direction :``).
LABELLING = re.compile(r"[ \t]*(?:/[ \t]*\w+[ \t]*)?:(?![/\d])")
#: the possessive closing a name: ``Education's``.
POSSESSIVE = re.compile(r"['\u2019]s$")
#: where a document introduces its employer.
EARLY = 1500

def _en(key: str) -> str:
    """The English ``[words] key`` entries as one alternation (``patterns``), blanks between their words."""
    return "|".join(patterns("words", key, r"[ \t]+", languages=("en",))) or "(?!)"


def _all(key: str) -> str:
    """The ``[words] key`` entries of every language as one alternation, blanks between their words."""
    return "|".join(patterns("words", key, r"[ \t]+")) or "(?!)"


#: the words before a body the post works with, not for: "work with the Cabinet Office", "liaise with", "en
#: lien étroit avec le service de la paie" (``[words]``, every language: a ``partner_stems`` word, or a
#: ``partner_nouns`` one, maybe ``partner_adverbs``, a ``partner_links`` word and the article,
#: ``subject_articles``), perhaps another name and a ``list_joins`` word: "with the Payroll Team and the".
PARTNER = re.compile(rf"(?i)\b(?:(?:{_all('partner_stems')})\w*|{_all('partner_nouns')})[ \t]+"
                     rf"(?:(?:{_all('partner_adverbs')})[ \t]+)?(?:{_all('partner_links')})[ \t]+"
                     rf"(?:(?:{_all('subject_articles')})[ \t]*)?"
                     rf"(?:[^\s,.;:]+(?:[ \t]+[^\s,.;:]+){{0,5}}[ \t]+(?:{_all('list_joins')})[ \t]+"
                     rf"(?:(?:{_all('subject_articles')})[ \t]*)?)?$")
#: the words before a government that make it where an applicant lives or was admitted, within a sentence's
#: 40 characters (``[words] residence_stems``, ``residence_words``, every language): "must reside in the State
#: of Ohio", "admitted to practice in the State of Nevada", "résider dans le département de la Mayenne"; or
#: a service the post is outside of (``exemption_words``): "is exempt from Civil Service".
RESIDENCE = re.compile(rf"(?i)\b(?:(?:{_all('residence_stems')})\w*|(?:{_all('residence_words')})\b"
                       rf"|(?:{_all('exemption_words')})\b)[^.\n]{{0,40}}$")
#: how far before a name ``PARTNER`` looks: "work closely with the Payroll Team and the [Finance Directorate".
PARTNER_REACH = 90
#: a name inside a list of names: "Art History, Business Administration, Marketing", the next item after it
#: (a comma, an English ``[words] list_joins`` word).
IN_LIST = re.compile(r",[ \t]*$")
NEXT_ITEM = re.compile(rf",|[ \t]+(?:{'|'.join(patterns('words', 'list_joins', languages=('en',)))})\b")
#: the last item of a French list of common nouns: ``la logistique, les finances et le Front Office``.
_ARTICLE, _ET = ("|".join(patterns("words", key, languages=("fr",))) for key in ("list_articles", "list_and"))
LIST_END = re.compile(rf",[ \t]+(?:{_ARTICLE})[ \t]*[a-z\u00e0-\u00ff]+[ \t]+(?:{_ET})[ \t]+"
                      rf"(?:{_ARTICLE})[ \t]*$")


#: initials in brackets after a name: ``(ONEMA)``, ``(CHInA)``, ``(BGCI)``.
_INITIALS = re.compile(r"[ \t]\((?P<acr>[A-Z][A-Za-z]{1,7})\)")
#: a word of a name, its elided article apart (``l'eau`` -> ``eau``) and its hyphened parts kept.
_NAME_WORD = re.compile(r"(?<![^\s(\"\u00ab>])(?:[ldLD]['\u2019])?(?P<word>[\w-]+)[ \t]*$")


def body_by_initials(doc: Document, *, not_names: set[str] | frozenset[str] = frozenset()) -> Found | None:
    """The first body defined early by its initials and named again, by them or in full, whatever the
    case of its words (``l'Office national de l'eau et des milieux aquatiques (ONEMA) ... de l'ONEMA``,
    ``le centre hospitalier intercommunal Nord-Ardennes (CHInA)``, ``Harbour Lands Ontario (HLO)``):
    where no organisation word names one. The initials are those of the words that are not ``[words]
    function_words``."""
    links = words("words", "function_words") | {"d", "l"}
    for m in _INITIALS.finditer(doc.text, 0, EARLY):
        acr = m.group("acr")
        found = _initialled(doc.text, m.start(), acr.casefold(), links)
        if found and any(len(named_at(doc.text, said)) >= 2 for said in (acr, found[0])) \
                and _a_body(doc, found, not_names):
            return found
    return None


def _a_body(doc: Document, found: Found, not_names: set[str] | frozenset[str]) -> bool:
    """Never a unit (``[words] unit_words`` first, no ``organisation_heads``: ``direction``, ``équipe``; a
    ``[words] directorates`` one apart, a ministry's directorate general),
    a post (``[words] title_heads`` first or last: ``Chief Operating Officer (COO)``, ``Directeur général
    des services (DGS)``), a document a body drafts (``[words] plan_words`` first: ``Plan Local d'Urbanisme
    intercommunal (PLUi)``), a partner (``PARTNER``: ``works with the Regional Board (RB)``), a corps of
    executives (``[words] cadres``: ``Senior Executive Service (SES)``), a kind of bodies (a plural common
    noun: ``les établissements publics de coopération intercommunale (EPCI)``) or part of a name not to give
    (the title's ``Account Manager, Public Conservation Land (PCL)``)."""
    said = fold(found[0]).split()
    units = words("words", "unit_words") - words("words", "organisation_heads")  # ``Office`` is both
    if any(fold(found[0]).startswith(b + " ") for b in words("words", "directorates")):
        units = frozenset()  # ``la direction générale de l'énergie et du climat (DGEC)``: a body of its own
    plans = words("words", "plan_words")
    kinds = found[0][:1].islower() and said[0].endswith(("s", "x"))  # ``les établissements publics de ...``
    return not kinds and not any(fold(found[0]) in n for n in not_names) and said[0] not in units and \
        fold(found[0]) not in words("words", "cadres") and \
        not any(fold(found[0]).startswith(p) and (len(p.split()) > 1 or said[0] == p) for p in plans) and \
        not {said[0], said[-1]} & words("words", "title_heads") and \
        not PARTNER.search(doc.text, 0, found[1].start)


def _initialled(text: str, end: int, acr: str, links: frozenset[str]) -> Found | None:
    """The words before ``end`` on its line whose initials (linking words apart, a hyphened word's
    parts each if need be: ``Nord-Ardennes``) spell ``acr``."""
    at, got, start = end, "", end
    while got != acr and (w := _NAME_WORD.search(text, text.rfind("\n", 0, end) + 1, at)):
        word, at = w.group("word"), w.start()
        if fold(word) in links:
            continue
        parts = unaccented("".join(p[0] for p in word.split("-") if p)).casefold()  # ``l'énergie``: E
        got = (parts if acr.endswith(parts + got) else unaccented(word[0]).casefold()) + got
        if not acr.endswith(got):
            return None
        start = w.start("word")
    return (text[start:end], Span(start, end)) if got == acr else None


#: how far before a unit's name a sentence about applying is looked for (``_applying``).
APPLYING_REACH = 200


@cache
def _applying() -> re.Pattern[str]:
    """A sentence about applying for the post, up to a unit it names (``[words] applying_words``):
    ``applications must be filed with the [Human Resources Division``; where to apply, not the post's unit."""
    return re.compile(rf"(?i)\b(?:{alternation('words', 'applying_words')})\b[^.!?\n]*$")


@cache
def _class_group() -> re.Pattern[str]:
    """The occupational group a level places a post in: ``an IT-03 in the [Computer Systems Group``."""
    return re.compile(rf"(?:{CODE}){in_group()}$")


def _aside(text: str, m: re.Match[str]) -> bool:
    """A naming that is not the employer's: a partner's, a client's, an item in the middle of a list or the
    last of a French list of common nouns, or the group a classification places the post in."""
    before = text[max(0, m.start() - 30) : m.start()]
    in_class = _class_group().search(text, max(0, m.start() - 40), m.start())
    after = text[m.end() : m.end() + 5]
    middle = bool(IN_LIST.search(before)) and bool(NEXT_ITEM.match(after))
    last = bool(LIST_END.search(text, max(0, m.start() - 60), m.start()))
    served = _third_party().search(text, max(0, m.start() - 60), m.start())
    partner = PARTNER.search(text, max(0, m.start() - PARTNER_REACH), m.start())
    return bool(partner) or bool(in_class) or middle or last or bool(served)


@cache
def _third_party() -> re.Pattern[str]:
    """The words before a body the post serves (``[words] third_parties``), maybe its article and its owner:
    ``Our client, King County's [Department of Public Health``, ``notre client, le [Ministère``."""
    owner = rf"(?:{_CAP}[ \t]+){{0,4}}{_CAP}['\u2019]s[ \t]+"
    article = leading("words", "subject_articles", r"[ \t]+")
    return re.compile(rf"(?i:\b(?:{alternation('words', 'third_parties')}))[ \t]*,?[ \t]+"
                      rf"(?i:{article})?(?:{owner})?$")


@cache
def _label_words() -> frozenset[str]:
    return frozenset(w for lang in LANGUAGES for key in table("labels", lang) for w in words("labels", key))


@cache
def _cues() -> frozenset[str]:
    return frozenset(fold(cue) for cues in governments().values() for cue, _ in cues)


#: the small words between the capitalised words of a unit's English name (``[words] unit_name_links``), and
#: the unit's word in lower case that ends it (``prose_unit_words``): ``the Core Services team``.
_UNIT_LINK, _UNIT_LOW = (f"(?:{'|'.join(patterns('words', key, languages=('en',)))})"
                         for key in ("unit_name_links", "prose_unit_words"))
#: the small words between a French unit's word and its name (``[words] unit_word_links``), blanks maybe
#: after them: ``Direction de la ...``, ``service d'appui``.
_WORD_LINKS = "|".join(patterns("words", "unit_word_links", r"[ \t]+", languages=("fr",)))
UNIT_NAME_LINK = rf"(?:{_WORD_LINKS})[ \t]*"
#: the words before a French unit's word that make it no unit (``[words] not_unit_after``): ``sous la
#: direction de``, ``en direction de``.
_NOT_AFTER_FR = "".join(rf"(?<!{said(w, ' ')} )" for w in written("words", "not_unit_after", ("fr",)))
#: the French words leading a unit's name in prose (``[words] unit_leading_words``), any case first, accents
#: or none: ``direction des affaires juridiques``, ``Equipe de la plateforme``; the letters they open with.
_FR_LEADS = "|".join(unmarked(w, BLANKS) for w in sorted(written("words", "unit_leading_words", ("fr",)),
                                                          key=lambda w: (-len(w), w)))
_FR_FIRSTS = {c for w in written("words", "unit_leading_words", ("fr",))
              for c in ({w[0], unaccented(w[0])} | ({w[0].upper()} if w[0].islower() else set()))}
#: a unit named in prose: ``Voter Registration Division``, ``the Core Services team``,
#: ``Office of the Inspector General`` (a ``[words] unit_leads`` word, ``unit_lead_links``), ``l'équipe de la
#: plateforme``.
UNIT_NAME = re.compile(
    rf"(?<![\w.]){_NOT_FIRST}(?:{_CAP}[ \t]+(?:{_UNIT_LINK}[ \t]+)?){{1,6}}(?:business[ \t]+)?"
    rf"(?P<low>{_UNIT_LOW})\b(?!-)"
    rf"|(?<![\w.]){_NOT_FIRST}(?P<name>(?:{_CAP}[ \t]+(?:{_UNIT_LINK}[ \t]+)?){{1,5}})(?P<head>[A-Z][a-z]+)\b"
    rf"|(?<![\w.])(?P<lead>{_en('unit_leads')})[ \t]+(?:{_en('unit_lead_links')})[ \t]+"
    rf"(?:(?:{_en('subject_articles')})[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,3}}"
    rf"|(?<![\w.]){_NOT_AFTER_FR}(?P<fr>{_FR_LEADS})[ \t]+"
    rf"{UNIT_NAME_LINK}[\w'\u2019-]+"
    r"(?:[ \t]+(?:(?:et[ \t]+)?(?:(?:de[ \t]+la|du|des)[ \t]+|d['\u2019]|de[ \t]+l['\u2019])"
    r"|(?:et|de)[ \t]+)?"
    r"[a-z\u00e0-\u00ff'\u2019-]{3,}){0,4}")
#: a unit's word leading its name (``[words] unit_leads``, ``unit_lead_links``): ``Office of ...``.
_UNIT_LEAD = re.compile(rf"(?:{_en('unit_leads')})[ \t]+(?:{_en('unit_lead_links')})\b")
#: where a ``UNIT_NAME`` can start: a capital, or the ``s``, ``d``, ``u`` of a French unit's word, after no
#: word character or stop.
_UNIT_NAMES = Started(UNIT_NAME, rf"[A-Z{''.join(sorted(_FR_FIRSTS))}](?<![\w.].)")


@cache
def _indefinite() -> re.Pattern[str]:
    """An indefinite article just before a name (``[words] indefinite_articles``): ``a Program Team``."""
    return re.compile(rf"(?i)(?<!\w)(?:{alternation('words', 'indefinite_articles')})[ \t]+$")


#: a name going on after its kind's word, another body's: ``the NHS Institute for Innovation and ...``.
NAME_GOES_ON_FOR = re.compile(r"[ \t]+for[ \t]+[A-Z]")


def units_named(doc: Document, *, not_names: set[str] | frozenset[str] = frozenset()) -> list[Found]:
    """Units the document names early or often, outermost kind first (division before team)."""
    rank = _rank()
    seen: dict[str, tuple[int, Span, int]] = {}
    kinds: set[str] = set()
    for m in _UNIT_NAMES.finditer(doc.text):
        head = (m.group("head") or m.group("low") or m.group("lead") or m.group("fr") or "").casefold()
        head = french_kinds().get(fold(head), head) if m.group("fr") else head
        if head not in rank and m.group("head") and _UNIT_LEAD.match(m.group(0)) and \
                fold(m.group(0).split()[0]) not in words("words", "organisation_heads"):
            head = fold(m.group(0).split()[0])  # ``Division of Election Operations``: a division (an ``Office
            # of Personnel Management`` may be a body)
        name = m.group(0).strip().rstrip("'\u2019-")
        if m.group("fr"):
            name = _before_verb(name)
        owner = re.match(r".*['\u2019]s[ \t]+", name)  # ``DfE's Digital and Technology team``: the team
        name, start = (name[owner.end() :], m.start() + owner.end()) if owner else (name, m.start())
        said = name.split()
        if lead := min((len(n.split()) for n in not_names if fold(name).startswith(n + " ")
                        and len(n.split()) < len(said) - 1), default=0):
            # ``the University of Kansas Biodiversity Institute`` of the University of Kansas: the institute
            start += name.index(said[lead], len(" ".join(said[:lead])))
            name = " ".join(said[lead:])
        if head not in rank or not _unit_name(name, head, not_names) or _aside(doc.text, m) or \
                _applying().search(doc.text, max(0, m.start() - APPLYING_REACH), m.start()) or \
                NAME_GOES_ON_FOR.match(doc.text, m.end()) or LABELLING.match(doc.text, m.end()) or \
                (m.group("fr") and (_leading_act(name) or _announces().match(doc.text, m.end()))) or \
                (m.group("low") and _core(name) <= words("words", "employer_heads")) or \
                (m.group("lead") and _runs_into_a_body(name)):
            continue  # (``Employee Group: This is a CUPE Local 50 position``: a label, no unit; ``the
            # Museum team``: the employer's staff, no unit of it)
        key = _same_unit(fold(name), seen) or fold(name)
        if _indefinite().search(doc.text, max(0, start - 6), start):
            kinds.add(key)  # ``a core member of a Program Team``: a kind of team, however often named
        count, span, _ = seen.get(key, (0, Span(start, start + len(name)), rank[head]))
        seen[key] = (count + 1, span, rank[head])
    kept = [(r, span) for key, (count, span, r) in seen.items()
            if (count >= 2 or span.start <= EARLY) and key not in kinds]
    out: list[Found] = []
    for _, span in sorted(kept, key=lambda x: (x[0], x[1].start))[:MAX_UNITS]:
        out.append((doc.text[span.start : span.end], span))
    return out


@cache
def _announces() -> re.Pattern[str]:
    """The rest of a French unit's name, its initials maybe, then a verb saying it announces the recruitment
    (``[words] announcing_verbs``): ``La Direction des Ressources [Humaines ... (D.R.H.F.F.P.) fait savoir
    qu'un concours ...``: who publishes the notice, not the post's unit."""
    verbs = alternation("words", "announcing_verbs", r"[ \t]+", languages=("fr",))
    return re.compile(rf"(?:[^.;:!?()\n]|\([^()\n]{{0,40}}\)){{0,120}}?[ \t](?:{verbs})\b")


def _runs_into_a_body(name: str) -> bool:
    """A unit led by its word (``Office of ...``) whose name after its link holds a body's or a unit's word
    (``[words] organisation_heads``, ``unit_words``): it ran into another name, ``Office of the Secretary
    U.S. Department [of Commerce]``."""
    kinds = words("words", "organisation_heads") | words_in("en", "words", "unit_words")
    return any(w in kinds for w in fold(name).split()[2:])


def _leading_act(name: str) -> bool:
    """A French unit's word written in lower case that names the act of leading (``[words] act_units``) and
    what it leads (after its links, ``[words] unit_word_links``): a body or unit named in capitals or by its
    unit's word, or people (a ``[words] title_heads`` word): ``assurer la direction de l'Institut``, ``la
    direction du Secrétariat permanent``, ``la direction des chefs de direction``; no unit."""
    said = name.split()
    if len(said) < 3 or fold(said[0]) not in words("words", "act_units") or not said[0].islower():
        return False
    led = next((w for w in (re.sub(r"^[ldLD]['\u2019]", "", w) for w in said[1:])
                if fold(w) not in words_in("fr", "words", "unit_word_links") | {"la", "le", "les"}), "")
    return led[:1].isupper() or singular(fold(led)) in words("words", "title_heads") or \
        fold(led) in words_in("fr", "words", "unit_words")  # ``la direction de la direction départementale``


def _unit_name(name: str, head: str, not_names: set[str] | frozenset[str]) -> bool:
    """Not a unit: the organisation or government under another wording, a one-word name, a name led
    by a rank or a determiner (``Senior Management Team``), one whose owner is a possessive (``direction de
    sa faculté``, ``[words] possessives``), a part of the document (``Qualifications Section``)."""
    core = _core(name)
    if core in {_core(n) for n in not_names} or fold(name) in _cues() or len(name.split()) < 2:
        return False
    if not (set(re.findall(r"[^\W_]+", fold(name))) - _kinds()):
        return False  # ``the Service Unit``: kind words only
    if re.search(r"['\u2019]s[ \t]+Office$", name):
        return False  # ``the Secretary of State's Office``: an office-holder's
    if any(n.startswith(fold(name) + " ") for n in not_names):
        return False  # the organisation's name cut short: ``direction de la jeunesse, de ...``
    if fold(name.split()[0]) in words("words", "not_unit_words"):
        return False
    owners = words("words", "possessives") | words("words", "indefinite_owners")
    if set(fold(name).split()[1:3]) & owners:
        return False  # ``la direction de sa faculté``: directing one's own faculty, no unit's name;
        # ``participe à la direction d'un service interministériel``: directing some service
    if fold(name) in _label_words() or fold(name) in words("words", "software") or \
            any(fold(name) == w or fold(name).endswith(" " + w) for w in words("words", "across_units")):
        return False  # ``Employee Group: CUPE Local 50`` labels; ``the County Leadership Team`` spans units
    return not (head == "section" and core & _document_parts())


@cache
def _document_parts() -> frozenset[str]:
    """One-word headings of a document's parts: ``qualifications``, ``benefits``, ``duties``."""
    return frozenset(w for key in ("stop", "duties") for w in words("headings", key) if " " not in w)


def _core(name: str) -> frozenset[str]:
    """A name's own words, without its kind and linking words: ``County Clerk and Recorder's Office``
    and ``County Clerk-Recorder`` both give {county, clerk, recorder}."""
    tokens = re.findall(r"[^\W_]+", fold(name))
    return frozenset(t for t in tokens if t not in _kinds()) or frozenset(tokens)


@cache
def _kinds() -> frozenset[str]:
    ranked = table("unit_heads", "en").get("ranked", [])
    heads = {str(w) for w in (ranked if isinstance(ranked, list) else [])}
    return words("words", "organisation_heads") | words("words", "unit_words") | heads | {
        "and", "of", "the", "s", "for", "de", "du", "des", "la", "le", "les", "l", "d"}


def _same_unit(name: str, seen: dict[str, tuple[int, Span, int]]) -> str | None:
    """A unit already seen that this name restates with more or fewer words, its own head kept:
    ``CDS Platform Business Unit`` after ``Platform Business Unit``."""
    mine = _stems(name)
    return next((k for k in seen if k.split()[-1] == name.split()[-1]
                 and (mine <= _stems(k) or _stems(k) <= mine)), None)


def _stems(name: str) -> set[str]:
    """A name's words, a plural as its singular (``Elections`` as ``Election``)."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in name.split()}


def units_labelled(doc: Document, *,
                   not_names: set[str] | frozenset[str] = frozenset()) -> list[tuple[Found, str]]:
    """Units given under their labels (``Branch: Finance``; ``Business Unit`` above its value), each
    with its kind, outermost kind first."""
    rank = _rank()
    known = {_core(n) for n in not_names}
    labels = table("labels", language(doc.text)).get("unit", [])
    mine = {fold(str(w)) for w in (labels if isinstance(labels, list) else [])}  # ``Service`` is French only
    out: dict[str, tuple[int, int, Found, str]] = {}
    for f in labelled(doc, "unit"):
        whole = clean(doc, f.value_start, f.value_end)
        label = fold(f.label).split()
        kind = next((k for w in reversed(label) if (k := french_kinds().get(w, w)) in rank), "unit")
        named = fold(f.label) in words("words", "named_unit_labels")  # ``Office: Office of Internal Audit``
        for step in _path(doc, whole) if whole else []:
            found = after_organisation(doc, step, not_names)
            if found and named and not names_unit(found[0]):
                continue  # ``Office: Springfield``: where, no unit
            if found and len(found[0].split()) <= 10 and _core(found[0]) not in known and \
                    fold(f.label) in mine and not _a_body_named(found[0]):
                out.setdefault(fold(found[0]), (rank[kind], found[1].start, found, kind))
    return [(found, kind) for _, _, found, kind in sorted(out.values(), key=lambda x: x[:2])]


def _a_body_named(value: str) -> bool:
    """A body, no unit: a value opening with a French ``[words] organisation_nouns`` word that is no
    ``unit_words`` one (``Structure : Centre de gestion de la fonction publique territoriale du Nord``)."""
    first = fold(value).split()[:1]
    nouns = words_in("fr", "words", "organisation_nouns") - words("words", "unit_words")
    return bool(first) and first[0] in nouns


#: the steps of a unit path, outermost first, apart by a spaced slash, angle or bar (``Direction Générale des
#: Services / Secrétariat Général``, ``Corporate Services > Service Desk``); a comma or a spaced dash parts
#: steps only where each names a unit (``path_steps``).
PATH_STEP = re.compile(r"[ \t]+[/>|\u203a\u00bb][ \t]+")
#: a comma or a spaced dash between two names: ``Direction de la culture, Service du patrimoine``.
NAMED_STEP = re.compile(r",[ \t]+|[ \t]+[-\u2013\u2014][ \t]+")


def path_steps(value: str) -> list[str]:
    """The steps of a unit path, outermost first: apart by a spaced slash, angle or bar, or by commas or
    spaced dashes where every step after the first names a unit (``names_unit``) and the first a unit or a
    body (``Department of Health - Public Health Division - Health Protection Branch``); else the value."""
    steps = [p for p in PATH_STEP.split(value) if p.strip()]
    if len(steps) > 1:
        return steps
    parts = NAMED_STEP.split(value)
    if len(parts) > 1 and all(map(names_unit, parts[1:])) and (names_unit(parts[0]) or names_body(parts[0])):
        return parts
    return [value]


def names_unit(name: str) -> bool:
    """A unit's name by its word where its language puts it: first in French (``service Projets``,
    ``Sous-direction des ...``), last in English (``Payroll Unit``) or leading its name (``Office of ...``,
    ``[words] unit_leads``)."""
    said = fold(name).split()
    if not said or not name[:1].isalpha():
        return False
    return bool(french_unit(name)) or said[-1] in _english_units() or bool(_UNIT_LEAD.match(name))


@cache
def _english_units() -> frozenset[str]:
    """The English unit's words (``[words] unit_words``, ``[unit_heads] ranked``), folded."""
    return words_in("en", "words", "unit_words") | frozenset(_rank())


def french_unit(name: str) -> str | None:
    """The French unit's word (``[words] unit_words``) a name opens with, folded: ``Sous-direction des
    ...`` -> ``sous direction``; None for ``Ministère de ...``."""
    folded = fold(name)
    return next((w for w in _french_units() if folded == w or folded.startswith(w + " ")), None)


@cache
def _french_units() -> tuple[str, ...]:
    return tuple(sorted((fold(w) for w in words_in("fr", "words", "unit_words")), key=len, reverse=True))


def names_body(name: str) -> bool:
    """A body's name by its first word (``[words] body_first``: ``Department of Health``, ``Ministère de
    ...``) or its last (``organisation_heads``: ``Digital Transformation Agency``)."""
    said = fold(name).split()
    return bool(said) and (said[0] in words("words", "body_first") or said[-1] in words("words",
                                                                                     "organisation_heads"))


def _path(doc: Document, found: Found) -> list[Found]:
    """A labelled unit value, or each step of the path it gives (``path_steps``)."""
    value, span = found
    parts = path_steps(value)
    if len(parts) < 2 or value != doc.text[span.start : span.end]:
        return [found]
    steps, at = [], span.start
    for part in parts:
        start = doc.text.index(part, at)
        steps.append((part, Span(start, start + len(part))))
        at = start + len(part)
    return steps


#: the lines at the top of a document where a letterhead names the units above the post.
HEADER_LINES = 8


def units_above(doc: Document, *, not_names: set[str] | frozenset[str] = frozenset()) -> list[Found]:
    """The units a letterhead names, one a line under the body's (``Ministry of Health`` / ``Public Health
    Division`` / ``Health Protection Branch``) or as steps of one line (``Department of Health - Public
    Health Division - ...``, ``Accueil > ... > Ministère des Armées > Direction des ressources humaines``),
    outermost first (``_letterhead``)."""
    return list(_letterhead(doc, frozenset(not_names))[1])


def body_above(doc: Document, *, not_names: set[str] | frozenset[str] = frozenset()) -> Found | None:
    """The body a letterhead names just above its units, on the line before them or as the step before
    them (``Région Occitanie`` / ``Direction des mobilités``): a body's name (``names_body``), a local
    government's (``Région Occitanie``) or a French ``[words] organisation_nouns`` one."""
    body = _letterhead(doc, frozenset(not_names))[0]
    if body is None or fold(body[0]) in not_names or not 2 <= len(body[0].split()) <= 12 or ":" in body[0] \
            or fold(body[0]) in _label_words():
        return None  # (``Service / Secrétariat général``: a label before its value, no body)
    said = fold(body[0]).split()
    nouns = words_in("fr", "words", "organisation_nouns") - words("words", "unit_words")
    named = names_body(body[0]) or bool(_local_body().fullmatch(body[0])) or said[0] in nouns
    return body if named and body[0][:1].isupper() else None


@per_document  # the body above and the units above: one letterhead
def _letterhead(doc: Document, not_names: frozenset[str]) -> tuple[Found | None, list[Found]]:
    """The first run of lines near the top each wholly a unit's name (``_unit_line``), or whose last steps
    are (``path_steps``), and the line or step just before them."""
    out: list[Found] = []
    before: Found | None = None
    french = language(doc.text) == "fr"
    for ln in [ln for ln in doc.lines[doc.front_end :] if not ln.blank][:HEADER_LINES]:
        # a heading or a list's item is no letterhead (``• Service public des collectivités territoriales``)
        found = clean(doc, ln.body_start, ln.body_end) if not ln.atx and not ln.marker else None
        steps = _path(doc, found) if found else []
        first = next((k for k, s in enumerate(steps) if _unit_line(s[0], not_names, french=french)), None)
        if first is not None and all(_unit_line(s[0], not_names, french=french) for s in steps[first:]):
            if not out:
                before = steps[first - 1] if first else before
            out += steps[first:]
        elif out:
            break
        else:
            before = found
    return (before if out else None), out


#: what follows a French unit's word in its name: nothing, a link, a capital, or an adjective and then
#: nothing or a link (``Secrétariat général``, ``Direction générale de ...``), never an adjective and a code.
_FR_NAMED = re.compile(r"$|[ \t]+(?:de|du|des|d['\u2019]|[A-Z\u00c0-\u00de])"
                       r"|[ \t]+[a-z\u00e0-\u00ff]+(?:$|[ \t]+(?:de|du|des|d['\u2019]|et)\b)")


def _unit_line(name: str, not_names: set[str] | frozenset[str], *, french: bool) -> bool:
    """A unit's whole name as a letterhead writes it: in English capitalised words (their links apart,
    ``[words] name_links``) ending in a unit's word, in French a unit's word and its name, no stop or
    colon, no word opening it that never opens a name (``[words] name_not_first``: ``About the Group``); never
    the organisation under another wording nor a part of the document (``_unit_name``); a French unit's word
    only in a French document (``Division VP Academic Affairs``: a form's cells); never a label alone on its
    line (``Direction générale`` over ``Grade(s) recherché(s)``)."""
    said = name.split()
    if not names_unit(name) or len(said) > 12 or re.search(r"[:.;!?,]$|[:,]\s", name) or \
            fold(said[0]) in words("words", "name_not_first"):
        return False
    links = words_in("en", "words", "name_links")
    if french and (lead := _fr_lead().match(name)) and not _FR_NAMED.match(name, lead.end()):
        return False  # ``Mission temporaire OT-23397``: a kind of contract and its number, no unit's name
    if not (french and french_unit(name)) and not (
            (fold(said[-1]) in _english_units() or _UNIT_LEAD.match(name))
            and all(w[:1].isupper() or fold(w) in links for w in said)):
        return False
    core = _core(name)
    return bool(core - _kinds()) and core not in {_core(n) for n in not_names} and \
        fold(name) not in _label_words() and \
        not (core & _document_parts()) and not _a_body_named(name) and \
        not any(fold(name).endswith(w) for w in words("words", "across_units"))


def unit_chain(doc: Document, found: Found) -> list[Found]:
    """A unit and the units its own words place it in or narrow it to, outermost first: ``the Strategy and
    Portfolio team within the Digital Directorate`` -> Digital Directorate, Strategy and Portfolio team (an
    English ``[words] enclosing_links`` link and a unit after the name, its last word an ``enclosing_units``
    one); ``sous-direction des finances de la direction des services judiciaires`` -> direction ...,
    sous-direction ...; ``Direction des Ressources Humaines et plus particulièrement du service Paie`` ->
    both in that order (French ``enclosing_links``, ``narrowing_links``, before a unit's word and a name)."""
    chain: list[Found] = []
    at, end, inner = found[1].start, found[1].end, False
    for m in _french_step().finditer(doc.text, at, end):
        piece = clean(doc, at, m.start())
        if piece is None or len(piece[0].split()) < 2:
            return [found]
        chain = [*chain, piece] if inner else [piece, *chain]
        at, inner = m.end(), bool(m.group("narrow"))
    last = clean(doc, at, end)
    if last is None or (chain and len(last[0].split()) < 2):
        return [found]
    chain = [*chain, last] if inner else [last, *chain]
    if len(chain) > 1:  # ``Chef de Section - Secrétaire Exécutif du Secrétariat permanent de ...``: the
        chain = [c for c in chain if not _SPACED_DASH.search(c[0])]  # title's two posts, no unit's name
    while len(chain) < MAX_CHAIN and (outer := _enclosing().match(doc.text, end)) and \
            fold(outer.group("unit").split()[-1]) in words_in("en", "words", "enclosing_units"):
        chain.insert(0, (outer.group("unit"), Span(outer.start("unit"), outer.end("unit"))))
        end = outer.end("unit")
    line = doc.text.rfind("\n", 0, found[1].start) + 1
    before = _fr_attached().search(doc.text, line, found[1].start)
    for sub in (_fr_hiring_after().match(doc.text, end), before):
        if sub and (unit := clean(doc, sub.start("unit"), sub.end("unit"))) and len(chain) < MAX_CHAIN:
            chain.append(unit)  # ``Au sein de la direction X, le service Y recrute``; ``Le service Y est
            # rattaché à la direction X``: the smaller unit, the subject
    return chain


@cache
def _fr_subject_unit() -> str:
    """A sentence's French article, then a unit's word and its name (the group ``unit``)."""
    article = leading("words", "subject_articles", r"[ \t]+", languages=("fr",))
    return rf"(?i:{article})(?P<unit>(?:{_fr_units_written()})(?![\w-])[^,.;:()\n]{{2,100}}?)"


@cache
def _fr_hiring_after() -> re.Pattern[str]:
    """After a unit's name, a comma and a smaller unit that hires: ``, le service X recrute``."""
    verbs = alternation("words", "recruiting_verbs", r"[ \t]+", languages=("fr",))
    return re.compile(rf",[ \t]+{_fr_subject_unit()}[ \t]+(?:{verbs})\b")


@cache
def _fr_attached() -> re.Pattern[str]:
    """A unit opening a sentence, then ``[words] attached_links`` just before the larger unit's name: ``Le
    service des marchés publics est rattaché à la ``."""
    links = alternation("words", "attached_links", r"[ \t]+", languages=("fr",))
    return re.compile(rf"(?:^|(?<=[.!?][ \t])){_fr_subject_unit()}[ \t]+(?:{links})[ \t]*$", re.M)


#: a spaced dash: between two posts of a title, never inside a unit's name.
_SPACED_DASH = re.compile(r"[ \t][-\u2013\u2014][ \t]")
#: the most units one name's words place a post in.
MAX_CHAIN = 4


@cache
def _french_step() -> re.Pattern[str]:
    """A French link to a larger unit (``[words] enclosing_links``) or a smaller one (``narrowing_links``)
    before a unit's word (``unit_words``) that a name follows: a link or a capital, an adjective maybe between
    (``de la direction générale des ...``), never an adjective alone (``du service national universel``)."""
    blank = r"[ \t]+"
    outer = "|".join(patterns("words", "enclosing_links", blank, languages=("fr",)))
    narrow = "|".join(patterns("words", "narrowing_links", blank, languages=("fr",))) or "(?!)"
    named = rf"(?:{blank}[a-z\u00e0-\u00ff]+)?(?:{blank}(?:de|du|des|d['\u2019])|{blank}[A-Z\u00c0-\u00de])"
    return re.compile(rf"{blank}(?:(?P<narrow>{narrow})|(?:{outer})){blank}?"
                      rf"(?=(?:{_fr_units_written()}){named})")


@cache
def _fr_lead() -> re.Pattern[str]:
    return re.compile(rf"(?:{_fr_units_written()})(?![\w-])")


@cache
def _fr_units_written() -> str:
    """The French ``[words] unit_words`` as written (``unmarked``: accents optional, a capital maybe)."""
    return "|".join(unmarked(w, BLANKS) for w in sorted(written("words", "unit_words", ("fr",)), key=len,
                                                         reverse=True))


@cache
def _enclosing() -> re.Pattern[str]:
    """An English ``[words] enclosing_links`` link after a unit's name, then the larger unit's name in
    capitals (its small words ``[words] unit_name_links``)."""
    links = "|".join(patterns("words", "enclosing_links", r"[ \t]+", languages=("en",)))
    name = rf"(?:{_CAP}[ \t]+(?:{_UNIT_LINK}[ \t]+)?){{0,5}}{_CAP}"
    return re.compile(rf"[ \t]+(?:{links})[ \t]+(?P<unit>{name})")


@cache
def _rank() -> dict[str, int]:
    ranked = table("unit_heads", "en").get("ranked", [])
    return {str(w): k for k, w in enumerate(ranked if isinstance(ranked, list) else [])}


def _before_verb(name: str) -> str:
    """``direction des affaires juridiques comprend`` -> ``direction des affaires juridiques``; also before a
    word opening another clause (``[words] unit_name_ends``): ``Direction des opérations pour l'Afrique de
    l'Ouest`` -> ``Direction des opérations``."""
    verbs = words("words", "clause_links") | words("words", "duty_verbs") | \
        words_in("fr", "words", "unit_name_ends")
    kept = name.split()
    for k, w in enumerate(kept[2:], start=2):
        if fold(w) in verbs:
            return " ".join(kept[:k])
    return name


@cache
def french_kinds() -> dict[str, str]:
    """The kind (a ``[unit_heads] ranked`` word) each French unit's word names (``[unit_kinds]`` of fr.toml),
    its words folded: ``sous direction`` -> ``division``, ``pole`` -> ``branch``."""
    return {fold(k): str(v) for k, v in table("unit_kinds", "fr").items()}


#: more units than this named in prose are a list of the organisation's parts, not the post's line.
MAX_UNITS = 2


def placed_in(doc: Document) -> tuple[Found | None, list[Found]]:
    """The organisation and units a sentence places the post in (``[phrases] placed_in``): "The position
    is located in Library Services' Administrative Services Office" gives Library Services and the
    Administrative Services Office; none when no part is a unit or an organisation (a town)."""
    m = _placed().search(doc.text)
    if not m:
        return _placed_french(doc)
    org: Found | None = None
    units: list[Found] = []
    for part in re.finditer(r"[A-Z][^,;\u2019']*?(?=[ \t]*(?:,|['\u2019]s?[ \t]|$))", m.group("where")):
        name, start = part.group(0).strip(), m.start("where") + part.start()
        found = (name, Span(start, start + len(name)))
        tokens = fold(name).split()
        if tokens[-1] in _rank() or _UNIT_LEAD.match(name):
            units.append(found)
        elif org is None and (_org_word(tokens[-1]) or (len(tokens) >= 2 and not units)):
            org = found  # ``Library Services' Administrative Services Office``: the whole before its part
    return (org if units or (org and _org_word(fold(org[0]).split()[-1])) else None), units


def _org_word(token: str) -> bool:
    return token.rstrip("s") in words("words", "organisation_heads")


@cache
def _placed() -> re.Pattern[str]:
    english = "|".join(patterns("phrases", "placed_in", r"[ \t]+", languages=("en",)))
    return re.compile(rf"(?i:\b(?:{english}))[ \t]+(?:of[ \t]+)?(?:the[ \t]+)?"
                      r"(?P<where>[A-Z][^.;\n]{2,160})")


@cache
def _placed_fr() -> re.Pattern[str]:
    """The French ``[phrases] placed_in``, an article (``[words] subject_articles``), a unit (its first word
    a ``[words] unit_words`` entry), then the body it is part of (a ``[words] part_of_links`` entry and a
    capital), up to a town (`` à Bangui``), ``et`` or the sentence's end."""
    lead = "|".join(patterns("phrases", "placed_in", r"[ \t]+", languages=("fr",)))
    unit = "|".join(patterns("words", "unit_words", languages=("fr",)))
    article = leading("words", "subject_articles", r"[ \t]+")
    links = "|".join(patterns("words", "part_of_links", r"[ \t]+", languages=("fr",)))
    return re.compile(rf"(?i:\b(?:{lead}))[ \t]+(?:(?i:{article}))?"
                      rf"(?P<unit>(?i:{unit})\b[^.;\n]{{1,120}}?)"
                      rf"[ \t]+(?:{links})[ \t]*"
                      r"(?P<body>[A-Z\u00c0-\u00de][^.;\n]{2,160}?)"
                      r"(?=[ \t]+(?:à[ \t]+[A-Z\u00c0-\u00de]|et[ \t])|[ \t]*[.;]|[ \t]*$)", re.M)


def _placed_french(doc: Document) -> tuple[Found | None, list[Found]]:
    """``Ce poste est à pourvoir au sein de l’Équipe Déontologie et discipline de la Mission ...
    (MINUSCA).``, ``Le poste est à la Division des investigations du Bureau des services de contrôle
    interne (BSCI) à Bangui``: the unit and the body it is part of."""
    m = _placed_fr().search(doc.text)
    if not m:
        return None, []
    unit, body = clean(doc, m.start("unit"), m.end("unit")), clean(doc, m.start("body"), m.end("body"))
    return body, [unit] if unit else []


@cache
def _within() -> re.Pattern[str]:
    """A sentence opening with the post (``[words] offered_titles``, perhaps its article), then in its first
    words a ``[phrases] placed_opening`` link ``au sein ...`` and a capitalised name, up to a clause's end:
    ``Poste ouvert est un CDD de 3 ans au sein de la Direction générale du Travail``."""
    post = alternation("words", "offered_titles", r"[ \t]+", languages=("fr",))
    within = "|".join(p for p in patterns("phrases", "placed_opening", r"[ \t]+", languages=("fr",))
                      if p.startswith("au"))
    article = leading("words", "subject_articles", r"[ \t]+", capitalised=True, languages=("fr",))
    return re.compile(rf"(?:^|(?<=[.!?][ \t]))(?:{article})?(?i:{post})\b[^.;\n]{{0,60}}?[ \t](?:{within})"
                      r"[ \t]*(?P<body>[A-Z\u00c0-\u00de][^.;:,()\n]{2,100}?)"
                      # ``et`` ends it, not ``et de la Pêche``
                      r"(?=[ \t]*(?:[.;:,(\n]|$)|[ \t]+(?:et(?![ \t]+(?:de|du|des|d['\u2019]|l['\u2019]|la|le"
                      r"|les|[A-Z\u00c0-\u00de]))|à|pour|sous|afin|avec)\b)", re.M)


def post_within(doc: Document) -> Found | None:
    """The body a sentence about the post places it within (``_within``), where its name opens with a body's
    word (``[words] organisation_nouns``) or a directorate's (``directorates``: a ministry's directorate
    general, which recruits in its own name), never a unit's: ``... au sein de la Direction générale du
    Travail``, not ``au sein du Service Contentieux``. Asked for after the body the document names most (a
    posting's terms, often spelled in haste: ``au sein du Ministère de la Cutlure``)."""
    starts = words_in("fr", "words", "organisation_nouns") | words_in("fr", "words", "directorates")
    for m in _within().finditer(doc.text):
        said = fold(m.group("body")).split()
        if said[0] in starts or " ".join(said[:2]) in starts:
            return clean(doc, m.start("body"), m.end("body"))
    return None


def _phrases(key: str) -> str:
    """The ``[phrases] key`` of every language as one alternation (a space matching any blanks)."""
    return alternation("phrases", key, r"[ \t]+")


@cache
def _local_body() -> re.Pattern[str]:
    """A ``[words] local_bodies`` entry, a linking word, a name in capitals: ``Ville de Lausanne``,
    ``Département de la Manche``, ``Région Grand Est``, ``Township of Springwater``."""
    name = r"[A-Z\u00c0-\u00de][\w'\u2019-]*"
    blank = r"[ \t]+"
    link = rf"{blank}(?:{leading('words', 'local_body_links', blank)})"  # ``de la ``, ``d'``
    bodies, named, inside = (alternation("words", key, blank)
                             for key in ("local_bodies", "local_bodies_named", "local_name_links"))
    return re.compile(rf"(?<![\w-])(?:(?:{bodies})(?:{link})|(?:{named})[ \t]+)(?:{name})"
                      rf"(?:[ \t]+(?:(?:{inside})[ \t]+)?{name}){{0,3}}")


def french_local_government(name: str) -> bool:
    """A French local government's whole name (``_local_body``, a French ``[words] local_bodies`` word first):
    ``Ville de Sherbrooke``, ``Commune de Forest``, ``Conseil départemental de l'Hérault``; it is the
    jurisdiction too where it employs."""
    said = fold(name) + " "
    kinds = words_in("fr", "words", "local_bodies") - words_in("en", "words", "local_bodies")
    return _local_body().fullmatch(name.strip()) is not None and any(said.startswith(k + " ") for k in kinds)


def local_department(name: str) -> bool:
    """A local government's department by its name: capitalised words ending in a ``[words]
    local_departments`` word, no English ``[words] body_links`` word in it (``Roads Department``, not
    ``Department of Health``)."""
    said = fold(name).split()
    heads = words("words", "local_departments")
    return len(said) >= 2 and said[-1] in heads and not words_in("en", "words", "body_links") & set(said)


def local_body(doc: Document, *, not_names: set[str] | frozenset[str] = frozenset()) -> Found | None:
    """The local government a sentence names early as the employer's own (``La Ville de Lausanne souhaite
    désigner``, ``Travailler au sein du Département de la Manche``), or later as the subject a sentence
    opens with (``La ville d'Orléans (115 000 habitants), capitale de la région`` under a posting's fields):
    the first one named."""
    for m in _local_body().finditer(doc.text):
        name = m.group(0)
        before = doc.text[doc.text.rfind("\n", 0, m.start()) + 1 : m.start()]
        if not before.strip() and not _letterhead_line(doc, m):
            continue  # a line it opens names a unit in a list of units, not the employer in a sentence
        if m.start() >= EARLY and not _opens_sentence(before):
            continue
        if RANKED_PLACE.search(before):
            continue  # ``4e ville des Hauts-de-France``: where a town ranks, not a body
        if fold(name) not in not_names and not _aside(doc.text, m):
            return name, Span(m.start(), m.end())
    return None


def _letterhead_line(doc: Document, m: re.Match[str]) -> bool:
    """A local government's name alone on one of the first lines (``TOP_LINES``): its letterhead
    (``Jardinier (H/F)`` / ``Ville de Saint-Amand``)."""
    line = doc.line_of(m.start())
    top = [ln.index for ln in doc.lines[doc.front_end :] if not ln.blank][:TOP_LINES]
    return line in top and doc.body(doc.lines[line]).strip(" \t*_#") == m.group(0)


#: a first line naming the employer, its town in brackets, then the post after a spaced dash:
#: ``Conseil Départemental du Maine-et-Loire (Angers-49000) – Chargé.e de mission ...``.
def _employer_named(name: str) -> bool:
    """A body's name by its last word (``[words] organisation_heads``, ``employer_heads``), no post's:
    ``Saskatchewan Health Authority``, not ``Director, Policy Office``."""
    said = fold(name).split()
    heads = words("words", "organisation_heads") | words("words", "employer_heads")
    return 0 < len(said) <= 8 and said[-1] in heads and not names_a_post(name)


EMPLOYER_DASH = re.compile(r"(?P<e>[^\n]{4,100}?)(?:[ \t]*\([^()\n]{1,40}\))?[ \t]+[-\u2013\u2014][ \t]+"
                           r"(?P<t>[^\n]{4,120}?)[ \t]*$")


def employer_then_title(doc: Document) -> Found | None:
    """The post a job board's first line names after its employer, a local government (``_local_body``):
    ``Conseil Départemental du Maine-et-Loire (Angers-49000) – Chargé.e de mission appui au territoire``,
    or a body by its name's last word (``_employer_named``) before a post's name: ``Saskatchewan Health
    Authority - Executive Director, Provincial Acute Care``; never what no title is (``titles.acceptable``:
    ``– Contrat de 3 ans``, ``– 2026-01-12``)."""
    first = next((ln for ln in doc.lines if not ln.blank), None)
    m = EMPLOYER_DASH.fullmatch(doc.body(first).strip()) if first else None
    employer, post = (m.group("e"), m.group("t")) if m else ("", "")
    if not first or not m or not acceptable(post) or not (_local_body().fullmatch(employer.strip()) or (
            _employer_named(employer) and names_a_post(post) and not names_a_body(post))):
        return None
    start = first.body_start + doc.body(first).find(post)
    return post, Span(start, start + len(post))


@cache
def _service_named() -> re.Pattern[str]:
    """A public service named by its kind's initials and its name (``[words] service_initials``): ``SPF
    Économie, P.M.E., Classes moyennes et Énergie``, ``SPF SPSCAE``; a lower-case word only inside the
    name, before ``,`` or ``et`` and a capital (``Classes moyennes et Énergie``)."""
    cap = r"(?:(?:[A-Z]\.){2,}|[A-Z\u00c0-\u00de][\w'\u2019-]*)"
    low = r"[a-z\u00e0-\u00ff][\w'\u2019-]+"
    link = r"(?:,[ \t]+|[ \t]+(?:et|au|aux|du|des|de[ \t]+la|de[ \t]+l['\u2019]|de|d['\u2019])[ \t]+|[ \t]+)"
    kinds = alternation("words", "service_initials")
    inside = rf"(?:[ \t]+{low}(?=,|[ \t]+et[ \t]+[A-Z\u00c0-\u00de]))?"
    return re.compile(rf"(?<![\w.])(?-i:{kinds})[ \t]+{cap}(?:{inside}{link}{cap}){{0,8}}(?![\w.])")


def service_named(doc: Document, *, not_names: set[str] | frozenset[str] = frozenset()) -> Found | None:
    """The first public service named by its kind's initials early (``_service_named``), its name
    whole: a Belgian federal service's posting (``... objectifs stratégiques du SPF Économie, P.M.E.,
    Classes moyennes et Énergie``)."""
    for m in _service_named().finditer(doc.text, 0, EARLY * 2):
        if fold(m.group(0)) not in not_names:
            return m.group(0), Span(m.start(), m.end())
    return None


@cache
def _populated() -> re.Pattern[str]:
    """A place opening a sentence with its population in brackets: ``Roubaix (98 000 habitants, 3e ville
    des Hauts-de-France)``, ``La Communauté de Communes (26 communes, 44 000 habitants)`` (``[words]
    inhabitants``)."""
    name = r"[A-Z\u00c0-\u00de][\w'\u2019-]*"
    link = "|".join(patterns("words", "place_links", r"[ \t]+", languages=("fr",)))
    article = leading("words", "subject_articles", r"[ \t]+")
    count = r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})*"
    people = alternation("words", "inhabitants")
    return re.compile(rf"(?:^|(?<=[.!?][ \t]))(?:(?i:{article}))?"
                      rf"(?P<name>{name}(?:[ \t]+(?:(?:{link})[ \t]*)?{name}){{0,4}})[ \t]*"
                      rf"\((?:[^()\n]{{0,30}}?,[ \t]*)?{count}[ \t]+(?:{people})\b", re.M)


def populated_place(doc: Document, *, not_names: set[str] | frozenset[str] = frozenset()) -> Found | None:
    """The place a sentence opens with, its population in brackets (``_populated``): a local government's
    posting presenting itself, where nothing else names the employer."""
    for m in _populated().finditer(doc.text):
        if fold(m.group("name")) not in not_names:
            return m.group("name"), Span(m.start("name"), m.end("name"))
    return None


#: an ordinal before a local government's word: ``(99 000 habitants, 4e ville des ...``.
RANKED_PLACE = re.compile(r"\b\d{1,2}(?:e|ème|eme|er|re)[ \t]+$")


def _opens_sentence(before: str) -> bool:
    """What stands before a name on its line is a sentence's start and an article (``[words]
    subject_articles``): ``La ``, ``Depuis 2020. Le ``."""
    start = re.split(r"[.!?][ \t]+", before)[-1].strip()
    return fold(start) in words("words", "subject_articles") or fold(start.rstrip("'\u2019") + "'") in \
        words("words", "subject_articles")


def employer_statement(doc: Document, *, not_names: set[str] | frozenset[str] = frozenset()) -> Found | None:
    """The body a document's employer statement names (``[phrases] employer_after``): "The U.S. Election
    Assistance Commission is an Equal Opportunity Employer"; never a government (``The City of Oakland``)."""
    for m in _statement().finditer(doc.text):
        name = m.group("name")
        if fold(name) in not_names or _JURISDICTION_CUE.search(name) or \
                fold(name).split()[-1] not in words("words", "organisation_heads"):
            continue
        return name, Span(m.start("name"), m.end("name"))
    return None


#: a government's own name, not a body of it: its first word a ``[words] government_firsts`` one (``City of
#: Oakland``), its last a ``government_lasts`` one (``Fairfax County``), as written.
_JURISDICTION_CUE = re.compile(rf"^(?:{_en('government_firsts')})\b|\b(?:{_en('government_lasts')})$")


@cache
def _statement() -> Needled:
    """A name, then a ``[phrases] employer_after`` phrase: searched only in a text holding its words."""
    return Needled(rf"(?:\b(?:The|the)[ \t]+)?(?P<name>{_CAP}(?:[ \t]+(?:{_LINK}[ \t]+)?{_CAP}){{0,7}})"
                      rf"[ \t]+(?i:{_phrases('employer_after')})\b")


def unit_headed(title: str) -> str | None:
    """The unit a French title says the post heads: ``Responsable Département Skills``, ``Chef du service
    des sports`` -> ``Département Skills``, ``service des sports`` (a ``[words] title_heads`` entry, a
    unit's word, a name after it); else the unit it names after a linking word (``_named_in``)."""
    if m := _headed().match(fold_accents_kept(title)):
        return title[m.start("unit") : m.end("unit")]
    m = _named_in().search(fold_accents_kept(title))
    if not m or _local_body().fullmatch(title, m.start("unit")):
        return None  # ``Agent du Département de la Manche``: the local government, no unit of it
    return title[m.start("unit") : m.end("unit")]


def unit_line(doc: Document) -> Found | None:
    """A unit alone on a line near the top, led by ``à la`` / ``au`` (``A la Direction Cadre de Vie et
    Espace Public`` under a posting's title): the unit the post is in (``_unit_alone``)."""
    for ln in [ln for ln in doc.lines[doc.front_end :] if not ln.blank][:TOP_LINES]:
        body = doc.body(ln).rstrip()
        if not (m := _unit_alone().fullmatch(fold_accents_kept(body))):
            continue
        unit = body[m.start("unit") : m.end("unit")]
        if not _local_body().fullmatch(unit):  # ``Au Département de la Manche``: the body, no unit of it
            return unit, Span(ln.body_start + m.start("unit"), ln.body_start + m.end("unit"))
    return None


#: the lines near the top where a posting states where the post sits.
TOP_LINES = 6




@cache
def _unit_kinds(*, titled: bool = False) -> str:
    """The French ``[words] unit_words``, folded, longest first, as one alternation; ``titled``: without the
    ``[words] post_kind_units`` ones, a post's kind after a title's head (``chargé de mission``)."""
    listed = words_in("fr", "words", "unit_words")
    if titled:
        listed -= words_in("fr", "words", "post_kind_units")
    return "|".join(re.escape(w) for w in sorted(listed, key=len, reverse=True))


@cache
def _unit_alone() -> re.Pattern[str]:
    return re.compile(rf"[ \t]*(?i:(?:a[ \t]+la|a[ \t]+l['\u2019]|au|aux)[ \t]+)"
                      rf"(?P<unit>(?i:{_unit_kinds()})[ \t]+(?:(?i:{UNIT_NAME_LINK}))?"
                      r"[A-Z\u00c0-\u00de][^.;:!?\n]{0,80})")


@cache
def _named_in() -> re.Pattern[str]:
    """A unit a French title names after a linking word, its name capitalised: ``Conseiller coordinateur du
    service ICT``, ``Adjoint au Chef du Service Médiathèque Côte-d'Or`` (a unit's word, ``[words]
    unit_words``, ``chargé de mission`` apart)."""
    return re.compile(rf"(?i:[ \t](?:du|de[ \t]+la|de[ \t]+l['\u2019]|a[ \t]+la|au)[ \t]+)"
                      rf"(?P<unit>(?i:{_unit_kinds(titled=True)})[ \t]+(?:(?i:{UNIT_NAME_LINK}))?"
                      r"[A-Z][^\n]*)$")


@cache
def _headed() -> re.Pattern[str]:
    heads = "|".join(re.escape(w) for w in sorted(words_in("fr", "words", "title_heads"), key=len,
                                                    reverse=True))
    kinds = _unit_kinds(titled=True)  # ``chargé de mission``
    return re.compile(rf"(?i)(?:{heads})[ \t]+(?:(?:du|des|de[ \t]+la|de[ \t]+l['\u2019]|de)[ \t]*)?"
                      rf"(?P<unit>(?:{kinds})[ \t]+\S.*)$")


def fold_accents_kept(text: str) -> str:
    """``Département`` -> ``Departement``, the same length: a folded word list matches text as written."""
    return "".join(unicodedata.normalize("NFKD", c)[0] for c in text)


#: capitalised words (maybe linked by a ``[words] unit_name_links`` word) after a comma closing a title, the
#: last a unit's kind: ``, Human Resources Services Branch``.
UNIT_AFTER_COMMA = re.compile(rf",[ \t]*((?:[A-Z][\w'\u2019&-]*[ \t]+(?:{_UNIT_LINK}[ \t]+)?){{1,6}}"
                              r"(?P<kind>[A-Z][a-z]+))$")


def unit_of_superior(title: str) -> str | None:
    """The unit a supervisor's title names after a comma, the post's own unit when the document names
    none: "Assistant Deputy Minister, Human Resources Services Branch" -> Human Resources Services Branch."""
    m = UNIT_AFTER_COMMA.search(title)
    return m.group(1) if m and m.group("kind").casefold() in _rank() else None


def _hires(text: str, m: re.Match[str]) -> bool:
    """Whom a ``_subject_body`` match seeks: uncounted people (``de candidats``) or, after its count, words
    naming a post (``titles.names_a_post``) on its line: ``recrute un(e) Responsable ATL``, not ``est à la
    recherche d'un consensus``."""
    if fold(m.group(0)).split()[-1] in words("words", "sought_people"):
        return True
    stop = text.find("\n", m.end())
    line = text[m.end() : stop if stop >= 0 else len(text)]
    return names_a_post(" ".join(re.findall(r"[^\W\d_][\w'\u2019-]*", line)[:8]))


@cache
def _subject_body() -> re.Pattern[str]:
    """A body named as the subject of a sentence that says it hires: ``la startup d'État DossierFacile
    recrute un·e ...``, ``[transport.data.gouv.fr](...) cherche une ou un ...`` (``[words]
    recruiting_verbs``)."""
    cap = r"[A-Z\u00c0-\u00de][\w'\u2019&.-]*"
    link = r"(?:de[ \t]+la|de[ \t]+l['\u2019]|du|des|de|d['\u2019]|of|for|and|the)"
    blank = r"[ \t]+"
    name = (rf"\[(?P<link>[^\]\n]{{2,60}})\]\([^)\n]*\)"
            rf"|(?P<name>{cap}(?:[ \t]+(?:{link}[ \t]*)?[\w'\u2019&.-]+){{0,6}}?)")
    kind = rf"(?:(?i:{alternation('words', 'body_kinds', blank)}){blank})?"  # ``La Startup d'État``
    verbs = alternation("words", "recruiting_verbs")
    article = rf"(?:(?i:{leading('words', 'subject_articles', blank)}))?"
    # how many it hires: ``un``, ``1``, ``deux`` (``[numbers]``), after ``de`` (``procède au recrutement par
    # concours de deux ingénieurs``), or whom (``[words] sought_people``: ``est à la recherche de candidats``)
    count = "|".join(["une?", "an?", r"\d{1,2}", *(re.escape(w) for w in numbers()),
                      alternation("words", "sought_people")])
    # a heading's marks and a pointing sign before it: ``#### **👉 Le CFS ... est à la recherche d'un(e)``
    marks = r"[#*_ \t\u2190-\u21ff\u2600-\u27bf\U0001f300-\U0001faff]*"
    return re.compile(rf"(?:^|(?<=[.!?][ \t])|(?<=,[ \t])){marks}{article}{kind}(?:{name})"
                      rf"(?:[ \t]+\([^()\n]{{0,80}}\))?"
                      # what the body is, between commas: ``(ONEMA), établissement public de l'Etat,``,
                      # ``L'École Polytechnique de Montréal, l'un des plus importants établissements ...,
                      # comptant plus de 6 500 étudiants ..., est à la recherche de candidats``
                      r"(?:,\s+[a-z\u00e0-\u00ff][^.]{2,250}?,)?[ \t]+"
                      rf"(?:{verbs})[ \t]+(?:(?:par[ \t]+concours[ \t]+)?(?:de|d['\u2019])\s*)?"
                      rf"(?:{count})\b",
                      re.M)


def unit_hiring(doc: Document) -> tuple[Found | None, Found | None]:
    """The body and the unit a French sentence's subject names where the unit hires (``[words]
    recruiting_verbs``): ``Le département informatique de l'IUT de Valmont recrute`` -> IUT de Valmont,
    département informatique; ``La Mission numérique de la Direction générale de l'énergie ... recherche``
    -> the Direction générale, Mission numérique. The body is what follows the first link before a capital
    (``[words] part_of_links``), none where nothing does."""
    for m in _unit_hires().finditer(doc.text, 0, EARLY * 2):
        sought = re.split(r"[.;:!?\n]", doc.text[m.end() : m.end() + 200])[0]
        if not _hires(doc.text, m) and len(sought.split()) > SOUGHT_WORDS:
            continue  # ``La direction recherche une solution pour ...``: no post sought
        start, end = m.start("unit"), m.end("unit")
        body = _of_body().search(doc.text, start, end)
        unit = clean(doc, start, body.start() if body else end)
        if unit and len(unit[0].split()) >= 2:
            return (clean(doc, body.end(), end) if body else None), unit
    return None, None


#: the most words after ``recrute un`` that name the post sought, to the sentence's end.
SOUGHT_WORDS = 6


@cache
def _unit_hires() -> re.Pattern[str]:
    """A sentence's article, a French unit's word and its name, a ``[words] recruiting_verbs`` verb and
    whom it seeks (``_hires``: ``un·e``, ``deux``, ``des candidats``)."""
    article = leading("words", "subject_articles", r"[ \t]+", capitalised=True, languages=("fr",))
    verbs = alternation("words", "recruiting_verbs", r"[ \t]+", languages=("fr",))
    count = "|".join([r"une?(?:[\u00b7.(-]e\)?)?", r"\d{1,2}", *(re.escape(w) for w in numbers()),
                      alternation("words", "sought_people")])
    return re.compile(rf"(?:^|(?<=[.!?][ \t]))(?:{article})(?P<unit>(?:{_fr_units_written()})(?![\w-])"
                      rf"[^.;:!?()\n]{{2,140}}?)[ \t]+(?:{verbs})[ \t]+(?:(?:de|d['\u2019])[ \t]*)?"
                      rf"(?:{count})(?!\w)", re.M)


@cache
def _of_body() -> re.Pattern[str]:
    """A French ``[words] part_of_links`` link before a capital: `` de l'IUT``, `` de la Direction``."""
    links = "|".join(patterns("words", "part_of_links", r"[ \t]+", languages=("fr",)))
    return re.compile(rf"[ \t]+(?:{links})[ \t]*(?=[A-Z\u00c0-\u00de])")


def subject_body(doc: Document, *, not_names: set[str] | frozenset[str] = frozenset()) -> Found | None:
    """The first body named early as a sentence's subject that hires (see
    ``_subject_body``); never ``Nous``/``Notre équipe`` (``[words] not_bodies``) nor a unit (``Le
    service Communication recrute``), but a unit's word that names a body in the document's language
    (``[words] organisation_nouns``: a French ``Office``, ``L'Office national de l'eau ...``)."""
    never = (words("words", "not_bodies") | set(french_kinds()) | words("unit_heads", "ranked")) \
        - words_in(language(doc.text), "words", "organisation_nouns")
    for m in _subject_body().finditer(doc.text, 0, EARLY):
        key = "link" if m.group("link") else "name"
        said = m.group(key)
        if fold(said).split()[0] in never or fold(said) in not_names or not _hires(doc.text, m):
            continue
        return said, Span(m.start(key), m.end(key))
    return None
