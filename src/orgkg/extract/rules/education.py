"""Minimum education: the first degree, diploma or certificate a requirement names.

The degree is looked for first in the lines under a qualifications heading,
then anywhere, as the lexicon's ``[degrees]`` tables describe a degree in
each language ("Bachelor's degree in ...", "High School Diploma",
"baccalauréat", "licence en", "bac +3"). What a document only prefers is not a minimum: a degree in a
clause that says "preferred", "desirable", "an asset", or under a heading such
as "Desired" or "Preferred Qualifications", is passed over (read only when no other
degree is named and no heading says what is required). A bare "degree" (no level
named) counts inside a qualifications section or where it opens its line
("- Degree from a recognized institution"), not in a note elsewhere
("positions that required possession of a degree").

The value is the degree and what qualifies it up to where the clause turns
to something else: "Bachelor's degree in Political Science" but not "... AND
five (5) years of experience", "PhD level" but not its bracketed remark.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from orgkg.extract.lexicon import fold, numbers, said, words, written
from orgkg.extract.needles import places
from orgkg.extract.rules.duties import is_stop_line, names_duties
from orgkg.extract.rules.labels import MD_LINK, every_label
from orgkg.extract.rules.lines import is_heading, marker
from orgkg.extract.text import clean_title


def _entries(key: str) -> tuple[str, ...]:
    """The ``[degrees] key`` entries of every language, as written."""
    return written("degrees", key)


def _one_of(key: str, space: str = r"\s+") -> str:
    """The entries of ``key`` as one alternation, longest first; an entry in capitals as written."""
    def entry(w: str) -> str:
        return f"(?-i:{said(w, space)})" if w.isupper() else said(w, space)
    return "|".join(entry(w) for w in sorted(_entries(key), key=len, reverse=True)) or "(?!)"


@cache
def _pattern() -> re.Pattern[str]:
    """A degree's name, as the ``[degrees]`` table describes it; a level and another word after a slash
    (``Associates/Technical degree``, ``Bachelor's/Master's degree``) one name."""
    noun, levels, kinds = _one_of("noun"), _one_of("levels"), _one_of("kinds")
    capitalised = "|".join(w.capitalize() for w in _entries("levels"))
    grammar = (rf"(?:{levels})(?:['’]?s)?(?:\s+of\s+[A-Z]\w+|/[A-Za-z-]+(?:['’]?s)?)?\s+(?:{noun})"
               rf"|(?-i:(?:{capitalised})\s+of\s+[A-Z]\w+(?:\s+[A-Z]\w+)?)"
               rf"|(?:{_one_of('alone')})['’]?s"
               rf"|(?:(?:{kinds})\s+)?(?:{noun})(?!\s+of\b)"
               # US class specifications: ``Graduation from an accredited (four (4) year) college ...``
               rf"|(?:{_one_of('completed_at')})\s+{_lasting()}(?:{kinds})\b")
    named = _one_of("named", space=r"\s*")
    return re.compile(rf"(?i)\b{_lasting()}(?:{grammar}|{named}|{_one_of('in_section')})(?:\b|(?<=\+)\s*\d)")


@cache
def _lasting() -> str:
    """How long a degree takes, before it, if said: ``Two year Diploma``, ``4-year degree``, ``four (4)
    year``."""
    spelled = sorted(numbers(), key=len, reverse=True)
    return rf"(?:(?:\d{{1,2}}|{'|'.join(spelled)})(?:\s*\(\d{{1,2}}\))?[\s-]+(?:{_one_of('lasting')})\s+)?"


@cache
def _initials() -> frozenset[str]:
    """Degrees written in capitals by their initials (``GED``, ``M.L.S``): a degree, not a heading's word."""
    return frozenset(w for w in (*_entries("named"), *_entries("in_section")) if w.isupper())


@cache
def _bare() -> re.Pattern[str]:
    """A degree that names no level (``degree``) or one of ``[degrees] in_section`` (``degree level``,
    ``BTS``): counted only inside a qualifications section or where it opens its line."""
    return re.compile(rf"(?i){_lasting()}(?:{_one_of('noun')})|{_one_of('in_section')}")


@cache
def _completed() -> re.Pattern[str]:
    """A school completed (``[degrees] completed_at``): ``Graduation from an accredited college``."""
    return re.compile(rf"(?i)(?:{_one_of('completed_at')})\s")


@cache
def _completed_with() -> re.Pattern[str]:
    """Up to the degree, with a level, that a school completed gives (``[degrees] completed_with``):
    ``Graduation from a college or university of recognized standing with a Bachelor's Degree in ...``."""
    levels = _one_of("levels")
    return re.compile(rf"(?i)[^.;:\n]{{0,80}}?\s(?:{_one_of('completed_with')})\s+(?=(?:{levels}))")


@cache
def _conferred() -> re.Pattern[str]:
    """The school conferring a bare degree, after it (``[degrees] conferred_by`` and ``schools``): `` from a
    recognized post-secondary institution``, `` from an accredited college or university``."""
    school = _one_of("schools")
    return re.compile(rf"(?i)\s+(?:{_one_of('conferred_by')})(?:\s+[\w-]+){{0,3}}?\s+(?:{school})\b"
                      rf"(?:\s+or\s+(?:{school})\b)?")


@cache
def _stems(key: str) -> re.Pattern[str]:
    """The stems of ``[degrees] key`` anywhere in a line."""
    return re.compile("|".join(re.escape(w) for w in _entries(key)) or "(?!)", re.I)


@cache
def _preferred() -> re.Pattern[str]:
    """What a document only prefers (``preferred``, ``an asset``, ``un atout``; not after a ``[degrees]
    preferred_not_after`` word: ``Profil souhaité`` names the requirements)."""
    return re.compile(rf"(?i)\b{_not_after()}(?:{_one_of('preferred')})\b")


@cache
def _not_after() -> str:
    return "".join(rf"(?<!\b{re.escape(w)} )" for w in _entries("preferred_not_after"))


@cache
def _preferred_heading() -> re.Pattern[str]:
    """A heading over what is only preferred: ``[degrees] preferred`` and ``preferred_headings`` words
    (``Asset Qualifications``, ``Nice to have``, ``Atouts``)."""
    preferred = rf"{_not_after()}(?:{_one_of('preferred')})"
    return re.compile(rf"(?i)\b(?:{preferred}|{_one_of('preferred_headings')})\b")


@cache
def _opening() -> re.Pattern[str]:
    """What may stand before a degree that opens a line: a list marker, an article."""
    return re.compile(rf"(?i)[\s\-*\u2022\u25cf\u25aa>\d.)(\[]*(?:(?:{_one_of('articles')})\s+)?")


@cache
def _clause_end() -> re.Pattern[str]:
    """Where the clause naming a degree turns to something else: a stop, a comma before a count, a bracket
    (not a plural's, ``discipline(s)``; a closing one after a degree named in brackets, ``(Bac+5) en
    droit``), a linking word."""
    return re.compile(rf"\.(?!\w)|[;:\n]|,\s+(?=\d)|(?<!\w)\(|(?<!\(\w)\)|\s+(?:{_one_of('clause_ends')})\s+"
                      rf"|\s+(?:{_one_of('clause_ends_words')})\b"
                      rf"|,\s+(?:{_one_of('clause_ends_after_comma')})\b(?!\s+(?:{_one_of('clause_goes_on')})\b)")


def _required(line: str) -> bool:
    """A heading of what is required (a legal requirement, a licence, is not education)."""
    return bool(_stems("required").search(_stems("not_required").sub(" ", line)))


class Line(NamedTuple):
    """A line of a document and where it stands: under a qualifications heading (``inside``), under a
    heading of what is only preferred, under a heading of what is never a requirement (``aside``: the
    duties, the employer's description, the benefits), a heading itself."""

    at: int
    text: str
    inside: bool
    preferred: bool
    aside: bool
    heading: bool


@lru_cache(maxsize=4)  # education and experience (``standing``) ask it of the same text
def _lines(text: str) -> tuple[Line, ...]:
    """Each line of ``text`` and where it stands (``_each_line``), read once for every rule that asks."""
    return tuple(_each_line(text))


def _each_line(text: str) -> Iterator[Line]:
    """Each line of ``text`` and where it stands."""
    at, inside, preferred, aside, after_blank = 0, False, False, False, True
    for ln in text.splitlines(keepends=True):
        if not ln.strip():  # a blank line: no heading, no label; where it stands goes on
            after_blank = True
            yield Line(at, ln, inside, preferred, aside, False)
            at += len(ln)
            continue
        heading = is_heading(ln) or (after_blank and (_named_heading(ln) or _aside(ln) or is_stop_line(ln)))
        after_blank = not ln.strip()
        if heading and _opens_section(ln):
            inside = bool(_stems("section").search(ln)) or fold(ln) in words("degrees", "section_alone")
            preferred = bool(_preferred_heading().search(ln))
            aside = not inside and _aside(ln)
            yield Line(at, ln, False, preferred, aside, heading)
        elif (label := FIELD_LABEL.match(ln)) and _stems("section").search(label.group(1)):
            # a form's row, its value beside its label: ``Minimum Qualifications<TAB>...``; what follows is no
            # longer the duties
            aside = False
            yield Line(at, ln, True, bool(_preferred_heading().search(label.group(1))), aside, heading)
        else:
            yield Line(at, ln, inside, preferred, aside, heading)
        at += len(ln)


#: a label opening a line, its value after a tab or a colon: ``Minimum Qualifications<TAB>...``.
FIELD_LABEL = re.compile(r"[ \t]*([^:\t\n]{3,40}?)(?:[ \t]*:|\t)[ \t]*\S")


def _opens_section(line: str) -> bool:
    """A heading line opens a section: unmarked, or numbered and naming the qualifications (``2.
    Qualifications``; never a bulleted item, ``- Experience with budgets``)."""
    kind, _, said = marker(line)
    named = len(said.split()) <= 4 and bool(_stems("section").search(said))
    return kind == "none" or (kind == "num" and named)


def _aside(line: str) -> bool:
    """A heading over what is never a requirement: the duties (``lines.names_duties``), the employer's
    description (``[headings] employer``), what the employer offers (``[degrees] not_required_sections``)."""
    folded = fold(line).rstrip(" :?")
    if not folded or len(folded.split()) > 8:
        return False
    said = folded.split(" ")
    return names_duties(line.strip()) or any(" ".join(said[:k]) in _asides() for k in range(1, len(said) + 1))


@cache
def _asides() -> frozenset[str]:
    return words("headings", "employer") | words("degrees", "not_required_sections")


def standing(text: str) -> Callable[[int], int | None]:
    """Where a requirement stands in ``text``, as the rank of an offset: 0 under a qualifications heading, 1
    elsewhere, 2 under a heading of what is only preferred ("Preferred Qualifications", "Assets", "Atouts"), 4
    under the duties, the employer's description or its benefits; None under either of the last when another
    heading says what is required (what is preferred is then no minimum, and the rest is no requirement)."""
    lines = _lines(text)
    required = _says_required(lines)
    starts = [ln.at for ln in lines]

    def rank(at: int) -> int | None:
        ln = lines[max(0, bisect_right(starts, at) - 1)]
        if ln.preferred or ln.aside:
            return None if required else 4 if ln.aside else 2
        return 0 if ln.inside else 1
    return rank


def preferred_clause(text: str, start: int, end: int) -> bool:
    """The clause around ``text[start:end]`` says it is only preferred: "Preferred: ...", "... preferred",
    "... is an asset", "... serait appréciée"."""
    before = re.split(r"[.;\n]", text[max(0, start - 200) : start])[-1]
    if _preferred().search(before) and not _pattern().search(before):
        return True  # "Preferred: five years ...", not "Bachelor's degree preferred; five years ..."
    after = re.split(r"[.;\n]|,\s", text[end : end + 200])[0]
    return bool(_preferred().search(after))


def _says_required(lines: Sequence[Line]) -> bool:
    """A heading says what is required (a document whose only qualifications are "Desirable Qualifications"
    means them as the minimum)."""
    return any(ln.heading and _required(ln.text) and not _preferred_heading().search(ln.text) for ln in lines)


def _named_heading(line: str) -> bool:
    """A heading in sentence case that names the qualifications (``Essential criteria``, ``Minimum
    qualifications``, ``Person specification``): a short line after a blank, opening with a capital, ending no
    sentence, holding a ``[degrees] section`` stem (or saying what is only preferred: ``Nice to have``) and
    naming no degree."""
    s = line.strip()
    return (0 < len(s.split()) <= 5 and s[0].isupper() and not s.endswith((".", ",", ";"))
            and bool(_stems("section").search(s) or _preferred_heading().search(s))
            and not _pattern().search(s))


#: where the clause after a degree ends: a stop, or a comma before a count (another requirement).
NEXT_CLAUSE = re.compile(r"[.;\n]|,\s+(?=\d)")


def _only_preferred(line: str, m: re.Match[str]) -> bool:
    """The degree is what the document prefers: "Preferred: X", "X preferred", "X is an asset"; not what a
    count after a comma says ("Bac+3 en ressources humaines, 3 ans d'expérience souhaitée")."""
    if _preferred().search(re.split(r"[.;]", line[: m.start()])[-1]):  # the clause before it only
        return True
    clause = NEXT_CLAUSE.split(line[m.end() :])[0]
    said = _preferred().search(clause)
    return said is not None and not _pattern().search(clause[: said.start()])


def _opens(line: str, m: re.Match[str]) -> bool:
    """The degree opens its line, list item or qualifications field: ``- Degree from a recognized
    institution``, ``Qualifications: Degree in accounting``, ``Qualifications  Degree in ...``."""
    before = line[: m.start()]
    if _opening().fullmatch(before):
        return True
    label = re.match(r"([^:\t]{1,40}?)(?:[ \t]*:|\t|[ ]{2,})", before)
    return bool(label and _stems("section").search(label.group(1))
                and _opening().fullmatch(before[label.end() :]))


@cache
def _not_asked_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The people a degree names (``[degrees] holders``) right after it; what says it may stand for
    experience (``[degrees] substitutes``); an aside or what else may be substituted (``[degrees]
    substitute_others``) between a degree and those words."""
    return (re.compile(rf"(?i)\s+(?:{_one_of('holders')})\b"),
            re.compile(rf"(?i)\b(?:{_one_of('substitutes')})\b"),
            re.compile(rf"(?i)\(|\b(?:{_one_of('substitute_others')})"))


@cache
def _documents() -> re.Pattern[str]:
    """A paper an application asks for (``[degrees] documents``): ``a copy of your ... diploma``."""
    return re.compile(rf"(?i)\b(?:{_one_of('documents')})\b")


@cache
def _taught() -> re.Pattern[str]:
    """A ``[degrees] programme_articles`` word right before a degree: a programme taught (``la licence
    professionnelle TAIS``), no degree asked."""
    return re.compile(rf"(?i)(?<!\w)(?:{_one_of('programme_articles')})\s+$")


@cache
def _programme() -> re.Pattern[str]:
    """A ``[degrees] programmes`` word right after a degree, its initials in brackets maybe between."""
    return re.compile(rf"(?i)\s*(?:\([A-Z]{{2,6}}\)\s*)?(?:{_one_of('programmes')})\b")


def _not_asked(line: str, m: re.Match[str]) -> bool:
    """The degree names no requirement: its holders ("Master's students in 12 departments"), a paper an
    application asks for ("a copy of your transcripts or diploma"), or its sentence
    says it may be substituted for experience ("A Master's degree ... may be substituted for one (1)
    additional year"; not where an aside or another thing comes between: "Bachelor's degree ..., or
    equivalent experience (experience may be substituted for the degree)") or what may be substituted for it
    ("College training may be substituted ... for a Bachelor's degree")."""
    holders, substitutes, others = _not_asked_words()
    if holders.match(line, m.end()) or _programme().match(line, m.end()):
        return True  # "Master's students", "the Master of Data Science (MDS) program": no degree asked
    before = SENTENCE_END.split(line[: m.start()])[-1]
    if substitutes.search(before) or _documents().search(before):
        return True  # "... may be substituted for a Bachelor's degree", "a copy of your transcripts or
        # diploma"
    after = SENTENCE_END.split(line[m.end() :])[0]
    said = substitutes.search(after)
    return said is not None and not others.search(after, 0, said.start())


#: the end of a sentence or of a clause standing as one.
SENTENCE_END = re.compile(r"[.;](?:\s|$)")


def _a_label(line: str, m: re.Match[str]) -> bool:
    """The degree's word is its line's whole text and a label (``[labels]``, any kind): ``Diploma`` alone
    over ``Master``, a form's label, names no degree."""
    return not line[: m.start()].strip(" \t*_-") and not line[m.end() :].strip(" \t\r\n*_:") \
        and fold(m.group(0)) in every_label()


#: a hyphen joining initials to the rest of a code, before them (``313797-``) or after them (``-NMNH``).
JOINED_BEFORE, JOINED_AFTER = re.compile(r"[A-Za-z0-9]-$"), re.compile(r"-[A-Za-z0-9]")


def _found(text: str) -> int | None:
    """Where the first degree a requirement names starts in ``text``."""
    lines = _lines(text)
    required = _says_required(lines)
    named: dict[int, list[re.Match[str]]] = {}  # each line's degrees, read once for every pass
    naming = _naming(text, [ln.at for ln in lines])
    # only the lines that may name a degree are read, in each pass
    maybe = range(len(lines)) if naming is None else sorted(naming)
    # what a heading says is preferred is read last, and only where no heading says what is required; so are
    # the duties, the employer's description and its benefits, after anything else
    passes = [(True, False, False), (False, False, False)]
    passes += [] if required else [(True, True, False), (False, True, False), (False, True, True)]
    for in_section, preferred_too, aside_too in passes:
        for k in maybe:
            at, ln, inside, preferred, aside, _ = lines[k]
            if (in_section and not inside) or (preferred and not preferred_too) or (aside and not aside_too):
                continue
            if k not in named:
                named[k] = list(_pattern().finditer(ln))
            for m in named[k]:
                if m.group(0).isupper() and m.group(0) not in _initials():
                    continue  # a heading in capitals (``EDUCATION AND DEGREE``) names no degree
                if m.group(0).isupper() and (JOINED_BEFORE.search(ln, 0, m.start())
                                             or JOINED_AFTER.match(ln, m.end())):
                    continue  # initials inside a code (``#26R-JW-313797-MPA-NMNH``) name no degree
                if (not in_section and _bare().fullmatch(m.group(0)) and not _opens(ln, m)) or \
                        _only_preferred(ln, m) or _a_label(ln, m) or _not_asked(ln, m) or \
                        _taught().search(text, max(0, at + m.start() - 12), at + m.start()):
                    continue  # ``... tandis que la`` / ``licence professionnelle TAIS a pour objectif de
                    # former ...``: a programme taught, its article maybe on the line above
                return at + m.start()
    return None


def _naming(text: str, starts: list[int]) -> set[int] | None:
    """The lines (by their ``starts``) that may name a degree: those holding a word one of which every
    degree's name holds (``needles.places``); None when unknown. The degree's pattern, tried at every
    word, is read only there."""
    found = places(text, _pattern())
    return None if found is None else {bisect_right(starts, at) - 1 for at in found}


def education(text: str, *, whole_clause: bool = False) -> str | None:
    """The first degree a requirement names, with what qualifies it, or None; a degree named by its level as
    people name it (``_as_named``), or, ``whole_clause``, with all its clause says (a form's own field)."""
    start = _found(text)
    if start is None:
        return None
    linked = MD_LINK.sub(r"\1", re.sub(r"^([^\]\n]*)\]\([^)\s]+\)", r"\1", text[start : start + 600]))
    rest = re.sub(r"\n(?=[ \t]*[a-z])", " ", linked[:200])  # ``[Degree](https://...) from a [...](...)``
    named = _pattern().match(rest)  # the degree's own words (``graduation from high school``) end no clause
    if named and _completed().match(named.group(0)) and (level := _completed_with().match(rest, named.end())):
        return education(rest[level.end() :])  # what the school completed gives: ``... with a Bachelor's``
    cut = named.end() if named else 0
    if named and _bare().fullmatch(named.group(0)) and (school := _conferred().match(rest, cut)):
        return clean_title(rest[: school.end()]).capitalize()  # ``Degree from a recognized ... institution``
    clause = _clause_end().split(rest[cut:])[0]
    if named and not whole_clause and not _bare().fullmatch(named.group(0)):
        clause = _as_named(named.group(0), clause)
    phrase = clean_title(rest[:cut] + clause)
    return phrase[0].upper() + phrase[1:] if phrase else None


def _as_named(name: str, clause: str) -> str:
    """What of the ``clause`` after a degree named by its level people say with it: another degree it may be
    (``or GED``), and its field when that is one named field (``in Political Science``, ``en
    informatique``, ``in Library or Information Science``, ``in Computing Science or related
    discipline(s)``); not a list of fields, a general one (``in a related field``, ``in any major``), an
    aside (``, ideally in ...``), nor that it is required (``[degrees] field_*``). A degree that names no
    level (``Completion of a degree``, ``Master's in ...``) keeps its clause: its field is what names it;
    so does a clause read no further."""
    if not _levelled(name):
        return clause
    kept = ""
    while (other := _other_degree().match(clause)) and (degree := _pattern().match(clause, other.end())):
        kept, clause = kept + clause[: degree.end()], clause[degree.end() :]
    rest = _asked().sub("", clause)
    field = rest if _field_after().search(name) else None
    if field is None and (after := _field_after().match(rest)):
        field = rest[after.end() :]
    if not rest.strip() or (field is None and rest.startswith(", ")):
        return kept  # "Bachelor's Degree required", "Bachelor's degree, ideally in a field relevant to ..."
    if field is None:
        return kept + clause
    one = _related().sub("", field).strip()
    said = fold(one).split()
    listed = "," in one or len(_joins().findall(one)) > 1
    if not said or said[0] in words("degrees", "field_general") or listed:
        return kept
    return kept + rest


def _levelled(name: str) -> bool:
    """A degree's name says its level or kind (``Bachelor's degree``, ``Tertiary degree``, ``MLS``), not only
    its noun (``Completion of a degree``, ``Diploma``: ``[degrees] field_names``) or a level alone
    (``Master's``, ``Masters``)."""
    if re.fullmatch(rf"(?i)(?:{_one_of('alone')})['’]?s", name):
        return False
    last = fold(name).split()[-1:]
    unlevelled = words("degrees", "noun") | words("degrees", "field_names")
    said = bool(_stems("levels").search(name) or _stems("kinds").search(name))
    return said or not (last and last[0] in unlevelled)


@cache
def _other_degree() -> re.Pattern[str]:
    """Before another degree the first may be: ``or``, ``/``."""
    return re.compile(r"(?i)\s*(?:/|,?\s+or\s+|,?\s+ou\s+)(?:(?:a|an|un|une)\s+)?")


@cache
def _asked() -> re.Pattern[str]:
    """Words after a degree or its field that say it is asked (``[degrees] field_asked``)."""
    asked = _one_of("field_asked")
    return re.compile(rf"(?i)^,?\s+(?:{asked})\b|,?\s+(?:{asked})\s*$")


@cache
def _field_after() -> re.Pattern[str]:
    """The words before a degree's field (``[degrees] field_after``), opening what follows the degree or
    closing its name (``licence en``)."""
    after = _one_of("field_after")
    return re.compile(rf"(?i)^\s+(?:{after})\s+|\s(?:{after})$")


@cache
def _related() -> re.Pattern[str]:
    """The close that leaves a field one (``[degrees] field_related``): ``or related discipline(s)``."""
    return re.compile(rf"(?i),?\s+(?:{_one_of('field_related')})(?:\s+\S+)?\s*$")


@cache
def _joins() -> re.Pattern[str]:
    """What joins two fields (``[degrees] field_joins``): one field may be said so (``Library or Information
    Science``), not more."""
    return re.compile(rf"(?i)\s(?:{_one_of('field_joins')})\s")
